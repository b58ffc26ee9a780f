// The look every uPlot chart of the app shares (the run's charts and the Explore view's): axis colours, grid and
// tick strokes on the dark panels, the background a PNG export is drawn on. Imports uPlot types only.
import type uPlot from 'uplot';

export const AXIS_STROKE = '#9aa4b2';
/** Background of the panels (--panel in app.css): exported PNGs are drawn on it. */
export const CHART_BACKGROUND = '#121826';

/** An axis in the app's style; `over` sets the rest (values, size, scale, side, …). */
export function styledAxis(over: uPlot.Axis = {}): uPlot.Axis {
  return { stroke: AXIS_STROKE, grid: { stroke: 'rgba(255,255,255,0.07)' }, ticks: { stroke: 'rgba(255,255,255,0.1)' }, ...over };
}

/** A uPlot drawClear hook: the panel colour under the plot, so an exported PNG is not transparent. */
export function fillChartBackground(u: uPlot): void {
  u.ctx.save();
  u.ctx.fillStyle = CHART_BACKGROUND;
  u.ctx.fillRect(0, 0, u.ctx.canvas.width, u.ctx.canvas.height);
  u.ctx.restore();
}

/** The plot width that fits inside `host` (its padding and border taken off), at least `min` CSS px. */
export function chartWidth(host: HTMLElement, min: number): number {
  const cs = getComputedStyle(host);
  const inner = host.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  return Math.max(min, Math.floor(inner));
}
