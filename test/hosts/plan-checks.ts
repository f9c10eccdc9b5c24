/**
 * Shared checks for the executor tests: does a fake workbook hold exactly what a (resolved)
 * render plan asked for? Plus plans with N× the data rows, compiled by the real compiler.
 */
import { todaySerial } from '../../shared/spec/example-dates';
import { cellsFor } from '../../shared/plan/host-cells';
import { withSheetIds } from '../../apps-script/src/templates/executor';
import { compileSheets } from '../../shared/compiler/compile';
import { TEMPLATES, templateSheets } from '../../shared/templates/index';
import type { ConditionalFormatOp, PlanCell, RenderPlan, SheetPlan } from '../../shared/plan/plan';
import { rect, type FakeExcelHost } from '../fakes/excel';
import type { FakeSheet, FakeSpreadsheet } from '../fakes/sheets';

/** The template compiled by the real compiler with `factor` × the data rows of each sheet (fixed-size sheets stay). */
export function compileWithRows(id: string, example: boolean, factor: number): RenderPlan {
  const t = TEMPLATES.find((x) => x.id === id)!;
  // The template's own specs (a sheet may differ by template: the full workbook's Health Scorecard reads the debt sheet).
  const sheets = templateSheets(id).map((s) => {
    // A sheet whose rows are all fixed (the four DORA metrics) has a fixed size: it is not scaled.
    const fixedSize = (s.fixed?.length ?? 0) >= s.rows;
    return fixedSize ? s : { ...s, rows: s.rows * factor };
  });
  return compileSheets({ id: t.id, title: t.name }, sheets, { example, today: todaySerial(new Date()) });
}

/** What a plan cell becomes once typed into a cell (numeric text turns into a number unless the cell is text). */
export function expectedContent(v: PlanCell, numberFormat: string | undefined): string | number | boolean {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string' && numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

function formatAt(s: SheetPlan, row0: number, col0: number): string | undefined {
  let f: string | undefined;
  for (const op of s.numberFormats) {
    const r = rect(op.range);
    if (row0 >= r.row && row0 < r.row + r.rows && col0 >= r.col && col0 < r.col + r.cols) f = op.format;
  }
  return f;
}

function cellsOf(a1: string): Array<{ row0: number; col0: number; a1: string }> {
  const r = rect(a1);
  const out: Array<{ row0: number; col0: number; a1: string }> = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push({ row0: r.row + i, col0: r.col + j, a1: a1Cell(r.row + i, r.col + j) });
  return out;
}

export function a1Cell(row0: number, col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row0 + 1}`;
}

/** Collects mismatches (empty = the sheet is exactly what the plan says). */
export function checkSheetsSheet(ss: FakeSpreadsheet, s: SheetPlan, plan: RenderPlan): string[] {
  const bad: string[] = [];
  const sheet: FakeSheet = ss.sheet(s.name);
  const ids = new Map(plan.sheets.map((x) => [x.key, ss.sheet(x.name).getSheetId()]));
  withSheetIds(cellsFor(s, 'sheets'), ids).forEach((row, i) =>
    row.forEach((v, j) => {
      const want = expectedContent(v, formatAt(s, i, j));
      const got = sheet.content(a1Cell(i, j));
      if (got !== want) bad.push(`${s.name}!${a1Cell(i, j)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }),
  );
  for (const op of s.numberFormats)
    for (const c of cellsOf(op.range))
      if (sheet.peek(c.a1)?.numberFormat !== op.format) bad.push(`${s.name}!${c.a1} format ≠ ${op.format}`);
  for (const op of s.validations) {
    for (const c of cellsOf(op.range)) {
      const v = sheet.peek(c.a1)?.validation;
      if (!v) {
        bad.push(`${s.name}!${c.a1} has no validation`);
        continue;
      }
      if (v.allowInvalid !== !op.strict) bad.push(`${s.name}!${c.a1} allowInvalid ${v.allowInvalid}`);
      if ((v.helpText ?? undefined) !== op.help) bad.push(`${s.name}!${c.a1} help ${v.helpText}`);
      const r = op.rule;
      if (
        r.kind === 'list' &&
        (v.criteria !== 'VALUE_IN_LIST' || JSON.stringify(v.args[0]) !== JSON.stringify(r.values))
      )
        bad.push(`${s.name}!${c.a1} list ${JSON.stringify(v)}`);
      if (r.kind === 'listFromRange') {
        const named = plan.namedRanges.find((n) => n.name === r.source);
        const target = named
          ? { sheet: plan.sheets.find((x) => x.key === named.sheet)!.name, a1: named.range }
          : undefined;
        if (v.criteria !== 'VALUE_IN_RANGE' || JSON.stringify(v.args[0]) !== JSON.stringify(target))
          bad.push(`${s.name}!${c.a1} range list ${JSON.stringify(v)} ≠ ${JSON.stringify(target)}`);
      }
      if (r.kind === 'date' && v.criteria !== 'DATE_IS_VALID_DATE') bad.push(`${s.name}!${c.a1} date ${v.criteria}`);
      if (
        r.kind === 'number' &&
        ![
          'NUMBER_BETWEEN',
          'CUSTOM_FORMULA',
          'NUMBER_GREATER_THAN_OR_EQUAL_TO',
          'NUMBER_LESS_THAN_OR_EQUAL_TO',
        ].includes(v.criteria)
      )
        bad.push(`${s.name}!${c.a1} number ${v.criteria}`);
      // A custom formula must check the cell it sits on (relative references are per cell).
      if (v.criteria === 'CUSTOM_FORMULA' && !new RegExp(`(^|[^A-Z$])${c.a1}(?![0-9])`).test(String(v.args[0])))
        bad.push(`${s.name}!${c.a1} custom formula ${String(v.args[0])} does not check ${c.a1}`);
    }
  }
  if (sheet.cfRules.length !== s.conditionalFormats.length)
    bad.push(`${s.name}: ${sheet.cfRules.length} conditional rules ≠ ${s.conditionalFormats.length}`);
  s.conditionalFormats.forEach((op, i) => {
    const rule = sheet.cfRules[i];
    if (!rule) return;
    if (rule.ranges[0]?.a1 !== op.range || rule.ranges[0]?.sheet !== s.name)
      bad.push(`${s.name}: rule ${i} range ${JSON.stringify(rule.ranges)}`);
    if (op.rule.kind === 'formula' && rule.condition?.formula !== op.rule.formula)
      bad.push(`${s.name}: rule ${i} formula ${rule.condition?.formula}`);
    if (op.rule.kind === 'formula' && op.style?.fill && rule.style.background !== op.style.fill)
      bad.push(`${s.name}: rule ${i} fill`);
    if (op.rule.kind === 'colorScale')
      bad.push(...sheetsColorScaleProblems(`${s.name}: rule ${i}`, op.rule, rule.gradient));
  });
  for (const f of s.formats) {
    for (const c of cellsOf(f.range)) {
      const st = sheet.peek(c.a1)?.style ?? {};
      if (f.style.bold !== undefined && st.fontWeight !== (f.style.bold ? 'bold' : 'normal'))
        bad.push(`${s.name}!${c.a1} bold`);
      const fill = finalFills(s).get(c.a1);
      if (f.style.fill && st.background !== fill) bad.push(`${s.name}!${c.a1} fill ${st.background} ≠ ${fill}`);
    }
  }
  if (sheet.frozenRows !== s.frozenRows || sheet.frozenCols !== s.frozenColumns)
    bad.push(`${s.name}: frozen ${sheet.frozenRows}/${sheet.frozenCols}`);
  s.columnWidths.forEach((w, i) => {
    if (sheet.widths.get(i + 1) !== w) bad.push(`${s.name}: column ${i + 1} width ${sheet.widths.get(i + 1)} ≠ ${w}`);
  });
  for (const c of s.hiddenColumns ?? [])
    if (!sheet.hidden.has(c + 1)) bad.push(`${s.name}: column ${c + 1} not hidden`);
  if ((s.tabColor ?? null) !== sheet.tabColor) bad.push(`${s.name}: tab colour ${sheet.tabColor}`);
  if (s.table && sheet.bandings.length !== 1) bad.push(`${s.name}: table banding missing`);
  if (sheet.charts.length !== s.charts.length)
    bad.push(`${s.name}: ${sheet.charts.length} charts ≠ ${s.charts.length}`);
  return bad.concat(sheetsComputedProblems(sheet, s));
}

/** Computed columns in Sheets: a note on the header, the data cells protected with a warning only, nothing else. */
function sheetsComputedProblems(sheet: FakeSheet, s: SheetPlan): string[] {
  const bad: string[] = [];
  const ops = s.computed ?? [];
  for (const op of ops)
    if (sheet.peek(op.headerCell)?.note !== op.note)
      bad.push(`${s.name}!${op.headerCell} note ${sheet.peek(op.headerCell)?.note}`);
  const guarded = sheet.protections.map((p) => [p.range.a1(), p.isWarningOnly()]);
  const want = ops.map((op) => [op.range, true]);
  if (JSON.stringify(guarded) !== JSON.stringify(want)) bad.push(`${s.name}: protections ${JSON.stringify(guarded)}`);
  return bad;
}

/** Computed columns in Excel: the note is the prompt of the header and every data cell. */
function excelComputedProblems(host: FakeExcelHost, s: SheetPlan): string[] {
  const bad: string[] = [];
  for (const op of s.computed ?? [])
    for (const c of [...cellsOf(op.headerCell), ...cellsOf(op.range)]) {
      const prompt = host.cell(s.name, c.a1)?.validation?.prompt;
      if (prompt?.message !== op.note || !prompt.showPrompt) bad.push(`${s.name}!${c.a1} prompt ${prompt?.message}`);
    }
  return bad;
}

/** Each cell's fill after every format op of the sheet, in order (a later op, e.g. a computed header, wins). */
const fillsBySheet = new WeakMap<SheetPlan, Map<string, string>>();
function finalFills(s: SheetPlan): Map<string, string> {
  let fills = fillsBySheet.get(s);
  if (!fills) {
    fills = new Map();
    for (const f of s.formats) if (f.style.fill) for (const c of cellsOf(f.range)) fills.set(c.a1, f.style.fill);
    fillsBySheet.set(s, fills);
  }
  return fills;
}

/** The absolute reference of a defined name's range, as a list validation stores a Range source. */
function namedRangeRef(host: FakeExcelHost, name: string): string | undefined {
  const n = host.state.names.find((x) => x.name === name.replace(/^=/, ''));
  const m = n && /^('(?:[^']|'')+'|[^!]+)!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(n.reference);
  return m ? `=${m[1]}!$${m[2]}$${m[3]}:$${m[4]}$${m[5]}` : undefined;
}

export function checkExcelSheet(host: FakeExcelHost, s: SheetPlan): string[] {
  const bad: string[] = [];
  const sheet = host.sheet(s.name);
  cellsFor(s, 'excel').forEach((row, i) =>
    row.forEach((v, j) => {
      const want = expectedContent(v, formatAt(s, i, j));
      const got = host.content(s.name, a1Cell(i, j));
      if (got !== want) bad.push(`${s.name}!${a1Cell(i, j)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }),
  );
  for (const op of s.numberFormats)
    for (const c of cellsOf(op.range))
      if (host.cell(s.name, c.a1)?.numberFormat !== op.format) bad.push(`${s.name}!${c.a1} format`);
  for (const op of s.validations) {
    for (const c of cellsOf(op.range)) {
      const v = host.cell(s.name, c.a1)?.validation;
      const rule = v?.rule;
      if (!rule) {
        bad.push(`${s.name}!${c.a1} has no validation`);
        continue;
      }
      const r = op.rule;
      if (r.kind === 'list' && rule.list?.source !== r.values.join(','))
        bad.push(`${s.name}!${c.a1} list ${JSON.stringify(rule)}`);
      if (r.kind === 'listFromRange' && rule.list?.source !== namedRangeRef(host, r.source))
        bad.push(`${s.name}!${c.a1} list source ${JSON.stringify(rule)}`);
      if (r.kind === 'number' && !(r.integer ? rule.wholeNumber : rule.decimal))
        bad.push(`${s.name}!${c.a1} number ${JSON.stringify(rule)}`);
      if (r.kind === 'date' && !rule.date) bad.push(`${s.name}!${c.a1} date ${JSON.stringify(rule)}`);
      if (v?.errorAlert?.style !== (op.strict ? 'Stop' : 'Warning'))
        bad.push(`${s.name}!${c.a1} alert ${JSON.stringify(v?.errorAlert)}`);
      if (op.help && v?.prompt?.message !== op.help.slice(0, 255)) bad.push(`${s.name}!${c.a1} prompt`);
    }
  }
  if (sheet.conditionalFormats.length !== s.conditionalFormats.length)
    bad.push(`${s.name}: ${sheet.conditionalFormats.length} conditional formats ≠ ${s.conditionalFormats.length}`);
  s.conditionalFormats.forEach((op, i) => {
    const cf = sheet.conditionalFormats[i];
    if (!cf) return;
    if (cf.range !== op.range) bad.push(`${s.name}: cf ${i} range ${cf.range}`);
    if (op.rule.kind === 'formula' && (cf.type !== 'Custom' || cf.settings['custom.rule.formula'] !== op.rule.formula))
      bad.push(`${s.name}: cf ${i} ${JSON.stringify(cf)}`);
    if (op.rule.kind === 'colorScale') bad.push(...excelColorScaleProblems(`${s.name}: cf ${i}`, op.rule, cf));
    if (op.rule.kind === 'dataBar' && cf.type !== 'DataBar') bad.push(`${s.name}: cf ${i} type ${cf.type}`);
  });
  for (const f of s.formats) {
    for (const c of cellsOf(f.range)) {
      const st = host.cell(s.name, c.a1)?.style ?? {};
      if (f.style.bold !== undefined && st.bold !== f.style.bold) bad.push(`${s.name}!${c.a1} bold`);
      if (f.style.fill && st.fill !== finalFills(s).get(c.a1)) bad.push(`${s.name}!${c.a1} fill`);
    }
  }
  if (sheet.frozen.rows !== s.frozenRows || sheet.frozen.cols !== s.frozenColumns)
    bad.push(`${s.name}: frozen ${JSON.stringify(sheet.frozen)}`);
  s.columnWidths.forEach((w, i) => {
    if (sheet.widths.get(i) !== Math.round(w * 0.75 * 100) / 100)
      bad.push(`${s.name}: column ${i} width ${sheet.widths.get(i)} pt for ${w} px`);
  });
  for (const c of s.hiddenColumns ?? []) if (!sheet.hidden.has(c)) bad.push(`${s.name}: column ${c} not hidden`);
  if ((s.tabColor ?? '') !== sheet.tabColor) bad.push(`${s.name}: tab colour ${sheet.tabColor}`);
  const tables = host.state.tables.filter((t) => t.sheet === sheet);
  if (s.table) {
    if (tables.length !== 1 || tables[0].name !== s.table.name || tables[0].range !== s.table.range)
      bad.push(`${s.name}: table ${JSON.stringify(tables.map((t) => [t.name, t.range]))}`);
    // The sheet's heading row is the table's header row: added with hasHeaders false, Excel would generate
    // "Column1"… headers and shift the data down one row (TableCollection.add, @types/office-js).
    else if (tables[0].hasHeaders !== s.headerRows > 0)
      bad.push(`${s.name}: table added with hasHeaders ${String(tables[0].hasHeaders)}`);
  } else if (tables.length > 0) bad.push(`${s.name}: unexpected table`);
  if (sheet.charts.length !== s.charts.length)
    bad.push(`${s.name}: ${sheet.charts.length} charts ≠ ${s.charts.length}`);
  return bad.concat(excelComputedProblems(host, s));
}

// ---------- colour scales: the colours a user sees at each end (issue #25) ----------

type ColorScaleRule = Extract<ConditionalFormatOp['rule'], { kind: 'colorScale' }>;

/** The scale's points as the plan asks for them: [point, value, colour], min then mid then max. */
function scalePoints(rule: ColorScaleRule): Array<[string, string, string]> {
  const pts: Array<[string, string, string]> = [['min', String(rule.min.value), rule.min.color.toLowerCase()]];
  if (rule.mid) pts.push(['mid', String(rule.mid.value), rule.mid.color.toLowerCase()]);
  pts.push(['max', String(rule.max.value), rule.max.color.toLowerCase()]);
  return pts;
}

/** A scale whose two ends show one colour shows nothing: the plan's own ends must differ. */
function planScaleProblems(where: string, rule: ColorScaleRule): string[] {
  return rule.min.color.toLowerCase() === rule.max.color.toLowerCase()
    ? [`${where}: the plan's colour scale has one colour at both ends (${rule.min.color})`]
    : [];
}

/**
 * Excel: `ColorScaleConditionalFormat.criteria` minimum / midpoint / maximum, each `{ type, formula, color }`
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalcolorscalecriteria): the colours and
 * values the cells are shaded with must be the plan's.
 */
export function excelColorScaleProblems(
  where: string,
  rule: ColorScaleRule,
  cf: { type: string; settings: Record<string, unknown> },
): string[] {
  if (cf.type !== 'ColorScale') return [`${where}: type ${cf.type}`];
  const criteria = cf.settings['colorScale.criteria'] as
    Record<string, { formula?: string; color?: string } | undefined> | undefined;
  const key = { min: 'minimum', mid: 'midpoint', max: 'maximum' } as Record<string, string>;
  const bad = planScaleProblems(where, rule);
  for (const [point, value, color] of scalePoints(rule)) {
    const c = criteria?.[key[point]];
    if (c?.formula !== value || c?.color?.toLowerCase() !== color)
      bad.push(`${where}: ${point} ${JSON.stringify(c)} ≠ ${value} ${color}`);
  }
  return bad;
}

/** Sheets: the gradient points (`setGradientMinpointWithValue(color, type, value)` …) must be the plan's. */
export function sheetsColorScaleProblems(
  where: string,
  rule: ColorScaleRule,
  gradient: Array<{ point: string; color: string; value: string }> | undefined,
): string[] {
  const bad = planScaleProblems(where, rule);
  const got = (gradient ?? []).map((g) => [g.point, g.value, g.color.toLowerCase()]);
  if (JSON.stringify(got) !== JSON.stringify(scalePoints(rule)))
    bad.push(`${where}: gradient ${JSON.stringify(got)} ≠ ${JSON.stringify(scalePoints(rule))}`);
  return bad;
}
