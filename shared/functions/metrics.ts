/** Registry entries for metrics: parsing metric texts, progress, status and DORA levels. */
import { choiceArg, serialToDate } from '../core/args';
import * as msg from '../core/messages';
import { BLANK, CellError, formatNumber, showValue, type Result } from '../core/values';
import {
  DORA_METRIC_ALIASES,
  DORA_REPORT,
  DORA_THRESHOLDS,
  DORA_LEVEL_RANK,
  DORA_UNITS,
  doraLevel,
  type DoraLevel,
  type DoraMetric,
} from '../metrics/dora';
import {
  AT_RISK_MARGIN,
  metricProgress,
  metricStatus,
  statusWithoutBaseline,
  UNDATED_AT_RISK,
  UNDATED_ON_TRACK,
} from '../metrics/progress';
import { compatibleKinds, isNotAvailable, KIND_NAMES } from '../metrics/value';
import { MS_PER_HOUR, type MetricValue } from '../metrics/units';
import { metricArg, type ReadMetric } from './metric-arg';
import { date, METRIC_TRIPLE } from './params';
import { defineFunction, type FunctionSpec, type InvokeContext } from './spec';
import { localDayOf } from '../dates/calendar-day';

export { metricArg, type ReadMetric };

export const METRIC_VALUE = defineFunction({
  name: 'METRIC_VALUE',
  category: 'Metrics',
  summary: 'Reads a metric written the way people write it ("$1M", "<200ms", "5x/day", "99.9%") as a number.',
  details: [
    'Results are in the base of the unit: durations in milliseconds ("2 hours" → 7200000), rates per day ("10x/week" → 1.43), percentages as fractions ("99.9%" → 0.999), money and counts as plain numbers ("$2.5k" → 2500), scores as the number before the slash ("4.5/5" → 4.5).',
    'Accepted: numbers ("1,000", "2.5k", "1.5M", "3B"); money with $, €, £ or ¥ before or after ("$1M", "€300K", "300 €"); percentages ("99.9%"); scores ("4.5/5"); durations with ms, s, min (or m), h/hours, d/days, w/weeks, mo/months, y/years ("1.5s", "2 hours"; a month is 1/12 of 365 days); rates per hour, day, week, month, quarter or year ("5x/day", "10x/week", "3 per day", "100 experiments/quarter", "2x weekly").',
    'Words as the seed guide and the DORA report write them, units kept: "100+ experiments/quarter" (100 per quarter), "daily", "weekly", "monthly", "quarterly", "once a week", "twice a day", "once every six months", "Less than one hour", "More than six months", "Fewer than once per six months", "On-demand (multiple deploys per day)" (read as at least 2 per day). A range ("Between one day and one week", "0%-15%") gives its midpoint; DORA_LEVEL grades it by its worse end.',
    'A leading "<", "<=", ">", ">=" (or "under", "at least" …) or a trailing "+" ("100+") is allowed and ignored by METRIC_VALUE; METRIC_PROGRESS uses it to tell which direction is better. An uppercase M means million, a lowercase m alone means minutes ("5m"), except after a currency ("$5m").',
    '"N/A", "n/a", "NA", "-" and blank cells give a blank result. Any other text gives an error listing the accepted forms.',
  ],
  params: [
    {
      name: 'text',
      label: 'Value',
      description: 'A metric text such as "$1M", "<200ms", "5x/day", "99.9%", or a number.',
      type: metricArg,
    },
  ],
  result: { description: "The number in the unit's base, or blank for N/A.", type: 'number' },
  examples: [
    { formula: '=METRIC_VALUE("$1M")', result: '1000000' },
    { formula: '=METRIC_VALUE("<200ms")', result: '200' },
    { formula: '=METRIC_VALUE("10x/week")', result: '1.428571429', note: 'per day' },
    { formula: '=METRIC_VALUE("99.9%")', result: '0.999' },
    { formula: '=METRIC_VALUE("2 hours")', result: '7200000', note: 'milliseconds' },
    { formula: '=METRIC_VALUE("100+ experiments/quarter")', result: '1.095890411', note: '100 per quarter, per day' },
    { formula: '=METRIC_VALUE("weekly")', result: '0.1428571429', note: 'once a week, per day' },
  ],
  each: ([v]) => (isNotAvailable(v) ? BLANK : v.value),
});

type Shown = MetricValue & { shown: string };

/** Two metric values whose kinds do not go together ("$1M" against "200ms"). */
function kindClash(na: string, a: Shown, nb: string, b: Shown): CellError {
  return new CellError(msg.kindMismatch(na, KIND_NAMES[a.kind], a.shown, nb, KIND_NAMES[b.kind], b.shown));
}

/** Progress of three read metrics, or a message when their kinds do not go together. */
function progressOf(
  b: MetricValue & { shown: string },
  c: MetricValue & { shown: string },
  t: MetricValue & { shown: string },
): number | CellError {
  const clash = kindClash;
  if (!compatibleKinds(b.kind, c.kind)) return clash('Baseline', b, 'Current', c);
  if (!compatibleKinds(b.kind, t.kind)) return clash('Baseline', b, 'Target', t);
  if (!compatibleKinds(c.kind, t.kind)) return clash('Current', c, 'Target', t);
  return metricProgress(b, c, t);
}

const DIRECTION_TEXT =
  'Direction is inferred: a target written with "<" or "<=" ("<200ms") means lower is better; one with ">", ">=" or a trailing "+" ("100+", ">99.9%") means higher is better; otherwise a target below the baseline means lower is better and one above it higher is better.';

export const METRIC_PROGRESS = defineFunction({
  name: 'METRIC_PROGRESS',
  category: 'Metrics',
  summary: 'Fraction of the way from baseline to target, 0 to 1 (format the cell as a percentage).',
  details: [
    "Progress = (current − baseline) ÷ (target − baseline), capped to 0–1; reaching or passing the target gives 1. Inputs may be numbers or texts understood by METRIC_VALUE, of the same kind (two durations, two amounts of money …); a plain number goes with any kind and is read in that kind's base (milliseconds, per day, a fraction).",
    DIRECTION_TEXT,
    'When the baseline is already at or beyond the target in the better direction (or equals it), progress is 1 if the current value reaches the target and 0 otherwise. "N/A" in any input gives a blank result.',
  ],
  params: METRIC_TRIPLE,
  result: { description: 'Progress from 0 to 1 per row.', type: 'number' },
  examples: [
    { formula: '=METRIC_PROGRESS("$0", "$250K", "$1M")', result: '0.25' },
    { formula: '=METRIC_PROGRESS("800ms", "500ms", "<200ms")', result: '0.5', note: 'lower is better' },
    { formula: '=METRIC_PROGRESS("1x/day", "2x/day", "5x/day")', result: '0.25' },
  ],
  each: ([b, c, t]) => {
    if (isNotAvailable(b) || isNotAvailable(c) || isNotAvailable(t)) return BLANK;
    return progressOf(b, c, t);
  },
});

/** Today's date as a serial day, in the host's time zone (the spreadsheet's in Sheets, the runtime's otherwise). */
export function todaySerial(ctx: InvokeContext): number {
  return (ctx.dayOf ?? localDayOf)(ctx.now());
}

const showDate = (serial: number): string => showValue(serialToDate(serial));

export const METRIC_STATUS = defineFunction({
  name: 'METRIC_STATUS',
  category: 'Metrics',
  summary: 'Done, On track, At risk or Off track, from progress towards the target and, with dates, the time elapsed.',
  details: [
    'Progress is METRIC_PROGRESS(baseline, current, target). Progress 1 (target reached) is "Done".',
    `With \`start\` and \`due\`: the elapsed share is (today − start) ÷ (due − start), capped to 0–1. "On track" when progress ≥ elapsed share; "At risk" when progress is below it by at most ${AT_RISK_MARGIN}; "Off track" otherwise, and always once today is after the due date without the target reached.`,
    `Without dates: "On track" from progress ${UNDATED_ON_TRACK}, "At risk" from ${UNDATED_AT_RISK}, "Off track" below ${UNDATED_AT_RISK}. Give both dates or neither; due must be after start.`,
    '`today` defaults to the date of calculation. Google Sheets refuses volatile functions such as TODAY(), NOW() or RAND() as arguments of a custom function (the cell stays at "Loading…"), so in Sheets leave `today` out, or type a fixed date into a cell (a date, not =TODAY()) and pass that cell. A result that depends on the default date is recalculated when the spreadsheet recalculates the formula, not at midnight.',
    `Without a baseline ("N/A": never measured) progress cannot be measured, so the status does not need it: the target met (current at or beyond it, the direction taken from the target's "<", ">" or "+"; without one, equal to it) is "Done"; otherwise the status is the one progress 0 would get, from the time left to the due date: "On track" before Start, "At risk" while at most ${AT_RISK_MARGIN * 100}% of the time from Start to Due has passed, "Off track" after that and after the due date; without dates "Off track".`,
    '"N/A" in current or target gives a blank result.',
  ],
  params: [
    ...METRIC_TRIPLE,
    {
      name: 'start',
      label: 'Start',
      description: 'Optional start date of the period (a date cell).',
      optional: true,
      type: date,
      defaultText: 'none',
    },
    {
      name: 'due',
      label: 'Due',
      description: 'Optional due date (a date cell); give it together with start.',
      optional: true,
      type: date,
      defaultText: 'none',
    },
    {
      name: 'today',
      label: 'Today',
      description:
        'Optional reference date; default the date of calculation (in Sheets use a cell with a date, not TODAY()).',
      optional: true,
      type: date,
      defaultText: 'the date of calculation',
    },
  ],
  result: { description: 'The status per row.', type: 'string' },
  examples: [
    {
      formula: '=METRIC_STATUS("1x/day", "2x/day", "5x/day", "2027-01-01", "2027-12-31", "2027-04-01")',
      result: 'On track',
      note: '25% of the way after 25% of the year',
    },
    {
      formula: '=METRIC_STATUS("$0", "$250K", "$1M", "2027-01-01", "2027-07-01", "2027-05-01")',
      result: 'Off track',
      note: '25% of the way after 66% of the time',
    },
    { formula: '=METRIC_STATUS("10", "40", "100+")', result: 'At risk', note: 'no dates: progress 0.33' },
    { formula: '=METRIC_STATUS("800ms", "180ms", "<200ms")', result: 'Done' },
    {
      formula: '=METRIC_STATUS("N/A", "350ms", "<200ms")',
      result: 'Off track',
      note: 'no baseline, target not met, no dates',
    },
  ],
  each: ([b, c, t, start, due, today], ctx) => {
    if (isNotAvailable(c) || isNotAvailable(t)) return BLANK;
    const dates = statusDates(start, due, today, ctx);
    if (dates instanceof CellError) return dates;
    if (isNotAvailable(b)) {
      if (!compatibleKinds(c.kind, t.kind)) return kindClash('Current', c, 'Target', t);
      return statusWithoutBaseline(c, t, dates);
    }
    const p = progressOf(b, c, t);
    if (typeof p !== 'number') return p;
    return metricStatus(p, dates);
  },
});

/** The start / due / today of METRIC_STATUS (undefined without dates), or why they do not go together. */
function statusDates(
  s: number | undefined,
  d: number | undefined,
  today: number | undefined,
  ctx: InvokeContext,
): { start: number; due: number; today: number } | undefined | CellError {
  if ((s === undefined) !== (d === undefined)) {
    return new CellError(msg.goTogether('Start', 'Due', 'dates', s === undefined ? 'Due' : 'Start'));
  }
  if (s === undefined || d === undefined) return undefined;
  if (d <= s) return new CellError(msg.mustBe('Due', 'after Start', `Start ${showDate(s)} and Due ${showDate(d)}`));
  return { start: s, due: d, today: today ?? todaySerial(ctx) };
}

// ---- DORA_LEVEL ----

const doraMetricArg = choiceArg<DoraMetric>(
  DORA_METRIC_ALIASES,
  'one of "deployment frequency", "lead time", "change failure rate", "failed deployment recovery time" or "time to restore" (or df, lt, cfr, mttr)',
);

const EXPECTED_FORM: Record<DoraMetric, string> = {
  'deployment frequency': 'a rate like "5x/day" or a number of deploys per day',
  'lead time': 'a duration like "2 hours" or a number of hours',
  'time to restore': 'a duration like "2 hours" or a number of hours',
  'change failure rate': 'a percentage like "12%", a fraction from 0 to 1 or a percentage number up to 100',
};

/** The value in the metric's unit (deploys per day, hours, failure fraction), or a message. */
function doraValue(metric: DoraMetric, v: MetricValue & { shown: string }): number | CellError {
  const bad = () => new CellError(msg.mustBe(`Value for ${metric}`, EXPECTED_FORM[metric], v.shown));
  let x: number;
  if (metric === 'deployment frequency') {
    if (v.kind !== 'rate' && v.kind !== 'number') return bad();
    x = v.value;
  } else if (metric === 'change failure rate') {
    if (v.kind === 'percent') x = v.value;
    else if (v.kind === 'number') x = v.value > 1 ? v.value / 100 : v.value;
    else return bad();
    if (x > 1) return bad();
  } else {
    if (v.kind === 'duration') x = v.value / MS_PER_HOUR;
    else if (v.kind === 'number') x = v.value;
    else return bad();
  }
  if (x < 0) return bad();
  // A comparator counts: "<1 hour" is just under an hour, "10x/day+" just over ten a day.
  const nudge = Math.max(Math.abs(x), 1e-9) * 1e-6;
  if (v.comparator === '<') x -= nudge;
  else if (v.comparator === '>' || v.comparator === '+') x += nudge;
  return Math.max(0, x);
}

/** The level of a value; a range ("Between one day and one week") gets the worse level of its two ends. */
function doraLevelOf(metric: DoraMetric, v: Shown): DoraLevel | CellError {
  const ends: Shown[] = v.range ? v.range.map((value) => ({ ...v, value, range: undefined })) : [v];
  let worst: DoraLevel | undefined;
  for (const end of ends) {
    const x = doraValue(metric, end);
    if (typeof x !== 'number') return x;
    const level = doraLevel(metric, x);
    if (worst === undefined || DORA_LEVEL_RANK[level] < DORA_LEVEL_RANK[worst]) worst = level;
  }
  return worst!;
}

function thresholdText(metric: DoraMetric): string {
  const t = DORA_THRESHOLDS[metric];
  const unit = metric === 'deployment frequency' ? ' per day' : metric === 'change failure rate' ? '' : ' h';
  const fmt = (n: number) =>
    metric === 'change failure rate' ? `${formatNumber(n * 100)}%` : `${formatNumber(Number(n.toPrecision(4)))}${unit}`;
  const parts = t.bounds.map(
    (b) =>
      `${b.level} ${b.words} (${t.better === 'higher' ? (b.strict ? '>' : '≥') : b.strict ? '<' : '≤'} ${fmt(b.limit)})`,
  );
  return `${parts.join('; ')}; otherwise Low`;
}

export const DORA_LEVEL = defineFunction({
  name: 'DORA_LEVEL',
  category: 'Metrics',
  summary: 'Elite, High, Medium or Low for one of the four DORA metrics, by the 2021 State of DevOps report.',
  details: [
    `Source: the ${DORA_REPORT}, its table of software delivery performance levels (Elite, High, Medium, Low). DORA's levels come from a cluster analysis that changes every year (2022 found only three clusters; 2023 and 2024 publish cluster means, some not monotonic), so this function uses one report and says which.`,
    "The report's bands leave gaps (a lead time between one hour and one day) and one band shared by three levels (change failure rate 16–30% for High, Medium and Low). To give every value one level: a value between two bands gets the worse of the two levels, a value in a band shared by several levels gets the best of them, and values beyond the worst band are Low. So change failure rate is never Medium.",
    `Thresholds used. Deployment frequency (deploys per day; a month is 1/12 of 365 days): ${thresholdText('deployment frequency')}. Lead time for changes (hours): ${thresholdText('lead time')}. Time to restore service (hours): ${thresholdText('time to restore')}. Change failure rate: ${thresholdText('change failure rate')}.`,
    `Metric names: "deployment frequency" (deploy frequency, df), "lead time" (lead time for changes, change lead time, lt), "change failure rate" (change fail rate, cfr), "failed deployment recovery time" (DORA's name since its 2023 report, which counts only failures caused by a change; the 2021 report's "time to restore", time to restore service, recovery time and mttr read the same and are graded by the 2021 table). DORA's fifth metric since 2024, deployment rework rate, has no levels in the 2021 report: DORA_SCORE takes it. Values: ${Object.entries(
      DORA_UNITS,
    )
      .map(([m, u]) => `${m} in ${u}`)
      .join(
        '; ',
      )}; or a text as METRIC_VALUE reads it ("5x/day", "2 hours", "12%"), including the report's own wordings ("On-demand (multiple deploys per day)", "Less than one hour", "Between once per week and once per month"; a range gets the worse level of its two ends). A comparator counts: "<1 hour" is Elite. "N/A" gives a blank result.`,
  ],
  params: [
    {
      name: 'metric',
      label: 'Metric',
      description:
        'Which metric: "deployment frequency", "lead time", "change failure rate", or "failed deployment recovery time" (DORA\'s name since 2023; "time to restore" still works; aliases df, lt, cfr, mttr).',
      type: doraMetricArg,
    },
    {
      name: 'value',
      label: 'Value',
      description:
        'The measured value: deploys per day, hours, a failure percentage, or a text like "5x/day", "2 hours", "12%".',
      type: metricArg,
    },
  ],
  result: { description: 'The level per row: Elite, High, Medium or Low.', type: 'string' },
  examples: [
    { formula: '=DORA_LEVEL("deployment frequency", "5x/day")', result: 'Elite' },
    { formula: '=DORA_LEVEL("lead time", "2 days")', result: 'High' },
    { formula: '=DORA_LEVEL("cfr", "22%")', result: 'High' },
    { formula: '=DORA_LEVEL("mttr", 30)', result: 'Medium', note: '30 hours' },
    {
      formula: '=DORA_LEVEL("failed deployment recovery time", "45 min")',
      result: 'Elite',
      note: "DORA's name since 2023",
    },
    { formula: '=DORA_LEVEL("df", "On-demand (multiple deploys per day)")', result: 'Elite' },
    {
      formula: '=DORA_LEVEL("lead time", "Between one day and one week")',
      result: 'High',
      note: "the report's own wording",
    },
  ],
  each: ([metric, value]): Result => (isNotAvailable(value) ? BLANK : doraLevelOf(metric, value)),
});

export const METRIC_FUNCTIONS: FunctionSpec[] = [METRIC_VALUE, METRIC_PROGRESS, METRIC_STATUS, DORA_LEVEL];
