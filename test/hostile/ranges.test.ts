// Physically absurd values are refused by path; a run is a whole number of steps; a summary is never non-finite.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
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

  it('fails loudly, naming the field, if a model bug ever produced a non-finite summary number', () => {
    expect(() => assertFiniteSummary({ modes: { ground: { bytesCaptured: NaN, latencyS: { p50: null } } } } as never)).toThrow(
      'the run produced NaN for summary.modes.ground.bytesCaptured: a model bug; please report it with the scenario',
    );
    expect(() => assertFiniteSummary({ modes: { ground: { latencyS: { p50: null }, costUsdPerMTok: null } } } as never)).not.toThrow();
  });
});
