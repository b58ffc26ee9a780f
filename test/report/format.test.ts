// Report formatters: hand-computed strings, unit boundaries, rounding, and "n/a" for what is not a number.
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDurationS,
  formatGB,
  formatKWh,
  formatMTok,
  formatNumber,
  formatPercent,
  formatTokens,
  formatUsd,
} from '../../src/sim/report/format.ts';

describe('report formatters', () => {
  it('durations switch unit at 2 min and 2 h', () => {
    expect(formatDurationS(0)).toBe('0.0 s');
    expect(formatDurationS(119.94)).toBe('119.9 s');
    expect(formatDurationS(120)).toBe('2.0 min');
    expect(formatDurationS(7199)).toBe('120.0 min');
    expect(formatDurationS(7200)).toBe('2.00 h');
    expect(formatDurationS(43_020)).toBe('11.95 h');
  });

  it('money: whole dollars from 100, cents from 1, three significant digits below', () => {
    expect(formatUsd(1234.5)).toBe('$1235');
    expect(formatUsd(100)).toBe('$100');
    expect(formatUsd(99.999)).toBe('$100.00');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(0.012345)).toBe('$0.0123');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-4788.9)).toBe('−$4789');
    expect(formatUsd(-0.5)).toBe('−$0.500');
  });

  it('bytes in GB for tables, with an SI unit that fits elsewhere', () => {
    expect(formatGB(1.5e9)).toBe('1.50 GB');
    expect(formatGB(6_603_770_000_000)).toBe('6603.77 GB');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.50 kB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(123.4e9)).toBe('123 GB');
    expect(formatBytes(2.5e12)).toBe('2.50 TB');
    expect(formatBytes(3e18)).toBe('3000 PB');
    expect(formatBytes(-2e6)).toBe('−2.00 MB');
  });

  it('fractions, tokens, energy and plain numbers', () => {
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatMTok(12_340_000)).toBe('12.3 M');
    expect(formatTokens(3.8594e9)).toBe('3.86 G');
    expect(formatTokens(152_300_000)).toBe('152.3 M');
    expect(formatTokens(512_000)).toBe('512 k');
    expect(formatTokens(999)).toBe('999');
    expect(formatKWh(3.6e6 * 2.25)).toBe('2.3 kWh');
    expect(formatNumber(12.25, 1)).toBe('12.3');
  });

  it('prints n/a, never NaN or Infinity, for null, undefined and non-finite input', () => {
    const formatters = [
      formatDurationS,
      formatGB,
      formatBytes,
      formatPercent,
      formatUsd,
      formatMTok,
      formatTokens,
      formatKWh,
      (x: number | null | undefined) => formatNumber(x, 1),
    ];
    for (const f of formatters) for (const x of [null, undefined, Number.NaN, Infinity, -Infinity]) expect(f(x), `${f.name}(${x})`).toBe('n/a');
  });
});
