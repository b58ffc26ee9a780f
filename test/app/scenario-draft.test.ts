// Scenario-draft editing: parameters land on their schema path without touching the input, PUE on every hub,
// pasted catalogues replace the constellation with the detected format, and the worker's validation (the schema's)
// names the path each form field carries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIXED_RATE_MBPS,
  exportFileName,
  parseNumberInput,
  readDraftValues,
  setDispatchPolicy,
  setSchedulerPolicy,
  setDownlinkKind,
  setGpuPricing,
  setHoldForCheaperHour,
  setTariffs,
  DRAFT_PARAMS,
  setDraftParam,
  withCatalogText,
} from '../../src/app/ui/scenario-draft.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { parseScenario, safeParseScenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';

const base = threeBodyScenario;
const frozen = JSON.stringify(base);

describe('draft values', () => {
  it('reads the schema defaults the preset leaves out (published values, docs/sources.md)', () => {
    const v = readDraftValues(base);
    expect(v.topsInt8).toBe(744);
    expect(v.storageGB).toBe(2500);
    expect(v.gpuUsdPerHour).toBe(2.35);
    expect(v.launchUsdPerKg).toBe(6500);
    expect(v.downlinkKind).toBe('shannon');
    expect(v.downlinkTxPowerW).toBe(2);
    expect(v.downlinkRateMbps).toBeUndefined();
    expect(v.durationH).toBe(24);
    expect(v.seed).toBe(20250514);
    expect(v.policy).toBe('west-first');
    // East hubs 1.25, west 1.2: mixed, shown as a range.
    expect(v.pue).toBeUndefined();
    expect(v.pueRange).toEqual([1.2, 1.25]);
  });
});

describe('setDraftParam', () => {
  it('writes each parameter on its path and leaves the input unchanged', () => {
    const cases = [
      ['topsInt8', 300, (s: ReturnType<typeof parseScenario>) => s.satellite.compute.topsInt8],
      ['gpuUsdPerHour', 1.7, (s: ReturnType<typeof parseScenario>) => s.gpu.usdPerHour],
      ['launchUsdPerKg', 200, (s: ReturnType<typeof parseScenario>) => s.economics.launchUsdPerKg],
      ['storageGB', 100, (s: ReturnType<typeof parseScenario>) => s.satellite.storageGB],
      ['maxQueueWaitS', 60, (s: ReturnType<typeof parseScenario>) => s.dispatch.maxQueueWaitS],
      ['deadlineS', 7200, (s: ReturnType<typeof parseScenario>) => s.dispatch.deadlineS],
      ['durationH', 6, (s: ReturnType<typeof parseScenario>) => s.durationH],
      ['seed', 7, (s: ReturnType<typeof parseScenario>) => s.seed],
      ['downlinkTxPowerW', 5, (s: ReturnType<typeof parseScenario>) => (s.satellite.downlink.kind === 'shannon' ? s.satellite.downlink.txPowerW : NaN)],
      ['downlinkRateMbps', 150, (s: ReturnType<typeof parseScenario>) => (s.satellite.downlink.kind === 'fixed' ? s.satellite.downlink.rateMbps : NaN)],
      ['usdPerMTokInput', 0.05, (s: ReturnType<typeof parseScenario>) => s.gpu.usdPerMTok.input],
      ['usdPerMTokOutput', 0.4, (s: ReturnType<typeof parseScenario>) => s.gpu.usdPerMTok.output],
      ['gpuRentChangePerYear', 1.17, (s: ReturnType<typeof parseScenario>) => s.pricePaths.gpuUsdPerHour.annualChange],
      ['launchChangePerYear', -0.32, (s: ReturnType<typeof parseScenario>) => s.pricePaths.launchUsdPerKg.annualChange],
      ['saleUsdPerMTok', 0.33, (s: ReturnType<typeof parseScenario>) => s.economics.saleUsdPerMTok ?? NaN],
    ] as const;
    for (const [key, value, read] of cases) {
      const next = setDraftParam(base, key, value);
      expect(read(parseScenario(next)), key).toBe(value);
      expect(readDraftValues(next)[key], key).toBe(value);
    }
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('tariffs: flat by default, the published ones per region, the valley factor on the hubs with a tariff', () => {
    expect(readDraftValues(base)).toMatchObject({ tariffs: 'flat', touValleyFactor: undefined, deadlineS: 3600, holdForCheaperHour: true });
    const tou = setTariffs(base, 'published');
    const s = parseScenario(tou);
    expect(s.hubs.map((h) => h.timeOfUse?.peakFactor)).toEqual(s.hubs.map((h) => (h.region === 'east' ? 1.85 : 1.5)));
    expect(readDraftValues(tou)).toMatchObject({ tariffs: 'published', touValleyFactor: undefined, touValleyRange: [0.4, 0.5] });
    const valley = setDraftParam(tou, 'touValleyFactor', 0.3);
    expect(readDraftValues(valley)).toMatchObject({ tariffs: 'custom', touValleyFactor: 0.3, touValleyRange: null });
    expect(parseScenario(valley).hubs.every((h) => h.timeOfUse?.valleyFactor === 0.3)).toBe(true);
    expect(setDraftParam(base, 'touValleyFactor', 0.3).hubs).toEqual(base.hubs); // flat hubs stay flat
    expect(parseScenario(setTariffs(valley, 'flat')).hubs.every((h) => h.timeOfUse === undefined)).toBe(true);
    expect(readDraftValues(setHoldForCheaperHour(base, false)).holdForCheaperHour).toBe(false);
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('PUE is set on every hub', () => {
    const next = setDraftParam(base, 'pue', 1.1);
    expect(next.hubs.map((h) => h.pue)).toEqual(new Array(10).fill(1.1));
    expect(readDraftValues(next).pue).toBe(1.1);
    expect(readDraftValues(next).pueRange).toBeNull();
  });

  it('switches the downlink model, keeping other satellite fields', () => {
    const withStorage = setDraftParam(base, 'storageGB', 100);
    const fixed = setDownlinkKind(withStorage, 'fixed');
    expect(fixed.satellite?.downlink).toEqual({ kind: 'fixed', rateMbps: DEFAULT_FIXED_RATE_MBPS });
    expect(fixed.satellite?.storageGB).toBe(100);
    expect(setDownlinkKind(fixed, 'fixed')).toBe(fixed);
    const back = setDownlinkKind(fixed, 'shannon');
    expect(parseScenario(back).satellite.downlink).toMatchObject({ kind: 'shannon', txPowerW: 2, frequencyHz: 8.15e9 });
    expect(setDispatchPolicy(base, 'nearest').dispatch?.policy).toBe('nearest');
  });

  it('sets the antenna scheduler, keeping its options; the schema default is shown until then', () => {
    expect(readDraftValues(base).scheduler).toBe('lookahead');
    const withHorizon = { ...base, scheduler: { horizonH: 3 } };
    const fc = setSchedulerPolicy(withHorizon, 'first-come');
    expect(parseScenario(fc).scheduler).toMatchObject({ policy: 'first-come', horizonH: 3 });
    expect(readDraftValues(fc).scheduler).toBe('first-come');
    expect(withHorizon.scheduler).toEqual({ horizonH: 3 }); // the input draft is not changed
  });

  it('sets the GPU pricing model, keeping the GPU prices; per-token prices keep each other and the launch date stays', () => {
    const priced = setDraftParam(base, 'gpuUsdPerHour', 3.99);
    const reserved = setGpuPricing(priced, 'reserved');
    expect(parseScenario(reserved).gpu).toMatchObject({ pricing: 'reserved', usdPerHour: 3.99 });
    expect(readDraftValues(reserved).gpuPricing).toBe('reserved');
    const both = setDraftParam(setDraftParam(base, 'usdPerMTokInput', 0.1), 'usdPerMTokOutput', 0.2);
    expect(parseScenario(both).gpu.usdPerMTok).toEqual({ input: 0.1, output: 0.2 });
    expect(parseScenario(setDraftParam(base, 'saleUsdPerMTok', 1)).economics.launchDateIso).toBe('2025-05-14T04:12:00Z');
    expect(readDraftValues(base)).toMatchObject({ gpuPricing: 'on-demand', usdPerMTokInput: 0.282, usdPerMTokOutput: 0.827, saleUsdPerMTok: undefined });
  });
});

describe('errors of a bad field, by the path its form field carries', () => {
  const errorsOf = (d: ScenarioInput) => {
    const r = safeParseScenario(d); // what the worker replies (SimApi.run validates once)
    return r.ok ? [] : r.errors;
  };
  const pathOf = (key: string) => DRAFT_PARAMS.find((p) => p.key === key)!.path;

  it('the preset is valid; a bad duration, seed or PUE is named by the field path', () => {
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf(setDraftParam(base, 'durationH', -1))).toEqual([{ path: pathOf('durationH'), message: 'must be > 0' }]);
    expect(errorsOf(setDraftParam(base, 'seed', 1.5))).toEqual([{ path: pathOf('seed'), message: 'must be an integer within [0, 4294967295]' }]);
    const pue = errorsOf(setDraftParam(base, 'pue', 0.5));
    expect(pue).toHaveLength(10);
    expect(pue[0]).toEqual({ path: pathOf('pue').replace('*', '0'), message: 'must be within [1, 5]' });
  });

  it('an invalid draft still shows its values and the schema defaults (the form reads without validating)', () => {
    const bad = setDraftParam(base, 'durationH', -1);
    expect(readDraftValues(bad)).toMatchObject({ durationH: -1, topsInt8: 744, gpuUsdPerHour: 2.35, seed: 20250514 });
    expect(readDraftValues({ ...base, seed: undefined }).seed).toBe(1);
  });
});

describe('withCatalogText', () => {
  const tle = readFileSync('tle/three-body.tle', 'utf8');
  it('detects TLE, OMM JSON and OMM CSV and replaces the constellation', () => {
    const r = withCatalogText(base, tle, 'mine.tle');
    expect(r.ok && r.format).toBe('tle');
    expect(r.ok && r.draft.constellation.sources).toEqual([{ kind: 'tle', text: tle, label: 'mine.tle' }]);
    const json = withCatalogText(base, readFileSync('tle/three-body-20260710.json', 'utf8'));
    expect(json.ok && json.format).toBe('omm-json');
    const csv = withCatalogText(base, readFileSync('tle/three-body-20260710.csv', 'utf8'));
    expect(csv.ok && csv.format).toBe('omm-csv');
    expect(r.ok && safeParseScenario(r.draft).ok).toBe(true);
  });

  it('reports text that is no catalogue, naming the first line', () => {
    expect(withCatalogText(base, 'hello world\nsecond')).toEqual({
      ok: false,
      error: { path: 'constellation.sources[0].text', message: 'line 1: not TLE, OMM JSON or OMM CSV ("hello world")' },
    });
    expect(withCatalogText(base, '  \n ')).toMatchObject({ ok: false, error: { message: 'the text is empty' } });
  });
});

describe('small helpers', () => {
  it('parseNumberInput accepts numbers only', () => {
    expect(parseNumberInput(' 42 ')).toBe(42);
    expect(parseNumberInput('1,5')).toBe(1.5);
    expect(parseNumberInput('1 000')).toBe(1000);
    expect(parseNumberInput('2e3')).toBe(2000);
    expect(parseNumberInput('-0.5')).toBe(-0.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('12abc')).toBeNull();
    expect(parseNumberInput('Infinity')).toBeNull();
  });

  it('export file names', () => {
    expect(exportFileName('three-body', 20250514, 'json')).toBe('three-body-seed20250514.json');
    expect(exportFileName('my run / v2', 1, 'czml')).toBe('my-run-v2-seed1.czml');
    expect(exportFileName('', 3, 'csv')).toBe('run-seed3.csv');
  });
});
