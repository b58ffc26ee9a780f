// Stage `processing` (pass 2): steps every processing mode over the same captured workload (capture, onboard
// compute under power, downlink sessions, ISL relay along the routing stage's paths, dispatch to GPU queues) and
// returns per mode what happened (counters, latency, series) and what was used (usage.ts): everything the pricing
// stage needs, so prices can be rerun alone. Pure; progress is injected.
import { createRng, type Rng } from '../rng.ts';
import type { CatalogRecord } from '../catalog/types.ts';
import { latencyMatrixS, transferS } from '../ground/backhaul.ts';
import { tariffTable, type TariffTable } from '../cost/electricity-tariff.ts';
import { buildDeliveryTables, placeBatch, type DispatchTables } from '../ground/dispatch.ts';
import { tokensPerGpuS } from '../ground/gpu-queue.ts';
import { bytesPerTile, splitCloudyTiles } from '../workload/tiles.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runWindow } from '../time.ts';
import type { Batch } from './batch.ts';
import { emptyBatch } from './batch-queue.ts';
import type { GeometryOutput } from './geometry-stage.ts';
import type { RoutingOutput } from './routing-stage.ts';
import { SegmentCursor, sessionProfiles } from './downlink-capacity.ts';
import { downlinkParams } from './link-params.ts';
import { ModeState, type FlowParams } from './mode-state.ts';
import { captureStep, computeStep, downlinkStep, loseSatellite, type DownlinkSegment, type ResultSink } from './mode-step.ts';
import { flowParams } from './prepare.ts';
import type { ScheduleOutput } from './schedule-stage.ts';
import { IslRelay } from './isl-relay.ts';
import { allocateTimeline, SatState, stateOf, type RunTimeline } from './timeline.ts';
import { modeOutcome, type ModeOutcome } from './usage.ts';

export interface ProcessingOutput {
  /** Satellites in a downlink session during step k: `[k]`. */
  satsInSession: Float64Array;
  /** One per simulated mode, in `processing.modes` order. */
  modes: ModeOutcome[];
  /** Per satellite-step states (browser view), when asked for. */
  timeline?: RunTimeline;
}

export interface ProcessingDeps {
  recordTimeline?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function processingStage(
  scenario: Scenario,
  records: readonly CatalogRecord[],
  geo: GeometryOutput,
  schedule: ScheduleOutput,
  routing: RoutingOutput | null,
  deps: ProcessingDeps,
): Promise<ProcessingOutput> {
  const n = records.length;
  const K = geo.stepCount;
  const { startMs, stepS } = runWindow(scenario);
  const relay = routing ? IslRelay.fromScenario(scenario, records) : null;
  const link = downlinkParams(scenario);
  const stations = geo.stations;
  const profiles = sessionProfiles(
    schedule.sessions,
    geo.windows,
    geo.ranges,
    stations.count,
    stations.minElevationDeg,
    geo.meanAltitudeKm,
    link,
    stations.maxRangeKm,
  );
  const p = flowParams(scenario, records);
  const tables = dispatchTables(scenario);
  // Only cheapest-power dispatches by price: other policies leave the tariffs to the pricing stage (stage-reads.ts).
  const tariffs = scenario.dispatch.policy === 'cheapest-power' ? tariffTable(scenario.hubs) : null;
  const { gpu, model } = scenario;
  const gpuRate = tokensPerGpuS({
    peakTflops: gpu.peakTflops,
    utilisation: gpu.utilisation,
    paramsBillion: model.paramsBillion,
    opsPerParamPerToken: model.opsPerParamPerToken,
  });
  const batteryWh = scenario.satellite.power.batteryWh;
  const gpus = scenario.hubs.map((h) => h.gpus);
  const runEndMs = startMs + K * stepS * 1000;
  const modes = scenario.processing.modes.map((m) => new ModeState(m, n, schedule.sessions.length, K, gpus, gpuRate, startMs, batteryWh, runEndMs));
  const tileBytes = bytesPerTile(scenario.workload.tilePx, scenario.satellite.imaging);
  const cloudyFraction = scenario.workload.cloudyFraction;
  const rngs = records.map((r) => createRng(scenario.seed, `capture:${r.norad}`));
  const carry = new Float64Array(n);
  const cursor = new SegmentCursor(schedule.sessions, profiles, n);
  const segsBySat: DownlinkSegment[][] = Array.from({ length: n }, () => []);
  const satsInSession = new Float64Array(K);
  const stepMs = stepS * 1000;
  const timeline = deps.recordTimeline
    ? allocateTimeline(
        K,
        n,
        modes.map((m) => m.mode),
      )
    : undefined;
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
    if (relay && routing) {
      relay.useRoutes(k, routing.hops, routing.receiver, routing.latencyS);
      for (const st of modes) relay.relay(st, t0, segsBySat);
    }
    for (let s = 0; s < n; s++) {
      const lost = geo.lostAtStep[s]!;
      if (lost >= 0 && k >= lost) continue;
      const segs = segsBySat[s]!;
      const captured = captureBatch(geo.captureBytes[s * K + k]!, tileBytes, carry, s, rngs[s]!, cloudyFraction, t0 + stepMs / 2, batch);
      const shadow = geo.shadow[s * K + k]!;
      for (let m = 0; m < modes.length; m++) {
        const st = modes[m]!;
        const sent = downlinkStep(st, s, segs, sinks[m]!);
        const load = computeStep(st, p, s, t0, shadow);
        if (captured) captureStep(st, p, s, batch);
        if (timeline) recordTimeline(timeline, st, k * n + s, s, sent, load, captured, shadow, batteryWh);
      }
    }
    for (const st of modes) {
      dispatchArrivals(st, scenario, tables, p, tariffs);
      st.recordStep(k, t0 + stepMs, batteryWh);
    }
    if (k % 64 === 0 || k === K - 1) deps.onProgress?.(k + 1, K);
  }
  const stationCount = scenario.groundStations.length;
  return { satsInSession, modes: modes.map((st) => modeOutcome(st, p, schedule.sessions, stationCount)), ...(timeline ? { timeline } : {}) };
}

function recordTimeline(
  t: RunTimeline,
  st: ModeState,
  i: number,
  s: number,
  sent: number,
  load: number,
  captured: boolean,
  shadow: number,
  batteryWh: number,
): void {
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
  st.delivered(b.captureMs, arriveMs, b.tiles);
  c.tilesDelivered += b.tiles;
  c.clearTilesDelivered += b.tiles - b.cloudyTiles;
  c.backhaulBytes += b.bytes;
}

/** Raw data downlinked this step, in time order: choose a cluster, queue for its GPUs, deliver east. */
function dispatchArrivals(st: ModeState, scenario: Scenario, t: DispatchTables, p: FlowParams, tariffs: TariffTable | null): void {
  if (st.arrivals.length === 0) return;
  const arrivals = st.arrivals.sort((a, b) => a.downlinkedMs - b.downlinkedMs || a.stationIndex - b.stationIndex);
  st.arrivals = [];
  const c = st.counters;
  for (const a of arrivals) {
    const tokens = a.tiles * p.tokensPerTile;
    const upS = transferS(a.bytes, scenario.backhaul.rateGbps);
    const job = { station: a.stationIndex, downlinkedMs: a.downlinkedMs, transferS: upS, tokens };
    const { cluster, notBeforeMs } = placeBatch(scenario.dispatch, job, t, st.gpu, tariffs);
    c.backhaulBytes += a.bytes;
    if (cluster < 0) {
      st.unresolved(a.captureMs, a.tiles); // no GPUs anywhere: downlinked but never inferred
      continue;
    }
    const arriveMs = a.downlinkedMs + (t.stationToClusterS[a.stationIndex * t.clusterCount + cluster]! + upS) * 1000;
    const doneMs = st.gpu.serve(cluster, arriveMs, tokens, notBeforeMs);
    const insightMs = doneMs + t.deliveryToEastS[cluster]! * 1000;
    st.delivered(a.captureMs, insightMs, a.tiles);
    c.tokensGround += tokens;
    c.tilesDelivered += a.tiles;
    c.clearTilesDelivered += a.tiles - a.cloudyTiles;
  }
}
