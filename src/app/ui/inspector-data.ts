// What the inspector and the table view show for one satellite at one time: position, light, state, storage,
// compute load, battery, the current / next contact and its downlink over the run. Pure; reads a finished run and its keyframes.
import type { KeyframeBlock } from '../../../workers/protocol.ts';
import type { RunResult } from '../../sim/engine/result-types.ts';
import type { ShownRoute } from '../frame-buffer.ts';
import { stepIndexAt } from '../shown.ts';
import { SAT_STATE_NAMES } from '../../sim/engine/timeline.ts';
import type { ProcessingMode } from '../../sim/scenario/schema.ts';
import { satGeodetic } from './sat-position.ts';

export type Light = 'sunlit' | 'penumbra' | 'eclipse';

export interface ContactInfo {
  stationName: string;
  aosMs: number;
  losMs: number;
  maxElevationDeg: number;
  /** A downlink session was scheduled with the station in this window (antenna granted). */
  hasSession: boolean;
}

export interface SatInspection {
  index: number;
  name: string;
  norad: number;
  cosparId: string | null;
  /** WGS84 height now (from the keyframes), km; null without keyframes. */
  altitudeKm: number | null;
  meanAltitudeKm: number;
  latDeg: number | null;
  lonDeg: number | null;
  light: Light | null;
  /** Shadow fraction 0 (lit) … 1 (umbra), null when unknown or lost. */
  shadow: number | null;
  state: (typeof SAT_STATE_NAMES)[number] | null;
  storedBytes: number | null;
  storageCapacityBytes: number;
  /** Accelerator load, 0–1. */
  computeLoad: number | null;
  /** Battery state of charge, 0–1. */
  batterySoc: number | null;
  lostAtMs: number | null;
  current: ContactInfo | null;
  next: ContactInfo | null;
  /** Its downlink over the whole run: sessions, minutes, bytes sent in the inspected mode (null: not in this run). */
  downlink: { sessions: number; sessionMinutes: number; bytes: number | null } | null;
}

/** Light from the shadow fraction: < 0.01 sunlit, > 0.99 eclipse, between penumbra. */
export function lightOf(shadow: number): Light | null {
  if (!Number.isFinite(shadow)) return null;
  return shadow < 0.01 ? 'sunlit' : shadow > 0.99 ? 'eclipse' : 'penumbra';
}

/** The window of satellite `s` open at `tMs` and the next one to open after it (contacts sorted by AOS). */
export function contactsAround(run: RunResult, s: number, tMs: number): { current: ContactInfo | null; next: ContactInfo | null } {
  let current: ContactInfo | null = null;
  let next: ContactInfo | null = null;
  for (const c of run.contacts) {
    if (c.satIndex !== s) continue;
    if (current === null && c.aosMs <= tMs && tMs < c.losMs) current = contactInfo(run, c);
    else if (c.aosMs > tMs && (next === null || c.aosMs < next.aosMs)) next = contactInfo(run, c);
  }
  return { current, next };
}

function contactInfo(run: RunResult, c: RunResult['contacts'][number]): ContactInfo {
  const st = run.scenario.groundStations[c.stationIndex];
  const hasSession = run.sessions.some((x) => x.satIndex === c.satIndex && x.stationIndex === c.stationIndex && x.startMs < c.losMs && x.endMs > c.aosMs);
  return {
    stationName: st ? st.name || st.id : `station ${c.stationIndex}`,
    aosMs: c.aosMs,
    losMs: c.losMs,
    maxElevationDeg: c.maxElevationDeg,
    hasSession,
  };
}

/** Everything the inspector shows for satellite `s` at `tMs` in `mode`; null when there is no such satellite. */
export function inspectSatellite(
  run: RunResult,
  keyframes: readonly KeyframeBlock[],
  s: number,
  tMs: number,
  startMs: number,
  mode: ProcessingMode,
): SatInspection | null {
  const sat = run.satellites[s];
  if (!sat) return null;
  const geo = satGeodetic(keyframes, s, tMs);
  const tl = run.timeline;
  const k = stepIndexAt(run, tMs, startMs);
  const i = tl && k >= 0 ? k * tl.satCount + s : -1;
  const m = tl?.modes[mode];
  const shadow = tl && i >= 0 ? tl.shadow[i]! : NaN;
  const stateCode = m && i >= 0 ? m.state[i]! : -1;
  return {
    index: s,
    name: sat.name,
    norad: sat.norad,
    cosparId: sat.cosparId ?? null,
    altitudeKm: geo?.altitudeKm ?? null,
    meanAltitudeKm: sat.meanAltitudeKm,
    latDeg: geo?.latDeg ?? null,
    lonDeg: geo?.lonDeg ?? null,
    light: lightOf(shadow),
    shadow: Number.isFinite(shadow) ? shadow : null,
    state: SAT_STATE_NAMES[stateCode] ?? null,
    storedBytes: m && i >= 0 ? m.storedBytes[i]! : null,
    storageCapacityBytes: run.scenario.satellite.storageGB * 1e9,
    computeLoad: m && i >= 0 ? m.computeLoad[i]! : null,
    batterySoc: m && i >= 0 ? m.batterySoc[i]! : null,
    lostAtMs: sat.lostAtMs,
    ...contactsAround(run, s, tMs),
    downlink: sat.downlink
      ? { sessions: sat.downlink.sessions, sessionMinutes: sat.downlink.sessionMinutes, bytes: sat.downlink.bytesDownlinked[mode] ?? null }
      : null,
  };
}

/**
 * The inspector's "Route to ground" text for satellite `s`: "3 ISL hops → Miyun, 18.2 ms", "direct → Miyun, 2.6 ms",
 * "no path to a station now", "ISLs off", or "…" while the route of this satellite has not arrived.
 */
export function routeSummary(run: RunResult, route: ShownRoute | null | undefined, s: number): string {
  if (run.scenario.isl?.enabled === false) return 'ISLs off';
  if (!route || route.satIndex !== s) return '…';
  const hops = route.hops;
  if (!hops || hops.length < 2 || route.latencyS === null) return 'no path to a station now';
  const j = -1 - hops.at(-1)!;
  const st = run.scenario.groundStations[j];
  const station = st ? st.name || st.id : `station ${j}`;
  const isl = hops.length - 2;
  const how = isl === 0 ? 'direct' : `${isl} ISL hop${isl === 1 ? '' : 's'}`;
  return `${how} → ${station}, ${(route.latencyS * 1000).toFixed(1)} ms`;
}
