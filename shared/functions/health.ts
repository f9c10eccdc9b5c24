/** Registry entries for the technical health scorecard. */
import { numberArg } from '../core/args';
import * as msg from '../core/messages';
import { asVector, dims, shapeText, type Grid } from '../core/grid';
import { BLANK, CellError, isBlank, isCellError, showValue, type Result } from '../core/values';
import { DEFAULT_WORKING_WEEKS, debtCost, debtPayback } from '../decisions/debt';
import { HEALTH_BANDS, healthScore, healthStatus, RATING_MAX, RATING_MIN } from '../health/scorecard';
import { readCell } from './invoke';
import { defineFunction, param, type FunctionSpec } from './spec';

const rating = numberArg({ min: RATING_MIN, max: RATING_MAX });

const ratingsParam = param({
  name: 'ratings',
  label: 'Rating',
  description: 'Ratings 1–5 of one project or system: a row or a column (one score), or a block (one score per row).',
  type: rating,
});

function readWeights(grid: Grid, label: string): number[] | CellError {
  const v = asVector(grid);
  if (!v) return new CellError(msg.mustBe(label, 'a single row or column of numbers', shapeText(grid)));
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
      return new CellError(msg.mustBe(label, 'numbers of at least 0', `${showValue(x)} at position ${i + 1}`));
    }
    out.push(x);
  }
  return out;
}

const weightsParam = param({
  name: 'weights',
  label: 'Weights',
  description: 'Optional weight per dimension (a row or column with one number per rating); default: all equal.',
  optional: true,
  shape: 'range',
  expects: 'numbers of at least 0, one per rating',
  docType: 'number',
  read: readWeights,
  defaultText: 'all equal',
});

function scoreLine(cells: readonly unknown[], weights: number[] | undefined): Result {
  if (cells.every(isBlank)) return BLANK;
  const ratings: (number | undefined)[] = [];
  for (const c of cells) {
    if (isBlank(c)) {
      ratings.push(undefined);
      continue;
    }
    const r = readCell(ratingsParam, c);
    if (isCellError(r)) return r;
    ratings.push(r);
  }
  const score = healthScore(ratings, weights);
  return score === undefined ? new CellError(msg.ZERO_WEIGHTS) : score;
}

function healthWhole(g: Grid, weightsGrid: Grid | undefined): Result[][] | CellError {
  const [rows, cols] = dims(g);
  const block = rows > 1 && cols > 1;
  const lines: unknown[][] = block ? g : [asVector(g)!];
  let weights: number[] | undefined;
  if (weightsGrid) {
    const w = readWeights(weightsGrid, weightsParam.label);
    if (isCellError(w)) return w;
    if (w.length !== lines[0].length) {
      const ratings = `${msg.plural(lines[0].length, 'rating')}${block ? ' per row' : ''}`;
      return new CellError(msg.countMismatch('Weights', 'rating', ratings, msg.plural(w.length, 'weight')));
    }
    weights = w;
  }
  const scores = lines.map((line) => scoreLine(line, weights));
  return block ? scores.map((s) => [s]) : [scores];
}

export const HEALTH_SCORE = defineFunction({
  name: 'HEALTH_SCORE',
  category: 'Technical health',
  summary: "Weighted mean of 1–5 health ratings (the seed guide's technical health scorecard).",
  details: [
    'Give the ratings of one system as a row or a column to get one score. Give a block (several rows and several columns) to get one score per row: a column of scores.',
    'Blank ratings are ignored together with their weights; a row with no rating at all gives a blank result. Without weights every rating counts the same.',
    'Weights are one number per rating (per column for a block), in a row or a column, each at least 0.',
  ],
  params: [ratingsParam, weightsParam],
  result: { description: 'A score from 1 to 5: one for a row or column, one per row for a block.', type: 'number' },
  examples: [
    {
      formula: '=HEALTH_SCORE({3, 4, 2, 3, 2, 4})',
      result: '3',
      note: "the seed guide's scorecard: scalability 3, reliability 4, security 2, velocity 3, debt 2, team 4",
    },
    {
      formula: '=HEALTH_SCORE({3, 4, 2, 3, 2, 4}, {1, 1, 2, 1, 1, 1})',
      result: '2.857142857',
      note: 'security counts double',
    },
    { formula: '=HEALTH_SCORE({4, "", 5})', result: '4.5', note: 'blank ratings are ignored' },
    { formula: '=HEALTH_SCORE(B2:G10)', result: 'one score per row' },
  ],
  whole: ([ratings, weights]) => healthWhole(ratings, weights),
});

const bandText = HEALTH_BANDS.map((b, i) =>
  b.below === Infinity ? `${HEALTH_BANDS[i - 1].below} and above ${b.status}` : `below ${b.below} ${b.status}`,
).join(', ');

export const HEALTH_STATUS = defineFunction({
  name: 'HEALTH_STATUS',
  category: 'Technical health',
  summary: 'Status label for a 1–5 health score: Critical, At risk, Healthy or Strong.',
  details: [`Bands: ${bandText}.`],
  params: [
    {
      name: 'score',
      label: 'Score',
      description: 'A health score from 1 to 5, e.g. from HEALTH_SCORE.',
      type: numberArg({ min: RATING_MIN, max: RATING_MAX }),
    },
  ],
  result: { description: 'The status per row.', type: 'string' },
  examples: [
    { formula: '=HEALTH_STATUS(3)', result: 'Healthy' },
    { formula: '=HEALTH_STATUS(1.5)', result: 'Critical' },
    { formula: '=HEALTH_STATUS(4)', result: 'Strong' },
  ],
  each: ([score]) => healthStatus(score),
});

// ---- DEBT_COST, DEBT_PAYBACK ----

const HOURS_LOST = param({
  name: 'hours_lost_per_week',
  label: 'Hours lost per week',
  description: 'Engineering hours the debt costs each week (slower work, bugs, workarounds), at least 0.',
  type: numberArg({ min: 0 }),
});

export const DEBT_COST = defineFunction({
  name: 'DEBT_COST',
  category: 'Technical health',
  summary: 'The yearly cost of living with a technical debt item: hours lost per week × hourly cost × working weeks.',
  details: [
    `The seed guide's technical debt assessment asks to "estimate cost of continuing vs addressing debt": this is the cost of continuing. The default of ${DEFAULT_WORKING_WEEKS} working weeks a year is 52 weeks less about six of holidays, leave and public holidays; give your own as weeks_per_year.`,
    'Compare it with the cost of addressing the item (fix hours × hourly cost), or use DEBT_PAYBACK for the weeks a fix takes to pay back.',
  ],
  params: [
    HOURS_LOST,
    {
      name: 'hourly_cost',
      label: 'Hourly cost',
      description: 'Cost of an engineering hour, at least 0.',
      type: numberArg({ min: 0 }),
    },
    {
      name: 'weeks_per_year',
      label: 'Weeks per year',
      description: `Working weeks in a year, 1 to 53; default ${DEFAULT_WORKING_WEEKS}.`,
      optional: true,
      type: numberArg({ min: 1, max: 53 }),
      default: DEFAULT_WORKING_WEEKS,
      defaultText: String(DEFAULT_WORKING_WEEKS),
    },
  ],
  result: { description: 'The yearly cost of continuing, per row, in the unit of the hourly cost.', type: 'number' },
  examples: [
    { formula: '=DEBT_COST(6, 90)', result: '24840', note: '6 hours a week at 90 an hour, 46 weeks' },
    { formula: '=DEBT_COST(6, 90, 48)', result: '25920' },
    { formula: '=DEBT_COST(-1, 90)', result: '#VALUE! Hours lost per week must be a number of at least 0 (got -1)' },
  ],
  each: ([hours, cost, weeks]) => debtCost(hours, cost, weeks),
});

export const DEBT_PAYBACK = defineFunction({
  name: 'DEBT_PAYBACK',
  category: 'Technical health',
  summary: 'Weeks until fixing a technical debt item pays back: fix hours ÷ hours lost per week.',
  details: [
    'The result is in working weeks (the weeks in which the hours are lost). The Technical Debt template calls a payback within a quarter of the working weeks (11.5 of 46) "Address now" and within the year "Plan". Payback × hours lost per week = fix hours. In the full workbook the Strategy Review flags an "Address now" item that no roadmap initiative carries (an initiative named as the item\'s Area, any case), and the Health Scorecard\'s summary gives the Technical Debt sheet\'s share of time lost and its "Address now" count as the evidence behind the Technical Debt rating.',
    'Hours lost per week must be above 0: a debt that costs no time never pays back its fix.',
  ],
  params: [
    {
      name: 'fix_hours',
      label: 'Fix hours',
      description: 'Engineering hours to fix the item, at least 0.',
      type: numberArg({ min: 0 }),
    },
    {
      ...HOURS_LOST,
      description: 'Engineering hours the debt costs each week, above 0.',
      type: numberArg({ above: 0 }),
    },
  ],
  result: { description: 'Weeks until the fix pays back, per row.', type: 'number' },
  examples: [
    {
      formula: '=DEBT_PAYBACK(90, 6)',
      result: '15',
      note: 'more than a quarter of 46 working weeks (11.5): the Technical Debt template says "Plan"',
    },
    { formula: '=DEBT_PAYBACK(40, 10)', result: '4' },
    { formula: '=DEBT_PAYBACK(40, 0)', result: '#VALUE! Hours lost per week must be a number greater than 0 (got 0)' },
  ],
  each: ([fix, hours]) => debtPayback(fix, hours),
});

export const HEALTH_FUNCTIONS: FunctionSpec[] = [HEALTH_SCORE, HEALTH_STATUS, DEBT_COST, DEBT_PAYBACK];
