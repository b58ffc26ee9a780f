// The GPU line under each pricing model, with hand-computed costs: a reserved lease costs the same whatever ran,
// on-demand costs the GPU-hours used, per-token the input and output tokens at their prices; and cluster utilisation.
import { describe, expect, it } from 'vitest';
import { clusterUtilisation, gpuCostUsd, type GpuBill } from '../../src/sim/cost/gpu-pricing.ts';
import { modeRevenue } from '../../src/sim/cost/revenue.ts';

const bill = (over: Partial<GpuBill>): GpuBill => ({
  pricing: 'on-demand',
  usdPerHour: 2.35,
  gpusLeasedByCluster: [8],
  runS: 24 * 3600,
  usdPerMTokInput: 0.282,
  usdPerMTokOutput: 0.827,
  tokensInput: 0,
  tokensOutput: 0,
  ...over,
});

describe('GPU line (costUsd.gpuUsd)', () => {
  it('reserved: 8 GPUs × 24 h × $2.35/h = $451.20, whatever was used', () => {
    for (const used of [[0], [3600], [8 * 86_400], [1e9]]) expect(gpuCostUsd(bill({ pricing: 'reserved' }), used)).toBeCloseTo(451.2, 10);
    // Two clusters of 8 and 4 GPUs for 6 h at $1.70/h: 12 × 6 × 1.70 = $122.40.
    expect(gpuCostUsd(bill({ pricing: 'reserved', gpusLeasedByCluster: [8, 4], runS: 6 * 3600, usdPerHour: 1.7 }), [0, 0])).toBeCloseTo(122.4, 10);
    expect(gpuCostUsd(bill({ pricing: 'reserved', gpusLeasedByCluster: [0, 0] }), [5000, 5000])).toBe(0);
  });

  it('on-demand: GPU-hours used × price (1 h + 0.5 h at $2.35/h = $3.525), the lease size does not matter', () => {
    expect(gpuCostUsd(bill({}), [3600, 1800])).toBeCloseTo(3.525, 12);
    expect(gpuCostUsd(bill({ gpusLeasedByCluster: [1000] }), [3600, 1800])).toBeCloseTo(3.525, 12);
    expect(gpuCostUsd(bill({}), [0, 0])).toBe(0);
  });

  it('per-token: input Mtok × input price + output Mtok × output price (2.5 × 0.282 + 0.4 × 0.827 = $1.0358)', () => {
    expect(gpuCostUsd(bill({ pricing: 'per-token', tokensInput: 2.5e6, tokensOutput: 0.4e6 }), [1e9])).toBeCloseTo(1.0358, 12);
    expect(gpuCostUsd(bill({ pricing: 'per-token' }), [3600])).toBe(0);
  });
});

describe('cluster utilisation', () => {
  it('busy GPU-seconds / (GPUs × run), per cluster and overall; null without GPUs', () => {
    const u = clusterUtilisation([86_400, 0, 4 * 86_400], [8, 0, 4], 86_400);
    expect(u.byCluster).toEqual([0.125, null, 1]);
    expect(u.overall).toBeCloseTo(5 / 12, 15); // (1 + 4) GPU-days of 12
    expect(clusterUtilisation([10], [0], 86_400)).toEqual({ overall: null, byCluster: [null] });
  });

  it('reserved cost per token rises as utilisation falls: halving the work doubles $ per token', () => {
    const lease = gpuCostUsd(bill({ pricing: 'reserved' }), [0]);
    const perMTok = (tokens: number) => lease / (tokens / 1e6);
    expect(perMTok(1e9) / perMTok(2e9)).toBeCloseTo(2, 12);
  });
});

describe('revenue and margin', () => {
  it('tokens / 10⁶ × sale price, minus the cost', () => {
    // 178.3 M tokens sold at $0.3315/M cost $4,848: revenue $59.11, margin −$4,788.89, −$26.86 per M tokens.
    const r = modeRevenue(0.3315, 178.3e6, 4848);
    expect(r.revenueUsd).toBeCloseTo(59.10645, 9);
    expect(r.marginUsd).toBeCloseTo(59.10645 - 4848, 9);
    expect(r.marginUsdPerMTok!).toBeCloseTo(0.3315 - 4848 / 178.3, 12);
    expect(modeRevenue(1, 0, 10)).toEqual({ saleUsdPerMTok: 1, revenueUsd: 0, marginUsd: -10, marginUsdPerMTok: null });
  });
});
