// Slider positions of a parameter: SLIDER_STEPS steps over its registry range, geometric for log-scale parameters,
// values rounded to three significant digits (integers to integers) so the curves are labelled with round numbers.
// Pure.
import type { ParamDef } from '../../sim/study/params.ts';

export const SLIDER_STEPS = 1000;

/** The parameter value at slider position `pos` (0…SLIDER_STEPS). */
export function sliderValue(pos: number, def: Pick<ParamDef, 'low' | 'high' | 'scale' | 'integer'>): number {
  const f = Math.min(1, Math.max(0, pos / SLIDER_STEPS));
  const log = def.scale === 'log' && def.low > 0;
  const v = log ? def.low * (def.high / def.low) ** f : def.low + f * (def.high - def.low);
  return def.integer ? Math.round(v) : Number(v.toPrecision(3));
}

/** The slider position nearest to `value` (clamped to the range). */
export function sliderPosition(value: number, def: Pick<ParamDef, 'low' | 'high' | 'scale'>): number {
  const log = def.scale === 'log' && def.low > 0 && value > 0;
  const f = log ? Math.log(value / def.low) / Math.log(def.high / def.low) : (value - def.low) / (def.high - def.low);
  return Math.round(Math.min(1, Math.max(0, f)) * SLIDER_STEPS);
}
