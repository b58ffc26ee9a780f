// Scheduling policy `first-come` (first come, first served): windows are taken in order of AOS (ties: higher maximum
// elevation, then lower satellite index); a window gets the station's earliest-free antenna, starting when both
// that antenna and the satellite's single downlink radio are free, plus the acquisition time; it keeps the antenna
// until LOS (no pre-emption). The rule of the published results the validation reproduces. Pure; imports only types.
import type { ScheduleResult, WindowLike, DownlinkSession } from './scheduler.ts';

export function scheduleFirstCome(
  windows: readonly WindowLike[],
  antennasByStation: readonly number[],
  satCount: number,
  acquisitionS: number,
  /** Shortest session worth scheduling, s. Assumption: 1 s (below that the acquisition overhead dominates). */
  minSessionS = 1,
): ScheduleResult {
  const order = windows.map((_, i) => i);
  order.sort((a, b) => {
    const wa = windows[a]!;
    const wb = windows[b]!;
    return wa.aosMs - wb.aosMs || wb.maxElevationDeg - wa.maxElevationDeg || wa.satIndex - wb.satIndex || wa.stationIndex - wb.stationIndex;
  });
  const antennaFree = antennasByStation.map((n) => new Array<number>(n).fill(-Infinity));
  const radioFree = new Float64Array(satCount).fill(-Infinity);
  const sessions: DownlinkSession[] = [];
  let deniedWindows = 0;
  let contendedS = 0;
  for (const wi of order) {
    const w = windows[wi]!;
    const free = antennaFree[w.stationIndex]!;
    let ant = 0;
    for (let a = 1; a < free.length; a++) if (free[a]! < free[ant]!) ant = a;
    const readyMs = Math.max(w.aosMs, free[ant]!, radioFree[w.satIndex]!);
    const startMs = readyMs + acquisitionS * 1000;
    contendedS += (Math.min(readyMs, w.losMs) - w.aosMs) / 1000;
    if (w.losMs - startMs < minSessionS * 1000) {
      deniedWindows++;
      continue;
    }
    sessions.push({ satIndex: w.satIndex, stationIndex: w.stationIndex, windowIndex: wi, startMs, endMs: w.losMs });
    free[ant] = w.losMs;
    radioFree[w.satIndex] = w.losMs;
  }
  sessions.sort((a, b) => a.startMs - b.startMs || a.satIndex - b.satIndex);
  return { sessions, deniedWindows, contendedS, handOvers: 0 };
}
