// One step of one satellite in one processing mode: downlink what is queued, run onboard inference or
// the onboard filter within the power budget, then store the new capture. Order within a step is
// downlink → compute → capture, so a batch moves at most one stage per step (causal; latency is
// resolved to one step). Pure; mutates only the ModeState it is given; allocates nothing per batch.
import { powerStep } from '../compute/onboard-compute.ts';
import { copyBatch, takeBytesInto, type Batch } from './batch.ts';
import { BatchField, emptyBatch } from './batch-queue.ts';
import type { FlowParams, ModeState } from './mode-state.ts';

/** Scratch records: the piece taken from a queue head, and a capture and its accepted part (never kept). */
const piece = emptyBatch();
const own = emptyBatch();
const accepted = emptyBatch();

/** The part of a downlink session inside the current step. */
export interface DownlinkSegment {
  sessionIndex: number;
  stationIndex: number;
  startMs: number;
  endMs: number;
  /** Bytes the link can carry during the segment (∫ rate dt / 8). */
  capacityBytes: number;
}

/**
 * Called for every onboard result batch that reached a station (delivery is immediate over fibre). `batch` is a
 * scratch record, valid only during the call.
 */
export type ResultSink = (batch: Batch, stationIndex: number, downlinkedMs: number) => void;

/** Drains the satellite's downlink queue through this step's segments, FIFO. Returns the bytes sent. */
export function downlinkStep(st: ModeState, s: number, segments: readonly DownlinkSegment[], onResult: ResultSink): number {
  const q = st.down[s]!;
  const c = st.counters;
  let sent = 0;
  for (const seg of segments) {
    let used = 0;
    while (used < seg.capacityBytes && q.length > 0) {
      q.takeBytes(Math.min(q.headBytes(), seg.capacityBytes - used), piece);
      if (q.headBytes() <= 0) q.dropHead();
      used += piece.bytes;
      sent += piece.bytes;
      // Linear in bytes within the segment, never before the piece is onboard (e.g. relayed over an ISL this step).
      const doneMs = Math.max(seg.startMs + (used / seg.capacityBytes) * (seg.endMs - seg.startMs), piece.readyMs);
      if (Number.isNaN(st.sessionFirstByteMs[seg.sessionIndex]!)) st.sessionFirstByteMs[seg.sessionIndex] = seg.startMs;
      st.sessionLastByteMs[seg.sessionIndex] = doneMs;
      st.sessionBytes[seg.sessionIndex]! += piece.bytes;
      st.storedBytes[s]! -= piece.bytes;
      if (piece.rawBytes > 0) {
        c.downlinkedRawBytes += piece.rawBytes;
        st.arrivals.push({
          stationIndex: seg.stationIndex,
          downlinkedMs: doneMs,
          captureMs: piece.captureMs,
          bytes: piece.bytes,
          tiles: piece.tiles,
          cloudyTiles: piece.cloudyTiles,
        });
      } else {
        c.downlinkedResultBytes += piece.bytes;
        onResult(piece, seg.stationIndex, doneMs);
      }
    }
  }
  return sent;
}

/** Runs onboard inference (onboard) or the filter (hybrid) on raw batches queued before this step; returns the load fraction. */
export function computeStep(st: ModeState, p: FlowParams, s: number, t0Ms: number, shadowFraction: number): number {
  const q = st.raw[s]!;
  const dtS = p.stepS;
  const onboard = st.mode === 'onboard';
  const perS = onboard ? p.onboardTokPerS[s]! : p.filterTilesPerS[s]!;
  // Σ tiles × tokens per tile (onboard) or Σ tiles (filter; × 1 is exact), batch by batch.
  const demand = st.usesOnboardCompute ? q.addUp(BatchField.tiles, 0, onboard ? p.tokensPerTile : 1) : 0;
  const capacity = perS * dtS;
  const demandFraction = capacity > 0 ? Math.min(1, demand / capacity) : 0;
  const pw = powerStep(p.power, p.acceleratorW[s]!, p.idleFraction, st.socWh[s]!, shadowFraction, dtS, demandFraction, st.usesOnboardCompute);
  st.socWh[s] = pw.socWh;
  st.counters.acceleratorJ += pw.acceleratorJ;
  if (!st.usesOnboardCompute) return 0;
  st.counters.computeSatSeconds += dtS;
  let budget = capacity * pw.loadFraction;
  const ratePerMs = (perS * pw.loadFraction) / 1000;
  let spent = 0;
  while (budget > 1e-9 && q.length > 0) {
    const units = onboard ? q.headTiles() * p.tokensPerTile : q.headTiles();
    const takeUnits = Math.min(units, budget);
    q.takeTiles(onboard ? takeUnits / p.tokensPerTile : takeUnits, piece);
    if (q.headTiles() <= 1e-12) q.dropHead();
    budget -= takeUnits;
    spent += takeUnits;
    const doneMs = t0Ms + spent / ratePerMs;
    if (onboard) inferOnboard(st, p, s, piece, doneMs);
    else filterOnboard(st, p, s, piece, doneMs);
  }
  return pw.loadFraction;
}

function inferOnboard(st: ModeState, p: FlowParams, s: number, piece: Batch, doneMs: number): void {
  const c = st.counters;
  c.processedOnboardBytes += piece.rawBytes;
  c.decidedRawBytes += piece.rawBytes;
  c.tokensOnboard += piece.tiles * p.tokensPerTile;
  const resultBytes = piece.tiles * p.resultBytesPerTile;
  st.storedBytes[s]! += resultBytes - piece.bytes;
  c.enqueuedForDownlinkBytes += resultBytes;
  st.down[s]!.pushFields(piece.captureMs, resultBytes, 0, piece.tiles, piece.cloudyTiles, doneMs);
}

/**
 * The onboard filter drops recall × cloudy tiles (true positives) and, at precision p, TP·(1 − p)/p clear
 * tiles (false positives); the rest go to the downlink queue raw.
 */
function filterOnboard(st: ModeState, p: FlowParams, s: number, piece: Batch, doneMs: number): void {
  const c = st.counters;
  const truePos = piece.cloudyTiles * p.filterRecall;
  const falsePos = Math.min(piece.tiles - piece.cloudyTiles, (truePos * (1 - p.filterPrecision)) / p.filterPrecision);
  const dropTiles = truePos + falsePos;
  const keepFraction = piece.tiles > 0 ? 1 - dropTiles / piece.tiles : 0;
  const droppedRaw = piece.rawBytes * (1 - keepFraction);
  c.processedOnboardBytes += droppedRaw;
  c.decidedRawBytes += piece.rawBytes;
  c.tilesDiscardedByFilter += dropTiles;
  c.clearTilesDiscardedByFilter += falsePos;
  // No insight of a discarded tile reaches the users: for latency it is never resolved (deliveredTileFraction counts it).
  st.unresolved(piece.captureMs, dropTiles);
  st.storedBytes[s]! -= droppedRaw;
  if (keepFraction <= 0) return;
  const keptBytes = piece.bytes * keepFraction;
  c.enqueuedForDownlinkBytes += keptBytes;
  st.down[s]!.pushFields(piece.captureMs, keptBytes, piece.rawBytes * keepFraction, piece.tiles - dropTiles, piece.cloudyTiles - truePos, doneMs);
}

/** Stores a new capture (the shared batch is not changed); what does not fit in storage is dropped. */
export function captureStep(st: ModeState, p: FlowParams, s: number, batch: Readonly<Batch>): void {
  if (batch.bytes <= 0) return;
  const c = st.counters;
  c.capturedBytes += batch.rawBytes;
  c.tilesCaptured += batch.tiles;
  copyBatch(batch, own);
  const free = Math.max(0, p.storageBytes - st.storedBytes[s]!);
  if (free >= own.bytes) copyBatch(own, accepted);
  else {
    takeBytesInto(own, free, accepted);
    c.droppedStorageFullBytes += own.rawBytes;
    st.unresolved(own.captureMs, own.tiles);
  }
  if (accepted.bytes <= 0) return;
  st.storedBytes[s]! += accepted.bytes;
  if (st.mode === 'ground') {
    c.decidedRawBytes += accepted.rawBytes;
    c.enqueuedForDownlinkBytes += accepted.bytes;
    st.down[s]!.push(accepted);
  } else {
    st.raw[s]!.push(accepted);
  }
}

/** Every tile batch still queued on satellite `s` is unresolved (censored at the run's end). */
export function censorQueued(st: ModeState, s: number): void {
  for (const q of [st.raw[s]!, st.down[s]!]) for (let i = 0; q.at(i, scratch); i++) st.unresolved(scratch.captureMs, scratch.tiles);
}
const scratch = emptyBatch();

/** A satellite lost at this step: everything it stores is dropped (reason: satellite lost). */
export function loseSatellite(st: ModeState, s: number): void {
  const c = st.counters;
  censorQueued(st, s);
  c.droppedSatelliteLostBytes = st.raw[s]!.addUp(BatchField.rawBytes, c.droppedSatelliteLostBytes);
  c.droppedSatelliteLostBytes = st.down[s]!.addUp(BatchField.rawBytes, c.droppedSatelliteLostBytes);
  st.raw[s]!.clear();
  st.down[s]!.clear();
  st.storedBytes[s] = 0;
}
