/**
 * Project Prioritization Scorecard (seed guide, step 5): priority score, quadrant, rank and planned quarter
 * as live native formulas.
 *
 * The planned quarter is PRIORITY_PLAN's first-fit plan, which no single cell can express without circular
 * references. Hidden helper columns walk the projects in rank order instead: helper row k handles the project
 * ranked k (found with MATCH on the rank column) and only looks at helper rows above it. Per-quarter "used
 * capacity" columns carry the running totals; a nested IF picks the first quarter whose used capacity plus the
 * project's effort still fits. The plan horizon is PLAN_QUARTERS quarters (three years).
 */
import type { FormulaRefs, ReadValues } from '../spec/spec';
import { defineSheet } from '../spec/schema';
import type { InsertionDays } from '../spec/example-dates';
import { COLORS, ROWS, themeColumn } from './common';
import { impactEffortChart, quadrantChartColumns } from '../compiler/charts';
import { DEFAULT_QUADRANT_THRESHOLD, QUADRANT_TEXT } from '../scoring/quadrant';
import { strategyQuarter } from '../dates/quarter';
import { COMMIT_ODDS, planConfidence, STRETCH_ODDS, type EffortEstimate } from '../decisions/plan-odds';
import { BEYOND_PREFIX, DEFAULT_START_TEXT, START_UNKNOWN_TEXT, TOO_BIG_TEXT } from '../scoring/plan';
import {
  SENSITIVITY_NOTE,
  stabilityColumn,
  stabilityHelper,
  tippingBlock,
  topNSetting,
  tornadoChart,
} from './sensitivity';

/** Quarters the native plan looks ahead (Excel allows 64 nested IFs; 12 keeps formulas short). */
export const PLAN_QUARTERS = 12;
export const DEFAULT_THRESHOLD = DEFAULT_QUADRANT_THRESHOLD;
export const DEFAULT_CAPACITY = 10;
/**
 * "First quarter" when inserted: the plan's first quarter with its year ("Q4 2026"), so no plan reads "Q1 Y2" —
 * the quarter of the day of insertion, or with the example the example's plan quarter 1 (example-dates.ts).
 */
export const defaultStart = (days: InsertionDays): string => strategyQuarter(days.planDay);
/** Same tolerance as the core's first-fit (shared/scoring/plan.ts). */
const EPS = '0.000000001';

const scaleRule = { kind: 'number' as const, min: 1, max: 10 };
const scaleHelp = (what: string): string => `${what}: 1 (low) to 10 (high).`;

const u = (q: number): `used${number}` => `used${q}`;

/** Where the team's scores can replace the typed ones (this sheet alone has no Team Scoring sheet to read). */
export const TEAM_SCORES_NOTE =
  'Team scores: in the Full Strategy Workbook and the Strategy Review, where the Team Scoring sheet is, the "Use team scores" setting makes these columns use the team\u2019s scores.';

/** The four typed scores; every computed column reads the value used for each (its hidden "… used" column). */
export const SCORE_INPUTS = ['impact', 'urgency', 'effort', 'risk'] as const;
export type ScoreInput = (typeof SCORE_INPUTS)[number];

/** A typed score as its "used" column passes it on: the value, blank when the cell is blank. */
export const typedScore = (cell: string): string => `IF(${cell}="","",${cell})`;

/**
 * The hidden column holding the value the computed columns use for a score: on this sheet the typed value; the Full
 * Strategy Workbook's sheet (prioritization-team.ts) takes the Team Scoring sheet's team score there when asked to.
 */
function usedColumn<T extends ScoreInput>(key: T, header: string) {
  return {
    key: `${key}Used` as const,
    header: `${header} used`,
    kind: 'number' as const,
    width: 60,
    hidden: true as const,
    formula: (r: FormulaRefs<T>) => typedScore(r.row[key]),
  };
}

/** The Quadrant column's texts: PRIORITY_QUADRANT's actions. */
const DO_NOW = QUADRANT_TEXT['quick-win'].action;
const PLAN = QUADRANT_TEXT['big-bet'].action;
const LATER = QUADRANT_TEXT['nice-to-have'].action;
const DONT = QUADRANT_TEXT['time-sink'].action;

/** PRIORITY_SCORE natively (one row): blank until all four inputs are numbers, as the core gives a blank row. */
export function priorityScoreFormula(impact: string, urgency: string, effort: string, risk: string): string {
  return `IF(COUNT(${impact},${urgency},${effort},${risk})<4,"",${impact}*2+${urgency}-${effort}*0.5-${risk})`;
}

/** PRIORITY_QUADRANT natively with the default "action" texts: high means at or above the threshold. */
export function quadrantFormula(impact: string, effort: string, threshold: string): string {
  const t = threshold;
  return `IF(COUNT(${impact},${effort})<2,"",IF(${impact}>=${t},IF(${effort}>=${t},"${PLAN}","${DO_NOW}"),IF(${effort}>=${t},"${DONT}","${LATER}")))`;
}

/**
 * The First quarter setting `a1` as the sheet reads it (the core's parseQuarter, which PRIORITY_PLAN and the strategy
 * reader use, reads it the same): spaces, "-" and "/" are dropped and the rest upper-cased. "Q" and a digit 1–4 is
 * that quarter: of the current year when nothing follows ("Q3"), of the year that follows ("Q3 2027", "q3-2027"). A
 * year, then "Q" and a digit, is that quarter of that year ("2028 Q2"). Anything else is no quarter ("Q5", "Q 2026",
 * "Q3 27", "Q3 FY27"), and the Planned Quarter says so (START_UNKNOWN_TEXT).
 */
const startText = (a1: string): string => `UPPER(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${a1})," ",""),"-",""),"/",""))`;

/** Whether four characters are a year: a number from 1000 (they hold no fraction of one); an error if no number. */
const isYear = (y: string): string => `VALUE(${y})>=1000`;

/** A year, then "Q" and a digit (the digit is checked by the caller). */
const yearFirst = (t: string): string => `AND(LEN(${t})=6,MID(${t},5,1)="Q",${isYear(`LEFT(${t},4)`)})`;

/** Whether a setting starting with "Q" and a digit is a quarter: nothing or a year after the digit. */
const quarterFirst = (t: string): string => `OR(LEN(${t})=2,IFERROR(AND(LEN(${t})=6,${isYear(`RIGHT(${t},4)`)}),1=0))`;

/** The First quarter's number 1–4 (a blank setting: 1, as Q1), "" when the setting is not a quarter. */
export function startQuarterFormula(a1: string): string {
  const t = startText(a1);
  const first = `IF(${quarterFirst(t)},MID(${t},2,1),"x")`;
  const digit = `IF(LEFT(${t},1)="Q",${first},IF(${yearFirst(t)},MID(${t},6,1),"x"))`;
  return `IF(TRIM(${a1})="",1,IFERROR(CHOOSE(VALUE(${digit}),1,2,3,4),""))`;
}

/** The First quarter's year as startText says (a bare quarter: the current year); "" when the setting is no quarter. */
export function startYearFormula(a1: string): string {
  const t = startText(a1);
  const after = `RIGHT(${t},4)`;
  const ofQuarter = `IF(LEN(${t})=2,YEAR(TODAY()),IF(LEN(${t})=6,IFERROR(IF(${isYear(after)},VALUE(${after}),""),""),""))`;
  const ofYear = `IFERROR(IF(${yearFirst(t)},VALUE(LEFT(${t},4)),""),"")`;
  return `IF(TRIM(${a1})="",YEAR(TODAY()),IF(LEFT(${t},1)="Q",${ofQuarter},${ofYear}))`;
}

/** Native label of the quarter `offsetExpr` quarters after the start (PRIORITY_PLAN's labels). */
function quarterLabelFormula(r: FormulaRefs<'hStartQ' | 'hStartYear'>, offsetExpr: string): string {
  const idx = `(${r.row.hStartQ}-1+${offsetExpr})`;
  const yearsOn = `INT(${idx}/4)`;
  return `"Q"&(MOD(${idx},4)+1)&IF(${r.row.hStartYear}<>""," "&(${r.row.hStartYear}+${yearsOn}),IF(${yearsOn}=0,""," Y"&(${yearsOn}+1)))`;
}

function pickQuarter(r: FormulaRefs<'hEffort' | 'hRow' | `used${number}`, 'capacity'>): string {
  const cap = r.side.capacity;
  const e = r.row.hEffort;
  let chain = '"beyond"';
  for (let q = PLAN_QUARTERS; q >= 1; q--) chain = `IF(N(${r.prev[u(q)]})+${e}<=${cap}+${EPS},${q},${chain})`;
  return `IF(OR(${r.row.hRow}="",NOT(ISNUMBER(${cap}))),"",IF(${e}>${cap}+${EPS},"too big",${chain}))`;
}

const usedColumns = Array.from({ length: PLAN_QUARTERS }, (_, i) => ({
  key: u(i + 1),
  header: `Used Q+${i}`,
  width: 60,
  hidden: true,
  formula: (r: FormulaRefs) => `N(${r.prev[u(i + 1)]})+IF(${r.row.hQ}=${i + 1},${r.row.hEffort},0)`,
}));

export const COMMIT_TEXT = 'Commit';
export const STRETCH_TEXT = 'Stretch';
export const WONT_FIT_TEXT = "Won't fit";
/** Shown in Odds It Fits when Low ≤ Effort ≤ High does not hold (PLAN_CONFIDENCE's error for that row). */
export const EFFORT_ORDER_TEXT = 'Low ≤ Effort ≤ High';

/**
 * Each row's Commitment as the sheet computes it: PLAN_CONFIDENCE's odds (Low and High Effort default to the Effort
 * used; a row whose efforts are out of order, or that has no score, is left out) read as Commit / Stretch / Won't
 * fit. A blank capacity, or a sheet without the setting, plans with the default (as the sheet's formulas read it).
 */
export function commitments(
  rows: readonly ReadValues<'score' | 'effortUsed' | 'effortLow' | 'effortHigh'>[],
  side: ReadValues<'capacity'>,
): string[] {
  const items = rows.map(({ score, effortUsed: likely, effortLow, effortHigh }): EffortEstimate | undefined => {
    if (typeof score !== 'number' || typeof likely !== 'number') return undefined;
    const [low, high] = [effortLow, effortHigh].map((e) => (typeof e === 'number' ? e : likely));
    return low <= likely && likely <= high ? { score, low, likely, high } : undefined;
  });
  const capacity = 'capacity' in side ? side.capacity : DEFAULT_CAPACITY;
  if (typeof capacity !== 'number') return rows.map(() => '');
  return planConfidence(items, capacity).map((p) =>
    p === undefined ? '' : p >= COMMIT_ODDS ? COMMIT_TEXT : p >= STRETCH_ODDS ? STRETCH_TEXT : WONT_FIT_TEXT,
  );
}

/** The references the odds' formulas use. */
type OddsRefs = FormulaRefs<'effortUsed' | 'effortLow' | 'effortHigh' | 'rank' | 'hMean' | 'hVar', 'capacity'>;

const low = (r: OddsRefs): string => `IF(ISNUMBER(${r.row.effortLow}),${r.row.effortLow},${r.row.effortUsed})`;
const high = (r: OddsRefs): string => `IF(ISNUMBER(${r.row.effortHigh}),${r.row.effortHigh},${r.row.effortUsed})`;
const inOrder = (r: OddsRefs): string => `AND(${low(r)}<=${r.row.effortUsed},${r.row.effortUsed}<=${high(r)})`;

/** PLAN_CONFIDENCE's PERT mean (low + 4 likely + high) / 6 or variance ((high − low) / 6)² of a ranked row. */
function pertFormula(r: OddsRefs, what: 'mean' | 'variance'): string {
  const v = what === 'mean' ? `(${low(r)}+4*${r.row.effortUsed}+${high(r)})/6` : `((${high(r)}-${low(r)})/6)^2`;
  return `IF(${r.row.rank}="","",IF(${inOrder(r)},${v},""))`;
}

/**
 * PLAN_CONFIDENCE natively: the means and variances of the projects ranked at or above this one (SUMIF over the rank
 * column; ranks are whole numbers, so the criterion reads the same in every locale) read from NORM.S.DIST against the
 * capacity per quarter: the odds that this project and every one above it fit in one quarter.
 */
function oddsFormula(r: OddsRefs): string {
  const upTo = (c: string) => `SUMIF(${r.col.rank},"<="&${r.row.rank},${c})`;
  const mean = upTo(r.col.hMean);
  const variance = upTo(r.col.hVar);
  const cap = r.side.capacity;
  return `IF(OR(${r.row.rank}="",NOT(ISNUMBER(${cap}))),"",IF(${r.row.hMean}="","${EFFORT_ORDER_TEXT}",IF(${variance}>0,NORM.S.DIST((${cap}-${mean})/SQRT(${variance}),1),IF(${cap}>=${mean}-${EPS},1,0))))`;
}

/** The 85 % cut line on the plan's rows: committed green, stretch amber, won't fit red. */
const CUT_LINE_STYLE = {
  [COMMIT_TEXT]: { fill: COLORS.green, fontColor: COLORS.greenText, bold: true },
  [STRETCH_TEXT]: { fill: COLORS.amber },
  [WONT_FIT_TEXT]: { fill: COLORS.red, fontColor: COLORS.redText },
};

export const PRIORITIZATION_SHEET = defineSheet({
  key: 'projects',
  name: 'Prioritization',
  tabColor: '#0b5394',
  rows: ROWS,
  frozenColumns: 1,
  table: true,
  columns: [
    { key: 'project', header: 'Project', kind: 'text', width: 220, style: { bold: true } },
    themeColumn(),
    {
      key: 'impact',
      header: 'Business Impact',
      kind: 'number',
      width: 80,
      validation: scaleRule,
      help: scaleHelp('How much this moves key metrics'),
      style: { hAlign: 'center' },
    },
    {
      key: 'urgency',
      header: 'Urgency',
      kind: 'number',
      width: 80,
      validation: scaleRule,
      help: scaleHelp('Deadline or dependency pressure'),
      style: { hAlign: 'center' },
    },
    {
      key: 'effort',
      header: 'Effort',
      kind: 'number',
      width: 80,
      validation: scaleRule,
      help: scaleHelp('Time and resources needed (lower is better); also the capacity it takes'),
      style: { hAlign: 'center' },
    },
    {
      key: 'risk',
      header: 'Risk',
      kind: 'number',
      width: 80,
      validation: scaleRule,
      help: scaleHelp('Delivery risk (lower is better)'),
      style: { hAlign: 'center' },
    },
    {
      key: 'score',
      header: 'Priority Score',
      kind: 'number',
      computes: {
        fn: 'PRIORITY_SCORE',
        args: [{ col: 'impactUsed' }, { col: 'urgencyUsed' }, { col: 'effortUsed' }, { col: 'riskUsed' }],
      },
      width: 90,
      numberFormat: '0.0',
      style: { bold: true, hAlign: 'center' },
      formula: (r) => priorityScoreFormula(r.row.impactUsed, r.row.urgencyUsed, r.row.effortUsed, r.row.riskUsed),
    },
    {
      key: 'rank',
      header: 'Rank',
      computes: { rankOf: 'score', name: 'the order of PRIORITY_SCORE' },
      width: 60,
      numberFormat: '0',
      style: { hAlign: 'center' },
      formula: (r) =>
        `IF(${r.row.score}="","",COUNTIF(${r.col.score},">"&${r.row.score})+COUNTIF(${r.above.score},${r.row.score})+1)`,
    },
    {
      key: 'quadrant',
      header: 'Quadrant',
      kind: 'text',
      computes: {
        fn: 'PRIORITY_QUADRANT',
        args: [{ col: 'impactUsed' }, { col: 'effortUsed' }, { side: 'threshold' }],
      },
      width: 170,
      formula: (r) => quadrantFormula(r.row.impactUsed, r.row.effortUsed, r.side.threshold),
    },
    {
      key: 'quarter',
      header: 'Planned Quarter',
      kind: 'text',
      // One plan over every row; a row without a score is left out of it (its effort is not planned).
      computes: {
        fn: 'PRIORITY_PLAN',
        args: [{ col: 'score' }, { col: 'effortUsed', where: 'score' }, { side: 'capacity' }, { side: 'start' }],
        whole: true,
        errorShows: TOO_BIG_TEXT,
        refused: { side: 'start', shows: START_UNKNOWN_TEXT },
      },
      width: 130,
      style: { hAlign: 'center' },
      formula: (r) => `IF(${r.row.rank}="","",INDEX(${r.col.hLabel},${r.row.rank}))`,
    },
    { key: 'owner', header: 'Owner', kind: 'text', width: 150 },
    {
      key: 'effortLow',
      header: 'Low Effort',
      kind: 'number',
      width: 70,
      validation: { kind: 'number', min: 0, max: 100 },
      help: 'Optional: the effort if all goes well (at most Effort). Blank: Effort itself.',
      style: { hAlign: 'center' },
    },
    {
      key: 'effortHigh',
      header: 'High Effort',
      kind: 'number',
      width: 70,
      validation: { kind: 'number', min: 0, max: 100 },
      help: 'Optional: the effort if it goes badly (at least Effort). Blank: Effort itself.',
      style: { hAlign: 'center' },
    },
    {
      key: 'odds',
      header: 'Odds It Fits',
      width: 80,
      numberFormat: '0%',
      style: { hAlign: 'center' },
      formula: oddsFormula,
    },
    {
      key: 'commitment',
      header: 'Commitment',
      kind: 'text',
      computes: { name: "PLAN_CONFIDENCE's odds", evaluate: commitments },
      width: 90,
      formula: (r) =>
        `IF(ISNUMBER(${r.row.odds}),IF(${r.row.odds}>=${COMMIT_ODDS},"${COMMIT_TEXT}",IF(${r.row.odds}>=${STRETCH_ODDS},"${STRETCH_TEXT}","${WONT_FIT_TEXT}")),"")`,
    },
    // How much the ranking depends on its weights (sensitivity.ts): per project, and per weight beside the settings.
    stabilityColumn,
    ...tippingBlock,
    // Helper columns (hidden): the First quarter setting read as a quarter number and an optional year (the same on
    // every row; computed values, so they are kept out of the settings a user types in).
    {
      key: 'hStartQ',
      header: 'First quarter number',
      width: 60,
      hidden: true,
      formula: (r) => startQuarterFormula(r.side.start),
    },
    {
      key: 'hStartYear',
      header: 'First year',
      width: 60,
      hidden: true,
      formula: (r) => startYearFormula(r.side.start),
    },
    // Helper columns (hidden): helper row k plans the project ranked k.
    {
      key: 'hRow',
      header: 'Row of rank',
      width: 60,
      hidden: true,
      formula: (r) => `IFERROR(MATCH(${r.index + 1},${r.col.rank},0),"")`,
    },
    {
      key: 'hEffort',
      header: 'Effort of rank',
      width: 60,
      hidden: true,
      formula: (r) => `IF(${r.row.hRow}="","",INDEX(${r.col.effortUsed},${r.row.hRow}))`,
    },
    { key: 'hQ', header: 'Quarter no. of rank', width: 60, hidden: true, formula: pickQuarter },
    {
      key: 'hLabel',
      header: 'Quarter of rank',
      width: 90,
      hidden: true,
      formula: (r) =>
        `IF(${r.row.hStartQ}="","${START_UNKNOWN_TEXT}",IF(ISNUMBER(${r.row.hQ}),${quarterLabelFormula(r, `${r.row.hQ}-1`)},IF(${r.row.hQ}="too big","${TOO_BIG_TEXT}",IF(${r.row.hQ}="beyond","${BEYOND_PREFIX}"&${quarterLabelFormula(r, String(PLAN_QUARTERS - 1))},""))))`,
    },
    ...usedColumns,
    // Hidden helper columns of the impact/effort chart: each project's impact in its quadrant's column.
    ...quadrantChartColumns({ impact: 'impactUsed', quadrant: 'quadrant' }),
    // Hidden helper columns of the odds: each project's PERT mean and variance (blank when its efforts are out of order).
    { key: 'hMean', header: 'PERT mean', width: 60, hidden: true, formula: (r) => pertFormula(r, 'mean') },
    { key: 'hVar', header: 'PERT variance', width: 60, hidden: true, formula: (r) => pertFormula(r, 'variance') },
    // Hidden: the value each computed column uses for the four scores.
    usedColumn('impact', 'Impact'),
    usedColumn('urgency', 'Urgency'),
    usedColumn('effort', 'Effort'),
    usedColumn('risk', 'Risk'),
    // Hidden helper column of Rank Stability: the add-in's result (sensitivity.ts).
    stabilityHelper,
  ],
  charts: [impactEffortChart(DEFAULT_THRESHOLD, 'effortUsed', 'impactUsed'), tornadoChart],
  side: [
    {
      key: 'threshold',
      label: 'Quadrant threshold (1–10)',
      kind: 'number',
      fallback: DEFAULT_THRESHOLD,
      value: DEFAULT_THRESHOLD,
      validation: { kind: 'number', min: 1, max: 10 },
      help: 'Impact or effort at or above this counts as high (5.5 = middle of the 1–10 scale).',
    },
    {
      key: 'capacity',
      label: 'Capacity per quarter (effort points)',
      kind: 'number',
      fallback: DEFAULT_CAPACITY,
      value: DEFAULT_CAPACITY,
      validation: { kind: 'number', min: 0.5, max: 1000 },
      help: 'How many effort points the team can take on per quarter. Projects are planned in rank order into the first quarter that still fits.',
    },
    {
      key: 'start',
      label: 'First quarter',
      kind: 'text',
      fallback: DEFAULT_START_TEXT,
      value: defaultStart,
      numberFormat: '@',
      help: 'The quarter the plan starts, with its year: "Q3 2027" gives Q3 2027, Q4 2027, Q1 2028… (set at insertion: that day\u2019s quarter, or the example plan\u2019s first; a quarter without a year, or a blank cell for Q1, is that quarter of the current year). Anything else ("Q3 FY27", "soon") makes Planned Quarter say "Check First quarter".',
    },
    // The sensitivity block's setting (sensitivity.ts).
    topNSetting,
  ],
  conditionalFormats: [
    // The 85 % cut line on the plan's rows: committed green, stretch amber, won't fit red.
    ...([COMMIT_TEXT, STRETCH_TEXT, WONT_FIT_TEXT] as const).map((text) => ({
      columns: ['odds' as const, 'commitment' as const],
      rule: (r: { row: Record<'commitment', string> }) => ({
        kind: 'formula' as const,
        formula: `=${r.row.commitment}="${text}"`,
      }),
      style: CUT_LINE_STYLE[text],
    })),
    {
      columns: ['score'],
      rule: () => ({
        kind: 'colorScale',
        min: { value: -12, color: '#f4cccc' },
        mid: { value: 8, color: '#ffffff' },
        max: { value: 28.5, color: '#b6d7a8' },
      }),
    },
    {
      columns: ['quadrant'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.quadrant}="${DO_NOW}"` }),
      style: { fill: COLORS.green, bold: true },
    },
    {
      columns: ['quadrant'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.quadrant}="${PLAN}"` }),
      style: { fill: COLORS.blue },
    },
    {
      columns: ['quadrant'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.quadrant}="${DONT}"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
    {
      columns: ['quarter'],
      rule: (r) => ({
        kind: 'formula',
        formula: `=OR(${r.row.quarter}="${TOO_BIG_TEXT}",${r.row.quarter}="${START_UNKNOWN_TEXT}",LEFT(${r.row.quarter},${BEYOND_PREFIX.length})="${BEYOND_PREFIX}")`,
      }),
      style: { fill: COLORS.amber },
    },
  ],
  examples: [
    {
      project: 'SSO',
      theme: 'Enterprise-Ready Platform',
      impact: 9,
      urgency: 8,
      effort: 5,
      risk: 6,
      owner: 'Dana Okafor (example)',
      effortLow: 4,
      effortHigh: 8,
    },
    {
      project: 'Analytics',
      theme: 'Data-Driven Product',
      impact: 7,
      urgency: 5,
      effort: 8,
      risk: 4,
      owner: 'Sam Whitfield (example)',
      effortLow: 6,
      effortHigh: 13,
    },
    {
      project: 'Refactor',
      theme: 'Developer Velocity & Platform',
      impact: 4,
      urgency: 3,
      effort: 7,
      risk: 5,
      owner: 'Priya Raman (example)',
      effortLow: 5,
      effortHigh: 12,
    },
    // Close to Refactor on purpose: urgent but risky, it makes the top 3 only while urgency weighs as much as it
    // does, so the sensitivity block has something to show (Rank Stability below 100 %, tipping points, the tornado).
    {
      project: 'GDPR compliance',
      theme: 'Global Scale & Performance',
      impact: 3,
      urgency: 8,
      effort: 5,
      risk: 8,
      owner: 'Lars Eriksen (example)',
      effortLow: 4,
      effortHigh: 9,
    },
  ],
  note: `Priority Score = (Impact × 2) + Urgency − (Effort × 0.5) − Risk; Rank orders by score (ties: row order); Planned Quarter fills each quarter up to the capacity setting in rank order (first fit, three years ahead). Odds It Fits is PLAN_CONFIDENCE: with the optional Low and High Effort (blank: Effort), the chance that the project and all ranked above it fit in one quarter's capacity; Commitment says Commit at 85 % or more, Stretch at 50 %, otherwise Won't fit: the green rows are above the 85 % cut line. Hidden helper columns do the planning: leave them in place. ${TEAM_SCORES_NOTE} ${SENSITIVITY_NOTE}`,
});
