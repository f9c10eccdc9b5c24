/** Metrics: METRIC_VALUE parsing, METRIC_PROGRESS direction and capping, METRIC_STATUS rules. */
import { isCellError } from '../../shared/core/values';
import { formatMetric, parseMetricText } from '../../shared/metrics/value';
import { type MetricValue } from '../../shared/metrics/units';
import { col, day, errorOf, one, plain, run } from './helpers';

describe('METRIC_VALUE', () => {
  const table: [string, number, string][] = [
    ['$1M', 1e6, 'money'],
    ['$2.5k', 2500, 'money'],
    ['€300K', 300000, 'money'],
    ['£1.2m', 1.2e6, 'money'],
    ['300 €', 300, 'money'],
    ['-$5K', -5000, 'money'],
    ['$0', 0, 'money'],
    ['<200ms', 200, 'duration'],
    ['1.5s', 1500, 'duration'],
    ['2 hours', 7200000, 'duration'],
    ['10min', 600000, 'duration'],
    ['5m', 300000, 'duration'],
    ['3 days', 3 * 86400000, 'duration'],
    ['1 week', 7 * 86400000, 'duration'],
    ['5x/day', 5, 'rate'],
    ['10x/week', 10 / 7, 'rate'],
    ['3 per day', 3, 'rate'],
    ['2x/hour', 48, 'rate'],
    ['2 times a week', 2 / 7, 'rate'],
    ['1x/month', 12 / 365, 'rate'],
    ['100 experiments/quarter', 400 / 365, 'rate'],
    ['5x daily', 5, 'rate'],
    ['99.9%', 0.999, 'percent'],
    ['>99.9%', 0.999, 'percent'],
    ['4.5/5', 4.5, 'score'],
    ['100+', 100, 'number'],
    ['1,000', 1000, 'number'],
    ['2.5k', 2500, 'number'],
    ['5M', 5e6, 'number'],
    ['1.5e3', 1500, 'number'],
    ['at least 4.5', 4.5, 'number'],
  ];
  test.each(table)('%s → %d (%s)', (text, value, kind) => {
    const p = parseMetricText(text) as MetricValue;
    expect(p.kind).toBe(kind);
    expect(p.value).toBeCloseTo(value, 9);
    const r = one('METRIC_VALUE', text);
    expect(typeof r).toBe('number');
    expect(r as number).toBeCloseTo(value, 9);
  });
  // The seed guide's and the DORA report's own wordings, units kept.
  const words: [string, number, string, string | undefined][] = [
    ['100+ experiments/quarter', 100 / (365 / 4), 'rate', '+'],
    ['daily', 1, 'rate', undefined],
    ['Weekly', 1 / 7, 'rate', undefined],
    ['monthly', 12 / 365, 'rate', undefined],
    ['quarterly', 4 / 365, 'rate', undefined],
    ['once a week', 1 / 7, 'rate', undefined],
    ['twice a day', 2, 'rate', undefined],
    ['3 times per month', 36 / 365, 'rate', undefined],
    ['once every six months', 2 / 365, 'rate', undefined],
    ['Fewer than once per six months', 2 / 365, 'rate', '<'],
    ['On-demand (multiple deploys per day)', 2, 'rate', '>='],
    ['on demand', 2, 'rate', '>='],
    ['Less than one hour', 3600000, 'duration', '<'],
    ['Less than one day', 86400000, 'duration', '<'],
    ['More than six months', 6 * (365 / 12) * 86400000, 'duration', '>'],
    ['under a week', 7 * 86400000, 'duration', '<'],
    ['Between one day and one week', 4 * 86400000, 'duration', undefined],
    ['0%-15%', 0.075, 'percent', undefined],
  ];
  test.each(words)('%s → %d (%s, comparator %s)', (text, value, kind, comparator) => {
    const p = parseMetricText(text) as MetricValue;
    expect(p.kind).toBe(kind);
    expect(p.comparator).toBe(comparator);
    expect(p.value).toBeCloseTo(value, 9);
    expect(one('METRIC_VALUE', text) as number).toBeCloseTo(value, 9);
  });
  test('a range keeps both ends; words that are not a metric are still refused', () => {
    expect((parseMetricText('Between once per week and once per month') as MetricValue).range).toEqual([
      12 / 365,
      1 / 7,
    ]);
    for (const bad of ['sometimes', 'once in a while', 'between 1 and 2', 'less than lots', 'x'.repeat(200)])
      expect(parseMetricText(bad)).toBeUndefined();
  });
  test('the guide\'s target "100+ experiments/quarter" from 10 a quarter, at 25 a quarter: progress 1/6', () => {
    expect(one('METRIC_PROGRESS', '10 experiments/quarter', '25/quarter', '100+ experiments/quarter')).toBeCloseTo(
      15 / 90,
      12,
    );
  });
  test('exact decimal results: "99.9%" is exactly 0.999, "$2.5k" exactly 2500', () => {
    expect(one('METRIC_VALUE', '99.9%')).toBe(0.999);
    expect(one('METRIC_VALUE', '$2.5k')).toBe(2500);
  });
  test('comparators are recorded for direction', () => {
    expect((parseMetricText('<200ms') as MetricValue).comparator).toBe('<');
    expect((parseMetricText('100+') as MetricValue).comparator).toBe('+');
    expect((parseMetricText('≥ 99%') as MetricValue).comparator).toBe('>=');
    expect((parseMetricText('under 10 min') as MetricValue).comparator).toBe('<');
  });
  test('N/A, n/a, NA, "-" and blank give a blank result', () => {
    expect(plain(run('METRIC_VALUE', col('N/A', 'n/a', 'NA', '-', '', '  ')))).toEqual(col('', '', '', '', '', ''));
  });
  test('unknown text: an error listing the accepted forms', () => {
    for (const bad of ['lots', '5 apples', '$5ms', '1,5', '4/0', '€$5', 'Q3']) {
      const msg = errorOf('METRIC_VALUE', bad);
      expect(msg).toContain(`(got "${bad}")`);
      expect(msg).toContain('"$1M"');
      expect(msg).toContain('"5x/day"');
      expect(msg).toContain('"N/A"');
    }
  });
  test('numbers pass through; a column at once', () => {
    expect(plain(run('METRIC_VALUE', col(42, '$1K', 'N/A')))).toEqual(col(42, 1000, ''));
  });
  test('format writes texts that read back', () => {
    for (const [text] of table) {
      const p = parseMetricText(text) as MetricValue;
      const back = parseMetricText(formatMetric(p)) as MetricValue;
      expect(back.kind).toBe(p.kind);
      expect(back.comparator).toBe(p.comparator);
      expect(back.value).toBeCloseTo(p.value, 6);
    }
  });
});

describe('METRIC_PROGRESS', () => {
  test("the seed guide's dashboard rows", () => {
    expect(one('METRIC_PROGRESS', '$0', '$250K', '$1M')).toBe(0.25);
    expect(one('METRIC_PROGRESS', '1x/day', '2x/day', '5x/day')).toBe(0.25);
    expect(one('METRIC_PROGRESS', '10', '55', '100+')).toBe(0.5);
  });
  test('lower is better when the target says "<" or sits below the baseline', () => {
    expect(one('METRIC_PROGRESS', '800ms', '500ms', '<200ms')).toBe(0.5);
    expect(one('METRIC_PROGRESS', '60 min', '30 min', '10 min')).toBe(0.6);
  });
  test('capped to 0–1: past the target is 1, going the wrong way is 0', () => {
    expect(one('METRIC_PROGRESS', '800ms', '150ms', '<200ms')).toBe(1);
    expect(one('METRIC_PROGRESS', '800ms', '900ms', '<200ms')).toBe(0);
    expect(one('METRIC_PROGRESS', '$0', '$2M', '$1M')).toBe(1);
  });
  test('baseline already beyond the target: 1 if the target is met, else 0', () => {
    expect(one('METRIC_PROGRESS', '100ms', '150ms', '<200ms')).toBe(1);
    expect(one('METRIC_PROGRESS', '100ms', '250ms', '<200ms')).toBe(0);
    expect(one('METRIC_PROGRESS', 5, 5, 5)).toBe(1);
    expect(one('METRIC_PROGRESS', 5, 6, 5)).toBe(0);
  });
  test('plain numbers go with any kind, in its base (a 95% cell holds 0.95)', () => {
    expect(one('METRIC_PROGRESS', 0.9, 0.95, '>99%')).toBeCloseTo(5 / 9, 12);
    expect(one('METRIC_PROGRESS', 800, 500, '<200ms')).toBe(0.5);
  });
  test('different kinds are an error naming both arguments and values', () => {
    expect(errorOf('METRIC_PROGRESS', '1x/day', '2 hours', '5x/day')).toBe(
      'Baseline is a rate ("1x/day") but Current is a duration ("2 hours"): give values of the same kind, or plain numbers',
    );
    expect(errorOf('METRIC_PROGRESS', 1, '50%', '$1M')).toBe(
      'Current is a percentage ("50%") but Target is an amount of money ("$1M"): give values of the same kind, or plain numbers',
    );
  });
  test('N/A gives blank; a column of rows with a scalar target', () => {
    expect(one('METRIC_PROGRESS', 'N/A', '300ms', '<200ms')).toBe('');
    expect(plain(run('METRIC_PROGRESS', col('$0', '$0', ''), col('$500K', 'lots', ''), '$1M'))).toEqual(
      col(0.5, { error: expect.stringContaining('Current must be a number or a metric text') }, ''),
    );
  });
});

describe('METRIC_STATUS', () => {
  const jan1 = day(2027, 1, 1);
  const dec31 = day(2027, 12, 31);
  test('Done when the target is reached, even before the due date', () => {
    expect(one('METRIC_STATUS', '800ms', '180ms', '<200ms', jan1, dec31, day(2027, 2, 1))).toBe('Done');
  });
  test('with dates: on track, at risk (within 0.25 below the elapsed share), off track', () => {
    // 1 July 2027: 181 of 364 days elapsed ≈ 0.497
    const jul1 = day(2027, 7, 1);
    expect(one('METRIC_STATUS', 0, 0.5, 1, jan1, dec31, jul1)).toBe('On track');
    expect(one('METRIC_STATUS', 0, 0.3, 1, jan1, dec31, jul1)).toBe('At risk');
    expect(one('METRIC_STATUS', 0, 0.2, 1, jan1, dec31, jul1)).toBe('Off track');
    expect(one('METRIC_STATUS', 0, 0, 1, jan1, dec31, day(2026, 12, 1))).toBe('On track'); // before the start
  });
  test('never Done below the target, however close the rounding brings progress to 1', () => {
    // Without dates the status is "No due date" (neutral), never "Done" below the target; with dates, on track.
    expect(one('METRIC_STATUS', -1e16, 0, 1)).toBe('No due date');
    expect(one('METRIC_STATUS', 1e16, 0, -1)).toBe('No due date');
    expect(one('METRIC_STATUS', -1e16, 0, 1, 46000, 46400, 46100)).toBe('On track');
    expect(one('METRIC_STATUS', 1e16, 0, -1, 46000, 46400, 46100)).toBe('On track');
    expect(one('METRIC_PROGRESS', -1e16, 0, 1)).toBeLessThan(1);
    expect(one('METRIC_STATUS', -1e16, 1, 1)).toBe('Done');
  });
  test('past the due date without reaching the target: off track', () => {
    expect(one('METRIC_STATUS', 0, 0.99, 1, jan1, dec31, day(2028, 1, 1))).toBe('Off track');
    expect(one('METRIC_STATUS', 0, 0.99, 1, jan1, dec31, dec31)).toBe('At risk');
  });
  test('without dates: "No due date", a neutral status, whatever the progress; the target reached is Done', () => {
    expect(plain(run('METRIC_STATUS', 0, col(0.5, 0.49, 0.25, 0, 1), 1))).toEqual(
      col('No due date', 'No due date', 'No due date', 'No due date', 'Done'),
    );
  });
  test('today defaults to the date of calculation (the context clock: 1 April 2027)', () => {
    expect(one('METRIC_STATUS', 0, 0.25, 1, jan1, dec31)).toBe('On track'); // elapsed 90/364 ≈ 0.247
    expect(one('METRIC_STATUS', 0, 0.24, 1, jan1, dec31)).toBe('At risk');
  });
  test('dates as serial numbers and ISO texts give the same status as date cells', () => {
    const a = one('METRIC_STATUS', 0, 0.3, 1, jan1, dec31, day(2027, 7, 1));
    const b = one('METRIC_STATUS', 0, 0.3, 1, 46388, '2027-12-31', '2027-07-01');
    expect(b).toBe(a);
  });
  test('dates that do not go together', () => {
    expect(errorOf('METRIC_STATUS', 0, 0.3, 1, '', dec31)).toBe(
      'Start and Due go together: give both dates or neither (got only Due)',
    );
    expect(errorOf('METRIC_STATUS', 0, 0.3, 1, dec31, jan1)).toBe(
      'Due must be after Start (got Start 2027-12-31 and Due 2027-01-01)',
    );
    expect(errorOf('METRIC_STATUS', 0, 0.3, 1, jan1, jan1)).toBe(
      'Due must be after Start (got Start 2027-01-01 and Due 2027-01-01)',
    );
  });
  test('no baseline ("N/A"): the target met is Done, otherwise the status comes from the time left', () => {
    // The seed guide's p95 latency: baseline N/A, current 350ms, target <200ms.
    expect(one('METRIC_STATUS', 'N/A', '350ms', '<200ms')).toBe('No due date'); // no dates: nothing is late
    expect(one('METRIC_STATUS', 'N/A', '180ms', '<200ms')).toBe('Done');
    expect(one('METRIC_STATUS', 'N/A', '120', '100+')).toBe('Done');
    expect(one('METRIC_STATUS', 'N/A', '$1M', '$1M')).toBe('Done'); // no comparator: met only when equal
    expect(one('METRIC_STATUS', 'N/A', '$2M', '$1M')).toBe('No due date');
    // With dates: on track before the start, at risk for the first quarter of the period, then off track.
    expect(one('METRIC_STATUS', 'N/A', '350ms', '<200ms', jan1, dec31, day(2026, 12, 1))).toBe('On track');
    expect(one('METRIC_STATUS', 'N/A', '350ms', '<200ms', jan1, dec31, day(2027, 3, 1))).toBe('At risk');
    expect(one('METRIC_STATUS', 'N/A', '350ms', '<200ms', jan1, dec31, day(2027, 6, 1))).toBe('Off track');
    expect(one('METRIC_STATUS', 'N/A', '350ms', '<200ms', jan1, dec31, day(2028, 1, 1))).toBe('Off track');
    // Current or target not measured: still blank; kinds that do not go together: an error naming both.
    expect(one('METRIC_STATUS', 'N/A', 'N/A', '<200ms')).toBe('');
    expect(one('METRIC_STATUS', 'N/A', '350ms', 'N/A')).toBe('');
    expect(errorOf('METRIC_STATUS', 'N/A', '$5', '<200ms')).toBe(
      'Current is an amount of money ("$5") but Target is a duration ("<200ms"): give values of the same kind, or plain numbers',
    );
    // Progress itself stays blank: there is nothing to measure it from.
    expect(one('METRIC_PROGRESS', 'N/A', '350ms', '<200ms')).toBe('');
  });
  test('per-row dates in a column', () => {
    const out = run('METRIC_STATUS', col(0, 0), col(0.5, 0.5), 1, col(jan1, ''), col(dec31, ''), day(2027, 10, 1));
    expect(plain(out)).toEqual(col('At risk', 'No due date'));
    expect(out.flat().some(isCellError)).toBe(false);
  });
});
