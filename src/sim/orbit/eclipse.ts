// Eclipse intervals and sunlit share from the shadow fraction of propagated samples.
// Pure; imports only orbit/ types. The shadow model itself is satellite.js's (see the doc).

/** An interval in the Earth's shadow, with entry and exit where the shadow fraction crosses 0.5. */
export interface EclipseInterval {
  /** Entry time, ms since Unix epoch (UTC). */
  entryMs: number;
  /** Exit time, ms since Unix epoch (UTC). */
  exitMs: number;
  /** True when the series starts in shadow (entry = first sample time). */
  partialStart: boolean;
  /** True when the series ends in shadow (exit = last sample time). */
  partialEnd: boolean;
}

/**
 * Shadow fraction at which we place entry and exit: half the Sun's disc hidden, i.e. the Sun's
 * centre on the Earth's limb (the same event as Skyfield's `is_sunlit`, a line-of-sight test).
 */
export const ECLIPSE_THRESHOLD = 0.5;

function crossingMs(t0: number, f0: number, t1: number, f1: number): number {
  return t0 + ((ECLIPSE_THRESHOLD - f0) / (f1 - f0)) * (t1 - t0);
}

/**
 * Eclipse intervals of one satellite from `count` samples: times `timesMs[k]` and shadow
 * fractions `shadow[offset + k]`. Crossings are placed by linear interpolation of the fraction
 * between samples (penumbra lasts ≈ 8–20 s at 500 km, so use steps ≤ 10 s for ±1 s accuracy).
 * Non-finite samples are skipped.
 */
export function findEclipses(timesMs: ArrayLike<number>, shadow: ArrayLike<number>, offset: number, count: number): EclipseInterval[] {
  const out: EclipseInterval[] = [];
  let open: EclipseInterval | undefined;
  let prevT = NaN;
  let prevF = NaN;
  for (let k = 0; k < count; k++) {
    const t = timesMs[k]!;
    const f = shadow[offset + k]!;
    if (!Number.isFinite(f)) continue;
    const dark = f >= ECLIPSE_THRESHOLD;
    if (Number.isNaN(prevF)) {
      if (dark) open = { entryMs: t, exitMs: NaN, partialStart: true, partialEnd: false };
    } else if (dark && prevF < ECLIPSE_THRESHOLD) {
      open = { entryMs: crossingMs(prevT, prevF, t, f), exitMs: NaN, partialStart: false, partialEnd: false };
    } else if (!dark && prevF >= ECLIPSE_THRESHOLD && open) {
      open.exitMs = crossingMs(prevT, prevF, t, f);
      out.push(open);
      open = undefined;
    }
    prevT = t;
    prevF = f;
  }
  if (open) {
    open.exitMs = prevT;
    open.partialEnd = true;
    out.push(open);
  }
  return out;
}

/** Time-average of (1 − shadow fraction) over the finite samples `shadow[offset .. offset+count)`. */
export function sunlitShare(shadow: ArrayLike<number>, offset: number, count: number): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < count; k++) {
    const f = shadow[offset + k]!;
    if (!Number.isFinite(f)) continue;
    sum += 1 - f;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
