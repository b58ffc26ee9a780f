// What the simulation API needs in a browser (worker or main-thread fallback): files (browser-read.ts), the
// Natural Earth land mask, keyframe arrays (shared-memory.ts), a wall clock for elapsed time.
// Imports no React or three.
import type { SimApiDeps } from '../sim/api/sim-api.ts';
import { browserReadText } from './browser-read.ts';
import { allocFloat32 } from './shared-memory.ts';
import { DEFAULT_LAND_MASK_RESOLUTION_DEG, buildLandMask, loadDefaultLandTopology, type LandMask } from '../sim/workload/land-mask.ts';

/** Natural Earth 1:50m land (npm world-atlas, bundled: no network) rasterised at the engine's default 0.1°, as the CLI does. */
export async function browserLandMask(): Promise<LandMask> {
  return buildLandMask(await loadDefaultLandTopology(), DEFAULT_LAND_MASK_RESOLUTION_DEG);
}

export function browserDeps(): SimApiDeps {
  return {
    readText: browserReadText,
    loadLandMask: browserLandMask,
    allocFloat32, // shared with the main thread when the page is cross-origin isolated
    wallClockMs: () => performance.now(),
    yieldToEvents: slicedYield(),
  };
}

/**
 * Longest run of study points without a macrotask, ms. Assumption: a cancel waits at most this plus one point, while
 * a price sweep (≈ 0.6 ms a point) is not slowed by a timer per point (nested timers are clamped to 4 ms).
 */
export const STUDY_SLICE_MS = 8;

/** A macrotask between study points once STUDY_SLICE_MS have passed since the last one, so a cancel message is handled. */
function slicedYield(): () => Promise<void> {
  let lastMs = performance.now();
  return () => {
    if (performance.now() - lastMs < STUDY_SLICE_MS) return Promise.resolve();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        lastMs = performance.now();
        resolve();
      }, 0),
    );
  };
}
