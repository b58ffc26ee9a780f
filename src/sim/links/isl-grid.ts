// +Grid ISL topology of Walker shells: each satellite links to its two in-plane neighbours and to the
// satellites at the same phase in the two adjacent planes. Static pairs, built once. Pure; imports only catalogue types.
// The pattern is Hypatia's generate_plus_grid_isls (snkas/hypatia, satgenpy/satgen/isls/generate_plus_grid_isls.py;
// Kassing et al., "Exploring the Internet from space with Hypatia", IMC 2020), with the seam handled per pattern.
import type { WalkerSlot } from '../catalog/types.ts';

/** Undirected satellite pairs, `a[e] < b[e]` (satellite indices), `count` of them. */
export interface IslPairs {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
}

const keyOf = (shell: number, plane: number, slot: number): string => `${shell}:${plane}:${slot}`;

/**
 * The +Grid partner in the next plane of satellite (plane p, slot s), or null when there is none.
 * - Planes p and p+1 (p < P−1): same slot s. Walker phasing puts plane p+1 ahead by F·360°/T in argument of
 *   latitude, the same small offset between every pair of adjacent planes.
 * - Delta seam, plane P−1 → plane 0 (RAAN 360°/P apart, co-rotating): slot (s + F) mod S. Going once round
 *   all P planes adds P·F·360°/T = F·360°/S of phase, i.e. F slots, so this keeps the same F·360°/T offset.
 * - Star seam: plane 0's descending half faces plane P−1's ascending half; they move in opposite directions
 *   (counter-rotating seam), so there is no cross-plane link there and planes 0 and P−1 have degree 3.
 */
export function nextPlanePartner(w: WalkerSlot): { plane: number; slot: number } | null {
  if (w.planes < 2) return null;
  if (w.plane < w.planes - 1) return { plane: w.plane + 1, slot: w.slot };
  if (w.pattern === 'star') return null;
  return { plane: 0, slot: (w.slot + w.phasing) % w.satsPerPlane };
}

/**
 * All +Grid pairs among the satellites that carry a Walker slot (`layouts[i]`, undefined for the others).
 * Satellites missing from a shell (e.g. dropped as duplicates) simply leave their neighbours with fewer links.
 * Small shells (S = 2, or P = 2 in a delta shell) would name the same pair twice: it is kept once.
 * Not a hot path (runs once per catalogue); allocates.
 */
export function plusGridPairs(layouts: readonly (WalkerSlot | undefined)[]): IslPairs {
  const n = layouts.length;
  const index = new Map<string, number>();
  layouts.forEach((w, i) => {
    if (w) index.set(keyOf(w.shell, w.plane, w.slot), i);
  });
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  const add = (i: number, j: number | undefined): void => {
    if (j === undefined || j === i) return;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const key = lo * n + hi;
    if (seen.has(key)) return;
    seen.add(key);
    a.push(lo);
    b.push(hi);
  };
  layouts.forEach((w, i) => {
    if (!w) return;
    if (w.satsPerPlane >= 2) add(i, index.get(keyOf(w.shell, w.plane, (w.slot + 1) % w.satsPerPlane)));
    const next = nextPlanePartner(w);
    if (next) add(i, index.get(keyOf(w.shell, next.plane, next.slot)));
  });
  return { count: a.length, a: Int32Array.from(a), b: Int32Array.from(b) };
}
