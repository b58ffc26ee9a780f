import { describe, expect, it } from 'vitest';
import { KeyframeIndex } from '../../src/app/view3d/keyframe-index.ts';
import { TRACK_PAST_FADE, writeTrack } from '../../src/app/view3d/orbit-track.ts';
import { circularPeriodS, UNITS_PER_KM } from '../../src/app/view3d/scene-units.ts';
import { circularBlock, ORBIT_RADIUS_KM } from './synthetic-orbit.ts';

const T0 = Date.UTC(2026, 3, 2);

describe('circularPeriodS', () => {
  it("is 5,739.0 s (95.65 min) at 550 km (Kepler's third law, hand-computed)", () => {
    expect(circularPeriodS(ORBIT_RADIUS_KM)).toBeCloseTo(5738.99, 1);
  });
});

describe('writeTrack', () => {
  const idx = new KeyframeIndex();
  idx.rebuild([circularBlock(2, T0, T0, 60, 241)]); // 4 h
  const samples = 100;
  const pos = new Float32Array((samples - 1) * 6);
  const fade = new Float32Array((samples - 1) * 2);

  it('samples ± one period on the orbit (radius within float32 rounding), past half dimmed', () => {
    const now = T0 + 2 * 3600_000;
    const periodMs = circularPeriodS(ORBIT_RADIUS_KM) * 1000;
    expect(writeTrack(idx, 1, now - periodMs, now + periodMs, now, samples, pos, fade)).toBe(samples - 1);
    for (let v = 0; v < (samples - 1) * 2; v++) {
      const r = Math.hypot(pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!);
      expect(Math.abs(r / UNITS_PER_KM - ORBIT_RADIUS_KM)).toBeLessThan(0.01);
    }
    // One full period spans the circle: the first and last points of a ± 1 period track coincide.
    const last = ((samples - 2) * 2 + 1) * 3;
    expect(Math.hypot(pos[0]! - pos[last]!, pos[1]! - pos[last + 1]!, pos[2]! - pos[last + 2]!) / UNITS_PER_KM).toBeLessThan(0.01);
    expect(fade[0]).toBeCloseTo(TRACK_PAST_FADE, 6);
    expect(fade[fade.length - 1]).toBe(1);
  });

  it('clamps to the keyframes and writes hidden (origin) segments where the satellite is lost', () => {
    const b = circularBlock(1, T0, T0, 60, 11);
    b.positionsKm.fill(NaN, 5 * 3, 6 * 3);
    const i2 = new KeyframeIndex();
    i2.rebuild([b]);
    const n = writeTrack(i2, 0, T0 - 1e6, T0 + 1e9, T0, 11, pos, fade);
    expect(n).toBe(10);
    // Samples land on the keyframes: segments 3..5 touch frames 4..6 whose interval includes the NaN frame 5.
    expect(Array.from(pos.subarray(4 * 6, 4 * 6 + 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Math.hypot(pos[0]!, pos[1]!, pos[2]!)).toBeGreaterThan(1);
    expect(writeTrack(new KeyframeIndex(), 0, 0, 1, 0, 10, pos, fade)).toBe(0);
  });
});
