// Ground stations and hub clusters as one Points draw call (shape + colour per kind, east vs west hubs
// distinct), and optional station footprints (minimum-elevation circles). No React; built per scenario.
import * as THREE from 'three';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { geodeticToEcefKm } from '../../sim/orbit/frames.ts';
import { footprintCentralAngleRad, writeFootprintCircle } from './footprint.ts';
import { GROUND_STYLES, hexToRgb, SHAPE_GLSL, type MarkerStyle } from './marker-style.ts';
import { UNITS_PER_KM } from './scene-units.ts';

/** One ground marker (station or hub cluster), Earth-fixed, for markers and labels. */
export interface GroundSite {
  label: string;
  style: MarkerStyle;
  /** Earth-fixed position, scene units. */
  position: [number, number, number];
}

/** Marker size of ground sites, CSS px (assumption). */
export const GROUND_MARKER_PX = 8;
/** Depth bias of ground markers towards the camera, scene units (assumption: 0.02 ≈ 128 km, about a sprite's size at the default zoom). */
export const GROUND_MARKER_DEPTH_BIAS = 0.02;
/** Segments per footprint circle (assumption: smooth at globe scale). */
export const FOOTPRINT_SEGMENTS = 96;

const MARKER_VERTEX = /* glsl */ `
attribute vec3 aColor;
attribute float aShape;
attribute float aSize;
uniform float uPixelRatio;
uniform float uDepthBias;
varying vec3 vColor;
varying float vShape;
void main() {
  vColor = aColor;
  vShape = aShape;
  // Pull the sprite towards the camera along its view ray (same screen position, nearer depth), so the flat
  // sprite is not cut by the curved globe around it.
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  mv.xyz *= max(0.0, 1.0 - uDepthBias / length(mv.xyz));
  gl_Position = projectionMatrix * mv;
  gl_PointSize = aSize * uPixelRatio;
}
`;

const MARKER_FRAGMENT = /* glsl */ `
${SHAPE_GLSL}
varying vec3 vColor;
varying float vShape;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  p.y = -p.y;
  if (shapeMask(vShape, p) < 0.5) discard;
  gl_FragColor = vec4(vColor, 1.0);
}
`;

const ecef = new Float64Array(3);

/** Sites of a scenario: stations first (in scenario order), then hub clusters. */
export function groundSites(scenario: Pick<Scenario, 'groundStations' | 'hubs'>): GroundSite[] {
  const at = (latDeg: number, lonDeg: number, altKm: number): [number, number, number] => {
    geodeticToEcefKm(latDeg, lonDeg, altKm, ecef, 0);
    return [ecef[0]! * UNITS_PER_KM, ecef[1]! * UNITS_PER_KM, ecef[2]! * UNITS_PER_KM];
  };
  return [
    ...scenario.groundStations.map((g) => ({ label: g.name || g.id, style: GROUND_STYLES.station, position: at(g.latDeg, g.lonDeg, g.altM / 1000) })),
    ...scenario.hubs.map((h) => ({
      label: `${h.name || h.id} · ${h.region === 'east' ? 'E' : 'W'}`,
      style: h.region === 'east' ? GROUND_STYLES.hubEast : GROUND_STYLES.hubWest,
      position: at(h.latDeg, h.lonDeg, 0),
    })),
  ];
}

export class GroundLayer {
  readonly group = new THREE.Group();
  private readonly markerGeometry = new THREE.BufferGeometry();
  private readonly markerMaterial = new THREE.ShaderMaterial({
    vertexShader: MARKER_VERTEX,
    fragmentShader: MARKER_FRAGMENT,
    uniforms: { uPixelRatio: { value: 1 }, uDepthBias: { value: GROUND_MARKER_DEPTH_BIAS } },
  });
  private readonly footprints: THREE.LineSegments;
  private footprintStations: Scenario['groundStations'] | undefined;
  private footprintAltKm = NaN;

  constructor() {
    const markers = new THREE.Points(this.markerGeometry, this.markerMaterial);
    markers.frustumCulled = false;
    markers.renderOrder = 1;
    this.footprints = new THREE.LineSegments(
      new THREE.BufferGeometry(),
      new THREE.LineBasicMaterial({ color: GROUND_STYLES.station.color, transparent: true, opacity: 0.55 }),
    );
    this.footprints.frustumCulled = false;
    this.footprints.geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
    this.footprints.geometry.setDrawRange(0, 0);
    this.group.add(markers, this.footprints);
  }

  /** Rebuilds the markers from the run's sites (on run change). */
  setSites(sites: readonly GroundSite[]): void {
    const n = sites.length;
    const pos = new Float32Array(n * 3);
    const color = new Float32Array(n * 3);
    const shape = new Float32Array(n);
    const size = new Float32Array(n);
    sites.forEach((s, i) => {
      pos.set(s.position, i * 3);
      color.set(hexToRgb(s.style.color), i * 3);
      shape[i] = s.style.shape;
      size[i] = GROUND_MARKER_PX * s.style.sizeScale;
    });
    const g = this.markerGeometry;
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    g.setAttribute('aColor', new THREE.BufferAttribute(color, 3));
    g.setAttribute('aShape', new THREE.BufferAttribute(shape, 1));
    g.setAttribute('aSize', new THREE.BufferAttribute(size, 1));
  }

  /**
   * Shows or hides the footprints; (re)builds them when the stations or the shell altitude change. The circle
   * is the λ of footprintCentralAngleRad at each station's mask, drawn 1 km above the ellipsoid.
   */
  setFootprints(visible: boolean, stations: Scenario['groundStations'] | undefined, shellAltKm: number): void {
    // Hidden by an empty draw range, not `visible = false`, so the material is compiled on the first frame
    // rather than when the user first turns footprints on (a ~100 ms stall under SwiftShader).
    const g = this.footprints.geometry;
    if (!visible || !stations || !Number.isFinite(shellAltKm)) {
      g.setDrawRange(0, 0);
      return;
    }
    if (stations !== this.footprintStations || shellAltKm !== this.footprintAltKm) {
      this.footprintStations = stations;
      this.footprintAltKm = shellAltKm;
      const out = new Float32Array(stations.length * FOOTPRINT_SEGMENTS * 2 * 3);
      let v = 0;
      for (const s of stations) {
        v = writeFootprintCircle(s.latDeg, s.lonDeg, footprintCentralAngleRad(s.minElevationDeg, shellAltKm), FOOTPRINT_SEGMENTS, 1, out, v);
      }
      g.setAttribute('position', new THREE.BufferAttribute(out, 3));
    }
    g.setDrawRange(0, Infinity);
  }

  setPixelRatio(pixelRatio: number): void {
    this.markerMaterial.uniforms['uPixelRatio']!.value = pixelRatio;
  }

  dispose(): void {
    this.markerGeometry.dispose();
    this.markerMaterial.dispose();
    this.footprints.geometry.dispose();
    (this.footprints.material as THREE.Material).dispose();
  }
}
