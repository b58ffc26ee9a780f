// The one worker wrapper and the one shared-memory allocator: a worker's `error` or `messageerror` rejects `died`
// with a WorkerDiedError naming the worker (and the error event is handled, not printed); so does the release of its
// life lock (a worker terminated, closed or crashed without an event), and a worker that never says it holds one;
// requests wait until it does; a disposed worker's death is nobody's business; in-process connections never die;
// keyframe arrays go on shared memory only when the page is cross-origin isolated.
import { afterEach, describe, expect, it } from 'vitest';
import { allocFloat32, canShareMemory } from '../../src/app/shared-memory.ts';
import { connectWorker, inProcessConnection, WorkerDiedError } from '../../src/app/worker-connection.ts';
import { holdLifeLock, LIFE_LOCK_HELD, LIFE_LOCK_NONE, LIFE_LOCK_PREFIX, type LifeLocks } from '../../src/app/worker-life.ts';

/** Enough of a Worker for comlink and the wrapper: an event target that records what is posted and terminate(). */
class FakeWorker extends EventTarget {
  terminated = false;
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker says something to the page. */
  say(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** Web Locks on one origin: a lock goes to the next request when its holder's callback settles. */
class FakeLocks implements LifeLocks {
  private readonly queues = new Map<string, (() => Promise<unknown>)[]>();
  request(name: string, callback: () => Promise<unknown>): Promise<unknown> {
    const q = this.queues.get(name) ?? [];
    this.queues.set(name, q);
    q.push(callback);
    if (q.length === 1) void this.grant(name);
    return Promise.resolve();
  }
  private async grant(name: string): Promise<void> {
    const q = this.queues.get(name)!;
    while (q.length > 0) {
      await q[0]!();
      q.shift();
    }
  }
}

const settled = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e,
  );
const pending = async (p: Promise<unknown>) => Promise.race([settled(p), new Promise((r) => setTimeout(() => r('pending'), 20))]);

/** A connection over a fake worker and fake locks; `name` is the name the wrapper gave the worker. */
function connect(opts: { locks?: LifeLocks | null; startTimeoutMs?: number } = {}) {
  const w = new FakeWorker();
  let name = '';
  const c = connectWorker<{ ping(): Promise<string> }>(
    (n) => {
      name = n;
      return w as unknown as Worker;
    },
    'orbit worker',
    { locks: null, ...opts },
  );
  return { w, c, name };
}

describe('connectWorker', () => {
  it('rejects died on the error event with the worker named, and prevents the default report', async () => {
    const { w, c } = connect();
    const error = Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' });
    w.dispatchEvent(error);
    const err = await settled(c.died);
    expect(err).toBeInstanceOf(WorkerDiedError);
    expect((err as Error).message).toBe('orbit worker error: out of memory');
    expect(error.defaultPrevented).toBe(true);
    c.dispose();
    expect(w.terminated).toBe(true);
  });

  it('names a reply that cannot be deserialised; an error without a message says the script failed', async () => {
    const a = connect();
    a.w.dispatchEvent(new Event('messageerror'));
    expect(((await settled(a.c.died)) as Error).message).toBe('orbit worker messageerror: a reply could not be deserialised');
    const b = connect();
    b.w.dispatchEvent(new Event('error', { cancelable: true }));
    expect(((await settled(b.c.died)) as Error).message).toBe('orbit worker error: the worker script failed');
  });

  it('sends nothing until the worker holds its life lock, then everything in order', async () => {
    const { w, c, name } = connect();
    expect(name.startsWith(`${LIFE_LOCK_PREFIX}orbit worker:`)).toBe(true);
    void c.api.ping();
    void c.api.ping();
    expect(w.posted).toEqual([]);
    w.say(LIFE_LOCK_HELD);
    expect(w.posted).toHaveLength(2);
    expect((w.posted as { type: string; path: string[] }[]).map((m) => [m.type, m.path[0]])).toEqual([
      ['APPLY', 'ping'],
      ['APPLY', 'ping'],
    ]);
    void c.api.ping();
    expect(w.posted).toHaveLength(3); // open from then on
  });

  it('a worker whose life lock is released has died (terminated, closed or crashed: no event)', async () => {
    const locks = new FakeLocks();
    const { w, c, name } = connect({ locks });
    let endWorker: () => void = () => undefined;
    locks.request(name, () => new Promise<void>((r) => (endWorker = r))); // the worker holds it while it lives
    w.say(LIFE_LOCK_HELD); // the page asks for the lock too: granted only once the holder ends
    expect(await pending(c.died)).toBe('pending');
    endWorker();
    const err = await settled(c.died);
    expect(err).toBeInstanceOf(WorkerDiedError);
    expect((err as Error).message).toBe('orbit worker stopped');
  });

  it('a worker disposed by the page is not reported dead when its lock goes', async () => {
    const locks = new FakeLocks();
    const { w, c, name } = connect({ locks });
    let endWorker: () => void = () => undefined;
    locks.request(name, () => new Promise<void>((r) => (endWorker = r)));
    w.say(LIFE_LOCK_HELD);
    c.dispose();
    endWorker();
    expect(await pending(c.died)).toBe('pending');
  });

  it('a worker that says it cannot hold a lock is watched by its events only; one that says nothing in time is dead', async () => {
    const locks = new FakeLocks();
    const a = connect({ locks, startTimeoutMs: 10 });
    a.w.say(LIFE_LOCK_NONE);
    void a.c.api.ping();
    expect(a.w.posted).toHaveLength(1);
    expect(await pending(a.c.died)).toBe('pending'); // the start deadline was cleared
    const b = connect({ locks, startTimeoutMs: 10 });
    const err = await settled(b.c.died);
    expect((err as Error).message).toBe('orbit worker did not start within 0.01 s');
  });

  it('the worker side: holds the lock named like the worker, then says so; says NONE without the API or a life-lock name', async () => {
    const said: unknown[] = [];
    const requested: string[] = [];
    let callback: (() => Promise<unknown>) | null = null;
    const locks: LifeLocks = {
      request: async (n, cb) => {
        requested.push(n);
        callback = cb;
      },
    };
    holdLifeLock({ name: `${LIFE_LOCK_PREFIX}simulation worker:1`, postMessage: (m) => said.push(m) }, locks);
    expect(requested).toEqual([`${LIFE_LOCK_PREFIX}simulation worker:1`]);
    expect(said).toEqual([]); // not before the lock is granted
    const held = callback!();
    expect(said).toEqual([LIFE_LOCK_HELD]);
    expect(await pending(held)).toBe('pending'); // held for the rest of the worker's life
    holdLifeLock({ name: `${LIFE_LOCK_PREFIX}x`, postMessage: (m) => said.push(m) }, undefined);
    holdLifeLock({ name: 'someone else', postMessage: (m) => said.push(m) }, locks);
    expect(said).toEqual([LIFE_LOCK_HELD, LIFE_LOCK_NONE, LIFE_LOCK_NONE]);
    expect(requested).toHaveLength(1);
  });

  it('an in-process connection never dies and disposes to nothing', async () => {
    const api = { x: 1 };
    const c = inProcessConnection(api);
    expect(c.api).toBe(api);
    expect(await pending(c.died)).toBe('pending');
    expect(() => c.dispose()).not.toThrow();
  });
});

describe('allocFloat32', () => {
  afterEach(() => {
    delete (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  });

  it('plain memory unless the page is cross-origin isolated, then shared', () => {
    expect(canShareMemory()).toBe(false);
    const plain = allocFloat32(6);
    expect(plain.buffer).toBeInstanceOf(ArrayBuffer);
    expect(plain.length).toBe(6);
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = true;
    expect(canShareMemory()).toBe(true);
    const shared = allocFloat32(6);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.buffer.byteLength).toBe(24);
  });
});
