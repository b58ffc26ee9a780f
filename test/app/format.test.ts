// The app's clock text: hand-computed strings. Report numbers are tested in test/report/.
import { describe, expect, it } from 'vitest';
import { formatElapsed, formatSpeed, formatUtcSecond, formatUtcTime } from '../../src/app/ui/format.ts';

describe('clock text', () => {
  it('UTC clock to the second, floored', () => {
    const ms = Date.UTC(2026, 3, 2, 3, 4, 5, 999);
    expect(formatUtcSecond(ms)).toBe('2026-04-02T03:04:05Z');
    expect(formatUtcTime(ms)).toBe('03:04:05Z');
    expect(formatUtcSecond(Number.NaN)).toBe('-------T--:--:--Z');
  });

  it('elapsed time from the run start and the speed', () => {
    expect(formatElapsed(3 * 3600e3 + 5 * 60e3 + 7e3)).toBe('+3 h 05 min');
    expect(formatElapsed(42 * 60e3 + 9e3)).toBe('+42 min 09 s');
    expect(formatElapsed(-5e3)).toBe('+0 min 00 s');
    expect(formatSpeed(3600)).toBe('3600×');
  });
});
