// CSV export: header and rows written by hand from the fixture's formulas, the contacts golden file,
// RFC 4180 quoting, NaN cells and out-of-range indices.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTACTS_CSV_HEADER, contactsToCsv, csvField, seriesToCsv, snakeCase } from '../../src/sim/export/index.ts';
import { makeRunFixture } from '../fixtures/export/run-fixture.ts';

const modeColumns = (mode: string) =>
  [
    'backlog_bytes',
    'ground_queue_tokens',
    'captured_bytes_cum',
    'downlinked_bytes_cum',
    'dropped_bytes_cum',
    'tokens_onboard_cum',
    'tokens_ground_cum',
    'tiles_delivered_cum',
    'mean_battery_soc',
  ]
    .map((c) => `${mode}_${c}`)
    .join(',');

const HEADER = `time_utc,step,sats_sunlit,sats_imaging,sats_in_session,sats_lost,${modeColumns('ground')},${modeColumns('onboard')},${modeColumns('hybrid')}`;

describe('seriesToCsv', () => {
  const lines = seriesToCsv(makeRunFixture()).split('\n');

  it('writes the header with every ModeSeries field of the three modes (6 + 3 × 9 = 33 columns)', () => {
    expect(lines[0]).toBe(HEADER);
    expect(lines[0]!.split(',')).toHaveLength(33);
  });

  it('writes one LF-terminated row per step and no CR', () => {
    expect(lines).toHaveLength(1 + 10 + 1); // header, 10 steps, '' after the final LF
    expect(lines.at(-1)).toBe('');
    expect(seriesToCsv(makeRunFixture())).not.toContain('\r');
  });

  it('writes step 0 (ends 00:00:30) as hand-computed from the fixture formulas', () => {
    // k = 0: sunlit 2, imaging 0, in session 1, lost 0; backlog f·1000·(k+1), captured 5000, soc 1 − 0/32.
    const g = '1000,0,5000,0,0,0,0,0,1';
    const o = '2000,0,5000,0,0,0,0,0,1';
    const h = '3000,0,5000,0,0,0,0,0,1';
    expect(lines[1]).toBe(`2026-04-02T00:00:30.000Z,0,2,0,1,0,${g},${o},${h}`);
  });

  it('writes step 3 (ends 00:02:00) as hand-computed', () => {
    // k = 3: queue 256·3 = 768, downlinked 1200·3/f = 3600|1800|1200, tokens onboard 1024·3·m = 0|3072|6144,
    // tokens ground 512·3 = 1536 (onboard 0), tiles ⌊3/2⌋ = 1, soc 1 − 3/32 = 0.90625.
    const g = '4000,768,20000,3600,0,0,1536,1,0.90625';
    const o = '8000,0,20000,1800,0,3072,0,1,0.90625';
    const h = '12000,768,20000,1200,0,6144,1536,1,0.90625';
    expect(lines[4]).toBe(`2026-04-02T00:02:00.000Z,3,2,1,0,0,${g},${o},${h}`);
  });

  it('writes the last step (ends 00:05:00) with the loss and the drops', () => {
    const row = lines[10]!.split(',');
    expect(row.slice(0, 6)).toEqual(['2026-04-02T00:05:00.000Z', '9', '1', '1', '0', '1']);
    expect(row[6 + 4]).toBe('700'); // ground_dropped_bytes_cum
    expect(row[6 + 9 + 9 + 3]).toBe('3600'); // hybrid_downlinked_bytes_cum = 1200·9/3
  });

  it('lists only the modes present', () => {
    const r = makeRunFixture();
    delete r.series.modes.onboard;
    const header = seriesToCsv(r).split('\n')[0]!;
    expect(header).toBe(`time_utc,step,sats_sunlit,sats_imaging,sats_in_session,sats_lost,${modeColumns('ground')},${modeColumns('hybrid')}`);
    expect(header).not.toMatch(/(^|,)onboard_/);
  });

  it('leaves NaN and infinite values empty', () => {
    const r = makeRunFixture();
    r.series.modes.hybrid!.meanBatterySoc[2] = Number.NaN;
    r.series.satsSunlit[2] = Number.POSITIVE_INFINITY;
    const row = seriesToCsv(r).split('\n')[3]!.split(',');
    expect(row[2]).toBe('');
    expect(row.at(-1)).toBe('');
    expect(row).toHaveLength(33);
  });
});

describe('contactsToCsv', () => {
  it('matches the hand-written golden file', () => {
    const expected = readFileSync(new URL('../fixtures/export/contacts.expected.csv', import.meta.url), 'utf8');
    expect(contactsToCsv(makeRunFixture())).toBe(expected);
  });

  it('writes only the header for a run without contacts', () => {
    const r = makeRunFixture();
    r.contacts = [];
    expect(contactsToCsv(r)).toBe(`${CONTACTS_CSV_HEADER}\n`);
  });

  it('quotes names holding commas or quotes (RFC 4180)', () => {
    const r = makeRunFixture();
    r.satellites[0]!.name = 'SCS-01 "A", test';
    expect(contactsToCsv(r).split('\n')[1]).toBe('63982,"SCS-01 ""A"", test",cn-miyun,2026-04-02T00:00:00.000Z,2026-04-02T00:01:12.345Z,23.457,yes');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('two\nlines')).toBe('two\\x0Alines'); // a line feed in a name is escaped, not quoted
  });

  it('rounds the maximum elevation to 3 decimals', () => {
    const r = makeRunFixture();
    r.contacts[0]!.maxElevationDeg = 89.99951; // rounds up to 90.000
    expect(contactsToCsv(r).split('\n')[1]!.split(',')[5]).toBe('90.000');
  });

  it('names the contact whose station index is out of range', () => {
    const r = makeRunFixture();
    r.contacts[2]!.stationIndex = 5;
    expect(() => contactsToCsv(r)).toThrow(/contacts\[2\]\.stationIndex: 5 is not a ground-station index \(0\.\.1\)/);
  });
});

describe('snakeCase', () => {
  it('turns camelCase field names into column names', () => {
    expect(snakeCase('tokensOnboardCum')).toBe('tokens_onboard_cum');
    expect(snakeCase('satsInSession')).toBe('sats_in_session');
  });
});
