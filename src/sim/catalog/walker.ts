// Walker constellation generator (i:T/P/F, delta or star): synthesises OMM mean elements and builds
// satrecs with satellite.js json2satrec. Pure; imports satellite.js and the catalogue helpers only.
// Walker, J. G. (1984), "Satellite constellations", J. British Interplanetary Society 37, 559–572.
import { json2satrec, type OMMJsonObject } from 'satellite.js';
import { isoUtc } from '../time';

import { semiMajorAxisKm } from './checks.ts';
import type { CatalogRecord } from './types';
import { EARTH_EQUATORIAL_RADIUS_KM, MU_EARTH_KM3_PER_S2 } from '../constants.ts';

export interface WalkerParams {
  /** 'delta': planes spread over 360° of RAAN; 'star': over 180° (polar "star" pattern). */
  pattern: 'delta' | 'star';
  /** Number of orbital planes P (integer ≥ 1). */
  planes: number;
  /** Satellites per plane S (integer ≥ 1); total T = P·S. */
  satsPerPlane: number;
  /** Walker phasing F (integer in [0, P−1]): plane p+1 leads plane p by F·360°/T in argument of latitude. */
  phasing: number;
  /** Circular-orbit altitude above the equatorial radius, km (a = EARTH_EQUATORIAL_RADIUS_KM + altitudeKm). */
  altitudeKm: number;
  /** Inclination, degrees [0, 180], or 'sso': sun-synchronous for the altitude (J2 nodal rate = 360°/365.2422 d). */
  inclinationDeg?: number | 'sso';
  /** Alias of inclinationDeg (`inclination: 'sso'`); give one of the two, or both with the same value. */
  inclination?: number | 'sso';
  /** Element-set epoch, ms since Unix epoch (UTC). */
  epochMs: number;
  /** RAAN of plane 0, degrees. Default 0. */
  raan0Deg?: number;
  /** Names are `${namePrefix} P-S` (1-based plane and slot). Default "WALKER". */
  namePrefix?: string;
  /** Synthetic catalogue number of the first satellite. Default 900000 (assumption: above Alpha-5's 339999, so never a real object). */
  firstNorad?: number;
  /** Source label for records. Default "walker". */
  source?: string;
  /**
   * Mean motion, rev/day, overriding the Keplerian value of `altitudeKm` (which then only names the shell). Hypatia's
   * Starlink shell 1 is 15.19 rev/day and called 550 km (snkas/hypatia paper/satellite_networks_state/main_starlink_550.py).
   */
  meanMotionRevPerDay?: number;
  /**
   * Phase offsets in slots (360°/S each), a pattern repeated over the planes: plane p is shifted by
   * `pattern[p % pattern.length]` slots after the Walker phasing. Hypatia shifts odd planes by half a slot: [0, 0.5].
   */
  phaseOffsetSlotsByPlane?: readonly number[];
  /** Eccentricity in [0, 0.9]. Default 0 (circular). */
  eccentricity?: number;
  /** Argument of perigee, degrees in [0, 360). Default 0. The Walker phase is the mean argument of latitude ω + M. */
  argOfPerigeeDeg?: number;
}

/** EGM-96 J2 = −√5·C̄20, C̄20 = −4.84165371736e-4 (NIMA TR8350.2, 3rd ed., 2000). */
export const J2_EARTH = 1.0826266835e-3;
/** Sun-synchronous nodal rate: 360° per tropical year of 365.2422 days, rad/s. */
export const SSO_NODAL_RATE_RAD_PER_S = (2 * Math.PI) / (365.2422 * 86_400);
/** Assumption: cap so a typo cannot allocate millions of satrecs (≈ 1 KB each). */
export const WALKER_MAX_SATELLITES = 100_000;
const MAX_NORAD = 999_999_999; // OMM NORAD_CAT_ID has up to 9 digits (CelesTrak GP data formats)

/** Keplerian mean motion (rev/day) of a circular orbit: n = √(μ/a³), a = Re + h. */
export function walkerMeanMotionRevPerDay(altitudeKm: number): number {
  const aKm = EARTH_EQUATORIAL_RADIUS_KM + altitudeKm;
  return (Math.sqrt(MU_EARTH_KM3_PER_S2 / (aKm * aKm * aKm)) * 86_400) / (2 * Math.PI);
}

/** Mean motion limits, rev/day: ≈ 50,000 km to below 120 km altitude (the altitudeKm limits) by Kepler. */
export const WALKER_MEAN_MOTION_MIN_REV_PER_DAY = 0.25;
export const WALKER_MEAN_MOTION_MAX_REV_PER_DAY = 17;
/** Lowest perigee allowed, km above the equatorial radius (as the altitudeKm limit). */
const MIN_PERIGEE_KM = 120;
/** Largest eccentricity allowed (assumption: beyond it SGP4's near-parabolic terms lose accuracy). */
export const WALKER_MAX_ECCENTRICITY = 0.9;

/**
 * Sun-synchronous inclination (degrees) from the secular J2 nodal rate
 * dΩ/dt = −(3/2)·n·J2·(Re/p)²·cos i, set equal to 360°/365.2422 d:
 * cos i = −2·ω·a^(7/2)·(1−e²)² / (3·J2·Re²·√μ). Vallado, Fundamentals of Astrodynamics and
 * Applications (J2 secular effects; sun-synchronous orbits, 2nd ed. pp. 782–784); Wertz & Larson, SMAD 3rd ed. §6.2.
 * Returns NaN when no sun-synchronous orbit exists (|cos i| > 1, above ≈ 5,974 km).
 */
export function ssoInclinationDeg(altitudeKm: number, eccentricity = 0): number {
  const aKm = EARTH_EQUATORIAL_RADIUS_KM + altitudeKm;
  const oneMinusE2 = 1 - eccentricity * eccentricity;
  const cosI =
    (-2 * SSO_NODAL_RATE_RAD_PER_S * aKm ** 3.5 * oneMinusE2 * oneMinusE2) /
    (3 * J2_EARTH * EARTH_EQUATORIAL_RADIUS_KM * EARTH_EQUATORIAL_RADIUS_KM * Math.sqrt(MU_EARTH_KM3_PER_S2));
  return cosI < -1 || cosI > 1 ? Number.NaN : (Math.acos(cosI) * 180) / Math.PI;
}

const isInt = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks the parameters; returns one message per bad field (`walker.phasing: …`), empty when valid.
 * `maxSatellites`: WALKER_MAX_SATELLITES for catalogue records (satrec objects); the orbit view packs
 * elements without them and allows more (packed-walker.ts).
 */
export function validateWalkerParams(p: WalkerParams, maxSatellites = WALKER_MAX_SATELLITES): string[] {
  const bad: string[] = [];
  if (p.pattern !== 'delta' && p.pattern !== 'star') bad.push(`walker.pattern: must be "delta" or "star", got ${JSON.stringify(p.pattern)}`);
  if (!isInt(p.planes, 1, maxSatellites)) bad.push(`walker.planes: must be an integer ≥ 1, got ${p.planes}`);
  if (!isInt(p.satsPerPlane, 1, maxSatellites)) bad.push(`walker.satsPerPlane: must be an integer ≥ 1, got ${p.satsPerPlane}`);
  const total = p.planes * p.satsPerPlane;
  if (isInt(p.planes, 1, Infinity) && !isInt(p.phasing, 0, p.planes - 1))
    bad.push(`walker.phasing: must be an integer in [0, planes-1] = [0, ${p.planes - 1}], got ${p.phasing}`);
  if (total > maxSatellites) bad.push(`walker.planes × satsPerPlane: ${total} satellites, more than ${maxSatellites}`);
  if (!isNum(p.altitudeKm) || p.altitudeKm < 120 || p.altitudeKm > 50_000) bad.push(`walker.altitudeKm: must be in [120, 50000] km, got ${p.altitudeKm}`);
  const given = [p.inclinationDeg, p.inclination].filter((v) => v !== undefined);
  const inc = given[0];
  if (given.length === 0 || (given.length === 2 && given[0] !== given[1]))
    bad.push('walker.inclinationDeg: give one of inclinationDeg or inclination (a number in [0, 180] or "sso")');
  else if (inc !== 'sso' && !(isNum(inc) && inc >= 0 && inc <= 180))
    bad.push(`walker.inclinationDeg: must be in [0, 180] or "sso", got ${JSON.stringify(inc)}`);
  const shape = validateShape(p);
  bad.push(...shape);
  if (inc === 'sso' && isNum(p.altitudeKm) && shape.length === 0 && Number.isNaN(ssoInclinationDeg(shellAltitudeKm(p), p.eccentricity ?? 0))) {
    const field = p.meanMotionRevPerDay === undefined ? 'altitudeKm' : 'meanMotionRevPerDay';
    bad.push(`walker.${field}: no sun-synchronous orbit exists at ${+shellAltitudeKm(p).toFixed(1)} km`);
  }
  if (!isNum(p.epochMs)) bad.push(`walker.epochMs: must be a finite time in ms, got ${p.epochMs}`);
  if (p.raan0Deg !== undefined && !isNum(p.raan0Deg)) bad.push(`walker.raan0Deg: must be a finite number, got ${p.raan0Deg}`);
  if (p.namePrefix !== undefined && !/^[\x20-\x7e]{1,20}$/.test(p.namePrefix)) bad.push('walker.namePrefix: must be 1–20 printable ASCII characters');
  const first = p.firstNorad ?? 900_000;
  if (!isInt(first, 1, MAX_NORAD) || (Number.isFinite(total) && first + total - 1 > MAX_NORAD))
    bad.push(`walker.firstNorad: must be an integer ≥ 1 with room for ${total} numbers up to ${MAX_NORAD}, got ${p.firstNorad}`);
  return bad;
}

/** The optional fields that shape the orbits: mean motion, phase offsets, eccentricity, argument of perigee. */
function validateShape(p: WalkerParams): string[] {
  const bad: string[] = [];
  const n = p.meanMotionRevPerDay;
  const [nLo, nHi] = [WALKER_MEAN_MOTION_MIN_REV_PER_DAY, WALKER_MEAN_MOTION_MAX_REV_PER_DAY];
  if (n !== undefined && !(isNum(n) && n >= nLo && n <= nHi)) bad.push(`walker.meanMotionRevPerDay: must be in [${nLo}, ${nHi}] rev/day, got ${n}`);
  const e = p.eccentricity;
  if (e !== undefined && !(isNum(e) && e >= 0 && e <= WALKER_MAX_ECCENTRICITY))
    bad.push(`walker.eccentricity: must be in [0, ${WALKER_MAX_ECCENTRICITY}], got ${e}`);
  else if (isNum(p.altitudeKm) && bad.length === 0) {
    const perigeeKm = (EARTH_EQUATORIAL_RADIUS_KM + shellAltitudeKm(p)) * (1 - (e ?? 0)) - EARTH_EQUATORIAL_RADIUS_KM;
    const field = shellAltitudeKm(p) < MIN_PERIGEE_KM ? 'meanMotionRevPerDay' : 'eccentricity';
    if (perigeeKm < MIN_PERIGEE_KM) bad.push(`walker.${field}: perigee at ${perigeeKm.toFixed(1)} km altitude, below ${MIN_PERIGEE_KM} km`);
  }
  const w = p.argOfPerigeeDeg;
  if (w !== undefined && !(isNum(w) && w >= 0 && w < 360)) bad.push(`walker.argOfPerigeeDeg: must be in [0, 360), got ${w}`);
  const pattern = p.phaseOffsetSlotsByPlane;
  if (pattern !== undefined) {
    const maxLength = isInt(p.planes, 1, Infinity) ? p.planes : Infinity;
    if (!Array.isArray(pattern) || pattern.length < 1 || pattern.length > maxLength)
      bad.push(`walker.phaseOffsetSlotsByPlane: must be a list of 1 to planes (${p.planes}) numbers`);
    else
      pattern.forEach((v, i) => {
        const range = `[-satsPerPlane, satsPerPlane] = [-${p.satsPerPlane}, ${p.satsPerPlane}]`;
        if (!(isNum(v) && Math.abs(v) <= p.satsPerPlane)) bad.push(`walker.phaseOffsetSlotsByPlane[${i}]: must be a number of slots in ${range}, got ${v}`);
      });
  }
  return bad;
}

/** Altitude of the semi-major axis above the equatorial radius, km: altitudeKm, or from meanMotionRevPerDay when given. */
export function shellAltitudeKm(p: Pick<WalkerParams, 'altitudeKm' | 'meanMotionRevPerDay'>): number {
  return p.meanMotionRevPerDay === undefined ? p.altitudeKm : semiMajorAxisKm(p.meanMotionRevPerDay) - EARTH_EQUATORIAL_RADIUS_KM;
}

const wrap360 = (deg: number): number => ((deg % 360) + 360) % 360;

/** The shell's derived constants, shared by every satellite of it. */
export interface WalkerShell {
  params: WalkerParams;
  planes: number;
  satsPerPlane: number;
  total: number;
  dRaanDeg: number;
  inclinationDeg: number;
  meanMotionRevPerDay: number;
  /** OMM EPOCH text (ISO without the Z). */
  epoch: string;
  prefix: string;
  firstNorad: number;
}

/** Validates and derives a shell (throws a RangeError listing every bad field). */
export function walkerShell(p: WalkerParams, maxSatellites = WALKER_MAX_SATELLITES): WalkerShell {
  const bad = validateWalkerParams(p, maxSatellites);
  if (bad.length) throw new RangeError(bad.join('; '));
  const inc = p.inclinationDeg ?? p.inclination;
  return {
    params: p,
    planes: p.planes,
    satsPerPlane: p.satsPerPlane,
    total: p.planes * p.satsPerPlane,
    dRaanDeg: (p.pattern === 'delta' ? 360 : 180) / p.planes,
    inclinationDeg: inc === 'sso' ? ssoInclinationDeg(shellAltitudeKm(p), p.eccentricity ?? 0) : (inc as number),
    meanMotionRevPerDay: p.meanMotionRevPerDay ?? walkerMeanMotionRevPerDay(p.altitudeKm),
    epoch: isoUtc(p.epochMs).replace(/Z$/, ''),
    prefix: p.namePrefix ?? 'WALKER',
    firstNorad: p.firstNorad ?? 900_000,
  };
}

/** Name of the satellite in plane `plane`, slot `slot` (0-based): `${prefix} ${plane + 1}-${slot + 1}`. */
export function walkerName(w: WalkerShell, plane: number, slot: number): string {
  return `${w.prefix} ${plane + 1}-${slot + 1}`;
}

/**
 * The OMM mean elements of plane `plane`, slot `slot`: RAAN raan0 + p·ΔΩ, ΔΩ = 360°/P (delta) or 180°/P
 * (star); mean argument of latitude u = s·360°/S + p·F·360°/T (+ the plane's phase offset, in slots of 360°/S);
 * e and ω as given (default 0: circular), M = u − ω; BSTAR = 0.
 */
export function walkerOmm(w: WalkerShell, plane: number, slot: number): OMMJsonObject {
  const p = w.params;
  return {
    OBJECT_NAME: walkerName(w, plane, slot),
    OBJECT_ID: '',
    EPOCH: w.epoch,
    NORAD_CAT_ID: w.firstNorad + plane * w.satsPerPlane + slot,
    ELEMENT_SET_NO: 1,
    MEAN_MOTION: w.meanMotionRevPerDay,
    ECCENTRICITY: p.eccentricity ?? 0,
    INCLINATION: w.inclinationDeg,
    RA_OF_ASC_NODE: wrap360((p.raan0Deg ?? 0) + plane * w.dRaanDeg),
    ARG_OF_PERICENTER: p.argOfPerigeeDeg ?? 0,
    MEAN_ANOMALY: walkerMeanAnomalyDeg(w, plane, slot),
    BSTAR: 0,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  };
}

/**
 * Mean anomaly of plane `plane`, slot `slot`, degrees in [0, 360): the Walker phase s·360°/S + p·F·360°/T, plus
 * `phaseOffsetSlotsByPlane[p % length]`·360°/S, minus the argument of perigee (for circular shells M = u).
 */
export function walkerMeanAnomalyDeg(w: WalkerShell, plane: number, slot: number): number {
  const p = w.params;
  let u = (slot * 360) / w.satsPerPlane + (plane * p.phasing * 360) / w.total;
  const pattern = p.phaseOffsetSlotsByPlane;
  if (pattern !== undefined) u += (pattern[plane % pattern.length]! * 360) / w.satsPerPlane;
  return wrap360(p.argOfPerigeeDeg ? u - p.argOfPerigeeDeg : u);
}

/**
 * Generates a Walker constellation (satellite index = plane · S + slot), see `walkerOmm`.
 * Throws a RangeError listing every bad field.
 */
export function generateWalker(p: WalkerParams): CatalogRecord[] {
  return walkerRecords(walkerShell(p), p.source ?? 'walker');
}

/** The records of a validated shell: every satellite, or only the shell indices `indices` (ascending). */
export function walkerRecords(w: WalkerShell, source: string, indices?: ArrayLike<number>): CatalogRecord[] {
  const p = w.params;
  const count = indices ? indices.length : w.total;
  const records: CatalogRecord[] = [];
  for (let j = 0; j < count; j++) {
    const i = indices ? indices[j]! : j;
    const plane = Math.floor(i / w.satsPerPlane);
    const slot = i - plane * w.satsPerPlane;
    const omm = walkerOmm(w, plane, slot);
    const walker = { shell: w.firstNorad, pattern: p.pattern, planes: w.planes, satsPerPlane: w.satsPerPlane, phasing: p.phasing, plane, slot };
    records.push({ norad: w.firstNorad + i, name: omm.OBJECT_NAME, epochMs: p.epochMs, satrec: json2satrec(omm), format: 'walker', source, walker });
  }
  return records;
}
