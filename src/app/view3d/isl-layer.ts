// Active laser inter-satellite links as ONE THREE.LineSegments draw call: each vertex carries its satellite's index
// (and its partner's), and the vertex shader places it with the satellite points' keyframe textures and Hermite
// interpolation (KEYFRAME_GLSL), so the links move with the satellites. The link attribute is rewritten only when
// the keyframe changes. No React; reads the KeyframeIndex of the satellite layer.
import * as THREE from 'three';
import type { KeyframeBlock } from '../../../workers/protocol.ts';
import type { KeyframeIndex, KeyframePair } from './keyframe-index.ts';
import { hexToRgb, ISL_LINE_COLOR } from './marker-style.ts';
import { KEYFRAME_GLSL } from './satellite-shaders.ts';

/** Dash period along a link, km, and the drawn share of it (a dashed line reads apart from the solid downlinks). */
export const ISL_DASH_KM = 120;
export const ISL_DASH_ON = 0.55;
/**
 * Opacity of the links by how many are drawn: 0.75 up to 200 links, then falling as 1/√links down to 0.2, so a
 * dozen links read clearly and a 2,800-satellite +Grid (≈ 5,600 links) still lets the globe show through (assumption,
 * tuned on the three-body and star-compute-2800 presets).
 */
export function islOpacity(links: number): number {
  return Math.max(0.2, Math.min(0.75, 0.75 * Math.sqrt(200 / Math.max(1, links))));
}

const ISL_VERTEX = /* glsl */ `
${KEYFRAME_GLSL}
uniform float uUnitsPerKm;
// x: this end's satellite, y: the other end's, z: 0 at the link's first vertex, 1 at its second.
attribute vec3 aLink;
varying float vAlongKm;

void main() {
  vec3 p = keyframePositionKm(int(aLink.x + 0.5));
  vec3 q = keyframePositionKm(int(aLink.y + 0.5));
  // Either end lost: both vertices at the same point outside the clip volume, so nothing of the link is drawn.
  if (isHidden(p) || isHidden(q)) {
    vAlongKm = 0.0;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  vAlongKm = aLink.z * length(q - p);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p * uUnitsPerKm, 1.0);
}
`;

const ISL_FRAGMENT = /* glsl */ `
uniform vec3 uColor;
uniform float uOpacity;
uniform float uDashKm;
uniform float uDashOn;
varying float vAlongKm;

void main() {
  if (fract(vAlongKm / uDashKm) > uDashOn) discard;
  gl_FragColor = vec4(uColor, uOpacity);
}
`;

/** Number of links of frame `f` of `block` (0 for a block without ISL fields). */
export function linkCount(block: KeyframeBlock, f: number): number {
  const o = block.islOffsets;
  return o && f + 1 < o.length ? o[f + 1]! - o[f]! : 0;
}

/** Most links any keyframe of `blocks` has (sizes the vertex buffer once per data version). */
export function maxLinksPerFrame(blocks: readonly KeyframeBlock[]): number {
  let most = 0;
  for (const b of blocks) for (let f = 0; f < b.count; f++) most = Math.max(most, linkCount(b, f));
  return most;
}

/**
 * Writes the vertices of frame `f`'s links into `out` (3 floats per vertex, 2 vertices per link: (a, b, 0) then
 * (b, a, 1)); returns the number of links written (at most out.length / 6). Allocates nothing.
 */
export function writeLinkVertices(block: KeyframeBlock, f: number, out: Float32Array): number {
  const m = Math.min(linkCount(block, f), Math.floor(out.length / 6));
  const first = m > 0 ? block.islOffsets[f]! : 0;
  const pairs = block.islPairs;
  for (let e = 0; e < m; e++) {
    const a = pairs[(first + e) * 2]!;
    const b = pairs[(first + e) * 2 + 1]!;
    const o = e * 6;
    out[o] = a;
    out[o + 1] = b;
    out[o + 2] = 0;
    out[o + 3] = b;
    out[o + 4] = a;
    out[o + 5] = 1;
  }
  return m;
}

export class IslLayer {
  readonly lines: THREE.LineSegments;
  /** Links drawn since the last keyframe change. */
  drawnLinks = 0;
  private readonly material: THREE.ShaderMaterial;
  private link = new Float32Array(6);
  private version = -1;
  private frame = -1;

  /** @param keyframeUniforms SatelliteLayer.keyframeUniforms (shared objects: same textures, same `uU`). */
  constructor(keyframeUniforms: Record<string, THREE.IUniform>) {
    this.material = new THREE.ShaderMaterial({
      vertexShader: ISL_VERTEX,
      fragmentShader: ISL_FRAGMENT,
      uniforms: {
        ...keyframeUniforms,
        uColor: { value: new THREE.Vector3(...hexToRgb(ISL_LINE_COLOR)) },
        uOpacity: { value: islOpacity(0) },
        uDashKm: { value: ISL_DASH_KM },
        uDashOn: { value: ISL_DASH_ON },
      },
      transparent: true,
      depthWrite: false,
    });
    const g = new THREE.BufferGeometry();
    this.lines = new THREE.LineSegments(g, this.material);
    this.lines.frustumCulled = false; // placed by the vertex shader: no CPU bounding sphere
    this.lines.name = 'isls';
    this.allocate(1);
  }

  /**
   * Per frame, after the satellite layer's update (same `index` and `pair`): rewrites the link attribute when the
   * keyframe k0 or the data version changed; otherwise only the shared uniforms move the links.
   */
  update(version: number, index: KeyframeIndex, pair: KeyframePair, visible: boolean): void {
    this.lines.visible = visible && pair.k0 >= 0;
    if (!this.lines.visible) return;
    if (version !== this.version) {
      this.version = version;
      this.frame = -1;
      const most = maxLinksPerFrame(index.blocks);
      if (most * 6 > this.link.length) this.allocate(most);
    }
    if (pair.k0 === this.frame) return;
    this.frame = pair.k0;
    const block = index.blocks[index.block[pair.k0]!];
    this.drawnLinks = block ? writeLinkVertices(block, index.offset[pair.k0]!, this.link) : 0;
    const attr = this.lines.geometry.getAttribute('aLink') as THREE.BufferAttribute;
    attr.clearUpdateRanges();
    attr.addUpdateRange(0, this.drawnLinks * 6);
    attr.needsUpdate = true;
    this.lines.geometry.setDrawRange(0, this.drawnLinks * 2);
    this.material.uniforms['uOpacity']!.value = islOpacity(this.drawnLinks);
  }

  dispose(): void {
    this.lines.geometry.dispose();
    this.material.dispose();
  }

  private allocate(maxLinks: number): void {
    this.link = new Float32Array(Math.max(1, maxLinks) * 6);
    const attr = new THREE.BufferAttribute(this.link, 3).setUsage(THREE.DynamicDrawUsage);
    this.lines.geometry.setAttribute('aLink', attr);
    this.lines.geometry.setDrawRange(0, 0);
    this.drawnLinks = 0;
  }
}
