// Runs and imports sent to the simulation API under increasing run ids (orbit views take ids from the same
// sequence). A reply comes back only while its id is the latest: a superseded run's reply is dropped, whatever order
// replies arrive in. A rejected call or a dead worker goes to the connector (sim-connection.ts), which restarts it.
// Imports comlink and app modules; no React or three.
import * as Comlink from 'comlink';
import type { RunProgress, RunReply } from '../../workers/protocol.ts';
import type { ScenarioInput } from '../sim/scenario/schema.ts';
import type { SimConnection, SimConnector } from './sim-connection.ts';

export type Submission = { kind: 'run'; scenario: ScenarioInput; files?: Record<string, string> } | { kind: 'import'; text: string };

/** A reply of the latest request (an import's also says whether its summary replayed byte-identically). */
export type SubmitReply = RunReply & { replayMatches?: boolean };

export interface SubmissionHooks {
  /** A request left under `runId`; `resubmission`: the last one again, after a crash. */
  started(runId: number, resubmission: boolean): void;
  /** Progress of the latest request. */
  progress(p: RunProgress): void;
  /** The latest request found no connection (no worker and no main-thread API could be made). */
  failedToStart(err: unknown): void;
}

export interface RunSubmitter {
  /** Takes the next id without sending anything (an orbit view). */
  nextId(): number;
  /** True while `id` is the latest id taken. */
  isLatest(id: number): boolean;
  /** The last request of the user, null before any. */
  readonly last: Submission | null;
  /** The latest request while it waits for its reply (re-submitted when its worker dies), else null. */
  readonly pending: Submission | null;
  /** Sends `sub`; resolves with the reply and its connection, or null when superseded or broken. */
  submit(sub: Submission, resubmission?: boolean): Promise<{ reply: SubmitReply; connection: SimConnection } | null>;
  dispose(): void;
}

/** `maxSatellites`: above it the worker replies `orbitsOnly` instead of simulating. */
export function createRunSubmitter(connector: SimConnector, maxSatellites: number, hooks: SubmissionHooks): RunSubmitter {
  let latest = 0;
  let last: Submission | null = null;
  let pending: Submission | null = null;
  let disposed = false;
  const isLatest = (id: number) => !disposed && id === latest;

  async function submit(sub: Submission, resubmission = false): Promise<{ reply: SubmitReply; connection: SimConnection } | null> {
    if (disposed) return null;
    if (!resubmission) {
      last = sub;
      connector.userRequest();
    }
    const runId = ++latest;
    pending = sub;
    hooks.started(runId, resubmission);
    const onProgress = Comlink.proxy((p: RunProgress) => {
      if (isLatest(p.runId)) hooks.progress(p);
    });
    let c: SimConnection | null = null;
    let reply: SubmitReply;
    try {
      c = await connector.get();
      const call =
        sub.kind === 'run'
          ? c.api.run({ runId, scenario: sub.scenario, maxSatellites, ...(sub.files ? { files: sub.files } : {}) }, onProgress)
          : c.api.importRun({ runId, text: sub.text }, onProgress);
      reply = await Promise.race([call, c.died]);
    } catch (err) {
      if (!isLatest(runId)) return null;
      if (c)
        connector.broke(c, err); // still pending: the connector's `replaced` re-submits it
      else {
        pending = null;
        hooks.failedToStart(err);
      }
      return null;
    }
    if (reply.runId !== runId || !isLatest(runId)) return null; // superseded: drop
    pending = null;
    connector.answered(c);
    return { reply, connection: c };
  }

  return {
    nextId() {
      pending = null; // an orbit view supersedes the request
      return ++latest;
    },
    isLatest,
    get last() {
      return last;
    },
    get pending() {
      return pending;
    },
    submit,
    dispose() {
      disposed = true;
    },
  };
}
