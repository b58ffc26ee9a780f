// Physically absurd values are refused by path; a run is a whole number of steps; a summary is never non-finite.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { meanPathFactor, pathFactorAt, YEAR_MS } from '../../src/sim/cost/price-paths.ts';
import { assertFiniteSummary } from '../../src/sim/engine/summary.ts';
import { safeParseScenario, wholeStepsError } from '../../src/sim/scenario/schema.ts';
import { runInput, threeBody } from '../helpers/run.ts';

describe('scenario ranges', () => {
  it('refuses a ground sample distance, swath or efficiency near zero (they turned bytes into NaN)', () => {
    const r = safeParseScenario(threeBody({ satellite: { imaging: { gsdM: 1e-300, swathKm: 1e-9 }, compute: { topsPerW: 1e-9 } } }));
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
      'satellite.compute.topsPerW: must be within [0.01, 1000]',
      'satellite.imaging.gsdM: must be within [0.01, 10000]',
      'satellite.imaging.swathKm: must be within [0.01, 5000]',
    ]);
  });

  it('refuses a run that is not a whole number of steps, with the nearest lengths', async () => {
    expect(wholeStepsError(0.01, 600)).toBe(
      '0.01 h is shorter than one 600 s step: a run is a whole number of steps (the last would be simulated in full); ' +
        'use 0.166667 h, or a step that divides 36 s',
    );
    expect(wholeStepsError(1.3, 600)).toMatch(/^1\.3 h is 7\.8 steps of 600 s: .* use 1\.16667 h or 1\.33333 h, or a step that divides 4680 s$/);
    expect(wholeStepsError(300 / 3600, 30)).toBeNull(); // 10.000000000000002 steps is 10
    let err = '';
    const code = await main(['node', 'ocsim', 'run', '--hours', '0.01', '--step-s', '600'], { out: () => undefined, err: (s) => (err += s), isTty: false });
    expect(code).toBe(2);
    expect(err).toContain('durationH: 0.01 h is shorter than one 600 s step');
  });

  it('simulates exactly the steps asked for when the length is a whole number of them', async () => {
    const r = await runInput(threeBody({ durationH: 300 / 3600, stepS: 30 }));
    expect(r.series.timesMs.length).toBe(10);
  });

  it('keeps the most extreme price paths finite: factor 1000 at the ends of the dated years, compounding beyond, runs far away', async () => {
    const far = {
      points: [
        { dateIso: '1957-01-01', factor: 1000 },
        { dateIso: '2100-12-31T23:59:59Z', factor: 1000 },
      ],
      annualChange: -0.9,
    };
    const r = await runInput(
      threeBody({
        durationH: 0.5,
        stepS: 60,
        gpu: { pricing: 'reserved', usdPerHour: 1e4 },
        hubs: threeBody().hubs.map((h) => ({ ...h, gpus: 10_000_000 })),
        economics: { launchDateIso: '2100-12-31', launchUsdPerKg: 1e7, saleUsdPerMTok: 1e6 },
        pricePaths: { gpuUsdPerHour: far, gpuUsdPerMTok: far, launchUsdPerKg: { annualChange: 2 }, electricityUsdPerKWh: far },
      }),
    );
    for (const m of Object.values(r.summary.modes)) {
      expect(Number.isFinite(m.costUsd.totalUsd)).toBe(true);
      expect(m.costUsd.totalUsd).toBeGreaterThan(0);
    }
    expect(() => assertFiniteSummary(r.summary)).not.toThrow();
    // Beyond the dated years the paths hold: a path read in 9999 or 1000 is finite.
    const path = { points: [{ dateIso: '2100-12-31', factor: 1000 }], annualChange: 2 };
    expect(pathFactorAt(path, 0, Date.UTC(9999, 0, 1))).toBe(1000 * 3 ** ((Date.UTC(2101, 0, 1) - Date.UTC(2100, 11, 31)) / YEAR_MS));
    // −90 %/yr read from 2101 back to 1957 (144 years less a leap day, in Julian years): 10^143.997, held before 1957.
    const held = 10 ** ((Date.UTC(2101, 0, 1) - Date.UTC(1957, 0, 1)) / YEAR_MS);
    expect(meanPathFactor({ points: [], annualChange: -0.9 }, Date.UTC(9999, 0, 1), Date.UTC(1000, 0, 1), Date.UTC(1000, 0, 2)) / held).toBeCloseTo(1, 12);
  }, 60_000);

  it('fails loudly, naming the field, if a model bug ever produced a non-finite summary number', () => {
    expect(() => assertFiniteSummary({ modes: { ground: { bytesCaptured: NaN, latencyS: { p50: null } } } } as never)).toThrow(
      'the run produced NaN for summary.modes.ground.bytesCaptured: a model bug; please report it with the scenario',
    );
    expect(() => assertFiniteSummary({ modes: { ground: { latencyS: { p50: null }, costUsdPerMTok: null } } } as never)).not.toThrow();
  });
});
