// The two propagation backends agree, the Earth-fixed velocity is the derivative of the
// Earth-fixed position, geodetic conversion matches satellite.js, and failures become codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eciToGeodetic, gstime, propagate, twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { ERROR_NON_FINITE } from '../../src/sim/orbit/orbit-chunk.ts';

function readSatrecs(path: string): SatRec[] {
  const lines = readFileSync(new URL(path, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const out: SatRec[] = [];
  for (let k = 0; k + 2 < lines.length + 1; k += 3) out.push(twoline2satrec(lines[k + 1]!, lines[k + 2]!));
  return out;
}

const satrecs = readSatrecs('../../tle/three-body.tle');
const START_MS = Date.parse('2026-04-02T00:00:00Z');

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('orbit propagator', () => {
  it.each(['packed', 'wasm'] as const)('the %s backend and satellite.js JS agree within 1e-6 km over a day of the 12 SCS-01 satellites', async (backend) => {
    const wasm = await createOrbitPropagator(satrecs, { backend });
    const js = await createOrbitPropagator(satrecs, { backend: 'js' });
    const a = wasm.propagateGrid(START_MS, 60, 1441);
    const b = js.propagateGrid(START_MS, 60, 1441);
    wasm.dispose();
    expect(a.satCount).toBe(12);
    expect([...a.errorCodes].every((e) => e === 0)).toBe(true);
    expect(maxAbsDiff(a.positionsEcefKm, b.positionsEcefKm)).toBeLessThan(1e-6);
    expect(maxAbsDiff(a.positionsEciKm, b.positionsEciKm)).toBeLessThan(1e-6);
    expect(maxAbsDiff(a.velocitiesEcefKmS, b.velocitiesEcefKmS)).toBeLessThan(1e-9);
    expect(maxAbsDiff(a.shadowFraction, b.shadowFraction)).toBeLessThan(1e-6);
    // Pins the WASM geodetic layout: a lat/lon swap would differ by tens of degrees.
    expect(maxAbsDiff(a.latDeg, b.latDeg)).toBeLessThan(1e-4);
    expect(maxAbsDiff(a.lonDeg, b.lonDeg)).toBeLessThan(1e-4);
    expect(maxAbsDiff(a.altKm, b.altKm)).toBeLessThan(1e-3);
  });

  it('matches satellite.js propagate + gstime + eciToGeodetic sample by sample', async () => {
    const p = await createOrbitPropagator(satrecs);
    const c = p.propagateGrid(START_MS, 997, 90);
    p.dispose();
    for (let s = 0; s < satrecs.length; s += 5) {
      for (let t = 0; t < 90; t += 11) {
        const date = new Date(c.timesMs[t]!);
        const pv = propagate(satrecs[s]!, date)!;
        const geo = eciToGeodetic(pv.position, gstime(date));
        const i = s * 90 + t;
        expect(c.positionsEciKm[i * 3]).toBeCloseTo(pv.position.x, 6);
        expect(c.positionsEciKm[i * 3 + 2]).toBeCloseTo(pv.position.z, 6);
        expect(c.latDeg[i]).toBeCloseTo((geo.latitude * 180) / Math.PI, 4);
        expect(c.lonDeg[i]).toBeCloseTo((geo.longitude * 180) / Math.PI, 4);
        expect(c.altKm[i]).toBeCloseTo(geo.height, 3);
        expect(c.altKm[i]).toBeGreaterThan(400);
        expect(c.altKm[i]).toBeLessThan(600);
      }
    }
  });

  it('gives an Earth-fixed velocity equal to the central difference of positions (ω×r removed)', async () => {
    const p = await createOrbitPropagator(satrecs);
    const c = p.propagateGrid(START_MS + 3_600_000, 0.5, 3);
    p.dispose();
    for (let s = 0; s < satrecs.length; s++) {
      for (let k = 0; k < 3; k++) {
        const fd = c.positionsEcefKm[(s * 3 + 2) * 3 + k]! - c.positionsEcefKm[s * 3 * 3 + k]!; // over 1 s
        // Central difference errs by |jerk|·h²/6 ≈ 1e-5 km/s; ω×r is ≈ 0.4 km/s.
        expect(Math.abs(c.velocitiesEcefKmS[(s * 3 + 1) * 3 + k]! - fd)).toBeLessThan(5e-5);
      }
    }
  });

  it('reuses an output chunk of the right shape and replaces one of the wrong shape', async () => {
    const p = await createOrbitPropagator(satrecs, { backend: 'js' });
    const first = p.propagateGrid(START_MS, 60, 10);
    expect(p.propagateGrid(START_MS + 600_000, 60, 10, first)).toBe(first);
    expect(first.timesMs[0]).toBe(START_MS + 600_000);
    expect(p.propagateGrid(START_MS, 60, 11, first)).not.toBe(first);
  });

  it('turns failures into codes and NaN, never throws: garbage elements, e ≥ 1, decay', async () => {
    const garbage = twoline2satrec(
      '1 99999U 00000A   xxxxxxxxxxxx  .00000000  00000-0  00000-0 0  9990',
      '2 99999  xx.xxxx xxx.xxxx xxxxxxx xxx.xxxx xxx.xxxx xx.xxxxxxxxxxxxxx',
    );
    // Vallado's 33333 (e = 0.995) fails with error 4, and 28872 (re-entry) with error 6 (decayed).
    const eccentric = twoline2satrec(
      '1 33333U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534',
      '2 33333  96.4736 157.9986 9950000 244.0492 110.6523  4.00004038 10708',
    );
    const decaying = twoline2satrec(
      '1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534',
      '2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708',
    );
    const epochMs = (eccentric.jdsatepoch - 2440587.5) * 86_400_000;
    for (const backend of ['wasm', 'js'] as const) {
      const p = await createOrbitPropagator([satrecs[0]!, garbage], { backend });
      const c = p.propagateAt([START_MS]);
      p.dispose();
      expect(c.errorCodes[0]).toBe(0);
      expect(c.errorCodes[1]).toBe(ERROR_NON_FINITE);
      expect(Number.isNaN(c.positionsEcefKm[3])).toBe(true);
      expect(Number.isNaN(c.shadowFraction[1])).toBe(true);
      const q = await createOrbitPropagator([eccentric, decaying], { backend });
      const d = q.propagateAt([epochMs, epochMs + 25 * 60_000, epochMs + 60 * 60_000]);
      q.dispose();
      expect(d.errorCodes[1]).toBe(4);
      expect([d.errorCodes[0], d.errorCodes[3], d.errorCodes[4], d.errorCodes[5]]).toEqual([0, 0, 0, 6]);
      expect(Number.isNaN(d.latDeg[5])).toBe(true);
    }
  });

  it('handles an empty catalogue', async () => {
    const p = await createOrbitPropagator([]);
    const c = p.propagateGrid(START_MS, 60, 5);
    expect(c.satCount).toBe(0);
    expect(c.timesMs[4]).toBe(START_MS + 240_000);
  });
});
