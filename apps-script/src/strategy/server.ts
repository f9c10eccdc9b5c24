/**
 * "Record snapshot" and "Strategy as Markdown" in Google Sheets (menu and sidebar). Reads every sheet once
 * (getDataRange: values and formulas; a formula cell is left to the core to compute, so the reading is the
 * same as the CLI's on a file without cached results), then appends the snapshot to the Progress History
 * sheet with one setValues below its last row (inserting that sheet with the template executor first when
 * the spreadsheet has none). Nothing else is written. Today is the spreadsheet's day (its time zone).
 */
import type { ReadCell, ReadSheet } from '../../../shared/strategy/read';
import { historyPlan, placedFormats, placeRows, planSnapshot, historyTarget } from '../../../shared/strategy/record';
import { strategyMarkdown as documentMarkdown } from '../../../shared/strategy/document';
import {
  columnCells,
  columnFormat,
  lastFilledRow,
  planRoadmapAppend,
  ROADMAP_APPEND_COLUMNS,
  withAppended,
} from '../../../shared/strategy/roadmap-append';
import {
  chartsRefreshed,
  documentNeedsSheets,
  roadmapAppendBusy,
  roadmapMovedBelow,
  snapshotBusy,
  snapshotMovedBelow,
} from '../../../shared/core/messages';
import type { DayOf } from '../../../shared/dates/calendar-day';
import { withDocumentLock } from '../templates/document-lock';
import { hostErrorText } from '../../../shared/plan/report';
import { serialToDate } from '../../../shared/core/args';
import { spreadsheetDayOf } from '../dates';
import { applyPlanSheets } from '../templates/executor';
import { ensureRows, growTrendsSheets } from './trend-growth';
import { refreshSheetsChart } from '../templates/charts';
import { chartsToRefresh } from '../../../shared/templates/chart-refresh';
import { PRODUCT } from '../ui';
import type { SnapshotReport as PanelSnapshotReport } from '../../../shared/panel/panel-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SnapshotReport extends PanelSnapshotReport {
  rows: number;
}

/**
 * Every sheet as values; formula cells as undefined (computed by the core), dates as the day they show; with
 * the text each cell displays (getDisplayValues: "takes into account date, time and currency formatting").
 */
export function readSheets(ss: Spreadsheet, dayOf = spreadsheetDayOf()): ReadSheet[] {
  return ss.getSheets().map((sheet) => readSheet(sheet, dayOf));
}

/** One sheet as the core reads it (formula cells undefined, dates as the day they show). */
function readSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, dayOf: DayOf): ReadSheet {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const rows = values.map((row, r) =>
    row.map((v, c): ReadCell => {
      if (formulas[r]?.[c]) return undefined;
      if (v instanceof Date) return dayOf(v);
      return v as ReadCell;
    }),
  );
  // What each cell shows ("99.50%" for 0.995 formatted as a percentage): metric values are read as shown.
  return { name: sheet.getName(), rows, shown: range.getDisplayValues() };
}

/** Today as the spreadsheet shows it: a serial day, and a Date at that day's UTC midnight for the core. */
function today(): { serial: number; now: Date } {
  const serial = spreadsheetDayOf()(new Date());
  const d = serialToDate(serial);
  return { serial, now: new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12) };
}

/**
 * Appends today's snapshot to the Progress History sheet. Throws an Error with a readable message on failure.
 * One writer at a time: it holds the document lock (a second snapshot or insert waits, or is refused after 30 s).
 * Where Apps Script gives no lock (getDocumentLock() null), and in any case, the History rows are read again right
 * before the write: rows another writer appended meanwhile are kept, the snapshot goes below them, and the message
 * says the two met.
 */
export function recordSnapshot(): SnapshotReport {
  return withDocumentLock('The snapshot', recordUnderLock, snapshotBusy);
}

function recordUnderLock(): SnapshotReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { serial, now } = today();
  const sheets = readSheets(ss);
  const plan = planSnapshot(sheets, serial, now);
  // The monthly review's moment: the charts follow the rows typed since (the snapshot writes no charted cell).
  refreshFrom(ss, sheets, now);
  let target = plan.destination;
  if (!target) {
    const report = applyPlanSheets(ss, historyPlan(serial));
    const created = readSheets(ss).find((s) => s.name === report.sheets[0]);
    target = created && historyTarget(created);
    if (!target) throw new Error('The snapshot was not recorded: the Progress History sheet could not be created.');
  }
  let met = '';
  let trends = '';
  if (plan.rows.length > 0) {
    const sheet = ss.getSheetByName(target.sheet)!;
    // Re-read right before writing: another writer may have appended since the plan was made.
    const history = readSheet(sheet, spreadsheetDayOf());
    const fresh = historyTarget(history);
    if (fresh && fresh.row !== target.row) {
      target = fresh;
      met = snapshotMovedBelow(target.sheet);
    }
    // The trend charts reach the new rows (their helpers and ranges grown first), or the message says what they miss.
    trends = growTrendsSheets(sheet, history, target, plan.rows);
    const { col, cells } = placeRows(plan, target);
    const { formats } = placedFormats(plan, target);
    ensureRows(sheet, target.row + cells.length);
    const range = sheet.getRange(target.row + 1, col + 1, cells.length, cells[0].length);
    range.setNumberFormats(formats);
    range.setValues(cells);
  }
  return {
    sheets: [target.sheet],
    rows: plan.rows.length,
    message: `${plan.message} Added to "${target.sheet}".${met}${trends}`,
  };
}

/** Runs a menu action: its message in a toast; an error in an alert. */
function fromMenu<R extends { message: string }>(action: () => R): R | undefined {
  try {
    const r = action();
    SpreadsheetApp.getActiveSpreadsheet().toast(r.message, PRODUCT, 10);
    return r;
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(PRODUCT, hostErrorText(e), ui.ButtonSet.OK);
    return undefined;
  }
}

/** Menu handler: records, then a toast; an error in an alert. */
export function recordSnapshotFromMenu(): SnapshotReport | undefined {
  return fromMenu(recordSnapshot);
}

/**
 * Appends each planned project not yet on the Roadmap below its last row (shared/strategy/roadmap-append.ts):
 * one setValues per written column, so no other cell of the new rows (the Duration formula) is written over.
 * Throws an Error with a readable message when the spreadsheet has no Roadmap sheet. Holds the document lock
 * (read and write together, so two editors adding at once cannot both append the same projects), and reads the
 * Roadmap again right before writing: rows a person typed meanwhile are kept, ours go below, and the message says so.
 */
export function addPlannedToRoadmap(): PanelSnapshotReport {
  return withDocumentLock('Add planned projects to the roadmap', appendPlanned, roadmapAppendBusy);
}

function appendPlanned(): PanelSnapshotReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { serial, now } = today();
  const sheets = readSheets(ss);
  const plan = planRoadmapAppend(sheets, serial, now);
  if (!plan.sheet) throw new Error(plan.message);
  let met = '';
  if (plan.rows.length > 0) {
    const sheet = ss.getSheetByName(plan.sheet)!;
    // Re-read right before writing: the document lock holds off other scripts, not a person typing in the sheet.
    const last = lastFilledRow(readSheet(sheet, spreadsheetDayOf()), Object.values(plan.columns));
    if (last >= plan.row) {
      plan.row = last + 1;
      met = roadmapMovedBelow(plan.sheet);
    }
    ensureRows(sheet, plan.row + plan.rows.length);
    for (const key of ROADMAP_APPEND_COLUMNS) {
      const range = sheet.getRange(plan.row + 1, plan.columns[key] + 1, plan.rows.length, 1);
      const format = columnFormat(key);
      if (format) range.setNumberFormats(plan.rows.map(() => [format]));
      range.setValues(columnCells(plan, key));
    }
    refreshFrom(ss, withAppended(sheets, plan), now);
  }
  return { sheets: [plan.sheet], message: `${plan.message}${met}` };
}

/**
 * Brings the roadmap chart up to date with the cells (shared/templates/chart-refresh.ts): its quarters widened to
 * every dated row, its legend only for the themes in use. Sheets draws no point names on the matrix, so there is
 * nothing to place there. Charts only: no cell is written.
 */
function refreshFrom(ss: Spreadsheet, sheets: ReadSheet[], now: Date): PanelSnapshotReport {
  const done = chartsToRefresh(sheets, now)
    .filter((r) => r.op.calendar)
    .filter((r) => refreshSheetsChart(ss.getSheetByName(r.sheet)!, r.op));
  return {
    sheets: done.map((r) => r.sheet),
    message: chartsRefreshed(done.map((r) => ({ sheet: r.sheet, title: r.op.title }))),
  };
}

/** "Refresh charts": the charts as the cells are now (see refreshFrom). */
export function refreshCharts(): PanelSnapshotReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return refreshFrom(ss, readSheets(ss), today().now);
}

/** Menu handler: refreshes the charts, then a toast; an error in an alert. */
export function refreshChartsFromMenu(): PanelSnapshotReport | undefined {
  return fromMenu(refreshCharts);
}

/** Menu handler: adds the planned projects, then a toast; an error in an alert. */
export function addPlannedToRoadmapFromMenu(): PanelSnapshotReport | undefined {
  return fromMenu(addPlannedToRoadmap);
}

/** Sidebar: the strategy document of this spreadsheet as Markdown. */
export function strategyMarkdown(): string {
  const r = documentMarkdown(readSheets(SpreadsheetApp.getActiveSpreadsheet()), today().now);
  if ('missing' in r) throw new Error(documentNeedsSheets(r.missing));
  return r.markdown;
}
