// WASM propagation backend: satellite.js BulkPropagator on a single-thread runtime, outputs copied
// out of WASM memory (the next run overwrites them). Imports only satellite.js and orbit/ modules.
import {
  BulkPropagator,
  EcfPositionCalculator,
  EcfVelocityCalculator,
  EciBaseCalculator,
  GmstCalculator,
  ShadowFractionCalculator,
  SunPositionCalculator,
  createSingleThreadRuntime,
  type SatRec,
} from 'satellite.js';
import { ERROR_NON_FINITE, SGP4_OK, markSampleFailed, writeGeodetic, type OrbitChunk } from './orbit-chunk.ts';
import { removeEarthRotation } from './frames.ts';

/** satellite.js's single-thread WASM runtime (its type is not exported by name). */
export type SingleThreadRuntime = Awaited<ReturnType<typeof createSingleThreadRuntime>>;

function makeCalculators() {
  return [
    new EciBaseCalculator(),
    new GmstCalculator(),
    new EcfPositionCalculator(),
    new EcfVelocityCalculator(),
    new SunPositionCalculator(),
    new ShadowFractionCalculator(),
  ] as const;
}

type Calculators = ReturnType<typeof makeCalculators>;

function isFinite3(a: Float64Array, o: number): boolean {
  return Number.isFinite(a[o]!) && Number.isFinite(a[o + 1]!) && Number.isFinite(a[o + 2]!);
}

/** Fixes up sample `i` after the bulk copy: failures to NaN, ω × r removed, geodetic filled. */
function finishSample(out: OrbitChunk, i: number): void {
  const code = out.errorCodes[i]!;
  const o = i * 3;
  if (code !== SGP4_OK) {
    markSampleFailed(out, i, code);
    return;
  }
  if (!isFinite3(out.positionsEciKm, o) || !isFinite3(out.velocitiesEcefKmS, o)) {
    markSampleFailed(out, i, ERROR_NON_FINITE);
    return;
  }
  // EcfVelocityCalculator rotates the inertial velocity only; subtract ω × r (measured: without
  // this the ECEF velocity is off by ~0.4 km/s and Hermite interpolation fails).
  removeEarthRotation(out.positionsEcefKm, out.velocitiesEcefKmS, o);
  writeGeodetic(out, i);
}

/** A BulkPropagator bound to one catalogue. Call `dispose()` when done (WASM memory). */
export class WasmBackend {
  private readonly bulk: BulkPropagator<Calculators, SingleThreadRuntime>;
  private readonly dates: Date[] = [];

  constructor(runtime: SingleThreadRuntime, satrecs: readonly SatRec[]) {
    this.bulk = new BulkPropagator({
      runtime,
      calculators: makeCalculators(),
      satRecsCount: Math.max(1, satrecs.length),
      datesCount: 1,
    });
    this.bulk.setSatRecs([...satrecs]);
  }

  /** Propagates every satellite at every time of `out.timesMs` (already filled) into `out`. */
  propagate(out: OrbitChunk): void {
    const timeCount = out.timeCount;
    this.dates.length = timeCount;
    for (let t = 0; t < timeCount; t++) this.dates[t] = new Date(out.timesMs[t]!);
    this.bulk.setDates(this.dates);
    this.bulk.run();
    const raw = this.bulk.getRawOutput();
    const n = out.satCount * timeCount;
    // Bulk copies out of WASM memory (same sat-major layout), then one pass over our own arrays:
    // reading the WASM views element by element measured about twice as slow.
    out.errorCodes.set(raw.eci.error.subarray(0, n));
    out.positionsEciKm.set(raw.eci.position.subarray(0, n * 3));
    out.positionsEcefKm.set(raw.ecfPosition.subarray(0, n * 3));
    out.velocitiesEcefKmS.set(raw.ecfVelocity.subarray(0, n * 3));
    out.shadowFraction.set(raw.shadowFraction.subarray(0, n));
    for (let i = 0; i < n; i++) finishSample(out, i);
  }

  dispose(): void {
    this.bulk.dispose();
  }
}

/**
 * Creates the WASM runtime (one WebAssembly instance). Not disposed by us: satellite.js's
 * `runtime.dispose()` calls the Emscripten exit, which throws `ExitStatus` (measured with
 * 7.1.0); an unreferenced instance is reclaimed by the garbage collector.
 */
export function createWasmRuntime(): Promise<SingleThreadRuntime> {
  return createSingleThreadRuntime();
}
