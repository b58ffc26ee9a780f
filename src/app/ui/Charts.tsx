// Time-series charts (uPlot, canvas): backlog, downlinked bytes and tokens per mode over the run, with a
// playhead synced to the timeline (moved from the clock's slow tick, not through React). Clicking a chart seeks.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { RunResult } from '../../sim/engine/result-types.ts';
import type { ProcessingMode } from '../../sim/scenario/schema.ts';
import { useUi, useUiStore } from '../store.ts';
import { chartData, CHARTS, type ChartKind } from './chart-data.ts';
import { formatBytes, formatTokens } from '../../sim/report/format.ts';
import { styledAxis } from './chart-style.ts';
import { formatUtcSecond } from './format.ts';
import { MODE_COLORS, MODE_LABELS, MODE_ORDER } from './modes.ts';
import { useRun, useServices } from './services.ts';

/** How often the playhead follows the clock, ms of wall time. */
const PLAYHEAD_PERIOD_MS = 200;
const CHART_HEIGHT_PX = 130;

export function Charts() {
  const run = useRun();
  const store = useUiStore();
  const mode = useUi(store, (s) => s.mode);
  if (!run) return null;
  return (
    <section className="panel-section" aria-labelledby="charts-h">
      <h2 id="charts-h">Over the run</h2>
      {CHARTS.map((c) => (
        <Chart key={c.kind} run={run} kind={c.kind} title={c.title} unit={c.unit} mode={mode} />
      ))}
    </section>
  );
}

/** x tick label: HH:MM UTC, or MM-DD at midnight. */
function utcTick(sec: number): string {
  const iso = formatUtcSecond(sec * 1000);
  return iso.slice(11, 16) === '00:00' ? iso.slice(5, 10) : iso.slice(11, 16);
}

interface ChartProps {
  run: RunResult;
  kind: ChartKind;
  title: string;
  unit: 'bytes' | 'tokens';
  mode: ProcessingMode;
}

function Chart({ run, kind, title, unit, mode }: ChartProps) {
  const { clock, frameBuffer } = useServices();
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const modes = MODE_ORDER.filter((m) => run.series.modes[m] !== undefined);
    const data = chartData(run.series, kind, modes);
    const fmt = unit === 'bytes' ? formatBytes : formatTokens;
    const opts: uPlot.Options = {
      title,
      width: Math.max(200, host.clientWidth),
      height: CHART_HEIGHT_PX,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      series: [
        { label: 'UTC', value: (_u, v) => (v === null ? '' : formatUtcSecond(v * 1000).slice(11)) },
        ...modes.map((m) => ({
          label: MODE_LABELS[m],
          stroke: MODE_COLORS[m],
          width: m === mode ? 2.5 : 1,
          alpha: m === mode ? 1 : 0.6,
          value: (_u: uPlot, v: number | null) => (v === null ? '' : fmt(v)),
        })),
      ],
      axes: [styledAxis({ values: (_u, vals) => vals.map(utcTick) }), styledAxis({ size: 68, values: (_u, vals) => vals.map((v) => fmt(v)) })],
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
    };
    const u = new uPlot(opts, [data.xs, ...data.ys.map((y) => y ?? new Float64Array(data.xs.length))] as uPlot.AlignedData, host);
    const playhead = document.createElement('div');
    playhead.className = 'playhead';
    u.over.appendChild(playhead);
    const onClick = () => {
      const left = u.cursor.left;
      if (left !== undefined && left >= 0) clock.seek(u.posToVal(left, 'x') * 1000);
    };
    u.over.addEventListener('click', onClick);
    const offClock = clock.subscribe((t) => {
      const x = u.valToPos(t / 1000, 'x');
      playhead.style.transform = `translateX(${x}px)`;
      playhead.style.display = Number.isFinite(x) ? '' : 'none';
    }, PLAYHEAD_PERIOD_MS);
    const resize = new ResizeObserver(() => {
      const w = Math.max(200, host.clientWidth);
      if (w !== u.width) {
        u.setSize({ width: w, height: CHART_HEIGHT_PX });
        const x = u.valToPos(frameBuffer.simTimeMs / 1000, 'x');
        playhead.style.transform = `translateX(${x}px)`;
      }
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      offClock();
      u.over.removeEventListener('click', onClick);
      u.destroy();
    };
  }, [run, kind, title, unit, mode, clock, frameBuffer]);

  return <div className="chart" ref={hostRef} role="img" aria-label={`${title} per mode over the run; the table view lists the numbers`} />;
}
