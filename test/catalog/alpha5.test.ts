// Alpha-5 catalogue numbers: the letter table (I and O skipped) and round trips.
import { describe, expect, it } from 'vitest';
import { ALPHA5_MAX, decodeAlpha5, encodeAlpha5 } from '../../src/sim/catalog/index';

describe('Alpha-5', () => {
  it.each([
    ['00005', 5],
    ['   25', 25],
    ['63982', 63982],
    ['99999', 99999],
    ['A0000', 100000],
    ['E8493', 148493],
    ['H9999', 179999],
    ['J0000', 180000],
    ['N9999', 229999],
    ['P0000', 230000],
    ['T0002', 270002],
    ['Z9999', 339999],
  ])('decodes %s as %i', (field, value) => {
    expect(decodeAlpha5(field)).toEqual({ ok: true, value });
  });

  it.each([
    ['I1234', 'does not use the letter I'],
    ['O0001', 'does not use the letter O'],
    ['a0000', 'must be a digit or an upper-case letter'],
    ['A12B4', 'is not a catalogue number'],
    ['AB123', 'is not a catalogue number'],
    ['     ', 'is not a catalogue number'],
  ])('rejects %s', (field, reason) => {
    const r = decodeAlpha5(field);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('round-trips every 10,000th number and the edges; refuses out of range', () => {
    for (let n = 0; n <= ALPHA5_MAX; n += 9_999) expect(decodeAlpha5(encodeAlpha5(n)!)).toEqual({ ok: true, value: n });
    expect(encodeAlpha5(339_999)).toBe('Z9999');
    expect(encodeAlpha5(180_000)).toBe('J0000');
    expect(encodeAlpha5(5)).toBe('00005');
    expect(encodeAlpha5(340_000)).toBeNull();
    expect(encodeAlpha5(-1)).toBeNull();
    expect(encodeAlpha5(1.5)).toBeNull();
  });
});
