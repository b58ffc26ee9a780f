// JSON export: byte determinism, layout, ISO times, NaN → null, lossless round trip, compactness at 2,880
// steps, and import errors that name the offending path.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { RunJsonError, parseRunJson, roundSignificant, runSummarySchema, runToJson, stableJson, summaryToJson } from '../../src/sim/export/index.ts';
import { EPOCH_MS, makeRunFixture } from '../fixtures/export/run-fixture.ts';

/** The RunJsonError message of a failing import (fails the test when the import succeeds). */
function importError(text: string): string {
  try {
    parseRunJson(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RunJsonError);
    return (e as Error).message;
  }
  throw new Error('import unexpectedly succeeded');
}

/** runToJson output, edited as a plain object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
function editedJson(edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(runToJson(makeRunFixture()));
  edit(doc);
  return JSON.stringify(doc);
}

/** A deep copy of plain objects with their keys in reverse order (typed arrays and arrays' order kept). */
function reverseKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

describe('stableJson', () => {
  it('indents objects, keeps flat values on one line, writes NaN/±Infinity as null and drops undefined', () => {
    const value = {
      a: 1,
      flat: { x: Number.NaN, y: 'b' },
      list: [1, Number.POSITIVE_INFINITY],
      typed: Float64Array.from([0.5, 2]),
      nested: [{ k: [1] }],
      gone: undefined,
    };
    expect(stableJson(value)).toBe(
      '{\n  "a": 1,\n  "flat": {"x":null,"y":"b"},\n  "list": [1,null],\n  "typed": [0.5,2],\n  "nested": [\n    {\n      "k": [1]\n    }\n  ]\n}',
    );
  });
});

describe('runToJson', () => {
  const text = runToJson(makeRunFixture());
  const doc = JSON.parse(text);

  it('writes the top-level keys in the documented order', () => {
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'engineVersion',
      'scenario',
      'seed',
      'summary',
      'series',
      'contacts',
      'sessions',
      'satellites',
      'ingestIssues',
    ]);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.seed).toBe(20250514); // the three-body preset's seed
  });

  it('is byte-identical for equal runs built separately, and differs when one value changes', () => {
    expect(runToJson(makeRunFixture())).toBe(text);
    const changed = makeRunFixture();
    changed.series.modes.onboard!.backlogBytes[4] = 10_001; // was 2·1000·5
    expect(runToJson(changed)).not.toBe(text);
  });

  it('does not depend on the key order in which the engine built its records and summary', () => {
    const r = makeRunFixture();
    const { summary, contacts, sessions, satellites, ingestIssues } = r;
    const shuffled = { ...r, ...reverseKeys({ summary, contacts, sessions, satellites, ingestIssues }) };
    expect(Object.keys(shuffled.summary)[0]).toBe('modes'); // really reversed
    expect(runToJson(shuffled)).toBe(text);
    expect(summaryToJson(shuffled.summary)).toBe(summaryToJson(r.summary));
  });

  it('writes times as ISO 8601 UTC with milliseconds next to the ms numbers', () => {
    expect(doc.series.timesUtc[0]).toBe('2026-04-02T00:00:30.000Z');
    expect(doc.series.timesUtc[9]).toBe('2026-04-02T00:05:00.000Z');
    expect(doc.series.timesMs[0]).toBe(EPOCH_MS + 30_000);
    expect(doc.contacts[0]).toMatchObject({
      norad: 63982,
      stationId: 'cn-miyun',
      aosUtc: '2026-04-02T00:00:00.000Z',
      losUtc: '2026-04-02T00:01:12.345Z',
      maxElevationUtc: '2026-04-02T00:00:36.000Z',
    });
    expect(doc.sessions[1]).toMatchObject({ norad: 63983, stationId: 'cn-kashgar', startUtc: '2026-04-02T00:02:10.000Z', endUtc: '2026-04-02T00:03:30.000Z' });
    expect(doc.satellites[1].lostAtUtc).toBe('2026-04-02T00:03:30.000Z');
    expect(doc.satellites[0].lostAtUtc).toBeNull();
  });

  it('turns typed arrays into plain arrays', () => {
    expect(doc.series.stepCount).toBe(10);
    expect(doc.series.modes.hybrid.downlinkedBytesCum).toEqual([0, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200, 3600]); // 1200·k/3
    expect(doc.series.satsLost).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('writes NaN as null and reads it back as NaN', () => {
    const r = makeRunFixture();
    r.series.modes.ground!.meanBatterySoc[1] = Number.NaN;
    const out = runToJson(r);
    expect(JSON.parse(out).series.modes.ground.meanBatterySoc.slice(0, 3)).toEqual([1, null, 0.9375]);
    expect(parseRunJson(out).series.modes.ground!.meanBatterySoc[1]).toBeNaN();
  });

  it('keeps a 2,880-step, 3-mode series on 44 lines (one per array)', () => {
    const r = makeRunFixture();
    const n = 2880;
    const ramp = (scale: number) => Float64Array.from({ length: n }, (_, k) => scale * k + 0.123456789);
    r.series.timesMs = Float64Array.from({ length: n }, (_, k) => EPOCH_MS + (k + 1) * 30_000);
    for (const key of ['satsSunlit', 'satsImaging', 'satsInSession', 'satsLost'] as const) r.series[key] = ramp(0);
    for (const m of Object.values(r.series.modes)) for (const key of Object.keys(m) as (keyof typeof m)[]) m[key] = ramp(1e6);
    const big = runToJson(r);
    const lines = big.split('\n');
    const start = lines.indexOf('  "series": {');
    const end = lines.indexOf('  "contacts": [');
    // "series": {, stepCount, timesUtc, timesMs, 4 counts, "modes": {, 3 × (open + 9 + close), }, }
    expect(end - start).toBe(1 + 1 + 2 + 4 + 1 + 3 * 11 + 1 + 1);
    expect(big.length).toBeLessThan(2_500_000); // ≈ 86 k numbers of ≤ 20 characters + 2,880 ISO times
  });
});

describe('summaryToJson', () => {
  it('is byte-stable and reads back through runSummarySchema to the same summary', () => {
    const a = summaryToJson(makeRunFixture().summary);
    expect(summaryToJson(makeRunFixture().summary)).toBe(a);
    expect(a).toContain('"p99": null,\n        "censored": {"p50":false,"p90":false,"p99":true}');
    expect(a).toContain('"latencyDeliveredS": {"p50":1700,"p90":3500,"p99":3590,"mean":2000.5}');
    expect(runSummarySchema.parse(JSON.parse(a))).toEqual(roundSignificant(makeRunFixture().summary));
  });

  it('writes 10 significant digits, so last-bit differences between JavaScript engines vanish', () => {
    const s = makeRunFixture().summary;
    const t = makeRunFixture().summary;
    s.modes.ground!.latencyDeliveredS.mean = 43036.155391601562;
    t.modes.ground!.latencyDeliveredS.mean = 43036.155391601555; // differs in the last bits, as Chromium vs Node Math.* do
    expect(summaryToJson(s)).toBe(summaryToJson(t));
    expect(summaryToJson(s)).toContain('"mean":43036.15539');
    expect(roundSignificant(6603772342272)).toBe(6603772342272); // integers stay exact
    expect(roundSignificant({ a: [0.1234567890123, null, 'x'] })).toEqual({ a: [0.123456789, null, 'x'] });
  });

  it('changes when one summary number changes', () => {
    const s = makeRunFixture().summary;
    s.modes.hybrid!.costUsd.gpuUsd = 0.031;
    expect(summaryToJson(s)).not.toBe(summaryToJson(makeRunFixture().summary));
  });
});

describe('parseRunJson', () => {
  it('round-trips a run losslessly (typed arrays restored, text byte-identical on re-export)', () => {
    const r = makeRunFixture();
    const back: RunResult = parseRunJson(runToJson(r));
    expect(back).toEqual({ ...r, summary: roundSignificant(r.summary) });
    expect(back.series.modes.hybrid!.backlogBytes).toBeInstanceOf(Float64Array);
    expect(runToJson(back)).toBe(runToJson(r));
  });

  it('round-trips GPU pricing, cluster utilisation (nulls kept) and revenue; reads exports made before they existed', () => {
    const r = makeRunFixture();
    r.summary.gpuPricing = 'reserved';
    r.summary.modes.ground!.clusterUtilisation = { overall: 0.0125, byCluster: [0.025, null] };
    r.summary.modes.ground!.revenue = { saleUsdPerMTok: 0.33, revenueUsd: 0.00152064, marginUsd: -70.02957936, marginUsdPerMTok: -15.295 };
    const text = runToJson(r);
    expect(text).toContain('"byCluster": [0.025,null]');
    const back = parseRunJson(text);
    expect(back.summary.modes.ground!.clusterUtilisation).toEqual({ overall: 0.0125, byCluster: [0.025, null] });
    expect(runToJson(back)).toBe(text);
    const old = parseRunJson(runToJson(makeRunFixture())); // the fixture predates them: no gpuPricing, no utilisation
    expect(old.summary.gpuPricing).toBeUndefined();
    expect(old.scenario.gpu.pricing).toBe('on-demand'); // an old scenario reads with the default pricing
  });

  it('reads an export made before electricityUsdPerMTok existed, and writes it back unchanged', () => {
    const old = editedJson((d) => {
      for (const m of Object.values(d.summary.modes)) delete (m as Record<string, unknown>).electricityUsdPerMTok;
    });
    expect(old).not.toContain('electricityUsdPerMTok');
    const back = parseRunJson(old);
    expect(back.summary.modes.ground!.electricityUsdPerMTok).toBeUndefined();
    expect(runToJson(back)).toBe(runToJson(parseRunJson(runToJson(back))));
    expect(runToJson(back)).not.toContain('electricityUsdPerMTok');
    expect(parseRunJson(runToJson(makeRunFixture())).summary.modes.ground!.electricityUsdPerMTok).toBeCloseTo(0.21701388888, 9);
  });

  it('rejects text that is not JSON', () => {
    expect(importError('{"schemaVersion": 1,')).toMatch(/\(root\): is not JSON/);
  });

  it('rejects another schema version before anything else', () => {
    expect(importError(editedJson((d) => (d.schemaVersion = 2)))).toMatch(/schemaVersion: is 2; this build reads run exports of schema version 1/);
    expect(importError('[]')).toMatch(/schemaVersion: is missing/);
  });

  it('names missing and mistyped fields by path', () => {
    expect(importError(editedJson((d) => delete d.series.timesMs))).toMatch(/series\.timesMs: /);
    expect(importError(editedJson((d) => (d.summary.modes.hybrid.costUsd.totalUsd = 'x')))).toMatch(/summary\.modes\.hybrid\.costUsd\.totalUsd: /);
    expect(importError(editedJson((d) => (d.contacts[2].partialEnd = 'no')))).toMatch(/contacts\[2\]\.partialEnd: /);
  });

  it('names invalid scenario fields under scenario.', () => {
    expect(importError(editedJson((d) => (d.scenario.groundStations[1].latDeg = 95)))).toMatch(
      /scenario\.groundStations\[1\]\.latDeg: must be within \[-90, 90\]/,
    );
  });

  it('rejects series of unequal length and indices that point nowhere', () => {
    expect(importError(editedJson((d) => d.series.modes.ground.backlogBytes.pop()))).toMatch(
      /series\.modes\.ground\.backlogBytes: has 9 values but series\.timesMs has 10/,
    );
    const msg = importError(editedJson((d) => ((d.contacts[1].satIndex = 7), (d.sessions[0].stationIndex = 2))));
    expect(msg).toMatch(/contacts\[1\]\.satIndex: is 7 but there are 2 satellites/);
    expect(msg).toMatch(/sessions\[0\]\.stationIndex: is 2 but the scenario has 2 ground stations/);
  });
});
