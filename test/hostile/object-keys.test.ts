// Names that are JavaScript object keys (constructor, __proto__, toString) are just names: no lookup keyed by user
// text reaches Object.prototype.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import { OMM_REQUIRED_FIELDS, parseOmmCsv } from '../../src/sim/catalog/omm.ts';
import { summaryToJson } from '../../src/sim/export/index.ts';
import { runInput, threeBody } from '../helpers/run.ts';

const lines = readFileSync('tle/three-body.tle', 'utf8').split('\n');
const renamed = (names: string[]) => names.map((n, i) => [n, lines[3 * i + 1], lines[3 * i + 2]].join('\n')).join('\n');
const noNonFinite = (text: string) => !/NaN|Infinity/.test(text);

describe('object-key names', () => {
  it('simulates satellites named constructor, __proto__, toString, valueOf exactly as any other names', async () => {
    const odd = await runInput(
      threeBody({ durationH: 3, constellation: { sources: [{ kind: 'tle', text: renamed(['constructor', '__proto__', 'toString', 'valueOf']) }] } }),
    );
    const plain = await runInput(threeBody({ durationH: 3, constellation: { sources: [{ kind: 'tle', text: renamed(['A', 'B', 'C', 'D']) }] } }));
    expect(odd.satellites.map((s) => s.name)).toEqual(['constructor', '__proto__', 'toString', 'valueOf']);
    const json = summaryToJson(odd.summary);
    expect(noNonFinite(json)).toBe(true);
    // The least-served satellite is reported by name: the same satellite, named as the user named it.
    const names: Record<string, string> = { A: 'constructor', B: '__proto__', C: 'toString', D: 'valueOf' };
    expect(odd.summary.fairness!.leastServed!.name).toBe(names[plain.summary.fairness!.leastServed!.name]);
    const unnamed = (x: typeof odd.summary) => summaryToJson({ ...x, fairness: { ...x.fairness!, leastServed: { ...x.fairness!.leastServed!, name: '' } } });
    expect(unnamed(odd.summary)).toBe(unnamed(plain.summary));
  });

  it('looks up TOPS overrides by own keys only', async () => {
    const r = await runInput(
      threeBody({
        durationH: 2,
        constellation: { sources: [{ kind: 'tle', text: renamed(['constructor', 'x']) }] },
        satellite: { compute: { topsInt8BySatellite: { x: 100 } } },
      }),
    );
    expect(noNonFinite(summaryToJson(r.summary))).toBe(true);
    expect(r.summary.modes.onboard!.energyJ.onboardAccelerator).toBeGreaterThan(0);
  });

  it('does not take a flag value for a preset because Object has a property of that name', async () => {
    let err = '';
    const code = await main(['node', 'ocsim', 'run', '--scenario', 'constructor'], { out: () => undefined, err: (s) => (err += s), isTty: false });
    expect(code).toBe(2);
    expect(err).toMatch(/--scenario: "constructor" is neither a preset/);
  });

  it('names a duplicated OMM CSV column instead of letting the last one win', () => {
    const csv = [...OMM_REQUIRED_FIELDS, 'NORAD_CAT_ID'].join(',') + '\n';
    const r = parseOmmCsv(csv, { source: 'gp.csv', referenceMs: 0 });
    expect(r.issues.map((i) => i.message)).toEqual([
      'gp.csv line 1 field NORAD_CAT_ID: column NORAD_CAT_ID appears twice (columns 2 and 13): which one holds the data?',
    ]);
  });
});
