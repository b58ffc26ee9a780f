// Capture-to-insight latency over every captured tile, the undelivered ones censored at the end of the run: the
// Kaplan–Meier product-limit estimator with weights (tiles), E. L. Kaplan & P. Meier, "Nonparametric estimation from
// incomplete observations", JASA 53 (1958). A percentile the run never reaches is not reached (null), never the
// percentile of the lucky few that got through. The curve stops where fewer than 10 % of the tiles were followed that
// long: beyond it the risk set is a handful of the first captures and one delivery can move the estimate to 100 %.
// Pure; imports weighted-samples.ts only.
import type { WeightedSamples } from './weighted-samples.ts';

export interface KaplanMeier {
  /** Distinct event times, s, ascending: `[i]`. */
  timesS: Float64Array;
  /** Estimated share of tiles resolved by timesS[i] (1 − S): `[i]`, non-decreasing. */
  cdf: Float64Array;
  /** Total weight (tiles) observed: events + censored. */
  totalWeight: number;
  /**
   * The longest latency the estimate covers, s: at least MIN_FOLLOWED_SHARE of the tiles were followed this long
   * (captured at least this long before the end). Infinity when the events' follow-up is not given.
   */
  horizonS: number;
}

/**
 * The share of tiles that must have been followed for a time for the curve to go on to it. Survival curves are
 * customarily cut where few remain under follow-up (Pocock, Clayton & Altman, "Survival plots of time-to-event outcomes
 * in clinical trials: good practice and pitfalls", Lancet 359 (2002): e.g. when 10–20 % remain); 10 % here.
 */
export const MIN_FOLLOWED_SHARE = 0.1;

/**
 * Events (latency of resolved tiles), censoring times (how long undelivered tiles had waited at the end) and, for the
 * horizon, how long each resolved tile could have been followed (end of the run − capture).
 */
export function kaplanMeier(
  events: WeightedSamples,
  censored: WeightedSamples,
  eventFollowUp?: WeightedSamples,
  minFollowedShare = MIN_FOLLOWED_SHARE,
): KaplanMeier {
  const horizonS = eventFollowUp ? followedHorizonS(eventFollowUp, censored, minFollowedShare) : Infinity;
  const ev = events.sortedPairs();
  const ce = censored.sortedPairs();
  let atRisk = events.weight + censored.weight;
  const times: number[] = [];
  const cdf: number[] = [];
  let survival = 1;
  let i = 0;
  let j = 0;
  while (i < ev.values.length && ev.values[i]! <= horizonS) {
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
  return { timesS: Float64Array.from(times), cdf: Float64Array.from(cdf), totalWeight: events.weight + censored.weight, horizonS };
}

/** The largest t such that tiles followed at least t weigh at least `share` of all tiles (0 without tiles). */
function followedHorizonS(eventFollowUp: WeightedSamples, censored: WeightedSamples, share: number): number {
  const a = eventFollowUp.sortedPairs();
  const b = censored.sortedPairs();
  const need = share * (eventFollowUp.weight + censored.weight);
  let i = a.values.length - 1;
  let j = b.values.length - 1;
  let followed = 0;
  while (i >= 0 || j >= 0) {
    const fromA = j < 0 || (i >= 0 && a.values[i]! >= b.values[j]!);
    const t = fromA ? a.values[i]! : b.values[j]!;
    followed += fromA ? a.weights[i--]! : b.weights[j--]!;
    if (followed >= need) return t;
  }
  return 0;
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

/**
 * Estimated share of tiles resolved within `tS` seconds (0 without any tile). Beyond the horizon it is the share at
 * the horizon, a lower bound (`censored`, unless it is already all): the share within a longer time can only be larger.
 */
export function kmShareWithin(km: KaplanMeier, tS: number): { share: number; censored: boolean } {
  let share = 0;
  for (let i = 0; i < km.timesS.length && km.timesS[i]! <= tS; i++) share = km.cdf[i]!;
  return { share, censored: km.totalWeight > 0 && tS > km.horizonS && share < 1 - 1e-9 };
}
