// TMTPost (2026) time-zone load shifting, Zhejiang–Xinjiang: the bound by hand from the two tariffs, the hub shares,
// the baseline's electricity per token by hand, and what the published 18 % needs (the checks can fail).
import { describe, expect, it } from 'vitest';
import {
  loadShiftReductionPercent,
  serveSteadyDemand,
  SPARE_CAPACITY,
  TMTPOST_CAPACITY,
  TMTPOST_REDUCTION_PERCENT,
  touChecks,
} from '../../src/sim/validation/tou-checks.ts';

describe('TMTPost: time-zone load shifting between Zhejiang and Xinjiang', () => {
  it('all checks pass', () => {
    for (const r of touChecks()) expect(r.pass, `${r.id}: ${r.simulated} vs ${r.published}`).toBe(true);
  });

  it('west-first: all load in Xinjiang at its daily mean (1.0 × flat): 40.4 GPU-s × 0.7 kW × 1.2 × $0.08 per M tokens', () => {
    const w = serveSteadyDemand('west-first', SPARE_CAPACITY);
    expect(w.xinjiangShare).toBe(1);
    // 10⁶ tokens / 24,725 tokens per GPU-s = 40.445 GPU-s → × 0.7 kW / 3600 × PUE 1.2 × $0.08.
    expect(w.electricityUsdPerMTok).toBeCloseTo((((1e6 / 24_725) * 0.7) / 3600) * 1.2 * 0.08, 9);
  });

  it('with spare capacity every hour goes to the cheaper tariff: 18.5 of 24 flat-hours, a 22.9 % cut', () => {
    // Hour (Beijing) → cheaper: 00–07 Zhejiang valley 0.4 (Xinjiang flat 1 or valley 0.5), 07 Xinjiang valley 0.5,
    // 08–11 Zhejiang flat 1 (Xinjiang peak 1.5), 11–14 Zhejiang valley 0.4, 14–16 Xinjiang valley 0.5, 16–19 Xinjiang
    // flat 1 (Zhejiang peak 1.85), 19–23 Xinjiang peak 1.5 (Zhejiang 1.85), 23 Zhejiang flat 1:
    // 7×0.4 + 0.5 + 3 + 3×0.4 + 2×0.5 + 3 + 4×1.5 + 1 = 18.5.
    expect(loadShiftReductionPercent(SPARE_CAPACITY)).toBeCloseTo(100 * (1 - 18.5 / 24), 6);
    expect(serveSteadyDemand('cheapest-power', SPARE_CAPACITY).xinjiangShare).toBeCloseTo(10 / 24, 12); // 07, 14–23
  });

  it('the published 18 % needs the hubs to be short of spare capacity: the cut grows with the capacity share', () => {
    const at = (capacityShare: number) => loadShiftReductionPercent({ ...SPARE_CAPACITY, capacityShare });
    const cuts = [0.6, 0.75, 0.85, 0.865, 0.95, 1].map(at);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]!).toBeGreaterThan(cuts[i - 1]!);
    expect(at(TMTPOST_CAPACITY.capacityShare)).toBeCloseTo(TMTPOST_REDUCTION_PERCENT, 0);
    expect(Math.abs(at(0.75) - TMTPOST_REDUCTION_PERCENT)).toBeGreaterThan(0.5); // another capacity fails the check
  });

  it('other readings: a cheaper Xinjiang flat price shrinks the cut, holding work for the valleys grows it', () => {
    expect(loadShiftReductionPercent({ ...SPARE_CAPACITY, xinjiangFlatRatio: 0.6 })).toBeLessThan(10);
    expect(loadShiftReductionPercent({ ...SPARE_CAPACITY, deadlineS: 6 * 3600, holdForCheaperHour: true })).toBeGreaterThan(40);
  });
});
