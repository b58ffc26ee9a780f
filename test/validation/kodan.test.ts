// Kodan reproduction with the real engine: value density of the downlink in ground vs hybrid mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import type { ValidationDeps, ValidationResult } from '../../src/sim/validation/types.ts';
import { filteredClearShare, KODAN_FILTER, kodanChecks } from '../../src/sim/validation/kodan-checks.ts';

let results: ValidationResult[];
beforeAll(async () => {
  const deps: ValidationDeps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
  results = await kodanChecks(deps);
}, 60_000);

const value = (id: string) => results.find((r) => r.id === id)!.simulatedValue;

describe('Kodan: 52% cloudy tiles, onboard filter', () => {
  it('every check passes', () => {
    expect(results.map((r) => r.id)).toEqual(['kodan.share.ground', 'kodan.gain', 'kodan.share.hybrid']);
    for (const r of results) expect(r.pass, `${r.id}: ${r.simulated}`).toBe(true);
  });

  it('ground mode delivers the captured mix: 0.48 clear (binomial noise over ~2·10⁵ tiles < 0.005)', () => {
    expect(value('kodan.share.ground')).toBeGreaterThan(0.475);
    expect(value('kodan.share.ground')).toBeLessThan(0.485);
  });

  it('hybrid mode matches the filter rule by hand: TP = 0.52·0.93, FP = TP·0.05/0.95 → 0.9261', () => {
    const hand = (0.48 - (0.52 * 0.93 * 0.05) / 0.95) / (0.48 - (0.52 * 0.93 * 0.05) / 0.95 + 0.52 * 0.07);
    expect(filteredClearShare(0.52, KODAN_FILTER.recall, KODAN_FILTER.precision)).toBeCloseTo(hand, 12);
    expect(value('kodan.share.hybrid')).toBeCloseTo(hand, 2);
    expect(value('kodan.gain')).toBeCloseTo((value('kodan.share.hybrid') / value('kodan.share.ground') - 1) * 100, 9);
  });

  it('recall 0.9 would give 0.898: +87%, below the published 89–97% gain; the schema default is the calibrated 0.93', async () => {
    const share = filteredClearShare(0.52, 0.9, 0.95);
    expect(share).toBeCloseTo(0.8975, 4);
    expect((share / 0.48 - 1) * 100).toBeLessThan(89);
    const { parseScenario } = await import('../../src/sim/scenario/schema.ts');
    const { threeBodyScenario } = await import('../../src/sim/scenario/presets.ts');
    expect(parseScenario(threeBodyScenario).onboardFilter).toMatchObject({ recall: KODAN_FILTER.recall, precision: KODAN_FILTER.precision });
  });
});
