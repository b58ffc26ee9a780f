// The app's formatters: hand-computed strings, and the same text as the CLI table for the same summary.
import { describe, expect, it } from 'vitest';
import { formatSummaryTable } from '../../src/cli/format.ts';
import {
  formatBytes,
  formatDurationS,
  formatElapsed,
  formatGB,
  formatKWh,
  formatMTok,
  formatPercent,
  formatUsd,
  formatUtcSecond,
  formatUtcTime,
} from '../../src/app/ui/format.ts';
import { COMPARE_ROWS, bestIndex } from '../../src/app/ui/metric-rows.ts';
import { fakeSummary } from './fixtures.ts';

describe('formatters', () => {
  it('durations switch unit at 2 min and 2 h', () => {
    expect(formatDurationS(0)).toBe('0.0 s');
    expect(formatDurationS(119.94)).toBe('119.9 s');
    expect(formatDurationS(120)).toBe('2.0 min');
    expect(formatDurationS(7199)).toBe('120.0 min');
    expect(formatDurationS(7200)).toBe('2.00 h');
    expect(formatDurationS(null)).toBe('n/a');
    expect(formatDurationS(Number.NaN)).toBe('n/a');
  });

  it('money: whole dollars from 100, cents from 1, three significant digits below', () => {
    expect(formatUsd(1234.5)).toBe('$1235');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(0.012345)).toBe('$0.0123');
    expect(formatUsd(null)).toBe('n/a');
  });

  it('bytes, fractions, tokens and energy', () => {
    expect(formatGB(1.5e9)).toBe('1.50 GB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.50 kB');
    expect(formatBytes(2.5e12)).toBe('2.50 TB');
    expect(formatBytes(123.4e9)).toBe('123 GB');
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatMTok(12_340_000)).toBe('12.3 M');
    expect(formatKWh(3.6e6 * 2.25)).toBe('2.3 kWh');
  });

  it('UTC clock to the second, floored', () => {
    const ms = Date.UTC(2026, 3, 2, 3, 4, 5, 999);
    expect(formatUtcSecond(ms)).toBe('2026-04-02T03:04:05Z');
    expect(formatUtcTime(ms)).toBe('03:04:05Z');
    expect(formatElapsed(3 * 3600e3 + 5 * 60e3 + 7e3)).toBe('+3 h 05 min');
    expect(formatElapsed(42 * 60e3 + 9e3)).toBe('+42 min 09 s');
  });

  it('every comparison row prints exactly what the CLI table prints for the same summary', () => {
    const summary = fakeSummary();
    const cli = formatSummaryTable(summary);
    for (const mode of ['ground', 'onboard', 'hybrid'] as const) {
      const m = summary.modes[mode]!;
      for (const row of COMPARE_ROWS) {
        if (row.label === 'GPU hours' || row.label === 'Backlog max' || row.label === 'Latency p99') continue;
        expect(cli, `${row.label} / ${mode}`).toContain(row.value(m));
      }
    }
  });

  it('bestIndex picks the lowest or highest, ignores null, and gives none when all are equal', () => {
    expect(bestIndex([3, 1, 2], 'lower')).toBe(1);
    expect(bestIndex([3, 1, 2], 'higher')).toBe(0);
    expect(bestIndex([null, 5, 4], 'lower')).toBe(2);
    expect(bestIndex([0, 0, 0], 'lower')).toBeNull();
    expect(bestIndex([null, 1], 'lower')).toBeNull();
  });
});
