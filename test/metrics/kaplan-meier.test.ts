// Kaplan–Meier over weighted latencies with censoring: hand-computed estimates, the not-reached percentile, and
// agreement with the plain weighted CDF when nothing is censored (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, kmQuantile, kmShareWithin } from '../../src/sim/metrics/kaplan-meier.ts';
import { WeightedSamples } from '../../src/sim/metrics/weighted-samples.ts';

const samples = (pairs: [number, number][]) => {
  const w = new WeightedSamples();
  for (const [v, weight] of pairs) w.add(v, weight);
  return w;
};

describe('Kaplan–Meier', () => {
  it('matches a hand computation with censoring between events', () => {
    // Events at 1 (w 1), 3 (w 2); censored at 2 (w 1) and 5 (w 2). At t=1: 6 at risk, S = 5/6.
    // At t=3: the tile censored at 2 has left, 4 at risk, 2 events: S = 5/6 · 2/4 = 5/12. CDF: 1/6, 7/12.
    const km = kaplanMeier(
      samples([
        [1, 1],
        [3, 2],
      ]),
      samples([
        [2, 1],
        [5, 2],
      ]),
    );
    expect(Array.from(km.timesS)).toEqual([1, 3]);
    expect(km.cdf[0]).toBeCloseTo(1 / 6, 12);
    expect(km.cdf[1]).toBeCloseTo(7 / 12, 12);
    expect(kmQuantile(km, 0.5)).toEqual({ valueS: 3, censored: false });
    expect(kmQuantile(km, 0.9)).toEqual({ valueS: null, censored: true }); // never reached in the run
    expect(kmShareWithin(km, 2.5).share).toBeCloseTo(1 / 6, 12);
    expect(kmShareWithin(km, 0.5)).toEqual({ share: 0, censored: false });
    expect(km.horizonS).toBe(Infinity); // no follow-up of the events given: the curve is not cut
  });

  it('stops where fewer than 10 % of the tiles were followed: a late delivery to a handful cannot make it 100 %', () => {
    // 1,000 tiles. 990 captured late, unresolved, followed 1 to 99 s (10 per second). 10 captured at the start,
    // followed 1,000 s, all delivered at 900 s. Without the cut the last event takes the whole risk set: 100 %.
    const late = Array.from({ length: 99 }, (_, i) => [i + 1, 10] as [number, number]);
    const events = samples([[900, 10]]);
    const uncut = kaplanMeier(events, samples(late));
    expect(uncut.cdf.at(-1)).toBe(1);
    const km = kaplanMeier(events, samples(late), samples([[1000, 10]]));
    // Followed at least t: 10 (the first) + 10 per second of the late ones above t. 10 % = 100 tiles reach t = 91 s.
    expect(km.horizonS).toBe(91);
    expect(km.timesS.length).toBe(0);
    expect(kmQuantile(km, 0.5)).toEqual({ valueS: null, censored: true });
    expect(kmShareWithin(km, 60)).toEqual({ share: 0, censored: false });
    expect(kmShareWithin(km, 3600)).toEqual({ share: 0, censored: true }); // a lower bound
  });

  it('keeps every event when they are all within the horizon (the cut changes nothing then)', () => {
    const ev = samples([
      [10, 5],
      [20, 5],
    ]);
    const cen = samples([[30, 10]]);
    const km = kaplanMeier(ev, cen, samples([[100, 10]]));
    expect(km.horizonS).toBe(100); // the 10 delivered tiles were followed 100 s: 50 % of all
    expect(Array.from(km.cdf)).toEqual(Array.from(kaplanMeier(ev, cen).cdf));
  });

  it('says "no data", not "censored", when no tile was captured', () => {
    const km = kaplanMeier(new WeightedSamples(), new WeightedSamples());
    expect(kmQuantile(km, 0.5)).toEqual({ valueS: null, censored: false });
  });

  it('equals the weighted empirical distribution without censoring (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 40 }), (pairs) => {
        const ev = samples(pairs.map(([v, w]) => [v, w]));
        const km = kaplanMeier(ev, new WeightedSamples());
        for (const q of [0.1, 0.5, 0.9, 0.99]) expect(kmQuantile(km, q).valueS).toBe(ev.quantiles([q])[0]);
        expect(km.cdf.at(-1)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('never estimates less than the observed share, with censoring only after every event (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (events, censored) => {
        const km = kaplanMeier(samples(events.map((v) => [v, 1])), samples([[100, censored]]));
        expect(km.cdf.at(-1)).toBeCloseTo(events.length / (events.length + censored), 12);
      }),
    );
  });
});
