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
import type { ColumnKind, SheetSpec } from './spec';

/** What a column's kind reads as in the row type. */
interface KindValue {
  text: string;
  number: number;
  date: number;
  metric: string | number;
}

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
