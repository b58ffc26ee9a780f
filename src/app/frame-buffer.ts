// Per-frame data of the 3D view: a plain mutable object, NOT React state, read in useFrame. The playback clock
// writes the time every animation frame; the sim client writes the keyframes of what is shown (shown.ts) and
// empties them when that changes; the route follower writes the route. Nothing here triggers a React render.
import type { KeyframeBlock } from '../../workers/protocol.ts';

export interface FrameBuffer {
  /** Current simulation time, ms since the Unix epoch (written by the playback clock only). */
  simTimeMs: number;
  /**
   * Keyframe blocks of what is shown, sorted by startMs: the whole run (consecutive blocks), or a sliding window
   * around simTimeMs for an orbit view. The view uses the two keyframes around simTimeMs.
   */
  keyframes: KeyframeBlock[];
  /** Bumped whenever `keyframes` change (and when what is shown changes), so the view re-uploads its textures. */
  version: number;
  /** The selected satellite's route to the ground, highlighted in the view (route-follower.ts, ~4 Hz); null: none asked. */
  route: ShownRoute | null;
}

/** A route as asked for the selected satellite: a new object per answer (the view compares identity). */
export interface ShownRoute {
  runId: number;
  satIndex: number;
  /** Time the route was computed for, ms since the Unix epoch. */
  tMs: number;
  /** Satellite indices from satIndex on, then −1 − stationIndex; null when there is no path now. */
  hops: readonly number[] | null;
  /** One-way light time along the path, s (null without a path). */
  latencyS: number | null;
}

/** A fresh, empty frame buffer (main.tsx makes the app's one; tests make their own). */
export function createFrameBuffer(): FrameBuffer {
  return { simTimeMs: 0, keyframes: [], version: 0, route: null };
}
