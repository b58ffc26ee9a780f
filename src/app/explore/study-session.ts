// Runs the Explore view's studies on the simulation worker (studyPoints), one at a time: a new study cancels the
// one running; rows of a superseded study or run are dropped (each call has its own study id); a slider's updates
// never pile up (while one is in flight only the latest value waits); single points for refining a crossover.
// Listeners hear every change and redraw at their own pace. Pure: the calls and the wall clock are injected.
import type { StudyPointsReply, StudyPointsRequest, StudyRow } from '../../../workers/protocol.ts';
import type { Assignment } from '../../sim/study/apply.ts';
import type { BuiltStudy } from './explore-study.ts';

/** What the session needs of the sim client. `studyPoints` resolves null when the run is gone or the worker died. */
export interface StudyCalls {
  studyPoints(req: StudyPointsRequest, onRows: (rows: StudyRow[]) => void): Promise<StudyPointsReply | null>;
  cancelStudy(studyId: number): Promise<void>;
}

export type SessionStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SessionState {
  runId: number;
  built: BuiltStudy | null;
  /** Metric values by point index; undefined until the point arrives. */
  rows: ((number | null)[] | undefined)[];
  /** Points received by the running (or last) call, of `total`. */
  done: number;
  total: number;
  status: SessionStatus;
  error: string | null;
  /** The running (or last) call updates a slider's curves. */
  live: boolean;
  /** Wall time of the last finished call, ms (measured; shown as "updated in … ms"). */
  lastCallMs: number | null;
  /** Bumped on every change: a listener redraws when it differs from what it drew. */
  version: number;
}

export class SupersededError extends Error {
  override name = 'SupersededError';
}

interface Call {
  id: number;
  runId: number;
  built: BuiltStudy;
  live: boolean;
}

export interface StudySession {
  readonly state: Readonly<SessionState>;
  /** Key of the study last asked for (waiting, running or finished), with its run; null after a reset. */
  readonly requested: { runId: number; key: string } | null;
  /** Runs `built` against run `runId`, cancelling the call in flight; rows start empty. */
  start(runId: number, built: BuiltStudy): void;
  /**
   * A slider's update: runs now when nothing is in flight (a non-live call is cancelled), else waits as the one
   * pending update (replacing an older one). Rows of the same shape are kept and overwritten as they arrive.
   */
  live(runId: number, built: BuiltStudy): void;
  /** Stops the call in flight (the worker stops between points) and drops a pending update. */
  cancel(): void;
  /** Forgets everything (a new run is shown). */
  reset(): void;
  /** One point's metric values (refining a crossover); rejects with SupersededError when a study starts meanwhile. */
  evaluate(runId: number, assignments: Assignment[]): Promise<(number | null)[]>;
  subscribe(listener: () => void): () => void;
}

const EMPTY: SessionState = { runId: -1, built: null, rows: [], done: 0, total: 0, status: 'idle', error: null, live: false, lastCallMs: null, version: 0 };

export function createStudySession(calls: StudyCalls, nowMs: () => number = () => 0): StudySession {
  let state: SessionState = { ...EMPTY };
  let nextId = 1;
  /** The call running in the worker (null once its reply and rows are in). */
  let inFlight: Call | null = null;
  /** The call whose rows fill the table. */
  let active: Call | null = null;
  let pending: Omit<Call, 'id'> | null = null;
  let requested: { runId: number; key: string } | null = null;
  /** Bumped when a study starts, is cancelled or reset: refinements of the one before stop. */
  let generation = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    state.version++;
    for (const l of [...listeners]) l();
  };

  function launch(c: Omit<Call, 'id'>, keepRows: boolean): void {
    const call: Call = { ...c, id: nextId++ };
    inFlight = call;
    active = call;
    const rows = keepRows ? state.rows : new Array<(number | null)[] | undefined>(c.built.points.length);
    state = { ...state, runId: c.runId, built: c.built, rows, done: 0, total: c.built.points.length, status: 'running', error: null, live: c.live };
    emit();
    const t0 = nowMs();
    // Rows come through a proxy port, the reply through the worker's: the reply can overtake the last rows, so the
    // call ends when both are in (reply.done rows counted).
    let reply: StudyPointsReply | null | undefined;
    const onRows = (batch: StudyRow[]) => {
      if (active !== call) return; // a superseded study's rows
      for (const r of batch) state.rows[r.index] = r.values;
      state.done += batch.length;
      if (reply && state.done >= reply.done) finish(call, reply, t0);
      else emit();
    };
    calls
      .studyPoints({ runId: c.runId, studyId: call.id, points: c.built.points, batch: 1 }, onRows)
      .catch((err: unknown) => ({ studyId: call.id, done: 0, cancelled: false, error: err instanceof Error ? err.message : String(err) }))
      .then((r) => {
        if (active !== call) return;
        reply = r;
        if (r === null || state.done >= r.done) finish(call, r, t0);
      });
  }

  function finish(call: Call, reply: StudyPointsReply | null, t0: number): void {
    if (inFlight === call) inFlight = null;
    state.lastCallMs = nowMs() - t0;
    if (reply === null) Object.assign(state, { status: 'error', error: 'the run is not shown any more' });
    else if (reply.error) Object.assign(state, { status: 'error', error: reply.error });
    else state.status = reply.cancelled ? 'cancelled' : 'done';
    const next = pending;
    pending = null;
    if (next && state.status === 'done') return launch(next, next.runId === state.runId && next.built.shape === state.built?.shape);
    emit();
  }

  function stopInFlight(): void {
    if (inFlight) void calls.cancelStudy(inFlight.id).catch(() => undefined);
  }

  return {
    get state() {
      return state;
    },
    get requested() {
      return requested;
    },
    start(runId, built) {
      generation++;
      requested = { runId, key: built.key };
      pending = null;
      stopInFlight();
      launch({ runId, built, live: false }, false);
    },
    live(runId, built) {
      generation++;
      requested = { runId, key: built.key };
      if (inFlight?.live) return void (pending = { runId, built, live: true });
      stopInFlight();
      launch({ runId, built, live: true }, runId === state.runId && built.shape === state.built?.shape);
    },
    cancel() {
      generation++;
      pending = null;
      stopInFlight(); // the reply says cancelled
    },
    reset() {
      generation++;
      pending = null;
      requested = null;
      stopInFlight();
      inFlight = null;
      active = null;
      state = { ...EMPTY, version: state.version };
      emit();
    },
    async evaluate(runId, assignments) {
      const gen = generation;
      let values: (number | null)[] | null = null;
      let gotRow: () => void = () => undefined;
      const row = new Promise<void>((resolve) => (gotRow = resolve));
      const reply = await calls.studyPoints({ runId, studyId: nextId++, points: [assignments], batch: 1 }, (rows) => {
        values = rows[0]?.values ?? null;
        gotRow();
      });
      if (reply && !reply.error && reply.done > 0) await row; // the row may come after the reply (another port)
      if (gen !== generation) throw new SupersededError('a new study started');
      if (!reply || reply.error || !values) throw new Error(reply?.error ?? 'the run is not shown any more');
      return values;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
