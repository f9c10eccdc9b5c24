/**
 * Registry entries for deciding with confidence: several raters' scores (TEAM_SCORE, TEAM_SPREAD), how much a
 * ranking depends on its weights (RANK_STABILITY, WEIGHT_TIPPING_POINT) and the odds that a plan holds
 * (PLAN_CONFIDENCE).
 */
import { choiceArg, numberArg } from '../core/args';
import * as msg from '../core/messages';
import { asVector, dims, shapeText, type Grid } from '../core/grid';
import { BLANK, CellError, formatNumber, isBlank, isCellError, type Result } from '../core/values';
import { planConfidence, type EffortEstimate } from '../decisions/plan-odds';
import {
  DEFAULT_TOLERANCE,
  DEFAULT_TOP_N,
  rankStability,
  tippingPoints,
  WEIGHT_SETS,
  type Criteria,
} from '../decisions/ranking';
import { teamScore, teamSpread, type TeamMethod } from '../decisions/team';
import { DEFAULT_PRIORITY_WEIGHTS } from '../scoring/priority';
import { readCell, readSingle } from './invoke';
import { EFFORT, IMPACT, RISK, URGENCY } from './params';
import { PRIORITY_WEIGHTS_PARAM, readWeights } from './prioritization';
import { defineFunction, param, type CellParam, type FunctionSpec, type ParamGrids } from './spec';

// ---- Reading several ranges of one shape, row by row ----

/** The ranges of several cell-by-cell parameters as vectors of one length, or the error naming the first misfit. */
function vectorsOf(
  params: readonly CellParam[],
  grids: readonly Grid[],
): { vectors: unknown[][]; row: boolean } | CellError {
  const vectors: unknown[][] = [];
  for (let k = 0; k < params.length; k++) {
    const v = asVector(grids[k]);
    if (!v) return new CellError(msg.mustBe(params[k].label, 'a single column or row', shapeText(grids[k])));
    const [r0, c0] = dims(grids[0]);
    const [r1, c1] = dims(grids[k]);
    if (r0 !== r1 || c0 !== c1) {
      return new CellError(
        msg.shapeMismatch(params[0].label, shapeText(grids[0]), params[k].label, shapeText(grids[k]), false),
      );
    }
    vectors.push(v);
  }
  return { vectors, row: dims(grids[0])[0] === 1 };
}

/** One row's values: undefined when every cell is blank, the first bad cell's error, or the numbers in order. */
function rowValues(params: readonly CellParam[], vectors: unknown[][], i: number): number[] | CellError | undefined {
  if (vectors.every((v) => isBlank(v[i]))) return undefined;
  const out: number[] = [];
  for (let k = 0; k < params.length; k++) {
    const x = readCell(params[k], vectors[k][i]);
    if (isCellError(x)) return x;
    out.push(x as number);
  }
  return out;
}

/** Results in the shape of the input: a column gives a column, a row a row. */
function shaped(results: Result[], row: boolean): Result[][] {
  return row ? [results] : results.map((r) => [r]);
}

// ---- TEAM_SCORE, TEAM_SPREAD ----

const ratingsParam = param({
  name: 'ratings',
  label: 'Rating',
  description:
    "Each rater's rating of one project as a row (one result), or a block with one row per project and one column per rater (one result per row).",
  type: numberArg(),
});

/** Each line of ratings (a row or column alone, or each row of a block) with blanks left out; the first bad cell's error. */
function ratingLines(g: Grid): { lines: (number[] | CellError | undefined)[]; block: boolean } {
  const [rows, cols] = dims(g);
  const block = rows > 1 && cols > 1;
  const raw: unknown[][] = block ? g : [asVector(g)!];
  const lines = raw.map((cells) => {
    if (cells.every(isBlank)) return undefined;
    const out: number[] = [];
    for (const c of cells) {
      if (isBlank(c)) continue;
      const r = readCell(ratingsParam, c);
      if (isCellError(r)) return r;
      out.push(r);
    }
    return out;
  });
  return { lines, block };
}

function perLine(g: Grid, f: (ratings: number[]) => number | undefined): Result[][] {
  const { lines, block } = ratingLines(g);
  const results: Result[] = lines.map((l) => (l === undefined ? BLANK : isCellError(l) ? l : (f(l) ?? BLANK)));
  return block ? results.map((r) => [r]) : [results];
}

const methodParam = param({
  name: 'method',
  label: 'Method',
  description: '"median" (default) or "mean".',
  optional: true,
  shape: 'single',
  type: choiceArg<TeamMethod>({ median: ['middle'], mean: ['average', 'avg'] }),
  default: 'median',
  defaultText: '"median"',
});

export const TEAM_SCORE = defineFunction({
  name: 'TEAM_SCORE',
  category: 'Prioritization',
  summary: "The team's score of a project from several raters' ratings: their median (default) or mean.",
  details: [
    'Give the ratings of one project as a row (or a column) to get one score; give a block, one row per project and one column per rater, to get one score per row (a column of scores).',
    'Blank ratings are left out (a rater who did not score that project); a row with no rating at all gives a blank result. The median of an even number of ratings is the mean of the two middle ones.',
    'The median keeps one outlying rater from moving the team score; "mean" counts every rating equally. Use TEAM_SPREAD beside it to see how far apart the raters are.',
  ],
  params: [ratingsParam, methodParam],
  result: { description: 'The team score: one for a row or column, one per row for a block.', type: 'number' },
  examples: [
    { formula: '=TEAM_SCORE({7, 9, 4, 8})', result: '7.5', note: 'four raters; the median of 4, 7, 8, 9' },
    { formula: '=TEAM_SCORE({7, 9, 4, 8}, "mean")', result: '7' },
    { formula: '=TEAM_SCORE({7, "", 3})', result: '5', note: 'a blank rating is left out' },
    { formula: '=TEAM_SCORE(C2:F20)', result: 'one score per project (row); raters in columns C to F' },
  ],
  whole: ([ratings, methodGrid]) => {
    const method = readSingle(methodParam, methodGrid);
    if (isCellError(method)) return method;
    return perLine(ratings, (r) => teamScore(r, method));
  },
});

export const TEAM_SPREAD = defineFunction({
  name: 'TEAM_SPREAD',
  category: 'Prioritization',
  summary: 'How far apart the raters are: the highest rating minus the lowest, per project.',
  details: [
    'Ratings as for TEAM_SCORE: a row (or column) for one project, or a block with one row per project and one column per rater. Blank ratings are left out; a single rating has a spread of 0.',
    'On the 1–10 scales a spread of 4 or more is a disagreement worth discussing before the score is trusted (the Team Scoring template flags it). In the full workbook the Strategy Review lists the projects still flagged "Discuss", and the strategy document\'s open findings name them.',
  ],
  params: [ratingsParam],
  result: {
    description: 'Highest minus lowest rating: one for a row or column, one per row for a block.',
    type: 'number',
  },
  examples: [
    { formula: '=TEAM_SPREAD({7, 9, 4, 8})', result: '5' },
    { formula: '=TEAM_SPREAD({6, "", 6})', result: '0' },
  ],
  whole: ([ratings]) => perLine(ratings, teamSpread),
});

// ---- RANK_STABILITY, WEIGHT_TIPPING_POINT ----

const CRITERIA = [
  IMPACT,
  URGENCY,
  { ...EFFORT, description: 'Effort, 1 (low) to 10 (high): a column.' },
  RISK,
] as const;

const weightsParam = PRIORITY_WEIGHTS_PARAM;

const topNParam = param({
  name: 'top_n',
  label: 'Top N',
  description: 'How many projects make the cut (the top N by score); default 3.',
  optional: true,
  shape: 'single',
  type: numberArg({ min: 1, integer: true }),
  default: DEFAULT_TOP_N,
  defaultText: '3',
});

const toleranceParam = param({
  name: 'tolerance',
  label: 'Tolerance',
  description:
    'How far each weight may move, as a fraction: 0.25 (default) tries each weight at 75 %, 100 % and 125 %.',
  optional: true,
  shape: 'single',
  type: numberArg({ min: 0, max: 1 }),
  default: DEFAULT_TOLERANCE,
  defaultText: '0.25',
});

/** The projects of four criteria ranges: per row a project, a blank (undefined) or an error. */
function readProjects(
  grids: readonly Grid[],
): { rows: (Criteria | CellError | undefined)[]; row: boolean } | CellError {
  const v = vectorsOf(CRITERIA, grids);
  if (isCellError(v)) return v;
  const rows = v.vectors[0].map((_, i) => {
    const r = rowValues(CRITERIA, v.vectors, i);
    return r === undefined || isCellError(r) ? r : { impact: r[0], urgency: r[1], effort: r[2], risk: r[3] };
  });
  return { rows, row: v.row };
}

const STABILITY_PARAMS = [...CRITERIA, weightsParam, topNParam, toleranceParam] as const;

function stabilityWhole([i, u, e, r, weights, topGrid, tolGrid]: ParamGrids<typeof STABILITY_PARAMS>):
  Result[][] | CellError {
  const w = weights === undefined ? DEFAULT_PRIORITY_WEIGHTS : readWeights(weights, weightsParam.label);
  if (isCellError(w)) return w;
  const topN = readSingle(topNParam, topGrid);
  if (isCellError(topN)) return topN;
  const tolerance = readSingle(toleranceParam, tolGrid);
  if (isCellError(tolerance)) return tolerance;
  const read = readProjects([i, u, e, r]);
  if (isCellError(read)) return read;
  const index: number[] = [];
  const projects: Criteria[] = [];
  read.rows.forEach((p, k) => {
    if (p !== undefined && !isCellError(p)) {
      index.push(k);
      projects.push(p);
    }
  });
  const shares = rankStability(projects, w, topN, tolerance);
  const results: Result[] = read.rows.map((p) => (p === undefined ? BLANK : isCellError(p) ? p : BLANK));
  index.forEach((k, j) => (results[k] = shares[j]));
  return shaped(results, read.row);
}

export const RANK_STABILITY = defineFunction({
  name: 'RANK_STABILITY',
  category: 'Prioritization',
  summary:
    "How much a project's place in the top N depends on the weights: the share of 81 nearby weight sets that keep it in (or out).",
  details: [
    `Projects are scored as PRIORITY_SCORE does and ranked by score, highest first; equal scores keep row order. The top N (top_n, default 3) make the cut. Then each of the four weights is multiplied by 1 − tolerance, 1 or 1 + tolerance, every combination: ${WEIGHT_SETS} weight sets. A project's stability is the share of those sets under which it is in the top N exactly when it is under the given weights.`,
    '1 means the decision about that project does not depend on the weights within the tolerance; 0.5 means half of the nearby weightings decide otherwise. Scores are compared at 12 significant digits, so scores equal on paper stay tied whatever the rounding.',
    'A blank row stays blank and takes no part in the ranking; a row with a bad value gets its error and takes no part either. The result has the shape of the inputs.',
  ],
  params: STABILITY_PARAMS,
  result: {
    description: 'Per project, a share from 0 to 1 of the weight sets that keep its top-N decision.',
    type: 'number',
  },
  examples: [
    {
      formula: '=RANK_STABILITY({9; 7; 4}, {8; 9; 5}, {5; 8; 7}, {6; 4; 3}, {2, 1, 0.5, 1}, 1)',
      result: '1; 1; 1',
      note: 'SSO, Analytics and Refactor from the seed guide: SSO leads under every nearby weighting',
    },
    {
      formula: '=RANK_STABILITY({9; 7; 4; 8; 6}, {8; 9; 5; 6; 7}, {5; 8; 7; 3; 4}, {6; 4; 3; 5; 5}, {2, 1, 0.5, 1}, 2)',
      result: '1; 0.6790123457; 1; 0.6790123457; 1',
      note: 'SSO, Analytics, Refactor, Search, Alerts (scores 17.5, 15, 6.5, 15.5, 12): top 2: Search keeps its place ahead of Analytics under 55 of the 81 weightings',
    },
    {
      formula: '=RANK_STABILITY(C2:C20, D2:D20, E2:E20, F2:F20)',
      result: 'one share per project; blank rows stay blank',
    },
  ],
  whole: stabilityWhole,
});

const TIPPING_PARAMS = [...CRITERIA, weightsParam, topNParam] as const;

function tippingWhole([i, u, e, r, weights, topGrid]: ParamGrids<typeof TIPPING_PARAMS>): Result[][] | CellError {
  const w = weights === undefined ? DEFAULT_PRIORITY_WEIGHTS : readWeights(weights, weightsParam.label);
  if (isCellError(w)) return w;
  const topN = readSingle(topNParam, topGrid);
  if (isCellError(topN)) return topN;
  const read = readProjects([i, u, e, r]);
  if (isCellError(read)) return read;
  const projects: Criteria[] = [];
  for (const p of read.rows) {
    if (isCellError(p)) return p;
    if (p !== undefined) projects.push(p);
  }
  return tippingPoints(projects, w, topN).map(([up, down]) => [up ?? BLANK, down === undefined ? BLANK : -down]);
}

export const WEIGHT_TIPPING_POINT = defineFunction({
  name: 'WEIGHT_TIPPING_POINT',
  category: 'Prioritization',
  summary:
    'For each weight, the smallest increase and decrease of that weight alone that changes which projects make the top N.',
  details: [
    'The result is 4 rows (impact, urgency, effort, risk) by 2 columns: the increase, as a fraction (0.4 = the weight raised by 40 %), and the decrease, as a negative fraction (−0.25 = lowered by 25 %). A blank means no change within ±100 % changes the top N. The other weights stay as given.',
    'The change is where a project outside the top N draws level with one inside it (ranked as in RANK_STABILITY: by score, equal scores in row order); 0 means the smallest change of that weight already tips it. Plotted as a bar chart with the decreases left and the increases right, it is a tornado chart: the shortest bars are the weights the decision hangs on.',
    'Every row takes part: a row with a bad value makes the whole result that error, since the top N cannot be known without it. Blank rows are left out.',
  ],
  params: TIPPING_PARAMS,
  result: {
    description: 'A 4×2 array: per weight, the increase and the (negative) decrease that change the top N.',
    type: 'number',
  },
  examples: [
    {
      formula:
        '=WEIGHT_TIPPING_POINT({9; 7; 4; 8; 6}, {8; 9; 5; 6; 7}, {5; 8; 7; 3; 4}, {6; 4; 3; 5; 5}, {2, 1, 0.5, 1}, 2)',
      result: '(blank), -0.25; 0.1666666667, (blank); (blank), -0.2; 0.5, (blank)',
      note: 'top 2 of SSO, Analytics, Refactor, Search, Alerts: impact −25 %, urgency +16.7 %, effort −20 % or risk +50 % lets Analytics past Search',
    },
    {
      formula: '=WEIGHT_TIPPING_POINT({8; 6}, {4; 7}, {5; 5}, {5; 5}, {2, 1, 0.5, 1}, 1)',
      result: '(blank), -0.25; 0.3333333333, (blank); (blank), (blank); (blank), (blank)',
      note: 'A (impact 8, urgency 4) leads B (6, 7) by 1: impact −25 % or urgency +1/3 draws them level',
    },
  ],
  whole: tippingWhole,
});

// ---- PLAN_CONFIDENCE ----

const effortType = numberArg({ min: 0 });

const PLAN_PARAMS = [
  param({
    name: 'scores',
    label: 'Score',
    description: 'Priority scores (higher goes first): a column or a row, e.g. the PRIORITY_SCORE column.',
    type: numberArg(),
  }),
  param({
    name: 'effort_low',
    label: 'Low effort',
    description: 'Effort if all goes well, at least 0.',
    type: effortType,
  }),
  param({
    name: 'effort_likely',
    label: 'Likely effort',
    description: 'The most likely effort, at least the low one.',
    type: effortType,
  }),
  param({
    name: 'effort_high',
    label: 'High effort',
    description: 'Effort if it goes badly, at least the likely one.',
    type: effortType,
  }),
  param({
    name: 'capacity',
    label: 'Capacity',
    description: 'Effort the team can take on in the period, in the same unit (one cell, above 0).',
    shape: 'single',
    type: numberArg({ above: 0 }),
  }),
] as const;

/** A row's estimate, or the error of a low/likely/high out of order. */
function estimateOf(v: number[]): EffortEstimate | CellError {
  const [score, low, likely, high] = v;
  const got = `low ${formatNumber(low)}, likely ${formatNumber(likely)}, high ${formatNumber(high)}`;
  if (likely < low) return new CellError(msg.mustBe('Likely effort', 'at least the low effort', got));
  if (high < likely) return new CellError(msg.mustBe('High effort', 'at least the likely effort', got));
  return { score, low, likely, high };
}

function planWhole([s, lo, li, hi, capGrid]: ParamGrids<typeof PLAN_PARAMS>): Result[][] | CellError {
  const cells = PLAN_PARAMS.slice(0, 4) as CellParam[];
  const v = vectorsOf(cells, [s, lo, li, hi]);
  if (isCellError(v)) return v;
  const capacity = readSingle(PLAN_PARAMS[4], capGrid);
  if (isCellError(capacity)) return capacity;
  const rows = v.vectors[0].map((_, i) => {
    const r = rowValues(cells, v.vectors, i);
    return r === undefined || isCellError(r) ? r : estimateOf(r);
  });
  const odds = planConfidence(
    rows.map((r) => (r === undefined || isCellError(r) ? undefined : r)),
    capacity,
  );
  const results: Result[] = rows.map((r, i) => (r === undefined ? BLANK : isCellError(r) ? r : odds[i]!));
  return shaped(results, v.row);
}

export const PLAN_CONFIDENCE = defineFunction({
  name: 'PLAN_CONFIDENCE',
  category: 'Prioritization',
  summary:
    'The odds that a project and every project ranked above it fit in the capacity, from three-point effort estimates.',
  details: [
    'Each effort is a PERT estimate: mean (low + 4 × likely + high) / 6, standard deviation (high − low) / 6. Projects are taken by score, highest first (equal scores in row order); for each, the means and the variances of it and all above it are added, and the probability that the total fits is read from the normal distribution: Φ((capacity − sum of means) / √(sum of variances)). When the variance is 0 (every estimate exact) the odds are 1 if the total fits and 0 if not.',
    "Commit to what has 0.85 or more, call 0.5 to 0.85 a stretch, and below 0.5 it will most likely not fit. On the Prioritization sheet the Commitment column colours the rows at this 85 % cut line (green above, amber stretch, red below), and the strategy document's roadmap names the plan's first quarter's commitments (\"Q4 2026 at 85 %: Commit …; Stretch …; Won't fit …\"; a \"Don't Do\" project is a trade-off, not a commitment). Down the ranking the odds never rise while they are 0.5 or more, and once below 0.5 they stay below; there they may rise a little, since a further uncertain project widens the spread of a total already over the capacity (a property of the normal approximation).",
    "Φ is computed to 1e-15 (G. Marsaglia's series, and Laplace's continued fraction in the tails), so the spreadsheet's own NORM.S.DIST((capacity − Σ mean) / √Σ variance, TRUE) gives the same figure.",
    'A blank row stays blank and takes no capacity; a row with a bad value, or whose low, likely and high efforts are out of order, gets an error and takes no capacity.',
  ],
  params: PLAN_PARAMS,
  result: { description: 'Per project, the probability from 0 to 1 that the plan holds down to it.', type: 'number' },
  examples: [
    {
      formula: '=PLAN_CONFIDENCE({17.5; 11; 2.5}, {4; 6; 5}, {5; 8; 7}, {8; 13; 12}, 20)',
      result: '1; 0.9999977762; 0.2268476499',
      note: 'SSO, Analytics and Refactor with low, likely and high efforts and 20 points of capacity: Refactor is a stretch at best',
    },
    {
      formula: '=PLAN_CONFIDENCE({3; 2}, {5; 5}, {5; 5}, {5; 5}, 10)',
      result: '1; 1',
      note: 'exact estimates that fit',
    },
  ],
  whole: planWhole,
});

export const DECISION_FUNCTIONS: FunctionSpec[] = [
  TEAM_SCORE,
  TEAM_SPREAD,
  RANK_STABILITY,
  WEIGHT_TIPPING_POINT,
  PLAN_CONFIDENCE,
];
