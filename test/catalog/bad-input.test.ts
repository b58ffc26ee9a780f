// Table-driven edge checks: each row mutates a GOOD 3-satellite file (real lines of SCS-01 A, B, C)
// and expects one issue code, a message naming line/column/field and the item, and the other records intact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type IngestResult } from '../../src/sim/catalog/index';

const REF_TLE_MS = Date.parse('2026-04-02T00:00:00Z');
const REF_OMM_MS = Date.parse('2026-07-10T00:00:00Z');
const GOOD_NORADS = [63982, 63983, 63984];

/** Lines 1–9 of tle/three-body.tle: SCS-01 A (lines 1–3), B (4–6), C (7–9). */
const GOOD_TLE = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 9);
const GOOD_JSON = (JSON.parse(readFileSync('tle/three-body-20260710.json', 'utf8')) as Record<string, unknown>[]).slice(0, 3);
const GOOD_CSV = readFileSync('tle/three-body-20260710.csv', 'utf8').split('\n').slice(0, 4); // header + A, B, C

/** TLE checksum (mod 10, digits count their value, '-' counts 1), recomputed so only the intended check fires. */
function withChecksum(line: string): string {
  let sum = 0;
  for (const c of line.slice(0, 68)) sum += c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0;
  return line.slice(0, 68) + String(sum % 10);
}

/** Replaces text at a 1-based column of a 1-based line; recomputes the checksum unless told not to. */
function tleWith(lineNo: number, column: number, text: string, fix = true): string {
  const lines = [...GOOD_TLE];
  const old = lines[lineNo - 1] ?? '';
  const changed = old.slice(0, column - 1) + text + old.slice(column - 1 + text.length);
  lines[lineNo - 1] = fix ? withChecksum(changed) : changed;
  return lines.join('\n');
}
const tleLines = (edit: (lines: string[]) => string[]): string => edit([...GOOD_TLE]).join('\n');
const jsonWith = (edit: (recs: Record<string, unknown>[]) => unknown[]): string => JSON.stringify(edit(GOOD_JSON.map((r) => ({ ...r }))), null, 1);
function csvWith(row: number, field: string, value: string): string {
  const header = (GOOD_CSV[0] ?? '').split(',');
  const lines = [...GOOD_CSV];
  const cells = (lines[row - 1] ?? '').split(',');
  cells[header.indexOf(field)] = value;
  lines[row - 1] = cells.join(',');
  return lines.join('\n');
}

interface Row {
  kind: string;
  input: () => string;
  source: string;
  code: string;
  severity?: 'error' | 'warning';
  /** Fragments the message must contain: place (line/col/field) and the item. */
  fragments: string[];
  /** Records still loaded, and which NORAD (if any) was quarantined. */
  good: number;
  lost?: number;
  /** Name of the item every error must be about (nothing else blamed). */
  item?: string;
}

const B = '(NORAD 63983 "SCS-01 B")';
const rows: Row[] = [
  {
    kind: 'wrong checksum',
    input: () => tleWith(5, 69, '3', false),
    source: 'bad.tle',
    code: 'checksum',
    fragments: [`bad.tle line 5 col 69 ${B}: checksum digit is 3, computed 5`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'line too short',
    input: () =>
      tleLines((l) => {
        l[5] = (l[5] ?? '').slice(0, 68);
        return l;
      }),
    source: 'bad.tle',
    code: 'line-length',
    fragments: [`bad.tle line 6 ${B}: line has 68 characters, a TLE line has 69`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'line too long',
    input: () =>
      tleLines((l) => {
        l[5] = `${l[5] ?? ''}7`;
        return l;
      }),
    source: 'bad.tle',
    code: 'line-length',
    fragments: [`bad.tle line 6 col 70 ${B}: line has 70 characters`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'separator column not blank',
    input: () => tleWith(5, 9, '0'),
    source: 'bad.tle',
    code: 'line-shape',
    fragments: [`bad.tle line 5 col 9 ${B}: column must be blank, found "0"`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'line 2 without its line number',
    input: () => tleWith(6, 1, '3'),
    source: 'bad.tle',
    code: 'line-shape',
    fragments: [`bad.tle line 6 col 1 ${B}: line 2 of a TLE must start with "2", found "3"`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'catalogue numbers disagree',
    input: () => tleWith(6, 3, '63993'),
    source: 'bad.tle',
    code: 'norad-mismatch',
    fragments: [`bad.tle line 6 col 3 catalogue number ${B}: catalogue number 63993 differs from line 1 (63983)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'mean motion not a number',
    input: () => tleWith(6, 56, 'x'),
    source: 'bad.tle',
    code: 'field-format',
    fragments: [`bad.tle line 6 col 53 mean motion ${B}: "15.x4714327" is not a valid mean motion (cols 53-63)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'epoch not a number',
    input: () => tleWith(5, 26, 'x'),
    source: 'bad.tle',
    code: 'field-format',
    fragments: [`bad.tle line 5 col 21 epoch ${B}: "092.9x145178" is not a valid epoch`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'BSTAR not a number',
    input: () => tleWith(5, 56, 'Z'),
    source: 'bad.tle',
    code: 'field-format',
    fragments: [`bad.tle line 5 col 54 BSTAR ${B}: " 1Z765-2" is not a valid BSTAR`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'bad classification',
    input: () => tleWith(5, 8, 'X'),
    source: 'bad.tle',
    code: 'field-format',
    fragments: [`bad.tle line 5 col 8 classification ${B}: "X" is not a valid classification`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'inclination above 180°',
    input: () => tleWith(6, 9, '197.3674'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 6 col 9 inclination ${B}: "197.3674" must be in [0, 180] degrees`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'RAAN 360° or more',
    input: () => tleWith(6, 18, '369.9246'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 6 col 18 right ascension of the ascending node ${B}: "369.9246" must be in [0, 360) degrees`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'mean motion above 18 rev/day',
    input: () => tleWith(6, 53, '19.34714327'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 6 col 53 mean motion ${B}: "19.34714327" rev/day must be in (0, 18]`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'mean motion zero',
    input: () => tleWith(6, 53, '00.00000000'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 6 col 53 mean motion ${B}: "00.00000000" rev/day must be in (0, 18]`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'eccentricity puts perigee underground',
    input: () => tleWith(6, 27, '9000000'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 6 col 27 eccentricity ${B}: "9000000" gives a perigee altitude of -5694 km`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'day of year 400',
    input: () => tleWith(5, 21, '400'),
    source: 'bad.tle',
    code: 'out-of-range',
    fragments: [`bad.tle line 5 col 21 epoch ${B}: day of year 400.98145178 must be in [1, 366) for 2026`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'Alpha-5 with the letter I',
    input: () =>
      tleLines((l) => {
        l[4] = withChecksum((l[4] ?? '').replace('63983', 'I3983'));
        l[5] = withChecksum((l[5] ?? '').replace('63983', 'I3983'));
        return l;
      }),
    source: 'bad.tle',
    code: 'alpha5',
    fragments: ['bad.tle line 5 col 3 catalogue number (NORAD I3983 "SCS-01 B"): "I3983": Alpha-5 does not use the letter I'],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'non-ASCII character in an element line',
    input: () => tleWith(5, 30, 'é', false),
    source: 'bad.tle',
    code: 'non-ascii',
    fragments: [`bad.tle line 5 col 30 ${B}: non-ASCII or control character U+00E9 "é"`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'tab (control character) in an element line',
    input: () => tleWith(5, 34, '\t', false),
    source: 'bad.tle',
    code: 'non-ascii',
    fragments: [`bad.tle line 5 col 34 ${B}: non-ASCII or control character U+0009`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'line 1 without line 2',
    input: () =>
      tleLines((l) => {
        l.splice(5, 1);
        return l;
      }),
    source: 'bad.tle',
    code: 'orphan-line',
    fragments: [`bad.tle line 5 ${B}: element line 1 has no line 2`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'line 2 without line 1',
    input: () =>
      tleLines((l) => {
        l.splice(4, 1);
        return l;
      }),
    source: 'bad.tle',
    code: 'orphan-line',
    fragments: [`bad.tle line 5 ${B}: element line 2 has no line 1`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'name line at the end without elements',
    input: () => tleLines((l) => l.slice(0, 7)),
    source: 'bad.tle',
    code: 'orphan-line',
    fragments: ['bad.tle line 7 ("SCS-01 C"): name line has no element lines'],
    good: 2,
    lost: 63984,
    item: 'SCS-01 C',
  },
  {
    kind: 'duplicate NORAD number',
    input: () => tleLines((l) => [...l.slice(0, 6), ...l.slice(0, 3)]),
    source: 'bad.tle',
    code: 'duplicate',
    fragments: ['bad.tle line 7 (NORAD 63982 "SCS-01 A"): duplicate NORAD 63982 (first at line 1): kept the first'],
    good: 2,
    lost: 63984,
    item: 'SCS-01 A',
  },
  {
    kind: 'epoch 41 days old',
    input: () => tleWith(5, 19, '26050.98145178'),
    source: 'bad.tle',
    code: 'epoch-stale',
    fragments: [`bad.tle line 5 col 19 epoch ${B}: epoch 2026-02-19T23:33:17.433Z is 41.0 days before the reference`, 'limit 30 days'],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'epoch 17 days old (warning, kept)',
    input: () => tleWith(5, 19, '26075.98145178'),
    source: 'bad.tle',
    code: 'epoch-age',
    severity: 'warning',
    fragments: [`bad.tle line 5 col 19 epoch ${B}: epoch 2026-03-16T23:33:17.433Z is 16.0 days before`, 'warn past 14 days'],
    good: 3,
  },
  {
    kind: 'decays before the reference time (huge BSTAR)',
    input: () => tleWith(5, 19, '26082.98145178  .00060184  00000+0  99999-1'),
    source: 'bad.tle',
    code: 'sgp4-error',
    fragments: [`bad.tle line 5 ${B}: SGP4 error 6 (satellite has decayed) at the reference time 2026-04-02T00:00:00.000Z (9.0 days from epoch)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'non-ASCII name (warning, kept)',
    input: () => tleWith(4, 1, 'SCS-01 BÉ', false),
    source: 'bad.tle',
    code: 'non-ascii',
    severity: 'warning',
    fragments: ['bad.tle line 4 col 9 (NORAD 63983 "SCS-01 BÉ"): non-ASCII character U+00C9 "É" in the name: kept'],
    good: 3,
  },
  // OMM JSON: records [0..2] = SCS-01 A, B, C.
  {
    kind: 'JSON eccentricity 1.2',
    input: () =>
      jsonWith((r) => {
        r[1]!.ECCENTRICITY = 1.2;
        return r;
      }),
    source: 'gp.json',
    code: 'out-of-range',
    fragments: [`gp.json record [1] field ECCENTRICITY ${B}: 1.2 must be in [0, 1)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'JSON MEAN_MOTION missing',
    input: () =>
      jsonWith((r) => {
        delete r[1]!.MEAN_MOTION;
        return r;
      }),
    source: 'gp.json',
    code: 'missing-field',
    fragments: [`gp.json record [1] field MEAN_MOTION ${B}: required field is missing or empty`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'JSON EPOCH month 13',
    input: () =>
      jsonWith((r) => {
        r[1]!.EPOCH = '2026-13-10T06:22:23.196864';
        return r;
      }),
    source: 'gp.json',
    code: 'field-format',
    fragments: [`gp.json record [1] field EPOCH ${B}: "2026-13-10T06:22:23.196864" is not a UTC time`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'JSON numeric string with junk',
    input: () =>
      jsonWith((r) => {
        r[1]!.MEAN_MOTION = '15.4x';
        return r;
      }),
    source: 'gp.json',
    code: 'field-format',
    fragments: [`gp.json record [1] field MEAN_MOTION ${B}: "15.4x" is not a number`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'JSON ephemeris type not SGP4',
    input: () =>
      jsonWith((r) => {
        r[1]!.EPHEMERIS_TYPE = 4;
        return r;
      }),
    source: 'gp.json',
    code: 'field-format',
    fragments: [`gp.json record [1] field EPHEMERIS_TYPE ${B}: 4 is not 0 (SGP4)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'JSON array element not an object',
    input: () =>
      jsonWith((r) => {
        r[1] = 42 as unknown as Record<string, unknown>;
        return r;
      }),
    source: 'gp.json',
    code: 'json-shape',
    fragments: ['gp.json record [1]: 42 is not an OMM object'],
    good: 2,
    lost: 63983,
  },
  // OMM CSV: line 1 header, lines 2..4 = SCS-01 A, B, C.
  {
    kind: 'CSV eccentricity "1.2"',
    input: () => csvWith(3, 'ECCENTRICITY', '1.2'),
    source: 'gp.csv',
    code: 'out-of-range',
    fragments: [`gp.csv line 3 field ECCENTRICITY ${B}: "1.2" must be in [0, 1)`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'CSV inclination 200',
    input: () => csvWith(3, 'INCLINATION', '200'),
    source: 'gp.csv',
    code: 'out-of-range',
    fragments: [`gp.csv line 3 field INCLINATION ${B}: "200" must be in [0, 180] degrees`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'CSV NORAD_CAT_ID not a number',
    input: () => csvWith(3, 'NORAD_CAT_ID', '63A83'),
    source: 'gp.csv',
    code: 'field-format',
    fragments: ['gp.csv line 3 field NORAD_CAT_ID (NORAD 63A83 "SCS-01 B"): "63A83" is not a catalogue number'],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'CSV empty MEAN_MOTION_DOT',
    input: () => csvWith(3, 'MEAN_MOTION_DOT', ''),
    source: 'gp.csv',
    code: 'missing-field',
    fragments: [`gp.csv line 3 field MEAN_MOTION_DOT ${B}: required field is missing or empty`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'CSV row with a field missing',
    input: () => GOOD_CSV.map((l, i) => (i === 2 ? l.slice(0, l.lastIndexOf(',')) : l)).join('\n'),
    source: 'gp.csv',
    code: 'csv-shape',
    fragments: [`gp.csv line 3 ${B}: row has 16 fields, the header has 17`],
    good: 2,
    lost: 63983,
    item: 'SCS-01 B',
  },
  {
    kind: 'CSV quote not closed',
    input: () => GOOD_CSV.map((l, i) => (i === 2 ? `"${l}` : l)).join('\n'),
    source: 'gp.csv',
    code: 'csv-shape',
    fragments: ['gp.csv line 3 col 1: quoted field is not closed'],
    good: 2,
    lost: 63983,
  },
  {
    kind: 'CSV duplicate row',
    input: () => [...GOOD_CSV.slice(0, 3), GOOD_CSV[1]].join('\n'),
    source: 'gp.csv',
    code: 'duplicate',
    fragments: ['gp.csv line 4 (NORAD 63982 "SCS-01 A"): duplicate NORAD 63982 (first at line 2): kept the first'],
    good: 2,
    lost: 63984,
    item: 'SCS-01 A',
  },
];

function parse(row: Row): IngestResult {
  const referenceMs = row.source.endsWith('.tle') ? REF_TLE_MS : REF_OMM_MS;
  return parseCatalog(row.input(), { source: row.source, referenceMs });
}

describe('bad input is reported and quarantined; the rest loads', () => {
  it('the good inputs load completely without issues', () => {
    const good: Row[] = [
      { kind: 'tle', input: () => GOOD_TLE.join('\n'), source: 'bad.tle', code: '', fragments: [], good: 3 },
      { kind: 'json', input: () => jsonWith((r) => r), source: 'gp.json', code: '', fragments: [], good: 3 },
      { kind: 'csv', input: () => GOOD_CSV.join('\n'), source: 'gp.csv', code: '', fragments: [], good: 3 },
    ];
    for (const row of good) {
      const r = parse(row);
      expect(r.issues).toEqual([]);
      expect(r.records.map((x) => x.norad)).toEqual(GOOD_NORADS);
    }
  });

  it('has at least 18 distinct kinds of bad input, TLE and OMM', () => {
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(18);
    expect(new Set(rows.map((r) => r.code)).size).toBeGreaterThanOrEqual(14);
    expect(rows.some((r) => r.source.endsWith('.json')) && rows.some((r) => r.source.endsWith('.csv'))).toBe(true);
  });

  it.each(rows)('$kind → $code', (row) => {
    const r = parse(row);
    const hits = r.issues.filter((i) => i.code === row.code && i.severity === (row.severity ?? 'error'));
    expect(hits.length, JSON.stringify(r.issues, null, 1)).toBeGreaterThanOrEqual(1);
    const messages = hits.map((i) => i.message);
    for (const fragment of row.fragments)
      expect(
        messages.some((m) => m.includes(fragment)),
        `${fragment}\n in ${messages.join('\n')}`,
      ).toBe(true);
    expect(r.records).toHaveLength(row.good);
    expect(r.records.map((x) => x.norad)).toEqual(GOOD_NORADS.filter((n) => n !== row.lost));
    // Nothing else blamed: every error is about the mutated item.
    for (const issue of r.issues.filter((i) => i.severity === 'error')) {
      if (row.item) expect(issue.item).toBe(row.item);
      expect(issue.source).toBe(row.source);
    }
    for (const rec of r.records) expect(Number.isFinite(rec.epochMs)).toBe(true);
  });
});
