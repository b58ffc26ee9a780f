// What the sweep charts draw: series per mode and second-parameter value, uPlot data with gaps, and the crossover
// notes in words (hand-interpolated), refined values preferred.
import { describe, expect, it } from 'vitest';
import { buildStudy, DEFAULT_STUDY } from '../../../src/app/explore/explore-study.ts';
import { crossoverNotes, seriesData, sweepLayout } from '../../../src/app/explore/sweep-layout.ts';
import { threeBodyScenario } from '../../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../../src/sim/scenario/schema.ts';

const metrics = [
  'onboard.costUsdPerMTok',
  'ground.costUsdPerMTok',
  'onboard.latencyS.p50',
  'ground.latencyS.p50',
  'onboard.latencyS.p90',
  'ground.latencyS.p90',
];
const base = parseScenario(threeBodyScenario);
// launch price 100, 1000, 10000 (log) by antenna price 2 and 30 $/min: point index = ix × 2 + iy
const built = buildStudy(
  {
    ...DEFAULT_STUDY,
    x: { path: 'economics.launchUsdPerKg', low: 100, high: 10_000, n: 3 },
    y: { path: 'groundStations[*].costUsdPerMin', low: 2, high: 30, n: 2 },
  },
  base,
  [],
);
// cost: orbit 1, 3, 5 against ground 2 (iy 0) and 9 (iy 1); latency: orbit 10 against ground 20 throughout
const row = (orbit: number, ground: number) => [orbit, ground, 10, 20, 15, 40];
const rows = [row(1, 2), row(1, 9), row(3, 2), row(3, 9), row(5, 2), undefined];

describe('sweep layout', () => {
  it('a series per mode the run has and per value of the second parameter', () => {
    const l = sweepLayout(built, metrics);
    expect(l.cost.map((s) => s.label)).toEqual(['Onboard · $2.00/min', 'Ground · $2.00/min', 'Onboard · $30.00/min', 'Ground · $30.00/min']);
    expect(l.yLabels).toEqual(['antenna time price $2.00/min', 'antenna time price $30.00/min']);
    expect(l.latency).toHaveLength(8);
    expect(l.latency[1]).toMatchObject({ label: 'Onboard p90 · $2.00/min', metric: 4, iy: 0, dash: [4, 4] });
    expect([l.orbitCost, l.groundCost, l.orbitP50, l.groundP50]).toEqual([0, 1, 2, 3]);
  });

  it('data for uPlot: x, then each series with null where a point is missing', () => {
    const l = sweepLayout(built, metrics);
    const d = seriesData(l.cost, built, rows, true);
    expect(d[0]).toEqual(built.xs);
    expect(d.slice(1)).toEqual([
      [1, 3, 5],
      [2, 2, 2],
      [1, 3, null],
      [9, 9, null],
    ]);
  });

  it('crossover notes: interpolated in log x, per second-parameter value; who wins where none', () => {
    const notes = crossoverNotes(sweepLayout(built, metrics), built, rows);
    // iy 0: d = −1, +1, +3 → zero halfway (in log x) between 100 and 1000: 316.2 $/kg
    expect(notes.map((n) => n.text)).toEqual([
      'orbit is cheaper below $316/kg when antenna time price $2.00/min',
      'orbit is faster over the whole range when antenna time price $2.00/min',
      'orbit is cheaper over the whole range when antenna time price $30.00/min',
      'orbit is faster over the whole range when antenna time price $30.00/min',
    ]);
    expect(notes[0]!.crossing!.x).toBeCloseTo(Math.sqrt(100 * 1000), 9);
    const refined = crossoverNotes(sweepLayout(built, metrics), built, rows, new Map([['cost|0|0', 301.4]]));
    expect(refined[0]).toMatchObject({ refined: 301.4, text: 'orbit is cheaper below $301/kg when antenna time price $2.00/min' });
  });
});

describe('slider scale', async () => {
  const { sliderPosition, sliderValue } = await import('../../../src/app/explore/slider-scale.ts');
  const antenna = { low: 2, high: 30, scale: 'log' as const, integer: false };
  const gpu = { low: 1.7, high: 3, scale: 'linear' as const, integer: false };

  it('log parameters are geometric: halfway between $2 and $30/min is √60 ≈ $7.75/min', () => {
    expect(sliderValue(500, antenna)).toBe(7.75);
    expect(sliderValue(0, antenna)).toBe(2);
    expect(sliderValue(1000, antenna)).toBe(30);
    expect(sliderPosition(7.745966, antenna)).toBe(500);
  });

  it('linear ones are linear; positions clamp to the range', () => {
    expect(sliderValue(500, gpu)).toBe(2.35);
    expect(sliderPosition(2.35, gpu)).toBe(500);
    expect(sliderPosition(10, gpu)).toBe(1000);
    expect(sliderValue(333, { low: 1, high: 64, scale: 'log', integer: true })).toBe(4); // 64^0.333 = 3.99
  });
});

describe('tornado rows', async () => {
  const { tornado } = await import('../../../src/sim/study/analysis.ts');
  const { flipSentences, tornadoRows } = await import('../../../src/app/explore/tornado-rows.ts');
  // base: orbit 2, ground 3. Launch price moves orbit 1.5…4 (high flips the winner); GPU rent moves ground 2.9…3.2.
  const table = {
    columns: ['param', 'level', 'value', 'onboard.m', 'ground.m'],
    rows: [
      ['(base)', 'base', '', 2, 3],
      ['economics.launchUsdPerKg', 'low', 30, 1.5, 3],
      ['economics.launchUsdPerKg', 'high', 10_000, 4, 3],
      ['gpu.usdPerHour', 'low', 1.7, 2, 2.9],
      ['gpu.usdPerHour', 'high', 3, 2, 3.2],
    ],
  };
  const t = tornado(table, 'm', ['onboard', 'ground']);

  it('one row per parameter with both modes, ranked by the larger swing', () => {
    const rows = tornadoRows(t, ['onboard', 'ground'], 10);
    expect(rows.map((r) => [r.path, r.swing])).toEqual([
      ['economics.launchUsdPerKg', 2.5],
      ['gpu.usdPerHour', expect.closeTo(0.3, 12)],
    ]);
    expect(rows[0]!.bars).toEqual([
      { mode: 'onboard', atLow: 1.5, atHigh: 4 },
      { mode: 'ground', atLow: 3, atHigh: 3 },
    ]);
    expect(tornadoRows(t, ['onboard', 'ground'], 1)).toHaveLength(1);
  });

  it('says which assumptions flip the winner', () => {
    expect(flipSentences(t, 'cheaper')).toEqual(['launch price at its high ($10000/kg): ground is cheaper']);
  });
});
