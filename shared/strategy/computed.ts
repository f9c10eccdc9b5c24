/**
 * The computed columns of a sheet's schema (templates/schema.ts `computes`), evaluated with the core: the strategy
 * reader computes the values a file has no cached result for, the self-check compares what the host calculated with
 * them. Both go through here, so a computed column is declared once, in its spec.
 */
import { findFunction, invoke } from '../functions';
import { isRangeParam, type InvokeContext } from '../functions/spec';
import { readCell } from '../functions/invoke';
import { isCellError, type Result } from '../core/values';
import type { ColumnSpec, ComputeArg, Computes, Evaluation, ReadValues, SheetSpec, SideItem } from '../spec/spec';
import { READ, readSetting, type ReadCell } from './cells';

/** A computed column calling a core function (not a rank, not a named evaluation). */
export type CoreComputes = Extract<Computes, { fn: string }>;

/** What a computed argument resolves to: a column (one value per row) or one value (a setting). */
export type ArgValue = unknown[] | unknown;

/** Where each kind of argument comes from, as the caller reads the sheet. */
export interface ArgSource {
  column(key: string): unknown[];
  side(key: string): unknown;
}

/** The value an argument has: a column (blank where its `where` column is blank), a setting, or the constants. */
export function argValue(a: ComputeArg, from: ArgSource): ArgValue {
  if ('values' in a) return [...a.values];
  if ('side' in a) return from.side(a.side);
  const values = from.column(a.col);
  if (a.where === undefined) return values;
  const where = from.column(a.where);
  return values.map((v, i) => (typeof where[i] === 'number' ? v : null));
}

/**
 * The rows as the sheet shows them where the function cannot read the setting the spec names (`refused`): its text
 * on each row whose first argument is filled, blank elsewhere; undefined when the setting is read.
 */
export function refusedRows(c: CoreComputes, args: ArgValue[]): unknown[] | undefined {
  if (c.refused === undefined) return undefined;
  const at = c.args.findIndex((a) => 'side' in a && a.side === c.refused!.side);
  const param = at < 0 ? undefined : findFunction(c.fn)!.params[at];
  if (param === undefined || isRangeParam(param) || !isCellError(readCell(param, args[at] ?? ''))) return undefined;
  const first = args[0];
  return Array.isArray(first)
    ? first.map((v) => (v === null || v === undefined || v === '' ? '' : c.refused!.shows))
    : undefined;
}

/** The function over whole columns (2-D ranges, blanks as ""): one result per row, as a host computes it. */
export function computeOverColumns(c: CoreComputes, args: ArgValue[], ctx: InvokeContext): Result[] {
  const ranges = args.map((a) => (Array.isArray(a) ? a.map((x) => [x === null || x === undefined ? '' : x]) : a));
  return invoke(findFunction(c.fn)!, ranges, ctx).map((r) => r[0]);
}

/** The function called row by row (one row's cells as single arguments). */
export function computeByRow(c: CoreComputes, args: ArgValue[], rows: number, ctx: InvokeContext): Result[] {
  const spec = findFunction(c.fn)!;
  return Array.from(
    { length: rows },
    (_, i) =>
      invoke(
        spec,
        args.map((a) => (Array.isArray(a) ? a[i] : a)),
        ctx,
      )[0][0],
  );
}

/** The 1-based rank of each number, highest first (ties: row order); null for a row without a number. */
export function ranks(values: unknown[]): (number | null)[] {
  const numbers = values.map((x) => (typeof x === 'number' ? x : null));
  return numbers.map((x, i) =>
    x === null
      ? null
      : 1 + numbers.filter((y) => y !== null && y > x).length + numbers.slice(0, i).filter((y) => y === x).length,
  );
}

/** The sheet's computed parts in declaration order: columns, then side-block summaries. */
export function computedParts(spec: SheetSpec): (ColumnSpec | SideItem)[] {
  return [...spec.columns, ...(spec.side ?? [])].filter((c) => c.computes !== undefined);
}

/** Whether a computed column is a named evaluation (not a registry function, not a rank). */
export const isEvaluation = (c: Computes): c is Evaluation => c.evaluate !== undefined;

/**
 * A named evaluation's results, one per row: each row's `kind` columns and the kind settings the sheet has (a
 * setting's key is left out when its label is not on the sheet), read as the reader reads them: a blank setting
 * as its fallback (readSetting), as the sheet's formulas read it (compile.ts settingReference). `from` gives the cells as they are (read here by their kind).
 */
export function evaluateRows(
  e: Evaluation,
  spec: SheetSpec,
  from: ArgSource,
  rows: number,
  has: (sideKey: string) => boolean = () => true,
): unknown[] {
  const columns = spec.columns
    .filter((c) => c.kind !== undefined)
    .map((c) => [c.key, from.column(c.key).map((v) => READ[c.kind!](v as ReadCell))] as const);
  const values: ReadValues[] = Array.from({ length: rows }, (_, i) =>
    Object.fromEntries(columns.map(([key, cells]) => [key, cells[i]])),
  );
  const side: ReadValues = Object.fromEntries(
    (spec.side ?? [])
      .filter((x) => x.kind !== undefined && has(x.key))
      .map((x) => [x.key, readSetting(x, from.side(x.key) as ReadCell)]),
  );
  return [...e.evaluate(values, side)];
}
