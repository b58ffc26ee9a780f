// Output: the path checked before any work, the format agreeing with the extension, atomic writes, no stack trace.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-out-'));

async function ocsim(...args: string[]) {
  let err = '';
  const t0 = performance.now();
  const code = await main(['node', 'ocsim', ...args], { out: () => undefined, err: (s) => (err += s), isTty: false });
  return { code, err: err.trim(), ms: performance.now() - t0 };
}

describe('output', () => {
  it('refuses an --out in a folder that does not exist before simulating anything, in one line', async () => {
    const r = await ocsim('run', '--out', join(dir, 'missing', 'run.json'));
    expect([r.code, r.err]).toEqual([2, `ocsim: --out: folder "${join(dir, 'missing')}" does not exist`]);
    expect(r.err).not.toMatch(/\n| {4}at /); // one line, no stack trace
  });

  it('refuses a --format that contradicts the extension (CZML into a .csv)', async () => {
    const r = await ocsim('run', '--format', 'czml', '--out', join(dir, 'x.csv'));
    expect([r.code, r.err]).toEqual([2, `ocsim: --format czml does not match --out ${join(dir, 'x.csv')} (.csv)`]);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('refuses a folder as --out', async () => {
    const r = await ocsim('run', '--out', dir);
    expect([r.code, r.err]).toEqual([2, `ocsim: --out: "${dir}" exists and is not a regular file`]);
  });

  it('writes the export through a temporary file: only the final file is left', async () => {
    const out = join(dir, 'run.json');
    expect((await ocsim('run', '--hours', '1', '--out', out)).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('run.json'))).toEqual(['run.json']);
  });
});
