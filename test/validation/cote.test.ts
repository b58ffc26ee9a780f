// cote (OEC) reproduction: the rates and the daily capture of cote's bent-pipe configuration, and the rules that
// decide PASS/FAIL (a figure outside its tolerance must fail).
import { describe, expect, it } from 'vitest';
import { coteChecks, coteScenario, COTE_ALTITUDE_KM } from '../../src/sim/validation/cote-checks.ts';
import { downlinkParams } from '../../src/sim/engine/link-params.ts';
import { COTE_BENT_PIPE_DOWNLINK } from '../../src/sim/links/link-budget.ts';
import { checkInRange, checkNear, formatResultLine } from '../../src/sim/validation/types.ts';

const byId = (id: string) => coteChecks().find((r) => r.id === id)!;

describe('cote bent-pipe link budget and capture', () => {
  it("the scenario path gives exactly cote's link (the schema defaults are cote's parameters)", () => {
    const link = downlinkParams(coteScenario());
    expect(link.kind).toBe('shannon');
    if (link.kind !== 'shannon') return;
    expect(link.txPowerW).toBe(COTE_BENT_PIPE_DOWNLINK.txPowerW);
    expect(link.lineLossFactor).toBeCloseTo(COTE_BENT_PIPE_DOWNLINK.lineLossFactor, 12);
    expect(link.systemNoiseTempK).toBeCloseTo(144.636, 3);
    expect(link.bandwidthHz).toBe(20e6);
  });

  it('every check passes, with the rates of docs/parts/link-and-imaging.md §1.5', () => {
    const results = coteChecks();
    expect(results.map((r) => r.id)).toEqual(['cote.rate.el10', 'cote.rate.el30', 'cote.rate.el60', 'cote.rate.el90', 'cote.capture']);
    for (const r of results) expect(r.pass, `${r.id}: ${r.simulated}`).toBe(true);
    // Hand-checked budget (C/N at 493 km: 10.93 / 16.36 / 20.42 / 21.57 dB; rate = 20 MHz · log2(1 + C/N)).
    expect(byId('cote.rate.el10').simulatedValue).toBeCloseTo(74.86, 2);
    expect(byId('cote.rate.el30').simulatedValue).toBeCloseTo(109.37, 2);
    expect(byId('cote.rate.el60').simulatedValue).toBeCloseTo(135.94, 2);
    expect(byId('cote.rate.el90').simulatedValue).toBeCloseTo(143.5, 2);
    // 86400 s / (4096 · 493e3 · 1.1e-6 / 0.2 m / 7.0700 km/s) frames × 24,319,041 bit / 8e9.
    expect(byId('cote.capture').simulatedValue).toBeCloseTo(167.19, 1);
    expect(COTE_ALTITUDE_KM).toBe(493);
  });

  it('20 MHz · log2(1 + C/N) at zenith matches the dB budget by hand', () => {
    const cnDb = 21.57; // EIRP 8.01 dBW − FSPL 164.53 dB + G/T 22.50 dB/K + 228.60 − 73.01 dB-Hz
    expect(byId('cote.rate.el90').simulatedValue).toBeCloseTo((20e6 * Math.log2(1 + 10 ** (cnDb / 10))) / 1e6, 0);
  });
});

describe('comparison rules', () => {
  const f = { id: 'x', what: 'x', unit: 'u', digits: 2 };
  it('checkNear fails just outside its tolerance and passes on the edge', () => {
    expect(checkNear(f, 75, 75.5, 0.5).pass).toBe(true);
    expect(checkNear(f, 75, 75.51, 0.5).pass).toBe(false);
    expect(checkNear(f, 75, NaN, 0.5).pass).toBe(false);
  });
  it('checkInRange is inclusive and fails outside', () => {
    expect(checkInRange(f, 7, 10, 7).pass).toBe(true);
    expect(checkInRange(f, 7, 10, 10.01).pass).toBe(false);
    expect(checkInRange(f, 7, 10, 6.99).pass).toBe(false);
  });
  it('formats the documented tab-separated line', () => {
    const line = formatResultLine(checkNear({ id: 'cote.rate.el10', what: 'rate', unit: 'Mbit/s', digits: 2 }, 75, 74.861, 0.5));
    expect(line).toBe('cote.rate.el10\trate\tpublished=75\tsimulated=74.86\tunit=Mbit/s\tPASS');
    expect(formatResultLine(checkInRange(f, 7, 10, 11))).toBe('x\tx\tpublished=7–10\tsimulated=11.00\tunit=u\tFAIL');
  });
});
