// Summarises a run per mode: latency percentiles, bytes by fate (conservation), bandwidth saved,
// tokens, energy and cost per million tokens. Pure.
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';
import { costUsdPerMTok, runCost } from '../cost/cost-model.ts';
import type { ScheduleResult } from '../links/scheduler.ts';
import type { Scenario } from '../scenario/schema.ts';
import { SGP4_ERROR_MEANINGS } from '../catalog/checks.ts';
import type { GeometryResult } from './geometry-pass.ts';
import type { FlowParams, ModeState } from './mode-state.ts';
import type { ModeSummary, RunSummary, SatelliteInfo } from './result-types.ts';

export interface SummaryInputs {
  scenario: Scenario;
  records: readonly CatalogRecord[];
  issues: readonly IngestIssue[];
  geo: GeometryResult;
  schedule: ScheduleResult;
  modes: readonly ModeState[];
  p: FlowParams;
  satsInSession: Float64Array;
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

export function buildSummary(inp: SummaryInputs): RunSummary {
  const { scenario, geo, schedule } = inp;
  const K = geo.stepCount;
  const n = inp.records.length;
  const satSteps = sum(Array.from({ length: K }, (_, k) => n - geo.satsLost[k]!));
  const ms = (a: number, b: number) => (b - a) / 3_600_000;
  return {
    scenarioName: scenario.name,
    seed: scenario.seed,
    epochIso: scenario.epochIso,
    durationH: scenario.durationH,
    stepS: scenario.stepS,
    satellites: {
      loaded: n,
      quarantined: new Set(inp.issues.filter((i) => i.severity === 'error').map((i) => `${i.source}|${i.item ?? i.line}`)).size,
      lost: sum(Array.from(geo.lostAtStep, (l) => (l >= 0 ? 1 : 0))),
      warnings: inp.issues.filter((i) => i.severity === 'warning').length,
    },
    contacts: {
      windows: geo.windows.length,
      sessions: schedule.sessions.length,
      deniedWindows: schedule.deniedWindows,
      contactHours: sum(geo.windows.map((w) => ms(w.aosMs, w.losMs))),
      sessionHours: sum(schedule.sessions.map((s) => ms(s.startMs, s.endMs))),
    },
    imaging: {
      sunlitFraction: satSteps > 0 ? sum(geo.satsSunlit) / satSteps : 0,
      imagingFraction: satSteps > 0 ? sum(geo.satsImaging) / satSteps : 0,
    },
    modes: Object.fromEntries(inp.modes.map((st) => [st.mode, modeSummary(st, inp)])),
  };
}

function modeSummary(st: ModeState, inp: SummaryInputs): ModeSummary {
  const c = st.counters;
  const { scenario } = inp;
  const [p50 = null, p90 = null, p99 = null] = st.latencyS.quantiles([0.5, 0.9, 0.99]);
  const storedRaw = st.storedRawBytes();
  const dropped = c.droppedStorageFullBytes + c.droppedSatelliteLostBytes;
  const accounted = c.processedOnboardBytes + c.downlinkedRawBytes + storedRaw + dropped;
  const accW = inp.p.acceleratorW.length > 0 ? sum(inp.p.acceleratorW) / inp.p.acceleratorW.length : 0; // mean: sizes the power-system mass
  const gpuSeconds = Array.from(st.gpu.gpuSeconds);
  const stationMinutes = billedStationMinutes(st, inp);
  const cost = runCost({
    computeSatSeconds: c.computeSatSeconds,
    acceleratorW: accW,
    economics: scenario.economics,
    gpuSecondsByCluster: gpuSeconds,
    gpuUsdPerHour: scenario.gpu.usdPerHour,
    gpuPowerW: scenario.gpu.powerW,
    electricityIncluded: scenario.gpu.electricityIncluded,
    pueByCluster: scenario.hubs.map((h) => h.pue),
    electricityUsdPerKWhByCluster: scenario.hubs.map((h) => h.electricityUsdPerKWh),
    stationMinutesByStation: stationMinutes,
    stationUsdPerMin: scenario.groundStations.map((g) => g.costUsdPerMin),
    backhaulBytes: c.backhaulBytes,
    backhaulUsdPerGB: scenario.backhaul.costUsdPerGB,
  });
  const gpuJ = gpuSeconds.reduce((a, g, i) => a + g * scenario.gpu.powerW * scenario.hubs[i]!.pue, 0);
  const tokens = c.tokensOnboard + c.tokensGround;
  return {
    mode: st.mode,
    latencyS: { p50, p90, p99, mean: st.latencyS.mean() },
    deliveredTileFraction: c.tilesCaptured > 0 ? (c.tilesDelivered + c.tilesDiscardedByFilter) / c.tilesCaptured : 0,
    bytesCaptured: c.capturedBytes,
    bytesDownlinked: c.downlinkedRawBytes + c.downlinkedResultBytes,
    bytesDownlinkedRaw: c.downlinkedRawBytes,
    bytesDownlinkedResults: c.downlinkedResultBytes,
    bandwidthSavedFraction: c.decidedRawBytes > 0 ? Math.min(1, Math.max(0, 1 - c.enqueuedForDownlinkBytes / c.decidedRawBytes)) : 0,
    bytesDropped: dropped,
    bytesDroppedByReason: { storageFull: c.droppedStorageFullBytes, satelliteLost: c.droppedSatelliteLostBytes },
    bytesProcessedOnboard: c.processedOnboardBytes,
    backlogBytesEnd: sum(st.storedBytes),
    backlogBytesMax: c.backlogMaxBytes,
    conservation: {
      capturedBytes: c.capturedBytes,
      processedOnboardBytes: c.processedOnboardBytes,
      downlinkedRawBytes: c.downlinkedRawBytes,
      storedBytes: storedRaw,
      droppedBytes: dropped,
      residualBytes: c.capturedBytes - accounted,
    },
    tilesCaptured: c.tilesCaptured,
    tilesDelivered: c.tilesDelivered,
    clearTilesDelivered: c.clearTilesDelivered,
    clearTilesDiscardedByFilter: c.clearTilesDiscardedByFilter,
    tokensProcessed: tokens,
    tokensOnboard: c.tokensOnboard,
    tokensGround: c.tokensGround,
    gpuHours: sum(gpuSeconds) / 3600,
    stationMinutesBilled: sum(stationMinutes),
    bytesRelayedOverIsl: c.islRelayedBytes,
    islByteHops: c.islHopBytes,
    energyJ: { onboardAccelerator: c.acceleratorJ, groundGpuWithPue: gpuJ, total: c.acceleratorJ + gpuJ },
    costUsdPerMTok: costUsdPerMTok(cost.totalUsd, tokens),
    costUsd: cost,
  };
}

/** Antenna minutes billed per station: each used session from its start to its last byte, rounded up to the minute. */
function billedStationMinutes(st: ModeState, inp: SummaryInputs): Float64Array {
  const out = new Float64Array(inp.scenario.groundStations.length);
  inp.schedule.sessions.forEach((ses, i) => {
    const last = st.sessionLastByteMs[i]!;
    if (Number.isNaN(last)) return;
    out[ses.stationIndex]! += Math.max(1, Math.ceil((last - ses.startMs) / 60_000 - 1e-9));
  });
  return out;
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
