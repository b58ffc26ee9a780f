// State of one processing mode (ground, onboard or hybrid) during a run: per-satellite queues, storage
// and battery, cluster GPU queues, counters and latency samples. Pure; no I/O.
import { GpuQueues } from '../ground/gpu-queue.ts';
import { WeightedSamples } from '../metrics/weighted-samples.ts';
import type { PowerParams } from '../compute/onboard-compute.ts';
import type { ProcessingMode } from '../scenario/schema.ts';
import { BatchField, BatchQueue } from './batch-queue.ts';
import type { ModeSeries } from './result-types.ts';

/** Parameters the flow needs, derived once from the scenario. Per-satellite arrays are indexed by satellite. */
export interface FlowParams {
  stepS: number;
  storageBytes: number;
  /** 8B-model tokens per tile (image + prompt + output). */
  tokensPerTile: number;
  /** Of those, generated (output) tokens: priced apart from input tokens under per-token pricing. */
  outputTokensPerTile: number;
  resultBytesPerTile: number;
  /** Onboard 8B-model tokens per second at full load, per satellite. */
  onboardTokPerS: Float64Array;
  /** Onboard filter tiles per second at full load, per satellite. */
  filterTilesPerS: Float64Array;
  /** Accelerator power at full load, per satellite, W. */
  acceleratorW: Float64Array;
  idleFraction: number;
  power: PowerParams;
  filterRecall: number;
  filterPrecision: number;
}

/** Running totals of one mode; bytes are raw (captured) bytes unless named results. */
export interface ModeCounters {
  capturedBytes: number;
  processedOnboardBytes: number;
  downlinkedRawBytes: number;
  downlinkedResultBytes: number;
  droppedStorageFullBytes: number;
  droppedSatelliteLostBytes: number;
  /** Bytes put in a downlink queue (raw or results), for the bandwidth saving. */
  enqueuedForDownlinkBytes: number;
  /** Raw bytes whose fate was decided onboard (inferred, filtered, or sent down raw). */
  decidedRawBytes: number;
  tilesCaptured: number;
  tilesDelivered: number;
  clearTilesDelivered: number;
  tilesDiscardedByFilter: number;
  clearTilesDiscardedByFilter: number;
  tokensOnboard: number;
  tokensGround: number;
  acceleratorJ: number;
  /** Satellite-seconds with the compute payload in use (onboard, hybrid). */
  computeSatSeconds: number;
  backhaulBytes: number;
  backlogMaxBytes: number;
  /** Bytes moved over inter-satellite links to a satellite in contact. */
  islRelayedBytes: number;
  /** Σ bytes × ISL hops (link load). */
  islHopBytes: number;
}

const zeroCounters = (): ModeCounters => ({
  capturedBytes: 0,
  processedOnboardBytes: 0,
  downlinkedRawBytes: 0,
  downlinkedResultBytes: 0,
  droppedStorageFullBytes: 0,
  droppedSatelliteLostBytes: 0,
  enqueuedForDownlinkBytes: 0,
  decidedRawBytes: 0,
  tilesCaptured: 0,
  tilesDelivered: 0,
  clearTilesDelivered: 0,
  tilesDiscardedByFilter: 0,
  clearTilesDiscardedByFilter: 0,
  tokensOnboard: 0,
  tokensGround: 0,
  acceleratorJ: 0,
  computeSatSeconds: 0,
  backhaulBytes: 0,
  backlogMaxBytes: 0,
  islRelayedBytes: 0,
  islHopBytes: 0,
});

/** A raw batch downlinked at a station, waiting for dispatch to a cluster at the end of the step (a few per step). */
export interface GroundArrival {
  stationIndex: number;
  /** Time the last byte reached the station, ms. */
  downlinkedMs: number;
  /** Capture time, ms. */
  captureMs: number;
  bytes: number;
  tiles: number;
  cloudyTiles: number;
}

export class ModeState {
  /** Raw batches waiting for onboard processing (onboard, hybrid). */
  readonly raw: BatchQueue[];
  /** Batches waiting for the downlink: raw (ground, hybrid) or results (onboard). */
  readonly down: BatchQueue[];
  /** Bytes onboard per satellite (raw + results). */
  readonly storedBytes: Float64Array;
  readonly socWh: Float64Array;
  readonly counters: ModeCounters = zeroCounters();
  /** Latency of tiles whose insight reached the users (delivered), s, weighted by tiles. */
  readonly deliveredS = new WeightedSamples();
  /** Latency of every tile whose insight reached the users, s (the events of the Kaplan–Meier estimate). */
  readonly resolvedS = new WeightedSamples();
  /** How long each of those tiles could have been followed (end of the run − capture), s: the estimate's horizon. */
  readonly resolvedFollowUpS = new WeightedSamples({ mergeEqual: true });
  /**
   * How long each tile without an insight at the users had waited when the run ended, s: still stored, dropped, or
   * discarded by the onboard filter (censored at the end of the run).
   */
  readonly censoredS = new WeightedSamples({ mergeEqual: true });
  /** Per session: time the last byte was sent, ms (NaN = session unused). */
  readonly sessionLastByteMs: Float64Array;
  /** Per session: time the first byte was sent, ms. */
  readonly sessionFirstByteMs: Float64Array;
  /** Per session: bytes sent (raw + results). */
  readonly sessionBytes: Float64Array;
  arrivals: GroundArrival[] = [];
  readonly gpu: GpuQueues;
  readonly series: ModeSeries;

  constructor(
    readonly mode: ProcessingMode,
    satCount: number,
    sessionCount: number,
    stepCount: number,
    gpusPerCluster: readonly number[],
    tokensPerGpuS: number,
    startMs: number,
    initialSocWh: number,
    /** End of the simulated grid, ms: unresolved tiles are censored here. */
    readonly runEndMs: number,
  ) {
    this.raw = Array.from({ length: satCount }, () => new BatchQueue());
    this.down = Array.from({ length: satCount }, () => new BatchQueue());
    this.storedBytes = new Float64Array(satCount);
    this.socWh = new Float64Array(satCount).fill(initialSocWh);
    this.sessionLastByteMs = new Float64Array(sessionCount).fill(NaN);
    this.sessionFirstByteMs = new Float64Array(sessionCount).fill(NaN);
    this.sessionBytes = new Float64Array(sessionCount);
    this.gpu = new GpuQueues(gpusPerCluster, tokensPerGpuS, startMs);
    const series = () => new Float64Array(stepCount);
    this.series = {
      backlogBytes: series(),
      groundQueueTokens: series(),
      capturedBytesCum: series(),
      downlinkedBytesCum: series(),
      droppedBytesCum: series(),
      tokensOnboardCum: series(),
      tokensGroundCum: series(),
      tilesDeliveredCum: series(),
      meanBatterySoc: series(),
    };
  }

  /** Whether this mode runs the accelerator onboard. */
  get usesOnboardCompute(): boolean {
    return this.mode !== 'ground';
  }

  /** A tile batch's insight arrived at `insightMs` (delivered to the users). */
  delivered(captureMs: number, insightMs: number, tiles: number): void {
    const s = (insightMs - captureMs) / 1000;
    this.deliveredS.add(s, tiles);
    this.resolvedS.add(s, tiles);
    this.resolvedFollowUpS.add(Math.max(0, (this.runEndMs - captureMs) / 1000), tiles);
  }

  /** Tiles that will not be resolved in this run (dropped, or still waiting at its end): censored at its end. */
  unresolved(captureMs: number, tiles: number): void {
    this.censoredS.add(Math.max(0, (this.runEndMs - captureMs) / 1000), tiles);
  }

  /** Raw bytes still onboard (in either queue). */
  storedRawBytes(): number {
    let sum = 0;
    for (const queues of [this.raw, this.down]) for (const q of queues) sum = q.addUp(BatchField.rawBytes, sum);
    // Results batches carry rawBytes = 0 (their raw bytes were counted as processed onboard).
    return sum;
  }

  /** Records the series values at the end of step k. */
  recordStep(k: number, atMs: number, batteryWh: number): void {
    const c = this.counters;
    let backlog = 0;
    let soc = 0;
    for (let s = 0; s < this.storedBytes.length; s++) {
      backlog += this.storedBytes[s]!;
      soc += this.socWh[s]!;
    }
    c.backlogMaxBytes = Math.max(c.backlogMaxBytes, backlog);
    const sr = this.series;
    sr.backlogBytes[k] = backlog;
    sr.groundQueueTokens[k] = this.gpu.backlogTokens(atMs);
    sr.capturedBytesCum[k] = c.capturedBytes;
    sr.downlinkedBytesCum[k] = c.downlinkedRawBytes + c.downlinkedResultBytes;
    sr.droppedBytesCum[k] = c.droppedStorageFullBytes + c.droppedSatelliteLostBytes;
    sr.tokensOnboardCum[k] = c.tokensOnboard;
    sr.tokensGroundCum[k] = c.tokensGround;
    sr.tilesDeliveredCum[k] = c.tilesDelivered;
    sr.meanBatterySoc[k] = this.storedBytes.length > 0 ? soc / this.storedBytes.length / batteryWh : 0;
  }
}
