// Regions of interest: an empty latitude band is refused by path; a box across the antimeridian wraps.
import { describe, expect, it } from 'vitest';
import { inRegion } from '../../src/sim/engine/geometry-pass.ts';
import { safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { runInput, threeBody } from '../helpers/run.ts';

const box = (latMinDeg: number, latMaxDeg: number, lonMinDeg: number, lonMaxDeg: number) => ({ name: 'box', latMinDeg, latMaxDeg, lonMinDeg, lonMaxDeg });

describe('regions of interest', () => {
  it('refuses latMinDeg above latMaxDeg, naming the field', () => {
    const r = safeParseScenario(threeBody({ satellite: { imaging: { regionsOfInterest: [box(10, -10, 0, 20)] } } }));
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'satellite.imaging.regionsOfInterest[0].latMinDeg', message: 'must not be above latMaxDeg (the box would be empty)' },
    ]);
  });

  it('wraps a box across the antimeridian', () => {
    const pacific = box(-60, 60, 170, -170);
    expect([175, -175, 180, -180, 170, -170].map((lon) => inRegion(pacific, 0, lon))).toEqual([true, true, true, true, true, true]);
    expect([0, 169, -169, 90].map((lon) => inRegion(pacific, 0, lon))).toEqual([false, false, false, false]);
    expect(inRegion(pacific, 61, 175)).toBe(false);
  });

  it('images over the Pacific box (Fiji and Kamchatka land) where the unwrapped box imaged nothing', async () => {
    const r = await runInput(threeBody({ durationH: 12, satellite: { imaging: { regionsOfInterest: [box(-60, 70, 170, -170)] } } }));
    expect(r.summary.imaging.imagingFraction).toBeGreaterThan(0);
    expect(r.summary.imaging.imagingFraction).toBeLessThan(0.05); // 20° of longitude, mostly ocean
  });
});
