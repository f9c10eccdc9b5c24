/**
 * The odds that a plan holds: each project's effort is a three-point (PERT) estimate, mean (low + 4·likely + high)/6
 * and standard deviation (high − low)/6. Projects are taken by score, highest first (equal scores in row order); for
 * each, the efforts of it and every project above it are summed (means add, variances add) and the chance that the
 * sum fits in the capacity is read from the normal distribution: Φ((capacity − Σ means) / √Σ variances), or 1 or 0
 * when the variance is 0.
 */
import { normalCdf } from './normal';

export interface EffortEstimate {
  score: number;
  low: number;
  likely: number;
  high: number;
}

/** Exact estimates fit when their total is within this of the capacity (sums of decimals round: 0.1 + 0.2 fits 0.3). */
const FIT_TOLERANCE = 1e-9;

/** Commit at 85 % or more, Stretch at 50 % or more, otherwise Won't fit. */
export const COMMIT_ODDS = 0.85;
export const STRETCH_ODDS = 0.5;

export function pertMean(e: EffortEstimate): number {
  return (e.low + 4 * e.likely + e.high) / 6;
}

export function pertVariance(e: EffortEstimate): number {
  const sd = (e.high - e.low) / 6;
  return sd * sd;
}

/** Per project (undefined entries are skipped and stay undefined): the probability that it and all above it fit. */
export function planConfidence(
  items: readonly (EffortEstimate | undefined)[],
  capacity: number,
): (number | undefined)[] {
  const order = items
    .map((e, i) => i)
    .filter((i) => items[i] !== undefined)
    .sort((a, b) => items[b]!.score - items[a]!.score || a - b);
  const out: (number | undefined)[] = items.map(() => undefined);
  let mean = 0;
  let variance = 0;
  for (const i of order) {
    mean += pertMean(items[i]!);
    variance += pertVariance(items[i]!);
    out[i] =
      variance > 0 ? normalCdf((capacity - mean) / Math.sqrt(variance)) : capacity >= mean - FIT_TOLERANCE ? 1 : 0;
  }
  return out;
}
