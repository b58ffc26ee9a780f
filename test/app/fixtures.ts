// Small hand-made runs and summaries for the app's unit tests (no engine run needed).
import type { KeyframeBlock } from '../../workers/protocol.ts';
import type { ModeSummary, RunResult, RunSummary } from '../../src/sim/engine/result-types.ts';
import { allocateTimeline } from '../../src/sim/engine/timeline.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

export function fakeMode(mode: ModeSummary['mode'], k: number): ModeSummary {
  const cost = {
    onboardHardwareUsd: 10 * k,
    launchUsd: 5 * k,
    operationsUsd: 1 * k,
    gpuUsd: 2 * k,
    electricityUsd: 0.5 * k,
    stationUsd: 3 * k,
    backhaulUsd: 0.01 * k,
    totalUsd: 21.51 * k,
  };
  return {
    mode,
    latencyS: { p50: 95 * k, p90: 1900 * k, p99: 9000 * k, censored: { p50: false, p90: false, p99: false }, horizonS: 77_760 },
    latencyDeliveredS: { p50: 90 * k, p90: 1800 * k, p99: 8000 * k, mean: 300 * k },
    deliveredWithinShare: {
      within5min: 0.5 / k,
      within1h: 0.8 / k,
      within6h: 0.85 / k,
      within24h: 0.9 / k,
      censored: { within5min: false, within1h: false, within6h: false, within24h: true },
    },
    deliveredTileFraction: 0.9 / k,
    bytesCaptured: 4.2e12,
    bytesDownlinked: 1.1e11 * k,
    bytesDownlinkedRaw: 1e11 * k,
    bytesDownlinkedResults: 1e10,
    bandwidthSavedFraction: mode === 'ground' ? 0 : 0.4 / k,
    bytesDropped: 3e9 * k,
    bytesDroppedByReason: { storageFull: 3e9 * k, satelliteLost: 0 },
    bytesProcessedOnboard: 2e12,
    backlogBytesEnd: 5e11 * k,
    backlogBytesMax: 6e11 * k,
    conservation: { capturedBytes: 4.2e12, processedOnboardBytes: 2e12, downlinkedRawBytes: 1e11, storedBytes: 5e11, droppedBytes: 3e9, residualBytes: 0 },
    tilesCaptured: 1e6,
    tilesDelivered: 9e5,
    clearTilesDelivered: 4e5,
    clearTilesDiscardedByFilter: 100,
    tokensProcessed: 3.5e8 * k,
    tokensOnboard: 2.5e8 * k,
    tokensGround: 1e8 * k,
    gpuHours: 12.5 * k,
    stationMinutesBilled: 300,
    bytesRelayedOverIsl: mode === 'ground' ? 0 : 1.234e9 * k,
    islByteHops: mode === 'ground' ? 0 : 3.1e9 * k,
    energyJ: { onboardAccelerator: 1e9, groundGpuWithPue: 2e9, total: 3e9 * k },
    costUsdPerMTok: 0.0614 * k,
    costUsd: cost,
    clusterUtilisation: { overall: 0.01 * k, byCluster: [0.02 * k, null] },
    electricityUsdPerMTok: 0.005, // electricityUsd / tokensGround: 0.5 k $ / 100 k M tokens
  };
}

export function fakeSummary(): RunSummary {
  return {
    scenarioName: 'three-body',
    seed: 20250514,
    epochIso: '2026-04-02T00:00:00Z',
    durationH: 24,
    stepS: 30,
    satellites: { loaded: 12, quarantined: 0, lost: 0, warnings: 0 },
    contacts: { windows: 40, sessions: 35, deniedWindows: 5, contactHours: 5.5, sessionHours: 4.5 },
    imaging: { sunlitFraction: 0.6, imagingFraction: 0.2 },
    modes: { ground: fakeMode('ground', 3), onboard: fakeMode('onboard', 1), hybrid: fakeMode('hybrid', 2) },
  };
}

/** Run start of the fake run: 2026-04-02T00:00:00Z. */
export const START_MS = Date.UTC(2026, 3, 2);

/**
 * A 2-satellite, 10-step (30 s) run: satellite 0 "SCS-01 A" (NORAD 63982) and 1 "SCS-01 B" (63983), one station
 * (Miyun), contacts of satellite 0 at [+60 s, +150 s) and [+240 s, +280 s), a session in the first.
 */
export function fakeRun(): RunResult {
  const scenario = parseScenario({ ...threeBodyScenario, durationH: 300 / 3600 });
  const timeline = allocateTimeline(10, 2, ['onboard', 'ground', 'hybrid']);
  for (let k = 0; k < 10; k++) {
    timeline.shadow[k * 2] = k < 5 ? 0 : 1;
    timeline.shadow[k * 2 + 1] = 0.5;
    const on = timeline.modes.onboard!;
    on.state[k * 2] = k < 5 ? 1 : 4;
    on.storedBytes[k * 2] = 1e9 * k;
    on.computeLoad[k * 2] = 0.25;
    on.batterySoc[k * 2] = 0.8;
  }
  const c = (aosS: number, losS: number) => ({
    satIndex: 0,
    stationIndex: 0,
    aosMs: START_MS + aosS * 1000,
    losMs: START_MS + losS * 1000,
    maxElevationDeg: 42,
    maxElevationMs: START_MS + ((aosS + losS) / 2) * 1000,
    partialStart: false,
    partialEnd: false,
  });
  return {
    schemaVersion: 1,
    engineVersion: '0.1.0',
    scenario,
    satellites: [
      {
        norad: 63982,
        name: 'SCS-01 A',
        cosparId: '2025-100A',
        lostAtMs: null,
        lostReason: null,
        meanAltitudeKm: 535,
        downlink: { sessions: 1, sessionMinutes: 1, bytesDownlinked: { onboard: 4.2e6, ground: 1.35e9 } }, // the one 60 s session
      },
      { norad: 63983, name: 'SCS-01 B', lostAtMs: null, lostReason: null, meanAltitudeKm: 536 },
    ],
    ingestIssues: [],
    contacts: [c(60, 150), c(240, 280)],
    sessions: [{ satIndex: 0, stationIndex: 0, startMs: START_MS + 90_000, endMs: START_MS + 150_000 }],
    series: {
      timesMs: new Float64Array(0),
      satsSunlit: new Float64Array(0),
      satsImaging: new Float64Array(0),
      satsInSession: new Float64Array(0),
      satsLost: new Float64Array(0),
      modes: {},
    },
    summary: fakeSummary(),
    timeline,
  };
}

/**
 * Keyframes of a circular equatorial orbit of radius `rKm` (satellite 0) in the Earth-fixed frame, every `stepS`:
 * p = r(cos ωt, sin ωt, 0), v = rω(−sin ωt, cos ωt, 0). Satellite 1 is NaN (lost).
 */
export function circularKeyframes(rKm: number, omegaRadS: number, stepS: number, count: number): KeyframeBlock {
  const positionsKm = new Float32Array(count * 2 * 3).fill(Number.NaN);
  const velocitiesKmS = new Float32Array(count * 2 * 3).fill(Number.NaN);
  for (let f = 0; f < count; f++) {
    const a = omegaRadS * f * stepS;
    const o = f * 2 * 3;
    positionsKm.set([rKm * Math.cos(a), rKm * Math.sin(a), 0], o);
    velocitiesKmS.set([-rKm * omegaRadS * Math.sin(a), rKm * omegaRadS * Math.cos(a), 0], o);
  }
  return {
    runId: 1,
    startMs: START_MS,
    stepS,
    count,
    satCount: 2,
    positionsKm,
    velocitiesKmS,
    islOffsets: new Int32Array(count + 1),
    islPairs: new Int32Array(0),
  };
}
