// Dispatch of downlinked raw data from a ground station to a data-centre cluster ("Eastern Data,
// Western Computing"), and delivery of insights to the users' (east) clusters. Pure.
import type { TariffTable } from '../cost/electricity-tariff.ts';
import { chooseCheapest, type CheapestPowerOptions, type Placement, type PowerJob } from './cheapest-power.ts';
import type { GpuQueues } from './gpu-queue.ts';

/** The policies that pick a cluster by delay alone (cheapest-power adds the price: cheapest-power.ts). */
export type DispatchPolicy = 'west-first' | 'nearest' | 'least-latency';

/** The scenario's `dispatch` block. */
export interface DispatchOptions extends CheapestPowerOptions {
  policy: DispatchPolicy | 'cheapest-power';
  maxQueueWaitS: number;
}

export interface DispatchTables {
  /** [station × cluster] one-way fibre latency, s. */
  stationToClusterS: Float64Array;
  /** [cluster] region. */
  regions: readonly ('east' | 'west')[];
  /** [cluster] latency from the cluster to the nearest east cluster (0 for east clusters), s: where users are. */
  deliveryToEastS: Float64Array;
  /** [station] index of the nearest east cluster (where results computed in orbit are delivered). */
  nearestEastCluster: Int32Array;
  clusterCount: number;
}

/** Builds the delivery tables from a cluster latency matrix [cluster × cluster]. */
export function buildDeliveryTables(stationToClusterS: Float64Array, clusterToClusterS: Float64Array, regions: readonly ('east' | 'west')[]): DispatchTables {
  const n = regions.length;
  const stations = stationToClusterS.length / n;
  const deliveryToEastS = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let best = Infinity;
    for (let e = 0; e < n; e++) if (regions[e] === 'east') best = Math.min(best, clusterToClusterS[c * n + e]!);
    deliveryToEastS[c] = regions[c] === 'east' ? 0 : Number.isFinite(best) ? best : 0;
  }
  const nearestEastCluster = new Int32Array(stations);
  for (let s = 0; s < stations; s++) {
    let best = -1;
    for (let c = 0; c < n; c++) {
      const better = best < 0 || stationToClusterS[s * n + c]! < stationToClusterS[s * n + best]!;
      if (regions[c] === 'east' && better) best = c;
    }
    nearestEastCluster[s] = best >= 0 ? best : argMinRow(stationToClusterS, s, n);
  }
  return { stationToClusterS, regions, deliveryToEastS, nearestEastCluster, clusterCount: n };
}

function argMinRow(m: Float64Array, row: number, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (m[row * n + c]! < m[row * n + best]!) best = c;
  return best;
}

/**
 * Chooses the cluster that infers raw data downlinked at `station` at `atMs`. Clusters without GPUs are
 * skipped. Ties break to the lower cluster index (deterministic).
 */
export function chooseCluster(policy: DispatchPolicy, station: number, atMs: number, t: DispatchTables, queues: GpuQueues, maxQueueWaitS: number): number {
  const n = t.clusterCount;
  const backhaul = (c: number) => t.stationToClusterS[station * n + c]!;
  const total = (c: number) => backhaul(c) + queues.waitS(c, atMs) + t.deliveryToEastS[c]!;
  let best = -1;
  const pick = (score: (c: number) => number, accept: (c: number) => boolean) => {
    for (let c = 0; c < n; c++) {
      if (!queues.hasCapacity(c) || !accept(c)) continue;
      if (best < 0 || score(c) < score(best)) best = c;
    }
  };
  if (policy === 'nearest') pick(backhaul, () => true);
  else if (policy === 'least-latency') pick(total, () => true);
  else {
    pick(backhaul, (c) => t.regions[c] === 'west' && queues.waitS(c, atMs) <= maxQueueWaitS);
    if (best < 0) pick(total, () => true);
  }
  return best;
}

/**
 * The cluster (and earliest start) of a raw batch under the scenario's policy: cheapest-power when a cluster meets the
 * deadline (it needs the tariffs), else least-latency; the other policies by chooseCluster. Cluster −1: no GPUs anywhere.
 */
export function placeBatch(d: DispatchOptions, job: PowerJob, t: DispatchTables, queues: GpuQueues, tariffs: TariffTable | null): Placement {
  if (d.policy === 'cheapest-power') {
    const placed = tariffs ? chooseCheapest(job, t, queues, tariffs, d) : null;
    if (placed) return placed;
  }
  const policy = d.policy === 'cheapest-power' ? 'least-latency' : d.policy;
  return { cluster: chooseCluster(policy, job.station, job.downlinkedMs, t, queues, d.maxQueueWaitS), notBeforeMs: -Infinity };
}
