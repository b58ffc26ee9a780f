// The comparison rows: what each prints for one hand-made mode, which rows the CLI shows, titles, the cost
// breakdown's items, and which mode is best.
import { describe, expect, it } from 'vitest';
import { bestIndex, bestModeIndex, CLI_MODE_ROWS, COST_ROWS, MODE_ROWS, rowTitle } from '../../src/sim/report/mode-rows.ts';
import { fakeMode } from '../app/fixtures.ts';

describe('mode rows', () => {
  it('print every quantity of a mode (fixture hybrid: base numbers × 2)', () => {
    const m = fakeMode('hybrid', 2);
    expect(MODE_ROWS.map((r) => [rowTitle(r.label), r.value(m, { durationH: 24 })])).toEqual([
      ['Latency p50', '3.2 min'],
      ['Latency p90', '63.3 min'],
      ['Latency p99', '5.00 h'],
      ['Insight ≤ 5 min', '25.0 %'],
      ['Insight ≤ 1 h', '40.0 %'],
      ['Insight ≤ 6 h', '42.5 %'],
      ['Insight ≤ 24 h', '≥ 45.0 %'],
      ['Tiles resolved', '45.0 %'],
      ['Captured', '4200.00 GB'],
      ['Downlinked', '220.00 GB'],
      ['Bandwidth saved', '20.0 %'],
      ['Dropped', '6.00 GB'],
      ['Backlog at end', '1000.00 GB'],
      ['Backlog max', '1200.00 GB'],
      ['Relayed over ISL', '2.47 GB'],
      ['Tokens in orbit', '500.0 M'],
      ['Tokens on ground', '200.0 M'],
      ['GPU hours', '25.0'],
      ['GPU utilisation', '2.0 %'],
      ['Energy', '1666.7 kWh'],
      ['Cost total', '$43.02'],
      ['$ per M tokens', '$0.123'],
      ['Electricity per M ground tokens', '$0.00500'],
      ['Revenue', 'n/a'],
      ['Margin', 'n/a'],
      ['Margin per M tokens', 'n/a'],
    ]);
  });

  it('the CLI shows every row but backlog max, GPU hours and electricity per token, in the same order', () => {
    expect(CLI_MODE_ROWS.map((r) => r.label)).toEqual(
      MODE_ROWS.map((r) => r.label).filter((l) => l !== 'backlog max' && l !== 'GPU hours' && l !== 'electricity per M ground tokens'),
    );
  });

  it('compares the raw number of rows that have a better direction', () => {
    const [ground, onboard] = [fakeMode('ground', 3), fakeMode('onboard', 1)];
    const latency = MODE_ROWS.find((r) => r.label === 'latency p50')!;
    expect([latency.raw!(ground), latency.raw!(onboard)]).toEqual([285, 95]);
    expect(bestIndex([latency.raw!(ground), latency.raw!(onboard)], latency.better!)).toBe(1);
    for (const r of MODE_ROWS) expect(r.better === undefined, r.label).toBe(r.raw === undefined);
  });

  it('titles upper-case only the first letter', () => {
    expect(rowTitle('latency p50')).toBe('Latency p50');
    expect(rowTitle('GPU hours')).toBe('GPU hours');
    expect(rowTitle('$ per M tokens')).toBe('$ per M tokens');
  });

  it('the cost items add up to the total (fixture: 10 + 5 + 1 + 2 + 0.5 + 3 + 0.01 = 21.51)', () => {
    const cost = fakeMode('onboard', 1).costUsd;
    expect(COST_ROWS.map((c) => c.label)).toEqual([
      'Compute payload (amortised)',
      'Launch (amortised)',
      'Operations',
      'GPU rental',
      'Electricity × PUE',
      'Ground-station time',
      'Backhaul',
    ]);
    expect(COST_ROWS.reduce((sum, c) => sum + cost[c.key], 0)).toBeCloseTo(cost.totalUsd, 12);
  });

  it('bestIndex picks the lowest or highest, ignores null and NaN, and gives none when all are equal', () => {
    expect(bestIndex([3, 1, 2], 'lower')).toBe(1);
    expect(bestIndex([3, 1, 2], 'higher')).toBe(0);
    expect(bestIndex([null, 5, 4], 'lower')).toBe(2);
    expect(bestIndex([Number.NaN, 5, 4], 'higher')).toBe(1);
    expect(bestIndex([0, 0, 0], 'lower')).toBeNull();
    expect(bestIndex([null, 1], 'lower')).toBeNull();
    expect(bestIndex([Infinity, 5], 'lower')).toBe(1); // a value not reached is worse, never best
    expect(bestIndex([Infinity, Infinity], 'lower')).toBeNull();
  });

  it('never stars a censored latency, and prints it as more than its horizon', () => {
    const p50 = MODE_ROWS.find((r) => r.label === 'latency p50')!;
    const fast = fakeMode('onboard', 1); // p50 95 s, reached
    const lucky = { ...fakeMode('ground', 1), latencyS: { p50: null, p90: null, p99: null, censored: { p50: true, p90: true, p99: true }, horizonS: 77_760 } };
    expect(p50.value(lucky, { durationH: 24 })).toBe('> 21.60 h'); // 10 % of the tiles were followed 21.6 h or more
    const within = MODE_ROWS.find((r) => r.label === 'insight ≤ 24 h')!;
    expect(within.value(fast, { durationH: 24 })).toBe('≥ 90.0 %'); // past the horizon: a lower bound
    expect(MODE_ROWS.find((r) => r.label === 'insight ≤ 6 h')!.value(fast, { durationH: 24 })).toBe('85.0 %');
    expect(bestModeIndex(p50, [lucky, fast])).toBe(1);
    expect(bestModeIndex(p50, [lucky, lucky])).toBeNull();
    // Reached by nobody but one: it is the fastest at the median.
    expect(bestModeIndex(p50, [lucky, { ...fast, latencyS: { ...fast.latencyS, p50: 4000 } }])).toBe(1);
  });
});
