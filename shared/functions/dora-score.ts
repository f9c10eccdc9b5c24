/** Registry entry for DORA's Quick Check score (0–10) from the five software delivery metrics. */
import { MISMATCH, normaliseChoice, type ArgType } from '../core/args';
import { BLANK } from '../core/values';
import {
  bucketScore,
  durationBucket,
  DURATION_ANSWERS,
  frequencyBucket,
  FREQUENCY_ANSWERS,
  QUICK_CHECK_EDITION,
  QUICK_CHECK_INDUSTRY_MEAN,
  quickCheckScore,
  rateScore,
} from '../metrics/quick-check';
import { MS_PER_HOUR, type MetricValue } from '../metrics/units';
import { isNotAvailable } from '../metrics/value';
import { metricArg } from './metric-arg';
import { defineFunction, type FunctionSpec } from './spec';

/** A metric's 0–10 score, or undefined when the cell says N/A (not answered). */
type MetricScore = number | undefined;

type Kind = 'duration' | 'frequency' | 'rate';

/**
 * The value to grade: a range's worse end (so "One day to one week" is graded as one week), nudged by its comparator
 * as DORA_LEVEL does ("<1 hour" just under an hour), never below 0 ("<0x/day" is 0); negative values are refused
 * before (NaN).
 */
function gradedValue(v: MetricValue, kind: Kind): number {
  if (v.value < 0 || (v.range && Math.min(v.range[0], v.range[1]) < 0)) return NaN;
  let x = v.value;
  if (v.range) {
    const [a, b] = v.range;
    x = kind === 'frequency' ? Math.min(a, b) : Math.max(a, b);
  }
  const nudge = Math.max(Math.abs(x), 1e-9) * 1e-6;
  if (v.comparator === '<') x -= nudge;
  else if (v.comparator === '>' || v.comparator === '+') x += nudge;
  return Math.max(0, x);
}

/** A measured value (or a Quick Check answer) as a 0–10 score; MISMATCH for a value of the wrong kind. */
function scoreOf(v: MetricValue, kind: Kind): number | typeof MISMATCH {
  if (kind === 'duration') {
    if (v.kind !== 'duration' && v.kind !== 'number') return MISMATCH;
    const hours = gradedValue(v, kind) / (v.kind === 'duration' ? MS_PER_HOUR : 1);
    return Number.isNaN(hours) ? MISMATCH : bucketScore(durationBucket(hours));
  }
  if (kind === 'frequency') {
    if (v.kind !== 'rate' && v.kind !== 'number') return MISMATCH;
    const perDay = gradedValue(v, kind);
    return Number.isNaN(perDay) ? MISMATCH : bucketScore(frequencyBucket(perDay));
  }
  let fraction: number;
  if (v.kind === 'percent') fraction = gradedValue(v, kind);
  else if (v.kind === 'number' && v.value < 0) return MISMATCH;
  else if (v.kind === 'number') fraction = v.value > 1 ? v.value / 100 : v.value;
  else return MISMATCH;
  return Number.isNaN(fraction) || fraction > 1 ? MISMATCH : rateScore(fraction);
}

function metricScoreArg(kind: Kind, expects: string): ArgType<MetricScore> {
  const answers = kind === 'duration' ? DURATION_ANSWERS : kind === 'frequency' ? FREQUENCY_ANSWERS : undefined;
  return {
    expects,
    docType: 'any',
    coerce(v) {
      if (answers && typeof v === 'string') {
        const bucket = answers[normaliseChoice(v)];
        if (bucket !== undefined) return bucketScore(bucket);
      }
      const m = metricArg.coerce(v);
      if (typeof m !== 'object' || m === null || 'mismatch' in m) return MISMATCH;
      return isNotAvailable(m) ? undefined : scoreOf(m, kind);
    },
  };
}

const DURATION_EXPECTS =
  'a duration like "2 days", a number of hours, a Quick Check answer like "One day to one week", or "N/A"';
const RATE_EXPECTS = 'a percentage like "12%", a fraction from 0 to 1, a percentage number up to 100, or "N/A"';

export const DORA_SCORE = defineFunction({
  name: 'DORA_SCORE',
  category: 'Metrics',
  summary:
    "DORA's Quick Check score, 0 to 10, from lead time, deployment frequency, change fail rate, recovery time and rework rate.",
  details: [
    `Source: DORA's Quick Check (dora.dev/quickcheck), ${QUICK_CHECK_EDITION} edition, as its published code computes it: github.com/dora-team/dora.dev, file svelte/quick-check/src/lib/data-service.ts (calculatePerformanceScore, calculatePerformanceAverage; recode_numeric_range in utils.ts), the answers in src/lib/data/metrics_question_responses.json and the benchmarks in src/lib/data/editions/2025/industry_metrics.json (read at the repository's commit of 2026-06-26). Lead time, deployment frequency and failed deployment recovery time are answered by one of six buckets, 1 (worst) to 6 (best), rescaled to 0–10: (bucket − 1) × 2. Change fail rate and deployment rework rate are percentages, rescaled 0 % → 10 and 100 % → 0. The score is the mean of the answered metrics.`,
    'Buckets of lead time and recovery time: Less than one hour (10), Less than one day (8), One day to one week (6), One week to one month (4), One to six months (2), More than six months (0). Deployment frequency: On demand, multiple deploys per day (10), Between once per hour and once per day (8), Between once per day and once per week (6), Between once per week and once per month (4), Between once per month and once every six months (2), Less than once per six months (0).',
    'The Quick Check asks for the bucket; a measured value is put in one by our reading of its words: under 1 hour, under 24 hours, up to 1 week, up to 1 month, up to 6 months (a month is 1/12 of 365 days); more than one deploy a day, at least one a day, at least one a week, a month, six months. A range ("Between one day and one week") is graded by its worse end, which gives each Quick Check wording its own bucket. Plain numbers are hours, deploys per day, and a fraction (0.12) or percentage (12) for the rates.',
    `"N/A" leaves a metric out of the mean (not answered); rework_rate may be left out. Compare the score with the industry mean the Quick Check publishes: ${QUICK_CHECK_INDUSTRY_MEAN} for all industries in the ${QUICK_CHECK_EDITION} edition (its per-metric means 5.5, 4.8, 7.4, and 10 − 1.9 and 10 − 2.2 for the two rates, averaged as the Quick Check does).`,
  ],
  params: [
    {
      name: 'lead_time',
      label: 'Lead time',
      description: 'Change lead time: "2 days", hours, or a Quick Check answer.',
      type: metricScoreArg('duration', DURATION_EXPECTS),
    },
    {
      name: 'deployment_frequency',
      label: 'Deployment frequency',
      description: 'How often you deploy: "5x/day", "weekly", deploys per day, or a Quick Check answer.',
      type: metricScoreArg(
        'frequency',
        'a rate like "5x/day" or "weekly", a number of deploys per day, a Quick Check answer like "Between once per day and once per week", or "N/A"',
      ),
    },
    {
      name: 'change_fail_rate',
      label: 'Change fail rate',
      description: 'Share of deployments that fail: "12%", 0.12 or 12.',
      type: metricScoreArg('rate', RATE_EXPECTS),
    },
    {
      name: 'recovery_time',
      label: 'Recovery time',
      description: 'Failed deployment recovery time: "3 hours", hours, or a Quick Check answer.',
      type: metricScoreArg('duration', DURATION_EXPECTS),
    },
    {
      name: 'rework_rate',
      label: 'Rework rate',
      description: 'Optional deployment rework rate (unplanned deployments to fix a user-facing bug): "8%", 0.08 or 8.',
      optional: true,
      type: metricScoreArg('rate', RATE_EXPECTS),
    },
  ],
  result: { description: 'The Quick Check score per row, 0 (worst) to 10 (best).', type: 'number' },
  examples: [
    {
      formula:
        '=DORA_SCORE("One day to one week", "Between once per day and once per week", "10%", "Less than one day", "5%")',
      result: '7.7',
      note: 'buckets 6, 6, 8 and rates 9, 9.5',
    },
    {
      formula: '=DORA_SCORE("2 days", "5x/day", 0.15, "30 min")',
      result: '8.625',
      note: '6, 10, 8.5 and 10; no rework rate',
    },
    {
      formula: '=DORA_SCORE("3 weeks", "monthly", "N/A", 2000)',
      result: '3.333333333',
      note: 'change fail rate not answered',
    },
  ],
  each: (scores) => quickCheckScore(scores) ?? BLANK,
});

export const DORA_SCORE_FUNCTIONS: FunctionSpec[] = [DORA_SCORE];
