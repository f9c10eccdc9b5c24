/**
 * Team Scoring: several raters score each project's impact, urgency, effort and risk (1–10). Native formulas give
 * the team score per criterion (TEAM_SCORE's median), the priority score from those, the largest spread
 * (TEAM_SPREAD) and a "Discuss" flag naming the criterion and the two raters furthest apart once the spread reaches
 * the threshold setting (airfocus's "Priority Poker" shows the same disagreement; the guide's scores are only as good
 * as the agreement behind them).
 */
import { defineSheet } from '../spec/schema';
import type { ColumnSpec, FormulaRefs, ReadValues, SideItem } from '../spec/spec';
import { COLORS, ROWS, themeColumn } from './common';
import { priorityScoreFormula } from './prioritization';
import { DEFAULT_DISCUSS_SPREAD, widestDisagreement } from '../decisions/team';

/** The raters' numbers: four columns per criterion (a team of four; more raters go on a copy of the sheet). */
const RATER_NUMBERS = [1, 2, 3, 4] as const;
export const RATERS = RATER_NUMBERS.length;
type RaterNumber = (typeof RATER_NUMBERS)[number];

/** The four criteria: column key prefix, header word, the word the Discuss flag uses. */
export const TEAM_CRITERIA = [
  { key: 'i', header: 'Impact', word: 'impact' },
  { key: 'u', header: 'Urgency', word: 'urgency' },
  { key: 'e', header: 'Effort', word: 'effort' },
  { key: 'k', header: 'Risk', word: 'risk' },
] as const;
type Criterion = (typeof TEAM_CRITERIA)[number];

export const DISCUSS_PREFIX = 'Discuss ';

/** A rating column's key: the criterion's prefix and the rater's number ("i1" … "k4"). */
type RaterKey = `${Criterion['key']}${RaterNumber}`;
/** A rater's name setting ("rater1" … "rater4"). */
type RaterName = `rater${RaterNumber}`;
const raterKey = <C extends Criterion['key'], N extends RaterNumber>(c: C, n: N): `${C}${N}` => `${c}${n}`;
const raterName = <N extends RaterNumber>(n: N): `rater${N}` => `rater${n}`;
const FIRST = RATER_NUMBERS[0];
const LAST = RATER_NUMBERS[RATERS - 1];
const raterRange = (r: FormulaRefs<RaterKey>, c: Criterion['key']): string =>
  `${r.row[raterKey(c, FIRST)]}:${r.row[raterKey(c, LAST)]}`;
const names = (r: FormulaRefs<never, RaterName>): string => `${r.side[raterName(FIRST)]}:${r.side[raterName(LAST)]}`;

/** TEAM_SCORE natively: the median of the ratings given, blank when there is none. */
export function teamScoreFormula(range: string): string {
  return `IF(COUNT(${range})=0,"",MEDIAN(${range}))`;
}

/** TEAM_SPREAD natively: highest minus lowest rating, blank when there is none. */
export function teamSpreadFormula(range: string): string {
  return `IF(COUNT(${range})=0,"",MAX(${range})-MIN(${range}))`;
}

/** The ratings, read as numbers (the Discuss rule reads them). */
const raterColumns: ColumnSpec<RaterKey>[] = TEAM_CRITERIA.flatMap((c) =>
  RATER_NUMBERS.map((n) => ({
    key: raterKey(c.key, n),
    header: `${c.header} R${n}`,
    kind: 'number' as const,
    width: 58,
    validation: { kind: 'number' as const, min: 1, max: 10 },
    help: `${c.header} as rater ${n} (named in the settings) scores it: 1 (low) to 10 (high). Leave blank if not scored.`,
    style: { hAlign: 'center' as const },
  })),
);

/** Typed by inference: their key and the rating keys their formula reads (defineSheet checks both). */
const teamColumns = TEAM_CRITERIA.map((c) => ({
  key: `team${c.header}` as const,
  header: `Team ${c.header}`,
  width: 70,
  numberFormat: '0.0',
  style: { bold: true, hAlign: 'center' as const },
  formula: (r: FormulaRefs<RaterKey>) => teamScoreFormula(raterRange(r, c.key)),
}));

const spreadColumns = TEAM_CRITERIA.map((c) => ({
  key: `spread${c.header}` as const,
  header: `${c.header} spread`,
  width: 60,
  hidden: true,
  formula: (r: FormulaRefs<RaterKey>) => teamSpreadFormula(raterRange(r, c.key)),
}));

/** The rater giving the first highest (or lowest) rating of the criterion with the largest spread. */
function raterAt(r: FormulaRefs<RaterKey | 'hCriterion', RaterName>, pick: 'MAX' | 'MIN'): string {
  const per = TEAM_CRITERIA.map((c) => {
    const range = raterRange(r, c.key);
    return `INDEX(${names(r)},MATCH(${pick}(${range}),${range},0))`;
  });
  return `CHOOSE(${r.row.hCriterion},${per.join(',')})`;
}

function discussFormula(r: FormulaRefs<RaterKey | 'hCriterion' | 'spread', RaterName | 'threshold'>): string {
  const words = TEAM_CRITERIA.map((c) => `"${c.word}"`).join(',');
  return `IF(OR(${r.row.spread}="",N(${r.row.spread})<${r.side.threshold}),"","${DISCUSS_PREFIX}"&CHOOSE(${r.row.hCriterion},${words})&": "&${raterAt(r, 'MAX')}&" vs "&${raterAt(r, 'MIN')})`;
}

/**
 * The Discuss rule, as discussFormula writes it: the criterion with the widest spread once it reaches the threshold,
 * and the raters (by name) of its first highest and first lowest rating; "" while they agree.
 */
export function discussFlag(row: ReadValues<RaterKey>, side: ReadValues<RaterName | 'threshold'>): string {
  const criteria = TEAM_CRITERIA.map((c) => RATER_NUMBERS.map((n) => asNumber(row[raterKey(c.key, n)])));
  const w = widestDisagreement(criteria);
  const threshold = asNumber(side.threshold) ?? DEFAULT_DISCUSS_SPREAD;
  if (!w || w.spread < threshold) return '';
  const name = (i: number): string => String(side[raterName(RATER_NUMBERS[i])] ?? '');
  return `${DISCUSS_PREFIX}${TEAM_CRITERIA[w.criterion].word}: ${name(w.high)} vs ${name(w.low)}`;
}

const asNumber = (v: string | number | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** The raters' names, read as text (the Discuss flag names them). */
const raterSettings: SideItem<never, RaterName>[] = RATER_NUMBERS.map((n) => ({
  key: raterName(n),
  label: `Rater ${n}`,
  kind: 'text' as const,
  value: `Rater ${n}`,
  numberFormat: '@',
  help: `Name of rater ${n}: the columns "… R${n}" hold their scores.`,
}));

const spreadRange = (r: FormulaRefs<'spreadImpact' | 'spreadRisk'>): string =>
  `${r.row.spreadImpact}:${r.row.spreadRisk}`;

export const TEAM_SHEET = defineSheet({
  key: 'team',
  name: 'Team Scoring',
  tabColor: '#38761d',
  rows: ROWS,
  frozenColumns: 1,
  table: true,
  columns: [
    { key: 'project', header: 'Project', kind: 'text', width: 200, style: { bold: true } },
    themeColumn(150),
    ...raterColumns,
    ...teamColumns,
    {
      key: 'score',
      header: 'Team Priority Score',
      width: 90,
      numberFormat: '0.0',
      style: { bold: true, hAlign: 'center' },
      formula: (r) => priorityScoreFormula(r.row.teamImpact, r.row.teamUrgency, r.row.teamEffort, r.row.teamRisk),
    },
    {
      key: 'spread',
      header: 'Largest Spread',
      width: 70,
      numberFormat: '0.0',
      style: { hAlign: 'center' },
      formula: (r) => `IF(COUNT(${spreadRange(r)})=0,"",MAX(${spreadRange(r)}))`,
    },
    {
      key: 'discuss',
      header: 'Discuss',
      kind: 'text',
      computes: { name: 'the Discuss rule', evaluate: (rows, side) => rows.map((row) => discussFlag(row, side)) },
      width: 240,
      formula: discussFormula,
    },
    ...spreadColumns,
    {
      key: 'hCriterion',
      header: 'Criterion of the largest spread',
      width: 60,
      hidden: true,
      formula: (r) => `IF(${r.row.spread}="","",MATCH(${r.row.spread},${spreadRange(r)},0))`,
    },
  ],
  side: [
    {
      key: 'threshold',
      label: 'Discuss at a spread of',
      kind: 'number',
      fallback: DEFAULT_DISCUSS_SPREAD,
      value: DEFAULT_DISCUSS_SPREAD,
      validation: { kind: 'number', min: 1, max: 9 },
      help: 'When the highest and lowest rating of any criterion are this far apart (on the 1–10 scale), the row says who should talk.',
    },
    ...raterSettings,
    {
      key: 'toDiscuss',
      label: 'Projects to discuss',
      numberFormat: '0',
      formula: (r) => `COUNTIF(${r.col.discuss},"${DISCUSS_PREFIX}*")`,
      style: { bold: true },
    },
  ],
  conditionalFormats: [
    {
      columns: ['discuss'],
      rule: (r) => ({
        kind: 'formula',
        formula: `=LEFT(${r.row.discuss},${DISCUSS_PREFIX.length})="${DISCUSS_PREFIX}"`,
      }),
      style: { fill: COLORS.amber, bold: true },
    },
  ],
  examples: [
    {
      project: 'SSO',
      theme: 'Enterprise-Ready Platform',
      ...ratings([9, 8, 9, 9], [8, 8, 7, 9], [5, 6, 5, 4], [6, 5, 6, 7]),
    },
    {
      project: 'Analytics',
      theme: 'Data-Driven Product',
      ...ratings([7, 8, 3, 7], [5, 6, 5, 4], [8, 7, 8, 9], [4, 4, 5, 3]),
    },
    {
      project: 'Refactor',
      theme: 'Developer Velocity & Platform',
      ...ratings([4, 3, 5, 4], [3, 2, 3, 4], [7, 7, 6, 8], [5, 5, 4, 2]),
    },
    {
      project: 'GDPR compliance',
      theme: 'Global Scale & Performance',
      ...ratings([3, 4, 3, 2], [8, 9, 7, 8], [5, 4, 6, 5], [8, 7, 9, 8]),
    },
  ],
  note: 'Each rater scores each project 1–10 in their own columns (R1–R4, named in the settings). Team scores are the median of the ratings given (TEAM_SCORE); Largest Spread is the widest highest-minus-lowest of the four criteria (TEAM_SPREAD); Discuss names the criterion and the two raters furthest apart once it reaches the setting.',
});

/** An example row: each criterion's four ratings by rater. */
function ratings(...byCriterion: number[][]): Partial<Record<RaterKey, number>> {
  const row: Partial<Record<RaterKey, number>> = {};
  TEAM_CRITERIA.forEach((c, k) => RATER_NUMBERS.forEach((n, i) => (row[raterKey(c.key, n)] = byCriterion[k][i])));
  return row;
}
