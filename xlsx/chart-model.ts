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
import type { ChartAxisOp, ChartForm, ChartOp, LabelSide, PlanCell, SheetPlan } from '../shared/plan/plan';
import { defaultForm, labelCells } from '../shared/compiler/charts';
import { calendarOp } from '../shared/compiler/calendar-axis';
import { parseCell, parseRange, rangeA1, type RangeRef } from '../shared/a1/a1';
import { sheetRangeRef } from './model';
import { trendSlotName, trendSnapshots } from '../shared/compiler/trend-charts';
import { MATRIX_PLOT as SHARED_MATRIX_PLOT, matrixFrame, rowPlacement } from '../shared/compiler/label-placement';

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
  /** No legend entry: a roadmap theme slot no theme fills when the file is written. */
  outOfLegend?: boolean;
  /**
   * Cells whose text labels each point (project names); `texts` is what the cells hold when the file is
   * written (the label cache, filled in just before packaging) and `placed` the side of each (its number where
   * the name fits nowhere), placed clear of each other from the values the file holds (label-placement.ts).
   */
  pointLabels?: { ref: string; texts: string[]; placed?: Array<{ side: LabelSide; number?: number } | undefined> };
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
   * cache is what the cell shows when the file is written (a trend: its metric's name, or "Metric k (no snapshot
   * yet)"), so readers that draw a linked title from its cache (LibreOffice) name the metric too.
   */
  titleRef?: { ref: string; text: string };
  /** A trend: how many snapshots of its metric the file holds (it prints from two on). */
  snapshots?: number;
  /** A trend's slot and the log's What / Name columns (sheet-qualified), to name its metric when packaged. */
  trendOf?: { slot: number; kind: string; name: string };
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

type Placed = NonNullable<FileSeries['pointLabels']>['placed'];

function fileSeries(op: ChartOp, sheet: string, form: ChartForm, placed?: Placed): FileSeries[] {
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
    ...(s.outOfLegend ? { outOfLegend: true } : {}),
    ...(s.pointLabels && form === 'scatter'
      ? { pointLabels: { ref: ref(s.pointLabels), texts: [], ...(placed ? { placed } : {}) } }
      : {}),
    ...(valueLabels && !s.invisible ? { valueLabels } : {}),
  }));
}

/** Where the matrix's plot sits in its chart: room for the title, the axis titles and labels, the legend. */
export const MATRIX_PLOT: ChartBox = { ...SHARED_MATRIX_PLOT };

/** The share of the chart's width the list of numbered names takes, right of the plot, when names are numbered. */
export const KEY_WIDTH = 0.3;

/** A column of a sheet plan's data rows (A1 range without header), as values. */
function columnValues(sheet: SheetPlan, a1: string): PlanCell[] {
  const r = parseRange(a1);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => sheet.cells[r.top - 1 + i]?.[r.left - 1] ?? null);
}

/**
 * The matrix's names placed from the values the file holds (label-placement.ts): per row its side (and its
 * number where the name fits nowhere); with numbers, the plot gives KEY_WIDTH of the chart to their list.
 */
function matrixLabels(op: ChartOp, sheet: SheetPlan): { plot: ChartBox; placed?: Placed; key: string[] } {
  if (!op.labelValues) return { plot: MATRIX_PLOT, key: [] };
  const [xs, ys, names] = labelCells(op.labelValues, (a1) => columnValues(sheet, a1));
  const points = xs.map((x, i) => {
    const y = ys[i];
    return typeof x === 'number' && typeof y === 'number'
      ? { x, y, label: names[i] == null ? '' : String(names[i]) }
      : undefined;
  });
  const place = (plot: ChartBox): { placed: NonNullable<Placed>; key: string[] } => {
    const rows = rowPlacement(points, matrixFrame(op, plot));
    const placed: NonNullable<Placed> = xs.map(() => undefined);
    for (const p of rows) placed[p.row] = { side: p.side, ...(p.number !== undefined ? { number: p.number } : {}) };
    const key = rows.filter((p) => p.number !== undefined).sort((a, b) => a.number! - b.number!);
    return { placed, key: key.map((p) => `${p.number} ${String(names[p.row])}`) };
  };
  const full = place(MATRIX_PLOT);
  if (full.key.length === 0) return { plot: MATRIX_PLOT, ...full };
  const narrow = { ...MATRIX_PLOT, w: MATRIX_PLOT.w - KEY_WIDTH };
  return { plot: narrow, ...place(narrow) };
}

/** A trend's metric name and number of snapshots, from the log's typed cells (the slot's header formula's result). */
function trendSource(op: ChartOp, sheet: SheetPlan): { name: string; snapshots: number } | undefined {
  const t = op.trendOf;
  if (!t) return undefined;
  const [kind, name, value] = [t.kind, t.name, t.value].map((a1) => columnValues(sheet, a1));
  const rows = kind.map((k, i) => ({ kind: k, name: name[i], value: value[i] }));
  return { name: trendSlotName(rows, t.slot), snapshots: trendSnapshots(rows, t.slot) };
}

/** The list of numbered names, right of the plot. */
function keyCaption(key: string[], plot: ChartBox): FileCaption[] {
  if (key.length === 0) return [];
  const x = plot.x + plot.w + 0.02;
  return [{ lines: key, color: '#333333', box: { x, y: plot.y, w: 0.99 - x, h: plot.h }, align: 'l' }];
}

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
    // A tornado's bars run both ways from zero: its category names at the plot's left edge, clear of the bars.
    categoryAxis: {
      ...scale(category),
      crosses: 'autoZero',
      reverse: true,
      ...(form === 'tornado' ? { labelsAtEdge: true } : {}),
    },
  };
}

function altText(op: ChartOp, sheet: string, form: ChartForm): string {
  const kinds: Record<ChartForm, string> = {
    stackedBar: 'Bar chart (timeline)',
    bar: 'Bar chart',
    tornado: 'Tornado bar chart (decreases left, increases right)',
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

/** The cells of a one-column range of the sheet as the file is written (values and formula texts), top to bottom. */
function columnCells(sheet: SheetPlan, a1: string): unknown[] {
  const r = parseRange(a1);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => sheet.cells[r.top - 1 + i]?.[r.left - 1] ?? null);
}

/** A sheet-qualified absolute reference to one cell (`'Progress History'!$G$1`); sheet names cannot hold ":". */
const cellRef = (sheet: string, a1: string): string => sheetRangeRef(sheet, a1).split(':')[0];

/** One ChartOp of a resolved sheet → the chart the file holds. */
export function fileChart(drawn: ChartOp, sheet: SheetPlan): FileChart {
  // The roadmap's quarters and legend as the cells are when the file is written.
  const op = calendarOp(drawn, (a1) => columnCells(sheet, a1));
  const form = op.form ?? defaultForm(op.kind);
  const read = (op.series ?? []).flatMap((s) => [s.values, ...(s.xValues ? [s.xValues] : [])]).map(parseRange);
  const at = parseCell(op.anchor);
  const labels = matrixLabels(op, sheet);
  const trend = trendSource(op, sheet);
  return {
    form,
    title: op.title,
    ...(op.titleCell ? { titleRef: { ref: cellRef(sheet.name, op.titleCell), text: trend?.name ?? op.title } } : {}),
    ...(trend && op.trendOf
      ? {
          snapshots: trend.snapshots,
          trendOf: {
            slot: op.trendOf.slot,
            kind: sheetRangeRef(sheet.name, op.trendOf.kind),
            name: sheetRangeRef(sheet.name, op.trendOf.name),
          },
        }
      : {}),
    lines: form === 'scatter' && !!op.lines,
    series: fileSeries(op, sheet.name, form, labels.placed),
    captions: op.quadrants ? [...captions(op, labels.plot), ...keyCaption(labels.key, labels.plot)] : [],
    ...(op.quadrants ? { plot: labels.plot } : {}),
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
