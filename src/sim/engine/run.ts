// Runs a scenario: load the constellation, propagate (pass 1: geometry and contacts), schedule the
// antennas, then step every processing mode over the same captured workload (pass 2) and summarise.
// Pure: file reading, the land mask and progress reporting are injected.
import type { SatRec } from 'satellite.js';
import { createRng, type Rng } from '../rng.ts';
import { createOrbitPropagator, type GridPropagator } from '../orbit/propagator.ts';
import { stationGeometry, type StationGeometry } from '../links/visibility.ts';
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';
import { scheduleDownlinks } from '../links/scheduler.ts';
import { latencyMatrixS, transferS } from '../ground/backhaul.ts';
import { buildDeliveryTables, chooseCluster, type DispatchTables } from '../ground/dispatch.ts';
import { tokensPerGpuS } from '../ground/gpu-queue.ts';
import { splitCloudyTiles } from '../workload/tiles.ts';
import { bytesPerTile } from '../workload/tiles.ts';
import type { LandMask } from '../workload/land-mask.ts';
import type { Scenario } from '../scenario/schema.ts';
import { makeClock, parseIsoUtc } from '../time.ts';
import type { Batch } from './batch.ts';
import { emptyBatch } from './batch-queue.ts';
import { runGeometryPass, type GeometryResult } from './geometry-pass.ts';
import { PositionWindow } from './step-positions.ts';
import { SegmentCursor, sessionProfiles } from './downlink-capacity.ts';
import { downlinkParams } from './link-params.ts';
import { ModeState, type FlowParams } from './mode-state.ts';
import { captureStep, computeStep, downlinkStep, loseSatellite, type DownlinkSegment, type ResultSink } from './mode-step.ts';
import { flowParams, loadConstellation, type ReadText } from './prepare.ts';
import { ENGINE_VERSION, RUN_EXPORT_SCHEMA_VERSION, type RunResult } from './result-types.ts';
import { buildSummary, satelliteInfo } from './summary.ts';
import { IslRelay } from './isl-relay.ts';
import { allocateTimeline, SatState, stateOf, type RunTimeline } from './timeline.ts';

export type RunPhase = 'load' | 'propagate' | 'simulate';

export interface RunDeps {
  readText: ReadText;
  landMask: LandMask;
  /**
   * Propagator for both passes (default: `createOrbitPropagator`, the packed kernel on this thread); the CLI
   * passes worker threads, which may also find the contact windows of `stations` (geometry-pass.ts
   * ContactScanningPropagator). Any propagator must give the default's results for runs to replay exactly.
   */
  createPropagator?: (satrecs: SatRec[], context: { stations: StationGeometry }) => Promise<GridPropagator>;
  onProgress?: (phase: RunPhase, done: number, total: number) => void;
  /** Record what every satellite does at every step (for the browser view); off in the CLI to save memory. */
  recordTimeline?: boolean;
}

export async function runScenario(scenario: Scenario, deps: RunDeps): Promise<RunResult> {
  deps.onProgress?.('load', 0, 1);
  const { records, issues } = await loadConstellation(scenario, deps.readText);
  const startMs = parseIsoUtc(scenario.epochIso, 'epochIso');
  const clock = makeClock(startMs, scenario.durationH * 3600, scenario.stepS);
  const K = clock.stepCount;
  const satrecs = records.map((r) => r.satrec);
  const stations = stationGeometry(scenario.groundStations.map((g) => ({ ...g, name: g.name || g.id })));
  const propagator = await (deps.createPropagator ?? ((s) => createOrbitPropagator(s)))(satrecs, { stations });
  const relay = IslRelay.fromScenario(scenario, records);
  const im = scenario.satellite.imaging;
  try {
    const geo = await runGeometryPass({
      propagator,
      stations,
      startMs,
      stepS: scenario.stepS,
      stepCount: K,
      imaging: { ...im },
      landMask: deps.landMask,
      onProgress: (d, t) => deps.onProgress?.('propagate', d, t),
    });
    // The relay re-propagates its positions a window of steps at a time (step-positions.ts), so the
    // propagator lives until pass 2 ends.
    const positions = relay ? new PositionWindow(propagator, K, startMs, scenario.stepS, geo.lostAtStep, relay.needsVelocities) : null;
    return await simulate({ scenario, deps, records, issues, stations, startMs, geo, relay, positions });
  } finally {
    propagator.dispose();
  }
}

interface PassTwoInputs {
  scenario: Scenario;
  deps: RunDeps;
  records: CatalogRecord[];
  issues: IngestIssue[];
  stations: StationGeometry;
  startMs: number;
  geo: GeometryResult;
  relay: IslRelay | null;
  positions: PositionWindow | null;
}

/** Pass 2: schedule the antennas, step every processing mode over the captured workload, summarise. */
async function simulate(inp: PassTwoInputs): Promise<RunResult> {
  const { scenario, deps, records, issues, stations, startMs, geo, relay, positions } = inp;
  const n = records.length;
  const K = geo.stepCount;
  const im = scenario.satellite.imaging;
  const schedule = scheduleDownlinks(geo.windows, scenario.groundStations.map((g) => g.antennas), n, scenario.satellite.acquisitionS);
  const link = downlinkParams(scenario);
  const profiles = sessionProfiles(schedule.sessions, geo.windows, geo.ranges, stations.count, stations.minElevationDeg, geo.meanAltitudeKm, link);
  const p = flowParams(scenario, records);
  const tables = dispatchTables(scenario);
  const gpuRate = tokensPerGpuS({ ...scenario.gpu, ...scenario.model });
  const modes = scenario.processing.modes.map(
    (m) => new ModeState(m, n, schedule.sessions.length, K, scenario.hubs.map((h) => h.gpus), gpuRate, startMs, scenario.satellite.power.batteryWh),
  );
  const tileBytes = bytesPerTile(scenario.workload.tilePx, im);
  const rngs = records.map((r) => createRng(scenario.seed, `capture:${r.norad}`));
  const carry = new Float64Array(n);
  const cursor = new SegmentCursor(schedule.sessions, profiles, n);
  const segsBySat: DownlinkSegment[][] = Array.from({ length: n }, () => []);
  const satsInSession = new Float64Array(K);
  const stepMs = scenario.stepS * 1000;
  const timeline = deps.recordTimeline ? allocateTimeline(K, n, modes.map((m) => m.mode)) : undefined;
  const sinks: ResultSink[] = modes.map((st) => (b, station, doneMs) => deliverResult(st, scenario, tables, b, station, doneMs));
  const batch = emptyBatch(); // this step's capture of satellite s, shared by the modes (each queues a copy)
  for (let k = 0; k < K; k++) {
    const t0 = startMs + k * stepMs;
    for (let s = 0; s < n; s++) {
      const lost = geo.lostAtStep[s]!;
      if (lost >= 0 && k >= lost) {
        segsBySat[s]!.length = 0;
        if (k === lost) for (const st of modes) loseSatellite(st, s);
        if (timeline) markLost(timeline, k * n + s);
      } else if (cursor.segments(s, t0, t0 + stepMs, segsBySat[s]!).length > 0) satsInSession[k]!++;
    }
    if (relay && positions) {
      await positions.ensure(k);
      relay.prepare(positions, k - positions.k0, t0, segsBySat);
      for (const st of modes) relay.relay(st, t0, segsBySat);
    }
    for (let s = 0; s < n; s++) {
      const lost = geo.lostAtStep[s]!;
      if (lost >= 0 && k >= lost) continue;
      const segs = segsBySat[s]!;
      const captured = captureBatch(geo.captureBytes[s * K + k]!, tileBytes, carry, s, rngs[s]!, scenario.workload.cloudyFraction, t0 + stepMs / 2, batch);
      const shadow = geo.shadow[s * K + k]!;
      for (let m = 0; m < modes.length; m++) {
        const st = modes[m]!;
        const sent = downlinkStep(st, s, segs, sinks[m]!);
        const load = computeStep(st, p, s, t0, shadow);
        if (captured) captureStep(st, p, s, batch);
        if (timeline) recordTimeline(timeline, st, k * n + s, s, sent, load, captured, shadow, scenario.satellite.power.batteryWh);
      }
    }
    for (const st of modes) {
      dispatchArrivals(st, scenario, tables, p);
      st.recordStep(k, t0 + stepMs, scenario.satellite.power.batteryWh);
    }
    if (k % 64 === 0 || k === K - 1) deps.onProgress?.('simulate', k + 1, K);
  }
  const timesMs = Float64Array.from({ length: K }, (_, k) => startMs + (k + 1) * stepMs);
  const satellites = satelliteInfo(records, geo, startMs, scenario.stepS);
  const summary = buildSummary({ scenario, records, issues, geo, schedule, modes, p, satsInSession });
  return {
    schemaVersion: RUN_EXPORT_SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario,
    satellites,
    ingestIssues: issues,
    contacts: geo.windows,
    sessions: schedule.sessions.map(({ satIndex, stationIndex, startMs: a, endMs: b }) => ({ satIndex, stationIndex, startMs: a, endMs: b })),
    series: {
      timesMs,
      satsSunlit: geo.satsSunlit,
      satsImaging: geo.satsImaging,
      satsInSession,
      satsLost: geo.satsLost,
      modes: Object.fromEntries(modes.map((m) => [m.mode, m.series])),
    },
    summary,
    ...(timeline ? { timeline } : {}),
  };
}

function recordTimeline(t: RunTimeline, st: ModeState, i: number, s: number, sent: number, load: number, captured: boolean, shadow: number, batteryWh: number): void {
  const tl = t.modes[st.mode]!;
  tl.state[i] = stateOf(false, sent, load, captured, shadow);
  tl.storedBytes[i] = st.storedBytes[s]!;
  tl.computeLoad[i] = load;
  tl.batterySoc[i] = st.socWh[s]! / batteryWh;
  t.shadow[i] = shadow;
}

function markLost(t: RunTimeline, i: number): void {
  t.shadow[i] = NaN;
  for (const m of Object.values(t.modes)) m.state[i] = SatState.lost;
}

/**
 * Whole tiles captured this step (fractional tiles carry over to the next step), split into cloudy and
 * clear with the satellite's own random stream, so every mode sees the same batch. Writes the batch into
 * `out` and returns true, or returns false when no whole tile was captured.
 */
function captureBatch(bytes: number, tileBytes: number, carry: Float64Array, s: number, rng: Rng, cloudyShare: number, captureMs: number, out: Batch): boolean {
  if (bytes <= 0) return false;
  const exact = carry[s]! + bytes / tileBytes;
  const tiles = Math.floor(exact);
  carry[s] = exact - tiles;
  if (tiles <= 0) return false;
  const split = splitCloudyTiles(tiles, rng, cloudyShare);
  const raw = tiles * tileBytes;
  out.captureMs = captureMs;
  out.bytes = raw;
  out.rawBytes = raw;
  out.tiles = tiles;
  out.cloudyTiles = split.cloudyTiles;
  out.readyMs = captureMs;
  return true;
}

function dispatchTables(scenario: Scenario): DispatchTables {
  const fibre = scenario.backhaul;
  return buildDeliveryTables(
    latencyMatrixS(scenario.groundStations, scenario.hubs, fibre),
    latencyMatrixS(scenario.hubs, scenario.hubs, fibre),
    scenario.hubs.map((h) => h.region),
  );
}

/** A result computed in orbit reached a station: it goes over fibre to the nearest east cluster (the users). */
function deliverResult(st: ModeState, scenario: Scenario, t: DispatchTables, b: Batch, station: number, doneMs: number): void {
  const c = st.counters;
  const cluster = t.nearestEastCluster[station]!;
  const arriveMs = doneMs + (t.stationToClusterS[station * t.clusterCount + cluster]! + transferS(b.bytes, scenario.backhaul.rateGbps)) * 1000;
  st.latencyS.add((arriveMs - b.captureMs) / 1000, b.tiles);
  c.tilesDelivered += b.tiles;
  c.clearTilesDelivered += b.tiles - b.cloudyTiles;
  c.backhaulBytes += b.bytes;
}

/** Raw data downlinked this step, in time order: choose a cluster, queue for its GPUs, deliver east. */
function dispatchArrivals(st: ModeState, scenario: Scenario, t: DispatchTables, p: FlowParams): void {
  if (st.arrivals.length === 0) return;
  const arrivals = st.arrivals.sort((a, b) => a.downlinkedMs - b.downlinkedMs || a.stationIndex - b.stationIndex);
  st.arrivals = [];
  const c = st.counters;
  for (const a of arrivals) {
    const cluster = chooseCluster(scenario.dispatch.policy, a.stationIndex, a.downlinkedMs, t, st.gpu, scenario.dispatch.maxQueueWaitS);
    c.backhaulBytes += a.bytes;
    if (cluster < 0) continue; // no GPUs anywhere: downlinked but never inferred (shows as undelivered)
    const arriveMs = a.downlinkedMs + (t.stationToClusterS[a.stationIndex * t.clusterCount + cluster]! + transferS(a.bytes, scenario.backhaul.rateGbps)) * 1000;
    const tokens = a.tiles * p.tokensPerTile;
    const doneMs = st.gpu.serve(cluster, arriveMs, tokens);
    const insightMs = doneMs + t.deliveryToEastS[cluster]! * 1000;
    st.latencyS.add((insightMs - a.captureMs) / 1000, a.tiles);
    c.tokensGround += tokens;
    c.tilesDelivered += a.tiles;
    c.clearTilesDelivered += a.tiles - a.cloudyTiles;
  }
}
