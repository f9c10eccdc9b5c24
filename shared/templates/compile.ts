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
} from './plan';
import type { ColumnSpec, FormulaRefs, SheetSpec, TemplateSpec } from './spec';
import { compileCharts } from './charts';
import { colIndex, colLetter } from './a1';
import { maxOf } from '../core/extremes';
import { layoutSheet, type SheetLayout } from './layout';
import { resolveExamples } from './example-dates';

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
/** Computed columns look different from input columns: "don't type here". */
export const COMPUTED_STYLE: CellStyle = { fill: '#f2f2f2' };
const SIDE_LABEL_STYLE: CellStyle = { bold: true };
const SETTING_STYLE: CellStyle = { fill: '#fff2cc' };
const SIDE_WIDTHS: [number, number] = [200, 120];
const SPACER_WIDTH = 24;

/** The data range of a column without "$", e.g. "C2:C51". */
function columnRange(L: SheetLayout, key: string): string {
  const x = L.letters[key];
  return `${x}${L.firstRow}:${x}${L.lastRow}`;
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
    side: L.side,
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

function compileSheet(
  s: SheetSpec,
  layouts: Record<string, SheetLayout>,
  definedNames: Set<string>,
  options: CompileOptions,
): SheetPlan {
  const L = layouts[s.key];
  const examples = options.example ? resolveExamples(s.examples, options.today) : undefined;
  unknownKeys(s, s.fixed, 'a fixed row');
  unknownKeys(s, examples, 'an example row');
  const filled = Math.max(s.fixed?.length ?? 0, examples?.length ?? 0);
  if (filled > s.rows) throw new Error(`Sheet ${s.key} has ${filled} filled rows but only ${s.rows} data rows`);

  const sideCount = (s.side ?? []).length;
  const height = Math.max(1 + s.rows, sideCount > 0 ? L.sideFirstRow - 1 + sideCount : 0);
  const cells: PlanCell[][] = Array.from({ length: height }, () =>
    Array.from({ length: L.width }, () => null as PlanCell),
  );
  for (const c of s.columns)
    cells[0][L.index[c.key]] = c.headerFormula ? `=${c.headerFormula(refsFor(s, layouts, 0))}` : c.header;

  for (let i = 0; i < s.rows; i++) {
    const given: Record<string, PlanCell> = {
      ...(s.fixed?.[i] ?? {}),
      ...(examples?.[i] ?? {}),
    };
    const refs = refsFor(s, layouts, i);
    for (const c of s.columns) {
      const v = c.formula ? `=${c.formula(refs)}` : (given[c.key] ?? null);
      cells[1 + i][L.index[c.key]] = v;
    }
  }

  const formats: FormatOp[] = [];
  const numberFormats: NumberFormatOp[] = [];
  const validations: ValidationOp[] = [];
  const notes: string[] = [];
  const lastLetter = colLetter(L.visibleCount - 1);
  formats.push({ range: `A1:${lastLetter}1`, style: HEADER_STYLE });
  if (L.hidden.length > 0) {
    formats.push({
      range: `${colLetter(L.hidden[0])}1:${colLetter(L.hidden[L.hidden.length - 1])}1`,
      style: HEADER_STYLE,
    });
  }
  const dataRangeOf = (c: ColumnSpec): string => columnRange(L, c.key);
  for (const c of s.columns) {
    const range = dataRangeOf(c);
    const style = c.formula ? { ...COMPUTED_STYLE, ...(c.style ?? {}) } : c.style;
    if (style && !c.hidden) formats.push({ range, style });
    if (c.numberFormat) numberFormats.push({ range, format: c.numberFormat });
    if (c.validation) {
      const strict = c.strict ?? true;
      if (c.validation.kind === 'namedList') {
        if (definedNames.has(c.validation.name)) {
          validations.push({
            range,
            rule: { kind: 'listFromRange', source: `{{name:${c.validation.name}}}` },
            help: c.help,
            strict,
          });
        } else {
          notes.push(c.validation.fallbackHelp);
        }
      } else {
        validations.push({ range, rule: c.validation, help: c.help, strict });
      }
    }
  }

  const side = sideBlock(s, layouts, cells);
  for (const f of side.formats) formats.push(f);
  for (const f of side.numberFormats) numberFormats.push(f);
  for (const v of side.validations) validations.push(v);

  const conditionalFormats: ConditionalFormatOp[] = [];
  for (const cf of s.conditionalFormats ?? []) {
    const row: Record<string, string> = {};
    for (const c of s.columns) row[c.key] = `$${L.letters[c.key]}${L.firstRow}`;
    for (const key of cf.columns) {
      const c = s.columns.find((x) => x.key === key);
      if (!c) throw new Error(`Sheet ${s.key}: conditional format names unknown column "${key}"`);
      conditionalFormats.push({ range: dataRangeOf(c), rule: cf.rule({ row, side: L.side }), style: cf.style });
    }
  }

  const columnWidths: number[] = Array.from({ length: L.width }, () => SPACER_WIDTH);
  for (const c of s.columns) columnWidths[L.index[c.key]] = c.width;
  if (L.sideLabelLetter && s.sidePlacement !== 'below') {
    // Wide enough for the longest bold label (about 7.5 px a character at the default font), within limits.
    const longest = maxOf(
      (s.side ?? []).map((item) => item.label.length),
      0,
    );
    columnWidths[colIndex(L.sideLabelLetter)] = Math.min(340, Math.max(SIDE_WIDTHS[0], Math.ceil(longest * 7.5) + 16));
    columnWidths[colIndex(L.sideValueLetter!)] = SIDE_WIDTHS[1];
  }

  const note = [s.note, ...notes].filter((x): x is string => !!x).join(' ');
  const plan: SheetPlan = {
    key: s.key,
    name: s.name,
    tabColor: s.tabColor,
    cells,
    headerRows: 1,
    frozenRows: 1,
    frozenColumns: s.frozenColumns ?? 0,
    columnWidths,
    hiddenColumns: L.hidden.length > 0 ? [...L.hidden] : undefined,
    formats,
    numberFormats,
    validations,
    conditionalFormats,
    table: s.table
      ? { range: `A1:${lastLetter}${L.lastRow}`, name: tableName(s.name), style: 'TableStyleMedium2' }
      : undefined,
    charts: compileCharts(s.charts ?? [], L, filled, Object.fromEntries(s.columns.map((c) => [c.key, c.header]))),
  };
  const hostCells = sheetsOnlyCells(s, layouts);
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
  s: SheetSpec,
  layouts: Record<string, SheetLayout>,
  cells: PlanCell[][],
): { formats: FormatOp[]; numberFormats: NumberFormatOp[]; validations: ValidationOp[] } {
  const L = layouts[s.key];
  const out = { formats: [] as FormatOp[], numberFormats: [] as NumberFormatOp[], validations: [] as ValidationOp[] };
  if (!s.side || s.side.length === 0) return out;
  const lx = L.sideLabelLetter!;
  const vx = L.sideValueLetter!;
  s.side.forEach((item, i) => {
    const row = L.sideFirstRow + i;
    cells[row - 1][colIndex(lx)] = item.label;
    cells[row - 1][colIndex(vx)] = item.formula ? `=${item.formula(refsFor(s, layouts, 0))}` : (item.value ?? null);
    const at = `${vx}${row}`;
    out.formats.push({ range: `${lx}${row}`, style: SIDE_LABEL_STYLE });
    const base = item.formula ? COMPUTED_STYLE : SETTING_STYLE;
    out.formats.push({ range: at, style: { ...base, ...(item.style ?? {}) } });
    if (item.numberFormat) out.numberFormats.push({ range: at, format: item.numberFormat });
    if (item.validation) out.validations.push({ range: at, rule: item.validation, help: item.help, strict: true });
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
