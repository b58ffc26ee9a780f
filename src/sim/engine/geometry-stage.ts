// Stage `geometry` (pass 1): the stations' geometry, then every satellite propagated over the run (shadow,
// capture, contact windows, slant ranges; geometry-pass.ts) and positions kept on a coarse grid for exports.
// Pure: the propagator is injected (the pipeline makes it once for geometry and the ISL relay).
import type { GridPropagator } from '../orbit/propagator.ts';
import { stationGeometry, type StationGeometry } from '../links/visibility.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runWindow } from '../time.ts';
import type { LandMask } from '../workload/land-mask.ts';
import { runGeometryPass, type GeometryResult } from './geometry-pass.ts';

export interface GeometryOutput extends GeometryResult {
  /** The ground stations' positions, local frames and masks, in scenario order. */
  stations: StationGeometry;
}

/** Spacing of the kept positions, s (as the CZML export samples: Cesium interpolates between samples). */
export const ORBIT_SAMPLE_STEP_S = 60;
/**
 * Most positions kept (satellites × samples): 4·10⁶ × 24 B = 96 MB. Above it the spacing doubles until they
 * fit. Assumption: bounds memory and the CZML file (≈ 60 B of text per position) for large constellations.
 */
export const MAX_ORBIT_SAMPLES = 4_000_000;

/** Grid steps between kept positions: ≈ ORBIT_SAMPLE_STEP_S, doubled until satellites × samples fits. */
export function orbitSampleEvery(satCount: number, stepCount: number, stepS: number): number {
  let every = Math.max(1, Math.round(ORBIT_SAMPLE_STEP_S / stepS));
  while (every < stepCount && satCount * (Math.floor(stepCount / every) + 1) > MAX_ORBIT_SAMPLES) every *= 2;
  return every;
}

/** The stations of a scenario as the geometry reads them (position and mask only). */
export function scenarioStations(scenario: Pick<Scenario, 'groundStations'>): StationGeometry {
  return stationGeometry(scenario.groundStations);
}

export interface GeometryDeps {
  propagator: GridPropagator;
  landMask: LandMask;
  /** Keep positions for exports (default true). */
  keepOrbitSamples?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function geometryStage(scenario: Scenario, stations: StationGeometry, deps: GeometryDeps): Promise<GeometryOutput> {
  const w = runWindow(scenario);
  const geo = await runGeometryPass({
    propagator: deps.propagator,
    stations,
    startMs: w.startMs,
    stepS: w.stepS,
    stepCount: w.stepCount,
    imaging: scenario.satellite.imaging,
    landMask: deps.landMask,
    orbitSampleEvery: deps.keepOrbitSamples === false ? 0 : orbitSampleEvery(deps.propagator.satCount, w.stepCount, w.stepS),
    onProgress: deps.onProgress,
  });
  return { ...geo, stations };
}
