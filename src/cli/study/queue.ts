// Runs a study's points on `ocsim worker`s through a Redis queue (BullMQ): stores the study once, enqueues one
// idempotent job per point, collects the rows as workers finish them, and cleans up. docs/studies.md §4.
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../sim/engine/result-types.ts';
import { PointError, type PointJob } from './point-pool.ts';
import {
  connectRedis,
  decodeValues,
  eventsStreamKey,
  KEY_PREFIX,
  POINT_ATTEMPTS,
  POINT_BACKOFF_MS,
  pointJobId,
  QUEUE_NAME,
  STUDY_TTL_S,
  studyKey,
  studyNamesKey,
  studyRecordKey,
  type PointData,
  type PointResult,
  type StudyRecord,
} from './queue-protocol.ts';
import type { StudyContext } from './study-context.ts';

export interface QueueOptions {
  url: string;
  signal?: AbortSignal;
  onRow(index: number, values: (number | null)[], names: string[] | null): void;
  /** One line for the user (stderr by default): waiting for workers, reused points, what was left in Redis. */
  log?(line: string): void;
}

/** How often Redis is re-read for rows whose event was missed (and the study record refreshed), ms. */
const RECONCILE_MS = 10_000;
const CHUNK = 500;
const CLEANUP_TIMEOUT_MS = 15_000;

type PointQueue = Queue<PointData, PointResult>;

/**
 * The points still awaited (job id → job) and the workers whose rows arrived. Rows go to `onRow` as they come,
 * except the first, held until the end to carry the metric names (stored once per study, not in every job).
 */
class Collection {
  readonly pending = new Map<string, PointJob>();
  readonly workers = new Set<string>();
  reused = 0;
  saidWaiting = false;
  /** A point failed: the study is not complete even with nothing pending. */
  failed = false;
  private held: [number, (number | null)[]] | null = null;
  private first = true;
  constructor(
    readonly key: string,
    jobs: readonly PointJob[],
    private readonly onRow: QueueOptions['onRow'],
  ) {
    for (const j of jobs) this.pending.set(pointJobId(key, j.index), j);
  }

  /** Takes a finished point's row if it is still awaited. */
  take(jobId: string, r: PointResult | null | undefined): boolean {
    const job = this.pending.get(jobId);
    if (!job || !r || !Array.isArray(r.v)) return false;
    this.pending.delete(jobId);
    this.workers.add(r.w);
    if (this.first) this.held = [job.index, decodeValues(r.v)];
    else this.onRow(job.index, decodeValues(r.v), null);
    this.first = false;
    return true;
  }

  /** Delivers the held row with the names (null if they cannot be read: the caller then finds them itself). */
  async release(names: () => Promise<string[] | null>): Promise<void> {
    if (!this.held) return;
    const [index, values] = this.held;
    this.held = null;
    this.onRow(index, values, await names().catch(() => null));
  }
}

/** Enqueues `jobs` on the Redis queue at `url`, collects their rows; resolves to the number of workers seen. */
export async function evaluateOnQueue(ctx: StudyContext, jobs: readonly PointJob[], o: QueueOptions): Promise<number> {
  if (jobs.length === 0) return 0;
  const redis = await connectRedis(o.url, '--queue');
  const log = o.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const c = new Collection(studyKey(ctx), jobs, o.onRow);
  const connection = { url: o.url };
  const queue: PointQueue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
  queue.on('error', () => {}); // BullMQ reconnects by itself; the study waits meanwhile
  let events: QueueEvents | undefined;
  try {
    await storeStudy(redis, c.key, ctx);
    // Events from this id on: none between here and the end is missed (a later XREAD '$' could miss some).
    const last = (await redis.xrevrange(eventsStreamKey(), '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    events = new QueueEvents(QUEUE_NAME, { connection, prefix: KEY_PREFIX, lastEventId: last });
    events.on('error', () => {});
    for (let i = 0; i < jobs.length && !o.signal?.aborted; i += CHUNK) await enqueue(queue, c.key, jobs.slice(i, i + CHUNK));
    return await collect(c, { queue, events, redis, ctx, o, log });
  } finally {
    const names = async () => JSON.parse((await redis.get(studyNamesKey(c.key))) ?? 'null') as string[] | null;
    await withTimeout(c.release(names), CLEANUP_TIMEOUT_MS);
    await withTimeout(cleanup(c, queue, redis, ctx.plan.points.length, log), CLEANUP_TIMEOUT_MS);
    await events?.close();
    await queue.close();
    redis.disconnect();
  }
}

async function storeStudy(redis: Redis, key: string, ctx: StudyContext): Promise<void> {
  const record: StudyRecord = { format: 'ocsim-queue-study', engineVersion: ENGINE_VERSION, scenarioHash: ctx.scenarioHash, spec: ctx.spec, base: ctx.base };
  await redis.set(studyRecordKey(key), JSON.stringify(record), 'EX', STUDY_TTL_S);
}

async function enqueue(queue: PointQueue, key: string, jobs: readonly PointJob[]): Promise<void> {
  const keep = { age: STUDY_TTL_S };
  await queue.addBulk(
    jobs.map((j) => ({
      name: 'point',
      data: { s: key, i: j.index, a: j.assignments },
      opts: {
        jobId: pointJobId(key, j.index),
        attempts: POINT_ATTEMPTS,
        backoff: { type: 'exponential', delay: POINT_BACKOFF_MS },
        removeOnComplete: keep,
        removeOnFail: keep,
      },
    })),
  );
}

interface Session {
  queue: PointQueue;
  events: QueueEvents;
  redis: Redis;
  ctx: StudyContext;
  o: QueueOptions;
  log(line: string): void;
}

/** Waits for every pending row (events, and a periodic look at Redis for any missed); rejects on a failed point only. */
function collect(c: Collection, x: Session): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    let busy = false;
    let lastError = '';
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      x.o.signal?.removeEventListener('abort', stop);
      x.events.removeAllListeners('completed').removeAllListeners('failed');
      f();
    };
    const check = () => c.pending.size === 0 && settle(() => resolve(c.workers.size));
    const fail = (jobId: string, reason: string) => {
      const job = c.pending.get(jobId);
      if (!job) return;
      c.pending.delete(jobId); // the failed job stays in Redis (with its reason) until a re-run retries it
      c.failed = true;
      settle(() => reject(new PointError(job.index, reason)));
    };
    const stop = () => settle(() => resolve(c.workers.size));
    const tick = async (first: boolean) => {
      if (busy || settled) return;
      busy = true;
      try {
        await reconcile(c, x, first, fail);
        check();
        if (!settled) await tellIfNoWorker(c, x);
      } catch (err) {
        // Redis unreachable or restarting: wait and look again (the points are safe in Redis or get re-added).
        if ((err as Error).message !== lastError) x.log(`queue: Redis: ${(lastError = (err as Error).message)}; retrying`);
      } finally {
        busy = false;
      }
    };
    x.events.on('completed', ({ jobId, returnvalue }) => c.take(jobId, returnvalue as PointResult) && check());
    x.events.on('failed', ({ jobId, failedReason }) => fail(jobId, failedReason));
    const timer = setInterval(() => void tick(false), RECONCILE_MS);
    x.o.signal?.addEventListener('abort', stop, { once: true });
    if (x.o.signal?.aborted) stop();
    void tick(true);
  });
}

/**
 * Brings the pending points up to date from Redis: takes rows already there (finished in an earlier run: reused,
 * or whose event was missed), retries points that failed in an earlier run (first pass) or fails the study (later),
 * re-adds points someone removed, and keeps the study record alive.
 */
async function reconcile(c: Collection, x: Session, first: boolean, fail: (jobId: string, reason: string) => void): Promise<void> {
  if ((await x.redis.expire(studyRecordKey(c.key), STUDY_TTL_S)) === 0) await storeStudy(x.redis, c.key, x.ctx);
  const ids = [...c.pending.keys()];
  let retried = 0;
  for (let k = 0; k < ids.length; k += CHUNK) {
    const chunk = ids.slice(k, k + CHUNK);
    const states = await Promise.all(chunk.map((id) => x.queue.getJobState(id)));
    const lost: PointJob[] = [];
    await Promise.all(
      chunk.map(async (id, n) => {
        const state = states[n];
        if (state === 'unknown') lost.push(c.pending.get(id)!);
        if (state !== 'completed' && state !== 'failed') return;
        const job = await x.queue.getJob(id);
        if (!job) return;
        if (state === 'completed' && c.take(id, job.returnvalue) && first) c.reused++;
        if (state === 'failed' && first) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(() => retried++);
        else if (state === 'failed') fail(id, job.failedReason);
      }),
    );
    if (lost.length) await enqueue(x.queue, c.key, lost);
  }
  if (first && c.reused) x.log(`queue: ${pts(c.reused)} were already finished on the queue (an earlier run of this study); reusing them`);
  if (first && retried) x.log(`queue: retrying ${pts(retried)} that failed in an earlier run of this study`);
}

/** Says once, while points wait, that no worker serves the queue and how to start one. */
async function tellIfNoWorker(c: Collection, x: Session): Promise<void> {
  if (c.saidWaiting || c.pending.size === 0) return;
  const workers = await x.queue.getWorkersCount().catch(() => -1); // -1: CLIENT LIST not allowed (some hosted Redis)
  if (workers !== 0) return;
  c.saidWaiting = true;
  x.log(`queue: no worker serves ${x.o.url} yet; waiting (start one on any machine: ocsim worker --queue ${x.o.url})`);
}

/**
 * A finished study leaves nothing: its jobs and record are removed. An interrupted or failed one removes its
 * waiting points (so workers stop on it); points in progress finish, and finished points stay for a re-run
 * (STUDY_TTL_S) with the record.
 */
async function cleanup(c: Collection, queue: PointQueue, redis: Redis, points: number, log: (line: string) => void): Promise<void> {
  if (c.pending.size === 0 && !c.failed) {
    for (let k = 0; k < points; k += CHUNK) {
      await Promise.all(Array.from({ length: Math.min(CHUNK, points - k) }, (_, n) => queue.remove(pointJobId(c.key, k + n))));
    }
    await redis.del(studyRecordKey(c.key), studyNamesKey(c.key));
    return;
  }
  if (c.pending.size === 0) return;
  let removed = 0;
  const ids = [...c.pending.keys()];
  for (let k = 0; k < ids.length; k += CHUNK) removed += (await Promise.all(ids.slice(k, k + CHUNK).map((id) => queue.remove(id)))).reduce((a, b) => a + b, 0);
  log(
    `queue: ${pts(removed)} waiting left the queue; points in progress finish on their workers; ` +
      `finished points stay in Redis for a re-run (${STUDY_TTL_S / 86_400} days)`,
  );
}

const pts = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

async function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
