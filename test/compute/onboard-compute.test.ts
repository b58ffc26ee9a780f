import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceleratorPowerW, onboardTokensPerS, powerStep } from '../../src/sim/compute/onboard-compute.ts';

const compute = { topsInt8: 744, utilisation: 0.3, topsPerW: 275 / 60, idleFraction: 0.1 };
const power = { solarArrayW: 400, batteryWh: 600, busLoadW: 120, minSocFraction: 0.3 };

describe('onboard compute', () => {
  it('throughput and power of the SCS-01 default payload', () => {
    // 744e12 × 0.3 / (8e9 × 2) = 13,950 tokens/s; 744 / (275/60) = 162.33 W.
    expect(onboardTokensPerS(compute, 8, 2)).toBeCloseTo(13950, 9);
    expect(acceleratorPowerW(compute)).toBeCloseTo(162.327, 3);
  });

  it('runs at the demanded load when sunlit with a full battery', () => {
    const r = powerStep(power, 160, 0.1, 600, 0, 30, 0.5, true);
    expect(r.loadFraction).toBe(0.5);
    // net = 400 − 120 − 16 − 0.5·144 = 192 W > 0 → battery stays full.
    expect(r.socWh).toBe(600);
    expect(r.acceleratorJ).toBeCloseTo((16 + 72) * 30, 9);
  });

  it('throttles in eclipse at the battery floor', () => {
    // In umbra, battery at 181 Wh (floor 180): headroom = 1 Wh / (30/3600 h) − 136 W = −16 W → no load.
    const r = powerStep(power, 160, 0.1, 181, 1, 30, 1, true);
    expect(r.loadFraction).toBe(0);
    expect(r.deficit).toBe(true);
    // With 200 Wh: headroom = 20/(1/120) − 136 = 2264 W → full load possible; net −280 W for 30 s.
    const r2 = powerStep(power, 160, 0.1, 200, 1, 30, 1, true);
    expect(r2.loadFraction).toBe(1);
    expect(r2.socWh).toBeCloseTo(200 - (280 * 30) / 3600, 9);
  });

  it('ground mode keeps the accelerator off', () => {
    const r = powerStep(power, 160, 0.1, 600, 0, 30, 1, false);
    expect(r.loadFraction).toBe(0);
    expect(r.acceleratorJ).toBe(0);
  });

  it('never leaves [0, demand] or the battery range (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (soc, shadow, demand) => {
          const r = powerStep(power, 160, 0.1, soc, shadow, 30, demand, true);
          expect(r.loadFraction).toBeGreaterThanOrEqual(0);
          expect(r.loadFraction).toBeLessThanOrEqual(demand + 1e-12);
          expect(r.socWh).toBeGreaterThanOrEqual(0);
          expect(r.socWh).toBeLessThanOrEqual(600);
          if (r.loadFraction > 0) expect(r.socWh).toBeGreaterThanOrEqual(180 - 1e-9);
        },
      ),
    );
  });
});
