/** The seed guide's project priority score. */

export interface PriorityWeights {
  impact: number;
  urgency: number;
  effort: number;
  risk: number;
}

/** Impact × 2 + Urgency − Effort × 0.5 − Risk (the seed guide's scorecard formula). */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { impact: 2, urgency: 1, effort: 0.5, risk: 1 };

/** Inputs are 1–10 scales. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 10;

/**
 * Priority Score = (Impact × 2) + Urgency − (Effort × 0.5) − Risk.
 * Effort and risk are subtracted: a cheaper, safer project ranks higher.
 * With the default weights the score runs from −12 (1,1,10,10) to 28.5 (10,10,1,1).
 */
export function priorityScore(
  impact: number,
  urgency: number,
  effort: number,
  risk: number,
  w: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS,
): number {
  return impact * w.impact + urgency * w.urgency - effort * w.effort - risk * w.risk;
}
