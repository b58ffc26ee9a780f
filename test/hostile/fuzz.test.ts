// Fuzzing (fast-check): random and mutated TLE, OMM JSON, OMM CSV, station CSV and scenario JSON through the parsers
// and the engine. No throw escapes, every issue names its source and item, no message holds a raw control
// character, no summary holds NaN or Infinity. Bounded here; `npm run fuzz` runs FUZZ_SCALE times more.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask } from '../../src/cli/node-io.ts';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import type { IngestIssue } from '../../src/sim/catalog/types.ts';
import { runScenario } from '../../src/sim/engine/run.ts';
import { parseStationCsv } from '../../src/sim/ground/station-csv.ts';
import { checkJson } from '../../src/sim/json-check.ts';
import { parseScenario, safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { UNSAFE_CHARS } from '../../src/sim/text.ts';
import type { LandMask } from '../../src/sim/workload/land-mask.ts';
import { threeBody } from '../helpers/run.ts';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE });
const REF_MS = Date.UTC(2026, 3, 2);

const seeds = {
  tle: readFileSync('tle/three-body.tle', 'utf8'),
  'omm-json': readFileSync('tle/three-body-20260710.json', 'utf8'),
  'omm-csv': readFileSync('tle/three-body-20260710.csv', 'utf8'),
  stations: readFileSync('public/data/ground-stations.csv', 'utf8'),
};

/** A mutation of `text`: characters replaced, inserted or deleted, lines dropped, duplicated or swapped, a cut. */
function mutated(text: string): fc.Arbitrary<string> {
  const char = fc.oneof(
    fc.constantFrom('\u001b', '\u0000', '\u009b', '\u202e', '\r', '\n', '"', ',', '[', '{', '}', '0', '9', '-', '.', ' ', 'é', '\ufffd'),
    fc.string({ maxLength: 1 }),
  );
  const edit = fc.oneof(
    fc.tuple(fc.nat(), char).map(
      ([at, c]) =>
        (t: string) =>
          t.slice(0, at % (t.length + 1)) + c + t.slice((at % (t.length + 1)) + 1),
    ),
    fc.tuple(fc.nat(), char).map(
      ([at, c]) =>
        (t: string) =>
          t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1)),
    ),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(
      ([at, n]) =>
        (t: string) =>
          t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n),
    ),
    fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
      const l = t.split('\n');
      const [i, j] = [a % l.length, b % l.length];
      [l[i], l[j]] = [l[j]!, l[i]!];
      return l.join('\n');
    }),
    fc.nat().map((a) => (t: string) => {
      const l = t.split('\n');
      l.splice(a % l.length, 0, l[a % l.length]!);
      return l.join('\n');
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((t, e) => e(t), text));
}

function expectGoodIssues(issues: readonly IngestIssue[], source: string): void {
  for (const i of issues) {
    expect(i.message.startsWith(source) || i.message.startsWith('constellation.'), i.message).toBe(true);
    expect(new RegExp(UNSAFE_CHARS.source).test(i.message), i.message).toBe(false);
    expect(['error', 'warning']).toContain(i.severity);
    expect(i.code).not.toBe('');
  }
}

describe('fuzz: catalogue and station parsers', () => {
  for (const format of ['tle', 'omm-json', 'omm-csv'] as const) {
    it(`parses mutated ${format} without throwing; every issue names the source; records propagate`, () => {
      fc.assert(
        fc.property(mutated(seeds[format]), fc.boolean(), (text, forced) => {
          const r = parseCatalog(text, { source: 'fuzz.src', referenceMs: REF_MS, maxEpochAgeDays: 1e4, ...(forced ? { format } : {}) });
          expectGoodIssues(r.issues, 'fuzz.src');
          for (const rec of r.records) {
            expect(rec.satrec.error).toBe(0);
            expect(new RegExp(UNSAFE_CHARS.source).test(rec.name)).toBe(false);
          }
        }),
        runs(150),
      );
    });
  }

  it('parses random text as any format without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.constantFrom(undefined, 'tle', 'omm-json', 'omm-csv'), (text, format) => {
        const r = parseCatalog(text, { source: 'noise', referenceMs: REF_MS, ...(format ? { format } : {}) });
        expectGoodIssues(r.issues, 'noise');
      }),
      runs(300),
    );
  });

  it('parses mutated station CSV without throwing; every issue names the file', () => {
    fc.assert(
      fc.property(mutated(seeds.stations), (text) => {
        const r = parseStationCsv(text, 'st.csv');
        expectGoodIssues(r.issues, 'st.csv');
        for (const s of r.stations) expect(Number.isFinite(s.latDeg) && Number.isFinite(s.lonDeg)).toBe(true);
      }),
      runs(150),
    );
  });

  it('checks mutated scenario JSON text without throwing', () => {
    const text = JSON.stringify(threeBody(), null, 2);
    fc.assert(
      fc.property(mutated(text), (t) => {
        if (checkJson(t) === null) safeParseScenario(JSON.parse(t));
      }),
      runs(200),
    );
  });
});

/** Numbers at and around the edges, and nonsense. */
const wild = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1e-300, 1e-9, 1e300, -1, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
  fc.double({ min: 0, max: 1e4, noNaN: true }),
);
const fields: [string, string][] = [
  ['satellite', 'storageGB'],
  ['satellite', 'acquisitionS'],
  ['economics', 'launchUsdPerKg'],
  ['economics', 'lifetimeYears'],
  ['economics', 'specificPowerWPerKg'],
  ['gpu', 'usdPerHour'],
  ['gpu', 'peakTflops'],
  ['gpu', 'utilisation'],
  ['workload', 'cloudyFraction'],
  ['workload', 'resultBytesPerTile'],
  ['onboardFilter', 'precision'],
  ['onboardFilter', 'opsPerTile'],
  ['backhaul', 'fibreKmPerS'],
  ['model', 'paramsBillion'],
];
const nested: [string, string, string][] = [
  ['satellite', 'compute', 'topsPerW'],
  ['satellite', 'compute', 'topsInt8'],
  ['satellite', 'compute', 'utilisation'],
  ['satellite', 'power', 'solarArrayW'],
  ['satellite', 'power', 'batteryWh'],
  ['satellite', 'power', 'busLoadW'],
  ['satellite', 'imaging', 'gsdM'],
  ['satellite', 'imaging', 'swathKm'],
  ['satellite', 'downlink', 'bandwidthHz'],
  ['satellite', 'downlink', 'txPowerW'],
];

describe('fuzz: scenarios through the engine', () => {
  let landMask: LandMask;
  beforeAll(async () => {
    landMask = await defaultLandMask();
  });
  const tle = seeds.tle.split('\n').slice(0, 9).join('\n'); // 3 satellites

  it(
    'runs any scenario the schema accepts to a finite summary, and refuses the rest by path',
    async () => {
      const defaults = parseScenario(threeBody()) as unknown as Record<string, Record<string, unknown>>;
      const at = (path: string[]) => path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], defaults) as number;
      // Most values are the default scaled by 10^±4 (valid or just past a bound); the rest are nonsense.
      const value = (path: string[]) =>
        fc.oneof({ weight: 3, arbitrary: fc.double({ min: -4, max: 4, noNaN: true }).map((e) => at(path) * 10 ** e) }, { weight: 1, arbitrary: wild });
      const edit = fc.constantFrom<string[]>(...fields, ...nested).chain((path) => value(path).map((v) => [path, v] as const));
      let ran = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom(60, 300, 600), async (edits, stepS) => {
          const input = threeBody({ durationH: 1, stepS, constellation: { sources: [{ kind: 'tle', text: tle }] } }) as unknown as Record<
            string,
            Record<string, unknown>
          >;
          for (const [path, v] of edits) {
            const [a, b, c] = path;
            const parent = (input[a!] ??= {}) as Record<string, unknown>;
            if (c === undefined) parent[b!] = v;
            else ((parent[b!] ??= {}) as Record<string, unknown>)[c] = v;
          }
          const parsed = safeParseScenario(input);
          if (!parsed.ok) {
            refused++;
            for (const e of parsed.errors) expect(e.path).toMatch(/^[a-zA-Z[\].0-9]+$/);
            return;
          }
          ran++;
          const r = await runScenario(parsed.scenario, { readText: async () => '', landMask }); // asserts a finite summary itself
          expect(JSON.stringify(r.summary)).not.toMatch(/NaN|Infinity/);
        }),
        { ...runs(40), seed: Number(process.env.FUZZ_SEED) || undefined },
      );
      expect(ran).toBeGreaterThan(runs(40).numRuns / 4); // the property ran the engine, not only the schema
      expect(refused).toBeGreaterThan(0);
    },
    120_000 * SCALE,
  );
});
