// Station footprints: the ground circle inside which a satellite of the shell altitude is above a station's
// elevation mask, as segment vertices in scene units. Pure; must not import three or React.
import { geodeticToEcefKm } from '../../sim/orbit/frames.ts';
import { KM_PER_UNIT, UNITS_PER_KM } from './scene-units.ts';

const DEG = Math.PI / 180;

/**
 * Earth central angle λ between a station and a satellite at `altKm` seen at elevation `maskDeg`, rad:
 * λ = arccos(R·cos ε / (R + h)) − ε (spherical Earth of radius R; Wertz & Larson, Space Mission Analysis
 * and Design, 3rd ed., §5.2). E.g. 550 km at 25° → 8.45° (≈ 940 km of ground range).
 */
export function footprintCentralAngleRad(maskDeg: number, altKm: number, earthRadiusKm = KM_PER_UNIT): number {
  const eps = maskDeg * DEG;
  return Math.acos((earthRadiusKm * Math.cos(eps)) / (earthRadiusKm + altKm)) - eps;
}

/** Median of the finite mean altitudes, km (the "shell altitude" of the footprints); NaN when none. */
export function shellAltitudeKm(meanAltitudesKm: readonly number[]): number {
  const v = meanAltitudesKm.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

const p = new Float64Array(3);

/**
 * Writes the circle of central angle `lambdaRad` around (latDeg, lonDeg) as `segments` line segments
 * (2 vertices each, scene units, `altKm` above the ellipsoid) into `out` from vertex `first`. Points by the
 * spherical destination formula (bearing θ from 0 to 2π). Returns the next free vertex.
 */
export function writeFootprintCircle(
  latDeg: number,
  lonDeg: number,
  lambdaRad: number,
  segments: number,
  altKm: number,
  out: Float32Array,
  first: number,
): number {
  const phi = latDeg * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const sinL = Math.sin(lambdaRad);
  const cosL = Math.cos(lambdaRad);
  let v = first;
  for (let i = 0; i <= segments; i++) {
    const theta = (2 * Math.PI * i) / segments;
    const lat2 = Math.asin(sinPhi * cosL + cosPhi * sinL * Math.cos(theta));
    const lon2 = lonDeg * DEG + Math.atan2(Math.sin(theta) * sinL * cosPhi, cosL - sinPhi * Math.sin(lat2));
    geodeticToEcefKm(lat2 / DEG, lon2 / DEG, altKm, p, 0);
    // Each interior point ends one segment and starts the next.
    const copies = i === 0 || i === segments ? 1 : 2;
    for (let c = 0; c < copies; c++, v++) {
      out[v * 3] = p[0]! * UNITS_PER_KM;
      out[v * 3 + 1] = p[1]! * UNITS_PER_KM;
      out[v * 3 + 2] = p[2]! * UNITS_PER_KM;
    }
  }
  return v;
}
