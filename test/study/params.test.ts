// The study parameter registry: every entry exists in the presets, its range is valid for the schema, its stage
// is the engine's, and paths resolve with [*] and [i].
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { withPublishedTariffs } from '../../src/sim/scenario/tariff-presets.ts';
import { applyAssignments, StudyInputError, valuesAt } from '../../src/sim/study/apply.ts';
import { findParam, paramStage, PARAMS, patternOf } from '../../src/sim/study/params.ts';

const base = parseScenario(presets['three-body']!);
/** The default with time-of-use tariffs on its first three hubs only (the flat hubs have no tariff fields). */
const someTou = parseScenario({ ...presets['three-body']!, hubs: presets['three-body']!.hubs.map((h, i) => (i < 3 ? withPublishedTariffs([h])[0]! : h)) });

describe('study parameter registry', () => {
  it('has a unique path, a unit, a source and low < high for every entry; log scales start above 0', () => {
    expect(new Set(PARAMS.map((p) => p.path)).size).toBe(PARAMS.length);
    expect(PARAMS.length).toBeGreaterThanOrEqual(20);
    for (const p of PARAMS) {
      expect(p.unit, p.path).not.toBe('');
      expect(p.source.length, p.path).toBeGreaterThan(8);
      expect(p.low, p.path).toBeLessThan(p.high);
      if (p.scale === 'log') expect(p.low, p.path).toBeGreaterThan(0);
    }
  });

  it('every entry is a field of the default scenario (tariff factors: of its hubs with a tariff), and its low and high pass the schema', () => {
    for (const p of PARAMS) {
      const tariff = p.path.startsWith('hubs[*].timeOfUse.');
      const scenario = tariff ? someTou : base;
      if (tariff) expect(valuesAt(base, p.path), p.path).toEqual([]); // the default's hubs are flat
      expect(valuesAt(scenario, p.path).length, p.path).toBeGreaterThan(0);
      for (const value of [p.low, p.high]) expect(() => applyAssignments(scenario, [{ path: p.path, value }]), `${p.path}=${value}`).not.toThrow();
    }
  });

  it('sets a tariff factor on the hubs that have a tariff and leaves the flat hubs flat', () => {
    const s = applyAssignments(someTou, [{ path: 'hubs[*].timeOfUse.valleyFactor', value: 0.3 }]);
    expect(s.hubs.map((h) => h.timeOfUse?.valleyFactor)).toEqual([0.3, 0.3, 0.3, ...Array(7).fill(undefined)]);
    expect(() => applyAssignments(base, [{ path: 'hubs[*].timeOfUse.valleyFactor', value: 0.3 }])).toThrow(/no such field/);
  });

  it('takes its stages from the engine declarations', () => {
    expect(paramStage('groundStations[*].minElevationDeg')).toBe('geometry');
    expect(paramStage('groundStations[3].antennas')).toBe('schedule');
    expect(paramStage('satellite.compute.topsInt8')).toBe('processing');
    expect(paramStage('economics.launchUsdPerKg')).toBe('pricing');
    expect(paramStage('hubs[*].pue')).toBe('pricing');
    expect(new Set(PARAMS.map((p) => paramStage(p.path)))).toEqual(new Set(['geometry', 'schedule', 'routing', 'processing', 'pricing']));
    expect(paramStage('isl.rateGbps')).toBe('routing'); // the whole isl block is read by the routing stage
  });

  it('finds an element path by its [*] entry', () => {
    expect(patternOf('groundStations[2].costUsdPerMin')).toBe('groundStations[*].costUsdPerMin');
    expect(findParam('groundStations[2].costUsdPerMin')?.unit).toBe('$/min');
    expect(findParam('economics.nope')).toBeUndefined();
  });
});

describe('applyAssignments', () => {
  it('sets every element with [*] and one with [i], and leaves the base untouched', () => {
    const all = applyAssignments(base, [{ path: 'groundStations[*].costUsdPerMin', value: 3 }]);
    expect(all.groundStations.map((g) => g.costUsdPerMin)).toEqual([3, 3, 3, 3, 3]);
    const one = applyAssignments(base, [{ path: 'groundStations[2].costUsdPerMin', value: 7 }]);
    expect(one.groundStations.map((g) => g.costUsdPerMin)).toEqual([10, 10, 7, 10, 10]);
    expect(base.groundStations.map((g) => g.costUsdPerMin)).toEqual([10, 10, 10, 10, 10]);
    expect(one.hubs).toEqual(base.hubs);
  });

  it('rounds integer parameters', () => {
    expect(applyAssignments(base, [{ path: 'groundStations[*].antennas', value: 2.6 }]).groundStations[0]!.antennas).toBe(3);
  });

  it('names the parameter, the value and the field when the scenario refuses it', () => {
    expect(() => applyAssignments(base, [{ path: 'satellite.compute.utilisation', value: 2 }])).toThrow(
      /^satellite\.compute\.utilisation=2: satellite\.compute\.utilisation: must be within \[0\.01, 1\]/,
    );
    expect(() => applyAssignments(base, [{ path: 'groundStations[9].antennas', value: 2 }])).toThrow(
      'groundStations[9].antennas: index 9 is out of range (the scenario has 5)',
    );
    expect(() => applyAssignments(base, [{ path: 'economics.launchUsdPerKgg', value: 2 }])).toThrow(
      /not a study parameter \(did you mean economics\.launchUsdPerKg/,
    );
    expect(() => applyAssignments(base, [{ path: 'gpu.usdPerHour', value: NaN }])).toThrow(StudyInputError);
  });
});
