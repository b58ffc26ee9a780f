// The satellites as ONE THREE.Points draw call: keyframe textures uploaded only when the bracketing pair
// changes, a state texture uploaded when the step or mode changes, Hermite interpolation in the vertex
// shader. Also the picking twin (same geometry and textures, id material). No React; reads a FrameBuffer.
import * as THREE from 'three';
import type { FrameBuffer } from '../frame-buffer.ts';
import { timelineStep, type Shown } from '../shown.ts';
import { KeyframeIndex, type KeyframePair } from './keyframe-index.ts';
import { UNITS_PER_KM } from './scene-units.ts';
import { SATELLITE_FRAGMENT, SATELLITE_ID_FRAGMENT, SATELLITE_VERTEX } from './satellite-shaders.ts';
import type { RowUploader } from './row-upload.ts';
import { copyKeyframe, copyStateRow, textureLayout } from './texture-layout.ts';

/**
 * Bytes of the next keyframe uploaded ahead per frame (position + velocity rows), when a RowUploader is set.
 * Assumption: 4 MB a frame is ≈ 1 ms of copying; 10⁶ satellites (24 MB a keyframe) stream in 6 frames, so at
 * 60 fps keyframes 60 s apart keep up to ≈ 600× playback without a full upload.
 */
export const PREFETCH_BYTES_PER_FRAME = 4 * 2 ** 20;

/** Upload time of one prefetch band above which the next band is halved, ms (assumption: half the 4 ms frame budget). */
export const PREFETCH_BAND_MAX_MS = 2;

/** Minimum point size in the picking pass, CSS px (so a click within ~4 px of a satellite hits it). */
export const PICK_MIN_SIZE_PX = 9;

/** Base point size by constellation size, CSS px (assumption: readable for 12, uncluttered for 10⁴–10⁶). */
export function baseSizePx(satCount: number): number {
  return satCount <= 100 ? 9 : satCount <= 2000 ? 6 : satCount <= 20_000 ? 4 : satCount <= 200_000 ? 2.5 : 1.5;
}

interface Slot {
  frame: number;
  /** Time of the frame held, ms (kept across rebuilds: a window that gains or drops blocks re-finds it). */
  timeMs: number;
  /** Texture rows of `frame` on the GPU (all of them once loaded; fewer while the frame is prefetched). */
  rows: number;
  pos: THREE.DataTexture;
  vel: THREE.DataTexture;
}

function floatTexture(width: number, height: number): THREE.DataTexture {
  const t = new THREE.DataTexture(new Float32Array(width * height * 3), width, height, THREE.RGBFormat, THREE.FloatType);
  t.internalFormat = 'RGB32F'; // three maps RGB+Float to no sized format by itself
  t.minFilter = t.magFilter = THREE.NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

function stateTexture(width: number, height: number): THREE.DataTexture {
  const t = new THREE.DataTexture(new Uint8Array(width * height), width, height, THREE.RedFormat, THREE.UnsignedByteType);
  t.minFilter = t.magFilter = THREE.NearestFilter;
  t.generateMipmaps = false;
  t.unpackAlignment = 1;
  t.needsUpdate = true;
  return t;
}

export class SatelliteLayer {
  readonly points: THREE.Points;
  readonly idPoints: THREE.Points;
  /** Satellites drawn by the last update (0 = nothing to draw: no run or no keyframes yet). */
  drawnCount = 0;
  readonly index = new KeyframeIndex();
  readonly pair: KeyframePair = { k0: -1, k1: -1, u: 0, hS: 1 };
  private readonly geometry = new THREE.BufferGeometry();
  private readonly material: THREE.ShaderMaterial;
  private readonly idMaterial: THREE.ShaderMaterial;
  /** Two slots hold the bracketing pair; the third receives the next keyframe ahead, a band of rows per frame. */
  private slots: Slot[];
  /** Set by the scene (needs the renderer); without it there is no prefetch and keyframes upload whole. */
  uploader: RowUploader | null = null;
  /** Bytes of the next keyframe streamed per frame, at most (PREFETCH_BYTES_PER_FRAME; tests shrink it). */
  prefetchBytesPerFrame = PREFETCH_BYTES_PER_FRAME;
  /**
   * Wall clock for the adaptive band (null: fixed bands). A band that takes longer than PREFETCH_BAND_MAX_MS to
   * upload (the GPU process is behind, e.g. SwiftShader rasterising 10⁶ points) halves the next band; a fast
   * one doubles it, up to prefetchBytesPerFrame. Starts at one row (slow start), so a GPU that is behind never gets
   * a large band.
   */
  clockMs: (() => number) | null = null;
  private bandRows = 1;
  private lastTimeMs = NaN;
  private texHeight = 1;
  private state: THREE.DataTexture;
  private satCount = -1;
  private shown: Shown | null = null;
  private version = -1;
  private stateStep = -1;
  private stateMode = '';
  private readonly u = {
    uPos0: { value: null as THREE.Texture | null },
    uVel0: { value: null as THREE.Texture | null },
    uPos1: { value: null as THREE.Texture | null },
    uVel1: { value: null as THREE.Texture | null },
    uState: { value: null as THREE.Texture | null },
    uTexWidth: { value: 1 },
    uU: { value: 0 },
    uH: { value: 1 },
    uUnitsPerKm: { value: UNITS_PER_KM },
    uSelected: { value: -1 },
    uBaseSizePx: { value: 6 },
  };

  /**
   * The keyframe uniforms (textures, interpolation fraction, scale) as live objects, for other materials that place
   * satellites with KEYFRAME_GLSL (isl-layer.ts): they see every texture swap and `uU` change of this layer.
   */
  get keyframeUniforms(): Record<'uPos0' | 'uVel0' | 'uPos1' | 'uVel1' | 'uTexWidth' | 'uU' | 'uH' | 'uUnitsPerKm', THREE.IUniform> {
    const { uPos0, uVel0, uPos1, uVel1, uTexWidth, uU, uH, uUnitsPerKm } = this.u;
    return { uPos0, uVel0, uPos1, uVel1, uTexWidth, uU, uH, uUnitsPerKm };
  }

  constructor() {
    this.slots = [this.makeSlot(1, 1), this.makeSlot(1, 1), this.makeSlot(1, 1)];
    this.state = stateTexture(1, 1);
    this.u.uState.value = this.state;
    this.material = new THREE.ShaderMaterial({
      vertexShader: SATELLITE_VERTEX,
      fragmentShader: SATELLITE_FRAGMENT,
      uniforms: { ...this.u, uMinSizePx: { value: 0 }, uPixelRatio: { value: 1 } },
    });
    this.idMaterial = new THREE.ShaderMaterial({
      vertexShader: SATELLITE_VERTEX,
      fragmentShader: SATELLITE_ID_FRAGMENT,
      uniforms: { ...this.u, uMinSizePx: { value: PICK_MIN_SIZE_PX }, uPixelRatio: { value: 1 } },
    });
    this.geometry.setDrawRange(0, 0);
    this.points = new THREE.Points(this.geometry, this.material);
    this.idPoints = new THREE.Points(this.geometry, this.idMaterial);
    for (const p of [this.points, this.idPoints]) {
      p.frustumCulled = false; // the vertex shader moves the points; there is no CPU bounding sphere
      p.name = 'satellites';
    }
  }

  /** Per frame: uploads what changed (typed-array copies only), sets the interpolation uniforms. */
  update(fb: FrameBuffer, shown: Shown, mode: string, selectedSat: number | null, pixelRatio: number): void {
    if (fb.version !== this.version || shown !== this.shown) this.rebuild(fb, shown);
    this.material.uniforms['uPixelRatio']!.value = pixelRatio;
    this.u.uSelected.value = selectedSat ?? -1;
    const n = this.index.satCount;
    this.index.locate(fb.simTimeMs, this.pair);
    if (this.pair.k0 < 0 || n === 0) {
      this.drawnCount = 0;
      this.geometry.setDrawRange(0, 0);
      return;
    }
    this.bindPair(this.pair.k0, this.pair.k1);
    this.prefetch(fb.simTimeMs);
    this.u.uU.value = this.pair.u;
    this.u.uH.value = this.pair.hS;
    const step = timelineStep(shown, fb.simTimeMs);
    if (step !== this.stateStep || mode !== this.stateMode) {
      const tl = shown.kind === 'run' ? shown.result.timeline : undefined;
      copyStateRow(tl && tl.satCount === n ? tl.modes[mode]?.state : undefined, step, n, this.state.image.data as Uint8Array);
      this.state.needsUpdate = true;
      this.stateStep = step;
      this.stateMode = mode;
    }
    this.geometry.setDrawRange(0, n);
    this.drawnCount = n;
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
    this.idMaterial.dispose();
    this.state.dispose();
    for (const s of this.slots) {
      s.pos.dispose();
      s.vel.dispose();
    }
  }

  /**
   * New run or keyframes: re-index, resize textures if the satellite count changed, forget loaded frames. An orbit
   * view's keyframes are a window: outside it nothing is drawn (strict index).
   */
  private rebuild(fb: FrameBuffer, shown: Shown): void {
    this.version = fb.version;
    const runSats = shown.kind === 'run' ? shown.result.satellites.length : undefined;
    this.index.rebuild(fb.keyframes.filter((b) => runSats === undefined || b.satCount === runSats));
    this.index.strict = shown.kind === 'orbits';
    const n = this.index.satCount;
    const sameRun = n === this.satCount && shown === this.shown;
    if (n !== this.satCount) this.resize(n);
    this.shown = shown;
    // Same run, more or fewer blocks: a slot keeps its upload if its frame is still there (no 2 × 24 MB re-upload
    // for 10⁶ satellites each time the window moves).
    for (const s of this.slots) s.frame = sameRun && s.frame >= 0 ? this.index.frameAt(s.timeMs) : -1;
    this.lastTimeMs = NaN;
    this.stateStep = -1;
    this.u.uBaseSizePx.value = baseSizePx(n);
  }

  private resize(n: number): void {
    this.satCount = n;
    const { width, height } = textureLayout(n);
    for (const s of this.slots) {
      s.pos.dispose();
      s.vel.dispose();
    }
    this.slots = [this.makeSlot(width, height), this.makeSlot(width, height), this.makeSlot(width, height)];
    this.texHeight = height;
    this.state.dispose();
    this.state = stateTexture(width, height);
    this.u.uState.value = this.state;
    this.u.uTexWidth.value = width;
    const indices = new Float32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
    this.geometry.setAttribute('aSatIndex', new THREE.BufferAttribute(indices, 1));
  }

  private makeSlot(width: number, height: number): Slot {
    return { frame: -1, timeMs: NaN, rows: 0, pos: floatTexture(width, height), vel: floatTexture(width, height) };
  }

  /** Makes sure two slots hold frames k0 and k1 (loading at most the missing ones, finishing a prefetch) and binds them. */
  private bindPair(k0: number, k1: number): void {
    const s0 = this.ensure(k0, -1);
    const s1 = k1 === k0 ? s0 : this.ensure(k1, s0);
    const a = this.slots[s0]!;
    const b = this.slots[s1]!;
    this.u.uPos0.value = a.pos;
    this.u.uVel0.value = a.vel;
    this.u.uPos1.value = b.pos;
    this.u.uVel1.value = b.vel;
  }

  /** Slot holding frame k in full (finishing its prefetch, or loading it into a slot other than `keep`). */
  private ensure(k: number, keep: number): number {
    const i = this.slots.findIndex((s) => s.frame === k);
    if (i >= 0) {
      const s = this.slots[i]!;
      if (s.rows < this.texHeight) this.uploadRows(s, this.texHeight - s.rows);
      return i;
    }
    // Load into an empty slot, else the one whose frame is furthest from k (never `keep`, the pair's other half).
    let best = -1;
    let bestDistance = -1;
    this.slots.forEach((s, j) => {
      const distance = s.frame < 0 ? Infinity : Math.abs(s.frame - k);
      if (j !== keep && distance > bestDistance) [best, bestDistance] = [j, distance];
    });
    this.load(best, k);
    return best;
  }

  /** Streams the keyframe after the pair (before it when time runs backwards) into the free slot, a band per frame. */
  private prefetch(timeMs: number): void {
    const backwards = timeMs < this.lastTimeMs;
    this.lastTimeMs = timeMs;
    if (!this.uploader) return;
    const next = backwards ? this.pair.k0 - 1 : this.pair.k1 + 1;
    if (next < 0 || next >= this.index.count) return;
    const free = this.slots.find((s) => s.frame !== this.pair.k0 && s.frame !== this.pair.k1);
    if (!free) return;
    if (free.frame !== next) {
      free.frame = next;
      free.timeMs = this.index.timesMs[next]!;
      free.rows = 0;
    }
    const rowBytes = this.u.uTexWidth.value * 3 * 4 * 2;
    const maxRows = Math.max(1, Math.floor(this.prefetchBytesPerFrame / rowBytes));
    const rows = this.clockMs ? Math.min(maxRows, this.bandRows) : maxRows;
    const t0 = this.clockMs?.() ?? 0;
    this.uploadRows(free, rows);
    if (!this.clockMs) return;
    const ms = this.clockMs() - t0;
    this.bandRows = ms > PREFETCH_BAND_MAX_MS ? Math.max(1, rows >> 1) : ms < PREFETCH_BAND_MAX_MS / 4 ? Math.min(maxRows, rows * 2) : rows;
  }

  /** Copies and uploads the next `rows` rows of a slot's frame (all at once through three without an uploader). */
  private uploadRows(s: Slot, rows: number): void {
    const y0 = s.rows;
    const y1 = Math.min(this.texHeight, y0 + rows);
    if (!this.uploader || (y0 === 0 && y1 === this.texHeight)) {
      this.load(this.slots.indexOf(s), s.frame);
      return;
    }
    const k = s.frame;
    const block = this.index.blocks[this.index.block[k]!]!;
    const n3 = block.satCount * 3;
    const from = this.index.offset[k]! * n3;
    const a = Math.min(n3, y0 * this.u.uTexWidth.value * 3);
    const b = Math.min(n3, y1 * this.u.uTexWidth.value * 3);
    (s.pos.image.data as Float32Array).set(block.positionsKm.subarray(from + a, from + b), a);
    (s.vel.image.data as Float32Array).set(block.velocitiesKmS.subarray(from + a, from + b), a);
    this.uploader(s.pos, y0, y1 - y0);
    this.uploader(s.vel, y0, y1 - y0);
    s.rows = y1;
  }

  private load(slot: number, k: number): void {
    const s = this.slots[slot]!;
    const block = this.index.blocks[this.index.block[k]!]!;
    copyKeyframe(block, this.index.offset[k]!, s.pos.image.data as Float32Array, s.vel.image.data as Float32Array);
    s.pos.needsUpdate = true;
    s.vel.needsUpdate = true;
    s.frame = k;
    s.timeMs = this.index.timesMs[k]!;
    s.rows = this.texHeight;
  }
}
