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

export interface CellParam extends ParamBase {
  shape?: 'each' | 'single';
  type: ArgType<unknown>;
  /** Value used when the argument is omitted or blank (optional parameters only). */
  default?: unknown;
}

export interface RangeParam extends ParamBase {
  shape: 'range';
  /** What is valid, for messages and docs: "4 numbers (a 1×4 or 4×1 range)". */
  expects: string;
  docType: 'number' | 'string' | 'date' | 'any';
  /** Reads the whole range, or explains why it is not valid. */
  read(grid: Grid, label: string): unknown;
  default?: unknown;
}

export type ParamSpec = CellParam | RangeParam;

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

export interface FunctionSpec {
  name: string;
  category: Category;
  /** One line: what it computes. */
  summary: string;
  /** Further paragraphs for the reference (formula, bands, sources, host notes). */
  details?: string[];
  params: ParamSpec[];
  result: { description: string; type: 'number' | 'string' | 'any' };
  examples: Example[];
  /**
   * Cell-by-cell implementation: receives converted values, in parameter order, for one position.
   * `range` parameters arrive as whatever their `read` returned.
   */
  each?: (args: never[], ctx: InvokeContext) => Result;
  /** Whole-call implementation for functions whose result is not cell-by-cell (plans, row scores). */
  whole?: (args: (Grid | undefined)[], ctx: InvokeContext, spec: FunctionSpec) => Result[][] | CellError;
}

export function isRangeParam(p: ParamSpec): p is RangeParam {
  return p.shape === 'range';
}
