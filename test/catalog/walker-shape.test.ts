// The optional Walker fields that published shells need: a mean motion overriding the Kepler value, per-plane phase
// offsets, eccentricity and argument of perigee. Hand-computed elements, Hypatia's Starlink shell 1 against TLEs
// written in Hypatia's own format (snkas/hypatia satgenpy/satgen/tles/generate_tles_from_scratch.py), validation
// messages by field (generator and scenario schema), and defaults that change nothing.
import { json2satrec, sgp4 } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { semiMajorAxisKm } from '../../src/sim/catalog/checks.ts';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { generateWalker, ssoInclinationDeg, validateWalkerParams, walkerOmm, walkerShell, type WalkerParams } from '../../src/sim/catalog/walker.ts';
import { safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

const RE_KM = 6378.137;
const HYPATIA_EPOCH_MS = Date.UTC(2000, 0, 1);
/** Hypatia's Starlink shell 1 (main_starlink_550.py): 72 × 22, 53°, 15.19 rev/day, odd planes half a slot ahead. */
const hypatia: WalkerParams = {
  pattern: 'delta',
  planes: 72,
  satsPerPlane: 22,
  phasing: 0,
  altitudeKm: 550,
  inclinationDeg: 53,
  epochMs: HYPATIA_EPOCH_MS,
  meanMotionRevPerDay: 15.19,
  phaseOffsetSlotsByPlane: [0, 0.5],
  eccentricity: 0.0000001,
  argOfPerigeeDeg: 0,
};

/** TLE checksum: digits summed, '-' counts 1, modulo 10. */
const checksum = (line: string): number => [...line].reduce((s, c) => s + (c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0), 0) % 10;

/** The TLE Hypatia writes for one satellite: epoch 00001.00000000, angles with 4 decimals, e with 7 (their documented layout). */
function hypatiaTle(id: number, raanDeg: number, meanAnomalyDeg: number): string {
  const l1 = `1 ${String(id).padStart(5, '0')}U 00000ABC 00001.00000000  .00000000  00000-0  00000+0 0    0`;
  const f = (x: number) => x.toFixed(4).padStart(8);
  const l2 = `2 ${String(id).padStart(5, '0')} ${f(53)} ${f(raanDeg)} 0000001 ${f(0)} ${f(meanAnomalyDeg)} ${(15.19).toFixed(8).padStart(11)}    0`;
  return `Starlink-550 ${id - 1}\n${l1}${checksum(l1)}\n${l2}${checksum(l2)}\n`;
}

describe('Walker shells as published', () => {
  it("writes Hypatia's Starlink shell 1: RAAN 5°·p, M = s·360/22 + 180/22 on odd planes, n = 15.19 rev/day", () => {
    const w = walkerShell(hypatia);
    // Hand values: 360/22 = 16.363636…°, half a slot = 8.181818…°.
    const cases: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [0, 1, 0, 16.363636363636363],
      [1, 0, 5, 8.181818181818182],
      [3, 21, 15, 351.8181818181818],
      [70, 11, 350, 180],
    ];
    for (const [plane, slot, raanDeg, mDeg] of cases) {
      const omm = walkerOmm(w, plane, slot);
      expect(omm.RA_OF_ASC_NODE).toBeCloseTo(raanDeg, 12);
      expect(omm.MEAN_ANOMALY).toBeCloseTo(mDeg, 12);
      expect(omm).toMatchObject({ MEAN_MOTION: 15.19, ECCENTRICITY: 1e-7, ARG_OF_PERICENTER: 0, INCLINATION: 53, EPOCH: '2000-01-01T00:00:00.000' });
    }
    // SGP4 gets n = 15.19 rev/day = 0.066279 rad/min (Kozai; Brouwer's differs by < 0.1 %), not the 15.05 rev/day
    // Kepler gives 550 km.
    expect(Math.abs(json2satrec(walkerOmm(w, 0, 0)).no / ((15.19 * 2 * Math.PI) / 1440) - 1)).toBeLessThan(1e-3);
  });

  it("propagates like Hypatia's own TLEs of the same satellites (their 4-decimal rounding: < 10 m)", () => {
    const records = generateWalker(hypatia);
    const picks = [0, 25, 22 * 37 + 9, 1583];
    const text = picks
      .map((i) => {
        const plane = Math.floor(i / 22);
        const slot = i % 22;
        return hypatiaTle(i + 1, (plane * 360) / 72, (plane % 2 === 1 ? 360 / 44 : 0) + (slot * 360) / 22);
      })
      .join('');
    const parsed = parseCatalog(text, { source: 'hypatia', referenceMs: HYPATIA_EPOCH_MS });
    expect(parsed.issues).toEqual([]);
    parsed.records.forEach((r, k) => {
      expect(r.epochMs).toBe(HYPATIA_EPOCH_MS);
      for (const tMin of [0, 46.8 / 60, 139.9 / 60, 95]) {
        const a = sgp4(r.satrec, tMin)!.position as { x: number; y: number; z: number };
        const b = sgp4(records[picks[k]!]!.satrec, tMin)!.position as { x: number; y: number; z: number };
        expect(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)).toBeLessThan(0.01);
      }
    });
  });

  it('subtracts the argument of perigee: the Walker phase is the mean argument of latitude ω + M', () => {
    const w = walkerShell({
      ...hypatia,
      planes: 4,
      satsPerPlane: 3,
      phasing: 1,
      eccentricity: 0.01,
      argOfPerigeeDeg: 30,
      phaseOffsetSlotsByPlane: [0, 0.25, 0.5],
    });
    // u(p, s) = 120·s + 30·p (F = 1, T = 12) + 120·offset(p); M = u − 30, wrapped to [0, 360).
    expect(walkerOmm(w, 0, 0)).toMatchObject({ ECCENTRICITY: 0.01, ARG_OF_PERICENTER: 30, MEAN_ANOMALY: 330 });
    expect(walkerOmm(w, 1, 2).MEAN_ANOMALY).toBeCloseTo(240 + 30 + 30 - 30, 12);
    expect(walkerOmm(w, 2, 1).MEAN_ANOMALY).toBeCloseTo(120 + 60 + 60 - 30, 12);
    expect(walkerOmm(w, 3, 0).MEAN_ANOMALY).toBeCloseTo(90 + 0 - 30, 12); // the pattern restarts at plane 3
  });

  it('takes the sun-synchronous inclination at the altitude of the given mean motion', () => {
    const n = 15.19;
    const w = walkerShell({ ...hypatia, inclinationDeg: 'sso', meanMotionRevPerDay: n, eccentricity: undefined });
    expect(w.inclinationDeg).toBeCloseTo(ssoInclinationDeg(semiMajorAxisKm(n) - RE_KM), 12);
    // Kepler: T = 1440/15.19 min = 5,688.0 s, a = (μT²/4π²)^(1/3) = 6,887.0 km: 508.9 km above the equatorial radius
    // (Hypatia calls the shell 550 km), so its SSO inclination is below the 97.59° of 550 km.
    expect(semiMajorAxisKm(n) - RE_KM).toBeCloseTo(508.9, 1);
    expect(w.inclinationDeg).toBeLessThan(ssoInclinationDeg(550));
  });

  it('changes nothing when the fields are left out or neutral (the same doubles)', () => {
    const base: WalkerParams = { pattern: 'delta', planes: 5, satsPerPlane: 7, phasing: 2, altitudeKm: 600, inclinationDeg: 70, epochMs: HYPATIA_EPOCH_MS };
    const plain = generateWalker(base).map((r) => r.satrec);
    const neutral = generateWalker({ ...base, eccentricity: 0, argOfPerigeeDeg: 0, phaseOffsetSlotsByPlane: [0] }).map((r) => r.satrec);
    expect(neutral).toEqual(plain);
    expect(walkerOmm(walkerShell(base), 3, 4)).toMatchObject({ ECCENTRICITY: 0, ARG_OF_PERICENTER: 0 });
  });

  it('validates the new fields with messages naming them', () => {
    const cases: [Partial<WalkerParams>, string][] = [
      [{ meanMotionRevPerDay: 30 }, 'walker.meanMotionRevPerDay: must be in [0.25, 17] rev/day, got 30'],
      [{ meanMotionRevPerDay: 16.9 }, 'walker.meanMotionRevPerDay: perigee at '],
      [{ eccentricity: 0.95 }, 'walker.eccentricity: must be in [0, 0.9], got 0.95'],
      // a = 6,887.0 km (15.19 rev/day): perigee 6,887.0 · 0.9 − 6,378.137 = −179.8 km.
      [{ eccentricity: 0.1 }, 'walker.eccentricity: perigee at -179.8 km altitude, below 120 km'],
      [{ argOfPerigeeDeg: 360 }, 'walker.argOfPerigeeDeg: must be in [0, 360), got 360'],
      [{ phaseOffsetSlotsByPlane: [] }, 'walker.phaseOffsetSlotsByPlane: must be a list of 1 to planes (72) numbers'],
      [
        { phaseOffsetSlotsByPlane: [0, 23] },
        'walker.phaseOffsetSlotsByPlane[1]: must be a number of slots in [-satsPerPlane, satsPerPlane] = [-22, 22], got 23',
      ],
      [{ phaseOffsetSlotsByPlane: [0, Number.NaN] }, 'walker.phaseOffsetSlotsByPlane[1]: must be a number of slots'],
      [{ inclinationDeg: 'sso', meanMotionRevPerDay: 1.5 }, 'walker.meanMotionRevPerDay: no sun-synchronous orbit exists at'],
    ];
    for (const [change, message] of cases) {
      expect(validateWalkerParams({ ...hypatia, ...change }).join('\n'), message).toContain(message);
      expect(() => generateWalker({ ...hypatia, ...change })).toThrow(RangeError);
    }
    expect(validateWalkerParams({ ...hypatia, phaseOffsetSlotsByPlane: Array.from({ length: 73 }, () => 0) })).toEqual([
      'walker.phaseOffsetSlotsByPlane: must be a list of 1 to planes (72) numbers',
    ]);
    expect(validateWalkerParams(hypatia)).toEqual([]);
  });
});

describe('the scenario schema for the Walker fields', () => {
  const withSource = (fields: Record<string, unknown>) => ({
    ...structuredClone(threeBodyScenario),
    constellation: { sources: [{ kind: 'walker', planes: 4, satsPerPlane: 6, phasing: 1, altitudeKm: 550, inclinationDeg: 53, ...fields }] },
  });
  const errorsOf = (input: unknown): string[] => {
    const r = safeParseScenario(input);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it.each([
    [{ meanMotionRevPerDay: 0.1 }, 'constellation.sources[0].meanMotionRevPerDay: must be within [0.25, 17]'],
    [{ eccentricity: -0.1 }, 'constellation.sources[0].eccentricity: must be within [0, 0.9]'],
    [{ argOfPerigeeDeg: 360 }, 'constellation.sources[0].argOfPerigeeDeg: must be within [0, 360)'],
    [{ phaseOffsetSlotsByPlane: [] }, 'constellation.sources[0].phaseOffsetSlotsByPlane: needs at least one offset'],
    [{ phaseOffsetSlotsByPlane: [0, 0, 0, 0, 0] }, 'constellation.sources[0].phaseOffsetSlotsByPlane: must not be longer than planes (4)'],
    [{ phaseOffsetSlotsByPlane: [0, -7] }, 'constellation.sources[0].phaseOffsetSlotsByPlane[1]: must be within [-satsPerPlane, satsPerPlane] = [-6, 6]'],
    [{ phaseOffsetSlotsByPlane: [0, '0.5'] }, 'constellation.sources[0].phaseOffsetSlotsByPlane[1]: must be a number within [-10000, 10000]'],
  ])('reports %j with the path', (fields, expected) => {
    expect(errorsOf(withSource(fields))).toContain(expected);
  });

  it('keeps the fields when given and adds none when left out (a scenario without them exports as before)', () => {
    const given = safeParseScenario(withSource({ meanMotionRevPerDay: 15.19, phaseOffsetSlotsByPlane: [0, 0.5], eccentricity: 1e-7, argOfPerigeeDeg: 0 }));
    expect(given.ok && given.scenario.constellation.sources[0]).toMatchObject({
      meanMotionRevPerDay: 15.19,
      phaseOffsetSlotsByPlane: [0, 0.5],
      eccentricity: 1e-7,
    });
    const plain = safeParseScenario(withSource({}));
    const src = plain.ok ? (plain.scenario.constellation.sources[0] as Record<string, unknown>) : {};
    for (const key of ['meanMotionRevPerDay', 'phaseOffsetSlotsByPlane', 'eccentricity', 'argOfPerigeeDeg']) expect(key in src).toBe(false);
  });
});
