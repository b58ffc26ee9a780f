// URL state: the example of the issue decodes and re-encodes to the same string; bad values are dropped.
import { describe, expect, it } from 'vitest';
import { encodeUrlState, parseUrlState } from '../../src/app/url-state.ts';

const EXAMPLE = '?preset=three-body&t=2026-04-02T03:00:00Z&speed=60&mode=onboard&sat=63982';

describe('url state', () => {
  it('decodes the shared-view example', () => {
    expect(parseUrlState(EXAMPLE)).toEqual({
      preset: 'three-body',
      timeMs: Date.UTC(2026, 3, 2, 3, 0, 0),
      speed: 60,
      mode: 'onboard',
      satNorad: 63982,
    });
  });

  it('encodes back to the same query string (readable colons, fixed key order)', () => {
    expect(encodeUrlState(parseUrlState(EXAMPLE))).toBe(EXAMPLE);
    expect(encodeUrlState({ mode: 'hybrid', speed: 3600 })).toBe('?speed=3600&mode=hybrid');
    expect(encodeUrlState({})).toBe('');
  });

  it('time is written to the second (floored)', () => {
    expect(encodeUrlState({ timeMs: Date.UTC(2026, 3, 2, 3, 4, 5, 987) })).toBe('?t=2026-04-02T03:04:05Z');
  });

  it('drops values that do not parse', () => {
    expect(parseUrlState('?preset=../x&t=yesterday&speed=59&mode=space&sat=abc&view=3d')).toEqual({});
    expect(parseUrlState('?t=2026-13-40T00:00:00Z').timeMs).toBeUndefined();
    expect(parseUrlState('?speed=3600&view=table')).toEqual({ speed: 3600, view: 'table' });
  });

  it('a round trip keeps every field', () => {
    const s = { preset: 'starlink', timeMs: Date.UTC(2026, 4, 12, 12, 30, 0), speed: 900, mode: 'ground' as const, satNorad: 44713, view: 'table' as const };
    expect(parseUrlState(encodeUrlState(s))).toEqual(s);
  });
});

describe('currentUrlState of what is shown', () => {
  it('an orbit view keeps preset and time, no satellite (orbit views select by index only); nothing shown: no time', async () => {
    const { currentUrlState } = await import('../../src/app/url-state.ts');
    const { createUiStore } = await import('../../src/app/store.ts');
    const { NOTHING_SHOWN } = await import('../../src/app/shown.ts');
    const { walker1mScenario } = await import('../../src/sim/scenario/presets.ts');
    const { parseScenario } = await import('../../src/sim/scenario/schema.ts');
    const store = createUiStore({ scenarioDraft: walker1mScenario, presetName: 'walker-1m', selectedSat: 5 });
    const t = Date.parse('2026-04-02T03:00:00Z');
    const orbits = {
      kind: 'orbits',
      viewId: 1,
      satCount: 1_000_000,
      workers: 2,
      scenario: parseScenario(walker1mScenario),
      startMs: t,
      endMs: t + 3_600_000,
    } as const;
    expect(currentUrlState(store, orbits, t)).toEqual({ speed: 60, mode: 'onboard', preset: 'walker-1m', timeMs: t });
    expect(currentUrlState(store, NOTHING_SHOWN, t)).toEqual({ speed: 60, mode: 'onboard', preset: 'walker-1m' });
  });

  it('a run: the selected satellite by NORAD id', async () => {
    const { currentUrlState } = await import('../../src/app/url-state.ts');
    const { createUiStore } = await import('../../src/app/store.ts');
    const { fakeRun, START_MS } = await import('./fixtures.ts');
    const run = fakeRun();
    const store = createUiStore({ scenarioDraft: run.scenario, presetName: 'three-body', selectedSat: 1, mode: 'hybrid' });
    const shown = { kind: 'run', runId: 1, result: run, startMs: START_MS, endMs: START_MS + 300_000 } as const;
    expect(encodeUrlState(currentUrlState(store, shown, START_MS + 90_000))).toBe('?preset=three-body&t=2026-04-02T00:01:30Z&speed=60&mode=hybrid&sat=63983');
  });
});
