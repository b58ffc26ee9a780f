// Element-set sources: confined to the scenario's folder and the project's data, regular files only, bounded in
// size, their issues capped per kind with a count, and a file of the wrong kind said to be one.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { loadCatalogue, MAX_ISSUES_PER_KIND, MAX_SOURCE_BYTES } from '../../src/sim/catalog/load.ts';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { runInput, threeBody } from '../helpers/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-src-'));
const scenarioDir = join(dir, 'scenario');
mkdirSync(scenarioDir);
writeFileSync(join(scenarioDir, 'mine.tle'), readFileSync('tle/three-body.tle'));
const read = fileReader(scenarioDir);
const refusal = async (path: string) =>
  read(path).then(
    () => 'read',
    (e: Error) => e.message,
  );

describe('source files', () => {
  it('reads files in the scenario folder and the project data, and refuses the rest by path', async () => {
    expect((await read('mine.tle')).length).toBeGreaterThan(1000);
    expect((await read('tle/three-body.tle')).length).toBeGreaterThan(1000); // the project's own data
    expect(await refusal('/etc/passwd')).toBe("/etc/passwd: outside the scenario's folder (" + scenarioDir + ") and the project's data (tle/, public/data/)");
    expect(await refusal('../../../../etc/shadow')).toMatch(/^\/etc\/shadow: (no such file|outside the scenario's folder)/);
    expect(await refusal('package.json')).toMatch(/package\.json: outside the scenario's folder/); // the project root is not data
    expect(await refusal('nope.tle')).toBe(`${join(scenarioDir, 'nope.tle')}: no such file; ${join(PROJECT_ROOT, 'nope.tle')}: no such file`);
  });

  it('follows symbolic links to where they point, and refuses FIFOs and devices without waiting on them', async () => {
    symlinkSync('/etc/hostname', join(scenarioDir, 'link.tle'));
    expect(await refusal('link.tle')).toMatch(/link\.tle: outside the scenario's folder/);
    execFileSync('mkfifo', [join(scenarioDir, 'pipe.tle')]);
    expect(await refusal('pipe.tle')).toBe(`${join(scenarioDir, 'pipe.tle')}: not a regular file`);
    symlinkSync('/dev/zero', join(scenarioDir, 'zero.tle'));
    expect(await refusal('zero.tle')).toMatch(/zero\.tle: outside the scenario's folder/);
  });

  it('refuses a source above the size limit without reading it, and says which', async () => {
    const big = join(scenarioDir, 'big.tle');
    writeFileSync(big, Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x41));
    expect(await refusal('big.tle')).toBe(`${big}: 32 MiB, more than the 32 MiB a source may have`);
    const text = 'x'.repeat(MAX_SOURCE_BYTES + 10);
    const r = await loadCatalogue(parseScenario(threeBody({ constellation: { sources: [{ kind: 'tle', text }] } })), read);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([
      ['too-large', 'constellation.sources[0]: 32 MiB of text, more than the 32 MiB a source may have'],
    ]);
  });

  it('caps repeated issues per kind with a count, and counts every quarantined item in the summary', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `GARBAGE LINE ${i}`).join('\n');
    const good = readFileSync('tle/three-body.tle', 'utf8');
    const r = await runInput(threeBody({ durationH: 1, constellation: { sources: [{ kind: 'tle', text: `${good}\n${lines}`, label: 'noisy.tle' }] } }));
    const orphan = r.ingestIssues.filter((i) => i.code === 'orphan-line');
    expect(orphan).toHaveLength(MAX_ISSUES_PER_KIND + 1);
    expect(orphan.at(-1)!.message).toBe(`noisy.tle: … and ${(5000 - MAX_ISSUES_PER_KIND).toLocaleString('en-US')} more orphan-line issues like these`);
    expect(r.summary.satellites).toMatchObject({ loaded: 12, quarantined: 5000 });
  });

  it('says a file is of another kind than the source names, instead of one issue per line', () => {
    const json = readFileSync('tle/three-body-20260710.json', 'utf8');
    const r = parseCatalog(json, { source: 'gp.json', referenceMs: Date.UTC(2026, 6, 10), format: 'tle' });
    expect(r.issues.map((i) => i.message)).toEqual(['gp.json line 1: this looks like OMM JSON, not TLE: set the source\'s kind to "omm-json"']);
    const csv = readFileSync('tle/three-body-20260710.csv', 'utf8');
    expect(parseCatalog(csv, { source: 'gp.csv', referenceMs: 0, format: 'omm-json' }).issues[0]!.code).toBe('wrong-kind');
  });
});
