/**
 * The levels and statuses users read at their boundaries: DORA_LEVEL (2021 report) and DORA_SCORE's Quick Check
 * buckets exactly at, just inside and just outside each threshold; METRIC_PROGRESS / METRIC_STATUS on the target;
 * HEALTH_SCORE with extreme weights; the metric names users may type; the thresholds and sources the reference shows.
 */
import { findFunction } from '../../shared/functions';
import { one, row } from './helpers';

/** The reference's details of a function, as the sidebar and docs/functions.md show them. */
function details(name: string): string {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  return (spec.details ?? []).join('\n');
}

// Limits are compared with a tolerance of a billionth of the limit, so that "1x/month" or "6 months" land on it
// after unit conversions: a value one billionth off a limit is on it; two billionths off is past it.
const MONTH_PER_DAY = 12 / 365; // once a month, in deploys per day (a month is 1/12 of 365 days)
const SIX_MONTHS_PER_DAY = 2 / 365; // once every six months

describe('DORA_LEVEL at its thresholds', () => {
  test.each<[unknown, string, string]>([
    [1, 'High', 'once a day is not "more than once a day"'],
    [1.000000001, 'High', 'a billionth over once a day is still once a day'],
    [1.000000002, 'Elite', 'two billionths over'],
    ['2x/day', 'Elite', ''],
    ['1x/month', 'High', 'once a month is High'],
    [MONTH_PER_DAY * 0.99, 'Medium', 'just under once a month'],
    ['2x/year', 'Medium', 'once every six months is Medium'],
    [SIX_MONTHS_PER_DAY * 0.999999999, 'Medium', 'a billionth under once every six months'],
    [SIX_MONTHS_PER_DAY * 0.999999998, 'Low', 'two billionths under'],
    ['1x/year', 'Low', ''],
  ])('deployment frequency %s → %s (%s)', (value, level) => {
    expect(one('DORA_LEVEL', 'deployment frequency', value)).toBe(level);
  });
  test.each<[unknown, string, string]>([
    [0.999999998, 'Elite', 'two billionths under an hour'],
    [0.999999999, 'High', 'a billionth under an hour is an hour, not "under one hour"'],
    ['1 hour', 'High', ''],
    [168, 'High', 'one week'],
    [168.000000168, 'High', 'a billionth over a week'],
    [168.000000337, 'Medium', 'two billionths over'],
    ['6 months', 'Medium', ''],
    [4380, 'Medium', 'six months in hours'],
    [4380.00000438, 'Medium', 'a billionth over six months'],
    [4380.0001, 'Low', ''],
  ])('lead time %s → %s (%s)', (value, level) => {
    expect(one('DORA_LEVEL', 'lead time', value)).toBe(level);
  });
  test.each<[unknown, string, string]>([
    ['59 min', 'Elite', ''],
    ['1 hour', 'High', 'Elite is "under one hour"'],
    [1, 'High', ''],
    [0.999999999, 'High', 'a billionth under an hour'],
    ['23 hours', 'High', ''],
    ['1 day', 'Medium', 'High is "under one day"'],
    [23.999999976, 'Medium', 'a billionth under a day'],
    [23.999999952, 'High', 'two billionths under'],
    ['1 week', 'Medium', ''],
    [168.000000168, 'Medium', 'a billionth over a week'],
    ['169 hours', 'Low', ''],
  ])('time to restore %s → %s (%s)', (value, level) => {
    expect(one('DORA_LEVEL', 'time to restore', value)).toBe(level);
  });
  test.each<[unknown, string, string]>([
    ['15%', 'Elite', ''],
    [0.15000000015, 'Elite', 'a billionth over 15%'],
    ['15.01%', 'High', ''],
    ['30%', 'High', ''],
    [0.3000000003, 'High', 'a billionth over 30%'],
    [0.3000000006, 'Low', 'two billionths over'],
    ['30.01%', 'Low', ''],
  ])('change failure rate %s → %s (%s)', (value, level) => {
    expect(one('DORA_LEVEL', 'change failure rate', value)).toBe(level);
  });
});

describe('DORA_LEVEL metric names', () => {
  // Every name the reference and the report use, with a value whose level tells the metrics apart: one day is a
  // High lead time but a Medium time to restore; "5x/day" and "5%" are refused by the others.
  const names = (level: string, value: string, ...list: string[]) => list.map((name) => [name, value, level]);
  test.each([
    ...names('Elite', '5x/day', 'deployment frequency', 'deploy frequency', 'deployments', 'deploys', 'df'),
    ...names('Elite', '5x/day', 'deployment freq'),
    ...names('High', '1 day', 'lead time', 'lead time for changes', 'lead time for change', 'change lead time'),
    ...names('High', '1 day', 'lt', 'ltfc'),
    ...names('Elite', '5%', 'change failure rate', 'change fail rate', 'cfr', 'failure rate', 'change failure'),
    ...names('Medium', '1 day', 'time to restore', 'time to restore service', 'mttr', 'mean time to restore'),
    ...names('Medium', '1 day', 'mean time to recovery', 'mean time to recover', 'time to recover'),
    ...names('Medium', '1 day', 'failed deployment recovery time', 'fdrt', 'recovery time', 'ttr'),
  ])('"%s" with %s → %s, in any case and with underscores', (name, value, level) => {
    expect(one('DORA_LEVEL', name, value)).toBe(level);
    expect(one('DORA_LEVEL', name.toUpperCase().replace(/ /g, '_'), value)).toBe(level);
  });
});

describe("DORA_LEVEL's reference", () => {
  test('names its source and the thresholds in words and numbers', () => {
    const text = details('DORA_LEVEL');
    expect(text).toContain('Source: the 2021 Accelerate State of DevOps Report (DORA, Google Cloud), its table');
    expect(text).toContain(
      'Deployment frequency (deploys per day; a month is 1/12 of 365 days): Elite more than once a day (> 1 per day); ' +
        'High at least once a month (≥ 0.03288 per day); Medium at least once every six months (≥ 0.005479 per day); ' +
        'otherwise Low.',
    );
    expect(text).toContain(
      'Lead time for changes (hours): Elite under one hour (< 1 h); High up to one week (≤ 168 h); ' +
        'Medium up to six months (≤ 4380 h); otherwise Low.',
    );
    expect(text).toContain(
      'Time to restore service (hours): Elite under one hour (< 1 h); High under one day (< 24 h); ' +
        'Medium up to one week (≤ 168 h); otherwise Low.',
    );
    expect(text).toContain('Change failure rate: Elite up to 15% (≤ 15%); High up to 30% (≤ 30%); otherwise Low.');
  });
  test('says in which unit a plain number is read', () => {
    expect(details('DORA_LEVEL')).toContain(
      'Values: deployment frequency in deploys per day; lead time in hours; ' +
        'change failure rate in a fraction (0.12) or a percentage (12); time to restore in hours; or a text',
    );
  });
});

describe("DORA_SCORE's Quick Check buckets at their limits", () => {
  // One answered metric: the score is its bucket's, 10 (best bucket) down to 0 in steps of 2.
  const leadTime = (value: unknown) => one('DORA_SCORE', value, 'N/A', 'N/A', 'N/A');
  const frequency = (value: unknown) => one('DORA_SCORE', 'N/A', value, 'N/A', 'N/A');
  test.each<[unknown, number, string]>([
    [0.999999998, 10, 'two billionths under an hour: "Less than one hour"'],
    [0.999999999, 8, 'a billionth under an hour is an hour: "Less than one day"'],
    [1, 8, ''],
    ['1 day', 6, 'one day is "One day to one week"'],
    [168, 6, 'one week'],
    [168.000000168, 6, 'a billionth over a week'],
    [168.000000337, 4, 'two billionths over: "One week to one month"'],
    ['1 month', 4, ''],
    ['6 months', 2, '"One to six months"'],
    ['7 months', 0, ''],
  ])('lead time %s → %s (%s)', (value, score) => {
    expect(leadTime(value)).toBe(score);
  });
  test.each<[unknown, number, string]>([
    [1.000000002, 10, 'two billionths over once a day: "multiple deploys per day"'],
    [1.000000001, 8, 'a billionth over once a day is once a day: "Between once per hour and once per day"'],
    [1, 8, ''],
    [0.999999999, 8, 'a billionth under once a day'],
    [0.999999998, 6, 'two billionths under: "Between once per day and once per week"'],
    ['1x/week', 6, ''],
    ['1x/month', 4, ''],
    ['2x/year', 2, 'once every six months: "Between once per month and once every six months"'],
    ['once every six months', 2, ''],
    [SIX_MONTHS_PER_DAY * 0.999999998, 0, 'two billionths under: "Less than once per six months"'],
  ])('deployment frequency %s → %s (%s)', (value, score) => {
    expect(frequency(value)).toBe(score);
  });
  test.each([
    ['On-demand (multiple deploys per day)', 10],
    ['BETWEEN_ONCE_PER_HOUR_AND_ONCE_PER_DAY', 8],
    ['between-once-per-day-and-once-per-week', 6],
    ['Between_once_per_week_and_once_per_month', 4],
    ['between-once-per-month-and-once-every-six-months', 2],
    ['Less_than_once_per_six_months', 0],
    ['on-demand-(multiple-deploys-per-day)', 10],
  ])('the Quick Check answer "%s" in any case, with hyphens or underscores → %s', (answer, score) => {
    expect(frequency(answer)).toBe(score);
  });
  test('its reference names the Quick Check edition it follows', () => {
    const text = details('DORA_SCORE');
    expect(text).toContain("Source: DORA's Quick Check (dora.dev/quickcheck), 2025 edition,");
    expect(text).toContain('6.72 for all industries in the 2025 edition');
  });
});

describe('METRIC_PROGRESS and METRIC_STATUS on the target', () => {
  test('exactly at a "<" target is reached: progress 1, Done', () => {
    expect(one('METRIC_PROGRESS', '800ms', '200ms', '<200ms')).toBe(1);
    expect(one('METRIC_STATUS', '800ms', '200ms', '<200ms')).toBe('Done');
  });
  test('a target equal to the baseline and no comparator: reached only when the current value equals it', () => {
    expect(one('METRIC_PROGRESS', 5, 5, 5)).toBe(1);
    expect(one('METRIC_PROGRESS', 5, 4, 5)).toBe(0);
    expect(one('METRIC_PROGRESS', 5, 6, 5)).toBe(0);
    expect(one('METRIC_STATUS', 5, 4, 5)).toBe('No due date');
  });
  test('a baseline already on the target: 1 once it is met again, 0 while it is worse', () => {
    expect(one('METRIC_PROGRESS', '200ms', '300ms', '<200ms')).toBe(0);
    expect(one('METRIC_PROGRESS', '200ms', '150ms', '<200ms')).toBe(1);
    expect(one('METRIC_PROGRESS', 100, 80, '100+')).toBe(0);
    expect(one('METRIC_PROGRESS', 100, 100, '100+')).toBe(1);
  });
  test('a baseline beyond a "+" target: 0 while the target is missed, however far it fell', () => {
    expect(one('METRIC_PROGRESS', 150, 80, '100+')).toBe(0);
    expect(one('METRIC_PROGRESS', 150, 120, '100+')).toBe(1);
  });
  test('progress just short of the target is its exact fraction, below 1', () => {
    expect(one('METRIC_PROGRESS', 0, 0.9999999999999998, 1)).toBe(0.9999999999999998);
    // (0 − −1e16) ÷ (1 − −1e16) rounds to 1: shown as the largest number below 1, never as reached.
    expect(one('METRIC_PROGRESS', -1e16, 0, 1)).toBe(0.9999999999999999);
  });
});

describe('HEALTH_SCORE with extreme weights', () => {
  test('the weight of a dimension left unrated does not count, however large', () => {
    expect(one('HEALTH_SCORE', row(3, 4, ''), row(1e-300, 1e-300, 1e300))).toBe(3.5);
  });
  test('a huge weight next to a small one gives the heavy rating, not an overflow to 5', () => {
    expect(one('HEALTH_SCORE', row(3.5, 4), row(1e308, 1))).toBe(3.5);
    expect(one('HEALTH_SCORE', row(4, 3.5), row(1, 1e308))).toBe(3.5);
  });
});
