// `ocsim reproduce`: the line format, the exit codes, and group selection.
import { describe, expect, it } from 'vitest';
import { runReproduceCommand } from '../../src/cli/reproduce-command.ts';
import { main } from '../../src/cli/main.ts';
import { resultSelected, selectGroups, VALIDATION_GROUPS } from '../../src/sim/validation/index.ts';

async function reproduce(only?: string[]) {
  let out = '';
  let err = '';
  const code = await runReproduceCommand({ out: (s) => (out += s), err: (s) => (err += s) }, only ? { only } : {});
  return { code, out, err, lines: out.trim().split('\n').filter(Boolean) };
}

const LINE = /^[a-z0-9.-]+\t[^\t]+\tpublished=[^\t]+\tsimulated=[^\t]+\tunit=[^\t]+\t(PASS|FAIL)$/;

describe('ocsim reproduce', () => {
  it('prints one documented line per figure and exits 0 when all pass (model-only groups)', async () => {
    const r = await reproduce(['cote', 'starcloud', 'mccalip']);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(5 + 4 + 10);
    for (const l of r.lines) expect(l).toMatch(LINE);
    expect(r.lines[0]).toMatch(/^cote\.rate\.el10\t.*\tpublished=75\tsimulated=74\.86\tunit=Mbit\/s\tPASS$/);
    expect(r.err).toMatch(/19 checks: 19 PASS, 0 FAIL/);
  });

  it('exits 1 and names the failure when a check fails', async () => {
    const failing = {
      id: 'x',
      title: 'x',
      run: async () => [
        { id: 'x.y', what: 'w', published: '1', simulated: '2', unit: 'u', publishedValue: 1, simulatedValue: 2, rule: '|Δ| ≤ 0.5', pass: false },
      ],
    };
    const groups = VALIDATION_GROUPS as unknown as (typeof failing)[];
    groups.push(failing);
    try {
      const r = await reproduce(['x']);
      expect(r.code).toBe(1);
      expect(r.out).toBe('x.y\tw\tpublished=1\tsimulated=2\tunit=u\tFAIL\n');
      expect(r.err).toMatch(/FAIL x\.y: simulated 2 u, published 1, rule/);
    } finally {
      groups.pop();
    }
  });

  it('exits 2 when --only selects nothing; prefixes select groups', async () => {
    expect((await reproduce(['nope'])).code).toBe(2);
    expect(selectGroups(['dove']).map((g) => g.id)).toEqual(['dove.pass', 'dove.deficit']);
    expect(selectGroups(['cote.rate']).map((g) => g.id)).toEqual(['cote']);
    expect(selectGroups().length).toBe(VALIDATION_GROUPS.length);
  });

  it('a finer prefix keeps only its lines; `ocsim reproduce` is wired into the CLI', async () => {
    expect(resultSelected('mccalip.orbital.lcoe', ['mccalip.orbital'])).toBe(true);
    expect(resultSelected('mccalip.terrestrial.lcoe', ['mccalip.orbital'])).toBe(false);
    expect(resultSelected('cote.rate.el10', ['cote.rate.el1'])).toBe(false);
    let out = '';
    let err = '';
    const code = await main(['node', 'ocsim', 'reproduce', '--only', 'cote.rate', 'mccalip.orbital'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      isTty: false,
    });
    expect(code).toBe(0);
    const ids = out
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]);
    expect(ids).toEqual([
      'cote.rate.el10',
      'cote.rate.el30',
      'cote.rate.el60',
      'cote.rate.el90',
      ...['satellites', 'mass', 'launch', 'ops', 'usd-per-w', 'lcoe'].map((k) => `mccalip.orbital.${k}`),
    ]);
    expect(err).toMatch(/10 checks: 10 PASS, 0 FAIL/);
  });
});
