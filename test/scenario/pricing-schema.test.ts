// Scenario fields of GPU pricing, price paths and revenue: their defaults, and errors that name the JSON path
// (unsorted dates, negative prices or factors, impossible dates, unknown pricing models).
import { describe, expect, it } from 'vitest';
import { parseScenario, safeParseScenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

const withInput = (extra: Record<string, unknown>): ScenarioInput => ({ ...structuredClone(threeBodyScenario), ...extra }) as ScenarioInput;

function errorsOf(extra: Record<string, unknown>): string[] {
  const r = safeParseScenario(withInput(extra));
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

const gpuPath = (points: { dateIso: string; factor: number }[]) => ({ pricePaths: { gpuUsdPerHour: { points } } });

describe('GPU pricing and price-path fields', () => {
  it('default to on-demand at $2.35/h, Workers AI per-token prices, flat paths, no sale price', () => {
    const s = parseScenario(threeBodyScenario);
    expect(s.gpu.pricing).toBe('on-demand');
    expect(s.gpu.usdPerHour).toBe(2.35);
    expect(s.gpu.usdPerMTok).toEqual({ input: 0.282, output: 0.827 });
    expect(s.pricePaths.launchUsdPerKg).toEqual({ points: [], annualChange: 0 });
    expect(s.economics.saleUsdPerMTok).toBeUndefined();
  });

  it('accept dates and UTC times in increasing order', () => {
    const s = parseScenario(
      withInput(
        gpuPath([
          { dateIso: '2025-10-01', factor: 0.7234 },
          { dateIso: '2026-03-01T12:00:00Z', factor: 1 },
        ]),
      ),
    );
    expect(s.pricePaths.gpuUsdPerHour.points).toHaveLength(2);
  });

  it.each([
    [
      'unsorted dates',
      gpuPath([
        { dateIso: '2026-03-01', factor: 1 },
        { dateIso: '2025-10-01', factor: 0.7 },
      ]),
      'pricePaths.gpuUsdPerHour.points[1].dateIso: "2025-10-01" must be after points[0].dateIso ("2026-03-01"): dates must increase',
    ],
    [
      'a repeated date',
      gpuPath([
        { dateIso: '2026-03-01', factor: 1 },
        { dateIso: '2026-03-01T00:00:00Z', factor: 2 },
      ]),
      'pricePaths.gpuUsdPerHour.points[1].dateIso: "2026-03-01T00:00:00Z" must be after points[0].dateIso ("2026-03-01"): dates must increase',
    ],
    ['a negative factor', gpuPath([{ dateIso: '2026-03-01', factor: -0.5 }]), 'pricePaths.gpuUsdPerHour.points[0].factor: must be within [0, 1000]'],
    [
      'a day that does not exist',
      gpuPath([{ dateIso: '2026-02-30', factor: 1 }]),
      'pricePaths.gpuUsdPerHour.points[0].dateIso: "2026-02-30" has no day 30 in 2026-02 (28 days)',
    ],
    [
      'not a date',
      gpuPath([{ dateIso: 'March 2026', factor: 1 }]),
      'pricePaths.gpuUsdPerHour.points[0].dateIso: must be a date like 2025-10-01 or an ISO 8601 UTC time like 2025-10-01T00:00:00Z',
    ],
    [
      'a year out of range',
      gpuPath([{ dateIso: '2400-01-01', factor: 1 }]),
      'pricePaths.gpuUsdPerHour.points[0].dateIso: "2400-01-01" must be within the years 1957–2100',
    ],
    [
      'a price that falls by more than all of it',
      { pricePaths: { launchUsdPerKg: { annualChange: -1 } } },
      'pricePaths.launchUsdPerKg.annualChange: must be within [-0.9, 2]',
    ],
    ['an unknown path', { pricePaths: { stationUsdPerMin: {} } }, 'pricePaths: unknown field(s) "stationUsdPerMin"'],
    ['an unknown pricing model', { gpu: { pricing: 'lease' } }, 'gpu.pricing: must be one of "on-demand", "reserved", "per-token"'],
    ['a negative per-token price', { gpu: { usdPerMTok: { input: -0.1 } } }, 'gpu.usdPerMTok.input: must be within [0, 10000]'],
    ['a negative sale price', { economics: { saleUsdPerMTok: -1 } }, 'economics.saleUsdPerMTok: must be within [0, 1000000]'],
    ['a bad launch date', { economics: { launchDateIso: '2025-13-01' } }, 'economics.launchDateIso: "2025-13-01" has no month 13'],
  ])('refuse %s, naming the path', (_what, extra, message) => {
    expect(errorsOf(extra)).toEqual([message]);
  });
});
