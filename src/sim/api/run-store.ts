// The last few finished runs of a SimApi, by run id: what exportRun, keyframes and routes need (the run without
// its timeline, the satellites' catalogue records, a propagator and the ISL log made on first use). Pure: sim modules only.
import type { SatRec } from 'satellite.js';
import type { CatalogRecord } from '../catalog/types.ts';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import type { RunResult } from '../engine/result-types.ts';
import { islParams } from '../links/isl.ts';
import type { StudyHost } from './study-api.ts';
import { IslFrameLog } from './isl-frames.ts';
import type { KeyframeSource } from './keyframes.ts';

/** Runs kept by default: the one shown and the one before (a superseded run's late keyframe requests get null). */
export const DEFAULT_KEEP_RUNS = 2;

export interface StoredRun {
  runId: number;
  /** The run as replied, minus `timeline` (transferred away; exports do not use it). */
  result: RunResult;
  /** The run's catalogue records (SGP4 records, Walker slots) in satellite-index order, from its catalogue stage. */
  records: readonly CatalogRecord[];
  /** Set when evicted: a keyframe request that was waiting for the propagator must then give up. */
  evicted: boolean;
  /** Keyframe propagation state, made on the first keyframe request. */
  keyframes: Promise<KeyframeSource> | null;
  /** ISLs at the keyframes, made on the first keyframe request (resolves to null when ISLs are disabled). */
  isl: Promise<IslFrameLog | null> | null;
  /** The run's stages (without its timeline) and what studies of it need (study-api.ts). */
  study: StudyHost | null;
}

export class RunStore {
  private readonly runs = new Map<number, StoredRun>();

  constructor(
    private readonly capacity: number,
    private readonly createPropagator: (s: SatRec[]) => Promise<OrbitPropagator>,
  ) {}

  /** Keeps `result` (its timeline left out) under its run id; evicts the oldest runs beyond the capacity. */
  put(runId: number, result: RunResult, records: readonly CatalogRecord[], study: StudyHost | null = null): void {
    const { timeline: _timeline, ...kept } = result;
    this.drop(runId);
    this.runs.set(runId, { runId, result: kept, records, evicted: false, keyframes: null, isl: null, study });
    for (const id of this.runs.keys()) {
      if (this.runs.size <= Math.max(1, this.capacity)) break;
      this.drop(id);
    }
  }

  get(runId: number): StoredRun | undefined {
    return this.runs.get(runId);
  }

  /**
   * The run's keyframe source, its propagator created once (default packed backend: packing only; WASM: setSatRecs ≈ 11 µs per satellite,
   * docs/sources.md#satellite-js).
   */
  keyframeSource(run: StoredRun): Promise<KeyframeSource> {
    run.keyframes ??= this.createPropagator(run.records.map((r) => r.satrec)).then(
      (propagator) => ({ propagator, lostAtMs: Float64Array.from(run.result.satellites, (s) => s.lostAtMs ?? Infinity) }),
      (err: unknown) => {
        run.keyframes = null; // let a later request try again
        throw err;
      },
    );
    return run.keyframes;
  }

  /** The run's ISL log, made once; null when the scenario disables ISLs or has fewer than two satellites. */
  islLog(run: StoredRun): Promise<IslFrameLog | null> {
    const isl = run.result.scenario.isl;
    run.isl ??= Promise.resolve(
      isl.enabled && run.records.length >= 2
        ? new IslFrameLog(
            run.records.map((r) => r.walker),
            islParams(isl),
          )
        : null,
    );
    return run.isl;
  }

  private drop(runId: number): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.runs.delete(runId);
    run.evicted = true;
    // Disposed in a later task than any keyframe request already past its `evicted` check (propagation is synchronous).
    void run.keyframes?.then((k) => k.propagator.dispose()).catch(() => undefined);
  }
}
