// A sliding window of keyframe blocks around the playhead, for constellations whose keyframes for the whole run
// would not fit in memory (10⁶ satellites: 24 MB per keyframe, 35 GB for a day at 60 s). Blocks sit on a fixed
// grid and overlap by one frame, so each covers its span alone; the window fetches the block under the playhead
// first, then the ones ahead, then the one behind, and drops the rest. Imports no React or three.
import type { KeyframeBlock } from '../../workers/protocol.ts';
import type { FrameBuffer } from './frame-buffer.ts';

/** Bytes of one block, at most (assumption: 64 MB fills in ≈ 0.3 s on two cores and uploads without a long stall). */
export const WINDOW_BLOCK_BYTES = 64 * 2 ** 20;
/** Bytes the window holds, at most (assumption: comfortable on an 8 GB laptop next to the GPU copies). */
export const WINDOW_TOTAL_BYTES = 320 * 2 ** 20;
/** Position + velocity, Float32 × 3 each. */
const BYTES_PER_SAT_FRAME = 24;

export interface KeyframeWindowPlan {
  stepS: number;
  /** Frames per block, the last shared with the next block (≥ 2). */
  framesPerBlock: number;
  /** Blocks kept (≥ 3: behind, current, ahead). */
  maxBlocks: number;
  /** Blocks covering the run. */
  blockCount: number;
}

export function planKeyframeWindow(satCount: number, stepS: number, runMs: number): KeyframeWindowPlan {
  const frameBytes = Math.max(1, satCount) * BYTES_PER_SAT_FRAME;
  const framesPerBlock = Math.max(2, Math.min(61, Math.floor(WINDOW_BLOCK_BYTES / frameBytes)));
  const maxBlocks = Math.max(3, Math.floor(WINDOW_TOTAL_BYTES / (framesPerBlock * frameBytes)));
  const spanMs = (framesPerBlock - 1) * stepS * 1000;
  return { stepS, framesPerBlock, maxBlocks, blockCount: Math.max(1, Math.ceil(runMs / spanMs)) };
}

/** Start time of block b, ms. */
export function blockStartMs(plan: KeyframeWindowPlan, runStartMs: number, b: number): number {
  return runStartMs + b * (plan.framesPerBlock - 1) * plan.stepS * 1000;
}

/** Blocks wanted at `timeMs`, most urgent first: the current one, those ahead, then the one behind. */
export function wantedBlocks(plan: KeyframeWindowPlan, runStartMs: number, timeMs: number): number[] {
  const spanMs = (plan.framesPerBlock - 1) * plan.stepS * 1000;
  const b = Math.max(0, Math.min(plan.blockCount - 1, Math.floor((timeMs - runStartMs) / spanMs)));
  const out = [b];
  for (let a = b + 1; a < plan.blockCount && out.length < plan.maxBlocks - 1; a++) out.push(a);
  if (b > 0) out.push(b - 1);
  return out;
}

export interface WindowStream {
  fb: FrameBuffer;
  runId: number;
  plan: KeyframeWindowPlan;
  runStartMs: number;
  fetch(startMs: number, count: number): Promise<KeyframeBlock>;
  /** False once the run shown changed (the stream then stops). */
  isCurrent(): boolean;
  /** Waits `ms` of wall time (polling for the playhead to move). */
  wait(ms: number): Promise<void>;
  /** Told when the block under the playhead is missing (true) or present (false). */
  onLoading?(loading: boolean): void;
}

/** True when block `k` brackets `timeMs` on its own (between its first and last keyframe). */
export function covers(k: KeyframeBlock, timeMs: number): boolean {
  return timeMs >= k.startMs && timeMs <= k.startMs + (k.count - 1) * k.stepS * 1000;
}

/**
 * Keeps `fb.keyframes` to the wanted blocks, sorted by time, until the run changes. When the block under the
 * playhead is missing and larger than two frames, a two-frame bridge around the playhead comes first (so the
 * satellites show at once: 10⁵ satellites × 26 frames take ≈ 1 s to fill, 2 frames ≈ 0.1 s); bridges are dropped
 * once their grid block is in.
 */
export async function streamKeyframeWindow(w: WindowStream): Promise<void> {
  const { fb, plan } = w;
  const F = plan.framesPerBlock;
  const stepMs = plan.stepS * 1000;
  let loading = false;
  const setLoading = (v: boolean) => {
    if (v !== loading) w.onLoading?.((loading = v));
  };
  while (w.isCurrent()) {
    const t = fb.simTimeMs;
    const wanted = wantedBlocks(plan, w.runStartMs, t).map((b) => blockStartMs(plan, w.runStartMs, b));
    const isGrid = (k: KeyframeBlock) => k.count === F && wanted.includes(k.startMs);
    const currentIn = fb.keyframes.some((k) => isGrid(k) && k.startMs === wanted[0]);
    const keep = fb.keyframes.filter((k) => isGrid(k) || (!currentIn && k.count === 2 && F > 2 && covers(k, t)));
    if (keep.length !== fb.keyframes.length) {
      fb.keyframes = keep;
      fb.version++;
    }
    const missing = wanted.find((s) => !keep.some((k) => isGrid(k) && k.startMs === s));
    const shown = keep.some((k) => covers(k, t));
    setLoading(!shown);
    if (missing === undefined) {
      await w.wait(100);
      continue;
    }
    const bridge = !shown && F > 2;
    const startMs = bridge ? w.runStartMs + Math.floor((t - w.runStartMs) / stepMs) * stepMs : missing;
    const block = await w.fetch(startMs, bridge ? 2 : F);
    if (!w.isCurrent()) return;
    fb.keyframes = [...fb.keyframes, block].sort((a, b) => a.startMs - b.startMs || b.count - a.count);
    fb.version++;
  }
  setLoading(false);
}
