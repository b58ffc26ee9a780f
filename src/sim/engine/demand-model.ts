// The data-aware schedulers' view of the data waiting onboard (links/scheduler.ts DemandModel), from the geometry
// stage alone: bytes captured per satellite-step (spread evenly over the step) and each window's link rate profile
// (downlink-capacity.ts). Mode-independent, so the schedule stays one stage shared by every mode. Cursors per
// satellite answer the schedulers' time-ordered queries in O(1) amortised (a query back in time restarts the cursor).
// Pure.
import type { LinkBudgetParams } from '../links/link-budget.ts';
import type { DemandModel } from '../links/scheduler.ts';
import { capacityBytes, windowProfile, type RateProfile } from './downlink-capacity.ts';
import type { GeometryOutput } from './geometry-stage.ts';

/** A cursor over one satellite's steps: step index and bytes captured before it. */
class StepCursor {
  readonly step: Int32Array;
  readonly before: Float64Array;
  constructor(satCount: number) {
    this.step = new Int32Array(satCount);
    this.before = new Float64Array(satCount);
  }
  reset(s: number): void {
    this.step[s] = 0;
    this.before[s] = 0;
  }
}

export class GeometryDemand implements DemandModel {
  private readonly K: number;
  private readonly toTime: StepCursor;
  private readonly toBytes: StepCursor;
  private readonly profiles = new Map<number, RateProfile>();

  constructor(
    private readonly geo: GeometryOutput,
    private readonly startMs: number,
    private readonly stepMs: number,
    private readonly link: LinkBudgetParams,
  ) {
    this.K = geo.stepCount;
    const n = geo.meanAltitudeKm.length;
    this.toTime = new StepCursor(n);
    this.toBytes = new StepCursor(n);
  }

  capturedToMs(s: number, tMs: number): number {
    const c = this.toTime;
    const bytes = this.geo.captureBytes;
    const base = s * this.K;
    if (tMs < this.startMs + c.step[s]! * this.stepMs) c.reset(s);
    let k = c.step[s]!;
    let before = c.before[s]!;
    while (k < this.K && this.startMs + (k + 1) * this.stepMs <= tMs) before += bytes[base + k++]!;
    c.step[s] = k;
    c.before[s] = before;
    if (k >= this.K) return before;
    const f = (tMs - (this.startMs + k * this.stepMs)) / this.stepMs;
    return before + bytes[base + k]! * Math.max(0, f);
  }

  captureTimeMs(s: number, cumBytes: number): number {
    const c = this.toBytes;
    const bytes = this.geo.captureBytes;
    const base = s * this.K;
    if (cumBytes < c.before[s]!) c.reset(s);
    let k = c.step[s]!;
    let before = c.before[s]!;
    while (k < this.K && before + bytes[base + k]! <= cumBytes) before += bytes[base + k++]!;
    c.step[s] = k;
    c.before[s] = before;
    if (k >= this.K) return this.startMs + this.K * this.stepMs;
    return this.startMs + (k + (cumBytes - before) / bytes[base + k]!) * this.stepMs;
  }

  capacityBytes(w: number, aMs: number, bMs: number): number {
    const win = this.geo.windows[w]!;
    const a = Math.max(aMs, win.aosMs);
    const b = Math.min(bMs, win.losMs);
    if (!(b > a)) return 0;
    let p = this.profiles.get(w);
    if (!p) {
      const st = this.geo.stations;
      p = windowProfile(win, this.geo.ranges, st.count, st.minElevationDeg, this.geo.meanAltitudeKm, this.link, st.maxRangeKm);
      this.profiles.set(w, p);
    }
    return capacityBytes(p, a, b);
  }
}
