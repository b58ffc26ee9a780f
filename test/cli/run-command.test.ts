import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s), isTty: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ocsim-'));

describe('ocsim run', () => {
  it('prints the per-mode table and writes JSON whose summary has the documented keys', async () => {
    const file = join(dir, 'run.json');
    const r = await ocsim('run', '--hours', '3', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/latency p50/);
    expect(r.out).toMatch(/\$ per M tokens/);
    expect(r.out).toMatch(/bandwidth saved/);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.scenario.name).toBe('three-body');
    expect(json.seed ?? json.scenario.seed).toBe(20250514);
    for (const mode of ['ground', 'onboard', 'hybrid']) {
      const m = json.summary.modes[mode];
      for (const key of ['bytesCaptured', 'bytesDownlinked', 'bandwidthSavedFraction', 'tokensProcessed', 'costUsdPerMTok', 'bytesDropped'])
        expect(typeof m[key], `${mode}.${key}`).toBe('number');
      for (const q of ['p50', 'p90', 'p99']) {
        // A percentile over every captured tile, or null when the run never reached it (then censored).
        expect(m.latencyS[q] === null ? m.latencyS.censored[q] : typeof m.latencyS[q] === 'number').toBe(true);
        expect(typeof m.latencyDeliveredS[q]).toBe('number');
      }
      for (const h of ['within5min', 'within1h', 'within6h', 'within24h']) expect(typeof m.deliveredWithinShare[h]).toBe('number');
    }
  });

  it('writes the same summary for the same scenario and seed (byte-identical)', async () => {
    const a = await ocsim('run', '--hours', '2', '--format', 'json');
    const b = await ocsim('run', '--hours', '2', '--format', 'json');
    expect(a.code).toBe(0);
    const sa = JSON.stringify(JSON.parse(a.out).summary);
    expect(sa).toBe(JSON.stringify(JSON.parse(b.out).summary));
    expect(a.out).toBe(b.out);
  });

  it("--dispatch and --tariffs set the dispatch policy and the hubs' time-of-use tariffs; cheapest-power cuts ground electricity per token", async () => {
    const run = async (...flags: string[]) => {
      const file = join(dir, `tou${flags.join('')}.json`);
      expect((await ocsim('run', '--hours', '6', '--mode', 'ground', '--out', file, ...flags)).code).toBe(0);
      return JSON.parse(readFileSync(file, 'utf8'));
    };
    const [westFirst, cheapest] = [await run('--tariffs', 'published'), await run('--tariffs', 'published', '--dispatch', 'cheapest-power')];
    expect(cheapest.scenario.dispatch.policy).toBe('cheapest-power');
    expect(westFirst.scenario.hubs.map((h: { timeOfUse?: { peakFactor: number } }) => h.timeOfUse?.peakFactor)).toEqual([
      ...Array(6).fill(1.85),
      ...Array(4).fill(1.5),
    ]);
    const [a, b] = [westFirst.summary.modes.ground, cheapest.summary.modes.ground];
    expect(b.tokensGround).toBe(a.tokensGround);
    expect(b.electricityUsdPerMTok).toBeLessThan(a.electricityUsdPerMTok);
    expect(b.electricityUsdPerMTok).toBeCloseTo(b.costUsd.electricityUsd / (b.tokensGround / 1e6), 12);
    expect((await ocsim('run', '--dispatch', 'cheapest')).code).toBe(2);
  }, 60_000);

  it('--mode runs one mode; CSV and CZML formats', async () => {
    const csv = await ocsim('run', '--hours', '1', '--mode', 'onboard', '--format', 'csv');
    expect(csv.code).toBe(0);
    const header = csv.out.split('\n')[0]!;
    expect(header).toMatch(/^time_utc,step,/);
    expect(header).toContain('onboard_backlog_bytes');
    expect(header).not.toContain('ground_backlog_bytes');
    expect(csv.out.trim().split('\n')).toHaveLength(1 + 120);
    const czmlFile = join(dir, 'run.czml');
    const czml = await ocsim('run', '--hours', '1', '--out', czmlFile);
    expect(czml.code).toBe(0);
    const packets = JSON.parse(readFileSync(czmlFile, 'utf8'));
    expect(packets[0].id).toBe('document');
    expect(packets.filter((p: { id: string }) => p.id.startsWith('sat-'))).toHaveLength(12);
  });

  it('--gpu-pricing reserved leases every hub GPU for the run: 80 GPUs × 1 h × $2.35/h = $188 in ground and hybrid, none onboard', async () => {
    const r = await ocsim('run', '--hours', '1', '--gpu-pricing', 'reserved', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('ground GPUs reserved: every GPU of the hubs leased for the whole run');
    expect(r.err).toMatch(/GPU utilisation +\d/);
    const { summary, scenario } = JSON.parse(r.out);
    expect(scenario.gpu.pricing).toBe('reserved');
    expect(summary.gpuPricing).toBe('reserved');
    expect(summary.modes.ground.costUsd.gpuUsd).toBeCloseTo(188, 9);
    expect(summary.modes.hybrid.costUsd.gpuUsd).toBeCloseTo(188, 9);
    expect(summary.modes.onboard.costUsd.gpuUsd).toBe(0);
    expect(summary.modes.ground.clusterUtilisation.byCluster).toHaveLength(10);
    const bad = await ocsim('run', '--gpu-pricing', 'lease');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--gpu-pricing.*lease/);
  });

  it('exit code 2 with a message naming the problem for bad input', async () => {
    const unknown = await ocsim('run', '--scenario', 'no-such-preset');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no-such-preset');
    const bad = structuredClone(threeBodyScenario);
    bad.groundStations[2]!.minElevationDeg = 95;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await ocsim('run', '--scenario', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('groundStations[2].minElevationDeg: must be within [0, 90]');
    expect((await ocsim('run', '--mode', 'sideways')).code).toBe(2);
    expect((await ocsim('run', '--hours', '-1')).code).toBe(2);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const broken = await ocsim('run', '--scenario', join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/not valid JSON/);
  });

  it('exit code 2 when no satellite survives ingestion, with the reasons listed', async () => {
    const s = structuredClone(threeBodyScenario);
    s.constellation = { sources: [{ kind: 'tle', text: 'JUNK\n1 00000 nonsense\n2 00000 nonsense' }] };
    const file = join(dir, 'junk.json');
    writeFileSync(file, JSON.stringify(s));
    const r = await ocsim('run', '--scenario', file, '--hours', '1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no satellite could be loaded');
    expect(r.err).toMatch(/line 2/);
  });
});
