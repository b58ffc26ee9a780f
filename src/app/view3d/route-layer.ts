// The selected satellite's route to the ground (frameBuffer.route): a bright 3 px polyline through the relaying
// satellites to the station, its vertices moved every frame with the same Hermite positions as the points.
// Preallocated buffers; no React. The route itself comes from the worker (route-follower.ts, ~4 Hz).
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { ShownRoute } from '../frame-buffer.ts';
import type { RunResult } from '../../sim/engine/result-types.ts';
import { geodeticToEcefKm } from '../../sim/orbit/frames.ts';
import type { KeyframeIndex } from './keyframe-index.ts';
import { ROUTE_LINE_COLOR } from './marker-style.ts';
import { UNITS_PER_KM } from './scene-units.ts';

/** Route line width, CSS px (the other lines are 1 px). */
export const ROUTE_WIDTH_PX = 3;
/** Segments preallocated; a longer route grows the buffer once (assumption: ISL paths rarely exceed 60 hops). */
const INITIAL_SEGMENTS = 64;

const cur = new Float64Array(3);
const prev = new Float64Array(3);
const stationKm = new Float64Array(3);

/**
 * Writes the route's segments (6 floats each, scene units) at `timeMs` into `out`; a segment with a lost or unknown
 * end is left out. Hops ≥ 0 are satellites (positions from `index`), hops < 0 stations −1 − j (`stationsUnits[j*3+k]`).
 * Returns the number of segments written. Allocates nothing.
 */
export function writeRouteSegments(hops: readonly number[], timeMs: number, index: KeyframeIndex, stationsUnits: Float32Array, out: Float32Array): number {
  let n = 0;
  let prevOk = false;
  for (let h = 0; h < hops.length && (n + 1) * 6 <= out.length; h++) {
    const ok = hopPosition(hops[h]!, timeMs, index, stationsUnits, cur);
    if (ok && prevOk) {
      for (let k = 0; k < 3; k++) {
        out[n * 6 + k] = prev[k]!;
        out[n * 6 + 3 + k] = cur[k]!;
      }
      n++;
    }
    prev.set(cur);
    prevOk = ok;
  }
  return n;
}

/** Position of one hop in scene units into `out`; false when unknown or lost. */
function hopPosition(hop: number, timeMs: number, index: KeyframeIndex, stationsUnits: Float32Array, out: Float64Array): boolean {
  if (hop >= 0) {
    if (!index.positionKm(hop, timeMs, out)) return false;
    for (let k = 0; k < 3; k++) out[k] = out[k]! * UNITS_PER_KM;
    return true;
  }
  const j = -1 - hop;
  if ((j + 1) * 3 > stationsUnits.length) return false;
  for (let k = 0; k < 3; k++) out[k] = stationsUnits[j * 3 + k]!;
  return true;
}

export class RouteLine {
  readonly line: LineSegments2;
  private readonly geometry = new LineSegmentsGeometry();
  private readonly material: LineMaterial;
  private segments = new Float32Array(INITIAL_SEGMENTS * 6);
  private stationsUnits = new Float32Array(0);
  private shown: ShownRoute | null = null;

  constructor() {
    this.geometry.setPositions(this.segments);
    // LineSegments2 sets the material's resolution from the viewport before each render.
    this.material = new LineMaterial({ linewidth: ROUTE_WIDTH_PX, worldUnits: false });
    this.material.color.set(ROUTE_LINE_COLOR); // a Color: the `color` option would store the string as the uniform
    this.line = new LineSegments2(this.geometry, this.material);
    this.line.frustumCulled = false;
    this.line.renderOrder = 2; // over the downlink line it ends on
    this.line.name = 'route';
    this.geometry.instanceCount = 0;
  }

  /** On run change: the stations' positions in scene units. */
  setRun(run: RunResult | null): void {
    const stations = run?.scenario.groundStations ?? [];
    this.stationsUnits = new Float32Array(stations.length * 3);
    stations.forEach((g, j) => {
      geodeticToEcefKm(g.latDeg, g.lonDeg, g.altM / 1000, stationKm, 0);
      for (let k = 0; k < 3; k++) this.stationsUnits[j * 3 + k] = stationKm[k]! * UNITS_PER_KM;
    });
    this.shown = null;
  }

  /** Per frame: the route of `selectedSat` (if the frame buffer holds one for it) at `timeMs`. */
  update(route: ShownRoute | null | undefined, selectedSat: number | null, runId: number, timeMs: number, index: KeyframeIndex): void {
    const r = route && route.hops && route.satIndex === selectedSat && route.runId === runId ? route : null;
    if (r !== this.shown && r && (r.hops!.length - 1) * 6 > this.segments.length) this.grow(r.hops!.length - 1);
    this.shown = r;
    const n = r ? writeRouteSegments(r.hops!, timeMs, index, this.stationsUnits, this.segments) : 0;
    this.geometry.instanceCount = n;
    this.line.visible = n > 0;
    if (n === 0) return;
    const start = this.geometry.getAttribute('instanceStart') as THREE.InterleavedBufferAttribute;
    start.data.needsUpdate = true;
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }

  private grow(segments: number): void {
    this.segments = new Float32Array(segments * 6);
    this.geometry.setPositions(this.segments);
  }
}
