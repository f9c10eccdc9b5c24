/**
 * The self-check's comparison of what the host's own engine calculated in the inserted sheets with the core
 * functions on the same inputs: scores, ranks, quadrants, planned quarters (Prioritization), per-dimension
 * status, overall score and status (Technical Health), metric progress and status (Metrics Dashboard), DORA
 * levels (Engineering Velocity). Pure: the host hands the sheet's values as it reads them after calculating
 * (Sheets getValues, Excel range.values), with a DayOf for the Dates Sheets returns.
 */
import { findFunction, invoke } from '../functions';
import type { InvokeContext } from '../functions/spec';
import { isCellError, type Result } from '../core/values';
import { datesAsDays, type DayOf } from '../dates/calendar-day';
import { layoutSheet, type SheetLayout } from '../compiler/compile';
import type { SheetSpec } from '../spec/spec';
import { TOO_BIG_TEXT } from '../scoring/plan';
import { DORA_ROWS } from '../catalogue/velocity';
import type { CheckResult } from './report';

/** Reads one inserted sheet as the host computed it: data columns and side-block values by key. */
interface SheetValues {
  spec: SheetSpec;
  sheetName: string;
  column(key: string): unknown[];
  side(key: string): unknown;
  /** The core function's results for these columns (ranges of the sheet's rows). */
  core(name: string, args: unknown[]): Result[];
}

export interface ColumnCheckContext {
  /** Reads a Date (Sheets) as the day it shows in the spreadsheet's zone. */
  dayOf: DayOf;
  /** The moment of calculation (today, for METRIC_STATUS). */
  now: Date;
}

/** The sheet keys compared, with what each computes. */
const COMPARED: Record<string, (s: SheetValues) => CheckResult[]> = {
  projects: prioritizationChecks,
  health: healthChecks,
  metrics: metricsChecks,
  velocity: velocityChecks,
};

/** Whether the self-check compares this sheet's computed columns. */
export const isComparedSheet = (spec: SheetSpec): boolean => spec.key in COMPARED;

/** Checks for one inserted sheet, from its values as the host read them (row 0 = the header row, from A1). */
export function computedColumnChecks(
  spec: SheetSpec,
  sheetName: string,
  grid: unknown[][],
  ctx: ColumnCheckContext,
): CheckResult[] {
  const compare = COMPARED[spec.key];
  return compare ? compare(sheetValues(spec, sheetName, grid, ctx)) : [];
}

function sheetValues(spec: SheetSpec, sheetName: string, grid: unknown[][], ctx: ColumnCheckContext): SheetValues {
  const L: SheetLayout = layoutSheet(spec);
  const at = (row1: number, col0: number): unknown => {
    const v = grid[row1 - 1]?.[col0];
    return v === '' || v === undefined ? null : datesAsDays([v], ctx.dayOf)[0];
  };
  const invokeCtx: InvokeContext = { now: () => ctx.now, dayOf: ctx.dayOf };
  return {
    spec,
    sheetName,
    column: (key) => Array.from({ length: L.rows }, (_, i) => at(L.firstRow + i, L.index[key])),
    side: (key) => {
      const m = /^\$([A-Z]+)\$(\d+)$/.exec(L.side[key])!;
      const col0 = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return at(Number(m[2]), col0);
    },
    core: (name, args) =>
      invoke(
        findFunction(name)!,
        args.map((a) => (Array.isArray(a) ? a.map((x) => [x === null ? '' : x]) : a)),
        invokeCtx,
      ).map((r) => r[0]),
  };
}

/** A value as both sides are compared: blank "", an error "#ERR", numbers to 10 significant digits. */
function shown(v: unknown): string | number {
  if (v === null || v === undefined || v === '') return '';
  if (isCellError(v as Result) || (typeof v === 'string' && /^#[A-Z0-9/]+[!?]?$/.test(v))) return '#ERR';
  if (typeof v === 'number') return Number(v.toPrecision(10));
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** One check: the host's column against the core's values, row by row. */
function columnCheck(s: SheetValues, key: string, got: unknown[], want: unknown[], fn: string): CheckResult {
  const header = s.spec.columns.find((c) => c.key === key)?.header ?? s.spec.side?.find((x) => x.key === key)?.label;
  const name = `${s.sheetName}: ${header ?? key}`;
  const bad: string[] = [];
  let filled = 0;
  got.forEach((g, i) => {
    const [a, b] = [shown(g), shown(want[i])];
    if (a !== '') filled++;
    if (a !== b) bad.push(`row ${i + 1}: sheet ${a === '' ? '(blank)' : a}, ${fn} ${b === '' ? '(blank)' : b}`);
  });
  if (bad.length > 0)
    return {
      group: 'Computed columns',
      name,
      ok: false,
      detail: `${bad.slice(0, 3).join('; ')}${bad.length > 3 ? ` (${bad.length} rows differ)` : ''}`,
    };
  const sample = got
    .filter((g) => shown(g) !== '')
    .slice(0, 3)
    .map(shown)
    .join(', ');
  return {
    group: 'Computed columns',
    name,
    ok: true,
    detail: `${filled} filled, equal to ${fn}${sample ? ` (${sample}…)` : ''}`,
  };
}

function prioritizationChecks(s: SheetValues): CheckResult[] {
  const [impact, urgency, effort, risk] = ['impact', 'urgency', 'effort', 'risk'].map((k) => s.column(k));
  const scores = s.core('PRIORITY_SCORE', [impact, urgency, effort, risk]);
  const numbers = scores.map((x) => (typeof x === 'number' ? x : null));
  const ranks = numbers.map((x, i) =>
    x === null
      ? null
      : 1 + numbers.filter((y) => y !== null && y > x).length + numbers.slice(0, i).filter((y) => y === x).length,
  );
  const plan = s
    .core('PRIORITY_PLAN', [
      numbers,
      effort.map((e, i) => (numbers[i] === null ? null : e)),
      s.side('capacity'),
      s.side('start'),
    ])
    .map((q) => (isCellError(q) ? TOO_BIG_TEXT : q));
  return [
    columnCheck(s, 'score', s.column('score'), scores, 'PRIORITY_SCORE'),
    columnCheck(s, 'rank', s.column('rank'), ranks, 'the order of PRIORITY_SCORE'),
    columnCheck(
      s,
      'quadrant',
      s.column('quadrant'),
      s.core('PRIORITY_QUADRANT', [impact, effort, s.side('threshold')]),
      'PRIORITY_QUADRANT',
    ),
    columnCheck(s, 'quarter', s.column('quarter'), plan, 'PRIORITY_PLAN'),
  ];
}

function healthChecks(s: SheetValues): CheckResult[] {
  const ratings = s.column('rating');
  const overall = s.core('HEALTH_SCORE', [ratings])[0];
  return [
    columnCheck(s, 'band', s.column('band'), s.core('HEALTH_STATUS', [ratings]), 'HEALTH_STATUS'),
    columnCheck(s, 'overall', [s.side('overall')], [overall], 'HEALTH_SCORE'),
    columnCheck(s, 'status', [s.side('status')], s.core('HEALTH_STATUS', [overall]), 'HEALTH_STATUS'),
  ];
}

function metricsChecks(s: SheetValues): CheckResult[] {
  const [b, c, t, start, due] = ['baseline', 'current', 'target', 'start', 'due'].map((k) => s.column(k));
  return [
    columnCheck(s, 'progress', s.column('progress'), s.core('METRIC_PROGRESS', [b, c, t]), 'METRIC_PROGRESS'),
    columnCheck(s, 'status', s.column('status'), s.core('METRIC_STATUS', [b, c, t, start, due]), 'METRIC_STATUS'),
  ];
}

function velocityChecks(s: SheetValues): CheckResult[] {
  const current = s.column('current');
  const want = DORA_ROWS.map((d, i) => s.core('DORA_LEVEL', [d.metric, current[i]])[0]);
  return [columnCheck(s, 'level', s.column('level').slice(0, DORA_ROWS.length), want, 'DORA_LEVEL')];
}
