// The last few finished runs of a SimApi, by run id: what exportRun, keyframes and routes need (the run without
// its timeline, the satellites' SGP4 records, a propagator and the ISL log made on first use). Pure: sim modules only.
import type { SatRec } from 'satellite.js';
import type { WalkerSlot } from '../catalog/types.ts';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import { loadConstellation, type ReadText } from '../engine/prepare.ts';
import type { RunResult } from '../engine/result-types.ts';
import { IslFrameLog } from './isl-frames.ts';
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
  /** Reads the files the run's scenario names (to recover the Walker slots of its satellites for +Grid ISLs). */
  readText: ReadText;
  /** ISLs at the keyframes, made on the first keyframe request (resolves to null when ISLs are disabled). */
  isl: Promise<IslFrameLog | null> | null;
}

export class RunStore {
  private readonly runs = new Map<number, StoredRun>();

  constructor(
    private readonly capacity: number,
    private readonly createPropagator: (s: SatRec[]) => Promise<OrbitPropagator>,
  ) {}

  /** Keeps `result` (its timeline left out) under its run id; evicts the oldest runs beyond the capacity. */
  put(runId: number, result: RunResult, satrecs: SatRec[], readText: ReadText): void {
    const { timeline: _timeline, ...kept } = result;
    this.drop(runId);
    this.runs.set(runId, { runId, result: kept, satrecs, evicted: false, keyframes: null, readText, isl: null });
    for (const id of this.runs.keys()) {
      if (this.runs.size <= Math.max(1, this.capacity)) break;
      this.drop(id);
    }
  }

  get(runId: number): StoredRun | undefined {
    return this.runs.get(runId);
  }

  /** The run's keyframe source, its propagator created once (default packed backend: packing only; WASM: setSatRecs ≈ 11 µs per satellite, docs/sources.md#satellite-js). */
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

  /** The run's ISL log, made once; null when the scenario disables ISLs or has fewer than two satellites. */
  islLog(run: StoredRun): Promise<IslFrameLog | null> {
    run.isl ??= walkerLayouts(run).then(
      (layouts) => {
        const { enabled, relayResults: _r, relayRaw: _w, ...params } = run.result.scenario.isl;
        return enabled && layouts.length >= 2 ? new IslFrameLog(layouts, params) : null;
      },
      (err: unknown) => {
        run.isl = null;
        throw err;
      },
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

/**
 * Each satellite's Walker slot (undefined for catalogue satellites). Only scenarios with a Walker source need the
 * records: they are loaded again with loadConstellation (deterministic, the engine's own loader) and used only
 * when they match the run's satellites one to one by NORAD id (else, or if loading fails, no slots: range pairing).
 */
async function walkerLayouts(run: StoredRun): Promise<(WalkerSlot | undefined)[]> {
  const sats = run.result.satellites;
  const scenario = run.result.scenario;
  const none = sats.map(() => undefined);
  if (!scenario.constellation.sources.some((s) => s.kind === 'walker')) return none;
  try {
    const { records } = await loadConstellation(scenario, run.readText);
    const same = records.length === sats.length && records.every((r, i) => r.norad === sats[i]!.norad);
    return same ? records.map((r) => r.walker) : none;
  } catch {
    return none; // a file that read once but not now: pair everything by range rather than fail the keyframes
  }
}
