/**
 * "Record snapshot" and "Strategy as Markdown" in Excel (task pane). One Excel.run: sync #1 lists the
 * worksheets, sync #2 reads each used range's formulas ("If a cell has no formula, its value is returned
 * instead": constants as values, formula cells left to the core, as the CLI does with a file without cached
 * results), values (to tell a quote-prefixed text "=x" from a formula) and text (what each cell shows, so a
 * metric formatted as a percentage reads "99.50%"), sync #3 reads the History sheet again (a co-author may have
 * appended meanwhile), then the snapshot is appended below its last used row with one write (number formats
 * first, so dates show as dates and "As Written" stays text) and sync #4 commits; then the charts are refreshed
 * from the sheets read (refreshChartsExcel: two more syncs).
 * Without a History sheet the template executor inserts one first (a new sheet, never an existing one).
 * Today is the runtime's local day, like Excel's TODAY().
 */
import { ymdToSerial } from '../../../shared/core/args';
import { strategyMarkdown } from '../../../shared/strategy/document';
import {
  chartsRefreshed,
  documentNeedsSheets,
  roadmapMovedBelow,
  snapshotMovedBelow,
} from '../../../shared/core/messages';
import { chartsToRefresh } from '../../../shared/templates/chart-refresh';
import { refreshExcelChart } from '../templates/charts';
import { hostApiSupport } from '../templates/requirements';
import type { ReadCell, ReadSheet } from '../../../shared/strategy/read';
import {
  historyPlan,
  historyTarget,
  placedFormats,
  placeRows,
  planSnapshot,
  type SnapshotTarget,
} from '../../../shared/strategy/record';
import { applyPlanExcel } from '../templates/executor';
import { growTrendsExcel } from './trend-growth';
import {
  columnCells,
  columnFormat,
  lastFilledRow,
  planRoadmapAppend,
  ROADMAP_APPEND_COLUMNS,
  withAppended,
} from '../../../shared/strategy/roadmap-append';
import type { SnapshotReport } from '../../../shared/panel/panel-api';

/**
 * A cell from its formula and value: a formula cell is left to the core (undefined). A text that starts with "="
 * (typed with a quote prefix, `'=x`) has no formula, though `formulas` returns its text as for any constant ("If a
 * cell has no formula, its value is returned instead"): its value is that same text, a formula's never is.
 */
const cell = (f: unknown, v: unknown): ReadCell =>
  typeof f === 'string' && f.startsWith('=') && f !== v ? undefined : f === '' ? undefined : (f as ReadCell);

/** Every worksheet's used range as values (formula cells undefined), placed from A1. Two syncs. */
export async function readSheetsExcel(context: Excel.RequestContext): Promise<ReadSheet[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const used = sheets.items.map((ws) => ({ name: ws.name, range: queueUsed(ws) }));
  await context.sync();
  return used.map(({ name, range }) => asReadSheet(name, range));
}

const queueUsed = (ws: Excel.Worksheet): Excel.Range =>
  ws.getUsedRangeOrNullObject(true).load('isNullObject,rowIndex,columnIndex,formulas,values,text');

/** A used range (loaded by queueUsed) as the core reads a sheet, placed from A1. */
function asReadSheet(name: string, range: Excel.Range): ReadSheet {
  if (range.isNullObject) return { name, rows: [] };
  const rows: ReadCell[][] = Array.from({ length: range.rowIndex }, () => []);
  const pad: ReadCell[] = Array.from({ length: range.columnIndex }, () => undefined);
  range.formulas.forEach((r, i) => rows.push(pad.concat(r.map((f, j) => cell(f, range.values[i]?.[j])))));
  // Range.text: what each cell shows ("99.50%" for 0.995 formatted as a percentage), placed like the rows.
  const shown: (string | undefined)[][] = Array.from({ length: range.rowIndex }, () => []);
  for (const r of range.text) shown.push([...pad.map(() => undefined), ...r]);
  return { name, rows, shown };
}

/**
 * The History target read again right before the write (co-authoring: "Values copied from the workbook to JavaScript
 * variables in an Excel add-in are not synchronized"): rows a co-author appended since the plan was made are kept,
 * and the snapshot goes below them. One round trip; Office.js has no conditional write, so a co-author writing in
 * the instant between this read and our write is not excluded.
 */
async function freshTarget(
  context: Excel.RequestContext,
  target: SnapshotTarget,
): Promise<{ destination: SnapshotTarget; history: ReadSheet; formulas: unknown[][] }> {
  const range = queueUsed(context.workbook.worksheets.getItem(target.sheet));
  await context.sync();
  const history = asReadSheet(target.sheet, range);
  // The formulas placed from A1 like the rows (the trend helpers' extent is read from them).
  const formulas = [...Array.from({ length: range.rowIndex }, () => []), ...range.formulas].map((r: unknown[]) => [
    ...Array.from({ length: range.columnIndex }, () => ''),
    ...r,
  ]);
  return { destination: historyTarget(history) ?? target, history, formulas };
}

function localToday(): { serial: number; now: Date } {
  const now = new Date();
  return { serial: ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate()), now };
}

/** Appends today's snapshot to the Progress History sheet (inserting it when missing). */
export async function recordSnapshotExcel(context: Excel.RequestContext): Promise<SnapshotReport> {
  const { serial, now } = localToday();
  const sheets = await readSheetsExcel(context);
  const plan = planSnapshot(sheets, serial, now);
  let target = plan.destination;
  if (!target) {
    const report = await applyPlanExcel(context, historyPlan(serial));
    const created = (await readSheetsExcel(context)).find((s) => s.name === report.sheets[0]);
    target = created && historyTarget(created);
    if (!target) throw new Error('The snapshot was not recorded: the Progress History sheet could not be created.');
  }
  let met = '';
  let trends = '';
  if (plan.rows.length > 0) {
    const fresh = await freshTarget(context, target);
    if (fresh.destination.row !== target.row) met = snapshotMovedBelow(target.sheet);
    target = fresh.destination;
    // The trend charts reach the new rows (their helpers and ranges grown first), or the message says what they miss.
    const grown = await growTrendsExcel(context, fresh.history, fresh.formulas, target, plan.rows);
    trends = grown.note;
    const { col, cells } = placeRows(plan, target);
    const { formats } = placedFormats(plan, target);
    const range = context.workbook.worksheets
      .getItem(target.sheet)
      .getRangeByIndexes(target.row, col, cells.length, cells[0].length);
    range.numberFormat = formats;
    range.values = cells;
    await context.sync();
    // The trend charts' value axes in their metrics' formats, sent with Refresh charts' first sync.
    grown.formatAxes();
  }
  // The monthly review's moment: the charts follow the rows typed since (the snapshot writes no charted cell).
  await refreshChartsExcel(context, sheets);
  return { sheets: [target.sheet], message: `${plan.message} Added to "${target.sheet}".${met}${trends}` };
}

/**
 * Appends each planned project not yet on the Roadmap below its last row (shared/strategy/roadmap-append.ts),
 * one range per written column (the Duration formula between them is never written over). The Roadmap is read
 * again right before the write (co-authoring: values read earlier "are not synchronized"), so rows a co-author
 * added meanwhile are kept and ours go below them; two more syncs. As for snapshots, Office.js has no conditional
 * write: a co-author typing in the instant between that read and our write is not excluded.
 */
export async function addPlannedToRoadmapExcel(context: Excel.RequestContext): Promise<SnapshotReport> {
  const { serial, now } = localToday();
  const sheets = await readSheetsExcel(context);
  const plan = planRoadmapAppend(sheets, serial, now);
  if (!plan.sheet) throw new Error(plan.message);
  let met = '';
  if (plan.rows.length > 0) {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const fresh = queueUsed(ws);
    await context.sync();
    const last = lastFilledRow(asReadSheet(plan.sheet, fresh), Object.values(plan.columns));
    if (last >= plan.row) {
      plan.row = last + 1;
      met = roadmapMovedBelow(plan.sheet);
    }
    for (const key of ROADMAP_APPEND_COLUMNS) {
      const range = ws.getRangeByIndexes(plan.row, plan.columns[key], plan.rows.length, 1);
      const format = columnFormat(key);
      if (format) range.numberFormat = plan.rows.map(() => [format]);
      range.values = columnCells(plan, key) as (string | number | boolean)[][];
    }
    await context.sync();
    await refreshChartsExcel(context, withAppended(sheets, plan));
  }
  return { sheets: [plan.sheet], message: `${plan.message}${met}` };
}

/**
 * "Refresh charts": the roadmap chart and the impact/effort matrix as the cells are now (read here, or `sheets`
 * already read), each found by its name (set at insertion: a chart inserted by an older version, or renamed, is
 * not found and left alone). Two syncs; charts only, no cell is written.
 */
export async function refreshChartsExcel(context: Excel.RequestContext, sheets?: ReadSheet[]): Promise<SnapshotReport> {
  const list = chartsToRefresh(sheets ?? (await readSheetsExcel(context)), localToday().now);
  const found = list.map((r) => {
    const ws = context.workbook.worksheets.getItem(r.sheet);
    const chart = ws.charts.getItemOrNullObject(r.op.title);
    chart.load('isNullObject');
    return { r, ws, chart };
  });
  await context.sync();
  const done = found.filter((f) => !f.chart.isNullObject);
  const supports = hostApiSupport();
  for (const f of done) refreshExcelChart(f.ws, f.chart, f.r.op, supports);
  if (done.length > 0) await context.sync();
  return {
    sheets: done.map((f) => f.r.sheet),
    message: chartsRefreshed(done.map((f) => ({ sheet: f.r.sheet, title: f.r.op.title }))),
  };
}

/** The strategy document of this workbook as Markdown (throws a readable Error without the themes sheet). */
export async function strategyMarkdownExcel(context: Excel.RequestContext): Promise<string> {
  const r = strategyMarkdown(await readSheetsExcel(context), localToday().now);
  if ('missing' in r) throw new Error(documentNeedsSheets(r.missing));
  return r.markdown;
}
