// The orbit view's sliding keyframe window: block sizes from the memory budget, the blocks wanted around the
// playhead, a two-frame bridge first, eviction behind the playhead, and the index's strict coverage.
import { describe, expect, it } from 'vitest';
import { createFrameBuffer, type FrameBuffer } from '../../src/app/frame-buffer.ts';
import { blockStartMs, planKeyframeWindow, streamKeyframeWindow, wantedBlocks } from '../../src/app/keyframe-window.ts';
import { KeyframeIndex, type KeyframePair } from '../../src/app/view3d/keyframe-index.ts';
import type { KeyframeBlock } from '../../src/sim/api/protocol.ts';

const t0 = Date.parse('2026-04-02T00:00:00Z');
const DAY_MS = 86_400_000;

function block(startMs: number, count: number, n = 1): KeyframeBlock {
  // x = minutes since t0 (so a test can read which frame a pair used), v = 1/60 km/s (consistent with x).
  const positionsKm = new Float32Array(count * n * 3);
  const velocitiesKmS = new Float32Array(count * n * 3);
  for (let f = 0; f < count; f++)
    for (let s = 0; s < n; s++) {
      positionsKm[(f * n + s) * 3] = (startMs - t0) / 60_000 + f;
      velocitiesKmS[(f * n + s) * 3] = 1 / 60;
    }
  return { runId: 1, startMs, stepS: 60, count, satCount: n, positionsKm, velocitiesKmS, islOffsets: new Int32Array(count + 1), islPairs: new Int32Array(0) };
}

describe('planKeyframeWindow', () => {
  it('sizes blocks and the window from the memory budget (64 MB blocks, 320 MB window)', () => {
    // 10⁶ satellites: 24 MB a frame → 2 frames a block (48 MB), 6 blocks (288 MB); a day = 1440 blocks of one step.
    expect(planKeyframeWindow(1_000_000, 60, DAY_MS)).toEqual({ stepS: 60, framesPerBlock: 2, maxBlocks: 6, blockCount: 1440 });
    // 10⁵: 2.4 MB a frame → ⌊67.1 / 2.4⌋ = 27 frames (26 steps), ⌊335.5 / 64.8⌋ = 5 blocks; a day = ⌈1440 / 26⌉ = 56 blocks.
    expect(planKeyframeWindow(100_000, 60, DAY_MS)).toEqual({ stepS: 60, framesPerBlock: 27, maxBlocks: 5, blockCount: 56 });
    // Small constellations: capped at 61 frames (an hour), still ≥ 3 blocks.
    expect(planKeyframeWindow(30_000, 60, DAY_MS).framesPerBlock).toBe(61);
    expect(planKeyframeWindow(30_000, 60, DAY_MS).maxBlocks).toBe(7);
  });

  it('wants the block under the playhead, then those ahead, then the one behind', () => {
    const plan = planKeyframeWindow(100_000, 60, DAY_MS);
    const span = 26 * 60_000;
    expect(blockStartMs(plan, t0, 3)).toBe(t0 + 3 * span);
    expect(wantedBlocks(plan, t0, t0 + 3 * span + 5)).toEqual([3, 4, 5, 6, 2]);
    expect(wantedBlocks(plan, t0, t0)).toEqual([0, 1, 2, 3]);
    expect(wantedBlocks(plan, t0, t0 + DAY_MS)).toEqual([55, 54]);
  });
});

describe('streamKeyframeWindow', () => {
  it('fetches a two-frame bridge first, then the grid blocks; drops the bridge and blocks left behind', async () => {
    const fb: FrameBuffer = { ...createFrameBuffer(), simTimeMs: t0 + 10 * 60_000 + 30_000 };
    const plan = planKeyframeWindow(100_000, 60, DAY_MS); // 27 frames a block
    const fetched: [number, number][] = [];
    const loading: boolean[] = [];
    let polls = 0;
    await streamKeyframeWindow({
      fb,
      runId: 1,
      plan,
      runStartMs: t0,
      fetch: async (startMs, count) => (fetched.push([(startMs - t0) / 60_000, count]), block(startMs, count)),
      isCurrent: () => polls < 3,
      wait: async () => {
        polls++;
        if (polls === 1) fb.simTimeMs = t0 + 80 * 60_000; // the playhead moves on to block 3 (minutes 78–104)
      },
      onLoading: (l) => loading.push(l),
    });
    // Bridge at minute 10, then grid blocks 0–3 (block 0 covers minutes 0–26); at minute 80 (block 3): 4, 5, 6 ahead,
    // block 2 kept behind, blocks 0 and 1 and the bridge dropped.
    expect(fetched).toEqual([
      [10, 2],
      [0, 27],
      [26, 27],
      [52, 27],
      [78, 27],
      [104, 27],
      [130, 27],
      [156, 27],
    ]);
    expect(fb.keyframes.map((k) => [(k.startMs - t0) / 60_000, k.count])).toEqual([
      [52, 27],
      [78, 27],
      [104, 27],
      [130, 27],
      [156, 27],
    ]);
    expect(loading).toEqual([true, false]);
  });
});

describe('KeyframeIndex strict coverage', () => {
  it('never pairs across a gap, and outside the loaded frames gives no pair when strict', () => {
    const index = new KeyframeIndex();
    index.rebuild([block(t0, 3), block(t0 + 10 * 60_000, 3)]); // minutes 0–2 and 10–12
    const pair: KeyframePair = { k0: -1, k1: -1, u: 0, hS: 1 };
    expect(index.locate(t0 + 90_000, pair)).toMatchObject({ k0: 1, k1: 2, u: 0.5, hS: 60 });
    expect(index.locate(t0 + 5 * 60_000, pair).k0).toBe(-1); // in the gap
    expect(index.locate(t0 + 20 * 60_000, pair)).toMatchObject({ k0: 4, k1: 5, u: 1 }); // clamped at the end
    index.strict = true;
    expect(index.locate(t0 + 20 * 60_000, pair).k0).toBe(-1);
    expect(index.locate(t0 + 11 * 60_000, pair)).toMatchObject({ k0: 4, k1: 5, u: 0 });
    expect(index.frameAt(t0 + 11 * 60_000)).toBe(4);
    expect(index.frameAt(t0 + 11 * 60_000 + 1)).toBe(-1);
  });
});
