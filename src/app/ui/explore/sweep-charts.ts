// The sweep's two uPlot charts outside React: made once per sweep shape, fed the session's rows at most once per frame
// (setData, no React), the crossovers drawn on the canvas (so the PNG has them) and handed to React as sentences only
// when they change; refinements (findBreakeven in the worker) kept per study key. DOM and uPlot; no React.
import uPlot from 'uplot';
import { formatDurationS, formatUsd } from '../../../sim/report/format.ts';
import { findParam, type ParamDef } from '../../../sim/study/params.ts';
import { formatParamValue, formatTick } from '../../explore/crossover.ts';
import type { BuiltStudy } from '../../explore/explore-study.ts';
import { refineNotes } from '../../explore/refine-notes.ts';
import type { StudySession } from '../../explore/study-session.ts';
import { crossoverNotes, seriesData, sweepLayout, type CrossoverNote, type SweepLayout, type SweepSeries } from '../../explore/sweep-layout.ts';
import { chartWidth, fillChartBackground, styledAxis } from '../chart-style.ts';
import { MODE_COLORS } from '../modes.ts';
import { subscribeFrames } from './use-session.ts';

export const CHART_HEIGHT_PX = 240;
const MIN_WIDTH_PX = 240;
const MARK_COLOR = '#ffffff';

interface Mark {
  x: number;
  text: string;
}

export interface SweepChartsEvents {
  /** The crossover sentences changed. */
  notes(notes: CrossoverNote[]): void;
  refining(on: boolean): void;
}

export interface SweepCharts {
  /** Refines the crossovers of the finished sweep (no-op while it runs or when done already). */
  refine(): void;
  dispose(): void;
}

/** Mounts the charts of the session's sweep (of `shape`) into the two hosts; null when the session holds another. */
export function mountSweepCharts(
  hosts: { cost: HTMLElement; latency: HTMLElement },
  session: StudySession,
  metrics: readonly string[],
  shape: string,
  autoRefine: boolean,
  events: SweepChartsEvents,
): SweepCharts | null {
  const built0 = session.state.built;
  if (!built0 || built0.shape !== shape) return null;
  const xdef = findParam(built0.study.x.path)!;
  const layout = sweepLayout(built0, metrics);
  const xlog = xdef.scale === 'log' && built0.study.x.low > 0;
  const marks = { cost: [] as Mark[], latency: [] as Mark[] };
  const cost = makeChart(hosts.cost, 'Cost per million tokens', xdef, xlog, layout.cost, formatUsd, () => marks.cost);
  const latency = makeChart(
    hosts.latency,
    'Capture-to-insight latency (p50 solid, p90 dashed)',
    xdef,
    xlog,
    layout.latency,
    formatDurationS,
    () => marks.latency,
  );
  const refiner = createRefiner(session, layout, events, () => draw());
  let lastText = '';
  const draw = () => {
    const s = session.state;
    const b = s.built;
    if (!b || b.shape !== shape) return;
    cost.setData(seriesData(layout.cost, b, s.rows, true) as uPlot.AlignedData);
    latency.setData(seriesData(layout.latency, b, s.rows, true) as uPlot.AlignedData);
    const notes = crossoverNotes(layout, b, s.rows, refiner.refinedFor(b.key));
    marks.cost = marksOf(notes, 'cost', xdef);
    marks.latency = marksOf(notes, 'latency', xdef);
    cost.redraw(false, false);
    latency.redraw(false, false);
    const text = notes.map((n) => `${n.text}|${n.refined}`).join('\n');
    if (text !== lastText) {
      lastText = text;
      events.notes(notes);
    }
    // Also between a slider's updates: a new update supersedes the refinement after its current point.
    if (autoRefine && s.status === 'done') refiner.start(s.runId, b, notes);
  };
  const off = subscribeFrames(session, draw);
  const resize = followWidth([
    [cost, hosts.cost],
    [latency, hosts.latency],
  ]);
  return {
    refine() {
      const s = session.state;
      if (s.status === 'done' && s.built?.shape === shape) refiner.start(s.runId, s.built, crossoverNotes(layout, s.built, s.rows));
    },
    dispose() {
      off();
      resize.disconnect();
      cost.destroy();
      latency.destroy();
    },
  };
}

/** The crossings of one metric as canvas marks at their (refined, else interpolated) value. */
function marksOf(notes: readonly CrossoverNote[], metric: CrossoverNote['metric'], xdef: ParamDef): Mark[] {
  return notes
    .filter((n) => n.crossing && n.metric === metric)
    .map((n) => {
      const x = n.refined ?? n.crossing!.x;
      return { x, text: formatParamValue(x, xdef) };
    });
}

/** Keeps each chart as wide as its host. */
function followWidth(pairs: readonly (readonly [uPlot, HTMLElement])[]): ResizeObserver {
  const resize = new ResizeObserver(() => {
    for (const [u, host] of pairs)
      if (chartWidth(host, MIN_WIDTH_PX) !== u.width) u.setSize({ width: chartWidth(host, MIN_WIDTH_PX), height: CHART_HEIGHT_PX });
  });
  for (const [, host] of pairs) resize.observe(host);
  return resize;
}

/** Refined break-evens of the latest study key, one refinement per key. */
function createRefiner(session: StudySession, layout: SweepLayout, events: SweepChartsEvents, redraw: () => void) {
  let key = '';
  let refined = new Map<string, number>();
  let started = '';
  return {
    refinedFor(k: string): ReadonlyMap<string, number> {
      if (k !== key) [key, refined] = [k, new Map()];
      return refined;
    },
    start(runId: number, b: BuiltStudy, notes: readonly CrossoverNote[]): void {
      if (started === b.key || !notes.some((n) => n.crossing)) return;
      started = b.key;
      events.refining(true);
      void refineNotes(session, runId, b, layout, notes).then((m) => {
        if (key === b.key) refined = m;
        events.refining(false);
        redraw();
      });
    },
  };
}

function makeChart(
  host: HTMLElement,
  title: string,
  xdef: ParamDef,
  xlog: boolean,
  series: readonly SweepSeries[],
  fmt: (v: number) => string,
  marks: () => readonly Mark[],
): uPlot {
  const opts: uPlot.Options = {
    title,
    width: chartWidth(host, MIN_WIDTH_PX),
    height: CHART_HEIGHT_PX,
    scales: { x: { time: false, distr: xlog ? 3 : 1 }, y: { distr: 3 } },
    series: [
      { label: `${xdef.label} (${xdef.unit})`, value: (_u, v) => (v === null ? '' : formatParamValue(v, xdef)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: MODE_COLORS[s.mode],
        width: 1.5,
        dash: s.dash,
        spanGaps: true,
        points: { show: true, size: 4 },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : fmt(v)),
      })),
    ],
    axes: [
      styledAxis({ label: `${xdef.label} (${xdef.unit})`, labelSize: 18, values: (_u, vals) => vals.map(formatTick) }),
      styledAxis({ size: 72, values: (_u, vals) => vals.map((v) => (v === null ? '' : fmt(v))) }),
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    hooks: { draw: [(u) => drawMarks(u, marks())], drawClear: [fillChartBackground] },
  };
  return new uPlot(opts, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, host);
}

/** A dashed vertical line at each crossover with its value, on the canvas (so the PNG has it). */
function drawMarks(u: uPlot, marks: readonly Mark[]): void {
  const ctx = u.ctx;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = MARK_COLOR;
  ctx.fillStyle = MARK_COLOR;
  ctx.lineWidth = px;
  ctx.setLineDash([4 * px, 3 * px]);
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  marks.forEach((m, k) => {
    const x = u.valToPos(m.x, 'x', true);
    if (!Number.isFinite(x)) return;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    const w = ctx.measureText(m.text).width;
    const right = x + 4 * px + w < u.bbox.left + u.bbox.width;
    ctx.fillText(m.text, right ? x + 4 * px : x - 4 * px - w, u.bbox.top + (12 + 13 * k) * px); // one line each
  });
  ctx.restore();
}
