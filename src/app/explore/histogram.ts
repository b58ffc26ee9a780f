// Histogram bins shared by several series of samples (onboard and ground cost per token): equal widths, or equal
// ratios when every value is positive and they span more than a decade. Pure: no DOM or React.
import { spacedValues } from '../../sim/study/axes.ts';

export interface Histogram {
  /** bins + 1 edges, increasing; the last bin holds its upper edge. */
  edges: number[];
  /** Bin centres (geometric on a log scale), for plotting. */
  centres: number[];
  /** counts[s][b]: samples of series s in bin b. */
  counts: number[][];
  /** Samples without a value (null or not finite), per series. */
  missing: number[];
  log: boolean;
}

/** Spans wider than this ratio get log bins. */
export const LOG_BINS_RATIO = 10;

export function histogram(series: readonly (readonly (number | null)[])[], bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series)
    for (const v of s)
      if (v !== null && Number.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
  const missing = series.map((s) => s.filter((v) => v === null || !Number.isFinite(v)).length);
  if (min > max) return { edges: [], centres: [], counts: series.map(() => []), missing, log: false };
  const log = min > 0 && max / min > LOG_BINS_RATIO;
  if (min === max) {
    const half = min === 0 ? 0.5 : Math.abs(min) * 0.05;
    const counts = series.map((s) => [s.filter((v) => v === min).length]);
    return { edges: [min - half, min + half], centres: [min], counts, missing, log: false };
  }
  const n = Math.max(1, Math.round(bins));
  const edges = spacedValues(min, max, n + 1, log);
  const [lo, span] = log ? [Math.log(min), Math.log(max) - Math.log(min)] : [min, max - min];
  const counts = series.map((s) => {
    const c = new Array<number>(n).fill(0);
    for (const v of s) {
      if (v === null || !Number.isFinite(v)) continue;
      const at = ((log ? Math.log(v) : v) - lo) * n;
      c[Math.min(n - 1, Math.max(0, Math.floor(at / span)))]!++;
    }
    return c;
  });
  const centres = edges.slice(0, -1).map((e, b) => (log ? Math.sqrt(e * edges[b + 1]!) : (e + edges[b + 1]!) / 2));
  return { edges, centres, counts, missing, log };
}
