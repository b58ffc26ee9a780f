// Every command judges element sets at the times it uses them; a satellite lost mid-run is named with its time;
// a route from a place to itself is refused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { threeBody, withChecksum } from '../helpers/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-cmd-'));

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { code, out, err };
}

describe('commands and their times', () => {
  it('quarantines element sets that are stale at ocsim route --at, instead of routing over them', async () => {
    const r = await ocsim('route', '--from', 'cn-miyun', '--to', '0,0', '--at', '2036-04-02T00:00:00Z');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/epoch 2026-.* is 36\d\d\.\d days before the reference 2036-04-02T00:00:00\.000Z \(limit 30 days\): quarantined/);
    expect(r.err).toContain('ocsim route: no satellite could be loaded: nothing to route over');
  });

  it('checks the end of the route window too', async () => {
    const r = await ocsim(
      'route',
      '--from',
      'cn-miyun',
      '--to',
      '0,0',
      '--at',
      '2026-04-20T00:00:00Z',
      '--duration-s',
      String(20 * 86_400),
      '--step-s',
      '86400',
    );
    expect(r.err).toContain('(at the end of --duration-s)');
  });

  it('refuses a route from a place to itself', async () => {
    const r = await ocsim('route', '--from', 'cn-miyun', '--to', 'cn-miyun');
    expect([r.code, r.err.trim()]).toEqual([2, 'ocsim route: --from and --to are the same place (cn-miyun): there is nothing to route']);
  });

  it('names a satellite lost mid-run and its time on the console, and in the export', async () => {
    const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n');
    const l1 = withChecksum(tle[1]!.slice(0, 53) + ' 99999-0' + tle[1]!.slice(61, 68));
    const l2 = withChecksum(tle[2]!.slice(0, 52) + '16.25000000' + tle[2]!.slice(63, 68));
    const file = join(dir, 'doomed.json');
    writeFileSync(
      file,
      JSON.stringify(threeBody({ durationH: 24, constellation: { sources: [{ kind: 'tle', text: ['DOOMED', l1, l2, ...tle.slice(3, 6)].join('\n') }] } })),
    );
    const r = await ocsim('run', '--scenario', file, '--out', join(dir, 'doomed-run.json'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^lost: DOOMED \(NORAD 63982\) at 2026-04-0\dT\d\d:\d\d:\d\d\.000Z: .+$/m);
    const sat = JSON.parse(readFileSync(join(dir, 'doomed-run.json'), 'utf8')).satellites[0];
    expect(sat.lostAtUtc).toMatch(/^2026-04-0\d/);
    expect(sat.lostReason).toBeTruthy();
  });
});
