/**
 * The self-check in Google Sheets (Extensions ▸ Tech Strategy ▸ Check this add-in, and the sidebar's About
 * tab): inserts every template with the example into new sheets under a unique prefix, writes one formula per
 * custom function on a scratch sheet, lets Sheets calculate (SpreadsheetApp.flush), reads the computed columns
 * back and compares them with the core (shared/self-check), checks that every chart draws its data, then
 * removes exactly what it created (the Sheet objects and named ranges it made, identified by sheet id, never
 * by name alone) and returns the report. Nothing that existed before is read beyond its id and name, or written.
 */
import type { DayOf } from '../../shared/dates/calendar-day';
import { templateSheets, TEMPLATES } from '../../shared/templates/index';
import { localFormula, type DecimalSeparator } from '../../shared/templates/formula-syntax';
import type { RenderPlan } from '../../shared/templates/plan';
import { chartCheck, plotsHiddenColumnsSheets, sheetsSeries } from '../../shared/self-check/charts';
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
}

/** The sidebar's first call: proves google.script.run reaches the server. */
export function ping(): PingReply {
  return { host: 'Google Sheets', at: new Date().toISOString() };
}

/** Runs every check and returns the report; never throws (a failure is a failed check). */
export function runSelfCheck(options?: SelfCheckOptions): SelfCheckReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const started = new Date();
  const beforeIds = ss.getSheets().map((s) => s.getSheetId());
  const beforeNames = ss.getNamedRanges().map((n) => n.getName());
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
    checks: [],
  };
  try {
    for (const id of templatesToCheck(options)) insertOne(run, id, beforeIds);
    const probes = writeProbes(run);
    SpreadsheetApp.flush();
    for (const i of run.inserted) checkInserted(run, i);
    checkFunctions(run, probes);
  } catch (e) {
    run.checks.push(errorCheck('Templates', 'Self-check', e));
  } finally {
    cleanUp(run, beforeIds, beforeNames, active);
  }
  return {
    environment: sheetsEnvironment(ss, syntax),
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    checks: run.checks,
  };
}

function insertOne(run: Run, id: string, beforeIds: number[]): void {
  const name = TEMPLATES.find((t) => t.id === id)?.name ?? id;
  try {
    const plan = selfCheckPlan(id, run.prefix, run.now);
    const known = new Set([...beforeIds, ...run.created.map((s) => s.getSheetId())]);
    const report = applyPlanSheets(run.ss, plan, { decimal: run.decimal });
    // Ours: the sheets whose ids were not there before (whatever their names), and the names the insert made.
    run.created = run.created.concat(run.ss.getSheets().filter((s) => !known.has(s.getSheetId())));
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
  run.created.push(sheet);
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
    awaitsData: op?.kind === 'metricTrend',
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
function cleanUp(run: Run, beforeIds: number[], beforeNames: string[], active: Sheet): void {
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
  run.checks.push(cleanUpCheck(run.ss, run.created.length - left.length, left, beforeIds, beforeNames));
}

function cleanUpCheck(ss: Spreadsheet, removed: number, left: string[], ids: number[], names: string[]): CheckResult {
  const nowIds = ss.getSheets().map((s) => s.getSheetId());
  const nowNames = ss.getNamedRanges().map((n) => n.getName());
  const same = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  const ok = left.length === 0 && same(nowIds, ids) && same([...nowNames].sort(), [...names].sort());
  return {
    group: 'Clean-up',
    name: 'Everything the check created is removed; nothing else changed',
    ok,
    detail: ok
      ? `${removed} sheets removed; the workbook has its ${ids.length} sheets and ${names.length} named ranges as before`
      : `left: ${left.join(', ') || '(none)'}; sheets before ${ids.length}, now ${nowIds.length}; names before ${names.length}, now ${nowNames.length}`,
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
