// The Explore view's files: the study table as CSV (tableToCsv, the CLI's bytes) and Parquet (parquetColumns through
// hyparquet-writer, loaded when first asked for), and the charts as one PNG (their canvases stacked, each under its
// title). DOM only for the PNG; no React.
import { stableJson } from '../../../sim/export/index.ts';
import type { StudyTable } from '../../../sim/study/analysis.ts';
import { parquetColumns, tableToCsv } from '../../../sim/study/table.ts';
import { AXIS_STROKE, CHART_BACKGROUND } from '../chart-style.ts';

export function csvBlob(table: StudyTable): Blob {
  return new Blob([tableToCsv(table)], { type: 'text/csv' });
}

/** Parquet with the study's description in the file's key/value metadata (`ocsim.study`). */
export async function parquetBlob(table: StudyTable, meta: object): Promise<Blob> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const buf = parquetWriteBuffer({ columnData: parquetColumns(table), kvMetadata: [{ key: 'ocsim.study', value: stableJson(meta) }], createdBy: 'ocsim app' });
  return new Blob([buf], { type: 'application/vnd.apache.parquet' });
}

const TITLE_PX = 22;

/** The uPlot canvases under `root`, stacked into one PNG with their titles; null without a chart. */
export async function chartsPng(root: HTMLElement): Promise<Blob | null> {
  const charts = [...root.querySelectorAll<HTMLElement>('.uplot')].map((el) => ({
    canvas: el.querySelector('canvas'),
    title: el.querySelector('.u-title')?.textContent ?? '',
  }));
  const parts = charts.filter((c): c is { canvas: HTMLCanvasElement; title: string } => c.canvas !== null && c.canvas.width > 0);
  if (parts.length === 0) return null;
  const px = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(...parts.map((p) => p.canvas.width));
  out.height = parts.reduce((h, p) => h + p.canvas.height + TITLE_PX * px, 0);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(0, 0, out.width, out.height);
  let y = 0;
  for (const p of parts) {
    ctx.fillStyle = AXIS_STROKE;
    ctx.font = `600 ${13 * px}px system-ui, sans-serif`;
    ctx.fillText(p.title, 8 * px, y + 16 * px);
    y += TITLE_PX * px;
    ctx.drawImage(p.canvas, 0, y);
    y += p.canvas.height;
  }
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
