import { describe, expect, it } from 'vitest';
import type { ModeSummary } from '../../src/sim/engine/result-types.ts';
import { runInput, threeBody } from '../helpers/run.ts';

const conserved = (m: ModeSummary) => Math.abs(m.conservation.residualBytes) <= 1e-9 * m.bytesCaptured;

describe('relaying over laser inter-satellite links', async () => {
  const withIsl = await runInput(threeBody({ durationH: 24 }));
  const without = await runInput(threeBody({ durationH: 24, isl: { enabled: false } }));
  const rawRelay = await runInput(threeBody({ durationH: 24, isl: { relayRaw: true } }));

  it('results reach the ground sooner when satellites out of contact relay to one in contact', () => {
    const a = withIsl.summary.modes.onboard!;
    const b = without.summary.modes.onboard!;
    expect(a.bytesRelayedOverIsl).toBeGreaterThan(0);
    expect(a.islByteHops).toBeGreaterThanOrEqual(a.bytesRelayedOverIsl);
    expect(b.bytesRelayedOverIsl).toBe(0);
    expect(a.latencyS.p50!).toBeLessThan(b.latencyS.p50!);
    expect(a.latencyDeliveredS.p90!).toBeLessThan(b.latencyDeliveredS.p90!);
    expect(a.deliveredWithinShare.within1h).toBeGreaterThan(b.deliveredWithinShare.within1h);
    expect(a.deliveredTileFraction).toBeGreaterThan(b.deliveredTileFraction);
    expect(conserved(a)).toBe(true);
    // The captured workload and the antenna schedule do not depend on the relay.
    expect(a.bytesCaptured).toBe(b.bytesCaptured);
    expect(withIsl.sessions).toEqual(without.sessions);
  });

  it('raw data are not relayed unless asked; with relayRaw, only into spare downlink capacity', () => {
    expect(withIsl.summary.modes.ground!.bytesRelayedOverIsl).toBe(0);
    expect(withIsl.summary.modes.hybrid!.bytesRelayedOverIsl).toBe(0);
    const g = rawRelay.summary.modes.ground!;
    expect(conserved(g)).toBe(true);
    expect(conserved(rawRelay.summary.modes.hybrid!)).toBe(true);
    // A bent-pipe satellite in contact always has its own backlog to send, so it has no spare capacity to offer.
    expect(g.bytesRelayedOverIsl).toBe(0);
    expect(g.bytesDownlinkedRaw).toBe(withIsl.summary.modes.ground!.bytesDownlinkedRaw);
  });
});
