// Line-segment vertex buffers on the WGS84 ellipsoid, in scene units: Natural Earth land outlines (npm
// world-atlas TopoJSON through topojson-client `mesh`) and a lat/lon graticule. Pure; no three or React.
import { mesh } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { geodeticToEcefKm } from '../../sim/orbit/frames.ts';
import { UNITS_PER_KM } from './scene-units.ts';

/** Height of the drawn outlines above the ellipsoid, km (assumption: 3 km, above the globe mesh's facets). */
export const OUTLINE_ALT_KM = 3;

const scratch = new Float64Array(3);

function pushPoint(out: number[], lonDeg: number, latDeg: number, altKm: number): void {
  geodeticToEcefKm(latDeg, lonDeg, altKm, scratch, 0);
  out.push(scratch[0]! * UNITS_PER_KM, scratch[1]! * UNITS_PER_KM, scratch[2]! * UNITS_PER_KM);
}

/**
 * True for the artificial edges world-atlas adds to close polygons on the sphere: along the antimeridian
 * (both ends at |lon| = 180°) and along the south pole (both ends below −89.9°), e.g. Antarctica's cut.
 */
export function isCutEdge(a: readonly number[], b: readonly number[]): boolean {
  const onAntimeridian = Math.abs(a[0]!) === 180 && Math.abs(b[0]!) === 180;
  const onPole = a[1]! < -89.9 && b[1]! < -89.9;
  return onAntimeridian || onPole;
}

/**
 * Pairs of vertices (x0,y0,z0, x1,y1,z1, …) in scene units for the polylines `lines` ([lon, lat] degrees),
 * at `altKm` above the ellipsoid, leaving out cut edges when `skipCutEdges`.
 */
export function segmentsFromLines(lines: readonly (readonly (readonly number[])[])[], altKm: number, skipCutEdges = true): Float32Array {
  const out: number[] = [];
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      if (skipCutEdges && isCutEdge(a, b)) continue;
      pushPoint(out, a[0]!, a[1]!, altKm);
      pushPoint(out, b[0]!, b[1]!, altKm);
    }
  }
  return new Float32Array(out);
}

/** Land outlines of a world-atlas land topology (object `land`) as segment vertices in scene units. */
export function landOutlineSegments(topology: Topology, altKm = OUTLINE_ALT_KM): Float32Array {
  const land = topology.objects['land'] as GeometryObject | undefined;
  if (!land) throw new RangeError('topology.objects.land: missing (world-atlas land files use "land")');
  return segmentsFromLines(mesh(topology, land).coordinates, altKm);
}

/** Meridians and parallels every `stepDeg`, sampled every `sampleDeg`, as segment vertices in scene units. */
export function graticuleSegments(stepDeg = 30, sampleDeg = 2, altKm = OUTLINE_ALT_KM): Float32Array {
  const lines: number[][][] = [];
  for (let lon = -180; lon < 180; lon += stepDeg) {
    const line: number[][] = [];
    for (let lat = -90 + stepDeg / 3; lat <= 90 - stepDeg / 3 + 1e-9; lat += sampleDeg) line.push([lon, lat]);
    lines.push(line);
  }
  for (let lat = -90 + stepDeg; lat < 90; lat += stepDeg) {
    const line: number[][] = [];
    for (let lon = -180; lon <= 180 + 1e-9; lon += sampleDeg) line.push([lon, lat]);
    lines.push(line);
  }
  return segmentsFromLines(lines, altKm, false);
}
