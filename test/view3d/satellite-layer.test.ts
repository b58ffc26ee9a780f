// The satellite layer's upload policy, without a GPU: texture `version` counts the uploads three.js would do.
import { describe, expect, it } from 'vitest';
import type * as THREE from 'three';
import type { FrameBuffer } from '../../src/app/frame-buffer.ts';
import { NOTHING_SHOWN, type Shown } from '../../src/app/shown.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { baseSizePx, SatelliteLayer } from '../../src/app/view3d/satellite-layer.ts';
import { circularBlock } from './synthetic-orbit.ts';

const T0 = Date.UTC(2026, 3, 2);
const N = 3;

/** A 4-step run shown (3 satellites) and its frame buffer: two blocks of keyframes. */
function frameBuffer(): { fb: FrameBuffer; shown: Shown } {
  const state = Uint8Array.from([0, 1, 2, 3, 4, 5, 2, 2, 2, 1, 1, 1]); // 4 steps × 3 sats, step 60 s
  const run = {
    satellites: Array.from({ length: N }, () => ({ meanAltitudeKm: 550 })),
    scenario: { stepS: 60 },
    timeline: { stepCount: 4, satCount: N, shadow: new Float32Array(12), modes: { onboard: { state }, ground: { state: state.map((s) => (s + 1) % 6) } } },
  } as unknown as RunResult;
  return {
    fb: { simTimeMs: T0, version: 1, route: null, keyframes: [circularBlock(N, T0, T0, 60, 3), circularBlock(N, T0, T0 + 180_000, 60, 2)] },
    shown: { kind: 'run', runId: 1, result: run, startMs: T0, endMs: T0 + 240_000 },
  };
}

function uniforms(layer: SatelliteLayer): Record<string, THREE.IUniform> {
  return (layer.points.material as THREE.ShaderMaterial).uniforms;
}
const tex = (layer: SatelliteLayer, name: string) => uniforms(layer)[name]!.value as THREE.DataTexture;
const versions = (layer: SatelliteLayer) => ['uPos0', 'uVel0', 'uPos1', 'uVel1'].map((n) => tex(layer, n).version);

describe('SatelliteLayer.update', () => {
  it('loads both keyframes once, then only the missing one when time crosses a boundary', () => {
    const { fb, shown } = frameBuffer();
    const layer = new SatelliteLayer();
    fb.simTimeMs = T0 + 15_000;
    layer.update(fb, shown, 'onboard', null, 1);
    expect(layer.drawnCount).toBe(N);
    expect(uniforms(layer)['uU']!.value).toBe(0.25);
    expect(uniforms(layer)['uH']!.value).toBe(60);
    const frame1 = tex(layer, 'uPos1');
    const v0 = versions(layer);
    const p1Data = Array.from((frame1.image.data as Float32Array).subarray(0, 3));
    expect(p1Data).toEqual(Array.from(fb.keyframes[0]!.positionsKm.subarray(9, 12)));

    fb.simTimeMs = T0 + 45_000; // same pair: no upload
    layer.update(fb, shown, 'onboard', null, 1);
    expect(versions(layer)).toEqual(v0);

    const frame0 = tex(layer, 'uPos0');
    fb.simTimeMs = T0 + 75_000; // pair (1, 2): frame 1 stays where it is and becomes p0; frame 2 is loaded once
    layer.update(fb, shown, 'onboard', null, 1);
    expect(tex(layer, 'uPos0')).toBe(frame1);
    expect(tex(layer, 'uPos0').version).toBe(v0[2]);
    expect(tex(layer, 'uPos1')).not.toBe(frame0); // the third slot (frame 0 is kept: it may come back)
    expect(tex(layer, 'uPos1').version).toBe(v0[0]); // created + one upload, as frame 0's

    fb.simTimeMs = T0 + 190_000; // across the block boundary: pair (3, 4) = block 1 frames 0 and 1
    layer.update(fb, shown, 'onboard', null, 1);
    expect(Array.from((tex(layer, 'uPos0').image.data as Float32Array).subarray(0, 3))).toEqual(Array.from(fb.keyframes[1]!.positionsKm.subarray(0, 3)));
    expect(uniforms(layer)['uU']!.value).toBeCloseTo(1 / 6, 12);
  });

  it('uploads the state row when the step or the mode changes, not otherwise', () => {
    const { fb, shown } = frameBuffer();
    const layer = new SatelliteLayer();
    fb.simTimeMs = T0 + 70_000; // step 1
    layer.update(fb, shown, 'onboard', 2, 1);
    const state = uniforms(layer)['uState']!.value as THREE.DataTexture;
    expect(Array.from(state.image.data as Uint8Array)).toEqual([3, 4, 5]);
    const v = state.version;
    fb.simTimeMs = T0 + 100_000;
    layer.update(fb, shown, 'onboard', 2, 1);
    expect(state.version).toBe(v);
    layer.update(fb, shown, 'ground', 2, 1);
    expect(Array.from(state.image.data as Uint8Array)).toEqual([4, 5, 0]);
    expect(state.version).toBe(v + 1);
    fb.simTimeMs = T0 + 130_000; // step 2
    layer.update(fb, shown, 'ground', 2, 1);
    expect(Array.from(state.image.data as Uint8Array)).toEqual([3, 3, 3]);
    expect(uniforms(layer)['uSelected']!.value).toBe(2);
  });

  it('draws nothing without keyframes, or with keyframes of another satellite count than the run', () => {
    const { fb, shown } = frameBuffer();
    const layer = new SatelliteLayer();
    fb.keyframes = [];
    layer.update(fb, shown, 'onboard', null, 1);
    expect(layer.drawnCount).toBe(0);
    fb.keyframes = [circularBlock(N + 1, T0, T0, 60, 3)];
    fb.version++;
    layer.update(fb, shown, 'onboard', null, 1);
    expect(layer.drawnCount).toBe(0);
    fb.keyframes = [circularBlock(N, T0, T0, 60, 3)];
    fb.version++;
    layer.update(fb, shown, 'onboard', null, 1);
    expect(layer.drawnCount).toBe(N);
    expect(layer.points.geometry.drawRange.count).toBe(N);
  });

  it('with a row uploader, streams the next keyframe ahead in bands and binds it without a full upload', () => {
    const n = 3 * 4096; // three texture rows
    const fb: FrameBuffer = { simTimeMs: T0, version: 1, route: null, keyframes: [circularBlock(n, T0, T0, 60, 5)] };
    const shown = NOTHING_SHOWN;
    const layer = new SatelliteLayer();
    const bands: [number, number, number][] = [];
    const ids = new Map<THREE.DataTexture, number>();
    layer.uploader = (t, y0, rows) => bands.push([ids.get(t) ?? ids.set(t, ids.size).size - 1, y0, rows]);
    layer.prefetchBytesPerFrame = 4096 * 24; // one row of position + velocity a frame
    layer.update(fb, shown, 'onboard', null, 1); // pair (0, 1) loaded whole; frame 2 starts streaming: row 0
    const whole = versions(layer);
    layer.update(fb, shown, 'onboard', null, 1); // row 1
    expect(bands.map(([, y0, rows]) => [y0, rows])).toEqual([
      [0, 1],
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
    fb.simTimeMs = T0 + 61_000; // pair (1, 2): frame 2 finishes (row 2) instead of a full upload
    layer.update(fb, shown, 'onboard', null, 1);
    expect(bands.slice(4, 6).map(([, y0, rows]) => [y0, rows])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    const p1 = tex(layer, 'uPos1');
    expect(p1.version).toBe(1); // never uploaded whole by three
    expect(versions(layer)[0]).toBe(whole[2]); // frame 1 kept its slot
    // The streamed texture holds frame 2 exactly.
    const f2 = fb.keyframes[0]!.positionsKm.subarray(2 * n * 3, 3 * n * 3);
    expect((p1.image.data as Float32Array).subarray(0, n * 3)).toEqual(f2);
    // Then frame 3 streams into the slot frame 0 left.
    expect(bands.slice(6).map(([, y0, rows]) => [y0, rows])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('sizes points by constellation size', () => {
    expect([12, 2800, 10_313, 100_000, 1_000_000].map(baseSizePx)).toEqual([9, 4, 4, 2.5, 1.5]);
  });
});
