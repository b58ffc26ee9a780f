// The connection to the simulation API and its restart policy: a module worker (or the API on the main thread when
// no worker can be made, or the worker never answers), made on first use and replaced when it dies. Two crashes in a
// row without any answer from a worker move the simulation to the main thread; two crashes in a row after a worker
// answered give up until the next user request. Imports no React or three.
import type { SimApi } from '../../workers/protocol.ts';
import { connectWorker, inProcessConnection, type WorkerConnection } from './worker-connection.ts';

export type SimWhere = 'worker' | 'main-thread';

/** A connection to a SimApi: a worker, or the API object itself on the main thread. */
export interface SimConnection extends WorkerConnection<SimApi> {
  kind: SimWhere;
}

export interface SimConnectorEvents {
  /** A connection broke and the next one will be made on `where`: re-submit the last request. */
  replaced(where: SimWhere): void;
  /** Two crashes in a row on one request: nothing is re-submitted. */
  gaveUp(): void;
}

export interface SimConnector {
  /** The live connection, made on first use and after a death; rejects when none can be made (tried again next time). */
  get(): Promise<SimConnection>;
  /** `c` died, or a call on it rejected (the API never rejects a run on purpose). Ignored for a replaced `c`. */
  broke(c: SimConnection, err: unknown): void;
  /** A reply arrived on `c`: the crash count restarts. */
  answered(c: SimConnection): void;
  /** A request of the user (not a re-submission): the crash count restarts. */
  userRequest(): void;
  dispose(): void;
}

export function createSimConnector(connect: (where: SimWhere) => Promise<SimConnection>, events: SimConnectorEvents): SimConnector {
  let pending: Promise<SimConnection> | null = null;
  let live: SimConnection | null = null;
  let where: SimWhere = 'worker';
  let crashesInARow = 0;
  let workerAnswered = false;
  let disposed = false;

  function broke(c: SimConnection, err: unknown): void {
    if (disposed || c !== live) return;
    live = null;
    pending = null;
    c.dispose();
    crashesInARow++;
    console.warn(`simulation ${c.kind} stopped:`, err);
    if (crashesInARow >= 2 && !workerAnswered && where === 'worker') {
      where = 'main-thread'; // the worker never answered (e.g. its script cannot load): run here instead
      console.warn('simulation worker unusable: running the simulation on the main thread');
    } else if (crashesInARow >= 2) {
      events.gaveUp();
      return;
    }
    events.replaced(where);
  }

  return {
    get: () =>
      (pending ??= connect(where).then(
        (c) => {
          live = c;
          c.died.catch((err: unknown) => broke(c, err));
          return c;
        },
        (err: unknown) => {
          pending = null; // try again on the next request
          throw err;
        },
      )),
    broke,
    answered(c) {
      crashesInARow = 0;
      workerAnswered ||= c.kind === 'worker';
    },
    userRequest() {
      crashesInARow = 0;
    },
    dispose() {
      disposed = true;
      live?.dispose();
      live = null;
      pending = null;
    },
  };
}

/** A module worker when the browser can make one, else the API on the main thread (said on the console). */
export async function defaultConnect(where: SimWhere): Promise<SimConnection> {
  if (where === 'worker') {
    try {
      const make = (name: string) => new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name });
      return { ...connectWorker<SimApi>(make, 'simulation worker'), kind: 'worker' };
    } catch (err) {
      console.warn(`no web worker (${err instanceof Error ? err.message : String(err)}): the simulation runs on the main thread`);
    }
  }
  // Loaded only when needed: the simulation core stays out of the main bundle otherwise.
  const [{ createSimApi }, { browserDeps }] = await Promise.all([import('../sim/api/sim-api.ts'), import('./browser-deps.ts')]);
  return { ...inProcessConnection(createSimApi(browserDeps())), kind: 'main-thread' };
}
