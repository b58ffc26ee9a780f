// The naive library route to contact windows, the baseline of the contacts benchmark and the reference of
// test/orbit/parallel-windows.test.ts: for every station and grid time, satellite.js `propagate` + `gstime` +
// `eciToEcf` + `ecfToLookAngles` ('per-station', the route as the issue names it: each station's passes
// computed on their own), or the propagation shared by all stations ('shared-propagation', a stricter
// baseline). Each rise or set through the mask is refined by bisection with the same calls until the bracket
// is under 1 s (AOS/LOS = its midpoint, error ≤ 0.5 s). Both give the same windows. A station's `maxRangeKm`
// limits the view by satellite.js's own `rangeSat` too.
import { degreesToRadians, ecfToLookAngles, eciToEcf, gstime, propagate, type EcfVec3, type SatRec } from 'satellite.js';
import type { GroundStation } from '../../src/sim/links/visibility.ts';

export interface NaiveWindow {
  satIndex: number;
  stationIndex: number;
  /** ms since Unix epoch (UTC). */
  aosMs: number;
  losMs: number;
  partialStart: boolean;
  partialEnd: boolean;
}

/** Bisection stops below this bracket, ms. */
const BRACKET_MS = 1000;

interface Observer {
  longitude: number;
  latitude: number;
  height: number;
  maskRad: number;
  maxRangeKm: number;
}

function observers(stations: readonly GroundStation[]): Observer[] {
  return stations.map((s) => ({
    longitude: degreesToRadians(s.lonDeg),
    latitude: degreesToRadians(s.latDeg),
    height: s.altM / 1000,
    maskRad: degreesToRadians(s.minElevationDeg),
    maxRangeKm: s.maxRangeKm ?? Infinity,
  }));
}

/** Whether the Earth-fixed position `ecf` is above the mask of `obs` (and within its range limit). */
function inView(obs: Observer, ecf: EcfVec3<number>): boolean {
  const look = ecfToLookAngles(obs, ecf);
  return look.elevation > obs.maskRad && look.rangeSat <= obs.maxRangeKm;
}

/** Whether `sat` is in view of `obs` at `ms` (false when SGP4 fails). */
function upAt(sat: SatRec, obs: Observer, ms: number): boolean {
  const ecf = ecfAt(sat, ms);
  return ecf !== null && inView(obs, ecf);
}

/** Time (ms) where the satellite enters or leaves view between `loMs` (state `upAtLo`) and `hiMs`. */
function refineCrossing(sat: SatRec, obs: Observer, loMs: number, hiMs: number, upAtLo: boolean): number {
  let lo = loMs;
  let hi = hiMs;
  while (hi - lo >= BRACKET_MS) {
    const mid = (lo + hi) / 2;
    if (upAt(sat, obs, mid) === upAtLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export type NaiveMode = 'per-station' | 'shared-propagation';

/** Earth-fixed position of `sat` at `ms` (km), or null when SGP4 fails. */
function ecfAt(sat: SatRec, ms: number): EcfVec3<number> | null {
  const date = new Date(ms);
  const pv = propagate(sat, date);
  return pv ? eciToEcf(pv.position, gstime(date)) : null;
}

/** Windows of satellite `s` over station `j`, from `up(k)`: above the mask at grid time k. */
function scanPair(
  sat: SatRec,
  s: number,
  j: number,
  obs: Observer,
  up: (k: number) => boolean,
  startMs: number,
  stepS: number,
  steps: number,
  out: NaiveWindow[],
): void {
  let open = false;
  let aosMs = 0;
  let partial = false;
  for (let k = 0; k <= steps; k++) {
    const ms = startMs + k * stepS * 1000;
    const isUp = up(k);
    if (isUp === open) continue;
    open = isUp;
    if (isUp) {
      partial = k === 0;
      aosMs = k === 0 ? ms : refineCrossing(sat, obs, ms - stepS * 1000, ms, false);
    } else {
      out.push({ satIndex: s, stationIndex: j, aosMs, losMs: refineCrossing(sat, obs, ms - stepS * 1000, ms, true), partialStart: partial, partialEnd: false });
    }
  }
  if (open) out.push({ satIndex: s, stationIndex: j, aosMs, losMs: startMs + steps * stepS * 1000, partialStart: partial, partialEnd: true });
}

/** Windows of satellites `satIndices` over all stations on the grid startMs + k·stepS (k = 0..steps). */
export function naiveContacts(
  satrecs: readonly SatRec[],
  satIndices: readonly number[],
  stations: readonly GroundStation[],
  startMs: number,
  stepS: number,
  steps: number,
  mode: NaiveMode = 'per-station',
): NaiveWindow[] {
  const obs = observers(stations);
  const out: NaiveWindow[] = [];
  for (const s of satIndices) {
    const sat = satrecs[s]!;
    const shared = mode === 'shared-propagation' ? Array.from({ length: steps + 1 }, (_, k) => ecfAt(sat, startMs + k * stepS * 1000)) : undefined;
    obs.forEach((o, j) => {
      const up = shared ? (k: number) => shared[k] !== null && inView(o, shared[k]!) : (k: number) => upAt(sat, o, startMs + k * stepS * 1000);
      scanPair(sat, s, j, o, up, startMs, stepS, steps, out);
    });
  }
  return out;
}

export interface WindowMatch {
  /** Reference windows with an engine window of the same pair within `toleranceS` at both ends. */
  matched: number;
  /** Reference windows with no such engine window. */
  unmatchedReference: NaiveWindow[];
  /** Engine windows (of the satellites compared) with no such reference window. */
  unmatchedEngine: NaiveWindow[];
  /** Largest |ΔAOS| or |ΔLOS| over matched windows, s. */
  worstS: number;
}

/** Pairs windows of the same satellite and station whose AOS and LOS both agree within `toleranceS`. */
export function matchWindows(reference: readonly NaiveWindow[], engine: readonly NaiveWindow[], toleranceS: number): WindowMatch {
  const sats = new Set(reference.map((w) => w.satIndex));
  const pool = engine.filter((w) => sats.has(w.satIndex));
  const used = new Set<NaiveWindow>();
  const unmatchedReference: NaiveWindow[] = [];
  let worstS = 0;
  for (const r of reference) {
    const e = pool.find(
      (w) =>
        !used.has(w) &&
        w.satIndex === r.satIndex &&
        w.stationIndex === r.stationIndex &&
        Math.abs(w.aosMs - r.aosMs) <= toleranceS * 1000 &&
        Math.abs(w.losMs - r.losMs) <= toleranceS * 1000,
    );
    if (!e) {
      unmatchedReference.push(r);
      continue;
    }
    used.add(e);
    worstS = Math.max(worstS, Math.abs(e.aosMs - r.aosMs) / 1000, Math.abs(e.losMs - r.losMs) / 1000);
  }
  return { matched: used.size, unmatchedReference, unmatchedEngine: pool.filter((w) => !used.has(w)), worstS };
}
