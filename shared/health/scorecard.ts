/** The seed guide's technical health scorecard: dimensions rated 1–5, combined into one score and a status. */
import { STATUS_WORD } from '../core/statuses';

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/**
 * Weighted mean of the ratings that are present. `ratings[i]` undefined = not rated (ignored, with its weight).
 * Returns undefined when nothing is rated, or when the weights of the rated dimensions add up to 0.
 * Without weights every rating counts the same.
 */
export function healthScore(ratings: readonly (number | undefined)[], weights?: readonly number[]): number | undefined {
  // Weights are scaled by the largest one first, so each is at most 1 and neither rating × weight nor the sums
  // overflow (HEALTH_SCORE(3.5, 1e308) is 3.5, not Infinity clamped to 5). The mean does not change with the scale.
  const scale = weights ? largestWeight(ratings, weights) : 1;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r === undefined) continue;
    const w = weights ? weights[i] / scale : 1;
    sum += r * w;
    total += w;
  }
  if (total === 0) return undefined;
  // Keep the result inside the ratings' own range despite rounding.
  return Math.min(RATING_MAX, Math.max(RATING_MIN, sum / total));
}

/** The largest weight of a rated dimension (1 when there is none, so dividing by it is harmless). */
function largestWeight(ratings: readonly (number | undefined)[], weights: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < ratings.length; i++) if (ratings[i] !== undefined && weights[i] > max) max = weights[i];
  return max > 0 ? max : 1;
}

/** A health band's status words, declared once: HEALTH_STATUS, its native formula and the band colours read them. */
export const HEALTH_STATUS = {
  critical: 'Critical',
  atRisk: STATUS_WORD.atRisk,
  healthy: 'Healthy',
  strong: 'Strong',
} as const;
export type HealthStatus = (typeof HEALTH_STATUS)[keyof typeof HEALTH_STATUS];

/** Bands for a 1–5 score: below 2 Critical, below 3 At risk, below 4 Healthy, 4 and above Strong. */
export const HEALTH_BANDS: readonly { below: number; status: HealthStatus }[] = [
  { below: 2, status: HEALTH_STATUS.critical },
  { below: 3, status: HEALTH_STATUS.atRisk },
  { below: 4, status: HEALTH_STATUS.healthy },
  { below: Infinity, status: HEALTH_STATUS.strong },
];

export function healthStatus(score: number): HealthStatus {
  for (const b of HEALTH_BANDS) if (score < b.below) return b.status;
  return HEALTH_STATUS.strong;
}
