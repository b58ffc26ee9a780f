// A station's range limit in the engine: a session's rate at AOS/LOS is that of the range limit when it binds before
// the mask (sessionProfiles), and a run with range-limited stations keeps each window inside one of the mask alone.
import { describe, expect, it } from 'vitest';
import { sessionProfiles } from '../../src/sim/engine/downlink-capacity.ts';
import { downlinkParams } from '../../src/sim/engine/link-params.ts';
import { linkRateBps, slantRangeKm } from '../../src/sim/links/link-budget.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { runInput, threeBody } from '../helpers/run.ts';

describe('the rate at the ends of a session', () => {
  const link = downlinkParams(parseScenario(threeBody()));
  const window = {
    satIndex: 0,
    stationIndex: 0,
    aosMs: 0,
    losMs: 300_000,
    maxElevationDeg: 60,
    maxElevationMs: 150_000,
    partialStart: false,
    partialEnd: false,
  };
  const session = { satIndex: 0, stationIndex: 0, windowIndex: 0, startMs: 30_000, endMs: 300_000 };
  const edgeRate = (maxRangeKm?: ArrayLike<number>) => sessionProfiles([session], [window], new Map(), 1, [10], [500], link, maxRangeKm)[0]!.rateBps[0];

  it('is the rate at the mask (10° from 500 km: 1,695 km) without a limit or with a looser one', () => {
    const atMask = slantRangeKm(500, 10);
    expect(atMask).toBeCloseTo(1695, 0);
    expect(edgeRate()).toBe(linkRateBps(link, atMask));
    expect(edgeRate([Infinity])).toBe(linkRateBps(link, atMask));
    expect(edgeRate([2000])).toBe(linkRateBps(link, atMask));
  });

  it('is the rate at the limit when the limit binds first (1,200 km)', () => {
    expect(edgeRate([1200])).toBe(linkRateBps(link, 1200));
    expect(edgeRate([1200])).toBeGreaterThan(edgeRate()!);
  });
});

describe('a run with range-limited stations', () => {
  it('finds shorter or no windows, each inside a window of the mask alone', async () => {
    const base = threeBody({ durationH: 6 });
    const open = await runInput(base);
    const limited = await runInput({ ...base, groundStations: base.groundStations.map((g) => ({ ...g, maxRangeKm: 1000 })) });
    expect(open.contacts.length).toBeGreaterThan(10);
    expect(limited.contacts.length).toBeGreaterThan(0);
    const seconds = (ws: typeof open.contacts) => ws.reduce((s, w) => s + (w.losMs - w.aosMs) / 1000, 0);
    expect(seconds(limited.contacts)).toBeLessThan(0.8 * seconds(open.contacts));
    for (const w of limited.contacts) {
      const outer = open.contacts.find((o) => o.satIndex === w.satIndex && o.stationIndex === w.stationIndex && o.aosMs <= w.aosMs && o.losMs >= w.losMs);
      expect(outer).toBeDefined();
    }
  }, 60_000);
});
