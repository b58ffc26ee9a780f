import { describe, expect, it } from 'vitest';
import { GROUND_STYLES, hexToRgb, SAT_STATE_STYLES, stateStyleGlsl } from '../../src/app/view3d/marker-style.ts';
import { SAT_STATE_NAMES, SatState } from '../../src/sim/engine/timeline.ts';

// Dichromat simulation matrices (linear RGB, severity 1.0): Machado, Oliveira & Fernandes (2009),
// "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6).
const CVD: Record<string, number[][]> = {
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of a linear-RGB colour (sRGB primaries, IEC 61966-2-1). */
function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb.map((x) => Math.min(1, Math.max(0, x))) as [number, number, number];
  const x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x / 0.95047) - f(y)), 200 * (f(y) - f(z / 1.08883))];
}

describe('satellite state styles', () => {
  it('has one style per state code, in SatState order', () => {
    expect(SAT_STATE_STYLES.map((s) => s.label)).toEqual([...SAT_STATE_NAMES]);
    expect(SAT_STATE_STYLES[SatState.downlinking]!.label).toBe('downlinking');
  });

  it('gives every state a second cue besides colour: no two states share shape and size', () => {
    const cues = SAT_STATE_STYLES.map((s) => `${s.shape}/${s.sizeScale}`);
    expect(new Set(cues).size).toBe(SAT_STATE_STYLES.length);
  });

  it('keeps state colours apart (CIELAB ΔE76 ≥ 15) with normal vision and each simulated dichromacy', () => {
    for (const [name, m] of Object.entries(CVD)) {
      const labs = SAT_STATE_STYLES.map((s) => {
        const l = hexToRgb(s.color).map(linear);
        return lab(m.map((row) => row[0]! * l[0]! + row[1]! * l[1]! + row[2]! * l[2]!));
      });
      let minDelta = Infinity;
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) minDelta = Math.min(minDelta, Math.hypot(...labs[i]!.map((v, k) => v - labs[j]![k]!)));
      }
      expect(minDelta, name).toBeGreaterThanOrEqual(15);
    }
  });

  it('emits GLSL constant arrays with one entry per state', () => {
    const glsl = stateStyleGlsl();
    expect(glsl).toContain('const int STATE_COUNT = 6;');
    expect(glsl).toContain('vec3(0.9412, 0.8941, 0.2588)'); // downlinking #f0e442
    expect(glsl).toMatch(/STATE_SHAPE\[6\] = float\[6\]\(0\.0, 3\.0, 2\.0, 1\.0, 0\.0, 4\.0\)/);
  });
});

describe('ground styles', () => {
  it('tells east and west hubs apart by colour and shape, and both from stations', () => {
    const { station, hubEast, hubWest } = GROUND_STYLES;
    expect(hubEast.color).not.toBe(hubWest.color);
    expect(hubEast.shape).not.toBe(hubWest.shape);
    expect(new Set([station.shape, hubEast.shape, hubWest.shape]).size).toBe(3);
  });

  it('parses sRGB hex', () => {
    expect(hexToRgb('#ff8000')).toEqual([1, 128 / 255, 0]);
  });
});
