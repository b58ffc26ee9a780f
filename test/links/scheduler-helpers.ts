// Test helpers for the antenna schedulers: a demand model with constant rates, and random instances.
import fc from 'fast-check';
import { BacklogTracker } from '../../src/sim/links/backlog-tracker.ts';
import type { DemandModel, DownlinkSession, WindowLike } from '../../src/sim/links/scheduler.ts';

/** Window at (satellite, station) from aosS to losS, in seconds. */
export const win = (satIndex: number, stationIndex: number, aosS: number, losS: number, maxElevationDeg = 45): WindowLike => ({
  satIndex,
  stationIndex,
  aosMs: aosS * 1000,
  losMs: losS * 1000,
  maxElevationDeg,
});

/** Satellite s captures captureBps[s] bytes/s from t = 0; every link carries linkBps bytes/s inside its window. */
export function constantDemand(windows: readonly WindowLike[], captureBps: readonly number[], linkBps: number): DemandModel {
  return {
    capturedToMs: (s, tMs) => (captureBps[s]! * Math.max(0, tMs)) / 1000,
    captureTimeMs: (s, bytes) => (captureBps[s]! > 0 ? (bytes / captureBps[s]!) * 1000 : Infinity),
    capacityBytes: (w, aMs, bMs) => {
      const a = Math.max(aMs, windows[w]!.aosMs);
      const b = Math.min(bMs, windows[w]!.losMs);
      return b > a ? (linkBps * (b - a)) / 1000 : 0;
    },
  };
}

export interface Instance {
  windows: WindowLike[];
  antennas: number[];
  satCount: number;
  captureBps: number[];
  linkBps: number;
  acquisitionS: number;
}

/** 1–6 satellites, 1–3 stations of 1–2 antennas, windows of 1–15 min in 2 h (one pass at a time per pair). */
export const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    satCount: fc.integer({ min: 1, max: 6 }),
    antennas: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
    passes: fc.array(fc.record({ sat: fc.nat(), station: fc.nat(), aosS: fc.integer({ min: 0, max: 7200 }), durS: fc.integer({ min: 60, max: 900 }) }), {
      maxLength: 30,
    }),
    captureBps: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
    linkBps: fc.integer({ min: 1, max: 5000 }),
    acquisitionS: fc.integer({ min: 0, max: 60 }),
  })
  .map((r) => {
    const windows: WindowLike[] = [];
    for (const p of r.passes) {
      const w = win(p.sat % r.satCount, p.station % r.antennas.length, p.aosS, p.aosS + p.durS, 10 + (p.aosS % 80));
      const clash = windows.some((o) => o.satIndex === w.satIndex && o.stationIndex === w.stationIndex && o.aosMs < w.losMs && w.aosMs < o.losMs);
      if (!clash) windows.push(w);
    }
    windows.sort((a, b) => a.aosMs - b.aosMs || a.satIndex - b.satIndex || a.stationIndex - b.stationIndex);
    return { windows, antennas: r.antennas, satCount: r.satCount, captureBps: r.captureBps, linkBps: r.linkBps, acquisitionS: r.acquisitionS };
  });

/** Bytes the sessions carry under the bent-pipe estimate (each satellite sends at most what it has captured). */
export function bentPipeBytes(sessions: readonly DownlinkSession[], demand: DemandModel, satCount: number): number {
  const tracker = new BacklogTracker(demand, satCount, 0);
  const sorted = [...sessions].sort((a, b) => a.startMs - b.startMs);
  let sent = 0;
  for (const s of sorted) {
    const before = tracker.backlogBytes(s.satIndex, s.startMs);
    const captured = demand.capturedToMs(s.satIndex, s.endMs) - demand.capturedToMs(s.satIndex, s.startMs);
    tracker.startServing(s.satIndex, s.windowIndex, s.startMs, s.startMs);
    const after = tracker.backlogBytes(s.satIndex, s.endMs);
    tracker.stopServing(s.satIndex, s.endMs);
    sent += before + captured - after;
  }
  return sent;
}
