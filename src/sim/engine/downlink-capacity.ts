// Link capacity of each downlink session over time: the link rate follows the slant range sampled at
// grid steps during the contact (range at the mask elevation, or the range limit, at AOS/LOS), and capacity over an
// interval is the trapezoid integral of rate. Pure.
import { linkRateBps, slantRangeKm, type LinkBudgetParams } from '../links/link-budget.ts';
import type { DownlinkSession } from '../links/scheduler.ts';
import type { RangeTrack } from './geometry-pass.ts';
import type { ContactRecord } from './result-types.ts';
import type { DownlinkSegment } from './mode-step.ts';

/** Rate breakpoints of one session: `timesMs[i]`, `rateBps[i]`, rate linear in between. */
export interface RateProfile {
  timesMs: Float64Array;
  rateBps: Float64Array;
}

export function sessionProfiles(
  sessions: readonly DownlinkSession[],
  windows: readonly ContactRecord[],
  ranges: ReadonlyMap<number, RangeTrack>,
  stationCount: number,
  minElevationDeg: ArrayLike<number>,
  meanAltitudeKm: ArrayLike<number>,
  link: LinkBudgetParams,
  maxRangeKm?: ArrayLike<number>,
): RateProfile[] {
  return sessions.map((ses) => windowProfile(windows[ses.windowIndex]!, ranges, stationCount, minElevationDeg, meanAltitudeKm, link, maxRangeKm));
}

/** The rate profile of a whole contact window (a session uses the part of it between its start and end). */
export function windowProfile(
  w: ContactRecord,
  ranges: ReadonlyMap<number, RangeTrack>,
  stationCount: number,
  minElevationDeg: ArrayLike<number>,
  meanAltitudeKm: ArrayLike<number>,
  link: LinkBudgetParams,
  maxRangeKm?: ArrayLike<number>,
): RateProfile {
  // At AOS/LOS the satellite is at the mask, or at the station's range limit when that binds first.
  const edgeKm = Math.min(slantRangeKm(meanAltitudeKm[w.satIndex]!, minElevationDeg[w.stationIndex]!), maxRangeKm?.[w.stationIndex] ?? Infinity);
  const edgeRate = linkRateBps(link, edgeKm);
  const track = ranges.get(w.satIndex * stationCount + w.stationIndex);
  const times: number[] = [w.aosMs];
  const rates: number[] = [edgeRate];
  if (track) {
    for (let i = 0; i < track.timesMs.length; i++) {
      const t = track.timesMs[i]!;
      if (t > w.aosMs && t < w.losMs) {
        times.push(t);
        rates.push(linkRateBps(link, track.rangeKm[i]!));
      }
    }
  }
  times.push(w.losMs);
  rates.push(edgeRate);
  return { timesMs: Float64Array.from(times), rateBps: Float64Array.from(rates) };
}

function rateAt(p: RateProfile, tMs: number): number {
  const t = p.timesMs;
  if (tMs <= t[0]!) return p.rateBps[0]!;
  const last = t.length - 1;
  if (tMs >= t[last]!) return p.rateBps[last]!;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= tMs) lo = mid;
    else hi = mid;
  }
  const f = (tMs - t[lo]!) / (t[hi]! - t[lo]!);
  return p.rateBps[lo]! + f * (p.rateBps[hi]! - p.rateBps[lo]!);
}

/** Bytes the link carries during [aMs, bMs]: ∫ rate dt / 8 (exact for the piecewise-linear rate). */
export function capacityBytes(p: RateProfile, aMs: number, bMs: number): number {
  if (bMs <= aMs) return 0;
  let bits = 0;
  let prevT = aMs;
  let prevR = rateAt(p, aMs);
  for (let i = 0; i < p.timesMs.length; i++) {
    const t = p.timesMs[i]!;
    if (t <= aMs) continue;
    if (t >= bMs) break;
    const r = p.rateBps[i]!;
    bits += ((prevR + r) / 2) * ((t - prevT) / 1000);
    prevT = t;
    prevR = r;
  }
  const rb = rateAt(p, bMs);
  bits += ((prevR + rb) / 2) * ((bMs - prevT) / 1000);
  return bits / 8;
}

/**
 * Per-satellite cursor over its sessions (sorted by start), producing the segments inside each step. Without
 * rate profiles (the routing stage only asks which satellites are in session) every capacity is 0.
 */
export class SegmentCursor {
  private readonly bySat: number[][];
  private readonly next: Int32Array;

  constructor(
    private readonly sessions: readonly DownlinkSession[],
    private readonly profiles: readonly RateProfile[] | null,
    satCount: number,
  ) {
    this.bySat = Array.from({ length: satCount }, () => []);
    sessions.forEach((s, i) => this.bySat[s.satIndex]!.push(i));
    this.next = new Int32Array(satCount);
  }

  /** Segments of satellite `s` inside [t0Ms, t1Ms]; call with increasing steps. */
  segments(s: number, t0Ms: number, t1Ms: number, out: DownlinkSegment[]): DownlinkSegment[] {
    out.length = 0;
    const list = this.bySat[s]!;
    let i = this.next[s]!;
    while (i < list.length && this.sessions[list[i]!]!.endMs <= t0Ms) i++;
    this.next[s] = i;
    for (let m = i; m < list.length; m++) {
      const idx = list[m]!;
      const ses = this.sessions[idx]!;
      if (ses.startMs >= t1Ms) break;
      const a = Math.max(t0Ms, ses.startMs);
      const b = Math.min(t1Ms, ses.endMs);
      if (b <= a) continue;
      out.push({
        sessionIndex: idx,
        stationIndex: ses.stationIndex,
        startMs: a,
        endMs: b,
        capacityBytes: this.profiles ? capacityBytes(this.profiles[idx]!, a, b) : 0,
      });
    }
    return out;
  }
}
