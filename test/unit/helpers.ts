/** Small helpers for unit tests: call a registry function by name with a fixed "now". */
import { isCellError, type CellError, type Result } from '../../shared/core/values';
import { findFunction, invoke } from '../../shared/functions';

/** A fixed moment of calculation: 1 April 2027, noon local time. */
export const FIXED_NOW = new Date(2027, 3, 1, 12);
export const ctx = { now: () => FIXED_NOW };

export function run(name: string, ...args: unknown[]): Result[][] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  return invoke(spec, args, ctx);
}

/** The one value of a single-cell result. */
export function one(name: string, ...args: unknown[]): Result {
  const g = run(name, ...args);
  expect(g.length).toBe(1);
  expect(g[0].length).toBe(1);
  return g[0][0];
}

/** The error message of a single-cell result (fails the test when it is not an error). */
export function errorOf(name: string, ...args: unknown[]): string {
  const r = one(name, ...args);
  if (!isCellError(r)) throw new Error(`expected an error from ${name}, got ${JSON.stringify(r)}`);
  return (r as CellError).message;
}

/** Results as plain values: numbers, texts, "" and { error } objects. */
export function plain(g: Result[][]): unknown[][] {
  return g.map((row) => row.map((r) => (isCellError(r) ? { error: r.message } : r)));
}

export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
export const row = (...xs: unknown[]): unknown[][] => [xs];
export const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** The message a user reads under a text METRIC_VALUE cannot read (`shown`: the text as the message quotes it). */
export const metricRefusal = (shown: string): string =>
  'Value must be a number or a metric text such as "$1M", "€300K", "2.5k", "<200ms", "2 hours", "1.5s", ' +
  `"5x/day", "10x/week", "99.9%", "4.5/5", "100+" or "N/A" (got "${shown}")`;
