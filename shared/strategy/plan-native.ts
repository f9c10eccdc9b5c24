/**
 * The native twins of plan-position.ts, for the sheets whose formulas read the plan (the Strategy Document and
 * the Strategy Review): the plan's quarters are the Prioritization sheet's First quarter and the three after it,
 * read from its hidden start helpers (the quarter number and the year: prioritization.ts hStartQ, hStartYear).
 * One copy of the rule, so the document's quarter lines and the review's quarter checks count a Roadmap row in
 * the same quarter.
 */

/** A whole data column of another sheet, by sheet key and column key (a native range). */
export type PlanColumn = (sheet: string, column: string) => string;

/** The plan's quarter `offset` (0 = the First quarter setting) as a 0-based quarter count from Q1 of its year. */
const quarterIndex = (col: PlanColumn, offset: number): string =>
  `(INDEX(${col('projects', 'hStartQ')},1)-1+${offset})`;

/**
 * The first day of the plan's quarter `offset` (0 = the First quarter setting): datePlanPosition's quarters, for
 * criteria (COUNTIFS). An error when the setting is not a quarter; callers wrap it in IFERROR.
 */
export function nPlanQuarterDay(col: PlanColumn, offset: number): string {
  const idx = quarterIndex(col, offset);
  return `DATE(INDEX(${col('projects', 'hStartYear')},1)+INT(${idx}/4),MOD(${idx},4)*3+1,1)`;
}

/**
 * The plan quarter (1–4) a day falls in (plan-position.ts datePlanPosition, within the plan's four quarters), or 0:
 * not a number, before the plan's first quarter or after its fourth, or no plan (CHOOSE errs outside 1–4).
 */
export function nDatePlanQuarter(day: string, col: PlanColumn): string {
  const pos = `(YEAR(${day})-INDEX(${col('projects', 'hStartYear')},1))*4+INT((MONTH(${day})-1)/3)-INDEX(${col('projects', 'hStartQ')},1)+2`;
  return `IFERROR(IF(ISNUMBER(${day}),CHOOSE(${pos},1,2,3,4),0),0)`;
}

/**
 * The roadmap quarter (1–4) of a Roadmap row as a number (plan-position.ts roadmapRowQuarter, then its leading
 * "Q1"–"Q4"): the Quarter as typed; when blank, the plan quarter its Start falls in; else 0.
 */
export function nRoadmapRowQuarter(quarter: string, start: string, col: PlanColumn): string {
  const q = `TRIM(${quarter})`;
  const digit = `VALUE(MID(${q},2,1))`;
  return `IF(${q}="",${nDatePlanQuarter(start, col)},IFERROR(IF(AND(LEFT(${q},1)="Q",${digit}>=1,${digit}<=4),${digit},0),0))`;
}
