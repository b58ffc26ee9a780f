// The Explore view's files: the study table as CSV (tableToCsv, the CLI's bytes) and Parquet (parquetColumns through
// hyparquet-writer, loaded when first asked for), and the charts as one PNG (their canvases stacked, each under its
// title and over its legend). DOM only for the PNG; no React.
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
const LEGEND_ROW_PX = 16;

interface ChartPart {
  canvas: HTMLCanvasElement;
  title: string;
  /** The legend's series (label and line colour), the x series left out. */
  legend: { label: string; color: string }[];
}

function chartParts(root: HTMLElement): ChartPart[] {
  return [...root.querySelectorAll<HTMLElement>('.uplot')].flatMap((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas || canvas.width === 0) return [];
    const legend = [...el.querySelectorAll<HTMLElement>('.u-legend .u-series')].slice(1).flatMap((row) => {
      const marker = row.querySelector<HTMLElement>('.u-marker');
      const label = row.querySelector('.u-label')?.textContent ?? '';
      return marker && label ? [{ label, color: getComputedStyle(marker).borderColor }] : [];
    });
    return [{ canvas, title: el.querySelector('.u-title')?.textContent ?? '', legend }];
  });
}

/** The uPlot canvases under `root`, stacked into one PNG, each under its title and over its legend; null without a chart. */
export async function chartsPng(root: HTMLElement): Promise<Blob | null> {
  const parts = chartParts(root);
  if (parts.length === 0) return null;
  const px = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(...parts.map((p) => p.canvas.width));
  const perRow = Math.max(1, Math.floor(out.width / (200 * px)));
  const legendPx = (p: ChartPart) => Math.ceil(p.legend.length / perRow) * LEGEND_ROW_PX * px;
  out.height = parts.reduce((h, p) => h + TITLE_PX * px + p.canvas.height + legendPx(p), 0);
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
    ctx.font = `${11 * px}px system-ui, sans-serif`;
    p.legend.forEach((l, i) => {
      const [x0, y0] = [8 * px + (i % perRow) * 200 * px, y + Math.floor(i / perRow) * LEGEND_ROW_PX * px];
      ctx.fillStyle = l.color;
      ctx.fillRect(x0, y0 + 5 * px, 14 * px, 3 * px);
      ctx.fillStyle = AXIS_STROKE;
      ctx.fillText(l.label, x0 + 18 * px, y0 + 11 * px);
    });
    y += legendPx(p);
  }
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
