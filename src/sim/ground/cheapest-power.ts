// Dispatch policy `cheapest-power`: a raw batch goes to the cluster, and (when holding is allowed) the start time,
// whose electricity × PUE for the batch's GPU work is cheapest among those that deliver its insight within the
// deadline; the caller falls back to least-latency when none can. Pure; imports the dispatch tables, the GPU queues
// and the tariff table only.
import { meanPriceUsdPerKWh, priceUsdPerKWh, type TariffTable } from '../cost/electricity-tariff.ts';
import { MS_PER_HOUR } from '../time.ts';
import type { DispatchTables } from './dispatch.ts';
import type { GpuQueues } from './gpu-queue.ts';

export interface CheapestPowerOptions {
  /** Longest time from downlink to insight delivered, s. */
  deadlineS: number;
  /** Whether work may wait for a cheaper hour (a later start) when the deadline allows. */
  holdForCheaperHour: boolean;
}

/** One raw batch to place. */
export interface PowerJob {
  station: number;
  downlinkedMs: number;
  /** Time to push the batch through the station's uplink, s (the same for every cluster). */
  transferS: number;
  tokens: number;
}

/** Where and from when a batch is served. */
export interface Placement {
  cluster: number;
  /** Start no earlier than this (ms); -Infinity: as soon as the queue allows. */
  notBeforeMs: number;
}

/** Prices repeat daily: looking further ahead than a day finds no cheaper hour, only later ones. */
const LOOKAHEAD_MS = 24 * MS_PER_HOUR;

/**
 * The cheapest placement that meets the deadline, or null when no cluster can. Cost compared: PUE × mean price over
 * the batch's service time (its GPU-seconds and the GPUs' power are the same everywhere). Ties go to the earlier
 * insight, then to the lower cluster index (deterministic).
 */
export function chooseCheapest(job: PowerJob, t: DispatchTables, queues: GpuQueues, tariffs: TariffTable, o: CheapestPowerOptions): Placement | null {
  let best: { cluster: number; startMs: number; cost: number; insightMs: number; readyMs: number } | null = null;
  const deadlineMs = job.downlinkedMs + o.deadlineS * 1000;
  for (let c = 0; c < t.clusterCount; c++) {
    if (!queues.hasCapacity(c)) continue;
    const arriveMs = job.downlinkedMs + (t.stationToClusterS[job.station * t.clusterCount + c]! + job.transferS) * 1000;
    const readyMs = Math.max(arriveMs, queues.freeAtMs[c]!);
    const durMs = queues.serviceS(c, job.tokens) * 1000;
    const deliveryMs = t.deliveryToEastS[c]! * 1000;
    const latestMs = deadlineMs - deliveryMs - durMs;
    if (readyMs > latestMs) continue;
    for (const startMs of candidateStarts(tariffs, c, readyMs, latestMs, durMs, o.holdForCheaperHour)) {
      const cost = tariffs.pue[c]! * meanPriceUsdPerKWh(tariffs, c, startMs, startMs + durMs);
      const insightMs = startMs + durMs + deliveryMs;
      if (best === null || cost < best.cost * (1 - 1e-12) || (cost <= best.cost * (1 + 1e-12) && insightMs < best.insightMs)) {
        best = { cluster: c, startMs, cost, insightMs, readyMs };
      }
    }
  }
  if (best === null) return null;
  return { cluster: best.cluster, notBeforeMs: best.startMs > best.readyMs ? best.startMs : -Infinity };
}

/**
 * Starts worth pricing: the earliest, and with holding every hour boundary within the deadline where the cluster's
 * price changes, started at (work after the change) or ended at (work before it). Cost is piecewise linear in the
 * start between these points, so its minimum is at one of them.
 */
function candidateStarts(t: TariffTable, c: number, readyMs: number, latestMs: number, durMs: number, hold: boolean): number[] {
  const out = [readyMs];
  if (!hold) return out;
  const endMs = Math.min(latestMs, readyMs + LOOKAHEAD_MS) + durMs;
  for (let b = Math.floor(readyMs / MS_PER_HOUR) + 1; b * MS_PER_HOUR <= endMs; b++) {
    const at = b * MS_PER_HOUR;
    if (priceUsdPerKWh(t, c, at) === priceUsdPerKWh(t, c, at - MS_PER_HOUR)) continue;
    for (const s of [at, at - durMs]) if (s > readyMs && s <= latestMs) out.push(s);
  }
  return out;
}
