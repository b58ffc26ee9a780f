// Format detection and dispatch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectCatalogFormat, parseCatalog } from '../../src/sim/catalog/index';

const REF_MS = Date.parse('2026-04-02T00:00:00Z');

describe('detectCatalogFormat', () => {
  it.each([
    ['tle/three-body.tle', 'tle'],
    ['tle/starlink-20260512.tle', 'tle'],
    ['tle/three-body-20260710.json', 'omm-json'],
    ['tle/three-body-20260710.csv', 'omm-csv'],
    ['test/fixtures/catalog/quoted.csv', 'omm-csv'],
    ['test/fixtures/catalog/alpha5.tle', 'tle'],
  ])('%s → %s', (path, format) => {
    expect(detectCatalogFormat(readFileSync(path, 'utf8'))).toBe(format);
  });

  it('recognises 2-line TLE text, a single OMM object, and refuses other text', () => {
    const lines = readFileSync('tle/three-body.tle', 'utf8').split('\n');
    expect(detectCatalogFormat(`\n\n${lines[1]}\n${lines[2]}\n`)).toBe('tle');
    expect(detectCatalogFormat('  {"OBJECT_NAME": "X"}')).toBe('omm-json');
    expect(detectCatalogFormat('name,lat,lon\nA,1,2')).toBe('unknown');
    expect(detectCatalogFormat('')).toBe('unknown');
  });
});

describe('parseCatalog', () => {
  it('dispatches by content', () => {
    const r = parseCatalog(readFileSync('tle/three-body.tle', 'utf8'), { source: 'three-body.tle', referenceMs: REF_MS });
    expect(r.records).toHaveLength(12);
    expect(r.records[0]?.format).toBe('tle');
    const j = parseCatalog(readFileSync('tle/three-body-20260710.json', 'utf8'), { source: 'j', referenceMs: Date.parse('2026-07-10T00:00:00Z') });
    expect(j.records.map((x) => x.format)).toEqual(Array(12).fill('omm-json'));
  });

  it('reports unknown text as one error and loads nothing', () => {
    const r = parseCatalog('hello world\n', { source: 'notes.txt', referenceMs: REF_MS });
    expect(r).toEqual({
      records: [],
      issues: [expect.objectContaining({ code: 'unknown-format', message: 'notes.txt line 1: not TLE, OMM JSON or OMM CSV (first line "hello world")' })],
    });
  });

  it('honours a forced format', () => {
    const r = parseCatalog(readFileSync('tle/three-body-20260710.csv', 'utf8'), { source: 'x', referenceMs: REF_MS, format: 'tle' });
    expect(r.records).toEqual([]);
    expect(r.issues.length).toBeGreaterThan(0);
  });
});
