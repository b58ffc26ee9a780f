// The simulation API behind the browser app: validate a scenario, run it, keep the last runs for keyframes
// and exports, replay an imported run. The worker exposes it through comlink; tests and the main-thread
// fallback call it directly. Pure: no DOM, Node, comlink or wall clock (all injected through SimApiDeps).
import type { SatRec } from 'satellite.js';
import { createOrbitPropagator, type OrbitPropagator } from '../orbit/propagator.ts';
import { loadCatalogue, type LoadedCatalogue, type ReadText } from '../catalog/load.ts';
import { WALKER_MAX_SATELLITES } from '../catalog/walker.ts';
import { PACKED_WALKER_MAX_SATELLITES } from '../orbit/packed-walker.ts';
import { runPipeline, type PipelineRun } from '../engine/pipeline.ts';
import { firstStageToRerun } from '../engine/stage-reads.ts';
import type { RunResult } from '../engine/result-types.ts';
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
import { studyInfo, studyPoints } from './study-api.ts';

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
  /** Lets pending messages (a study's cancel request) through between study points (default: a resolved promise). */
  yieldToEvents?: () => Promise<void>;
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

  /**
   * The last run without its timeline (transferred away), and the files it was given: the next run with the same
   * files reuses the stages its scenario edits leave valid (stage-reads.ts).
   */
  let last: { run: PipelineRun; filesKey: string } | null = null;

  /**
   * Runs a validated scenario; failures become ok:false replies (this never rejects). With `maxSatellites`, the
   * catalogue is loaded (once) to count its satellites first: above the limit nothing is simulated.
   */
  async function simulate(
    runId: number,
    scenario: Scenario,
    files: Record<string, string> | undefined,
    onProgress: Progress,
    maxSatellites = Infinity,
  ): Promise<RunReply> {
    const wallStartMs = clock();
    const readText = withFiles(files, deps.readText);
    const filesKey = JSON.stringify(files ?? {});
    let run: PipelineRun;
    try {
      const previous = last && last.filesKey === filesKey ? last.run : undefined;
      const sameCatalogue = previous !== undefined && firstStageToRerun(previous.scenario, scenario) !== 'catalogue';
      let preloaded: LoadedCatalogue | undefined;
      if (Number.isFinite(maxSatellites) && !sameCatalogue) {
        const loaded = await loadCatalogue(scenario, readText, { maxWalkerSatellites: PACKED_WALKER_MAX_SATELLITES });
        if (loaded.satCount > maxSatellites)
          return {
            ...failure(runId, [], loaded.issues, `${loaded.satCount} satellites: more than ${maxSatellites} to simulate here`),
            orbitsOnly: { satCount: loaded.satCount, scenario },
          };
        if (loadedAsSimulated(loaded)) preloaded = loaded;
      }
      last = null; // a failed run leaves nothing to reuse
      run = await runPipeline(
        scenario,
        {
          readText,
          landMask: await loadLandMask(),
          recordTimeline: true,
          createPropagator: (s) => createPropagator(s),
          onProgress: (phase, done, total) => report(onProgress, { runId, phase, done, total }),
          ...(preloaded ? { preloaded } : {}),
        },
        previous,
      );
    } catch (err) {
      return failure(runId, [], [], `the run failed: ${(err as Error).message ?? String(err)}`);
    }
    // The timeline is transferred to the page with the reply: the kept run must not hold it.
    const { timeline: _timeline, ...processing } = run.stages.processing;
    const { timeline: _shown, ...kept } = run.result;
    const pipeline: PipelineRun = { ...run, stages: { ...run.stages, processing }, result: kept };
    last = { run: pipeline, filesKey };
    const result = run.result;
    if (result.satellites.length === 0) return failure(runId, [], result.ingestIssues, 'no satellite could be loaded: nothing to simulate');
    store.put(runId, result, run.stages.catalogue.records, { pipeline, deps: { readText, landMask: await loadLandMask() } });
    // The positions kept for the CZML export stay in the worker (up to ≈ 96 MB; the view has its keyframes).
    const { orbitSamples: _samples, ...shown } = result;
    return { runId, ok: true, result: shown, elapsedMs: clock() - wallStartMs };
  }

  const cancelledStudies = new Set<number>();
  const yieldToEvents = deps.yieldToEvents ?? (() => Promise.resolve());

  return {
    async studyInfo(req) {
      const run = store.get(req.runId);
      return run?.study ? studyInfo(req.runId, run.study) : null;
    },

    async studyPoints(req, onRows) {
      const run = store.get(req.runId);
      if (!run?.study) return { studyId: req.studyId, done: 0, cancelled: false, error: `run ${req.runId} is not kept any more: rerun it` };
      cancelledStudies.delete(req.studyId);
      try {
        return await studyPoints(req, run.study, yieldToEvents, () => cancelledStudies.has(req.studyId) || run.evicted, onRows);
      } finally {
        cancelledStudies.delete(req.studyId);
      }
    },

    async cancelStudy(studyId) {
      cancelledStudies.add(studyId);
    },

    async run(req, onProgress) {
      const parsed = safeParseScenario(req.scenario);
      if (!parsed.ok) return failure(req.runId, parsed.errors, [], `invalid scenario: ${countOf(parsed.errors.length, 'error')}`);
      return simulate(req.runId, parsed.scenario, req.files, onProgress, req.maxSatellites);
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
      return exportRunText(run.result, req.format);
    },

    async importRun(req, onProgress) {
      let imported: RunResult;
      try {
        imported = parseRunJson(req.text);
      } catch (err) {
        const errors = err instanceof RunJsonError ? err.errors : [{ path: '(root)', message: (err as Error).message }];
        return failure(req.runId, errors, [], `invalid run JSON: ${countOf(errors.length, 'error')}`);
      }
      const reply = await simulate(req.runId, imported.scenario, undefined, onProgress);
      if (!reply.ok) return reply;
      return { ...reply, replayMatches: summaryToJson(reply.result.summary) === summaryToJson(imported.summary) };
    },
  };
}

/**
 * Whether a catalogue loaded with the orbit view's Walker limit is what the simulation's own limit loads: no
 * shell above WALKER_MAX_SATELLITES and none quarantined (its message names the limit).
 */
function loadedAsSimulated(c: LoadedCatalogue): boolean {
  return c.parts.every((p) => p.kind === 'records' || p.shell.total <= WALKER_MAX_SATELLITES) && !c.issues.some((i) => i.code === 'walker');
}

/** Files given with the request (e.g. a pasted TLE set) shadow the ones the reader would load. */
function withFiles(files: Record<string, string> | undefined, readText: ReadText): ReadText {
  if (!files) return readText;
  return async (path) => (Object.hasOwn(files, path) ? files[path]! : readText(path));
}

function failure(runId: number, scenarioErrors: ScenarioError[], ingestIssues: IngestIssue[], message: string): Extract<RunReply, { ok: false }> {
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
