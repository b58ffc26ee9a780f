// The globe: WGS84-ellipsoid ocean mesh shaded day/night by a Sun-direction uniform, Natural Earth land
// outlines and a graticule, all in the Earth-fixed frame (scene units). No React; land data passed in.
import * as THREE from 'three';

import { GLOBE_FRAGMENT, GLOBE_VERTEX, LINE_FRAGMENT, LINE_VERTEX } from './globe-shaders.ts';
import { graticuleSegments } from './land-outlines.ts';
import { hexToRgb } from './marker-style.ts';
import { WGS84_F } from '../../sim/constants.ts';

/** Globe colours (sRGB; assumption: a dark "night map" style so the markers stand out). */
export const GLOBE_COLORS = {
  oceanDay: '#1b3a5c',
  oceanNight: '#070f1c',
  rim: '#3d6f9e',
  landDay: '#a9c4d8',
  landNight: '#52677a',
  graticuleDay: '#2f5478',
  graticuleNight: '#1a2c42',
} as const;

const v3 = (hex: string) => new THREE.Vector3(...hexToRgb(hex));

export class GlobeLayer {
  readonly group = new THREE.Group();
  /** Unit vector towards the Sun, Earth-fixed; shared by every globe material. */
  readonly sunDir = { value: new THREE.Vector3(1, 0, 0) };
  /** The ocean mesh, also used as the occluder of the picking pass. */
  readonly ocean: THREE.Mesh;
  private readonly land: THREE.LineSegments;
  private readonly graticule: THREE.LineSegments;
  private readonly disposables: { dispose(): void }[] = [];

  constructor() {
    const sphere = new THREE.SphereGeometry(1, 128, 96);
    // SphereGeometry's poles are on +y; the Earth-fixed frame's are on z.
    sphere.rotateX(Math.PI / 2);
    const oceanMat = new THREE.ShaderMaterial({
      vertexShader: GLOBE_VERTEX,
      fragmentShader: GLOBE_FRAGMENT,
      uniforms: {
        uSunDir: this.sunDir,
        uDayColor: { value: v3(GLOBE_COLORS.oceanDay) },
        uNightColor: { value: v3(GLOBE_COLORS.oceanNight) },
        uRimColor: { value: v3(GLOBE_COLORS.rim) },
      },
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    });
    this.ocean = new THREE.Mesh(sphere, oceanMat);
    this.ocean.scale.set(1, 1, 1 - WGS84_F); // the WGS84 ellipsoid, as the stations and outlines
    this.ocean.name = 'globe';
    this.land = this.lines(new Float32Array(0), GLOBE_COLORS.landDay, GLOBE_COLORS.landNight);
    this.graticule = this.lines(graticuleSegments(), GLOBE_COLORS.graticuleDay, GLOBE_COLORS.graticuleNight);
    this.group.add(this.ocean, this.graticule, this.land);
    this.disposables.push(sphere, oceanMat);
  }

  /** Sets the land outline segment vertices (scene units), e.g. from landOutlineSegments(). */
  setLand(segments: Float32Array): void {
    const g = this.land.geometry;
    g.setAttribute('position', new THREE.BufferAttribute(segments, 3));
    g.computeBoundingSphere();
  }

  /** Per frame: the Sun direction (Earth-fixed unit vector). */
  setSunDirection(x: number, y: number, z: number): void {
    this.sunDir.value.set(x, y, z);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private lines(segments: Float32Array, day: string, night: string): THREE.LineSegments {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(segments, 3));
    const m = new THREE.ShaderMaterial({
      vertexShader: LINE_VERTEX,
      fragmentShader: LINE_FRAGMENT,
      uniforms: { uSunDir: this.sunDir, uDayColor: { value: v3(day) }, uNightColor: { value: v3(night) } },
    });
    this.disposables.push(g, m);
    return new THREE.LineSegments(g, m);
  }
}
