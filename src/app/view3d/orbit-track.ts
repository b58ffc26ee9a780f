// Samples the selected satellite's track (± one orbital period, Earth-fixed) from the keyframes with the
// shader's Hermite formula, into preallocated line-segment buffers. Pure; must not import three or React.
import type { KeyframeIndex, KeyframePair } from './keyframe-index.ts';
import { UNITS_PER_KM } from './scene-units.ts';

/** Samples along a track (assumption: 480 over two ~95-min periods ≈ one every 24 s, smooth at any zoom). */
export const TRACK_SAMPLES = 480;
/** Brightness of the past half of the track relative to the future half. */
export const TRACK_PAST_FADE = 0.4;

const a = new Float64Array(3);
const b = new Float64Array(3);
const pair: KeyframePair = { k0: -1, k1: -1, u: 0, hS: 1 };

/**
 * Writes `samples − 1` segments of satellite `sat`'s positions from `fromMs` to `toMs` (clamped to the
 * keyframes) into `positions` (6 floats per segment, scene units) and `fade` (2 per segment: 1 after
 * `nowMs`, TRACK_PAST_FADE before). A segment with an end missing (lost) is written at the origin (hidden
 * inside the globe). Returns the number of segments written (0 without keyframes).
 */
export function writeTrack(
  index: KeyframeIndex,
  sat: number,
  fromMs: number,
  toMs: number,
  nowMs: number,
  samples: number,
  positions: Float32Array,
  fade: Float32Array,
): number {
  if (index.count === 0 || samples < 2) return 0;
  const t0 = Math.max(fromMs, index.timesMs[0]!);
  const t1 = Math.min(toMs, index.timesMs[index.count - 1]!);
  if (!(t1 > t0)) return 0;
  const dt = (t1 - t0) / (samples - 1);
  let okPrev = index.positionKm(sat, t0, a, pair);
  for (let i = 1; i < samples; i++) {
    const t = t0 + i * dt;
    const ok = index.positionKm(sat, t, b, pair);
    const o = (i - 1) * 6;
    const both = ok && okPrev;
    for (let k = 0; k < 3; k++) {
      positions[o + k] = both ? a[k]! * UNITS_PER_KM : 0;
      positions[o + 3 + k] = both ? b[k]! * UNITS_PER_KM : 0;
    }
    const f = t <= nowMs ? TRACK_PAST_FADE : 1;
    fade[(i - 1) * 2] = f;
    fade[(i - 1) * 2 + 1] = f;
    a.set(b);
    okPrev = ok;
  }
  return samples - 1;
}
