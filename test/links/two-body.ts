// Test helper: orbit chunks from two-body (Kepler) orbits, ECEF positions and velocities consistent to
// rounding, for tests of the contact finder that need many random orbits fast. Not a test file.
import { allocateOrbitChunk, type OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';

const MU_KM3_S2 = 398600.4418; // WGS84 GM
const EARTH_RATE_RAD_S = 7.292115e-5; // WGS84 ω
export const RE_KM = 6378.137;

export interface Orbit {
  aKm: number;
  e: number;
  incRad: number;
  raanRad: number;
  argpRad: number;
  m0Rad: number;
}

/** Two-body ECEF position and velocity at t seconds (Kepler's equation by Newton; ECI rotated by ω·t). */
export function stateEcef(o: Orbit, tS: number, out: Float64Array, at: number): void {
  const n = Math.sqrt(MU_KM3_S2 / o.aKm ** 3);
  const m = o.m0Rad + n * tS;
  let ea = m;
  for (let k = 0; k < 30; k++) ea -= (ea - o.e * Math.sin(ea) - m) / (1 - o.e * Math.cos(ea));
  const b = o.aKm * Math.sqrt(1 - o.e * o.e);
  const xp = o.aKm * (Math.cos(ea) - o.e),
    yp = b * Math.sin(ea);
  const eaDot = n / (1 - o.e * Math.cos(ea));
  const vxp = -o.aKm * Math.sin(ea) * eaDot,
    vyp = b * Math.cos(ea) * eaDot;
  const [cO, sO, cI, sI, cW, sW] = [Math.cos(o.raanRad), Math.sin(o.raanRad), Math.cos(o.incRad), Math.sin(o.incRad), Math.cos(o.argpRad), Math.sin(o.argpRad)];
  const p = [cO * cW - sO * sW * cI, sO * cW + cO * sW * cI, sW * sI];
  const q = [-cO * sW - sO * cW * cI, -sO * sW + cO * cW * cI, cW * sI];
  const r = [0, 1, 2].map((k) => xp * p[k]! + yp * q[k]!);
  const v = [0, 1, 2].map((k) => vxp * p[k]! + vyp * q[k]!);
  const th = EARTH_RATE_RAD_S * tS,
    c = Math.cos(th),
    s = Math.sin(th);
  const x = c * r[0]! + s * r[1]!,
    y = -s * r[0]! + c * r[1]!;
  out[at] = x;
  out[at + 1] = y;
  out[at + 2] = r[2]!;
  // v_ecef = R·v_eci − ω × r_ecef
  out.set([c * v[0]! + s * v[1]! + EARTH_RATE_RAD_S * y, -s * v[0]! + c * v[1]! - EARTH_RATE_RAD_S * x, v[2]!], at + 3);
}

export const START_MS = Date.parse('2026-05-12T12:00:00Z');

/** One chunk holding samples k0..k1−1 of the run's grid (step stepS) for every orbit. */
export function twoBodyChunk(orbits: Orbit[], k0: number, k1: number, stepS: number): OrbitChunk {
  const T = k1 - k0;
  const c = allocateOrbitChunk(orbits.length, T);
  const tmp = new Float64Array(6);
  for (let t = 0; t < T; t++) c.timesMs[t] = START_MS + (k0 + t) * stepS * 1000;
  orbits.forEach((o, s) => {
    for (let t = 0; t < T; t++) {
      stateEcef(o, (k0 + t) * stepS, tmp, 0);
      c.positionsEcefKm.set(tmp.subarray(0, 3), (s * T + t) * 3);
      c.velocitiesEcefKmS.set(tmp.subarray(3, 6), (s * T + t) * 3);
    }
  });
  return c;
}
