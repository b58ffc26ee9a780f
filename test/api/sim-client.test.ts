// The app's sim client with injected fake connections (no real Worker): stale replies dropped by run id,
// keyframe blocks streamed in time order, a dead worker restarted with the last run re-submitted, and what is
// shown changed with exactly one event per run, orbit view or clear. The playback clock is wired as in main.tsx
// (it keeps the time of a rerun over the same window).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSimClient,
  WORKER_GAVE_UP_MESSAGE,
  ORBIT_WORKER_RESTARTED_NOTICE,
  WORKER_RESTARTED_NOTICE,
  type SimClient,
  type SimClientOptions,
  type SimConnection,
} from '../../src/app/sim-client.ts';
import { createFrameBuffer } from '../../src/app/frame-buffer.ts';
import { createPlaybackClock } from '../../src/app/playback-clock.ts';
import { shownWindow, type Shown } from '../../src/app/shown.ts';
import { createUiStore } from '../../src/app/store.ts';
import type { KeyframeRequest, RunReply, RunRequest, SimApi } from '../../src/sim/api/protocol.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { parseScenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { threeBody } from '../helpers/run.ts';

const epochMs = Date.parse('2026-04-02T00:00:00Z');

/** A minimal finished run: what the client reads (scenario window, summary modes). */
function fakeResult(name: string, durationH = 2): RunResult {
  return {
    scenario: { epochIso: '2026-04-02T00:00:00Z', durationH, stepS: 30, processing: { mode: 'hybrid' } },
    summary: { scenarioName: name, modes: { hybrid: {}, ground: {} } },
    ingestIssues: [],
  } as unknown as RunResult;
}

interface Pending {
  req: RunRequest;
  resolve(r: RunReply): void;
  reject(e: unknown): void;
}

/** A fake API whose runs wait until the test answers them; keyframes answer at once. */
function fakeConnection(kind: 'worker' | 'main-thread' = 'worker') {
  const runs: Pending[] = [];
  const keyframeCalls: KeyframeRequest[] = [];
  let die: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (die = reject));
  const api: SimApi = {
    run: (req) => new Promise((resolve, reject) => runs.push({ req, resolve, reject })),
    importRun: () => Promise.reject(new Error('not used')),
    exportRun: async (req) => `export of run ${req.runId} as ${req.format}`,
    keyframes: async (req) => {
      keyframeCalls.push(req);
      const n = 2;
      return {
        ...req,
        satCount: n,
        positionsKm: new Float32Array(req.count * n * 3),
        velocitiesKmS: new Float32Array(req.count * n * 3),
        islOffsets: new Int32Array(req.count + 1),
        islPairs: new Int32Array(0),
      };
    },
    route: async (req) => ({ runId: req.runId, tMs: req.tMs, hops: [req.satIndex, -1], latencyS: 0.002 }),
    studyInfo: async () => null,
    studyPoints: async (req) => ({ studyId: req.studyId, done: 0, cancelled: false }),
    cancelStudy: async () => undefined,
  };
  let disposed = false;
  const conn: SimConnection = { api, kind, died, dispose: () => void (disposed = true) };
  return { conn, runs, keyframeCalls, die, isDisposed: () => disposed };
}

/** The worker's reply to a scenario with more satellites than the request's maxSatellites. */
function orbitsOnly(runId: number, satCount: number, input: ScenarioInput): RunReply {
  return {
    runId,
    ok: false,
    scenarioErrors: [],
    ingestIssues: [],
    message: `${satCount} satellites`,
    orbitsOnly: { satCount, scenario: parseScenario(input) },
  };
}

/** A client over `connections` (one per connect), with the clock told what is shown, as main.tsx does. */
function setup(connections: ReturnType<typeof fakeConnection>[], opts: SimClientOptions = {}) {
  const store = createUiStore({ scenarioDraft: threeBody(), presetName: 'three-body' });
  const fb = createFrameBuffer();
  const asked: string[] = [];
  let next = 0;
  const client = createSimClient(store, fb, {
    connect: async (where) => {
      asked.push(where);
      return connections[next++]!.conn;
    },
    ...opts,
  });
  const clock = createPlaybackClock(store, fb);
  client.shown.subscribe((s) => clock.setWindow(shownWindow(s)));
  return { store, fb, client, asked };
}

/** The run shown, or a failed expectation. */
function shownRun(client: SimClient): Extract<Shown, { kind: 'run' }> {
  const s = client.shown.current;
  if (s.kind !== 'run') throw new Error(`a run is not shown: ${s.kind}`);
  return s;
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(cond()).toBe(true);
};
const ok = (req: RunRequest, result: RunResult): RunReply => ({ runId: req.runId, ok: true, result, elapsedMs: 1 });

describe('sim client', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('drops stale replies: only the newest run reaches the store and the frame buffer', async () => {
    const w = fakeConnection();
    const { store, fb, client } = setup([w]);
    const a = client.run(threeBody({ name: 'a' }));
    const b = client.run(threeBody({ name: 'b' }));
    await until(() => w.runs.length === 2);
    expect(w.runs.map((r) => r.req.runId)).toEqual([1, 2]);
    w.runs[0]!.resolve(ok(w.runs[0]!.req, fakeResult('a'))); // the superseded run answers first
    expect(await a).toBeNull();
    expect(store.getState().status).toBe('running');
    expect(client.shown.current.kind).toBe('none');
    w.runs[1]!.resolve(ok(w.runs[1]!.req, fakeResult('b')));
    expect((await b)?.runId).toBe(2);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().summary?.scenarioName).toBe('b');
    const s = shownRun(client);
    expect([s.runId, s.result.summary.scenarioName, s.startMs, s.endMs, fb.simTimeMs]).toEqual([2, 'b', epochMs, epochMs + 7_200_000, epochMs]);
    await client.keyframesLoaded();
    // 2 h at 60 s = 121 keyframes: a first block of 2 (a fast first picture), then 60, 59 in time order, all for run 2.
    expect(w.keyframeCalls.map((k) => [k.runId, k.startMs - epochMs, k.stepS, k.count])).toEqual([
      [2, 0, 60, 2],
      [2, 120_000, 60, 60],
      [2, 3_720_000, 60, 59],
    ]);
    expect(fb.keyframes.map((k) => k.count)).toEqual([2, 60, 59]);
    expect(fb.version).toBe(4); // the run shown, then one bump per block
    expect(await client.exportRun('json')).toBe('export of run 2 as json');
  });

  it('a late reply of an older run after a newer one is also dropped', async () => {
    const w = fakeConnection();
    const { store, client } = setup([w]);
    const a = client.run(threeBody({ name: 'a' }));
    const b = client.run(threeBody({ name: 'b' }));
    await until(() => w.runs.length === 2);
    w.runs[1]!.resolve(ok(w.runs[1]!.req, fakeResult('b')));
    await b;
    w.runs[0]!.resolve(ok(w.runs[0]!.req, fakeResult('a')));
    expect(await a).toBeNull();
    expect(store.getState().summary?.scenarioName).toBe('b');
    expect(shownRun(client).runId).toBe(2);
  });

  it('keeps the time shown when a rerun covers it; a failed run keeps the previous run on screen', async () => {
    const w = fakeConnection();
    const { store, fb, client } = setup([w]);
    const first = client.run(threeBody());
    await until(() => w.runs.length === 1);
    w.runs[0]!.resolve(ok(w.runs[0]!.req, fakeResult('x')));
    await first;
    fb.simTimeMs = epochMs + 1_800_000;
    const again = client.run(threeBody());
    await until(() => w.runs.length === 2);
    w.runs[1]!.resolve(ok(w.runs[1]!.req, fakeResult('y')));
    await again;
    expect(fb.simTimeMs).toBe(epochMs + 1_800_000);
    const bad = client.run(threeBody());
    await until(() => w.runs.length === 3);
    const errors = [{ path: 'durationH', message: 'must be > 0' }];
    w.runs[2]!.resolve({ runId: 3, ok: false, scenarioErrors: errors, ingestIssues: [], message: 'invalid scenario: 1 error' });
    await bad;
    expect(store.getState()).toMatchObject({ status: 'error', scenarioErrors: errors, errorMessage: 'invalid scenario: 1 error' });
    expect(store.getState().summary?.scenarioName).toBe('y');
    expect(shownRun(client).runId).toBe(2);
  });

  it('restarts a dead worker and re-submits the last run with a new run id', async () => {
    const w1 = fakeConnection();
    const w2 = fakeConnection();
    const { store, client, asked } = setup([w1, w2]);
    const scenario = threeBody({ name: 'kept' });
    const first = client.run(scenario);
    await until(() => w1.runs.length === 1);
    w1.die(new Error('worker error: out of memory'));
    expect(await first).toBeNull();
    await until(() => w2.runs.length === 1);
    expect(w1.isDisposed()).toBe(true);
    expect(asked).toEqual(['worker', 'worker']);
    expect(w2.runs[0]!.req.scenario).toBe(scenario);
    expect(w2.runs[0]!.req.runId).toBe(2);
    expect(store.getState()).toMatchObject({ notice: WORKER_RESTARTED_NOTICE, errorMessage: null, status: 'running' });
    w2.runs[0]!.resolve(ok(w2.runs[0]!.req, fakeResult('kept')));
    await until(() => store.getState().status === 'ready');
    expect(shownRun(client).runId).toBe(2);
    expect(store.getState().notice).toBe(WORKER_RESTARTED_NOTICE);
    const next = client.run(scenario); // the user's next run clears the notice
    expect(store.getState().notice).toBeNull();
    await until(() => w2.runs.length === 2);
    w2.runs[1]!.resolve(ok(w2.runs[1]!.req, fakeResult('kept')));
    await next;
  });

  it('a worker that dies while idle: the run shown is re-submitted (not a later request that failed); an orbit view needs nothing', async () => {
    const [w1, w2] = [fakeConnection(), fakeConnection()];
    let orbitRestarted: ((part: number, reason: string) => void) | undefined;
    const big = threeBody({
      name: 'big',
      constellation: { sources: [{ kind: 'walker', planes: 30, satsPerPlane: 41, phasing: 1, altitudeKm: 550, inclinationDeg: 53 }] },
    });
    const { store, fb, client, asked } = setup([w1, w2], {
      maxSimSatellites: 1000,
      wait: () => new Promise((r) => setTimeout(r, 1)),
      openPool: async (_viewId, _scenario, _files, onRestart) => {
        orbitRestarted = onRestart;
        const block = async (runId: number, startMs: number, stepS: number, count: number) => ({
          ...{ runId, startMs, stepS, count, satCount: 1 },
          ...{
            positionsKm: new Float32Array(count * 3),
            velocitiesKmS: new Float32Array(count * 3),
            islOffsets: new Int32Array(count + 1),
            islPairs: new Int32Array(0),
          },
        });
        const pool = { satCount: 1, startMs: epochMs, endMs: epochMs + 3_600_000, issues: [], workers: 2, keyframes: block };
        return { ok: true, pool: { ...pool, describe: async () => null, search: async () => [], dispose: () => undefined } };
      },
    });
    const shownScenario = threeBody({ name: 'shown' });
    void client.run(shownScenario);
    await until(() => w1.runs.length === 1);
    w1.runs[0]!.resolve(ok(w1.runs[0]!.req, fakeResult('shown')));
    await until(() => store.getState().status === 'ready');
    fb.simTimeMs = epochMs + 600_000;
    const bad = client.run(threeBody({ name: 'bad', durationH: -1 }));
    await until(() => w1.runs.length === 2);
    w1.runs[1]!.resolve({ runId: 2, ok: false, scenarioErrors: [{ path: 'durationH', message: 'must be > 0' }], ingestIssues: [], message: 'invalid' });
    await bad;
    w1.die(new Error('simulation worker stopped')); // idle, a run shown
    await until(() => w2.runs.length === 1);
    expect(w2.runs[0]!.req.scenario).toBe(shownScenario);
    w2.runs[0]!.resolve(ok(w2.runs[0]!.req, fakeResult('shown')));
    await until(() => store.getState().status === 'ready');
    expect([shownRun(client).runId, fb.simTimeMs, store.getState().notice]).toEqual([3, epochMs + 600_000, WORKER_RESTARTED_NOTICE]);
    // An orbit view shown: a dead simulation worker holds nothing it needs, so nothing is re-submitted (or made).
    void client.run(big);
    await until(() => w2.runs.length === 2);
    w2.runs[1]!.resolve(orbitsOnly(w2.runs[1]!.req.runId, 1230, big));
    await until(() => client.shown.current.kind === 'orbits');
    w2.die(new Error('simulation worker stopped'));
    await new Promise((r) => setTimeout(r, 5));
    expect(asked).toEqual(['worker', 'worker']); // a third is made on the next request only
    expect(w2.runs).toHaveLength(2);
    expect(client.shown.current.kind).toBe('orbits');
    expect(store.getState().notice).toBe(WORKER_RESTARTED_NOTICE);
    // The orbit pool replaced one of its workers: said in the notice, the view stays.
    store.setState({ notice: null });
    orbitRestarted!(1, 'orbit worker stopped');
    expect(store.getState().notice).toBe(ORBIT_WORKER_RESTARTED_NOTICE);
    client.dispose();
  });

  it('a rejected run counts as a crash; a second crash on the same run gives up with a message', async () => {
    const w1 = fakeConnection();
    const w2 = fakeConnection();
    const { store, client } = setup([w1, w2]);
    void client.run(threeBody());
    await until(() => w1.runs.length === 1);
    w1.runs[0]!.resolve(ok(w1.runs[0]!.req, fakeResult('worked once'))); // the worker answered once
    await until(() => store.getState().status === 'ready');
    void client.run(threeBody());
    await until(() => w1.runs.length === 2);
    w1.runs[1]!.reject(new Error('DataCloneError'));
    await until(() => w2.runs.length === 1);
    w2.die(new Error('worker error'));
    await until(() => store.getState().status === 'error');
    expect(store.getState().errorMessage).toBe(WORKER_GAVE_UP_MESSAGE);
  });

  it('a worker that never answers and dies twice is replaced by the main thread', async () => {
    const [w1, w2, main] = [fakeConnection(), fakeConnection(), fakeConnection('main-thread')];
    const { store, client, asked } = setup([w1, w2, main]);
    void client.run(threeBody());
    await until(() => w1.runs.length === 1);
    w1.die(new Error('worker error: the worker script failed'));
    await until(() => w2.runs.length === 1);
    w2.die(new Error('worker error: the worker script failed'));
    await until(() => main.runs.length === 1);
    expect(asked).toEqual(['worker', 'worker', 'main-thread']);
    expect(warn).toHaveBeenCalledWith('simulation worker unusable: running the simulation on the main thread');
    expect(store.getState().notice).toBe(WORKER_RESTARTED_NOTICE); // from the first restart
    main.runs[0]!.resolve(ok(main.runs[0]!.req, fakeResult('here')));
    await until(() => store.getState().status === 'ready');
    expect(store.getState().summary?.scenarioName).toBe('here');
  });

  it('shows a scenario above the browser limit as orbits only: orbit pool, sliding window, then back to simulating', async () => {
    const w = fakeConnection();
    const opened: [number, string][] = [];
    const fills: [number, number][] = [];
    let disposed = 0;
    const big = threeBody({
      name: 'big',
      constellation: { sources: [{ kind: 'walker', planes: 30, satsPerPlane: 41, phasing: 1, altitudeKm: 550, inclinationDeg: 53 }] },
    });
    const { store, fb, client } = setup([w], {
      maxSimSatellites: 1000,
      wait: () => new Promise((r) => setTimeout(r, 1)),
      openPool: async (viewId, scenario) => {
        opened.push([viewId, scenario.name]);
        return {
          ok: true,
          pool: {
            satCount: 1230,
            startMs: epochMs,
            endMs: epochMs + 3_600_000,
            issues: [],
            workers: 2,
            keyframes: async (runId, startMs, stepS, count) => {
              fills.push([(startMs - epochMs) / 60_000, count]);
              return {
                runId,
                startMs,
                stepS,
                count,
                satCount: 1230,
                positionsKm: new Float32Array(count * 3690),
                velocitiesKmS: new Float32Array(count * 3690),
                islOffsets: new Int32Array(count + 1),
                islPairs: new Int32Array(0),
              };
            },
            describe: async (i) => ({ name: `MEGA ${i}`, norad: 900_000 + i }),
            search: async (q) => [{ index: 7, rank: 2, name: `${q} 7`, norad: 900_007 }],
            dispose: () => void disposed++,
          },
        };
      },
    });
    const shown = client.run(big);
    await until(() => w.runs.length === 1);
    // The worker counts the satellites (one catalogue load) and answers orbitsOnly with the validated scenario.
    expect(w.runs[0]!.req.maxSatellites).toBe(1000);
    w.runs[0]!.resolve(orbitsOnly(w.runs[0]!.req.runId, 1230, big));
    expect(await shown).toBeNull();
    expect(opened).toEqual([[2, 'big']]);
    expect(store.getState()).toMatchObject({ status: 'ready', summary: null, orbitView: { satCount: 1230, workers: 2 } });
    expect(client.shown.current).toEqual({
      kind: 'orbits',
      viewId: 2,
      satCount: 1230,
      workers: 2,
      scenario: parseScenario(big),
      startMs: epochMs,
      endMs: epochMs + 3_600_000,
    });
    expect(fb.simTimeMs).toBe(epochMs);
    // 1,230 satellites: 61-frame blocks (an hour), so the hour is one block; a two-frame bridge comes first, then
    // goes once the block is in.
    await until(() => fb.keyframes.length === 1 && fb.keyframes[0]!.count === 61);
    expect(fills.slice(0, 2)).toEqual([
      [0, 2],
      [0, 61],
    ]);
    expect(await client.describe(5)).toEqual({ name: 'MEGA 5', norad: 900_005 });
    expect(await client.search('MEGA')).toEqual([{ index: 7, rank: 2, name: 'MEGA 7', norad: 900_007 }]);
    expect(await client.exportRun('json')).toBeNull();
    // A small scenario simulates again; the pool is closed.
    const small = client.run(threeBody({ name: 'small' }));
    await until(() => w.runs.length === 2);
    w.runs[1]!.resolve(ok(w.runs[1]!.req, fakeResult('small')));
    await small;
    expect(disposed).toBe(1);
    expect(store.getState()).toMatchObject({ status: 'ready', orbitView: null });
    expect(shownRun(client).runId).toBe(3);
    expect(await client.describe(5)).toBeNull();
    expect(await client.search('MEGA')).toEqual([]);
    client.dispose();
  });

  it('changes what is shown once per run, orbit view and clear; each listener sees the store and frame buffer already changed', async () => {
    const w = fakeConnection();
    const pool = (satCount: number) => ({
      satCount,
      startMs: epochMs,
      endMs: epochMs + 3_600_000,
      issues: [],
      workers: 2,
      keyframes: () => new Promise<never>(() => undefined), // the window never fills: only the changes matter here
      describe: async () => null,
      search: async () => [],
      dispose: () => undefined,
    });
    const { store, fb, client } = setup([w], {
      maxSimSatellites: 1000,
      openPool: async (_id, sc) => ({ ok: true, pool: pool(sc.name === 'big' ? 1230 : 1640) }),
    });
    const seen: string[] = [];
    client.shown.subscribe((next, prev) => {
      const st = store.getState();
      const consistent =
        client.shown.current === next &&
        fb.keyframes.length === 0 &&
        fb.route === null &&
        (st.summary?.scenarioName ?? null) === (next.kind === 'run' ? next.result.summary.scenarioName : null) &&
        (st.orbitView?.satCount ?? null) === (next.kind === 'orbits' ? next.satCount : null);
      const id = next.kind === 'run' ? next.runId : next.kind === 'orbits' ? next.viewId : '';
      seen.push(`${prev.kind} → ${next.kind}${id}${consistent ? '' : ' INCONSISTENT'}`);
    });
    let answered = 0;
    /** Answers the next run request with `reply` and waits for the client to apply it. */
    const answer = async (reply: (req: RunRequest) => RunReply, pending: Promise<unknown>) => {
      await until(() => w.runs.length > answered);
      const r = w.runs[answered++]!;
      r.resolve(reply(r.req));
      await pending;
    };
    const walker = (name: string, planes: number) =>
      threeBody({ name, constellation: { sources: [{ kind: 'walker', planes, satsPerPlane: 41, phasing: 1, altitudeKm: 550, inclinationDeg: 53 }] } });
    await answer((req) => ok(req, fakeResult('small')), client.run(threeBody({ name: 'small' }))); // run 1
    await answer((req) => orbitsOnly(req.runId, 1230, walker('big', 30)), client.run(walker('big', 30))); // run 2 → view 3
    await answer((req) => orbitsOnly(req.runId, 1640, walker('bigger', 40)), client.run(walker('bigger', 40))); // run 4 → view 5
    // run 6: no change
    await answer((req) => ({ runId: req.runId, ok: false, scenarioErrors: [], ingestIssues: [], message: 'the run failed' }), client.run(threeBody()));
    await answer((req) => ok(req, fakeResult('again')), client.run(threeBody({ name: 'again' }))); // run 7
    client.dispose();
    expect(seen).toEqual([
      'none → run1',
      'run → orbits3',
      'orbits → none', // the first view's workers stop before the second view's open
      'none → orbits5',
      'orbits → run7',
      'run → none',
    ]);
    expect(store.getState()).toMatchObject({ summary: null, orbitView: null });
  });

  it('reports an orbit view that cannot open (the field named), keeping nothing half-open', async () => {
    const w = fakeConnection();
    const { store, client } = setup([w], {
      maxSimSatellites: 10,
      openPool: async () => ({
        ok: false,
        scenarioErrors: [],
        message: 'constellation.sources[0]: walker.planes × satsPerPlane: 3000000 satellites, more than 2000000',
      }),
    });
    const huge = threeBody({
      constellation: { sources: [{ kind: 'walker', planes: 300, satsPerPlane: 1000, phasing: 1, altitudeKm: 550, inclinationDeg: 53 }] },
    });
    const shown = client.run(huge);
    await until(() => w.runs.length === 1);
    w.runs[0]!.resolve(orbitsOnly(w.runs[0]!.req.runId, 300_000, huge));
    await shown;
    expect(store.getState()).toMatchObject({
      status: 'error',
      orbitView: null,
      errorMessage: 'constellation.sources[0]: walker.planes × satsPerPlane: 3000000 satellites, more than 2000000',
    });
    expect(client.shown.current.kind).toBe('none');
    client.dispose();
  });
});
