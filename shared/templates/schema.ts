/**
 * One typed schema per sheet: a sheet's columns are declared once, in its spec (key, header, `kind` for the columns
 * the strategy reader reads, `computes` for a computed column: the core function it must equal and its arguments),
 * and everything else is derived from that declaration:
 * - the spec's columns are the declaration itself (`defineSheet` returns it, typed);
 * - the row type the strategy reader returns is `RowOf<typeof SHEET>` (strategy/data.ts);
 * - the reader (strategy/read.ts) reads each `kind` column and computes each `computes` column the file has no
 *   value for (strategy/computed.ts);
 * - the self-check (self-check/columns.ts) and the engine tests compare each `computes` column with the core.
 * Formula builders get references typed by the sheet's keys: `r.row.impactx` on a sheet without `impactx` does not
 * compile (test/foundation/schema-types.test.ts).
 */
import type { SheetSpec } from './spec';

/**
 * How a column's cell is read: `text` (trimmed, "" when blank), `number` and `date` (a number, dates as serial days;
 * undefined when blank), `metric` (a number stays a number, anything else is its text: "$1M", "N/A").
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'metric';

/** What a column's kind reads as in the row type. */
interface KindValue {
  text: string;
  number: number;
  date: number;
  metric: string | number;
}

/**
 * One argument of a computed column's core function: another column of the sheet (as read, or as the core
 * computed it when that column is computed too), a side-block setting, or a list of constants (one per row).
 */
export type ComputeArg<K extends string = string, S extends string = string> =
  | {
      col: NoInfer<K>;
      /** Blank on the rows where this other column is blank (or, computed, not a number). */ where?: NoInfer<K>;
    }
  | { side: NoInfer<S> }
  | { values: readonly unknown[] };

/** The core function a computed column (or side-block summary) equals. */
export type Computes<K extends string = string, S extends string = string> =
  | {
      fn: string;
      args: readonly ComputeArg<K, S>[];
      /** Called once over the whole columns (a plan over every row), not row by row. */
      whole?: boolean;
      /** Only the first N rows are compared (the four DORA rows). */
      rows?: number;
      /** What the sheet shows where the function gives an error (the self-check compares with it). */
      errorShows?: string;
      /** The reader takes the file's value only (the self-check still compares). */
      checkOnly?: boolean;
    }
  | {
      /** The 1-based rank of each row by this column (ties: row order), as the self-check names it. */
      rankOf: NoInfer<K>;
      name: string;
    };

/**
 * A sheet spec typed by its column keys `K`, its side-block keys `S` and its columns `C` (for `RowOf`). Inference
 * takes the keys from the `key` of the columns and side items; every other place that names a key (formula
 * references, conditional formats, named ranges, computed arguments) must name one of them.
 */
export function defineSheet<K extends string, const C extends readonly ColumnSpecOf<K, S>[], S extends string = never>(
  spec: SheetSpec<K, S> & { columns: C },
): SheetSpec<K, S> & { columns: C } {
  return spec;
}

type ColumnSpecOf<K extends string, S extends string> = SheetSpec<K, S>['columns'][number];

type ReadColumn<T> = T extends { columns: readonly (infer E)[] } ? Extract<E, { kind: ColumnKind }> : never;
/** Columns every row has a value for: texts, metric values, and required numbers or dates. */
type Always<E> = E extends { kind: 'text' | 'metric' } ? E : E extends { required: true } ? E : never;
type Flat<T> = { [P in keyof T]: T[P] };

/** The row the strategy reader returns for a sheet: one field per `kind` column (numbers and dates optional). */
export type RowOf<T> = Flat<
  { [E in Always<ReadColumn<T>> as E['key']]: KindValue[E['kind']] } & {
    [E in Exclude<ReadColumn<T>, Always<ReadColumn<T>>> as E['key']]?: KindValue[E['kind']];
  }
>;
