/**
 * The self-check's comparison of what the host's own engine calculated in the inserted sheets with the core
 * functions on the same inputs: scores, ranks, quadrants, planned quarters (Prioritization), per-dimension
 * status, overall score and status (Technical Health), metric progress and status (Metrics Dashboard), DORA
 * levels (Engineering Velocity). Pure: the host hands the sheet's values as it reads them after calculating
 * (Sheets getValues, Excel range.values), with a DayOf for the Dates Sheets returns.
 */
import type { InvokeContext } from '../functions/spec';
import { isCellError, type Result } from '../core/values';
import { datesAsDays, type DayOf } from '../dates/calendar-day';
import { layoutSheet, type SheetLayout } from '../compiler/compile';
import type { ColumnSpec, Computes, SheetSpec, SideItem } from '../spec/spec';
import {
  argValue,
  computedParts,
  computeOverColumns,
  evaluateRows,
  isEvaluation,
  ranks,
  refusedRows,
  type ArgSource,
  type CoreComputes,
} from '../strategy/computed';
import type { CheckResult } from './report';

/** Reads one inserted sheet as the host computed it: data columns and side-block values by key. */
interface SheetValues {
  spec: SheetSpec;
  sheetName: string;
  column(key: string): unknown[];
  side(key: string): unknown;
  ctx: InvokeContext;
}

export interface ColumnCheckContext {
  /** Reads a Date (Sheets) as the day it shows in the spreadsheet's zone. */
  dayOf: DayOf;
  /** The moment of calculation (today, for METRIC_STATUS). */
  now: Date;
}

/** Whether the self-check compares this sheet's computed columns (its schema declares some: `computes`). */
export const isComparedSheet = (spec: SheetSpec): boolean => computedParts(spec).length > 0;

/** Checks for one inserted sheet, from its values as the host read them (row 0 = the header row, from A1). */
export function computedColumnChecks(
  spec: SheetSpec,
  sheetName: string,
  grid: unknown[][],
  ctx: ColumnCheckContext,
): CheckResult[] {
  return isComparedSheet(spec) ? schemaChecks(sheetValues(spec, sheetName, grid, ctx)) : [];
}

function sheetValues(spec: SheetSpec, sheetName: string, grid: unknown[][], ctx: ColumnCheckContext): SheetValues {
  const L: SheetLayout = layoutSheet(spec);
  const at = (row1: number, col0: number): unknown => {
    const v = grid[row1 - 1]?.[col0];
    return v === '' || v === undefined ? null : datesAsDays([v], ctx.dayOf)[0];
  };
  return {
    spec,
    sheetName,
    column: (key) => Array.from({ length: L.rows }, (_, i) => at(L.firstRow + i, L.index[key])),
    side: (key) => {
      const m = /^\$([A-Z]+)\$(\d+)$/.exec(L.side[key])!;
      const col0 = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return at(Number(m[2]), col0);
    },
    ctx: { now: () => ctx.now, dayOf: ctx.dayOf },
  };
}

/**
 * One check per computed column and side summary of the sheet's schema, in declaration order: the host's values
 * against the core function on the sheet's own inputs. An argument that is itself computed takes the core's values
 * (so one wrong column is reported once, not again in every column computed from it).
 */
function schemaChecks(s: SheetValues): CheckResult[] {
  const core = new Map<string, unknown[]>();
  const from = {
    column: (key: string) => core.get(key) ?? s.column(key),
    side: (key: string) => core.get(`side:${key}`)?.[0] ?? s.side(key),
  };
  const isSide = (part: ColumnSpec | SideItem): part is SideItem => 'label' in part;
  return computedParts(s.spec).map((part) => {
    const c = part.computes!;
    const got = isSide(part) ? [s.side(part.key)] : s.column(part.key);
    const rows = 'fn' in c && c.rows !== undefined ? c.rows : got.length;
    const want = expected(c, s, from, got.length);
    // A number column feeds the others as numbers (a blank score plans nothing).
    const numbers = want.map((x) => (typeof x === 'number' ? x : null));
    core.set(isSide(part) ? `side:${part.key}` : part.key, part.kind === 'number' ? numbers : want);
    return columnCheck(s, part.key, got.slice(0, rows), want.slice(0, rows), 'fn' in c ? c.fn : c.name);
  });
}

/** What a computed part should hold: the core function's results, the ranks, or the named evaluation's values. */
function expected(c: Computes, s: SheetValues, from: ArgSource, rows: number): unknown[] {
  if ('fn' in c) return coreResults(c, from, s.ctx);
  if (isEvaluation(c)) return evaluateRows(c, s.spec, from, rows);
  return ranks(from.column(c.rankOf));
}

/** The core function over the sheet's columns, with what the sheet shows for an error where it says. */
function coreResults(c: CoreComputes, from: ArgSource, ctx: InvokeContext): unknown[] {
  const args = c.args.map((a) => argValue(a, from));
  const refused = refusedRows(c, args);
  if (refused) return refused;
  const results = computeOverColumns(c, args, ctx);
  return c.errorShows === undefined ? results : results.map((r) => (isCellError(r) ? c.errorShows : r));
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
