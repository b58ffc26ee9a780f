// CZML export, checked structurally: unique ids, document first, references resolve, availabilities inside
// the clock, 4·n sample arrays in metres, property names from the czml-writer schema, and SCS-01 positions
// sampled with satellite.js at LEO scale.
import { readFileSync } from 'node:fs';
import { eciToEcf, gstime, propagate, twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { CZML_COLORS, orbitalPeriodS, runToCzml, type CzmlOrbitSamples } from '../../src/sim/export/index.ts';
import { EPOCH_MS, ORBIT_RADII_KM, SAT_B_LOST_MS, circularOrbitSamples, makeRunFixture } from '../fixtures/export/run-fixture.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CZML JSON, walked by the assertions
type Packet = Record<string, any>;

const CLOCK_START_MS = EPOCH_MS;
const CLOCK_END_MS = EPOCH_MS + 300_000;

/**
 * Property names allowed by the czml-writer JSON schema (AnalyticalGraphicsInc/czml-writer Schema/Packet.json,
 * Clock.json, Position.json + InterpolatableProperty.json, Point.json, Label.json, Path.json, Polyline.json,
 * PositionList.json), limited to the ones a packet of this exporter may use. `interval` is the CZML interval
 * sub-property every interval-able value takes.
 */
const ALLOWED: Record<string, string[]> = {
  packet: ['id', 'name', 'description', 'version', 'clock', 'availability', 'position', 'point', 'label', 'path', 'polyline', 'billboard'],
  clock: ['interval', 'currentTime', 'multiplier', 'range', 'step'],
  position: ['referenceFrame', 'cartesian', 'cartographicRadians', 'cartographicDegrees', 'epoch', 'interpolationAlgorithm', 'interpolationDegree'],
  point: ['show', 'pixelSize', 'color', 'outlineColor', 'outlineWidth'],
  label: ['show', 'text', 'font', 'style', 'scale', 'fillColor', 'outlineColor', 'outlineWidth', 'pixelOffset', 'horizontalOrigin', 'verticalOrigin'],
  path: ['show', 'leadTime', 'trailTime', 'width', 'resolution', 'material'],
  polyline: ['show', 'positions', 'arcType', 'width', 'material'],
  positions: ['referenceFrame', 'cartesian', 'cartographicDegrees', 'references'],
};

const parseIntervalMs = (iv: string) => iv.split('/').map((s) => Date.parse(s)) as [number, number];

function packetsOf(czml: string): Packet[] {
  const packets = JSON.parse(czml);
  expect(Array.isArray(packets)).toBe(true);
  return packets;
}

describe('runToCzml on the fixture (two circular orbits, B lost at 00:03:30)', () => {
  const czml = runToCzml(makeRunFixture(), circularOrbitSamples());
  const packets = packetsOf(czml);
  const byId = new Map(packets.map((p) => [p.id as string, p]));

  it('starts with the document packet: version 1.0 and the run clock', () => {
    expect(packets[0]).toEqual({
      id: 'document',
      name: 'three-body',
      version: '1.0',
      clock: {
        interval: '2026-04-02T00:00:00.000Z/2026-04-02T00:05:00.000Z',
        currentTime: '2026-04-02T00:00:00.000Z',
        multiplier: 60,
        range: 'LOOP_STOP',
        step: 'SYSTEM_CLOCK_MULTIPLIER',
      },
    });
  });

  it('has unique ids: document, 2 satellites, 2 stations, 2 hubs, 3 links', () => {
    const ids = packets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'document',
      'sat-63982',
      'sat-63983',
      'station-cn-miyun',
      'station-cn-kashgar',
      'hub-zhangjiakou',
      'hub-horinger',
      'link-0',
      'link-1',
      'link-2',
    ]);
  });

  it('uses only property names of the CZML schema', () => {
    for (const p of packets) {
      for (const key of Object.keys(p)) expect(ALLOWED.packet, `${p.id}.${key}`).toContain(key);
      for (const sub of ['clock', 'position', 'point', 'label', 'path', 'polyline'])
        if (p[sub]) for (const key of Object.keys(p[sub])) expect(ALLOWED[sub], `${p.id}.${sub}.${key}`).toContain(key);
      if (p.polyline) for (const key of Object.keys(p.polyline.positions)) expect(ALLOWED.positions).toContain(key);
    }
  });

  it('links reference existing position-bearing packets', () => {
    const links = packets.filter((p) => p.polyline);
    expect(links).toHaveLength(3);
    for (const link of links) {
      const refs: string[] = link.polyline.positions.references;
      expect(refs).toHaveLength(2);
      for (const ref of refs) {
        const [id, prop] = ref.split('#');
        expect(prop).toBe('position');
        expect(byId.get(id!)?.position, ref).toBeDefined();
      }
      expect(link.polyline.arcType).toBe('NONE');
    }
    expect(byId.get('link-1')!.polyline.positions.references).toEqual(['sat-63983#position', 'station-cn-kashgar#position']);
  });

  it('keeps every availability inside the document clock and links inside their session', () => {
    for (const p of packets.filter((q) => q.availability)) {
      const [a, b] = parseIntervalMs(p.availability);
      expect(a, p.id).toBeGreaterThanOrEqual(CLOCK_START_MS);
      expect(b, p.id).toBeLessThanOrEqual(CLOCK_END_MS);
      expect(a, p.id).toBeLessThanOrEqual(b);
    }
    expect(byId.get('link-0')!.availability).toBe('2026-04-02T00:00:00.000Z/2026-04-02T00:01:12.345Z');
    expect(byId.get('link-2')!.availability).toBe('2026-04-02T00:03:05.000Z/2026-04-02T00:04:50.000Z');
  });

  it('writes satellite samples as [t, x, y, z]·n in metres, seconds from the epoch', () => {
    const a = byId.get('sat-63982')!.position;
    expect(a).toMatchObject({ epoch: '2026-04-02T00:00:00.000Z', referenceFrame: 'FIXED', interpolationAlgorithm: 'LAGRANGE', interpolationDegree: 5 });
    expect(a.cartesian).toHaveLength(4 * 11);
    const samples = circularOrbitSamples();
    expect(a.cartesian.slice(0, 4)).toEqual([0, expect.closeTo(samples.positionsEcefKm[0]! * 1000, 3), expect.any(Number), expect.any(Number)]);
    expect(a.cartesian[40]).toBe(300); // last sample at +300 s
    for (let i = 0; i < a.cartesian.length; i += 4) {
      const r = Math.hypot(a.cartesian[i + 1], a.cartesian[i + 2], a.cartesian[i + 3]);
      expect(r).toBeCloseTo(ORBIT_RADII_KM[0] * 1000, -1); // 6.878e6 m within 5 m (mm rounding only)
    }
  });

  it('ends a lost satellite at its last finite sample (00:03:30 = its lostAt)', () => {
    const b = byId.get('sat-63983')!;
    expect(b.position.cartesian).toHaveLength(4 * 8); // samples 0..210 s; NaN from 240 s
    expect(b.availability).toBe('2026-04-02T00:00:00.000Z/2026-04-02T00:03:30.000Z');
    expect(b.description).toContain('lost at 2026-04-02T00:03:30.000Z');
    expect(Date.parse(b.availability.split('/')[1])).toBe(SAT_B_LOST_MS);
  });

  it('draws one orbit: lead + trail = Kepler period of the sampled radius (≈ 5,677 s at 500 km)', () => {
    const path = byId.get('sat-63982')!.path;
    // T = 2π·√(6878.137³ / 398600.4418) = 5676.98 s (hand computation).
    expect(orbitalPeriodS(6878.137)).toBeCloseTo(5676.98, 1);
    expect(path.leadTime + path.trailTime).toBeGreaterThanOrEqual(5676);
    expect(path.leadTime + path.trailTime).toBeLessThanOrEqual(5678);
  });

  it('places stations and hubs at their scenario coordinates, hubs coloured by region', () => {
    expect(byId.get('station-cn-kashgar')!.position.cartographicDegrees).toEqual([75.983333, 39.466667, 1270]);
    expect(byId.get('hub-zhangjiakou')!.position.cartographicDegrees).toEqual([114.886111, 40.768889, 0]);
    expect(byId.get('hub-zhangjiakou')!.point.color.rgba).toEqual(CZML_COLORS.hubEast);
    expect(byId.get('hub-horinger')!.point.color.rgba).toEqual(CZML_COLORS.hubWest);
    expect(CZML_COLORS.hubEast).not.toEqual(CZML_COLORS.hubWest);
  });

  it('is deterministic: same inputs, same text', () => {
    expect(runToCzml(makeRunFixture(), circularOrbitSamples())).toBe(czml);
  });
});

describe('runToCzml edge cases', () => {
  it('clips a session to the satellite availability and drops one that lies wholly after the loss', () => {
    const r = makeRunFixture();
    r.sessions[1]!.endMs = SAT_B_LOST_MS + 40_000; // runs past the loss
    r.sessions.push({ satIndex: 1, stationIndex: 0, startMs: SAT_B_LOST_MS + 10_000, endMs: SAT_B_LOST_MS + 60_000 });
    const packets = packetsOf(runToCzml(r, circularOrbitSamples()));
    expect(packets.find((p) => p.id === 'link-1')!.availability).toBe('2026-04-02T00:02:10.000Z/2026-04-02T00:03:30.000Z');
    expect(packets.find((p) => p.id === 'link-3')).toBeUndefined();
  });

  it('rejects samples that do not match the satellites', () => {
    const s = circularOrbitSamples();
    const bad: CzmlOrbitSamples = { timesMs: s.timesMs, positionsEcefKm: s.positionsEcefKm.subarray(3) };
    expect(() => runToCzml(makeRunFixture(), bad)).toThrow(/orbit\.positionsEcefKm: length 63, expected satellites \(2\) × times \(11\) × 3 = 66/);
  });

  it('rejects times that do not increase, and duplicate NORAD numbers', () => {
    const s = circularOrbitSamples();
    s.timesMs[4] = s.timesMs[3]!;
    expect(() => runToCzml(makeRunFixture(), s)).toThrow(/orbit\.timesMs\[4\]/);
    const r = makeRunFixture();
    r.satellites[1]!.norad = 63982;
    expect(() => runToCzml(r, circularOrbitSamples())).toThrow(/satellites\[1\]\.norad: 63982 appears twice/);
  });
});

describe('runToCzml with SCS-01 positions from satellite.js (tle/three-body.tle)', () => {
  it('writes LEO-scale metres: |r| within 6.6e6–7.2e6 m for every sample', () => {
    const lines = readFileSync(new URL('../../tle/three-body.tle', import.meta.url), 'utf8').split(/\r?\n/);
    const recs = [twoline2satrec(lines[1]!, lines[2]!), twoline2satrec(lines[4]!, lines[5]!)];
    const n = 6; // every 60 s over the 300 s run
    const timesMs = Float64Array.from({ length: n }, (_, t) => EPOCH_MS + t * 60_000);
    const positionsEcefKm = new Float64Array(2 * n * 3);
    recs.forEach((rec, s) => {
      for (let t = 0; t < n; t++) {
        const date = new Date(timesMs[t]!);
        const pv = propagate(rec, date);
        if (!pv || typeof pv.position !== 'object') throw new Error('SGP4 failed');
        const ecf = eciToEcf(pv.position, gstime(date));
        positionsEcefKm.set([ecf.x, ecf.y, ecf.z], (s * n + t) * 3);
      }
    });
    const r = makeRunFixture();
    r.satellites[1]!.lostAtMs = null;
    const sat = packetsOf(runToCzml(r, { timesMs, positionsEcefKm })).filter((p) => p.id.startsWith('sat-'));
    expect(sat).toHaveLength(2);
    for (const p of sat) {
      expect(p.position.cartesian).toHaveLength(4 * n);
      for (let i = 0; i < 4 * n; i += 4) {
        const rM = Math.hypot(p.position.cartesian[i + 1], p.position.cartesian[i + 2], p.position.cartesian[i + 3]);
        expect(rM).toBeGreaterThan(6.6e6);
        expect(rM).toBeLessThan(7.2e6);
      }
      // SCS-01 mean motion ≈ 15.2–15.35 rev/day → period ≈ 5,630–5,680 s.
      expect(p.path.leadTime + p.path.trailTime).toBeGreaterThan(5550);
      expect(p.path.leadTime + p.path.trailTime).toBeLessThan(5750);
    }
  });
});
