// Walker shells inferred from element sets: generated shells written out as TLEs come back with their exact planes,
// slots, phasing and pattern (also with noise, epochs a day apart, spares and gaps, and for random shells); what is
// not a clean shell stays unslotted; the loader gives the slots to the records, so +Grid ISLs follow.
import fc from 'fast-check';
import { json2satrec, type OMMJsonObject } from 'satellite.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { catalogueRecords, loadCatalogue } from '../../src/sim/catalog/load.ts';
import { inferWalkerSlots, SHELL_MIN_SATELLITES } from '../../src/sim/catalog/shell-inference.ts';
import type { CatalogRecord, WalkerSlot } from '../../src/sim/catalog/types.ts';
import { generateWalker, walkerOmm, walkerShell, type WalkerParams } from '../../src/sim/catalog/walker.ts';
import { plusGridPairs } from '../../src/sim/links/isl-grid.ts';
import { createRng } from '../../src/sim/rng.ts';
import { ommToTle } from '../helpers/tle-writer.ts';

const EPOCH_MS = Date.UTC(2026, 3, 2);
const base: WalkerParams = {
  pattern: 'delta',
  planes: 12,
  satsPerPlane: 17,
  phasing: 5,
  altitudeKm: 550,
  inclinationDeg: 53,
  epochMs: EPOCH_MS,
  firstNorad: 10_000,
};

/** The shell's OMMs (satellite index = plane·S + slot), optionally changed one by one. */
function omms(p: WalkerParams, change: (o: OMMJsonObject, i: number) => OMMJsonObject | null = (o) => o): OMMJsonObject[] {
  const w = walkerShell(p);
  return Array.from({ length: w.total }, (_, i) => change(walkerOmm(w, Math.floor(i / w.satsPerPlane), i % w.satsPerPlane), i)).filter((o) => o !== null);
}

/** The OMMs written as TLEs and read back (4-decimal angles, as any TLE file). */
function asTles(list: OMMJsonObject[]): CatalogRecord[] {
  const r = parseCatalog(list.map(ommToTle).join(''), { source: 'shell.tle', referenceMs: EPOCH_MS });
  expect(r.issues).toEqual([]);
  return r.records;
}

/** What the generator says of satellite i (its Walker slot, shell id = the first NORAD number). */
const generated = (p: WalkerParams) => generateWalker(p).map((r) => r.walker!);

const pairsOf = (slots: readonly (WalkerSlot | undefined)[]) => {
  const g = plusGridPairs(slots);
  return Array.from({ length: g.count }, (_, e) => `${g.a[e]}-${g.b[e]}`).sort();
};

describe('inferWalkerSlots on generated shells written as TLEs', () => {
  it.each<[string, Partial<WalkerParams>]>([
    ['delta 53°:204/12/5 at 550 km', {}],
    [
      'star SSO 7 × 9, F = 3, at 1,000 km',
      { pattern: 'star', planes: 7, satsPerPlane: 9, phasing: 3, altitudeKm: 1000, inclinationDeg: 'sso', firstNorad: 20_000 },
    ],
    ['delta 97.6°:24/6/0 with RAAN 20° first', { planes: 6, satsPerPlane: 4, phasing: 0, inclinationDeg: 97.6, raan0Deg: 20 }],
    ['one plane of 8', { planes: 1, satsPerPlane: 8, phasing: 0 }],
    ['eccentric (e = 0.001, ω = 40°): slots by ω + M', { eccentricity: 0.001, argOfPerigeeDeg: 40 }],
  ])('recovers the exact planes and slots: %s', (_, change) => {
    const p = { ...base, ...change };
    expect(inferWalkerSlots(asTles(omms(p)))).toEqual(generated(p));
  });

  it('recovers them with noise and epochs up to a day apart (moved by SGP4 secular rates to the latest)', () => {
    const rng = createRng(7, 'shell-noise');
    const jitter = (deg: number) => (rng.next() - 0.5) * 2 * deg;
    const noisy = omms({ ...base, raan0Deg: 3 }, (o, i) => {
      // Each element set at its own epoch up to a day earlier (the first at the shell's, the latest, so the common
      // epoch is the shell's): its node and argument of latitude moved back by the secular rates of its own satrec,
      // so at the common epoch it is where the shell puts it (± the noise).
      const s = json2satrec(o);
      const dtMin = i === 0 ? 0 : -rng.next() * 1440;
      const deg = (rad: number) => (rad * 180) / Math.PI;
      const wrap = (x: number) => ((x % 360) + 360) % 360;
      return {
        ...o,
        EPOCH: new Date(EPOCH_MS + dtMin * 60_000).toISOString().slice(0, -1),
        INCLINATION: Number(o.INCLINATION) + jitter(0.005),
        MEAN_MOTION: Number(o.MEAN_MOTION) + jitter(2e-4),
        RA_OF_ASC_NODE: wrap(Number(o.RA_OF_ASC_NODE) + deg(s.nodedot * dtMin) + jitter(0.05)),
        MEAN_ANOMALY: wrap(Number(o.MEAN_ANOMALY) + deg((s.mdot + s.argpdot) * dtMin) + jitter(0.05)),
      };
    });
    const p = { ...base, raan0Deg: 3 };
    expect(inferWalkerSlots(asTles(noisy))).toEqual(generated(p));
  });

  it('leaves spares between slots and second satellites unslotted, and gaps empty', () => {
    const p = { ...base, raan0Deg: 3 };
    const w = walkerShell(p);
    const missing = new Set([5, 40, 41, 200]);
    const list = omms(p, (o, i) => (missing.has(i) ? null : o));
    // Two spares half a slot ahead of slots (plane 2 slot 4, plane 9 slot 0) and one 1.5° behind plane 7 slot 8's.
    const spare = (i: number, du: number, norad: number) => ({
      ...walkerOmm(w, Math.floor(i / 17), i % 17),
      NORAD_CAT_ID: norad,
      OBJECT_NAME: `SPARE ${norad}`,
    });
    const half = 360 / 17 / 2;
    list.push(spare(2 * 17 + 4, half, 19_001), spare(9 * 17, half, 19_002), spare(7 * 17 + 8, -1.5, 19_003));
    list[list.length - 3]!.MEAN_ANOMALY = Number(list[list.length - 3]!.MEAN_ANOMALY) + half;
    list[list.length - 2]!.MEAN_ANOMALY = Number(list[list.length - 2]!.MEAN_ANOMALY) + half;
    list[list.length - 1]!.MEAN_ANOMALY = Number(list[list.length - 1]!.MEAN_ANOMALY) - 1.5;
    const slots = inferWalkerSlots(asTles(list));
    const want = generated(p).filter((_, i) => !missing.has(i));
    expect(slots.slice(0, want.length)).toEqual(want);
    expect(slots.slice(want.length)).toEqual([undefined, undefined, undefined]);
  });

  it('holds for random shells: exact slots when plane 0 has the lowest RAAN, the same +Grid links otherwise', () => {
    const shellArb = fc
      .record({
        pattern: fc.constantFrom<'delta' | 'star'>('delta', 'star'),
        planes: fc.integer({ min: 1, max: 12 }),
        satsPerPlane: fc.integer({ min: 2, max: 24 }),
        f: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        altitudeKm: fc.integer({ min: 400, max: 1400 }),
        inclinationDeg: fc.double({ min: 30, max: 100, noNaN: true }),
        raan0Deg: fc.double({ min: 0, max: 359, noNaN: true }),
      })
      .filter((s) => s.planes * s.satsPerPlane >= SHELL_MIN_SATELLITES);
    fc.assert(
      fc.property(shellArb, ({ f, ...s }) => {
        const p: WalkerParams = { ...s, phasing: Math.floor(f * s.planes), epochMs: EPOCH_MS, firstNorad: 10_000 };
        const slots = inferWalkerSlots(asTles(omms(p)));
        const want = generated(p);
        expect(pairsOf(slots)).toEqual(pairsOf(want));
        const planeStep = (s.pattern === 'delta' ? 360 : 180) / s.planes;
        if (s.raan0Deg < planeStep && s.planes > 1) expect(slots).toEqual(want);
      }),
      { numRuns: 150, seed: 20260513 },
    );
  });
});

describe('what does not form a shell stays unslotted', () => {
  it.each<[string, (o: OMMJsonObject, i: number) => OMMJsonObject | null]>([
    ['a plane 30% of the plane spacing off', (o, i) => (Math.floor(i / 17) === 4 ? { ...o, RA_OF_ASC_NODE: Number(o.RA_OF_ASC_NODE) + 9 } : o)],
    ['a missing plane', (o, i) => (Math.floor(i / 17) === 4 ? null : o)],
    ['satellites scattered in their planes (±30% of a slot)', (o, i) => ({ ...o, MEAN_ANOMALY: (Number(o.MEAN_ANOMALY) + (i % 3) * 6.4 + 360) % 360 })],
    // Odd planes 5° ahead (a quarter slot): the steps between planes alternate 1.76° ± 5°, no one F·360°/T.
    [
      'planes scattered in phase (no one Walker phasing)',
      (o, i) => ({ ...o, MEAN_ANOMALY: (Number(o.MEAN_ANOMALY) + (Math.floor(i / 17) % 2) * 5 + 360) % 360 }),
    ],
  ])('%s', (_, change) => {
    expect(inferWalkerSlots(asTles(omms(base, change))).filter(Boolean)).toEqual([]);
  });

  it('equatorial orbits (no node) and groups below four satellites', () => {
    expect(inferWalkerSlots(asTles(omms({ ...base, inclinationDeg: 0.5 }))).filter(Boolean)).toEqual([]);
    expect(inferWalkerSlots(asTles(omms({ ...base, planes: 1, satsPerPlane: 3, phasing: 0 }))).filter(Boolean)).toEqual([]);
  });

  it("reads Hypatia's shell (odd planes half a slot ahead) as the Walker shell 53°:1584/72/36 of the same satellites", () => {
    // The elements cannot say how their operator wires the +Grid: Hypatia pairs slot s with slot s of the next plane
    // (alternately half a slot ahead and behind); the Walker numbering of F = 36 pairs it half a slot ahead each time.
    const hypatia: WalkerParams = {
      ...base,
      planes: 72,
      satsPerPlane: 22,
      phasing: 0,
      phaseOffsetSlotsByPlane: [0, 0.5],
      meanMotionRevPerDay: 15.19,
      firstNorad: 1,
    };
    const slots = inferWalkerSlots(asTles(omms(hypatia)));
    expect(slots.every((s) => s && s.planes === 72 && s.satsPerPlane === 22 && s.phasing === 36 && s.pattern === 'delta')).toBe(true);
    expect(slots.slice(0, 3).map((s) => s!.slot)).toEqual([0, 1, 2]); // plane 0 as generated
    expect(slots[2 * 22]!.slot).toBe(21); // plane 2 slot 0 is F = 36 numbering's slot 21 (a slot behind its reference)
  });
});

describe('the loader gives inferred slots to the records', () => {
  it('a TLE source that forms a shell gets the +Grid links of the generated shell; the three-body TLEs get none', async () => {
    const tle = omms(base).map(ommToTle).join('');
    const load = (text: string) =>
      loadCatalogue(
        { epochIso: '2026-04-02T00:00:00Z', constellation: { sources: [{ kind: 'tle', text }], maxEpochAgeDays: 30, warnEpochAgeDays: 14 } },
        async () => '',
      );
    const records = catalogueRecords(await load(tle));
    expect(pairsOf(records.map((r) => r.walker))).toEqual(pairsOf(generated(base)));
    expect(pairsOf(records.map((r) => r.walker))).toHaveLength(2 * 204);
    const threeBody = catalogueRecords(await load(readFileSync('tle/three-body.tle', 'utf8')));
    expect(threeBody.filter((r) => r.walker)).toEqual([]);
  });

  it('finds one shell in the 10,313 Starlink TLEs of 2026-05-12: 307 satellites at 43°, 26 planes × 12, F = 11', () => {
    const r = parseCatalog(readFileSync('tle/starlink-20260512.tle', 'utf8'), { source: 'starlink', referenceMs: Date.parse('2026-05-12T12:00:00Z') });
    const slots = inferWalkerSlots(r.records);
    const slotted = r.records.filter((_, i) => slots[i]);
    expect(slotted).toHaveLength(307);
    expect(new Set(slots.filter(Boolean).map((s) => `${s!.shell} ${s!.pattern} ${s!.planes}x${s!.satsPerPlane}/${s!.phasing}`))).toEqual(
      new Set(['62088 delta 26x12/11']),
    );
    for (const rec of slotted) expect((rec.satrec.inclo * 180) / Math.PI).toBeCloseTo(43, 0);
    // 327 satellites share that inclination and mean motion; the other 20 sit between slots (spares).
  });
});
