// The tornado as the view draws it: one row per parameter with a bar per mode (orbit and ground), ranked by the
// larger swing of the two, and the assumptions that flip the winner in words. Built on the study core's tornado()
// (analysis.ts). Pure: no DOM or React.
import type { Tornado } from '../../sim/study/analysis.ts';
import { findParam } from '../../sim/study/params.ts';
import { formatParamValue } from './crossover.ts';

export interface TornadoRow {
  path: string;
  label: string;
  lowValue: number;
  highValue: number;
  /** Per mode: the metric at the parameter's low and high (null: no value there). */
  bars: { mode: string; atLow: number | null; atHigh: number | null }[];
  /** The largest swing over the modes (Infinity when an end has no value). */
  swing: number;
}

/** The `top` rows with the largest swing, largest first (ties by path). */
export function tornadoRows(t: Tornado, modes: readonly string[], top: number): TornadoRow[] {
  const byPath = new Map<string, TornadoRow>();
  for (const mode of modes)
    for (const b of t.bars[mode] ?? []) {
      const row = byPath.get(b.path) ?? { path: b.path, label: b.label, lowValue: b.lowValue, highValue: b.highValue, bars: [], swing: 0 };
      row.bars.push({ mode, atLow: b.atLow, atHigh: b.atHigh });
      row.swing = Math.max(row.swing, b.swing);
      byPath.set(b.path, row);
    }
  return [...byPath.values()].sort((a, b) => b.swing - a.swing || (a.path < b.path ? -1 : 1)).slice(0, top);
}

/** "launch price at its high ($10000/kg): ground is cheaper" for each flip of the winner. */
export function flipSentences(t: Tornado, better: string, orbit = 'onboard'): string[] {
  return t.flips.map((f) => {
    const def = findParam(f.path);
    const value = def ? formatParamValue(f.value, def) : String(f.value);
    return `${def?.label ?? f.path} at its ${f.level} (${value}): ${f.winner === orbit ? 'orbit' : 'ground'} is ${better}`;
  });
}
