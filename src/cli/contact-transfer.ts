// Contact windows across threads: packed into one Float64Array (transferred, not cloned: a day of Starlink
// over 65 stations is 2.4 million windows) and merged from per-worker sorted lists into the order
// ContactFinder.finish() gives. Pure; imports only src/sim/links types.
import { compareWindows, type ContactWindow, type WindowTable } from '../sim/links/contacts.ts';

/** Numbers per packed window: sat, station, AOS, LOS, max elevation, its time, partial flags. */
const WINDOW_STRIDE = 7;

/** Packs windows (satellite indices as they are) into `[sat, station, aosMs, losMs, maxElDeg, maxElMs, flags]…`. */
export function packWindows(windows: readonly ContactWindow[]): Float64Array<ArrayBuffer> {
  const out = new Float64Array(windows.length * WINDOW_STRIDE);
  windows.forEach((w, k) => {
    const o = k * WINDOW_STRIDE;
    out[o] = w.satIndex;
    out[o + 1] = w.stationIndex;
    out[o + 2] = w.aosMs;
    out[o + 3] = w.losMs;
    out[o + 4] = w.maxElevationDeg;
    out[o + 5] = w.maxElevationMs;
    out[o + 6] = (w.partialStart ? 1 : 0) + (w.partialEnd ? 2 : 0);
  });
  return out;
}

/** Packs a finished ContactFinder's table in its sort order, as `packWindows(finder.finish())` would. */
export function packWindowTable(t: WindowTable): Float64Array<ArrayBuffer> {
  const out = new Float64Array(t.count * WINDOW_STRIDE);
  for (let k = 0; k < t.count; k++) {
    const i = t.order[k]!;
    const o = k * WINDOW_STRIDE;
    out[o] = t.satIndex[i]!;
    out[o + 1] = t.stationIndex[i]!;
    out[o + 2] = t.aosMs[i]!;
    out[o + 3] = t.losMs[i]!;
    out[o + 4] = t.maxElevationDeg[i]!;
    out[o + 5] = t.maxElevationMs[i]!;
    out[o + 6] = t.flags[i]!;
  }
  return out;
}

/** Unpacks windows, adding `satOffset` to every satellite index (a worker's first satellite). */
export function unpackWindows(packed: Float64Array, satOffset: number): ContactWindow[] {
  const out: ContactWindow[] = new Array(packed.length / WINDOW_STRIDE);
  for (let k = 0; k < out.length; k++) {
    const o = k * WINDOW_STRIDE;
    const flags = packed[o + 6]!;
    out[k] = {
      satIndex: packed[o]! + satOffset,
      stationIndex: packed[o + 1]!,
      aosMs: packed[o + 2]!,
      losMs: packed[o + 3]!,
      maxElevationDeg: packed[o + 4]!,
      maxElevationMs: packed[o + 5]!,
      partialStart: (flags & 1) === 1,
      partialEnd: (flags & 2) === 2,
    };
  }
  return out;
}

/**
 * Merges lists each sorted by `compareWindows` into one sorted list. `compareWindows` is a total order on
 * the windows of one run (two windows of one pair never share an AOS), so the result equals sorting all.
 */
export function mergeSortedWindows(lists: readonly ContactWindow[][]): ContactWindow[] {
  let total = 0;
  for (const l of lists) total += l.length;
  const out: ContactWindow[] = new Array(total);
  const at = new Array<number>(lists.length).fill(0);
  for (let n = 0; n < total; n++) {
    let best = -1;
    let bestWindow: ContactWindow | undefined;
    for (let l = 0; l < lists.length; l++) {
      const w = lists[l]![at[l]!];
      if (w && (best < 0 || compareWindows(w, bestWindow!) < 0)) {
        best = l;
        bestWindow = w;
      }
    }
    out[n] = bestWindow!;
    at[best]!++;
  }
  return out;
}
