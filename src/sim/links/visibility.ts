// Ground-station geometry: station ECEF + local frame, the dot-product visibility test (elevation mask and an
// optional range limit) and look angles (elevation, azimuth, range). Pure; imports only orbit/frames.ts.
import { enuBasis, geodeticToEcefKm } from '../orbit/frames.ts';

/** A ground station as the contact finder needs it. */
export interface GroundStation {
  id: string;
  name: string;
  /** Geodetic latitude (WGS84), degrees. */
  latDeg: number;
  /** Geodetic longitude (WGS84), degrees east. */
  lonDeg: number;
  /** Height above the WGS84 ellipsoid, metres. */
  altM: number;
  /** Elevation mask: contact only above this elevation, degrees. */
  minElevationDeg: number;
  /**
   * Longest slant range of a contact, km (absent: no limit): a satellite is in view when above the mask AND within
   * this range. A mask of 0 with a range is Hypatia's satellite cone (snkas/hypatia, main_starlink_550.py).
   */
  maxRangeKm?: number;
}

/**
 * Precomputed geometry of many stations, struct-of-arrays.
 * `ecefKm[j*3+k]` station position; `enu[j*9 + 0..2]` east, `+3..5` north, `+6..8` up (unit);
 * `sinMask[j]` = sin(minElevationDeg); `maxRangeKm[j]` the range limit, km (Infinity = none).
 */
export interface StationGeometry {
  readonly count: number;
  readonly ecefKm: Float64Array;
  readonly enu: Float64Array;
  readonly sinMask: Float64Array;
  readonly minElevationDeg: Float64Array;
  readonly maxRangeKm: Float64Array;
}

export function stationGeometry(stations: readonly GroundStation[]): StationGeometry {
  const n = stations.length;
  const g: StationGeometry = {
    count: n,
    ecefKm: new Float64Array(n * 3),
    enu: new Float64Array(n * 9),
    sinMask: new Float64Array(n),
    minElevationDeg: new Float64Array(n),
    maxRangeKm: new Float64Array(n),
  };
  stations.forEach((st, j) => {
    geodeticToEcefKm(st.latDeg, st.lonDeg, st.altM / 1000, g.ecefKm, j * 3);
    enuBasis(st.latDeg, st.lonDeg, g.enu, j * 9);
    g.sinMask[j] = Math.sin((st.minElevationDeg * Math.PI) / 180);
    g.minElevationDeg[j] = st.minElevationDeg;
    g.maxRangeKm[j] = st.maxRangeKm ?? Infinity;
  });
  return g;
}

/** Whether any station of `g` limits its range (the contact finder takes its range path only for those). */
export function hasRangeLimit(g: StationGeometry): boolean {
  return g.maxRangeKm.some((r) => r < Infinity);
}

/**
 * Whether a satellite at `(x, y, z)` km (ECEF) is in view of station `j`, without sqrt or trig: above the mask,
 * `up·d > 0 && (up·d)² > sin²(mask)·|d|²`, d = r_sat − r_station (valid for masks ≥ 0), and within the range
 * limit, `|d|² ≤ maxRangeKm²` (always true without one: Infinity).
 */
export function isVisible(g: StationGeometry, j: number, x: number, y: number, z: number): boolean {
  const dx = x - g.ecefKm[j * 3]!;
  const dy = y - g.ecefKm[j * 3 + 1]!;
  const dz = z - g.ecefKm[j * 3 + 2]!;
  const u = j * 9 + 6;
  const upd = g.enu[u]! * dx + g.enu[u + 1]! * dy + g.enu[u + 2]! * dz;
  const s = g.sinMask[j]!;
  const r2 = dx * dx + dy * dy + dz * dz;
  const maxKm = g.maxRangeKm[j]!;
  return upd > 0 && upd * upd > s * s * r2 && r2 <= maxKm * maxKm;
}

/** sin(elevation) of a satellite at `(x, y, z)` km (ECEF) seen from station `j`. */
export function sinElevation(g: StationGeometry, j: number, x: number, y: number, z: number): number {
  const dx = x - g.ecefKm[j * 3]!;
  const dy = y - g.ecefKm[j * 3 + 1]!;
  const dz = z - g.ecefKm[j * 3 + 2]!;
  const u = j * 9 + 6;
  const upd = g.enu[u]! * dx + g.enu[u + 1]! * dy + g.enu[u + 2]! * dz;
  return upd / Math.sqrt(dx * dx + dy * dy + dz * dz);
}

export interface LookAngles {
  /** Elevation above the local horizontal plane (geometric, no refraction), degrees in [−90, 90]. */
  elevationDeg: number;
  /** Azimuth from north towards east, degrees in [0, 360). */
  azimuthDeg: number;
  /** Slant range station → satellite, km. */
  rangeKm: number;
}

/**
 * Look angles of a satellite at ECEF `satEcefKm[o..o+2]` from station `j`. Pass `out` to avoid
 * allocation in loops. NaN in, NaN out; never throws.
 */
export function lookAngles(satEcefKm: ArrayLike<number>, g: StationGeometry, j: number, o = 0, out?: LookAngles): LookAngles {
  const dx = satEcefKm[o]! - g.ecefKm[j * 3]!;
  const dy = satEcefKm[o + 1]! - g.ecefKm[j * 3 + 1]!;
  const dz = satEcefKm[o + 2]! - g.ecefKm[j * 3 + 2]!;
  const b = j * 9;
  const e = g.enu[b]! * dx + g.enu[b + 1]! * dy + g.enu[b + 2]! * dz;
  const n = g.enu[b + 3]! * dx + g.enu[b + 4]! * dy + g.enu[b + 5]! * dz;
  const u = g.enu[b + 6]! * dx + g.enu[b + 7]! * dy + g.enu[b + 8]! * dz;
  const rangeKm = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const elevationDeg = (Math.asin(Math.max(-1, Math.min(1, u / rangeKm))) * 180) / Math.PI;
  let azimuthDeg = (Math.atan2(e, n) * 180) / Math.PI;
  if (azimuthDeg < 0) azimuthDeg += 360;
  const res = out ?? { elevationDeg: 0, azimuthDeg: 0, rangeKm: 0 };
  res.elevationDeg = elevationDeg;
  res.azimuthDeg = azimuthDeg;
  res.rangeKm = rangeKm;
  return res;
}
