/**
 * The preview's download must work where the add-in is not installed: Excel without it, LibreOffice,
 * Google Sheets (which recalculates every formula on import). A cell the user wrote with one of our
 * custom functions would show #NAME? there, so before writing the file each such cell becomes
 *  - the equivalent native formula where the templates have one (the priority score, the quadrant, the
 *    health status and the health score's plain mean: the very builders the templates use, proven equal
 *    to the core by the engine tests), checked here to give the value the cell shows now; a function
 *    called over whole columns becomes one native formula per cell of its result;
 *  - otherwise its value (the result as it is now).
 * The list of converted cells (with what was typed) goes on a sheet of its own in the workbook, and the
 * page says what it converted. No DOM here.
 */
import { DetailedCellError } from 'hyperformula';
import { REGISTRY } from '../shared/functions';
import { cellA1, gridRect } from '../shared/a1/a1';
import type { PlanCell, SheetPlan } from '../shared/plan/plan';
import { freeSheetName } from '../shared/plan/resolve';
import { DEFAULT_THRESHOLD, priorityScoreFormula, quadrantFormula } from '../shared/catalogue/prioritization';
import { healthBandFormula, overallScoreFormula } from '../shared/catalogue/health';
import { HEADER_STYLE } from '../shared/compiler/compile';
import type { WorkbookModel } from '../xlsx/model';
import { callsAny, rewriteCalls, topLevelCalls } from './formula-calls';
import type { PreviewWorkbook } from './workbook';

/** One cell (or spilled block) the download changed. */
export interface ConvertedCell {
  sheet: string;
  /** "A1", or "F2:F9" for a result spilled over several cells. */
  range: string;
  /** What the user typed. */
  formula: string;
  /** How it was written: a native formula (that of its first cell shown) or its value. */
  as: 'native' | 'value';
  written: string;
  /** Why it was written so. */
  reason: Reason;
}

export interface Conversion {
  model: WorkbookModel;
  converted: ConvertedCell[];
  /** Name of the sheet listing them (none when nothing was converted). */
  listSheet?: string;
}

const OURS = new Set(REGISTRY.map((f) => f.name));

/** Native forms by function: how many arguments they take, which broadcast cell by cell, the builder. */
interface NativeForm {
  min: number;
  max: number;
  /** Arguments taken whole (a range stays a range); the others broadcast over a spilled result. */
  whole?: number[];
  build(args: string[]): string;
}

const NATIVE: Record<string, NativeForm> = {
  PRIORITY_SCORE: { min: 4, max: 4, build: ([i, u, e, r]) => priorityScoreFormula(i, u, e, r) },
  PRIORITY_QUADRANT: { min: 2, max: 3, build: ([i, e, t]) => quadrantFormula(i, e, t || String(DEFAULT_THRESHOLD)) },
  HEALTH_STATUS: { min: 1, max: 1, build: ([x]) => healthBandFormula(x) },
  HEALTH_SCORE: { min: 1, max: 1, whole: [0], build: ([x]) => overallScoreFormula(x) },
};

const RANGE = /^((?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3}\$?\d+)$/;
const CELL = /^((?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?\d+$/;
const LITERAL = /^(-?\d+(\.\d+)?(e[+-]?\d+)?|"(?:[^"]|"")*"|[A-Za-z_][\w.]*)$/i;

/** An argument as an operand: kept bare when it is one token (a cell, a range, a number, a text, a name), else in parentheses. */
function operand(arg: string): string {
  return CELL.test(arg) || RANGE.test(arg) || LITERAL.test(arg) ? arg : `(${arg})`;
}

/**
 * The argument as the cell at offset `k` of a spilled result sees it: a column (or row) range of the
 * result's length gives its k-th cell; anything else stays as it is, or cannot broadcast (undefined).
 */
function cellOfArg(arg: string, k: number, size: { rows: number; cols: number }): string | undefined {
  const m = RANGE.exec(arg);
  if (!m) return arg;
  const r = gridRect(`${m[2]}:${m[3]}`.replace(/\$/g, ''));
  const [h, w] = [r.bottom - r.top + 1, r.right - r.left + 1];
  if (w === 1 && h === size.rows && size.cols === 1) return `${m[1] ?? ''}${cellA1(r.top + 1 + k, r.left + 1)}`;
  if (h === 1 && w === size.cols && size.rows === 1) return `${m[1] ?? ''}${cellA1(r.top + 1, r.left + 1 + k)}`;
  return h === 1 && w === 1 ? `${m[1] ?? ''}${m[2]}` : undefined;
}

/** The formula for cell `k` of the result (k = 0 for a single cell), or undefined when it has no native form. */
function nativeFormula(formula: string, k: number, size: { rows: number; cols: number }): string | undefined {
  const calls = topLevelCalls(formula);
  // A formula that is one call needs no parentheses around its native form.
  const whole = calls.length === 1 && calls[0].start === 1 && calls[0].end === formula.length;
  const native = rewriteCalls(formula, (name, args) => {
    if (!OURS.has(name)) return `${name}(${args.join(',')})`;
    const form = NATIVE[name];
    const given = args.length > 0 && args[args.length - 1] === '' ? args.slice(0, -1) : args;
    if (!form || given.length < form.min || given.length > form.max) return undefined;
    const cells = given.map((a, i) => (form.whole?.includes(i) ? a : cellOfArg(a, k, size)));
    if (cells.some((c) => c === undefined)) return undefined;
    return `(${form.build(cells.map((c) => operand(c!)))})`;
  });
  return native && whole ? `=${native.slice(2, -1)}` : native;
}

/** A value as a cell of the written file: errors as their code, blanks as blank. */
function fileValue(v: unknown): PlanCell {
  if (v instanceof DetailedCellError) return v.value;
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

/** Whether two engine values are the same result (numbers to 1e-9). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (a instanceof DetailedCellError || b instanceof DetailedCellError)
    return a instanceof DetailedCellError && b instanceof DetailedCellError && a.value === b.value;
  return (a ?? '') === (b ?? '');
}

/** Whether a native formula computes on the sheet what the cell shows now (one the engine cannot read does not). */
function computesSame(wb: PreviewWorkbook, sheet: number, native: string, cell: { row: number; col: number }): boolean {
  let got: unknown;
  try {
    got = wb.hf.calculateFormula(native, sheet);
  } catch {
    return false; // e.g. a text with a doubled quote: the cell itself shows #ERROR!, so its value is written
  }
  return same(got, wb.hf.getCellValue({ sheet, ...cell }));
}

/** Rows and columns a formula's result takes from its cell (1×1 unless it spilled). */
function spillSize(wb: PreviewWorkbook, sheet: number, row: number, col: number): { rows: number; cols: number } {
  // The cells a result spilled into are of type ARRAY (the formula's own cell is ARRAYFORMULA).
  const spilled = (r: number, c: number): boolean => wb.hf.getCellType({ sheet, row: r, col: c }) === 'ARRAY';
  let rows = 1;
  let cols = 1;
  while (spilled(row + rows, col)) rows++;
  while (spilled(row, col + cols)) cols++;
  return { rows, cols };
}

type Reason = 'native' | 'no native form' | 'the native form gives another result here';

/** The cells of a formula's result, rewritten natively when every one of them computes the same; else why not. */
function natives(
  wb: PreviewWorkbook,
  sheet: number,
  at: { row: number; col: number },
  formula: string,
): string[] | Reason {
  const size = spillSize(wb, sheet, at.row, at.col);
  if (size.rows > 1 && size.cols > 1) return 'no native form';
  const out: string[] = [];
  for (let k = 0; k < size.rows * size.cols; k++) {
    const native = nativeFormula(formula, k, size);
    if (native === undefined) return 'no native form';
    const cell = size.cols > 1 ? { row: at.row, col: at.col + k } : { row: at.row + k, col: at.col };
    if (!computesSame(wb, sheet, native, cell)) return 'the native form gives another result here';
    out.push(native);
  }
  return out;
}

function put(cells: PlanCell[][], row: number, col: number, v: PlanCell): void {
  while (cells.length <= row) cells.push([]);
  while (cells[row].length <= col) cells[row].push(null);
  cells[row][col] = v;
}

/** Converts one cell holding a custom function (and the cells its result spilled into) in the model. */
function convertCell(
  wb: PreviewWorkbook,
  model: SheetPlan,
  at: { row: number; col: number },
  formula: string,
): ConvertedCell {
  const id = wb.sheetId(model.name);
  const size = spillSize(wb, id, at.row, at.col);
  const range =
    size.rows > 1 || size.cols > 1
      ? `${cellA1(at.row + 1, at.col + 1)}:${cellA1(at.row + size.rows, at.col + size.cols)}`
      : cellA1(at.row + 1, at.col + 1);
  const result = natives(wb, id, at, formula);
  if (typeof result !== 'string') {
    result.forEach((f, k) => put(model.cells, at.row + (size.cols > 1 ? 0 : k), at.col + (size.cols > 1 ? k : 0), f));
    return { sheet: model.name, range, formula, as: 'native', written: result[0], reason: 'native' };
  }
  for (let r = 0; r < size.rows; r++)
    for (let c = 0; c < size.cols; c++)
      put(
        model.cells,
        at.row + r,
        at.col + c,
        fileValue(wb.hf.getCellValue({ sheet: id, row: at.row + r, col: at.col + c })),
      );
  const shown = wb.hf.getCellValue({ sheet: id, ...at });
  return { sheet: model.name, range, formula, as: 'value', written: String(fileValue(shown) ?? ''), reason: result };
}

/** Every cell of a sheet whose formula calls one of our functions. */
function customCells(wb: PreviewWorkbook, name: string): { row: number; col: number; formula: string }[] {
  const found: { row: number; col: number; formula: string }[] = [];
  wb.hf.getSheetSerialized(wb.sheetId(name)).forEach((row, r) =>
    row.forEach((raw, c) => {
      if (typeof raw === 'string' && raw.startsWith('=') && callsAny(raw, OURS))
        found.push({ row: r, col: c, formula: raw });
    }),
  );
  return found;
}

const LIST_HEADER = ['Sheet', 'Cell', 'Formula you typed (without its =)', 'Saved in this file as', 'Why'];

/** The sheet that lists what was converted, for whoever opens the file. */
function listSheet(name: string, converted: ConvertedCell[]): SheetPlan {
  const why = (c: ConvertedCell): string =>
    c.reason === 'native' ? 'the same calculation in the spreadsheet’s own functions' : `its value: ${c.reason}`;
  const rows: PlanCell[][] = converted.map((c) => [
    c.sheet,
    c.range,
    c.formula.slice(1),
    c.as === 'native' ? c.written.slice(1) : c.written,
    why(c),
  ]);
  const intro =
    'These cells used Tech Strategy Toolkit functions, which calculate only where the add-in is installed. So that this file shows the right values in Excel, LibreOffice and Google Sheets without it, each was saved as below.';
  return {
    key: 'converted',
    name,
    cells: [[intro, null, null, null, null], LIST_HEADER, ...rows],
    headerRows: 2,
    frozenRows: 2,
    frozenColumns: 0,
    columnWidths: [140, 90, 340, 340, 300],
    formats: [
      { range: 'A2:E2', style: HEADER_STYLE },
      { range: 'A1', style: { bold: true } },
    ],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** The workbook as the download writes it: custom-function cells converted, and the list of them. */
export function convertForDownload(wb: PreviewWorkbook): Conversion {
  const model = wb.toModel();
  const converted: ConvertedCell[] = [];
  for (const sheet of model.sheets)
    for (const cell of customCells(wb, sheet.name)) converted.push(convertCell(wb, sheet, cell, cell.formula));
  if (converted.length === 0) return { model, converted };
  const name = freeSheetName(
    'Converted formulas',
    model.sheets.map((s) => s.name),
  );
  model.sheets.push(listSheet(name, converted));
  return { model, converted, listSheet: name };
}

/** What the page says after a download: how many cells were converted, how, and where they are listed. */
export function conversionSummary(c: Conversion): string {
  if (c.converted.length === 0) return '';
  const native = c.converted.filter((x) => x.as === 'native').length;
  const values = c.converted.length - native;
  const cells = c.converted.length === 1 ? '1 cell uses' : `${c.converted.length} cells use`;
  const how = [
    native ? `${native} saved as the spreadsheet's own formula${native > 1 ? 's' : ''}` : '',
    values ? `${values} as ${values > 1 ? 'their values' : 'its value'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${cells} add-in functions: ${how}, so the file works without the add-in (listed on the sheet "${c.listSheet}").`;
}
