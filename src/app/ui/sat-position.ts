// One satellite's Earth-fixed position at a simulation time, from the run's keyframe blocks, by cubic
// Hermite between the two keyframes around the time (the same interpolant as the vertex shader), and its
// geodetic latitude, longitude and height. For the inspector and table (a few times a second), not per frame.
// Pure; imports the sim's Hermite and frame maths and the keyframe window's coverage test only.
import type { KeyframeBlock } from '../../../workers/protocol.ts';
import { HermiteSegment } from '../../sim/links/hermite.ts';
import { ecefToGeodetic } from '../../sim/orbit/frames.ts';
import { covers } from '../keyframe-window.ts';

export interface SatGeodetic {
  latDeg: number;
  lonDeg: number;
  altitudeKm: number;
}

const seg = new HermiteSegment();
const posKm = new Float64Array(3);
const geo = new Float64Array(3);
const RAD_TO_DEG = 180 / Math.PI;

/** The block holding `tMs` within its keyframes, or null. */
export function blockAt(blocks: readonly KeyframeBlock[], tMs: number): KeyframeBlock | null {
  return blocks.find((b) => b.count > 0 && covers(b, tMs)) ?? null;
}

/** Position of satellite `s` at `tMs`, km (ECEF) into `out`; false when outside the keyframes or lost (NaN). */
export function satPositionKm(blocks: readonly KeyframeBlock[], s: number, tMs: number, out: Float64Array): boolean {
  const b = blockAt(blocks, tMs);
  if (b === null || s < 0 || s >= b.satCount) return false;
  const stepMs = b.stepS * 1000;
  const f = Math.min(Math.max(Math.floor((tMs - b.startMs) / stepMs), 0), Math.max(b.count - 2, 0));
  const o0 = (f * b.satCount + s) * 3;
  if (b.count === 1) {
    out[0] = b.positionsKm[o0]!;
    out[1] = b.positionsKm[o0 + 1]!;
    out[2] = b.positionsKm[o0 + 2]!;
  } else {
    const o1 = ((f + 1) * b.satCount + s) * 3;
    const t0 = b.startMs + f * stepMs;
    seg.set(t0, b.positionsKm, b.velocitiesKmS, o0, t0 + stepMs, b.positionsKm, b.velocitiesKmS, o1);
    seg.position((tMs - t0) / stepMs, out);
  }
  return Number.isFinite(out[0]!) && Number.isFinite(out[1]!) && Number.isFinite(out[2]!);
}

/** Geodetic latitude, longitude and WGS84 height of satellite `s` at `tMs`, or null. */
export function satGeodetic(blocks: readonly KeyframeBlock[], s: number, tMs: number): SatGeodetic | null {
  if (!satPositionKm(blocks, s, tMs, posKm)) return null;
  ecefToGeodetic(posKm[0]!, posKm[1]!, posKm[2]!, geo);
  return { latDeg: geo[0]! * RAD_TO_DEG, lonDeg: geo[1]! * RAD_TO_DEG, altitudeKm: geo[2]! };
}
