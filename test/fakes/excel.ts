/**
 * A recording fake of the Excel JavaScript API (Excel.run, RequestContext, Workbook, worksheets,
 * ranges, names, tables, data validation, conditional formats, freeze panes, charts) plus the
 * Office and CustomFunctions globals, with Office.js batch semantics:
 *
 *  - every write is QUEUED when the code calls it and executed in order at `context.sync()`;
 *  - a failing operation rejects the sync; operations before it stay applied, the rest of the
 *    batch is dropped (as in Office.js), so "half-built" states are observable;
 *  - reading `items` / `name` / `id` / `values` before load + sync throws PropertyNotLoaded (a worksheet
 *    proxy from worksheets.add / getItem / getActiveWorksheet, a table from tables.add: their `id` and
 *    `name` only after `load` and a sync, with the values as they were at that sync);
 *  - `context.trace(message)`: when a sync fails, the error carries `traceMessages`, the traces that
 *    ran before the failing operation ("If the promise returned by context.sync() is rejected due to an
 *    error, this adds a .traceMessages array to the OfficeExtension.Error object, containing all trace
 *    messages that were executed", OfficeExtension.ClientRequestContext.trace,
 *    https://learn.microsoft.com/javascript/api/office/officeextension.clientrequestcontext);
 *  - worksheets and tables have an `id` that never changes (Worksheet.id, Table.id; getItem takes a
 *    worksheet's name or id: "key: The name or ID of the worksheet");
 *  - co-authors: `host.coAuthor(sync, act)` lets someone else change the workbook just before the nth
 *    sync (counted over all contexts), between two of our round trips ("another party can add a sheet
 *    between two of our round trips", docs/host-api-notes.md);
 *  - duplicate sheet, name or table names fail at sync like in Excel;
 *  - requirement sets: a host built with `apiVersion` rejects, at sync, any operation whose member
 *    needs a newer ExcelApi (ApiNotFound), with the versions from the `[Api set: …]` remarks of
 *    @types/office-js; `Office.context.requirements.isSetSupported` answers from the same version.
 *
 * The workbook keeps real state (sheets in order, cells with formulas and number formats, styles,
 * validation, conditional formats, tables, names, frozen panes, widths, hidden columns, tab
 * colours, charts) so tests can assert the result, and counts syncs per Excel.run.
 *
 * Typed against @types/office-js: each class `implements Pick<Excel.X, …>` for what it offers
 * (nested objects are returned as the real types via casts), so a drift from the real API fails
 * type-checking.
 */
import {
  excelEnum,
  excelNameProblem,
  excelSheetNameProblem,
  isExcelEnumValue,
  requirementSupported,
} from './host-rules';
import { createCustomFunctionsFake, type CustomFunctionsFake } from './custom-functions';
import { formatValue } from '../../shared/core/number-format';
import { columnName, columnNumber } from './a1';
import type { HostEngine } from './host-engine';

// ---------- state ----------

export interface XCell {
  /** What was written: a formula ("=…") or a constant. */
  formula: string | number | boolean | null;
  /** Text written with a leading apostrophe (the quote prefix): `formula` holds the text, never a formula. */
  quoted?: true;
  numberFormat?: string;
  style: Record<string, unknown>;
  validation?: {
    rule?: Excel.DataValidationRule;
    prompt?: Excel.DataValidationPrompt;
    errorAlert?: Excel.DataValidationErrorAlert;
  };
}

export interface XConditionalFormat {
  range: string;
  type: string;
  settings: Record<string, unknown>;
}

export interface XSheet {
  /** Worksheet.id: stable for the sheet's life, whatever its name. */
  id: string;
  name: string;
  cells: Map<string, XCell>;
  frozen: { rows: number; cols: number };
  widths: Map<number, number>;
  hidden: Set<number>;
  /** Rows hidden (0-based). */
  hiddenRows?: Set<number>;
  tabColor: string;
  conditionalFormats: XConditionalFormat[];
  charts: XChart[];
  deleted?: boolean;
  /** Page Setup as set through Worksheet.pageLayout (ExcelApi 1.9); absent: Excel's defaults, nothing set. */
  page?: XPageSetup;
}

/** What Excel's Page Setup dialog shows for a sheet, as the add-in set it (FakePageLayout). */
export interface XPageSetup {
  orientation?: 'Portrait' | 'Landscape';
  /** "Fit to `horizontalFitToPages` page(s) wide by `verticalFitToPages` tall" (0: automatic), or a scale in %. */
  zoom?: Excel.PageLayoutZoomOptions;
  /** The print area's ranges, in order (A1, absolute: `$A$1:$K$31`). */
  printArea?: string[];
  /** "Rows to repeat at top" (`$1:$1`). */
  titleRows?: string;
}

export interface XTable {
  /** Table.id. */
  id: string;
  name: string;
  sheet: XSheet;
  range: string;
  hasHeaders: boolean;
  style?: string;
}

export interface XName {
  name: string;
  /** "Sheet!A1:B2" with the sheet name as it was when added (or the formula text). */
  reference: string;
  sheet?: XSheet;
}

export interface XChartSeries {
  name: string;
  /** A1 range (on the chart's sheet) of the values, set by setValues or by Excel's reading of the source. */
  values?: string;
  /** Scatter x values / bar categories of this series (setXAxisValues). */
  xValues?: string;
  /** Every property set and method call made on this series (paths relative to the series). */
  ops: Array<{ path: string; value?: unknown; args?: unknown[] }>;
}

export interface XChart {
  type: string;
  source: string;
  /** Every property set and method call made on the chart (paths like "axes.valueAxis.minimum"). */
  ops: Array<{ path: string; value?: unknown; args?: unknown[] }>;
  /** The series, as Excel made them from the source block and as the code then added and set them. */
  series: XChartSeries[];
  /** Category names of the category axis (setCategoryNames), an A1 range. */
  categories?: string;
  /** `Chart.plotVisibleOnly`: Excel's default is true (hidden cells are not plotted). */
  plotVisibleOnly: boolean;
  /** `Chart.name` where the code set it (Excel's own default, "Chart 1", is not modelled). */
  name?: string;
  /** Legend entries hidden (`legend.legendEntries.getItemAt(i).visible = false`), by series index. */
  legendHidden?: Set<number>;
  /** The legend entry the last `legendEntries.getItemAt(i)` addressed (the next `.visible` applies to it). */
  legendAt?: number;
}

export class WorkbookState {
  /** Operations executed so far (the host engine recalculates after any). */
  version = 0;
  sheets: XSheet[] = [];
  names: XName[] = [];
  tables: XTable[] = [];
  active: XSheet | undefined;
  /** Ids of the worksheets `Worksheet.calculate` was asked for, in order; `wholeApplication` counts application.calculate. */
  calculated: string[] = [];
  wholeApplication = 0;

  constructor(sheetNames: string[]) {
    for (const n of sheetNames) this.sheets.push(newSheet(n));
    this.active = this.sheets[0];
  }

  sheet(name: string): XSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet "${name}" (have ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** Defined names (names + tables) share one case-insensitive namespace. */
  definedNameTaken(name: string): boolean {
    const n = name.toLowerCase();
    return this.names.some((x) => x.name.toLowerCase() === n) || this.tables.some((t) => t.name.toLowerCase() === n);
  }
}

let nextId = 1;

/** A worksheet id in Excel's form ("{8C3A…}"), unique in this process. */
function sheetId(): string {
  const n = (nextId++).toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0000-4000-8000-${n}}`;
}

function newSheet(name: string): XSheet {
  return {
    id: sheetId(),
    name,
    cells: new Map(),
    frozen: { rows: 0, cols: 0 },
    widths: new Map(),
    hidden: new Set(),
    tabColor: '',
    conditionalFormats: [],
    charts: [],
  };
}

/** A JSON picture of a sheet (for byte-for-byte comparisons). */
export function snapshotSheet(s: XSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      name: s.name,
      cells: [...s.cells.entries()].sort(),
      frozen: s.frozen,
      widths: [...s.widths.entries()].sort(),
      hidden: [...s.hidden].sort(),
      tabColor: s.tabColor,
      cf: s.conditionalFormats,
      charts: s.charts.length,
    }),
  );
}

// ---------- A1 ----------

/** 0-based, as Office.js counts columns (getRangeByIndexes, columnIndex). */
const colIdx = (letters: string): number => columnNumber(letters) - 1;
const colName = (i0: number): string => columnName(i0 + 1);

const MAX_ROWS = 1048576;

/** 0-based rectangle of "B2", "B2:D9", "C:D". */
export function rect(a1: string): { row: number; col: number; rows: number; cols: number; wholeColumns?: boolean } {
  const [a, b = a] = a1.replace(/\$/g, '').split(':');
  const cell = /^([A-Z]+)(\d+)$/i;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (ma && mb) {
    const r1 = Number(ma[2]) - 1;
    const r2 = Number(mb[2]) - 1;
    const c1 = colIdx(ma[1]);
    const c2 = colIdx(mb[1]);
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b)) {
    const c1 = colIdx(a);
    const c2 = colIdx(b);
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1, wholeColumns: true };
  }
  throw new Error(`InvalidArgument: The argument is invalid or missing or has an incorrect format (address "${a1}").`);
}

function a1Of(row: number, col: number, rows: number, cols: number): string {
  const first = `${colName(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? first : `${first}:${colName(col + cols - 1)}${row + rows}`;
}

// ---------- context and queue ----------

function notLoaded(prop: string): Error {
  const e = new Error(
    `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
  e.name = 'RichApi.Error';
  return e;
}

export interface Failure {
  /** Operation label to fail on, e.g. "tables.add", "conditionalFormats.add", "worksheets.add". */
  op: string;
  /** Fail on the nth execution of that operation (1-based). */
  nth?: number;
  message?: string;
  seen?: number;
}

export class FakeRequestContext implements Pick<Excel.RequestContext, 'sync' | 'trace'> {
  readonly workbook: Excel.Workbook;
  readonly fakeWorkbook: FakeWorkbook;
  syncs = 0;
  queue: Array<{ label: string; run: () => void; requires: string }> = [];
  executed: string[] = [];

  constructor(
    readonly host: FakeExcelHost,
    readonly state: WorkbookState,
  ) {
    this.fakeWorkbook = new FakeWorkbook(this);
    this.workbook = this.fakeWorkbook as unknown as Excel.Workbook;
  }

  enqueue(label: string, run: () => void, requires: string = requiredVersion(label)): void {
    this.queue.push({ label, run, requires });
    this.pendingBytes += OP_BYTES;
  }

  // --- Request size (kept apart to ease merges) ---------------------------------------------------
  /** Bytes of the batch queued so far: OP_BYTES per operation plus the JSON of every grid written. */
  pendingBytes = 0;
  /** A grid written (values, formulas, number formats) travels as JSON in the request. */
  addPayload(grid: unknown): void {
    this.pendingBytes += JSON.stringify(grid).length;
  }

  /** Queues a trace message: a failed sync reports the ones that ran before the failure (error.traceMessages). */
  trace(message: string): void {
    this.enqueue('trace', () => this.traced.push(message), '1.1');
  }

  private traced: string[] = [];

  sync<T>(passThroughValue?: T): Promise<T> {
    this.syncs++;
    this.host.totalSyncs++;
    if (this.host.paneClosedAt !== undefined && this.host.totalSyncs >= this.host.paneClosedAt)
      return new Promise<T>(() => undefined);
    this.host.requestBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
    this.host.runCoAuthors();
    const batch = this.queue;
    this.queue = [];
    this.traced = [];
    const fail = (e: unknown): Promise<T> => {
      if (e && typeof e === 'object') (e as { traceMessages?: string[] }).traceMessages = [...this.traced];
      return Promise.reject(e);
    };
    for (const op of batch) {
      const have = this.host.apiVersion;
      if (have !== undefined && !versionAtLeast(have, op.requires)) {
        return fail(
          richError(
            'ApiNotFound',
            `The requested API could not be found (${op.label} needs ExcelApi ${op.requires}; this host supports ExcelApi ${have}).`,
          ),
        );
      }
      const f = this.host.failure;
      if (f && f.op === op.label) {
        f.seen = (f.seen ?? 0) + 1;
        if (f.seen === (f.nth ?? 1))
          return fail(richError('GeneralException', f.message ?? `Injected failure at ${op.label}`));
      }
      try {
        op.run();
      } catch (e) {
        return fail(e);
      }
      this.executed.push(op.label);
      if (!READ_ONLY.has(op.label)) this.state.version++;
    }
    return Promise.resolve(passThroughValue as T);
  }
}

/** What one queued operation adds to a request besides the grids it writes (its name, ids, small arguments). */
export const OP_BYTES = 200;

/** Operations that only read: they leave the host engine's last calculation valid. */
const READ_ONLY = new Set([
  'load',
  'range.load',
  'charts.load',
  'series.load',
  'worksheet.getUsedRange',
  'range.getUsedRange',
  'range.getColumnsAfter',
  'worksheet.getRangeByIndexes',
  'application.cultureInfo',
  'application.calculate',
]);

/** "1.10" ≥ "1.9": requirement-set versions compare numerically part by part. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** ExcelApi version of a queued operation, by its label (first segment for families of members). */
const LABEL_VERSION: Record<string, string> = {
  'names.add': '1.4',
  'range.columnHidden': '1.2',
  'range.rowHidden': '1.2',
  'format.columnWidth': '1.2',
  'worksheet.tabColor': '1.7',
  'worksheet.getRangeByIndexes': '1.7',
  freezePanes: '1.7',
  dataValidation: '1.8',
  conditionalFormats: '1.6',
  conditionalFormat: '1.6',
};

function requiredVersion(label: string): string {
  return LABEL_VERSION[label] ?? LABEL_VERSION[label.split('.')[0]] ?? '1.1';
}

/** Chart members newer than ExcelApi 1.1 that the chart executor may touch (from @types/office-js). */
const CHART_MEMBER_VERSION: Record<string, string> = {
  legendEntries: '1.7',
  setValues: '1.7',
  setXAxisValues: '1.7',
  setCategoryNames: '1.7',
  reversePlotOrder: '1.7',
  tickLabelPosition: '1.7',
  gapWidth: '1.7',
  // ChartSeries.overlap: "[Api set: ExcelApi 1.8]" (@types/office-js).
  overlap: '1.8',
  lineStyle: '1.7',
  markerBackgroundColor: '1.7',
  markerForegroundColor: '1.7',
  markerStyle: '1.7',
  markerSize: '1.7',
  hasDataLabels: '1.7',
  dataLabel: '1.7',
  dataLabels: '1.8',
  setPositionAt: '1.8',
  plotVisibleOnly: '1.8',
  displayBlanksAs: '1.8',
  setFormula: '1.7',
  linkNumberFormat: '1.9',
};

/** The ExcelApi version a chart path needs, e.g. "axes.valueAxis.linkNumberFormat" → 1.9. */
export function chartPathVersion(path: string): string {
  const parts = path.split('.').map((p) => p.replace(/\(\)$/, ''));
  let need = '1.1';
  const bump = (v: string): void => {
    if (!versionAtLeast(need, v)) need = v;
  };
  parts.forEach((p, i) => {
    const prev = parts[i - 1];
    if (p in CHART_MEMBER_VERSION) bump(CHART_MEMBER_VERSION[p]);
    if (p === 'add' && prev === 'series') bump('1.7');
    if (p === 'formula' && prev === 'dataLabel') bump('1.8');
    const onAxis = prev === 'valueAxis' || prev === 'categoryAxis' || prev === 'seriesAxis';
    if (onAxis && (p === 'numberFormat' || p === 'position')) bump('1.8');
  });
  return need;
}

function richError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = 'RichApi.Error';
  e.code = code;
  return e;
}

// ---------- workbook ----------

export class FakeWorkbook implements Pick<Excel.Workbook, 'worksheets' | 'names' | 'tables' | 'application'> {
  constructor(readonly ctx: FakeRequestContext) {}
  /** Application.calculate (ExcelApi 1.1); cultureInfo.numberFormat (1.11) answers from the host's decimal. */
  get application(): Excel.Application {
    const ctx = this.ctx;
    const numberFormat = {
      numberDecimalSeparator: '',
      load(): unknown {
        ctx.enqueue('application.cultureInfo', () => (numberFormat.numberDecimalSeparator = ctx.host.decimal), '1.11');
        return numberFormat;
      },
    };
    return {
      calculate: (type: string) =>
        ctx.enqueue('application.calculate', () => void ctx.state.wholeApplication++, type ? '1.1' : '1.1'),
      cultureInfo: { numberFormat },
    } as unknown as Excel.Application;
  }
  get worksheets(): Excel.WorksheetCollection {
    return new FakeWorksheetCollection(this.ctx) as unknown as Excel.WorksheetCollection;
  }
  get names(): Excel.NamedItemCollection {
    return new FakeNamedItemCollection(this.ctx) as unknown as Excel.NamedItemCollection;
  }
  get tables(): Excel.TableCollection {
    return new FakeTableCollection(this.ctx, undefined) as unknown as Excel.TableCollection;
  }
}

/** Collections: `load('items/name')` queues a snapshot; `items` throws until it is synced. */
abstract class FakeCollection<T> {
  private loaded: T[] | undefined;
  constructor(readonly ctx: FakeRequestContext) {}
  protected abstract snapshot(): T[];
  load(_props?: unknown): this {
    this.ctx.enqueue('load', () => (this.loaded = this.snapshot()));
    return this;
  }
  get items(): T[] {
    if (!this.loaded) throw notLoaded('items');
    return this.loaded;
  }
}

export class FakeWorksheetCollection
  extends FakeCollection<Excel.Worksheet>
  implements Pick<Excel.WorksheetCollection, 'add' | 'getItem' | 'getActiveWorksheet'>
{
  protected snapshot(): Excel.Worksheet[] {
    return this.ctx.state.sheets.map((s) => new FakeWorksheet(this.ctx, s, true, 'loaded').real());
  }
  add(name?: string): Excel.Worksheet {
    const ws = new FakeWorksheet(
      this.ctx,
      newSheet(name ?? `Sheet${this.ctx.state.sheets.length + 1}`),
      false,
      'not loaded',
    );
    this.ctx.enqueue('worksheets.add', () => {
      const n = ws.state.name;
      if (this.ctx.state.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase())) {
        throw richError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      }
      refuseSheetName(n);
      this.ctx.state.sheets.push(ws.state); // Excel adds at the end and does not activate
      ws.attached = true;
    });
    return ws.real();
  }
  /** By name (case-insensitive) or id, as Office.js takes `key`. */
  getItem(key: string): Excel.Worksheet {
    const found = this.ctx.state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
    if (!found) throw richError('ItemNotFound', `The requested resource doesn't exist (sheet "${key}").`);
    return new FakeWorksheet(this.ctx, found, true, 'not loaded').real();
  }
  getActiveWorksheet(): Excel.Worksheet {
    return new FakeWorksheet(this.ctx, this.ctx.state.active!, true, 'not loaded').real();
  }
}

export class FakeWorksheet implements Pick<
  Excel.Worksheet,
  | 'getRange'
  | 'getUsedRangeOrNullObject'
  | 'getRangeByIndexes'
  | 'activate'
  | 'delete'
  | 'freezePanes'
  | 'tables'
  | 'charts'
  | 'tabColor'
  | 'name'
  | 'id'
  | 'load'
  | 'pageLayout'
> {
  /** Properties read by the last synced load (a collection's items arrive loaded). */
  private loaded: { id: string; name: string } | undefined;
  constructor(
    readonly ctx: FakeRequestContext,
    readonly state: XSheet,
    public attached: boolean,
    loaded: 'loaded' | 'not loaded' = 'loaded',
  ) {
    if (loaded === 'loaded') this.loaded = { id: state.id, name: state.name };
  }
  private live(label: string): void {
    if (!this.attached || this.state.deleted || !this.ctx.state.sheets.includes(this.state)) {
      throw richError('ItemNotFound', `The requested resource doesn't exist (${label} on sheet "${this.state.name}").`);
    }
  }
  op(label: string, f: () => void, requires?: string): void {
    this.ctx.enqueue(
      label,
      () => {
        this.live(label);
        f();
      },
      requires,
    );
  }
  get name(): string {
    if (!this.loaded) throw notLoaded('name');
    return this.loaded.name;
  }
  get id(): string {
    if (!this.loaded) throw notLoaded('id');
    return this.loaded.id;
  }
  set name(v: string) {
    this.op('worksheet.name', () => {
      refuseSheetName(v);
      if (this.ctx.state.sheets.some((s) => s !== this.state && s.name.toLowerCase() === v.toLowerCase()))
        throw richError(
          'ItemAlreadyExists',
          `A resource with the same name or identifier already exists (sheet "${v}").`,
        );
      this.state.name = v;
    });
  }
  get tabColor(): string {
    throw notLoaded('tabColor');
  }
  set tabColor(v: string) {
    this.op('worksheet.tabColor', () => (this.state.tabColor = v));
  }
  /** Queues a read of the sheet's id and name (readable after the sync; a sheet not yet added fails it). */
  load(_props?: unknown): Excel.Worksheet {
    this.ctx.enqueue('worksheet.load', () => {
      this.live('worksheet.load');
      this.loaded = { id: this.state.id, name: this.state.name };
    });
    return this.real();
  }
  getRange(address?: string): Excel.Range {
    const r = rect(address ?? 'A1');
    return new FakeRange(this, r.row, r.col, r.rows, r.cols, !!r.wholeColumns).real();
  }
  /**
   * The smallest range holding every cell with a value or formula, or a null object for an empty sheet
   * (Worksheet.getUsedRangeOrNullObject, ExcelApi 1.4: "If the worksheet is blank, this method will return a
   * null object"). The extent is taken when the call is made, which is where the snapshot code calls it.
   */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Excel.Range {
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    for (const [k, c] of this.state.cells) {
      if (c.formula === null || c.formula === '') continue;
      const [r, col] = k.split(',').map(Number);
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, col), Math.max(r1, r), Math.max(c1, col)];
    }
    if (r1 < 0) return new FakeRange(this, 0, 0, 1, 1, false, true).real();
    return new FakeRange(this, r0, c0, r1 - r0 + 1, c1 - c0 + 1, false).real();
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    this.ctx.enqueue('worksheet.getRangeByIndexes', () => undefined);
    return new FakeRange(this, startRow, startColumn, rowCount, columnCount, false).real();
  }
  activate(): void {
    this.op('worksheet.activate', () => (this.ctx.state.active = this.state));
  }
  /**
   * Worksheet.calculate(markAllDirty) (ExcelApi 1.6): "Calculates all cells on a worksheet" — this worksheet only,
   * where Application.calculate "Recalculate[s] all currently opened workbooks in Excel". The fake's engine
   * recalculates after any operation, so this one only records which sheet was asked.
   */
  calculate(_markAllDirty: boolean): void {
    this.op('worksheet.calculate', () => this.ctx.state.calculated.push(this.state.id), '1.6');
  }
  delete(): void {
    this.op('worksheet.delete', () => {
      const st = this.ctx.state;
      if (st.sheets.length === 1)
        throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      st.sheets = st.sheets.filter((s) => s !== this.state);
      st.tables = st.tables.filter((t) => t.sheet !== this.state);
      // Names referring to a deleted sheet stay, pointing at #REF! (as in Excel).
      for (const n of st.names) if (n.sheet === this.state) n.reference = '#REF!';
      this.state.deleted = true;
      if (st.active === this.state) st.active = st.sheets[0];
    });
  }
  get freezePanes(): Excel.WorksheetFreezePanes {
    return new FakeFreezePanes(this) as unknown as Excel.WorksheetFreezePanes;
  }
  get tables(): Excel.TableCollection {
    return new FakeTableCollection(this.ctx, this) as unknown as Excel.TableCollection;
  }
  get charts(): Excel.ChartCollection {
    return new FakeChartCollection(this) as unknown as Excel.ChartCollection;
  }
  /** Worksheet.pageLayout: "[Api set: ExcelApi 1.9]" (@types/office-js); a 1.8 host rejects its members at sync. */
  get pageLayout(): Excel.PageLayout {
    return new FakePageLayout(this) as unknown as Excel.PageLayout;
  }
  real(): Excel.Worksheet {
    return this as unknown as Excel.Worksheet;
  }
}

class FakeFreezePanes implements Pick<
  Excel.WorksheetFreezePanes,
  'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze'
> {
  constructor(readonly ws: FakeWorksheet) {}
  freezeRows(count = 1): void {
    this.ws.op('freezePanes.freezeRows', () => {
      refuseOutsideGrid('freezeRows', count, EXCEL_MAX_ROWS);
      this.ws.state.frozen = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.ws.op('freezePanes.freezeColumns', () => {
      refuseOutsideGrid('freezeColumns', count, EXCEL_MAX_COLUMNS);
      this.ws.state.frozen = { rows: 0, cols: count };
    });
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    const r = typeof frozenRange === 'string' ? rect(frozenRange) : (frozenRange as unknown as FakeRange);
    this.ws.op('freezePanes.freezeAt', () => (this.ws.state.frozen = { rows: r.row + r.rows, cols: r.col + r.cols }));
  }
  unfreeze(): void {
    this.ws.op('freezePanes.unfreeze', () => (this.ws.state.frozen = { rows: 0, cols: 0 }));
  }
}

/**
 * Page setup (Excel.PageLayout, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, every member
 * "[API set: ExcelApi 1.9]"): `orientation`; `zoom`, set as a whole object ("use x.zoom = {...} instead of
 * x.zoom.scale = ..."), a scale between 10 and 400 or pages to fit (Excel.PageLayoutZoomOptions,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions); `setPrintArea` ("the range or
 * ranges of the content to print": a comma-separated address); `setPrintTitleRows` ("The range must span the
 * entire row to be valid"). Recorded as the Page Setup dialog shows them (XPageSetup).
 */
class FakePageLayout implements Pick<Excel.PageLayout, 'setPrintArea' | 'setPrintTitleRows'> {
  constructor(readonly ws: FakeWorksheet) {}
  private set(label: string, f: (page: XPageSetup) => void): void {
    this.ws.op(`pageLayout.${label}`, () => f((this.ws.state.page ??= {})), '1.9');
  }
  set orientation(v: 'Portrait' | 'Landscape') {
    this.set('orientation', (page) => {
      if (!isExcelEnumValue('PageOrientation', v)) throw invalidArgument(`orientation "${v}"`);
      page.orientation = v;
    });
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set('zoom', (page) => {
      const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((n) => n !== undefined && n !== null);
      if (v.scale !== undefined && v.scale !== null && (v.scale < 10 || v.scale > 400 || pages.length > 0))
        throw invalidArgument(`zoom scale ${v.scale} (10 to 400, and no pages to fit with it)`);
      if (pages.some((n) => !Number.isInteger(n) || n! < 0)) throw invalidArgument(`zoom pages ${JSON.stringify(v)}`);
      page.zoom = { ...v };
    });
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    if (typeof printArea !== 'string') throw new Error('FakePageLayout.setPrintArea: only addresses are modelled');
    this.set('setPrintArea', (page) => {
      page.printArea = printArea.split(',').map((a) => {
        const r = rect(a.trim());
        if (r.wholeColumns) throw invalidArgument(`print area "${a}"`);
        return `$${colName(r.col)}$${r.row + 1}:$${colName(r.col + r.cols - 1)}$${r.row + r.rows}`;
      });
    });
  }
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    if (typeof printTitleRows !== 'string')
      throw new Error('FakePageLayout.setPrintTitleRows: only addresses are modelled');
    this.set('setPrintTitleRows', (page) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(printTitleRows);
      if (!m) throw invalidArgument(`print title rows "${printTitleRows}" (the range must span entire rows)`);
      page.titleRows = `$${m[1]}:$${m[2]}`;
    });
  }
}

/** Excel's answer to an argument it cannot take. */
function invalidArgument(what: string): Error {
  return richError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what}).`);
}

// ---------- range ----------

export class FakeRange implements Pick<
  Excel.Range,
  | 'values'
  | 'formulas'
  | 'text'
  | 'numberFormat'
  | 'format'
  | 'dataValidation'
  | 'conditionalFormats'
  | 'columnHidden'
  | 'rowHidden'
  | 'address'
  | 'load'
  | 'worksheet'
  | 'isNullObject'
  | 'rowIndex'
  | 'columnIndex'
> {
  constructor(
    readonly ws: FakeWorksheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
    readonly wholeColumns: boolean,
    /** A null object (getUsedRangeOrNullObject on a blank sheet). */
    readonly nullObject = false,
  ) {}

  /** Properties read back by load + sync (Office.js: reading before that throws PropertyNotLoaded). */
  private loaded: Partial<
    Record<'formulas' | 'values' | 'text' | 'rowIndex' | 'columnIndex' | 'isNullObject', unknown>
  > = {};

  a1(): string {
    if (this.wholeColumns) return `${colName(this.col)}:${colName(this.col + this.cols - 1)}`;
    return a1Of(this.row, this.col, this.rows, this.cols);
  }

  get address(): string {
    return `${this.ws.state.name}!${this.a1()}`;
  }
  get worksheet(): Excel.Worksheet {
    return this.ws.real();
  }
  load(props?: unknown): Excel.Range {
    const want = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : [];
    this.ws.ctx.enqueue('range.load', () => {
      if (want.includes('isNullObject')) this.loaded.isNullObject = this.nullObject;
      if (this.nullObject) return;
      if (want.includes('rowIndex')) this.loaded.rowIndex = this.row;
      if (want.includes('columnIndex')) this.loaded.columnIndex = this.col;
      // Range.formulas: "If a cell has no formula, its value is returned instead" (blank cells: "").
      if (want.includes('formulas')) {
        this.loaded.formulas = Array.from({ length: this.rows }, (_, i) =>
          Array.from(
            { length: this.cols },
            (_, j) => this.ws.state.cells.get(`${this.row + i},${this.col + j}`)?.formula ?? '',
          ),
        );
      }
      // Range.values: the cells' values (a formula's result from the engine where the fake has one).
      if (want.includes('values')) {
        this.loaded.values = Array.from({ length: this.rows }, (_, i) =>
          Array.from({ length: this.cols }, (_, j) => cellValue(this.ws, this.row + i, this.col + j)),
        );
      }
      if (want.includes('text')) this.loaded.text = this.texts();
    });
    return this.real();
  }
  /**
   * Range.text: "Text values of the specified range. The text value will not depend on the cell width"
   * (Office.js reference, Excel.Range): a constant shown with its cell's number format (0.995 with "0.00%" is
   * "99.50%"). The fake computes no formulas here: a formula cell's text is "" (readers take formula cells
   * from the core).
   */
  private texts(): string[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.cols }, (_, j) => {
        const c = this.ws.state.cells.get(`${this.row + i},${this.col + j}`);
        const v = c?.formula;
        if (v === null || v === undefined || (typeof v === 'string' && v.startsWith('='))) return '';
        if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
        return typeof v === 'number' ? formatValue(v, c?.numberFormat) : String(v);
      }),
    );
  }
  get text(): string[][] {
    return this.read('text') as string[][];
  }
  private read(prop: 'formulas' | 'values' | 'text' | 'rowIndex' | 'columnIndex' | 'isNullObject'): unknown {
    if (!(prop in this.loaded)) throw notLoaded(prop);
    return this.loaded[prop];
  }
  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }

  eachCell(f: (c: XCell, i: number, j: number) => void): void {
    if (this.wholeColumns) throw new Error('fake: cell writes to whole columns are not modelled');
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        const k = `${this.row + i},${this.col + j}`;
        let c = this.ws.state.cells.get(k);
        if (!c) {
          c = { formula: null, style: {} };
          this.ws.state.cells.set(k, c);
        }
        f(c, i, j);
      }
    }
  }

  private grid(label: string, v: unknown): unknown[][] {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((r) => !Array.isArray(r) || r.length !== this.cols)) {
      throw richError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${label} ${this.a1()}).`,
      );
    }
    return v as unknown[][];
  }

  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    const g = this.grid('values', v);
    this.ws.ctx.addPayload(g);
    // Excel.Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
    // interprets this value as a formula" (a non-numeric "+x" or "-x" becomes the formula "=+x", "=-x").
    this.ws.op('range.values', () =>
      this.eachCell((c, i, j) => {
        const x = g[i][j];
        if (typedQuote(c, x)) return;
        c.formula =
          typeof x === 'string' && /^[+-]/.test(x) && !/^[+-]?\d+(\.\d+)?$/.test(x) ? `=${x}` : (x as XCell['formula']);
      }),
    );
  }
  get formulas(): unknown[][] {
    return this.read('formulas') as unknown[][];
  }
  set formulas(v: unknown[][]) {
    const g = this.grid('formulas', v);
    this.ws.ctx.addPayload(g);
    this.ws.op('range.formulas', () =>
      this.eachCell((c, i, j) => {
        const x = g[i][j];
        if (typedQuote(c, x)) return;
        // Excel keeps a numeric-looking text typed into a General cell as a number; "@" keeps text.
        c.formula =
          typeof x === 'string' && c.numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(x)
            ? Number(x)
            : (x as XCell['formula']);
      }),
    );
  }
  get numberFormat(): unknown[][] {
    throw notLoaded('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    const g = this.grid('numberFormat', v);
    this.ws.ctx.addPayload(g);
    this.ws.op('range.numberFormat', () => this.eachCell((c, i, j) => (c.numberFormat = String(g[i][j]))));
  }
  get columnHidden(): boolean {
    throw notLoaded('columnHidden');
  }
  get rowHidden(): boolean {
    throw notLoaded('rowHidden');
  }
  set rowHidden(v: boolean) {
    this.ws.op('range.rowHidden', () => {
      const rows = (this.ws.state.hiddenRows ??= new Set<number>());
      for (let r = this.row; r < this.row + this.rows; r++) {
        if (v) rows.add(r);
        else rows.delete(r);
      }
    });
  }
  set columnHidden(v: boolean) {
    this.ws.op('range.columnHidden', () => {
      for (let c = this.col; c < this.col + this.cols; c++) {
        if (v) this.ws.state.hidden.add(c);
        else this.ws.state.hidden.delete(c);
      }
    });
  }
  get format(): Excel.RangeFormat {
    return new FakeRangeFormat(this) as unknown as Excel.RangeFormat;
  }
  get dataValidation(): Excel.DataValidation {
    return new FakeDataValidation(this) as unknown as Excel.DataValidation;
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this) as unknown as Excel.ConditionalFormatCollection;
  }
  real(): Excel.Range {
    return this as unknown as Excel.Range;
  }
}

class FakeRangeFormat implements Pick<
  Excel.RangeFormat,
  'font' | 'fill' | 'columnWidth' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment'
> {
  constructor(readonly range: FakeRange) {}
  style(key: string, v: unknown): void {
    this.range.ws.op(`format.${key}`, () => this.range.eachCell((c) => (c.style[key] = v)));
  }
  get font(): Excel.RangeFont {
    return new FakeRangeFont(this) as unknown as Excel.RangeFont;
  }
  get fill(): Excel.RangeFill {
    return new FakeRangeFill(this) as unknown as Excel.RangeFill;
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }
  set columnWidth(points: number) {
    const r = this.range;
    r.ws.op('format.columnWidth', () => {
      for (let c = r.col; c < r.col + r.cols; c++) r.ws.state.widths.set(c, points);
    });
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }
  set wrapText(v: boolean) {
    this.style('wrapText', v);
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    throw notLoaded('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment) {
    this.style('horizontalAlignment', v);
  }
  get verticalAlignment(): Excel.VerticalAlignment {
    throw notLoaded('verticalAlignment');
  }
  set verticalAlignment(v: Excel.VerticalAlignment) {
    this.style('verticalAlignment', v);
  }
}

class FakeRangeFont implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'color' | 'size'> {
  constructor(readonly f: FakeRangeFormat) {}
  get bold(): boolean {
    throw notLoaded('bold');
  }
  set bold(v: boolean) {
    this.f.style('bold', v);
  }
  get italic(): boolean {
    throw notLoaded('italic');
  }
  set italic(v: boolean) {
    this.f.style('italic', v);
  }
  get color(): string {
    throw notLoaded('color');
  }
  set color(v: string) {
    this.f.style('fontColor', v);
  }
  get size(): number {
    throw notLoaded('size');
  }
  set size(v: number) {
    this.f.style('fontSize', v);
  }
}

class FakeRangeFill implements Pick<Excel.RangeFill, 'color'> {
  constructor(readonly f: FakeRangeFormat) {}
  get color(): string {
    throw notLoaded('color');
  }
  set color(v: string) {
    this.f.style('fill', v);
  }
}

/**
 * A list rule whose source is a Range object (`ListDataValidation.source`: "it can be passed in as a Range
 * object") is kept as the absolute reference Excel stores, `='Sheet'!$A$2:$A$51`; the range's sheet must exist
 * when the rule is set. A text source is kept as it is.
 */
function ruleWithSourceRef(rule: Excel.DataValidationRule): Excel.DataValidationRule {
  const src = rule.list?.source;
  if (!(src instanceof FakeRange)) return rule;
  if (!src.ws.attached || src.ws.state.deleted)
    throw richError('ItemNotFound', `The list source ${src.a1()} is on a sheet that does not exist.`);
  const r = rect(src.a1());
  const ref = `='${src.ws.state.name.replace(/'/g, "''")}'!$${colName(r.col)}$${r.row + 1}:$${colName(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return { ...rule, list: { ...rule.list!, source: ref } };
}

class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'prompt' | 'errorAlert'> {
  constructor(readonly range: FakeRange) {}
  private set(key: 'rule' | 'prompt' | 'errorAlert', v: unknown): void {
    this.range.ws.op(`dataValidation.${key}`, () => {
      const value = key === 'rule' ? ruleWithSourceRef(v as Excel.DataValidationRule) : v;
      this.range.eachCell((c) => {
        if (key === 'rule' && c.validation?.rule)
          throw richError('InvalidOperation', `The range ${this.range.a1()} already has data validation.`);
        c.validation = { ...(c.validation ?? {}), [key]: JSON.parse(JSON.stringify(value)) };
      });
    });
  }
  get rule(): Excel.DataValidationRule {
    throw notLoaded('rule');
  }
  set rule(v: Excel.DataValidationRule) {
    this.set('rule', v);
  }
  get prompt(): Excel.DataValidationPrompt {
    throw notLoaded('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.set('prompt', v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw notLoaded('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.set('errorAlert', v);
  }
}

// ---------- conditional formats ----------

/** Records nested property sets into `settings` under their path ("custom.format.fill.color"). */
function settingsProxy(setter: (path: string, v: unknown) => void, path: string): unknown {
  return new Proxy(
    {},
    {
      get: (_t, prop) =>
        typeof prop === 'string' ? settingsProxy(setter, path ? `${path}.${prop}` : prop) : undefined,
      set: (_t, prop, v) => {
        setter(path ? `${path}.${String(prop)}` : String(prop), v);
        return true;
      },
    },
  );
}

class FakeConditionalFormatCollection implements Pick<Excel.ConditionalFormatCollection, 'add'> {
  constructor(readonly range: FakeRange) {}
  add(
    type:
      | Excel.ConditionalFormatType
      | 'Custom'
      | 'DataBar'
      | 'ColorScale'
      | 'IconSet'
      | 'TopBottom'
      | 'PresetCriteria'
      | 'ContainsText'
      | 'CellValue',
  ): Excel.ConditionalFormat {
    const record: XConditionalFormat = { range: this.range.a1(), type: String(type), settings: {} };
    const ws = this.range.ws;
    ws.op('conditionalFormats.add', () => {
      refuseEnumValue('ConditionalFormatType', String(type));
      ws.state.conditionalFormats.push(record);
    });
    const setter = (path: string, v: unknown): void => {
      const kind = path.split('.')[0];
      const expected = {
        custom: 'Custom',
        colorScale: 'ColorScale',
        dataBar: 'DataBar',
        iconSet: 'IconSet',
        cellValue: 'CellValue',
      }[kind];
      if (expected && expected !== record.type)
        throw new Error(`fake: set ${path} on a ${record.type} conditional format`);
      ws.op(`conditionalFormat.${path}`, () => (record.settings[path] = JSON.parse(JSON.stringify(v))));
    };
    return settingsProxy(setter, '') as Excel.ConditionalFormat;
  }
}

// ---------- tables, names ----------

export class FakeTableCollection extends FakeCollection<Excel.Table> implements Pick<Excel.TableCollection, 'add'> {
  constructor(
    ctx: FakeRequestContext,
    readonly ws: FakeWorksheet | undefined,
  ) {
    super(ctx);
  }
  protected snapshot(): Excel.Table[] {
    return this.ctx.state.tables.map((t) => ({ id: t.id, name: t.name }) as unknown as Excel.Table);
  }
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const range =
      typeof address === 'string'
        ? (this.ws!.getRange(address) as unknown as FakeRange)
        : (address as unknown as FakeRange);
    const table: XTable = {
      id: String(nextId++),
      name: `Table${this.ctx.state.tables.length + 1}`,
      sheet: range.ws.state,
      range: range.a1(),
      hasHeaders,
    };
    // A Range argument (rather than an address) needs ExcelApi 1.3.
    range.ws.op(
      'tables.add',
      () => {
        if (this.ctx.state.tables.some((t) => t.sheet === range.ws.state)) {
          const r = rect(range.a1());
          for (const t of this.ctx.state.tables.filter((x) => x.sheet === range.ws.state)) {
            const q = rect(t.range);
            if (
              r.col <= q.col + q.cols - 1 &&
              q.col <= r.col + r.cols - 1 &&
              r.row <= q.row + q.rows - 1 &&
              q.row <= r.row + r.rows - 1
            ) {
              throw richError('InvalidOperation', "A table can't overlap another table.");
            }
          }
        }
        while (this.ctx.state.definedNameTaken(table.name)) table.name = `${table.name}_`;
        this.ctx.state.tables.push(table);
      },
      typeof address === 'string' ? '1.1' : '1.3',
    );
    const ctx = this.ctx;
    let loaded: { id: string; name: string } | undefined;
    const t = {
      /** Queues a read of the table's id and name (readable after the sync). */
      load(_props?: unknown) {
        range.ws.op('table.load', () => {
          if (!ctx.state.tables.includes(table))
            throw richError('ItemNotFound', "The requested resource doesn't exist.");
          loaded = { id: table.id, name: table.name };
        });
        return t;
      },
      get id(): string {
        if (!loaded) throw notLoaded('id');
        return loaded.id;
      },
      set name(v: string) {
        range.ws.op('table.name', () => {
          if (ctx.state.definedNameTaken(v) && table.name.toLowerCase() !== v.toLowerCase())
            throw richError('InvalidArgument', `A table or name "${v}" already exists.`);
          table.name = v;
        });
      },
      set style(v: string) {
        range.ws.op('table.style', () => (table.style = v));
      },
    };
    return t as unknown as Excel.Table;
  }
}

/** A plain sheet name Excel still quotes because it reads as a cell (A1, XFD9) or R1C1 reference (R, C, R2C3). */
const LOOKS_LIKE_A_CELL = /^[A-Za-z]{1,3}\d+$|^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/;

class FakeNamedItem implements Pick<Excel.NamedItem, 'name' | 'formula' | 'delete'> {
  constructor(
    readonly ctx: FakeRequestContext,
    readonly item: XName,
  ) {}
  get name(): string {
    return this.item.name;
  }
  /**
   * NamedItem.formula (ExcelApi 1.7): "always starts with an equal sign" (ExcelScript.NamedItem.getFormula), the
   * sheet quoted only where a formula needs it, as Excel writes any reference ("=SUM(Sheet1!$F$2:$F$21)" in the
   * same page's example): "=Roadmap!A2:A51", "='Strategic Themes'!A2:A51", "=#REF!" once its sheet is gone.
   */
  get formula(): string {
    const ref = this.item.reference;
    if (ref.startsWith('=')) return ref;
    return `=${ref.replace(/^'([A-Za-z_][A-Za-z0-9_.]*)'!/, (quoted, name: string) => (LOOKS_LIKE_A_CELL.test(name) ? quoted : `${name}!`))}`;
  }
  delete(): void {
    this.ctx.enqueue('name.delete', () => (this.ctx.state.names = this.ctx.state.names.filter((n) => n !== this.item)));
  }
}

export class FakeNamedItemCollection
  extends FakeCollection<Excel.NamedItem>
  implements Pick<Excel.NamedItemCollection, 'add'>
{
  protected snapshot(): Excel.NamedItem[] {
    return this.ctx.state.names.map((n) => new FakeNamedItem(this.ctx, n) as unknown as Excel.NamedItem);
  }
  add(name: string, reference: Excel.Range | string, _comment?: string): Excel.NamedItem {
    const item: XName = { name, reference: '' };
    this.ctx.enqueue('names.add', () => {
      refuseDefinedName(name);
      if (this.ctx.state.definedNameTaken(name))
        throw richError(
          'ItemAlreadyExists',
          `A resource with the same name or identifier already exists (name "${name}").`,
        );
      if (typeof reference === 'string') item.reference = reference;
      else {
        const r = reference as unknown as FakeRange;
        if (!r.ws.attached)
          throw richError('ItemNotFound', `The sheet of the range for name "${name}" does not exist.`);
        item.reference = `'${r.ws.state.name}'!${r.a1()}`;
        item.sheet = r.ws.state;
      }
      this.ctx.state.names.push(item);
    });
    return new FakeNamedItem(this.ctx, item) as unknown as Excel.NamedItem;
  }
}

// ---------- charts ----------

class FakeChartCollection implements Pick<Excel.ChartCollection, 'add' | 'getItemOrNullObject'> {
  constructor(readonly ws: FakeWorksheet) {}
  /**
   * ChartCollection.getItemOrNullObject(name) (ExcelApi 1.4): "Gets a chart using its name. If there are multiple charts
   * with the same name, the first one will be returned. If the chart doesn't exist, then this method will return an
   * object with its isNullObject property set to true." `isNullObject` is read after load and sync; a chart found is
   * then the chart proxy (its series calls are queued like any other).
   */
  getItemOrNullObject(name: string): Excel.Chart {
    const ws = this.ws;
    let found: XChart | undefined;
    let loaded = false;
    const proxy: object = new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (prop === 'then') return undefined;
          if (prop === 'load')
            return () => {
              const look = (): void => {
                found = ws.state.charts.find((c) => c.name === name);
                loaded = true;
              };
              ws.ctx.enqueue('charts.load', look, '1.4');
              return proxy;
            };
          if (prop === 'isNullObject') {
            if (!loaded) throw notLoaded('isNullObject');
            return !found;
          }
          if (!found) throw new Error(`fake: chart "${name}" used before it was found (load and sync first)`);
          return (chartProxy(found, ws, '') as Record<string | symbol, unknown>)[prop];
        },
      },
    );
    return proxy as Excel.Chart;
  }
  add(type: Excel.ChartType | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | string): Excel.Chart {
    const source = sourceData as unknown as FakeRange;
    const chart: XChart = {
      type: String(type),
      source: source?.a1?.() ?? String(sourceData),
      ops: [],
      series: [],
      plotVisibleOnly: true,
    };
    this.ws.op('charts.add', () => {
      refuseEnumValue('ChartType', String(type));
      if (seriesBy !== undefined) refuseEnumValue('ChartSeriesBy', String(seriesBy));
      chart.series = seriesFromBlock(this.ws, source, String(seriesBy ?? 'Auto'));
      this.ws.state.charts.push(chart);
    });
    return chartProxy(chart, this.ws, '') as Excel.Chart;
  }
}

/**
 * The series Excel makes from a source block, by the rules Excel applies when it reads a block (Microsoft
 * does not document them for `ChartCollection.add`; Peltier Tech, "Good Chart Data", describes them): with
 * series by columns, a first column whose data cells are not numbers (text, "" from a formula, or empty) is
 * taken as the categories when the block has more than one column, and a first row that is not numbers as
 * the series names. A single column is always one series. So a block whose first column holds formulas
 * returning "" loses that column to the categories and has one series fewer.
 */
function seriesFromBlock(ws: FakeWorksheet, block: FakeRange, seriesBy: string): XChartSeries[] {
  const rect0 = rect(block.a1());
  const read = (r: number, c: number): unknown => cellValue(ws, rect0.row + r, rect0.col + c);
  const numeric = (v: unknown): boolean => typeof v === 'number';
  const rows = rect0.rows;
  const cols = rect0.cols;
  if (seriesBy === 'Rows') throw new Error('fake: series by rows is not modelled');
  // One column is one series whatever it holds (the fake does not model a text first cell taken as its name).
  if (cols === 1) return [{ name: 'Series1', values: a1Of(rect0.row, rect0.col, rows, 1), ops: [] }];
  const headerRow = rows > 1 && Array.from({ length: cols }, (_, c) => read(0, c)).some((v) => v !== '' && !numeric(v));
  const first = headerRow ? 1 : 0;
  const firstColumnData = Array.from({ length: rows - first }, (_, r) => read(first + r, 0));
  const categories = cols > 1 && !firstColumnData.some(numeric);
  const out: XChartSeries[] = [];
  for (let c = categories ? 1 : 0; c < cols; c++) {
    const top = rect0.row + first;
    out.push({
      name: headerRow ? String(read(0, c)) : `Series${out.length + 1}`,
      values: a1Of(top, rect0.col + c, rows - first, 1),
      ...(categories ? { xValues: a1Of(top, rect0.col, rows - first, 1) } : {}),
      ops: [],
    });
  }
  return out;
}

/** A cell's value as Excel reads it: the engine's result for a formula (where the host has one), else the constant. */
export function cellValue(ws: FakeWorksheet, row0: number, col0: number): unknown {
  return sheetValue(ws.ctx.host, ws.state, row0, col0);
}

export function sheetValue(host: FakeExcelHost, sheet: XSheet, row0: number, col0: number): unknown {
  const cell = sheet.cells.get(`${row0},${col0}`);
  if (cell?.quoted) return cell.formula;
  const f = cell?.formula ?? null;
  // A formula's result, or a spilled array's value in an empty cell, comes from the engine.
  if ((typeof f === 'string' && f.startsWith('=')) || ((f === null || f === '') && host.engine))
    return host.engine ? host.engine.value(sheet.name, row0, col0) : '';
  return f === null ? '' : f;
}

const plain = (x: unknown): unknown => (x instanceof FakeRange ? x.a1() : x);

/**
 * A text written with a leading apostrophe, through `values` or `formulas`: Excel takes it as typed, the apostrophe
 * a prefix that is not part of the value (Range.PrefixCharacter, learn.microsoft.com: "an apostrophe (') if the
 * specified range contains a value that was preceded with an apostrophe when it was entered"); the value is the
 * text, and `formulas` returns the text too (the prefix is not part of a formula). Returns true when it applied.
 */
function typedQuote(c: XCell, x: unknown): boolean {
  if (typeof x !== 'string' || !x.startsWith("'")) {
    delete c.quoted;
    return false;
  }
  c.formula = x.slice(1);
  c.quoted = true;
  return true;
}

/**
 * A chart object that records every property set and method call, queued like everything else, and keeps
 * the series Excel has: `series.getItemAt(i)` of a series that does not exist fails the batch at sync
 * (InvalidArgument), `series.add(name)` appends one, and a series' name, values and x values are kept.
 */
function chartProxy(chart: XChart, ws: FakeWorksheet, path: string, series?: () => XChartSeries): unknown {
  const target = function () {
    /* callable target so nested methods can be invoked */
  };
  return new Proxy(target, {
    get: (_t, prop) => {
      if (typeof prop !== 'string') return undefined;
      if (prop === 'then') return undefined; // never look like a promise
      if (path === '' && prop === 'isNullObject') return false;
      if (path === '' && prop === 'load') return () => chartProxy(chart, ws, path, series);
      if (path === 'series' && (prop === 'getItemAt' || prop === 'add')) return seriesMethod(chart, ws, prop);
      return chartProxy(chart, ws, path ? `${path}.${prop}` : prop, series);
    },
    set: (_t, prop, v) => {
      const p = path ? `${path}.${String(prop)}` : String(prop);
      const value = plain(v);
      ws.op('chart.set', () => setChartMember(chart, p, value, series?.()), chartPathVersion(p));
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      const a = args.map(plain);
      ws.op('chart.call', () => callChartMember(chart, path, a, series?.()), chartPathVersion(path));
      return chartProxy(chart, ws, `${path}()`, series);
    },
  });
}

function seriesMethod(chart: XChart, ws: FakeWorksheet, method: 'getItemAt' | 'add'): (arg?: unknown) => unknown {
  return (arg?: unknown) => {
    let bound: XChartSeries | undefined;
    if (method === 'add') {
      ws.op(
        'chart.call',
        () => {
          bound = { name: String(arg ?? ''), ops: [] };
          chart.series.push(bound);
          chart.ops.push({ path: 'series.add', args: [arg] });
        },
        chartPathVersion('series.add'),
      );
    } else {
      const i = Number(arg);
      ws.op('chart.call', () => {
        bound = chart.series[i];
        if (!bound)
          throw richError(
            'InvalidArgument',
            `The argument is invalid or missing or has an incorrect format (series ${i} of ${chart.series.length}).`,
          );
        chart.ops.push({ path: 'series.getItemAt', args: [i] });
      });
    }
    return chartProxy(chart, ws, `series.${method}()`, () => bound!);
  };
}

function setChartMember(chart: XChart, p: string, value: unknown, s: XChartSeries | undefined): void {
  chart.ops.push({ path: p, value });
  if (p === 'plotVisibleOnly') chart.plotVisibleOnly = value === true;
  if (p === 'name') chart.name = String(value);
  if (p === 'legend.legendEntries.getItemAt().visible' && chart.legendAt !== undefined) {
    chart.legendHidden ??= new Set();
    if (value === false) chart.legendHidden.add(chart.legendAt);
    else chart.legendHidden.delete(chart.legendAt);
  }
  if (!s) return;
  const rel = p.replace(/^series\.(getItemAt|add)\(\)\./, '');
  s.ops.push({ path: rel, value });
  if (rel === 'name') s.name = String(value);
}

function callChartMember(chart: XChart, path: string, args: unknown[], s: XChartSeries | undefined): void {
  chart.ops.push({ path, args });
  if (path === 'axes.categoryAxis.setCategoryNames') chart.categories = String(args[0]);
  if (path === 'legend.legendEntries.getItemAt') chart.legendAt = Number(args[0]);
  if (!s) return;
  const rel = path.replace(/^series\.(getItemAt|add)\(\)\./, '');
  s.ops.push({ path: rel, args });
  if (rel === 'setValues') s.values = String(args[0]);
  if (rel === 'setXAxisValues') s.xValues = String(args[0]);
}

// ---------- globals ----------

// ---------- what Excel refuses (issue #25; the rules and their sources are in test/fakes/host-rules.ts) ----------

/** Excel's grid: 1,048,576 rows by 16,384 columns ("Excel specifications and limits"). */
const EXCEL_MAX_ROWS = 1048576;
const EXCEL_MAX_COLUMNS = 16384;

/** A worksheet name Excel refuses (blank, over 31 characters, / \\ ? * : [ ], edge apostrophes, "History"). */
function refuseSheetName(name: string): void {
  const problem = excelSheetNameProblem(name);
  if (problem)
    throw richError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (sheet name "${name}": ${problem}).`,
    );
}

/** A defined name Excel refuses (spaces, a cell reference, a leading digit or punctuation …). */
function refuseDefinedName(name: string): void {
  const problem = excelNameProblem(name);
  if (problem)
    throw richError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (name "${name}": ${problem}).`,
    );
}

/** A value that is not one of `Excel.<enumName>`'s (the enums of @types/office-js). */
function refuseEnumValue(enumName: string, value: string): void {
  if (!isExcelEnumValue(enumName, value))
    throw richError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (${value} is not an Excel.${enumName}).`,
    );
}

/** A count of rows or columns outside Excel's grid. */
function refuseOutsideGrid(what: string, count: number, max: number): void {
  if (!Number.isInteger(count) || count < 0 || count > max)
    throw richError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (${what}(${count})).`,
    );
}

/** What a co-author (or another task pane) does to the workbook, straight to its state, between our round trips. */
export interface CoAuthor {
  /** Adds a sheet at the end with the given cells ({ A1: 'Plan', B2: 3 }). */
  addSheet(name: string, cells?: Record<string, string | number>): XSheet;
  /** Adds a workbook-scoped name for a range of one of their sheets. */
  addName(name: string, sheet: string, a1: string): XName;
  /** Types into cells of an existing sheet ({ A11: 'their row' }), as a co-author appending rows does. */
  write(sheet: string, cells: Record<string, string | number>): void;
}

export class FakeExcelHost {
  state: WorkbookState;
  contexts: FakeRequestContext[] = [];
  totalSyncs = 0;
  /** Co-author actions by the (1-based, over all contexts) sync they come just before. */
  private coAuthors: Array<{ beforeSync: number; act: (co: CoAuthor) => void }> = [];

  /** Someone else changes the workbook just before the nth sync (counted from now, over all contexts). */
  /**
   * The task pane is closed (or reloaded) at the nth sync from now: that request is never sent and never answered, so
   * the code waiting on it never resumes (no catch, no `finally`); what earlier syncs wrote stays in the workbook.
   */
  closePane(atSync: number): void {
    this.paneClosedAt = this.totalSyncs + atSync;
  }
  paneClosedAt?: number;

  coAuthor(beforeSync: number, act: (co: CoAuthor) => void): void {
    this.coAuthors.push({ beforeSync: this.totalSyncs + beforeSync, act });
  }

  /** Called by every sync after counting it: the co-author actions due now. */
  runCoAuthors(): void {
    const due = this.coAuthors.filter((c) => c.beforeSync === this.totalSyncs);
    this.coAuthors = this.coAuthors.filter((c) => c.beforeSync !== this.totalSyncs);
    const co: CoAuthor = {
      addSheet: (name, cells = {}) => {
        if (this.state.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`fake co-author: a sheet "${name}" exists already`);
        const sheet = newSheet(name);
        for (const [a1, v] of Object.entries(cells)) {
          const r = rect(a1);
          sheet.cells.set(`${r.row},${r.col}`, { formula: v, style: {} });
        }
        this.state.sheets.push(sheet);
        return sheet;
      },
      addName: (name, sheetName, a1) => {
        if (this.state.definedNameTaken(name)) throw new Error(`fake co-author: the name "${name}" exists already`);
        const item: XName = { name, reference: `'${sheetName}'!${a1}`, sheet: this.state.sheet(sheetName) };
        this.state.names.push(item);
        return item;
      },
      write: (sheetName, cells) => {
        const sheet = this.state.sheet(sheetName);
        for (const [a1, v] of Object.entries(cells)) {
          const r = rect(a1);
          sheet.cells.set(`${r.row},${r.col}`, { formula: v, style: {} });
        }
      },
    };
    for (const c of due) c.act(co);
  }
  failure: Failure | undefined;
  /** Highest ExcelApi version this host supports (undefined: every version). */
  apiVersion: string | undefined;
  customFunctions: CustomFunctionsFake = createCustomFunctionsFake();
  readyCallbacks = 0;
  /**
   * The size of each request sent (one per sync, in order): Office.js sends a batch's queued actions with their
   * arguments as JSON; the envelope is not documented, so each operation counts OP_BYTES and each grid its JSON.
   * Excel on the web refuses a request over 5 MB ("Resource limits and performance optimization for Office Add-ins").
   */
  requestBytes: number[] = [];
  /** The decimal separator of the user's Excel (cultureInfo), and Office's content language. */
  decimal = '.';
  language = 'en-US';
  /**
   * `Office.context.diagnostics.platform` ("PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal": Office.PlatformType).
   * Read live, so a test can play Office on a Mac after the page loaded.
   */
  platform = 'OfficeOnline';
  /** The host's calculation engine (attachEngine); formula cells read as "" without one. */
  engine: HostEngine | undefined;

  constructor(sheetNames: string[] = ['Sheet1']) {
    this.state = new WorkbookState(sheetNames);
  }

  context(): FakeRequestContext {
    const ctx = new FakeRequestContext(this, this.state);
    this.contexts.push(ctx);
    return ctx;
  }

  /** The `Excel` global: run() plus string enums. */
  get Excel(): Pick<typeof Excel, 'run'> & Record<string, unknown> {
    const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const ctx = this.context();
      const out = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length > 0) await ctx.sync();
      return out;
    };
    const known: Record<string, unknown> = { run };
    return new Proxy(known, {
      get: (t, p) => (typeof p === 'string' && p in t ? t[p] : typeof p === 'string' ? excelEnum(p) : undefined),
    }) as Pick<typeof Excel, 'run'> & Record<string, unknown>;
  }

  /** The `Office` global the task pane waits for. */
  get Office(): Pick<typeof Office, 'onReady'> & Record<string, unknown> {
    const onReady = (
      callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => unknown,
    ): Promise<{ host: Office.HostType; platform: Office.PlatformType }> => {
      this.readyCallbacks++;
      const info = {
        host: 'Excel' as unknown as Office.HostType,
        platform: this.platform as unknown as Office.PlatformType,
      };
      if (callback) callback(info);
      return Promise.resolve(info);
    };
    const requirements = {
      isSetSupported: (name: string, minVersion?: string | number): boolean =>
        requirementSupported(this.apiVersion, name, minVersion),
    } satisfies Pick<Office.RequirementSetSupport, 'isSetSupported'>;
    const diagnostics = officeDiagnostics(this);
    const context = { requirements, diagnostics, contentLanguage: this.language, displayLanguage: this.language };
    return { onReady, HostType: { Excel: 'Excel' }, context } as unknown as Pick<typeof Office, 'onReady'> &
      Record<string, unknown>;
  }

  /** All three host globals, for a vm context or globalThis. */
  globals(): Record<string, unknown> {
    return { Excel: this.Excel, Office: this.Office, CustomFunctions: this.customFunctions };
  }

  sheet(name: string): XSheet {
    return this.state.sheet(name);
  }

  /** What a cell holds (formula or constant, "" for blank). */
  content(sheet: string, a1: string): string | number | boolean {
    const r = rect(a1);
    const c = this.sheet(sheet).cells.get(`${r.row},${r.col}`);
    return c?.formula ?? '';
  }

  cell(sheet: string, a1: string): XCell | undefined {
    const r = rect(a1);
    return this.sheet(sheet).cells.get(`${r.row},${r.col}`);
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }
}

/** Installs the fake's globals on globalThis; returns a function that restores the previous ones. */
export function installExcelGlobals(host: FakeExcelHost): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, CustomFunctions: g.CustomFunctions };
  Object.assign(g, host.globals());
  return () => Object.assign(g, saved);
}

// ---------------------------------------------------------------------------------------------
// Office.context.diagnostics (kept apart to ease merges)

/** `Office.context.diagnostics` ("Gets information about the environment in which the add-in is running"), live. */
function officeDiagnostics(host: { platform: string }): { host: string; platform: string; version: string } {
  return {
    host: 'Excel',
    get platform() {
      return host.platform;
    },
    version: '16.0.18000.20000',
  };
}
