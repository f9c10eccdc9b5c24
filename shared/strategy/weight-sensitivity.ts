/**
 * The strategy document's line on how much the plan's top N hangs on its weights (issue #20), on the scores the plan
 * uses (the Prioritization sheet's "… used" values: typed, or the team's with "Use team scores"):
 * - the project whose membership of the top N holds under the fewest of the 81 nearby weightings (RANK_STABILITY;
 *   the first in row order on a tie), or that every project holds under all of them;
 * - the smallest change of one weight alone that changes the top N (WEIGHT_TIPPING_POINT; on a tie the raise before
 *   the fall, the weights in their order), or that none does within ±100 %.
 * The Strategy Document sheet reads the same from the sheet's sensitivity block (templates/document.ts).
 */
import { WEIGHT_SENSITIVITY_TEXT as T } from '../core/messages';
import { DEFAULT_PRIORITY_WEIGHTS } from '../scoring/priority';
import {
  DEFAULT_TOLERANCE,
  DEFAULT_TOP_N,
  rankStability,
  tippingPoints,
  topMembership,
  type Criteria,
} from '../decisions/ranking';
import { WEIGHT_LABELS } from '../catalogue/sensitivity';
import { roundHalfAway, trimmed } from './changes';
import type { StrategyData } from './data';

export interface DocSensitivity {
  topN: number;
  /** The least stable project; undefined when every project keeps its place under every weighting. */
  least?: { project: string; inTop: boolean; stability: number };
  /** The smallest single-weight change that changes the top N; undefined when none within ±100 %. */
  tip?: { weight: string; raise: boolean; by: number };
}

/** The projects scored on all four criteria (the values used), by name. */
function scored(d: StrategyData): { names: string[]; projects: Criteria[] } {
  const names: string[] = [];
  const projects: Criteria[] = [];
  for (const p of d.projects) {
    const v = [p.impactUsed, p.urgencyUsed, p.effortUsed, p.riskUsed];
    if (!v.every((x) => typeof x === 'number')) continue;
    names.push(trimmed(String(p.project ?? '')));
    projects.push({ impact: v[0]!, urgency: v[1]!, effort: v[2]!, risk: v[3]! });
  }
  return { names, projects };
}

/** The smallest tipping point: [weight index, raise?, relative change], the raise first on a tie. */
function smallestTip(tips: [number | undefined, number | undefined][]): DocSensitivity['tip'] {
  let best: DocSensitivity['tip'];
  for (const raise of [true, false])
    tips.forEach(([up, down], k) => {
      const by = raise ? up : down;
      if (by !== undefined && (best === undefined || by < best.by || (by === best.by && raise && !best.raise)))
        best = { weight: WEIGHT_LABELS[k], raise, by };
    });
  return best;
}

/** How much the top N hangs on the weights; undefined when no project is scored. */
export function weightSensitivity(d: StrategyData): DocSensitivity | undefined {
  const { names, projects } = scored(d);
  if (projects.length === 0) return undefined;
  const topN = d.topN ?? DEFAULT_TOP_N;
  const shares = rankStability(projects, DEFAULT_PRIORITY_WEIGHTS, topN, DEFAULT_TOLERANCE);
  const lowest = shares.reduce((m, x) => Math.min(m, x), Infinity);
  const at = shares.indexOf(lowest);
  const inTop = topMembership(projects, DEFAULT_PRIORITY_WEIGHTS, topN);
  return {
    topN,
    least: lowest < 1 ? { project: names[at], inTop: inTop[at], stability: lowest } : undefined,
    tip: smallestTip(tippingPoints(projects, DEFAULT_PRIORITY_WEIGHTS, topN)),
  };
}

const percent = (x: number): string => String(roundHalfAway(x * 100, 0));
const TOLERANCE = percent(DEFAULT_TOLERANCE);

/** What the Strategy Document sheet builds the same line from (templates/document.ts). */
export const SENSITIVITY_LINE = { text: T, tolerancePercent: TOLERANCE, defaultTopN: DEFAULT_TOP_N } as const;

/** The line: "Most weight-sensitive decision: Refactor stays out of the top 3 under 73 % of weight changes within ±25 %; …". */
export function weightSensitivityText(s: DocSensitivity | undefined): string {
  if (s === undefined) return `[${T.placeholder}: not in the workbook yet]`;
  const n = String(s.topN);
  const head = s.least
    ? T.least(s.least.project, s.least.inTop ? T.stayIn : T.stayOut, n, percent(s.least.stability), TOLERANCE)
    : T.holds(n, TOLERANCE);
  const tip = s.tip ? T.tip(s.tip.raise ? T.raise : T.lower, s.tip.weight, percent(s.tip.by), n) : T.noTip(n);
  return `${head}; ${tip}`;
}
