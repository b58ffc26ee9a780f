import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, safeParseScenario, ScenarioValidationError } from '../../src/sim/scenario/schema.ts';
import { presets, threeBodyScenario } from '../../src/sim/scenario/presets.ts';

const base = () => structuredClone(threeBodyScenario) as Record<string, unknown> & typeof threeBodyScenario;

function errorsOf(input: unknown): string[] {
  const r = safeParseScenario(input);
  if (r.ok) return [];
  return r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('scenario schema', () => {
  it('fills defaults with their documented values', () => {
    const s = parseScenario(threeBodyScenario);
    expect(s.stepS).toBe(30);
    expect(s.satellite.compute.topsInt8).toBe(744);
    expect(s.satellite.storageGB).toBe(2500);
    expect(s.satellite.downlink).toMatchObject({ kind: 'shannon', txPowerW: 2, frequencyHz: 8.15e9, bandwidthHz: 20e6, rxGainDbi: 44.1 });
    expect(s.gpu.usdPerHour).toBe(2.35);
    expect(s.model.paramsBillion).toBe(8);
    expect(s.workload.cloudyFraction).toBe(0.52);
    expect(s.processing.modes).toEqual(['ground', 'onboard', 'hybrid']);
    expect(s.groundStations.map((g) => g.minElevationDeg)).toEqual([10, 10, 10, 10, 10]);
  });

  it.each([
    [
      'station mask out of range',
      (s: ReturnType<typeof base>) => (s.groundStations[2]!.minElevationDeg = 95),
      'groundStations[2].minElevationDeg: must be within [0, 90]',
    ],
    ['negative latitude beyond the pole', (s: ReturnType<typeof base>) => (s.hubs[1]!.latDeg = -91), 'hubs[1].latDeg: must be within [-90, 90]'],
    ['unknown field', (s: ReturnType<typeof base>) => ((s as Record<string, unknown>).durationHours = 3), '(root): unknown field(s) "durationHours"'],
    ['bad epoch', (s: ReturnType<typeof base>) => (s.epochIso = '2026-13-02'), 'epochIso: must be an ISO 8601 UTC time like 2026-04-02T00:00:00Z'],
    ['zero duration', (s: ReturnType<typeof base>) => (s.durationH = 0), 'durationH: must be > 0'],
    ['wrong schema version', (s: ReturnType<typeof base>) => ((s as Record<string, unknown>).schemaVersion = 2), 'schemaVersion: must be 1'],
    ['duplicate station id', (s: ReturnType<typeof base>) => (s.groundStations[1]!.id = 'cn-miyun'), 'groundStations[1].id: duplicate id "cn-miyun"'],
    [
      'source with both file and text',
      (s: ReturnType<typeof base>) => (s.constellation.sources = [{ kind: 'tle', file: 'a.tle', text: 'x' }]),
      'constellation.sources[0]: give exactly one of "file" or "text"',
    ],
    [
      'unknown source kind',
      (s: ReturnType<typeof base>) => (s.constellation.sources = [{ kind: 'sp3' } as never]),
      'constellation.sources[0].kind: must be one of "tle", "omm-json", "omm-csv", "walker"',
    ],
    [
      'walker phasing',
      (s: ReturnType<typeof base>) =>
        (s.constellation.sources = [{ kind: 'walker', planes: 3, satsPerPlane: 4, phasing: 3, altitudeKm: 550, inclinationDeg: 53 }]),
      'constellation.sources[0].phasing: must be < planes',
    ],
    [
      'negative GPU price',
      (s: ReturnType<typeof base>) => ((s as Record<string, unknown>).gpu = { usdPerHour: -1 }),
      'gpu.usdPerHour: must be within [0, 10000]',
    ],
    [
      'recall above 1',
      (s: ReturnType<typeof base>) => ((s as Record<string, unknown>).onboardFilter = { recall: 1.5 }),
      'onboardFilter.recall: must be within [0, 1]',
    ],
    ['no stations', (s: ReturnType<typeof base>) => (s.groundStations = []), 'groundStations: needs at least one ground station'],
    ['string for a number', (s: ReturnType<typeof base>) => ((s as Record<string, unknown>).stepS = '30'), 'stepS: must be a number within [1, 600]'],
  ])('reports %s with the path', (_name, mutate, expected) => {
    const s = base();
    mutate(s);
    expect(errorsOf(s)).toContain(expected);
  });

  it('lists every bad field at once and throws a readable error', () => {
    const s = base();
    s.groundStations[0]!.latDeg = 100;
    s.groundStations[4]!.antennas = 0;
    expect(() => parseScenario(s, 'my.json')).toThrowError(ScenarioValidationError);
    try {
      parseScenario(s, 'my.json');
    } catch (err) {
      expect((err as Error).message).toContain('my.json: invalid scenario');
      expect((err as Error).message).toContain('groundStations[0].latDeg: must be within [-90, 90]');
      expect((err as Error).message).toContain('groundStations[4].antennas');
    }
  });

  it('every preset validates', () => {
    for (const [name, p] of Object.entries(presets)) expect(safeParseScenario(p).ok, name).toBe(true);
  });
});

/** Minimal CSV row reader for the shipped data files (quoted fields with commas). */
function csvRows(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const split = (l: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (const ch of l) {
      if (ch === '"') q = !q;
      else if (ch === ',' && !q) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}

describe('three-body preset matches the shipped data files', () => {
  it('stations are the CSV rows of the five AIRCAS stations', () => {
    const rows = new Map(csvRows('public/data/ground-stations.csv').map((r) => [r.id!, r]));
    for (const st of threeBodyScenario.groundStations) {
      const r = rows.get(st.id)!;
      expect(r, st.id).toBeDefined();
      expect(st.latDeg).toBe(Number(r.lat));
      expect(st.lonDeg).toBe(Number(r.lon));
      expect(st.altM).toBe(r.alt_m === '' ? 0 : Number(r.alt_m));
    }
    expect(threeBodyScenario.groundStations.map((g) => g.id)).toEqual(['cn-miyun', 'cn-kashgar', 'cn-sanya', 'cn-lijiang', 'cn-mohe']);
  });

  it('hubs are the 10 clusters of hubs.csv with their region', () => {
    const rows = csvRows('public/data/hubs.csv');
    expect(threeBodyScenario.hubs).toHaveLength(10);
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      const h = threeBodyScenario.hubs.find((x) => x.id === r.cluster_id)!;
      expect(h, r.cluster_id).toBeDefined();
      expect([h.hubId, h.region, h.latDeg, h.lonDeg]).toEqual([r.hub_id, r.region, Number(r.lat), Number(r.lon)]);
    }
    expect(threeBodyScenario.hubs.filter((h) => h.region === 'west').map((h) => h.hubId)).toEqual(['inner-mongolia', 'guizhou', 'gansu', 'ningxia']);
  });
});
