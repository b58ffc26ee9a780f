// Walker generator: SSO inclination against a hand calculation and the real SCS-01 orbits, realised
// altitude, plane and in-plane spacing measured from SGP4 positions, and parameter validation.
import { sgp4, type SatRec } from 'satellite.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWalker, ssoInclinationDeg, validateWalkerParams, walkerMeanMotionRevPerDay, type WalkerParams } from '../../src/sim/catalog/index';
import { semiMajorAxisKm } from '../../src/sim/catalog/checks';

const RE_KM = 6378.137;
const EPOCH_MS = Date.parse('2026-04-02T00:00:00Z');
const deg = (rad: number): number => (rad * 180) / Math.PI;
const wrap180 = (d: number): number => ((((d + 180) % 360) + 360) % 360) - 180;

/** Node longitude and argument of latitude (degrees) of the osculating orbit at tsince. */
function nodeAndLatitudeArg(satrec: SatRec, tsinceMin: number): { raanDeg: number; uDeg: number; altKm: number } {
  const pv = sgp4(satrec, tsinceMin);
  if (!pv) throw new Error(`sgp4 error ${satrec.error}`);
  const { x, y, z } = pv.position;
  const v = pv.velocity;
  const h = [y * v.z - z * v.y, z * v.x - x * v.z, x * v.y - y * v.x] as const;
  const raan = Math.atan2(h[0], -h[1]);
  const r = Math.hypot(x, y, z);
  const inc = Math.acos(h[2] / Math.hypot(...h));
  const u = Math.atan2(z / Math.sin(inc), x * Math.cos(raan) + y * Math.sin(raan));
  return { raanDeg: deg(raan), uDeg: deg(u), altKm: r - RE_KM };
}

const base: WalkerParams = { pattern: 'delta', planes: 3, satsPerPlane: 4, phasing: 1, altitudeKm: 500, inclination: 'sso', epochMs: EPOCH_MS };

describe('sun-synchronous inclination', () => {
  it('is 97.40° at 500 km (hand calculation: cos i = −0.12882)', () => {
    // ω = 2π/(365.2422·86400) = 1.99102e-7 rad/s; a = 6878.137 km; a^3.5 = 2.69857e13;
    // J2·Re²·√μ = 1.08263e-3 · 4.06806e7 · 631.348 = 2.78060e7; cos i = −2·ω·a^3.5 / (3·2.78060e7) = −0.12882.
    expect(ssoInclinationDeg(500)).toBeCloseTo(deg(Math.acos(-0.12882)), 2);
    expect(ssoInclinationDeg(500)).toBeCloseTo(97.4, 2);
  });

  it('matches the SCS-01 satellites at 480–520 km (97.37°) within 0.05°', () => {
    // Altitude from the TLE (Kozai) mean motion by Kepler; the five lowered satellites (462–479 km) keep
    // the launch inclination, so they are no longer exactly sun-synchronous and are left out.
    const lines = readFileSync('tle/three-body.tle', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('2 '));
    const inBand = lines
      .map((l) => ({ altKm: semiMajorAxisKm(Number(l.slice(52, 63))) - RE_KM, incDeg: Number(l.slice(8, 16)) }))
      .filter((x) => x.altKm >= 480 && x.altKm <= 520);
    expect(inBand).toHaveLength(7);
    for (const x of inBand) expect(Math.abs(ssoInclinationDeg(x.altKm) - x.incDeg)).toBeLessThan(0.05);
  });

  it('does not exist above ≈ 5,970 km', () => {
    expect(ssoInclinationDeg(5900)).toBeCloseTo(168.26, 1);
    expect(ssoInclinationDeg(6100)).toBeNaN();
  });
});

describe('generateWalker', () => {
  it('mean motion from altitude by Kepler: 500 km → 15.2194 rev/day', () => {
    // n = √(398600.4418 / 6878.137³) = 1.106785e-3 rad/s = 15.2194 rev/day.
    expect(walkerMeanMotionRevPerDay(500)).toBeCloseTo(15.2194, 3);
  });

  it('numbers, names and elements of a 12-satellite 97.4°:12/3/1 delta', () => {
    const w = generateWalker(base);
    expect(w.map((r) => r.norad)).toEqual(Array.from({ length: 12 }, (_, i) => 900_000 + i));
    expect(w[5]).toMatchObject({ name: 'WALKER 2-2', format: 'walker', source: 'walker', epochMs: EPOCH_MS });
    expect(deg(w[0]!.satrec.inclo)).toBeCloseTo(97.4018, 3);
  });

  it('propagates to the stated altitude: orbit mean within 2 km (4 km equatorial), every sample within 10 km', () => {
    // SGP4 reads MEAN_MOTION as a Kozai mean motion and converts it to Brouwer's; the realised mean
    // radius is +1.5 km (SSO), −0.1 km (53°), −3.2 km (equatorial) from Re + h (docs/parts/catalog.md).
    const cases: [WalkerParams, number][] = [
      [base, 2],
      [{ ...base, inclination: undefined, inclinationDeg: 53, altitudeKm: 550 }, 2],
      [{ ...base, inclination: undefined, inclinationDeg: 0, altitudeKm: 800 }, 4],
    ];
    for (const [params, meanTolKm] of cases) {
      const rec = generateWalker(params)[0]!;
      const periodMin = 1440 / walkerMeanMotionRevPerDay(params.altitudeKm);
      let sum = 0;
      for (let k = 0; k < 360; k++) {
        const { altKm } = nodeAndLatitudeArg(rec.satrec, (k * periodMin) / 360);
        expect(Math.abs(altKm - params.altitudeKm)).toBeLessThan(10);
        sum += altKm;
      }
      expect(Math.abs(sum / 360 - params.altitudeKm)).toBeLessThan(meanTolKm);
    }
  });

  it('spaces planes by 360/P and slots by 360/S, with the F·360/T phase offset', () => {
    const w = generateWalker(base).map((r) => nodeAndLatitudeArg(r.satrec, 0));
    for (let p = 0; p < 3; p++) {
      for (let s = 0; s < 4; s++) {
        const sat = w[p * 4 + s]!;
        expect(Math.abs(wrap180(sat.raanDeg - p * 120))).toBeLessThan(0.05);
        // u = s·90° + p·1·30°; osculating u differs from the mean by J2 short-period terms (< 0.3°).
        expect(Math.abs(wrap180(sat.uDeg - (s * 90 + p * 30)))).toBeLessThan(0.3);
        const next = w[p * 4 + ((s + 1) % 4)]!;
        expect(Math.abs(wrap180(next.uDeg - sat.uDeg) - 90)).toBeLessThan(0.3);
      }
    }
  });

  it('star pattern spreads planes over 180°; raan0Deg shifts them', () => {
    const w = generateWalker({ ...base, pattern: 'star', planes: 6, satsPerPlane: 2, phasing: 0, raan0Deg: 10 });
    const nodes = w.filter((_, i) => i % 2 === 0).map((r) => nodeAndLatitudeArg(r.satrec, 0).raanDeg);
    nodes.forEach((n, p) => expect(Math.abs(wrap180(n - (10 + p * 30)))).toBeLessThan(0.05));
  });

  it('validates parameters with messages naming the field', () => {
    const cases: [Partial<WalkerParams>, string][] = [
      [{ phasing: 3 }, 'walker.phasing: must be an integer in [0, planes-1] = [0, 2], got 3'],
      [{ phasing: 0.5 }, 'walker.phasing: must be an integer in [0, planes-1]'],
      [{ planes: 0 }, 'walker.planes: must be an integer ≥ 1, got 0'],
      [{ satsPerPlane: 2.5 }, 'walker.satsPerPlane: must be an integer ≥ 1, got 2.5'],
      [{ pattern: 'rosette' as 'delta' }, 'walker.pattern: must be "delta" or "star", got "rosette"'],
      [{ altitudeKm: 50 }, 'walker.altitudeKm: must be in [120, 50000] km, got 50'],
      [{ altitudeKm: 7000 }, 'walker.altitudeKm: no sun-synchronous orbit exists at 7000 km'],
      [{ inclinationDeg: 53 }, 'walker.inclinationDeg: give one of inclinationDeg or inclination (a number in [0, 180] or "sso")'],
      [{ inclination: undefined }, 'walker.inclinationDeg: give one of inclinationDeg or inclination'],
      [{ inclination: undefined, inclinationDeg: 190 }, 'walker.inclinationDeg: must be in [0, 180] or "sso", got 190'],
      [{ inclination: 'polar' as 'sso' }, 'walker.inclinationDeg: must be in [0, 180] or "sso", got "polar"'],
      [{ epochMs: Number.NaN }, 'walker.epochMs: must be a finite time in ms, got NaN'],
      [{ firstNorad: 999_999_995 }, 'walker.firstNorad: must be an integer ≥ 1 with room for 12 numbers'],
    ];
    for (const [change, message] of cases) {
      const params = { ...base, ...change };
      expect(validateWalkerParams(params).join('\n'), message).toContain(message);
      expect(() => generateWalker(params)).toThrow(RangeError);
    }
    expect(validateWalkerParams(base)).toEqual([]);
    // The scenario schema's form: inclinationDeg: number | 'sso' (alone or repeated in `inclination`).
    const sso = generateWalker({ ...base, inclination: undefined, inclinationDeg: 'sso' })[0]!;
    expect(deg(sso.satrec.inclo)).toBeCloseTo(97.4018, 3);
    expect(deg(generateWalker({ ...base, inclination: 53, inclinationDeg: 53 })[0]!.satrec.inclo)).toBeCloseTo(53, 6);
  });
});

describe('a Walker source too large to simulate', () => {
  it('is quarantined with an error naming the source; the other sources still load', async () => {
    const { catalogueStage: loadConstellation } = await import('../../src/sim/engine/catalogue-stage.ts');
    const { parseScenario } = await import('../../src/sim/scenario/schema.ts');
    const { walker1mScenario, threeBodyScenario } = await import('../../src/sim/scenario/presets.ts');
    const scenario = parseScenario({
      ...threeBodyScenario,
      constellation: { sources: [threeBodyScenario.constellation.sources[0]!, walker1mScenario.constellation.sources[0]!] },
    });
    const { records, issues } = await loadConstellation(scenario, async (path) => readFileSync(path, 'utf8'));
    expect(records.map((r) => r.name.slice(0, 6))).toEqual(Array(12).fill('SCS-01'));
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'constellation.sources[1] (walker-1m shell): walker.planes × satsPerPlane: 1000000 satellites, more than 100000',
    ]);
  });
});
