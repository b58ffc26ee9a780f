// Impossible dates are refused, naming the field or flag, instead of rolling over (2026-04-31 → 1 May).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { calendarError, parseIsoUtc } from '../../src/sim/time.ts';
import { threeBody } from '../helpers/run.ts';

async function ocsim(...args: string[]) {
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: () => undefined, err: (s) => (err += s), isTty: false });
  return { code, err };
}

describe('impossible dates', () => {
  it('names the missing day, month or hour', () => {
    expect(calendarError('2026-04-31T00:00:00Z')).toBe('has no day 31 in 2026-04 (30 days)');
    expect(calendarError('2026-02-29T12:00:00Z')).toBe('has no day 29 in 2026-02 (28 days)');
    expect(calendarError('2028-02-29T12:00:00Z')).toBeNull(); // a leap year
    expect(calendarError('2026-13-01T00:00:00Z')).toBe('has no month 13');
    expect(calendarError('2026-04-02T24:00:00Z')).toBe('has an hour above 23 or a minute or second above 59');
    expect(calendarError('2026-04-02T10:00:00+24:00')).toBe('has an offset beyond ±23:59');
    expect(() => parseIsoUtc('2026-02-30T00:00:00Z', '--start')).toThrow('--start: "2026-02-30T00:00:00Z" has no day 30 in 2026-02 (28 days)');
  });

  it('refuses them in the scenario, by path', () => {
    const r = safeParseScenario(threeBody({ epochIso: '2026-04-31T00:00:00Z' }));
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'epochIso', message: '"2026-04-31T00:00:00Z" has no day 31 in 2026-04 (30 days)' }]);
  });

  it('refuses them in CLI time flags with exit 2 and one line', async () => {
    const c = await ocsim(
      'contacts',
      '--tle',
      'tle/three-body.tle',
      '--stations-csv',
      'public/data/ground-stations.csv',
      '--station',
      'cn-miyun',
      '--mask-deg',
      '10',
      '--start',
      '2026-02-30T00:00:00Z',
      '--hours',
      '1',
    );
    expect(c.code).toBe(2);
    expect(c.err).toContain('--start: "2026-02-30T00:00:00Z" has no day 30 in 2026-02 (28 days)');
    const r = await ocsim('route', '--from', 'cn-miyun', '--to', '0,0', '--at', '2026-04-31T00:00:00Z');
    expect([r.code, r.err.trim()]).toEqual([2, 'ocsim route: --at: "2026-04-31T00:00:00Z" has no day 31 in 2026-04 (30 days)']);
  });
});
