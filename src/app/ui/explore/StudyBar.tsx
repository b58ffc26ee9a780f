// The study's progress (points received of all, measured time per point or per slider update), its Cancel button, and
// its exports: CSV and Parquet of the table (every metric of every point received, as `ocsim study` writes them) and a
// PNG of the charts. File names say what they are (explore-study.ts studyFileName).
import type { RefObject } from 'react';
import type { RunSummary } from '../../../sim/engine/result-types.ts';
import { formatDurationS } from '../../../sim/report/format.ts';
import { studyFileName } from '../../explore/explore-study.ts';
import type { StudySession } from '../../explore/study-session.ts';
import { studyTable } from '../../explore/study-table.ts';
import { downloadBlob } from '../download.ts';
import { chartsPng, csvBlob, parquetBlob } from './export-study.ts';
import type { SessionStatusView } from './use-session.ts';

interface Props {
  session: StudySession;
  status: SessionStatusView;
  metrics: readonly string[];
  summary: RunSummary;
  chartsRef: RefObject<HTMLDivElement | null>;
}

function progressText(s: SessionStatusView): string {
  const per = s.lastCallMs !== null ? ` in ${formatMs(s.lastCallMs)}` : '';
  if (s.live) return s.status === 'running' ? 'updating…' : `curves updated${per}`;
  switch (s.status) {
    case 'idle':
      return '';
    case 'running':
      return `${s.done} of ${s.total} points`;
    case 'done':
      return `${s.total} points${per}`;
    case 'cancelled':
      return `cancelled after ${s.done} of ${s.total} points`;
    case 'error':
      return `stopped after ${s.done} of ${s.total} points`;
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : formatDurationS(ms / 1000);
}

export function StudyBar({ session, status, metrics, summary, chartsRef }: Props) {
  const exportAs = async (ext: 'csv' | 'parquet' | 'png') => {
    const s = session.state;
    if (!s.built) return;
    const name = studyFileName(summary.scenarioName, summary.seed, s.built.study, ext);
    if (ext === 'png') {
      const png = chartsRef.current ? await chartsPng(chartsRef.current) : null;
      if (png) downloadBlob(png, name);
      return;
    }
    const table = studyTable(s.built, metrics, s.rows);
    const meta = { study: s.built.study, scenarioName: summary.scenarioName, seed: summary.seed, points: s.built.points.length, received: table.rows.length };
    downloadBlob(ext === 'csv' ? csvBlob(table) : await parquetBlob(table, meta), name);
  };
  const running = status.status === 'running';
  const canExport = !running && status.received > 0;
  return (
    <div className="study-bar row" data-testid="explore-status" data-status={status.status} data-kind={status.kind ?? ''} data-live={status.live}>
      <progress max={Math.max(1, status.total)} value={status.done} aria-label="Points computed" hidden={!running || status.live} />
      <span className="small" role="status" data-testid="explore-progress">
        {progressText(status)}
      </span>
      {status.error && <span className="warn small">{status.error}</span>}
      <button type="button" data-testid="explore-cancel" disabled={!running} onClick={() => session.cancel()}>
        Cancel
      </button>
      <span className="spacer" />
      <span className="muted small">Export</span>
      {(['csv', 'parquet', 'png'] as const).map((ext) => (
        <button key={ext} type="button" data-testid={`explore-export-${ext}`} disabled={!canExport} onClick={() => void exportAs(ext)}>
          {ext.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
