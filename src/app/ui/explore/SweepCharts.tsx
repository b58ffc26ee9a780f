// The sweep's charts (uPlot): cost per million tokens and latency p50/p90 per mode against the parameter, one curve
// per value of the second parameter, the crossovers marked on the canvas and said in words under them. Rows are
// drawn as they arrive, at most once per frame, straight into uPlot; React renders only the sentences. A finished
// sweep of a price is refined at once (findBreakeven in the worker); other sweeps on request.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDurationS, formatUsd } from '../../../sim/report/format.ts';
import { findParam, type ParamDef } from '../../../sim/study/params.ts';
import { formatParamValue, formatTick } from '../../explore/crossover.ts';
import { refineNotes } from '../../explore/refine-notes.ts';
import type { StudySession } from '../../explore/study-session.ts';
import { crossoverNotes, seriesData, sweepLayout, type CrossoverNote, type SweepSeries } from '../../explore/sweep-layout.ts';
import { chartWidth, fillChartBackground, styledAxis } from '../chart-style.ts';
import { MODE_COLORS } from '../modes.ts';
import { subscribeFrames, useSessionStatus } from './use-session.ts';

const CHART_HEIGHT_PX = 240;
const MARK_COLOR = '#ffffff';

interface Props {
  session: StudySession;
  metrics: readonly string[];
  /** The sweep's shape (the charts are made again for another one). */
  shape: string;
  /** Refine crossovers as soon as the sweep is done (a price: each point is instant). */
  autoRefine: boolean;
}

interface Mark {
  x: number;
  text: string;
}

export function SweepCharts({ session, metrics, shape, autoRefine }: Props) {
  const costRef = useRef<HTMLDivElement>(null);
  const latencyRef = useRef<HTMLDivElement>(null);
  const [notes, setNotes] = useState<CrossoverNote[]>([]);
  const [refining, setRefining] = useState(false);
  const refineRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const built0 = session.state.built;
    if (!built0 || built0.shape !== shape || !costRef.current || !latencyRef.current) return;
    const xdef = findParam(built0.study.x.path)!;
    const layout = sweepLayout(built0, metrics);
    const xlog = xdef.scale === 'log' && built0.study.x.low > 0;
    const marks = { cost: [] as Mark[], latency: [] as Mark[] };
    const cost = makeChart(costRef.current, 'Cost per million tokens', xdef, xlog, layout.cost, formatUsd, () => marks.cost);
    const latency = makeChart(
      latencyRef.current,
      'Capture-to-insight latency (p50 solid, p90 dashed)',
      xdef,
      xlog,
      layout.latency,
      formatDurationS,
      () => marks.latency,
    );
    let refined = new Map<string, number>();
    let refinedFor = '';
    let refineStartedFor = '';
    let lastText = '';
    const draw = () => {
      const s = session.state;
      const b = s.built;
      if (!b || b.shape !== shape) return;
      if (b.key !== refinedFor) {
        refined = new Map();
        refinedFor = b.key;
      }
      cost.setData(seriesData(layout.cost, b, s.rows, true) as uPlot.AlignedData);
      latency.setData(seriesData(layout.latency, b, s.rows, true) as uPlot.AlignedData);
      const found = crossoverNotes(layout, b, s.rows, refined);
      const markOf = (n: CrossoverNote) => ({ x: n.refined ?? n.crossing!.x, text: formatParamValue(n.refined ?? n.crossing!.x, xdef) });
      marks.cost = found.filter((n) => n.crossing && n.metric === 'cost').map(markOf);
      marks.latency = found.filter((n) => n.crossing && n.metric === 'latency').map(markOf);
      cost.redraw(false, false);
      latency.redraw(false, false);
      const text = found.map((n) => `${n.text}|${n.refined}`).join('\n');
      if (text !== lastText) {
        lastText = text;
        setNotes(found);
      }
      const refine = () => {
        if (refineStartedFor === b.key || !found.some((n) => n.crossing)) return;
        refineStartedFor = b.key;
        setRefining(true);
        void refineNotes(session, s.runId, b, layout, found).then((m) => {
          if (refinedFor === b.key) refined = m;
          setRefining(false);
          draw();
        });
      };
      refineRef.current = s.status === 'done' ? refine : () => undefined;
      // Also between a slider's updates: a new update supersedes the refinement after its current point.
      if (autoRefine && s.status === 'done') refine();
    };
    const off = subscribeFrames(session, draw);
    const resize = new ResizeObserver(() => {
      for (const [u, host] of [
        [cost, costRef.current],
        [latency, latencyRef.current],
      ] as const)
        if (host && chartWidth(host, 240) !== u.width) u.setSize({ width: chartWidth(host, 240), height: CHART_HEIGHT_PX });
    });
    resize.observe(costRef.current);
    return () => {
      off();
      resize.disconnect();
      cost.destroy();
      latency.destroy();
    };
  }, [session, metrics, shape, autoRefine]);

  const { status } = useSessionStatus(session);
  const canRefine = !autoRefine && status === 'done' && notes.some((n) => n.crossing && n.refined === null);
  return (
    <div className="explore-sweep">
      <div
        ref={costRef}
        className="chart explore-chart"
        data-testid="explore-cost-chart"
        role="img"
        aria-label="Cost per million tokens per mode against the parameter; the sentences below say where orbit and ground swap places"
      />
      <div
        ref={latencyRef}
        className="chart explore-chart"
        data-testid="explore-latency-chart"
        role="img"
        aria-label="Latency p50 and p90 per mode against the parameter"
      />
      <ul className="crossovers" aria-live="polite" aria-label="Where orbit and ground swap places">
        {notes.map((n) => (
          <li key={`${n.refineKey}`} data-testid={n.crossing ? 'explore-crossover' : 'explore-winner'} className={n.metric}>
            {capitalise(n.text)}
            {n.crossing && <span className="muted small">{n.refined !== null ? ' (refined)' : ' (between two points)'}</span>}
          </li>
        ))}
      </ul>
      {canRefine && (
        <button type="button" data-testid="explore-refine" disabled={refining} onClick={() => refineRef.current()}>
          {refining ? 'Refining…' : 'Refine the crossovers'}
        </button>
      )}
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
    width: chartWidth(host, 240),
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
  for (const m of marks) {
    const x = u.valToPos(m.x, 'x', true);
    if (!Number.isFinite(x)) continue;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    const w = ctx.measureText(m.text).width;
    const right = x + 4 * px + w < u.bbox.left + u.bbox.width;
    ctx.fillText(m.text, right ? x + 4 * px : x - 4 * px - w, u.bbox.top + 12 * px);
  }
  ctx.restore();
}
