// What the simulation API needs in a browser (worker or main-thread fallback): the shipped TLE sets bundled
// by Vite, other files fetched from the site, the Natural Earth land mask, a wall clock for elapsed time.
// Imports no React or three.
/// <reference types="vite/client" />
import type { SimApiDeps } from '../sim/api/sim-api.ts';
import { DEFAULT_LAND_MASK_RESOLUTION_DEG, buildLandMask, loadDefaultLandTopology, type LandMask } from '../sim/workload/land-mask.ts';

/**
 * tle/*.tle as lazily loaded text chunks: the presets name `tle/three-body.tle` and `tle/starlink-20260512.tle`,
 * which then load the same way in `vite` dev and in the production build (no copy to public/ needed).
 */
const bundledTle = import.meta.glob<string>('/tle/*.tle', { query: '?raw', import: 'default' });

/** The bundled text of `path` ("tle/x.tle", "./tle/x.tle" or "/tle/x.tle"), or undefined if not bundled. */
export function bundledFile(path: string): (() => Promise<string>) | undefined {
  return bundledTle[`/${path.replace(/^\.?\/+/, '')}`];
}

/** Reads a file named in a scenario: bundled TLE sets first, else fetched from the site (relative to its base). */
export async function browserReadText(path: string): Promise<string> {
  const bundled = bundledFile(path);
  if (bundled) return bundled();
  const url = new URL(path.replace(/^\/+/, ''), new URL(import.meta.env.BASE_URL, self.location.origin));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} for ${url.pathname}`);
  return res.text();
}

/** Natural Earth 1:50m land (npm world-atlas, bundled: no network) rasterised at the engine's default 0.1°, as the CLI does. */
export async function browserLandMask(): Promise<LandMask> {
  return buildLandMask(await loadDefaultLandTopology(), DEFAULT_LAND_MASK_RESOLUTION_DEG);
}

/**
 * Keyframe arrays on a SharedArrayBuffer when the page is cross-origin isolated (COOP/COEP served), so they are
 * shared with the main thread instead of moved; plain arrays (transferred) otherwise.
 */
export function browserAllocFloat32(length: number): Float32Array {
  if (globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function') {
    return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
  }
  return new Float32Array(length);
}

export function browserDeps(): SimApiDeps {
  return {
    readText: browserReadText,
    loadLandMask: browserLandMask,
    allocFloat32: browserAllocFloat32,
    wallClockMs: () => performance.now(),
  };
}
