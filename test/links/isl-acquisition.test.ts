// Link acquisition: a new ISL carries data only acquisitionS after it became possible (midpoint convention
// between samples), kept links keep their age, a broken link must be acquired again.
import { describe, expect, it } from 'vitest';
import { IslAcquisitionTracker } from '../../src/sim/links/isl-acquisition.ts';
import { allocateIslEdges, pushIslEdge } from '../../src/sim/links/isl-edges.ts';

function step(tracker: IslAcquisitionTracker, tS: number, pairs: [number, number][]) {
  const e = allocateIslEdges(pairs.length);
  for (const [a, b] of pairs) pushIslEdge(e, a, b, 1000);
  const usable = new Uint8Array(pairs.length);
  const since = new Float64Array(pairs.length);
  tracker.update(e, tS * 1000, 15, usable, since);
  return { usable: Array.from(usable), sinceS: Array.from(since, (ms) => ms / 1000) };
}

describe('IslAcquisitionTracker (acquisition 15 s, SCS-01)', () => {
  it('ages links across samples as worked out by hand', () => {
    const tr = new IslAcquisitionTracker(3, 4);
    // t = 0: the run starts with an established network.
    expect(step(tr, 0, [[0, 1]])).toEqual({ usable: [1], sinceS: [-Infinity] });
    // t = 60: 1–2 is new, taken to start at the midpoint 30 s: 30 s old ≥ 15 s.
    expect(
      step(tr, 60, [
        [0, 1],
        [1, 2],
      ]),
    ).toEqual({ usable: [1, 1], sinceS: [-Infinity, 30] });
    // t = 70: 0–1 broke; 0–2 is new from 65 s: 5 s old < 15 s.
    expect(
      step(tr, 70, [
        [1, 2],
        [0, 2],
      ]),
    ).toEqual({ usable: [1, 0], sinceS: [30, 65] });
    // t = 80: 0–2 is exactly 15 s old: usable. 1–2 broke.
    expect(step(tr, 80, [[0, 2]])).toEqual({ usable: [1], sinceS: [65] });
    // t = 90: 0–1 is back, but must be acquired again (from 85 s).
    expect(
      step(tr, 90, [
        [0, 1],
        [0, 2],
      ]),
    ).toEqual({ usable: [0, 1], sinceS: [85, 65] });
  });

  it('starts over after reset', () => {
    const tr = new IslAcquisitionTracker(2, 4);
    step(tr, 0, []);
    expect(step(tr, 10, [[0, 1]]).usable).toEqual([0]);
    tr.reset();
    expect(step(tr, 20, [[0, 1]])).toEqual({ usable: [1], sinceS: [-Infinity] });
  });
});
