import { describe, expect, it } from 'vitest';
import { copyKeyframe, copyStateRow, MAX_TEXTURE_WIDTH, texelOf, textureLayout } from '../../src/app/view3d/texture-layout.ts';
import { circularBlock } from './synthetic-orbit.ts';

describe('textureLayout', () => {
  it('sizes one texel per satellite in rows of at most 4096', () => {
    expect(textureLayout(0)).toEqual({ width: 1, height: 1 });
    expect(textureLayout(12)).toEqual({ width: 12, height: 1 });
    expect(textureLayout(4096)).toEqual({ width: 4096, height: 1 });
    expect(textureLayout(10_313)).toEqual({ width: 4096, height: 3 });
    expect(textureLayout(1_000_000)).toEqual({ width: 4096, height: 245 });
    expect(MAX_TEXTURE_WIDTH).toBe(4096);
  });

  it("places satellite i at (i mod width, ⌊i / width⌋), the shader's ivec2(i % w, i / w)", () => {
    expect(texelOf(0, 4096)).toEqual({ x: 0, y: 0 });
    expect(texelOf(5000, 4096)).toEqual({ x: 904, y: 1 });
    expect(texelOf(999_999, 4096)).toEqual({ x: 999_999 - 244 * 4096, y: 244 });
  });
});

describe('copyKeyframe', () => {
  it('copies frame f of a frame-major block as contiguous RGB texels', () => {
    const b = circularBlock(3, 0, 0, 60, 4);
    const { width, height } = textureLayout(3);
    const pos = new Float32Array(width * height * 3);
    const vel = new Float32Array(width * height * 3);
    expect(copyKeyframe(b, 2, pos, vel)).toBe(true);
    // satellite 1, frame 2 → texel 1: positionsKm[(2·3 + 1)·3 + k]
    expect(Array.from(pos.subarray(3, 6))).toEqual(Array.from(b.positionsKm.subarray(21, 24)));
    expect(Array.from(vel.subarray(6, 9))).toEqual(Array.from(b.velocitiesKmS.subarray(24, 27)));
  });

  it('refuses a frame out of range or textures too small', () => {
    const b = circularBlock(3, 0, 0, 60, 4);
    expect(copyKeyframe(b, 4, new Float32Array(9), new Float32Array(9))).toBe(false);
    expect(copyKeyframe(b, 0, new Float32Array(6), new Float32Array(9))).toBe(false);
  });
});

describe('copyStateRow', () => {
  it('copies row k of a step-major state array, or idle (0) when there is none', () => {
    const state = Uint8Array.from([0, 1, 2, 3, 4, 5, 1, 1, 1]); // 3 steps × 3 satellites
    const out = new Uint8Array(4).fill(9);
    copyStateRow(state, 1, 3, out);
    expect(Array.from(out)).toEqual([3, 4, 5, 9]);
    copyStateRow(undefined, 1, 3, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    copyStateRow(state, 3, 3, out.fill(9));
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});
