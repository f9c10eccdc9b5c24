/**
 * A recording fake of the Apps Script Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet,
 * Range, RangeList, NamedRange, DataValidationBuilder, ConditionalFormatRuleBuilder), the Ui and
 * HtmlService. It keeps real state (cells, formulas, formats, validation, sheet list, named
 * ranges) so tests can assert the resulting spreadsheet, and records every call so tests can
 * count them.
 *
 * Typed against @types/google-apps-script: each class `implements Pick<RealInterface, …>` for the
 * methods it provides, so a parameter or name that drifts from the real API fails type-checking.
 * Methods return the real interface types (the fakes cast themselves), so executor code typed
 * against the real API runs unchanged on them, in jest or in a vm loading the built Code.js.
 *
 * Behaviours modelled after Sheets: a new sheet has 1000 rows × 26 columns and getRange outside
 * them throws; setValues needs matching dimensions and turns "=…" strings into formulas and
 * numeric-looking strings into numbers unless the cell is formatted as text ("@"); insertSheet
 * throws on a duplicate name (case-insensitive); setNamedRange REPLACES an existing name (so an
 * executor that reused a user's name would be caught).
 *
 * Concurrency: `LockService.getDocumentLock()` gives one lock per spreadsheet, as Apps Script does for two
 * executions in one document (https://developers.google.com/apps-script/reference/lock/lock-service). The
 * fake runs in one thread: a lock an execution of this thread holds is refused at once (it cannot finish while
 * another waits), which is what a real execution sees when the holder keeps it past the timeout; another
 * execution holding it for N ms (`holdLockElsewhere`) is waited for when the timeout is at least N ms. Someone
 * else acting between two of our service calls (a co-author, a second execution) is played by
 * `recorder.before(method, nth, act)`.
 */
import { FakeProtection, type UserEdit } from './sheets-protection';
import { formatValue } from '../../shared/core/number-format';
import { columnName, columnNumber } from './a1';
import { formatInZone, wallClock, zonedInstant } from './time-zones';
import { HostEngine, type EngineBook, type HostEngineOptions } from './host-engine';
import { checkBuilderArgs, checkChartOptions, isEmbeddedChartBuilderMethod } from './sheets-chart-rules';
import { sheetsNameProblem } from './host-rules';

type SS = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** One recorded call. `kind` "service" = a Spreadsheet-service call; "builder" = a local rule/chart builder call. */
export interface CallRecord {
  kind: 'service' | 'builder' | 'ui' | 'lock';
  target: string;
  method: string;
  args: unknown[];
}

export class Recorder {
  calls: CallRecord[] = [];
  /** Calls that change the spreadsheet so far (the host engine recalculates after any). */
  mutations = 0;
  /** Throws `message` on the nth (1-based) call of `method` — injected failures. */
  failure?: { method: string; nth: number; message: string; seen?: number };

  /** Actions of someone else, each run just before the nth (1-based) call of `method` (then dropped). */
  private hooks: Array<{ method: string; nth: number; act: () => void; seen: number }> = [];

  /** Someone else acts (a co-author, another execution) just before our nth call of `method`. */
  before(method: string, nth: number, act: () => void): void {
    this.hooks.push({ method, nth, act, seen: 0 });
  }

  record(kind: CallRecord['kind'], target: string, method: string, args: unknown[]): void {
    for (const h of this.hooks.filter((x) => x.method === method)) {
      h.seen++;
      if (h.seen === h.nth) {
        this.hooks = this.hooks.filter((x) => x !== h);
        h.act();
      }
    }
    this.calls.push({ kind, target, method, args });
    if (kind === 'service' && /^(set|insert|delete|remove|hide|clear|append)/.test(method)) this.mutations++;
    const f = this.failure;
    if (f && f.method === method) {
      f.seen = (f.seen ?? 0) + 1;
      if (f.seen === f.nth) throw new Error(f.message);
    }
  }

  count(kind: CallRecord['kind'] = 'service', method?: string): number {
    return this.calls.filter((c) => c.kind === kind && (!method || c.method === method)).length;
  }

  reset(): void {
    this.calls = [];
  }
}

// ---------- A1 parsing (kept in the fakes so they do not depend on the code they check) ----------

/** 1-based rectangle of an A1 address (with optional sheet). */
export function parseRef(ref: string): { sheet?: string; row: number; col: number; rows: number; cols: number } {
  let sheet: string | undefined;
  let local = ref;
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    local = ref.slice(bang + 1);
  }
  const [a, b = a] = local.split(':');
  const cell = /^\$?([A-Z]+)\$?(\d+)$/i;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (!ma || !mb) throw new Error(`Range not found (${ref})`);
  const r1 = Number(ma[2]);
  const r2 = Number(mb[2]);
  const c1 = columnNumber(ma[1]);
  const c2 = columnNumber(mb[1]);
  return {
    sheet,
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

// ---------- state ----------

export interface CellState {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  validation?: FakeDataValidation | null;
  style: Record<string, unknown>;
  /** The cell's note (Range.setNote). */
  note?: string;
}

export interface FakeDataValidation {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

export interface FakeConditionalRule {
  condition?: { type: string; formula?: string };
  gradient?: Array<{ point: string; color: string; type: unknown; value: string }>;
  style: Record<string, unknown>;
  ranges: Array<{ sheet: string; a1: string }>;
}

export interface FakeChart {
  calls: Array<{ method: string; args: unknown[] }>;
  /** EmbeddedChart.getChartId: kept by a chart rebuilt through modify() (updateChart replaces the chart of that id). */
  id?: number;
  /** EmbeddedChart.modify: a builder holding this chart's settings (the builder calls so far). */
  modify?(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  /** EmbeddedChart reads, answered from the builder calls (setPosition, setOption). */
  getContainerInfo?(): Pick<
    GoogleAppsScript.Spreadsheet.ContainerInfo,
    'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'
  >;
  getOptions?(): Pick<GoogleAppsScript.Charts.ChartOptions, 'get'>;
  /** The ranges added, in order (EmbeddedChart.getRanges). */
  getRanges?(): GoogleAppsScript.Spreadsheet.Range[];
  /** setNumHeaders, 0 when not set. */
  getNumHeaders?(): number;
  /** setHiddenDimensionStrategy; IGNORE_BOTH ("Default") when not set. */
  getHiddenDimensionStrategy?(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
}

let nextId = 1;

export class FakeSheet implements Pick<
  Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getRange'
  | 'getRangeList'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenRows'
  | 'setColumnWidths'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'hideColumns'
  | 'isColumnHiddenByUser'
  | 'hideRows'
  | 'isRowHiddenByUser'
  | 'setTabColor'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'activate'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getDataRange'
> {
  readonly id = nextId++;
  cells = new Map<string, CellState>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  widths = new Map<number, number>();
  hidden = new Set<number>();
  /** Rows the user hid (1-based). */
  hiddenRows = new Set<number>();
  tabColor: string | null = null;
  cfRules: FakeConditionalRule[] = [];
  bandings: Array<{ a1: string; theme: unknown; header: boolean; footer: boolean }> = [];
  charts: FakeChart[] = [];
  /** Protected ranges (Range.protect(), see sheets-protection.ts). */
  protections: FakeProtection[] = [];

  /**
   * A person (not the owner) types `value` into one cell in the Sheets UI; `confirm` is their answer to the warning
   * a warning-only protection shows. Owner-only protection refuses the edit (sheets-protection.ts).
   */
  userTypes(a1: string, value: string | number, confirm: boolean): UserEdit {
    const at = parseRef(a1);
    const guards = this.protections.filter((p) => p.covers(at.row, at.col));
    if (guards.some((p) => !p.isWarningOnly())) return 'refused';
    if (guards.length > 0 && !confirm) return 'asked and kept';
    new FakeRange(this, at.row, at.col, 1, 1).setValue(value);
    return guards.length > 0 ? 'asked and written' : 'written';
  }

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}

  private rec(method: string, args: unknown[]): void {
    this.ss.recorder.record('service', `Sheet(${this.name})`, method, args);
  }

  cell(row: number, col: number): CellState {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, style: {} };
      this.cells.set(k, c);
    }
    return c;
  }

  /** What the cell holds: its formula, or its value ("" for blank). */
  content(a1: string): string | number | boolean {
    const r = parseRef(a1);
    const c = this.cells.get(`${r.row},${r.col}`);
    if (!c) return '';
    return c.formula ?? c.value ?? '';
  }

  peek(a1: string): CellState | undefined {
    const r = parseRef(a1);
    return this.cells.get(`${r.row},${r.col}`);
  }

  // --- Developer metadata (kept apart to ease merges) ---------------------------------------------
  /**
   * `Sheet.addDeveloperMetadata(key, value)` / `getDeveloperMetadata()`: "Developer metadata allows you to associate
   * arbitrary data with various parts of a spreadsheet"; invisible to users, it stays with the sheet when the sheet
   * is renamed or moved (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata).
   */
  metadata: Array<{ key: string; value: string }> = [];
  addDeveloperMetadata(key: string, value = ''): this {
    this.rec('addDeveloperMetadata', [key, value]);
    this.metadata.push({ key, value });
    return this;
  }
  getDeveloperMetadata(): Array<{ getKey(): string; getValue(): string }> {
    this.rec('getDeveloperMetadata', []);
    return this.metadata.map((m) => ({ getKey: () => m.key, getValue: () => m.value }));
  }

  getName(): string {
    this.rec('getName', []);
    return this.name;
  }
  getSheetId(): number {
    this.rec('getSheetId', []);
    return this.id;
  }

  getRange(row: number, column: number): Range;
  getRange(row: number, column: number, numRows: number): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRange(a1Notation: string): Range;
  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): Range {
    this.rec(
      'getRange',
      [a, column, numRows, numColumns].filter((x) => x !== undefined),
    );
    return this.rangeAt(a, column, numRows, numColumns).real();
  }

  rangeAt(a: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    let r: { row: number; col: number; rows: number; cols: number };
    if (typeof a === 'string') {
      const p = parseRef(a);
      if (p.sheet !== undefined && p.sheet !== this.name) throw new Error(`Range ${a} is not on sheet ${this.name}`);
      r = p;
    } else r = { row: a, col: column!, rows: numRows, cols: numColumns };
    if (r.row < 1 || r.col < 1 || r.rows < 1 || r.cols < 1)
      throw new Error('The starting row/column of the range is too small.');
    if (r.row + r.rows - 1 > this.maxRows || r.col + r.cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, r.row, r.col, r.rows, r.cols);
  }

  getRangeList(a1Notations: string[]): RangeList {
    this.rec('getRangeList', [a1Notations]);
    return new FakeRangeList(
      this,
      a1Notations.map((a) => this.rangeAt(a)),
    ).real();
  }

  getMaxRows(): number {
    this.rec('getMaxRows', []);
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.rec('getMaxColumns', []);
    return this.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.rec('insertRowsAfter', [afterPosition, howMany]);
    refuseOutOfBounds('rows', afterPosition, 1, this.maxRows);
    refuseCount(howMany);
    if (afterPosition !== this.maxRows) throw new Error('fake: only appending rows is modelled');
    this.maxRows += howMany;
    return this.real();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.rec('insertColumnsAfter', [afterPosition, howMany]);
    refuseOutOfBounds('columns', afterPosition, 1, this.maxCols);
    refuseCount(howMany);
    if (afterPosition !== this.maxCols) throw new Error('fake: only appending columns is modelled');
    this.maxCols += howMany;
    return this.real();
  }
  setFrozenRows(rows: number): void {
    this.rec('setFrozenRows', [rows]);
    refuseFreeze('rows', rows, this.maxRows);
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.rec('setFrozenColumns', [columns]);
    refuseFreeze('columns', columns, this.maxCols);
    this.frozenCols = columns;
  }
  getFrozenRows(): number {
    this.rec('getFrozenRows', []);
    return this.frozenRows;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.rec('setColumnWidths', [startColumn, numColumns, width]);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.widths.set(c, width);
    return this.real();
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.rec('setColumnWidth', [columnPosition, width]);
    this.widths.set(columnPosition, width);
    return this.real();
  }
  getColumnWidth(columnPosition: number): number {
    this.rec('getColumnWidth', [columnPosition]);
    return this.widths.get(columnPosition) ?? 100;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.rec('hideColumns', [columnIndex, numColumns]);
    refuseOutOfBounds('columns', columnIndex, numColumns, this.maxCols);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hidden.add(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.rec('isColumnHiddenByUser', [columnPosition]);
    return this.hidden.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.rec('hideRows', [rowIndex, numRows]);
    refuseOutOfBounds('rows', rowIndex, numRows, this.maxRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.rec('isRowHiddenByUser', [rowPosition]);
    return this.hiddenRows.has(rowPosition);
  }
  setTabColor(color: string | null): Sheet {
    this.rec('setTabColor', [color]);
    this.tabColor = color;
    return this.real();
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.rec('setConditionalFormatRules', [rules.length]);
    this.cfRules = rules.map((r) => (r as unknown as FakeConditionalRuleObject).state);
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.rec('getConditionalFormatRules', []);
    return this.cfRules.map((state) => ({ state }) as unknown as ConditionalFormatRule);
  }
  activate(): Sheet {
    this.rec('activate', []);
    this.ss.active = this;
    return this.real();
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.rec('newChart', []);
    return chartBuilder(this.ss.recorder, []) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.rec('insertChart', []);
    const c = chart as unknown as FakeChart;
    // The anchor cell must be on the grid (the Sheets API rejects an overlay anchored outside it).
    for (const call of c.calls.filter((x) => x.method === 'setPosition')) {
      const [row, col] = call.args as number[];
      if (row < 1 || col < 1 || row > this.maxRows || col > this.maxCols) {
        throw new Error(
          `The chart's anchor cell (row ${row}, column ${col}) is outside the sheet (${this.maxRows} rows × ${this.maxCols} columns).`,
        );
      }
    }
    this.charts.push(c);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.rec('getCharts', []);
    // A new array each call, as Apps Script returns one (changing it changes nothing on the sheet).
    return [...this.charts] as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }
  /**
   * Sheet.updateChart(chart): "Updates the chart on this sheet" — the chart built from `modify()` replaces the
   * chart it was made from (same chart id), in place; a chart not on this sheet is refused.
   */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.rec('updateChart', []);
    const c = chart as unknown as FakeChart;
    const i = this.charts.findIndex((x) => x.id !== undefined && x.id === c.id);
    if (i < 0) throw new Error('Exception: The chart is not on this sheet.');
    this.charts[i] = c;
  }
  getLastRow(): number {
    this.rec('getLastRow', []);
    let last = 0;
    for (const [k, c] of this.cells) if (c.value !== null || c.formula) last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }
  getLastColumn(): number {
    this.rec('getLastColumn', []);
    let last = 0;
    for (const [k, c] of this.cells) if (c.value !== null || c.formula) last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }
  getDataRange(): Range {
    this.rec('getDataRange', []);
    let rows = 0;
    let cols = 0;
    for (const [k, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      const [r, col] = k.split(',').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, col);
    }
    return new FakeRange(this, 1, 1, Math.max(1, rows), Math.max(1, cols)).real();
  }

  /** Everything about the sheet as plain JSON (for byte-for-byte comparisons). */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        name: this.name,
        cells: [...this.cells.entries()].sort(),
        maxRows: this.maxRows,
        maxCols: this.maxCols,
        frozen: [this.frozenRows, this.frozenCols],
        widths: [...this.widths.entries()].sort(),
        hidden: [...this.hidden].sort(),
        tabColor: this.tabColor,
        cfRules: this.cfRules,
        bandings: this.bandings,
        charts: this.charts.length,
      }),
    );
  }

  real(): Sheet {
    return this as unknown as Sheet;
  }
}

// ---------- what Sheets refuses (issue #25; name rules and their sources in test/fakes/host-rules.ts) ----------

/**
 * Rows or columns outside the sheet: Apps Script refuses them ("Exception: Those rows are out of bounds." /
 * "Those columns are out of bounds.", as `hideColumns`, `insertColumnsAfter` … report a position past
 * `getMaxColumns()`); a position below 1 likewise.
 */
function refuseOutOfBounds(what: 'rows' | 'columns', start: number, count: number, max: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > max)
    throw new Error(`Exception: Those ${what} are out of bounds.`);
}

/** A number of rows or columns to insert must be at least 1. */
function refuseCount(howMany: number): void {
  if (!Number.isInteger(howMany) || howMany < 1)
    throw new Error(`Exception: The number of rows or columns to insert must be at least 1 (got ${howMany}).`);
}

/** Freezing: 0 to the sheet's size (Sheets cannot freeze more rows or columns than the sheet has). */
function refuseFreeze(what: 'rows' | 'columns', n: number, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`Exception: Those ${what} are out of bounds.`);
}

/** A range name Sheets refuses (spaces, punctuation, a leading digit or true/false, an A1 or R1C1 reference). */
function refuseRangeName(name: string): void {
  const problem = sheetsNameProblem(name);
  if (problem) throw new Error(`Exception: The named range name "${name}" is not valid: ${problem}.`);
}

/**
 * A conditional format rule applies to ranges and needs a condition (a boolean condition or a gradient):
 * ConditionalFormatRuleBuilder ("setRanges(ranges): Sets one or more ranges that this conditional format rule is
 * applied to"; a rule "contains either a BooleanCondition or a GradientCondition", ConditionalFormatRule.getBooleanCondition /
 * getGradientCondition). The reference does not say whether build() or setConditionalFormatRules refuses an
 * incomplete rule; the fake refuses at build, which our executors always follow with setConditionalFormatRules.
 */
function refuseIncompleteRule(state: FakeConditionalRule): void {
  if (state.ranges.length === 0) throw new Error('Exception: A conditional format rule needs at least one range.');
  if (!state.condition && !(state.gradient && state.gradient.length >= 2))
    throw new Error('Exception: A conditional format rule needs a condition or a gradient (minpoint and maxpoint).');
}

interface FakeConditionalRuleObject {
  state: FakeConditionalRule;
}

/**
 * Charts are built with a long fluent API; the fake records every builder call and keeps the list. It refuses
 * what the builder refuses (test/fakes/sheets-chart-rules.ts): a method EmbeddedChartBuilder does not have, a
 * chart type or strategy that is not a Charts enum value, `addRange` without a Range, and (stricter than the
 * host, which ignores them silently) options not documented for the chart type.
 */
let nextChartId = 1;

function chartBuilder(recorder: Recorder, calls: FakeChart['calls'], id?: number): unknown {
  const handler: ProxyHandler<object> = {
    get(_t, prop) {
      if (typeof prop === 'string' && !isEmbeddedChartBuilderMethod(prop)) return undefined; // "… is not a function"
      if (prop === 'build') {
        return () => {
          recorder.record('builder', 'EmbeddedChartBuilder', 'build', []);
          checkChartOptions(calls);
          const last = (method: string): unknown[] | undefined => calls.filter((c) => c.method === method).pop()?.args;
          const pos = (i: number): number => Number(last('setPosition')?.[i] ?? (i < 2 ? 1 : 0));
          const chartId = id ?? nextChartId++;
          return {
            calls,
            id: chartId,
            // EmbeddedChart.modify(): "Returns a new EmbeddedChartBuilder for modifying this chart" (its settings kept).
            modify: () =>
              chartBuilder(recorder, calls.slice(), chartId) as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
            getContainerInfo: () => ({
              getAnchorRow: () => pos(0),
              getAnchorColumn: () => pos(1),
              getOffsetX: () => pos(2),
              getOffsetY: () => pos(3),
            }),
            getOptions: () => ({
              get: (key: string) =>
                calls.filter((c) => c.method === 'setOption' && c.args[0] === key).pop()?.args[1] ?? null,
            }),
            getRanges: () =>
              calls.filter((c) => c.method === 'addRange').map((c) => c.args[0] as GoogleAppsScript.Spreadsheet.Range),
            getNumHeaders: () => Number(last('setNumHeaders')?.[0] ?? 0),
            getHiddenDimensionStrategy: () =>
              (last('setHiddenDimensionStrategy')?.[0] ??
                'IGNORE_BOTH') as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy,
          } satisfies FakeChart;
        };
      }
      if (typeof prop !== 'string') return undefined;
      return (...args: unknown[]) => {
        checkBuilderArgs(prop, args, (v) => v instanceof FakeRange);
        recorder.record('builder', 'EmbeddedChartBuilder', prop, args);
        // clearRanges: "Removes all ranges from the chart this builder modifies."
        if (prop === 'clearRanges') calls.splice(0, calls.length, ...calls.filter((c) => c.method !== 'addRange'));
        else calls.push({ method: prop, args });
        return proxy;
      };
    },
  };
  const proxy: object = new Proxy({}, handler);
  return proxy;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
/** A number format that shows a date (has a year or day part outside quotes). */
export const isDateFormat = (f: string): boolean => /[yd]/i.test(f.replace(/"[^"]*"/g, '')) && f !== '@';
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** The serial number (days since 1899-12-30, time as the fraction) of an instant's wall clock in `tz`. */
export function zonedSerial(d: Date, tz: string): number {
  const w = wallClock(d, tz);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - SERIAL_EPOCH) / 86400000;
}
/** The instant whose wall clock in `tz` is the serial's date and time. */
export function serialInstant(serial: number, tz: string): Date {
  const t = new Date(SERIAL_EPOCH + Math.round(serial * 86400000));
  return zonedInstant(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), tz, t.getUTCHours(), t.getUTCMinutes());
}

/** Moves the relative references of a formula by rows/cols (`$` parts stay), e.g. C2 → C5 for rows = 3. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(
    /(^|[^A-Za-z0-9_$"])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g,
    (_m, pre: string, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? col : columnName(columnNumber(col) + cols);
      const r = rowAbs ? row : String(Number(row) + rows);
      return `${pre}${colAbs}${c}${rowAbs}${r}`;
    },
  );
}

export class FakeRange implements Pick<
  Range,
  | 'setValues'
  | 'setValue'
  | 'getValues'
  | 'getDisplayValues'
  | 'getValue'
  | 'setFormulas'
  | 'getFormulas'
  | 'setNumberFormats'
  | 'setNumberFormat'
  | 'getNumberFormats'
  | 'setDataValidations'
  | 'setDataValidation'
  | 'getDataValidations'
  | 'setFontWeight'
  | 'setBackground'
  | 'setFontColor'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setFontSize'
  | 'setFontStyle'
  | 'applyRowBanding'
  | 'getA1Notation'
  | 'getSheet'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'isBlank'
  | 'protect'
  | 'setNote'
  | 'getNote'
> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  private rec(method: string, args: unknown[]): void {
    this.sheet.ss.recorder.record('service', `Range(${this.sheet.name}!${this.a1()})`, method, args);
  }

  a1(): string {
    const first = `${columnName(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1
      ? first
      : `${first}:${columnName(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }

  /** A new protection over this range, owner-only until `setWarningOnly(true)` (sheets-protection.ts). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.rec('protect', []);
    const p = new FakeProtection(this);
    this.sheet.protections.push(p);
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  /** "Sets the note to the given value" on every cell of the range (Class Range, setNote); null or "" clears it. */
  setNote(note: string | null): Range {
    this.rec('setNote', [note]);
    this.forEach((c) => (c.note = note || undefined));
    return this.real();
  }
  /** The note of the top-left cell, "" when it has none (Class Range, getNote). */
  getNote(): string {
    return this.sheet.peek(this.a1().split(':')[0])?.note ?? '';
  }

  forEach(f: (cell: CellState, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) f(this.sheet.cell(this.row + i, this.col + j), i, j);
  }

  private checkDims(what: string, grid: unknown[][]): void {
    if (!Array.isArray(grid) || grid.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.rows}. (${what})`,
      );
    }
    for (const row of grid) {
      if (!Array.isArray(row) || row.length !== this.cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.cols}. (${what})`,
        );
      }
    }
  }

  private write(cell: CellState, v: unknown): void {
    if (isDate(v)) {
      // Sheets stores a date as a serial number read in the spreadsheet's zone and gives the cell a date format.
      delete cell.formula;
      cell.value = zonedSerial(v, this.sheet.ss.timeZone);
      if (!cell.numberFormat || !isDateFormat(cell.numberFormat)) cell.numberFormat = 'yyyy-mm-dd';
      return;
    }
    if (typeof v === 'string' && v.startsWith("'")) {
      // setValues parses each value as if typed in the Sheets UI ("If a value begins with =, it's interpreted as a
      // formula", Class Range); a leading apostrophe typed there marks the rest as text and is not part of the value
      // (Sheets API ValueInputOption USER_ENTERED: "parsed exactly as if it were entered into the Google Sheets UI").
      delete cell.formula;
      cell.value = v.slice(1) === '' ? null : v.slice(1);
      return;
    }
    if (typeof v === 'string' && v.startsWith('=')) {
      cell.formula = v;
      cell.value = null;
      return;
    }
    delete cell.formula;
    if (v === '' || v === null || v === undefined) cell.value = null;
    else if (typeof v === 'string' && cell.numberFormat !== '@' && NUMERIC.test(v)) cell.value = Number(v);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cell.value = v;
    else throw new Error(`fake: unsupported cell value ${String(v)}`);
  }

  setValues(values: unknown[][]): Range {
    this.rec('setValues', [`${values.length} rows`]);
    this.checkDims('setValues', values);
    this.forEach((c, i, j) => this.write(c, values[i][j]));
    return this.real();
  }
  setValue(value: unknown): Range {
    this.rec('setValue', [value]);
    this.forEach((c) => this.write(c, value));
    return this.real();
  }
  /**
   * What getValues gives for a cell: a formula's computed value when the fake has a host engine ("" without
   * one), a date-formatted number as a Date in the spreadsheet's zone ("Dates … become Date objects").
   */
  private read(c: CellState, row: number, col: number): unknown {
    const engine = this.sheet.ss.engine;
    // A formula's result, or a spilled array's value in an empty cell, comes from the engine.
    const computed = c.formula || (c.value === null && engine);
    const v = computed ? (engine ? engine.value(this.sheet.name, row - 1, col - 1) : '') : (c.value ?? '');
    if (typeof v === 'number' && c.numberFormat && isDateFormat(c.numberFormat))
      return serialInstant(v, this.sheet.ss.timeZone);
    return v;
  }
  getValues(): unknown[][] {
    this.rec('getValues', []);
    const out = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => '' as unknown));
    this.forEach((c, i, j) => (out[i][j] = this.read(c, this.row + i, this.col + j)));
    return out;
  }
  /**
   * Range.getDisplayValues(): "the displayed values … String objects. The displayed value takes into account
   * date, time and currency formatting … Empty cells are represented by an empty string" (Apps Script
   * reference, Class Range). Numbers are shown with their cell's format (shared/core/number-format.ts).
   */
  getDisplayValues(): string[][] {
    this.rec('getDisplayValues', []);
    const out = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => ''));
    this.forEach((c, i, j) => (out[i][j] = this.display(c, this.row + i, this.col + j)));
    return out;
  }
  private display(c: CellState, row: number, col: number): string {
    const engine = this.sheet.ss.engine;
    const computed = c.formula || (c.value === null && engine);
    const v = computed ? (engine ? engine.value(this.sheet.name, row - 1, col - 1) : '') : (c.value ?? '');
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return typeof v === 'number' ? formatValue(v, c.numberFormat) : String(v ?? '');
  }
  getValue(): unknown {
    this.rec('getValue', []);
    return this.read(this.sheet.cell(this.row, this.col), this.row, this.col);
  }
  setFormulas(formulas: string[][]): Range {
    this.rec('setFormulas', [`${formulas.length} rows`]);
    this.checkDims('setFormulas', formulas);
    this.forEach((c, i, j) => this.write(c, formulas[i][j]));
    return this.real();
  }
  getFormulas(): string[][] {
    this.rec('getFormulas', []);
    const out = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => ''));
    this.forEach((c, i, j) => (out[i][j] = c.formula ?? ''));
    return out;
  }
  setNumberFormats(numberFormats: string[][]): Range {
    this.rec('setNumberFormats', [`${numberFormats.length} rows`]);
    this.checkDims('setNumberFormats', numberFormats);
    this.forEach((c, i, j) => (c.numberFormat = numberFormats[i][j]));
    return this.real();
  }
  setNumberFormat(numberFormat: string): Range {
    this.rec('setNumberFormat', [numberFormat]);
    this.applyNumberFormat(numberFormat);
    return this.real();
  }
  applyNumberFormat(f: string): void {
    this.forEach((c) => (c.numberFormat = f));
  }
  getNumberFormats(): string[][] {
    this.rec('getNumberFormats', []);
    const out = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => 'General'));
    this.forEach((c, i, j) => (out[i][j] = c.numberFormat ?? 'General'));
    return out;
  }
  setDataValidations(rules: Array<Array<DataValidation | null>>): Range {
    this.rec('setDataValidations', [`${rules.length} rows`]);
    this.checkDims('setDataValidations', rules);
    this.forEach((c, i, j) => (c.validation = rules[i][j] as unknown as FakeDataValidation | null));
    return this.real();
  }
  setDataValidation(rule: DataValidation | null): Range {
    this.rec('setDataValidation', []);
    // A custom formula is relative to the range's top-left cell (as the Sheets UI applies it to a range):
    // each cell keeps the formula as seen from that cell. setDataValidations stores rules verbatim per cell.
    const r = rule as unknown as FakeDataValidation | null;
    this.forEach(
      (c, i, j) =>
        (c.validation =
          r && r.criteria === 'CUSTOM_FORMULA' ? { ...r, args: [shiftFormula(String(r.args[0]), i, j)] } : r),
    );
    return this.real();
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    this.rec('getDataValidations', []);
    const out = Array.from({ length: this.rows }, () =>
      Array.from({ length: this.cols }, () => null as DataValidation | null),
    );
    this.forEach((c, i, j) => (out[i][j] = (c.validation ?? null) as unknown as DataValidation | null));
    return out;
  }
  style(key: string, v: unknown, method: string, args: unknown[]): Range {
    this.rec(method, args);
    this.applyStyle(key, v);
    return this.real();
  }
  applyStyle(key: string, v: unknown): void {
    this.forEach((c) => (c.style[key] = v));
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): Range {
    return this.style('fontWeight', fontWeight, 'setFontWeight', [fontWeight]);
  }
  setFontStyle(fontStyle: 'italic' | 'normal' | null): Range {
    return this.style('fontStyle', fontStyle, 'setFontStyle', [fontStyle]);
  }
  setBackground(color: string | null): Range {
    return this.style('background', color, 'setBackground', [color]);
  }
  setFontColor(color: string | null): Range {
    return this.style('fontColor', color, 'setFontColor', [color]);
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this.style('wrap', isWrapEnabled, 'setWrap', [isWrapEnabled]);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    return this.style('hAlign', alignment, 'setHorizontalAlignment', [alignment]);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    return this.style('vAlign', alignment, 'setVerticalAlignment', [alignment]);
  }
  setFontSize(size: number): Range {
    return this.style('fontSize', size, 'setFontSize', [size]);
  }
  applyRowBanding(
    bandingTheme?: GoogleAppsScript.Spreadsheet.BandingTheme,
    showHeader = true,
    showFooter = false,
  ): GoogleAppsScript.Spreadsheet.Banding {
    this.rec('applyRowBanding', [bandingTheme, showHeader, showFooter]);
    this.sheet.bandings.push({ a1: this.a1(), theme: bandingTheme, header: showHeader, footer: showFooter });
    return {} as GoogleAppsScript.Spreadsheet.Banding;
  }
  getA1Notation(): string {
    this.rec('getA1Notation', []);
    return this.a1();
  }
  getSheet(): Sheet {
    this.rec('getSheet', []);
    return this.sheet.real();
  }
  isBlank(): boolean {
    this.rec('isBlank', []);
    // Reads without creating cell records (a read must not change the sheet's snapshot).
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        const c = this.sheet.cells.get(`${this.row + i},${this.col + j}`);
        if (c && (c.formula || (c.value !== null && c.value !== ''))) return false;
      }
    }
    return true;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  real(): Range {
    return this as unknown as Range;
  }
}

export class FakeRangeList implements Pick<
  RangeList,
  | 'setNumberFormat'
  | 'setFontWeight'
  | 'setFontStyle'
  | 'setFontColor'
  | 'setBackground'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setFontSize'
  | 'setNote'
  | 'getRanges'
> {
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}
  private each(method: string, args: unknown[], f: (r: FakeRange) => void): RangeList {
    this.sheet.ss.recorder.record(
      'service',
      `RangeList(${this.sheet.name}!${this.ranges.map((r) => r.a1()).join(',')})`,
      method,
      args,
    );
    this.ranges.forEach(f);
    return this.real();
  }
  setNumberFormat(numberFormat: string): RangeList {
    return this.each('setNumberFormat', [numberFormat], (r) => r.applyNumberFormat(numberFormat));
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): RangeList {
    return this.each('setFontWeight', [fontWeight], (r) => r.applyStyle('fontWeight', fontWeight));
  }
  setFontStyle(fontStyle: 'italic' | 'normal' | null): RangeList {
    return this.each('setFontStyle', [fontStyle], (r) => r.applyStyle('fontStyle', fontStyle));
  }
  setFontColor(color: string | null): RangeList {
    return this.each('setFontColor', [color], (r) => r.applyStyle('fontColor', color));
  }
  setBackground(color: string | null): RangeList {
    return this.each('setBackground', [color], (r) => r.applyStyle('background', color));
  }
  setWrap(isWrapEnabled: boolean): RangeList {
    return this.each('setWrap', [isWrapEnabled], (r) => r.applyStyle('wrap', isWrapEnabled));
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeList {
    return this.each('setHorizontalAlignment', [alignment], (r) => r.applyStyle('hAlign', alignment));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeList {
    return this.each('setVerticalAlignment', [alignment], (r) => r.applyStyle('vAlign', alignment));
  }
  setFontSize(size: number): RangeList {
    return this.each('setFontSize', [size], (r) => r.applyStyle('fontSize', size));
  }
  setNote(note: string | null): RangeList {
    return this.each('setNote', [note], (r) => r.forEach((c) => (c.note = note || undefined)));
  }
  getRanges(): Range[] {
    return this.ranges.map((r) => r.real());
  }
  real(): RangeList {
    return this as unknown as RangeList;
  }
}

export class FakeNamedRange implements Pick<NamedRange, 'getName' | 'getRange'> {
  constructor(
    readonly ss: FakeSpreadsheet,
    readonly name: string,
    public range: FakeRange,
  ) {}
  getName(): string {
    this.ss.recorder.record('service', `NamedRange(${this.name})`, 'getName', []);
    return this.name;
  }
  getRange(): Range {
    this.ss.recorder.record('service', `NamedRange(${this.name})`, 'getRange', []);
    return this.range.real();
  }
}

export class FakeSpreadsheet implements Pick<
  Spreadsheet,
  | 'getSheets'
  | 'getSheetByName'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getNamedRanges'
  | 'setNamedRange'
  | 'removeNamedRange'
  | 'getRangeByName'
  | 'getRange'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'toast'
  | 'getName'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
> {
  sheets: FakeSheet[] = [];
  /** File ▸ Settings ▸ Time zone: the zone date cells are read in (see time-zones.ts). */
  timeZone = 'Etc/UTC';
  /** File ▸ Settings ▸ Locale. */
  locale = 'en_US';
  /** The host's calculation engine (createSheetsFake's `engine` option); formulas read as "" without one. */
  engine: HostEngine | undefined;
  named = new Map<string, FakeNamedRange>();
  active: FakeSheet | undefined;
  toasts: Array<{ msg: string; title?: string }> = [];
  /** The user's selection (test helper `select`); none until selected. */
  selection: { sheet: FakeSheet; a1: string } | undefined;

  constructor(
    readonly recorder: Recorder,
    sheetNames: string[] = ['Sheet1'],
  ) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(this, n));
    this.active = this.sheets[0];
  }

  private rec(method: string, args: unknown[]): void {
    this.recorder.record('service', 'Spreadsheet', method, args);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet "${name}" (have ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  getName(): string {
    this.rec('getName', []);
    return 'Strategy workbook';
  }
  getSpreadsheetTimeZone(): string {
    this.rec('getSpreadsheetTimeZone', []);
    return this.timeZone;
  }
  getSpreadsheetLocale(): string {
    this.rec('getSpreadsheetLocale', []);
    return this.locale;
  }
  /** The workbook as the host engine loads it: every cell (formulas in the spreadsheet's syntax) and named range. */
  engineBook(): EngineBook {
    return {
      sheets: this.sheets.map((sh) => ({
        name: sh.name,
        cells: [...sh.cells.entries()].map(([k, c]) => {
          const [row, col] = k.split(',').map(Number);
          return { row0: row - 1, col0: col - 1, content: c.formula ?? c.value, text: c.numberFormat === '@' };
        }),
      })),
      names: [...this.named.values()].map((n) => ({ name: n.name, ref: absoluteRef(n.range) })),
    };
  }

  /** A date cell as Sheets hands it to a script: the instant of that wall-clock time in the spreadsheet's zone. */
  date(y: number, m: number, d: number, h = 0, mi = 0): Date {
    return zonedInstant(y, m, d, this.timeZone, h, mi);
  }
  getSheets(): Sheet[] {
    this.rec('getSheets', []);
    return this.sheets.map((s) => s.real());
  }
  getSheetByName(name: string): Sheet | null {
    this.rec('getSheetByName', [name]);
    return this.sheets.find((s) => s.name === name)?.real() ?? null;
  }
  getNumSheets(): number {
    this.rec('getNumSheets', []);
    return this.sheets.length;
  }
  insertSheet(): Sheet;
  insertSheet(sheetIndex: number): Sheet;
  insertSheet(sheetIndex: number, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(options: { template?: Sheet | undefined }): Sheet;
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: number): Sheet;
  insertSheet(sheetName: string, sheetIndex: number, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(sheetName: string, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(a?: unknown, b?: unknown): Sheet {
    this.rec(
      'insertSheet',
      [a, b].filter((x) => x !== undefined),
    );
    const name = typeof a === 'string' ? a : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : this.sheets.indexOf(this.active!) + 1;
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(Math.min(index, this.sheets.length), 0, sheet);
    this.active = sheet;
    return sheet.real();
  }
  deleteSheet(sheet: Sheet): void {
    this.rec('deleteSheet', [(sheet as unknown as FakeSheet).name]);
    const s = sheet as unknown as FakeSheet;
    if (this.sheets.length === 1) throw new Error('You can’t remove all the sheets in a document.');
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.active === s) this.active = this.sheets[0];
    // Named ranges pointing at a deleted sheet disappear with it.
    for (const [n, r] of this.named) if (r.range.sheet === s) this.named.delete(n);
  }
  getNamedRanges(): NamedRange[] {
    this.rec('getNamedRanges', []);
    return [...this.named.values()].map((n) => n as unknown as NamedRange);
  }
  setNamedRange(name: string, range: Range): void {
    this.rec('setNamedRange', [name]);
    refuseRangeName(name);
    // Sheets replaces an existing name silently: the fake does too, so a clash would be visible in tests.
    this.named.set(name, new FakeNamedRange(this, name, range as unknown as FakeRange));
  }
  removeNamedRange(name: string): void {
    this.rec('removeNamedRange', [name]);
    if (!this.named.delete(name)) throw new Error(`Named range ${name} not found`);
  }
  getRangeByName(name: string): Range | null {
    this.rec('getRangeByName', [name]);
    return this.named.get(name)?.range.real() ?? null;
  }
  getRange(a1Notation: string): Range {
    this.rec('getRange', [a1Notation]);
    const p = parseRef(a1Notation);
    const sheet = p.sheet === undefined ? this.active! : this.sheet(p.sheet);
    return sheet.rangeAt(`${columnName(p.col)}${p.row}:${columnName(p.col + p.cols - 1)}${p.row + p.rows - 1}`).real();
  }
  getActiveSheet(): Sheet {
    this.rec('getActiveSheet', []);
    return this.active!.real();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.rec('setActiveSheet', [(sheet as unknown as FakeSheet).name]);
    const s = sheet as unknown as FakeSheet;
    if (!this.sheets.includes(s)) throw new Error('Sheet not found');
    this.active = s;
    return sheet;
  }
  getActiveRange(): Range | null {
    this.rec('getActiveRange', []);
    return this.selection ? this.selection.sheet.rangeAt(this.selection.a1).real() : null;
  }
  /** Test helper: the user activates a sheet and selects a range on it. */
  select(sheetName: string, a1: string): void {
    const sheet = this.sheet(sheetName);
    this.active = sheet;
    this.selection = { sheet, a1 };
  }
  toast(msg: string, title?: string): void {
    this.rec('toast', [msg, title]);
    this.toasts.push({ msg, title });
  }
  real(): Spreadsheet {
    return this as unknown as Spreadsheet;
  }
}

// ---------- builders ----------

class FakeDataValidationBuilder implements Pick<
  DataValidationBuilder,
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireFormulaSatisfied'
  | 'requireDate'
  | 'requireCheckbox'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build'
> {
  private state: FakeDataValidation = { criteria: 'NONE', args: [], allowInvalid: true };
  constructor(private readonly recorder: Recorder) {}
  private set(method: string, args: unknown[], f: () => void): DataValidationBuilder {
    this.recorder.record('builder', 'DataValidationBuilder', method, args);
    f();
    return this as unknown as DataValidationBuilder;
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    return this.set(
      'requireValueInList',
      [values, showDropdown],
      () => ((this.state.criteria = 'VALUE_IN_LIST'), (this.state.args = [values, showDropdown])),
    );
  }
  requireValueInRange(range: Range, showDropdown = true): DataValidationBuilder {
    const r = range as unknown as FakeRange;
    return this.set('requireValueInRange', [r.a1(), showDropdown], () => {
      this.state.criteria = 'VALUE_IN_RANGE';
      this.state.args = [{ sheet: r.sheet.name, a1: r.a1() }, showDropdown];
    });
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.set(
      'requireNumberBetween',
      [start, end],
      () => ((this.state.criteria = 'NUMBER_BETWEEN'), (this.state.args = [start, end])),
    );
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this.set(
      'requireNumberGreaterThanOrEqualTo',
      [number],
      () => ((this.state.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO'), (this.state.args = [number])),
    );
  }
  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this.set(
      'requireNumberLessThanOrEqualTo',
      [number],
      () => ((this.state.criteria = 'NUMBER_LESS_THAN_OR_EQUAL_TO'), (this.state.args = [number])),
    );
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.set(
      'requireFormulaSatisfied',
      [formula],
      () => ((this.state.criteria = 'CUSTOM_FORMULA'), (this.state.args = [formula])),
    );
  }
  requireDate(): DataValidationBuilder {
    return this.set('requireDate', [], () => ((this.state.criteria = 'DATE_IS_VALID_DATE'), (this.state.args = [])));
  }
  requireCheckbox(): DataValidationBuilder {
    return this.set('requireCheckbox', [], () => ((this.state.criteria = 'CHECKBOX'), (this.state.args = [])));
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    return this.set('setAllowInvalid', [allowInvalidData], () => (this.state.allowInvalid = allowInvalidData));
  }
  setHelpText(helpText: string): DataValidationBuilder {
    return this.set('setHelpText', [helpText], () => (this.state.helpText = helpText));
  }
  build(): DataValidation {
    this.recorder.record('builder', 'DataValidationBuilder', 'build', []);
    return { ...this.state } as unknown as DataValidation;
  }
}

class FakeConditionalFormatRuleBuilder implements Pick<
  ConditionalFormatRuleBuilder,
  | 'setRanges'
  | 'whenFormulaSatisfied'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setGradientMinpointWithValue'
  | 'setGradientMidpointWithValue'
  | 'setGradientMaxpointWithValue'
  | 'build'
> {
  private state: FakeConditionalRule = { style: {}, ranges: [] };
  constructor(private readonly recorder: Recorder) {}
  private set(method: string, args: unknown[], f: () => void): ConditionalFormatRuleBuilder {
    this.recorder.record('builder', 'ConditionalFormatRuleBuilder', method, args);
    f();
    return this as unknown as ConditionalFormatRuleBuilder;
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    const rs = ranges as unknown as FakeRange[];
    return this.set(
      'setRanges',
      [rs.map((r) => r.a1())],
      () => (this.state.ranges = rs.map((r) => ({ sheet: r.sheet.name, a1: r.a1() }))),
    );
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this.set(
      'whenFormulaSatisfied',
      [formula],
      () => (this.state.condition = { type: 'CUSTOM_FORMULA', formula }),
    );
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this.set('setBackground', [color], () => (this.state.style.background = color));
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this.set('setFontColor', [color], () => (this.state.style.fontColor = color));
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    return this.set('setBold', [bold], () => (this.state.style.bold = bold));
  }
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    return this.set('setItalic', [italic], () => (this.state.style.italic = italic));
  }
  private point(name: string, color: string, type: unknown, value: string): ConditionalFormatRuleBuilder {
    return this.set(`setGradient${name}pointWithValue`, [color, type, value], () => {
      this.state.gradient = [...(this.state.gradient ?? []), { point: name.toLowerCase(), color, type, value }];
    });
  }
  setGradientMinpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): ConditionalFormatRuleBuilder {
    return this.point('Min', color, type, value);
  }
  setGradientMidpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): ConditionalFormatRuleBuilder {
    return this.point('Mid', color, type, value);
  }
  setGradientMaxpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): ConditionalFormatRuleBuilder {
    return this.point('Max', color, type, value);
  }
  build(): ConditionalFormatRule {
    this.recorder.record('builder', 'ConditionalFormatRuleBuilder', 'build', []);
    refuseIncompleteRule(this.state);
    return { state: JSON.parse(JSON.stringify(this.state)) } as unknown as ConditionalFormatRule;
  }
}

// ---------- Ui, HtmlService ----------

export interface MenuRecord {
  title: string;
  items: Array<{ caption: string; fn: string } | { separator: true } | { submenu: MenuRecord }>;
  addedToUi: boolean;
}

export class FakeMenu implements Pick<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  readonly record: MenuRecord;
  constructor(
    private readonly recorder: Recorder,
    title: string,
  ) {
    this.record = { title, items: [], addedToUi: false };
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.recorder.record('ui', `Menu(${this.record.title})`, 'addItem', [caption, functionName]);
    this.record.items.push({ caption, fn: functionName });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.record.items.push({ separator: true });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    this.record.items.push({ submenu: (menu as unknown as FakeMenu).record });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addToUi(): void {
    this.record.addedToUi = true;
  }
}

export class FakeHtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'setTitle' | 'append' | 'getContent' | 'getTitle'
> {
  title = '';
  constructor(public content: string) {}
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content += addedContent;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getContent(): string {
    return this.content;
  }
  getTitle(): string {
    return this.title;
  }
}

export class FakeUi implements Pick<
  GoogleAppsScript.Base.Ui,
  'createAddonMenu' | 'createMenu' | 'alert' | 'showSidebar'
> {
  menus: MenuRecord[] = [];
  alerts: string[][] = [];
  sidebars: FakeHtmlOutput[] = [];
  readonly ButtonSet = {
    OK: 'OK',
    OK_CANCEL: 'OK_CANCEL',
    YES_NO: 'YES_NO',
    YES_NO_CANCEL: 'YES_NO_CANCEL',
  } as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  readonly Button = {
    OK: 'OK',
    CANCEL: 'CANCEL',
    YES: 'YES',
    NO: 'NO',
    CLOSE: 'CLOSE',
  } as unknown as typeof GoogleAppsScript.Base.Button;
  constructor(private readonly recorder: Recorder) {}
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    const m = new FakeMenu(this.recorder, '(add-on menu)');
    this.menus.push(m.record);
    return m as unknown as GoogleAppsScript.Base.Menu;
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new FakeMenu(this.recorder, caption) as unknown as GoogleAppsScript.Base.Menu;
  }
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.recorder.record('ui', 'Ui', 'alert', args);
    this.alerts.push(args.filter((a): a is string => typeof a === 'string'));
    return this.Button.OK;
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.recorder.record('ui', 'Ui', 'showSidebar', []);
    this.sidebars.push(userInterface as unknown as FakeHtmlOutput);
  }
}

/** Enum objects whose members are their own names (what a test needs to read back). */
function namesEnum<T>(names: string[]): T {
  return Object.fromEntries(names.map((n) => [n, n])) as unknown as T;
}

export interface SheetsFake {
  recorder: Recorder;
  ss: FakeSpreadsheet;
  ui: FakeUi;
  /** The globals Apps Script provides: pass to loadSheetsBundle or install on globalThis. */
  globals: {
    SpreadsheetApp: Pick<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      | 'getActiveSpreadsheet'
      | 'getActive'
      | 'getUi'
      | 'newDataValidation'
      | 'newConditionalFormatRule'
      | 'flush'
      | 'BandingTheme'
      | 'InterpolationType'
    >;
    HtmlService: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'>;
    Charts: Pick<typeof GoogleAppsScript.Charts, 'ChartType'> & Record<string, unknown>;
    Utilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'sleep'>;
    Session: Pick<GoogleAppsScript.Base.Session, 'getScriptTimeZone'>;
    LockService: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'>;
  };
  /** The spreadsheet's document lock (holder: the execution that has it). */
  lock: DocumentLockState;
  /** Plays another execution (another editor's insert) that holds the document lock for `forMs` more ms. */
  holdLockElsewhere(forMs: number): void;
  /**
   * Ends an execution that was killed (Apps Script stops an execution at its time limit without running its `finally`):
   * its document lock goes with it, as Lock.releaseLock documents ("The lock is automatically released when the
   * script terminates").
   */
  endKilledExecution(): void;
  /** Service calls recorded (excluding local builders and the Ui). */
  serviceCalls(): number;
}

/**
 * The document lock of one spreadsheet. `holder`: an execution of this thread that has it (it cannot finish while
 * another waits, so it is never released by waiting). `elsewhere`: another execution (another editor's insert)
 * holding it for `forMs` more milliseconds, played with `holdLockElsewhere`; `waitedMs`: the time our
 * executions spent waiting for it.
 */
export interface DocumentLockState {
  holder?: FakeLock;
  elsewhere?: { forMs: number };
  waitedMs?: number;
}

/**
 * Waiting for a lock another execution holds (issue #25): "tryLock(timeoutInMillis): Attempts to acquire the
 * lock, timing out after the provided number of milliseconds" and waitLock "throws an exception if the lock
 * could not be acquired" in that time (https://developers.google.com/apps-script/reference/lock/lock#trylocktimeoutinmillis).
 * So a hold of N ms ends within a wait of at least N ms (the lock is then ours, after N ms), and a shorter wait
 * is refused after waiting the whole timeout.
 */
export function waitForHolderElsewhere(doc: DocumentLockState, timeoutInMillis: number): boolean {
  if (!doc.elsewhere) return true;
  const wait = Math.max(0, timeoutInMillis);
  if (doc.elsewhere.forMs > wait) {
    doc.waitedMs = (doc.waitedMs ?? 0) + wait;
    return false;
  }
  doc.waitedMs = (doc.waitedMs ?? 0) + doc.elsewhere.forMs;
  doc.elsewhere = undefined;
  return true;
}

/** LockService's document lock: one holder per spreadsheet; waits as long as it is told (waitForHolderElsewhere). */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  private mine = false;
  constructor(
    private readonly doc: DocumentLockState,
    private readonly recorder: Recorder,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    this.recorder.record('lock', 'Lock', 'tryLock', [timeoutInMillis]);
    if (this.mine) return true;
    if (this.doc.holder) return false;
    if (!waitForHolderElsewhere(this.doc, timeoutInMillis)) return false;
    this.doc.holder = this;
    this.mine = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.recorder.record('lock', 'Lock', 'releaseLock', []);
    if (!this.mine) return;
    this.mine = false;
    this.doc.holder = undefined;
  }
  hasLock(): boolean {
    return this.mine;
  }
}

export interface SheetsFakeOptions {
  /** The spreadsheet's time zone (default Etc/UTC). */
  timeZone?: string;
  /** The spreadsheet's locale (default en_US). */
  locale?: string;
  /** Calculate formulas with a host engine (test/fakes/host-engine.ts), so getValues returns computed values. */
  engine?: boolean | Pick<HostEngineOptions, 'tamper'>;
  /**
   * `none`: getDocumentLock() returns null, as documented "if called from a standalone script or webapp"; whether an
   * installed editor add-on gets a lock is undocumented, so the code must work without one.
   */
  documentLock?: 'none';
}

/** The decimal separator of a Sheets locale ("de_DE" → ","), from CLDR through Intl. */
export function localeDecimal(locale: string): '.' | ',' {
  const parts = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}

/** `'Sheet'!$A$2:$A$51` for a fake range. */
function absoluteRef(r: FakeRange): string {
  const [a, b = a] = r.a1().split(':');
  const abs = (x: string): string => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `'${r.sheet.name.replace(/'/g, "''")}'!${abs(a)}:${abs(b)}`;
}

/** A fresh spreadsheet with the given user sheets, and the Apps Script globals to go with it. */
export function createSheetsFake(
  sheetNames: string[] = ['Sheet1'],
  files: Record<string, string> = { Sidebar: '<div id="app"></div>' },
  options: SheetsFakeOptions = {},
): SheetsFake {
  const recorder = new Recorder();
  const lock: DocumentLockState = {};
  const ss = new FakeSpreadsheet(recorder, sheetNames);
  if (options.timeZone) ss.timeZone = options.timeZone;
  if (options.locale) ss.locale = options.locale;
  if (options.engine) {
    const tamper = typeof options.engine === 'object' ? options.engine.tamper : undefined;
    ss.engine = new HostEngine(
      () => recorder.mutations,
      () => ss.engineBook(),
      {
        decimal: localeDecimal(ss.locale),
        tamper,
      },
    );
  }
  const ui = new FakeUi(recorder);
  const SpreadsheetApp = {
    getActiveSpreadsheet: (): Spreadsheet => {
      recorder.record('service', 'SpreadsheetApp', 'getActiveSpreadsheet', []);
      return ss.real();
    },
    getActive: (): Spreadsheet => {
      recorder.record('service', 'SpreadsheetApp', 'getActive', []);
      return ss.real();
    },
    getUi: (): GoogleAppsScript.Base.Ui => ui as unknown as GoogleAppsScript.Base.Ui,
    newDataValidation: (): DataValidationBuilder => {
      recorder.record('builder', 'SpreadsheetApp', 'newDataValidation', []);
      return new FakeDataValidationBuilder(recorder) as unknown as DataValidationBuilder;
    },
    newConditionalFormatRule: (): ConditionalFormatRuleBuilder => {
      recorder.record('builder', 'SpreadsheetApp', 'newConditionalFormatRule', []);
      return new FakeConditionalFormatRuleBuilder(recorder) as unknown as ConditionalFormatRuleBuilder;
    },
    flush: (): void => {
      recorder.record('service', 'SpreadsheetApp', 'flush', []);
    },
    BandingTheme: namesEnum<SS['BandingTheme']>([
      'LIGHT_GREY',
      'CYAN',
      'GREEN',
      'YELLOW',
      'ORANGE',
      'BLUE',
      'TEAL',
      'GREY',
      'BROWN',
      'LIGHT_GREEN',
      'INDIGO',
      'PINK',
    ]),
    InterpolationType: namesEnum<SS['InterpolationType']>(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  };
  const HtmlService = {
    createHtmlOutputFromFile: (filename: string): GoogleAppsScript.HTML.HtmlOutput => {
      if (!(filename in files)) throw new Error(`No HTML file named ${filename} was found.`);
      return new FakeHtmlOutput(files[filename]) as unknown as GoogleAppsScript.HTML.HtmlOutput;
    },
    createHtmlOutput: (html?: string): GoogleAppsScript.HTML.HtmlOutput =>
      new FakeHtmlOutput(String(html ?? '')) as unknown as GoogleAppsScript.HTML.HtmlOutput,
  } as SheetsFake['globals']['HtmlService'];
  const Charts = {
    ChartType: namesEnum<typeof GoogleAppsScript.Charts.ChartType>([
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'RADAR',
      'LINE',
      'ORG',
      'PIE',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TIMELINE',
      'TREEMAP',
      'WATERFALL',
    ]),
    Position: namesEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE']),
    CurveStyle: namesEnum(['NORMAL', 'SMOOTH']),
    PointStyle: namesEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']),
    ChartHiddenDimensionStrategy: namesEnum(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']),
    ChartMergeStrategy: namesEnum(['MERGE_COLUMNS', 'MERGE_ROWS']),
  };
  // Utilities.formatDate(date, timeZone, format): "Formats date according to specification described in
  // Java SE SimpleDateFormat class" in the given zone (Apps Script reference, Class Utilities).
  const Utilities = {
    formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string => {
      recorder.record('service', 'Utilities', 'formatDate', [timeZone, format]);
      return formatInZone(date as unknown as Date, timeZone, format);
    },
    sleep: (milliseconds: number): void => {
      recorder.record('service', 'Utilities', 'sleep', [milliseconds]);
    },
  };
  // The script's own zone (appsscript.json "timeZone": "Etc/UTC"), which may differ from the spreadsheet's.
  const Session = { getScriptTimeZone: (): string => 'Etc/UTC' };
  return {
    recorder,
    ss,
    ui,
    globals: {
      SpreadsheetApp: SpreadsheetApp as SheetsFake['globals']['SpreadsheetApp'],
      HtmlService,
      Charts,
      Utilities,
      Session,
      LockService: {
        getDocumentLock: () =>
          (options.documentLock === 'none'
            ? null
            : new FakeLock(lock, recorder)) as unknown as GoogleAppsScript.Lock.Lock,
      },
    },
    lock,
    holdLockElsewhere: (forMs: number) => {
      lock.elsewhere = { forMs };
    },
    endKilledExecution: () => {
      lock.holder = undefined;
    },
    serviceCalls: () => recorder.count('service'),
  };
}

/** Installs the fake's globals on globalThis (for jest tests that import host code directly). */
export function installSheetsGlobals(fake: SheetsFake): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = {
    SpreadsheetApp: g.SpreadsheetApp,
    HtmlService: g.HtmlService,
    Charts: g.Charts,
    Utilities: g.Utilities,
    Session: g.Session,
    LockService: g.LockService,
  };
  Object.assign(g, fake.globals);
  return () => Object.assign(g, saved);
}

/** Runs `f` with the fake's Apps Script globals installed, and restores the previous globals afterwards. */
export function withSheetsGlobals<T>(fake: SheetsFake, f: () => T): T {
  const restore = installSheetsGlobals(fake);
  try {
    return f();
  } finally {
    restore();
  }
}
