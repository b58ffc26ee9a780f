import { describe, expect, it } from 'vitest';
import { decodePickId, encodePickId, MAX_PICK_INDEX, nearestPickedIndex } from '../../src/app/view3d/pick-id.ts';

/** The id fragment shader's arithmetic (satellite-shaders.ts) in float32, then the RGBA8 store round(x·255). */
function shaderBytes(index: number): number[] {
  const f = Math.fround;
  const id = f(index + 1);
  const r = f(id % 256);
  const g = f(Math.floor(f(id / 256)) % 256);
  const b = Math.floor(f(id / 65536));
  return [r, g, b].map((c) => Math.round(f(f(c / 255) * 255)));
}

describe('pick id encoding', () => {
  it('encodes index + 1 little-endian in r, g, b (index 1,000,000 → id 0x0F4241)', () => {
    expect(Array.from(encodePickId(0))).toEqual([1, 0, 0, 255]);
    expect(Array.from(encodePickId(255))).toEqual([0, 1, 0, 255]);
    expect(Array.from(encodePickId(1_000_000))).toEqual([0x41, 0x42, 0x0f, 255]);
    expect(Array.from(encodePickId(MAX_PICK_INDEX))).toEqual([255, 255, 255, 255]);
  });

  it('decodes what it encodes, and the background (0, 0, 0) as −1', () => {
    for (const i of [0, 1, 254, 255, 256, 65_534, 65_535, 65_536, 10_312, 999_999, MAX_PICK_INDEX]) {
      expect(decodePickId(encodePickId(i))).toBe(i);
    }
    expect(decodePickId([0, 0, 0, 0])).toBe(-1);
  });

  it('matches the bytes the shader writes, for indices up to 2²⁴ − 2', () => {
    for (const i of [0, 1, 255, 256, 65_535, 65_536, 1_000_000, 4_194_303, 16_777_213, MAX_PICK_INDEX]) {
      expect(shaderBytes(i)).toEqual(Array.from(encodePickId(i)).slice(0, 3));
    }
  });

  it('picks the satellite nearest the centre of the block read around the pointer', () => {
    const size = 5;
    const px = new Uint8Array(size * size * 4);
    const put = (x: number, y: number, index: number) => px.set(encodePickId(index), (y * size + x) * 4);
    expect(nearestPickedIndex(px, size)).toBe(-1);
    put(0, 0, 7);
    put(4, 2, 9);
    expect(nearestPickedIndex(px, size)).toBe(9); // distance 2 beats 2√2
    put(2, 2, 11);
    expect(nearestPickedIndex(px, size)).toBe(11);
  });
});
