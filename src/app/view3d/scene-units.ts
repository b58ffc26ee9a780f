// Scene units of the 3D view and the mapping of the Earth-fixed frame (ECEF) into the three.js scene.
// Pure math plus three's Vector3 type; must not import React, the store or the frame buffer.

import { EARTH_EQUATORIAL_RADIUS_KM } from '../../sim/constants.ts';

/** Kilometres per scene unit: 1 unit = the WGS84 equatorial radius. */
export const KM_PER_UNIT = EARTH_EQUATORIAL_RADIUS_KM;
/** Scene units per kilometre. */
export const UNITS_PER_KM = 1 / KM_PER_UNIT;
/**
 * Rotation about scene x applied to the Earth group, rad: ECEF (x, y, z) → scene (x, z, −y), so the
 * Earth's north (+z ECEF) is the scene's up (+y, what OrbitControls orbits around).
 */
export const ECEF_TO_SCENE_ROT_X_RAD = -Math.PI / 2;

/** Standard gravitational parameter of the Earth, km³/s² (WGS84 / EGM96: 398600.4418). */
export const MU_EARTH_KM3_S2 = 398600.4418;

/** Maps an ECEF vector (any unit) into scene axes (same unit): (x, z, −y). Writes `out[0..2]`. */
export function ecefToSceneAxes(x: number, y: number, z: number, out: { x: number; y: number; z: number }): void {
  out.x = x;
  out.y = z;
  out.z = -y;
}

/**
 * Scene position of a camera `distanceUnits` from the Earth's centre above geocentric
 * latitude/longitude (deg). The default view looks at China (35° N, 105° E) from 3 Earth radii.
 */
export function cameraPositionAbove(latDeg: number, lonDeg: number, distanceUnits: number): [number, number, number] {
  const lat = (latDeg * Math.PI) / 180;
  const lon = (lonDeg * Math.PI) / 180;
  const p = { x: 0, y: 0, z: 0 };
  ecefToSceneAxes(Math.cos(lat) * Math.cos(lon) * distanceUnits, Math.cos(lat) * Math.sin(lon) * distanceUnits, Math.sin(lat) * distanceUnits, p);
  return [p.x, p.y, p.z];
}

/**
 * Period of a circular orbit of radius `radiusKm`, s: T = 2π √(r³/μ) (Kepler's third law). Used for the
 * ± one-period extent of the selected satellite's track (near-circular LEO: the error is of order e·T).
 */
export function circularPeriodS(radiusKm: number): number {
  return 2 * Math.PI * Math.sqrt((radiusKm * radiusKm * radiusKm) / MU_EARTH_KM3_S2);
}
