// Pass 1 of a run: propagate every satellite over the run in time chunks and keep only what the flow
// needs: per satellite-step shadow and capture bytes, the step a satellite is lost, contact windows
// (refined to < 1 s) and slant ranges during contacts. Memory: satellites × steps scalars plus
// contact samples; never satellites × steps × stations. Pure; the propagator is passed in.
import type { OrbitPropagator } from '../orbit/propagator.ts';
import { allocateOrbitChunk } from '../orbit/orbit-chunk.ts';
import { ContactFinder } from '../links/contacts.ts';
import { isVisible, lookAngles, type LookAngles, type StationGeometry } from '../links/visibility.ts';
import { imagingRateBps, type PushBroomParams } from '../workload/imaging.ts';
import { isLand, type LandMask } from '../workload/land-mask.ts';
import type { ContactRecord } from './result-types.ts';

export interface GeometryInputs {
  propagator: OrbitPropagator;
  stations: StationGeometry;
  startMs: number;
  stepS: number;
  /** Steps; grid times are startMs + k·stepS for k = 0..stepCount. */
  stepCount: number;
  imaging: PushBroomParams & { requireSunlit: boolean; requireLand: boolean; regionsOfInterest: readonly Roi[] };
  landMask: LandMask;
  /** Grid times per propagation chunk. */
  chunkSteps?: number;
  /** Keep every satellite's Earth-fixed position at every step start (for inter-satellite links). */
  recordPositions?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface Roi {
  latMinDeg: number;
  latMaxDeg: number;
  lonMinDeg: number;
  lonMaxDeg: number;
}

/** Slant ranges at grid times when a satellite was above a station's mask. */
export interface RangeTrack {
  timesMs: number[];
  rangeKm: number[];
}

export interface GeometryResult {
  stepCount: number;
  /** Shadow fraction at the start of step k: `[s*K + k]`. */
  shadow: Float32Array;
  /** Bytes captured during step k (0 when not imaging or lost): `[s*K + k]`. */
  captureBytes: Float64Array;
  /** First step at which the satellite is lost, −1 if never: `[s]`. */
  lostAtStep: Int32Array;
  /** SGP4 / non-finite error code that lost it: `[s]`. */
  lostCode: Int8Array;
  meanAltitudeKm: Float64Array;
  windows: ContactRecord[];
  /** Key s·stationCount + j. */
  ranges: Map<number, RangeTrack>;
  satsSunlit: Float64Array;
  satsImaging: Float64Array;
  satsLost: Float64Array;
  /** With `recordPositions`: ECEF km at the start of step k, step-major `[(k*n + s)*3 + c]` (NaN when lost). */
  positionsByStep?: Float32Array;
}

/** Sunlit when less than half the Sun's disc is hidden (shadow fraction < 0.5). */
export const SUNLIT_SHADOW_THRESHOLD = 0.5;

export function runGeometryPass(inp: GeometryInputs): GeometryResult {
  const n = inp.propagator.satCount;
  const K = inp.stepCount;
  const J = inp.stations.count;
  const out: GeometryResult = {
    stepCount: K,
    shadow: new Float32Array(n * K),
    captureBytes: new Float64Array(n * K),
    lostAtStep: new Int32Array(n).fill(-1),
    lostCode: new Int8Array(n),
    meanAltitudeKm: new Float64Array(n),
    windows: [],
    ranges: new Map(),
    satsSunlit: new Float64Array(K),
    satsImaging: new Float64Array(K),
    satsLost: new Float64Array(K),
    ...(inp.recordPositions ? { positionsByStep: new Float32Array(K * n * 3).fill(NaN) } : {}),
  };
  const altSum = new Float64Array(n);
  const altCount = new Float64Array(n);
  const finder = new ContactFinder(n, inp.stations);
  const chunkSteps = Math.max(2, inp.chunkSteps ?? 120);
  const look: LookAngles = { elevationDeg: 0, azimuthDeg: 0, rangeKm: 0 };
  let chunk = allocateOrbitChunk(n, Math.min(chunkSteps, K + 1));
  for (let k0 = 0; k0 <= K; k0 += chunkSteps) {
    const count = Math.min(chunkSteps, K + 1 - k0);
    chunk = inp.propagator.propagateGrid(inp.startMs + k0 * inp.stepS * 1000, inp.stepS, count, chunk.timeCount === count ? chunk : undefined);
    finder.addChunk(chunk);
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < count; t++) {
        const k = k0 + t;
        const i = s * count + t;
        if (out.lostAtStep[s]! < 0 && chunk.errorCodes[i] !== 0) {
          out.lostAtStep[s] = k;
          out.lostCode[s] = chunk.errorCodes[i]!;
        }
        if (out.lostAtStep[s]! >= 0) continue;
        altSum[s]! += chunk.altKm[i]!;
        altCount[s]!++;
        recordRanges(out, inp.stations, chunk.positionsEcefKm, i, s, J, chunk.timesMs[t]!, look);
        if (k >= K) continue;
        if (out.positionsByStep) for (let c = 0; c < 3; c++) out.positionsByStep[(k * n + s) * 3 + c] = chunk.positionsEcefKm[i * 3 + c]!;
        const shadow = chunk.shadowFraction[i]!;
        out.shadow[s * K + k] = shadow;
        const sunlit = shadow < SUNLIT_SHADOW_THRESHOLD;
        if (sunlit) out.satsSunlit[k]!++;
        if (imagingAllowed(inp, sunlit, chunk.latDeg[i]!, chunk.lonDeg[i]!)) {
          out.satsImaging[k]!++;
          out.captureBytes[s * K + k] = (imagingRateBps(inp.imaging, chunk.altKm[i]!) * inp.stepS) / 8;
        }
      }
    }
    inp.onProgress?.(Math.min(K, k0 + count), K);
  }
  for (let s = 0; s < n; s++) {
    out.meanAltitudeKm[s] = altCount[s]! > 0 ? altSum[s]! / altCount[s]! : NaN;
    const lost = out.lostAtStep[s]!;
    if (lost >= 0) for (let k = lost; k < K; k++) out.satsLost[k]!++;
  }
  out.windows = finder.finish().filter((w) => out.lostAtStep[w.satIndex]! < 0 || w.aosMs < inp.startMs + out.lostAtStep[w.satIndex]! * inp.stepS * 1000);
  return out;
}

function recordRanges(out: GeometryResult, g: StationGeometry, pos: Float64Array, i: number, s: number, J: number, tMs: number, look: LookAngles): void {
  const x = pos[i * 3]!;
  const y = pos[i * 3 + 1]!;
  const z = pos[i * 3 + 2]!;
  for (let j = 0; j < J; j++) {
    if (!isVisible(g, j, x, y, z)) continue;
    lookAngles(pos, g, j, i * 3, look);
    const key = s * J + j;
    let track = out.ranges.get(key);
    if (!track) out.ranges.set(key, (track = { timesMs: [], rangeKm: [] }));
    track.timesMs.push(tMs);
    track.rangeKm.push(look.rangeKm);
  }
}

function imagingAllowed(inp: GeometryInputs, sunlit: boolean, latDeg: number, lonDeg: number): boolean {
  const im = inp.imaging;
  if (im.requireSunlit && !sunlit) return false;
  if (im.regionsOfInterest.length > 0 && !im.regionsOfInterest.some((r) => latDeg >= r.latMinDeg && latDeg <= r.latMaxDeg && lonDeg >= r.lonMinDeg && lonDeg <= r.lonMaxDeg)) return false;
  return !im.requireLand || isLand(inp.landMask, latDeg, lonDeg);
}
