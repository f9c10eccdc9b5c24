/**
 * The Prioritization sheet of the templates that also insert Team Scoring (the Full Strategy Workbook, the Strategy
 * Review): a "Use team scores" setting makes every computed column (score, rank, quadrant, plan, odds, the matrix)
 * use the Team Scoring sheet's team score of a project instead of the typed one, criterion by criterion, where the
 * team has scored it. The project is found by its name, literally (a "R&D *core*" is not "R&D new core work"); a
 * project Team Scoring does not name, or a criterion no rater scored, keeps the typed value. The single
 * Prioritization template has no Team Scoring sheet and no such setting (its note says where the setting is).
 */
import type { FormulaRefs, SheetSpec, SideItem } from '../spec/spec';
import { literalCriterion } from '../spec/literal';
import { PRIORITIZATION_SHEET, SCORE_INPUTS, TEAM_SCORES_NOTE, typedScore, type ScoreInput } from './prioritization';
import { TEAM_CRITERIA, TEAM_SHEET } from './team';

export const USE_TEAM_YES = 'Yes';
export const USE_TEAM_NO = 'No';

/** The setting; blank or anything but "Yes" keeps the typed scores. */
export const USE_TEAM_SETTING: SideItem = {
  key: 'useTeam',
  label: 'Use team scores',
  kind: 'text',
  fallback: USE_TEAM_NO,
  value: USE_TEAM_NO,
  numberFormat: '@',
  validation: { kind: 'list', values: [USE_TEAM_YES, USE_TEAM_NO] },
  help: 'Yes: score, rank, quadrant, plan and odds use each project\u2019s team scores from Team Scoring (the raters\u2019 median); a project it does not name, or a criterion nobody rated, keeps the typed score. No: the typed scores.',
};

/** The Team Scoring column holding the team score of a criterion ("teamImpact"…). */
const teamColumn = (k: ScoreInput): string => `team${TEAM_CRITERIA[SCORE_INPUTS.indexOf(k)].header}`;

/**
 * The value used for a criterion: with the setting "Yes" and a project name, the team score of the Team Scoring rows
 * named like the project (AVERAGEIF with a literal criterion: the team score of its row, the mean if it is named twice;
 * text and blanks are skipped), else — no such row or no team score there (#DIV/0!) — the typed value.
 */
export function usedFromTeamFormula(r: FormulaRefs, k: ScoreInput): string {
  const typed = typedScore(r.row[k]);
  const project = `TRIM(${r.row.project})`;
  const team = `AVERAGEIF(${r.otherCol(TEAM_SHEET.key, 'project')},${literalCriterion(project)},${r.otherCol(TEAM_SHEET.key, teamColumn(k))})`;
  return `IF(AND(TRIM(${r.side.useTeam})="${USE_TEAM_YES}",${project}<>""),IFERROR(${team},${typed}),${typed})`;
}

const USED_KEYS = new Map<string, ScoreInput>(SCORE_INPUTS.map((k) => [`${k}Used`, k]));

export const PRIORITIZATION_SHEET_WITH_TEAM: SheetSpec = {
  ...PRIORITIZATION_SHEET,
  columns: PRIORITIZATION_SHEET.columns.map((c) => {
    const k = USED_KEYS.get(c.key);
    return k === undefined ? c : { ...c, formula: (r: FormulaRefs) => usedFromTeamFormula(r, k) };
  }),
  side: [...(PRIORITIZATION_SHEET.side ?? []), USE_TEAM_SETTING],
  note: PRIORITIZATION_SHEET.note!.replace(
    TEAM_SCORES_NOTE,
    'Use team scores: Yes makes score, rank, quadrant, plan and odds use the Team Scoring sheet\u2019s team score of each project it names (by criterion; a project it does not name keeps the typed scores).',
  ),
};
