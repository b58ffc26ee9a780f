// Encoding of satellite indices as RGBA8 colours for the GPU picking pass, and back. Pure; imports nothing.
// The id-pass fragment shader (satellite-shaders.ts) writes the same bytes.

/** Largest index that fits: ids are index + 1 in 24 bits (0 = nothing under the pointer). */
export const MAX_PICK_INDEX = 0xfffffe;

/** RGBA bytes of satellite `index`: id = index + 1, r = id & 255, g = (id >> 8) & 255, b = id >> 16, a = 255. */
export function encodePickId(index: number, out: Uint8Array | number[] = new Uint8Array(4)): Uint8Array | number[] {
  const id = index + 1;
  out[0] = id & 0xff;
  out[1] = (id >> 8) & 0xff;
  out[2] = (id >> 16) & 0xff;
  out[3] = 255;
  return out;
}

/** Satellite index of the RGB bytes at `o` in `pixels`, or −1 for the background (0, 0, 0). */
export function decodePickId(pixels: ArrayLike<number>, o = 0): number {
  return (pixels[o]! | (pixels[o + 1]! << 8) | (pixels[o + 2]! << 16)) - 1;
}

/**
 * The satellite nearest the centre of a `size`×`size` RGBA block read around the pointer, or −1. Ties
 * go to the first in row order (rows bottom-up, as WebGL's readPixels returns them).
 */
export function nearestPickedIndex(pixels: Uint8Array, size: number): number {
  const c = (size - 1) / 2;
  let best = -1;
  let bestD2 = Infinity;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const index = decodePickId(pixels, (y * size + x) * 4);
      if (index < 0) continue;
      const d2 = (x - c) * (x - c) + (y - c) * (y - c);
      if (d2 < bestD2) {
        bestD2 = d2;
        best = index;
      }
    }
  }
  return best;
}
