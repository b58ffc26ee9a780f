// The GPU line of the cost breakdown under the three ways hub GPUs are bought (on-demand GPU-hours used, a reserved
// lease of every GPU for the whole run, an API's per-token price), and how busy the leased GPUs were. Pure math;
// imports nothing.

export type GpuPricing = 'on-demand' | 'reserved' | 'per-token';

/** What the GPU line is billed from (prices already scaled by their price paths). */
export interface GpuBill {
  pricing: GpuPricing;
  /** $ per GPU-hour: per hour used (on-demand) or per hour leased (reserved). */
  usdPerHour: number;
  /** GPUs leased per cluster for the whole run (reserved): `[cluster]`; all 0 for a mode that leases none. */
  gpusLeasedByCluster: readonly number[];
  /** Length of the run, s (a lease is paid for all of it). */
  runS: number;
  /** API price per million input (image + prompt) and output tokens (per-token). */
  usdPerMTokInput: number;
  usdPerMTokOutput: number;
  /** Tokens inferred on the ground: input (prefill) and output (generated). */
  tokensInput: number;
  tokensOutput: number;
}

/**
 * `costUsd.gpuUsd`. on-demand: Σ GPU-seconds used / 3600 × $/h. reserved: Σ GPUs leased × run hours × $/h, whatever
 * was used (8 GPUs × 24 h × $2.35/h = $451.20). per-token: input Mtok × input price + output Mtok × output price.
 */
export function gpuCostUsd(b: GpuBill, gpuSecondsByCluster: ArrayLike<number>): number {
  switch (b.pricing) {
    case 'on-demand': {
      let s = 0;
      for (let c = 0; c < gpuSecondsByCluster.length; c++) s += gpuSecondsByCluster[c]!;
      return (s / 3600) * b.usdPerHour;
    }
    case 'reserved': {
      let gpus = 0;
      for (const g of b.gpusLeasedByCluster) gpus += g;
      return gpus * (b.runS / 3600) * b.usdPerHour;
    }
    case 'per-token':
      return (b.tokensInput / 1e6) * b.usdPerMTokInput + (b.tokensOutput / 1e6) * b.usdPerMTokOutput;
  }
}

/** Busy GPU-seconds / GPU-seconds of the clusters' GPUs over the run, overall and per cluster; null where a cluster has no GPU. */
export interface ClusterUtilisation {
  overall: number | null;
  /** `[cluster]`, in the scenario's hub order. */
  byCluster: (number | null)[];
}

/** How busy the hubs' GPUs were: what a lease pays for and what it buys (cost per token rises as this falls). */
export function clusterUtilisation(gpuSecondsByCluster: ArrayLike<number>, gpusByCluster: readonly number[], runS: number): ClusterUtilisation {
  let used = 0;
  let available = 0;
  const byCluster = gpusByCluster.map((g, c) => {
    const cap = g * runS;
    used += gpuSecondsByCluster[c] ?? 0;
    available += cap;
    return cap > 0 ? (gpuSecondsByCluster[c] ?? 0) / cap : null;
  });
  return { overall: available > 0 ? used / available : null, byCluster };
}
