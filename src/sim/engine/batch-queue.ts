// A first-in-first-out queue of batches held in one growable Float64Array ring (six doubles per batch),
// with partial takes done in place on the head: pass 2 allocates nothing per batch. Pure; imports only batch.ts.
import type { Batch } from './batch.ts';

/** Offset of each field in a batch's record; record i of the ring occupies [6i, 6i + 6). */
export const BatchField = { captureMs: 0, bytes: 1, rawBytes: 2, tiles: 3, cloudyTiles: 4, readyMs: 5 } as const;
export type BatchField = (typeof BatchField)[keyof typeof BatchField];

const STRIDE = 6;
/** Records allocated at the first push (a power of two; an empty queue holds no buffer). Assumption: 8. */
export const INITIAL_BATCH_CAPACITY = 8;
const EMPTY = new Float64Array(0);

/**
 * The queue's records are `[captureMs, bytes, rawBytes, tiles, cloudyTiles, readyMs]` × capacity (units as in
 * `Batch`), a ring starting at record `head`; the capacity is a power of two and doubles when full.
 * `takeBytes`/`takeTiles` do the same floating-point operations in the same order as the object-based split
 * this queue replaced (test/engine/batch-queue.test.ts checks it against that code).
 */
export class BatchQueue {
  private rec: Float64Array = EMPTY;
  private head = 0;
  private count = 0;
  private mask = -1;

  get length(): number {
    return this.count;
  }

  /** Records the buffer holds (0 before the first push). */
  get capacity(): number {
    return this.rec.length / STRIDE;
  }

  push(b: Readonly<Batch>): void {
    this.pushFields(b.captureMs, b.bytes, b.rawBytes, b.tiles, b.cloudyTiles, b.readyMs);
  }

  /** Appends a batch given field by field (ms, bytes, bytes, tiles, tiles, ms). */
  pushFields(captureMs: number, bytes: number, rawBytes: number, tiles: number, cloudyTiles: number, readyMs: number): void {
    if (this.count * STRIDE === this.rec.length) this.grow();
    const o = ((this.head + this.count) & this.mask) * STRIDE;
    const r = this.rec;
    r[o] = captureMs;
    r[o + 1] = bytes;
    r[o + 2] = rawBytes;
    r[o + 3] = tiles;
    r[o + 4] = cloudyTiles;
    r[o + 5] = readyMs;
    this.count++;
  }

  /** Bytes of the head batch (undefined behaviour on an empty queue: check `length` first). */
  headBytes(): number {
    return this.rec[this.head * STRIDE + 1]!;
  }

  /** Tiles of the head batch (check `length` first). */
  headTiles(): number {
    return this.rec[this.head * STRIDE + 3]!;
  }

  /** Removes the head batch (whatever it still holds); no-op on an empty queue. */
  dropHead(): void {
    if (this.count === 0) return;
    this.count--;
    this.head = this.count === 0 ? 0 : (this.head + 1) & this.mask;
  }

  /** Removes every batch and releases the buffer. */
  clear(): void {
    this.rec = EMPTY;
    this.head = 0;
    this.count = 0;
    this.mask = -1;
  }

  /**
   * Takes `bytes` from the front of the head batch (which stays in the queue, emptied if `bytes` ≥ its bytes)
   * and writes the part taken, scaled proportionally, into `out`. The queue must not be empty.
   */
  takeBytes(bytes: number, out: Batch): void {
    const r = this.rec;
    const o = this.head * STRIDE;
    const headBytes = r[o + 1]!;
    out.captureMs = r[o]!;
    out.readyMs = r[o + 5]!;
    if (bytes >= headBytes) {
      out.bytes = headBytes;
      out.rawBytes = r[o + 2]!;
      out.tiles = r[o + 3]!;
      out.cloudyTiles = r[o + 4]!;
      r[o + 1] = 0;
      r[o + 2] = 0;
      r[o + 3] = 0;
      r[o + 4] = 0;
      return;
    }
    const f = bytes / headBytes;
    out.bytes = bytes;
    out.rawBytes = r[o + 2]! * f;
    out.tiles = r[o + 3]! * f;
    out.cloudyTiles = r[o + 4]! * f;
    r[o + 1] = headBytes - bytes;
    r[o + 2] = r[o + 2]! - out.rawBytes;
    r[o + 3] = r[o + 3]! - out.tiles;
    r[o + 4] = r[o + 4]! - out.cloudyTiles;
  }

  /** Takes `tiles` from the front of the head batch into `out` (bytes in proportion). The queue must not be empty. */
  takeTiles(tiles: number, out: Batch): void {
    const o = this.head * STRIDE;
    const headBytes = this.rec[o + 1]!;
    const headTiles = this.rec[o + 3]!;
    if (tiles >= headTiles) this.takeBytes(headBytes, out);
    else this.takeBytes(headBytes * (tiles / headTiles), out);
  }

  /**
   * `start` + Σ field × `factor` over the queue, added one batch at a time from head to tail (so a running
   * total carried across several queues adds up exactly as a loop over their batches would).
   */
  addUp(field: BatchField, start = 0, factor = 1): number {
    let acc = start;
    let i = this.head;
    for (let n = 0; n < this.count; n++) {
      acc += this.rec[i * STRIDE + field]! * factor;
      i = (i + 1) & this.mask;
    }
    return acc;
  }

  /** Copies batch `i` (0 = head) into `out`; returns false when there is no such batch. */
  at(i: number, out: Batch): boolean {
    if (!(i >= 0 && i < this.count)) return false;
    const o = ((this.head + i) & this.mask) * STRIDE;
    const r = this.rec;
    out.captureMs = r[o]!;
    out.bytes = r[o + 1]!;
    out.rawBytes = r[o + 2]!;
    out.tiles = r[o + 3]!;
    out.cloudyTiles = r[o + 4]!;
    out.readyMs = r[o + 5]!;
    return true;
  }

  /** Doubles the capacity (or allocates the first buffer), unwrapping the ring to start at record 0. */
  private grow(): void {
    const capacity = Math.max(INITIAL_BATCH_CAPACITY, this.capacity * 2);
    const next = new Float64Array(capacity * STRIDE);
    const start = this.head * STRIDE;
    const used = this.count * STRIDE;
    const first = Math.min(used, this.rec.length - start);
    next.set(this.rec.subarray(start, start + first), 0);
    next.set(this.rec.subarray(0, used - first), first);
    this.rec = next;
    this.head = 0;
    this.mask = capacity - 1;
  }
}

/** A record to take batches into (reused; never kept). */
export function emptyBatch(): Batch {
  return { captureMs: 0, bytes: 0, rawBytes: 0, tiles: 0, cloudyTiles: 0, readyMs: 0 };
}
