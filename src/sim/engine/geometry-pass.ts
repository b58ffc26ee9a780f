// Pass 1 of a run: propagate every satellite over the run in time chunks and keep only what the flow
// needs: per satellite-step shadow and capture bytes, the step a satellite is lost, contact windows
// (refined to < 1 s) and slant ranges during contacts. Memory: satellites × steps scalars plus
// contact samples; never satellites × steps × stations. Pure; the propagator is passed in. With a
// concurrent propagator (workers) the next chunk is propagated while this one is scanned.
import type { GridPropagator } from '../orbit/propagator.ts';
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import { ContactFinder, type ContactWindow } from '../links/contacts.ts';
import { isVisible, lookAngles, type LookAngles, type StationGeometry } from '../links/visibility.ts';
import { imagingRateBps, type PushBroomParams } from '../workload/imaging.ts';
import { isLand, type LandMask } from '../workload/land-mask.ts';
import type { ContactRecord } from './result-types.ts';

export interface GeometryInputs {
  propagator: GridPropagator;
  stations: StationGeometry;
  startMs: number;
  stepS: number;
  /** Steps; grid times are startMs + k·stepS for k = 0..stepCount. */
  stepCount: number;
  imaging: PushBroomParams & { requireSunlit: boolean; requireLand: boolean; regionsOfInterest: readonly Roi[] };
  landMask: LandMask;
  /** Grid times per propagation chunk. */
  chunkSteps?: number;
  /** Keep Earth-fixed positions every this many steps (exports, e.g. CZML); 0 or absent = keep none. */
  orbitSampleEvery?: number;
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
  /** Positions at every `orbitSampleEvery`-th grid time, as the propagator gave them (NaN where it failed). */
  orbitSamples: OrbitSamples | null;
}

/** Earth-fixed positions sampled on a coarse grid of the run. */
export interface OrbitSamples {
  /** Sample times, ms since the Unix epoch: `[t]`. */
  timesMs: Float64Array;
  /** Earth-fixed positions, km, satellite-major: `[(s*T + t)*3 + c]`; NaN where propagation failed. */
  positionsEcefKm: Float64Array;
}

/**
 * A propagator that also finds the contact windows of the pass's stations in its own threads, in the chunks
 * it fills (src/cli/parallel-propagator.ts). It must have been made with the same stations.
 */
export interface ContactScanningPropagator extends GridPropagator {
  readonly scansContacts: boolean;
  /** Windows of every chunk filled so far, in ContactFinder.finish() order; scanning stops. */
  finishContacts(): Promise<ContactWindow[]>;
}

function scansContacts(p: GridPropagator): p is ContactScanningPropagator {
  const c = p as Partial<ContactScanningPropagator>;
  return c.scansContacts === true && typeof c.finishContacts === 'function';
}

/** Sunlit when less than half the Sun's disc is hidden (shadow fraction < 0.5). */
export const SUNLIT_SHADOW_THRESHOLD = 0.5;

/** Pass 1 over the whole run; results do not depend on the propagator's threading (same chunks, same order). */
export async function runGeometryPass(inp: GeometryInputs): Promise<GeometryResult> {
  const n = inp.propagator.satCount;
  const K = inp.stepCount;
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
    orbitSamples: allocateSamples(n, K, inp),
  };
  const prop = inp.propagator;
  const remoteContacts = scansContacts(prop);
  const scan = new ChunkScan(inp, out, !remoteContacts);
  const chunkSteps = Math.max(2, inp.chunkSteps ?? 120);
  const request = (k0: number, reuse: OrbitChunk | undefined) => {
    const count = Math.min(chunkSteps, K + 1 - k0);
    return prop.propagateGrid(inp.startMs + k0 * inp.stepS * 1000, inp.stepS, count, reuse?.timeCount === count ? reuse : undefined);
  };
  let pending = request(0, undefined);
  let spare: OrbitChunk | undefined;
  for (let k0 = 0; k0 <= K; k0 += chunkSteps) {
    const chunk = await pending;
    const next = k0 + chunkSteps;
    // Concurrent: the workers fill the spare chunk while this one is scanned. Otherwise propagate after.
    if (prop.concurrent && next <= K) pending = request(next, spare);
    scan.addChunk(chunk, k0);
    if (!prop.concurrent && next <= K) pending = request(next, chunk);
    spare = chunk;
    inp.onProgress?.(Math.min(K, k0 + chunk.timeCount), K);
  }
  return scan.finish(remoteContacts ? await prop.finishContacts() : undefined);
}

function allocateSamples(n: number, K: number, inp: GeometryInputs): OrbitSamples | null {
  const every = inp.orbitSampleEvery ?? 0;
  if (!(every >= 1)) return null;
  const T = Math.floor(K / every) + 1;
  const timesMs = Float64Array.from({ length: T }, (_, t) => inp.startMs + t * every * inp.stepS * 1000);
  return { timesMs, positionsEcefKm: new Float64Array(n * T * 3) };
}

/** Scans chunks in time order into a GeometryResult. */
class ChunkScan {
  private readonly altSum: Float64Array;
  private readonly altCount: Float64Array;
  /** Absent when the propagator finds the windows itself. */
  private readonly finder: ContactFinder | undefined;
  private readonly look: LookAngles = { elevationDeg: 0, azimuthDeg: 0, rangeKm: 0 };

  constructor(
    private readonly inp: GeometryInputs,
    private readonly out: GeometryResult,
    findContacts: boolean,
  ) {
    const n = inp.propagator.satCount;
    this.altSum = new Float64Array(n);
    this.altCount = new Float64Array(n);
    this.finder = findContacts ? new ContactFinder(n, inp.stations) : undefined;
  }

  /** Scans `chunk`, whose first sample is grid step `k0`. */
  addChunk(chunk: OrbitChunk, k0: number): void {
    const { inp, out, altSum, altCount } = this;
    const n = chunk.satCount;
    const K = out.stepCount;
    const J = inp.stations.count;
    const count = chunk.timeCount;
    this.finder?.addChunk(chunk);
    this.keepSamples(chunk, k0);
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
        recordRanges(out, inp.stations, chunk.positionsEcefKm, i, s, J, chunk.timesMs[t]!, this.look);
        if (k >= K) continue;
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
  }

  /** Copies the positions at sample steps (every `orbitSampleEvery`-th grid time) of `chunk` (first step k0). */
  private keepSamples(chunk: OrbitChunk, k0: number): void {
    const samples = this.out.orbitSamples;
    if (!samples) return;
    const every = this.inp.orbitSampleEvery!;
    const T = samples.timesMs.length;
    const count = chunk.timeCount;
    const pos = chunk.positionsEcefKm;
    for (let t = Math.ceil(k0 / every) * every - k0; t < count; t += every) {
      const j = (k0 + t) / every;
      for (let s = 0; s < chunk.satCount; s++) {
        const from = (s * count + t) * 3;
        const to = (s * T + j) * 3;
        samples.positionsEcefKm[to] = pos[from]!;
        samples.positionsEcefKm[to + 1] = pos[from + 1]!;
        samples.positionsEcefKm[to + 2] = pos[from + 2]!;
      }
    }
  }

  /** Completes the result; `windows` from the propagator when it found them, else from this scan. */
  finish(windows?: ContactWindow[]): GeometryResult {
    const { inp, out } = this;
    const K = out.stepCount;
    for (let s = 0; s < out.lostAtStep.length; s++) {
      out.meanAltitudeKm[s] = this.altCount[s]! > 0 ? this.altSum[s]! / this.altCount[s]! : NaN;
      const lost = out.lostAtStep[s]!;
      if (lost >= 0) for (let k = lost; k < K; k++) out.satsLost[k]!++;
    }
    out.windows = (windows ?? this.finder?.finish() ?? []).filter(
      (w) => out.lostAtStep[w.satIndex]! < 0 || w.aosMs < inp.startMs + out.lostAtStep[w.satIndex]! * inp.stepS * 1000,
    );
    return out;
  }
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

/** Inside a box; lonMinDeg > lonMaxDeg is a box across the antimeridian ([lonMin, 180] ∪ [−180, lonMax]). */
export function inRegion(r: Roi, latDeg: number, lonDeg: number): boolean {
  if (latDeg < r.latMinDeg || latDeg > r.latMaxDeg) return false;
  return r.lonMinDeg <= r.lonMaxDeg ? lonDeg >= r.lonMinDeg && lonDeg <= r.lonMaxDeg : lonDeg >= r.lonMinDeg || lonDeg <= r.lonMaxDeg;
}

function imagingAllowed(inp: GeometryInputs, sunlit: boolean, latDeg: number, lonDeg: number): boolean {
  const im = inp.imaging;
  if (im.requireSunlit && !sunlit) return false;
  if (im.regionsOfInterest.length > 0 && !im.regionsOfInterest.some((r) => inRegion(r, latDeg, lonDeg))) return false;
  return !im.requireLand || isLand(inp.landMask, latDeg, lonDeg);
}
