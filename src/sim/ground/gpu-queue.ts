// GPU queues at the data-centre clusters: one fluid first-come-first-served server per cluster whose
// rate is gpus × tokens per GPU-second, with its busy GPU-seconds binned by UTC hour (what pricing charges
// electricity by). Pure; imports only time.ts and the tariff types, nothing from the UI or Node.
import type { GpuHourBins } from '../cost/electricity-tariff.ts';
import { MS_PER_HOUR } from '../time.ts';

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
  /** Start of hour bin 0: the whole UTC hour holding the run's start, ms. */
  private readonly bin0Ms: number;
  /** Busy GPU-seconds per cluster per UTC hour from bin0Ms: `[cluster][bin]`, grown as work is served. */
  private readonly byHour: number[][];
  /** Idle gaps left by held work, [from, to) ms pairs per cluster (not queued tokens: backlogTokens subtracts them). */
  private readonly holds: number[][];

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
    this.bin0Ms = Math.floor(startMs / MS_PER_HOUR) * MS_PER_HOUR;
    this.byHour = Array.from({ length: n }, () => []);
    this.holds = Array.from({ length: n }, () => []);
  }

  /** Seconds the cluster needs for `tokens` (Infinity without GPUs). */
  serviceS(cluster: number, tokens: number): number {
    return this.hasCapacity(cluster) ? tokens / this.rateTokPerS[cluster]! : Infinity;
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

  /**
   * Serves `tokens` arriving at `arrivalMs`, starting no earlier than `notBeforeMs` (work held for a cheaper hour
   * keeps its place: later work queues behind it); returns the completion time (ms).
   */
  serve(cluster: number, arrivalMs: number, tokens: number, notBeforeMs = -Infinity): number {
    const rate = this.rateTokPerS[cluster]!;
    const ready = Math.max(arrivalMs, this.freeAtMs[cluster]!);
    const start = Math.max(ready, notBeforeMs);
    if (start > ready) this.holds[cluster]!.push(ready, start);
    const done = start + (tokens / rate) * 1000;
    this.freeAtMs[cluster] = done;
    const gpuS = tokens / this.tokensPerGpuSecond;
    this.gpuSeconds[cluster]! += gpuS;
    this.tokensServed[cluster]! += tokens;
    this.binGpuSeconds(cluster, start, done, gpuS);
    return done;
  }

  /** Spreads `gpuS` busy GPU-seconds over the UTC hours of [startMs, doneMs) in proportion to the time in each. */
  private binGpuSeconds(cluster: number, startMs: number, doneMs: number, gpuS: number): void {
    if (!(doneMs > startMs) || !(gpuS > 0)) return;
    const bins = this.byHour[cluster]!;
    const last = Math.floor((doneMs - this.bin0Ms) / MS_PER_HOUR);
    for (let b = Math.max(0, Math.floor((startMs - this.bin0Ms) / MS_PER_HOUR)); b <= last; b++) {
      const from = this.bin0Ms + b * MS_PER_HOUR;
      const overlap = Math.min(doneMs, from + MS_PER_HOUR) - Math.max(startMs, from);
      if (overlap <= 0) continue;
      while (bins.length <= b) bins.push(0);
      bins[b]! += (gpuS * overlap) / (doneMs - startMs);
    }
  }

  /** The busy GPU-seconds per cluster and UTC hour (the usage record's copy). */
  hourBins(): GpuHourBins {
    const count = Math.max(0, ...this.byHour.map((b) => b.length));
    const gpuSeconds = new Float64Array(this.byHour.length * count);
    this.byHour.forEach((bins, c) => gpuSeconds.set(bins, c * count));
    return { startMs: this.bin0Ms, count, gpuSeconds };
  }

  /** Tokens still queued at `atMs` (work not finished by then; idle gaps before held work are not tokens). */
  backlogTokens(atMs: number): number {
    let sum = 0;
    for (let c = 0; c < this.freeAtMs.length; c++) {
      const r = this.rateTokPerS[c]!;
      if (r > 0) sum += ((Math.max(0, this.freeAtMs[c]! - atMs) - this.heldAfterMs(c, atMs)) / 1000) * r;
    }
    return sum;
  }

  /** Idle time after `atMs` left by held work at cluster c, ms; forgets gaps that ended before `atMs`. */
  private heldAfterMs(c: number, atMs: number): number {
    const h = this.holds[c]!;
    let drop = 0;
    while (drop < h.length && h[drop + 1]! <= atMs) drop += 2;
    if (drop > 0) h.splice(0, drop);
    let ms = 0;
    for (let i = 0; i < h.length; i += 2) ms += Math.max(0, h[i + 1]! - Math.max(h[i]!, atMs));
    return ms;
  }
}
