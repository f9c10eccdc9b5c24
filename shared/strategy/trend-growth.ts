/**
 * The trend charts follow every snapshot (issue #21: no fixed 500-row window, a trend for every metric). Progress
 * History is inserted with formulas in HISTORY_ROWS rows and TREND_SLOTS chart slots; when a snapshot would reach
 * below the rows the helper formulas cover, or brings a metric without a slot, "Record snapshot" grows them first:
 *  - the helper formulas are written down to the next multiple of HISTORY_ROWS below the last row (the slots'
 *    header formulas again, as they name the rows they search);
 *  - each new metric gets a slot column right of the last one (only where that column is blank: nothing a user typed
 *    is written over) and a chart below the others;
 *  - every existing trend chart is re-ranged to the grown rows.
 * The formulas and charts are the template's own, compiled for more rows and slots (historySheet), so a grown sheet is
 * the sheet the template would insert at that size. Pure: each host reads, then applies this plan
 * (apps-script/src/strategy/trend-growth.ts, excel-addin/src/strategy/trend-growth.ts, preview/trend-growth.ts).
 */
import { compileSheets } from '../compiler/compile';
import { layoutSheet } from '../compiler/layout';
import {
  isMetricKind,
  metricKey,
  sameMetric,
  TREND_ORDER_HEADER,
  TREND_SLOTS,
  trendChartColumn,
} from '../compiler/trend-charts';
import { HISTORY_KINDS, HISTORY_ROWS, historySheet } from '../catalogue/history';
import { quoteSheet } from '../plan/resolve';
import type { ChartOp, PlanCell, SheetPlan } from '../plan/plan';
import { snapshotPastCharts, snapshotUntrended, trendChartsLeft } from '../core/messages';
import type { ReadSheet } from './read';
import { valueFormat } from './snapshot';
import type { SnapshotTarget } from './record';

/** What a History sheet's trend helpers cover now: the metric-order column (0-based), data rows and slots. */
export interface TrendCover {
  orderCol: number;
  rows: number;
  slots: number;
}

/** A block of helper cells to write, from its 0-based top-left cell. */
export interface CellBlock {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface TrendGrowth {
  /** Data rows and slots after growing. */
  rows: number;
  slots: number;
  /** Helper formulas to write (the slots' header row, new rows of the existing columns, the new slot columns). */
  writes: CellBlock[];
  /** The new slot columns (0-based), to hide like the others, and their width in pixels. */
  newColumns: number[];
  width: number;
  /** Each existing slot's chart as the template made it for the current cover (to find it) and grown. */
  regrow: Array<{ before: ChartOp; after: ChartOp }>;
  /** The charts of the new slots. */
  added: ChartOp[];
}

/** The metric-order column where the template puts it (the slots follow it). */
const ORDER_COL = layoutSheet(historySheet(HISTORY_ROWS, 1)).index.tOrder;

/**
 * The trend helpers of a History sheet read as values, `hasFormula(row, col)` (0-based) telling formula cells from
 * others: undefined when the metric-order column is not where the template puts it (an older or rearranged sheet,
 * whose charts are left as they are).
 */
export function trendCover(
  sheet: ReadSheet,
  hasFormula: (row: number, col: number) => boolean,
): TrendCover | undefined {
  if (String(sheet.rows[0]?.[ORDER_COL] ?? '').trim() !== TREND_ORDER_HEADER) return undefined;
  let rows = 0;
  for (let r = sheet.rows.length - 1; r > 0 && rows === 0; r--) if (hasFormula(r, ORDER_COL)) rows = r;
  let slots = 0;
  while (hasFormula(0, ORDER_COL + 1 + slots)) slots++;
  return { orderCol: ORDER_COL, rows, slots };
}

/** The History plan at a size, its chart references resolved to the sheet's name. */
function historyAt(rows: number, slots: number, sheetName: string): SheetPlan {
  const plan = compileSheets({ id: 'history', title: 'Progress History' }, [historySheet(rows, slots)], {
    example: false,
    today: 0,
  }).sheets[0];
  const charts = plan.charts.map((c) => ({ ...c, sheetRef: quoteSheet(sheetName) }));
  return { ...plan, charts };
}

/** A column of the sheet with nothing in it (header or rows). */
const blankColumn = (sheet: ReadSheet, col: number): boolean =>
  sheet.rows.every((r) => r?.[col] === undefined || r?.[col] === null || String(r[col]).trim() === '');

/**
 * How to grow the trend helpers so that rows down to `lastRow` (0-based, the last row after the snapshot) are charted
 * and `metrics` metrics have a slot each; undefined when they already are. A slot is added only over a blank column.
 */
export function planTrendGrowth(
  sheet: ReadSheet,
  cover: TrendCover,
  lastRow: number,
  metrics: number,
): TrendGrowth | undefined {
  let slots = cover.slots;
  while (slots < metrics && blankColumn(sheet, cover.orderCol + 1 + slots)) slots++;
  const rows = lastRow > cover.rows ? Math.ceil(lastRow / HISTORY_ROWS) * HISTORY_ROWS : cover.rows;
  if (rows === cover.rows && slots === cover.slots) return undefined;
  const grown = historyAt(rows, slots, sheet.name);
  const before = historyAt(cover.rows, cover.slots, sheet.name).charts;
  const c0 = cover.orderCol;
  const cut = (top: number, bottom: number, left: number, right: number): CellBlock => ({
    row: top,
    col: left,
    cells: grown.cells.slice(top, bottom + 1).map((r) => r.slice(left, right + 1)),
  });
  const writes = [cut(0, 0, c0 + 1, c0 + slots)];
  if (rows > cover.rows) writes.push(cut(cover.rows + 1, rows, c0, c0 + cover.slots));
  if (slots > cover.slots) writes.push(cut(1, rows, c0 + cover.slots + 1, c0 + slots));
  return {
    rows,
    slots,
    writes,
    newColumns: Array.from({ length: slots - cover.slots }, (_, i) => c0 + cover.slots + 1 + i),
    width: grown.columnWidths[c0 + 1],
    regrow: before.map((b, i) => ({ before: b, after: grown.charts[i] })),
    added: grown.charts.slice(cover.slots),
  };
}

/** The metric names of History rows and of the rows to append, in order of first appearance. */
export function metricOrder(
  logged: ReadSheet['rows'],
  kindCol: number,
  nameCol: number,
  added: PlanCell[][],
): string[] {
  const names = [
    ...logged.slice(1).map((r) => [r?.[kindCol], r?.[nameCol]]),
    ...added.map((r) => [r[1], r[2]]),
  ].flatMap(([kind, name]) => (isMetricKind(kind) && String(name ?? '') !== '' ? [String(name)] : []));
  // One metric per name as the sheet's helpers count it (case ignored), under its first spelling.
  return names.filter((n, i) => names.findIndex((m) => sameMetric(m, n)) === i);
}

/**
 * What the trend charts will not show after this snapshot, said rather than silent: metrics of this snapshot without
 * a slot (`slots` charts, in order of first snapshot) and rows below the rows the charts read (`rows` data rows).
 */
function trendLimits(order: string[], recorded: string[], cover: TrendCover | undefined, lastRow: number): string {
  const slots = cover?.slots ?? TREND_SLOTS;
  const rows = cover?.rows ?? HISTORY_ROWS;
  const untrended = recorded.filter((n) => order.findIndex((m) => sameMetric(m, n)) >= slots);
  return (
    (untrended.length > 0 ? snapshotUntrended(untrended, slots, cover !== undefined) : '') +
    (lastRow > rows ? snapshotPastCharts(1 + rows) : '')
  );
}

/** What a host does to the trend helpers before appending a snapshot, and what its message adds. */
export interface TrendStep {
  growth?: TrendGrowth;
  note: string;
  /** Every metric of History after the snapshot, in order of first snapshot (slot k charts the k-th). */
  order: string[];
  /** Each slot's value-axis number format, slot k at k - 1 (trendAxisFormats). */
  axisFormats: string[];
}

/**
 * Each trend slot's value-axis format, slot k at k - 1 (one per metric of `order`): the number format of its metric's
 * latest value as written (snapshot.ts valueFormat: "99.5%" → 0.0%, "$1,200" → "$"#,##0), so the axis reads as the
 * metric does; General when its form is not known. The latest is this snapshot's line, or History's last "As Written".
 */
export function trendAxisFormats(
  history: ReadSheet,
  target: SnapshotTarget,
  rows: PlanCell[][],
  order: string[],
): string[] {
  const [, kind, name, , shown] = target.columns;
  const lines = [
    ...history.rows.slice(1).map((r) => [r?.[kind], r?.[name], r?.[shown]]),
    ...rows.map((r) => [r[1], r[2], r[4]]),
  ];
  const latest = new Map<string, string>();
  for (const [k, n, w] of lines) {
    const written = typeof w === 'number' ? w : typeof w === 'string' ? w.trim() : '';
    if (isMetricKind(k) && written !== '') latest.set(metricKey(String(n ?? '')), valueFormat(written));
  }
  return order.map((n) => latest.get(metricKey(n)) ?? 'General');
}

/** The slot (1-based) whose helper column is `col` (0-based) where the template puts the slots, else undefined. */
export function trendSlotAt(col: number): number | undefined {
  return col > ORDER_COL ? col - ORDER_COL : undefined;
}

/** The slot a trend chart plots (its series' column), undefined for another chart. */
export function trendSlotOf(op: ChartOp): number | undefined {
  const col = trendChartColumn(op);
  return col === undefined ? undefined : trendSlotAt(col);
}

/** The snapshot's message about its trend charts: the step's note, and the metrics of `left` (slots whose chart was not found). */
export function trendNote(step: TrendStep, left: readonly number[]): string {
  return step.note + (left.length > 0 ? trendChartsLeft(left.map((k) => step.order[k - 1] ?? `Metric ${k}`)) : '');
}

/** A chart op with its value axis in `format` (what the axis ticks show). */
export const withValueFormat = (op: ChartOp, format: string): ChartOp => ({
  ...op,
  axes: { ...op.axes, value: { ...op.axes?.value, numberFormat: format } },
});

/**
 * The trend step of a snapshot: History as read right before the write (`hasFormula` telling formula cells, 0-based),
 * where the rows go, and the rows. Grows the helpers where it can; the note says what the charts will still not show.
 */
export function trendStep(
  history: ReadSheet,
  target: SnapshotTarget,
  rows: PlanCell[][],
  hasFormula: (row: number, col: number) => boolean,
): TrendStep {
  const order = metricOrder(history.rows, target.columns[1], target.columns[2], rows);
  const axisFormats = trendAxisFormats(history, target, rows, order);
  const lastRow = target.row + rows.length - 1;
  // Within what the template inserts, nothing to grow (and no need to read the formulas).
  if (rows.length === 0 || (lastRow <= HISTORY_ROWS && order.length <= TREND_SLOTS))
    return { note: '', order, axisFormats };
  const cover = trendCover(history, hasFormula);
  const growth = cover && planTrendGrowth(history, cover, lastRow, order.length);
  const after = growth ? { orderCol: ORDER_COL, rows: growth.rows, slots: growth.slots } : cover;
  const recorded = rows.flatMap((r) => (r[1] === HISTORY_KINDS.metric ? [String(r[2])] : []));
  return { ...(growth ? { growth } : {}), note: trendLimits(order, recorded, after, lastRow), order, axisFormats };
}
