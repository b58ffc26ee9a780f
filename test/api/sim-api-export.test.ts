// SimApi exports and imports against the CLI: `ocsim run --format json|czml` bytes, replay of an exported run,
// and the worker wrapper's transfer lists (the API's kept copy survives the transfer).
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import type { KeyframeBlock, RunReply, SimApi } from '../../src/sim/api/protocol.ts';
import { createSimApi } from '../../src/sim/api/sim-api.ts';
import { transferringApi } from '../../src/sim/api/transfer.ts';
import { seriesToCsv } from '../../src/sim/export/index.ts';
import { threeBody } from '../helpers/run.ts';

const deps = { readText: fileReader(PROJECT_ROOT), loadLandMask: defaultLandMask };

async function ocsimStdout(...args: string[]): Promise<string> {
  let out = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s), err: () => undefined, isTty: false });
  expect(code).toBe(0);
  return out;
}

describe('SimApi.exportRun / importRun', () => {
  const api = createSimApi(deps);
  let cliJson: string;
  let reply: RunReply;
  beforeAll(async () => {
    cliJson = await ocsimStdout('run', '--hours', '2', '--format', 'json');
    reply = await api.run({ runId: 1, scenario: threeBody({ durationH: 2 }) });
  });

  it('JSON is byte-identical to `ocsim run --hours 2 --format json`', async () => {
    expect(reply.ok).toBe(true);
    const json = await api.exportRun({ runId: 1, format: 'json' });
    expect(json!.length).toBeGreaterThan(10_000);
    expect(json).toBe(cliJson);
    expect(json).not.toContain('timeline');
  });

  it('CZML equals the CLI`s and CSV equals seriesToCsv of the run', async () => {
    const czml = await api.exportRun({ runId: 1, format: 'czml' });
    expect(czml).toBe(await ocsimStdout('run', '--hours', '2', '--format', 'czml'));
    expect(JSON.parse(czml!).filter((p: { id: string }) => p.id.startsWith('sat-'))).toHaveLength(12);
    if (reply.ok) expect(await api.exportRun({ runId: 1, format: 'csv' })).toBe(seriesToCsv(reply.result));
  });

  it('importing the CLI export replays it: same summary, replayMatches true, re-exports to the same bytes', async () => {
    const imported = await api.importRun({ runId: 2, text: cliJson });
    expect(imported.ok).toBe(true);
    expect(imported.replayMatches).toBe(true);
    expect(imported.runId).toBe(2);
    expect(await api.exportRun({ runId: 2, format: 'json' })).toBe(cliJson);
  });

  it('a tampered summary imports but does not replay: replayMatches false', async () => {
    const doc = JSON.parse(cliJson);
    doc.summary.modes.hybrid.tokensProcessed += 1;
    const imported = await api.importRun({ runId: 3, text: JSON.stringify(doc) });
    expect(imported.ok).toBe(true);
    expect(imported.replayMatches).toBe(false);
  });

  it('an invalid run JSON → ok:false with errors naming the path', async () => {
    const doc = JSON.parse(cliJson);
    doc.contacts[0].losMs = 'soon';
    const bad = await api.importRun({ runId: 4, text: JSON.stringify(doc) });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.scenarioErrors.map((e) => e.path)).toContain('contacts[0].losMs');
    const notJson = await api.importRun({ runId: 5, text: '{ nope' });
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.scenarioErrors[0]!.path).toBe('(root)');
    const badScenario = JSON.parse(cliJson);
    badScenario.scenario.groundStations[1].latDeg = 123;
    const r = await api.importRun({ runId: 6, text: JSON.stringify(badScenario) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.scenarioErrors[0]!.path).toBe('scenario.groundStations[1].latDeg');
  });
});

describe('transferringApi (the worker wrapper)', () => {
  it('transfers the timeline and keyframe buffers; the API keeps what exports need', async () => {
    const marked: ArrayBuffer[][] = [];
    const mark = <T>(value: T, transfers: ArrayBuffer[]): T => (marked.push(transfers), value);
    const inner = createSimApi(deps);
    const api: SimApi = transferringApi(inner, mark);
    const progress: string[] = [];
    const reply = await api.run({ runId: 9, scenario: threeBody({ durationH: 1 }) }, (p) => void progress.push(`${p.phase}:${p.done}/${p.total}`));
    expect(reply.ok).toBe(true);
    expect(marked[0]).toHaveLength(1 + 3 * 4); // shadow + (state, storedBytes, computeLoad, batterySoc) × 3 modes
    expect(progress).toContain('simulate:120/120');
    const before = await api.exportRun({ runId: 9, format: 'json' });
    structuredClone(reply, { transfer: marked[0]! }); // detaches the transferred buffers, as postMessage does
    if (reply.ok) expect(reply.result.timeline!.shadow.length).toBe(0);
    expect(await api.exportRun({ runId: 9, format: 'json' })).toBe(before);
    const block = (await api.keyframes({ runId: 9, startMs: Date.parse('2026-04-02T00:00:00Z'), stepS: 60, count: 4 })) as KeyframeBlock;
    expect(marked[1]).toEqual([block.positionsKm.buffer, block.velocitiesKmS.buffer, block.islOffsets.buffer, block.islPairs.buffer]);
    const pairs = Array.from(block.islPairs);
    expect(pairs.length).toBeGreaterThan(0);
    structuredClone(block, { transfer: marked[1]! }); // the API keeps its own copy of the links (for routes)
    const again = (await api.keyframes({ runId: 9, startMs: Date.parse('2026-04-02T00:00:00Z'), stepS: 60, count: 4 })) as KeyframeBlock;
    expect(Array.from(again.islPairs)).toEqual(pairs);
  });

  it('forwards at most one progress update per 1 % of a phase, and always its end', async () => {
    const chatty: SimApi = {
      ...createSimApi(deps),
      async run(req, onProgress) {
        for (let done = 0; done <= 1000; done++) onProgress?.({ runId: req.runId, phase: 'simulate', done, total: 1000 });
        return { runId: req.runId, ok: false, scenarioErrors: [], ingestIssues: [], message: 'fake' };
      },
    };
    const seen: number[] = [];
    await transferringApi(chatty, (v) => v).run({ runId: 1, scenario: threeBody() }, (p) => void seen.push(p.done));
    expect(seen).toHaveLength(101); // 0, 10, 20, …, 1000
    expect(seen.at(-1)).toBe(1000);
    expect(seen[1]).toBe(10);
  });

  it('shares keyframe arrays on a SharedArrayBuffer instead of transferring them', async () => {
    const marked: ArrayBuffer[][] = [];
    const mark = <T>(value: T, transfers: ArrayBuffer[]): T => (marked.push(transfers), value);
    const shared = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
    const api = transferringApi(createSimApi({ ...deps, allocFloat32: shared }), mark);
    expect((await api.run({ runId: 1, scenario: threeBody({ durationH: 0.25 }) })).ok).toBe(true);
    const block = await api.keyframes({ runId: 1, startMs: Date.parse('2026-04-02T00:00:00Z'), stepS: 60, count: 2 });
    expect(block!.positionsKm.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(marked[1]).toEqual([block!.islOffsets.buffer, block!.islPairs.buffer]); // small ISL arrays: always moved
  });
});
