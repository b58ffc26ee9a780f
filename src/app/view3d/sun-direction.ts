// Direction of the Sun in the Earth-fixed frame at a simulation time, for the globe's day/night terminator.
// Allocation-free (called every frame). Imports only satellite.js's gstime and orbit/frames.ts; no three/React.
import { gstime } from 'satellite.js';
import { temeToEcef } from '../../sim/orbit/frames.ts';

const MS_PER_DAY = 86_400_000;
/** Julian date of the Unix epoch 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2_440_587.5;
const DEG = Math.PI / 180;

/** Julian date (UTC used as UT1, as satellite.js does) of `timeMs` ms since the Unix epoch. */
export function julianDateOfMs(timeMs: number): number {
  return timeMs / MS_PER_DAY + JD_UNIX_EPOCH;
}

/**
 * Unit vector towards the Sun in the equatorial frame of date, written to `out[0..2]`. The low-precision
 * solar coordinates of the Astronomical Almanac as given by Vallado (Fundamentals of Astrodynamics and
 * Applications, algorithm "SUN"; ≈ 0.01° over 1950–2050): the same formula as satellite.js `sunPos`, but
 * writing into `out` instead of allocating.
 */
export function sunDirectionEquatorial(jd: number, out: Float64Array): Float64Array {
  const t = (jd - 2_451_545) / 36_525;
  const meanLongDeg = (280.46 + 36_000.77 * t) % 360;
  let meanAnomaly = ((357.5277233 + 35_999.05034 * t) * DEG) % (2 * Math.PI);
  if (meanAnomaly < 0) meanAnomaly += 2 * Math.PI;
  const eclipticLong = ((meanLongDeg + 1.914666471 * Math.sin(meanAnomaly) + 0.019994643 * Math.sin(2 * meanAnomaly)) % 360) * DEG;
  const obliquity = (23.439291 - 0.0130042 * t) * DEG;
  out[0] = Math.cos(eclipticLong);
  out[1] = Math.cos(obliquity) * Math.sin(eclipticLong);
  out[2] = Math.sin(obliquity) * Math.sin(eclipticLong);
  return out;
}

const equatorial = new Float64Array(3);

/**
 * Unit vector towards the Sun in the Earth-fixed frame at `timeMs`: the equatorial direction rotated by
 * GMST (IAU-82, satellite.js `gstime`), r_ecef = R3(θ) r — the rotation the engine applies to TEME.
 * Neglects precession/nutation between the Sun's frame of date and TEME (< 0.01°). Writes `out[0..2]`.
 */
export function sunDirectionEcef(timeMs: number, out: Float64Array): Float64Array {
  const jd = julianDateOfMs(timeMs);
  sunDirectionEquatorial(jd, equatorial);
  temeToEcef(equatorial[0]!, equatorial[1]!, equatorial[2]!, gstime(jd), out, 0);
  return out;
}
