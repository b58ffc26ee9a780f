// What a finished study table says: the tornado of a sensitivity study (each parameter's swing of a metric per
// mode, ranked, and which assumptions flip the winner) and the distribution of an uncertainty study (p5/p50/p95
// per mode and metric, the probability that orbit beats ground). Lower is better for every metric compared here
// (cost, latency); a null metric (no tokens, nothing delivered) loses. Pure.
import type { MetricValue } from './metrics.ts';
import { findParam } from './params.ts';

export interface StudyTable {
  columns: string[];
  rows: (number | string | null)[][];
}

const col = (t: StudyTable, name: string): number => {
  const i = t.columns.indexOf(name);
  if (i < 0) throw new RangeError(`the study table has no column "${name}"`);
  return i;
};
const worst = (v: MetricValue | string | undefined): number => (typeof v === 'number' ? v : Infinity);

export interface TornadoBar {
  path: string;
  label: string;
  unit: string;
  lowValue: number;
  highValue: number;
  atLow: MetricValue;
  atHigh: MetricValue;
  /** |metric(high) − metric(low)|; Infinity when one end has no value. */
  swing: number;
}

export interface Tornado {
  metric: string;
  /** Per mode: bars sorted by swing, largest first. */
  bars: Record<string, TornadoBar[]>;
  base: Record<string, MetricValue>;
  /** The mode with the lower metric at the base, of `orbit` vs `ground`. */
  baseWinner: string;
  /** Parameters whose low or high end makes the other mode win. */
  flips: { path: string; level: 'low' | 'high'; value: number; winner: string }[];
}

/** The tornado of a sensitivity table (columns param, level, value, metrics…; first row the base). */
export function tornado(t: StudyTable, metric: string, modes: readonly string[], orbit = 'onboard', ground = 'ground'): Tornado {
  const [iParam, iLevel, iValue] = [col(t, 'param'), col(t, 'level'), col(t, 'value')];
  const baseRow = t.rows.find((r) => r[iLevel] === 'base')!;
  const m = (row: (number | string | null)[], mode: string) => row[col(t, `${mode}.${metric}`)] as MetricValue;
  const winner = (row: (number | string | null)[]) => (worst(m(row, orbit)) <= worst(m(row, ground)) ? orbit : ground);
  const baseWinner = winner(baseRow);
  const byParam = new Map<string, { low?: (number | string | null)[]; high?: (number | string | null)[] }>();
  for (const row of t.rows) {
    if (row[iLevel] === 'base') continue;
    const e = byParam.get(String(row[iParam])) ?? {};
    e[row[iLevel] as 'low' | 'high'] = row;
    byParam.set(String(row[iParam]), e);
  }
  const bars: Record<string, TornadoBar[]> = {};
  for (const mode of modes) {
    bars[mode] = [...byParam].map(([path, { low, high }]) => {
      const def = findParam(path);
      const atLow = low ? m(low, mode) : null;
      const atHigh = high ? m(high, mode) : null;
      const swing = atLow === null || atHigh === null ? (atLow === atHigh ? 0 : Infinity) : Math.abs(atHigh - atLow);
      return {
        path,
        label: def?.label ?? path,
        unit: def?.unit ?? '',
        lowValue: Number(low?.[iValue]),
        highValue: Number(high?.[iValue]),
        atLow,
        atHigh,
        swing,
      };
    });
    bars[mode]!.sort((a, b) => b.swing - a.swing || (a.path < b.path ? -1 : 1));
  }
  const flips: Tornado['flips'] = [];
  for (const row of t.rows) {
    if (row[iLevel] === 'base') continue;
    const w = winner(row);
    if (w !== baseWinner) flips.push({ path: String(row[iParam]), level: row[iLevel] as 'low' | 'high', value: Number(row[iValue]), winner: w });
  }
  return { metric, bars, base: Object.fromEntries(modes.map((mode) => [mode, m(baseRow, mode)])), baseWinner, flips };
}

/**
 * The spread of a metric over the samples. A null (no token processed, a latency not reached in the run) is the worst
 * outcome, as in the tornado's winner: it sorts above every value, so a quantile that lands on it is null too ("not
 * reached in more than 5 % of the samples" reads as a null p95). The mean is over the samples with a value.
 */
export interface Spread {
  p5: number | null;
  p50: number | null;
  p95: number | null;
  mean: number | null;
  /** Samples with a value, and without one (null). */
  n: number;
  nulls: number;
}

/** Quantile of sorted values, linear between order statistics (Hyndman & Fan type 7, as R and NumPy default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return h === lo || a === b ? a : a + (h - lo) * (b - a);
}

export function spreadOf(values: readonly MetricValue[]): Spread {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const nulls = values.length - xs.length;
  if (xs.length === 0) return { p5: null, p50: null, p95: null, mean: null, n: 0, nulls };
  const all = [...xs, ...Array<number>(nulls).fill(Infinity)];
  const at = (q: number) => {
    const v = quantileSorted(all, q);
    return Number.isFinite(v) ? v : null;
  };
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95), mean: xs.reduce((a, b) => a + b, 0) / xs.length, n: xs.length, nulls };
}

export interface UncertaintySummary {
  samples: number;
  /** Spread of every metric column (`onboard.costUsdPerMTok`, …). */
  spreads: Record<string, Spread>;
  /** Share of samples in which orbit's metric is below ground's (ties: neither). */
  pOrbitCheaper: number;
  pOrbitFaster: number;
  orbit: string;
  ground: string;
}

/** The distribution of an uncertainty table's metrics (every column after `leading`). */
export function uncertaintySummary(t: StudyTable, leading: number, orbit = 'onboard', ground = 'ground'): UncertaintySummary {
  const spreads: Record<string, Spread> = {};
  for (let c = leading; c < t.columns.length; c++) spreads[t.columns[c]!] = spreadOf(t.rows.map((r) => r[c] as MetricValue));
  const share = (metric: string) => {
    const [a, b] = [col(t, `${orbit}.${metric}`), col(t, `${ground}.${metric}`)];
    return t.rows.length ? t.rows.filter((r) => worst(r[a]!) < worst(r[b]!)).length / t.rows.length : 0;
  };
  return { samples: t.rows.length, spreads, pOrbitCheaper: share('costUsdPerMTok'), pOrbitFaster: share('latencyS.p50'), orbit, ground };
}
