// Main-thread time per frame of the 3D view as User Timing entries: mark 'ocsim-frame-start' before the
// first useFrame callback, measure 'ocsim-frame' after three.js has rendered (browser tests read these).
// DOM performance API only.

export const FRAME_START_MARK = 'ocsim-frame-start';
export const FRAME_MEASURE = 'ocsim-frame';
/** Measures kept before the timeline is cleared (≈ 1 min at 60 fps; bounds memory over long sessions). */
export const FRAME_MEASURES_KEPT = 3600;
/** User Timing measure of one GPU pick (render of the id pass around the pointer + read-back), for the benchmark. */
export const PICK_MEASURE = 'ocsim-pick';

/** Runs `pick` and records its main-thread time as a PICK_MEASURE entry. */
export function timedPick<T>(pick: () => T): T {
  const t0 = performance.now();
  try {
    return pick();
  } finally {
    performance.measure(PICK_MEASURE, { start: t0, end: performance.now() });
  }
}

export class FrameTimer {
  private started = false;
  private kept = 0;

  start(): void {
    performance.mark(FRAME_START_MARK);
    this.started = true;
  }

  /** Ends the frame: one 'ocsim-frame' measure (duration = main-thread ms from start to after render). */
  end(): void {
    if (!this.started) return;
    this.started = false;
    performance.measure(FRAME_MEASURE, FRAME_START_MARK);
    performance.clearMarks(FRAME_START_MARK);
    if (++this.kept >= FRAME_MEASURES_KEPT) {
      performance.clearMeasures(FRAME_MEASURE);
      this.kept = 0;
    }
  }
}
