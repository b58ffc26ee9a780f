// Layout of per-satellite data in 2D GPU textures (keyframe positions/velocities, state codes) and the
// typed-array copies that fill them. Pure; must not import three or React.
import type { KeyframeBlock } from '../../../workers/protocol.ts';

/** Widest texture row used, texels (WebGL2 guarantees MAX_TEXTURE_SIZE ≥ 2048; 4096 is near-universal). */
export const MAX_TEXTURE_WIDTH = 4096;

/** Texture size holding one texel per satellite: satellite i at (i mod width, ⌊i / width⌋). */
export interface TextureLayout {
  width: number;
  height: number;
}

/** width = min(n, 4096), height = ⌈n / width⌉ (1×1 when n = 0): 10⁶ satellites → 4096 × 245. */
export function textureLayout(satCount: number): TextureLayout {
  const width = Math.max(1, Math.min(satCount, MAX_TEXTURE_WIDTH));
  return { width, height: Math.max(1, Math.ceil(satCount / width)) };
}

/** Texel of satellite `index` (the shader does the same with ints). */
export function texelOf(index: number, width: number): { x: number; y: number } {
  return { x: index % width, y: Math.floor(index / width) };
}

/**
 * Copies keyframe `frame` of `block` (frame-major, `[(f·n + s)·3 + k]`) into RGB texture data `posOut`,
 * `velOut` (length ≥ 3n): one `TypedArray.set` per array, no per-satellite loop. Returns false when the
 * block's satellite count does not fit the textures.
 */
export function copyKeyframe(block: KeyframeBlock, frame: number, posOut: Float32Array, velOut: Float32Array): boolean {
  const n3 = block.satCount * 3;
  if (n3 > posOut.length || n3 > velOut.length || frame < 0 || frame >= block.count) return false;
  const from = frame * n3;
  posOut.set(block.positionsKm.subarray(from, from + n3));
  velOut.set(block.velocitiesKmS.subarray(from, from + n3));
  return true;
}

/**
 * Copies the state row of step `step` (step-major `[k·n + s]`, src/sim/engine/timeline.ts) into `out`;
 * fills `out` with 0 (idle) when there is no row. One `set`, no per-satellite loop.
 */
export function copyStateRow(state: Uint8Array | undefined, step: number, satCount: number, out: Uint8Array): void {
  const from = step * satCount;
  if (!state || step < 0 || from + satCount > state.length || satCount > out.length) {
    out.fill(0);
    return;
  }
  out.set(state.subarray(from, from + satCount));
}
