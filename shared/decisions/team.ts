/**
 * Several people score the same projects: the team's score per project (the median of the ratings given, or their
 * mean) and how far apart the raters are (highest minus lowest). Blank ratings are left out before this is called.
 */

export type TeamMethod = 'median' | 'mean';

/** The median (mean of the two middle values for an even count) or the mean of at least one rating. */
export function teamScore(ratings: readonly number[], method: TeamMethod = 'median'): number | undefined {
  if (ratings.length === 0) return undefined;
  if (method === 'mean') return ratings.reduce((a, b) => a + b, 0) / ratings.length;
  const sorted = ratings.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Highest minus lowest rating (0 for one rating). */
export function teamSpread(ratings: readonly number[]): number | undefined {
  if (ratings.length === 0) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of ratings) {
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return hi - lo;
}
