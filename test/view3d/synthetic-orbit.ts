// Test helper: keyframe blocks of satellites on exact circular orbits (analytic positions and velocities).
import type { KeyframeBlock } from '../../workers/protocol.ts';
import { MU_EARTH_KM3_S2 } from '../../src/app/view3d/scene-units.ts';

export const ORBIT_RADIUS_KM = 6378.137 + 550;
export const OMEGA_RAD_S = Math.sqrt(MU_EARTH_KM3_S2 / ORBIT_RADIUS_KM ** 3);
const INCLINATION_RAD = (53 * Math.PI) / 180;

/** Exact position (km) and velocity (km/s) of satellite s (phase offset s·0.5 rad) at t seconds. */
export function circular(s: number, tS: number): { p: [number, number, number]; v: [number, number, number] } {
  const th = OMEGA_RAD_S * tS + s * 0.5;
  const r = ORBIT_RADIUS_KM;
  const ci = Math.cos(INCLINATION_RAD);
  const si = Math.sin(INCLINATION_RAD);
  const w = OMEGA_RAD_S * r;
  return {
    p: [r * Math.cos(th), r * Math.sin(th) * ci, r * Math.sin(th) * si],
    v: [-w * Math.sin(th), w * Math.cos(th) * ci, w * Math.cos(th) * si],
  };
}

/** A frame-major block of `count` keyframes every `stepS` from `startMs` (t = 0 at `epochMs`). */
export function circularBlock(satCount: number, epochMs: number, startMs: number, stepS: number, count: number): KeyframeBlock {
  const positionsKm = new Float32Array(count * satCount * 3);
  const velocitiesKmS = new Float32Array(count * satCount * 3);
  for (let f = 0; f < count; f++) {
    for (let s = 0; s < satCount; s++) {
      const { p, v } = circular(s, (startMs - epochMs) / 1000 + f * stepS);
      positionsKm.set(p, (f * satCount + s) * 3);
      velocitiesKmS.set(v, (f * satCount + s) * 3);
    }
  }
  return { runId: 1, startMs, stepS, count, satCount, positionsKm, velocitiesKmS, islOffsets: new Int32Array(count + 1), islPairs: new Int32Array(0) };
}
