// Capture-to-insight latency over every captured tile, the undelivered ones censored at the end of the run: the
// Kaplan–Meier product-limit estimator with weights (tiles), E. L. Kaplan & P. Meier, "Nonparametric estimation from
// incomplete observations", JASA 53 (1958). A percentile the run never reaches is not reached (null), never the
// percentile of the lucky few that got through. Pure; imports weighted-samples.ts only.
import type { WeightedSamples } from './weighted-samples.ts';

export interface KaplanMeier {
  /** Distinct event times, s, ascending: `[i]`. */
  timesS: Float64Array;
  /** Estimated share of tiles resolved by timesS[i] (1 − S): `[i]`, non-decreasing. */
  cdf: Float64Array;
  /** Total weight (tiles) observed: events + censored. */
  totalWeight: number;
}

/** Events (latency of resolved tiles) and censoring times (how long undelivered tiles had waited at the end). */
export function kaplanMeier(events: WeightedSamples, censored: WeightedSamples): KaplanMeier {
  const ev = events.sortedPairs();
  const ce = censored.sortedPairs();
  let atRisk = events.weight + censored.weight;
  const times: number[] = [];
  const cdf: number[] = [];
  let survival = 1;
  let i = 0;
  let j = 0;
  while (i < ev.values.length) {
    const t = ev.values[i]!;
    // Tiles censored before t left the risk set before it (censored at t are still at risk: the usual convention).
    while (j < ce.values.length && ce.values[j]! < t) atRisk -= ce.weights[j++]!;
    let d = 0;
    while (i < ev.values.length && ev.values[i] === t) d += ev.weights[i++]!;
    if (atRisk > 0) survival *= Math.max(0, 1 - d / atRisk);
    atRisk -= d;
    times.push(t);
    cdf.push(1 - survival);
  }
  return { timesS: Float64Array.from(times), cdf: Float64Array.from(cdf), totalWeight: events.weight + censored.weight };
}

/**
 * The q-quantile: the first event time by which an estimated share q of the tiles is resolved; null and censored
 * when the estimate never reaches q within what the run observed (or when no tile was captured: null, not censored).
 */
export function kmQuantile(km: KaplanMeier, q: number): { valueS: number | null; censored: boolean } {
  if (km.totalWeight <= 0) return { valueS: null, censored: false };
  for (let i = 0; i < km.cdf.length; i++) if (km.cdf[i]! >= q - 1e-12) return { valueS: km.timesS[i]!, censored: false };
  return { valueS: null, censored: true };
}

/** Estimated share of tiles resolved within `tS` seconds (0 without any tile). */
export function kmShareWithin(km: KaplanMeier, tS: number): number {
  let share = 0;
  for (let i = 0; i < km.timesS.length && km.timesS[i]! <= tS; i++) share = km.cdf[i]!;
  return share;
}
