// Acceptance: a headless 1-hour run of the 10,313-satellite Starlink file completes (no timing asserted;
// the CLI prints the wall time, see the closing note / docs).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { runInput } from '../helpers/run.ts';
import { starlinkScenario } from '../../src/sim/scenario/presets.ts';

const shared = '../shared/data/tle/starlink-20260512.tle';

describe('Starlink, 10,313 satellites, 1 h', () => {
  it('completes with every satellite loaded, bytes conserved in every mode', async () => {
    // Prefer the shared data set the acceptance names; the shipped copy in tle/ is byte-identical.
    const file = existsSync(shared) ? shared : 'tle/starlink-20260512.tle';
    const r = await runInput({ ...starlinkScenario, constellation: { sources: [{ kind: 'tle', file }] } });
    expect(r.summary.satellites.loaded).toBe(10_313);
    expect(r.summary.satellites.quarantined).toBe(0);
    expect(r.series.timesMs).toHaveLength(120);
    expect(r.summary.contacts.windows).toBeGreaterThan(1000);
    for (const m of Object.values(r.summary.modes)) {
      expect(Math.abs(m!.conservation.residualBytes)).toBeLessThan(1e-9 * m!.bytesCaptured);
      expect(m!.bytesCaptured).toBeGreaterThan(0);
    }
  }, 300_000);
});
