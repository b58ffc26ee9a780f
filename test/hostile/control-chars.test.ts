// Terminal control characters in element files and scenarios never reach stderr, messages or exports raw.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { parseTle } from '../../src/sim/catalog/tle.ts';
import { csvField } from '../../src/sim/export/index.ts';
import { safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { safeText, UNSAFE_CHARS } from '../../src/sim/text.ts';
import { threeBody } from '../helpers/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-ctl-'));
const ESC = '\u001b';
const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n');
/** Any unsafe character but the line feeds that separate lines. */
const hasUnsafe = (s: string) => new RegExp(UNSAFE_CHARS.source).test(s.replaceAll('\n', ''));

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { code, out, err };
}

describe('control characters', () => {
  it('escapes C0, DEL, C1 and bidi controls visibly, and leaves other text alone', () => {
    expect(safeText(`a${ESC}]0;pwned\u0007b`)).toBe('a\\x1B]0;pwned\\x07b');
    expect(safeText('x\u009by\u202ez')).toBe('x\\x9By\\u{202E}z');
    expect(safeText('SCS-01 Å "ok", tab\there')).toBe('SCS-01 Å "ok", tab\\x09here');
  });

  it('writes a satellite name with an escape sequence as visible text, with a warning', () => {
    const text = [`${ESC}[2J${ESC}]0;owned${'\u0007'}SAT`, tle[1], tle[2]].join('\n');
    const r = parseTle(text, { source: 'evil.tle', referenceMs: Date.UTC(2026, 3, 2) });
    expect(r.records[0]!.name).toBe('\\x1B[2J\\x1B]0;owned\\x07SAT');
    expect(r.issues.map((i) => i.message)).toEqual([
      'evil.tle line 1 col 1 (NORAD 63982 "\\x1B[2J\\x1B]0;owned\\x07SAT"): control character U+001B in the name: written as \\x1B',
    ]);
  });

  it('keeps a binary file and an escape-laden name out of stderr and the exports', async () => {
    const bin = join(dir, 'binary.tle');
    writeFileSync(bin, Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0xff, 0x07, 0x0a, 0x31, 0x20, 0x9b, 0x33, 0x31]));
    const names = join(dir, 'names.tle');
    writeFileSync(names, [`${ESC}]0;title${'\u0007'}`, tle[1], tle[2], '=HYPERLINK("http://x")', tle[4], tle[5]].join('\n'));
    const scenario = join(dir, 's.json');
    const input = threeBody({
      durationH: 1,
      constellation: {
        sources: [
          { kind: 'tle', file: bin },
          { kind: 'tle', file: names },
        ],
      },
    });
    writeFileSync(scenario, JSON.stringify(input));
    const csv = join(dir, 'contacts.csv');
    const r = await ocsim('run', '--scenario', scenario, '--out', join(dir, 'run.json'));
    expect(r.code).toBe(0);
    expect(hasUnsafe(r.err)).toBe(false);
    expect(r.err).toMatch(/binary\.tle line 2 \(NORAD .*\\x1B\[2J\\x00.*\): element line 1 has no line 2/);
    const json = readFileSync(join(dir, 'run.json'), 'utf8');
    expect(json).not.toMatch(/\\u001b|\\u0007/i); // no escaped control character either: names were made visible text
    const c = await ocsim(
      'contacts',
      '--tle',
      names,
      '--stations-csv',
      'public/data/ground-stations.csv',
      '--station',
      'cn-miyun',
      '--mask-deg',
      '10',
      '--start',
      '2026-04-02T00:00:00Z',
      '--hours',
      '24',
    );
    writeFileSync(csv, c.out);
    expect(hasUnsafe(c.out)).toBe(false);
    expect(c.out).toMatch(/^63983,"'=HYPERLINK\(""http:\/\/x""\)",cn-miyun,/m); // a formula cell is neutralised
  });

  it('refuses control characters in scenario text fields, by path', () => {
    const r = safeParseScenario(threeBody({ name: `x${ESC}[31m` }));
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'name', message: 'must not contain control characters (U+001B at character 2)' }]);
  });

  it('neutralises spreadsheet formulas and escapes control characters in every CSV text cell', () => {
    expect(['=1+1', '+1', '-x', '@SUM(A1)', '\tcmd', 'SCS-01 A', 'a,b', `x${ESC}y`].map(csvField)).toEqual([
      "'=1+1",
      "'+1",
      "'-x",
      "'@SUM(A1)",
      "'\\x09cmd",
      'SCS-01 A',
      '"a,b"',
      'x\\x1By',
    ]);
  });
});
