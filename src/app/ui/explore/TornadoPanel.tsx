// The tornado: every registry parameter the run has, each at its registry low and high with the others at the run's
// values; a bar per mode from the metric at the low end to the metric at the high end (a tick marks the high end),
// the largest swings on top, drawn on a uPlot canvas as parameters complete; the assumptions that flip the winner in
// words. Changing the metric only re-reads the rows (no new points).
import { useEffect, useRef, useState, type RefObject } from 'react';
import uPlot from 'uplot';
import type { StudyInfo } from '../../../../workers/protocol.ts';
import { formatDurationS, formatUsd } from '../../../sim/report/format.ts';
import { tornado } from '../../../sim/study/analysis.ts';
import { formatParamValue } from '../../explore/crossover.ts';
import { TORNADO_METRICS, type ExploreStudy, type TornadoMetric } from '../../explore/explore-study.ts';
import type { StudySession } from '../../explore/study-session.ts';
import { completeSensitivityTable, studyTable } from '../../explore/study-table.ts';
import { flipSentences, tornadoRows, type TornadoRow } from '../../explore/tornado-rows.ts';
import { findParam } from '../../../sim/study/params.ts';
import { chartWidth, fillChartBackground, styledAxis } from '../chart-style.ts';
import { MODE_COLORS, MODE_LABELS } from '../modes.ts';
import { useServices } from '../services.ts';
import { subscribeFrames, type SessionStatusView } from './use-session.ts';

const TOP = 12;
const ROW_PX = 28;
const MODES = ['onboard', 'ground'] as const;
const METRIC_LABELS: Record<TornadoMetric, string> = {
  costUsdPerMTok: 'Cost per million tokens',
  'latencyS.p50': 'Latency p50',
  'latencyS.p90': 'Latency p90',
};

interface Props {
  study: ExploreStudy;
  info: StudyInfo;
  status: SessionStatusView;
  onCommit(study: ExploreStudy): void;
}

export function TornadoPanel({ study, info, status, onCommit }: Props) {
  const { explore: session } = useServices();
  const hostRef = useRef<HTMLDivElement>(null);
  const metric = study.metric;
  const fmt = metric === 'costUsdPerMTok' ? formatUsd : formatDurationS;
  const { rows, flips } = useTornadoChart(hostRef, session, info.metrics, metric, status.kind === 'tornado');
  return (
    <div className="explore-body">
      <div className="explore-form row">
        <label>
          Metric{' '}
          <select data-testid="explore-tornado-metric" value={metric} onChange={(e) => onCommit({ ...study, metric: e.target.value as TornadoMetric })}>
            {TORNADO_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">
          each parameter at its registry low and high, the others at this run's values; the {TOP} largest swings. Bars:{' '}
          <span style={{ color: MODE_COLORS.onboard }}>■ {MODE_LABELS.onboard}</span> <span style={{ color: MODE_COLORS.ground }}>■ {MODE_LABELS.ground}</span>,
          from the metric at the low end to the high end (white tick)
        </span>
      </div>
      <div
        ref={hostRef}
        className="chart explore-chart"
        data-testid="explore-tornado-chart"
        role="img"
        aria-label="Tornado chart; the table below lists the same numbers"
      />
      {flips.length > 0 && (
        <ul className="crossovers" data-testid="explore-flips" aria-label="Assumptions that flip the winner">
          {flips.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <TornadoTable rows={rows} fmt={fmt} />
    </div>
  );
}

/** The tornado drawn into `hostRef` as the session's rows arrive; the rows and flips for React when they change. */
function useTornadoChart(hostRef: RefObject<HTMLDivElement | null>, session: StudySession, metrics: readonly string[], metric: TornadoMetric, active: boolean) {
  const [rows, setRows] = useState<TornadoRow[]>([]);
  const [flips, setFlips] = useState<string[]>([]);
  useEffect(() => {
    const host = hostRef.current;
    if (!host || !active) return;
    let shown: TornadoRow[] = [];
    let lastText = '';
    const u = makeTornadoChart(host, () => shown, metric === 'costUsdPerMTok' ? formatUsd : formatDurationS);
    const draw = () => {
      const s = session.state;
      if (!s.built || s.built.study.kind !== 'tornado') return;
      const table = completeSensitivityTable(studyTable(s.built, metrics, s.rows));
      const t = table ? tornado(table, metric, MODES) : null;
      shown = t ? tornadoRows(t, MODES, TOP) : [];
      const values = shown.flatMap((r) => r.bars.flatMap((b) => [b.atLow, b.atHigh])).filter((v): v is number => v !== null && v > 0);
      if (values.length) u.setScale('x', { min: Math.min(...values) / 1.1, max: Math.max(...values) * 1.1 });
      u.redraw(false, true); // the labels change with the rows, not with the scale: recompute the axes
      const f = t ? flipSentences(t, metric === 'costUsdPerMTok' ? 'cheaper' : 'faster') : [];
      const text = JSON.stringify([shown, f]);
      if (text !== lastText) {
        lastText = text;
        setRows(shown);
        setFlips(f);
      }
    };
    const off = subscribeFrames(session, draw);
    const resize = new ResizeObserver(() => u.width !== chartWidth(host, 300) && u.setSize({ width: chartWidth(host, 300), height: u.height }));
    resize.observe(host);
    return () => {
      off();
      resize.disconnect();
      u.destroy();
    };
  }, [hostRef, session, metrics, metric, active]);
  return { rows, flips };
}

function TornadoTable({ rows, fmt }: { rows: readonly TornadoRow[]; fmt: (v: number | null) => string }) {
  if (rows.length === 0) return null;
  return (
    <table className="explore-table" data-testid="explore-tornado-table">
      <caption className="sr-only">Each parameter at its low and high: the metric per mode</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Low → high</th>
          {MODES.map((m) => (
            <th key={m} scope="col" className="num">
              {MODE_LABELS[m]} (low → high)
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const def = findParam(r.path);
          const v = (x: number) => (def ? formatParamValue(x, def) : String(x));
          return (
            <tr key={r.path}>
              <th scope="row">{r.label}</th>
              <td>
                {v(r.lowValue)} → {v(r.highValue)}
              </td>
              {r.bars.map((b) => (
                <td key={b.mode} className="num">
                  {fmt(b.atLow)} → {fmt(b.atHigh)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A uPlot with a log metric axis and the rows' labels down the side; the bars are drawn by its draw hook. */
function makeTornadoChart(host: HTMLElement, rows: () => readonly TornadoRow[], fmt: (v: number) => string): uPlot {
  const rowAt = (i: number) => rows()[TOP - 1 - i];
  const opts: uPlot.Options = {
    width: chartWidth(host, 300),
    height: TOP * ROW_PX + 50,
    scales: { x: { time: false, distr: 3, auto: false }, y: { auto: false, range: [-0.5, TOP - 0.5] } },
    series: [{}, { label: 'metric', scale: 'y', show: false }],
    axes: [
      styledAxis({ values: (_u, vals) => vals.map((v) => (v === null ? '' : fmt(v))) }),
      styledAxis({
        size: 210,
        splits: () => Array.from({ length: TOP }, (_, i) => i),
        values: (_u, vals) => vals.map((i) => rowAt(i)?.label ?? ''),
        grid: { show: false },
      }),
    ],
    legend: { show: false },
    cursor: { show: false },
    hooks: {
      drawClear: [fillChartBackground],
      draw: [(u) => drawBars(u, rows())],
    },
  };
  return new uPlot(
    opts,
    [
      [1, 2],
      [null, null],
    ] as unknown as uPlot.AlignedData,
    host,
  );
}

/** A bar per mode and row, from the metric at the parameter's low end to its high end; a tick at the high end. */
function drawBars(u: uPlot, rows: readonly TornadoRow[]): void {
  const ctx = u.ctx;
  const px = uPlot.pxRatio;
  const band = (ROW_PX * px) / 3;
  rows.forEach((r, k) => {
    const yc = u.valToPos(TOP - 1 - k, 'y', true);
    r.bars.forEach((b, m) => {
      if (b.atLow === null || b.atHigh === null || b.atLow <= 0 || b.atHigh <= 0) return;
      const [x0, x1] = [u.valToPos(b.atLow, 'x', true), u.valToPos(b.atHigh, 'x', true)];
      const top = yc - band + m * band;
      ctx.fillStyle = MODE_COLORS[b.mode as (typeof MODES)[number]];
      ctx.fillRect(Math.min(x0, x1), top, Math.max(2 * px, Math.abs(x1 - x0)), band * 0.9);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x1 - px, top, 2 * px, band * 0.9);
    });
  });
}
