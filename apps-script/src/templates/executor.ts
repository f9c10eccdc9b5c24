/**
 * The Google Sheets executor: applies a render plan to a spreadsheet with batched service calls.
 *
 * The number of calls depends on the number of sheets, columns, rules and distinct formats in the
 * plan, never on the number of rows: every cell write is one 2-D array per block.
 *  - Values and formulas go in ONE `setValues` per sheet: the Range reference documents for setValues
 *    that "if a value begins with =, it's interpreted as a formula" (and for setValue: "If it begins with
 *    '=' it is interpreted as a formula"), so a separate setFormulas per formula block is not needed.
 *    Blank cells are written as "" (an empty cell). See docs/host-api-notes.md.
 *  - Number formats are set BEFORE the values, so a text column ("@") keeps "$1M" as text instead of
 *    Sheets parsing it as a number, one `RangeList.setNumberFormat` per distinct format.
 *  - Data validation: each distinct rule is built once, then ONE `setDataValidations` over the
 *    bounding box of all validated ranges (null elsewhere); custom-formula rules, whose references are
 *    relative to the range they are applied to, get one `setDataValidation` each (see setValidations).
 *  - All conditional format rules in ONE `setConditionalFormatRules` (the sheet is new: nothing to keep).
 *
 * Never loses data: names come from resolvePlan (fresh sheet and range names), sheets are inserted
 * at the end, and if anything throws, only what this run created is removed (by the Sheet objects it
 * holds, and the named ranges it set) and the error says exactly what happened. Existing sheets and named
 * ranges are never read beyond their names, never written. Inserts of this add-on in one spreadsheet run
 * one at a time (server.ts takes LockService's document lock); a co-author typing a sheet or range name
 * that this insert picked in the moment between reading the names and creating it makes the insert stop
 * (insertSheet refuses a taken name; a taken range name is checked just before setNamedRange, which would
 * otherwise re-point it) and leaves that sheet or range as it is.
 */
import type {
  ChartOp,
  ExistingNames,
  PlanCell,
  RenderPlan,
  SheetPlan,
  ValidationOp,
  CellStyle,
  ConditionalFormatOp,
} from '../../../shared/plan/plan';
import { resolvePlan } from '../../../shared/plan/resolve';
import { appliedSteps, type SheetStep, type StepTable, type WorkbookStep } from '../../../shared/plan/plan-steps';
import { parseCell, parseRange, type RangeRef } from '../../../shared/a1/a1';
import { boundingBox, indexRuns, runs, splitSheetRef } from '../../../shared/a1/a1';
import { cellsFor } from '../../../shared/plan/host-cells';
import {
  hostErrorText as errorText,
  insertFailedMessage,
  renamedSheets,
  successMessage,
  withCause,
  type InsertReport,
} from '../../../shared/plan/report';
import { addSheetsCharts } from './charts';
import { maxOf } from '../../../shared/core/extremes';
import { localFormula, planInLocale, type DecimalSeparator } from '../../../shared/plan/formula-syntax';
import { spreadsheetNumberSyntax } from '../locale';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export interface SheetsExecutorOptions {
  /** Places the charts of one sheet (default: addSheetsCharts from ./charts). */
  addCharts?: (sheet: Sheet, charts: ChartOp[]) => void;
  /** The spreadsheet's decimal separator (default: read from its locale): formulas are written in its syntax. */
  decimal?: DecimalSeparator;
  /** Called with each sheet right after `insertSheet` returned it (the self-check marks and records its own). */
  onSheetCreated?: (sheet: Sheet) => void;
}

/** Reads only the names of what the spreadsheet already has. */
export function existingNamesSheets(ss: Spreadsheet): ExistingNames {
  return {
    sheets: ss.getSheets().map((s) => s.getName()),
    namedRanges: ss.getNamedRanges().map((n) => n.getName()),
  };
}

/** What one insert has created so far, and what it is doing: the failure report reads it. */
interface SheetsRun {
  created: Array<{ name: string; sheet: Sheet }>;
  namesAdded: string[];
  bySheetKey: Map<string, Sheet>;
  step: string;
  current: string;
}

export function applyPlanSheets(ss: Spreadsheet, plan: RenderPlan, options: SheetsExecutorOptions = {}): InsertReport {
  const existing = existingNamesSheets(ss);
  // Formulas in the spreadsheet's own syntax: ";" between arguments where decimals are written with a comma.
  const decimal = options.decimal ?? spreadsheetNumberSyntax(ss).decimal;
  const p = planInLocale(resolvePlan(plan, existing).plan, decimal);
  const run: SheetsRun = { created: [], namesAdded: [], bySheetKey: new Map(), step: 'starting', current: '' };
  try {
    addSheets(ss, p, existing.sheets.length, run, options.onSheetCreated);
    addNamedRanges(ss, p, run);
    fillSheets(ss, p, run, { ...options, decimal });
  } catch (e) {
    throw withCause(failureMessage(ss, plan.title, e, run), e);
  }
  const sheets = run.created.map((c) => c.name);
  const renamed = renamedSheets(plan, p);
  return {
    templateId: plan.templateId,
    title: plan.title,
    sheets,
    namedRanges: run.namesAdded,
    renamed,
    message: successMessage(plan.title, sheets, renamed),
  };
}

/** 1. Every sheet first, at the end, so cross-sheet formulas never point at a missing sheet. */
function addSheets(
  ss: Spreadsheet,
  p: RenderPlan,
  existingCount: number,
  run: SheetsRun,
  onSheetCreated?: (sheet: Sheet) => void,
): void {
  run.step = 'adding the sheet';
  p.sheets.forEach((s, i) => {
    run.current = s.name;
    const sheet = ss.insertSheet(s.name, existingCount + i);
    run.created.push({ name: s.name, sheet });
    run.bySheetKey.set(s.key, sheet);
    onSheetCreated?.(sheet);
  });
  run.current = '';
}

/** Rows of a new Google sheet (1000 × 26). */
const NEW_SHEET_ROWS = 1000;

/** 2. Named ranges (other sheets validate against them), each checked free just before it is set. */
function addNamedRanges(ss: Spreadsheet, p: RenderPlan, run: SheetsRun): void {
  const grown = new Map<Sheet, number>();
  for (const n of p.namedRanges) {
    run.step = `creating the named range ${n.name}`;
    const sheet = run.bySheetKey.get(n.sheet);
    if (!sheet)
      throw new Error(`named range ${n.name} refers to sheet key "${n.sheet}", which the plan does not create`);
    // Free when the plan was resolved; setNamedRange would silently re-point a name someone added since.
    if (ss.getRangeByName(n.name)) throw new NameTakenMeanwhile(n.name);
    // The sheet was just inserted with 1000 rows: a taller range needs its rows first (sizeSheet then finds them).
    const [last, rows] = [parseRange(n.range).bottom, grown.get(sheet) ?? NEW_SHEET_ROWS];
    if (last > rows) {
      sheet.insertRowsAfter(rows, last - rows);
      grown.set(sheet, last);
    }
    ss.setNamedRange(n.name, sheet.getRange(n.range));
    run.namesAdded.push(n.name);
  }
}

/** 3. Contents, sheet by sheet, then the sheet to show is activated. */
function fillSheets(ss: Spreadsheet, p: RenderPlan, run: SheetsRun, options: SheetsExecutorOptions): void {
  const rangeOfSource = (source: string): Range => {
    const text = source.replace(/^=/, '');
    const named = p.namedRanges.find((n) => n.name === text);
    if (named) return run.bySheetKey.get(named.sheet)!.getRange(named.range);
    const { sheet } = splitSheetRef(text);
    if (!sheet)
      throw new Error(`list source "${source}" is neither a named range of this template nor a sheet-qualified range`);
    return ss.getRange(text);
  };
  const sheetIds = new Map([...run.bySheetKey].map(([key, sheet]) => [key, sheet.getSheetId()]));
  for (const s of p.sheets) {
    run.current = s.name;
    fillSheet(run.bySheetKey.get(s.key)!, s, rangeOfSource, (what) => (run.step = what), options, sheetIds);
  }
  run.current = '';
  run.step = 'activating the first sheet';
  (run.bySheetKey.get(p.activate) ?? run.created[0]?.sheet)?.activate();
}

/** A named range someone else created after this insert read the names (a co-author, another execution); a sheet
 * taken meanwhile is told by insertSheet's own refusal (takenMeanwhile below). */
class NameTakenMeanwhile extends Error {
  constructor(readonly taken: string) {
    super(`the named range "${taken}" exists now`);
  }
}

/**
 * Removes only what this run created (its named ranges, then its sheets, by the objects it holds) and says
 * exactly what happened. Never touches anything else.
 */
function failureMessage(ss: Spreadsheet, title: string, e: unknown, run: SheetsRun): string {
  for (const n of run.namesAdded) {
    try {
      ss.removeNamedRange(n);
    } catch {
      // removing the sheet below removes what the name pointed at; nothing else to do
    }
  }
  const removed: string[] = [];
  const left: string[] = [];
  for (const c of [...run.created].reverse()) {
    try {
      ss.deleteSheet(c.sheet);
      removed.unshift(c.name);
    } catch {
      left.unshift(c.name);
    }
  }
  const cause = `${run.step}${run.current ? ` on "${run.current}"` : ''} failed (${errorText(e)})`;
  return insertFailedMessage(title, cause, { removed, left }, takenMeanwhile(ss, e, run));
}

/** The sheet or name whose clash made the insert fail, when someone else created it after the names were read. */
function takenMeanwhile(
  ss: Spreadsheet,
  e: unknown,
  run: SheetsRun,
): { kind: 'sheet' | 'name'; name: string } | undefined {
  if (e instanceof NameTakenMeanwhile) return { kind: 'name', name: e.taken };
  // insertSheet refuses a name in use ("A sheet with the name … already exists"): if that sheet is there and
  // is not ours, it was added after this insert read the sheet names.
  const name = run.current;
  if (run.step !== 'adding the sheet' || !name || run.created.some((c) => c.name === name)) return undefined;
  try {
    return ss.getSheetByName(name) ? { kind: 'sheet', name } : undefined;
  } catch {
    return undefined;
  }
}

function rangeOf(sheet: Sheet, r: RangeRef): Range {
  return sheet.getRange(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Rows and columns the plan touches (its cells, chart anchors included), so the new sheet can be grown once if needed. */
function extent(s: SheetPlan, cells: PlanCell[][]): { rows: number; cols: number } {
  let rows = cells.length;
  let cols = maxOf(
    [...cells.map((r) => r.length), ...(s.hiddenColumns ?? []).map((c) => c + 1)],
    s.columnWidths.length,
  );
  const all = [
    ...s.formats.map((f) => f.range),
    ...s.numberFormats.map((f) => f.range),
    ...s.validations.map((v) => v.range),
    ...s.conditionalFormats.map((c) => c.range),
    ...(s.table ? [s.table.range] : []),
  ];
  for (const a of all) {
    const r = parseRange(a);
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
  }
  // A chart's anchor cell must exist on the sheet (the chart itself may float past the last column).
  for (const c of s.charts) {
    const at = parseCell(c.anchor);
    rows = Math.max(rows, at.row);
    cols = Math.max(cols, at.col);
  }
  return { rows, cols };
}

/** What the steps of one sheet read besides the sheet and its plan. */
export interface FillContext {
  /** The sheet's cells with Sheets' own overrides (the SPARKLINE progress bars) laid over the common ones. */
  cells: PlanCell[][];
  rangeOfSource: (source: string) => Range;
  options: SheetsExecutorOptions;
}

/** How the Sheets executor applies one field of a sheet plan. */
export type SheetsApply = (sheet: Sheet, s: SheetPlan, c: FillContext) => void;

/**
 * The steps of one sheet, in order: one entry per field of the sheet plan (plan-steps.ts), as compile.ts has one
 * compiler per field. Number formats come before the values (a text column keeps "$1M" as text), validation after
 * the values; the sheet is sized for all of them first (fillSheet).
 */
export const SHEETS_STEPS: StepTable<SheetStep, SheetsApply> = {
  numberFormats: { doing: 'setting number formats', run: setNumberFormats },
  cells: { doing: 'writing values and formulas', run: writeCells },
  hostCells: { by: 'cells (cellsFor lays the Sheets cells over the common ones)' },
  formats: { doing: 'formatting', run: setFormats },
  validations: {
    doing: 'adding data validation',
    when: (s) => s.validations.length > 0,
    run: (sheet, s, c) => setValidations(sheet, s.validations, c.rangeOfSource, c.options.decimal ?? '.'),
  },
  conditionalFormats: {
    doing: 'adding conditional formats',
    when: (s) => s.conditionalFormats.length > 0,
    run: (sheet, s) => sheet.setConditionalFormatRules(s.conditionalFormats.map((c) => conditionalRule(sheet, c))),
  },
  table: { doing: 'banding the table', when: (s) => !!s.table, run: bandTable },
  headerRows: { by: 'table (the banding starts below the header rows)' },
  computed: {
    doing: 'guarding computed columns',
    when: (s) => (s.computed ?? []).length > 0,
    run: guardComputed,
  },
  frozenRows: {
    doing: 'freezing the header',
    when: (s) => s.frozenRows > 0,
    run: (sh, s) => sh.setFrozenRows(s.frozenRows),
  },
  frozenColumns: {
    doing: 'freezing the header',
    when: (s) => s.frozenColumns > 0,
    run: (sheet, s) => sheet.setFrozenColumns(s.frozenColumns),
  },
  columnWidths: { doing: 'setting column widths', run: setColumnWidths },
  hiddenColumns: {
    doing: 'setting column widths',
    run: (sheet, s) => indexRuns(s.hiddenColumns ?? []).forEach((r) => sheet.hideColumns(r.start + 1, r.count)),
  },
  tabColor: {
    doing: 'setting column widths',
    when: (s) => !!s.tabColor,
    run: (sh, s) => sh.setTabColor(s.tabColor!),
  },
  charts: {
    doing: 'adding charts',
    when: (s) => s.charts.length > 0,
    run: (sheet, s, c) => (c.options.addCharts ?? addSheetsCharts)(sheet, s.charts),
  },
  printOrientation: { not: 'printing is set up by the person printing in Sheets (the .xlsx writer sets it)' },
  note: { not: "the add-on's sidebar reports the sheets inserted, not their notes (the preview shows them)" },
};

/** The steps of the workbook: the named ranges before any sheet is filled, the sheet to show last. */
export const SHEETS_WORKBOOK_STEPS: StepTable<WorkbookStep, never> = {
  namedRanges: { by: 'addNamedRanges, after every sheet is added and before any is filled' },
  activate: { by: 'fillSheets, once every sheet is filled' },
};

function fillSheet(
  sheet: Sheet,
  s: SheetPlan,
  rangeOfSource: (source: string) => Range,
  at: (step: string) => void,
  options: SheetsExecutorOptions,
  sheetIds: Map<string, number> = new Map(),
): void {
  const c: FillContext = { cells: withSheetIds(cellsFor(s, 'sheets'), sheetIds), rangeOfSource, options };
  at('sizing the sheet');
  sizeSheet(sheet, s, c);
  for (const step of appliedSteps(SHEETS_STEPS)) {
    if (step.when && !step.when(s)) continue;
    at(step.doing);
    step.run(sheet, s, c);
  }
}

/**
 * Links to a sheet of the same spreadsheet: Sheets addresses a sheet by its id in a link (`#gid=<id>`), known only
 * once the sheet exists, so the plan carries `{{gid:key}}` and it is filled in here (Start Here's links).
 */
export function withSheetIds(cells: PlanCell[][], sheetIds: Map<string, number>): PlanCell[][] {
  const fill = (v: PlanCell): PlanCell =>
    typeof v === 'string' && v.includes('{{gid:')
      ? v.replace(/\{\{gid:([A-Za-z0-9_]+)\}\}/g, (m, key: string) => String(sheetIds.get(key) ?? m))
      : v;
  return cells.map((row) => row.map(fill));
}

/** Enough rows and columns for the cells and everything laid over them (a new sheet has 1000 × 26). */
function sizeSheet(sheet: Sheet, s: SheetPlan, c: FillContext): void {
  const need = extent(s, c.cells);
  const maxRows = sheet.getMaxRows();
  if (need.rows > maxRows) sheet.insertRowsAfter(maxRows, need.rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (need.cols > maxCols) sheet.insertColumnsAfter(maxCols, need.cols - maxCols);
}

/** One RangeList.setNumberFormat per distinct format. */
function setNumberFormats(sheet: Sheet, s: SheetPlan): void {
  const byFormat = new Map<string, string[]>();
  for (const f of s.numberFormats) {
    const ranges = byFormat.get(f.format) ?? [];
    ranges.push(f.range);
    byFormat.set(f.format, ranges);
  }
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}

/** Values and formulas in ONE setValues over the cells' rectangle; blank cells are written as "". */
function writeCells(sheet: Sheet, _s: SheetPlan, c: FillContext): void {
  const height = c.cells.length;
  const width = maxOf(
    c.cells.map((r) => r.length),
    0,
  );
  if (height === 0 || width === 0) return;
  const grid = c.cells.map((row) =>
    Array.from({ length: width }, (_, col) => (row[col] === null || row[col] === undefined ? '' : row[col])),
  );
  sheet.getRange(1, 1, height, width).setValues(grid);
}

/** One RangeList per distinct style. */
function setFormats(sheet: Sheet, s: SheetPlan): void {
  const byStyle = new Map<string, { style: CellStyle; ranges: string[] }>();
  for (const f of s.formats) {
    const key = JSON.stringify(f.style);
    const entry = byStyle.get(key) ?? { style: f.style, ranges: [] };
    entry.ranges.push(f.range);
    byStyle.set(key, entry);
  }
  for (const { style, ranges } of byStyle.values()) applyStyle(sheet.getRangeList(ranges), style);
}

/** Banded rows below the table's header rows (none when the table is only its header). */
function bandTable(sheet: Sheet, s: SheetPlan): void {
  if (!s.table) return;
  const r = parseRange(s.table.range);
  const headerRows = Math.max(1, s.headerRows);
  if (r.bottom - r.top + 1 <= headerRows) return;
  rangeOf(sheet, { ...r, top: r.top + headerRows }).applyRowBanding(
    SpreadsheetApp.BandingTheme.LIGHT_GREY,
    false,
    false,
  );
}

/**
 * Each computed column: a note on its header (one RangeList.setNote per distinct note) and its data cells
 * protected with a warning only. `Protection.setWarningOnly(true)`: "every user can edit data in the protected
 * area, except editing prompts a warning asking the user to confirm the edit" (Apps Script reference, Class
 * Protection). Never owner-only protection: the manager must stay able to type over a formula on purpose.
 */
function guardComputed(sheet: Sheet, s: SheetPlan): void {
  const byNote = new Map<string, string[]>();
  for (const op of s.computed ?? []) byNote.set(op.note, [...(byNote.get(op.note) ?? []), op.headerCell]);
  for (const [note, headers] of byNote) sheet.getRangeList(headers).setNote(note);
  for (const op of s.computed ?? [])
    sheet.getRange(op.range).protect().setDescription(`${op.title}: ${op.note}`).setWarningOnly(true);
}

/** Column widths, one call per run of equal widths. */
function setColumnWidths(sheet: Sheet, s: SheetPlan): void {
  for (const run of runs(s.columnWidths))
    if (run.value > 0) sheet.setColumnWidths(run.start + 1, run.count, Math.round(run.value));
}

function applyStyle(list: GoogleAppsScript.Spreadsheet.RangeList, style: CellStyle): void {
  if (style.bold !== undefined) list.setFontWeight(style.bold ? 'bold' : 'normal');
  if (style.italic !== undefined) list.setFontStyle(style.italic ? 'italic' : 'normal');
  if (style.fontColor) list.setFontColor(style.fontColor);
  if (style.fill) list.setBackground(style.fill);
  if (style.wrap !== undefined) list.setWrap(style.wrap);
  if (style.hAlign) list.setHorizontalAlignment(style.hAlign);
  if (style.vAlign) list.setVerticalAlignment(style.vAlign);
  if (style.fontSize) list.setFontSize(style.fontSize);
}

/** A1 of the top-left cell, relative (for custom formulas evaluated per cell). */
function topLeft(a1: string): string {
  return a1.split(':')[0].replace(/\$/g, '');
}

function validationRule(
  op: ValidationOp,
  rangeOfSource: (source: string) => Range,
  decimal: DecimalSeparator = '.',
): DataValidation {
  let b = SpreadsheetApp.newDataValidation();
  const rule = op.rule;
  switch (rule.kind) {
    case 'list':
      b = b.requireValueInList(rule.values, true);
      break;
    case 'listFromRange':
      b = b.requireValueInRange(rangeOfSource(rule.source), true);
      break;
    case 'number': {
      const x = topLeft(op.range);
      if (rule.integer) {
        const parts = [`ISNUMBER(${x})`, `${x}=INT(${x})`];
        if (rule.min !== undefined) parts.push(`${x}>=${rule.min}`);
        if (rule.max !== undefined) parts.push(`${x}<=${rule.max}`);
        b = b.requireFormulaSatisfied(localFormula(`=AND(${parts.join(',')})`, decimal));
      } else if (rule.min !== undefined && rule.max !== undefined) b = b.requireNumberBetween(rule.min, rule.max);
      else if (rule.min !== undefined) b = b.requireNumberGreaterThanOrEqualTo(rule.min);
      else if (rule.max !== undefined) b = b.requireNumberLessThanOrEqualTo(rule.max);
      else b = b.requireFormulaSatisfied(localFormula(`=ISNUMBER(${x})`, decimal));
      break;
    }
    case 'date':
      b = b.requireDate();
      break;
  }
  b = b.setAllowInvalid(!op.strict);
  if (op.help) b = b.setHelpText(op.help);
  return b.build();
}

/** Rules that are custom formulas referring to the validated cell (relative references). */
function usesCellFormula(op: ValidationOp): boolean {
  return (
    op.rule.kind === 'number' && (op.rule.integer === true || (op.rule.min === undefined && op.rule.max === undefined))
  );
}

/**
 * Data validation in a number of calls that does not depend on the rows:
 *  - rules without cell references (lists, ranges, number bounds, dates): ONE setDataValidations over
 *    the bounding box of their ranges (null elsewhere), each distinct rule built once;
 *  - custom-formula rules (whole numbers): one setDataValidation per rule over its own range. A custom
 *    formula's relative references are relative to the top-left cell of the range it is applied to, the
 *    way the Sheets UI applies "Custom formula is" to a range; in a per-cell setDataValidations grid every
 *    cell would get the same literal formula (checking the first cell), so those rules never go there.
 */
function setValidations(
  sheet: Sheet,
  ops: ValidationOp[],
  rangeOfSource: (source: string) => Range,
  decimal: DecimalSeparator,
): void {
  const rules = new Map<string, DataValidation>();
  const ruleFor = (op: ValidationOp): DataValidation => {
    const key = JSON.stringify([op.rule, op.help ?? '', op.strict]);
    let rule = rules.get(key);
    if (!rule) {
      rule = validationRule(op, rangeOfSource, decimal);
      rules.set(key, rule);
    }
    return rule;
  };
  const gridOps = ops.filter((op) => !usesCellFormula(op));
  if (gridOps.length > 0) {
    const refs = gridOps.map((op) => parseRange(op.range));
    const box = boundingBox(refs)!;
    const grid: Array<Array<DataValidation | null>> = Array.from({ length: box.bottom - box.top + 1 }, () =>
      Array.from({ length: box.right - box.left + 1 }, () => null as DataValidation | null),
    );
    gridOps.forEach((op, i) => {
      const rule = ruleFor(op);
      const r = refs[i];
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) grid[row - box.top][col - box.left] = rule;
    });
    rangeOf(sheet, box).setDataValidations(grid);
  }
  for (const op of ops.filter(usesCellFormula))
    rangeOf(sheet, parseRange(op.range)).setDataValidation(validationRule(op, rangeOfSource, decimal));
}

function conditionalRule(sheet: Sheet, op: ConditionalFormatOp): ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule().setRanges([sheet.getRange(op.range)]);
  const rule = op.rule;
  const NUMBER = SpreadsheetApp.InterpolationType.NUMBER;
  switch (rule.kind) {
    case 'formula':
      b = b.whenFormulaSatisfied(rule.formula);
      break;
    case 'colorScale':
      b = b.setGradientMinpointWithValue(rule.min.color, NUMBER, String(rule.min.value));
      if (rule.mid) b = b.setGradientMidpointWithValue(rule.mid.color, NUMBER, String(rule.mid.value));
      b = b.setGradientMaxpointWithValue(rule.max.color, NUMBER, String(rule.max.value));
      break;
    case 'dataBar':
      // Sheets has no in-cell data bar rule: the nearest equivalent is a white-to-colour gradient.
      b = b
        .setGradientMinpointWithValue('#ffffff', NUMBER, String(rule.min))
        .setGradientMaxpointWithValue(rule.color, NUMBER, String(rule.max));
      break;
  }
  if (rule.kind === 'formula' && op.style) {
    if (op.style.fill) b = b.setBackground(op.style.fill);
    if (op.style.fontColor) b = b.setFontColor(op.style.fontColor);
    if (op.style.bold !== undefined) b = b.setBold(op.style.bold);
    if (op.style.italic !== undefined) b = b.setItalic(op.style.italic);
  }
  return b.build();
}
