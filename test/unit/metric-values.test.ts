/**
 * Metric values as people type them (issue #25, the survivors of shared/metrics/value.ts): every spelling of a
 * rate's period, thousands groups with decimals, exponents, magnitudes after a currency, scores out of a decimal,
 * a trailing "+", what a rate's words may and may not be, the direction a comparator gives progress, the kinds'
 * names in messages, and the texts a metric is written back as.
 */
import { formatMetric } from '../../shared/metrics/value';
import { type MetricValue } from '../../shared/metrics/units';
import { errorOf, metricRefusal, one } from './helpers';

const DAYS_PER_YEAR = 365;

/** Per day, six times in each period: a rate's base is "per day", a month a twelfth of 365 days. */
const SIX_PER: Record<string, number> = {
  hour: 6 * 24,
  day: 6,
  week: 6 / 7,
  month: (6 * 12) / DAYS_PER_YEAR,
  quarter: (6 * 4) / DAYS_PER_YEAR,
  year: 6 / DAYS_PER_YEAR,
};

/** Every way of naming each period after "/" or "per", and its adverb. */
const PERIOD_SPELLINGS: [string, string[], string[]][] = [
  ['hour', ['h', 'hr', 'hrs', 'hour', 'hours'], ['hourly']],
  ['day', ['d', 'day', 'days'], ['daily']],
  ['week', ['w', 'wk', 'wks', 'week', 'weeks'], ['weekly']],
  ['month', ['mo', 'mos', 'month', 'months'], ['monthly']],
  ['quarter', ['q', 'qtr', 'qtrs', 'quarter', 'quarters'], ['quarterly']],
  ['year', ['y', 'yr', 'yrs', 'year', 'years'], ['yearly', 'annually']],
];

const RATE_TEXTS: [string, number][] = PERIOD_SPELLINGS.flatMap(([period, words, adverbs]) => [
  ...words.flatMap((w) =>
    [`6x/${w}`, `6 per ${w}`, `6 deploys/${w}`].map((t): [string, number] => [t, SIX_PER[period]]),
  ),
  ...adverbs.flatMap((a) => [`6x ${a}`, `6 times ${a}`].map((t): [string, number] => [t, SIX_PER[period]])),
]);

describe('METRIC_VALUE: every spelling of a rate, per day', () => {
  test.each(RATE_TEXTS)('%s → %d per day', (text, perDay) => {
    expect(one('METRIC_VALUE', text) as number).toBeCloseTo(perDay, 12);
  });
  test('the thing counted is one word of letters a–z, before "/" or "per"', () => {
    expect(one('METRIC_VALUE', '12 quizzes/week')).toBeCloseTo(12 / 7, 12);
    expect(one('METRIC_VALUE', '3 pizzas per day')).toBe(3);
  });
  test('texts that only look like rates are refused, never read as another number', () => {
    // "5% per day" is not 5 a day; "5 or 6 daily" is not 5 a day; "5x hours" and "5 deploys day" name no rate.
    for (const text of ['5% per day', '5 or 6 daily', '5x hours', '5 deploys day', '3 cafés/day', '5 - per day'])
      expect(errorOf('METRIC_VALUE', text)).toBe(metricRefusal(text));
  });
});

describe('METRIC_VALUE: numbers as written', () => {
  const read: [string, number][] = [
    ['1,000.5', 1000.5],
    ['12,345,678.25', 12345678.25],
    ['100,000', 100000],
    ['$1,200.50', 1200.5],
    ['1,000 ms', 1000],
    ['1e-3', 0.001],
    ['2.5e+3', 2500],
    ['2.5E3', 2500],
    ['$2bn', 2e9],
    ['€1.5mm', 1.5e6],
    ['3B€', 3e9],
    ['3.5/4.5', 3.5],
    ['8/10.0', 8],
    ['10k+', 10000],
    ['$1M+', 1e6],
    ['2 hours +', 2 * 60 * 60 * 1000],
  ];
  test.each(read)('%s → %d', (text, value) => {
    expect(one('METRIC_VALUE', text)).toBe(value);
  });
  // Groups of three digits only, after one to three; a decimal point needs digits after it; one currency; a
  // comparator and a trailing "+" contradict each other; no number beyond what a spreadsheet cell holds.
  const refused = [
    '1234,567',
    '1,00055',
    '1,000.',
    '4/.5',
    '4/5.',
    '$5 €',
    '<100+',
    '5e308%',
    '$1e308k',
    '1e308 hours',
  ];
  test.each(refused)('%s is refused with the accepted forms', (text) => {
    expect(errorOf('METRIC_VALUE', text)).toBe(metricRefusal(text));
  });
});

describe('METRIC_PROGRESS and METRIC_STATUS: the direction a comparator gives', () => {
  // Each target is already met by the current value, although a target below (or above) the baseline alone
  // would have said the other direction was better.
  const met: [string, string, string][] = [
    ['100ms', '150ms', '<=200ms'],
    ['100ms', '150ms', '≤ 200ms'],
    ['100ms', '150ms', 'at most 200ms'],
    ['80%', '70%', '>60%'],
    ['80%', '70%', '>=60%'],
    ['80%', '70%', 'at least 60%'],
    ['80%', '70%', '60%+'],
  ];
  test.each(met)('baseline %s, current %s, target %s: progress 1, Done', (baseline, current, target) => {
    expect(one('METRIC_PROGRESS', baseline, current, target)).toBe(1);
    expect(one('METRIC_STATUS', baseline, current, target)).toBe('Done');
  });
  test('without a comparator the baseline decides: the same values are halfway', () => {
    expect(one('METRIC_PROGRESS', '100ms', '150ms', '200ms')).toBe(0.5);
    expect(one('METRIC_PROGRESS', '80%', '70%', '60%')).toBeCloseTo(0.5, 12);
  });
  test('a plain number goes with any kind, on either side', () => {
    expect(one('METRIC_PROGRESS', '$0', 250000, '$1M')).toBe(0.25);
    expect(one('METRIC_PROGRESS', '1x/day', 3, '5x/day')).toBe(0.5);
  });
  test('a score against another kind: the message names both kinds', () => {
    expect(errorOf('METRIC_PROGRESS', '3/5', '50%', '4/5')).toBe(
      'Baseline is a score ("3/5") but Current is a percentage ("50%"): give values of the same kind, or plain numbers',
    );
  });
});

describe('formatMetric: the text a metric is written back as', () => {
  const money = (value: number, currency?: string): MetricValue => ({ value, kind: 'money', currency });
  const ms = (value: number): MetricValue => ({ value, kind: 'duration' });
  const texts: [MetricValue, string][] = [
    [money(2.5e9, '€'), '€2.5B'],
    [money(1e9, '$'), '$1B'],
    [money(1e6, '£'), '£1M'],
    [money(2.5e6, '$'), '$2.5M'],
    [money(1e3, '$'), '$1K'],
    [money(999, '¥'), '¥999'],
    [money(-5000, '$'), '-$5K'],
    [money(0, '$'), '$0'],
    [money(1200), '$1.2K'],
    [ms(2 * 86400000), '2 days'],
    [ms(5400000), '1.5 hours'],
    [ms(60000), '1 min'],
    [ms(90000), '1.5 min'],
    [ms(1000), '1 s'],
    [ms(500), '500ms'],
    [{ value: 0.999, kind: 'percent', comparator: '>=' }, '>=99.9%'],
    [{ value: 100, kind: 'number', comparator: '+' }, '100+'],
  ];
  test.each(texts)('%j → %s', (metric, text) => {
    expect(formatMetric(metric)).toBe(text);
  });
});
