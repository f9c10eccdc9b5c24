/**
 * The preview host: a workbook model on HyperFormula, and the render-plan executor that
 * inserts templates into it. Like the Sheets and Excel executors it reads the names the
 * workbook already has, resolves the plan against them (resolvePlan), and only ever adds
 * sheets and named ranges: nothing that exists is overwritten.
 *
 * Cells and formulas live in HyperFormula (with the registry plugin, so custom functions work);
 * what HyperFormula does not model — styles, number formats, validation lists, conditional
 * formats, widths, frozen panes, charts — is kept per sheet as metadata for the grid.
 * No DOM here: the page, the tests and the LibreOffice comparison use the same code.
 */
import { HyperFormula, DetailedCellError } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { resolvePlan } from '../shared/templates/resolve';
import type { ExistingNames, PlanCell, RenderPlan, SheetPlan } from '../shared/templates/plan';
import { cellsFor } from '../shared/templates/host-cells';
import { gridRect } from '../shared/templates/a1';
import { sheetRangeRef, type WorkbookModel } from '../xlsx/model';
import { ENGINE_CONFIG, registerRegistryFunctions } from './engine/plugin';

/** Everything of a sheet except its cells: how the grid shows it and how it is exported. */
export type SheetMeta = Omit<SheetPlan, 'cells'>;

export function blankMeta(key: string, name: string): SheetMeta {
  return {
    key,
    name,
    headerRows: 0,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: [],
    formats: [],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/**
 * A formula as HyperFormula's parser accepts it. Its one gap with Excel, Sheets and LibreOffice
 * that templates hit: an upper-case exponent (`1E-9`) is a parse error; `1e-9` is the same number.
 * String literals are left alone.
 */
export function engineFormula(f: string): string {
  return f.replace(/("(?:[^"]|"")*")|((?:\d|\.)E)(?=[+-]?\d)/g, (m, str: string | undefined) =>
    str ? m : m.toLowerCase(),
  );
}

/** A plan cell as HyperFormula input: formulas (see engineFormula), texts quoted so "10" or "2027-01-01" stay texts. */
export function toEngineContent(v: PlanCell): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith('=') ? engineFormula(v) : v === '' ? null : `'${v}`;
  return v;
}

/** A HyperFormula serialized cell back as a plan cell (formula text, value, text without the quote). */
export function fromEngineContent(v: unknown): PlanCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith("'") ? v.slice(1) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return String(v);
  return String(v);
}

export interface InsertOutcome {
  /** Names of the sheets created, in order. */
  sheets: string[];
  /** Named ranges created. */
  names: string[];
  /** Name of the sheet to show. */
  activate: string;
  /** Notes for the person reading the sheets. */
  notes: string[];
}

export type ChangeListener = (what: 'cells' | 'sheets') => void;

export class PreviewWorkbook {
  readonly hf: HyperFormula;
  private readonly meta = new Map<number, SheetMeta>();
  private readonly listeners: ChangeListener[] = [];

  constructor(options: { firstSheet?: string } = {}) {
    registerRegistryFunctions();
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG });
    if (options.firstSheet !== undefined) {
      const name = this.hf.addSheet(options.firstSheet);
      this.meta.set(this.hf.getSheetId(name)!, blankMeta('user', name));
    }
    this.hf.on('valuesUpdated', () => this.emit('cells'));
  }

  onChange(l: ChangeListener): void {
    this.listeners.push(l);
  }

  private emit(what: 'cells' | 'sheets'): void {
    for (const l of this.listeners) l(what);
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`No sheet named "${name}"`);
    return id;
  }

  metaOf(name: string): SheetMeta {
    const id = this.sheetId(name);
    let m = this.meta.get(id);
    if (!m) {
      m = blankMeta('user', name);
      this.meta.set(id, m);
    }
    return m;
  }

  /** What the workbook has, as every executor reads it before writing. */
  existingNames(): ExistingNames {
    return { sheets: this.sheetNames(), namedRanges: this.hf.listNamedExpressions(), tables: [] };
  }

  /** Adds an empty sheet the way a user does ("Sheet2", "Sheet3"…). */
  addUserSheet(): string {
    const taken = new Set(this.sheetNames().map((n) => n.toLowerCase()));
    let i = this.sheetNames().length + 1;
    while (taken.has(`sheet${i}`)) i++;
    const name = this.hf.addSheet(`Sheet${i}`);
    this.meta.set(this.sheetId(name), blankMeta('user', name));
    this.emit('sheets');
    return name;
  }

  /**
   * Inserts a compiled template: resolves its names against this workbook, adds its sheets,
   * named ranges and cells in one engine batch. Never overwrites an existing sheet or name;
   * if anything fails, the sheets and names it added are removed again.
   */
  insertPlan(compiled: RenderPlan): InsertOutcome {
    const { plan } = resolvePlan(compiled, this.existingNames());
    const existing = new Set(this.sheetNames().map((n) => n.toLowerCase()));
    for (const s of plan.sheets)
      if (existing.has(s.name.toLowerCase())) throw new Error(`Sheet "${s.name}" already exists`);
    const added: string[] = [];
    const names: string[] = [];
    try {
      this.hf.suspendEvaluation();
      for (const s of plan.sheets) {
        const name = this.hf.addSheet(s.name);
        added.push(name);
        const { cells: _cells, ...meta } = s;
        this.meta.set(this.sheetId(name), { ...meta, name });
      }
      for (const n of plan.namedRanges) {
        const sheet = plan.sheets.find((s) => s.key === n.sheet);
        if (!sheet) throw new Error(`Named range ${n.name} refers to an unknown sheet key "${n.sheet}"`);
        this.hf.addNamedExpression(n.name, `=${sheetRangeRef(sheet.name, n.range)}`);
        names.push(n.name);
      }
      for (const s of plan.sheets) {
        const content = cellsFor(s, 'excel').map((row) => row.map(toEngineContent));
        this.hf.setSheetContent(this.sheetId(s.name), content);
      }
      this.hf.resumeEvaluation();
    } catch (e) {
      if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
      for (const n of names) this.hf.removeNamedExpression(n);
      for (const s of added) {
        const id = this.hf.getSheetId(s);
        if (id !== undefined) {
          this.hf.removeSheet(id);
          this.meta.delete(id);
        }
      }
      throw e;
    }
    this.emit('sheets');
    const activate = plan.sheets.find((s) => s.key === plan.activate)?.name ?? added[0];
    return { sheets: added, names, activate, notes: plan.sheets.map((s) => s.note).filter((n): n is string => !!n) };
  }

  /** Sets what a user typed into a cell: "=..." is a formula, numbers and dates are parsed as a spreadsheet does. */
  setInput(sheet: string, row: number, col: number, text: string): void {
    this.hf.setCellContents(
      { sheet: this.sheetId(sheet), row, col },
      text.trim() === '' ? null : text.startsWith('=') ? engineFormula(text) : text,
    );
  }

  /** The text a user edits: the formula or the typed value. */
  inputOf(sheet: string, row: number, col: number): string {
    const v = this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.replace(/^'/, '') : String(v);
  }

  value(sheet: string, row: number, col: number): unknown {
    return this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col });
  }

  /** Values of an A1 range on a sheet (for charts and validation lists). */
  rangeValues(sheet: string, a1: string): unknown[][] {
    const r = gridRect(a1);
    const id = this.sheetId(sheet);
    return this.hf.getRangeValues({
      start: { sheet: id, row: r.top, col: r.left },
      end: { sheet: id, row: r.bottom, col: r.right },
    });
  }

  /** Evaluates a formula (a validation source like `=ThemeNames`) in the context of a sheet; flattened values. */
  evaluateList(sheet: string, formula: string): string[] {
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    const v = this.hf.calculateFormula(f, this.sheetId(sheet));
    const flat = Array.isArray(v) ? v.flat() : [v];
    return flat.filter((x) => x !== null && x !== '' && !(x instanceof DetailedCellError)).map((x) => String(x));
  }

  /** Size of the used area of a sheet. */
  dimensions(sheet: string): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: d.height, cols: d.width };
  }

  /** The workbook as it is now (the user's edits included), ready for the .xlsx writer. */
  toModel(): WorkbookModel {
    const sheets = this.sheetNames().map((name) => {
      const id = this.sheetId(name);
      // Formulas as text; typed values as the engine parsed them (a typed "9" is the number 9, a date its serial).
      const values = this.hf.getSheetValues(id);
      const cells = this.hf.getSheetSerialized(id).map((row, r) =>
        row.map((raw, c) => {
          if (typeof raw === 'string' && (raw.startsWith('=') || raw.startsWith("'"))) return fromEngineContent(raw);
          const v = values[r]?.[c];
          return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : fromEngineContent(raw);
        }),
      );
      const { hostCells: _h, ...meta } = this.metaOf(name) as SheetPlan;
      return { ...meta, name, cells } as SheetPlan;
    });
    const namedRanges = this.hf.listNamedExpressions().flatMap((name) => {
      const expr = this.hf.getNamedExpressionFormula(name) ?? '';
      const m =
        /^=\s*'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr) ??
        /^=\s*([^'!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr);
      return m ? [{ name, sheetName: m[1].replace(/''/g, "'"), range: m[2].replace(/\$/g, '') }] : [];
    });
    return { sheets, namedRanges };
  }
}
