// JSON from users: the first syntax error by line and column (not an offset, not the text quoted back), nesting
// refused past a depth instead of overflowing the stack, and checkJson agreeing with JSON.parse (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { parseOmmJson } from '../../src/sim/catalog/omm.ts';
import { checkJson, MAX_JSON_DEPTH } from '../../src/sim/json-check.ts';
import { threeBody } from '../helpers/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-json-'));

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { code, out, err };
}

describe('checkJson', () => {
  it('names the line and column of the first error', () => {
    expect(checkJson('{\n  "a": 1,\n  "b": }')).toEqual({ line: 3, column: 8, message: 'unexpected "}" where a value should be' });
    expect(checkJson('[1, 2')).toEqual({ line: 1, column: 6, message: 'unexpected end of the text' });
    expect(checkJson('{"a": 1,}')).toEqual({ line: 1, column: 9, message: 'expected a "key" in quotes, found "}"' });
    expect(checkJson('[1] [2]')).toEqual({ line: 1, column: 5, message: 'unexpected "[" after the end of the document' });
    expect(checkJson('"a\u001bb"')).toEqual({ line: 1, column: 3, message: 'bad character or escape in a string, or a string left open' });
    expect(checkJson('{"a": tru}')!.message).toBe('unexpected "t" where a value should be');
    expect(checkJson('\ufeff[{"a": [1, -2.5e3, true, null, "x\\u00e9"]}]')).toBeNull();
  });

  it('refuses nesting deeper than the limit without recursion (10⁶ levels)', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(checkJson(deep)).toEqual({ line: 1, column: MAX_JSON_DEPTH + 1, message: `nested more than ${MAX_JSON_DEPTH} levels deep` });
  });

  it('agrees with JSON.parse on valid documents and on mutated ones (property)', () => {
    const ok = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (t) => {
        expect(checkJson(t)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '\n', '-', '.', 'e'), (t, at, ins) => {
        const i = at % (t.length + 1);
        const mutated = t.slice(0, i) + ins + t.slice(i + (at % 2));
        expect(checkJson(mutated) === null, mutated).toBe(ok(mutated));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('JSON inputs', () => {
  it('quarantines a deeply nested OMM JSON source by name; the good source runs', async () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, '['.repeat(200_000) + ']'.repeat(200_000));
    const scenario = join(dir, 'deep-scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify(
        threeBody({
          durationH: 1,
          constellation: {
            sources: [
              { kind: 'omm-json', file: deep },
              { kind: 'tle', file: 'tle/three-body.tle' },
            ],
          },
        }),
      ),
    );
    const r = await ocsim('run', '--scenario', scenario);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${deep} line 1 col 65: not valid JSON: nested more than 64 levels deep`);
    expect(r.out).toMatch(/satellites: 12 loaded/);
    expect(parseOmmJson('[[[1]]]', { source: 'x.json', referenceMs: 0 }).issues.map((i) => i.message)).toEqual([
      'x.json record [0]: an array of 1 is not an OMM object',
    ]);
  });

  it('locates a syntax error in a scenario file by line and column, exit 2, one line', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "schemaVersion": 1,\n  "name": "x",\n  "durationH": 24,,\n}');
    const r = await ocsim('run', '--scenario', bad);
    expect([r.code, r.err.trim()]).toEqual([2, `ocsim: ${bad} line 4 col 19: expected a "key" in quotes, found "," (not valid JSON)`]);
    expect(readFileSync(bad, 'utf8')).toContain('"durationH"'); // the file is not echoed back beyond one character
  });
});
