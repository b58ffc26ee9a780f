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
    // A macrotask between study points, so a cancel message from the page is handled.
    yieldToEvents: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  };
}
