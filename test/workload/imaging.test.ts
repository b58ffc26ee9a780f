// Imaging volume: push-broom rate and cote's frame model against hand-computed numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COTE_FRAME_CAMERA, DOVE_PUSH_BROOM, frameCapture, groundTrackSpeedKmS, imagingPixelRate, imagingRateBps } from '../../src/sim/workload/imaging.ts';

describe('groundTrackSpeedKmS', () => {
  it('matches v·Re/(Re+h) by hand', () => {
    // √(398600.4418/6871.137)·6378.137/6871.137 = 7.07001; at 400 km 7.21601.
    expect(groundTrackSpeedKmS(493)).toBeCloseTo(7.07001, 4);
    expect(groundTrackSpeedKmS(400)).toBeCloseTo(7.21601, 4);
  });
  it('falls as altitude rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 150, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (h, dh) => groundTrackSpeedKmS(h + dh) < groundTrackSpeedKmS(h),
      ),
    );
  });
});

describe('cote frame camera at 493 km', () => {
  const capture = frameCapture(COTE_FRAME_CAMERA, 493);
  it('has GSD h·p/f = 2.7115 m and an 11.106 km frame', () => {
    expect(capture.gsdM).toBeCloseTo(2.7115, 6);
    expect(capture.frameFootprintKm).toBeCloseTo(11.106304, 6);
  });
  it('takes a frame every 1.5709 s, ≈ 55,000 frames a day', () => {
    expect(capture.framePeriodS).toBeCloseTo(1.5709, 4);
    expect(capture.framesPerDay).toBeCloseTo(55000, -1);
  });
  it('captures ≈ 167 GB/day with a 100% duty cycle (docs/sources.md#cote derived figure, ±5%)', () => {
    expect(Math.abs(capture.gigabytesPerDay / 167 - 1)).toBeLessThan(0.05);
    expect(capture.gigabytesPerDay).toBeCloseTo(167.19, 1);
  });
  it('scales with the duty cycle and rounds the period up to whole simulation steps', () => {
    expect(frameCapture(COTE_FRAME_CAMERA, 493, { dutyCycle: 0.29 }).gigabytesPerDay).toBeCloseTo(167.19 * 0.29, 1);
    const stepped = frameCapture(COTE_FRAME_CAMERA, 493, { timeStepS: 1 });
    expect(stepped.framePeriodS).toBe(2);
    expect(stepped.gigabytesPerDay).toBeCloseTo(131.32, 1); // 43,200 frames × 24,319,041 bit
  });
});

describe('push-broom imager', () => {
  it('gives 565.5 Mbit/s for a Dove (20 km, 3.5 m, 400 km, 4 × 12 bit, raw)', () => {
    // (20,000/3.5) px × (7216.0/3.5) lines/s = 11.781 Mpx/s; × 48 bit = 565.50 Mbit/s.
    expect(imagingPixelRate(DOVE_PUSH_BROOM, 400) / 1e6).toBeCloseTo(11.7812, 3);
    expect(imagingRateBps(DOVE_PUSH_BROOM, 400) / 1e6).toBeCloseTo(565.5, 1);
  });
  it('with fixed optics, keeps the pixels across and slows the lines with altitude', () => {
    // At 500 km: GSD 4.375 m, swath 25 km; 5714.3 px × 7059.2/4.375 lines/s × 48 bit = 442.57 Mbit/s.
    expect(imagingRateBps(DOVE_PUSH_BROOM, 500) / 1e6).toBeCloseTo(442.57, 1);
  });
  it('uses swath and GSD as given without a reference altitude, and divides by compression', () => {
    const fixed = { ...DOVE_PUSH_BROOM, referenceAltitudeKm: undefined };
    expect(imagingRateBps(fixed, 500) / 1e6).toBeCloseTo(((20000 / 3.5) * (7059.2164 / 3.5) * 48) / 1e6, 2);
    expect(imagingRateBps({ ...fixed, compressionRatio: 4 }, 500)).toBeCloseTo(imagingRateBps(fixed, 500) / 4, 3);
  });
  it('returns 0 for invalid parameters instead of throwing', () => {
    expect(imagingRateBps({ ...DOVE_PUSH_BROOM, gsdM: 0 }, 400)).toBe(0);
    expect(imagingRateBps({ ...DOVE_PUSH_BROOM, compressionRatio: 0 }, 400)).toBe(0);
  });
});
