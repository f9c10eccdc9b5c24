/** Registry entries for prioritization functions. */
import { choiceArg, MISMATCH, numberArg, serialToDate, type ArgType } from '../core/args';
import * as msg from '../core/messages';
import { asVector, dims, shapeText, type Grid } from '../core/grid';
import { BLANK, CellError, formatNumber, isBlank, isCellError, showValue, type Result } from '../core/values';
import { iceScore, riceScore, RICE_IMPACT_MAX, RICE_IMPACT_MIN, wsjf, type IceMode } from '../scoring/frameworks';
import { DEFAULT_START, parseQuarter, priorityPlan, withYear, type PlanItem, type QuarterStart } from '../scoring/plan';
import { todaySerial } from './metrics';
import { DEFAULT_PRIORITY_WEIGHTS, priorityScore, type PriorityWeights } from '../scoring/priority';
import { DEFAULT_QUADRANT_THRESHOLD, priorityQuadrant, type QuadrantStyle } from '../scoring/quadrant';
import { readCell, readSingle } from './invoke';
import { CONFIDENCE, EFFORT, IMPACT, RISK, scale, URGENCY } from './params';
import { defineFunction, param, type FunctionSpec, type InvokeContext, type ParamGrids } from './spec';

export function readWeights(grid: Grid, label: string): PriorityWeights | CellError {
  const v = asVector(grid);
  if (!v || v.length !== 4) return new CellError(msg.mustBe(label, '4 numbers in a 1×4 or 4×1 range', shapeText(grid)));
  const names = ['impact', 'urgency', 'effort', 'risk'] as const;
  const w = { ...DEFAULT_PRIORITY_WEIGHTS };
  for (let i = 0; i < 4; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
      return new CellError(msg.mustBe(`${label} for ${names[i]}`, 'a number of at least 0', showValue(x)));
    }
    w[names[i]] = x;
  }
  return w;
}

/** The four criteria's weights, as PRIORITY_SCORE and the decision functions take them. */
export const PRIORITY_WEIGHTS_PARAM = param({
  name: 'weights',
  label: 'Weights',
  description: 'Optional weights for impact, urgency, effort and risk (a 1×4 or 4×1 range); default 2, 1, 0.5, 1.',
  optional: true,
  shape: 'range',
  expects: '4 numbers of at least 0 in a 1×4 or 4×1 range',
  docType: 'number',
  read: readWeights,
  default: DEFAULT_PRIORITY_WEIGHTS,
  defaultText: '2, 1, 0.5, 1',
});

export const PRIORITY_SCORE = defineFunction({
  name: 'PRIORITY_SCORE',
  category: 'Prioritization',
  summary: 'Priority score of a project: (Impact × 2) + Urgency − (Effort × 0.5) − Risk.',
  details: [
    'Each input is a 1–10 scale (1 low, 10 high). Effort and risk are subtracted, so a cheaper, safer project ranks higher.',
    'With the default weights the score runs from −12 (impact 1, urgency 1, effort 10, risk 10) to 28.5 (10, 10, 1, 1).',
    'Give `weights` as four numbers (a 1×4 or 4×1 range) to replace 2, 1, 0.5 and 1; effort and risk stay subtracted.',
  ],
  params: [
    IMPACT,
    URGENCY,
    { ...EFFORT, description: 'Effort, 1 (low) to 10 (high), subtracted: a cell or a column.' },
    RISK,
    PRIORITY_WEIGHTS_PARAM,
  ],
  result: { description: 'The priority score, one per row; higher means do it sooner.', type: 'number' },
  examples: [
    {
      formula: '=PRIORITY_SCORE(9, 8, 5, 6)',
      result: '17.5',
      note: 'SSO in the seed guide (the guide prints 28; the formula gives 17.5).',
    },
    { formula: '=PRIORITY_SCORE(C2:C20, D2:D20, E2:E20, F2:F20)', result: 'one score per row; blank rows stay blank' },
    { formula: '=PRIORITY_SCORE(9, 8, 5, 6, {3, 1, 1, 1})', result: '24', note: 'custom weights 3, 1, 1, 1' },
  ],
  each: ([impact, urgency, effort, risk, weights]) => priorityScore(impact, urgency, effort, risk, weights),
});

// ---- PRIORITY_QUADRANT ----

const quadrantStyle = choiceArg<QuadrantStyle>({
  action: ['actions', 'decision'],
  label: ['labels', 'name', 'quadrant'],
});

export const PRIORITY_QUADRANT = defineFunction({
  name: 'PRIORITY_QUADRANT',
  category: 'Prioritization',
  summary: "The seed guide's prioritization matrix: Do Now, Plan Carefully, Do When You Have Time or Don't Do.",
  details: [
    'Impact at or above the threshold is high impact; effort at or above it is high effort (so with the default 5.5, 6 is high and 5 is low).',
    "High impact, low effort → Do Now (Quick Win); high impact, high effort → Plan Carefully (Big Bet); low impact, low effort → Do When You Have Time (Nice to Have); low impact, high effort → Don't Do (Time Sink).",
    'With `style` "label" the result is the quadrant name (Quick Win, Big Bet, Nice to Have, Time Sink) instead of the action.',
  ],
  params: [
    IMPACT,
    EFFORT,
    {
      name: 'threshold',
      label: 'Threshold',
      description: 'Where "high" starts on the 1–10 scales; default 5.5.',
      optional: true,
      shape: 'single',
      type: scale,
      default: DEFAULT_QUADRANT_THRESHOLD,
      defaultText: '5.5',
    },
    {
      name: 'style',
      label: 'Style',
      description: '"action" (Do Now …, the default) or "label" (Quick Win …).',
      optional: true,
      shape: 'single',
      type: quadrantStyle,
      default: 'action',
      defaultText: '"action"',
    },
  ],
  result: { description: 'The quadrant per row, as an action or a label.', type: 'string' },
  examples: [
    { formula: '=PRIORITY_QUADRANT(9, 5)', result: 'Do Now', note: 'SSO in the seed guide' },
    { formula: '=PRIORITY_QUADRANT(7, 8, 5.5, "label")', result: 'Big Bet', note: 'Analytics' },
    { formula: '=PRIORITY_QUADRANT(4, 7)', result: "Don't Do", note: 'Refactor' },
  ],
  each: ([impact, effort, threshold, style]) => priorityQuadrant(impact, effort, threshold, style),
});

// ---- PRIORITY_PLAN ----

const quarterArg: ArgType<QuarterStart> = {
  expects: 'a quarter like "Q1" or "Q3 2027"',
  docType: 'string',
  coerce(v) {
    if (typeof v !== 'string') return MISMATCH;
    return parseQuarter(v) ?? MISMATCH;
  },
};

const planParams = {
  scores: param({
    name: 'scores',
    label: 'Score',
    description: 'Priority scores (higher goes first): a column or a row, e.g. the PRIORITY_SCORE column.',
    type: numberArg(),
  }),
  efforts: param({
    name: 'efforts',
    label: 'Effort',
    description: 'Effort of each project in capacity points, above 0: a range of the same size as scores.',
    type: numberArg({ above: 0 }),
  }),
  capacity: param({
    name: 'capacity',
    label: 'Capacity',
    description: 'Effort points the team can take on per quarter (one cell, above 0).',
    shape: 'single',
    type: numberArg({ above: 0 }),
  }),
  start: param({
    name: 'start_quarter',
    label: 'Start quarter',
    description:
      'First quarter of the plan, with a year ("Q3 2027") or without one ("Q3": that quarter of the current year). Default: Q1 of the current year.',
    optional: true,
    shape: 'single',
    type: quarterArg,
    default: DEFAULT_START,
    defaultText: 'Q1 of the current year',
  }),
};

const PLAN_PARAMS = [planParams.scores, planParams.efforts, planParams.capacity, planParams.start] as const;

/** One project of the plan, or the error of its first bad argument (such a row takes no capacity). */
function planItem(score: unknown, effort: unknown): PlanItem | CellError {
  const s = readCell(planParams.scores, score);
  if (isCellError(s)) return s;
  const e = readCell(planParams.efforts, effort);
  return isCellError(e) ? e : { score: s, effort: e };
}

function planWhole(
  [sg, eg, capacityGrid, startGrid]: ParamGrids<typeof PLAN_PARAMS>,
  ctx: InvokeContext,
): Result[][] | CellError {
  const scores = asVector(sg);
  if (!scores) return new CellError(msg.mustBe(planParams.scores.label, 'a single column or row', shapeText(sg)));
  const efforts = asVector(eg);
  if (!efforts) return new CellError(msg.mustBe(planParams.efforts.label, 'a single column or row', shapeText(eg)));
  const [r0, c0] = dims(sg);
  const [r1, c1] = dims(eg);
  if (r0 !== r1 || c0 !== c1) {
    return new CellError(msg.shapeMismatch('Score', shapeText(sg), 'Effort', shapeText(eg), false));
  }
  const capacity = readSingle(planParams.capacity, capacityGrid);
  if (isCellError(capacity)) return capacity;
  const given = readSingle(planParams.start, startGrid);
  if (isCellError(given)) return given;
  // A quarter without a year is that quarter of the current year (the host's calendar day).
  const start = withYear(given, serialToDate(todaySerial(ctx)).getUTCFullYear());
  const rows: Result[] = [];
  const items: (PlanItem | undefined)[] = [];
  for (let i = 0; i < scores.length; i++) {
    items.push(undefined);
    if (isBlank(scores[i]) && isBlank(efforts[i])) {
      rows.push(BLANK);
      continue;
    }
    const item = planItem(scores[i], efforts[i]);
    if (isCellError(item)) rows.push(item);
    else {
      items[i] = item;
      rows.push(BLANK);
    }
  }
  const labels = priorityPlan(items, capacity, start);
  labels.forEach((label, i) => {
    if (label === 'too-big')
      rows[i] = new CellError(msg.overCapacity(formatNumber(items[i]!.effort), formatNumber(capacity)));
    else if (label !== undefined) rows[i] = label;
  });
  return r0 === 1 ? [rows] : rows.map((r) => [r]);
}

export const PRIORITY_PLAN = defineFunction({
  name: 'PRIORITY_PLAN',
  category: 'Prioritization',
  summary:
    'Schedules projects into quarters by score within a capacity per quarter: the seed guide\'s "Decision" column.',
  details: [
    'Projects are taken in descending score (equal scores keep their order in the range) and each goes into the first quarter, counted from `start_quarter`, whose remaining capacity still fits its effort (first fit). A later, smaller project may therefore fill a gap left in an earlier quarter.',
    'Quarter labels always carry their year: a plan starting in "Q3 2027" reads "Q3 2027", "Q4 2027", "Q1 2028" …. A start quarter without a year ("Q3") is that quarter of the current year, the year of the day the formula is calculated (in Sheets the spreadsheet\'s time zone, in Excel the computer\'s); left out, the plan starts in Q1 of the current year. Type the year when the plan is for another year.',
    'A blank row stays blank and takes no capacity. A row with a bad score or effort gets an error and takes no capacity; the other rows are still planned. A project whose effort is more than the capacity gets an error saying so.',
    'The result has the shape of `scores` (a column gives a column, a row gives a row).',
  ],
  params: PLAN_PARAMS,
  result: { description: 'The quarter label per project, in the shape of scores.', type: 'string' },
  examples: [
    {
      formula: '=PRIORITY_PLAN({17.5; 11; 2.5}, {5; 8; 7}, 10, "Q1 2027")',
      result: 'Q1 2027; Q2 2027; Q3 2027',
      note: 'SSO, Analytics and Refactor from the seed guide, 10 effort points per quarter',
    },
    {
      formula: '=PRIORITY_PLAN({17.5; 11; 2.5}, {5; 8; 7}, 12, "Q3 2027")',
      result: 'Q3 2027; Q4 2027; Q3 2027',
      note: 'Refactor fits in what SSO left of Q3',
    },
    {
      formula: '=PRIORITY_PLAN({3; 2; 1}, {8; 8; 8}, 10, "Q4 2026")',
      result: 'Q4 2026; Q1 2027; Q2 2027',
      note: 'the plan runs on into the next year; typed as "Q4" in 2026, the start is the same Q4 2026',
    },
    { formula: '=PRIORITY_PLAN(G2:G20, E2:E20, 10)', result: 'one quarter per project; blank rows stay blank' },
  ],
  whole: planWhole,
});

// ---- RICE, ICE, WSJF ----

export const RICE_SCORE = defineFunction({
  name: 'RICE_SCORE',
  category: 'Prioritization',
  summary: 'RICE score: Reach × Impact × Confidence ÷ Effort.',
  details: [
    'Reach is people or events per period (e.g. per quarter). Impact uses the usual scale 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. Effort is person-months (any unit, used consistently) and must be above 0.',
    'Confidence is a fraction from 0 to 1 (a cell formatted as 80% holds 0.8) or a percentage from above 1 to 100 (80 means 80%). So 1 means 100%, not 1%.',
  ],
  params: [
    {
      name: 'reach',
      label: 'Reach',
      description: 'People or events per period, at least 0.',
      type: numberArg({ min: 0 }),
    },
    {
      name: 'impact',
      label: 'Impact',
      description: 'Impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.',
      type: numberArg({ min: RICE_IMPACT_MIN, max: RICE_IMPACT_MAX }),
    },
    {
      name: 'confidence',
      label: 'Confidence',
      description: 'Confidence, 0–1 or a percentage (80 = 80%).',
      type: numberArg({ min: 0, max: 100 }),
    },
    {
      name: 'effort',
      label: 'Effort',
      description: 'Effort in person-months, above 0.',
      type: numberArg({ above: 0 }),
    },
  ],
  result: { description: 'The RICE score per row; higher means more value per unit of effort.', type: 'number' },
  examples: [
    { formula: '=RICE_SCORE(2000, 2, 0.8, 4)', result: '800' },
    { formula: '=RICE_SCORE(2000, 2, 80, 4)', result: '800', note: 'confidence as a percentage' },
    { formula: '=RICE_SCORE(500, 3, 0.5, 0)', result: '#VALUE! Effort must be a number greater than 0 (got 0)' },
  ],
  each: ([reach, impact, confidence, effort]) => riceScore(reach, impact, confidence, effort),
});

const iceMode = choiceArg<IceMode>({ product: ['multiply', 'multiplied', 'times'], average: ['mean', 'avg'] });

export const ICE_SCORE = defineFunction({
  name: 'ICE_SCORE',
  category: 'Prioritization',
  summary: 'ICE score: Impact × Confidence × Ease, each 1–10 (or their average).',
  details: [
    'How ICE combines its three inputs is not standardised: most calculators multiply them (1 to 1000, the default here); the Hacking Growth convention averages them (1 to 10). Choose with `mode`.',
  ],
  params: [
    { ...IMPACT, description: 'Impact, 1 (low) to 10 (high).' },
    CONFIDENCE,
    { name: 'ease', label: 'Ease', description: 'Ease, 1 (hard) to 10 (easy).', type: scale },
    {
      name: 'mode',
      label: 'Mode',
      description: '"product" (default, 1–1000) or "average" (1–10).',
      optional: true,
      shape: 'single',
      type: iceMode,
      default: 'product',
      defaultText: '"product"',
    },
  ],
  result: { description: 'The ICE score per row.', type: 'number' },
  examples: [
    { formula: '=ICE_SCORE(8, 7, 9)', result: '504' },
    { formula: '=ICE_SCORE(8, 7, 9, "average")', result: '8' },
    { formula: '=ICE_SCORE(8, 11, 9)', result: '#VALUE! Confidence must be a number from 1 to 10 (got 11)' },
  ],
  each: ([impact, confidence, ease, mode]) => iceScore(impact, confidence, ease, mode),
});

const costOfDelayPart = numberArg({ min: 0 });

export const WSJF = defineFunction({
  name: 'WSJF',
  category: 'Prioritization',
  summary: 'Weighted Shortest Job First (SAFe): (Business Value + Time Criticality + Risk Reduction) ÷ Job Size.',
  details: [
    'The three terms add up to the Cost of Delay. Each is usually estimated relatively on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20; any number of at least 0 is accepted. Job size is a proxy for duration and must be above 0.',
  ],
  params: [
    {
      name: 'business_value',
      label: 'Business value',
      description: 'User / business value, at least 0.',
      type: costOfDelayPart,
    },
    {
      name: 'time_criticality',
      label: 'Time criticality',
      description: 'Time criticality, at least 0.',
      type: costOfDelayPart,
    },
    {
      name: 'risk_reduction',
      label: 'Risk reduction',
      description: 'Risk reduction / opportunity enablement, at least 0.',
      type: costOfDelayPart,
    },
    { name: 'job_size', label: 'Job size', description: 'Job size, above 0.', type: numberArg({ above: 0 }) },
  ],
  result: { description: 'The WSJF per row; higher goes first.', type: 'number' },
  examples: [
    { formula: '=WSJF(8, 5, 3, 2)', result: '8' },
    { formula: '=WSJF(13, 8, 5, 13)', result: '2' },
    { formula: '=WSJF(8, 5, 3, 0)', result: '#VALUE! Job size must be a number greater than 0 (got 0)' },
  ],
  each: ([bv, tc, rr, size]) => wsjf(bv, tc, rr, size),
});

export const PRIORITIZATION_FUNCTIONS: FunctionSpec[] = [
  PRIORITY_SCORE,
  PRIORITY_QUADRANT,
  PRIORITY_PLAN,
  RICE_SCORE,
  ICE_SCORE,
  WSJF,
];
