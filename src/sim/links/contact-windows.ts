// Bookkeeping of the contact finder's windows: the open window of every satellite × station pair and
// the closed ones in growable typed columns, sorted and turned into objects once at the end. Pure;
// imports only links/window-sort.ts.
import { sortOrder } from './window-sort.ts';

/** One pass of a satellite in view of a station: above its elevation mask (and within its range limit, if any). */
export interface ContactWindow {
  satIndex: number;
  stationIndex: number;
  /** Acquisition of signal: the satellite comes into view (rises through the mask or enters the range), ms since Unix epoch (UTC). */
  aosMs: number;
  /** Loss of signal: the satellite leaves view (sets through the mask or leaves the range), ms since Unix epoch (UTC). */
  losMs: number;
  /** Highest elevation in the window, degrees. */
  maxElevationDeg: number;
  /** Time of the highest elevation, ms since Unix epoch (UTC). */
  maxElevationMs: number;
  /** The window was already open at the first sample (run start or after a propagation failure). */
  partialStart: boolean;
  /** The window was still open at the last sample (run end or before a propagation failure). */
  partialEnd: boolean;
}

/** Deterministic order: aosMs, then satIndex, then stationIndex. */
export function compareWindows(a: ContactWindow, b: ContactWindow): number {
  return a.aosMs - b.aosMs || a.satIndex - b.satIndex || a.stationIndex - b.stationIndex;
}

/** The windows of a finished run as columns (fields as in ContactWindow); `order` sorts them. */
export interface WindowTable {
  readonly count: number;
  /** Indices of the windows in `compareWindows` order. */
  readonly order: Uint32Array;
  readonly satIndex: Uint32Array;
  readonly stationIndex: Uint32Array;
  /** ms since Unix epoch (UTC). */
  readonly aosMs: Float64Array;
  /** ms since Unix epoch (UTC). */
  readonly losMs: Float64Array;
  /** degrees. */
  readonly maxElevationDeg: Float64Array;
  /** ms since Unix epoch (UTC). */
  readonly maxElevationMs: Float64Array;
  /** 1 = partialStart, 2 = partialEnd. */
  readonly flags: Uint8Array;
}

/**
 * The order of a stable sort by `compareWindows` with the comparator itself (when an AOS is not finite:
 * the radix sort's keys need finite ones).
 */
function comparatorOrder(aosMs: Float64Array, sat: Uint32Array, station: Uint32Array): Uint32Array {
  const idx = Array.from({ length: aosMs.length }, (_, i) => i);
  idx.sort((a, b) => aosMs[a]! - aosMs[b]! || sat[a]! - sat[b]! || station[a]! - station[b]!);
  return Uint32Array.from(idx);
}

const RAD_TO_DEG = 180 / Math.PI;
const FIRST_CAPACITY = 1024;

/**
 * Open windows per pair p = sat · stationCount + station and closed windows. The maximum kept per window is of
 * g_el = sin(el) − sin(mask) (with a range limit the finder passes g_el, not the windowing function).
 */
export class WindowStore {
  /** 1 while pair p has a window open. */
  readonly open: Uint8Array;
  private readonly partialStart: Uint8Array;
  private readonly aosMs: Float64Array;
  private readonly maxG: Float64Array;
  private readonly maxMs: Float64Array;
  private count = 0;
  private cSat: Uint32Array = new Uint32Array(0);
  private cStation: Uint32Array = new Uint32Array(0);
  private cAosMs: Float64Array = new Float64Array(0);
  private cLosMs: Float64Array = new Float64Array(0);
  private cMaxDeg: Float64Array = new Float64Array(0);
  private cMaxMs: Float64Array = new Float64Array(0);
  private cFlags: Uint8Array = new Uint8Array(0);

  constructor(
    pairs: number,
    private readonly stationCount: number,
    private readonly sinMask: Float64Array,
  ) {
    this.open = new Uint8Array(pairs);
    this.partialStart = new Uint8Array(pairs);
    this.aosMs = new Float64Array(pairs);
    this.maxG = new Float64Array(pairs);
    this.maxMs = new Float64Array(pairs);
  }

  openWindow(p: number, aosMs: number, partial: boolean, g: number, gMs = aosMs): void {
    this.open[p] = 1;
    this.partialStart[p] = partial ? 1 : 0;
    this.aosMs[p] = aosMs;
    this.maxG[p] = g;
    this.maxMs[p] = gMs;
  }

  updateMax(p: number, g: number, ms: number): void {
    if (g > this.maxG[p]!) {
      this.maxG[p] = g;
      this.maxMs[p] = ms;
    }
  }

  close(p: number, losMs: number, partialEnd: boolean): void {
    if (this.count === this.cAosMs.length) this.grow();
    const j = p % this.stationCount;
    const sinEl = Math.min(1, this.maxG[p]! + this.sinMask[j]!);
    const n = this.count++;
    this.cSat[n] = (p - j) / this.stationCount;
    this.cStation[n] = j;
    this.cAosMs[n] = this.aosMs[p]!;
    this.cLosMs[n] = losMs;
    this.cMaxDeg[n] = Math.asin(sinEl) * RAD_TO_DEG;
    this.cMaxMs[n] = this.maxMs[p]!;
    this.cFlags[n] = this.partialStart[p]! + (partialEnd ? 2 : 0);
    this.open[p] = 0;
  }

  /**
   * Closes the windows still open at `lastTimeMs` (partialEnd) and returns all windows as columns, with
   * `order` listing them in `compareWindows` order (ties in closing order, as a stable sort gives).
   */
  finishTable(lastTimeMs: number): WindowTable {
    for (let p = 0; p < this.open.length; p++) if (this.open[p]) this.close(p, lastTimeMs, true);
    const n = this.count;
    const aosMs = this.cAosMs.subarray(0, n);
    const satIndex = this.cSat.subarray(0, n);
    const stationIndex = this.cStation.subarray(0, n);
    const order = sortOrder(aosMs, satIndex, stationIndex) ?? comparatorOrder(aosMs, satIndex, stationIndex);
    const table: WindowTable = {
      count: n,
      order,
      satIndex,
      stationIndex,
      aosMs,
      losMs: this.cLosMs.subarray(0, n),
      maxElevationDeg: this.cMaxDeg.subarray(0, n),
      maxElevationMs: this.cMaxMs.subarray(0, n),
      flags: this.cFlags.subarray(0, n),
    };
    return table;
  }

  /** Closes the windows still open at `lastTimeMs` (partialEnd); all windows in `compareWindows` order. */
  finish(lastTimeMs: number): ContactWindow[] {
    const t = this.finishTable(lastTimeMs);
    const out: ContactWindow[] = new Array(t.count);
    for (let k = 0; k < t.count; k++) {
      const i = t.order[k]!;
      out[k] = {
        satIndex: t.satIndex[i]!,
        stationIndex: t.stationIndex[i]!,
        aosMs: t.aosMs[i]!,
        losMs: t.losMs[i]!,
        maxElevationDeg: t.maxElevationDeg[i]!,
        maxElevationMs: t.maxElevationMs[i]!,
        partialStart: (t.flags[i]! & 1) === 1,
        partialEnd: (t.flags[i]! & 2) === 2,
      };
    }
    return out;
  }

  private grow(): void {
    const size = Math.max(FIRST_CAPACITY, this.cAosMs.length * 2);
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const u32 = (a: Uint32Array): Uint32Array => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    this.cSat = u32(this.cSat);
    this.cStation = u32(this.cStation);
    this.cAosMs = f64(this.cAosMs);
    this.cLosMs = f64(this.cLosMs);
    this.cMaxDeg = f64(this.cMaxDeg);
    this.cMaxMs = f64(this.cMaxMs);
    const flags = new Uint8Array(size);
    flags.set(this.cFlags);
    this.cFlags = flags;
  }
}
