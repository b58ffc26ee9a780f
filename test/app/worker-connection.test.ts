// The one worker wrapper and the one shared-memory allocator: a worker's `error` or `messageerror` rejects `died`
// with a WorkerDiedError naming the worker (and the error event is handled, not printed); in-process connections
// never die; keyframe arrays go on shared memory only when the page is cross-origin isolated.
import { afterEach, describe, expect, it } from 'vitest';
import { allocFloat32, canShareMemory } from '../../src/app/shared-memory.ts';
import { connectWorker, inProcessConnection, WorkerDiedError } from '../../src/app/worker-connection.ts';

/** Enough of a Worker for comlink and the wrapper: an event target that records terminate(). */
class FakeWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const settled = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e,
  );

describe('connectWorker', () => {
  it('rejects died on the error event with the worker named, and prevents the default report', async () => {
    const w = new FakeWorker();
    const c = connectWorker<{ ping(): Promise<string> }>(w as unknown as Worker, 'orbit worker');
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
    const a = new FakeWorker();
    const ca = connectWorker(a as unknown as Worker, 'simulation worker');
    a.dispatchEvent(new Event('messageerror'));
    expect(((await settled(ca.died)) as Error).message).toBe('simulation worker messageerror: a reply could not be deserialised');
    const b = new FakeWorker();
    const cb = connectWorker(b as unknown as Worker, 'simulation worker');
    b.dispatchEvent(new Event('error', { cancelable: true }));
    expect(((await settled(cb.died)) as Error).message).toBe('simulation worker error: the worker script failed');
  });

  it('an in-process connection never dies and disposes to nothing', async () => {
    const api = { x: 1 };
    const c = inProcessConnection(api);
    expect(c.api).toBe(api);
    expect(
      await Promise.race([
        c.died.then(
          () => 'died',
          () => 'died',
        ),
        Promise.resolve('pending'),
      ]),
    ).toBe('pending');
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
