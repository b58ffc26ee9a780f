// The protocol between the browser app and the simulation worker (and the main-thread fallback):
// requests and replies carry a run id so stale replies from a superseded run are dropped by the client.
// Types only (re-exported by workers/protocol.ts); lives in src/sim so the pure API can implement it.
// Bulk data are typed arrays moved with Comlink.transfer (or shared when the page is cross-origin isolated).
import type { IngestIssue } from '../catalog/types.ts';
import type { RunResult } from '../engine/result-types.ts';
import type { Scenario, ScenarioError, ScenarioInput } from '../scenario/schema.ts';
import type { StudyInfo, StudyPointsReply, StudyPointsRequest, StudyRow } from './study-api.ts';

export type { StudyInfo, StudyParamInfo, StudyPointsReply, StudyPointsRequest, StudyRow } from './study-api.ts';

export type ExportFormat = 'json' | 'csv' | 'czml';

export interface RunRequest {
  runId: number;
  scenario: ScenarioInput;
  /** Texts of files the scenario names (e.g. a pasted TLE set), by path; others are fetched from the site. */
  files?: Record<string, string>;
  /** Most satellites to simulate: above it the reply is `orbitsOnly` (the caller shows the orbits instead). */
  maxSatellites?: number;
}

export type RunReply =
  | {
      runId: number;
      ok: true;
      /** The whole run with `timeline` (per satellite-step states); typed arrays are transferred. */
      result: RunResult;
      /** Wall time the worker spent, ms (for the UI only; never part of an export). */
      elapsedMs: number;
    }
  | {
      runId: number;
      ok: false;
      /** Scenario validation errors (path + message), empty when the failure is elsewhere. */
      scenarioErrors: ScenarioError[];
      /** Catalogue issues when no satellite could be loaded (or when orbitsOnly). */
      ingestIssues: IngestIssue[];
      message: string;
      /**
       * Set when the scenario is valid but has more satellites than RunRequest.maxSatellites: nothing was simulated;
       * `scenario` is the validated scenario (defaults filled in) for the caller's orbit view.
       */
      orbitsOnly?: { satCount: number; scenario: Scenario };
    };

/** Progress of a run, reported through a callback proxy. */
export interface RunProgress {
  runId: number;
  phase: 'load' | 'propagate' | 'route' | 'simulate';
  done: number;
  total: number;
}

export interface KeyframeRequest {
  runId: number;
  /** Time of the first keyframe, ms since the Unix epoch. */
  startMs: number;
  /** Keyframe spacing, s (60 by default: cubic Hermite errs < 1 m at this spacing in Float64, docs/sources.md#hermite). */
  stepS: number;
  count: number;
}

/**
 * Position + velocity keyframes of every satellite of a run, Earth-fixed (ECEF, km and km/s), frame-major
 * so one keyframe is one contiguous block: `positionsKm[(f * satCount + s) * 3 + k]`. Float32 because three.js
 * rejects Float64 attributes. NaN where the satellite is lost. Also the laser inter-satellite links that are up
 * and acquired at each keyframe (empty when the scenario disables ISLs).
 */
export interface KeyframeBlock {
  runId: number;
  startMs: number;
  stepS: number;
  count: number;
  satCount: number;
  positionsKm: Float32Array;
  velocitiesKmS: Float32Array;
  /** ISLs of keyframe f are pairs `islOffsets[f] .. islOffsets[f+1]` (count + 1 entries; all 0 without ISLs). */
  islOffsets: Int32Array;
  /** Satellite index pairs of the links, `[a0, b0, a1, b1, …]` with a < b, keyframe after keyframe. */
  islPairs: Int32Array;
}

export interface RouteRequest {
  runId: number;
  /** The satellite whose results are routed. */
  satIndex: number;
  /** Time of the route, ms since the Unix epoch (its keyframes must have been requested already). */
  tMs: number;
}

/**
 * The path the satellite's results take at tMs: over acquired ISLs to a satellite in a downlink session, then
 * down to that session's station. `hops`: satellite indices from `satIndex` on, then −1 − stationIndex.
 */
export interface RouteReply {
  runId: number;
  tMs: number;
  hops: number[];
  /** One-way light time along the path (Σ range / c over the ISL hops and the downlink), s. */
  latencyS: number;
}

export interface ExportRequest {
  runId: number;
  format: ExportFormat;
}

/** What the worker exposes through comlink; the main-thread fallback implements the same interface. */
export interface SimApi {
  /** The study parameters (with the run's values) and metric names of a kept run; null when it is not kept. */
  studyInfo(req: { runId: number }): Promise<StudyInfo | null>;
  /**
   * Evaluates study points against a kept run, reusing its stages; rows come through `onRows` in batches as they
   * finish (in an order that shares stages, each with its index). Never rejects.
   */
  studyPoints(req: StudyPointsRequest, onRows?: (rows: StudyRow[]) => void): Promise<StudyPointsReply>;
  /** Stops a running studyPoints after its current point (its reply then says cancelled). */
  cancelStudy(studyId: number): Promise<void>;
  run(req: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunReply>;
  keyframes(req: KeyframeRequest): Promise<KeyframeBlock | null>;
  /**
   * Route of a satellite's results to the ground at one time; null when the run is unknown, ISLs are disabled,
   * no satellite is in a downlink session, none is reachable, or no keyframe at or before tMs was requested yet.
   */
  route(req: RouteRequest): Promise<RouteReply | null>;
  /** Export of a finished run in the CLI's formats (byte-identical to `ocsim run --format …`). */
  exportRun(req: ExportRequest): Promise<string | null>;
  /**
   * Imports a run JSON to replay it: validates it (errors name the path), re-runs its scenario and seed —
   * the engine is deterministic — and reports whether the re-run's summary equals the imported one.
   */
  importRun(req: ImportRequest, onProgress?: (p: RunProgress) => void): Promise<RunReply & { replayMatches?: boolean }>;
}

export interface ImportRequest {
  runId: number;
  text: string;
}
