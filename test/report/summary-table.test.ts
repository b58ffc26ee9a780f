// The `ocsim run` summary text, laid out by hand for the fixture summary (test/app/fixtures.ts: ground ×3,
// onboard ×1, hybrid ×2 of the base numbers).
import { describe, expect, it } from 'vitest';
import { formatSummaryTable } from '../../src/sim/report/summary-table.ts';
import { fakeMode, fakeSummary } from '../app/fixtures.ts';

describe('formatSummaryTable', () => {
  it('prints the head lines and one right-aligned column per mode (labels 16 + 2, columns 12)', () => {
    expect(formatSummaryTable(fakeSummary()).split('\n')).toEqual([
      'scenario three-body, seed 20250514, 2026-04-02T00:00:00Z + 24 h, step 30 s',
      'satellites: 12 loaded, 0 quarantined, 0 lost; sunlit 60.0 %, imaging 20.0 % of the time',
      'contacts: 40 windows (5.5 h), 35 downlink sessions (4.5 h), 5 lost to antenna contention',
      '',
      '                        ground     onboard      hybrid',
      'latency p50            4.8 min      95.0 s     3.2 min',
      'latency p90           95.0 min    31.7 min    63.3 min',
      'latency p99             7.50 h      2.50 h      5.00 h',
      'insight ≤ 5 min         16.7 %      50.0 %      25.0 %',
      'insight ≤ 1 h           26.7 %      80.0 %      40.0 %',
      'insight ≤ 6 h           28.3 %      85.0 %      42.5 %',
      'insight ≤ 24 h        ≥ 30.0 %    ≥ 90.0 %    ≥ 45.0 %',
      'tiles resolved          30.0 %      90.0 %      45.0 %',
      'captured            4200.00 GB  4200.00 GB  4200.00 GB',
      'downlinked           330.00 GB   110.00 GB   220.00 GB',
      'bandwidth saved          0.0 %      40.0 %      20.0 %',
      'dropped                9.00 GB     3.00 GB     6.00 GB',
      'backlog at end      1500.00 GB   500.00 GB  1000.00 GB',
      'relayed over ISL       0.00 GB     1.23 GB     2.47 GB',
      'tokens in orbit        750.0 M     250.0 M     500.0 M',
      'tokens on ground       300.0 M     100.0 M     200.0 M',
      'GPU utilisation          3.0 %       1.0 %       2.0 %',
      'energy              2500.0 kWh   833.3 kWh  1666.7 kWh',
      'cost total              $64.53      $21.51      $43.02',
      '$ per M tokens          $0.184     $0.0614      $0.123',
      '',
    ]);
  });

  it('widens every column to the longest cell + 2, and prints n/a for what is missing', () => {
    const onboard = {
      ...fakeMode('onboard', 1),
      latencyS: { p50: null, p90: null, p99: null, censored: { p50: false, p90: false, p99: false }, horizonS: 0 },
      backlogBytesEnd: 1.5e15,
      costUsdPerMTok: null,
    };
    const lines = formatSummaryTable({ ...fakeSummary(), modes: { onboard } }).split('\n');
    expect(lines.slice(4, 8)).toEqual([
      '                          onboard',
      'latency p50                   n/a',
      'latency p90                   n/a',
      'latency p99                   n/a',
    ]);
    expect(lines[17]).toBe('backlog at end      1500000.00 GB');
    expect(lines[24]).toBe('$ per M tokens                n/a');
  });

  it('prints revenue and margin rows only when a mode has a sale price (a loss with a minus sign)', () => {
    const s = fakeSummary();
    expect(formatSummaryTable(s)).not.toContain('margin');
    const onboard = { ...fakeMode('onboard', 1), revenue: { saleUsdPerMTok: 0.3, revenueUsd: 105, marginUsd: 83.49, marginUsdPerMTok: 0.2386 } };
    const ground = { ...fakeMode('ground', 3), revenue: { saleUsdPerMTok: 0.3, revenueUsd: 315, marginUsd: -4533, marginUsdPerMTok: -12.95 } };
    const lines = formatSummaryTable({ ...s, modes: { ground, onboard } }).split('\n');
    expect(lines.slice(-4)).toEqual([
      'revenue                      $315        $105',
      'margin                     −$4533      $83.49',
      'margin per M tokens       −$12.95      $0.239',
      '',
    ]);
  });
});
