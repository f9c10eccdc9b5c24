/**
 * The one compiler from template spec to render plan. It serves single templates and the full
 * workbook alike: a plan is a list of sheet specs, each laid out from A1 (see spec.ts for the
 * layout), with cross-sheet references left as `{{sheet:key}}` / `{{name:key}}` placeholders for
 * resolvePlan to fill in once the workbook's existing names are known.
 */
import type {
  CellStyle,
  ConditionalFormatOp,
  FormatOp,
  HostCellsOp,
  NamedRangeOp,
  NumberFormatOp,
  PlanCell,
  RenderPlan,
  SheetPlan,
  ValidationOp,
  ComputedColumnOp,
} from '../plan/plan';
import type { FormulaRefs, SheetSpec, SideItem, TemplateSpec } from '../spec/spec';
import { compileCharts } from './charts';
import { colIndex, colLetter } from '../a1/a1';
import { maxOf } from '../core/extremes';
import { layoutSheet, type SheetLayout } from './layout';
import { insertionDays, resolveExamples, type InsertionDays } from '../spec/example-dates';
import { COMPUTED_TITLE, computedColumnNote, settingHelp } from '../core/messages';
import { addInCells, addInSnapshots, addInWide, sideValues } from './add-in-cells';

/**
 * How to compile: blank or with the example, and the day of insertion (a date serial) from which the
 * example's dates are placed.
 */
export interface CompileOptions {
  example: boolean;
  today: number;
}

/** 0-based column index ↔ letters (0 ↔ A, 25 ↔ Z, 26 ↔ AA): the a1.ts helpers, under the names the tests use. */
export { colLetter as columnLetter, colIndex as columnIndex };

/** The layout phase (layout.ts), under the names the tests use. */
export { layoutSheet, type SheetLayout };

export const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: '#1f4e79',
  fontColor: '#ffffff',
  wrap: true,
  vAlign: 'middle',
};
/** Computed columns look different from input columns: "don't type here" (italic also on banded rows). */
export const COMPUTED_STYLE: CellStyle = { fill: '#f2f2f2', italic: true };
/** A computed column's header: the header style in slate instead of blue, with a note (compileComputed). */
export const COMPUTED_HEADER_STYLE: CellStyle = { ...HEADER_STYLE, fill: '#5b6b7a' };
const SIDE_LABEL_STYLE: CellStyle = { bold: true };
const SETTING_STYLE: CellStyle = { fill: '#fff2cc' };
const SIDE_WIDTHS: [number, number] = [200, 120];
const SPACER_WIDTH = 24;

/** The data range of a column without "$", e.g. "C2:C51". */
function columnRange(L: SheetLayout, key: string): string {
  const x = L.letters[key];
  return `${x}${L.firstRow}:${x}${L.lastRow}`;
}

/** The data cells a column shows: all its rows, or the rows of its block beside the side block (ColumnSpec.beside). */
function shownRange(L: SheetLayout, col: { key: string; beside?: number }): string {
  if (!col.beside) return columnRange(L, col.key);
  const x = L.letters[col.key];
  return `${x}${L.firstRow}:${x}${L.firstRow + col.beside - 1}`;
}

function duplicate(keys: string[]): string | undefined {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return undefined;
}

/** Compiles template sheets into one plan. Throws on a malformed spec (a programming error, caught by tests). */
export function compileSheets(
  meta: { id: string; title: string; activate?: string },
  sheets: SheetSpec[],
  options: CompileOptions,
): RenderPlan {
  const dupSheet = duplicate(sheets.map((s) => s.key));
  if (dupSheet) throw new Error(`Template ${meta.id} has two sheets with key "${dupSheet}"`);
  const layouts: Record<string, SheetLayout> = {};
  for (const s of sheets) {
    const dupCol = duplicate(s.columns.map((c) => c.key).concat((s.side ?? []).map((i) => `side:${i.key}`)));
    if (dupCol) throw new Error(`Sheet ${s.key} has two columns with key "${dupCol}"`);
    layouts[s.key] = layoutSheet(s);
  }
  // Named ranges defined by the sheets of this plan (other sheets validate against them).
  const namedRanges: NamedRangeOp[] = [];
  for (const s of sheets) {
    for (const n of s.namedRanges ?? []) {
      if (!layouts[s.key].letters[n.column])
        throw new Error(`Named range ${n.key} on sheet ${s.key} names unknown column "${n.column}"`);
      namedRanges.push({ key: n.key, name: n.name, sheet: s.key, range: columnRange(layouts[s.key], n.column) });
    }
  }
  const definedNames = new Set(namedRanges.map((n) => n.key));
  const plans = sheets.map((s) => compileSheet(s, layouts, definedNames, options));
  const activate = meta.activate && layouts[meta.activate] ? meta.activate : sheets[0].key;
  return { templateId: meta.id, title: meta.title, sheets: plans, namedRanges, activate };
}

export function compileSpec(spec: TemplateSpec, options: CompileOptions): RenderPlan {
  return compileSheets({ id: spec.id, title: spec.name, activate: spec.activate }, spec.sheets, options);
}

/**
 * A side-block value as formulas read it. A setting with a number fallback reads as the strategy reader reads it
 * (cells.ts readSetting: the number typed, else the fallback), so a user who clears "Discuss at a spread of" or
 * "Capacity per quarter" gets the documented default on the sheet and in the Strategy Document alike, not 0.
 */
export function settingReference(item: SideItem, a1: string): string {
  return typeof item.fallback === 'number' ? `IF(ISNUMBER(${a1}),${a1},${item.fallback})` : a1;
}

/** Every side-block value of the sheet as formulas read it (settingReference), by key. */
function sideRefs(s: SheetSpec, L: SheetLayout): Record<string, string> {
  return Object.fromEntries((s.side ?? []).map((item) => [item.key, settingReference(item, L.side[item.key])]));
}

function refsFor(s: SheetSpec, layouts: Record<string, SheetLayout>, i: number): FormulaRefs {
  const L = layouts[s.key];
  const r = L.firstRow + i;
  const row: Record<string, string> = {};
  const above: Record<string, string> = {};
  const upTo: Record<string, string> = {};
  const prev: Record<string, string> = {};
  for (const c of s.columns) {
    const x = L.letters[c.key];
    row[c.key] = `${x}${r}`;
    above[c.key] = `$${x}$1:${x}${r - 1}`;
    upTo[c.key] = `$${x}$${L.firstRow}:${x}${r}`;
    prev[c.key] = `${x}${r - 1}`;
  }
  const layoutOf = (key: string): SheetLayout => {
    const o = layouts[key];
    if (!o) throw new Error(`Sheet ${s.key} refers to sheet "${key}", which is not part of this template`);
    return o;
  };
  const letterOf = (key: string, col: string): string => {
    const x = layoutOf(key).letters[col];
    if (!x) throw new Error(`Sheet ${s.key} refers to unknown column "${col}" of sheet "${key}"`);
    return x;
  };
  return {
    row,
    col: L.dataRange,
    above,
    upTo,
    prev,
    first: i === 0,
    side: sideRefs(s, L),
    index: i,
    sheetRow: r,
    other: (key, a1) => {
      layoutOf(key);
      return `{{sheet:${key}}}!${a1}`;
    },
    otherCol: (key, col) => {
      letterOf(key, col);
      return `{{sheet:${key}}}!${layoutOf(key).dataRange[col]}`;
    },
    otherCell: (key, col) => `{{sheet:${key}}}!${letterOf(key, col)}${layoutOf(key).firstRow + i}`,
  };
}

function unknownKeys(s: SheetSpec, rows: Record<string, PlanCell>[] | undefined, what: string): void {
  for (const row of rows ?? []) {
    for (const k of Object.keys(row)) {
      const c = s.columns.find((x) => x.key === k);
      if (!c) throw new Error(`Sheet ${s.key}: ${what} names unknown column "${k}"`);
      if (c.formula) throw new Error(`Sheet ${s.key}: ${what} gives a value for computed column "${k}"`);
    }
  }
}

/**
 * One sheet spec → one SheetPlan, one compiler per field of the plan (each executor step reads one field):
 *   check the given rows → cells (header, rows, side block) → formats → numberFormats → validations (+ notes)
 *   → conditionalFormats → columnWidths → table → charts → hostCells.
 */
function compileSheet(
  s: SheetSpec,
  layouts: Record<string, SheetLayout>,
  definedNames: Set<string>,
  options: CompileOptions,
): SheetPlan {
  const c: SheetContext = { s, L: layouts[s.key], layouts, days: insertionDays(options.today, options.example) };
  const given = givenRows(c, options);
  const cells = compileCells(c, given.rows);
  addInSnapshots(c, cells, given.rows);
  const columnValidations = compileValidations(c, definedNames);
  const side = sideBlock(c, cells);
  const plan: SheetPlan = {
    key: s.key,
    name: s.name,
    tabColor: s.tabColor,
    ...(s.printOrientation ? { printOrientation: s.printOrientation } : {}),
    cells,
    headerRows: 1,
    frozenRows: 1,
    frozenColumns: s.frozenColumns ?? 0,
    columnWidths: compileColumnWidths(c),
    hiddenColumns: c.L.hidden.length > 0 ? [...c.L.hidden] : undefined,
    formats: compileFormats(c).concat(side.formats),
    numberFormats: compileNumberFormats(c).concat(side.numberFormats),
    validations: columnValidations.ops.concat(side.validations),
    conditionalFormats: compileConditionalFormats(c),
    table: compileTable(c),
    charts: compileCharts(
      s.charts ?? [],
      c.L,
      given.filled,
      // Series names: the header, or what a header formula shows for the rows filled at insertion.
      Object.fromEntries(s.columns.map((x) => [x.key, x.headerValue ? x.headerValue(given.rows) : x.header])),
      { planDay: c.days.planDay, rows: given.rows },
      given.rows,
    ),
  };
  const computed = compileComputed(c);
  if (computed.length > 0) plan.computed = computed;
  const hostCells = [...sheetsOnlyCells(s, layouts), ...addInCells(s, layouts[s.key], refsFor(s, layouts, 0))];
  return withOptionalFields(plan, hostCells, [s.note, ...columnValidations.notes]);
}

/** What the compilers of one sheet share: its spec, its layout and every sheet's layout (cross-sheet formulas). */
interface SheetContext {
  s: SheetSpec;
  L: SheetLayout;
  layouts: Record<string, SheetLayout>;
  /** The days of insertion (today and a day of the plan's first quarter), for settings placed from them. */
  days: InsertionDays;
}

/** The values given per data row (fixed rows, then the example's, placed from the day of insertion), checked. */
function givenRows(c: SheetContext, options: CompileOptions): { rows: Record<string, PlanCell>[]; filled: number } {
  const { s } = c;
  const examples = options.example ? resolveExamples(s.examples, options.today) : undefined;
  unknownKeys(s, s.fixed, 'a fixed row');
  unknownKeys(s, examples, 'an example row');
  const filled = Math.max(s.fixed?.length ?? 0, examples?.length ?? 0);
  if (filled > s.rows) throw new Error(`Sheet ${s.key} has ${filled} filled rows but only ${s.rows} data rows`);
  const rows = Array.from({ length: s.rows }, (_, i) => ({ ...(s.fixed?.[i] ?? {}), ...(examples?.[i] ?? {}) }));
  return { rows, filled };
}

/** The block of cells from A1: the header row, then each data row (a formula per computed column, else what is given). */
function compileCells(c: SheetContext, given: Record<string, PlanCell>[]): PlanCell[][] {
  const { s, L, layouts } = c;
  const sideCount = (s.side ?? []).length;
  const height = Math.max(1 + s.rows, sideCount > 0 ? L.sideFirstRow - 1 + sideCount : 0);
  const cells: PlanCell[][] = Array.from({ length: height }, () =>
    Array.from({ length: L.width }, () => null as PlanCell),
  );
  for (const col of s.columns)
    cells[0][L.index[col.key]] = col.headerFormula ? `=${col.headerFormula(refsFor(s, layouts, 0))}` : col.header;
  for (let i = 0; i < s.rows; i++) {
    const refs = refsFor(s, layouts, i);
    for (const col of s.columns) {
      // A builder may return "" for a row its column has nothing to compute on (the cell stays blank).
      const f = col.formula ? col.formula(refs) : undefined;
      cells[1 + i][L.index[col.key]] = f === undefined ? (given[i][col.key] ?? null) : f === '' ? null : `=${f}`;
    }
  }
  return cells;
}

/** A visible column wraps its text, so rows may grow. */
function wrapsText(s: SheetSpec): boolean {
  return s.columns.some((col) => col.style?.wrap && !col.hidden);
}

/** The header rows' style (the table's, and the hidden helpers'), then each visible column's style. */
function compileFormats(c: SheetContext): FormatOp[] {
  const { s, L } = c;
  const formats: FormatOp[] = [{ range: `A1:${colLetter(L.visibleCount - 1)}1`, style: HEADER_STYLE }];
  for (const group of [L.beside, L.hidden]) {
    if (group.length === 0) continue;
    formats.push({ range: `${colLetter(group[0])}1:${colLetter(group[group.length - 1])}1`, style: HEADER_STYLE });
  }
  // A row that grows for a wrapped column reads from its first line: every cell of the table starts at the
  // top (Excel and Google Sheets put a cell without an alignment at the bottom). Columns may say otherwise.
  if (wrapsText(s))
    formats.push({ range: `A${L.firstRow}:${colLetter(L.visibleCount - 1)}${L.lastRow}`, style: { vAlign: 'top' } });
  for (const col of s.columns) {
    // Computed columns look different from input columns: "don't type here".
    const computed = (col.formula || col.addIn) && !col.link;
    const style = computed ? { ...COMPUTED_STYLE, ...(col.style ?? {}) } : col.style;
    if (style && !col.hidden) formats.push({ range: addInWide(L, col, shownRange(L, col)), style });
  }
  // A computed column's header, over every column its add-in result spills into.
  for (const op of compileComputed(c)) {
    const col = s.columns.find((x) => `${L.letters[x.key]}1` === op.headerCell);
    formats.push({ range: col ? addInWide(L, col, op.headerCell) : op.headerCell, style: COMPUTED_HEADER_STYLE });
  }
  return formats;
}

/** Every visible column the template computes: its header cell, its data cells and the note that says so. */
function compileComputed(c: SheetContext): ComputedColumnOp[] {
  return c.s.columns
    .filter((col) => (col.formula || col.addIn) && !col.hidden && !col.link)
    .map((col) => ({
      headerCell: `${c.L.letters[col.key]}1`,
      range: addInWide(c.L, col, shownRange(c.L, col)),
      title: COMPUTED_TITLE,
      note: col.note ?? computedColumnNote(col.header),
    }));
}

function compileNumberFormats(c: SheetContext): NumberFormatOp[] {
  return c.s.columns
    .filter((col) => col.numberFormat)
    .map((col) => ({ range: shownRange(c.L, col), format: col.numberFormat! }));
}

/**
 * Each column's validation rule. A list from another sheet's named range (ThemeNames) is a validation when that
 * range is part of this plan, else a note telling the user where the values come from.
 */
function compileValidations(c: SheetContext, definedNames: Set<string>): { ops: ValidationOp[]; notes: string[] } {
  const ops: ValidationOp[] = [];
  const notes: string[] = [];
  for (const col of c.s.columns) {
    if (!col.validation) continue;
    const range = columnRange(c.L, col.key);
    const strict = col.strict ?? true;
    if (col.validation.kind !== 'namedList') ops.push({ range, rule: col.validation, help: col.help, strict });
    else if (!definedNames.has(col.validation.name)) notes.push(col.validation.fallbackHelp);
    else {
      const rule = { kind: 'listFromRange' as const, source: `{{name:${col.validation.name}}}` };
      ops.push({ range, rule, help: col.help, strict });
    }
  }
  return { ops, notes };
}

function compileConditionalFormats(c: SheetContext): ConditionalFormatOp[] {
  const { s, L } = c;
  const out: ConditionalFormatOp[] = [];
  for (const cf of s.conditionalFormats ?? []) {
    const row: Record<string, string> = {};
    for (const col of s.columns) row[col.key] = `$${L.letters[col.key]}${L.firstRow}`;
    for (const key of cf.columns) {
      if (!s.columns.some((x) => x.key === key))
        throw new Error(`Sheet ${s.key}: conditional format names unknown column "${key}"`);
      out.push({ range: columnRange(L, key), rule: cf.rule({ row, side: sideRefs(s, L) }), style: cf.style });
    }
  }
  return out;
}

/** Each column's width; spacers narrow; the side block's label column wide enough for its longest label. */
function compileColumnWidths(c: SheetContext): number[] {
  const { s, L } = c;
  const columnWidths: number[] = Array.from({ length: L.width }, () => SPACER_WIDTH);
  for (const col of s.columns) columnWidths[L.index[col.key]] = col.width;
  if (L.sideLabelLetter && s.sidePlacement !== 'below') {
    // Wide enough for the longest bold label (about 7.5 px a character at the default font), within limits.
    const longest = maxOf(
      (s.side ?? []).map((item) => item.label.length),
      0,
    );
    columnWidths[colIndex(L.sideLabelLetter)] = Math.min(340, Math.max(SIDE_WIDTHS[0], Math.ceil(longest * 7.5) + 16));
    columnWidths[colIndex(L.sideValueLetter!)] = SIDE_WIDTHS[1];
  }
  return columnWidths;
}

function compileTable(c: SheetContext): SheetPlan['table'] {
  if (!c.s.table) return undefined;
  const range = `A1:${colLetter(c.L.visibleCount - 1)}${c.L.lastRow}`;
  return { range, name: tableName(c.s.name), style: 'TableStyleMedium2' };
}

/** Adds the fields a plan has only when they say something, and drops the empty ones. */
function withOptionalFields(plan: SheetPlan, hostCells: HostCellsOp[], notes: (string | undefined)[]): SheetPlan {
  const note = notes.filter((x): x is string => !!x).join(' ');
  if (hostCells.length > 0) plan.hostCells = hostCells;
  if (note) plan.note = note;
  if (!plan.tabColor) delete plan.tabColor;
  if (!plan.hiddenColumns) delete plan.hiddenColumns;
  if (!plan.table) delete plan.table;
  return plan;
}

/**
 * Writes the side block (settings and summaries: a header row, then one label and value per item) into
 * `cells` and returns its formats: settings look like inputs, computed values like computed columns.
 */
function sideBlock(
  c: SheetContext,
  cells: PlanCell[][],
): { formats: FormatOp[]; numberFormats: NumberFormatOp[]; validations: ValidationOp[] } {
  const { s, L, layouts } = c;
  const out = { formats: [] as FormatOp[], numberFormats: [] as NumberFormatOp[], validations: [] as ValidationOp[] };
  if (!s.side || s.side.length === 0) return out;
  const lx = L.sideLabelLetter!;
  const vx = L.sideValueLetter!;
  const values = sideValues(s, c.days);
  s.side.forEach((item, i) => {
    const row = L.sideFirstRow + i;
    cells[row - 1][colIndex(lx)] = item.label;
    cells[row - 1][colIndex(vx)] = item.formula ? `=${item.formula(refsFor(s, layouts, 0))}` : values[item.key];
    const at = `${vx}${row}`;
    // Beside rows that grow for wrapped text, labels and values start at the top like the table's cells.
    const top: CellStyle = wrapsText(s) ? { vAlign: 'top' } : {};
    out.formats.push({ range: `${lx}${row}`, style: { ...SIDE_LABEL_STYLE, ...top } });
    const base = item.formula ? COMPUTED_STYLE : SETTING_STYLE;
    out.formats.push({ range: at, style: { ...base, ...top, ...(item.style ?? {}) } });
    if (item.numberFormat) out.numberFormats.push({ range: at, format: item.numberFormat });
    const help = typeof item.fallback === 'number' ? settingHelp(item.help, item.fallback) : item.help;
    if (item.validation) out.validations.push({ range: at, rule: item.validation, help, strict: true });
  });
  const [a, b] = s.sideHeader ?? ['Setting', 'Value'];
  const header = L.sideFirstRow - 1;
  cells[header - 1][colIndex(lx)] = a;
  cells[header - 1][colIndex(vx)] = b;
  out.formats.push({ range: `${lx}${header}:${vx}${header}`, style: HEADER_STYLE });
  return out;
}

/** Columns with a Sheets-only formula (SPARKLINE): one host-cells block per column. */
function sheetsOnlyCells(s: SheetSpec, layouts: Record<string, SheetLayout>): HostCellsOp[] {
  const L = layouts[s.key];
  return s.columns
    .filter((c) => c.sheetsFormula)
    .map((c) => ({
      host: 'sheets' as const,
      range: columnRange(L, c.key),
      cells: Array.from({ length: s.rows }, (_, i) => [`=${c.sheetsFormula!(refsFor(s, layouts, i))}`]),
    }));
}

/** A defined name for a table: letters, digits and underscores, starting with a letter. */
export function tableName(sheetName: string): string {
  const words = sheetName
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const base = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(base) ? `${base}Table` : `T${base}Table`;
}
