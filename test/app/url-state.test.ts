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

describe('currentUrlState of an orbit view (no run)', () => {
  it('keeps preset and time; no satellite (orbit views select by index only)', async () => {
    const { currentUrlState } = await import('../../src/app/url-state.ts');
    const { createUiStore } = await import('../../src/app/store.ts');
    const { frameBuffer } = await import('../../src/app/frame-buffer.ts');
    const { walker1mScenario } = await import('../../src/sim/scenario/presets.ts');
    const store = createUiStore({ scenarioDraft: walker1mScenario, presetName: 'walker-1m', selectedSat: 5 });
    const t = Date.parse('2026-04-02T03:00:00Z');
    const fb = { ...frameBuffer, run: null, keyframesWindowed: true, simTimeMs: t };
    expect(currentUrlState(store, fb)).toEqual({ speed: 60, mode: 'onboard', preset: 'walker-1m', timeMs: t });
    expect(currentUrlState(store, { ...fb, keyframesWindowed: false })).toEqual({ speed: 60, mode: 'onboard', preset: 'walker-1m' });
  });
});
