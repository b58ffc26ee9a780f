// Reproduces two space-vs-ground data-centre cost comparisons from their own inputs: Starcloud's white paper
// (40 MW for 10 years: $8.2 M in orbit vs $167 M on Earth) and Andrew McCalip's calculator (1 GW for 5 years:
// $31.20/W and $891/MWh in orbit vs $14.80/W and $398/MWh on Earth). Pure; no I/O.
import {
  MCCALIP_PAGE_DEFAULTS,
  mccalipOrbitalCost,
  mccalipTerrestrialCost,
  STARCLOUD_WHITE_PAPER,
  starcloudOrbitalCost,
  starcloudTerrestrialCost,
} from '../cost/datacenter-economics.ts';
import { checkNear, type ValidationGroup, type ValidationResult } from './types.ts';

/** Half a unit in the last digit the source prints (docs/validation.md §Tolerances). */
const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals;

export function starcloudChecks(): ValidationResult[] {
  const space = starcloudOrbitalCost(STARCLOUD_WHITE_PAPER.orbital);
  const earth = starcloudTerrestrialCost(STARCLOUD_WHITE_PAPER.terrestrial);
  const m = (usd: number) => usd / 1e6;
  return [
    checkNear(
      { id: 'starcloud.orbital.shielding', what: '40 MW in orbit: 1 kg/kW shielding launched at $30/kg', unit: 'M$', digits: 2 },
      1.2,
      m(space.shieldingUsd),
      halfUnit(1),
    ),
    checkNear(
      { id: 'starcloud.orbital', what: '40 MW for 10 years in orbit: launch + solar array + shielding', unit: 'M$', digits: 2 },
      8.2,
      m(space.totalUsd),
      halfUnit(1),
    ),
    checkNear(
      { id: 'starcloud.terrestrial.energy', what: '40 MW for 10 years on Earth: electricity at $0.04/kWh', unit: 'M$', digits: 2 },
      140,
      m(earth.energyUsd),
      halfUnit(0),
    ),
    checkNear(
      { id: 'starcloud.terrestrial', what: '40 MW for 10 years on Earth: electricity + cooling + backup power', unit: 'M$', digits: 2 },
      167,
      m(earth.totalUsd),
      halfUnit(0),
    ),
  ];
}

export function mccalipChecks(): ValidationResult[] {
  const orbit = mccalipOrbitalCost(MCCALIP_PAGE_DEFAULTS.orbital);
  const earth = mccalipTerrestrialCost(MCCALIP_PAGE_DEFAULTS.terrestrial);
  const b = (usd: number) => usd / 1e9;
  const o = (id: string, what: string, unit: string) => ({ id: `mccalip.orbital.${id}`, what: `1 GW for 5 years in orbit: ${what}`, unit, digits: 3 });
  const t = (id: string, what: string, unit: string) => ({
    id: `mccalip.terrestrial.${id}`,
    what: `1 GW for 5 years on Earth (gas turbines): ${what}`,
    unit,
    digits: 3,
  });
  return [
    checkNear(o('satellites', 'satellites at $9/W', 'B$'), 9.0, b(orbit.satellitesUsd), halfUnit(1), '9.0'),
    checkNear(o('mass', 'mass to LEO at 45 W/kg', 'Mkg'), 22.2, orbit.massKg / 1e6, halfUnit(1)),
    checkNear(o('launch', 'launch at $1,000/kg', 'B$'), 22.2, b(orbit.launchUsd), halfUnit(1)),
    checkNear(o('ops', 'overhead + maintenance + comms (10% of capex)', 'B$'), 3.1, b(orbit.opsUsd), halfUnit(1)),
    checkNear(o('usd-per-w', 'cost per watt (satellites + launch)', '$/W'), 31.2, orbit.costUsdPerW, halfUnit(1), '31.20'),
    checkNear(o('lcoe', 'LCOE at 80% sunlight', '$/MWh'), 891, orbit.lcoeUsdPerMWh, halfUnit(0)),
    checkNear(t('capex', 'capex per watt, five buckets', '$/W'), 13.8, earth.capexUsdPerW, halfUnit(1), '13.80'),
    checkNear(t('fuel', 'fuel at 6,200 BTU/kWh and $4.30/MMBtu, 85% capacity factor', 'B$'), 1.0, b(earth.fuelUsd), halfUnit(1), '1.0'),
    checkNear(t('usd-per-w', 'cost per watt (capex + fuel)', '$/W'), 14.8, earth.costUsdPerW, halfUnit(1), '14.80'),
    checkNear(t('lcoe', 'LCOE over the IT energy', '$/MWh'), 398, earth.lcoeUsdPerMWh, halfUnit(0)),
  ];
}

export const starcloudGroup: ValidationGroup = { id: 'starcloud', title: 'Starcloud white paper, 40 MW for 10 years', run: async () => starcloudChecks() };
export const mccalipGroup: ValidationGroup = { id: 'mccalip', title: 'McCalip calculator, 1 GW for 5 years', run: async () => mccalipChecks() };
