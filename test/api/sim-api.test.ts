// The simulation API object called directly (as the worker and the main-thread fallback do): runs, keyframes,
// stale run ids, scenario and TLE errors. Node deps from src/cli/node-io.ts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { buildKeyframeBlock } from '../../src/sim/api/keyframes.ts';
import type { RunProgress, RunReply } from '../../src/sim/api/protocol.ts';
import { createSimApi } from '../../src/sim/api/sim-api.ts';
import { catalogueStage as loadConstellation } from '../../src/sim/engine/catalogue-stage.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { runScenario } from '../../src/sim/engine/run.ts';
import { runToJson, summaryToJson } from '../../src/sim/export/index.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { parseIsoUtc } from '../../src/sim/time.ts';
import { threeBody } from '../helpers/run.ts';

const readText = fileReader(PROJECT_ROOT);
const deps = { readText, loadLandMask: defaultLandMask };
const twoHours = threeBody({ durationH: 2 });
const epochMs = parseIsoUtc('2026-04-02T00:00:00Z');

function okResult(reply: RunReply): RunResult {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.message}: ${JSON.stringify(reply.scenarioErrors)}`);
  return reply.result;
}

async function satrecsOf(input = twoHours) {
  const { records } = await loadConstellation(parseScenario(input), readText);
  return records.map((r) => r.satrec);
}

describe('SimApi.run', () => {
  const api = createSimApi(deps);
  const progress: RunProgress[] = [];
  let reply: RunReply;
  beforeAll(async () => {
    reply = await api.run({ runId: 7, scenario: twoHours }, (p) => progress.push(p));
  });

  it('replies ok with the timeline, and the same run as runScenario directly', async () => {
    const result = okResult(reply);
    expect(reply.runId).toBe(7);
    expect(result.satellites).toHaveLength(12);
    expect(result.timeline?.stepCount).toBe(240); // 2 h / 30 s
    expect(result.timeline?.satCount).toBe(12);
    expect(Object.keys(result.timeline!.modes).sort()).toEqual(['ground', 'hybrid', 'onboard']);
    const direct = await runScenario(parseScenario(twoHours), { readText, landMask: await defaultLandMask() });
    expect(summaryToJson(result.summary)).toBe(summaryToJson(direct.summary));
    expect(runToJson(result)).toBe(runToJson(direct));
  });

  it('reports progress of each phase with its run id, ending at done = total', () => {
    expect(new Set(progress.map((p) => p.runId))).toEqual(new Set([7]));
    for (const phase of ['load', 'propagate', 'simulate'] as const) expect(progress.some((p) => p.phase === phase)).toBe(true);
    const lastSim = progress.filter((p) => p.phase === 'simulate').at(-1)!;
    expect(lastSim.done).toBe(240);
    expect(lastSim.total).toBe(240);
  });

  it('keyframes equal the propagator ECEF states (Float32), frame-major', async () => {
    const block = (await api.keyframes({ runId: 7, startMs: epochMs, stepS: 60, count: 121 }))!;
    expect(block).not.toBeNull();
    expect([block.runId, block.satCount, block.count, block.stepS, block.startMs]).toEqual([7, 12, 121, 60, epochMs]);
    expect(block.positionsKm).toBeInstanceOf(Float32Array);
    expect(block.positionsKm).toHaveLength(121 * 12 * 3);
    const prop = await createOrbitPropagator(await satrecsOf());
    const grid = prop.propagateGrid(epochMs, 60, 121);
    prop.dispose();
    let posErrKm = 0;
    let velErrKmS = 0;
    for (let f = 0; f < 121; f++)
      for (let s = 0; s < 12; s++)
        for (let k = 0; k < 3; k++) {
          posErrKm = Math.max(posErrKm, Math.abs(block.positionsKm[(f * 12 + s) * 3 + k]! - grid.positionsEcefKm[(s * 121 + f) * 3 + k]!));
          velErrKmS = Math.max(velErrKmS, Math.abs(block.velocitiesKmS[(f * 12 + s) * 3 + k]! - grid.velocitiesEcefKmS[(s * 121 + f) * 3 + k]!));
        }
    expect(posErrKm).toBeLessThan(1e-3); // Float32 spacing at 7,000 km is 0.5 m
    expect(velErrKmS).toBeLessThan(1e-6);
    // Frame-major: frame 1 of satellite 0 starts right after frame 0 of all 12 satellites, ~60 s × 7.6 km/s away.
    const r0 = Math.hypot(block.positionsKm[0]!, block.positionsKm[1]!, block.positionsKm[2]!);
    expect(r0).toBeGreaterThan(6700);
    expect(r0).toBeLessThan(7000);
    const hop = Math.hypot(...[0, 1, 2].map((k) => block.positionsKm[36 + k]! - block.positionsKm[k]!));
    expect(hop).toBeGreaterThan(400);
    expect(hop).toBeLessThan(480);
  });

  it('a later block starts at its own time (same values as the first block there)', async () => {
    const whole = (await api.keyframes({ runId: 7, startMs: epochMs, stepS: 60, count: 121 }))!;
    const part = (await api.keyframes({ runId: 7, startMs: epochMs + 60 * 60_000, stepS: 60, count: 3 }))!;
    expect(Array.from(part.positionsKm)).toEqual(Array.from(whole.positionsKm.subarray(60 * 36, 63 * 36)));
  });

  it('unknown run id → null; invalid request → RangeError naming the field', async () => {
    expect(await api.keyframes({ runId: 6, startMs: epochMs, stepS: 60, count: 10 })).toBeNull();
    expect(await api.exportRun({ runId: 6, format: 'json' })).toBeNull();
    await expect(api.keyframes({ runId: 7, startMs: epochMs, stepS: 60, count: 0 })).rejects.toThrow(/keyframes\.count/);
    await expect(api.keyframes({ runId: 7, startMs: epochMs, stepS: -1, count: 2 })).rejects.toThrow(/keyframes\.stepS/);
  });
});

describe('SimApi run cache', () => {
  it('keeps the last 2 runs: an evicted run id gives null', async () => {
    const api = createSimApi(deps);
    const short = threeBody({ durationH: 0.25 });
    for (const runId of [1, 2, 3]) okResult(await api.run({ runId, scenario: short }));
    expect(await api.keyframes({ runId: 1, startMs: epochMs, stepS: 60, count: 2 })).toBeNull();
    expect((await api.keyframes({ runId: 2, startMs: epochMs, stepS: 60, count: 2 }))?.satCount).toBe(12);
    expect((await api.keyframes({ runId: 3, startMs: epochMs, stepS: 60, count: 2 }))?.satCount).toBe(12);
  });
});

describe('buildKeyframeBlock', () => {
  it('transposes across sub-chunks and writes NaN from a satellite loss on', async () => {
    const satrecs = await satrecsOf();
    const propagator = await createOrbitPropagator(satrecs);
    const lostAtMs = new Float64Array(12).fill(Infinity);
    lostAtMs[3] = epochMs + 120_000;
    const req = { runId: 1, startMs: epochMs, stepS: 60, count: 7 };
    const alloc = (n: number) => new Float32Array(n);
    const chunked = buildKeyframeBlock({ propagator, lostAtMs }, 1, req, alloc, 25); // 2 frames per sub-chunk
    const grid = propagator.propagateGrid(epochMs, 60, 7);
    propagator.dispose();
    for (let f = 0; f < 7; f++)
      for (let s = 0; s < 12; s++) {
        const x = chunked.positionsKm[(f * 12 + s) * 3]!;
        if (s === 3 && f >= 2) expect(x, `sat 3 frame ${f}`).toBeNaN();
        else expect(Math.abs(x - grid.positionsEcefKm[(s * 7 + f) * 3]!)).toBeLessThan(1e-3);
      }
  });
});

describe('SimApi errors at the edge', () => {
  const api = createSimApi(deps);
  const tle = readFileSync(`${PROJECT_ROOT}/tle/three-body.tle`, 'utf8').split('\n');
  const badTle = [...tle];
  badTle[4] = badTle[4]!.slice(0, 68) + '0'; // SCS-01 B line 1: checksum 0, computed 5
  badTle[8] = badTle[8]!.slice(0, 40); // SCS-01 C line 2 cut to 40 characters

  it('an invalid scenario → ok:false with errors naming the path', async () => {
    const input = threeBody({ durationH: 2 });
    input.groundStations[2]!.minElevationDeg = 95;
    (input as Record<string, unknown>).colour = 'red';
    const reply = await api.run({ runId: 1, scenario: input });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.scenarioErrors).toContainEqual({ path: 'groundStations[2].minElevationDeg', message: 'must be within [0, 90]' });
    expect(reply.scenarioErrors.find((e) => e.path === '(root)')?.message).toMatch(/"colour"/);
    expect(reply.message).toBe('invalid scenario: 2 errors');
  });

  it('pasted TLE text with bad lines: runs the good satellites and lists the issues by line', async () => {
    const input = threeBody({ durationH: 1, constellation: { sources: [{ kind: 'tle', text: badTle.join('\n'), label: 'pasted' }] } });
    const result = okResult(await api.run({ runId: 2, scenario: input }));
    expect(result.satellites).toHaveLength(10);
    expect(result.satellites.map((s) => s.name.trim())).not.toContain('SCS-01 B');
    expect(result.ingestIssues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['checksum', 5, 69],
      ['line-length', 9, undefined],
    ]);
    expect(result.ingestIssues[0]!.message).toBe('pasted line 5 col 69 (NORAD 63983 "SCS-01 B"): checksum digit is 0, computed 5');
  });

  it('request files shadow the reader: a scenario naming "pasted.tle" reads the text sent with it', async () => {
    const input = threeBody({ durationH: 1, constellation: { sources: [{ kind: 'tle', file: 'pasted.tle' }] } });
    const result = okResult(await api.run({ runId: 3, scenario: input, files: { 'pasted.tle': badTle.join('\n') } }));
    expect(result.satellites).toHaveLength(10);
    expect(result.ingestIssues.map((i) => `${i.source}:${i.line}`)).toEqual(['pasted.tle:5', 'pasted.tle:9']);
    const missing = await api.run({ runId: 4, scenario: input });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.ingestIssues[0]!.message).toMatch(/constellation\.sources\[0\]\.file: cannot read "pasted\.tle"/);
  });

  it('no good satellite → ok:false with the ingest issues', async () => {
    const input = threeBody({ durationH: 1, constellation: { sources: [{ kind: 'tle', text: 'garbage\n1 2 3\n', label: 'pasted' }] } });
    const reply = await api.run({ runId: 5, scenario: input });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.message).toBe('no satellite could be loaded: nothing to simulate');
    expect(reply.scenarioErrors).toEqual([]);
    expect(reply.ingestIssues.length).toBeGreaterThan(0);
    expect(reply.ingestIssues.every((i) => i.source === 'pasted' && i.line !== undefined)).toBe(true);
  });
});

describe('SimApi.run: one catalogue load, stage reuse between runs', () => {
  it('answers orbitsOnly with the count and the validated scenario above maxSatellites, without simulating', async () => {
    const api = createSimApi(deps);
    const mega = threeBody({
      constellation: { sources: [{ kind: 'walker', planes: 1000, satsPerPlane: 1000, phasing: 1, altitudeKm: 550, inclinationDeg: 53 }] },
    });
    const reply = await api.run({ runId: 1, scenario: mega, maxSatellites: 20_000 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.orbitsOnly?.satCount).toBe(1_000_000);
    expect(reply.orbitsOnly?.scenario.stepS).toBe(30); // defaults filled in
    expect(await api.exportRun({ runId: 1, format: 'json' })).toBeNull();
  });

  it('reads each catalogue file once per run when counting first, and gives the same run as without counting', async () => {
    const reads: string[] = [];
    const counting = (path: string) => (reads.push(path), readText(path));
    const api = createSimApi({ ...deps, readText: counting });
    const counted = okResult(await api.run({ runId: 1, scenario: twoHours, maxSatellites: 20_000 }));
    expect(reads).toEqual(['tle/three-body.tle']);
    expect(runToJson(counted)).toBe(runToJson(okResult(reply0)));
  });

  it("reuses the last run's stages for an edit of prices (no file read), identical to a fresh run", async () => {
    const reads: string[] = [];
    const api = createSimApi({ ...deps, readText: (p: string) => (reads.push(p), readText(p)) });
    await api.run({ runId: 1, scenario: twoHours });
    const cheaper = threeBody({ durationH: 2, gpu: { usdPerHour: 1.7 }, economics: { launchUsdPerKg: 200 } });
    const reused = okResult(await api.run({ runId: 2, scenario: cheaper }));
    expect(reads).toHaveLength(1);
    const fresh = okResult(await createSimApi(deps).run({ runId: 2, scenario: cheaper }));
    expect(runToJson(reused)).toBe(runToJson(fresh));
    expect(reused.timeline?.stepCount).toBe(240); // processing reran for the view's timeline
  });

  it('does not reuse a run made from other file texts (a pasted catalogue under the same path)', async () => {
    const api = createSimApi(deps);
    const tle = readFileSync('tle/three-body.tle', 'utf8');
    await api.run({ runId: 1, scenario: twoHours, files: { 'tle/three-body.tle': tle } });
    const fewer = okResult(await api.run({ runId: 2, scenario: twoHours, files: { 'tle/three-body.tle': tle.split('\n').slice(0, 6).join('\n') } }));
    expect(fewer.satellites).toHaveLength(2);
  });
});

let reply0: RunReply;
beforeAll(async () => {
  reply0 = await createSimApi(deps).run({ runId: 1, scenario: twoHours });
});

describe('SimApi studies (the Explore view)', () => {
  it('lists parameters and metrics of a kept run, evaluates points reusing its stages, identical to fresh runs', async () => {
    let yields = 0;
    const api = createSimApi({ ...deps, yieldToEvents: async () => void yields++ });
    okResult(await api.run({ runId: 3, scenario: twoHours }));
    const info = (await api.studyInfo({ runId: 3 }))!;
    expect(info.params.find((p) => p.path === 'economics.launchUsdPerKg')).toMatchObject({ stage: 'pricing', base: [6500] });
    const iCost = info.metrics.indexOf('onboard.costUsdPerMTok');
    const batches: number[][] = [];
    const points = [200, 6500, 20000].map((value) => [{ path: 'economics.launchUsdPerKg', value }]);
    const reply = await api.studyPoints({ runId: 3, studyId: 1, points, batch: 2 }, (rows) => batches.push(rows.map((r) => r.index)));
    expect(reply).toEqual({ studyId: 1, done: 3, cancelled: false });
    expect(batches.flat().sort()).toEqual([0, 1, 2]);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    expect(yields).toBeGreaterThanOrEqual(3);
    expect(await api.studyInfo({ runId: 99 })).toBeNull();
    // The base point equals the run itself; another equals a fresh run of its scenario.
    const rows = new Map<number, (number | null)[]>();
    await api.studyPoints({ runId: 3, studyId: 2, points }, (rs) => rs.forEach((r) => rows.set(r.index, r.values)));
    expect(rows.get(1)![iCost]).toBe(info.baseValues[iCost]);
    const fresh = okResult(await createSimApi(deps).run({ runId: 1, scenario: threeBody({ durationH: 2, economics: { launchUsdPerKg: 20000 } }) }));
    expect(rows.get(2)![iCost]).toBe(Number(fresh.summary.modes.onboard!.costUsdPerMTok!.toPrecision(10)));
  });

  it('stops a study that is cancelled between points, and names a refused point', async () => {
    let n = 0;
    const api: ReturnType<typeof createSimApi> = createSimApi({ ...deps, yieldToEvents: async () => void (++n === 3 && (await api.cancelStudy(5))) });
    okResult(await api.run({ runId: 1, scenario: twoHours }));
    const points = Array.from({ length: 10 }, (_, i) => [{ path: 'gpu.usdPerHour', value: 1 + i / 10 }]);
    expect(await api.studyPoints({ runId: 1, studyId: 5, points })).toEqual({ studyId: 5, done: 2, cancelled: true });
    const bad = await api.studyPoints({ runId: 1, studyId: 6, points: [[{ path: 'satellite.compute.utilisation', value: 3 }]] });
    expect(bad.error).toBe('point 0: satellite.compute.utilisation=3: satellite.compute.utilisation: must be within [0.01, 1]');
  });
});
