// Land/sea raster from Natural Earth land polygons (npm world-atlas TopoJSON), built once so that
// `isLand` is an O(1) lookup. Pure: imports only topojson-client and types; no Node or DOM APIs.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Geometry, Position } from 'geojson';

/**
 * A land/sea raster on a regular latitude/longitude grid.
 * `cells: Uint8Array // [row 0 = southmost band (−90° … −90°+res), col 0 = −180° … −180°+res]`,
 * index = row·cols + col, value 1 = land at the cell centre, 0 = water.
 */
export interface LandMask {
  /** Cell size in both latitude and longitude, degrees. */
  readonly resolutionDeg: number;
  /** Cells per row (360 / resolutionDeg). */
  readonly cols: number;
  /** Rows (180 / resolutionDeg). */
  readonly rows: number;
  readonly cells: Uint8Array;
}

/** Default cell size, degrees: 0.1° ≈ 11 km, about one cote frame footprint (assumption). */
export const DEFAULT_LAND_MASK_RESOLUTION_DEG = 0.1;

/**
 * Rasterises the land polygons of `topology.objects[objectName]` (world-atlas: `land`). Edge
 * function: throws a RangeError naming the field when the topology lacks the object.
 *
 * Method: parity (even–odd) counting along each cell-centre meridian from the North Pole (water in
 * Natural Earth) southward. world-atlas rings are stitched for spherical use (Antarctica's outer
 * ring encircles the South Pole without a closing edge along −90°; some rings cross ±180°), so each
 * edge is taken the short way round in longitude, which a planar scan-line fill would get wrong.
 */
export function buildLandMask(topology: Topology, resolutionDeg = DEFAULT_LAND_MASK_RESOLUTION_DEG, objectName = 'land'): LandMask {
  const object = topology.objects?.[objectName];
  if (object === undefined) throw new RangeError(`topology.objects.${objectName}: missing (world-atlas land files use "land")`);
  const cols = Math.round(360 / resolutionDeg);
  const rows = Math.round(180 / resolutionDeg);
  if (!(resolutionDeg > 0) || Math.abs(cols * resolutionDeg - 360) > 1e-9) {
    throw new RangeError(`resolutionDeg: ${resolutionDeg} must divide 360° and 180° evenly`);
  }
  const crossings: number[][] = Array.from({ length: cols }, () => []);
  for (const ring of landRings(topology, object)) addRingCrossings(ring, resolutionDeg, crossings);
  const cells = new Uint8Array(cols * rows);
  for (let col = 0; col < cols; col++) fillColumn(crossings[col] ?? [], col, cols, rows, resolutionDeg, cells);
  return { resolutionDeg, cols, rows, cells };
}

/** All polygon rings (outer and holes) of a TopoJSON object, as [lonDeg, latDeg] positions. */
function landRings(topology: Topology, object: Topology['objects'][string]): Position[][] {
  const geo = feature(topology, object);
  const geometries: Geometry[] = 'features' in geo ? geo.features.map((f) => f.geometry) : [geo.geometry];
  const rings: Position[][] = [];
  const collect = (g: Geometry): void => {
    if (g.type === 'Polygon') rings.push(...g.coordinates);
    else if (g.type === 'MultiPolygon') for (const poly of g.coordinates) rings.push(...poly);
    else if (g.type === 'GeometryCollection') g.geometries.forEach(collect);
  };
  geometries.forEach(collect);
  return rings;
}

/**
 * For every edge, records the latitude where it crosses each cell-centre meridian. Column centre i
 * sits at u = i in u = (lon + 180)/res − ½; an edge from u1 to u2 crosses centres i ∈ [min, max)
 * (half-open, so a vertex on a meridian is counted once). Longitudes are unwrapped per edge.
 */
function addRingCrossings(ring: Position[], resolutionDeg: number, crossings: number[][]): void {
  const cols = crossings.length;
  for (let k = 0; k + 1 < ring.length; k++) {
    const a = ring[k];
    const b = ring[k + 1];
    if (a === undefined || b === undefined) continue;
    const [lonA = 0, latA = 0] = a;
    const [lonB = 0, latB = 0] = b;
    let dLon = lonB - lonA;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    if (dLon === 0) continue;
    const uA = (lonA + 180) / resolutionDeg - 0.5;
    const uB = uA + dLon / resolutionDeg;
    const lo = Math.min(uA, uB);
    const hi = Math.max(uA, uB);
    for (let i = Math.ceil(lo); i < hi; i++) {
      const latDeg = latA + ((i - uA) / (uB - uA)) * (latB - latA);
      crossings[((i % cols) + cols) % cols]?.push(latDeg);
    }
  }
}

/** Walks one meridian from north to south, toggling land at each boundary crossing. */
function fillColumn(lats: number[], col: number, cols: number, rows: number, resolutionDeg: number, cells: Uint8Array): void {
  lats.sort((x, y) => y - x);
  let land = 0;
  let next = 0;
  for (let row = rows - 1; row >= 0; row--) {
    const centreLatDeg = -90 + (row + 0.5) * resolutionDeg;
    while (next < lats.length && (lats[next] ?? -Infinity) > centreLatDeg) {
      land ^= 1;
      next++;
    }
    cells[row * cols + col] = land;
  }
}

/** Cell index for a point; longitudes wrap, latitudes clamp to [−90°, 90°]. */
export function landCellIndex(mask: LandMask, latDeg: number, lonDeg: number): number {
  const res = mask.resolutionDeg;
  const row = Math.min(mask.rows - 1, Math.max(0, Math.floor((latDeg + 90) / res)));
  const wrapped = ((((lonDeg + 180) % 360) + 360) % 360) / res;
  const col = Math.min(mask.cols - 1, Math.floor(wrapped));
  return row * mask.cols + col;
}

/** True when the raster cell containing (latDeg, lonDeg) is land. O(1), allocation-free. */
export function isLand(mask: LandMask, latDeg: number, lonDeg: number): boolean {
  return mask.cells[landCellIndex(mask, latDeg, lonDeg)] === 1;
}

/** Share of Earth's surface that is land in the raster, weighting each row by its area (∝ Δsin φ). */
export function landAreaFraction(mask: LandMask): number {
  let landArea = 0;
  const res = (mask.resolutionDeg * Math.PI) / 180;
  for (let row = 0; row < mask.rows; row++) {
    const south = -Math.PI / 2 + row * res;
    const rowWeight = Math.sin(south + res) - Math.sin(south);
    let count = 0;
    for (let col = 0; col < mask.cols; col++) count += mask.cells[row * mask.cols + col] ?? 0;
    landArea += (rowWeight * count) / mask.cols;
  }
  return landArea / 2;
}

/**
 * Default loader: Natural Earth 1:50m land (world-atlas 2.0.2 `land-50m.json`, public domain data).
 * A dynamic JSON import works under Node/tsx and Vite alike; callers cache the result.
 */
export async function loadDefaultLandTopology(): Promise<Topology> {
  // No import attribute: Vite's dev server serves JSON as a JS module, which a `type: 'json'` import rejects;
  // tsx (CLI), Vite (app) and Vitest all transform the JSON import themselves.
  const module = await import('world-atlas/land-50m.json');
  return module.default as unknown as Topology;
}
