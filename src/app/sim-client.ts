// The app's handle on the simulation: runs scenarios in a web worker through comlink, drops stale replies by run
// id, puts results and keyframe blocks into the frame buffer, restarts a dead worker and re-submits the last run.
// Falls back to the simulation API on the main thread when no worker can be made. Imports no React or three.
import * as Comlink from 'comlink';
import type { ExportFormat, RouteReply, RunProgress, RunReply, SimApi } from '../../workers/protocol.ts';
import type { Scenario, ScenarioInput } from '../sim/scenario/schema.ts';
import { parseIsoUtc } from '../sim/time.ts';
import type { FrameBuffer } from './frame-buffer.ts';
import { planKeyframeWindow, streamKeyframeWindow } from './keyframe-window.ts';
import { openOrbitPool, type OpenPoolResult, type OrbitPool } from './orbit-pool.ts';
import type { UiStore } from './store.ts';
import { connectWorker, inProcessConnection, WorkerDiedError, type WorkerConnection } from './worker-connection.ts';

export const WORKER_RESTARTED_MESSAGE = 'The simulation worker stopped: restarted; your scenario is kept';
export const WORKER_GAVE_UP_MESSAGE = 'The simulation worker stopped twice on this scenario: not restarted again. Edit the scenario and run it again.';
/** Keyframe spacing, s: cubic Hermite between 60 s keyframes errs < 1.3 m in Float32 (LIBRARY-NOTES). */
export const KEYFRAME_STEP_S = 60;
/** Keyframes per request: one hour at 60 s, so the first block arrives fast and the view can draw at once. */
export const KEYFRAMES_PER_BLOCK = 60;
/**
 * Keyframes of the first request: two, so the first picture does not wait for a whole hour of ISLs (the worker
 * computes the links of every keyframe: ≈ 70 ms each for the 10,313-satellite Starlink set, range topology).
 */
export const FIRST_BLOCK_KEYFRAMES = 2;
/**
 * Most satellites the browser simulates; larger scenarios show their orbits only (orbit workers, sliding keyframe
 * window). Assumption: the 10,313-satellite Starlink hour simulates in ≈ 20 s here; 20,000 keeps a run under a
 * minute and its timeline (satellites × steps × modes bytes, ×4 arrays) well under 1 GB; the CLI has no such limit.
 */
export const BROWSER_SIM_MAX_SATELLITES = 20_000;

/** A connection to a SimApi: a worker, or the API object itself on the main thread. */
export interface SimConnection extends WorkerConnection<SimApi> {
  kind: 'worker' | 'main-thread';
}

export interface SimClientOptions {
  /** Makes a connection (tests inject fakes). Default: a module worker; the main thread if that fails. */
  connect?: (where: 'worker' | 'main-thread') => Promise<SimConnection>;
  keyframeStepS?: number;
  keyframesPerBlock?: number;
  /** Opens the orbit workers of a large scenario (tests inject fakes; default: openOrbitPool). */
  openPool?: (viewId: number, scenario: ScenarioInput, files?: Record<string, string>) => Promise<OpenPoolResult>;
  maxSimSatellites?: number;
  /** Wall-time wait of the orbit window's polling (default setTimeout). */
  wait?: (ms: number) => Promise<void>;
}

/** A reply applied to the store, or null when it was superseded by a newer run (or the worker died). */
export type ClientReply = (RunReply & { replayMatches?: boolean }) | null;

export interface SimClient {
  run(scenario: ScenarioInput, files?: Record<string, string>): Promise<ClientReply>;
  /** The shown run in the CLI's formats (byte-identical to `ocsim run --format …`); null without a run. */
  exportRun(format: ExportFormat): Promise<string | null>;
  /** Replays a run JSON: its scenario is run again; `replayMatches` says whether the summaries are equal. */
  importRun(text: string): Promise<ClientReply>;
  /**
   * The path satellite `satIndex`'s results take to the ground at `tMs` in the run shown (over ISLs to a satellite
   * in a downlink session); null without a run, when superseded by a newer run, or when there is no path.
   */
  route(satIndex: number, tMs: number): Promise<RouteReply | null>;
  /** Resolves once the keyframes of the run shown have all arrived (or their streaming stopped; never for an orbit view). */
  keyframesLoaded(): Promise<void>;
  /** Name and NORAD number of a satellite of the orbit view shown (null for a simulated run: use its satellites). */
  describe(index: number): Promise<{ name: string; norad: number } | null>;
  /** Satellites of the orbit view shown matching `query` by name or NORAD id, best first (empty for a simulated run). */
  search(query: string, limit?: number): Promise<{ index: number; name: string; norad: number }[]>;
  dispose(): void;
}

type Submission = { kind: 'run'; scenario: ScenarioInput; files?: Record<string, string> } | { kind: 'import'; text: string };

export function createSimClient(store: UiStore, fb: FrameBuffer, opts: SimClientOptions = {}): SimClient {
  const connect = opts.connect ?? defaultConnect;
  const stepS = opts.keyframeStepS ?? KEYFRAME_STEP_S;
  const perBlock = opts.keyframesPerBlock ?? KEYFRAMES_PER_BLOCK;
  let pending: Promise<SimConnection> | null = null;
  let live: SimConnection | null = null;
  let lastSubmission: Submission | null = null;
  let crashesInARow = 0;
  let workerAnswered = false;
  let where: 'worker' | 'main-thread' = 'worker';
  let streaming: Promise<void> = Promise.resolve();
  let disposed = false;
  let pool: OrbitPool | null = null;
  const maxSim = opts.maxSimSatellites ?? BROWSER_SIM_MAX_SATELLITES;
  const openPool = opts.openPool ?? ((id, sc, f) => openOrbitPool(id, sc, f));
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const closePool = () => {
    pool?.dispose();
    pool = null;
  };

  const connection = (): Promise<SimConnection> =>
    (pending ??= connect(where).then(
      (c) => {
        live = c;
        c.died.catch((err: unknown) => onDeath(c, err));
        return c;
      },
      (err: unknown) => {
        pending = null; // try again on the next request
        throw err;
      },
    ));
  const isLatest = (runId: number) => !disposed && store.getState().runId === runId;

  function onDeath(c: SimConnection, err: unknown): void {
    if (disposed || c !== live) return; // already replaced
    live = null;
    pending = null;
    c.dispose();
    crashesInARow++;
    console.warn(`simulation ${c.kind} stopped:`, err);
    if (crashesInARow >= 2 && !workerAnswered && where === 'worker') {
      where = 'main-thread'; // the worker never answered (e.g. it cannot load): run here instead
      console.warn('simulation worker unusable: running the simulation on the main thread');
    } else if (crashesInARow >= 2) {
      store.setState({ status: 'error', progress: null, errorMessage: WORKER_GAVE_UP_MESSAGE });
      return;
    }
    if (lastSubmission) void submit(lastSubmission, true);
    if (where === 'worker') store.setState({ errorMessage: WORKER_RESTARTED_MESSAGE });
  }

  async function submit(sub: Submission, resubmission = false): Promise<ClientReply> {
    if (disposed) return null;
    const runId = store.getState().runId + 1;
    if (!resubmission) crashesInARow = 0;
    store.setState({ runId, status: 'running', progress: null, ...(resubmission ? {} : { errorMessage: null }) });
    const onProgress = Comlink.proxy((p: RunProgress) => {
      if (isLatest(p.runId)) store.setState({ progress: { phase: p.phase, done: p.done, total: p.total } });
    });
    let c: SimConnection | null = null;
    let reply: RunReply & { replayMatches?: boolean };
    try {
      c = await connection();
      const call =
        sub.kind === 'run'
          ? c.api.run({ runId, scenario: sub.scenario, maxSatellites: maxSim, ...(sub.files ? { files: sub.files } : {}) }, onProgress)
          : c.api.importRun({ runId, text: sub.text }, onProgress);
      reply = await Promise.race([call, c.died]);
    } catch (err) {
      // The API replies to every run, failures included: a rejected run means the worker broke.
      if (c && isLatest(runId)) onDeath(c, err);
      else if (!c && isLatest(runId)) store.setState({ status: 'error', progress: null, errorMessage: `The simulation could not start: ${messageOf(err)}` });
      return null;
    }
    if (reply.runId !== runId || !isLatest(runId)) return null; // superseded: drop
    crashesInARow = 0;
    workerAnswered ||= c.kind === 'worker';
    // Too many satellites to simulate here: the worker counted them (one load of the catalogue); show the orbits.
    if (!reply.ok && reply.orbitsOnly && sub.kind === 'run') return showOrbits(sub.scenario, sub.files, reply.orbitsOnly.scenario);
    apply(reply, c);
    return reply;
  }

  function apply(reply: RunReply, c: SimConnection): void {
    if (!reply.ok) {
      store.setState({ status: 'error', progress: null, scenarioErrors: reply.scenarioErrors, ingestIssues: reply.ingestIssues, errorMessage: reply.message });
      return;
    }
    const result = reply.result;
    const startMs = parseIsoUtc(result.scenario.epochIso);
    const endMs = startMs + result.scenario.durationH * 3_600_000;
    closePool();
    Object.assign(fb, { run: result, runId: reply.runId, startMs, endMs, keyframes: [], keyframesWindowed: false, orbitScenario: null });
    // A rerun over the same window keeps the time shown (and a time set from the URL); a new window starts at its start.
    if (!(fb.simTimeMs >= startMs && fb.simTimeMs <= endMs)) fb.simTimeMs = startMs;
    fb.version++;
    const mode = store.getState().mode;
    store.setState({
      status: 'ready',
      progress: null,
      summary: result.summary,
      scenarioErrors: [],
      ingestIssues: result.ingestIssues,
      orbitView: null,
      orbitsLoading: false,
      ...(result.summary.modes[mode] ? {} : { mode: result.scenario.processing.mode }),
    });
    streaming = streamKeyframes(c, reply.runId, startMs, endMs);
  }

  /** Keyframe blocks over [startMs, endMs] in time order, one request at a time, while the run is shown. */
  async function streamKeyframes(c: SimConnection, runId: number, startMs: number, endMs: number): Promise<void> {
    const stepMs = stepS * 1000;
    const total = Math.ceil((endMs - startMs) / stepMs) + 1;
    for (let first = 0; first < total; ) {
      const count = Math.min(first === 0 ? Math.min(FIRST_BLOCK_KEYFRAMES, perBlock) : perBlock, total - first);
      let block;
      try {
        block = await Promise.race([c.api.keyframes({ runId, startMs: startMs + first * stepMs, stepS, count }), c.died]);
      } catch (err) {
        if (!(err instanceof WorkerDiedError) && fb.runId === runId) store.setState({ errorMessage: `Orbit keyframes failed: ${messageOf(err)}` });
        return;
      }
      if (block === null || disposed || fb.runId !== runId) return;
      fb.keyframes.push(block);
      fb.version++;
      first += count;
    }
  }

  /**
   * Shows a scenario too large to simulate here: the orbit workers load it (each a slice) and a sliding window of
   * keyframe blocks follows the playhead. No summary, exports or routes: the CLI simulates it.
   */
  async function showOrbits(scenario: ScenarioInput, files: Record<string, string> | undefined, orbitScenario: Scenario): Promise<ClientReply> {
    const runId = store.getState().runId + 1;
    closePool();
    store.setState({ runId, status: 'running', progress: { phase: 'load', done: 0, total: 1 }, errorMessage: null, orbitView: null, orbitsLoading: false });
    const opened = await openPool(runId, scenario, files);
    if (!isLatest(runId)) {
      if (opened.ok) opened.pool.dispose();
      return null;
    }
    if (!opened.ok) {
      store.setState({ status: 'error', progress: null, scenarioErrors: opened.scenarioErrors, ingestIssues: [], errorMessage: opened.message });
      return null;
    }
    const p = (pool = opened.pool);
    Object.assign(fb, { run: null, runId, startMs: p.startMs, endMs: p.endMs, keyframes: [], keyframesWindowed: true, route: null, orbitScenario });
    if (!(fb.simTimeMs >= p.startMs && fb.simTimeMs <= p.endMs)) fb.simTimeMs = p.startMs;
    fb.version++;
    store.setState({ status: 'ready', progress: null, summary: null, scenarioErrors: [], ingestIssues: p.issues, orbitView: { satCount: p.satCount, workers: p.workers } });
    const isCurrent = () => !disposed && pool === p && fb.runId === runId;
    streaming = streamKeyframeWindow({
      fb, runId, runStartMs: p.startMs, isCurrent, wait,
      plan: planKeyframeWindow(p.satCount, stepS, p.endMs - p.startMs),
      fetch: (startMs, count) => p.keyframes(runId, startMs, stepS, count),
      onLoading: (loading) => isCurrent() && store.setState({ orbitsLoading: loading }),
    }).catch((err: unknown) => {
      if (isCurrent()) store.setState({ errorMessage: `Orbit keyframes failed: ${messageOf(err)}`, orbitsLoading: false });
    });
    return null;
  }

  return {
    run(scenario, files) {
      // The worker validates the scenario (errors by path), counts its satellites and simulates it, or replies
      // orbitsOnly when there are more than maxSim: then the orbit workers show it.
      lastSubmission = { kind: 'run', scenario, ...(files ? { files } : {}) };
      return submit(lastSubmission);
    },
    importRun(text) {
      lastSubmission = { kind: 'import', text };
      return submit(lastSubmission);
    },
    async exportRun(format) {
      if (!fb.run || disposed) return null;
      const c = await connection();
      return Promise.race([c.api.exportRun({ runId: fb.runId, format }), c.died]);
    },
    async route(satIndex, tMs) {
      const runId = fb.runId;
      if (!fb.run || disposed) return null;
      try {
        const c = await connection();
        const reply = await Promise.race([c.api.route({ runId, satIndex, tMs }), c.died]);
        return reply && reply.runId === fb.runId ? reply : null;
      } catch {
        return null; // a dead worker is reported by the run path; a route is only a highlight
      }
    },
    keyframesLoaded: () => streaming,
    describe: async (index) => (pool ? pool.describe(index) : null),
    search: async (query, limit = 8) => (pool ? pool.search(query, limit) : []),
    dispose() {
      disposed = true;
      closePool();
      live?.dispose();
      live = null;
      pending = null;
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A module worker when the browser can make one, else the API on the main thread (said on the console). */
async function defaultConnect(where: 'worker' | 'main-thread'): Promise<SimConnection> {
  if (where === 'worker') {
    try {
      return workerConnection();
    } catch (err) {
      console.warn(`no web worker (${messageOf(err)}): the simulation runs on the main thread`);
    }
  }
  const [{ createSimApi }, { browserDeps }] = await Promise.all([import('../sim/api/sim-api.ts'), import('./browser-deps.ts')]);
  return { ...inProcessConnection(createSimApi(browserDeps())), kind: 'main-thread' };
}

function workerConnection(): SimConnection {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  return { ...connectWorker<SimApi>(worker, 'simulation worker'), kind: 'worker' };
}
