// Where orbit (onboard) and ground swap places along a sweep: sign changes of orbit − ground between computed
// points, interpolated (in log x for log-scale parameters), and the sentence that says it ("orbit is cheaper below
// $312/kg"). A null metric (no tokens, nothing delivered) loses, as in the study core. Pure: no DOM or React.
import { formatBytes, formatPercent, formatSignificant, formatUsd } from '../../sim/report/format.ts';
import type { ParamDef } from '../../sim/study/params.ts';

/** A metric value at a sweep point: a number, null (the metric has no value there), undefined (not computed yet). */
export type PointValue = number | null | undefined;

export interface Crossing {
  /** The parameter value where orbit − ground passes zero (interpolated between points i and j). */
  x: number;
  /** Indices of the computed points either side (i < j; equal when a point sits exactly on the crossing). */
  i: number;
  j: number;
  /** Orbit wins below x (orbit − ground rises through zero) or above it. */
  orbitWins: 'below' | 'above';
}

const asNumber = (v: number | null) => (v === null ? Infinity : v);
/** orbit − ground; both without a value count as equal, as in breakeven.ts. */
function diff(orbit: number | null, ground: number | null): number {
  const a = asNumber(orbit);
  const b = asNumber(ground);
  return a === b ? 0 : a - b;
}

/** The crossings of `orbit` and `ground` over `xs` (increasing), from the points computed so far. */
export function crossings(xs: readonly number[], orbit: readonly PointValue[], ground: readonly PointValue[], log: boolean): Crossing[] {
  const pts: { k: number; d: number }[] = [];
  for (let k = 0; k < xs.length; k++) {
    const a = orbit[k];
    const b = ground[k];
    if (a !== undefined && b !== undefined) pts.push({ k, d: diff(a, b) });
  }
  const out: Crossing[] = [];
  let prev: { k: number; d: number } | null = null; // the last point with a non-zero difference
  let zeroAt: number | null = null; // the first point with a zero difference since prev
  for (const p of pts) {
    if (p.d === 0) {
      zeroAt ??= p.k;
      continue;
    }
    if (prev && Math.sign(prev.d) !== Math.sign(p.d)) {
      const orbitWins = prev.d < 0 ? 'below' : 'above';
      if (zeroAt !== null) out.push({ x: xs[zeroAt]!, i: zeroAt, j: zeroAt, orbitWins });
      else out.push({ x: interpolate(xs[prev.k]!, xs[p.k]!, prev.d, p.d, log), i: prev.k, j: p.k, orbitWins });
    }
    prev = p;
    zeroAt = null;
  }
  return out;
}

/** x where the straight line through (x0, d0) and (x1, d1) crosses zero; the middle when one side is infinite. */
function interpolate(x0: number, x1: number, d0: number, d1: number, log: boolean): number {
  const t = Number.isFinite(d0) && Number.isFinite(d1) ? d0 / (d0 - d1) : 0.5;
  return log && x0 > 0 && x1 > 0 ? Math.exp(Math.log(x0) + t * (Math.log(x1) - Math.log(x0))) : x0 + t * (x1 - x0);
}

/**
 * A parameter value with its unit (report formatters): dollars as money ("$312/kg", "$2.35/h"), fractions as %, bytes
 * with their SI unit, hertz in MHz, else "612 TOPS".
 */
export function formatParamValue(value: number, def: Pick<ParamDef, 'unit' | 'integer'>): string {
  if (def.unit.startsWith('$')) return `${formatUsd(value)}${def.unit.slice(1)}`;
  if (def.unit === 'fraction') return formatPercent(value);
  if (def.unit === 'B') return formatBytes(value);
  if (def.unit === 'Hz') return `${formatSignificant(value / 1e6, 3)} MHz`;
  const n = def.integer ? String(Math.round(value)) : formatSignificant(value, 3);
  return def.unit === 'ratio' ? n : `${n} ${def.unit}`;
}

/** "orbit is cheaper below $312/kg" (`better`: cheaper, faster). */
export function crossingLabel(c: Crossing, def: Pick<ParamDef, 'unit' | 'integer'>, better: string): string {
  return `orbit is ${better} ${c.orbitWins} ${formatParamValue(c.x, def)}`;
}

/** What a sweep with no crossing says: which side wins over the whole range, or null before two points agree. */
export function noCrossingLabel(orbit: readonly PointValue[], ground: readonly PointValue[], better: string): string | null {
  let sign = 0;
  for (let k = 0; k < orbit.length; k++) {
    const a = orbit[k];
    const b = ground[k];
    if (a === undefined || b === undefined) continue;
    const d = diff(a, b);
    if (d !== 0) sign = Math.sign(d);
  }
  if (sign === 0) return null;
  return sign < 0 ? `orbit is ${better} over the whole range` : `ground is ${better} over the whole range`;
}

/** An axis tick: three significant digits with k / M / G ("30", "1 k", "2.5 M"); empty for uPlot's unlabelled ticks. */
export function formatTick(value: number | null): string {
  if (value === null) return '';
  const a = Math.abs(value);
  if (a >= 1e9) return `${formatSignificant(value / 1e9, 3)} G`;
  if (a >= 1e6) return `${formatSignificant(value / 1e6, 3)} M`;
  if (a >= 1e3) return `${formatSignificant(value / 1e3, 3)} k`;
  return formatSignificant(value, 3);
}
