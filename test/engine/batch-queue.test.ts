// BatchQueue (src/sim/engine/batch-queue.ts): hand-computed splits, FIFO order across the ring's wrap and
// growth, order-exact sums, and a property test against the object-based Fifo + takeBytes/takeTiles it replaced.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchField, BatchQueue, emptyBatch, INITIAL_BATCH_CAPACITY } from '../../src/sim/engine/batch-queue.ts';
import { takeBytesInto, type Batch } from '../../src/sim/engine/batch.ts';

// ---- Oracle: the pre-queue code, verbatim (src/sim/engine/batch.ts before the typed-array queue). ----
function oldTakeBytes(b: Batch, bytes: number): Batch {
  if (bytes >= b.bytes) {
    const all = { ...b };
    b.bytes = 0;
    b.rawBytes = 0;
    b.tiles = 0;
    b.cloudyTiles = 0;
    return all;
  }
  const f = bytes / b.bytes;
  const part: Batch = {
    captureMs: b.captureMs,
    bytes,
    rawBytes: b.rawBytes * f,
    tiles: b.tiles * f,
    cloudyTiles: b.cloudyTiles * f,
    readyMs: b.readyMs,
  };
  b.bytes -= bytes;
  b.rawBytes -= part.rawBytes;
  b.tiles -= part.tiles;
  b.cloudyTiles -= part.cloudyTiles;
  return part;
}

function oldTakeTiles(b: Batch, tiles: number): Batch {
  if (tiles >= b.tiles) return oldTakeBytes(b, b.bytes);
  return oldTakeBytes(b, b.bytes * (tiles / b.tiles));
}
// ---- end of oracle ----

const batch = (captureMs: number, bytes: number, tiles: number, cloudyTiles: number, readyMs = captureMs): Batch => ({
  captureMs,
  bytes,
  rawBytes: bytes,
  tiles,
  cloudyTiles,
  readyMs,
});

function contents(q: BatchQueue): Batch[] {
  const out: Batch[] = [];
  for (let i = 0; i < q.length; i++) {
    const b = emptyBatch();
    q.at(i, b);
    out.push(b);
  }
  return out;
}

const FIELDS = ['captureMs', 'bytes', 'rawBytes', 'tiles', 'cloudyTiles', 'readyMs'] as const;

/** Bit-for-bit equality of every field (Object.is: distinguishes −0 and +0, equates NaN). */
function sameBits(a: Batch, b: Batch): boolean {
  return FIELDS.every((f) => Object.is(a[f], b[f]));
}

describe('BatchQueue takes from the head in place', () => {
  it('takeBytes: a partial take scales raw bytes and tiles, the rest stays at the head', () => {
    const q = new BatchQueue();
    q.push({ captureMs: 1000, bytes: 100, rawBytes: 80, tiles: 10, cloudyTiles: 4, readyMs: 1500 });
    const out = emptyBatch();
    q.takeBytes(25, out);
    // f = 25/100: raw 80 × 0.25 = 20, tiles 2.5, cloudy 1; times copied.
    expect(out).toEqual({ captureMs: 1000, bytes: 25, rawBytes: 20, tiles: 2.5, cloudyTiles: 1, readyMs: 1500 });
    expect(contents(q)).toEqual([{ captureMs: 1000, bytes: 75, rawBytes: 60, tiles: 7.5, cloudyTiles: 3, readyMs: 1500 }]);
    expect(q.headBytes()).toBe(75);
    expect(q.headTiles()).toBe(7.5);
  });

  it('takeBytes of at least the head takes all of it and leaves an empty head for the caller to drop', () => {
    const q = new BatchQueue();
    q.push(batch(1, 100, 10, 4));
    q.push(batch(2, 50, 5, 0));
    const out = emptyBatch();
    q.takeBytes(1e9, out);
    expect(out).toEqual(batch(1, 100, 10, 4));
    expect(q.length).toBe(2);
    expect([q.headBytes(), q.headTiles()]).toEqual([0, 0]);
    q.dropHead();
    expect(q.length).toBe(1);
    expect(contents(q)).toEqual([batch(2, 50, 5, 0)]);
  });

  it('takeTiles takes bytes in proportion, or the whole head', () => {
    const q = new BatchQueue();
    q.push(batch(7, 100, 10, 5));
    const out = emptyBatch();
    q.takeTiles(4, out); // 100 × (4/10) = 40 bytes
    expect(out).toEqual(batch(7, 40, 4, 2));
    expect(contents(q)).toEqual([batch(7, 60, 6, 3)]);
    q.takeTiles(6.5, out);
    expect(out).toEqual(batch(7, 60, 6, 3));
    expect([q.headBytes(), q.headTiles()]).toEqual([0, 0]);
  });

  it('takeBytesInto (a record outside a queue) splits exactly as the old takeBytes', () => {
    const a = { captureMs: 3, bytes: 1e9 / 3, rawBytes: 1e9 / 7, tiles: 11.3, cloudyTiles: 2.9, readyMs: 4 };
    const b = { ...a };
    const out = emptyBatch();
    takeBytesInto(a, 1234.5678, out);
    expect(sameBits(out, oldTakeBytes(b, 1234.5678))).toBe(true);
    expect(sameBits(a, b)).toBe(true);
  });
});

describe('BatchQueue storage', () => {
  it('holds no buffer until the first push, then 8 records', () => {
    const q = new BatchQueue();
    expect(q.capacity).toBe(0);
    q.dropHead(); // no-op when empty
    expect(q.length).toBe(0);
    q.push(batch(0, 1, 1, 0));
    expect(q.capacity).toBe(INITIAL_BATCH_CAPACITY);
    expect(INITIAL_BATCH_CAPACITY).toBe(8);
  });

  it('keeps FIFO order across the wrap of the ring and through growth', () => {
    const q = new BatchQueue();
    for (let i = 0; i < 8; i++) q.push(batch(i, 10 + i, 1, 0));
    for (let i = 0; i < 3; i++) q.dropHead();
    for (let i = 8; i < 11; i++) q.push(batch(i, 10 + i, 1, 0)); // records 0..2 of the ring, behind the head
    expect(q.capacity).toBe(8);
    expect(contents(q).map((b) => b.captureMs)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    q.push(batch(11, 21, 1, 0)); // full and wrapped: doubles and unwraps
    expect(q.capacity).toBe(16);
    expect(contents(q).map((b) => b.captureMs)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(contents(q).map((b) => b.bytes)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21]);
    const out = emptyBatch();
    q.takeBytes(5, out); // the head is still captureMs 3 after the move
    expect(out.captureMs).toBe(3);
    expect(q.headBytes()).toBe(8);
  });

  it('grows by doubling to hold 1,000 batches, and clear releases the buffer', () => {
    const q = new BatchQueue();
    for (let i = 0; i < 1000; i++) q.push(batch(i, i + 0.5, i, 0));
    expect(q.length).toBe(1000);
    expect(q.capacity).toBe(1024);
    const got = contents(q);
    expect(got.every((b, i) => b.captureMs === i && b.bytes === i + 0.5 && b.tiles === i)).toBe(true);
    expect(q.at(1000, emptyBatch())).toBe(false);
    expect(q.at(-1, emptyBatch())).toBe(false);
    q.clear();
    expect([q.length, q.capacity]).toEqual([0, 0]);
    q.push(batch(5, 1, 1, 0));
    expect(contents(q)).toEqual([batch(5, 1, 1, 0)]);
  });

  it('addUp adds batch by batch from the head, continuing a running total', () => {
    // At 1e16 the spacing of doubles is 2: 1e16 + 1 rounds back to 1e16 (ties to even), 1 + 1 + 1e16 does not.
    const big = new BatchQueue();
    for (const x of [1e16, 1, 1]) big.push(batch(0, x, x, 0));
    expect(big.addUp(BatchField.bytes)).toBe(1e16);
    const small = new BatchQueue();
    for (const x of [1, 1, 1e16]) small.push(batch(0, x, x, 0));
    expect(small.addUp(BatchField.bytes)).toBe(1e16 + 2);
    // A running total of 2: 2 + 1e16 = 1e16 + 2, + 1 → 1e16 + 4 (tie to even), + 1 → 1e16 + 4; not 2 + Σ = 1e16 + 2.
    expect(big.addUp(BatchField.rawBytes, 2)).toBe(1e16 + 4);
    expect(small.addUp(BatchField.tiles, 0, 3)).toBe(3 + 3 + 3e16);
    expect(new BatchQueue().addUp(BatchField.bytes, 42)).toBe(42);
  });
});

type Op = { kind: 'push'; b: Batch } | { kind: 'takeBytes'; x: number } | { kind: 'takeTiles'; x: number } | { kind: 'drop' };

const amount = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc
    .record({
      captureMs: fc.integer({ min: 0, max: 1e9 }),
      bytes: amount,
      rawShare: fc.double({ min: 0, max: 1, noNaN: true }),
      tiles: fc.double({ min: 0, max: 1e4, noNaN: true }),
      cloudyShare: fc.double({ min: 0, max: 1, noNaN: true }),
      readyMs: fc.integer({ min: 0, max: 1e9 }),
    })
    .map((r): Op => ({
      kind: 'push',
      b: { captureMs: r.captureMs, bytes: r.bytes, rawBytes: r.bytes * r.rawShare, tiles: r.tiles, cloudyTiles: r.tiles * r.cloudyShare, readyMs: r.readyMs },
    })),
  fc.oneof(amount, fc.double({ min: 0, max: 1e4, noNaN: true })).map((x): Op => ({ kind: 'takeBytes', x })),
  fc.double({ min: 0, max: 1e4, noNaN: true }).map((x): Op => ({ kind: 'takeTiles', x })),
  fc.constant<Op>({ kind: 'drop' }),
);

describe('BatchQueue against the object-based queue it replaced (property)', () => {
  it('same parts taken, same queue contents, bit for bit, and bytes conserved', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const q = new BatchQueue();
        const oracle: Batch[] = [];
        const out = emptyBatch();
        let pushed = 0;
        let taken = 0;
        let dropped = 0;
        for (const op of ops) {
          if (op.kind === 'push') {
            q.push(op.b);
            oracle.push({ ...op.b });
            pushed += op.b.bytes;
          } else if (op.kind === 'drop') {
            dropped += oracle[0]?.bytes ?? 0;
            q.dropHead();
            oracle.shift();
          } else if (oracle.length > 0) {
            // The engine's loops: take from the head, then drop it when emptied (bytes ≤ 0) or, for tiles, ≤ 1e-12 tiles left.
            const head = oracle[0]!;
            const want = op.kind === 'takeBytes' ? oldTakeBytes(head, Math.min(head.bytes, op.x)) : oldTakeTiles(head, op.x);
            if (op.kind === 'takeBytes') q.takeBytes(Math.min(q.headBytes(), op.x), out);
            else q.takeTiles(op.x, out);
            expect(sameBits(out, want)).toBe(true);
            taken += out.bytes;
            const empty = op.kind === 'takeBytes' ? head.bytes <= 0 : head.tiles <= 1e-12;
            expect(empty).toBe(op.kind === 'takeBytes' ? q.headBytes() <= 0 : q.headTiles() <= 1e-12);
            if (empty) {
              dropped += head.bytes;
              oracle.shift();
              q.dropHead();
            }
          }
          expect(q.length).toBe(oracle.length);
        }
        const got = contents(q);
        expect(got.every((b, i) => sameBits(b, oracle[i]!))).toBe(true);
        let oracleRaw = 0;
        for (const b of oracle) oracleRaw += b.rawBytes;
        expect(Object.is(q.addUp(BatchField.rawBytes), oracleRaw)).toBe(true);
        const remaining = q.addUp(BatchField.bytes);
        expect(Math.abs(taken + remaining + dropped - pushed)).toBeLessThanOrEqual(1e-9 * Math.max(1, pushed));
      }),
      { numRuns: 300 },
    );
  });
});
