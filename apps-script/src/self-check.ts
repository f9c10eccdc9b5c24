/**
 * The self-check in Google Sheets (Extensions ▸ Tech Strategy ▸ Check this add-in, and the sidebar's About
 * tab): inserts every template with the example into new sheets under a unique prefix, writes one formula per
 * custom function on a scratch sheet, lets Sheets calculate (SpreadsheetApp.flush), reads the computed columns
 * back and compares them with the core (shared/self-check), checks that every chart draws its data, then
 * removes exactly what it created and returns the report. Ownership (shared/self-check/ownership.ts): each sheet
 * it creates is recorded as the object `insertSheet` returned and marked with developer metadata at once, so a
 * sheet a co-author adds meanwhile is never removed, and a run killed before its clean-up is recognised by the
 * next one by that mark. It holds the document lock (one self-check or insert at a time) and a time budget well
 * under Apps Script's 6 minutes. Nothing that existed before is read beyond its id and name, or written.
 */
import type { DayOf } from '../../shared/dates/calendar-day';
import { templateSheets, TEMPLATES } from '../../shared/templates/index';
import { localFormula, type DecimalSeparator } from '../../shared/plan/formula-syntax';
import type { RenderPlan } from '../../shared/plan/plan';
import { chartCheck, emptyExpected, plotsHiddenColumnsSheets, sheetsSeries } from '../../shared/self-check/charts';
import { computedColumnChecks, isComparedSheet } from '../../shared/self-check/columns';
import {
  functionCheck,
  functionProbes,
  functionsSheetName,
  isPending,
  PROBE_ROWS,
  probeRow,
  selfCheckPlan,
  selfCheckPrefix,
  templatesToCheck,
} from '../../shared/self-check/plan';
import {
  errorCheck,
  insertedDetail,
  type CheckResult,
  type PingReply,
  type SelfCheckOptions,
  type SelfCheckReport,
} from '../../shared/self-check/report';
import { spreadsheetDayOf } from './dates';
import { spreadsheetNumberSyntax } from './locale';
import { applyPlanSheets } from './templates/executor';
import { LOCK_WAIT_MS } from './templates/document-lock';
import { selfCheckBusy } from '../../shared/core/messages';
import {
  budgetOf,
  cleanUpCheck,
  leftoverCheck,
  SELF_CHECK_METADATA_KEY,
  TimeBudget,
  type WorkbookList,
} from '../../shared/self-check/ownership';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Inserted {
  id: string;
  plan: RenderPlan;
  /** The names the plan's sheets got, in plan order. */
  sheetNames: string[];
}

interface Run {
  ss: Spreadsheet;
  prefix: string;
  now: Date;
  dayOf: DayOf;
  decimal: DecimalSeparator;
  /** Sheets this run created, as the objects Sheets returned (removed by identity at the end). */
  created: Sheet[];
  /** Named ranges this run created. */
  names: string[];
  inserted: Inserted[];
  checks: CheckResult[];
  budget: TimeBudget;
}

/** The sidebar's first call: proves google.script.run reaches the server. */
export function ping(): PingReply {
  return { host: 'Google Sheets', at: new Date().toISOString() };
}

/**
 * Runs every check and returns the report; never throws (a failure is a failed check). Holds the document lock
 * (LockService.getDocumentLock()); where Apps Script gives none (null outside a bound document) it runs without,
 * its marks keeping what is its own apart from anything another writer adds meanwhile.
 */
export function runSelfCheck(options?: SelfCheckOptions): SelfCheckReport {
  const lock = LockService.getDocumentLock();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) {
    const busy: CheckResult = {
      group: 'Templates',
      name: 'Self-check',
      ok: false,
      detail: selfCheckBusy(LOCK_WAIT_MS / 1000),
    };
    return {
      environment: sheetsEnvironment(ss, spreadsheetNumberSyntax(ss)),
      startedAt: new Date().toISOString(),
      durationMs: 0,
      checks: [busy],
    };
  }
  try {
    return checkUnderLock(ss, options);
  } finally {
    lock?.releaseLock();
  }
}

function checkUnderLock(ss: Spreadsheet, options?: SelfCheckOptions): SelfCheckReport {
  const started = new Date();
  const leftovers = handleLeftovers(ss, options?.removeLeftovers === true);
  const before = listOf(ss);
  const active = ss.getActiveSheet();
  const syntax = spreadsheetNumberSyntax(ss);
  const run: Run = {
    ss,
    prefix: selfCheckPrefix(
      started,
      ss.getSheets().map((s) => s.getName()),
    ),
    now: started,
    dayOf: spreadsheetDayOf(),
    decimal: syntax.decimal,
    created: [],
    names: [],
    inserted: [],
    checks: leftovers ? [leftovers] : [],
    budget: new TimeBudget(started.getTime(), budgetOf(options?.budgetMs)),
  };
  try {
    checkAll(run, options);
  } catch (e) {
    run.checks.push(errorCheck('Templates', 'Self-check', e));
  } finally {
    cleanUp(run, before, active);
  }
  const skipped = run.budget.check();
  return {
    environment: sheetsEnvironment(ss, syntax),
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    checks: skipped ? [...run.checks, skipped] : run.checks,
  };
}

/** The checks, each started only while the time budget lasts. */
function checkAll(run: Run, options?: SelfCheckOptions): void {
  // "Remove the leftovers" asks for no template: nothing to insert, nothing to call.
  if (Array.isArray(options?.templates) && options.templates.length === 0) return;
  for (const id of templatesToCheck(options))
    if (run.budget.allows(TEMPLATES.find((t) => t.id === id)?.name ?? id)) insertOne(run, id);
  if (!run.budget.allows('the custom functions')) return;
  const probes = writeProbes(run);
  SpreadsheetApp.flush();
  for (const i of run.inserted)
    if (run.budget.allows(`the computed columns and charts of ${i.plan.title}`)) checkInserted(run, i);
  checkFunctions(run, probes);
}

/** Marks a sheet this run created as the self-check's own (developer metadata, invisible, kept on renames). */
function markOurs(run: Run, sheet: Sheet): void {
  run.created.push(sheet);
  sheet.addDeveloperMetadata(SELF_CHECK_METADATA_KEY, run.prefix);
}

const isMarked = (sheet: Sheet): boolean =>
  sheet.getDeveloperMetadata().some((m) => m.getKey() === SELF_CHECK_METADATA_KEY);

/**
 * Sheets an earlier self-check marked and never removed (it was stopped before its clean-up): found by the mark,
 * never by name; reported, and removed with the named ranges on them when `remove` is asked.
 */
function handleLeftovers(ss: Spreadsheet, remove: boolean): CheckResult | undefined {
  const marked = ss.getSheets().filter(isMarked);
  const names = marked.map((s) => s.getName());
  if (!remove || marked.length === 0) return leftoverCheck(names, false);
  try {
    const ids = new Set(marked.map((s) => s.getSheetId()));
    for (const n of ss.getNamedRanges())
      if (ids.has(n.getRange().getSheet().getSheetId())) ss.removeNamedRange(n.getName());
    for (const s of marked) ss.deleteSheet(s);
    return leftoverCheck(names, true);
  } catch (e) {
    return leftoverCheck(names, true, e instanceof Error ? e.message : String(e));
  }
}

function insertOne(run: Run, id: string): void {
  const name = TEMPLATES.find((t) => t.id === id)?.name ?? id;
  try {
    const plan = selfCheckPlan(id, run.prefix, run.now);
    // Ours: exactly the sheets this insert's insertSheet calls returned (a sheet someone adds meanwhile is not).
    const onSheetCreated = (sheet: Sheet): void => markOurs(run, sheet);
    const report = applyPlanSheets(run.ss, plan, { decimal: run.decimal, onSheetCreated });
    run.names = run.names.concat(report.namedRanges);
    run.inserted.push({ id, plan, sheetNames: report.sheets });
    run.checks.push({ group: 'Templates', name, ok: true, detail: insertedDetail(report.sheets) });
  } catch (e) {
    run.checks.push(errorCheck('Templates', name, e));
  }
}

/** One formula per custom function on the scratch sheet (row 1, one column each), in the spreadsheet's syntax. */
function writeProbes(run: Run): ReturnType<typeof functionProbes> {
  const probes = functionProbes();
  const sheet = run.ss.insertSheet(functionsSheetName(run.prefix), run.ss.getNumSheets());
  markOurs(run, sheet);
  const cells = Array.from({ length: probes.length * PROBE_ROWS }, (_, r) => [
    r % PROBE_ROWS === 0 ? localFormula(probes[r / PROBE_ROWS].formula, run.decimal) : '',
  ]);
  sheet.getRange(1, 1, cells.length, 1).setValues(cells);
  return probes;
}

function ourSheet(run: Run, name: string): Sheet | undefined {
  return run.created.find((s) => s.getName() === name);
}

function checkInserted(run: Run, i: Inserted): void {
  const specs = templateSheets(i.id);
  i.plan.sheets.forEach((sp, k) => {
    const name = i.sheetNames[k];
    const sheet = ourSheet(run, name);
    if (!sheet) return;
    try {
      if (isComparedSheet(specs[k])) {
        const grid = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
        run.checks = run.checks.concat(computedColumnChecks(specs[k], name, grid, { dayOf: run.dayOf, now: run.now }));
      }
      const charts = sheet.getCharts();
      charts.forEach((c, j) => run.checks.push(checkChart(sheet, c, sp.charts[j], name)));
      sp.charts
        .slice(charts.length)
        .forEach((op) =>
          run.checks.push({ group: 'Charts', name: `${op.title} on "${name}"`, ok: false, detail: 'not found' }),
        );
    } catch (e) {
      run.checks.push(errorCheck('Computed columns', name, e));
    }
  });
}

function checkChart(
  sheet: Sheet,
  chart: GoogleAppsScript.Spreadsheet.EmbeddedChart,
  op: RenderPlan['sheets'][number]['charts'][number] | undefined,
  sheetName: string,
): CheckResult {
  const ranges = chart.getRanges().map((r) => ({
    values: r.getValues(),
    hiddenColumns: Array.from({ length: r.getNumColumns() }, (_, j) => sheet.isColumnHiddenByUser(r.getColumn() + j)),
  }));
  const series = sheetsSeries(ranges, chart.getNumHeaders());
  return chartCheck({
    name: `${op?.title ?? 'Chart'} on "${sheetName}"`,
    seriesCount: series.length,
    plannedSeries: op?.series?.length ?? series.length,
    plotsHiddenColumns: plotsHiddenColumnsSheets(String(chart.getHiddenDimensionStrategy())),
    series,
    awaitsData: emptyExpected(op?.kind),
  });
}

/** Reads the probes' results, waiting while Sheets still shows "Loading..." (up to about 30 s). */
function checkFunctions(run: Run, probes: ReturnType<typeof functionProbes>): void {
  const sheet = run.created[run.created.length - 1];
  const read = (): unknown[] =>
    sheet
      .getRange(1, 1, probes.length * PROBE_ROWS, 1)
      .getValues()
      .map((r) => r[0]);
  let values = read();
  for (let tries = 0; tries < 30 && values.some(isPending); tries++) {
    Utilities.sleep(1000);
    values = read();
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

/** Removes the named ranges and sheets this run created (by identity), then shows the sheet that was active. */
function cleanUp(run: Run, before: WorkbookList, active: Sheet): void {
  // A failed insert has already removed its own sheets: only those still in the spreadsheet are left to remove.
  const present = new Set(run.ss.getSheets().map((s) => s.getSheetId()));
  run.created = run.created.filter((s) => present.has(s.getSheetId()));
  const ours = new Set(run.created.map((s) => s.getSheetId()));
  const left: string[] = [];
  for (const n of run.names) {
    try {
      // Only a name on one of our sheets is ours to remove.
      const range = run.ss.getRangeByName(n);
      if (range && ours.has(range.getSheet().getSheetId())) run.ss.removeNamedRange(n);
    } catch {
      // removing the sheet below removes what the name pointed at
    }
  }
  for (const s of [...run.created].reverse()) {
    const name = s.getName();
    try {
      run.ss.deleteSheet(s);
    } catch {
      left.push(name);
    }
  }
  try {
    run.ss.setActiveSheet(active);
  } catch {
    // the user's sheet stays as it is; only the selection differs
  }
  run.checks.push(cleanUpCheck(run.created.length - left.length, left, before, listOf(run.ss)));
}

/** The spreadsheet's sheets (ids as text) and named ranges now. */
function listOf(ss: Spreadsheet): WorkbookList {
  return {
    sheets: ss.getSheets().map((s) => ({ id: String(s.getSheetId()), name: s.getName() })),
    names: ss.getNamedRanges().map((n) => n.getName()),
  };
}

function sheetsEnvironment(
  ss: Spreadsheet,
  syntax: { locale: string; decimal: DecimalSeparator },
): SelfCheckReport['environment'] {
  const scriptZone = typeof Session !== 'undefined' ? Session.getScriptTimeZone() : 'unknown';
  return {
    host: 'Google Sheets',
    platform: 'Apps Script (V8 runtime)',
    api: 'Spreadsheet service',
    locale: syntax.locale || 'unknown',
    numbers:
      syntax.decimal === ','
        ? 'decimal comma; formulas written with ";" between arguments'
        : 'decimal point; formulas written with "," between arguments',
    timeZone: `${ss.getSpreadsheetTimeZone()} (script: ${scriptZone})`,
  };
}
