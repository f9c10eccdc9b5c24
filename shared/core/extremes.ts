/**
 * The largest and smallest of a list of numbers, by a loop. `Math.max(...values)` puts every element on
 * the stack and throws "Maximum call stack size exceeded" from about 62,000 elements (a selection of that
 * many rows); these take any length (the lint rule no-restricted-syntax forbids the spread form).
 */

/** The largest of `values` and `floor` (NaN if any is NaN, like Math.max). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) m = Math.max(m, v);
  return m;
}

/** The smallest of `values` and `ceiling` (NaN if any is NaN, like Math.min). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const v of values) m = Math.min(m, v);
  return m;
}
