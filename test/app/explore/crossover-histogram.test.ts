// The Explore view's pure pieces: crossings of orbit and ground along a sweep (hand-interpolated), their sentences,
// and histogram binning (hand-counted).
import { describe, expect, it } from 'vitest';
import { crossingLabel, crossings, formatParamValue, formatTick, noCrossingLabel } from '../../../src/app/explore/crossover.ts';
import { histogram } from '../../../src/app/explore/histogram.ts';
import { findParam } from '../../../src/sim/study/params.ts';

const launch = findParam('economics.launchUsdPerKg')!;

describe('crossings of orbit − ground along a sweep', () => {
  it('interpolates linearly: orbit 1, 2, 3 against ground 2.5 crosses at 2.5 between points 1 and 2', () => {
    // x 10, 20, 30; d = −1.5, −0.5, +0.5 → zero a half of the way from 20 to 30.
    expect(crossings([10, 20, 30], [1, 2, 3], [2.5, 2.5, 2.5], false)).toEqual([{ x: 25, i: 1, j: 2, orbitWins: 'below' }]);
  });

  it('interpolates in log x on a log scale: halfway between 100 and 10,000 is 1,000', () => {
    const [c] = crossings([100, 10_000], [1, 3], [2, 2], true);
    expect(c!.x).toBeCloseTo(1000, 9);
    expect(c!.orbitWins).toBe('below');
  });

  it('orbit winning above: orbit falls through ground', () => {
    expect(crossings([0, 1], [5, 1], [3, 3], false)).toEqual([{ x: 0.5, i: 0, j: 1, orbitWins: 'above' }]);
  });

  it('skips points not computed yet, and a point exactly on the crossing is the crossing', () => {
    expect(crossings([1, 2, 3, 4], [1, undefined, 3, 5], [2, undefined, 3, 4], false)).toEqual([{ x: 3, i: 2, j: 2, orbitWins: 'below' }]);
    expect(crossings([1, 2, 3], [1, undefined, 3], [2, 2, 2], false)).toEqual([{ x: 2, i: 0, j: 2, orbitWins: 'below' }]);
  });

  it('a null metric loses (counts as +∞): the crossing is midway between the points', () => {
    expect(crossings([2, 4], [1, null], [3, 3], false)).toEqual([{ x: 3, i: 0, j: 1, orbitWins: 'below' }]);
  });

  it('finds several crossings, and none when one side wins throughout', () => {
    expect(crossings([0, 1, 2], [1, 3, 1], [2, 2, 2], false).map((c) => [c.x, c.orbitWins])).toEqual([
      [0.5, 'below'],
      [1.5, 'above'],
    ]);
    expect(crossings([0, 1], [1, 1], [2, 2], false)).toEqual([]);
  });
});

describe('sentences', () => {
  it('says where orbit wins, in the parameter unit (report formatters)', () => {
    expect(crossingLabel({ x: 312.4, i: 0, j: 1, orbitWins: 'below' }, launch, 'cheaper')).toBe('orbit is cheaper below $312/kg');
    expect(crossingLabel({ x: 2.354, i: 0, j: 1, orbitWins: 'above' }, findParam('gpu.usdPerHour')!, 'cheaper')).toBe('orbit is cheaper above $2.35/h');
    expect(formatParamValue(612.34, findParam('satellite.compute.topsInt8')!)).toBe('612 TOPS');
    expect(formatParamValue(0.6, findParam('workload.cloudyFraction')!)).toBe('60.0 %');
    expect(formatParamValue(1.125, findParam('hubs[*].pue')!)).toBe('1.13');
    expect(formatParamValue(2.6, findParam('groundStations[*].antennas')!)).toBe('3 antennas');
    expect(formatParamValue(20e6, findParam('satellite.downlink.bandwidthHz')!)).toBe('20 MHz');
    expect(formatParamValue(1500, findParam('workload.resultBytesPerTile')!)).toBe('1.50 kB');
  });

  it('axis ticks: three significant digits with k / M / G, nothing for an unlabelled tick', () => {
    expect([30, 1000, 2_500_000, 3e9, 0.00123].map(formatTick)).toEqual(['30', '1 k', '2.5 M', '3 G', '0.00123']);
    expect(formatTick(null)).toBe('');
  });

  it('without a crossing: which side wins over the whole range; nothing before a point is computed', () => {
    expect(noCrossingLabel([1, 2], [3, 4], 'cheaper')).toBe('orbit is cheaper over the whole range');
    expect(noCrossingLabel([5, undefined], [3, 4], 'faster')).toBe('ground is faster over the whole range');
    expect(noCrossingLabel([undefined], [undefined], 'cheaper')).toBeNull();
  });
});

describe('histogram', () => {
  it('equal-width bins over both series; the maximum falls in the last bin', () => {
    // edges 1, 2, 3, 4: 1 → bin 0, 1.5 → 0, 2 → 1, 3 → 2, 4 → 2
    const h = histogram(
      [
        [1, 2, 3, 4],
        [1.5, 3, null],
      ],
      3,
    );
    expect(h.edges).toEqual([1, 2, 3, 4]);
    expect(h.centres).toEqual([1.5, 2.5, 3.5]);
    expect(h.counts).toEqual([
      [1, 1, 2],
      [1, 0, 1],
    ]);
    expect(h.missing).toEqual([0, 1]);
    expect(h.log).toBe(false);
  });

  it('log bins when positive values span more than a decade: 1…1000 in three bins of one decade', () => {
    const h = histogram([[1, 5, 20, 500, 1000]], 3);
    expect(h.log).toBe(true);
    expect(h.edges[1]).toBeCloseTo(10, 9);
    expect(h.edges[2]).toBeCloseTo(100, 9);
    expect(h.centres[0]).toBeCloseTo(Math.sqrt(10), 9);
    expect(h.counts).toEqual([[2, 1, 2]]);
  });

  it('one value: one bin around it; no value: no bins', () => {
    expect(histogram([[2, 2]], 10)).toMatchObject({ edges: [1.9, 2.1], counts: [[2]] });
    expect(histogram([[null]], 10)).toMatchObject({ edges: [], counts: [[]], missing: [1] });
  });
});

describe('uncertainty view', async () => {
  const { uncertaintyView } = await import('../../../src/app/explore/uncertainty-view.ts');
  const metrics = ['x', 'onboard.costUsdPerMTok', 'ground.costUsdPerMTok', 'onboard.latencyS.p50', 'ground.latencyS.p50'];

  it('shares of orbit cheaper and faster, spreads and the cost histogram of the samples received', () => {
    // cost orbit < ground in samples 0 and 2 (of 4); latency orbit < ground in all but sample 3 (a tie counts for neither)
    const rows = [[0, 1, 2, 10, 20], undefined, [0, 3, 4, 10, 20], [0, 5, 4, 10, 10], [0, 7, 6, 5, 50]];
    const v = uncertaintyView(metrics, rows, 3)!;
    expect(v.summary.samples).toBe(4);
    expect(v.summary.pOrbitCheaper).toBe(0.5);
    expect(v.summary.pOrbitFaster).toBe(0.75);
    // onboard cost 1, 3, 5, 7: p50 = 4 (type 7), p5 = 1 + 0.15 × 2 = 1.3
    expect(v.summary.spreads['onboard.costUsdPerMTok']).toMatchObject({ p50: 4, n: 4 });
    expect(v.summary.spreads['onboard.costUsdPerMTok']!.p5).toBeCloseTo(1.3, 12);
    // bins 1–3, 3–5, 5–7 over both series: orbit 1 | 3 | 5, 7 ; ground 2 | 4, 4 | 6
    expect(v.costHistogram.counts).toEqual([
      [1, 1, 2],
      [1, 2, 1],
    ]);
    expect(uncertaintyView(metrics, [undefined], 3)).toBeNull();
    expect(uncertaintyView(['x'], rows, 3)).toBeNull();
  });
});
