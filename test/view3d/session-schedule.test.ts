import { describe, expect, it } from 'vitest';
import { SessionSchedule } from '../../src/app/view3d/session-schedule.ts';

const s = (satIndex: number, startMs: number, endMs: number) => ({ satIndex, stationIndex: 0, startMs, endMs });

describe('SessionSchedule.activeAt', () => {
  const sessions = [s(0, 500, 900), s(1, 0, 100), s(2, 50, 600), s(3, 1000, 1001), s(4, 550, 560)];
  const sched = new SessionSchedule();
  sched.rebuild(sessions);
  const out = new Int32Array(8);
  const active = (t: number) => Array.from(out.subarray(0, sched.activeAt(t, out))).sort();

  it('returns the sessions with start ≤ t < end, whatever their order in the run', () => {
    expect(active(-1)).toEqual([]);
    expect(active(0)).toEqual([1]);
    expect(active(75)).toEqual([1, 2]);
    expect(active(100)).toEqual([2]);
    expect(active(555)).toEqual([0, 2, 4]);
    expect(active(600)).toEqual([0]);
    expect(active(950)).toEqual([]);
    expect(active(1000)).toEqual([3]);
    expect(active(1001)).toEqual([]);
  });

  it('writes at most out.length indices', () => {
    expect(sched.activeAt(555, new Int32Array(2))).toBe(2);
  });

  it('agrees with a brute-force scan at every ms', () => {
    for (let t = -5; t < 1010; t++) {
      const brute = sessions.flatMap((x, i) => (x.startMs <= t && t < x.endMs ? [i] : [])).sort();
      expect(active(t)).toEqual(brute);
    }
  });
});
