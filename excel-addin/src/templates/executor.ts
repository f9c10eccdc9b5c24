/**
 * The Excel executor: applies a render plan inside Excel.run in three round trips (the third split into several only
 * where one request would pass the size Excel takes, request-budget.ts):
 *
 *  1. read what the workbook already has (worksheet, defined-name and table names); resolvePlan picks
 *     fresh names ("Roadmap (2)");
 *  2. create the structure: the worksheets (at the end, not activated), the named ranges and the tables,
 *     each followed by `context.trace` and a load of its `id`. When this batch fails part-way (Office.js runs
 *     a batch in order and stops at the first failing operation, keeping what ran before it), the error's
 *     `traceMessages` say exactly which adds ran; a worksheet or name someone else created meanwhile (a
 *     co-author, a second task pane, a quick second click) makes our add fail and is never touched;
 *  3. fill and format every sheet (its `formulas` and number formats in as few row blocks as keep each request
 *     under 1 MB, styles, validation, conditional formats, frozen panes, widths, hidden helper columns, tab colour,
 *     charts), then activate; a sync is made between two writes only when the next would take the request past
 *     the budget, so a small template is still filled in one request.
 *
 * On a failure only what this run created is removed: after round trip 2 by the ids it loaded, during it by
 * the adds its traces confirm (a name is unique at the moment of its add, so the sheet or name that add
 * created is ours). Defined names are removed only when they are ours and still refer to one of our sheets.
 * Tables live on our sheets and go with them. Nothing that existed before, or that someone else added, is
 * ever written, renamed or deleted, and the error says exactly what happened (shared/plan/report.ts).
 */
import type {
  CellStyle,
  ChartOp,
  ConditionalFormatOp,
  RenderPlan,
  SheetPlan,
  ValidationOp,
} from '../../../shared/plan/plan';
import { quoteSheet, resolvePlan } from '../../../shared/plan/resolve';
import { appliedSteps, type SheetStep, type StepTable, type WorkbookStep } from '../../../shared/plan/plan-steps';
import { colLetter, parseRange } from '../../../shared/a1/a1';
import { cellsFor } from '../../../shared/plan/host-cells';
import { indexRuns, runs } from '../../../shared/a1/a1';
import {
  hostErrorText as errorText,
  insertFailedMessage,
  renamedSheets,
  successMessage,
  withCause,
  type Cleanup,
  type InsertReport,
} from '../../../shared/plan/report';
import { addExcelCharts, PX_TO_PT } from './charts';
import { OP_ESTIMATE, RequestBudget, writeGrid } from './request-budget';
import { EXCEL_API_REQUIRED, hostApiSupport, type ApiSupport } from './requirements';
import { setPrintLayout } from './print-layout';
import { maxOf } from '../../../shared/core/extremes';
import { VALIDATION_ALERT_TITLE, validationAlert } from '../../../shared/plan/validation-messages';

export interface ExcelExecutorOptions {
  /** Queues the charts of one sheet (default: addExcelCharts from ./charts); must not sync. */
  addCharts?: (sheet: Excel.Worksheet, charts: ChartOp[], supports: ApiSupport) => void;
  /** Which ExcelApi versions the host supports (default: Office.context.requirements). */
  supports?: ApiSupport;
}

/** Excel column widths are in points; plans give pixels (96 dpi: 1 px = 0.75 pt). */
export function pxToPoints(px: number): number {
  return Math.round(px * PX_TO_PT * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

export async function applyPlanExcel(
  context: Excel.RequestContext,
  plan: RenderPlan,
  options: ExcelExecutorOptions = {},
): Promise<InsertReport> {
  const supports = options.supports ?? hostApiSupport();
  if (!supports(EXCEL_API_REQUIRED)) {
    // The manifest keeps the add-in off such hosts; this is the belt to that brace. Nothing is queued yet.
    throw new Error(
      `${plan.title} was not inserted: this version of Excel does not support the Excel JavaScript API ${EXCEL_API_REQUIRED} (data validation, chart axes and labels), which templates need. Nothing was added; Excel for the web and Microsoft 365 support it.`,
    );
  }
  const existing = await readExisting(context); // round trip 1
  const { plan: p } = resolvePlan(plan, existing);
  const created = await createStructure(context, p, plan.title); // round trip 2
  try {
    const listSource = listSourceOf(p, created.byKey);
    // Round trip 3, split into more when a request would grow past the budget (request-budget.ts).
    const budget = new RequestBudget(context);
    for (const s of p.sheets) await fillSheet(created.byKey.get(s.key)!, s, { options, supports, listSource, budget });
    // Built fully before it is shown.
    (created.byKey.get(p.activate) ?? created.byKey.get(p.sheets[0]?.key ?? ''))?.activate();
    await context.sync();
  } catch (e) {
    const ours = { sheets: created.sheets.map(({ name, ws }) => ({ name, id: ws.id })), names: created.names };
    const cleanup = await removeOurs(context, ours);
    throw withCause(insertFailedMessage(plan.title, `Excel reported "${errorText(e)}"`, cleanup), e);
  }
  const sheets = p.sheets.map((s) => s.name);
  const renamed = renamedSheets(plan, p);
  return {
    templateId: plan.templateId,
    title: plan.title,
    sheets,
    namedRanges: p.namedRanges.map((n) => n.name),
    tables: p.sheets.filter((s) => s.table).map((s) => s.table!.name),
    renamed,
    message: successMessage(plan.title, sheets, renamed),
    sheetIds: created.sheets.map(({ ws }) => ws.id),
  };
}

/** Round trip 1: the names the workbook has (worksheets, defined names, tables share Excel's name rules). */
async function readExisting(
  context: Excel.RequestContext,
): Promise<{ sheets: string[]; namedRanges: string[]; tables: string[] }> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const names = wb.names.load('items/name');
  const tables = wb.tables.load('items/name');
  await context.sync();
  return {
    sheets: sheets.items.map((s) => s.name),
    namedRanges: names.items.map((n) => n.name),
    tables: tables.items.map((t) => t.name),
  };
}

/** What round trip 2 created: the worksheets (ids loaded), the names, the tables. */
interface Created {
  byKey: Map<string, Excel.Worksheet>;
  sheets: Array<{ name: string; ws: Excel.Worksheet }>;
  names: string[];
  tables: Array<{ name: string; table: Excel.Table }>;
}

/** One structure operation, in batch order, as its trace names it. */
interface Step {
  trace: string;
  kind: 'sheet' | 'name' | 'table';
  name: string;
}

/** Queues round trip 2: each add, then a load of its id, then a trace saying it ran. */
function queueStructure(context: Excel.RequestContext, p: RenderPlan): { created: Created; steps: Step[] } {
  const wb = context.workbook;
  const created: Created = { byKey: new Map(), sheets: [], names: [], tables: [] };
  const steps: Step[] = [];
  const done = (kind: Step['kind'], name: string): void => {
    const trace = `${kind} ${steps.length}`;
    steps.push({ trace, kind, name });
    context.trace(trace);
  };
  for (const s of p.sheets) {
    const ws = wb.worksheets.add(s.name);
    ws.load('id');
    created.byKey.set(s.key, ws);
    created.sheets.push({ name: s.name, ws });
    done('sheet', s.name);
  }
  for (const n of p.namedRanges) {
    const ws = created.byKey.get(n.sheet);
    if (!ws) throw new Error(`named range ${n.name} refers to sheet key "${n.sheet}", which the plan does not create`);
    wb.names.add(n.name, ws.getRange(n.range));
    created.names.push(n.name);
    done('name', n.name);
  }
  for (const s of p.sheets) {
    if (!s.table) continue;
    const t = created.byKey.get(s.key)!.tables.add(created.byKey.get(s.key)!.getRange(s.table.range), s.headerRows > 0);
    t.name = s.table.name;
    if (s.table.style) t.style = s.table.style;
    t.load('id');
    created.tables.push({ name: s.table.name, table: t });
    done('table', s.table.name);
  }
  return { created, steps };
}

/** Round trip 2. On failure: removes what the traces show was added, then throws the message. */
async function createStructure(context: Excel.RequestContext, p: RenderPlan, title: string): Promise<Created> {
  const { created, steps } = queueStructure(context, p);
  try {
    await context.sync();
    return created;
  } catch (e) {
    const traced = (e as { traceMessages?: unknown } | null)?.traceMessages;
    const ran = Array.isArray(traced) ? new Set(traced) : undefined;
    const added = (kind: Step['kind']): string[] =>
      steps.filter((st) => st.kind === kind && (!ran || ran.has(st.trace))).map((st) => st.name);
    // Without traces nothing is known to be ours: nothing is removed, and the message says what to check.
    const cleanup: Cleanup = ran
      ? await removeOurs(context, { sheets: added('sheet').map((name) => ({ name })), names: added('name') })
      : { removed: [], left: added('sheet'), uncertain: true };
    const failing = ran ? steps.find((st) => !ran.has(st.trace)) : undefined;
    const code = (e as { code?: unknown } | null)?.code;
    const taken =
      failing && failing.kind !== 'table' && code === 'ItemAlreadyExists'
        ? { kind: failing.kind, name: failing.name }
        : undefined;
    throw withCause(insertFailedMessage(title, `Excel reported "${errorText(e)}"`, cleanup, taken), e);
  }
}

/** Does a name's formula refer to one of these sheets? Excel quotes a sheet name only where it must:
 * "='Strategic Themes'!$A$2:$A$51", "=Roadmap!$A$2:$A$9". */
function refersTo(formula: string, sheets: string[]): boolean {
  return sheets.some((s) => formula.includes(`${quoteSheet(s)}!`) || formula.startsWith(`=${s}!`));
}

/**
 * Removes this run's sheets (by id when known, else by the name its confirmed add gave it) and its defined
 * names (only those still referring to one of its sheets), in one read and one write. Never throws.
 */
async function removeOurs(
  context: Excel.RequestContext,
  ours: { sheets: Array<{ name: string; id?: string }>; names: string[] },
): Promise<Cleanup> {
  if (ours.sheets.length === 0 && ours.names.length === 0) return { removed: [], left: [] };
  try {
    const sheets = context.workbook.worksheets.load('items/name,items/id');
    const names = context.workbook.names.load('items/name,items/formula');
    await context.sync();
    const mine = sheets.items.filter((ws) =>
      ours.sheets.some((o) => (o.id !== undefined ? o.id === ws.id : o.name.toLowerCase() === ws.name.toLowerCase())),
    );
    const mineNames = mine.map((ws) => ws.name);
    const wanted = new Set(ours.names.map((n) => n.toLowerCase()));
    for (const n of names.items) if (wanted.has(n.name.toLowerCase()) && refersTo(n.formula, mineNames)) n.delete();
    for (const ws of mine) ws.delete();
    await context.sync();
    return { removed: mineNames, left: [] };
  } catch (e) {
    return { removed: [], left: ours.sheets.map((s) => s.name), failed: errorText(e) };
  }
}

function filled<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

function size(a1: string): { rows: number; cols: number } {
  const r = parseRange(a1);
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

/**
 * A list validation's source as the Range object it names: `ListDataValidation.source` "can be passed in as a
 * Range object", which needs no defined name to exist when the rule is set (a name added earlier in the same
 * batch is not documented to work as "=ThemeNames"). Sources outside this template stay formulas.
 */
export function listSourceOf(p: RenderPlan, byKey: Map<string, Excel.Worksheet>): ListSource {
  return (source) => {
    const text = source.replace(/^=/, '');
    const named = p.namedRanges.find((n) => n.name === text);
    const ws = named && byKey.get(named.sheet);
    return ws ? ws.getRange(named.range) : `=${text}`;
  };
}

/** Resolves a `listFromRange` source to what Excel takes. */
export type ListSource = (source: string) => Excel.Range | string;

export interface FillContext {
  options: ExcelExecutorOptions;
  supports: ApiSupport;
  listSource: ListSource;
  budget: RequestBudget;
}

/** How the Excel executor applies one field of a sheet plan: queued, with a sync only when the budget says so. */
export type ExcelApply = (ws: Excel.Worksheet, s: SheetPlan, fill: FillContext) => void | Promise<void>;

/**
 * The steps of one sheet, in order (round trip 3): one entry per field of the sheet plan (plan-steps.ts). Number
 * formats come before the values, so a text column ("@") keeps "$1M" as typed text.
 */
export const EXCEL_STEPS: StepTable<SheetStep, ExcelApply> = {
  numberFormats: { doing: 'setting number formats', run: writeNumberFormats },
  cells: { doing: 'writing values and formulas', run: writeSheetCells },
  hostCells: { by: 'cells (cellsFor lays the Excel cells over the common ones)' },
  formats: {
    doing: 'formatting',
    run: async (ws, s, { budget }) => {
      // Room in the request for this and the steps that follow, up to the charts.
      await budget.room(otherActions(s) * OP_ESTIMATE);
      for (const f of s.formats) applyStyle(ws.getRange(f.range).format, f.style);
    },
  },
  validations: {
    doing: 'adding data validation',
    run: (ws, s, { listSource }) => {
      for (const v of s.validations) setValidation(ws.getRange(v.range).dataValidation, v, listSource);
    },
  },
  computed: {
    doing: 'marking computed columns',
    when: (s) => (s.computed ?? []).length > 0,
    run: markComputed,
  },
  conditionalFormats: {
    doing: 'adding conditional formats',
    run: (ws, s) => s.conditionalFormats.forEach((c) => addConditionalFormat(ws.getRange(c.range), c)),
  },
  table: { by: 'queueStructure (round trip 2), with the sheets and the named ranges' },
  headerRows: { by: 'table (whether the table has a header row)' },
  frozenRows: { doing: 'freezing the header', run: freezePanes },
  frozenColumns: { by: 'frozenRows (one freezePanes call for both)' },
  columnWidths: {
    doing: 'setting column widths',
    run: (ws, s) => {
      for (const run of runs(s.columnWidths))
        if (run.value > 0) ws.getRangeByIndexes(0, run.start, 1, run.count).format.columnWidth = pxToPoints(run.value);
    },
  },
  hiddenColumns: {
    doing: 'hiding helper columns',
    run: (ws, s) => {
      for (const run of indexRuns(s.hiddenColumns ?? []))
        ws.getRange(`${colLetter(run.start)}:${colLetter(run.start + run.count - 1)}`).columnHidden = true;
    },
  },
  tabColor: {
    doing: 'colouring the tab',
    when: (s) => !!s.tabColor,
    run: (ws, s) => void (ws.tabColor = s.tabColor!),
  },
  charts: {
    doing: 'adding charts',
    when: (s) => s.charts.length > 0,
    run: async (ws, s, { budget, options, supports }) => {
      await budget.room(chartActions(s) * OP_ESTIMATE);
      (options.addCharts ?? addExcelCharts)(ws, s.charts, supports);
    },
  },
  printOrientation: {
    doing: 'setting up printing',
    // Worksheet.pageLayout is ExcelApi 1.9: where the host has it (print-layout.ts guards), else nothing is called.
    run: (ws, s, { supports }) => setPrintLayout(ws, s, supports),
  },
  note: { not: 'the task pane reports the sheets inserted, not their notes (the preview shows them)' },
};

/** The steps of the workbook: the named ranges in round trip 2, the sheet to show once every sheet is filled. */
export const EXCEL_WORKBOOK_STEPS: StepTable<WorkbookStep, never> = {
  namedRanges: { by: 'queueStructure (round trip 2), after the sheets' },
  activate: { by: 'applyPlanExcel, once every sheet is filled' },
};

/** Number formats, in row blocks that keep each request under the budget. */
async function writeNumberFormats(ws: Excel.Worksheet, s: SheetPlan, { budget }: FillContext): Promise<void> {
  for (const f of s.numberFormats) {
    const r = parseRange(f.range);
    const { rows, cols } = size(f.range);
    await writeGrid(ws, r.top - 1, r.left - 1, filled(rows, cols, f.format), 'numberFormat', budget);
  }
}

/** The cells (Excel's own laid over the common ones), in row blocks that keep each request under the budget. */
async function writeSheetCells(ws: Excel.Worksheet, s: SheetPlan, { budget }: FillContext): Promise<void> {
  const cells = cellsFor(s, 'excel');
  const width = maxOf(
    cells.map((r) => r.length),
    0,
  );
  const grid = cells.map((row) =>
    Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : row[c])),
  );
  await writeGrid(ws, 0, 0, grid, 'formulas', budget);
}

/** Actions of a sheet besides its grids and charts, for the request budget. */
function otherActions(s: SheetPlan): number {
  const guarded = s.validations.length + (s.computed ?? []).length;
  return 10 + s.formats.length + guarded + 4 * s.conditionalFormats.length + s.columnWidths.length;
}

/** Actions of a sheet's charts: their own calls, and up to four per point of each series (its data label). */
function chartActions(s: SheetPlan): number {
  const points = (range: string | undefined): number => (range ? size(range).rows : 0);
  return s.charts.reduce((n, c) => n + 40 + (c.series ?? []).reduce((m, x) => m + 5 + 4 * points(x.values), 0), 0);
}

/** Frozen header rows and columns: both at once with freezeAt, else the one there is. */
function freezePanes(ws: Excel.Worksheet, s: SheetPlan): void {
  if (s.frozenRows > 0 && s.frozenColumns > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.frozenRows, s.frozenColumns));
  else if (s.frozenRows > 0) ws.freezePanes.freezeRows(s.frozenRows);
  else if (s.frozenColumns > 0) ws.freezePanes.freezeColumns(s.frozenColumns);
}

async function fillSheet(ws: Excel.Worksheet, s: SheetPlan, fill: FillContext): Promise<void> {
  for (const step of appliedSteps(EXCEL_STEPS)) if (!step.when || step.when(s)) await step.run(ws, s, fill);
}

/**
 * Each computed column's note as the prompt of its header and data cells (no rule: a prompt alone, as Excel's
 * "Any value" with an input message; DataValidation.prompt, ExcelApi 1.8, title ≤ 32 and message ≤ 255
 * characters). No protection: Excel's sheet protection would also block the user's own edits and row inserts,
 * and Excel has no warning-only protection. Notes (Worksheet.notes) need ExcelApi 1.18, above our floor of 1.8.
 */
function markComputed(ws: Excel.Worksheet, s: SheetPlan): void {
  for (const op of s.computed ?? []) {
    const to = op.range.split(':').pop()!;
    const prompt = { showPrompt: true, title: op.title.slice(0, 32), message: op.note.slice(0, 255) };
    ws.getRange(`${op.headerCell}:${to}`).dataValidation.prompt = prompt;
  }
}

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
}

/** The Excel data validation rule for a plan rule (a list source is the Range it names, see listSourceOf). */
export function excelRule(
  rule: ValidationOp['rule'],
  listSource: ListSource = (src) => (src.startsWith('=') ? src : `=${src}`),
): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'listFromRange':
      return { list: { inCellDropDown: true, source: listSource(rule.source) } };
    case 'number': {
      const basic: Excel.BasicDataValidation =
        rule.min !== undefined && rule.max !== undefined
          ? { formula1: rule.min, formula2: rule.max, operator: 'Between' }
          : rule.min !== undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : rule.max !== undefined
              ? { formula1: rule.max, operator: 'LessThanOrEqualTo' }
              : { formula1: -9.99e307, operator: 'GreaterThanOrEqualTo' };
      return rule.integer ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' } };
  }
}

function setValidation(dv: Excel.DataValidation, op: ValidationOp, listSource: ListSource): void {
  dv.rule = excelRule(op.rule, listSource);
  if (op.help) dv.prompt = { showPrompt: true, title: '', message: op.help.slice(0, 255) };
  dv.errorAlert = {
    showAlert: true,
    style: op.strict ? 'Stop' : 'Warning',
    title: VALIDATION_ALERT_TITLE,
    message: (op.help ?? validationAlert(op.rule)).slice(0, 255),
  };
}

function addConditionalFormat(range: Excel.Range, op: ConditionalFormatOp): void {
  const rule = op.rule;
  switch (rule.kind) {
    case 'formula': {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula;
      const st = op.style ?? {};
      if (st.fill) cf.custom.format.fill.color = st.fill;
      if (st.fontColor) cf.custom.format.font.color = st.fontColor;
      if (st.bold !== undefined) cf.custom.format.font.bold = st.bold;
      if (st.italic !== undefined) cf.custom.format.font.italic = st.italic;
      break;
    }
    case 'colorScale': {
      const cf = range.conditionalFormats.add('ColorScale');
      cf.colorScale.criteria = {
        minimum: { type: 'Number', formula: String(rule.min.value), color: rule.min.color },
        ...(rule.mid ? { midpoint: { type: 'Number', formula: String(rule.mid.value), color: rule.mid.color } } : {}),
        maximum: { type: 'Number', formula: String(rule.max.value), color: rule.max.color },
      };
      break;
    }
    case 'dataBar': {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.barDirection = 'LeftToRight';
      cf.dataBar.positiveFormat.fillColor = rule.color;
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: String(rule.min) };
      cf.dataBar.upperBoundRule = { type: 'Number', formula: String(rule.max) };
      break;
    }
  }
}
