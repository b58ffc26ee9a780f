// Stage `summary`: the run's summary per mode (latency, bytes by fate with the conservation check, bandwidth
// saved, tokens, energy, cost per million tokens) from the earlier stages' outputs. Pure.
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';
import type { IssueCounts } from '../catalog/load.ts';
import type { ScheduleResult } from '../links/scheduler.ts';
import type { Scenario } from '../scenario/schema.ts';
import { SGP4_ERROR_MEANINGS } from '../catalog/checks.ts';
import type { GeometryResult } from './geometry-pass.ts';
import type { ModePrice } from './pricing-stage.ts';
import { ENGINE_VERSION, RUN_EXPORT_SCHEMA_VERSION, type ModeSummary, type RunResult, type RunSummary, type SatelliteInfo } from './result-types.ts';
import type { RunTimeline } from './timeline.ts';
import { MS_PER_HOUR, runWindow } from '../time.ts';
import type { ModeOutcome } from './usage.ts';
import { fairnessSummary, serviceBySatellite } from './fairness.ts';

export interface SummaryInputs {
  scenario: Scenario;
  records: readonly CatalogRecord[];
  issues: readonly IngestIssue[];
  /** Quarantined items and warnings before the issues were capped (catalog/load.ts). */
  issueCounts: IssueCounts;
  geo: GeometryResult;
  schedule: ScheduleResult;
  /** Per mode, in the same order: what happened (processing) and what it cost (pricing). */
  outcomes: readonly ModeOutcome[];
  prices: readonly ModePrice[];
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

/**
 * Throws when a number of the summary is NaN or ±Infinity (null is allowed only where the format has it: latency
 * percentiles and $ per million tokens). The scenario's ranges keep every run finite (test/hostile/fuzz.test.ts);
 * this makes a model bug fail loudly, naming the field, instead of writing null where a number belongs.
 */
export function assertFiniteSummary(summary: RunSummary): void {
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new RangeError(`the run produced ${v} for summary.${path}: a model bug; please report it with the scenario`);
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(summary, '');
}

export function buildSummary(inp: SummaryInputs): RunSummary {
  const { scenario, geo, schedule } = inp;
  const K = geo.stepCount;
  const n = inp.records.length;
  let satSteps = 0;
  for (let k = 0; k < K; k++) satSteps += n - geo.satsLost[k]!;
  const hours = (a: number, b: number) => (b - a) / MS_PER_HOUR;
  const summary: RunSummary = {
    scenarioName: scenario.name,
    seed: scenario.seed,
    epochIso: scenario.epochIso,
    durationH: scenario.durationH,
    stepS: scenario.stepS,
    satellites: {
      loaded: n,
      quarantined: inp.issueCounts.quarantined,
      lost: sum(Array.from(geo.lostAtStep, (l) => (l >= 0 ? 1 : 0))),
      warnings: inp.issueCounts.warnings,
    },
    contacts: {
      windows: geo.windows.length,
      sessions: schedule.sessions.length,
      deniedWindows: schedule.deniedWindows,
      contactHours: sum(geo.windows.map((w) => hours(w.aosMs, w.losMs))),
      sessionHours: sum(schedule.sessions.map((s) => hours(s.startMs, s.endMs))),
    },
    imaging: {
      sunlitFraction: satSteps > 0 ? sum(geo.satsSunlit) / satSteps : 0,
      imagingFraction: satSteps > 0 ? sum(geo.satsImaging) / satSteps : 0,
    },
    modes: Object.fromEntries(inp.outcomes.map((o, i) => [o.mode, modeSummary(o, inp.prices[i]!)])),
    fairness: fairnessSummary(scenario, inp.records, geo, schedule, inp.outcomes),
    gpuPricing: scenario.gpu.pricing,
  };
  assertFiniteSummary(summary);
  return summary;
}

function modeSummary(o: ModeOutcome, price: ModePrice): ModeSummary {
  const c = o.counters;
  const u = o.usage;
  const dropped = c.droppedStorageFullBytes + c.droppedSatelliteLostBytes;
  const accounted = c.processedOnboardBytes + c.downlinkedRawBytes + o.storedRawBytesEnd + dropped;
  return {
    mode: o.mode,
    latencyS: o.latencyS,
    latencyDeliveredS: o.latencyDeliveredS,
    deliveredWithinShare: o.deliveredWithinShare,
    deliveredTileFraction: c.tilesCaptured > 0 ? (c.tilesDelivered + c.tilesDiscardedByFilter) / c.tilesCaptured : 0,
    bytesCaptured: c.capturedBytes,
    bytesDownlinked: c.downlinkedRawBytes + c.downlinkedResultBytes,
    bytesDownlinkedRaw: c.downlinkedRawBytes,
    bytesDownlinkedResults: c.downlinkedResultBytes,
    bandwidthSavedFraction: bandwidthSaved(c.enqueuedForDownlinkBytes, c.decidedRawBytes),
    bytesDropped: dropped,
    bytesDroppedByReason: { storageFull: c.droppedStorageFullBytes, satelliteLost: c.droppedSatelliteLostBytes },
    bytesProcessedOnboard: c.processedOnboardBytes,
    backlogBytesEnd: o.backlogBytesEnd,
    backlogBytesMax: c.backlogMaxBytes,
    conservation: {
      capturedBytes: c.capturedBytes,
      processedOnboardBytes: c.processedOnboardBytes,
      downlinkedRawBytes: c.downlinkedRawBytes,
      storedBytes: o.storedRawBytesEnd,
      droppedBytes: dropped,
      residualBytes: c.capturedBytes - accounted,
    },
    tilesCaptured: c.tilesCaptured,
    tilesDelivered: c.tilesDelivered,
    clearTilesDelivered: c.clearTilesDelivered,
    clearTilesDiscardedByFilter: c.clearTilesDiscardedByFilter,
    tokensProcessed: u.tokensOnboard + u.tokensGround,
    tokensOnboard: u.tokensOnboard,
    tokensGround: u.tokensGround,
    gpuHours: sum(u.gpuSecondsByCluster) / 3600,
    stationMinutesBilled: sum(u.stationMinutesByStation),
    bytesRelayedOverIsl: c.islRelayedBytes,
    islByteHops: c.islHopBytes,
    energyJ: price.energyJ,
    costUsdPerMTok: price.costUsdPerMTok,
    costUsd: price.costUsd,
    clusterUtilisation: price.clusterUtilisation,
    ...(price.revenue ? { revenue: price.revenue } : {}),
    electricityUsdPerMTok: price.electricityUsdPerMTok,
  };
}

/**
 * 1 − bytes queued for downlink / raw bytes decided onboard. Not clamped: below 0 when results are larger than the
 * raw data they replace (docs/model.md §7). Only rounding noise is removed: the two sums add the same batches split
 * at different points, so equal totals may differ in the last bits (|x| < 1e-12 is reported as 0).
 */
export function bandwidthSaved(enqueuedBytes: number, decidedRawBytes: number): number {
  if (!(decidedRawBytes > 0)) return 0;
  const saved = 1 - enqueuedBytes / decidedRawBytes;
  return Math.abs(saved) < 1e-12 ? 0 : saved;
}

export function satelliteInfo(records: readonly CatalogRecord[], geo: GeometryResult, startMs: number, stepS: number): SatelliteInfo[] {
  return records.map((r, s) => {
    const lost = geo.lostAtStep[s]!;
    const code = geo.lostCode[s]!;
    return {
      norad: r.norad,
      name: r.name,
      ...(r.cosparId ? { cosparId: r.cosparId } : {}),
      lostAtMs: lost >= 0 ? startMs + lost * stepS * 1000 : null,
      lostReason: lost >= 0 ? (SGP4_ERROR_MEANINGS[code] ?? `error ${code}`) : null,
      meanAltitudeKm: geo.meanAltitudeKm[s]!,
    };
  });
}

/** The satellites with their downlink service (fairness.ts). */
function withDownlink(sats: SatelliteInfo[], inp: SummaryInputs): SatelliteInfo[] {
  const service = serviceBySatellite(sats.length, inp.schedule, inp.outcomes);
  return sats.map((s, i) => ({ ...s, downlink: service[i]! }));
}

export interface ResultInputs extends SummaryInputs {
  satsInSession: Float64Array;
  timeline?: RunTimeline;
}

/** The run as exported and shown: the scenario, satellites, issues, contacts, sessions, series and summary. */
export function buildRunResult(inp: ResultInputs): RunResult {
  const { scenario, records, geo, schedule } = inp;
  const { startMs, stepS, stepCount: K } = runWindow(scenario);
  const stepMs = stepS * 1000;
  const timesMs = new Float64Array(K);
  for (let k = 0; k < K; k++) timesMs[k] = startMs + (k + 1) * stepMs;
  return {
    schemaVersion: RUN_EXPORT_SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario,
    satellites: withDownlink(satelliteInfo(records, geo, startMs, stepS), inp),
    ingestIssues: [...inp.issues],
    contacts: geo.windows,
    sessions: schedule.sessions.map(({ satIndex, stationIndex, startMs: a, endMs: b }) => ({ satIndex, stationIndex, startMs: a, endMs: b })),
    series: {
      timesMs,
      satsSunlit: geo.satsSunlit,
      satsImaging: geo.satsImaging,
      satsInSession: inp.satsInSession,
      satsLost: geo.satsLost,
      modes: Object.fromEntries(inp.outcomes.map((o) => [o.mode, o.series])),
    },
    summary: buildSummary(inp),
    ...(geo.orbitSamples ? { orbitSamples: geo.orbitSamples } : {}),
    ...(inp.timeline ? { timeline: inp.timeline } : {}),
  };
}
