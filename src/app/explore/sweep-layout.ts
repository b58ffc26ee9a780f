// What the sweep charts draw, from a study and the rows received: the series (cost per million tokens, latency p50
// and p90, per mode and per value of the second parameter), their data for uPlot, and the crossover notes (where
// orbit and ground swap places, in words, refined values preferred). Pure: no DOM, React or uPlot.
import type { ProcessingMode } from '../../sim/scenario/schema.ts';
import { findParam } from '../../sim/study/params.ts';
import { MODE_LABELS, MODE_ORDER } from '../ui/modes.ts';
import { crossingLabel, crossings, formatParamValue, noCrossingLabel, type Crossing } from './crossover.ts';
import type { BuiltStudy } from './explore-study.ts';
import { sweepValues, type ReceivedRows } from './study-table.ts';

export const ORBIT: ProcessingMode = 'onboard';
export const GROUND: ProcessingMode = 'ground';

export interface SweepSeries {
  label: string;
  mode: ProcessingMode;
  /** Metric column. */
  metric: number;
  /** Value index of the second parameter (0 without one). */
  iy: number;
  /** Dash pattern (CSS px): p90 dashed, the second parameter's values dotted further. */
  dash: number[];
}

export interface SweepLayout {
  cost: SweepSeries[];
  latency: SweepSeries[];
  /** "GPU rent $2.35/h" per value of the second parameter ([''] without one). */
  yLabels: string[];
  /** Metric columns compared for the crossovers (−1 when the run lacks a mode). */
  orbitCost: number;
  groundCost: number;
  orbitP50: number;
  groundP50: number;
}

const Y_DASHES: readonly number[][] = [[], [8, 3], [2, 3], [8, 3, 2, 3], [12, 6]];

/** The series of a sweep: every mode the run has, for each value of the second parameter. */
export function sweepLayout(built: BuiltStudy, metrics: readonly string[]): SweepLayout {
  const modes = MODE_ORDER.filter((m) => metrics.includes(`${m}.costUsdPerMTok`));
  const ydef = built.study.y ? findParam(built.study.y.path) : undefined;
  const yValues = built.ys.length && ydef ? built.ys.map((y) => formatParamValue(y, ydef)) : [''];
  const yLabels = ydef ? yValues.map((v) => (v ? `${ydef.label} ${v}` : '')) : yValues;
  const cost: SweepSeries[] = [];
  const latency: SweepSeries[] = [];
  yValues.forEach((yv, iy) => {
    const suffix = yv ? ` · ${yv}` : '';
    const dash = Y_DASHES[iy % Y_DASHES.length]!;
    for (const mode of modes) {
      cost.push({ label: `${MODE_LABELS[mode]}${suffix}`, mode, metric: metrics.indexOf(`${mode}.costUsdPerMTok`), iy, dash });
      latency.push({ label: `${MODE_LABELS[mode]} p50${suffix}`, mode, metric: metrics.indexOf(`${mode}.latencyS.p50`), iy, dash });
      latency.push({
        label: `${MODE_LABELS[mode]} p90${suffix}`,
        mode,
        metric: metrics.indexOf(`${mode}.latencyS.p90`),
        iy,
        dash: dash.length ? dash : [4, 4],
      });
    }
  });
  const at = (name: string) => metrics.indexOf(name);
  return {
    cost,
    latency,
    yLabels,
    orbitCost: at(`${ORBIT}.costUsdPerMTok`),
    groundCost: at(`${GROUND}.costUsdPerMTok`),
    orbitP50: at(`${ORBIT}.latencyS.p50`),
    groundP50: at(`${GROUND}.latencyS.p50`),
  };
}

/** uPlot's data: the x values, then one array per series (null where a point is missing or has no value). */
export function seriesData(series: readonly SweepSeries[], built: BuiltStudy, rows: ReceivedRows, positiveOnly: boolean): (number | null)[][] {
  return [
    built.xs,
    ...series.map((s) => sweepValues(built, rows, s.metric, s.iy).map((v) => (v === undefined || v === null || (positiveOnly && v <= 0) ? null : v))),
  ];
}

export interface CrossoverNote {
  metric: 'cost' | 'latency';
  iy: number;
  /** The crossing (null: no crossing, `text` says who wins throughout). */
  crossing: Crossing | null;
  /** Key of a refined value (metric, iy, crossing number). */
  refineKey: string;
  /** The break-even found by refinement, when done. */
  refined: number | null;
  /** "orbit is cheaper below $312/kg" (with "when GPU rent $2.35/h" for a second parameter). */
  text: string;
}

/** The crossover notes of cost and latency p50, per value of the second parameter, from the points received so far. */
export function crossoverNotes(layout: SweepLayout, built: BuiltStudy, rows: ReceivedRows, refined: ReadonlyMap<string, number> = new Map()): CrossoverNote[] {
  const xdef = findParam(built.study.x.path);
  if (!xdef || layout.orbitCost < 0 || layout.groundCost < 0) return [];
  const log = xdef.scale === 'log' && built.study.x.low > 0;
  const out: CrossoverNote[] = [];
  const pairs = [
    { metric: 'cost' as const, a: layout.orbitCost, b: layout.groundCost, better: 'cheaper' },
    { metric: 'latency' as const, a: layout.orbitP50, b: layout.groundP50, better: 'faster' },
  ];
  layout.yLabels.forEach((yl, iy) => {
    const when = yl ? ` when ${yl}` : '';
    for (const { metric, a, b, better } of pairs) {
      const orbit = sweepValues(built, rows, a, iy);
      const ground = sweepValues(built, rows, b, iy);
      const found = crossings(built.xs, orbit, ground, log);
      found.forEach((c, k) => {
        const refineKey = `${metric}|${iy}|${k}`;
        const r = refined.get(refineKey) ?? null;
        out.push({ metric, iy, crossing: c, refineKey, refined: r, text: crossingLabel(r === null ? c : { ...c, x: r }, xdef, better) + when });
      });
      const none = found.length ? null : noCrossingLabel(orbit, ground, better);
      if (none) out.push({ metric, iy, crossing: null, refineKey: `${metric}|${iy}|-`, refined: null, text: none + when });
    }
  });
  return out;
}
