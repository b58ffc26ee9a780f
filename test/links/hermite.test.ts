// Hermite interpolation of Earth-fixed positions between propagated samples, and Brent's root.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { HermiteSegment, brentRoot } from '../../src/sim/links/hermite.ts';

const lines = readFileSync(new URL('../../tle/three-body.tle', import.meta.url), 'utf8').split('\n');
const satrecs: SatRec[] = [];
for (let k = 0; k + 2 < lines.length; k += 3) satrecs.push(twoline2satrec(lines[k + 1]!, lines[k + 2]!));
const START_MS = Date.parse('2026-04-02T00:00:00Z');

describe('HermiteSegment', () => {
  it('reproduces a cubic exactly (positions and velocities)', () => {
    // p(t) = a + b t + c t² + d t³ per axis, t in s; Hermite is exact for cubics.
    const coef = [
      [1, 2, 3, 4],
      [-5, 0.5, -0.25, 0.01],
      [7, -1, 0, 0.002],
    ];
    const at = (t: number) => coef.map(([a, b, c, d]) => a! + b! * t + c! * t * t + d! * t * t * t);
    const vel = (t: number) => coef.map(([, b, c, d]) => b! + 2 * c! * t + 3 * d! * t * t);
    const seg = new HermiteSegment().set(0, at(0), vel(0), 0, 60_000, at(60), vel(60), 0);
    const p = new Float64Array(3);
    const v = new Float64Array(3);
    for (const tau of [0, 0.1, 0.37, 0.5, 0.93, 1]) {
      seg.position(tau, p);
      seg.velocity(tau, v);
      for (let k = 0; k < 3; k++) {
        expect(p[k]).toBeCloseTo(at(tau * 60)[k]!, 9);
        expect(v[k]).toBeCloseTo(vel(tau * 60)[k]!, 9);
      }
    }
    expect(seg.timeMs(0.5)).toBe(30_000);
  });

  it('interpolates SGP4 Earth-fixed positions at 60 s spacing within 1 m (12 sats, a day)', async () => {
    const p = await createOrbitPropagator(satrecs);
    const coarse = p.propagateGrid(START_MS, 60, 1441);
    const fine = p.propagateGrid(START_MS + 30_000, 60, 1440); // midpoints, the worst place
    p.dispose();
    const seg = new HermiteSegment();
    const q = new Float64Array(3);
    let worstM = 0;
    for (let s = 0; s < satrecs.length; s++) {
      for (let t = 0; t < 1440; t++) {
        const a = (s * 1441 + t) * 3;
        seg.set(
          coarse.timesMs[t]!,
          coarse.positionsEcefKm,
          coarse.velocitiesEcefKmS,
          a,
          coarse.timesMs[t + 1]!,
          coarse.positionsEcefKm,
          coarse.velocitiesEcefKmS,
          a + 3,
        );
        seg.position(0.5, q);
        const f = (s * 1440 + t) * 3;
        const errM = 1000 * Math.hypot(q[0]! - fine.positionsEcefKm[f]!, q[1]! - fine.positionsEcefKm[f + 1]!, q[2]! - fine.positionsEcefKm[f + 2]!);
        worstM = Math.max(worstM, errM);
      }
    }
    console.info(`Hermite at 60 s, worst midpoint error over 12 sats × 1440 steps: ${worstM.toFixed(3)} m`);
    expect(worstM).toBeLessThan(1);
  });
});

describe('brentRoot', () => {
  it('finds roots of monotonic functions to the tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 0.99, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (root, k) => {
        const f = (x: number) => Math.atan(k * (x - root)) + 0.1 * (x - root) ** 3;
        const x = brentRoot(f, -1, 1, f(-1), f(1), 1e-9);
        expect(Math.abs(x - root)).toBeLessThan(1e-8);
      }),
    );
  });

  it('returns NaN without a sign change and an endpoint when it is a root', () => {
    const f = (x: number) => x * x + 1;
    expect(brentRoot(f, -1, 1, f(-1), f(1), 1e-9)).toBeNaN();
    expect(brentRoot((x) => x - 1, 0, 1, -1, 0, 1e-9)).toBe(1);
  });
});
