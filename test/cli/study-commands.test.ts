// The study commands end to end through `main`: a sweep point equals `ocsim run` of the same modified scenario
// file; shards merge into the unsharded bytes; an interrupted study resumes; breakeven's line; params; bad input.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { main } from '../../src/cli/main.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s), isTty: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ocsim-study-'));
const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
const withoutTimings = (text: string) => {
  const doc = JSON.parse(text);
  delete doc.manifest.timings;
  return doc;
};

describe('ocsim sweep', () => {
  it('writes one row per point, the varied paths first, and each point equals `ocsim run` of the modified scenario', async () => {
    const r = await ocsim(
      'sweep',
      '--hours',
      '2',
      '--vary',
      'groundStations[*].antennas=1,2',
      '--vary',
      'economics.launchUsdPerKg=200:6500:3',
      '--workers',
      '0',
    );
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows[0]!.slice(0, 3)).toEqual(['groundStations[*].antennas', 'economics.launchUsdPerKg', 'ground.latencyS.p50']);
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['1', '200'],
      ['1', '3350'],
      ['1', '6500'],
      ['2', '200'],
      ['2', '3350'],
      ['2', '6500'],
    ]);
    // Point 4 (2 antennas, $3,350/kg) against a plain run of that scenario written to a file.
    const file = join(dir, 'point.json');
    const input = structuredClone(threeBodyScenario);
    input.groundStations = input.groundStations!.map((g) => ({ ...g, antennas: 2 }));
    input.economics = { ...input.economics, launchUsdPerKg: 3350 };
    input.durationH = 2;
    writeFileSync(file, JSON.stringify(input));
    const run = await ocsim('run', '--scenario', file, '--format', 'json');
    const summary = JSON.parse(run.out).summary;
    const header = rows[0]!;
    const point = rows[5]!;
    for (const mode of ['ground', 'onboard', 'hybrid']) {
      for (const metric of ['costUsdPerMTok', 'latencyS.p50', 'bytesDownlinked', 'stationMinutesBilled', 'costUsd.launchUsd']) {
        const v = metric.split('.').reduce((o, k) => o[k], summary.modes[mode]);
        expect(point[header.indexOf(`${mode}.${metric}`)], `${mode}.${metric}`).toBe(v === null ? '' : String(v));
      }
    }
  }, 120_000);

  it('shards merge into exactly the unsharded output; Parquet holds the same table', async () => {
    const args = ['--hours', '1', '--vary', 'gpu.usdPerHour=1.7:3:5', '--vary', 'satellite.compute.topsInt8=417,744', '--quiet'];
    const whole = join(dir, 'whole.json');
    expect((await ocsim('sweep', ...args, '--out', whole)).code).toBe(0);
    const parts = [0, 1, 2].map((i) => join(dir, `part-${i}.json`));
    for (const [i, p] of parts.entries()) expect((await ocsim('sweep', ...args, '--shard', `${i}/3`, '--out', p, '--workers', '1')).code).toBe(0);
    const merged = join(dir, 'merged.json');
    expect((await ocsim('merge', ...parts.reverse(), '--out', merged)).code).toBe(0);
    expect(withoutTimings(readFileSync(merged, 'utf8'))).toEqual(withoutTimings(readFileSync(whole, 'utf8')));
    const [csvA, csvB] = [join(dir, 'whole.csv'), join(dir, 'merged.csv')];
    await ocsim('sweep', ...args, '--out', csvA);
    await ocsim('merge', ...parts, '--out', csvB);
    expect(readFileSync(csvB, 'utf8')).toBe(readFileSync(csvA, 'utf8'));
    const pq = join(dir, 'whole.parquet');
    await ocsim('sweep', ...args, '--out', pq);
    const objects = await parquetReadObjects({ file: new Uint8Array(readFileSync(pq)).buffer });
    const csv = csvRows(readFileSync(csvA, 'utf8'));
    expect(objects).toHaveLength(10);
    expect(String(objects[3]!['onboard.costUsdPerMTok'])).toBe(csv[4]![csv[0]!.indexOf('onboard.costUsdPerMTok')]);
  }, 120_000);

  it('keeps finished points on Ctrl-C, says how to resume, and the resumed output equals an uninterrupted one', async () => {
    const args = ['sweep', '--hours', '24', '--vary', 'satellite.compute.topsInt8=100:700:30', '--workers', '0', '--quiet'];
    const full = join(dir, 'full.csv');
    expect((await ocsim(...args, '--out', full)).code).toBe(0);
    const out = join(dir, 'resumed.csv');
    const child = spawn(process.execPath, ['bin/ocsim.js', ...args, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const partial = `${out}.partial.jsonl`;
    const t0 = Date.now();
    while (!(existsSync(partial) && readFileSync(partial, 'utf8').split('\n').length >= 4) && Date.now() - t0 < 60_000)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toMatch(
      new RegExp(
        `interrupted: \\d+ of 30 points done, kept in ${partial.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; run the same command with --resume to finish`,
      ),
    );
    const kept = readFileSync(partial, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(30);
    const resumed = await ocsim(...args, '--out', out, '--resume');
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(full, 'utf8'));
    expect(existsSync(partial)).toBe(false);
  }, 120_000);

  it('refuses bad input before any work, naming the flag', async () => {
    const bad = await ocsim('sweep', '--vary', 'satellite.compute.utilisation=0.5,2', '--workers', '0');
    expect([bad.code, bad.err.trim()]).toEqual([2, 'ocsim: point 1: satellite.compute.utilisation=2: satellite.compute.utilisation: must be within [0.01, 1]']);
    const missing = await ocsim('sweep', '--vary', 'gpu.usdPerHour=1,2', '--out', join(dir, 'no/such/folder.csv'));
    expect([missing.code, missing.err.trim()]).toEqual([2, 'ocsim: --out: folder "' + join(dir, 'no/such') + '" does not exist']);
    const shard = await ocsim('sweep', '--vary', 'gpu.usdPerHour=1,2', '--shard', '2/2', '--out', join(dir, 'x.json'));
    expect([shard.code, shard.err.trim()]).toEqual([2, 'ocsim: --shard: "2/2" is not I/N with 0 ≤ I < N']);
  });
});

describe('ocsim breakeven, sensitivity, uncertainty, params', () => {
  it('prints the break-even launch price as one tab-separated line', async () => {
    const r = await ocsim('breakeven', '--hours', '2', '--vary', 'economics.launchUsdPerKg', '--range', '30:10000000');
    expect(r.code).toBe(0);
    const f = r.out.trim().split('\t');
    expect(f.slice(0, 2)).toEqual(['breakeven', 'economics.launchUsdPerKg']);
    expect(f[3]).toBe('costUsdPerMTok');
    const none = await ocsim('breakeven', '--hours', '2', '--vary', 'economics.launchUsdPerKg', '--range', '30:200');
    expect(none.out.split('\t').slice(0, 3)).toEqual(['none', 'economics.launchUsdPerKg', '[30, 200]']);
  }, 60_000);

  it('ranks a sensitivity tornado and summarises an uncertainty study', async () => {
    const s = await ocsim('sensitivity', '--hours', '1', '--params', 'economics.launchUsdPerKg,gpu.usdPerHour,groundStations[*].antennas', '--workers', '0');
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/onboard costUsdPerMTok: base/);
    expect(s.out).toMatch(/winner at the base: onboard/);
    const u = await ocsim(
      'uncertainty',
      '--hours',
      '1',
      '--samples',
      '6',
      '--params',
      'economics.launchUsdPerKg,gpu.usdPerHour',
      '--workers',
      '0',
      '--out',
      join(dir, 'u.json'),
    );
    expect(u.code).toBe(0);
    expect(u.out).toMatch(/P\(onboard cheaper per token than ground\) = /);
    const doc = JSON.parse(readFileSync(join(dir, 'u.json'), 'utf8'));
    expect(doc.rows).toHaveLength(6);
    expect(doc.analysis.spreads['onboard.costUsdPerMTok'].n).toBe(6);
  }, 60_000);

  it('takes the model-choice flags of ocsim run: a point under --gpu-pricing reserved --scheduler first-come is that run', async () => {
    const flags = ['--hours', '2', '--gpu-pricing', 'reserved', '--scheduler', 'first-come'];
    const sweep = await ocsim('sweep', ...flags, '--vary', 'gpu.usdPerHour=2.35', '--workers', '0');
    expect(sweep.code).toBe(0);
    const [header, row] = csvRows(sweep.out);
    const run = JSON.parse((await ocsim('run', ...flags, '--format', 'json')).out).summary;
    expect(run.modes.ground.costUsd.gpuUsd).toBeCloseTo(10 * 8 * 2 * 2.35, 9); // 10 clusters × 8 GPUs × 2 h leased
    for (const metric of ['ground.costUsdPerMTok', 'ground.costUsd.gpuUsd', 'contacts.sessions']) {
      const v = metric.split('.').reduce((o, k) => o[k], { ...run, ground: run.modes.ground });
      expect(row![header!.indexOf(metric)], metric).toBe(String(v));
    }
    // The lease, not the antenna, makes the ground dear: no antenna price gives it the cheaper token any more.
    const be = await ocsim('breakeven', '--hours', '2', '--gpu-pricing', 'reserved', '--vary', 'groundStations[*].costUsdPerMin', '--range', '0:1000');
    expect(be.out.split('\t').slice(0, 2)).toEqual(['none', 'groundStations[*].costUsdPerMin']);
    // params shows what the flags make applicable: the time-of-use factors only with tariffs.
    const paths = async (...a: string[]) =>
      (JSON.parse((await ocsim('params', '--json', ...a)).out) as { path: string; base: unknown }[]).filter((p) => p.base !== null);
    expect((await paths()).some((p) => p.path.includes('timeOfUse'))).toBe(false);
    expect((await paths('--tariffs', 'published')).filter((p) => p.path.includes('timeOfUse'))).toHaveLength(2);
  }, 120_000);

  it('sweeps model choices by name: each point is `ocsim run` with the same flags', async () => {
    const r = await ocsim(
      'sweep',
      '--hours',
      '3',
      '--vary',
      'scheduler.policy=first-come,lookahead',
      '--vary',
      'gpu.pricing=on-demand,reserved',
      '--workers',
      '0',
    );
    expect(r.code).toBe(0);
    const [header, ...rows] = csvRows(r.out);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['first-come', 'on-demand'],
      ['first-come', 'reserved'],
      ['lookahead', 'on-demand'],
      ['lookahead', 'reserved'],
    ]);
    for (const [i, flags] of [
      [1, ['--scheduler', 'first-come', '--gpu-pricing', 'reserved']],
      [2, ['--scheduler', 'lookahead', '--gpu-pricing', 'on-demand']],
    ] as const) {
      const summary = JSON.parse((await ocsim('run', '--hours', '3', ...flags, '--format', 'json')).out).summary;
      for (const [col, v] of [
        ['ground.costUsdPerMTok', summary.modes.ground.costUsdPerMTok],
        ['ground.costUsd.gpuUsd', summary.modes.ground.costUsd.gpuUsd],
        ['contacts.sessions', summary.contacts.sessions],
        ['fairness.jainIndexMinutes', summary.fairness.jainIndexMinutes],
        ['fairness.leastServed.sessionMinutes', summary.fairness.leastServed.sessionMinutes],
      ] as const)
        expect(rows[i]![header!.indexOf(col)], `${flags.join(' ')} ${col}`).toBe(String(v));
    }
    expect(rows[1]![header!.indexOf('ground.costUsd.gpuUsd')]).toBe(String(10 * 8 * 3 * 2.35)); // reserved: 80 GPUs × 3 h
    // A dispatch policy reruns processing: cheapest-power under the published tariffs is that run too.
    const flags = ['--hours', '3', '--tariffs', 'published'];
    const d = csvRows((await ocsim('sweep', ...flags, '--vary', 'dispatch.policy=nearest,cheapest-power', '--workers', '0')).out);
    const cheapest = JSON.parse((await ocsim('run', ...flags, '--dispatch', 'cheapest-power', '--format', 'json')).out).summary.modes.ground;
    const col = d[0]!.indexOf('ground.electricityUsdPerMTok');
    expect(d[2]![col]).toBe(String(cheapest.electricityUsdPerMTok));
    expect(Number(d[2]![col])).toBeLessThan(Number(d[1]![col])); // the cheapest hour and hub cost less power than the nearest
    expect((await ocsim('breakeven', '--vary', 'gpu.pricing', '--range', '0:2')).err).toMatch(/is a choice \(on-demand, reserved, per-token\), not a number/);
  }, 120_000);

  it('lists the parameters with their stage and source', async () => {
    const r = await ocsim('params', '--json');
    const list = JSON.parse(r.out);
    expect(list.find((p: { path: string }) => p.path === 'gpu.pricing')).toMatchObject({
      kind: 'choice',
      stage: 'pricing',
      base: 'on-demand',
      choices: ['on-demand', 'reserved', 'per-token'],
    });
    expect(list.find((p: { path: string }) => p.path === 'scheduler.policy')).toMatchObject({ kind: 'choice', stage: 'schedule', base: 'lookahead' });
    expect(list.find((p: { path: string }) => p.path === 'economics.launchUsdPerKg')).toMatchObject({ stage: 'pricing', unit: '$/kg', base: 6500 });
  });
});
