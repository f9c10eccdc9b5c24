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

/** The 1–10 spread at which raters should talk before the team score is trusted (the Team Scoring template's default). */
export const DEFAULT_DISCUSS_SPREAD = 4;

/** The widest disagreement of a project: which criterion, and which raters gave its highest and lowest rating. */
export interface Disagreement {
  /** Index of the criterion (impact, urgency, effort, risk) with the largest spread; the first one on a tie. */
  criterion: number;
  spread: number;
  /** Rater indexes of the first highest and the first lowest rating of that criterion. */
  high: number;
  low: number;
}

/**
 * The largest spread over the criteria (each a list of ratings by rater, undefined for a blank), or undefined when
 * nothing is rated. Ties go to the first criterion, and to the first rater with the highest or lowest rating.
 */
export function widestDisagreement(criteria: readonly (readonly (number | undefined)[])[]): Disagreement | undefined {
  let best: Disagreement | undefined;
  criteria.forEach((ratings, criterion) => {
    let high = -1;
    let low = -1;
    ratings.forEach((r, i) => {
      if (r === undefined) return;
      if (high < 0 || r > ratings[high]!) high = i;
      if (low < 0 || r < ratings[low]!) low = i;
    });
    if (high < 0) return;
    const spread = ratings[high]! - ratings[low]!;
    if (!best || spread > best.spread) best = { criterion, spread, high, low };
  });
  return best;
}
