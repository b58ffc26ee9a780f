// Counting a scenario's satellites without building orbits (the app's simulate-or-orbit-view decision): the
// shipped catalogues count what the parser loads, Walker shells P × S, pasted files shadow the named ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { countCatalogEntries, countScenarioSatellites } from '../../src/sim/scenario/satellite-count.ts';
import { presets } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';

const read = async (p: string) => readFileSync(p, 'utf8');

describe('countCatalogEntries', () => {
  it.each([
    ['tle/three-body.tle', 'tle' as const],
    ['tle/starlink-20260512.tle', 'tle' as const],
  ])('%s: as many entries as the parser loads (no bad lines in it)', (file, kind) => {
    const text = readFileSync(file, 'utf8');
    const loaded = parseCatalog(text, { source: file, referenceMs: Date.parse('2026-05-12T12:00:00Z'), maxEpochAgeDays: 3650, warnEpochAgeDays: 3650 }).records.length;
    expect(countCatalogEntries(text, kind)).toBe(loaded);
  });

  it('counts OMM JSON objects and CSV rows (header excluded, blank lines ignored)', () => {
    expect(countCatalogEntries('[{"NORAD_CAT_ID": 1}, {"NORAD_CAT_ID": 2}]', 'omm-json')).toBe(2);
    expect(countCatalogEntries('OBJECT_NAME,NORAD_CAT_ID\nA,1\n\nB,2\r\n', 'omm-csv')).toBe(2);
    expect(countCatalogEntries('', 'omm-csv')).toBe(0);
  });
});

describe('countScenarioSatellites', () => {
  it('adds Walker shells (P × S) and catalogues; a pasted file shadows the named one', async () => {
    expect(await countScenarioSatellites(parseScenario(presets['three-body']!), undefined, read)).toBe(12);
    expect(await countScenarioSatellites(parseScenario(presets['starlink']!), undefined, read)).toBe(10_313);
    expect(await countScenarioSatellites(parseScenario(presets['star-compute-2800']!), undefined, read)).toBe(2800);
    expect(await countScenarioSatellites(parseScenario(presets['walker-1m']!))).toBe(1_000_000);
    const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 6).join('\n');
    expect(await countScenarioSatellites(parseScenario(presets['three-body']!), { 'tle/three-body.tle': tle }, read)).toBe(2);
    // Without a reader, or with an unreadable file, a named file counts 0 (the run reports it).
    expect(await countScenarioSatellites(parseScenario(presets['starlink']!))).toBe(0);
    expect(await countScenarioSatellites(parseScenario(presets['starlink']!), undefined, async () => Promise.reject(new Error('404')))).toBe(0);
  });
});
