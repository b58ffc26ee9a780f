// The sim client's parts on their own: the connector's restart policy, run ids with stale replies dropped, keyframe
// blocks of a run in time order, and the one orbit pool open at a time. (test/api/sim-client.test.ts drives them
// together through the client.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameBuffer } from '../../src/app/frame-buffer.ts';
import { streamRunKeyframes } from '../../src/app/keyframe-stream.ts';
import type { OpenPoolResult, OrbitPool } from '../../src/app/orbit-pool.ts';
import { createOrbitViews } from '../../src/app/orbit-view.ts';
import { createRunSubmitter } from '../../src/app/run-submission.ts';
import { createSimConnector, type SimConnection, type SimWhere } from '../../src/app/sim-connection.ts';
import type { KeyframeBlock, RunReply, SimApi } from '../../src/sim/api/protocol.ts';
import { threeBody } from '../helpers/run.ts';

/** A connection whose runs answer `reply` at once, and which the test can kill. */
function connection(
  kind: SimWhere,
  reply: (runId: number) => RunReply = (runId) => ({ runId, ok: false, scenarioErrors: [], ingestIssues: [], message: 'x' }),
) {
  let kill: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (kill = reject));
  died.catch(() => undefined);
  let disposed = false;
  const api = { run: async (req: { runId: number }) => reply(req.runId) } as unknown as SimApi;
  const conn: SimConnection = { api, kind, died, dispose: () => void (disposed = true) };
  return { conn, kill, disposed: () => disposed };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createSimConnector', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('connects once; a death replaces the connection; a second death without an answer moves to the main thread', async () => {
    const made = [connection('worker'), connection('worker'), connection('main-thread')];
    const asked: SimWhere[] = [];
    const events: string[] = [];
    const connector = createSimConnector(async (where) => (asked.push(where), made[asked.length - 1]!.conn), {
      replaced: (where) => events.push(`replaced: ${where}`),
      gaveUp: () => events.push('gave up'),
    });
    const first = await connector.get();
    expect(await connector.get()).toBe(first);
    made[0]!.kill(new Error('boom'));
    await flush();
    expect(made[0]!.disposed()).toBe(true);
    connector.broke(first, new Error('again')); // the replaced connection: ignored
    const second = await connector.get();
    made[1]!.kill(new Error('boom'));
    await flush();
    expect(await connector.get()).toBe(made[2]!.conn);
    expect(asked).toEqual(['worker', 'worker', 'main-thread']);
    expect(events).toEqual(['replaced: worker', 'replaced: main-thread']);
    expect(second).toBe(made[1]!.conn);
  });

  it('after a worker answered, two crashes in a row give up; a user request restarts the count', async () => {
    const made = [connection('worker'), connection('worker'), connection('worker'), connection('worker')];
    let k = 0;
    const events: string[] = [];
    const connector = createSimConnector(async () => made[k++]!.conn, { replaced: () => events.push('replaced'), gaveUp: () => events.push('gave up') });
    connector.answered(await connector.get());
    connector.broke(await connector.get(), new Error('1'));
    connector.userRequest();
    connector.broke(await connector.get(), new Error('2')); // first crash since the user's request
    connector.broke(await connector.get(), new Error('3'));
    expect(events).toEqual(['replaced', 'replaced', 'gave up']);
  });

  it('a connection that cannot be made is tried again on the next request', async () => {
    let attempts = 0;
    const ok = connection('worker');
    const connector = createSimConnector(
      async () => {
        if (attempts++ === 0) throw new Error('no Worker');
        return ok.conn;
      },
      { replaced: () => undefined, gaveUp: () => undefined },
    );
    await expect(connector.get()).rejects.toThrow('no Worker');
    expect(await connector.get()).toBe(ok.conn);
  });
});

describe('createRunSubmitter', () => {
  it('hands out increasing ids shared with orbit views and drops the reply of a superseded request', async () => {
    const answers: ((r: RunReply) => void)[] = [];
    const api = {
      run: (req: { runId: number }) => new Promise<RunReply>((resolve) => answers.push((r) => resolve({ ...r, runId: req.runId }))),
    } as unknown as SimApi;
    const conn: SimConnection = { api, kind: 'worker', died: new Promise<never>(() => undefined), dispose: () => undefined };
    const started: [number, boolean][] = [];
    const connector = createSimConnector(async () => conn, { replaced: () => undefined, gaveUp: () => undefined });
    const submitter = createRunSubmitter(connector, 20_000, {
      started: (id, re) => started.push([id, re]),
      progress: () => undefined,
      failedToStart: () => undefined,
    });
    const sub = { kind: 'run' as const, scenario: threeBody() };
    const a = submitter.submit(sub);
    expect(submitter.nextId()).toBe(2); // an orbit view supersedes run 1
    const b = submitter.submit(sub, true);
    await flush();
    const failure: RunReply = { runId: 0, ok: false, scenarioErrors: [], ingestIssues: [], message: 'm' };
    answers[0]!(failure);
    answers[1]!(failure);
    expect(await a).toBeNull();
    expect((await b)?.reply.runId).toBe(3);
    expect(started).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(submitter.last).toBe(sub);
    expect([submitter.isLatest(3), submitter.isLatest(2)]).toEqual([true, false]);
  });

  it('says when no connection could be made', async () => {
    const errors: unknown[] = [];
    const connector = createSimConnector(async () => Promise.reject(new Error('no Worker')), { replaced: () => undefined, gaveUp: () => undefined });
    const submitter = createRunSubmitter(connector, 20_000, { started: () => undefined, progress: () => undefined, failedToStart: (e) => errors.push(e) });
    expect(await submitter.submit({ kind: 'import', text: '{}' })).toBeNull();
    expect(errors.map((e) => (e as Error).message)).toEqual(['no Worker']);
  });
});

describe('streamRunKeyframes', () => {
  const block = (startMs: number, count: number) => ({ startMs, count }) as unknown as KeyframeBlock;

  it('a 2 h run at 60 s: 121 keyframes in blocks of 2, 60 and 59, each one version bump; stops when no longer shown', async () => {
    const fb = createFrameBuffer();
    const asked: [number, number][] = [];
    let shown = true;
    await streamRunKeyframes({
      fb,
      startMs: 0,
      endMs: 7_200_000,
      stepS: 60,
      perBlock: 60,
      isCurrent: () => shown,
      fetch: async (s, n) => (asked.push([s / 60_000, n]), block(s, n)),
    });
    expect(asked).toEqual([
      [0, 2],
      [2, 60],
      [62, 59],
    ]);
    expect([fb.keyframes.map((k) => k.count), fb.version]).toEqual([[2, 60, 59], 3]);
    const other = createFrameBuffer();
    await streamRunKeyframes({
      fb: other,
      startMs: 0,
      endMs: 7_200_000,
      stepS: 60,
      perBlock: 60,
      isCurrent: () => shown,
      fetch: async (s, n) => ((shown = false), block(s, n)),
    });
    expect(other.keyframes).toEqual([]); // the block of a run no longer shown is not kept
    shown = true;
    await streamRunKeyframes({ fb: other, startMs: 0, endMs: 7_200_000, stepS: 60, perBlock: 60, isCurrent: () => shown, fetch: async () => null });
    expect(other.version).toBe(0); // the worker no longer has the run
  });
});

describe('createOrbitViews', () => {
  const pool = (name: string, log: string[]): OrbitPool =>
    ({
      satCount: 1,
      describe: async (i: number) => ({ name: `${name} ${i}`, norad: i }),
      search: async () => [],
      dispose: () => log.push(`closed ${name}`),
    }) as unknown as OrbitPool;

  it('one pool open at a time: opening closes the previous one; a superseded opening keeps nothing', async () => {
    const log: string[] = [];
    const views = createOrbitViews(async (id) => ({ ok: true, pool: pool(`view ${id}`, log) }) as OpenPoolResult);
    expect(await views.describe(0)).toBeNull();
    await views.open(1, threeBody(), undefined, () => true);
    expect(await views.describe(3)).toEqual({ name: 'view 1 3', norad: 3 });
    expect(await views.open(2, threeBody(), undefined, () => false)).toBeNull();
    expect(log).toEqual(['closed view 1', 'closed view 2']);
    expect(await views.describe(3)).toBeNull();
    await views.open(3, threeBody(), undefined, () => true);
    views.close();
    expect(log).toEqual(['closed view 1', 'closed view 2', 'closed view 3']);
    expect(await views.search('x', 8)).toEqual([]);
  });
});
