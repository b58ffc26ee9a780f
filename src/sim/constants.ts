// Physical constants the engine shares, each defined once with its unit and source. Pure; must not import anything.

/** WGS-84 equatorial radius (semi-major axis), km (NIMA TR8350.2, 3rd ed., 2000). */
export const EARTH_EQUATORIAL_RADIUS_KM = 6378.137;
/** WGS-84 flattening (NIMA TR8350.2). */
export const WGS84_F = 1 / 298.257223563;
/** WGS-84 first eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** WGS-84 / EGM-96 Earth's gravitational parameter, km³/s² (NIMA TR8350.2). */
export const MU_EARTH_KM3_PER_S2 = 398_600.4418;
/** Speed of light in vacuum, km/s (exact in SI). */
export const SPEED_OF_LIGHT_KM_S = 299_792.458;
