// Per-frame data of the 3D view: a plain mutable object, NOT React state. Written by the sim client (when a run
// or a keyframe block arrives) and by the playback clock (every animation frame); read in useFrame by the view.
// Nothing here triggers a React render.
import type { KeyframeBlock } from '../../workers/protocol.ts';
import type { RunResult } from '../sim/engine/result-types.ts';
import type { Scenario } from '../sim/scenario/schema.ts';

export interface FrameBuffer {
  /** Current simulation time, ms since the Unix epoch (the playback clock owns it). */
  simTimeMs: number;
  /** Run window. */
  startMs: number;
  endMs: number;
  /** The finished run shown (null before the first run). Includes `timeline`. */
  run: RunResult | null;
  runId: number;
  /** Keyframe blocks covering the run (consecutive, sorted by startMs). The view uses the two keyframes around simTimeMs. */
  keyframes: KeyframeBlock[];
  /**
   * True when `keyframes` is a sliding window around simTimeMs (the orbit view of large constellations) rather than
   * the whole run: the view then draws nothing where no loaded keyframes bracket the time.
   */
  keyframesWindowed?: boolean;
  /** The orbit view's scenario (its stations and hubs are drawn); null or absent for a simulated run (see run.scenario). */
  orbitScenario?: Scenario | null;
  /** Bumped whenever `run` or `keyframes` change, so the view knows to re-upload textures. */
  version: number;
  /** The selected satellite's route to the ground, highlighted in the view (route-follower.ts, ~4 Hz); null: none asked. */
  route?: ShownRoute | null;
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

export const frameBuffer: FrameBuffer = {
  simTimeMs: 0,
  startMs: 0,
  endMs: 0,
  run: null,
  runId: 0,
  keyframes: [],
  version: 0,
  route: null,
};

/** True when something is shown on the time axis: a simulated run, or the orbit view of a large constellation. */
export function isShowing(fb: FrameBuffer): boolean {
  return fb.run !== null || fb.keyframesWindowed === true;
}

/** Identity of what is shown (changes with every new run or orbit view), null when nothing is. */
export function shownKey(fb: FrameBuffer): object | string | null {
  return fb.run ?? (fb.keyframesWindowed === true ? `orbits:${fb.runId}` : null);
}

/** Index of the step containing simTimeMs in the run's timeline, clamped to [0, stepCount − 1]; −1 without a run. */
export function currentStep(fb: FrameBuffer = frameBuffer): number {
  const run = fb.run;
  if (!run?.timeline) return -1;
  const k = Math.floor((fb.simTimeMs - fb.startMs) / (run.scenario.stepS * 1000));
  return Math.max(0, Math.min(run.timeline.stepCount - 1, k));
}
