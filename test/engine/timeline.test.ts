import { describe, expect, it } from 'vitest';
import { SatState } from '../../src/sim/engine/timeline.ts';
import { runInput, threeBody } from '../helpers/run.ts';

describe('satellite timeline (what each satellite does at each step)', async () => {
  const r = await runInput(threeBody({ durationH: 12 }), true);
  const t = r.timeline!;
  const n = t.satCount;
  const stepMs = r.scenario.stepS * 1000;
  const t0 = Date.parse(r.scenario.epochIso);

  it('has one state per satellite-step and mode', () => {
    expect(t.stepCount).toBe(12 * 120);
    expect(n).toBe(12);
    for (const m of ['ground', 'onboard', 'hybrid']) expect(t.modes[m]!.state).toHaveLength(t.stepCount * n);
  });

  it('downlinking only inside scheduled sessions, and every session step with data shows it', () => {
    const st = t.modes.ground!.state;
    for (let k = 0; k < t.stepCount; k++) {
      const a = t0 + k * stepMs;
      for (let s = 0; s < n; s++) {
        const inSession = r.sessions.some((x) => x.satIndex === s && x.startMs < a + stepMs && x.endMs > a);
        if (st[k * n + s] === SatState.downlinking) expect(inSession).toBe(true);
        // The bent pipe always has a backlog after the first capture, so it sends whenever it can.
        if (inSession && k > 240) expect(st[k * n + s]).toBe(SatState.downlinking);
      }
    }
  });

  it('eclipse steps have shadow ≥ 0.5; computing appears only in onboard and hybrid modes', () => {
    for (let i = 0; i < t.stepCount * n; i++) {
      if (t.modes.ground!.state[i] === SatState.eclipse) expect(t.shadow[i]).toBeGreaterThanOrEqual(0.5);
      expect(t.modes.ground!.state[i]).not.toBe(SatState.computing);
      expect(t.modes.ground!.computeLoad[i]).toBe(0);
    }
    const computing = (m: string) => t.modes[m]!.state.filter((x) => x === SatState.computing).length;
    expect(computing('onboard')).toBeGreaterThan(100);
    expect(computing('hybrid')).toBeGreaterThan(0);
  });

  it('stored bytes at the last step add up to the summary backlog', () => {
    const last = (t.stepCount - 1) * n;
    for (const m of ['ground', 'onboard', 'hybrid']) {
      let sum = 0;
      for (let s = 0; s < n; s++) sum += t.modes[m]!.storedBytes[last + s]!;
      expect(sum / r.summary.modes[m as 'ground']!.backlogBytesEnd).toBeCloseTo(1, 5);
    }
  });
});
