/**
 * DORA's Quick Check score (dora.dev/quickcheck), as its published source computes it: repository
 * dora-team/dora.dev, `svelte/quick-check/src/lib/data-service.ts` (calculatePerformanceScore,
 * calculatePerformanceAverage) and `utils.ts` (recode_numeric_range), with the answers of
 * `data/metrics_question_responses.json` and the 2025 edition's benchmarks in `data/editions/2025/industry_metrics.json`.
 * - Lead time, deployment frequency and failed deployment recovery time are answered by one of six buckets, 1 (worst)
 *   to 6 (best), rescaled to 0–10: (bucket − 1) / 5 × 10.
 * - Change fail rate and deployment rework rate are percentages 0–100, rescaled to 10–0: (100 − rate) / 10.
 * - The score is the mean of the answered metrics (rework rate is the 2025 edition's fifth).
 * The buckets, as the Quick Check words them (lead time and recovery time share theirs):
 *   6 "Less than one hour", 5 "Less than one day", 4 "One day to one week", 3 "One week to one month",
 *   2 "One to six months", 1 "More than six months"; deployment frequency: 6 "On demand (multiple deploys per day)",
 *   5 "Between once per hour and once per day", 4 "Between once per day and once per week", 3 "Between once per week
 *   and once per month", 2 "Between once per month and once every six months", 1 "Less than once per six months".
 * Measured values are put in a bucket by the limits below (our reading of those words; a value on a limit goes to
 * the better bucket that names it: one day is "One day to one week", one deploy a day is "once per hour and once per
 * day").
 */
import { DAYS_PER_MONTH } from './units';

const HOURS_PER_DAY = 24;

/** Hours; a duration below limit k is bucket 6 − k (so below the first, bucket 6; none reached, bucket 1). */
export const DURATION_LIMITS = [
  { below: 1, inclusive: false },
  { below: HOURS_PER_DAY, inclusive: false },
  { below: 7 * HOURS_PER_DAY, inclusive: true },
  { below: DAYS_PER_MONTH * HOURS_PER_DAY, inclusive: true },
  { below: 6 * DAYS_PER_MONTH * HOURS_PER_DAY, inclusive: true },
];

/** Deploys per day; a frequency above limit k is bucket 6 − k. */
export const FREQUENCY_LIMITS = [
  { above: 1, inclusive: false },
  { above: 1, inclusive: true },
  { above: 1 / 7, inclusive: true },
  { above: 1 / DAYS_PER_MONTH, inclusive: true },
  { above: 1 / (6 * DAYS_PER_MONTH), inclusive: true },
];

/** Relative slack so "1 week" or "1x/month" land on their limit despite unit conversions. */
export const SLACK = 1e-9;

/** The Quick Check bucket (1–6) of a lead time or recovery time in hours. */
export function durationBucket(hours: number): number {
  for (let k = 0; k < DURATION_LIMITS.length; k++) {
    const { below, inclusive } = DURATION_LIMITS[k];
    const s = below * SLACK;
    if (inclusive ? hours <= below + s : hours < below - s) return 6 - k;
  }
  return 1;
}

/** The Quick Check bucket (1–6) of a deployment frequency in deploys per day. */
export function frequencyBucket(perDay: number): number {
  for (let k = 0; k < FREQUENCY_LIMITS.length; k++) {
    const { above, inclusive } = FREQUENCY_LIMITS[k];
    const s = above * SLACK;
    if (inclusive ? perDay >= above - s : perDay > above + s) return 6 - k;
  }
  return 1;
}

/** A bucket 1–6 rescaled to 0–10. */
export function bucketScore(bucket: number): number {
  return ((bucket - 1) / 5) * 10;
}

/** A rate as a fraction 0–1 rescaled to 10–0. */
export function rateScore(fraction: number): number {
  return (1 - fraction) * 10;
}

/** The mean of the answered metrics' scores; undefined when none is answered. */
export function quickCheckScore(scores: readonly (number | undefined)[]): number | undefined {
  const answered = scores.filter((s): s is number => s !== undefined);
  return answered.length === 0 ? undefined : answered.reduce((a, b) => a + b, 0) / answered.length;
}

/**
 * The industry mean the Quick Check compares a team with: all industries, 2025 edition. The file publishes per metric
 * lead time 5.5, deployment frequency 4.8, recovery time 7.4, and change fail rate 1.9 and rework rate 2.2 as
 * instability (higher worse), which the Quick Check turns into 10 − mean and averages with the others
 * (transformMetrics): (5.5 + 4.8 + 7.4 + 8.1 + 7.8) / 5 = 6.72.
 */
export const QUICK_CHECK_EDITION = '2025';
export const QUICK_CHECK_INDUSTRY_MEAN = 6.72;

/** The Quick Check's own answer texts (lower case, single spaces) and their buckets. */
export const DURATION_ANSWERS: Readonly<Record<string, number>> = {
  'less than one hour': 6,
  'less than one day': 5,
  'one day to one week': 4,
  'one week to one month': 3,
  'one to six months': 2,
  'more than six months': 1,
};

export const FREQUENCY_ANSWERS: Readonly<Record<string, number>> = {
  'on demand (multiple deploys per day)': 6,
  'between once per hour and once per day': 5,
  'between once per day and once per week': 4,
  'between once per week and once per month': 3,
  'between once per month and once every six months': 2,
  'less than once per six months': 1,
};
