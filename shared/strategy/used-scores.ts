/**
 * "Use team scores" (the Full Strategy Workbook's Prioritization setting) as the sheet's hidden "… used" columns apply
 * it: with the setting "Yes", each criterion of a named project takes the team score of the Team Scoring rows with the
 * same name (trimmed, any case, literally: no wildcard; the mean if it is named twice), where the team scored it;
 * otherwise the typed value. Pure: the reader hands the rows it read.
 */
import { SCORE_INPUTS, type ScoreInput } from '../catalogue/prioritization';
import { USE_TEAM_YES } from '../catalogue/prioritization-team';

/** Team Scoring's rows: the project's name and its team score per criterion (impact, urgency, effort, risk). */
export type TeamScores = { project: string; scores: (number | undefined)[] }[];

/** The values a project's computed columns use, by the sheet's hidden column keys ("impactUsed"…). */
export type UsedScores = Record<`${ScoreInput}Used`, number | undefined>;

const key = (s: string): string => s.trim().toLowerCase();

/** The mean of the numbers given, or undefined for none. */
function mean(xs: (number | undefined)[]): number | undefined {
  const ns = xs.filter((x): x is number => x !== undefined);
  return ns.length === 0 ? undefined : ns.reduce((a, b) => a + b, 0) / ns.length;
}

/** The values used for one project: `typed` by criterion (undefined when not a number), `useTeam` the setting as read. */
export function usedScores(
  project: string,
  typed: Readonly<Record<ScoreInput, number | undefined>>,
  useTeam: string,
  team: TeamScores,
): UsedScores {
  const named = key(useTeam) === key(USE_TEAM_YES) && key(project) !== '';
  const rows = named ? team.filter((t) => key(t.project) === key(project)) : [];
  const out = {} as UsedScores;
  SCORE_INPUTS.forEach((k, i) => (out[`${k}Used`] = mean(rows.map((t) => t.scores[i])) ?? typed[k]));
  return out;
}
