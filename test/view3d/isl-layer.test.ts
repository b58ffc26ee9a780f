// The ISL and route layers without a GPU: which vertices they write, when the link attribute is re-uploaded
// (attribute `version` counts what three.js would upload), and that the ISL material shares the satellite layer's
// keyframe uniforms and GLSL.
import { describe, expect, it } from 'vitest';
import type * as THREE from 'three';
import type { FrameBuffer } from '../../src/app/frame-buffer.ts';
import type { Shown } from '../../src/app/shown.ts';
import type { KeyframeBlock } from '../../workers/protocol.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { IslLayer, islOpacity, maxLinksPerFrame, writeLinkVertices } from '../../src/app/view3d/isl-layer.ts';
import { KeyframeIndex } from '../../src/app/view3d/keyframe-index.ts';
import { RouteLine, writeRouteSegments } from '../../src/app/view3d/route-layer.ts';
import { KEYFRAME_GLSL } from '../../src/app/view3d/satellite-shaders.ts';
import { SatelliteLayer } from '../../src/app/view3d/satellite-layer.ts';
import { UNITS_PER_KM } from '../../src/app/view3d/scene-units.ts';
import { circular, circularBlock } from './synthetic-orbit.ts';

const T0 = Date.UTC(2026, 3, 2);
const N = 4;

/** circularBlock with links: frame f of the block links `links[f]`. */
function withLinks(block: KeyframeBlock, links: [number, number][][]): KeyframeBlock {
  const offsets = new Int32Array(block.count + 1);
  links.forEach((l, f) => (offsets[f + 1] = offsets[f]! + l.length));
  for (let f = links.length; f < block.count; f++) offsets[f + 1] = offsets[f]!;
  return { ...block, islOffsets: offsets, islPairs: Int32Array.from(links.flat(2)) };
}

const run = { satellites: Array.from({ length: N }, () => ({ meanAltitudeKm: 550 })), scenario: { stepS: 60 } } as unknown as RunResult;
const shown: Shown = { kind: 'run', runId: 1, result: run, startMs: T0, endMs: T0 + 240_000 };

function frameBuffer(): FrameBuffer {
  return {
    simTimeMs: T0,
    version: 1,
    route: null,
    keyframes: [
      withLinks(circularBlock(N, T0, T0, 60, 3), [
        [[0, 1]],
        [
          [0, 1],
          [1, 2],
        ],
        [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
      ]),
      withLinks(circularBlock(N, T0, T0 + 180_000, 60, 2), [[[2, 3]], [[0, 3]]]),
    ],
  };
}

describe('ISL vertices', () => {
  it('two vertices per link, (a, b, 0) then (b, a, 1); counts per frame; the widest frame sizes the buffer', () => {
    const fb = frameBuffer();
    const out = new Float32Array(18);
    expect(writeLinkVertices(fb.keyframes[0]!, 1, out)).toBe(2);
    expect(Array.from(out.subarray(0, 12))).toEqual([0, 1, 0, 1, 0, 1, 1, 2, 0, 2, 1, 1]);
    expect(writeLinkVertices(fb.keyframes[1]!, 1, out)).toBe(1);
    expect(Array.from(out.subarray(0, 6))).toEqual([0, 3, 0, 3, 0, 1]);
    expect(writeLinkVertices(fb.keyframes[0]!, 2, new Float32Array(12))).toBe(2); // clipped to the buffer
    expect(maxLinksPerFrame(fb.keyframes)).toBe(3);
  });

  it('opacity 0.75 for a dozen links, 1/√n beyond 200, never below 0.2', () => {
    expect(islOpacity(17)).toBe(0.75);
    expect(islOpacity(800)).toBeCloseTo(0.375, 10);
    expect(islOpacity(5600)).toBe(0.2);
  });
});

describe('IslLayer.update', () => {
  it('rewrites the link attribute only when the earlier keyframe changes; draws 2 vertices per link', () => {
    const fb = frameBuffer();
    const sats = new SatelliteLayer();
    const isls = new IslLayer(sats.keyframeUniforms);
    const attr = () => isls.lines.geometry.getAttribute('aLink') as THREE.BufferAttribute;
    const step = (tMs: number) => {
      fb.simTimeMs = tMs;
      sats.update(fb, shown, 'onboard', null, 1);
      isls.update(fb.version, sats.index, sats.pair, true);
    };
    step(T0 + 70_000); // k0 = 1: two links
    expect(isls.drawnLinks).toBe(2);
    expect(isls.lines.geometry.drawRange.count).toBe(4);
    const v = attr().version;
    step(T0 + 100_000); // same keyframe pair
    expect(attr().version).toBe(v);
    step(T0 + 200_000); // k0 = 3 (first frame of block 2): one link
    expect(attr().version).toBe(v + 1);
    expect(isls.drawnLinks).toBe(1);
    expect(Array.from(attr().array.subarray(0, 6))).toEqual([2, 3, 0, 3, 2, 1]);
    isls.update(fb.version, sats.index, sats.pair, false);
    expect(isls.lines.visible).toBe(false);
  });

  it('shares the satellite layer uniform objects (textures, u, h) and its keyframe GLSL', () => {
    const sats = new SatelliteLayer();
    const isls = new IslLayer(sats.keyframeUniforms);
    const mine = (isls.lines.material as THREE.ShaderMaterial).uniforms;
    const theirs = (sats.points.material as THREE.ShaderMaterial).uniforms;
    for (const name of ['uPos0', 'uVel0', 'uPos1', 'uVel1', 'uU', 'uH', 'uTexWidth']) expect(mine[name], name).toBe(theirs[name]);
    expect((isls.lines.material as THREE.ShaderMaterial).vertexShader).toContain(KEYFRAME_GLSL);
    expect((sats.points.material as THREE.ShaderMaterial).vertexShader).toContain(KEYFRAME_GLSL);
  });
});

describe('route polyline', () => {
  const fb = frameBuffer();
  const index = new KeyframeIndex();
  index.rebuild(fb.keyframes);
  const stations = Float32Array.from([1, 0, 0, 0, 1, 0]); // two stations, scene units

  it('segments sat → sat → station at the Hermite positions of the time (scene units)', () => {
    const out = new Float32Array(60);
    const tMs = T0 + 90_000;
    expect(writeRouteSegments([2, 1, -2], tMs, index, stations, out)).toBe(2);
    const p2 = circular(2, 90).p.map((x) => x * UNITS_PER_KM);
    const p1 = circular(1, 90).p.map((x) => x * UNITS_PER_KM);
    // Hermite between 60 s keyframes stays within metres of the circle: 1e-5 units ≈ 64 m.
    [...p2, ...p1].forEach((x, i) => expect(out[i]).toBeCloseTo(x, 4));
    [...p1, 0, 1, 0].forEach((x, i) => expect(out[6 + i]).toBeCloseTo(x, 4));
  });

  it('leaves out a segment with an unknown end (satellite beyond the index, unknown station)', () => {
    const out = new Float32Array(60);
    expect(writeRouteSegments([0, 9, 1, -1], T0, index, stations, out)).toBe(1); // 0–9 and 9–1 dropped, 1 → station 0
    expect(writeRouteSegments([0, -5], T0, index, stations, out)).toBe(0);
  });

  it('RouteLine draws only the route of the selected satellite in the run shown', () => {
    const line = new RouteLine();
    const route = { runId: 1, satIndex: 2, tMs: T0, hops: [2, 1, -1], latencyS: 0.01 };
    line.update(route, 2, 1, T0 + 30_000, index);
    expect(line.line.visible).toBe(true);
    expect(line.line.geometry.instanceCount).toBe(1); // no stations set: the station hop is unknown
    line.update(route, 3, 1, T0 + 30_000, index);
    expect(line.line.visible).toBe(false);
    line.update(route, 2, 2, T0 + 30_000, index);
    expect(line.line.visible).toBe(false);
    line.update({ ...route, hops: null }, 2, 1, T0 + 30_000, index);
    expect(line.line.visible).toBe(false);
  });
});
