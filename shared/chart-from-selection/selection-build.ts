/**
 * Charts on demand, last phase (build): the ChartOp of each kind from the matched columns, every range pointing at
 * the selected cells, plus the cells the host writes first (the roadmap's helper columns). See
 * chart-from-selection.ts.
 */
import type { ChartAxisOp, ChartOp, ChartSeriesOp, PlanCell } from '../plan/plan';
import { rangeA1 } from '../a1/a1';
import {
  HEALTH_AXIS,
  HEALTH_RADAR_TITLE,
  MIN_EXCEL_ROWS,
  PROGRESS_COLOR,
  TARGET_COLOR,
  metricProgressChart,
  percentAxis,
  quadrantCaptions,
  quarterAxis,
  quarterPosition,
  scaleAxis,
  themeProgressChart,
  timelineHeightPx,
  type SelectionChartKind as ChartKind,
} from '../compiler/charts';
import { DEFAULT_QUADRANT_THRESHOLD } from '../scoring/quadrant';
import { maxOf, minOf } from '../core/extremes';
import { calendarDate, isDate, isNumber, type CalendarDate, type SelectedTable } from './selection-read';
import type { Assignment } from './selection-roles';

const MS_PER_DAY = 86400000;

/** Cells the host writes before the chart (the roadmap's helper columns), in one block. */
export interface SelectionWrite {
  range: string;
  cells: PlanCell[][];
}

/** What every chart of a selection shares: its kind, anchor, on-demand flag and sheet. */
export type ChartBase = Pick<ChartOp, 'kind' | 'anchor' | 'sheetRef'>;

export interface BuildInput {
  table: SelectedTable;
  assigned: Assignment;
  /** Data rows up to the last filled one. */
  filledRows: number;
  base: ChartBase;
}

export interface Built {
  op: ChartOp;
  writes: SelectionWrite[];
}

/** The data range of the column playing `role` ("C2:C20"), or undefined when no column plays it. */
function rangeOf(c: BuildInput, role: string): string | undefined {
  const a = c.assigned.get(role);
  if (!a) return undefined;
  const col = c.table.rect.left + a.col;
  return rangeA1({ top: c.table.rect.top + 1, bottom: c.table.rect.bottom, left: col, right: col });
}

/** The same, for a role the match phase guarantees (required roles). */
const rangeOfRequired = (c: BuildInput, role: string): string => rangeOf(c, role)!;

const headerOf = (c: BuildInput, role: string): string => c.table.headerText(c.assigned.get(role)!.col);

/** The numbers in the column playing `role` (none when no column plays it). */
function nums(c: BuildInput, role: string): number[] {
  const a = c.assigned.get(role);
  return a ? c.table.column(a.col).filter(isNumber) : [];
}

/** Scatter of Effort (x) against Impact (y); 1–10 axes crossing at the quadrant threshold when the data is on that scale. */
function impactEffortMatrix(c: BuildInput): Built {
  const all = [...nums(c, 'effort'), ...nums(c, 'impact')];
  const onScale = all.every((v) => v >= 1 && v <= 10);
  const mid = onScale ? DEFAULT_QUADRANT_THRESHOLD : (minOf(all) + maxOf(all)) / 2;
  const axis = (title: string): ChartAxisOp => (onScale ? scaleAxis(title, mid) : { title, crossesAt: mid });
  const scaleNote = onScale ? ' (1 = low, 10 = high)' : '';
  const series: ChartSeriesOp = {
    name: 'Projects',
    values: rangeOfRequired(c, 'impact'),
    xValues: rangeOfRequired(c, 'effort'),
    color: PROGRESS_COLOR,
  };
  const labels = rangeOf(c, 'name');
  if (labels) series.pointLabels = labels;
  const op: ChartOp = {
    ...c.base,
    title: 'Impact / Effort matrix',
    form: 'scatter',
    series: [series],
    axes: {
      category: axis(`${headerOf(c, 'effort')}${scaleNote}`),
      value: axis(`${headerOf(c, 'impact')}${scaleNote}`),
    },
    quadrants: quadrantCaptions(mid, mid),
    legend: 'none',
    widthPx: 640,
    heightPx: 520,
  };
  return { op, writes: [] };
}

/** Gantt bars by quarter: an invisible offset series and a duration series, both from the helper columns. */
function roadmapTimeline(c: BuildInput): Built {
  const { rect } = c.table;
  const hl = rect.right + 1;
  const { axis, guides } = quarterAxis(axisQuarters(c));
  const offset = rangeA1({ top: rect.top + 1, bottom: rect.bottom, left: hl, right: hl });
  const length = rangeA1({ top: rect.top + 1, bottom: rect.bottom, left: hl + 1, right: hl + 1 });
  const op: ChartOp = {
    ...c.base,
    title: 'Roadmap by quarter',
    form: 'stackedBar',
    categories: rangeOfRequired(c, 'name'),
    series: [
      { name: 'Start', values: offset, invisible: true },
      { name: 'Duration', values: length, color: PROGRESS_COLOR },
    ],
    axes: { value: axis },
    guides,
    legend: 'none',
    widthPx: 760,
    heightPx: timelineHeightPx(c.filledRows),
    excelRows: Math.max(c.filledRows, 1),
  };
  return { op, writes: [helperColumns(c)] };
}

/**
 * The roadmap's two helper columns right of the selection: bar offset and length in quarters since the quarter
 * of the earliest start, as native formulas (the chart follows later edits of the dates).
 */
function helperColumns(c: BuildInput): SelectionWrite {
  const { rect, data, letter, sheetRow } = c.table;
  const hl = rect.right + 1;
  const startJ = c.assigned.get('start')!.col;
  const endJ = c.assigned.get('end')!.col;
  const startCol = rangeOfRequired(c, 'start').replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/, '$$$1$$$2:$$$3$$$4');
  const origin = `MIN(${startCol})`;
  const cells: PlanCell[][] = [['Chart: start (quarters)', 'Chart: length (quarters)']];
  for (let i = 0; i < data.length; i++) {
    const s = `${letter(startJ)}${sheetRow(i)}`;
    const e = `${letter(endJ)}${sheetRow(i)}`;
    const dated = `AND(ISNUMBER(${s}),ISNUMBER(${e}),${e}>=${s})`;
    cells.push([
      `=IF(${dated},1+${quarterPosition(s, origin)},"")`,
      `=IF(${dated},${quarterPosition(`(${e}+1)`, origin)}-${quarterPosition(s, origin)},"")`,
    ]);
  }
  return { range: rangeA1({ top: rect.top, bottom: rect.bottom, left: hl, right: hl + 1 }), cells };
}

/** Quarters the axis shows: enough for the latest end date at insertion, at least four, at most forty. */
function axisQuarters(c: BuildInput): number {
  const starts = c.table
    .column(c.assigned.get('start')!.col)
    .map(calendarDate)
    .filter((d): d is CalendarDate => !!d);
  const ends = c.table
    .column(c.assigned.get('end')!.col)
    .map((v) =>
      isNumber(v) ? calendarDate(v + 1) : isDate(v) ? calendarDate(new Date(v.getTime() + MS_PER_DAY)) : undefined,
    );
  let quarters = 4;
  if (starts.length > 0) {
    const first = starts.reduce((a, b) => (Date.UTC(a.y, a.m, a.d) <= Date.UTC(b.y, b.m, b.d) ? a : b));
    for (const e of ends) if (e) quarters = Math.max(quarters, Math.ceil(quarterPos(e, first) - 1e-9));
  }
  return Math.min(quarters, 40);
}

/** Position of a date in quarters since the quarter of `origin` (same as the helper formula). */
function quarterPos(date: CalendarDate, origin: { y: number; m: number }): number {
  const q = Math.floor(date.m / 3);
  const start = Date.UTC(date.y, q * 3, 1);
  const next = Date.UTC(date.y, q * 3 + 3, 1);
  const here = Date.UTC(date.y, date.m, date.d);
  return date.y * 4 + q - (origin.y * 4 + Math.floor(origin.m / 3)) + (here - start) / (next - start);
}

/** Radar of the scores (and targets); the 1–5 axis when the data is on that scale. */
function healthRadar(c: BuildInput): Built {
  const all = [...nums(c, 'score'), ...nums(c, 'target')];
  const onScale = all.every((v) => v >= 0 && v <= 5);
  const series: ChartSeriesOp[] = [{ name: 'Score', values: rangeOfRequired(c, 'score'), color: PROGRESS_COLOR }];
  const target = rangeOf(c, 'target');
  if (target) series.push({ name: 'Target', values: target, color: TARGET_COLOR });
  const op: ChartOp = {
    ...c.base,
    title: onScale ? HEALTH_RADAR_TITLE : 'Technical health',
    form: 'radar',
    categories: rangeOfRequired(c, 'name'),
    series,
    axes: { value: onScale ? HEALTH_AXIS : {} },
    legend: 'bottom',
    widthPx: 560,
    heightPx: 460,
  };
  return { op, writes: [] };
}

/** Horizontal progress bars, titled as the template's own chart of this kind. */
function progressBars(kind: 'metricProgress' | 'themeProgress'): (c: BuildInput) => Built {
  return (c) => {
    const { title, axes } = kind === 'metricProgress' ? metricProgressChart() : themeProgressChart();
    const series: ChartSeriesOp = {
      name: headerOf(c, 'progress'),
      values: rangeOfRequired(c, 'progress'),
      color: PROGRESS_COLOR,
    };
    const op: ChartOp = {
      ...c.base,
      title,
      form: 'bar',
      categories: rangeOfRequired(c, 'name'),
      series: [series],
      axes: { value: progressAxis(axes!.value!.title!, nums(c, 'progress')) },
      legend: 'none',
      widthPx: 640,
      heightPx: Math.max(300, 120 + 26 * c.filledRows),
      excelRows: Math.max(c.filledRows, Math.min(MIN_EXCEL_ROWS, c.table.data.length)),
    };
    return { op, writes: [] };
  };
}

/** Fractions (0.45 shown as 45%) are the norm; a column of plain percentages (45) gets a 0–100 axis. */
function progressAxis(title: string, progress: number[]): ChartAxisOp {
  if (progress.every((v) => v <= 1.5)) return percentAxis(title);
  return {
    title: `${title} (%)`,
    min: 0,
    max: Math.max(100, Math.ceil(maxOf(progress) / 25) * 25),
    majorUnit: 25,
    numberFormat: '0',
  };
}

/** One builder per chart kind. */
export const BUILDERS: Record<ChartKind, (c: BuildInput) => Built> = {
  impactEffortMatrix,
  roadmapTimeline,
  healthRadar,
  metricProgress: progressBars('metricProgress'),
  themeProgress: progressBars('themeProgress'),
};
