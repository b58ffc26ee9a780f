import { describe, expect, it } from 'vitest';
import { hermitePositionKm, KeyframeIndex, type KeyframePair } from '../../src/app/view3d/keyframe-index.ts';
import { HermiteSegment } from '../../src/sim/links/hermite.ts';
import { circular, circularBlock, OMEGA_RAD_S, ORBIT_RADIUS_KM } from './synthetic-orbit.ts';

const T0 = Date.UTC(2026, 3, 2);
const pair = (): KeyframePair => ({ k0: -1, k1: -1, u: 0, hS: 1 });

/** Two consecutive blocks of 30 keyframes every 60 s (block 2 starts where block 1 would continue). */
function twoBlocks(satCount = 3) {
  return [circularBlock(satCount, T0, T0, 60, 30), circularBlock(satCount, T0, T0 + 30 * 60_000, 60, 30)];
}

describe('KeyframeIndex.locate', () => {
  const idx = new KeyframeIndex();
  idx.rebuild(twoBlocks());

  it('flattens consecutive blocks and finds the pair, u and h', () => {
    expect(idx.count).toBe(60);
    const p = idx.locate(T0 + 5 * 60_000 + 15_000, pair());
    expect(p).toEqual({ k0: 5, k1: 6, u: 0.25, hS: 60 });
  });

  it('bridges the boundary between blocks (last frame of one, first of the next)', () => {
    const p = idx.locate(T0 + 29 * 60_000 + 30_000, pair());
    expect(p).toEqual({ k0: 29, k1: 30, u: 0.5, hS: 60 });
    expect([idx.block[30], idx.offset[30]]).toEqual([1, 0]);
  });

  it('clamps before the first and after the last keyframe', () => {
    expect(idx.locate(T0 - 1e6, pair())).toEqual({ k0: 0, k1: 1, u: 0, hS: 60 });
    expect(idx.locate(T0 + 1e9, pair())).toEqual({ k0: 58, k1: 59, u: 1, hS: 60 });
  });

  it('gives the same answer whether time moves forward, backward or jumps', () => {
    const times = [3.5, 4.2, 4.9, 40.1, 2.0, 59.5, 0.1].map((m) => T0 + m * 60_000);
    for (const t of times) {
      const fresh = new KeyframeIndex();
      fresh.rebuild(twoBlocks());
      expect(idx.locate(t, pair())).toEqual(fresh.locate(t, pair()));
    }
  });

  it('keeps a keyframe repeated at a block boundary once, and skips blocks of another satellite count', () => {
    const overlapping = [circularBlock(2, T0, T0, 60, 10), circularBlock(2, T0, T0 + 9 * 60_000, 60, 10), circularBlock(5, T0, T0 + 30 * 60_000, 60, 10)];
    const i2 = new KeyframeIndex();
    i2.rebuild(overlapping);
    expect(i2.count).toBe(19);
    expect(Array.from(i2.timesMs.subarray(8, 11), (t) => (t - T0) / 60_000)).toEqual([8, 9, 10]);
  });
});

describe('Hermite position (JS twin of the shader)', () => {
  it('errs by the cubic Hermite bound r·(ωh)⁴/384 ≈ 0.34 m on a 550 km circular orbit at 60 s spacing', () => {
    const idx = new KeyframeIndex();
    idx.rebuild([circularBlock(1, T0, T0, 60, 40)]);
    const out = new Float64Array(3);
    let maxErrKm = 0;
    for (let q = 0; q < 39 * 8; q++) {
      const tS = q * 7.5 + 0.3;
      expect(idx.positionKm(0, T0 + tS * 1000, out)).toBe(true);
      const { p } = circular(0, tS);
      maxErrKm = Math.max(maxErrKm, Math.hypot(out[0]! - p[0], out[1]! - p[1], out[2]! - p[2]));
    }
    const boundKm = (ORBIT_RADIUS_KM * (OMEGA_RAD_S * 60) ** 4) / 384; // 3.36e-4 km
    expect(boundKm).toBeCloseTo(3.36e-4, 5);
    // float32 keyframes add up to ≈ 0.5 m of rounding at 7,000 km.
    expect(maxErrKm).toBeGreaterThan(0.5 * boundKm);
    expect(maxErrKm).toBeLessThan(boundKm + 1e-3);
  });

  it("equals the engine's HermiteSegment (src/sim/links/hermite.ts) and hits both ends exactly", () => {
    const b = circularBlock(2, T0, T0, 60, 2);
    const seg = new HermiteSegment().set(T0, b.positionsKm, b.velocitiesKmS, 3, T0 + 60_000, b.positionsKm, b.velocitiesKmS, 9);
    const ours = new Float64Array(3);
    const ref = new Float64Array(3);
    for (const u of [0, 0.13, 0.5, 0.77, 1]) {
      hermitePositionKm(b.positionsKm, b.velocitiesKmS, 3, b.positionsKm, b.velocitiesKmS, 9, u, 60, ours);
      seg.position(u, ref);
      for (let k = 0; k < 3; k++) expect(ours[k]).toBeCloseTo(ref[k]!, 9);
    }
    hermitePositionKm(b.positionsKm, b.velocitiesKmS, 3, b.positionsKm, b.velocitiesKmS, 9, 1, 60, ours);
    expect(Array.from(ours)).toEqual(Array.from(b.positionsKm.subarray(9, 12)));
  });

  it('reports a lost satellite (NaN keyframe) as not drawable', () => {
    const b = circularBlock(2, T0, T0, 60, 3);
    b.positionsKm.fill(NaN, (2 * 2 + 1) * 3, (2 * 2 + 1) * 3 + 3); // satellite 1, frame 2
    const idx = new KeyframeIndex();
    idx.rebuild([b]);
    const out = new Float64Array(3);
    expect(idx.positionKm(1, T0 + 90_000, out)).toBe(false);
    expect(idx.positionKm(1, T0 + 30_000, out)).toBe(true);
    expect(idx.positionKm(0, T0 + 90_000, out)).toBe(true);
    expect(idx.positionKm(2, T0 + 90_000, out)).toBe(false);
  });
});
