// The app's handle on the simulation, and the ONE owner of what is shown (shown.ts): it submits runs (run ids,
// stale replies dropped: run-submission.ts) over a connection that restarts a dead worker (sim-connection.ts),
// shows a finished run and streams its keyframes (keyframe-stream.ts), or shows a scenario too large to simulate
// here as an orbit view (orbit-view.ts, keyframe-window.ts). Writes the frame buffer's keyframes and the UI store's
// run status. Study calls for the Explore view: study-client.ts. Imports no React or three.
import type { ExportFormat, RouteReply, RunReply } from '../../workers/protocol.ts';
import type { Scenario, ScenarioInput } from '../sim/scenario/schema.ts';
import { runWindow } from '../sim/time.ts';
import type { FrameBuffer } from './frame-buffer.ts';
import { KEYFRAME_STEP_S, KEYFRAMES_PER_BLOCK, streamRunKeyframes } from './keyframe-stream.ts';
import { planKeyframeWindow, streamKeyframeWindow } from './keyframe-window.ts';
import { createOrbitViews, type OpenPool } from './orbit-view.ts';
import { createRunSubmitter, type Submission, type SubmitReply } from './run-submission.ts';
import { createShownState, NOTHING_SHOWN, type Shown, type ShownOrbits, type ShownRun, type ShownSource } from './shown.ts';
import { createSimConnector, defaultConnect, type SimConnection, type SimWhere } from './sim-connection.ts';
import type { UiState, UiStore } from './store.ts';
import { createStudyClient, type StudyClient } from './study-client.ts';
import { WorkerDiedError } from './worker-connection.ts';

export type { SimConnection } from './sim-connection.ts';

/** The notice (store.notice) after a dead simulation worker was replaced and the run re-submitted. */
export const WORKER_RESTARTED_NOTICE = 'The simulation worker stopped; restarted. Your scenario, selection and time are kept.';
/** The notice after a dead orbit worker was replaced and its slice loaded again. */
export const ORBIT_WORKER_RESTARTED_NOTICE = 'An orbit worker stopped; restarted. Its satellites were loaded again.';
export const WORKER_GAVE_UP_MESSAGE = 'The simulation worker stopped twice on this scenario: not restarted again. Edit the scenario and run it again.';
/**
 * Most satellites the browser simulates; larger scenarios show their orbits only (orbit workers, sliding keyframe
 * window). Assumption: the 10,313-satellite Starlink hour simulates in ≈ 20 s here; 20,000 keeps a run under a
 * minute and its timeline (satellites × steps × modes bytes, ×4 arrays) well under 1 GB; the CLI has no such limit.
 */
export const BROWSER_SIM_MAX_SATELLITES = 20_000;

export interface SimClientOptions {
  /** Makes a connection (tests inject fakes). Default: a module worker; the main thread if that fails. */
  connect?: (where: SimWhere) => Promise<SimConnection>;
  keyframeStepS?: number;
  keyframesPerBlock?: number;
  /** Opens the orbit workers of a large scenario (tests inject fakes; default: openOrbitPool). */
  openPool?: OpenPool;
  maxSimSatellites?: number;
  /** Wall-time wait of the orbit window's polling (default setTimeout). */
  wait?: (ms: number) => Promise<void>;
}

/** A reply applied, or null when it was superseded by a newer run (or the worker died, or it opened an orbit view). */
export type ClientReply = SubmitReply | null;

export interface SimClient extends StudyClient {
  /** What is shown: this client is its only writer; subscribe for its one change event per change. */
  readonly shown: ShownSource;
  run(scenario: ScenarioInput, files?: Record<string, string>): Promise<ClientReply>;
  /** The shown run in the CLI's formats (byte-identical to `ocsim run --format …`); null without a run. */
  exportRun(format: ExportFormat): Promise<string | null>;
  /** Replays a run JSON: its scenario is run again; `replayMatches` says whether the summaries are equal. */
  importRun(text: string): Promise<ClientReply>;
  /**
   * The path satellite `satIndex`'s results take to the ground at `tMs` in the run shown (over ISLs to a satellite
   * in a downlink session); null without a run, when another run is shown by the answer, or without a path.
   */
  route(satIndex: number, tMs: number): Promise<RouteReply | null>;
  /** Resolves once the keyframes of the run shown have all arrived (or their streaming stopped; never for an orbit view). */
  keyframesLoaded(): Promise<void>;
  /** Name and NORAD number of a satellite of the orbit view shown (null for a simulated run: use its satellites). */
  describe(index: number): Promise<{ name: string; norad: number } | null>;
  /** Satellites of the orbit view shown matching `query` by name or NORAD id, best first (empty for a simulated run). */
  search(query: string, limit?: number): Promise<{ index: number; name: string; norad: number }[]>;
  /** Stops everything; nothing is shown afterwards. */
  dispose(): void;
}

export function createSimClient(store: UiStore, fb: FrameBuffer, opts: SimClientOptions = {}): SimClient {
  const stepS = opts.keyframeStepS ?? KEYFRAME_STEP_S;
  const perBlock = opts.keyframesPerBlock ?? KEYFRAMES_PER_BLOCK;
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const shown = createShownState();
  const orbits = createOrbitViews(opts.openPool);
  let streaming: Promise<void> = Promise.resolve();
  let disposed = false;
  const isShown = (s: Shown) => !disposed && shown.current === s;

  /** The request whose run is shown: a new worker holds no run, so it is re-submitted after a death. */
  let shownFrom: Submission | null = null;
  const connector = createSimConnector(opts.connect ?? defaultConnect, {
    replaced(where) {
      // The request in flight, else the run shown (keyframes, routes, exports and studies need it in the worker).
      // An orbit view needs nothing of this worker.
      const again = submitter.pending ?? (shown.current.kind === 'run' ? shownFrom : null);
      if (again) void submitAndShow(again, true);
      if (where === 'worker') store.setState({ notice: WORKER_RESTARTED_NOTICE });
    },
    gaveUp: () => store.setState({ status: 'error', progress: null, errorMessage: WORKER_GAVE_UP_MESSAGE }),
  });
  const submitter = createRunSubmitter(connector, opts.maxSimSatellites ?? BROWSER_SIM_MAX_SATELLITES, {
    started: (_runId, resubmission) => store.setState({ status: 'running', progress: null, ...(resubmission ? {} : { errorMessage: null, notice: null }) }),
    progress: (p) => store.setState({ progress: { phase: p.phase, done: p.done, total: p.total } }),
    failedToStart: (err) => store.setState({ status: 'error', progress: null, errorMessage: `The simulation could not start: ${messageOf(err)}` }),
  });

  /**
   * The one place what is shown changes: the frame buffer is emptied and the store's projection of it (summary,
   * orbitView) written first, so every listener of the change event sees the new state everywhere.
   */
  function present(next: Shown, status: Partial<UiState>): void {
    fb.keyframes = [];
    fb.version++;
    fb.route = null;
    const summary = next.kind === 'run' ? next.result.summary : null;
    const orbitView = next.kind === 'orbits' ? { satCount: next.satCount, workers: next.workers } : null;
    store.setState({ ...status, summary, orbitView, orbitsLoading: false });
    shown.show(next);
  }

  async function submitAndShow(sub: Submission, resubmission = false): Promise<ClientReply> {
    const sent = await submitter.submit(sub, resubmission);
    if (!sent) return null;
    const { reply, connection } = sent;
    // Too many satellites to simulate here: the worker counted them (one load of the catalogue); show the orbits.
    if (!reply.ok && reply.orbitsOnly && sub.kind === 'run') return showOrbits(sub, reply.orbitsOnly.scenario);
    if (!reply.ok)
      store.setState({ status: 'error', progress: null, scenarioErrors: reply.scenarioErrors, ingestIssues: reply.ingestIssues, errorMessage: reply.message });
    else showRun(reply, connection, sub);
    return reply;
  }

  function showRun(reply: Extract<RunReply, { ok: true }>, c: SimConnection, from: Submission): void {
    const { result, runId } = reply;
    shownFrom = from;
    const { startMs, endMs } = runWindow(result.scenario);
    const next: ShownRun = { kind: 'run', runId, result, startMs, endMs };
    const keepMode = result.summary.modes[store.getState().mode] !== undefined;
    present(next, {
      status: 'ready',
      progress: null,
      scenarioErrors: [],
      ingestIssues: result.ingestIssues,
      ...(keepMode ? {} : { mode: result.scenario.processing.mode }),
    });
    orbits.close();
    streaming = streamRunKeyframes({
      fb,
      startMs,
      endMs: next.endMs,
      stepS,
      perBlock,
      fetch: (from, count) => Promise.race([c.api.keyframes({ runId, startMs: from, stepS, count }), c.died]),
      isCurrent: () => isShown(next),
    }).catch((err: unknown) => {
      if (!(err instanceof WorkerDiedError) && isShown(next)) store.setState({ errorMessage: `Orbit keyframes failed: ${messageOf(err)}` });
    });
  }

  /**
   * Shows a scenario too large to simulate here: the orbit workers load it (each a slice) and a sliding window of
   * keyframe blocks follows the playhead. No summary, exports or routes: the CLI simulates it.
   */
  async function showOrbits(sub: Extract<Submission, { kind: 'run' }>, scenario: Scenario): Promise<null> {
    const viewId = submitter.nextId();
    store.setState({ status: 'running', progress: { phase: 'load', done: 0, total: 1 }, errorMessage: null });
    if (shown.current.kind === 'orbits') present(NOTHING_SHOWN, {}); // its workers stop now: the new view needs the memory
    const restarted = (part: number, reason: string) => {
      console.warn(`orbit worker ${part + 1} restarted:`, reason);
      if (shown.current.kind === 'orbits' && shown.current.viewId === viewId) store.setState({ notice: ORBIT_WORKER_RESTARTED_NOTICE });
    };
    const opened = await orbits.open(viewId, sub.scenario, sub.files, () => submitter.isLatest(viewId), restarted);
    if (opened === null) return null;
    if (!opened.ok) {
      store.setState({ status: 'error', progress: null, scenarioErrors: opened.scenarioErrors, ingestIssues: [], errorMessage: opened.message });
      return null;
    }
    const p = opened.pool;
    const next: ShownOrbits = { kind: 'orbits', viewId, satCount: p.satCount, workers: p.workers, scenario, startMs: p.startMs, endMs: p.endMs };
    present(next, { status: 'ready', progress: null, scenarioErrors: [], ingestIssues: p.issues });
    const isCurrent = () => isShown(next);
    streaming = streamKeyframeWindow({
      fb,
      runId: viewId,
      runStartMs: p.startMs,
      isCurrent,
      wait,
      plan: planKeyframeWindow(p.satCount, stepS, p.endMs - p.startMs),
      fetch: (startMs, count) => p.keyframes(viewId, startMs, stepS, count),
      onLoading: (loading) => isCurrent() && store.setState({ orbitsLoading: loading }),
    }).catch((err: unknown) => {
      if (isCurrent()) store.setState({ errorMessage: `Orbit keyframes failed: ${messageOf(err)}`, orbitsLoading: false });
    });
    return null;
  }

  const studies = createStudyClient(connector, shown);

  return {
    shown,
    ...studies,
    // The worker validates the scenario (errors by path), counts its satellites and simulates it, or replies
    // orbitsOnly when there are more than maxSimSatellites: then the orbit workers show it.
    run: (scenario, files) => submitAndShow({ kind: 'run', scenario, ...(files ? { files } : {}) }),
    importRun: (text) => submitAndShow({ kind: 'import', text }),
    async exportRun(format) {
      const s = shown.current;
      if (s.kind !== 'run' || disposed) return null;
      const c = await connector.get();
      return Promise.race([c.api.exportRun({ runId: s.runId, format }), c.died]);
    },
    async route(satIndex, tMs) {
      const s = shown.current;
      if (s.kind !== 'run' || disposed) return null;
      try {
        const c = await connector.get();
        const reply = await Promise.race([c.api.route({ runId: s.runId, satIndex, tMs }), c.died]);
        return reply && isShown(s) ? reply : null;
      } catch {
        return null; // a dead worker is reported by the run path; a route is only a highlight
      }
    },
    keyframesLoaded: () => streaming,
    describe: (index) => orbits.describe(index),
    search: (query, limit = 8) => orbits.search(query, limit),
    dispose() {
      present(NOTHING_SHOWN, { status: 'idle', progress: null });
      disposed = true;
      orbits.close();
      submitter.dispose();
      connector.dispose();
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
