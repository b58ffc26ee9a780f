// `ocsim sweep --queue` with `ocsim worker` processes on a real redis-server started here (free port, no
// persistence, stopped by its pid): the CSV is byte-identical to the local run although a worker is SIGKILLed while
// it holds a point; a re-run reuses what an interrupted run finished (each point evaluated once); a point the
// engine refuses fails the study naming it, without retries; a stopped worker hands its point back at once.
// Needs redis-server (.ci/run installs it): a failure in CI without it, a visible skip elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { main } from '../../src/cli/main.ts';
import { PointError } from '../../src/cli/study/point-pool.ts';
import { evaluateOnQueue } from '../../src/cli/study/queue.ts';
import { KEY_PREFIX, pointJobId, QUEUE_NAME, studyKey } from '../../src/cli/study/queue-protocol.ts';
import { studyContext } from '../../src/cli/study/study-context.ts';
import { DEFAULT_PRESET } from '../../src/sim/scenario/presets.ts';
import { freePort, ocsimChild, redisServerPath, startRedis, stopChild, until, type RedisServer } from '../helpers/redis-server.ts';

async function ocsim(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s), err: (s) => (err += `${s}\n`), isTty: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ocsim-queue-'));
/** 10 points of a processing sweep (≈ 0.4 s each on the default scenario over 72 h). */
const SWEEP = ['sweep', '--hours', '72', '--vary', 'satellite.compute.topsInt8=417:744:10', '--quiet'];
/** Short locks, so a killed worker's point is taken up again within seconds (defaults: 30 s and 30 s). */
const FAST_STALLS = ['--concurrency', '1', '--lock-duration-ms', '3000', '--stalled-interval-ms', '1000'];
/** The indices of the points a worker's log says it finished. */
const pointsDone = (log: string) => [...log.matchAll(/study \w+ point (\d+): /g)].map((m) => Number(m[1]));

describe('--queue without a Redis', () => {
  it('refuses a URL that is not redis:// and a Redis nobody answers, naming the flag', async () => {
    const port = await freePort();
    const down = await ocsim(...SWEEP, '--queue', `redis://127.0.0.1:${port}`);
    expect([down.code, down.err.trim()]).toEqual([
      2,
      `ocsim: --queue: cannot reach Redis at redis://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port})`,
    ]);
    const bad = await ocsim('worker', '--queue', 'http://127.0.0.1:6379');
    expect([bad.code, bad.err.trim()]).toEqual([2, 'ocsim: --queue: "http://127.0.0.1:6379" is not a redis://HOST:PORT URL']);
  });
});

const REDIS = redisServerPath();
const MISSING = 'redis-server is not installed: the queue tests need it (Debian: apt-get install redis-server; .ci/run installs it)';
if (!REDIS && !process.env.CI) console.warn(`note: skipping test/cli/study-queue.test.ts: ${MISSING}`);

describe.skipIf(!REDIS && !process.env.CI)('ocsim worker and --queue on a real redis-server', () => {
  let server: RedisServer;
  let redis: Redis;
  let url = '';
  const localCsv = join(dir, 'local.csv');
  const children: ReturnType<typeof ocsimChild>[] = [];
  const worker = () => {
    const w = ocsimChild(['worker', '--queue', url, ...FAST_STALLS]);
    children.push(w);
    return w;
  };
  let survivor: ReturnType<typeof ocsimChild>;

  beforeAll(async () => {
    if (!REDIS) throw new Error(MISSING); // in CI a missing server is a failure, not a skip
    server = await startRedis(REDIS);
    url = server.url;
    redis = new Redis(url);
    expect((await ocsim(...SWEEP, '--workers', '0', '--out', localCsv)).code).toBe(0);
  });

  afterAll(async () => {
    for (const c of children) await stopChild(c.child, 'SIGKILL');
    redis?.disconnect();
    await server?.stop();
  });

  /** The ids of the active jobs held by worker `name` (BullMQ keeps the holder in the job's `pb` field). */
  const heldBy = async (name: string) => {
    const active = await redis.lrange(`${KEY_PREFIX}:${QUEUE_NAME}:active`, 0, -1);
    const holders = await Promise.all(active.map((id) => redis.hget(`${KEY_PREFIX}:${QUEUE_NAME}:${id}`, 'pb')));
    return active.filter((_, n) => holders[n] === name);
  };

  it('runs on two workers, one SIGKILLed while it holds a point, into the bytes of the local run; Redis is left clean', async () => {
    const out = join(dir, 'queue.csv');
    const coordinator = ocsimChild([...SWEEP, '--queue', url, '--out', out]);
    children.push(coordinator);
    await until(() => coordinator.err().includes('queue: no worker'), 'the note that no worker serves the queue');
    expect(coordinator.err().trim()).toBe(`queue: no worker serves ${url} yet; waiting (start one on any machine: ocsim worker --queue ${url})`);
    const victim = worker();
    survivor = worker();
    await until(() => pointsDone(victim.err()).length >= 1, 'the first point of the worker to kill');
    const name = `${hostname()}:${victim.child.pid}`;
    await until(async () => (await heldBy(name)).length === 1, 'the worker to kill holding its next point');
    victim.child.kill('SIGKILL');
    await victim.exit;
    const held = await heldBy(name); // read again: it may have moved to another point before the kill landed
    expect(await coordinator.exit).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(localCsv, 'utf8'));
    // The killed worker's point went back to the queue once its lock expired, and the other worker did it.
    const stalled = (await redis.xrange(`${KEY_PREFIX}:${QUEUE_NAME}:events`, '-', '+')).filter(([, f]) => f[1] === 'stalled').map(([, f]) => f[3]);
    expect(stalled).toEqual(held);
    expect(pointsDone(survivor.err())).toContain(Number(held[0]!.split('-')[1]));
    expect(await redis.keys(`${KEY_PREFIX}:study:*`)).toEqual([]);
    expect(await redis.keys(`${KEY_PREFIX}:${QUEUE_NAME}:*[0-9a-f]-[0-9]*`)).toEqual([]); // no job of the study is left
  });

  it('re-running an interrupted study reuses the points it finished: each point is evaluated once', async () => {
    const out = join(dir, 'rerun.csv');
    const before = pointsDone(survivor.err()).length;
    const first = ocsimChild([...SWEEP, '--queue', url, '--out', out]);
    children.push(first);
    // Wait for the coordinator's checkpoint, not the worker's log: a completion reaches the coordinator after the worker
    // logs it, and under load the SIGINT could otherwise land between the two.
    const checkpointRows = () => (existsSync(`${out}.partial.jsonl`) ? readFileSync(`${out}.partial.jsonl`, 'utf8').trim().split('\n').length - 1 : 0);
    await until(() => pointsDone(survivor.err()).length >= before + 3 && checkpointRows() >= 3, 'three points of the first run in its checkpoint');
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(130);
    // The checkpoint has the finished rows, one of them with the metric names (read from Redis, not recomputed).
    const kept = readFileSync(`${out}.partial.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.filter((p) => p.n).map((p) => p.n)).toEqual([readFileSync(localCsv, 'utf8').split('\n')[0]!.split(',').slice(1)]);
    expect(first.err()).toMatch(
      /^queue: [1-7] points? waiting left the queue; points in progress finish on their workers; finished points stay in Redis for a re-run \(7 days\)$/m,
    );
    const rerun = await ocsim(...SWEEP, '--queue', url, '--out', out);
    expect(rerun.code).toBe(0);
    const reused = Number(/queue: (\d+) points? were already finished on the queue/.exec(rerun.err)?.[1]);
    expect(reused).toBeGreaterThanOrEqual(3);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(localCsv, 'utf8'));
    expect(
      pointsDone(survivor.err())
        .slice(before)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a point the engine refuses fails the study with its message, without retries', async () => {
    const ctx = await studyContext(DEFAULT_PRESET, { hours: 1 }, () => ({
      kind: 'sweep',
      axes: [{ path: 'satellite.compute.utilisation', values: [0.3, 2] }],
    }));
    const jobs = ctx.plan.order.map((index) => ({ index, assignments: ctx.plan.points[index]!.assignments }));
    const lines: string[] = [];
    const run = evaluateOnQueue(ctx, jobs, { url, onRow: () => {}, log: (l) => lines.push(l) });
    await expect(run).rejects.toThrow(new PointError(1, 'satellite.compute.utilisation=2: satellite.compute.utilisation: must be within [0.01, 1]'));
    const queue = new Queue(QUEUE_NAME, { connection: { url }, prefix: KEY_PREFIX });
    const job = (await queue.getJob(pointJobId(studyKey(ctx), 1)))!;
    expect([await job.getState(), job.attemptsMade]).toEqual(['failed', 1]);
    await queue.close();
  });

  it('a worker stopped by SIGTERM hands its point in progress back to the queue at once and exits 0', async () => {
    const coordinator = ocsimChild([...SWEEP, '--seed', '7', '--queue', url]);
    children.push(coordinator);
    const name = `${hostname()}:${survivor.child.pid}`;
    let held: string[] = [];
    await until(async () => (held = await heldBy(name)).length === 1, 'the worker holding a point of a new study');
    expect(await stopChild(survivor.child, 'SIGTERM')).toBe(0);
    expect(survivor.err().trim().split('\n').slice(-2)).toEqual([
      `ocsim worker ${name}: stopping: points in progress go back to the queue`,
      `ocsim worker ${name}: stopped`,
    ]);
    expect(await redis.llen(`${KEY_PREFIX}:${QUEUE_NAME}:active`)).toBe(0); // back now, not once its lock expires
    expect(await redis.lrange(`${KEY_PREFIX}:${QUEUE_NAME}:wait`, 0, -1)).toContain(held[0]);
    expect(await stopChild(coordinator.child, 'SIGINT')).toBe(130);
  });
});
