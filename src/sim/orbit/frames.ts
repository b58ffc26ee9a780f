// Frames: TEME → Earth-fixed by a GMST rotation, Earth-relative velocity, WGS84 geodetic → ECEF.
// Pure math; imports nothing.
//
// Neglected (see docs/parts/orbits-contacts.md): polar motion (≤ ~15 m at the surface) and
// UT1−UTC (|UT1−UTC| < 0.9 s, i.e. ≤ 0.4 km of Earth rotation at the equator): UTC is used as UT1,
// as satellite.js does. Equation of the equinoxes is ignored, as in TEME → PEF (Vallado et al. 2006).
import { EARTH_EQUATORIAL_RADIUS_KM, WGS84_F, WGS84_E2 } from '../constants.ts';

/**
 * Rotation rate of the GMST angle, rad/s: 1.00273790935 · 2π / 86400 s, the derivative of the
 * IAU-82 GMST formula that satellite.js's `gstime` uses (Vallado, Fundamentals of Astrodynamics,
 * 4th ed., eq. 3-45 and 3-40).
 */
export const EARTH_ROTATION_RAD_S = 7.2921158553e-5;

/**
 * Rotates a TEME vector into the Earth-fixed (pseudo-Earth-fixed, PEF) frame by `gmstRad`:
 * r_ecef = R3(θ) r_teme. Writes `out[o..o+2]`.
 */
export function temeToEcef(x: number, y: number, z: number, gmstRad: number, out: Float64Array, o: number): void {
  const c = Math.cos(gmstRad);
  const s = Math.sin(gmstRad);
  out[o] = c * x + s * y;
  out[o + 1] = -s * x + c * y;
  out[o + 2] = z;
}

/**
 * Turns a rotated inertial velocity (R3(θ) v_teme, what satellite.js's `EcfVelocityCalculator`
 * returns) into the Earth-relative velocity: v_ecef = R3(θ) v_teme − ω × r_ecef, with ω along +z.
 * `vel[o..o+2]` is updated in place; `pos[o..o+2]` is r_ecef in km.
 */
export function removeEarthRotation(pos: Float64Array, vel: Float64Array, o: number): void {
  const w = EARTH_ROTATION_RAD_S;
  vel[o] = vel[o]! + w * pos[o + 1]!;
  vel[o + 1] = vel[o + 1]! - w * pos[o]!;
}

/** Earth-fixed position of a WGS84 geodetic point, km. Writes `out[o..o+2]`. */
export function geodeticToEcefKm(latDeg: number, lonDeg: number, altKm: number, out: Float64Array, o = 0): void {
  const lat = (latDeg * Math.PI) / 180;
  const lon = (lonDeg * Math.PI) / 180;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const n = EARTH_EQUATORIAL_RADIUS_KM / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  out[o] = (n + altKm) * cosLat * Math.cos(lon);
  out[o + 1] = (n + altKm) * cosLat * Math.sin(lon);
  out[o + 2] = (n * (1 - WGS84_E2) + altKm) * sinLat;
}

/**
 * Unit vectors of the local East-North-Up frame at a geodetic point (the ellipsoid normal is
 * "up"). Writes east, north, up as 9 numbers into `out[o..o+8]`.
 */
export function enuBasis(latDeg: number, lonDeg: number, out: Float64Array, o = 0): void {
  const lat = (latDeg * Math.PI) / 180;
  const lon = (lonDeg * Math.PI) / 180;
  const sl = Math.sin(lat);
  const cl = Math.cos(lat);
  const so = Math.sin(lon);
  const co = Math.cos(lon);
  out[o] = -so;
  out[o + 1] = co;
  out[o + 2] = 0;
  out[o + 3] = -sl * co;
  out[o + 4] = -sl * so;
  out[o + 5] = cl;
  out[o + 6] = cl * co;
  out[o + 7] = cl * so;
  out[o + 8] = sl;
}

/** WGS84 semi-minor axis, km. */
export const WGS84_B_KM = EARTH_EQUATORIAL_RADIUS_KM * (1 - WGS84_F);
/** WGS84 second eccentricity squared. */
export const WGS84_EP2 = WGS84_E2 / (1 - WGS84_E2);

/**
 * Earth-fixed position (km) → WGS84 geodetic latitude (rad), longitude (rad, [−π, π]) and
 * height (km), written to `out[0..2]`. Bowring's closed form with one iteration (Bowring 1976,
 * Survey Review 23(181)); sub-millimetre for LEO heights (checked against satellite.js's
 * 20-iteration `eciToGeodetic` in test/orbit). The sines and cosines of the two auxiliary angles are
 * taken as ratios (sin atan2(a, b) = a/√(a²+b²)) instead of calling sin/cos: one atan2 and four
 * trigonometric calls fewer, ≈ 45 ns per sample on the dev machine. packed-kernel.ts inlines the same
 * expressions; keep them in step.
 */
export function ecefToGeodetic(x: number, y: number, z: number, out: Float64Array): void {
  const p = Math.sqrt(x * x + y * y);
  const za = z * EARTH_EQUATORIAL_RADIUS_KM;
  const pb = p * WGS84_B_KM;
  const h = Math.sqrt(za * za + pb * pb);
  const st = za / h; // sin θ, θ = atan2(z·a, p·b), the parametric latitude
  const ct = pb / h;
  const n = z + WGS84_EP2 * WGS84_B_KM * st * st * st;
  const d = p - WGS84_E2 * EARTH_EQUATORIAL_RADIUS_KM * ct * ct * ct;
  const g = Math.sqrt(n * n + d * d);
  const sl = n / g; // sin φ, φ = atan2(n, d), the geodetic latitude
  out[0] = Math.atan2(n, d);
  out[1] = Math.atan2(y, x);
  out[2] = p * (d / g) + z * sl - EARTH_EQUATORIAL_RADIUS_KM * Math.sqrt(1 - WGS84_E2 * sl * sl);
}
