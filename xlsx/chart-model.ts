/**
 * Phase 1 of the .xlsx charts (plan → chart model → XML parts → package): a resolved sheet's
 * ChartOps become file charts — every range sheet-qualified and absolute, series names linked to
 * header cells where the plan charts a block, the rows a bar chart draws, where the chart sits.
 *
 * The same ChartOp drives the Sheets and Excel executors and the preview's Chart.js renderer, so the
 * file is the fourth renderer of one plan. It follows the Excel executor where the format is Excel's:
 * bar charts draw their first `excelRows` rows (a blank row is an empty slot), the first row is on
 * top, the impact/effort dividers are the axes crossing at the threshold, project names label the
 * points from their cells, the Gantt offset series has no fill and no legend entry.
 * Pure: no ExcelJS, no XML here.
 */
import type { ChartAxisOp, ChartForm, ChartOp, SheetPlan } from '../shared/plan/plan';
import { defaultForm } from '../shared/compiler/charts';
import { parseCell, parseRange, rangeA1, type RangeRef } from '../shared/a1/a1';
import { sheetRangeRef } from './model';

/** A series' legend name: a header cell (follows edits, e.g. theme names by formula) or fixed text. */
export type SeriesName = { ref: string } | { literal: string };

export interface FileSeries {
  name: SeriesName;
  /** `'Roadmap'!$L$2:$L$17` */
  values: string;
  /** Category labels (bars, radar). */
  categories?: string;
  /** Scatter: x values. */
  xValues?: string;
  /** #rrggbb */
  color?: string;
  /** No fill, no line, no marker, no legend entry (the Gantt offset). */
  invisible: boolean;
  /**
   * Cells whose text labels each point (project names), shown right of the point; `texts` is what the
   * cells hold when the file is written (the label cache), filled in just before packaging.
   */
  pointLabels?: { ref: string; texts: string[] };
  /** Number format of value labels at the end of each bar (progress charts). */
  valueLabels?: string;
}

/** A rectangle inside the chart, in fractions of its width and height from the top-left corner. */
export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A fixed text drawn in the chart (the impact/effort quadrant names): a text box inside the chart. */
export interface FileCaption {
  lines: string[];
  color: string;
  box: ChartBox;
  align: 'l' | 'r';
}

/**
 * Where an axis crosses the other one, in the other axis's units (DrawingML keeps `c:crosses` /
 * `c:crossesAt` on the crossing axis): a value, or the other axis's maximum.
 */
export type AxisCrossing = { at: number } | 'max' | 'autoZero';

export interface FileAxis {
  title?: string;
  min?: number;
  max?: number;
  majorUnit?: number;
  numberFormat?: string;
  crosses: AxisCrossing;
  /** Categories top to bottom (bars: first row on top, as in the sheet). */
  reverse?: boolean;
  /** Gridline colour (#rrggbb), none when absent. */
  gridlines?: string;
  /** Tick labels at the plot's edge (low) when the axis itself is drawn inside the plot as a divider. */
  labelsAtEdge?: boolean;
  /** Drawn as a dashed divider line (the matrix's quadrant lines). */
  divider?: boolean;
}

export interface FileChart {
  form: ChartForm;
  title: string;
  /**
   * The cell the title is linked to (`'Progress History'!$G$1`, c:tx/c:strRef): Excel shows the cell's text. The
   * cache is the neutral title ("Metric trend 1"): LibreOffice draws a linked title from its cache and never
   * updates it, so a name cached today would be wrong tomorrow; its legend names the metric from the cell.
   */
  titleRef?: { ref: string; text: string };
  /** Scatter: each series' points joined by a line, spanning cells without a number (c:dispBlanksAs "span"). */
  lines: boolean;
  series: FileSeries[];
  captions: FileCaption[];
  /** The plot area's inner rectangle when it is fixed (the matrix, so its captions sit in its corners). */
  plot?: ChartBox;
  /** Bars and radar: the numeric axis; scatter: the vertical (y) axis. */
  valueAxis: FileAxis;
  /** Bars and radar: the labels; scatter: the horizontal (x) value axis. */
  categoryAxis: FileAxis;
  legend?: 'r' | 'b' | 't';
  /** Plot cells in hidden columns too (`c:plotVisOnly val="0"`): set when the chart reads hidden helper columns. */
  plotHidden: boolean;
  /** Top-left cell, 0-based, and size in pixels (96 dpi). */
  anchor: { col: number; row: number; widthPx: number; heightPx: number };
  /** Alternative text for screen readers: what the chart shows and where its data is. */
  altText: string;
}

export const GRID_COLOR = '#D9D9D9';
/** Quarter boundaries on the roadmap are drawn darker, as the preview draws them. */
export const GUIDE_COLOR = '#8C8C8C';

/** The first `rows` rows of a range (all of it when rows is undefined). */
export function firstRows(a1: string, rows: number | undefined): string {
  if (rows === undefined) return a1;
  const r = parseRange(a1);
  return rangeA1({ ...r, bottom: Math.min(r.bottom, r.top + Math.max(rows, 1) - 1) });
}

function headerCell(a1: string): string {
  const r = parseRange(a1);
  return rangeA1({ top: r.top - 1, bottom: r.top - 1, left: r.left, right: r.left });
}

/** Does any range read a column the sheet hides? */
function readsHidden(ranges: RangeRef[], hidden: readonly number[]): boolean {
  return ranges.some((r) => hidden.some((c) => c + 1 >= r.left && c + 1 <= r.right));
}

function fileSeries(op: ChartOp, sheet: string, form: ChartForm): FileSeries[] {
  const rows = form === 'bar' || form === 'stackedBar' ? op.excelRows : undefined;
  const ref = (a1: string): string => sheetRangeRef(sheet, firstRows(a1, rows));
  const valueLabels = form === 'bar' ? op.axes?.value?.numberFormat : undefined;
  return (op.series ?? []).map((s) => ({
    // The invisible offset has no name: should a reader keep its legend entry, it shows nothing.
    name: s.invisible
      ? { literal: '' }
      : op.source
        ? { ref: sheetRangeRef(sheet, headerCell(s.values)) }
        : { literal: s.name },
    values: ref(s.values),
    ...(op.categories && form !== 'scatter' ? { categories: ref(op.categories) } : {}),
    ...(s.xValues ? { xValues: ref(s.xValues) } : {}),
    ...(s.color ? { color: s.color } : {}),
    invisible: !!s.invisible,
    ...(s.pointLabels && form === 'scatter' ? { pointLabels: { ref: ref(s.pointLabels), texts: [] } } : {}),
    ...(valueLabels && !s.invisible ? { valueLabels } : {}),
  }));
}

/** Where the matrix's plot sits in its chart: room for the title, the axis titles and labels, the legend. */
export const MATRIX_PLOT: ChartBox = { x: 0.11, y: 0.11, w: 0.85, h: 0.68 };

/** The quadrant names in the plot's corners, coloured like the quadrant's points (as the preview draws them). */
function captions(op: ChartOp, plot: ChartBox): FileCaption[] {
  const q = op.quadrants;
  if (!q) return [];
  const colors = (op.series ?? []).map((s) => s.color ?? '#333333');
  // Two lines each: "Do Now" over "(Quick Wins)".
  const lines = (t: string): string[] => t.replace(/ \(/, '\n(').split('\n');
  const [w, h, pad] = [0.4, 0.1, 0.012];
  const left = plot.x + pad;
  const right = plot.x + plot.w - pad - w;
  const top = plot.y + pad;
  const bottom = plot.y + plot.h - pad - h;
  return [
    { lines: lines(q.topLeft), color: colors[0], box: { x: left, y: top, w, h }, align: 'l' },
    { lines: lines(q.topRight), color: colors[1], box: { x: right, y: top, w, h }, align: 'r' },
    { lines: lines(q.bottomLeft), color: colors[2], box: { x: left, y: bottom, w, h }, align: 'l' },
    { lines: lines(q.bottomRight), color: colors[3], box: { x: right, y: bottom, w, h }, align: 'r' },
  ];
}

function scale(a: ChartAxisOp): Omit<FileAxis, 'crosses'> {
  return {
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    ...(a.majorUnit !== undefined ? { majorUnit: a.majorUnit } : {}),
    ...(a.numberFormat !== undefined ? { numberFormat: a.numberFormat } : {}),
  };
}

function axes(op: ChartOp, form: ChartForm): { valueAxis: FileAxis; categoryAxis: FileAxis } {
  const value = op.axes?.value ?? {};
  const category = op.axes?.category ?? {};
  if (form === 'scatter') {
    // ChartAxisOp.crossesAt is where the other axis crosses this one: the file stores it on the other axis.
    const divider = (a: ChartAxisOp, other: ChartAxisOp): FileAxis => ({
      ...scale(a),
      gridlines: GRID_COLOR,
      crosses: other.crossesAt !== undefined ? { at: other.crossesAt } : 'autoZero',
      ...(other.crossesAt !== undefined ? { labelsAtEdge: true, divider: true } : {}),
    });
    return { valueAxis: divider(value, category), categoryAxis: divider(category, value) };
  }
  if (form === 'radar')
    return {
      valueAxis: { ...scale(value), gridlines: GRID_COLOR, crosses: 'autoZero' },
      categoryAxis: { gridlines: GRID_COLOR, crosses: 'autoZero' },
    };
  return {
    // First row on top (categories reversed); the value axis then crosses at the last category, the bottom.
    valueAxis: { ...scale(value), gridlines: op.guides ? GUIDE_COLOR : GRID_COLOR, crosses: 'max' },
    categoryAxis: { ...scale(category), crosses: 'autoZero', reverse: true },
  };
}

function altText(op: ChartOp, sheet: string, form: ChartForm): string {
  const kinds: Record<ChartForm, string> = {
    stackedBar: 'Bar chart (timeline)',
    bar: 'Bar chart',
    scatter: op.lines ? 'Line chart (trend over time)' : 'Scatter chart',
    radar: 'Radar chart',
  };
  const s = op.series ?? [];
  const by = op.categories
    ? `one entry per row of ${sheet}!${op.categories}`
    : s[0]?.pointLabels
      ? `one point per row of ${sheet}!${s[0].pointLabels}`
      : `data from ${sheet}`;
  return `${kinds[form]} "${op.title}": ${by}.`;
}

/** A sheet-qualified absolute reference to one cell (`'Progress History'!$G$1`); sheet names cannot hold ":". */
const cellRef = (sheet: string, a1: string): string => sheetRangeRef(sheet, a1).split(':')[0];

/** One ChartOp of a resolved sheet → the chart the file holds. */
export function fileChart(op: ChartOp, sheet: SheetPlan): FileChart {
  const form = op.form ?? defaultForm(op.kind);
  const read = (op.series ?? []).flatMap((s) => [s.values, ...(s.xValues ? [s.xValues] : [])]).map(parseRange);
  const at = parseCell(op.anchor);
  return {
    form,
    title: op.title,
    ...(op.titleCell ? { titleRef: { ref: cellRef(sheet.name, op.titleCell), text: op.title } } : {}),
    lines: form === 'scatter' && !!op.lines,
    series: fileSeries(op, sheet.name, form),
    captions: op.quadrants ? captions(op, MATRIX_PLOT) : [],
    ...(op.quadrants ? { plot: MATRIX_PLOT } : {}),
    ...axes(op, form),
    ...(op.titleCell
      ? // LibreOffice draws a linked title from its cache only: the legend names the series from its header cell.
        { legend: 't' as const }
      : op.legend === 'none'
        ? {}
        : { legend: op.legend === 'bottom' ? 'b' : op.legend === 'top' ? 't' : 'r' }),
    plotHidden: readsHidden(read, sheet.hiddenColumns ?? []),
    anchor: { col: at.col - 1, row: at.row - 1, widthPx: op.widthPx, heightPx: op.heightPx },
    altText: altText(op, sheet.name, form),
  };
}
