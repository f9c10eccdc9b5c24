/**
 * The self-check in Excel (the task pane's About tab): inserts every template with the example into new
 * worksheets under a unique prefix, writes one formula per custom function on a scratch worksheet, asks Excel
 * to calculate, reads the computed columns back and compares them with the core (shared/self-check), checks
 * that every chart has its series and draws their data, then deletes exactly what it created (worksheets by
 * the ids its own batches returned, names that did not exist before) and returns the report. What existed before
 * is only listed (ids and names), never written. Ownership (shared/self-check/ownership.ts): each worksheet gets a
 * mark name in the batch that adds it, so the next check recognises what a killed run left; a worksheet a
 * co-author adds meanwhile is never taken for ours. It recalculates only its own worksheets
 * (`Worksheet.calculate`, ExcelApi 1.6; `application.calculate` would recalculate every open workbook), and stops
 * starting new work at its time budget.
 */
import { localDayOf } from '../../shared/dates/calendar-day';
import { templateSheets, TEMPLATES } from '../../shared/templates/index';
import type { ChartOp, RenderPlan } from '../../shared/plan/plan';
import { chartCheck, emptyExpected } from '../../shared/self-check/charts';
import { computedColumnChecks, isComparedSheet } from '../../shared/self-check/columns';
import {
  EMPTY_CELL_PROBE,
  emptyCellsCheck,
  functionCheck,
  functionProbes,
  functionsSheetName,
  inNamespace,
  isPending,
  PROBE_ROWS,
  probeRow,
  selfCheckPlan,
  selfCheckPrefix,
  templatesToCheck,
  type FunctionProbe,
} from '../../shared/self-check/plan';
import {
  errorCheck,
  insertedDetail,
  type CheckResult,
  type PingReply,
  type SelfCheckOptions,
  type SelfCheckReport,
} from '../../shared/self-check/report';
import {
  budgetOf,
  cleanUpCheck,
  isSelfCheckMark,
  leftoverCheck,
  markedSheet,
  runMarkPrefix,
  TimeBudget,
  withMarks,
  type WorkbookList,
} from '../../shared/self-check/ownership';
import { CLEAN_UP_NAME, LEFTOVERS_NAME } from '../../shared/core/messages';
import { trimRows } from './templates/charts';
import { applyPlanExcel } from './templates/executor';
import { excelEnvironment } from './environment';

interface Inserted {
  id: string;
  plan: RenderPlan;
  /** Worksheet id of each plan sheet, in plan order. */
  sheetIds: string[];
  sheetNames: string[];
}

interface Before {
  ids: string[];
  sheetNames: string[];
  names: string[];
  activeId: string;
}

interface Run {
  prefix: string;
  now: Date;
  /** Worksheet ids this run created. */
  created: string[];
  namesAdded: string[];
  inserted: Inserted[];
  checks: CheckResult[];
  budget: TimeBudget;
  /** Marks added so far (numbering the next one). */
  marks: number;
}

/** The task pane's first call: one Excel.run round trip. */
export async function pingExcel(): Promise<PingReply> {
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    await ctx.sync();
    return { host: `Excel (active sheet "${ws.name}")`, at: new Date().toISOString() };
  });
}

/** Runs every check and returns the report; never throws (a failure is a failed check). */
export async function runSelfCheckExcel(options?: SelfCheckOptions): Promise<SelfCheckReport> {
  const started = new Date();
  const environment = await excelEnvironment();
  const leftovers = await handleLeftovers(options?.removeLeftovers === true);
  const before = await workbookBefore();
  const run: Run = {
    prefix: selfCheckPrefix(started, before.sheetNames),
    now: started,
    created: [],
    namesAdded: [],
    inserted: [],
    checks: leftovers ? [leftovers] : [],
    budget: new TimeBudget(started.getTime(), budgetOf(options?.budgetMs)),
    marks: 0,
  };
  try {
    await checkAll(run, options);
  } catch (e) {
    run.checks.push(errorCheck('Templates', 'Self-check', e));
  } finally {
    run.checks.push(await cleanUp(run, before));
  }
  const skipped = run.budget.check();
  return {
    environment,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    checks: skipped ? [...run.checks, skipped] : run.checks,
  };
}

/** The checks, each started only while the time budget lasts. */
async function checkAll(run: Run, options?: SelfCheckOptions): Promise<void> {
  // "Remove the leftovers" asks for no template: nothing to insert, nothing to call.
  if (Array.isArray(options?.templates) && options.templates.length === 0) return;
  for (const id of templatesToCheck(options))
    if (run.budget.allows(TEMPLATES.find((t) => t.id === id)?.name ?? id)) await insertOne(run, id);
  if (!run.budget.allows('the custom functions')) return;
  const probes = await writeProbes(run);
  await calculateOurs(run);
  for (const i of run.inserted)
    if (run.budget.allows(`the computed columns and charts of ${i.plan.title}`)) await checkInserted(run, i);
  await checkFunctions(run, probes);
}

/** Recalculates this run's worksheets only (Worksheet.calculate, ExcelApi 1.6), never every open workbook. */
async function calculateOurs(run: Run): Promise<void> {
  await Excel.run(async (ctx) => {
    for (const id of run.created) ctx.workbook.worksheets.getItem(id).calculate(true);
    await ctx.sync();
  });
}

/**
 * Worksheets an earlier self-check marked and never removed (stopped before its clean-up): found by the mark names
 * it added with them (the mark follows its sheet when renamed), never by a sheet's name; reported, and removed with
 * the names on them when `remove` is asked.
 */
async function handleLeftovers(remove: boolean): Promise<CheckResult | undefined> {
  try {
    return await Excel.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/formula');
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      const marks = names.items.filter((n) => isSelfCheckMark(n.name));
      const markedNames = new Set(marks.map((n) => markedSheet(n.formula)?.toLowerCase()));
      const found = sheets.items.filter((ws) => markedNames.has(ws.name.toLowerCase()));
      const present = found.map((ws) => ws.name);
      if (!remove || found.length === 0) return leftoverCheck(present, false);
      const gone = new Set(present.map((n) => n.toLowerCase()));
      for (const n of names.items) if (gone.has((markedSheet(n.formula) ?? '').toLowerCase())) n.delete();
      for (const ws of found) ws.delete();
      await ctx.sync();
      return leftoverCheck(present, true);
    });
  } catch (e) {
    return errorCheck('Clean-up', LEFTOVERS_NAME, e);
  }
}

async function workbookBefore(): Promise<Before> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name');
    const names = ctx.workbook.names.load('items/name');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('id');
    await ctx.sync();
    return {
      ids: sheets.items.map((s) => s.id),
      sheetNames: sheets.items.map((s) => s.name),
      names: names.items.map((n) => n.name),
      activeId: active.id,
    };
  });
}

async function insertOne(run: Run, id: string): Promise<void> {
  const name = TEMPLATES.find((t) => t.id === id)?.name ?? id;
  try {
    // Each sheet gets its mark name in the executor's structure batch, with the sheet itself.
    const plan = withMarks(selfCheckPlan(id, run.prefix, run.now), run.prefix, run.marks);
    run.marks += plan.sheets.length;
    const report = await Excel.run((ctx) => applyPlanExcel(ctx, plan));
    // Ours: the ids the insert's own batch returned (a worksheet someone adds meanwhile is not among them).
    const ids = report.sheetIds ?? [];
    run.created = run.created.concat(ids);
    run.namesAdded = run.namesAdded.concat(report.namedRanges);
    run.inserted.push({ id, plan, sheetIds: ids, sheetNames: report.sheets });
    run.checks.push({ group: 'Templates', name, ok: true, detail: insertedDetail(report.sheets) });
  } catch (e) {
    run.checks.push(errorCheck('Templates', name, e));
  }
}

/** One formula per custom function in the STRATEGY namespace, column A of a scratch worksheet. */
async function writeProbes(run: Run): Promise<FunctionProbe[]> {
  const probes = functionProbes();
  const id = await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add(functionsSheetName(run.prefix));
    ws.load('id');
    const mark = `${runMarkPrefix(run.prefix)}${run.marks++}`;
    ctx.workbook.names.add(mark, ws.getRange('$A$1'));
    run.namesAdded.push(mark);
    const cells = Array.from({ length: probes.length * PROBE_ROWS }, (_, r) => [
      r % PROBE_ROWS === 0 ? inNamespace(probes[r / PROBE_ROWS].formula, 'STRATEGY.') : '',
    ]);
    ws.getRangeByIndexes(0, 0, cells.length, 1).formulas = cells;
    const e = EMPTY_CELL_PROBE;
    ws.getRangeByIndexes(e.row, e.col, e.cells.length, 2).formulas = e.cells.map((r) => r.map((v) => v ?? ''));
    ws.getRangeByIndexes(e.row, e.formulaCol, 1, 1).formulas = [[inNamespace(e.formula, 'STRATEGY.')]];
    await ctx.sync();
    return ws.id;
  });
  run.created.push(id);
  return probes;
}

/** The computed columns and the charts of one inserted template, read in one batch. */
async function checkInserted(run: Run, i: Inserted): Promise<void> {
  const specs = templateSheets(i.id);
  try {
    await Excel.run(async (ctx) => {
      const reads = i.plan.sheets.map((sp, k) =>
        queueSheetReads(ctx, i.sheetIds[k], sp.charts, isComparedSheet(specs[k])),
      );
      await ctx.sync();
      for (const r of reads) for (const c of r.charts.items) c.series.load('items/name');
      await ctx.sync();
      reads.forEach((r, k) => {
        const name = i.sheetNames[k];
        if (r.used)
          run.checks = run.checks.concat(
            computedColumnChecks(specs[k], name, r.used.values, { dayOf: localDayOf, now: run.now }),
          );
        i.plan.sheets[k].charts.forEach((op, j) => run.checks.push(chartFacts(op, name, r, j)));
      });
    });
  } catch (e) {
    run.checks.push(errorCheck('Computed columns', TEMPLATES.find((t) => t.id === i.id)?.name ?? i.id, e));
  }
}

interface SheetReads {
  used?: Excel.Range;
  charts: Excel.ChartCollection;
  /** Per chart, per planned series: its (trimmed) values range, loaded with values and columnHidden. */
  series: Excel.Range[][];
}

function queueSheetReads(ctx: Excel.RequestContext, id: string, ops: ChartOp[], compared: boolean): SheetReads {
  const ws = ctx.workbook.worksheets.getItem(id);
  const used = compared ? ws.getUsedRange(false).load('values') : undefined;
  const charts = ws.charts.load('items/plotVisibleOnly');
  const series = ops.map((op) =>
    (op.series ?? []).map((s) => ws.getRange(trimRows(s.values, op.excelRows)).load('values,columnHidden')),
  );
  return { used, charts, series };
}

function chartFacts(op: ChartOp, sheetName: string, r: SheetReads, j: number): CheckResult {
  const chart = r.charts.items[j];
  const name = `${op.title} on "${sheetName}"`;
  if (!chart) return { group: 'Charts', name, ok: false, detail: 'not found' };
  return chartCheck({
    name,
    seriesCount: chart.series.items.length,
    plannedSeries: op.series?.length ?? 0,
    plotsHiddenColumns: chart.plotVisibleOnly === false,
    series: r.series[j].map((range) => ({
      values: range.values.map((row) => row[0]),
      hiddenColumn: range.columnHidden === true,
    })),
    awaitsData: emptyExpected(op.kind),
  });
}

/** Reads the probes' results, waiting while Excel still shows #BUSY! (up to about 30 s). */
async function checkFunctions(run: Run, probes: FunctionProbe[]): Promise<void> {
  const id = run.created[run.created.length - 1];
  let empty: unknown;
  const read = (): Promise<unknown[]> =>
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      const r = ws.getRangeByIndexes(0, 0, probes.length * PROBE_ROWS, 1).load('values');
      const e = ws.getRangeByIndexes(EMPTY_CELL_PROBE.row, EMPTY_CELL_PROBE.formulaCol, 1, 1).load('values');
      await ctx.sync();
      empty = e.values[0][0];
      return [...r.values.map((row) => row[0]), empty];
    });
  let values = await read();
  for (let tries = 0; tries < 30 && values.some(isPending); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    values = await read();
  }
  probes.forEach((p, i) =>
    run.checks.push(
      functionCheck(
        p,
        p.expected.map((_, k) => values[probeRow(i) - 1 + k]),
      ),
    ),
  );
  run.checks.push(emptyCellsCheck(empty));
}

/** Deletes the names and worksheets this run created (worksheets by id), shows the sheet that was active, and checks the workbook is as before. */
async function cleanUp(run: Run, before: Before): Promise<CheckResult> {
  try {
    return await Excel.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name');
      const sheets = ctx.workbook.worksheets.load('items/id');
      await ctx.sync();
      const existed = new Set(before.names.map((n) => n.toLowerCase()));
      const ours = new Set(run.namesAdded.map((n) => n.toLowerCase()).filter((n) => !existed.has(n)));
      for (const n of names.items) if (ours.has(n.name.toLowerCase())) n.delete();
      // A failed insert has already removed its own worksheets: only those still there are left to remove.
      const present = new Set(sheets.items.map((s) => s.id));
      const created = run.created.filter((id) => present.has(id));
      for (const id of [...created].reverse()) ctx.workbook.worksheets.getItem(id).delete();
      ctx.workbook.worksheets.getItem(before.activeId).activate();
      const after = ctx.workbook.worksheets.load('items/id,items/name');
      const namesAfter = ctx.workbook.names.load('items/name');
      await ctx.sync();
      const list = (ids: string[], sheetNames: string[], defined: string[]): WorkbookList => ({
        sheets: ids.map((id, i) => ({ id, name: sheetNames[i] })),
        names: defined,
      });
      return cleanUpCheck(
        created.length,
        [],
        list(before.ids, before.sheetNames, before.names),
        list(
          after.items.map((s) => s.id),
          after.items.map((s) => s.name),
          namesAfter.items.map((n) => n.name),
        ),
      );
    });
  } catch (e) {
    return errorCheck('Clean-up', CLEAN_UP_NAME, e);
  }
}
