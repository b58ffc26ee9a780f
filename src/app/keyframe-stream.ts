// Keyframe blocks of a finished run, streamed into the frame buffer in time order, one request at a time, while the
// run is shown: a small first block (a fast first picture), then an hour a block. (The orbit view's sliding window
// is keyframe-window.ts.) Imports no React or three.
import type { KeyframeBlock } from '../../workers/protocol.ts';
import type { FrameBuffer } from './frame-buffer.ts';

/** Keyframe spacing, s: cubic Hermite between 60 s keyframes errs < 1.3 m in Float32 (docs/sources.md#hermite). */
export const KEYFRAME_STEP_S = 60;
/** Keyframes per request: one hour at 60 s, so the first block arrives fast and the view can draw at once. */
export const KEYFRAMES_PER_BLOCK = 60;
/**
 * Keyframes of the first request: two, so the first picture does not wait for a whole hour of ISLs (the worker
 * computes the links of every keyframe: ≈ 70 ms each for the 10,313-satellite Starlink set, range topology).
 */
export const FIRST_BLOCK_KEYFRAMES = 2;

export interface RunKeyframeStream {
  fb: FrameBuffer;
  /** Run window, ms since the Unix epoch: keyframes cover both ends. */
  startMs: number;
  endMs: number;
  stepS: number;
  perBlock: number;
  /** One block: `count` keyframes from `startMs`; null when the worker no longer has the run. */
  fetch(startMs: number, count: number): Promise<KeyframeBlock | null>;
  /** False once the run is no longer shown (the stream then stops). */
  isCurrent(): boolean;
}

/** Appends the blocks to `fb.keyframes` (one version bump each) until all are in, or the run is no longer shown. */
export async function streamRunKeyframes(s: RunKeyframeStream): Promise<void> {
  const stepMs = s.stepS * 1000;
  const total = Math.ceil((s.endMs - s.startMs) / stepMs) + 1;
  for (let first = 0; first < total;) {
    const count = Math.min(first === 0 ? Math.min(FIRST_BLOCK_KEYFRAMES, s.perBlock) : s.perBlock, total - first);
    const block = await s.fetch(s.startMs + first * stepMs, count);
    if (block === null || !s.isCurrent()) return;
    s.fb.keyframes.push(block);
    s.fb.version++;
    first += count;
  }
}
