// What one processing mode did in a run (counters, latency, series) and what it used (GPU-seconds per cluster and
// per UTC hour, energy, billed station minutes, satellite-seconds, bytes backhauled, tokens): the processing stage's output
// per mode, plain data, from which the pricing stage derives every cost. Pure.
import type { GpuHourBins } from '../cost/electricity-tariff.ts';
import type { DownlinkSession } from '../links/scheduler.ts';
import type { ProcessingMode } from '../scenario/schema.ts';
import type { FlowParams, ModeCounters, ModeState } from './mode-state.ts';
import type { DeliveredLatencyS, DeliveredWithinShare, LatencySummaryS, ModeSeries } from './result-types.ts';
import { kaplanMeier, kmQuantile, kmShareWithin, type KaplanMeier } from '../metrics/kaplan-meier.ts';
import { censorQueued } from './mode-step.ts';

type KmPoint = ReturnType<typeof kmQuantile>;

/** Resources a mode used over the run: the pricing stage's only input besides the scenario's prices. */
export interface ModeUsage {
  /** Satellite-seconds with the compute payload flying and in use (onboard, hybrid; 0 for ground). */
  computeSatSeconds: number;
  /** Mean accelerator power at full load over the satellites, W (sizes the power system's launched mass). */
  acceleratorWMean: number;
  /** Onboard accelerator energy, J. */
  acceleratorJ: number;
  /** Busy GPU-seconds per hub cluster: `[cluster]`. */
  gpuSecondsByCluster: Float64Array;
  /** The same GPU-seconds per cluster per UTC hour: what pricing charges time-of-use electricity by. */
  gpuSecondsByHour: GpuHourBins;
  /** Antenna minutes billed per station: each used session from its start to its last byte, rounded up: `[station]`. */
  stationMinutesByStation: Float64Array;
  /** Bytes carried over terrestrial fibre (raw to clusters, results to users). */
  backhaulBytes: number;
  tokensOnboard: number;
  tokensGround: number;
  /** Of tokensGround, the generated (output) ones; the rest are input (image + prompt) tokens. */
  tokensGroundOutput: number;
}

export interface ModeOutcome {
  mode: ProcessingMode;
  counters: ModeCounters;
  /** Over every captured tile, the unresolved censored at the run's end (Kaplan–Meier). */
  latencyS: LatencySummaryS;
  /** Over the delivered tiles only (what was reported as latency before). */
  latencyDeliveredS: DeliveredLatencyS;
  /** Estimated share of captured tiles resolved within 5 min, 1 h, 6 h and 24 h. */
  deliveredWithinShare: DeliveredWithinShare;
  /** Raw (captured) bytes still onboard at the end. */
  storedRawBytesEnd: number;
  /** All bytes still onboard at the end (raw + results). */
  backlogBytesEnd: number;
  series: ModeSeries;
  usage: ModeUsage;
  /** Bytes sent per downlink session (raw + results): `[session]`, for the fairness report (fairness.ts). */
  bytesBySession: Float64Array;
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

/** The outcome of a finished mode. Tiles still onboard are censored at the run's end first. */
export function modeOutcome(st: ModeState, p: FlowParams, sessions: readonly DownlinkSession[], stationCount: number): ModeOutcome {
  const c = st.counters;
  for (let s = 0; s < st.storedBytes.length; s++) censorQueued(st, s);
  const [d50 = null, d90 = null, d99 = null] = st.deliveredS.quantiles([0.5, 0.9, 0.99]);
  const km = kaplanMeier(st.resolvedS, st.censoredS, st.resolvedFollowUpS);
  const [p50, p90, p99] = [0.5, 0.9, 0.99].map((q) => kmQuantile(km, q)) as [KmPoint, KmPoint, KmPoint];
  return {
    mode: st.mode,
    counters: { ...c },
    latencyS: {
      p50: p50.valueS,
      p90: p90.valueS,
      p99: p99.valueS,
      censored: { p50: p50.censored, p90: p90.censored, p99: p99.censored },
      horizonS: km.horizonS,
    },
    latencyDeliveredS: { p50: d50, p90: d90, p99: d99, mean: st.deliveredS.mean() },
    deliveredWithinShare: withinShares(km),
    storedRawBytesEnd: st.storedRawBytes(),
    backlogBytesEnd: sum(st.storedBytes),
    series: st.series,
    bytesBySession: st.sessionBytes.slice(),
    usage: {
      computeSatSeconds: c.computeSatSeconds,
      acceleratorWMean: p.acceleratorW.length > 0 ? sum(p.acceleratorW) / p.acceleratorW.length : 0,
      acceleratorJ: c.acceleratorJ,
      gpuSecondsByCluster: st.gpu.gpuSeconds.slice(),
      gpuSecondsByHour: st.gpu.hourBins(),
      stationMinutesByStation: billedStationMinutes(st.sessionLastByteMs, sessions, stationCount),
      backhaulBytes: c.backhaulBytes,
      tokensOnboard: c.tokensOnboard,
      tokensGround: c.tokensGround,
      // Every tile carries the same token mix, so the output share of the ground's tokens is the tile's.
      tokensGroundOutput: p.tokensPerTile > 0 ? (c.tokensGround * p.outputTokensPerTile) / p.tokensPerTile : 0,
    },
  };
}

/**
 * Antenna minutes billed per station: each used session from its start to its last byte, rounded up to the
 * started minute (AWS Ground Station's billing rule, docs/model.md), at least one minute.
 */
export function billedStationMinutes(lastByteMs: Float64Array, sessions: readonly DownlinkSession[], stationCount: number): Float64Array {
  const out = new Float64Array(stationCount);
  sessions.forEach((ses, i) => {
    const last = lastByteMs[i]!;
    if (Number.isNaN(last)) return;
    out[ses.stationIndex]! += Math.max(1, Math.ceil((last - ses.startMs) / 60_000 - 1e-9));
  });
  return out;
}

const WITHIN_S = { within5min: 300, within1h: 3600, within6h: 6 * 3600, within24h: 24 * 3600 } as const;

/** The decision metric: the estimated share resolved within each horizon, a lower bound (censored) past the estimate's horizon. */
function withinShares(km: KaplanMeier): DeliveredWithinShare {
  const at = (k: keyof typeof WITHIN_S) => kmShareWithin(km, WITHIN_S[k]);
  const [a, b, c, d] = [at('within5min'), at('within1h'), at('within6h'), at('within24h')];
  return {
    within5min: a.share,
    within1h: b.share,
    within6h: c.share,
    within24h: d.share,
    censored: { within5min: a.censored, within1h: b.censored, within6h: c.censored, within24h: d.censored },
  };
}
