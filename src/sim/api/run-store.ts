// The last few finished runs of a SimApi, by run id: what exportRun and keyframes need (the run without its
// timeline, the satellites' SGP4 records, a propagator made on first use). Pure: imports only sim modules.
import type { SatRec } from 'satellite.js';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import type { RunResult } from '../engine/result-types.ts';
import type { KeyframeSource } from './keyframes.ts';

/** Runs kept by default: the one shown and the one before (a superseded run's late keyframe requests get null). */
export const DEFAULT_KEEP_RUNS = 2;

export interface StoredRun {
  runId: number;
  /** The run as replied, minus `timeline` (transferred away; exports do not use it). */
  result: RunResult;
  /** SGP4 records in satellite-index order. */
  satrecs: SatRec[];
  /** Set when evicted: a keyframe request that was waiting for the propagator must then give up. */
  evicted: boolean;
  /** Keyframe propagation state, made on the first keyframe request. */
  keyframes: Promise<KeyframeSource> | null;
}

export class RunStore {
  private readonly runs = new Map<number, StoredRun>();

  constructor(
    private readonly capacity: number,
    private readonly createPropagator: (s: SatRec[]) => Promise<OrbitPropagator>,
  ) {}

  /** Keeps `result` (its timeline left out) under its run id; evicts the oldest runs beyond the capacity. */
  put(runId: number, result: RunResult, satrecs: SatRec[]): void {
    const { timeline: _timeline, ...kept } = result;
    this.drop(runId);
    this.runs.set(runId, { runId, result: kept, satrecs, evicted: false, keyframes: null });
    for (const id of this.runs.keys()) {
      if (this.runs.size <= Math.max(1, this.capacity)) break;
      this.drop(id);
    }
  }

  get(runId: number): StoredRun | undefined {
    return this.runs.get(runId);
  }

  /** The run's keyframe source, its propagator created once (setSatRecs ≈ 11 µs per satellite, LIBRARY-NOTES). */
  keyframeSource(run: StoredRun): Promise<KeyframeSource> {
    run.keyframes ??= this.createPropagator(run.satrecs).then(
      (propagator) => ({ propagator, lostAtMs: Float64Array.from(run.result.satellites, (s) => s.lostAtMs ?? Infinity) }),
      (err: unknown) => {
        run.keyframes = null; // let a later request try again
        throw err;
      },
    );
    return run.keyframes;
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
