// Starcloud and McCalip reproductions: each source's figures from its own inputs, the breakdowns by hand, and
// the readings of the sources that would NOT reproduce the published figures (so the checks can fail).
import { describe, expect, it } from 'vitest';
import {
  HOURS_PER_YEAR,
  MCCALIP_PAGE_DEFAULTS,
  mccalipOrbitalCost,
  mccalipTerrestrialCost,
  STARCLOUD_WHITE_PAPER,
  starcloudOrbitalCost,
  starcloudTerrestrialCost,
} from '../../src/sim/cost/datacenter-economics.ts';
import { mccalipChecks, starcloudChecks } from '../../src/sim/validation/economics-checks.ts';

describe('Starcloud white paper: 40 MW for 10 years', () => {
  it('all checks pass', () => {
    for (const r of starcloudChecks()) expect(r.pass, `${r.id}: ${r.simulated} vs ${r.published}`).toBe(true);
  });

  it('orbit: $5 M launch + $2 M array + $1.2 M shielding = $8.2 M', () => {
    const c = starcloudOrbitalCost(STARCLOUD_WHITE_PAPER.orbital);
    expect(c.shieldingUsd).toBeCloseTo(40_000 * 1 * 30, 6); // 40,000 kW × 1 kg/kW × $30/kg
    expect(c.launchUsd).toBeCloseTo(5e6, 3);
    expect(c.solarArrayUsd).toBeCloseTo(2e6, 3);
    expect(c.totalUsd).toBeCloseTo(8.2e6, 3);
    expect(c.launchedMassKg).toBeCloseTo(166_666.7 + 40_000, 0);
  });

  it('Earth: 40 MW × 87,600 h × $0.04/kWh = $140.16 M, + $27 M cooling and backup = $167.16 M', () => {
    const c = starcloudTerrestrialCost(STARCLOUD_WHITE_PAPER.terrestrial);
    expect(c.energyKWh).toBe(40_000 * 10 * HOURS_PER_YEAR);
    expect(c.energyUsd).toBeCloseTo(140.16e6, 0);
    expect(c.totalUsd).toBeCloseTo(167.16e6, 0);
    expect(c.totalUsd / starcloudOrbitalCost(STARCLOUD_WHITE_PAPER.orbital).totalUsd).toBeCloseTo(20.4, 1);
  });

  it('a higher launch price breaks the reproduction ($100/kg: $22.7 M in orbit)', () => {
    const c = starcloudOrbitalCost({ ...STARCLOUD_WHITE_PAPER.orbital, launchUsdPerKg: 100 });
    expect(c.totalUsd).toBeCloseTo((166_666.67 + 40_000) * 100 + 2e6, -2);
  });
});

describe('McCalip calculator: 1 GW for 5 years', () => {
  it('all checks pass', () => {
    for (const r of mccalipChecks()) expect(r.pass, `${r.id}: ${r.simulated} vs ${r.published}`).toBe(true);
  });

  it('orbit: $9.0 B satellites + $22.2 B launch = $31.22/W; LCOE over 35.04 TWh = $891/MWh', () => {
    const c = mccalipOrbitalCost(MCCALIP_PAGE_DEFAULTS.orbital);
    expect(c.massKg).toBeCloseTo(1e9 / 45, 0);
    expect(c.capexUsd).toBeCloseTo(9e9 + 1e12 / 45, 0);
    expect(c.costUsdPerW).toBeCloseTo(31.222, 3);
    expect(c.energyMWh).toBe(1000 * 5 * 8760 * 0.8);
    expect(c.lcoeUsdPerMWh).toBeCloseTo(891.045, 3); // 31.2222e9 / 35.04e6
    expect(c.opsUsd).toBeCloseTo(3.122e9, -6);
  });

  it('Earth: $13.82/W capex + $0.993 B fuel = $14.81/W; LCOE over 37.23 TWh = $397.9/MWh', () => {
    const c = mccalipTerrestrialCost(MCCALIP_PAGE_DEFAULTS.terrestrial);
    expect(c.powerGenUsd).toBeCloseTo(1.32e9, 0);
    expect(c.capexUsdPerW).toBeCloseTo(13.82, 6);
    expect(c.itEnergyMWh).toBeCloseTo(37.23e6, 0);
    expect(c.fuelUsd).toBeCloseTo(26.66 * 37.23e6, -3); // 6,200 BTU/kWh × $4.30/MMBtu = $26.66/MWh
    expect(c.costUsdPerW).toBeCloseTo(14.813, 3);
    expect(c.lcoeUsdPerMWh).toBeCloseTo(397.87, 2);
  });

  it('the readings that do not give the published figures are off by more than the tolerance', () => {
    // The same math.js with ops in the total (its totalCost): $34.34/W, $980/MWh, not $31.20 / $891.
    const o = mccalipOrbitalCost(MCCALIP_PAGE_DEFAULTS.orbital);
    expect(Math.abs((o.capexUsd + o.opsUsd) / 1e9 - 31.2)).toBeGreaterThan(3);
    // The 5-bucket code burns fuel for IT energy × PUE: $15.01/W and $403/MWh, not $14.80 / $398.
    const t = mccalipTerrestrialCost({ ...MCCALIP_PAGE_DEFAULTS.terrestrial, fuelEnergyPerItEnergy: 1.2 });
    expect(t.costUsdPerW).toBeCloseTo(15.011, 3);
    expect(t.lcoeUsdPerMWh).toBeCloseTo(403.2, 1);
    // The calculator's current defaults ($500/kg, $22/W, 36.5 W/kg, 27-kW satellites…) are a different model
    // ($51.10/W; see docs/validation.md); its terrestrial side with $1,800/kW turbines and fuel × PUE: $15.85/W.
    const now = mccalipTerrestrialCost({ ...MCCALIP_PAGE_DEFAULTS.terrestrial, gasTurbineUsdPerKw: 1800, fuelEnergyPerItEnergy: 1.2 });
    expect(now.costUsdPerW).toBeCloseTo(15.851, 3);
  });
});
