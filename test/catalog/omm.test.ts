// OMM readers: the SCS-01 OMM in JSON and CSV agree, CSV quoting, whole-file errors, and 424 rows of the
// CelesTrak catalogue of 2026-07-10 (test/fixtures/catalog/README.md says which).
import { readFileSync } from 'node:fs';
import { sgp4, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { parseOmmCsv, parseOmmEpochMs, parseOmmJson, splitCsvLine } from '../../src/sim/catalog/index';

const REF_MS = Date.parse('2026-07-10T00:00:00Z');
const opts = (source: string) => ({ source, referenceMs: REF_MS });

const positionAt = (satrec: SatRec, tsinceMin: number): [number, number, number] => {
  const p = sgp4(satrec, tsinceMin);
  if (!p) throw new Error(`sgp4 error ${satrec.error}`);
  return [p.position.x, p.position.y, p.position.z];
};

describe('SCS-01 OMM, JSON vs CSV', () => {
  const json = parseOmmJson(readFileSync('tle/three-body-20260710.json', 'utf8'), opts('three-body-20260710.json'));
  const csv = parseOmmCsv(readFileSync('tle/three-body-20260710.csv', 'utf8'), opts('three-body-20260710.csv'));

  it('both give 12 records, NORAD 63982..63993, no issues', () => {
    expect(json.issues).toEqual([]);
    expect(csv.issues).toEqual([]);
    const norads = Array.from({ length: 12 }, (_, i) => 63982 + i);
    expect(json.records.map((r) => r.norad)).toEqual(norads);
    expect(csv.records.map((r) => r.norad)).toEqual(norads);
    expect(csv.records.map((r) => r.name)).toEqual(json.records.map((r) => r.name));
    expect(json.records[0]).toMatchObject({ name: 'SCS-01 A', cosparId: '2025-100A', format: 'omm-json', line: 0 });
    expect(csv.records[0]).toMatchObject({ name: 'SCS-01 A', cosparId: '2025-100A', format: 'omm-csv', line: 2 });
  });

  it('positions at the OMM epoch agree between JSON and CSV within 1 m', () => {
    json.records.forEach((rec, i) => {
      const other = csv.records[i]!;
      expect(other.epochMs).toBe(rec.epochMs);
      const a = positionAt(rec.satrec, 0);
      const b = positionAt(other.satrec, 0);
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(1e-3);
    });
  });

  it('EPOCH keeps microseconds: 2026-07-10T07:03:38.060064', () => {
    expect(json.records[0]!.epochMs - Date.UTC(2026, 6, 10, 7, 3, 38)).toBeCloseTo(60.064, 3);
  });
});

describe('OMM parsing details', () => {
  it('reads quoted CSV names, BOM, CRLF and blank rows (fixture quoted.csv)', () => {
    const r = parseOmmCsv(readFileSync('test/fixtures/catalog/quoted.csv', 'utf8'), opts('quoted.csv'));
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => [x.norad, x.name, x.line])).toEqual([
      [63982, 'SCS-01 A, "alpha"', 2],
      [63983, 'SCS-01 B', 4],
    ]);
  });

  it('splits CSV lines per RFC 4180', () => {
    expect(splitCsvLine('a,"b, c","d ""e""",,f')).toEqual({ fields: ['a', 'b, c', 'd "e"', '', 'f'] });
    expect(splitCsvLine('')).toEqual({ fields: [''] });
    expect(splitCsvLine('a,"b')).toEqual({ error: 'quoted field is not closed', column: 3 });
    expect(splitCsvLine('"a"x,b')).toEqual({ error: 'text after a closing quote', column: 4 });
  });

  it('parses EPOCH strictly as UTC', () => {
    expect(parseOmmEpochMs('2026-07-10T07:03:38')).toBe(Date.UTC(2026, 6, 10, 7, 3, 38));
    expect(parseOmmEpochMs('2026-07-10T07:03:38.5Z')).toBe(Date.UTC(2026, 6, 10, 7, 3, 38, 500));
    for (const bad of ['2026-02-30T00:00:00', '2026-07-10T24:00:00', '2026-07-10 07:03:38', '2026-07-10', 20260710]) {
      expect(parseOmmEpochMs(bad), String(bad)).toBeNull();
    }
  });

  it('accepts one JSON object as well as an array', () => {
    const one = (JSON.parse(readFileSync('tle/three-body-20260710.json', 'utf8')) as unknown[])[4];
    const r = parseOmmJson(JSON.stringify(one), opts('one.json'));
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => [x.norad, x.name])).toEqual([[63986, 'SCS-01 E']]);
  });

  it('reports a JSON syntax error with its line and column, and loads nothing', () => {
    const r = parseOmmJson('[\n {"OBJECT_NAME": "X",}\n]', opts('broken.json'));
    expect(r.records).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'json-syntax', line: 2, column: 22 });
    expect(r.issues[0]!.message).toMatch(/^broken\.json line 2 col 22: not valid JSON/);
  });

  it('reports a CSV header without a required column', () => {
    const text = readFileSync('tle/three-body-20260710.csv', 'utf8').replace('MEAN_MOTION_DDOT', 'MM_DDOT');
    const r = parseOmmCsv(text, opts('gp.csv'));
    expect(r.records).toEqual([]);
    expect(r.issues.map((x) => x.message)).toEqual(['gp.csv line 1 field MEAN_MOTION_DDOT: header has no column for this required field']);
  });
});

describe('CelesTrak active catalogue 2026-07-10, 424 of its 15,985 rows (test/fixtures/catalog/active-20260710-subset.csv)', () => {
  it('loads every object, deep-space and e ≈ 0.9 included; only the 7 stale epochs warn (15.8–23.1 days old)', () => {
    const text = readFileSync('test/fixtures/catalog/active-20260710-subset.csv', 'utf8');
    const r = parseOmmCsv(text, opts('active-20260710-subset.csv'));
    expect(r.records).toHaveLength(424);
    expect(r.records.filter((x) => x.name.startsWith('STARLINK-'))).toHaveLength(261);
    expect(r.records.filter((x) => x.name.startsWith('SCS-01 '))).toHaveLength(12);
    expect(r.records.filter((x) => x.satrec.method === 'd').length).toBeGreaterThan(20); // deep space (period ≥ 225 min)
    expect(Math.max(...r.records.map((x) => x.satrec.ecco))).toBeCloseTo(0.90843277, 8); // CLUSTER II-FM8
    const byCode: Record<string, number> = {};
    for (const i of r.issues) byCode[`${i.severity}:${i.code}`] = (byCode[`${i.severity}:${i.code}`] ?? 0) + 1;
    expect(byCode).toEqual({ 'warning:epoch-age': 7 });
    expect(r.issues[0]!.message).toContain('line 41 field EPOCH (NORAD 44625 "MEV-1"): epoch 2026-06-16T22:18:40.152Z is 23.1 days before');
  });
});
