/** Ranges as 2-D arrays: normalising what hosts pass in, and describing shapes in messages. */

export type Grid = unknown[][];

/**
 * Turns an argument as a host passes it into a rectangular grid.
 * A scalar becomes 1×1; a 1-D array becomes one row; `undefined` stays undefined (argument omitted).
 * Returns a text describing the problem when the array is ragged or empty.
 */
export function toGrid(arg: unknown): Grid | undefined | { problem: string } {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return { problem: 'an empty range' };
  const rows: unknown[][] = arg.every((r) => Array.isArray(r)) ? (arg as unknown[][]) : [arg as unknown[]];
  const width = rows[0].length;
  if (width === 0) return { problem: 'an empty range' };
  if (rows.some((r) => r.length !== width)) return { problem: 'a range with rows of different lengths' };
  return rows;
}

export function dims(g: Grid): [number, number] {
  return [g.length, g[0].length];
}

export function shapeText(g: Grid): string {
  const [r, c] = dims(g);
  return r === 1 && c === 1 ? 'a single cell' : `a ${r}×${c} range`;
}

export function isSingle(g: Grid): boolean {
  return g.length === 1 && g[0].length === 1;
}

/** All cells of a range that is one row or one column, in order; undefined for a 2-D block. */
export function asVector(g: Grid): unknown[] | undefined {
  if (g.length === 1) return g[0];
  if (g[0].length === 1) return g.map((r) => r[0]);
  return undefined;
}

export function fill<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}
