// GPU queues at the data-centre clusters: one fluid first-come-first-served server per cluster whose
// rate is gpus × tokens per GPU-second. Pure; imports nothing from the UI or Node.

export interface GpuThroughputParams {
  /** Peak dense throughput per GPU, TFLOPS. */
  peakTflops: number;
  /** Achieved fraction of peak. */
  utilisation: number;
  /** Model size, billions of parameters. */
  paramsBillion: number;
  /** Operations per parameter per token (2 for a dense forward pass). */
  opsPerParamPerToken: number;
}

/** Tokens one GPU processes per second: peak · utilisation / (params · ops per param). */
export function tokensPerGpuS(p: GpuThroughputParams): number {
  return (p.peakTflops * 1e12 * p.utilisation) / (p.paramsBillion * 1e9 * p.opsPerParamPerToken);
}

/** Per-cluster FIFO state. All arrays are indexed by cluster. */
export class GpuQueues {
  /** Time each cluster's server becomes free, ms since the Unix epoch. */
  readonly freeAtMs: Float64Array;
  /** Busy GPU-seconds spent per cluster. */
  readonly gpuSeconds: Float64Array;
  /** Tokens served per cluster. */
  readonly tokensServed: Float64Array;
  private readonly rateTokPerS: Float64Array;

  constructor(
    gpusPerCluster: readonly number[],
    private readonly tokensPerGpuSecond: number,
    startMs: number,
  ) {
    const n = gpusPerCluster.length;
    this.freeAtMs = new Float64Array(n).fill(startMs);
    this.gpuSeconds = new Float64Array(n);
    this.tokensServed = new Float64Array(n);
    this.rateTokPerS = Float64Array.from(gpusPerCluster, (g) => g * tokensPerGpuSecond);
  }

  /** Whether the cluster has any GPUs for this workload. */
  hasCapacity(cluster: number): boolean {
    return (this.rateTokPerS[cluster] ?? 0) > 0;
  }

  /** Queue wait a job arriving at `atMs` would see, seconds (Infinity without GPUs). */
  waitS(cluster: number, atMs: number): number {
    if (!this.hasCapacity(cluster)) return Infinity;
    return Math.max(0, (this.freeAtMs[cluster]! - atMs) / 1000);
  }

  /** Serves `tokens` arriving at `arrivalMs`; returns the completion time (ms). */
  serve(cluster: number, arrivalMs: number, tokens: number): number {
    const rate = this.rateTokPerS[cluster]!;
    const start = Math.max(arrivalMs, this.freeAtMs[cluster]!);
    const done = start + (tokens / rate) * 1000;
    this.freeAtMs[cluster] = done;
    this.gpuSeconds[cluster]! += tokens / this.tokensPerGpuSecond;
    this.tokensServed[cluster]! += tokens;
    return done;
  }

  /** Tokens still queued at `atMs` (work not finished by then). */
  backlogTokens(atMs: number): number {
    let sum = 0;
    for (let c = 0; c < this.freeAtMs.length; c++) {
      const r = this.rateTokPerS[c]!;
      if (r > 0) sum += (Math.max(0, this.freeAtMs[c]! - atMs) / 1000) * r;
    }
    return sum;
  }
}
