/** The seed guide's prioritization matrix: impact against effort, on 1–10 scales. */

export type QuadrantStyle = 'action' | 'label';

/** Midpoint of the 1–10 scale: a value at or above it counts as "high". */
export const DEFAULT_QUADRANT_THRESHOLD = 5.5;

export type Quadrant = 'quick-win' | 'big-bet' | 'nice-to-have' | 'time-sink';

/** The texts per quadrant, in both styles (seed guide: "Do Now (Quick Wins)" …). */
export const QUADRANT_TEXT: Record<Quadrant, Record<QuadrantStyle, string>> = {
  'quick-win': { action: 'Do Now', label: 'Quick Win' },
  'big-bet': { action: 'Plan Carefully', label: 'Big Bet' },
  'nice-to-have': { action: 'Do When You Have Time', label: 'Nice to Have' },
  'time-sink': { action: "Don't Do", label: 'Time Sink' },
};

/**
 * Which quadrant a project falls in. Impact ≥ threshold is high impact, effort ≥ threshold is high effort:
 * high impact + low effort → quick win; high + high → big bet; low + low → nice to have; low impact + high effort → time sink.
 */
export function quadrantOf(impact: number, effort: number, threshold: number = DEFAULT_QUADRANT_THRESHOLD): Quadrant {
  const highImpact = impact >= threshold;
  const highEffort = effort >= threshold;
  if (highImpact) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'time-sink' : 'nice-to-have';
}

/** PRIORITY_QUADRANT: the quadrant's text in the chosen style ("action" by default). */
export function priorityQuadrant(
  impact: number,
  effort: number,
  threshold: number = DEFAULT_QUADRANT_THRESHOLD,
  style: QuadrantStyle = 'action',
): string {
  return QUADRANT_TEXT[quadrantOf(impact, effort, threshold)][style];
}
