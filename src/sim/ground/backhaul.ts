// Terrestrial backhaul from ground stations to data-centre clusters over fibre: latency from the
// great-circle distance, a route factor and the speed of light in fibre. Pure math; no imports.

/** IUGG mean Earth radius (Moritz 2000, Geodetic Reference System 1980), km. */
export const MEAN_EARTH_RADIUS_KM = 6371.0088;

const toRad = Math.PI / 180;

/** Great-circle distance by the haversine formula on a sphere of mean Earth radius. */
export function greatCircleKm(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  const dLat = (lat2Deg - lat1Deg) * toRad;
  const dLon = (lon2Deg - lon1Deg) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1Deg * toRad) * Math.cos(lat2Deg * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface FibreParams {
  /** Fibre route length / great-circle distance. */
  routeFactor: number;
  /** Signal speed in fibre, km/s. */
  fibreKmPerS: number;
}

/** One-way propagation latency over fibre: d · routeFactor / v. */
export function fibreLatencyS(distanceKm: number, p: FibreParams): number {
  return (distanceKm * p.routeFactor) / p.fibreKmPerS;
}

/** Serialisation time of `bytes` on a link of `rateGbps`. */
export function transferS(bytes: number, rateGbps: number): number {
  return (bytes * 8) / (rateGbps * 1e9);
}

interface Site {
  latDeg: number;
  lonDeg: number;
}

/** Latency matrix [from × to], row-major: `m[i * to.length + j]` in seconds. */
export function latencyMatrixS(from: readonly Site[], to: readonly Site[], p: FibreParams): Float64Array {
  const m = new Float64Array(from.length * to.length);
  from.forEach((a, i) =>
    to.forEach((b, j) => {
      m[i * to.length + j] = fibreLatencyS(greatCircleKm(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg), p);
    }),
  );
  return m;
}
