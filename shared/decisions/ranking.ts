/**
 * How much a ranking by PRIORITY_SCORE depends on its weights.
 * - Rank stability: for each project, the share of the 81 weight sets (each of the four weights multiplied by
 *   1 − tolerance, 1 or 1 + tolerance) under which the project is in the top N exactly when it is under the given
 *   weights. 1 means the decision about that project does not depend on the weights.
 * - Tipping points: per weight, the smallest relative increase and decrease of that weight alone that changes the
 *   set of the top N (none within ±100 %: undefined).
 * Ranks go by score, highest first; equal scores keep row order. Scores are compared at 12 significant digits, so
 * scores equal on paper stay equal whatever the rounding of the weights' products.
 */
import { priorityScore, type PriorityWeights } from '../scoring/priority';

export interface Criteria {
  impact: number;
  urgency: number;
  effort: number;
  risk: number;
}

export const WEIGHT_NAMES = ['impact', 'urgency', 'effort', 'risk'] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];

export const DEFAULT_TOP_N = 3;
export const DEFAULT_TOLERANCE = 0.25;
/** 3 factors for each of 4 weights. */
export const WEIGHT_SETS = 81;

function settled(x: number): number {
  return Number(x.toPrecision(12));
}

/** Whether each project is in the top N under these weights (ranked by score, ties by row order). */
export function topMembership(projects: readonly Criteria[], w: PriorityWeights, topN: number): boolean[] {
  const scores = projects.map((p) => settled(priorityScore(p.impact, p.urgency, p.effort, p.risk, w)));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const inTop = projects.map(() => false);
  for (let k = 0; k < Math.min(topN, order.length); k++) inTop[order[k]] = true;
  return inTop;
}

/** The 81 weight sets around `w`: each weight times 1 − t, 1 or 1 + t. */
export function weightSets(w: PriorityWeights, tolerance: number): PriorityWeights[] {
  const f = [1 - tolerance, 1, 1 + tolerance];
  const sets: PriorityWeights[] = [];
  for (const a of f)
    for (const b of f)
      for (const c of f)
        for (const d of f)
          sets.push({ impact: w.impact * a, urgency: w.urgency * b, effort: w.effort * c, risk: w.risk * d });
  return sets;
}

/** Per project, the share of the 81 weight sets that keep its membership of the top N. */
export function rankStability(
  projects: readonly Criteria[],
  w: PriorityWeights,
  topN: number,
  tolerance: number,
): number[] {
  const base = topMembership(projects, w, topN);
  const same = projects.map(() => 0);
  const sets = weightSets(w, tolerance);
  for (const set of sets) {
    const m = topMembership(projects, set, topN);
    for (let i = 0; i < m.length; i++) if (m[i] === base[i]) same[i]++;
  }
  return same.map((n) => n / sets.length);
}

/** How a project's score moves per unit of relative change of one weight: + for impact and urgency, − for the others. */
function slope(p: Criteria, w: PriorityWeights, k: WeightName): number {
  const sign = k === 'impact' || k === 'urgency' ? 1 : -1;
  return sign * w[k] * p[k];
}

/**
 * The smallest relative change d in (0, 1] of weight k in direction `dir` (+1 increase, −1 decrease) at which some
 * project outside the top N draws level with one inside it; undefined when none does within 100 %. The set changes
 * there (or just past it, when row order keeps the project inside on the tie).
 */
export function tippingPoint(
  projects: readonly Criteria[],
  w: PriorityWeights,
  topN: number,
  k: WeightName,
  dir: 1 | -1,
): number | undefined {
  const inTop = topMembership(projects, w, topN);
  const base = projects.map((p) => priorityScore(p.impact, p.urgency, p.effort, p.risk, w));
  const rate = projects.map((p) => dir * slope(p, w, k));
  let best: number | undefined;
  for (let i = 0; i < projects.length; i++) {
    if (!inTop[i]) continue;
    for (let j = 0; j < projects.length; j++) {
      if (inTop[j] || rate[j] <= rate[i]) continue;
      const d = Math.max(0, settled(base[i] - base[j]) / (rate[j] - rate[i]));
      if (d <= 1 && (best === undefined || d < best)) best = d;
    }
  }
  return best === undefined ? undefined : settled(best);
}

/** Per weight (impact, urgency, effort, risk): [smallest increase, smallest decrease] that changes the top N. */
export function tippingPoints(
  projects: readonly Criteria[],
  w: PriorityWeights,
  topN: number,
): [number | undefined, number | undefined][] {
  return WEIGHT_NAMES.map((k) => [tippingPoint(projects, w, topN, k, 1), tippingPoint(projects, w, topN, k, -1)]);
}
