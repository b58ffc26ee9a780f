// WeightedSamples: the counting sort of sortedPairs against the comparator sort it replaced (value, then insertion
// index), on random samples full of ties, zeros of both signs and huge spreads; quantiles by hand; the cache is
// dropped by add.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeightedSamples } from '../../src/sim/metrics/weighted-samples.ts';
import { kaplanMeier } from '../../src/sim/metrics/kaplan-meier.ts';

/** The sort sortedPairs had before: indices by value, ties by insertion order. */
function comparatorSort(values: number[], weights: number[]) {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  return { values: order.map((i) => values[i]!), weights: order.map((i) => weights[i]!) };
}

const sample = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 30, 30.5, 86_400),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.integer({ min: 0, max: 20 }).map((k) => k * 60),
);

describe('WeightedSamples', () => {
  it('sortedPairs orders as the comparator sort, ties in insertion order, bit for bit (-0 kept)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sample, fc.integer({ min: 1, max: 1000 })), { maxLength: 400 }), (pairs) => {
        const w = new WeightedSamples();
        for (const [v, k] of pairs) w.add(v, k);
        const got = w.sortedPairs();
        const want = comparatorSort(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect([...got.values].map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual(want.values.map((v) => (Object.is(v, -0) ? '-0' : v)));
        expect([...got.weights]).toEqual(want.weights);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps equal values in insertion order (told apart by their weights)', () => {
    const w = new WeightedSamples();
    [
      [5, 1],
      [3, 2],
      [5, 3],
      [3, 4],
      [-0, 5],
      [0, 6],
      [-0, 7],
    ].forEach(([v, k]) => w.add(v!, k!));
    expect([...w.sortedPairs().values]).toEqual([-0, 0, -0, 3, 3, 5, 5]);
    expect([...w.sortedPairs().weights]).toEqual([5, 6, 7, 2, 4, 1, 3]);
  });

  it('quantiles by hand; an add after a sort is seen', () => {
    const w = new WeightedSamples();
    w.add(10, 1);
    w.add(30, 1);
    w.add(20, 2);
    expect(w.quantiles([0.25, 0.5, 0.75, 1])).toEqual([10, 20, 20, 30]); // cumulative 1, 3, 4 of 4
    w.add(5, 4);
    expect(w.sortedPairs().values[0]).toBe(5);
    expect(w.quantiles([0.5])).toEqual([5]); // 4 of 8 at 5
    expect(new WeightedSamples().quantiles([0.5])).toEqual([null]);
  });

  it('mergeEqual keeps one slot per value, weights summed: the same quantiles and Kaplan–Meier estimate as one slot per sample', () => {
    const onGrid = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.01, max: 50, noNaN: true })), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(onGrid, onGrid, (events, censored) => {
        const plain = new WeightedSamples();
        const merged = new WeightedSamples({ mergeEqual: true });
        const ev = new WeightedSamples();
        for (const [k, w] of censored) {
          plain.add(k * 30, w); // waited a whole number of 30 s steps
          merged.add(k * 30, w);
        }
        for (const [k, w] of events) ev.add(k * 17.5, w);
        expect(merged.count).toBe(new Set(censored.map(([k]) => k)).size);
        expect(merged.weight).toBeCloseTo(plain.weight, 9);
        expect(merged.quantiles([0.1, 0.5, 0.9])).toEqual(plain.quantiles([0.1, 0.5, 0.9]));
        const a = kaplanMeier(ev, plain);
        const b = kaplanMeier(ev, merged);
        expect([...b.timesS]).toEqual([...a.timesS]);
        b.cdf.forEach((c, i) => expect(c).toBeCloseTo(a.cdf[i]!, 12));
      }),
      { numRuns: 200 },
    );
    const m = new WeightedSamples({ mergeEqual: true });
    m.add(-0, 1);
    m.add(0, 2);
    m.add(60, 3);
    m.add(0, 4);
    expect([...m.sortedPairs().values]).toEqual([-0, 60]); // −0 and 0 share the first one's slot
    expect([...m.sortedPairs().weights]).toEqual([7, 3]);
  });
});
