/**
 * Chart.js renderer for the plan's ChartOps: a ChartOp plus the sheet's current values → a Chart.js
 * configuration. Used by the local preview and by scripts/render-charts.ts (README images), so the
 * images show what the preview shows. No DOM here: render.ts draws a config on a canvas.
 *
 * It mirrors what the hosts do with the same op: rows with neither a label nor a value are skipped
 * (as Sheets does), the Gantt offset series is transparent and out of the legend, block charts take
 * their legend names from the header cells, quadrant dividers and names are drawn on the matrix.
 * One module per chart form (bars.ts, scatter.ts, radar.ts, trend.ts for a scatter with lines); what they
 * share is in parts.ts.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartOp } from '../../shared/plan/plan';
import { defaultForm } from '../../shared/compiler/charts';
import { barConfig } from './bars';
import { categoryRows, column, seriesNames } from './parts';
import { calendarOp } from '../../shared/compiler/calendar-axis';
import { radarConfig } from './radar';
import { scatterConfig } from './scatter';
import { trendConfig } from './trend';
import type { CellReader } from './style';

export type { CellReader } from './style';

/** Builds the Chart.js configuration for one chart from the sheet's values. */
export function chartConfig(drawn: ChartOp, read: CellReader): ChartConfiguration {
  // The roadmap's quarters widened to every dated row, as the cells are now.
  const op = calendarOp(drawn, (a1) => column(read, a1));
  const form = op.form ?? defaultForm(op.kind);
  const names = seriesNames(op, read);
  if (form === 'scatter') return op.lines ? trendConfig(op, read, names) : scatterConfig(op, read, names);
  const rows = categoryRows(op, read);
  if (form === 'radar') return radarConfig(op, rows, names);
  // A tornado stacks its negative and positive series: each weight's two bars on one line, left and right of zero.
  return barConfig(op, rows, names, form === 'stackedBar' || form === 'tornado');
}
