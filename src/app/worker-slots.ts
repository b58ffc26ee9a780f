// Workers that are replaced when they die: a fixed number of slots (the orbit pool's parts), each holding one worker
// connection. A death (worker-connection.ts) starts one replacement per slot, however many callers saw it: a new
// worker is made and prepared (the orbit view loads the slot's slice again), then the calls the death failed are
// asked again. Deaths in a row without an answer in between are bounded. Imports app modules only; no React or three.
import { WorkerDiedError, type WorkerConnection } from './worker-connection.ts';

export interface WorkerSlotsOptions<Api> {
  /** A new worker for a slot. */
  connect(): WorkerConnection<Api>;
  /** Brings a new worker of slot k to the state of the one it replaces (resolves when it may be called). */
  prepare(k: number, api: Api, died: Promise<never>): Promise<void>;
  /** Deaths in a row of one slot that are still repaired; the next one fails the slot's calls for good. */
  maxRestarts: number;
  /** Told after a slot's worker was replaced and prepared (what the death said). */
  onRestart?(k: number, reason: string): void;
  /** Names slot k in the give-up message, e.g. "orbit worker 2 of 4". */
  label(k: number): string;
}

export interface WorkerSlots<Api> {
  /** `f` on slot k's worker; a death in between waits for the replacement and calls `f` on it. */
  call<T>(k: number, f: (api: Api) => Promise<T>): Promise<T>;
  /** `f` on every slot, results in slot order. */
  all<T>(f: (api: Api) => Promise<T>): Promise<T[]>;
  /** Terminates every worker; no replacement afterwards. */
  dispose(): void;
}

interface Slot<Api> {
  conn: WorkerConnection<Api>;
  replacing: Promise<void> | null;
  deathsInARow: number;
  failed: Error | null;
}

/** Slots over `conns` (ready workers: the first generation was prepared by the caller). */
export function createWorkerSlots<Api>(conns: WorkerConnection<Api>[], opts: WorkerSlotsOptions<Api>): WorkerSlots<Api> {
  const slots: Slot<Api>[] = conns.map((conn) => ({ conn, replacing: null, deathsInARow: 0, failed: null }));
  let closed = false;

  /** New workers for slot k until one is prepared, or the bound is passed. */
  async function reload(k: number, reason: unknown): Promise<void> {
    const s = slots[k]!;
    for (;;) {
      if (closed) throw new WorkerDiedError(`${opts.label(k)}: closed`);
      if (++s.deathsInARow > opts.maxRestarts) {
        throw new WorkerDiedError(`${opts.label(k)} stopped ${s.deathsInARow} times in a row (${messageOf(reason)}): not restarted again`);
      }
      const next = opts.connect();
      try {
        await Promise.race([opts.prepare(k, next.api, next.died), next.died]);
        if (closed) throw new WorkerDiedError(`${opts.label(k)}: closed`);
      } catch (err) {
        next.dispose();
        if (!(err instanceof WorkerDiedError) || closed) throw err;
        reason = err;
        continue;
      }
      s.conn = next;
      watch(k, next);
      opts.onRestart?.(k, messageOf(reason));
      return;
    }
  }

  /** Replaces slot k's worker `dead`: once, whoever asks; a later death of its successor is a new replacement. */
  function replace(k: number, dead: WorkerConnection<Api>, reason: unknown): Promise<void> {
    const s = slots[k]!;
    if (s.failed) return Promise.reject(s.failed);
    if (s.conn !== dead || s.replacing) return s.replacing ?? Promise.resolve();
    dead.dispose();
    const replacing = reload(k, reason).then(
      () => void (s.replacing = null),
      (err: unknown) => {
        s.failed = err instanceof Error ? err : new Error(String(err));
        s.replacing = null;
        throw s.failed;
      },
    );
    replacing.catch(() => undefined); // reported to the calls waiting on it
    return (s.replacing = replacing);
  }

  /** A death is repaired at once, not at the next call: the view keeps its workers while it plays from loaded blocks. */
  function watch(k: number, conn: WorkerConnection<Api>): void {
    conn.died.catch((err: unknown) => replace(k, conn, err)).catch(() => undefined);
  }
  slots.forEach((s, k) => watch(k, s.conn));

  async function call<T>(k: number, f: (api: Api) => Promise<T>): Promise<T> {
    for (;;) {
      const s = slots[k]!;
      if (s.failed) throw s.failed;
      if (s.replacing) {
        await s.replacing;
        continue;
      }
      const conn = s.conn;
      try {
        const r = await Promise.race([f(conn.api), conn.died]);
        s.deathsInARow = 0;
        return r;
      } catch (err) {
        if (!(err instanceof WorkerDiedError) || closed) throw err;
        await replace(k, conn, err);
      }
    }
  }

  return {
    call,
    all: (f) => Promise.all(slots.map((_, k) => call(k, f))),
    dispose() {
      closed = true;
      slots.forEach((s) => s.conn.dispose());
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
