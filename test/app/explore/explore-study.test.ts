// The Explore view's studies: points built with the study core (values by hand), keys, file names, the URL form.
import { describe, expect, it } from 'vitest';
import { axisValues, buildStudy, DEFAULT_STUDY, inScope, studyFileName, studyKey, type ExploreStudy } from '../../../src/app/explore/explore-study.ts';
import { encodeUrlState, parseUrlState } from '../../../src/app/url-state.ts';
import { threeBodyScenario } from '../../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../../src/sim/scenario/schema.ts';
import { valuesAt } from '../../../src/sim/study/apply.ts';
import { defaultDistribution, quantileOf } from '../../../src/sim/study/distributions.ts';
import { paramStage, PARAMS } from '../../../src/sim/study/params.ts';

const base = parseScenario(threeBodyScenario);
const params = PARAMS.map((p) => ({ ...p, stage: paramStage(p.path), base: valuesAt(base, p.path) })).filter((p) => p.base.length > 0);
const sweep = (over: Partial<ExploreStudy>): ExploreStudy => ({ ...DEFAULT_STUDY, ...over });

describe('axis values', () => {
  it('geometric for a log-scale parameter, endpoints exact: launch price 10…1000 in 3 → 10, 100, 1000', () => {
    const v = axisValues({ path: 'economics.launchUsdPerKg', low: 10, high: 1000, n: 3 });
    expect(v[0]).toBe(10);
    expect(v[1]).toBeCloseTo(100, 9);
    expect(v[2]).toBe(1000);
  });

  it('linear for a linear one; integers rounded and kept once: antennas 1…4 in 7 → 1, 2, 3, 4', () => {
    expect(axisValues({ path: 'gpu.usdPerHour', low: 1, high: 3, n: 5 })).toEqual([1, 1.5, 2, 2.5, 3]);
    // 1, 1.5, 2, 2.5, 3, 3.5, 4 rounded (half up): 1, 2, 2, 3, 3, 4, 4
    expect(axisValues({ path: 'groundStations[*].antennas', low: 1, high: 4, n: 7 })).toEqual([1, 2, 3, 4]);
  });
});

describe('building a study', () => {
  it('a sweep of x by a few values of y, row-major (y fastest), the sliders applied first', () => {
    const b = buildStudy(
      sweep({
        x: { path: 'gpu.usdPerHour', low: 2, high: 3, n: 2 },
        y: { path: 'hubs[*].pue', low: 1.1, high: 1.2, n: 2 },
        fixed: [
          { path: 'backhaul.costUsdPerGB', value: 0.01 },
          { path: 'gpu.usdPerHour', value: 9 }, // the swept parameter: ignored
        ],
      }),
      base,
      params,
    );
    expect(b.xs).toEqual([2, 3]);
    expect(b.ys).toEqual([1.1, 1.2]);
    expect(b.columns).toEqual(['gpu.usdPerHour', 'hubs[*].pue', 'backhaul.costUsdPerGB']);
    expect(b.cells).toEqual([
      [2, 1.1, 0.01],
      [2, 1.2, 0.01],
      [3, 1.1, 0.01],
      [3, 1.2, 0.01],
    ]);
    expect(b.points[1]).toEqual([
      { path: 'backhaul.costUsdPerGB', value: 0.01 },
      { path: 'gpu.usdPerHour', value: 2 },
      { path: 'hubs[*].pue', value: 1.2 },
    ]);
  });

  it('a slider move keeps the shape (rows are overwritten in place) but not the key', () => {
    const a = buildStudy(sweep({ fixed: [{ path: 'gpu.usdPerHour', value: 2 }] }), base, params);
    const b = buildStudy(sweep({ fixed: [{ path: 'gpu.usdPerHour', value: 2.5 }] }), base, params);
    expect(a.shape).toBe(b.shape);
    expect(a.key).not.toBe(b.key);
    expect(buildStudy(sweep({}), base, params).shape).not.toBe(a.shape);
  });

  it('a tornado: the base, then every parameter the run has at its registry low and high', () => {
    const b = buildStudy(sweep({ kind: 'tornado' }), base, params);
    expect(b.columns).toEqual(['param', 'level', 'value']);
    expect(b.points).toHaveLength(1 + 2 * params.length);
    expect(b.cells[0]).toEqual(['(base)', 'base', '']);
    const i = b.cells.findIndex((c) => c[0] === 'economics.launchUsdPerKg' && c[1] === 'high');
    expect(b.points[i]).toEqual([{ path: 'economics.launchUsdPerKg', value: 10_000 }]);
  });

  it('uncertainty: Latin hypercube samples of the parameters in scope, one per stratum of each distribution', () => {
    const b = buildStudy(sweep({ kind: 'uncertainty', samples: 20, scope: 'pricing' }), base, params);
    const pricing = params.filter((p) => p.stage === 'pricing').map((p) => p.path);
    expect(b.columns).toEqual(pricing);
    expect(b.points).toHaveLength(20);
    const sorted = (path: string) => b.cells.map((c) => c[pricing.indexOf(path)] as number).sort((x, y) => x - y);
    // GPU rent (linear): triangular (1.7, the run's 2.35, 3); the k-th smallest sample lies in the k-th of 20 CDF strata.
    const cdf = (x: number) => (x <= 2.35 ? (x - 1.7) ** 2 / ((3 - 1.7) * (2.35 - 1.7)) : 1 - (3 - x) ** 2 / ((3 - 1.7) * (3 - 2.35)));
    expect(sorted('gpu.usdPerHour').map((x) => Math.floor(cdf(x) * 20))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Launch price (log scale): log-normal with $30 and $10,000/kg as its 5th and 95th percentiles.
    const launch = defaultDistribution(params.find((p) => p.path === 'economics.launchUsdPerKg')!);
    expect(launch).toEqual({ kind: 'lognormal', low: 30, high: 10_000 });
    sorted('economics.launchUsdPerKg').forEach((x, k) => {
      expect(x).toBeGreaterThan(quantileOf(launch, k / 20));
      expect(x).toBeLessThan(quantileOf(launch, (k + 1) / 20));
    });
    expect(buildStudy(sweep({ kind: 'uncertainty', samples: 20, scope: 'pricing' }), base, params).cells).toEqual(b.cells); // seeded
  });

  it('scopes, and the triangular mode at the run value (a [*] parameter: the mean), clamped into the range', () => {
    expect([inScope('pricing', 'processing'), inScope('routing', 'processing'), inScope('geometry', 'all')]).toEqual([true, false, true]);
    expect(defaultDistribution({ low: 1, high: 3, base: [2, 4], scale: 'linear' })).toEqual({ kind: 'triangular', low: 1, mode: 3, high: 3 });
    expect(defaultDistribution({ low: 1, high: 3, base: [1.5], scale: 'linear' })).toEqual({ kind: 'triangular', low: 1, mode: 1.5, high: 3 });
  });

  it('keys and file names', () => {
    expect(studyKey(sweep({ kind: 'tornado' }))).toBe(studyKey(sweep({ kind: 'tornado', samples: 5 })));
    const s = sweep({ y: { path: 'hubs[*].pue', low: 1, high: 2, n: 3 } });
    expect(studyFileName('three-body', 20250514, s, 'csv')).toBe('three-body-seed20250514-sweep-launchUsdPerKg-by-pue.csv');
    expect(studyFileName('my run', 1, sweep({ kind: 'uncertainty' }), 'parquet')).toBe('my-run-seed1-uncertainty-lhs64-processing.parquet');
    expect(studyFileName('x', 1, sweep({ kind: 'tornado', metric: 'latencyS.p50' }), 'png')).toBe('x-seed1-tornado-latencyS-p50.png');
  });
});

describe('the study in the URL', () => {
  const SWEEP = '?view=explore&study=sweep&x=economics.launchUsdPerKg:30:10000:41&y=hubs%5B*%5D.pue:1.04:1.25:3&fix=gpu.usdPerHour:2.5';

  it('a sweep decodes and re-encodes to the same string', () => {
    const s = parseUrlState(SWEEP);
    expect(s.view).toBe('explore');
    expect(s.explore).toEqual({
      ...DEFAULT_STUDY,
      y: { path: 'hubs[*].pue', low: 1.04, high: 1.25, n: 3 },
      fixed: [{ path: 'gpu.usdPerHour', value: 2.5 }],
    });
    expect(encodeUrlState(s)).toBe(SWEEP);
  });

  it('a GPU pricing held by name: the table shows the name, the point sets it, the URL says it by name', () => {
    const url = '?view=explore&study=sweep&x=groundStations%5B*%5D.costUsdPerMin:0.01:30:3&fix=gpu.pricing:reserved';
    const s = parseUrlState(url);
    expect(s.explore!.fixed).toEqual([{ path: 'gpu.pricing', value: 1 }]);
    expect(encodeUrlState(s)).toBe(url);
    const b = buildStudy(s.explore!, base, params);
    expect(b.columns).toEqual(['groundStations[*].costUsdPerMin', 'gpu.pricing']);
    expect(b.cells[0]).toEqual([0.01, 'reserved']);
    expect(b.points[0]![0]).toEqual({ path: 'gpu.pricing', value: 1 });
    // An unknown name is dropped, as a number that does not parse is.
    expect(parseUrlState('?study=sweep&fix=gpu.pricing:cheap,isl.rateGbps:20').explore!.fixed).toEqual([{ path: 'isl.rateGbps', value: 20 }]);
  });

  it('tornado and uncertainty keep only their keys', () => {
    expect(encodeUrlState({ view: 'explore', explore: sweep({ kind: 'tornado', metric: 'latencyS.p90' }) })).toBe(
      '?view=explore&study=tornado&metric=latencyS.p90',
    );
    const u = '?view=explore&study=uncertainty&samples=128&scope=all';
    expect(parseUrlState(u).explore).toEqual({ ...DEFAULT_STUDY, kind: 'uncertainty', samples: 128, scope: 'all' });
    expect(encodeUrlState(parseUrlState(u))).toBe(u);
  });

  it('bad values fall back to the defaults; an unknown study is no study', () => {
    const s = parseUrlState('?study=sweep&x=nope:1:2:3&y=gpu.usdPerHour:3:1:2&fix=gpu.usdPerHour:abc,isl.rateGbps:20&samples=0&scope=some');
    expect(s.explore).toEqual({ ...DEFAULT_STUDY, fixed: [{ path: 'isl.rateGbps', value: 20 }] });
    expect(parseUrlState('?study=pie').explore).toBeUndefined();
    expect(parseUrlState('?study=sweep&y=gpu.usdPerHour:1:3:9').explore!.y).toBeNull(); // more curves than MAX_SERIES
  });
});

describe('the table of the rows received', async () => {
  const { completeSensitivityTable, studyTable, sweepValues } = await import('../../../src/app/explore/study-table.ts');

  it('lists the points received in point order, cells then metrics', () => {
    const b = buildStudy(sweep({ x: { path: 'gpu.usdPerHour', low: 2, high: 3, n: 2 }, y: { path: 'hubs[*].pue', low: 1.1, high: 1.2, n: 2 } }), base, params);
    const rows = [[1, 2], undefined, [5, null], [7, 8]];
    expect(studyTable(b, ['onboard.c', 'ground.c'], rows)).toEqual({
      columns: ['gpu.usdPerHour', 'hubs[*].pue', 'onboard.c', 'ground.c'],
      rows: [
        [2, 1.1, 1, 2],
        [3, 1.1, 5, null],
        [3, 1.2, 7, 8],
      ],
    });
    // metric 1 along x for the second y value (points 1 and 3), and for the first (points 0 and 2)
    expect(sweepValues(b, rows, 1, 1)).toEqual([undefined, 8]);
    expect(sweepValues(b, rows, 1, 0)).toEqual([2, null]);
  });

  it('a tornado drawn while running keeps whole bars only', () => {
    const t = {
      columns: ['param', 'level', 'value', 'm'],
      rows: [
        ['a', 'low', 1, 5],
        ['b', 'low', 1, 6],
        ['a', 'high', 2, 7],
      ],
    };
    expect(completeSensitivityTable(t)).toBeNull();
    const withBase = { ...t, rows: [['(base)', 'base', '', 4], ...t.rows] };
    expect(completeSensitivityTable(withBase)!.rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['(base)/base', 'a/low', 'a/high']);
  });
});
