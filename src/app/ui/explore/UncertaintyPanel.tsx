// The uncertainty distribution: Latin hypercube samples of the parameters in scope (the distributions and draw seed of
// `ocsim uncertainty`), the histogram of orbit and ground cost per million tokens (uPlot bars, drawn as samples
// arrive), the chance that orbit is cheaper and faster, and the p5–p95 spreads.
import { useEffect, useRef, useState, type RefObject } from 'react';
import uPlot from 'uplot';
import type { StudyInfo } from '../../../../workers/protocol.ts';
import { formatDurationS, formatPercent, formatUsd } from '../../../sim/report/format.ts';
import type { Spread } from '../../../sim/study/analysis.ts';
import { inScope, MAX_SAMPLES, UNCERTAINTY_SCOPES, type ExploreStudy, type UncertaintyScope } from '../../explore/explore-study.ts';
import type { StudySession } from '../../explore/study-session.ts';
import { UNCERTAINTY_MODES, uncertaintyView, type UncertaintyView } from '../../explore/uncertainty-view.ts';
import { chartWidth, fillChartBackground, styledAxis } from '../chart-style.ts';
import { MODE_COLORS, MODE_LABELS } from '../modes.ts';
import { useServices } from '../services.ts';
import { NumberText, STAGE_COST } from './AxisPicker.tsx';
import { subscribeFrames, type SessionStatusView } from './use-session.ts';

const BINS = 24;
const SCOPE_LABELS: Record<UncertaintyScope, string> = {
  pricing: 'prices (instant)',
  processing: 'prices and processing',
  all: 'every parameter (reruns the contacts: slow)',
};

interface Props {
  study: ExploreStudy;
  info: StudyInfo;
  status: SessionStatusView;
  onRun(study: ExploreStudy): void;
}

export function UncertaintyPanel({ study, info, status, onRun }: Props) {
  const { explore: session } = useServices();
  const hostRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState({ samples: study.samples, scope: study.scope });
  const inScopeCount = info.params.filter((p) => inScope(p.stage, draft.scope)).length;
  const view = useHistogram(hostRef, session, info.metrics, status.kind === 'uncertainty');

  const s = view?.summary;
  return (
    <div className="explore-body">
      <div className="explore-form row">
        <NumberText
          id="explore-samples"
          label="samples"
          value={draft.samples}
          integer
          max={MAX_SAMPLES}
          onValue={(samples) => setDraft({ ...draft, samples })}
        />
        <label>
          vary{' '}
          <select data-testid="explore-scope" value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as UncertaintyScope })}>
            {UNCERTAINTY_SCOPES.map((sc) => (
              <option key={sc} value={sc}>
                {SCOPE_LABELS[sc]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" data-testid="explore-run" onClick={() => onRun({ ...study, ...draft })}>
          Run {draft.samples} samples
        </button>
        <span className="muted small">
          {inScopeCount} parameters, Latin hypercube with the CLI's distributions (log-normal for log-scale parameters, else triangular peaked at the run's
          value), draw seed 1; {draft.scope === 'pricing' ? STAGE_COST.pricing : 'slowest stage decides'}
        </span>
      </div>
      <div className="p-cards row">
        <div className="metric">
          <div className="metric-label">P(orbit cheaper)</div>
          <div className="metric-value" data-testid="explore-p-cheaper">
            {s ? formatPercent(s.pOrbitCheaper) : '…'}
          </div>
        </div>
        <div className="metric">
          <div className="metric-label">P(orbit faster, p50)</div>
          <div className="metric-value" data-testid="explore-p-faster">
            {s ? formatPercent(s.pOrbitFaster) : '…'}
          </div>
        </div>
        <span className="muted small">{s ? `of ${s.samples} samples` : ''}</span>
      </div>
      <div
        ref={hostRef}
        className="chart explore-chart"
        data-testid="explore-histogram"
        role="img"
        aria-label="Histogram of cost per million tokens, orbit and ground; the table lists the spreads"
      />
      {s && <SpreadTable spreads={s.spreads} />}
    </div>
  );
}

/** The cost histogram drawn into `hostRef` as samples arrive; the summary for React. */
function useHistogram(hostRef: RefObject<HTMLDivElement | null>, session: StudySession, metrics: readonly string[], active: boolean): UncertaintyView | null {
  const [view, setView] = useState<UncertaintyView | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host || !active) return;
    const u = makeHistogram(host);
    const draw = () => {
      const s = session.state;
      if (!s.built || s.built.study.kind !== 'uncertainty') return;
      const data = uncertaintyView(metrics, s.rows, BINS);
      const h = data?.costHistogram;
      u.setData((h ? [h.centres, ...h.counts] : [[], [], []]) as unknown as uPlot.AlignedData);
      setView(data);
    };
    const off = subscribeFrames(session, draw);
    const resize = new ResizeObserver(() => u.width !== chartWidth(host, 300) && u.setSize({ width: chartWidth(host, 300), height: u.height }));
    resize.observe(host);
    return () => {
      off();
      resize.disconnect();
      u.destroy();
    };
  }, [hostRef, session, metrics, active]);
  return view;
}

function SpreadTable({ spreads }: { spreads: Record<string, Spread> }) {
  const line = (label: string, metric: string, fmt: (v: number | null) => string) => (
    <tr key={metric}>
      <th scope="row">{label}</th>
      {UNCERTAINTY_MODES.map((m) => {
        const sp = spreads[`${m}.${metric}`];
        return (
          <td key={m} className="num">
            {sp ? `${fmt(sp.p5)} · ${fmt(sp.p50)} · ${fmt(sp.p95)}` : 'n/a'}
          </td>
        );
      })}
    </tr>
  );
  return (
    <table className="explore-table" data-testid="explore-spreads">
      <caption className="sr-only">p5, p50 and p95 of the samples per mode</caption>
      <thead>
        <tr>
          <th scope="col">p5 · p50 · p95</th>
          {UNCERTAINTY_MODES.map((m) => (
            <th key={m} scope="col" className="num">
              {MODE_LABELS[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {line('Cost per M tokens', 'costUsdPerMTok', (v) => (v === null ? 'no tokens' : formatUsd(v)))}
        {line('Latency p50', 'latencyS.p50', (v) => (v === null ? 'not reached' : formatDurationS(v)))}
      </tbody>
    </table>
  );
}

/** Bars of orbit and ground side by side per bin; x on a log scale (cost spans decades between the modes). */
function makeHistogram(host: HTMLElement): uPlot {
  const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.45, 60], align });
  const opts: uPlot.Options = {
    title: 'Cost per million tokens over the samples',
    width: chartWidth(host, 300),
    height: 240,
    scales: { x: { time: false, distr: 3 }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: 'cost', value: (_u, v) => (v === null ? '' : formatUsd(v)) },
      ...UNCERTAINTY_MODES.map((m, i) => ({
        label: `${MODE_LABELS[m]} samples`,
        stroke: MODE_COLORS[m],
        fill: `${MODE_COLORS[m]}99`,
        paths: bars(i === 0 ? -1 : 1),
        points: { show: false },
      })),
    ],
    axes: [styledAxis({ values: (_u, vals) => vals.map((v) => (v === null ? '' : formatUsd(v))) }), styledAxis({ size: 50 })],
    cursor: { drag: { x: false, y: false } },
    hooks: { drawClear: [fillChartBackground] },
  };
  return new uPlot(opts, [[], [], []] as unknown as uPlot.AlignedData, host);
}
