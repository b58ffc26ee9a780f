// Run → CZML for CesiumJS: the clock, satellites (sampled Earth-fixed positions), ground stations, hub
// clusters and one link per downlink session, shown only while the session lasts.
// Pure: imports only the run/scenario types, src/sim/time.ts and MU from catalog/checks.ts; no Node, DOM or Cesium.

import type { RunResult, SatelliteInfo } from '../engine/result-types.ts';
import type { GroundStation, Hub } from '../scenario/schema.ts';
import { isoUtc, runWindow } from '../time.ts';
import { satelliteAt, stationAt } from './json-export.ts';
import { MU_EARTH_KM3_PER_S2 } from '../constants.ts';

/** Positions sampled by the caller (e.g. every 60 s with the propagator). */
export interface CzmlOrbitSamples {
  /** Sample times, ms since Unix epoch, strictly increasing: `[t]`. */
  timesMs: Float64Array;
  /** Earth-fixed (ECEF) positions, km, satellite-major: `[(s·T + t)·3 + k]`, s indexes RunResult.satellites. NaN = lost. */
  positionsEcefKm: Float64Array;
}

export interface CzmlOptions {
  /** Playback speed: simulated seconds per wall second. Default 60 (assumption: a 24 h run plays in 24 min). */
  multiplier?: number;
  /** Lagrange interpolation degree of satellite positions. Default 5 (brief; needs ≥ 6 samples to apply in full). */
  interpolationDegree?: number;
}

/** An RGBA colour, components 0–255. */
type Rgba = [number, number, number, number];
/** Colours (assumption: any distinct palette; east = warm, west = green as on the app's map). */
export const CZML_COLORS = {
  satellite: [255, 196, 0, 255] as Rgba,
  orbitPath: [255, 196, 0, 128] as Rgba,
  station: [0, 190, 255, 255] as Rgba,
  hubEast: [235, 87, 87, 255] as Rgba,
  hubWest: [39, 174, 96, 255] as Rgba,
  link: [0, 255, 170, 230] as Rgba,
  label: [255, 255, 255, 255] as Rgba,
};

const color = (rgba: Rgba) => ({ rgba });
const label = (text: string) => ({
  text,
  font: '12px sans-serif',
  fillColor: color(CZML_COLORS.label),
  pixelOffset: { cartesian2: [8, 0] },
  horizontalOrigin: 'LEFT',
  verticalOrigin: 'CENTER',
});

/** Closed interval of availability, ms; empty when startMs > endMs. */
interface Interval {
  startMs: number;
  endMs: number;
}
const intervalIso = (iv: Interval) => `${isoUtc(iv.startMs)}/${isoUtc(iv.endMs)}`;

/**
 * The CZML document (a JSON array, one packet per line). The document clock spans the run
 * [epoch, epoch + duration]; every availability is clipped to it. Throws a RangeError when the samples do not
 * match the satellites, times are not increasing, or two satellites share a NORAD number (packet ids clash).
 */
export function runToCzml(result: RunResult, orbit: CzmlOrbitSamples, opts: CzmlOptions = {}): string {
  validateSamples(result, orbit);
  const sc = result.scenario;
  const { startMs, endMs } = runWindow(sc);
  const clock: Interval = { startMs, endMs };
  const document = {
    id: 'document',
    name: sc.name,
    version: '1.0',
    clock: {
      interval: intervalIso(clock),
      currentTime: isoUtc(clock.startMs),
      multiplier: opts.multiplier ?? 60,
      range: 'LOOP_STOP',
      step: 'SYSTEM_CLOCK_MULTIPLIER',
    },
  };
  const satPackets = result.satellites.map((sat, s) => satellitePacket(sat, s, orbit, clock, opts.interpolationDegree ?? 5));
  const packets: object[] = [document, ...satPackets.map((p) => p.packet)];
  packets.push(...sc.groundStations.map(stationPacket), ...sc.hubs.map(hubPacket));
  result.sessions.forEach((session, i) => {
    const where = `sessions[${i}]`;
    const sat = satelliteAt(result, session.satIndex, where);
    const station = stationAt(result, session.stationIndex, where);
    const avail = satPackets[session.satIndex]?.availability;
    if (!avail) return;
    const iv = { startMs: Math.max(session.startMs, avail.startMs), endMs: Math.min(session.endMs, avail.endMs) };
    if (iv.startMs >= iv.endMs) return; // nothing to draw: the satellite was lost (or had no samples) during the session
    packets.push({
      id: `link-${i}`,
      name: `${sat.name} → ${station.name || station.id}`,
      availability: intervalIso(iv),
      polyline: {
        positions: { references: [`sat-${sat.norad}#position`, `station-${station.id}#position`] },
        arcType: 'NONE',
        width: 2,
        material: { solidColor: { color: color(CZML_COLORS.link) } },
      },
    });
  });
  return `[\n${packets.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}

function validateSamples(result: RunResult, orbit: CzmlOrbitSamples): void {
  const nSat = result.satellites.length;
  const nT = orbit.timesMs.length;
  if (orbit.positionsEcefKm.length !== nSat * nT * 3) {
    throw new RangeError(`orbit.positionsEcefKm: length ${orbit.positionsEcefKm.length}, expected satellites (${nSat}) × times (${nT}) × 3 = ${nSat * nT * 3}`);
  }
  for (let t = 0; t < nT; t++) {
    const ms = orbit.timesMs[t] ?? Number.NaN;
    if (!Number.isFinite(ms) || (t > 0 && !(ms > (orbit.timesMs[t - 1] ?? Number.NaN)))) {
      throw new RangeError(`orbit.timesMs[${t}]: ${ms} is not finite and greater than the previous sample time`);
    }
  }
  const seen = new Set<number>();
  result.satellites.forEach((s, i) => {
    if (seen.has(s.norad)) throw new RangeError(`satellites[${i}].norad: ${s.norad} appears twice; CZML packet ids "sat-<norad>" must be unique`);
    seen.add(s.norad);
  });
}

/**
 * One satellite: samples up to its first non-finite one (lost from there on), in metres rounded to 1 mm,
 * times in seconds from the first sample. Availability = [first sample, last finite sample] ∩ clock,
 * ended earlier by `lostAtMs`. Without a finite sample the packet has no position and no availability.
 */
function satellitePacket(sat: SatelliteInfo, s: number, orbit: CzmlOrbitSamples, clock: Interval, degree: number) {
  const nT = orbit.timesMs.length;
  const t0 = orbit.timesMs[0] ?? 0;
  const cartesian: number[] = [];
  let radiusSumKm = 0;
  let lastMs = Number.NaN;
  for (let t = 0; t < nT; t++) {
    const o = (s * nT + t) * 3;
    const x = orbit.positionsEcefKm[o] ?? Number.NaN;
    const y = orbit.positionsEcefKm[o + 1] ?? Number.NaN;
    const z = orbit.positionsEcefKm[o + 2] ?? Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) break;
    const ms = orbit.timesMs[t] ?? Number.NaN;
    cartesian.push((ms - t0) / 1000, mm(x), mm(y), mm(z));
    radiusSumKm += Math.hypot(x, y, z);
    lastMs = ms;
  }
  const base = { id: `sat-${sat.norad}`, name: sat.name, description: satelliteDescription(sat) };
  const samples = cartesian.length / 4;
  const availability = {
    startMs: Math.max(t0, clock.startMs),
    endMs: Math.min(lastMs, clock.endMs, sat.lostAtMs ?? Number.POSITIVE_INFINITY),
  };
  if (samples === 0 || !(availability.startMs <= availability.endMs)) return { packet: base, availability: null };
  const halfPeriodS = Math.round(orbitalPeriodS(radiusSumKm / samples) / 2);
  const packet = {
    ...base,
    availability: intervalIso(availability),
    position: { epoch: isoUtc(t0), referenceFrame: 'FIXED', interpolationAlgorithm: 'LAGRANGE', interpolationDegree: degree, cartesian },
    point: { pixelSize: 6, color: color(CZML_COLORS.satellite), outlineColor: color([0, 0, 0, 255]), outlineWidth: 1 },
    label: label(sat.name),
    path: { leadTime: halfPeriodS, trailTime: halfPeriodS, resolution: 60, width: 1, material: { solidColor: { color: color(CZML_COLORS.orbitPath) } } },
  };
  return { packet, availability };
}

/** km → m, rounded to 1 mm. */
const mm = (km: number) => Math.round(km * 1e6) / 1e3;

/** Kepler's third law, T = 2π·√(a³/μ), with a ≈ the mean sampled radius (near-circular orbits), s. */
export const orbitalPeriodS = (aKm: number): number => 2 * Math.PI * Math.sqrt((aKm * aKm * aKm) / MU_EARTH_KM3_PER_S2);

function satelliteDescription(sat: SatelliteInfo): string {
  const lost = sat.lostAtMs === null ? '' : `<br>lost at ${isoUtc(sat.lostAtMs)}${sat.lostReason ? ` (${escapeHtml(sat.lostReason)})` : ''}`;
  return `NORAD ${sat.norad}${sat.cosparId ? ` · ${escapeHtml(sat.cosparId)}` : ''}${lost}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function stationPacket(g: GroundStation) {
  return {
    id: `station-${g.id}`,
    name: g.name || g.id,
    description: `Ground station ${escapeHtml(g.id)} · mask ${g.minElevationDeg}° · ${g.antennas} antenna(s)`,
    position: { cartographicDegrees: [g.lonDeg, g.latDeg, g.altM] },
    point: { pixelSize: 8, color: color(CZML_COLORS.station), outlineColor: color([0, 0, 0, 255]), outlineWidth: 1 },
    label: label(g.name || g.id),
  };
}

function hubPacket(h: Hub) {
  const rgba = h.region === 'east' ? CZML_COLORS.hubEast : CZML_COLORS.hubWest;
  return {
    id: `hub-${h.id}`,
    name: h.name || h.id,
    description: `Hub ${escapeHtml(h.hubId)} · ${h.region} · ${h.gpus} GPUs · PUE ${h.pue}`,
    position: { cartographicDegrees: [h.lonDeg, h.latDeg, 0] },
    point: { pixelSize: 9, color: color(rgba), outlineColor: color([255, 255, 255, 255]), outlineWidth: 1 },
    label: label(h.name || h.id),
  };
}
