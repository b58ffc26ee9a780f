// Geometry of laser inter-satellite links: light-time latency and the line-of-sight test against the
// Earth plus an atmosphere margin. Pure math; imports only constants.ts.
import { EARTH_EQUATORIAL_RADIUS_KM, SPEED_OF_LIGHT_KM_S } from '../constants.ts';

/**
 * Radius of the sphere standing in for the Earth in the line-of-sight test, km: the WGS84 equatorial
 * radius. The ellipsoid lies inside this sphere (polar radius 6,356.752 km), so the test is conservative
 * by up to 21 km near the poles. Hypatia uses a sphere of the WGS72 radius 6,378.135 km the same way.
 */
export const ISL_EARTH_RADIUS_KM = EARTH_EQUATORIAL_RADIUS_KM;

/** One-way light time over `rangeKm` in vacuum, s. */
export function islLatencyS(rangeKm: number): number {
  return rangeKm / SPEED_OF_LIGHT_KM_S;
}

/**
 * Squared distance from the Earth's centre to the closest point of the segment a→b (ECEF km):
 * t* = clamp(−a·(b−a) / |b−a|², 0, 1), closest point a + t*(b−a).
 */
export function segmentMinRadiusSqKm2(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const dz = bz - az;
  const dd = dx * dx + dy * dy + dz * dz;
  let t = dd > 0 ? -(ax * dx + ay * dy + az * dz) / dd : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const px = ax + t * dx;
  const py = ay + t * dy;
  const pz = az + t * dz;
  return px * px + py * py + pz * pz;
}

/** Lowest altitude of the straight segment a→b above the Earth sphere (ISL_EARTH_RADIUS_KM), km. */
export function grazingAltitudeKm(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  return Math.sqrt(segmentMinRadiusSqKm2(ax, ay, az, bx, by, bz)) - ISL_EARTH_RADIUS_KM;
}

/**
 * Whether positions `i` and `j` of `pos` (ECEF km, `[s*3+k]`) can hold a link: both finite, range
 * ≤ maxRangeKm and the segment between them stays ≥ `minRadiusKm` from the Earth's centre
 * (minRadiusKm = ISL_EARTH_RADIUS_KM + atmMarginKm). Returns the range in km, or −1 when not linkable.
 * Never throws.
 */
export function linkRangeKm(pos: Float64Array, i: number, j: number, maxRangeKm: number, minRadiusKm: number): number {
  const ax = pos[i * 3]!;
  const ay = pos[i * 3 + 1]!;
  const az = pos[i * 3 + 2]!;
  const bx = pos[j * 3]!;
  const by = pos[j * 3 + 1]!;
  const bz = pos[j * 3 + 2]!;
  const dx = bx - ax;
  const dy = by - ay;
  const dz = bz - az;
  const d2 = dx * dx + dy * dy + dz * dz;
  if (!(d2 <= maxRangeKm * maxRangeKm)) return -1; // also rejects NaN (lost satellites)
  if (segmentMinRadiusSqKm2(ax, ay, az, bx, by, bz) < minRadiusKm * minRadiusKm) return -1;
  return Math.sqrt(d2);
}
