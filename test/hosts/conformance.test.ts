/**
 * One plan, four executors, one workbook: the same plans (templates with charts, validation of every kind,
 * conditional formats, named ranges and host cells; blank and with example) applied by the Sheets executor
 * (recording fake), the Excel executor (recording fake), the preview (its workbook) and the .xlsx writer (read back
 * with ExcelJS) leave each host holding the same thing, as a user would meet it: every cell's value or formula, its
 * validation (rule, strict or not, help), number format, bold and fill, the named ranges, the frozen header, the
 * hidden columns, conditional formulas and the columns each chart reads. Host cells (plan.ts HostCellsOp) differ by
 * design and are left out.
 *
 * Also: the validation texts come from one module (shared/plan/validation-messages.ts): Excel's alert, the
 * .xlsx file's alert and the preview's refusal say what a rule takes in the same words.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { PreviewWorkbook } from '../../preview/workbook';
import { refusal } from '../../preview/refusal';
import { planFormatAt } from '../../preview/sheet-meta';
import { colLetter, gridRect, parseRange } from '../../shared/a1/a1';
import { compileTemplate } from '../../shared/templates/index';
import type { ChartOp, RenderPlan, SheetPlan, ValidationRule } from '../../shared/plan/plan';
import { resolvePlan } from '../../shared/plan/resolve';
import { ruleTakes, validationAlert } from '../../shared/plan/validation-messages';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { FakeExcelHost } from '../fakes/excel';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

type Content = string | number | boolean;

/** What one sheet holds, by cell (A1) where it is per cell. */
interface SheetHeld {
  cells: Record<string, Content>;
  validations: Record<string, string>;
  numberFormats: Record<string, string>;
  looks: Record<string, string>;
  frozen: string;
  hiddenColumns: number[];
  conditionalFormulas: string[];
  /** Per chart, the columns it reads (categories, values, x values), sorted. */
  charts: string[];
}

interface Held {
  names: string[];
  sheets: Record<string, SheetHeld>;
}

/** Which cells of a resolved sheet are compared: the plan's cells and ranges, host cells left out. */
interface Domain {
  cells: string[];
  validated: string[];
  formatted: string[];
}

function cellsIn(a1: string): string[] {
  const r = gridRect(a1);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(`${colLetter(col)}${row + 1}`);
  return out;
}

function domainOf(s: SheetPlan): Domain {
  const host = new Set((s.hostCells ?? []).flatMap((h) => cellsIn(h.range)));
  const width = s.cells.reduce((m, r) => Math.max(m, r.length), 0);
  const all = s.cells.length && width ? cellsIn(`A1:${colLetter(width - 1)}${s.cells.length}`) : [];
  return {
    cells: all.filter((a) => !host.has(a)),
    validated: [...new Set(s.validations.flatMap((v) => cellsIn(v.range)))],
    formatted: [...new Set([...s.formats, ...s.numberFormats].flatMap((f) => cellsIn(f.range)))],
  };
}

/** A rule as a user meets it, whatever the host's encoding. */
function ruleText(kind: string, detail: string, strict: boolean, help: string | undefined): string {
  return `${kind} ${detail} ${strict ? 'stop' : 'warn'}${help ? ` | ${help}` : ''}`;
}

const num = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));

function numberDetail(min: number | undefined, max: number | undefined, integer: boolean): string {
  const lo = min === undefined || min < -1e300 ? '' : String(min);
  return `${integer ? 'whole' : 'number'} [${lo}..${max ?? ''}]`;
}

/** `'Sheet (2)'!$A$2:$A$9` → `Sheet (2)!A2:A9`. */
function plainRef(ref: string): string {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref.trim());
  return m ? `${(m[1] ?? m[2]).replace(/''/g, "'")}!${m[3].replace(/\$/g, '')}` : ref;
}

function columnsOf(ranges: Array<string | undefined>): string {
  const cols = new Set<string>();
  for (const a1 of ranges) {
    if (!a1) continue;
    const r = parseRange(a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1).replace(/\$/g, '') : a1);
    for (let c = r.left; c <= r.right; c++) cols.add(colLetter(c - 1));
  }
  return [...cols].sort().join(',');
}

const planChart = (c: ChartOp): string =>
  columnsOf([c.categories, ...(c.series ?? []).flatMap((s) => [s.values, s.xValues])]);

// ---------- Google Sheets (test/fakes/sheets.ts) ----------

function sheetsRule(v: { criteria: string; args: unknown[]; allowInvalid: boolean; helpText?: string }): string {
  const strict = !v.allowInvalid;
  const a = v.args;
  const f = String(a[0]);
  const rules: Record<string, () => [string, string]> = {
    VALUE_IN_LIST: () => ['list', (a[0] as string[]).join('|')],
    VALUE_IN_RANGE: () => ['list from', `${(a[0] as { sheet: string }).sheet}!${(a[0] as { a1: string }).a1}`],
    DATE_IS_VALID_DATE: () => ['date', ''],
    NUMBER_BETWEEN: () => ['number', numberDetail(num(a[0]), num(a[1]), false)],
    NUMBER_GREATER_THAN_OR_EQUAL_TO: () => ['number', numberDetail(num(a[0]), undefined, false)],
    NUMBER_LESS_THAN_OR_EQUAL_TO: () => ['number', numberDetail(undefined, num(a[0]), false)],
    CUSTOM_FORMULA: () => [
      'number',
      numberDetail(num(/>=(-?[\d.]+)/.exec(f)?.[1]), num(/<=(-?[\d.]+)/.exec(f)?.[1]), /=INT\(/.test(f)),
    ],
  };
  const [kind, detail] = rules[v.criteria]?.() ?? [v.criteria, JSON.stringify(a)];
  return ruleText(kind, detail, strict, v.helpText ?? undefined);
}

function sheetsHeld(plan: RenderPlan): Held {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), plan));
  const resolved = resolvePlan(plan, { sheets: ['Sheet1'], namedRanges: [] }).plan;
  const sheets: Record<string, SheetHeld> = {};
  for (const s of resolved.sheets) {
    const sh = fake.ss.sheet(s.name);
    const d = domainOf(s);
    const held = blank();
    for (const a of d.cells) keep(held.cells, a, sh.content(a));
    for (const a of d.validated) {
      const v = sh.peek(a)?.validation;
      if (v) held.validations[a] = sheetsRule(v);
    }
    for (const a of d.formatted) {
      const c = sh.peek(a);
      keep(held.numberFormats, a, c?.numberFormat ?? '');
      keep(held.looks, a, look(c?.style.fontWeight === 'bold', c?.style.background as string | undefined));
    }
    held.frozen = `${sh.frozenRows}/${sh.frozenCols}`;
    held.hiddenColumns = [...sh.hidden].map((c) => c - 1).sort((x, y) => x - y);
    held.conditionalFormulas = sh.cfRules.flatMap((r) =>
      r.condition?.formula ? [`${r.ranges[0]?.a1}: ${r.condition.formula}`] : [],
    );
    held.charts = sh.charts.map((c) => columnsOf((c.getRanges?.() ?? []).map((r) => r.getA1Notation()))).sort();
    sheets[s.name] = held;
  }
  const names = [...fake.ss.named.values()].map((n) => `${n.getName()}=${n.range.sheet.name}!${n.range.a1()}`);
  return { names: names.sort(), sheets };
}

function blank(): SheetHeld {
  return {
    cells: {},
    validations: {},
    numberFormats: {},
    looks: {},
    frozen: '',
    hiddenColumns: [],
    conditionalFormulas: [],
    charts: [],
  };
}

/** Blank cells and plain looks are left out, so every host lists the same keys. */
function keep(into: Record<string, Content>, a1: string, v: Content | null | undefined): void {
  if (v !== '' && v !== null && v !== undefined && v !== 'General') into[a1] = canonical(v);
}

/**
 * A formula in one spelling for all hosts, as the preview's engine stores it: sheet names quoted only where they
 * must be (`'Roadmap'!` → `Roadmap!`) and numbers in their shortest form (`0.000000001` → `1e-9`).
 */
function canonical(v: Content): Content {
  if (typeof v !== 'string' || !v.startsWith('=')) return v;
  return v
    .replace(/'([A-Za-z_][A-Za-z0-9_.]*)'!/g, '$1!')
    .replace(/(?<![A-Za-z$\d.])\d+\.\d+(?:e-?\d+)?/gi, (m) => String(Number(m)));
}

function look(bold: boolean, fill: string | undefined): string {
  return [bold ? 'bold' : '', fill ? `fill ${fill.toLowerCase()}` : ''].filter(Boolean).join(' ');
}

// ---------- Excel (test/fakes/excel.ts) ----------

function excelRule(v: NonNullable<ReturnType<FakeExcelHost['cell']>>['validation']): string | undefined {
  const rule = v?.rule;
  if (!rule) return undefined;
  const strict = v?.errorAlert?.style === 'Stop';
  const help = v?.prompt?.message;
  if (rule.list) {
    const src = String(rule.list.source);
    return src.startsWith('=')
      ? ruleText('list from', plainRef(src), strict, help)
      : ruleText('list', src.split(',').join('|'), strict, help);
  }
  if (rule.date) return ruleText('date', '', strict, help);
  const n = rule.wholeNumber ?? rule.decimal;
  if (!n) return ruleText('?', JSON.stringify(rule), strict, help);
  const [f1, f2] = [num(n.formula1), num(n.formula2)];
  const [min, max] =
    n.operator === 'Between' ? [f1, f2] : n.operator === 'LessThanOrEqualTo' ? [undefined, f1] : [f1, undefined];
  return ruleText('number', numberDetail(min, max, !!rule.wholeNumber), strict, help);
}

async function excelHeld(plan: RenderPlan): Promise<Held> {
  const host = new FakeExcelHost();
  await applyPlanExcel(host.context() as unknown as Excel.RequestContext, plan);
  const resolved = resolvePlan(plan, { sheets: ['Sheet1'], namedRanges: [], tables: [] }).plan;
  const sheets: Record<string, SheetHeld> = {};
  for (const s of resolved.sheets) {
    const sh = host.sheet(s.name);
    const d = domainOf(s);
    const held = blank();
    for (const a of d.cells) keep(held.cells, a, host.content(s.name, a));
    for (const a of d.validated) {
      const r = excelRule(host.cell(s.name, a)?.validation);
      if (r) held.validations[a] = r;
    }
    for (const a of d.formatted) {
      const c = host.cell(s.name, a);
      keep(held.numberFormats, a, c?.numberFormat ?? '');
      keep(held.looks, a, look(c?.style.bold === true, c?.style.fill as string | undefined));
    }
    held.frozen = `${sh.frozen.rows}/${sh.frozen.cols}`;
    held.hiddenColumns = [...sh.hidden].sort((x, y) => x - y);
    held.conditionalFormulas = sh.conditionalFormats.flatMap((c) =>
      c.type === 'Custom' ? [`${c.range}: ${String(c.settings['custom.rule.formula'])}`] : [],
    );
    held.charts = sh.charts.map((c) => columnsOf([c.categories, ...c.series.flatMap((x) => [x.values, x.xValues])]));
    held.charts.sort();
    sheets[s.name] = held;
  }
  const names = host.state.names.map((n) => `${n.name}=${plainRef(n.reference)}`);
  return { names: names.sort(), sheets };
}

// ---------- the preview (preview/workbook.ts) ----------

function previewRule(wb: PreviewWorkbook, rule: ValidationRule): [string, string] {
  switch (rule.kind) {
    case 'list':
      return ['list', rule.values.join('|')];
    case 'listFromRange':
      return ['list from', plainRef(wb.hf.getNamedExpressionFormula(rule.source.replace(/^=/, '')) ?? rule.source)];
    case 'number':
      return ['number', numberDetail(rule.min, rule.max, !!rule.integer)];
    case 'date':
      return ['date', ''];
  }
}

function previewHeld(plan: RenderPlan): Held {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(plan);
  const resolved = resolvePlan(plan, { sheets: ['Sheet1'], namedRanges: [] }).plan;
  const model = wb.toModel();
  const sheets: Record<string, SheetHeld> = {};
  for (const s of resolved.sheets) {
    const meta = wb.metaOf(s.name);
    const cells = model.sheets.find((x) => x.name === s.name)!.cells;
    const d = domainOf(s);
    const held = blank();
    for (const a of d.cells) {
      const r = gridRect(a);
      const v = cells[r.top]?.[r.left];
      keep(held.cells, a, typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
    }
    for (const op of meta.validations)
      for (const a of cellsIn(op.range))
        held.validations[a] = ruleText(...previewRule(wb, op.rule), op.strict, op.help);
    for (const a of d.formatted) {
      const r = gridRect(a);
      keep(held.numberFormats, a, planFormatAt(meta, r.top, r.left) ?? '');
      const style = Object.assign(
        {},
        ...meta.formats.filter((f) => cellsIn(f.range).includes(a)).map((f) => f.style),
      ) as SheetPlan['formats'][number]['style'];
      keep(held.looks, a, look(style.bold === true, style.fill));
    }
    held.frozen = `${meta.frozenRows}/${meta.frozenColumns}`;
    held.hiddenColumns = [...(meta.hiddenColumns ?? [])].sort((x, y) => x - y);
    held.conditionalFormulas = meta.conditionalFormats.flatMap((c) =>
      c.rule.kind === 'formula' ? [`${c.range}: ${c.rule.formula}`] : [],
    );
    held.charts = meta.charts.map(planChart).sort();
    sheets[s.name] = held;
  }
  const names = wb.hf.listNamedExpressions().map((n) => `${n}=${plainRef(wb.hf.getNamedExpressionFormula(n) ?? '')}`);
  return { names: names.sort(), sheets };
}

// ---------- the .xlsx writer (xlsx/writer.ts), read back with ExcelJS ----------

const unprefixed = (f: string): string => f.replace(/_xlfn\.(_xlws\.)?/g, '');

function xlsxRule(v: ExcelJS.DataValidation, names: Map<string, string>): string {
  const strict = v.errorStyle !== 'warning';
  const help = v.prompt;
  const f = (v.formulae ?? []).map(String);
  if (v.type === 'list') {
    const quoted = /^"(.*)"$/.exec(f[0]);
    if (quoted) return ruleText('list', quoted[1].replace(/""/g, '"').split(',').join('|'), strict, help);
    return ruleText('list from', names.get(f[0]) ?? plainRef(f[0]), strict, help);
  }
  if (v.type === 'date') return ruleText('date', '', strict, help);
  const [f1, f2] = [num(f[0]), num(f[1])];
  const [min, max] =
    v.operator === 'between' ? [f1, f2] : v.operator === 'lessThanOrEqual' ? [undefined, f1] : [f1, undefined];
  return ruleText('number', numberDetail(min, max, v.type === 'whole'), strict, help);
}

function xlsxContent(v: ExcelJS.CellValue): Content | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && 'formula' in v) return `=${unprefixed(String(v.formula))}`;
  // ExcelJS reads a number with a date format back as a Date: its serial is what the cell holds.
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** The columns each chart of the file reads, by the sheet its references name (chart XML `c:cat`/`c:val`/…). */
async function xlsxCharts(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string[]>();
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    const refs = [...xml.matchAll(/<c:(?:cat|val|xVal|yVal)>\s*<c:(?:num|str)Ref>\s*<c:f>([^<]+)<\/c:f>/g)].map((m) =>
      plainRef(m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&')),
    );
    const sheet = refs[0]?.slice(0, refs[0].lastIndexOf('!')) ?? '';
    out.set(sheet, [...(out.get(sheet) ?? []), columnsOf(refs)].sort());
  }
  return out;
}

async function xlsxHeld(plan: RenderPlan): Promise<Held> {
  const model = modelFromPlans([plan], { sheets: ['Sheet1'], namedRanges: [] });
  const bytes = await writeXlsx(ExcelJS, model, { now: new Date(Date.UTC(2026, 11, 5)) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const names = new Map(
    (wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((n) => [n.name, plainRef(n.ranges[0])]),
  );
  const charts = await xlsxCharts(bytes);
  const sheets: Record<string, SheetHeld> = {};
  for (const s of model.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    const d = domainOf(s);
    const held = blank();
    for (const a of d.cells) keep(held.cells, a, xlsxContent(ws.getCell(a).value));
    for (const a of d.validated) {
      const v = ws.getCell(a).dataValidation;
      if (v?.type) held.validations[a] = xlsxRule(v, names);
    }
    for (const a of d.formatted) {
      const c = ws.getCell(a);
      keep(held.numberFormats, a, c.numFmt ?? '');
      const fill = c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined;
      keep(held.looks, a, look(c.font?.bold === true, fill ? `#${fill.slice(2)}` : undefined));
    }
    const view = ws.views[0] as { xSplit?: number; ySplit?: number } | undefined;
    held.frozen = `${view?.ySplit ?? 0}/${view?.xSplit ?? 0}`;
    held.hiddenColumns = (s.hiddenColumns ?? []).filter((i) => ws.getColumn(i + 1).hidden).sort((x, y) => x - y);
    const cf = (
      ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: ExcelJS.ConditionalFormattingRule[] }> }
    ).conditionalFormattings;
    held.conditionalFormulas = cf.flatMap((c) =>
      c.rules[0]?.type === 'expression' ? [`${c.ref}: =${unprefixed(String(c.rules[0].formulae?.[0]))}`] : [],
    );
    held.charts = charts.get(s.name) ?? [];
    sheets[s.name] = held;
  }
  return { names: [...names].map(([n, r]) => `${n}=${r}`).sort(), sheets };
}

// ---------- the suite ----------

/** What `got` holds differently from `want`, one line per cell, range or list (empty: the same). */
function differences(want: Held, got: Held): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => (v === undefined ? '(nothing)' : JSON.stringify(v));
  if (show(got.names) !== show(want.names)) out.push(`names: ${show(got.names)} ≠ ${show(want.names)}`);
  for (const [name, w] of Object.entries(want.sheets)) {
    const g = got.sheets[name] ?? blank();
    for (const part of Object.keys(w) as Array<keyof SheetHeld>) {
      const [a, b] = [g[part], w[part]];
      if (Array.isArray(b) || typeof b === 'string') {
        if (show(a) !== show(b)) out.push(`${name} ${part}: ${show(a)} ≠ ${show(b)}`);
        continue;
      }
      const byCell = a as Record<string, Content>;
      for (const k of new Set([...Object.keys(b), ...Object.keys(byCell)]))
        if (show(byCell[k]) !== show(b[k])) out.push(`${name}!${k} ${part}: ${show(byCell[k])} ≠ ${show(b[k])}`);
    }
  }
  return out;
}

const CASES = ['progress-dashboard', 'prioritization', 'organization'].flatMap((id) => [
  { id, example: false },
  { id, example: true },
]);

describe.each(CASES)('$id (example: $example): the four hosts hold the same workbook', ({ id, example }) => {
  const plan = compileTemplate(id, { example, now: new Date(Date.UTC(2026, 11, 5)) });
  let held: Record<'sheets' | 'excel' | 'preview' | 'xlsx', Held>;

  beforeAll(async () => {
    held = {
      sheets: sheetsHeld(plan),
      excel: await excelHeld(plan),
      preview: previewHeld(plan),
      xlsx: await xlsxHeld(plan),
    };
  });

  test('the Excel executor, the preview and the .xlsx file hold what Google Sheets holds', () => {
    // Not vacuous: the plan has cells, validation, formats, names and charts, and Sheets holds them.
    const sheets = Object.values(held.sheets.sheets);
    expect(sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0)).toBeGreaterThan(20);
    expect(sheets.reduce((n, s) => n + Object.keys(s.validations).length, 0)).toBeGreaterThan(0);
    expect(sheets.reduce((n, s) => n + Object.keys(s.looks).length, 0)).toBeGreaterThan(0);
    expect(sheets.reduce((n, s) => n + s.charts.length, 0)).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
    expect(held.sheets.names).toHaveLength(plan.namedRanges.length);
    const hosts = ['excel', 'preview', 'xlsx'] as const;
    expect(Object.fromEntries(hosts.map((h) => [h, differences(held.sheets, held[h])]))).toEqual({
      excel: [],
      preview: [],
      xlsx: [],
    });
  });
});

describe('validation texts: one sentence for a rule, in every host', () => {
  const rules: ValidationRule[] = [
    { kind: 'number', max: 5 },
    { kind: 'number', min: 1, max: 10, integer: true },
    { kind: 'number', min: 0.5 },
    { kind: 'list', values: ['Proposed', 'Accepted'] },
    { kind: 'date' },
  ];

  test.each(rules)('%j: the preview refuses with the words Excel and the .xlsx alert with', async (rule) => {
    const plan = compileTemplate('organization', { example: false, now: new Date(Date.UTC(2026, 11, 5)) });
    const s = plan.sheets[0];
    const withRule: RenderPlan = { ...plan, sheets: [{ ...s, validations: [{ range: 'B2', rule, strict: true }] }] };
    const host = new FakeExcelHost();
    await applyPlanExcel(host.context() as unknown as Excel.RequestContext, withRule);
    const excel = host.cell(s.name, 'B2')?.validation?.errorAlert?.message;
    const bytes = await writeXlsx(ExcelJS, modelFromPlans([withRule]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const file = wb.getWorksheet(s.name)!.getCell('B2').dataValidation.error;
    const preview = refusal(rule, 'nope', 'Owner');

    expect(excel).toBe(validationAlert(rule));
    expect(file).toBe(excel);
    expect(preview).toBe(`"nope" is not allowed here: Owner takes ${ruleTakes(rule)}.`);
    expect(excel).toBe(`This cell takes ${ruleTakes(rule)}.`);
  });

  test('"at most": the refusal and the alert of a rule with only a maximum use the same words', async () => {
    const rule: ValidationRule = { kind: 'number', max: 5 };
    expect(refusal(rule, '9', 'Effort')).toBe('9 is not allowed here: Effort takes a number of at most 5.');
    expect(validationAlert(rule)).toBe('This cell takes a number of at most 5.');
  });
});
