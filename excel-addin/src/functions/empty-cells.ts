/**
 * Empty cells that arrive as 0. Excel desktop builds before a fix pass 0 for every empty cell of a range argument
 * to a custom function; newer builds and Excel on the web pass null (office-js#4702, #5262, #1951). Over a column
 * not yet filled, `=STRATEGY.PRIORITY_SCORE(C2:C200, …)` would then show "Impact must be a number from 1 to 10
 * (got 0)" down the column, and METRIC_PROGRESS a progress for rows nobody wrote.
 *
 * The rule (docs/host-api-notes.md, "Empty cells as 0"): a row in which every cell of every row-by-row range
 * argument is the number 0 is read as a blank row, so its result is blank as in every other Excel. The cost: a
 * row that really holds only zeros in all those ranges shows blank too. A call whose ranges hold a blank cell
 * proves the host passes blanks as blanks, and is left as it is. Ranges read as one value (weights), single
 * settings and single cells (a literal 0 arrives as [[0]] too) are never changed.
 */
import { type FunctionSpec, type ParamSpec } from '../../../shared/functions/spec';

type Rows = unknown[][];

/** A range of more than one cell: a single cell (or a literal, which Excel also passes as [[v]]) is never changed. */
const isRows = (a: unknown): a is Rows =>
  Array.isArray(a) && a.every(Array.isArray) && (a.length > 1 || (a.length === 1 && (a[0] as unknown[]).length > 1));
/** Read row by row (shape "each", the default), not as one value or a single setting. */
function byRow(p: ParamSpec | undefined): boolean {
  if (p === undefined) return false;
  const { shape = 'each' } = p;
  return shape === 'each';
}
const isEmptyCell = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The arguments with every all-zero row of the row-by-row ranges given as blank cells (null). */
export function zeroRowsAsBlank(spec: FunctionSpec, args: readonly unknown[]): unknown[] {
  const ranges = args.map((a, i) => (byRow(spec.params[i]) && isRows(a) ? a : undefined));
  const present = ranges.filter((r): r is Rows => r !== undefined);
  if (present.length === 0 || present.some((r) => r.some((row) => row.some(isEmptyCell)))) return args.slice();
  const height = present.reduce((m, r) => Math.max(m, r.length), 0);
  // A one-row range beside taller ones is repeated down them (broadcast): it does not decide which rows are blank.
  const deciding = present.filter((r) => r.length === height);
  const blank = new Set<number>();
  for (let r = 0; r < height; r++) if (deciding.every((g) => g[r].every((v) => v === 0))) blank.add(r);
  if (blank.size === 0) return args.slice();
  return args.map((a, i) => {
    const g = ranges[i];
    if (!g || g.length !== height) return a;
    return g.map((row, r) => (blank.has(r) ? row.map(() => null) : row));
  });
}
