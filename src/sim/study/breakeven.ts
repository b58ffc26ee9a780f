// Break-even: the value of one parameter at which two modes' metric are equal (default: cost per million tokens,
// onboard vs ground). A scan of the range brackets the first sign change of f(x) = metric(A) − metric(B); Brent's
// method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4, zeroin) narrows it to the
// tolerance, bisection where f is infinite. Metrics can be piecewise (antenna minutes are billed by the started
// minute, contacts appear at discrete masks): the root is then the point where the sign of f changes, located to
// within the tolerance, and reported as a jump (`continuous: false`). A null metric (no tokens, nothing
// delivered) counts as +∞: that mode loses. Pure.
import { spacedValues } from './axes.ts';
import type { MetricValue } from './metrics.ts';

export interface BreakevenOptions {
  low: number;
  high: number;
  /** Geometric scan (log-scale parameters with low > 0). */
  log: boolean;
  /** Integer parameter: the root is the smallest integer at which the sign has changed. */
  integer: boolean;
  /** Points of the bracketing scan, ends included (default 9). */
  scanPoints?: number;
  /** Width of the final bracket, relative to high − low (default 1e-6). */
  tolRel?: number;
  /** Most evaluations after the scan (default 100). */
  maxIterations?: number;
}

export interface BreakevenSide {
  x: number;
  a: MetricValue;
  b: MetricValue;
}

export interface BreakevenResult {
  found: boolean;
  /** The root (found only). */
  value?: number;
  /** Final bracket [x where f had the sign of f(low), x where it had the other]. */
  bracket?: [number, number];
  /** Metric values either side of the root (found), or at low and high (none). */
  below: BreakevenSide;
  above: BreakevenSide;
  /** Metric values at the ends of the range. */
  atLow: BreakevenSide;
  atHigh: BreakevenSide;
  /** False when f jumps across zero at the root instead of passing through it. */
  continuous?: boolean;
  /** Scan intervals beyond the first where f changes sign again (the range holds several break-evens). */
  moreCrossings: [number, number][];
  iterations: number;
  evaluations: number;
  tolerance: number;
}

const asNumber = (v: MetricValue) => (v === null ? Infinity : v);
const diff = (s: BreakevenSide) => {
  const a = asNumber(s.a);
  const b = asNumber(s.b);
  return a === b ? 0 : a - b; // ∞ − ∞ is NaN: equal (both lost) counts as 0
};
const sign = (f: number) => (f > 0 ? 1 : f < 0 ? -1 : 0);

/** Finds the break-even of `evaluate` (metric of mode A and B at x) over [low, high]. */
export async function findBreakeven(evaluate: (x: number) => Promise<{ a: MetricValue; b: MetricValue }>, o: BreakevenOptions): Promise<BreakevenResult> {
  let evaluations = 0;
  const at = async (x: number): Promise<BreakevenSide> => {
    evaluations++;
    return { x, ...(await evaluate(x)) };
  };
  let xs = spacedValues(o.low, o.high, o.scanPoints ?? 9, o.log && o.low > 0);
  if (o.integer) xs = [...new Set(xs.map((x) => Math.round(x)))];
  const scan: BreakevenSide[] = [];
  for (const x of xs) scan.push(await at(x));
  const tolerance = o.integer ? 1 : (o.tolRel ?? 1e-6) * (o.high - o.low);
  const crossings: [number, number][] = [];
  for (let i = 0; i + 1 < scan.length; i++) {
    const s0 = sign(diff(scan[i]!));
    const s1 = sign(diff(scan[i + 1]!));
    if (s0 === 0 && i === 0) crossings.push([i, i]);
    if ((s0 !== s1 && s1 !== 0) || (s1 === 0 && s0 !== 0)) crossings.push([i, i + 1]);
  }
  const more = crossings.slice(1).map(([i, j]) => [scan[i]!.x, scan[j]!.x] as [number, number]);
  const common = { moreCrossings: more, atLow: scan[0]!, atHigh: scan.at(-1)!, tolerance };
  const exact = (s: BreakevenSide, below: BreakevenSide, iterations: number): BreakevenResult => ({
    ...common,
    found: true,
    value: s.x,
    bracket: [s.x, s.x],
    below,
    above: s,
    continuous: true,
    iterations,
    evaluations,
  });
  if (crossings.length === 0) return { ...common, found: false, below: scan[0]!, above: scan.at(-1)!, iterations: 0, evaluations };
  const [i, j] = crossings[0]!;
  const [lo0, hi0] = [scan[i]!, scan[j]!];
  if (diff(lo0) === 0) return exact(lo0, lo0, 0);
  if (diff(hi0) === 0) return exact(hi0, lo0, 0);
  const { lo, hi, estimate, iterations } = await refine(lo0, hi0, at, tolerance, o.integer, o.maxIterations ?? 100);
  if (diff(hi) === 0 && !o.integer) return exact(hi, hi, iterations); // landed on the root (equal to the exported precision)
  const fl = diff(lo);
  const fh = diff(hi);
  // Continuous when f shrinks towards zero at the root as well as the bracket does; a jump keeps |f| large.
  const scale = Math.max(...scan.map((s) => Math.abs(diff(s))).filter(Number.isFinite), 1e-300);
  const continuous = Number.isFinite(fl) && Number.isFinite(fh) && Math.min(Math.abs(fl), Math.abs(fh)) <= 1e-3 * scale && !o.integer;
  const value = o.integer ? hi.x : estimate;
  return { ...common, found: true, value, bracket: [lo.x, hi.x], below: lo, above: hi, continuous, iterations, evaluations };
}

/**
 * Narrows a sign-change bracket [lo, hi] to `tol`: Brent's zeroin (as Numerical Recipes' zbrent) while f is finite
 * at both ends, bisection otherwise and for integers. Returns the final bracket, with `lo` keeping the sign of f at
 * the original lo, and the estimate (the secant through the bracket ends, or its middle).
 */
async function refine(
  lo0: BreakevenSide,
  hi0: BreakevenSide,
  at: (x: number) => Promise<BreakevenSide>,
  tol: number,
  integer: boolean,
  maxIterations: number,
): Promise<{ lo: BreakevenSide; hi: BreakevenSide; estimate: number; iterations: number }> {
  const loSign = sign(diff(lo0));
  let lo = lo0;
  let hi = hi0;
  const keep = (s: BreakevenSide) => {
    if (sign(diff(s)) === loSign) lo = s;
    else hi = s;
  };
  let iterations = 0;
  if (integer || !Number.isFinite(diff(lo)) || !Number.isFinite(diff(hi))) {
    while (Math.abs(hi.x - lo.x) > tol && iterations < maxIterations) {
      iterations++;
      let x = (lo.x + hi.x) / 2;
      if (integer) x = Math.floor(x);
      if (x === lo.x || x === hi.x) break;
      keep(await at(x));
    }
  } else {
    let a = lo;
    let b = hi;
    let c = hi;
    let d = b.x - a.x;
    let e = d;
    while (iterations < maxIterations) {
      if (sign(diff(b)) === sign(diff(c))) {
        c = a;
        d = e = b.x - a.x;
      }
      if (Math.abs(diff(c)) < Math.abs(diff(b))) [a, b, c] = [b, c, b];
      const tol1 = 2 * Number.EPSILON * Math.abs(b.x) + tol / 2;
      const xm = (c.x - b.x) / 2;
      if (Math.abs(xm) <= tol1 || diff(b) === 0) break;
      if (Math.abs(e) >= tol1 && Math.abs(diff(a)) > Math.abs(diff(b))) {
        const s = diff(b) / diff(a);
        let p: number;
        let q: number;
        if (a.x === c.x) {
          p = 2 * xm * s;
          q = 1 - s;
        } else {
          const qa = diff(a) / diff(c);
          const r = diff(b) / diff(c);
          p = s * (2 * xm * qa * (qa - r) - (b.x - a.x) * (r - 1));
          q = (qa - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) q = -q;
        p = Math.abs(p);
        if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
          e = d;
          d = p / q;
        } else d = e = xm;
      } else d = e = xm;
      a = b;
      iterations++;
      b = await at(b.x + (Math.abs(d) > tol1 ? d : Math.sign(xm) * tol1));
      keep(b);
    }
  }
  const fl = diff(lo);
  const fh = diff(hi);
  const estimate = Number.isFinite(fl) && Number.isFinite(fh) && fh !== fl ? lo.x - (fl * (hi.x - lo.x)) / (fh - fl) : (lo.x + hi.x) / 2;
  return { lo, hi, estimate, iterations };
}
