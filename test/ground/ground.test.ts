import { describe, expect, it } from 'vitest';
import { fibreLatencyS, greatCircleKm, latencyMatrixS, transferS } from '../../src/sim/ground/backhaul.ts';
import { buildDeliveryTables, chooseCluster } from '../../src/sim/ground/dispatch.ts';
import { GpuQueues, tokensPerGpuS } from '../../src/sim/ground/gpu-queue.ts';

describe('backhaul', () => {
  it('great-circle distance matches hand values', () => {
    // One degree of a great circle on the 6371.0088 km sphere: 2π·R/360.
    expect(greatCircleKm(0, 0, 0, 1)).toBeCloseTo((2 * Math.PI * 6371.0088) / 360, 6);
    // Quarter circle pole to equator.
    expect(greatCircleKm(90, 0, 0, 0)).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
    // Miyun station → Zhongwei cluster (CSV coordinates): 1055.545 km from a separate Python haversine.
    expect(greatCircleKm(40.374444, 116.839444, 37.500278, 105.196667)).toBeCloseTo(1055.545, 2);
  });

  it('fibre latency = distance × route factor / (c / 1.4682)', () => {
    const v = 299_792.458 / 1.4682;
    expect(fibreLatencyS(1000, { routeFactor: 1.5, fibreKmPerS: v })).toBeCloseTo(1500 / v, 12);
    expect(fibreLatencyS(1000, { routeFactor: 1.5, fibreKmPerS: v }) * 1000).toBeCloseTo(7.346, 3); // ms
    expect(transferS(1.25e9, 10)).toBeCloseTo(1, 12);
  });
});

describe('GPU queues', () => {
  it('tokens per GPU-second: 989 TFLOPS × 0.4 / (2 × 8e9) = 24,725', () => {
    expect(tokensPerGpuS({ peakTflops: 989, utilisation: 0.4, paramsBillion: 8, opsPerParamPerToken: 2 })).toBeCloseTo(24725, 6);
  });

  it('serves first come first served as a fluid queue', () => {
    const q = new GpuQueues([2, 0], 1000, 0); // cluster 0: 2 GPUs → 2000 tokens/s
    expect(q.serve(0, 0, 4000)).toBe(2000); // 2 s
    expect(q.waitS(0, 500)).toBeCloseTo(1.5, 12);
    expect(q.serve(0, 1000, 2000)).toBe(3000); // waits until 2 s, then 1 s
    expect(q.serve(0, 10_000, 2000)).toBe(11_000); // idle in between
    expect(q.gpuSeconds[0]).toBeCloseTo(8, 12); // 8000 tokens / 1000 per GPU-second
    expect(q.backlogTokens(10_500)).toBeCloseTo(1000, 9);
    expect(q.hasCapacity(1)).toBe(false);
    expect(q.waitS(1, 0)).toBe(Infinity);
  });
});

describe('dispatch', () => {
  // Station 0 near east cluster 0 (200 km) and west cluster 1 (800 km); west cluster 2 at 1500 km.
  const fibre = { routeFactor: 1, fibreKmPerS: 200_000 };
  const clusters = [
    { latDeg: 0, lonDeg: 200 / 111.2, region: 'east' as const },
    { latDeg: 0, lonDeg: 800 / 111.2, region: 'west' as const },
    { latDeg: 0, lonDeg: 1500 / 111.2, region: 'west' as const },
  ];
  const tables = buildDeliveryTables(
    latencyMatrixS([{ latDeg: 0, lonDeg: 0 }], clusters, fibre),
    latencyMatrixS(clusters, clusters, fibre),
    clusters.map((c) => c.region),
  );

  it('west-first sends to the nearest west cluster while its queue is short', () => {
    const q = new GpuQueues([1, 1, 1], 1000, 0);
    expect(chooseCluster('west-first', 0, 0, tables, q, 600)).toBe(1);
    q.serve(1, 0, 1000 * 700); // 700 s of work queued at cluster 1
    expect(chooseCluster('west-first', 0, 0, tables, q, 600)).toBe(2); // next west cluster
    q.serve(2, 0, 1000 * 700);
    expect(chooseCluster('west-first', 0, 0, tables, q, 600)).toBe(0); // falls back to least total delay
  });

  it('nearest and least-latency', () => {
    const q = new GpuQueues([1, 1, 1], 1000, 0);
    expect(chooseCluster('nearest', 0, 0, tables, q, 600)).toBe(0);
    q.serve(0, 0, 5000); // 5 s queue at the east cluster
    expect(chooseCluster('least-latency', 0, 0, tables, q, 600)).toBe(1);
  });

  it('delivery to the east: west clusters pay the hop to the nearest east cluster', () => {
    expect(tables.deliveryToEastS[0]).toBe(0);
    expect(tables.deliveryToEastS[1]).toBeCloseTo(greatCircleKm(0, clusters[1]!.lonDeg, 0, clusters[0]!.lonDeg) / 200_000, 9);
    expect(tables.nearestEastCluster[0]).toBe(0);
  });

  it('skips clusters without GPUs, and reports −1 when none has any', () => {
    expect(chooseCluster('west-first', 0, 0, tables, new GpuQueues([1, 0, 1], 1000, 0), 600)).toBe(2);
    expect(chooseCluster('nearest', 0, 0, tables, new GpuQueues([0, 0, 0], 1000, 0), 600)).toBe(-1);
  });
});
