// The simulation API behind the browser app: validate a scenario, run it, keep the last runs for keyframes
// and exports, replay an imported run. The worker exposes it through comlink; tests and the main-thread
// fallback call it directly. Pure: no DOM, Node, comlink or wall clock (all injected through SimApiDeps).
import type { SatRec } from 'satellite.js';
import { createOrbitPropagator, type OrbitPropagator } from '../orbit/propagator.ts';
import type { ReadText } from '../engine/prepare.ts';
import type { RunResult } from '../engine/result-types.ts';
import { runScenario } from '../engine/run.ts';
import { RunJsonError, parseRunJson, summaryToJson } from '../export/index.ts';
import type { IngestIssue } from '../catalog/types.ts';
import { safeParseScenario, type Scenario, type ScenarioError } from '../scenario/schema.ts';
import type { LandMask } from '../workload/land-mask.ts';
import { exportRunText } from './export-run.ts';
import { buildKeyframeBlock, keyframeRequestError } from './keyframes.ts';
import type { KeyframeBlock, KeyframeRequest, RouteReply, RouteRequest, RunProgress, RunReply, SimApi } from './protocol.ts';
import { GroundRouter } from './route-to-ground.ts';
import { noIsl, routeAt } from './route-at.ts';
import { DEFAULT_KEEP_RUNS, RunStore } from './run-store.ts';

export interface SimApiDeps {
  /** Reads a file a scenario names (browser: bundled TLE sets, else fetch; Node: fs). */
  readText: ReadText;
  /** The land/sea raster of the imaging model (built once; the API keeps the promise). */
  loadLandMask(): Promise<LandMask>;
  /** Propagator factory (default: `createOrbitPropagator`, the packed SGP4 kernel, src/sim/orbit/propagator.ts). */
  createPropagator?: (satrecs: SatRec[]) => Promise<OrbitPropagator>;
  /** Allocates keyframe arrays: plain by default; the worker may put them on a SharedArrayBuffer. */
  allocFloat32?: (length: number) => Float32Array;
  /** Wall clock, ms, for RunReply.elapsedMs only (never part of a result). Default: reports 0. */
  wallClockMs?: () => number;
  /** Finished runs kept for keyframes and exports (default DEFAULT_KEEP_RUNS). */
  keepRuns?: number;
}

type Progress = ((p: RunProgress) => void) | undefined;

export function createSimApi(deps: SimApiDeps): SimApi {
  const createPropagator = deps.createPropagator ?? ((s: SatRec[]) => createOrbitPropagator(s));
  const alloc = deps.allocFloat32 ?? ((length: number) => new Float32Array(length));
  const clock = deps.wallClockMs ?? (() => 0);
  const store = new RunStore(deps.keepRuns ?? DEFAULT_KEEP_RUNS, createPropagator);
  let landMask: Promise<LandMask> | null = null;
  const router = new GroundRouter();

  const loadLandMask = (): Promise<LandMask> => {
    landMask ??= deps.loadLandMask().catch((err: unknown) => {
      landMask = null; // retry on the next run
      throw err;
    });
    return landMask;
  };

  /** Runs a validated scenario; failures become ok:false replies (this never rejects). */
  async function simulate(runId: number, scenario: Scenario, readText: ReadText, onProgress: Progress): Promise<RunReply> {
    const wallStartMs = clock();
    let satrecs: SatRec[] = [];
    let result: RunResult;
    try {
      result = await runScenario(scenario, {
        readText,
        landMask: await loadLandMask(),
        recordTimeline: true,
        createPropagator: (s) => {
          satrecs = s;
          return createPropagator(s);
        },
        onProgress: (phase, done, total) => report(onProgress, { runId, phase, done, total }),
      });
    } catch (err) {
      return failure(runId, [], [], `the run failed: ${(err as Error).message ?? String(err)}`);
    }
    if (result.satellites.length === 0 || satrecs.length !== result.satellites.length)
      return failure(runId, [], result.ingestIssues, 'no satellite could be loaded: nothing to simulate');
    store.put(runId, result, satrecs, readText);
    return { runId, ok: true, result, elapsedMs: clock() - wallStartMs };
  }

  return {
    async run(req, onProgress) {
      const parsed = safeParseScenario(req.scenario);
      if (!parsed.ok) return failure(req.runId, parsed.errors, [], `invalid scenario: ${countOf(parsed.errors.length, 'error')}`);
      return simulate(req.runId, parsed.scenario, withFiles(req.files, deps.readText), onProgress);
    },

    async keyframes(req: KeyframeRequest): Promise<KeyframeBlock | null> {
      const problem = keyframeRequestError(req);
      if (problem) throw new RangeError(problem);
      const run = store.get(req.runId);
      if (!run) return null;
      const source = await store.keyframeSource(run);
      const isl = await store.islLog(run);
      if (run.evicted) return null;
      const block = buildKeyframeBlock(source, req.runId, req, alloc);
      return { ...block, ...(isl ? isl.addBlock(block.positionsKm, block.velocitiesKmS, req.startMs, req.stepS, req.count) : noIsl(req.count)) };
    },

    async route(req: RouteRequest): Promise<RouteReply | null> {
      const run = store.get(req.runId);
      if (!run || !Number.isFinite(req.tMs)) return null;
      const [source, isl] = await Promise.all([store.keyframeSource(run), store.islLog(run)]);
      if (run.evicted || !isl) return null;
      const found = routeAt(run.result, source, isl, req.satIndex, req.tMs, router);
      return found && { runId: req.runId, tMs: req.tMs, ...found };
    },

    async exportRun(req) {
      const run = store.get(req.runId);
      if (!run) return null;
      return exportRunText(run.result, req.format, async () => run.satrecs, createPropagator);
    },

    async importRun(req, onProgress) {
      let imported: RunResult;
      try {
        imported = parseRunJson(req.text);
      } catch (err) {
        const errors = err instanceof RunJsonError ? err.errors : [{ path: '(root)', message: (err as Error).message }];
        return failure(req.runId, errors, [], `invalid run JSON: ${countOf(errors.length, 'error')}`);
      }
      const reply = await simulate(req.runId, imported.scenario, deps.readText, onProgress);
      if (!reply.ok) return reply;
      return { ...reply, replayMatches: summaryToJson(reply.result.summary) === summaryToJson(imported.summary) };
    },
  };
}

/** Files given with the request (e.g. a pasted TLE set) shadow the ones the reader would load. */
function withFiles(files: Record<string, string> | undefined, readText: ReadText): ReadText {
  if (!files) return readText;
  return async (path) => (Object.hasOwn(files, path) ? files[path]! : readText(path));
}

function failure(runId: number, scenarioErrors: ScenarioError[], ingestIssues: IngestIssue[], message: string): RunReply {
  return { runId, ok: false, scenarioErrors, ingestIssues, message };
}

/** Progress must never break a run: a failing callback is ignored. */
function report(onProgress: Progress, p: RunProgress): void {
  try {
    onProgress?.(p);
  } catch {
    // the listener's problem, not the run's
  }
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
