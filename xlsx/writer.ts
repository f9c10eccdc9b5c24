/**
 * Writes render plans as an .xlsx workbook with ExcelJS: the fourth executor of the plan
 * contract (after Sheets, Excel and the preview). Native formulas are written without cached
 * results, so any spreadsheet program recalculates them on open; validations, conditional
 * formats, named ranges, frozen headers, widths and hidden helper columns are kept. Every sheet is
 * print-ready (print-setup.ts). ExcelJS cannot write charts: the plan's charts are added to its
 * package as native DrawingML charts (chart-model.ts → chart-xml.ts → package.ts).
 *
 * Runs in Node (the CLI) and in the browser (the preview's download button): no Node APIs here.
 */
import type ExcelJS from 'exceljs';
import {
  quotedText,
  type CellStyle,
  type ConditionalRule,
  type SheetPlan,
  type ValidationOp,
} from '../shared/plan/plan';
import { colLetter, gridRect, splitSheetRef } from '../shared/a1/a1';
import { sheetRangeRef, type WorkbookModel } from './model';
import { appliedSteps, type SheetStep, type StepTable, type WorkbookStep } from '../shared/plan/plan-steps';
import { cellsFor } from '../shared/plan/host-cells';
import { fileChart, type FileChart } from './chart-model';
import { trendSlotName } from '../shared/compiler/trend-charts';
import { addParts, type SheetParts } from './package';
import { FOOTER, MARGINS, SHEET_FONT, printPlan } from './print-setup';
import { wrappedRowHeights } from './text-fit';
import { documentRowHeights } from './document-rows';
import { VALIDATION_ALERT_TITLE, validationAlert } from '../shared/plan/validation-messages';

function forEachCell(ws: ExcelJS.Worksheet, a1: string, f: (cell: ExcelJS.Cell) => void): void {
  const r = gridRect(a1);
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) f(ws.getCell(row + 1, col + 1));
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontColor || s.fontSize) {
    cell.font = {
      ...cell.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
    };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign || s.vAlign) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
    };
  }
}

/** Differential style for conditional formats (fills use bgColor there). */
function dxfStyle(s: CellStyle | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (!s) return style;
  if (s.bold || s.italic || s.fontColor)
    style.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.fill) } };
  return style;
}

/**
 * Functions added to Excel after 2007 are stored in .xlsx files with a `_xlfn.` prefix (Excel shows
 * them without it); written bare, Excel and LibreOffice read them as unknown names (#NAME?).
 */
const FUTURE_FUNCTIONS = [
  'IFS',
  'MAXIFS',
  'MINIFS',
  'SWITCH',
  'CONCAT',
  'TEXTJOIN',
  'IFNA',
  'XOR',
  'DAYS',
  'ISOWEEKNUM',
  'NUMBERVALUE',
  'XLOOKUP',
  'XMATCH',
  'LET',
  'CEILING.MATH',
  'FLOOR.MATH',
  'AGGREGATE',
  'RANK.EQ',
  'RANK.AVG',
  'STDEV.S',
  'STDEV.P',
  'VAR.S',
  'VAR.P',
  'MODE.SNGL',
  'PERCENTILE.INC',
  'PERCENTILE.EXC',
  'QUARTILE.INC',
  'QUARTILE.EXC',
  'NORM.DIST',
  'NORM.INV',
  'NORM.S.DIST',
  'NORM.S.INV',
  'NETWORKDAYS.INTL',
  'WORKDAY.INTL',
  'FORECAST.LINEAR',
  'COVARIANCE.P',
  'COVARIANCE.S',
  'SHEET',
  'SHEETS',
  'FORMULATEXT',
  'ISFORMULA',
  'UNICHAR',
  'UNICODE',
  'TEXTBEFORE',
  'TEXTAFTER',
  'TEXTSPLIT',
  'VSTACK',
  'HSTACK',
  'TOCOL',
  'TOROW',
  'TAKE',
  'DROP',
  'CHOOSECOLS',
  'CHOOSEROWS',
];
/** Dynamic-array functions carry a second prefix. */
const WORKSHEET_FUNCTIONS = ['FILTER', 'SORT', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'RANDARRAY'];
const FUNCTION_CALL = /("(?:[^"]|"")*")|('(?:[^']|'')*')|(^|[^A-Za-z0-9_.])([A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)(?=\s*\()/g;

/** A formula as stored in the file: future functions prefixed (`MINIFS(` → `_xlfn.MINIFS(`). */
export function fileFormula(formula: string): string {
  return formula.replace(
    FUNCTION_CALL,
    (m, str: string | undefined, quoted: string | undefined, before: string, name: string) => {
      if (str || quoted) return m;
      if (WORKSHEET_FUNCTIONS.includes(name)) return `${before}_xlfn._xlws.${name}`;
      if (FUTURE_FUNCTIONS.includes(name)) return `${before}_xlfn.${name}`;
      return m;
    },
  );
}

const stripEq = (f: string): string => fileFormula(f.startsWith('=') ? f.slice(1) : f);

/** ExcelJS's data validation for one plan rule. */
export function dataValidation(v: ValidationOp): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.strict ? 'stop' : 'warning',
    // The alert the Excel add-in sets on the same rule (validation-messages.ts).
    errorTitle: VALIDATION_ALERT_TITLE,
    // An error message of at most 224 characters (Excel's file-format limit, docs/host-api-notes.md).
    error: (v.help ?? validationAlert(v.rule)).slice(0, 224),
    ...(v.help ? { showInputMessage: true, prompt: v.help.slice(0, 255) } : {}),
  } as const;
  const rule = v.rule;
  switch (rule.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${rule.values.map((x) => x.replace(/"/g, '""')).join(',')}"`] };
    case 'listFromRange':
      return { ...base, type: 'list', formulae: [stripEq(rule.source)] };
    case 'number': {
      const type = rule.integer ? 'whole' : 'decimal';
      if (rule.min !== undefined && rule.max !== undefined)
        return { ...base, type, operator: 'between', formulae: [rule.min, rule.max] };
      if (rule.min !== undefined) return { ...base, type, operator: 'greaterThanOrEqual', formulae: [rule.min] };
      if (rule.max !== undefined) return { ...base, type, operator: 'lessThanOrEqual', formulae: [rule.max] };
      return { ...base, type, operator: 'greaterThanOrEqual', formulae: [-1e307] };
    }
    case 'date':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
  }
}

function conditionalRule(
  rule: ConditionalRule,
  style: CellStyle | undefined,
  priority: number,
): ExcelJS.ConditionalFormattingRule {
  switch (rule.kind) {
    case 'formula':
      return { type: 'expression', priority, formulae: [stripEq(rule.formula)], style: dxfStyle(style) };
    case 'colorScale': {
      const stops = [rule.min, ...(rule.mid ? [rule.mid] : []), rule.max];
      return {
        type: 'colorScale',
        priority,
        cfvo: stops.map((s) => ({ type: 'num', value: s.value })),
        color: stops.map((s) => ({ argb: argb(s.color) })),
      } as ExcelJS.ConditionalFormattingRule;
    }
    case 'dataBar':
      return {
        type: 'dataBar',
        priority,
        cfvo: [
          { type: 'num', value: rule.min },
          { type: 'num', value: rule.max },
        ],
        color: { argb: argb(rule.color) },
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule;
  }
}

/** Excel column width (characters of the default font) for a width in pixels. */
export function pxToWidth(px: number): number {
  return Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
}

/** How the .xlsx writer applies one field of a resolved sheet plan to its ExcelJS worksheet. */
export type XlsxApply = (ws: ExcelJS.Worksheet, s: SheetPlan) => void;

/**
 * Formulas only, no cached result: the spreadsheet program computes them when it opens the file. Cells that call the
 * add-in's own functions are not written: a file is opened without them, so it keeps the values computed at insertion.
 */
function writeCells(ws: ExcelJS.Worksheet, s: SheetPlan): void {
  cellsFor(s, 'excel', 'snapshot').forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      // A quote-prefixed text is a string cell (never a formula, whatever it starts with).
      const quoted = quotedText(v);
      cell.value =
        quoted !== undefined
          ? quoted
          : typeof v === 'string' && v.startsWith('=')
            ? ({ formula: stripEq(v) } as ExcelJS.CellFormulaValue)
            : v;
    }),
  );
}

/** An explicit sans-serif on every cell of the sheet (ExcelJS leaves styled fonts without a name: serif fallbacks), then the styles. */
function writeFormats(ws: ExcelJS.Worksheet, s: SheetPlan): void {
  const width = s.cells.reduce((m, r) => Math.max(m, r.length), Math.max(1, s.columnWidths.length));
  forEachCell(
    ws,
    `A1:${colLetter(width - 1)}${Math.max(1, s.cells.length)}`,
    (cell) => (cell.font = { ...SHEET_FONT }),
  );
  for (const f of s.formats) forEachCell(ws, f.range, (cell) => applyStyle(cell, f.style));
}

function writeValidations(ws: ExcelJS.Worksheet, s: SheetPlan): void {
  for (const v of s.validations) {
    const dv = dataValidation(v);
    forEachCell(ws, v.range, (cell) => (cell.dataValidation = dv));
  }
}

/**
 * The steps of one sheet, in order: one entry per field of the sheet plan (plan-steps.ts). The charts, the print
 * setup and the print titles are added once the sheet is written (buildWorkbook, package.ts).
 */
export const XLSX_STEPS: StepTable<SheetStep, XlsxApply> = {
  cells: { doing: 'writing values and formulas', run: writeCells },
  hostCells: { by: 'cells (cellsFor lays the Excel cells over the common ones)' },
  columnWidths: {
    doing: 'setting column widths',
    run: (ws, s) => s.columnWidths.forEach((px, i) => (ws.getColumn(i + 1).width = pxToWidth(px))),
  },
  hiddenColumns: {
    doing: 'hiding helper columns',
    run: (ws, s) => (s.hiddenColumns ?? []).forEach((i) => (ws.getColumn(i + 1).hidden = true)),
  },
  formats: { doing: 'formatting', run: writeFormats },
  numberFormats: {
    doing: 'setting number formats',
    run: (ws, s) => s.numberFormats.forEach((n) => forEachCell(ws, n.range, (cell) => (cell.numFmt = n.format))),
  },
  validations: { doing: 'adding data validation', run: writeValidations },
  conditionalFormats: {
    doing: 'adding conditional formats',
    run: (ws, s) =>
      s.conditionalFormats.forEach((cf, i) =>
        ws.addConditionalFormatting({ ref: cf.range, rules: [conditionalRule(cf.rule, cf.style, i + 1)] }),
      ),
  },
  computed: {
    doing: 'noting computed columns',
    when: (s) => (s.computed ?? []).length > 0,
    // A computed column's header carries its note (a cell comment, shown on hover; not printed).
    run: (ws, s) => (s.computed ?? []).forEach((op) => (ws.getCell(op.headerCell).note = op.note)),
  },
  table: { doing: 'filtering the table', when: (s) => !!s.table, run: (ws, s) => (ws.autoFilter = s.table!.range) },
  frozenRows: {
    doing: 'freezing the header',
    run: (ws, s) => (ws.views = [{ state: 'frozen', xSplit: s.frozenColumns, ySplit: s.frozenRows, activeCell: 'A1' }]),
  },
  frozenColumns: { by: 'frozenRows (one frozen view for both)' },
  tabColor: {
    doing: 'colouring the tab',
    when: (s) => !!s.tabColor,
    run: (ws, s) => (ws.properties.tabColor = { argb: argb(s.tabColor!) }),
  },
  headerRows: { by: 'buildWorkbook: printPlan repeats them on every printed page' },
  charts: { by: 'buildWorkbook: native DrawingML charts added to the package (chart-model.ts, package.ts)' },
  printOrientation: { by: 'buildWorkbook: applyPrintSetup' },
  note: { not: 'a workbook file has no place for a note to its reader (the preview shows it)' },
};

/** The steps of the workbook: the names once every sheet is written; the file opens on its first sheet. */
export const XLSX_WORKBOOK_STEPS: StepTable<WorkbookStep, never> = {
  namedRanges: { by: 'buildWorkbook: defined names, after the sheets (from the model, one name per range)' },
  activate: { not: 'a file opens on its first sheet; the model may hold several plans, each with its own' },
};

/** Writes one resolved sheet plan into the workbook. */
export function addSheet(wb: ExcelJS.Workbook, s: SheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  for (const step of appliedSteps(XLSX_STEPS)) if (!step.when || step.when(s)) step.run(ws, s);
  return ws;
}

/**
 * Landscape (or the sheet's orientation), one page wide (or as many as keep the text at 8 pt or more: print-setup.ts
 * pagesWide), sheet name and page number in the footer (print area and titles: package.ts).
 */
export function applyPrintSetup(
  ws: ExcelJS.Worksheet,
  orientation: 'portrait' | 'landscape' = 'landscape',
  pagesWide = 1,
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    margins: { ...MARGINS },
    firstPageNumber: 1,
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: FOOTER };
}

/** A workbook built by ExcelJS, with what ExcelJS cannot write (charts, print areas) still to add. */
export interface BuiltWorkbook {
  workbook: ExcelJS.Workbook;
  parts: SheetParts[];
}

/**
 * Builds the ExcelJS workbook for a model. `ExcelJSImpl` is the library (Node require or the browser
 * bundle). Cells may still be edited on `workbook` (as a user would type them) before `packageWorkbook`.
 */
export function buildWorkbook(
  ExcelJSImpl: typeof ExcelJS,
  model: WorkbookModel,
  meta: { title?: string; now?: Date } = {},
): BuiltWorkbook {
  const wb = new ExcelJSImpl.Workbook();
  wb.creator = 'Tech Strategy Toolkit';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  if (meta.title) wb.title = meta.title;
  // Recalculate everything on open (no cached values are written).
  wb.calcProperties = { fullCalcOnLoad: true };
  const parts: SheetParts[] = [];
  for (const s of model.sheets) {
    const ws = addSheet(wb, s);
    const heights = wrappedRowHeights(s);
    for (const [row, pt] of documentRowHeights(s, model.sheets, meta.now ?? new Date()))
      heights.set(row, Math.max(pt, heights.get(row) ?? 0));
    for (const [row, pt] of heights) ws.getRow(row).height = pt;
    const charts = s.charts.map((c) => fileChart(c, s));
    const print = printPlan(s, charts, heights);
    applyPrintSetup(ws, s.printOrientation, print.pagesWide);
    parts.push({ sheet: s.name, charts, printArea: print.printArea, printTitles: print.printTitles });
  }
  for (const n of model.namedRanges) wb.definedNames.add(sheetRangeRef(n.sheetName, n.range), n.name);
  return { workbook: wb, parts };
}

/** What a cell shows as text when the file is written (formulas: their cached result, if any). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  return '';
}

/** The texts of a sheet-qualified range, top to bottom (one column). */
function rangeTexts(wb: ExcelJS.Workbook, ref: string): string[] {
  const { sheet } = splitSheetRef(ref);
  const ws = sheet === undefined ? undefined : wb.getWorksheet(sheet);
  if (!ws) throw new Error(`Point labels refer to an unknown sheet: ${ref}`);
  const r = gridRect(ref);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => cellText(ws.getCell(r.top + i + 1, r.left + 1).value));
}

/** A trend's title cache: its metric's name as the log holds it now (what the slot's header formula shows). */
function trendTitle(wb: ExcelJS.Workbook, c: FileChart): FileChart['titleRef'] {
  if (!c.titleRef || !c.trendOf) return c.titleRef;
  const [kinds, names] = [rangeTexts(wb, c.trendOf.kind), rangeTexts(wb, c.trendOf.name)];
  const rows = kinds.map((kind, i) => ({ kind, name: names[i] }));
  return { ...c.titleRef, text: trendSlotName(rows, c.trendOf.slot) };
}

/**
 * Fills each label cache with what the label cells hold now, and each trend's title cache with its metric's
 * name (after any edits made on the workbook).
 */
function withLabelTexts(wb: ExcelJS.Workbook, parts: SheetParts[]): SheetParts[] {
  return parts.map((p) => ({
    ...p,
    charts: p.charts.map((c) => ({
      ...c,
      titleRef: trendTitle(wb, c),
      series: c.series.map((s) =>
        s.pointLabels ? { ...s, pointLabels: { ...s.pointLabels, texts: rangeTexts(wb, s.pointLabels.ref) } } : s,
      ),
    })),
  }));
}

/** The .xlsx bytes of a built workbook: ExcelJS's package with the charts and print areas added. */
export async function packageWorkbook(built: BuiltWorkbook): Promise<Uint8Array> {
  const buf = await built.workbook.xlsx.writeBuffer();
  return addParts(buf as ArrayBuffer, withLabelTexts(built.workbook, built.parts), SHEET_FONT);
}

/** The .xlsx bytes for a model. */
export async function writeXlsx(
  ExcelJSImpl: typeof ExcelJS,
  model: WorkbookModel,
  meta: { title?: string; now?: Date } = {},
): Promise<Uint8Array> {
  return packageWorkbook(buildWorkbook(ExcelJSImpl, model, meta));
}
