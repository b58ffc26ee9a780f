// Pure data behind the panels: search ranking, inspector fields, contacts, table rows, keyframe interpolation,
// chart columns and the import message.
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/app/ui/chart-data.ts';
import { describeImport } from '../../src/app/ui/import-result.ts';
import { contactsAround, inspectSatellite, lightOf } from '../../src/app/ui/inspector-data.ts';
import { stepIndexAt } from '../../src/app/shown.ts';
import { satGeodetic } from '../../src/app/ui/sat-position.ts';
import { searchSatellites } from '../../src/app/ui/search.ts';
import { contactRows, satelliteRows } from '../../src/app/ui/table-rows.ts';

import { START_MS, circularKeyframes, fakeRun } from './fixtures.ts';
import { EARTH_EQUATORIAL_RADIUS_KM } from '../../src/sim/constants.ts';

const sats = [
  { name: 'SCS-01 A', norad: 63982 },
  { name: 'SCS-01 B', norad: 63983 },
  { name: 'STARLINK-1007', norad: 44713 },
  { name: 'XSCS', norad: 6398 },
];

describe('searchSatellites', () => {
  it('ranks exact NORAD, NORAD prefix, name prefix, then substring', () => {
    expect(searchSatellites(sats, '63983')).toEqual([1]);
    expect(searchSatellites(sats, '6398')).toEqual([3, 0, 1]);
    expect(searchSatellites(sats, 'scs')).toEqual([0, 1, 3]);
    expect(searchSatellites(sats, 'SCS-01 B')).toEqual([1]);
    expect(searchSatellites(sats, 'link')).toEqual([2]);
    expect(searchSatellites(sats, '  ')).toEqual([]);
    expect(searchSatellites(sats, 's', 2)).toEqual([0, 1]);
  });
});

describe('inspector data', () => {
  const run = fakeRun();
  it('step index and light', () => {
    expect(stepIndexAt(run, START_MS + 45_000, START_MS)).toBe(1);
    expect(stepIndexAt(run, START_MS - 1, START_MS)).toBe(0);
    expect(stepIndexAt(run, START_MS + 1e9, START_MS)).toBe(9);
    expect(lightOf(0)).toBe('sunlit');
    expect(lightOf(0.5)).toBe('penumbra');
    expect(lightOf(1)).toBe('eclipse');
    expect(lightOf(Number.NaN)).toBeNull();
  });

  it('current and next contact, with the session flag', () => {
    const at = (s: number) => contactsAround(run, 0, START_MS + s * 1000);
    expect(at(0).current).toBeNull();
    expect(at(0).next).toMatchObject({ stationName: 'Miyun', aosMs: START_MS + 60_000, hasSession: true });
    expect(at(100).current).toMatchObject({ losMs: START_MS + 150_000, maxElevationDeg: 42 });
    expect(at(100).next).toMatchObject({ aosMs: START_MS + 240_000, hasSession: false });
    expect(at(290)).toEqual({ current: null, next: null });
    expect(contactsAround(run, 1, START_MS).next).toBeNull();
  });

  it('inspects a satellite: altitude from the keyframes, storage, load, battery, light, state', () => {
    const rKm = EARTH_EQUATORIAL_RADIUS_KM + 535;
    const kf = [circularKeyframes(rKm, 7.6 / rKm, 60, 6)];
    const info = inspectSatellite(run, kf, 0, START_MS + 75_000, START_MS, 'onboard')!;
    expect(info.name).toBe('SCS-01 A');
    expect(info.norad).toBe(63982);
    expect(info.altitudeKm!).toBeCloseTo(535, 2);
    expect(info.latDeg!).toBeCloseTo(0, 6);
    expect(info.state).toBe('imaging');
    expect(info.light).toBe('sunlit');
    expect(info.storedBytes).toBe(2e9);
    expect(info.storageCapacityBytes).toBe(2500e9);
    expect(info.computeLoad).toBe(0.25);
    expect(info.batterySoc).toBeCloseTo(0.8, 6);
    expect(info.current?.stationName).toBe('Miyun');
    expect(info.downlink).toEqual({ sessions: 1, sessionMinutes: 1, bytes: 4.2e6 }); // the onboard bytes of its session
    expect(inspectSatellite(run, kf, 0, START_MS, START_MS, 'hybrid')!.downlink!.bytes).toBeNull(); // hybrid not simulated
    const late = inspectSatellite(run, kf, 0, START_MS + 200_000, START_MS, 'onboard')!;
    expect(late.state).toBe('eclipse');
    expect(late.light).toBe('eclipse');
    const lost = inspectSatellite(run, kf, 1, START_MS + 75_000, START_MS, 'onboard')!;
    expect(lost.altitudeKm).toBeNull();
    expect(lost.meanAltitudeKm).toBe(536);
    expect(lost.downlink).toBeNull(); // an export made before the fairness report
    expect(inspectSatellite(run, kf, 5, START_MS, START_MS, 'onboard')).toBeNull();
  });
});

describe('satGeodetic', () => {
  it('cubic Hermite between 60 s keyframes stays on a circular 535 km orbit within 1 m', () => {
    const rKm = EARTH_EQUATORIAL_RADIUS_KM + 535;
    const omega = Math.sqrt(398600.4418 / rKm ** 3); // circular orbit rate, rad/s
    const kf = [circularKeyframes(rKm, omega, 60, 4)];
    for (const s of [0, 17, 30, 59.5, 90, 180]) {
      const g = satGeodetic(kf, 0, START_MS + s * 1000)!;
      expect(Math.abs(g.altitudeKm - 535), `t = ${s} s`).toBeLessThan(1e-3);
      expect(g.lonDeg).toBeCloseTo((omega * s * 180) / Math.PI, 3);
    }
    expect(satGeodetic(kf, 0, START_MS + 181_000)).toBeNull();
    expect(satGeodetic(kf, 1, START_MS)).toBeNull();
  });
});

describe('table rows', () => {
  const run = fakeRun();
  it('satellite rows of a page and the contacts open now, then next', () => {
    const rows = satelliteRows(run, [], 'onboard', START_MS + 10_000, START_MS, 1, 50);
    expect(rows).toEqual([{ index: 1, name: 'SCS-01 B', norad: 63983, state: 'idle', light: 'penumbra', altitudeKm: null, storedBytes: 0 }]);
    const now = contactRows(run, START_MS + 100_000, 10);
    expect(now.map((c) => [c.aosMs - START_MS, c.open])).toEqual([
      [60_000, true],
      [240_000, false],
    ]);
    expect(contactRows(run, START_MS + 100_000, 1)).toHaveLength(1);
    expect(contactRows(run, START_MS + 300_000, 10)).toEqual([]);
  });
});

describe('chartData', () => {
  it('x in seconds; tokens are onboard + ground cumulative; missing modes are null', () => {
    const series = {
      timesMs: new Float64Array([START_MS + 30_000, START_MS + 60_000]),
      modes: {
        onboard: {
          backlogBytes: new Float64Array([1, 2]),
          downlinkedBytesCum: new Float64Array([3, 4]),
          tokensOnboardCum: new Float64Array([10, 20]),
          tokensGroundCum: new Float64Array([1, 2]),
        },
      },
    } as unknown as Parameters<typeof chartData>[0];
    const d = chartData(series, 'tokens', ['onboard', 'ground']);
    expect(Array.from(d.xs)).toEqual([START_MS / 1000 + 30, START_MS / 1000 + 60]);
    expect(Array.from(d.ys[0]!)).toEqual([11, 22]);
    expect(d.ys[1]).toBeNull();
    expect(Array.from(chartData(series, 'backlog', ['onboard']).ys[0]!)).toEqual([1, 2]);
  });
});

describe('describeImport', () => {
  it('says whether the replay matched', () => {
    expect(describeImport({ ok: true, replayMatches: true }, 'a.json')).toEqual({
      ok: true,
      message: 'a.json: replayed; the summary matches the file exactly ✓',
    });
    expect(describeImport({ ok: true, replayMatches: false }, 'a.json').ok).toBe(false);
    expect(
      describeImport({ ok: false, message: 'invalid run JSON', scenarioErrors: [{ path: 'scenario.seed', message: 'must be an integer' }] }, 'b.json'),
    ).toEqual({
      ok: false,
      message: 'b.json: invalid run JSON (scenario.seed: must be an integer)',
    });
    expect(describeImport(null, 'c.json').ok).toBe(false);
  });
});
