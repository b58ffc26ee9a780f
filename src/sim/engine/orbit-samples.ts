// Samples satellite positions on a coarse grid for exports (CZML) and views: Earth-fixed positions
// every `stepS` over the run, NaN after a satellite is lost. Pure; the propagator factory is injected.
import type { SatRec } from 'satellite.js';
import { createOrbitPropagator, type OrbitPropagator } from '../orbit/propagator.ts';

export interface OrbitSamples {
  /** Sample times, ms since the Unix epoch: `[t]`. */
  timesMs: Float64Array;
  /** Earth-fixed positions, km, satellite-major: `[(s*T + t)*3 + k]`; NaN where propagation failed. */
  positionsEcefKm: Float64Array;
}

export async function sampleOrbits(
  satrecs: SatRec[],
  startMs: number,
  durationS: number,
  stepS: number,
  create: (s: SatRec[]) => Promise<OrbitPropagator> = (s) => createOrbitPropagator(s),
): Promise<OrbitSamples> {
  const count = Math.floor(durationS / stepS) + 1;
  const prop = await create(satrecs);
  try {
    const chunk = prop.propagateGrid(startMs, stepS, count);
    return { timesMs: chunk.timesMs.slice(), positionsEcefKm: chunk.positionsEcefKm.slice() };
  } finally {
    prop.dispose();
  }
}
