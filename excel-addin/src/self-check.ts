/**
 * The self-check in Excel (the task pane's About tab): inserts every template with the example into new
 * worksheets under a unique prefix, writes one formula per custom function on a scratch worksheet, asks Excel
 * to calculate, reads the computed columns back and compares them with the core (shared/self-check), checks
 * that every chart has its series and draws their data, then deletes exactly what it created (worksheets by
 * their id, names that did not exist before) and returns the report. What existed before is only listed
 * (ids and names), never written.
 */
import { localDayOf } from '../../shared/dates/calendar-day';
import { templateSheets, TEMPLATES } from '../../shared/templates/index';
import type { ChartOp, RenderPlan } from '../../shared/templates/plan';
import { chartCheck } from '../../shared/self-check/charts';
import { computedColumnChecks, isComparedSheet } from '../../shared/self-check/columns';
import {
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
  const before = await workbookBefore();
  const run: Run = {
    prefix: selfCheckPrefix(started, before.sheetNames),
    now: started,
    created: [],
    namesAdded: [],
    inserted: [],
    checks: [],
  };
  try {
    for (const id of templatesToCheck(options)) await insertOne(run, id, before.ids);
    const probes = await writeProbes(run);
    await Excel.run(async (ctx) => {
      ctx.workbook.application.calculate('Full');
      await ctx.sync();
    });
    for (const i of run.inserted) await checkInserted(run, i);
    await checkFunctions(run, probes);
  } catch (e) {
    run.checks.push(errorCheck('Templates', 'Self-check', e));
  } finally {
    run.checks.push(await cleanUp(run, before));
  }
  return {
    environment,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    checks: run.checks,
  };
}

async function workbookBefore(): Promise<Before & { sheetNames: string[] }> {
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

/** Worksheets (id, name) of the workbook now. */
async function sheetList(): Promise<Array<{ id: string; name: string }>> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name');
    await ctx.sync();
    return sheets.items.map((s) => ({ id: s.id, name: s.name }));
  });
}

async function insertOne(run: Run, id: string, beforeIds: string[]): Promise<void> {
  const name = TEMPLATES.find((t) => t.id === id)?.name ?? id;
  try {
    const plan = selfCheckPlan(id, run.prefix, run.now);
    const report = await Excel.run((ctx) => applyPlanExcel(ctx, plan));
    const known = new Set([...beforeIds, ...run.created]);
    const fresh = (await sheetList()).filter((s) => !known.has(s.id));
    run.created = run.created.concat(fresh.map((s) => s.id));
    run.namesAdded = run.namesAdded.concat(report.namedRanges);
    const idOf = (n: string): string => fresh.find((s) => s.name === n)?.id ?? '';
    run.inserted.push({ id, plan, sheetIds: report.sheets.map(idOf), sheetNames: report.sheets });
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
    const cells = Array.from({ length: probes.length * PROBE_ROWS }, (_, r) => [
      r % PROBE_ROWS === 0 ? inNamespace(probes[r / PROBE_ROWS].formula, 'STRATEGY.') : '',
    ]);
    ws.getRangeByIndexes(0, 0, cells.length, 1).formulas = cells;
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
    awaitsData: op.kind === 'metricTrend',
  });
}

/** Reads the probes' results, waiting while Excel still shows #BUSY! (up to about 30 s). */
async function checkFunctions(run: Run, probes: FunctionProbe[]): Promise<void> {
  const id = run.created[run.created.length - 1];
  const read = (): Promise<unknown[]> =>
    Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem(id)
        .getRangeByIndexes(0, 0, probes.length * PROBE_ROWS, 1)
        .load('values');
      await ctx.sync();
      return r.values.map((row) => row[0]);
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
}

/** Deletes the names and worksheets this run created (worksheets by id), shows the sheet that was active, and checks the workbook is as before. */
async function cleanUp(run: Run, before: Before): Promise<CheckResult> {
  const name = 'Everything the check created is removed; nothing else changed';
  try {
    return await Excel.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name');
      await ctx.sync();
      const existed = new Set(before.names.map((n) => n.toLowerCase()));
      const ours = new Set(run.namesAdded.map((n) => n.toLowerCase()).filter((n) => !existed.has(n)));
      for (const n of names.items) if (ours.has(n.name.toLowerCase())) n.delete();
      for (const id of [...run.created].reverse()) ctx.workbook.worksheets.getItem(id).delete();
      ctx.workbook.worksheets.getItem(before.activeId).activate();
      const after = ctx.workbook.worksheets.load('items/id');
      const namesAfter = ctx.workbook.names.load('items/name');
      await ctx.sync();
      const ids = after.items.map((s) => s.id);
      const same = ids.join('\n') === before.ids.join('\n') && namesAfter.items.length === before.names.length;
      return {
        group: 'Clean-up',
        name,
        ok: same,
        detail: same
          ? `${run.created.length} worksheets removed; the workbook has its ${before.ids.length} worksheets and ${before.names.length} names as before`
          : `worksheets before ${before.ids.length}, now ${ids.length}; names before ${before.names.length}, now ${namesAfter.items.length}`,
      };
    });
  } catch (e) {
    return errorCheck('Clean-up', name, e);
  }
}
