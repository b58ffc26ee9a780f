// Shadow model: eclipse entry/exit against the Skyfield + ERFA golden file, penumbra length, and
// the sunlit share of SCS-01 A against the cylindrical-shadow formula from the beta angle.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jday, propagate, sunPos, twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { findEclipses, sunlitShare, type EclipseInterval } from '../../src/sim/orbit/eclipse.ts';

const lines = readFileSync(new URL('../../tle/three-body.tle', import.meta.url), 'utf8').split('\n');
const sats: { norad: string; satrec: SatRec }[] = [];
for (let k = 0; k + 2 < lines.length; k += 3) {
  sats.push({ norad: String(Number(lines[k + 1]!.slice(2, 7))), satrec: twoline2satrec(lines[k + 1]!, lines[k + 2]!) });
}
const START_MS = Date.parse('2026-04-02T00:00:00Z');
const DAY_S = 86_400;

interface GoldenEclipse {
  norad: string;
  entryMs: number;
  exitMs: number;
  partial: boolean;
}

function readGolden(): GoldenEclipse[] {
  const text = readFileSync(new URL('../golden/skyfield-three-body-eclipses.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [norad, , entry, exit, partial] = row.split(',');
      return { norad: norad!, entryMs: Date.parse(entry!), exitMs: Date.parse(exit!), partial: partial === 'yes' };
    });
}

describe('eclipses', () => {
  it('match Skyfield + ERFA entry and exit times within 10 s (10 s grid)', async () => {
    const p = await createOrbitPropagator(sats.map((s) => s.satrec));
    const steps = DAY_S / 10 + 1;
    const c = p.propagateGrid(START_MS, 10, steps);
    p.dispose();
    const golden = readGolden();
    const ours: (EclipseInterval & { norad: string })[] = [];
    sats.forEach((s, i) => ours.push(...findEclipses(c.timesMs, c.shadowFraction, i * steps, steps).map((e) => ({ ...e, norad: s.norad }))));
    expect(golden.length).toBeGreaterThan(150);
    expect(ours).toHaveLength(golden.length);
    let worstS = 0;
    for (const g of golden) {
      const m = ours.find((e) => e.norad === g.norad && Math.abs(e.entryMs - g.entryMs) < 60_000);
      expect(m, `${g.norad} ${new Date(g.entryMs).toISOString()}`).toBeDefined();
      worstS = Math.max(worstS, Math.abs(m!.entryMs - g.entryMs) / 1000, Math.abs(m!.exitMs - g.exitMs) / 1000);
      expect(m!.partialStart || m!.partialEnd).toBe(g.partial);
    }
    console.info(`eclipse entry/exit vs Skyfield+ERFA: worst |Δ| ${worstS.toFixed(2)} s over ${golden.length} eclipses`);
    expect(worstS).toBeLessThan(10);
  });

  it('has shadow fraction 0 or 1 except in penumbra transitions of ≈ 10 s (1 s grid, SCS-01 A)', async () => {
    const p = await createOrbitPropagator([sats[0]!.satrec]);
    const c = p.propagateGrid(START_MS, 1, 6 * 3600);
    p.dispose();
    const runs: number[] = [];
    let run = 0;
    for (const f of c.shadowFraction) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
      if (f > 0 && f < 1) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    console.info(`penumbra durations (s): ${runs.join(', ')}`);
    expect(runs.length).toBeGreaterThanOrEqual(6); // ≈ 3.8 orbits, one entry and one exit each
    for (const r of runs) {
      expect(r).toBeGreaterThan(3);
      expect(r).toBeLessThan(30);
    }
  });

  it('gives SCS-01 A a sunlit share equal to the beta-angle formula within 0.005 over whole orbits', async () => {
    // 15 whole orbits (period from the mean motion, 15.21426337 rev/day), 10 s grid.
    const periodS = DAY_S / 15.21426337;
    const steps = Math.round((15 * periodS) / 10);
    const p = await createOrbitPropagator([sats[0]!.satrec]);
    const c = p.propagateGrid(START_MS, 10, steps);
    const day = p.propagateGrid(START_MS, 10, DAY_S / 10);
    p.dispose();
    const share = sunlitShare(c.shadowFraction, 0, steps);
    const dayShare = sunlitShare(day.shadowFraction, 0, day.timeCount);
    // Independent estimate: circular orbit, cylindrical shadow (the Sun's centre hidden, as our
    // 0.5 threshold): eclipse fraction = acos(sqrt(r² − R²) / (r cos β)) / π, with β the angle
    // between the Sun and the orbit plane (Wertz & Larson, SMAD 3rd ed., §5.1).
    const mid = new Date(START_MS + 12 * 3_600_000);
    const pv = propagate(sats[0]!.satrec, mid)!;
    const r = pv.position;
    const v = pv.velocity;
    const n = [r.y * v.z - r.z * v.y, r.z * v.x - r.x * v.z, r.x * v.y - r.y * v.x];
    const sun = sunPos(jday(mid)).rsun;
    const sinBeta = (n[0]! * sun.x + n[1]! * sun.y + n[2]! * sun.z) / (Math.hypot(...n) * Math.hypot(sun.x, sun.y, sun.z));
    let meanR = 0;
    for (let t = 0; t < steps; t++) meanR += Math.hypot(c.positionsEciKm[t * 3]!, c.positionsEciKm[t * 3 + 1]!, c.positionsEciKm[t * 3 + 2]!) / steps;
    const R = 6378.137;
    const eclipse = Math.acos(Math.sqrt(meanR * meanR - R * R) / (meanR * Math.sqrt(1 - sinBeta * sinBeta))) / Math.PI;
    console.info(
      `SCS-01 A: beta ${((Math.asin(sinBeta) * 180) / Math.PI).toFixed(1)}°, sunlit share ${share.toFixed(4)} ` +
        `over 15 orbits (formula ${(1 - eclipse).toFixed(4)}), ${dayShare.toFixed(4)} over 2026-04-02`,
    );
    expect(Math.abs(share - (1 - eclipse))).toBeLessThan(0.005);
    expect(dayShare).toBeGreaterThan(0.6);
    expect(dayShare).toBeLessThan(0.66);
  });
});
