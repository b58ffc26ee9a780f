// Rows of the accessible table view: satellites (state, light, altitude, storage) and the contacts open now or
// coming next, at one simulation time. Pure.
import type { KeyframeBlock } from '../../../workers/protocol.ts';
import type { RunResult } from '../../sim/engine/result-types.ts';
import { SAT_STATE_NAMES } from '../../sim/engine/timeline.ts';
import type { ProcessingMode } from '../../sim/scenario/schema.ts';
import { stepIndexAt } from '../shown.ts';
import { lightOf } from './inspector-data.ts';
import { satGeodetic } from './sat-position.ts';

export interface SatRow {
  index: number;
  name: string;
  norad: number;
  state: string;
  light: string;
  altitudeKm: number | null;
  storedBytes: number | null;
}

export interface ContactRow {
  satIndex: number;
  satName: string;
  station: string;
  aosMs: number;
  losMs: number;
  maxElevationDeg: number;
  open: boolean;
}

/** Satellite rows `[first, first + count)` at `tMs` in `mode`. */
export function satelliteRows(
  run: RunResult,
  keyframes: readonly KeyframeBlock[],
  mode: ProcessingMode,
  tMs: number,
  startMs: number,
  first: number,
  count: number,
): SatRow[] {
  const tl = run.timeline;
  const k = stepIndexAt(run, tMs, startMs);
  const m = tl?.modes[mode];
  const rows: SatRow[] = [];
  const end = Math.min(run.satellites.length, first + count);
  for (let s = first; s < end; s++) {
    const sat = run.satellites[s]!;
    const i = tl && k >= 0 ? k * tl.satCount + s : -1;
    rows.push({
      index: s,
      name: sat.name,
      norad: sat.norad,
      state: m && i >= 0 ? (SAT_STATE_NAMES[m.state[i]!] ?? 'n/a') : 'n/a',
      light: tl && i >= 0 ? (lightOf(tl.shadow[i]!) ?? 'n/a') : 'n/a',
      altitudeKm: satGeodetic(keyframes, s, tMs)?.altitudeKm ?? null,
      storedBytes: m && i >= 0 ? m.storedBytes[i]! : null,
    });
  }
  return rows;
}

/** Contacts open at `tMs` first, then the next ones to open, at most `limit` (contacts are sorted by AOS). */
export function contactRows(run: RunResult, tMs: number, limit: number): ContactRow[] {
  const open: ContactRow[] = [];
  const upcoming: ContactRow[] = [];
  for (const c of run.contacts) {
    if (c.losMs <= tMs) continue;
    const isOpen = c.aosMs <= tMs;
    if (!isOpen && upcoming.length >= limit) continue;
    const st = run.scenario.groundStations[c.stationIndex];
    const row = {
      satIndex: c.satIndex,
      satName: run.satellites[c.satIndex]?.name ?? `#${c.satIndex}`,
      station: st ? st.name || st.id : `station ${c.stationIndex}`,
      aosMs: c.aosMs,
      losMs: c.losMs,
      maxElevationDeg: c.maxElevationDeg,
      open: isOpen,
    };
    (isOpen ? open : upcoming).push(row);
  }
  upcoming.sort((a, b) => a.aosMs - b.aosMs);
  return [...open, ...upcoming].slice(0, limit);
}
