/**
 * The Excel executor: applies a render plan inside Excel.run with at most two context.sync() calls.
 *
 *  sync #1 reads what the workbook already has (worksheet, defined-name and table names);
 *  resolvePlan picks fresh names; then everything is queued: the worksheets (at the end), the named
 *  ranges, one `formulas` write per sheet (constants and formulas together: Range.formulas accepts
 *  plain values), number formats, styles, data validation, conditional formats, the table, frozen
 *  panes, column widths, hidden helper columns, tab colour and charts, and only then activation;
 *  sync #2 commits. The number of syncs never depends on the number of rows.
 *
 * A failure mid-way leaves no half-built sheet behind: Office.js applies a batch in order and stops
 * at the failing operation, so if sync #2 fails, the sheets and names this run added (their names
 * were free before, so anything by those names now is ours) are deleted in a cleanup batch and a
 * clear error is thrown. Nothing that existed before is ever written, renamed or deleted.
 */
import type {
  CellStyle,
  ChartOp,
  ConditionalFormatOp,
  RenderPlan,
  SheetPlan,
  ValidationOp,
} from '../../../shared/templates/plan';
import { resolvePlan } from '../../../shared/templates/resolve';
import { colLetter, parseRange } from '../../../shared/templates/a1';
import { cellsFor } from '../../../shared/templates/host-cells';
import { indexRuns, runs } from '../../../shared/templates/a1';
import {
  hostErrorText as errorText,
  renamedSheets,
  successMessage,
  withCause,
  type InsertReport,
} from '../../../shared/templates/report';
import { addExcelCharts, PX_TO_PT } from './charts';
import { EXCEL_API_REQUIRED, hostApiSupport, type ApiSupport } from './requirements';
import { maxOf } from '../../../shared/core/extremes';

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
  const wb = context.workbook;
  // sync #1: names only.
  const sheetsBefore = wb.worksheets.load('items/name');
  const namesBefore = wb.names.load('items/name');
  const tablesBefore = wb.tables.load('items/name');
  await context.sync();
  const existing = {
    sheets: sheetsBefore.items.map((s) => s.name),
    namedRanges: namesBefore.items.map((n) => n.name),
    tables: tablesBefore.items.map((t) => t.name),
  };
  const { plan: p } = resolvePlan(plan, existing);
  const renamed = renamedSheets(plan, p);

  try {
    const byKey = new Map<string, Excel.Worksheet>();
    // Worksheets first (added at the end of the workbook, not activated), so cross-sheet formulas resolve.
    for (const s of p.sheets) byKey.set(s.key, wb.worksheets.add(s.name));
    for (const n of p.namedRanges) {
      const ws = byKey.get(n.sheet);
      if (!ws)
        throw new Error(`named range ${n.name} refers to sheet key "${n.sheet}", which the plan does not create`);
      wb.names.add(n.name, ws.getRange(n.range));
    }
    for (const s of p.sheets) queueSheet(byKey.get(s.key)!, s, options, supports);
    // Built fully before it is shown.
    (byKey.get(p.activate) ?? byKey.get(p.sheets[0]?.key ?? ''))?.activate();
    // sync #2: commit.
    await context.sync();
  } catch (e) {
    const removed = await removeOurs(context, p, existing);
    const reason = errorText(e);
    let msg = `${plan.title} was not inserted: Excel reported "${reason}".`;
    if (removed.sheets.length > 0)
      msg += ` The half-built ${removed.sheets.length === 1 ? 'sheet' : 'sheets'} (${removed.sheets.map((n) => `"${n}"`).join(', ')}) ${removed.sheets.length === 1 ? 'was' : 'were'} removed.`;
    else if (!removed.failed) msg += ' Nothing was added.';
    if (removed.failed)
      msg += ` Cleaning up also failed (${removed.failed}): delete any sheet named ${p.sheets.map((s) => `"${s.name}"`).join(', ')} by hand.`;
    throw withCause(`${msg} Your existing sheets and names were not changed.`, e);
  }
  const sheets = p.sheets.map((s) => s.name);
  return {
    templateId: plan.templateId,
    title: plan.title,
    sheets,
    namedRanges: p.namedRanges.map((n) => n.name),
    tables: p.sheets.filter((s) => s.table).map((s) => s.table!.name),
    renamed,
    message: successMessage(plan.title, sheets, renamed),
  };
}

/** Deletes the sheets and names this run added: the names were free before, so whatever has them now is ours. */
async function removeOurs(
  context: Excel.RequestContext,
  p: RenderPlan,
  existing: { sheets: string[]; namedRanges: string[] },
): Promise<{ sheets: string[]; failed?: string }> {
  try {
    const before = new Set(existing.sheets.map((n) => n.toLowerCase()));
    const beforeNames = new Set(existing.namedRanges.map((n) => n.toLowerCase()));
    const ourSheets = new Set(p.sheets.map((s) => s.name.toLowerCase()).filter((n) => !before.has(n)));
    const ourNames = new Set(p.namedRanges.map((n) => n.name.toLowerCase()).filter((n) => !beforeNames.has(n)));
    const sheets = context.workbook.worksheets.load('items/name');
    const names = context.workbook.names.load('items/name');
    await context.sync();
    const removed: string[] = [];
    for (const n of names.items) if (ourNames.has(n.name.toLowerCase())) n.delete();
    for (const ws of sheets.items) {
      if (ourSheets.has(ws.name.toLowerCase())) {
        ws.delete();
        removed.push(ws.name);
      }
    }
    await context.sync();
    return { sheets: removed };
  } catch (e) {
    return { sheets: [], failed: errorText(e) };
  }
}

function filled<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

function size(a1: string): { rows: number; cols: number } {
  const r = parseRange(a1);
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function queueSheet(ws: Excel.Worksheet, s: SheetPlan, options: ExcelExecutorOptions, supports: ApiSupport): void {
  // Number formats before values, so a text column ("@") keeps "$1M" as typed text.
  for (const f of s.numberFormats) {
    const { rows, cols } = size(f.range);
    ws.getRange(f.range).numberFormat = filled(rows, cols, f.format);
  }
  const cells = cellsFor(s, 'excel');
  const height = cells.length;
  const width = maxOf(
    cells.map((r) => r.length),
    0,
  );
  if (height > 0 && width > 0) {
    ws.getRangeByIndexes(0, 0, height, width).formulas = cells.map((row) =>
      Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : row[c])),
    );
  }
  for (const f of s.formats) applyStyle(ws.getRange(f.range).format, f.style);
  for (const v of s.validations) setValidation(ws.getRange(v.range).dataValidation, v);
  for (const c of s.conditionalFormats) addConditionalFormat(ws.getRange(c.range), c);
  if (s.table) {
    const t = ws.tables.add(ws.getRange(s.table.range), s.headerRows > 0);
    t.name = s.table.name;
    if (s.table.style) t.style = s.table.style;
  }
  if (s.frozenRows > 0 && s.frozenColumns > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.frozenRows, s.frozenColumns));
  else if (s.frozenRows > 0) ws.freezePanes.freezeRows(s.frozenRows);
  else if (s.frozenColumns > 0) ws.freezePanes.freezeColumns(s.frozenColumns);
  for (const run of runs(s.columnWidths)) {
    if (run.value > 0) ws.getRangeByIndexes(0, run.start, 1, run.count).format.columnWidth = pxToPoints(run.value);
  }
  for (const run of indexRuns(s.hiddenColumns ?? []))
    ws.getRange(`${colLetter(run.start)}:${colLetter(run.start + run.count - 1)}`).columnHidden = true;
  if (s.tabColor) ws.tabColor = s.tabColor;
  if (s.charts.length > 0) (options.addCharts ?? addExcelCharts)(ws, s.charts, supports);
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

/** The Excel data validation rule for a plan rule (list sources are formulas: "=ThemeNames"). */
export function excelRule(rule: ValidationOp['rule']): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'listFromRange':
      return { list: { inCellDropDown: true, source: rule.source.startsWith('=') ? rule.source : `=${rule.source}` } };
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

function describe(rule: ValidationOp['rule']): string {
  switch (rule.kind) {
    case 'list':
      return `Choose one of: ${rule.values.join(', ')}.`;
    case 'listFromRange':
      return 'Choose a value from the list.';
    case 'number': {
      const what = rule.integer ? 'a whole number' : 'a number';
      if (rule.min !== undefined && rule.max !== undefined) return `Enter ${what} from ${rule.min} to ${rule.max}.`;
      if (rule.min !== undefined) return `Enter ${what} of at least ${rule.min}.`;
      if (rule.max !== undefined) return `Enter ${what} of at most ${rule.max}.`;
      return `Enter ${what}.`;
    }
    case 'date':
      return 'Enter a date.';
  }
}

function setValidation(dv: Excel.DataValidation, op: ValidationOp): void {
  dv.rule = excelRule(op.rule);
  if (op.help) dv.prompt = { showPrompt: true, title: '', message: op.help.slice(0, 255) };
  dv.errorAlert = {
    showAlert: true,
    style: op.strict ? 'Stop' : 'Warning',
    title: 'Check this value',
    message: (op.help ?? describe(op.rule)).slice(0, 255),
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
