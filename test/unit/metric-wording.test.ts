/**
 * Metric values written in words and units ("twice a week", "three times per quarter", "45 mins", "2 hrs"): the
 * number METRIC_VALUE shows for every spelling the readers accept, the direction and level a comparator word gives
 * (METRIC_STATUS, DORA_LEVEL), and the texts that must stay refused rather than be read as another number.
 * Expected values are written from what the words mean: rates per day, durations in milliseconds.
 */
import { isCellError } from '../../shared/core/values';
import { errorOf, metricRefusal, one } from './helpers';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR_DAYS = 365;
const MONTH_DAYS = YEAR_DAYS / 12;
const QUARTER_DAYS = YEAR_DAYS / 4;

/** The number METRIC_VALUE shows for a text (fails the test on an error). */
function shown(text: string): number {
  const r = one('METRIC_VALUE', text);
  if (isCellError(r)) throw new Error(`"${text}" was refused: ${r.message}`);
  return r as number;
}

/** METRIC_VALUE refuses the text with its usual message naming the text (a long one cut: `shownAs`). */
function expectRefused(text: string, shownAs = text): void {
  expect(errorOf('METRIC_VALUE', text)).toBe(metricRefusal(shownAs));
}

describe('durations: every unit spelling', () => {
  const units: [string[], number][] = [
    [['ms', 'msec', 'msecs', 'millis', 'millisecond', 'milliseconds'], 1],
    [['s', 'sec', 'secs', 'second', 'seconds'], SECOND],
    [['m', 'min', 'mins', 'minute', 'minutes'], MINUTE],
    [['h', 'hr', 'hrs', 'hour', 'hours'], HOUR],
    [['d', 'day', 'days'], DAY],
    [['w', 'wk', 'wks', 'week', 'weeks'], WEEK],
    [['mo', 'mos', 'month', 'months'], MONTH_DAYS * DAY],
    [['y', 'yr', 'yrs', 'year', 'years'], YEAR_DAYS * DAY],
  ];
  const cases = units.flatMap(([words, ms]) =>
    words.flatMap((w) => [[`3 ${w}`, 3 * ms] as const, [`3${w}`, 3 * ms] as const]),
  );
  test.each(cases)('"%s" is %d ms', (text, ms) => {
    expect(shown(text)).toBeCloseTo(ms, 6);
  });
  test('the messages\' examples: "45 mins", "2 hrs", "5 msecs", "1 year"', () => {
    expect(shown('45 mins')).toBe(45 * 60 * 1000);
    expect(shown('2 hrs')).toBe(2 * 60 * 60 * 1000);
    expect(shown('5 msecs')).toBe(5);
    expect(shown('1 year')).toBe(365 * 24 * 60 * 60 * 1000);
  });
});

describe('numbers in words', () => {
  const words: [string, number][] = [
    ['a', 1],
    ['an', 1],
    ['one', 1],
    ['two', 2],
    ['three', 3],
    ['four', 4],
    ['five', 5],
    ['six', 6],
    ['seven', 7],
    ['eight', 8],
    ['nine', 9],
    ['ten', 10],
    ['eleven', 11],
    ['twelve', 12],
  ];
  test.each(words)('"%s" hours, days and "once every … weeks" count %d', (word, n) => {
    const s = n === 1 ? '' : 's';
    expect(shown(`${word} hour${s}`)).toBeCloseTo(n * HOUR, 6);
    expect(shown(`${word[0].toUpperCase()}${word.slice(1)} day${s}`)).toBeCloseTo(n * DAY, 6);
    expect(shown(`once every ${word} week${s}`)).toBeCloseTo(1 / (7 * n), 12);
  });
  test('"an hour" and "less than an hour"', () => {
    expect(shown('an hour')).toBe(HOUR);
    expect(one('DORA_LEVEL', 'lead time', 'less than an hour')).toBe('Elite');
  });
});

describe('frequencies in words (per day)', () => {
  const adverbs: [string, number][] = [
    ['hourly', 24],
    ['daily', 1],
    ['weekly', 1 / 7],
    ['monthly', 1 / MONTH_DAYS],
    ['quarterly', 1 / QUARTER_DAYS],
    ['yearly', 1 / YEAR_DAYS],
    ['Annually', 1 / YEAR_DAYS],
  ];
  test.each(adverbs)('"%s" is %d a day', (text, perDay) => {
    expect(shown(text)).toBeCloseTo(perDay, 12);
  });
  const periods: [string, number][] = [
    ['once per hour', 24],
    ['once every two hours', 12],
    ['twice per hr', 48],
    ['once per day', 1],
    ['once every two days', 1 / 2],
    ['once per week', 1 / 7],
    ['once every two weeks', 1 / 14],
    ['twice per wk', 2 / 7],
    ['once per month', 1 / MONTH_DAYS],
    ['once every two months', 1 / (2 * MONTH_DAYS)],
    ['once per quarter', 1 / QUARTER_DAYS],
    ['once every two quarters', 1 / (2 * QUARTER_DAYS)],
    ['twice per qtr', 2 / QUARTER_DAYS],
    ['three times per quarter', 3 / QUARTER_DAYS],
    ['once per year', 1 / YEAR_DAYS],
    ['once every two years', 1 / (2 * YEAR_DAYS)],
    ['twice per yr', 2 / YEAR_DAYS],
    // The abbreviations "3 hrs" or "5/wk" take, after "every" or "per" too.
    ['once every 2 hrs', 12],
    ['once every two wks', 1 / 14],
    ['once every 3 mos', 1 / (3 * MONTH_DAYS)],
    ['twice per mo', 2 / MONTH_DAYS],
    ['once every 2 qtrs', 1 / (2 * QUARTER_DAYS)],
    ['once every 2 yrs', 1 / (2 * YEAR_DAYS)],
  ];
  test.each(periods)('every period word: "%s" is %d a day', (text, perDay) => {
    expect(shown(text)).toBeCloseTo(perDay, 12);
  });
  const phrasing: [string, number][] = [
    ['once a day', 1],
    ['once an hour', 24],
    ['once every day', 1],
    ['once each day', 1],
    ['twice a week', 2 / 7],
    ['thrice a week', 3 / 7],
    ['1 time each week', 1 / 7],
    ['2 times each week', 2 / 7],
    ['three times every month', 3 / MONTH_DAYS],
    ['2 times every 3 months', 2 / (3 * MONTH_DAYS)],
    ['12 times each year', 12 / YEAR_DAYS],
    ['once every 0.25 days', 4],
    ['once every 2.5 days', 1 / 2.5],
  ];
  test.each(phrasing)('times and "a", "an", "per", "every", "each": "%s" is %d a day', (text, perDay) => {
    expect(shown(text)).toBeCloseTo(perDay, 12);
  });
  test('counts that are not numbers, and every 0 days, are refused rather than read as some rate', () => {
    for (const text of ['v2 times each week', '2x times each week', 'once every 0 days', 'once every 2.5.1 days'])
      expectRefused(text);
  });
});

describe('on-demand deploys: at least two a day, Elite', () => {
  const phrases = [
    'On-demand',
    'On demand',
    ...['On-demand', 'on demand'].flatMap((o) =>
      ['multiple deploys', 'multiple deployments', 'deploys', 'deployments'].flatMap((d) => [
        `${o} (${d} per day)`,
        `${o}(${d} per day)`,
      ]),
    ),
    'Multiple deploys per day',
    'multiple deploys a day',
    'multiple deployments per day',
    'multiple deployments a day',
    'multiple times per day',
    'Multiple times a day',
  ];
  test.each(phrases)('"%s"', (text) => {
    expect(shown(text)).toBe(2);
    expect(one('DORA_LEVEL', 'deployment frequency', text)).toBe('Elite');
  });
});

describe('comparator words: which way is better, and the DORA level at a limit', () => {
  // Lead time is Elite under one hour and High up to one week: "less than one hour" is Elite, "at most one hour"
  // High; "more than one week" is Medium, "at least one week" High. With no baseline, a target that says lower is
  // better is met by 30 minutes against one hour; one that says higher is better is not.
  const lower = ['less than', 'fewer than', 'under', 'below'];
  const higher = ['more than', 'greater than', 'over', 'above'];
  const atLeast = ['at least', 'no less than'];
  const atMost = ['at most', 'up to', 'no more than'];
  const cases: [string, string, string, string][] = [
    ...lower.map((w) => [w, 'Elite', 'High', 'Done'] as [string, string, string, string]),
    ...higher.map((w) => [w, 'High', 'Medium', 'No due date'] as [string, string, string, string]),
    ...atLeast.map((w) => [w, 'High', 'High', 'No due date'] as [string, string, string, string]),
    ...atMost.map((w) => [w, 'High', 'High', 'Done'] as [string, string, string, string]),
  ];
  test.each(cases)('"%s": one hour %s, one week %s; 30 min against it: %s', (words, atHour, atWeek, status) => {
    const target = `${words[0].toUpperCase()}${words.slice(1)} one hour`;
    expect(shown(target)).toBe(HOUR);
    expect(one('DORA_LEVEL', 'lead time', target)).toBe(atHour);
    expect(one('DORA_LEVEL', 'lead time', `${words} one week`)).toBe(atWeek);
    expect(one('METRIC_STATUS', 'N/A', '30 min', target)).toBe(status);
  });
  test('"at least once a day" is High, "more than once a day" Elite (Elite is more than one deploy a day)', () => {
    expect(one('DORA_LEVEL', 'deployment frequency', 'at least once a day')).toBe('High');
    expect(one('DORA_LEVEL', 'deployment frequency', 'more than once a day')).toBe('Elite');
  });
});

describe('a "+" after the number: at least that many', () => {
  test.each([
    ['1+ per day', 1],
    ['1 + per day', 1],
    ['1+/day', 1],
    ['1+deploys/day', 1],
  ])('"%s" is %d a day, graded just above it (Elite)', (text, perDay) => {
    expect(shown(text)).toBe(perDay);
    expect(one('DORA_LEVEL', 'deployment frequency', text)).toBe('Elite');
  });
  test('"100+ experiments/quarter" with or without spaces', () => {
    for (const text of ['100+ experiments/quarter', '100 + experiments/quarter', '100+experiments/quarter'])
      expect(shown(text)).toBeCloseTo(100 / QUARTER_DAYS, 12);
  });
  test('money is not a rate: "$10+ per day" is refused, not read as ten a day', () => {
    expectRefused('$10+ per day');
  });
});

describe('ranges', () => {
  test('"between … and …" and "… to …" are valued at their midpoint', () => {
    expect(shown('Between one hour and three hours')).toBe(2 * HOUR);
    expect(shown('1 hour to 3 hours')).toBe(2 * HOUR);
    expect(one('DORA_LEVEL', 'lead time', 'between one day and two weeks')).toBe('Medium');
  });
  test('a range of two kinds, a range with a negative end, and "not between" are refused', () => {
    for (const text of ['1 hour - 5%', 'between one hour and once a day', '-5% to 10%', '-1 hour - 2 hours'])
      expectRefused(text);
    expectRefused('not between one day and one week');
  });
});

describe('spaces and length', () => {
  test('spaces around and between words do not matter; case does not either', () => {
    for (const text of ['  twice a week  ', 'twice  a  week', 'Twice\tA Week', '\ttwice a week'])
      expect(shown(text)).toBeCloseTo(2 / 7, 12);
  });
  test('a wording of up to 100 characters is read; a longer one is refused', () => {
    const hundred = 'once a week'.padEnd(100);
    expect(hundred).toHaveLength(100);
    expect(shown(hundred)).toBeCloseTo(1 / 7, 12);
    expectRefused('once a week'.padEnd(101), `once a week${' '.repeat(26)}...`);
  });
});
