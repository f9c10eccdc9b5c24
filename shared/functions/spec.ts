/**
 * The shape of a registry entry. One entry declares a custom function once: its name, help texts,
 * parameters (type, valid range, optional default) and its pure implementation. Everything else —
 * Apps Script stubs with JSDoc, Excel functions.json, the reference docs, the formula-engine plugin —
 * is generated from these entries.
 */
import type { ArgType } from '../core/args';
import type { Grid } from '../core/grid';
import type { CellError, Result } from '../core/values';
import type { DayOf } from '../dates/calendar-day';

export type Category = 'Prioritization' | 'Technical health' | 'Metrics' | 'Dates';

/**
 * How a parameter takes a range:
 * - `each`: cell by cell; ranges broadcast against each other and against single cells (the default);
 * - `single`: one cell only (a setting such as a capacity or a threshold);
 * - `range`: the whole range is one value (a list of weights, a row of ratings).
 */
export type ParamShape = 'each' | 'single' | 'range';

interface ParamBase {
  /** Identifier used in generated code and docs: `impact`. */
  name: string;
  /** Human label used in messages: `Impact`. */
  label: string;
  /** One line for autocomplete and the reference. */
  description: string;
  optional?: boolean;
  /** Shown in the reference for optional parameters: "5.5", "\"action\"". */
  defaultText?: string;
}

/** A parameter read cell by cell, or as one cell (`single`); `type` converts each cell to a `T`. */
export interface CellParam<T = unknown> extends ParamBase {
  shape?: 'each' | 'single';
  type: ArgType<T>;
  /** Value used when the argument is omitted or blank (optional parameters only). */
  default?: T;
}

/** A parameter whose whole range is one value (`T`), read by `read`. */
export interface RangeParam<T = unknown> extends ParamBase {
  shape: 'range';
  /** What is valid, for messages and docs: "4 numbers (a 1×4 or 4×1 range)". */
  expects: string;
  docType: 'number' | 'string' | 'date' | 'any';
  /** Reads the whole range, or explains why it is not valid. */
  read(grid: Grid, label: string): T | CellError;
  default?: T;
}

export type ParamSpec<T = unknown> = CellParam<T> | RangeParam<T>;

export interface InvokeContext {
  /** The moment of calculation (for "today" defaults). */
  now(): Date;
  /**
   * Reads a Date as the calendar day it is in the host's time zone (shared/dates/calendar-day.ts):
   * Sheets passes the spreadsheet's zone; absent, the runtime's own zone (Excel's, like its TODAY()).
   */
  dayOf?: DayOf;
}

export interface Example {
  formula: string;
  result: string;
  note?: string;
}

/** What every registry entry declares besides its parameters and implementation. */
interface FunctionInfo {
  name: string;
  category: Category;
  /** One line: what it computes. */
  summary: string;
  /** Further paragraphs for the reference (formula, bands, sources, host notes). */
  details?: string[];
  result: { description: string; type: 'number' | 'string' | 'any' };
  examples: Example[];
}

/**
 * A registry entry as the engine, the docs and the host generators see it: parameters of any type. Its `each` and
 * `whole` take `never` because only `defineFunction` knows their argument types; the engine calls them with the
 * values its parameters' own readers produced (invoke.ts), which are those types by construction.
 */
export interface FunctionSpec extends FunctionInfo {
  params: readonly ParamSpec[];
  each?: (args: never, ctx: InvokeContext) => Result;
  whole?: (grids: never, ctx: InvokeContext) => Result[][] | CellError;
}

// ---------------------------------------------------------------------------------------------
// Typed entries: each parameter's TypeScript type is inferred from its ArgType<T> (or its range reader), so an
// implementation receives typed values and the compiler rejects one whose types do not match its parameters.

/** The type a parameter's reader produces: `ArgType<T>` → T; a range reader returning `T | CellError` → T. */
export type ParamType<P> = P extends { shape: 'range'; read(grid: Grid, label: string): infer T }
  ? Exclude<T, CellError>
  : P extends { type: ArgType<infer T> }
    ? T
    : never;

/** Whether an argument is always there: a parameter not marked `optional: true` (a plain `boolean` may be either). */
type AlwaysGiven<P> = 'optional' extends keyof P
  ? P extends { optional: true }
    ? false
    : P extends { optional: false }
      ? true
      : false
  : true;

/** The value an implementation receives: the parameter's type, or `undefined` too when it may be left out without a default. */
export type ParamValue<P> =
  AlwaysGiven<P> extends true ? ParamType<P> : P extends { default: unknown } ? ParamType<P> : ParamType<P> | undefined;

/** The values of a parameter list, as a tuple in parameter order. */
export type ParamValues<Ps extends readonly unknown[]> = { -readonly [K in keyof Ps]: ParamValue<Ps[K]> };

/** The ranges a whole-call implementation receives: required arguments are always there. */
export type ParamGrids<Ps extends readonly unknown[]> = {
  -readonly [K in keyof Ps]: AlwaysGiven<Ps[K]> extends true ? Grid : Grid | undefined;
};

/** Names of the parameters whose `default` is not a value of their type (never when all are). */
type WrongDefaults<Ps extends readonly unknown[]> = {
  [K in keyof Ps]: Ps[K] extends { name: infer N; default: infer D }
    ? D extends ParamType<Ps[K]> | Readonly<ParamType<Ps[K]>>
      ? never
      : N
    : never;
}[number];

/** Makes `defineFunction` reject an entry with a default of the wrong type, naming the parameter. */
type DefaultsMatch<Ps extends readonly unknown[]> = [WrongDefaults<Ps>] extends [never]
  ? unknown
  : { defaultOfTheWrongType: WrongDefaults<Ps> };

/** A registry entry as written: exactly one implementation, typed by its parameters. */
export type FunctionDef<Ps extends readonly ParamSpec[]> = FunctionInfo & { params: Ps } & (
    | {
        /**
         * Cell-by-cell implementation: receives converted values, in parameter order, for one position.
         * `range` parameters arrive as whatever their `read` returned.
         */
        each: (args: ParamValues<Ps>, ctx: InvokeContext) => Result;
        whole?: never;
      }
    | {
        /** Whole-call implementation for functions whose result is not cell by cell (plans, row scores). */
        whole: (grids: ParamGrids<Ps>, ctx: InvokeContext) => Result[][] | CellError;
        each?: never;
      }
  );

/**
 * Declares a registry entry. The parameter list's types flow into `each` / `whole`, so bodies need no casts:
 * `each: ([impact, urgency, effort, risk, weights]) => priorityScore(impact, urgency, effort, risk, weights)`.
 */
export function defineFunction<const Ps extends readonly ParamSpec[]>(
  def: FunctionDef<Ps> & DefaultsMatch<Ps>,
): FunctionSpec {
  return def;
}

/** Declares a parameter outside an entry (shared or reused ones), keeping its exact type for `defineFunction`. */
export function param<const P extends ParamSpec>(p: P): P {
  return p;
}

export function isRangeParam(p: ParamSpec): p is RangeParam {
  return p.shape === 'range';
}
