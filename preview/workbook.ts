/**
 * The preview host: a workbook model on HyperFormula, and the render-plan executor that
 * inserts templates into it. Like the Sheets and Excel executors it reads the names the
 * workbook already has, resolves the plan against them (resolvePlan), and only ever adds
 * sheets and named ranges: nothing that exists is overwritten.
 *
 * Cells and formulas live in HyperFormula (with the registry plugin, so custom functions work);
 * what HyperFormula does not model — styles, number formats, validation lists, conditional
 * formats, widths, frozen panes, charts, the order of the tabs — is kept per sheet for the grid.
 * Sheets can be removed and restored whole (snapshots), which undo uses.
 * No DOM here: the page, the tests and the LibreOffice comparison use the same code.
 */
import { CellType, HyperFormula, DetailedCellError } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { resolvePlan } from '../shared/plan/resolve';
import type { ExistingNames, RenderPlan, SheetPlan } from '../shared/plan/plan';
import {
  appliedSteps,
  type SheetStep,
  type StepHandler,
  type StepTable,
  type WorkbookStep,
} from '../shared/plan/plan-steps';
import { cellsFor } from '../shared/plan/host-cells';
import { gridRect, type GridRect } from '../shared/a1/a1';
import { sheetRangeRef, type WorkbookModel } from '../xlsx/model';
import { ENGINE_CONFIG, registerRegistryFunctions } from './engine/plugin';
import { guardBlock, guardFormula, guardTexts, registerGuard, userFormula } from './engine/guard';
import { engineFormula, toEngineContent } from './engine-content';
import { workbookModel } from './model-export';
import { blankMeta, planFormatAt, USER_SHEET, type SheetMeta } from './sheet-meta';
import { cellKey, typedNumber, type TypedNumber } from './typed-values';

export { engineFormula, toEngineContent, fromEngineContent } from './engine-content';
export type { SheetMeta } from './sheet-meta';

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

/** A removed sheet, whole: enough to put it back where it was. */
export interface SheetSnapshot {
  name: string;
  /** Its place among the tabs. */
  index: number;
  meta: SheetMeta;
  contents: RawCellContent[][];
}

/** Removed sheets and the workbook names that pointed at them. */
export interface SheetsSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; expression: string }[];
}

export type ChangeListener = (what: 'cells' | 'sheets') => void;

/** How the preview takes one field of a sheet plan: into the sheet's metadata, which the grid draws from. */
export type PreviewApply = (meta: SheetMeta, s: SheetPlan) => void;

/** Keeps a field as the plan has it (when it has it) in the sheet's metadata. */
function kept<K extends Exclude<SheetStep, 'cells' | 'hostCells'>>(field: K, doing: string): StepHandler<PreviewApply> {
  return {
    doing,
    run: (meta, s) => {
      if (s[field] !== undefined) meta[field] = s[field];
    },
  };
}

/**
 * The steps of one sheet: one entry per field of the sheet plan (plan-steps.ts). The cells go into the engine;
 * everything else is kept beside them for the grid (page/sheet-view.ts, grid.ts) and the download (model-export.ts).
 */
export const PREVIEW_STEPS: StepTable<SheetStep, PreviewApply> = {
  cells: { doing: 'counting the rows written', run: (meta, s) => void (meta.insertedRows = s.cells.length) },
  hostCells: { by: "insertPlan: the engine gets Excel's cells (cellsFor), as the preview computes as Excel does" },
  headerRows: kept('headerRows', 'the grid draws the header rows taller'),
  frozenRows: kept('frozenRows', 'the grid keeps these rows in view'),
  frozenColumns: kept('frozenColumns', 'the grid keeps these columns in view'),
  columnWidths: kept('columnWidths', 'the grid sizes its columns'),
  hiddenColumns: kept('hiddenColumns', 'the grid skips these columns'),
  formats: kept('formats', 'the grid styles its cells'),
  numberFormats: kept('numberFormats', 'the grid shows values in these formats'),
  validations: kept('validations', 'the grid offers lists and refuses what does not fit'),
  conditionalFormats: kept('conditionalFormats', 'the grid colours cells by these rules'),
  computed: {
    by: 'formats (the computed style and header); the grid asks before any template formula is replaced (computed-cells.ts)',
  },
  table: kept('table', 'the grid bands the table'),
  charts: kept('charts', 'the chart layer draws them'),
  tabColor: kept('tabColor', 'the tabs show the colour'),
  printOrientation: kept('printOrientation', 'the download prints this way'),
  note: kept('note', 'the grid says it when the sheet is shown'),
};

/** The steps of the workbook: both in insertPlan, the named ranges in the engine before the cells that read them. */
export const PREVIEW_WORKBOOK_STEPS: StepTable<WorkbookStep, never> = {
  namedRanges: { by: 'insertPlan: engine named expressions, before the cells' },
  activate: { by: 'insertPlan: the sheet to show, in its outcome (the page switches to it)' },
};

/** A template sheet's metadata: the key and name, then what each step keeps. */
function sheetMetaOf(s: SheetPlan): SheetMeta {
  const meta = blankMeta(s.key, s.name);
  for (const step of appliedSteps(PREVIEW_STEPS)) step.run(meta, s);
  return meta;
}

/** Dates typed the way people type them (the ISO form first, as the templates show dates). */
const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD/MM/YY'];

export class PreviewWorkbook {
  readonly hf: HyperFormula;
  private readonly meta = new Map<number, SheetMeta>();
  /** Sheet ids in tab order (HyperFormula lists sheets by id). */
  private order: number[] = [];
  private readonly listeners: ChangeListener[] = [];

  constructor(options: { firstSheet?: string } = {}) {
    registerRegistryFunctions();
    registerGuard();
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG, dateFormats: DATE_FORMATS });
    guardTexts(this.hf);
    if (options.firstSheet !== undefined) this.addSheet(options.firstSheet, blankMeta(USER_SHEET, options.firstSheet));
    this.hf.on('valuesUpdated', () => this.notify('cells'));
  }

  onChange(l: ChangeListener): void {
    this.listeners.push(l);
  }

  notify(what: 'cells' | 'sheets'): void {
    for (const l of this.listeners) l(what);
  }

  sheetNames(): string[] {
    return this.order.map((id) => this.hf.getSheetName(id)!);
  }

  hasSheet(name: string): boolean {
    return this.hf.getSheetId(name) !== undefined;
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
      m = blankMeta(USER_SHEET, name);
      this.meta.set(id, m);
    }
    return m;
  }

  /** A sheet the user added (not one a template created). */
  isUserSheet(name: string): boolean {
    return this.metaOf(name).key === USER_SHEET;
  }

  /** What the workbook has, as every executor reads it before writing. */
  existingNames(): ExistingNames {
    return { sheets: this.sheetNames(), namedRanges: this.hf.listNamedExpressions(), tables: [] };
  }

  /** Adds an engine sheet with its metadata, at the end of the tabs or at `index`. */
  private addSheet(name: string, meta: SheetMeta, index = this.order.length): string {
    const added = this.hf.addSheet(name);
    const id = this.sheetId(added);
    this.meta.set(id, { ...meta, name: added });
    this.order.splice(Math.min(index, this.order.length), 0, id);
    return added;
  }

  /** The name the next sheet a user adds gets ("Sheet2", "Sheet3"…). */
  nextUserSheetName(): string {
    const taken = new Set(this.sheetNames().map((n) => n.toLowerCase()));
    let i = this.sheetNames().length + 1;
    while (taken.has(`sheet${i}`)) i++;
    return `Sheet${i}`;
  }

  /** Adds an empty sheet the way a user does ("Sheet2", "Sheet3"…), or with the name given. */
  addUserSheet(name = this.nextUserSheetName(), index?: number): string {
    const added = this.addSheet(name, blankMeta(USER_SHEET, name), index);
    this.notify('sheets');
    return added;
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
      for (const s of plan.sheets) added.push(this.addSheet(s.name, sheetMetaOf(s)));
      for (const n of plan.namedRanges) {
        const sheet = plan.sheets.find((s) => s.key === n.sheet);
        if (!sheet) throw new Error(`Named range ${n.name} refers to an unknown sheet key "${n.sheet}"`);
        this.hf.addNamedExpression(n.name, `=${sheetRangeRef(sheet.name, n.range)}`);
        names.push(n.name);
      }
      for (const s of plan.sheets) {
        // The add-in's own functions by their plain names: the engine has them (plugin.ts), as Sheets writes them.
        const content = cellsFor(s, 'excel', 'plain').map((row) => row.map(toEngineContent));
        this.hf.setSheetContent(this.sheetId(s.name), content);
      }
      this.hf.resumeEvaluation();
    } catch (e) {
      if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
      this.dropSheets(added, names);
      throw e;
    }
    this.notify('sheets');
    const activate = plan.sheets.find((s) => s.key === plan.activate)?.name ?? added[0];
    return { sheets: added, names, activate, notes: plan.sheets.map((s) => s.note).filter((n): n is string => !!n) };
  }

  private dropSheets(sheets: string[], names: string[]): void {
    for (const n of names) if (this.hf.getNamedExpression(n)) this.hf.removeNamedExpression(n);
    for (const s of sheets) {
      const id = this.hf.getSheetId(s);
      if (id === undefined) continue;
      this.hf.removeSheet(id);
      this.meta.delete(id);
      this.order = this.order.filter((x) => x !== id);
    }
  }

  /** Workbook names whose range lies on one of these sheets. */
  namesOn(sheets: string[]): string[] {
    const on = new Set(sheets.map((s) => s.toLowerCase()));
    return this.hf.listNamedExpressions().filter((n) => {
      const m = /^=\s*'?((?:[^'!]|'')+)'?!/.exec(this.hf.getNamedExpressionFormula(n) ?? '');
      return !!m && on.has(m[1].replace(/''/g, "'").toLowerCase());
    });
  }

  /** Removes sheets (and the names on them) and returns what puts them back. */
  removeSheets(sheets: string[]): SheetsSnapshot {
    const names = this.namesOn(sheets).map((name) => ({ name, expression: this.hf.getNamedExpressionFormula(name)! }));
    const snapshot: SheetsSnapshot = {
      sheets: sheets.map((name) => ({
        name,
        index: this.sheetNames().indexOf(name),
        meta: this.metaOf(name),
        contents: this.contentsOf(name),
      })),
      names,
    };
    this.hf.batch(() =>
      this.dropSheets(
        sheets,
        names.map((n) => n.name),
      ),
    );
    this.notify('sheets');
    return snapshot;
  }

  /**
   * A sheet's cells as the engine would take them back: formulas as text, values as typed, and the cells a formula's
   * result spills into left blank (HyperFormula serializes them as their values, which would block the spill when put
   * back: #SPILL!, as the Prioritization sheet's RANK_STABILITY column showed after a reload).
   */
  contentsOf(name: string): RawCellContent[][] {
    const sheet = this.sheetId(name);
    return this.hf
      .getSheetSerialized(sheet)
      .map((row, r) =>
        row.map((v, col) => (this.hf.getCellType({ sheet, row: r, col }) === CellType.ARRAY ? null : v)),
      ) as RawCellContent[][];
  }

  /** Puts removed sheets back where they were, with their cells, formats and names. */
  restoreSheets(snapshot: SheetsSnapshot): void {
    this.hf.batch(() => {
      for (const s of [...snapshot.sheets].sort((a, b) => a.index - b.index)) this.addSheet(s.name, s.meta, s.index);
      for (const n of snapshot.names) this.hf.addNamedExpression(n.name, n.expression);
      for (const s of snapshot.sheets) this.hf.setSheetContent(this.sheetId(s.name), s.contents);
    });
    this.notify('sheets');
  }

  /** Renames a sheet; formulas and names that refer to it follow (the engine rewrites them). */
  renameSheet(from: string, to: string): void {
    const id = this.sheetId(from);
    this.hf.renameSheet(id, to);
    this.meta.set(id, { ...this.metaOf(to), name: to });
    this.notify('sheets');
  }

  /** Sets what a user typed into a cell: "=..." is a formula, numbers and dates are parsed as a spreadsheet does. */
  setInput(sheet: string, row: number, col: number, text: string): void {
    this.setInputs(sheet, row, col, [[text]]);
  }

  /**
   * Sets a block of typed inputs (rows of texts) from a top-left cell, in one engine batch. A formula that
   * would exhaust the engine is kept but not computed (engine/guard.ts): its cell shows why. `restoring`
   * writes back cells as they were (undo, redo): each formula is checked alone, so cells written one by
   * one come back as they were even when together they would be refused as one paste. Values keep the form
   * they were typed in (engineInput).
   */
  setInputs(sheet: string, top: number, left: number, inputs: string[][], restoring = false): void {
    const typed = inputs.map((row) => row.map((t) => (t.startsWith('=') ? engineFormula(t) : t)));
    const guarded = restoring
      ? typed.map((row) => row.map((t) => (t.startsWith('=') ? guardFormula(t) : t)))
      : guardBlock(typed);
    const meta = this.metaOf(sheet);
    const formats = (meta.typedFormats ??= {});
    const content = guarded.map((row, r) =>
      row.map((text, c) => this.engineInput(meta, formats, top + r, left + c, text)),
    );
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row: top, col: left }, content);
  }

  /**
   * What the engine gets for a typed text, as the hosts read it: a formula; in a Text ("@") cell the text as
   * typed; "99.5%", "$1,200" or a date as its number, the cell remembering the format it gets (typed-values.ts).
   */
  private engineInput(meta: SheetMeta, typed: Record<string, TypedNumber>, row: number, col: number, text: string) {
    delete typed[cellKey(row, col)];
    if (text.trim() === '') return null;
    if (text.startsWith('=')) return engineFormula(text);
    if (planFormatAt(meta, row, col) === '@') return text.startsWith("'") ? text : `'${text}`;
    const n = text.startsWith("'") ? undefined : typedNumber(text);
    if (!n) return text;
    typed[cellKey(row, col)] = n;
    return n.value;
  }

  /** The format a typed value gave a cell ("0.00%", "\"$\"#,##0", "yyyy-mm-dd"), while the cell still holds that value. */
  typedAt(sheet: string, row: number, col: number): TypedNumber | undefined {
    const t = this.metaOf(sheet).typedFormats?.[cellKey(row, col)];
    return t && this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col }) === t.value ? t : undefined;
  }

  /** The text a user edits: the formula or the typed value ("99.5%" as typed, not 0.995). */
  inputOf(sheet: string, row: number, col: number): string {
    const typed = this.typedAt(sheet, row, col);
    if (typed) return typed.typed;
    const v = this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? userFormula(v).replace(/^'/, '') : String(v);
  }

  /**
   * The inputs of a rectangle, as a user would type them back (a text that looks like a number keeps its
   * quote, so writing them back restores the same cells).
   */
  inputs(sheet: string, r: GridRect): string[][] {
    const id = this.sheetId(sheet);
    const out: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const v = this.hf.getCellSerialized({ sheet: id, row, col });
        const typed = this.typedAt(sheet, row, col)?.typed;
        line.push(typed ?? (v === null || v === undefined ? '' : String(v)));
      }
      out.push(line);
    }
    return out;
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
    return workbookModel(this);
  }
}
