// Cubic Hermite interpolation of an Earth-fixed trajectory between two samples (position and
// velocity at both ends) and Brent's root finder on it. Pure; imports nothing.

/**
 * The cubic Hermite interpolant on [t0, t1]: with τ = (t − t0)/h, h = t1 − t0 in seconds,
 * p(τ) = h00 p0 + h10 h v0 + h01 p1 + h11 h v1 (h00 = 2τ³−3τ²+1, h10 = τ³−2τ²+τ,
 * h01 = −2τ³+3τ², h11 = τ³−τ²). Matches position and velocity at both ends; at 60 s spacing in
 * LEO it errs ≈ 0.3 m (docs/sources.md#hermite, checked again in test/links/hermite.test.ts).
 */
export class HermiteSegment {
  /** Start time, ms since Unix epoch (UTC). */
  t0Ms = 0;
  /** Length h of the segment, s. */
  hS = 0;
  private readonly c = new Float64Array(12); // p0, h·v0, p1, h·v1

  /** Sets the ends from `p0[o0..]`, `v0[o0..]` (km, km/s) at t0Ms and `p1[o1..]`, `v1[o1..]` at t1Ms. */
  set(t0Ms: number, p0: ArrayLike<number>, v0: ArrayLike<number>, o0: number, t1Ms: number, p1: ArrayLike<number>, v1: ArrayLike<number>, o1: number): this {
    const h = (t1Ms - t0Ms) / 1000;
    this.t0Ms = t0Ms;
    this.hS = h;
    for (let k = 0; k < 3; k++) {
      this.c[k] = p0[o0 + k]!;
      this.c[3 + k] = h * v0[o0 + k]!;
      this.c[6 + k] = p1[o1 + k]!;
      this.c[9 + k] = h * v1[o1 + k]!;
    }
    return this;
  }

  /** Time at fraction τ of the segment, ms. */
  timeMs(tau: number): number {
    return this.t0Ms + tau * this.hS * 1000;
  }

  /** Position at τ ∈ [0, 1], km, into `out[0..2]`. */
  position(tau: number, out: Float64Array): Float64Array {
    const t2 = tau * tau;
    const t3 = t2 * tau;
    const a = 2 * t3 - 3 * t2 + 1;
    const b = t3 - 2 * t2 + tau;
    const d = -2 * t3 + 3 * t2;
    const e = t3 - t2;
    const c = this.c;
    for (let k = 0; k < 3; k++) out[k] = a * c[k]! + b * c[3 + k]! + d * c[6 + k]! + e * c[9 + k]!;
    return out;
  }

  /** Velocity dp/dt at τ ∈ [0, 1], km/s, into `out[0..2]`. */
  velocity(tau: number, out: Float64Array): Float64Array {
    const t2 = tau * tau;
    const a = 6 * t2 - 6 * tau;
    const b = 3 * t2 - 4 * tau + 1;
    const d = -6 * t2 + 6 * tau;
    const e = 3 * t2 - 2 * tau;
    const c = this.c;
    const h = this.hS;
    for (let k = 0; k < 3; k++) out[k] = (a * c[k]! + b * c[3 + k]! + d * c[6 + k]! + e * c[9 + k]!) / h;
    return out;
  }
}

/**
 * Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4, the
 * `zeroin` algorithm) for a root of `f` in [a, b] where f(a), f(b) have opposite signs (or one is
 * 0). Stops when the bracket is below `tol`. Returns NaN when the bracket is not valid.
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tol: number): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return NaN;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 100; iter++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
}
