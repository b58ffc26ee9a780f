import { describe, expect, it } from 'vitest';
import { scheduleDownlinks } from '../../src/sim/links/scheduler.ts';

const w = (satIndex: number, stationIndex: number, aosS: number, losS: number, maxElevationDeg = 45) => ({
  satIndex,
  stationIndex,
  aosMs: aosS * 1000,
  losMs: losS * 1000,
  maxElevationDeg,
});

describe('antenna scheduling', () => {
  it('one antenna serves one satellite at a time, first come first served, with acquisition time', () => {
    const r = scheduleDownlinks([w(0, 0, 0, 600), w(1, 0, 100, 900)], [1], 2, 30);
    expect(r.sessions.map((s) => [s.satIndex, s.startMs / 1000, s.endMs / 1000])).toEqual([
      [0, 30, 600],
      [1, 630, 900],
    ]);
    expect(r.contendedS).toBe(500);
  });

  it('two antennas serve both at once', () => {
    const r = scheduleDownlinks([w(0, 0, 0, 600), w(1, 0, 100, 900)], [2], 2, 30);
    expect(r.sessions.map((s) => [s.satIndex, s.startMs / 1000])).toEqual([
      [0, 30],
      [1, 130],
    ]);
    expect(r.deniedWindows).toBe(0);
  });

  it('a satellite has one radio: overlapping windows at two stations are used one after the other', () => {
    const r = scheduleDownlinks([w(0, 0, 0, 300), w(0, 1, 200, 700)], [1, 1], 1, 10);
    expect(r.sessions.map((s) => [s.stationIndex, s.startMs / 1000, s.endMs / 1000])).toEqual([
      [0, 10, 300],
      [1, 310, 700],
    ]);
  });

  it('denies a window swallowed by a busy antenna; ties go to the higher pass', () => {
    const r = scheduleDownlinks([w(0, 0, 0, 520, 20), w(1, 0, 0, 500, 80)], [1], 2, 30);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]!.satIndex).toBe(1);
    expect(r.deniedWindows).toBe(1);
    expect(r.contendedS).toBe(500);
  });
});
