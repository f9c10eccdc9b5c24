/** DORA_LEVEL thresholds (2021 State of DevOps report) and STRATEGY_QUARTER (calendar and fiscal). */
import { excelSerialToCore } from '../../shared/dates/excel-serial';
import { fiscalQuarter, parseMonth } from '../../shared/dates/quarter';
import { doraLevel, DORA_THRESHOLDS, type DoraMetric } from '../../shared/metrics/dora';
import { col, day, errorOf, one, plain, run } from './helpers';

describe('DORA_LEVEL', () => {
  test('deployment frequency (deploys per day): Elite above once a day, High down to once a month, Medium down to once in six months', () => {
    const out = plain(
      run(
        'DORA_LEVEL',
        'deployment frequency',
        col('5x/day', '2x/day', '1x/day', '1x/week', '1x/month', '0.9x/month', '1x/quarter', '2x/year', '1x/year', 0),
      ),
    );
    expect(out).toEqual(col('Elite', 'Elite', 'High', 'High', 'High', 'Medium', 'Medium', 'Medium', 'Low', 'Low'));
  });
  test('lead time (hours): Elite under an hour, High up to a week, Medium up to six months, Low beyond', () => {
    const out = plain(
      run(
        'DORA_LEVEL',
        'lead time for changes',
        col('30 min', '<1 hour', '1 hour', '2 days', '1 week', '8 days', '6 months', '7 months', 0.5, 200),
      ),
    );
    expect(out).toEqual(col('Elite', 'Elite', 'High', 'High', 'High', 'Medium', 'Medium', 'Low', 'Elite', 'Medium'));
  });
  test('time to restore (hours): Elite under an hour, High under a day, Medium up to a week, Low beyond', () => {
    const out = plain(
      run('DORA_LEVEL', 'MTTR', col('45 min', '3 hours', '1 day', '23.9 hours', '1 week', '2 weeks', 24)),
    );
    expect(out).toEqual(col('Elite', 'High', 'Medium', 'High', 'Medium', 'Low', 'Medium'));
  });
  test('change failure rate: Elite to 15%, High to 30%, Low beyond; fraction, percent number and text agree', () => {
    const out = plain(run('DORA_LEVEL', 'cfr', col('0%', '15%', 0.15, 15, '15.5%', '30%', 30, '31%', 0.5, 1, 100)));
    expect(out).toEqual(col('Elite', 'Elite', 'Elite', 'Elite', 'High', 'High', 'High', 'Low', 'Low', 'Low', 'Low'));
  });
  test('metric aliases, any case', () => {
    const names = [
      'Deployment Frequency',
      'deploy frequency',
      'DF',
      'lead time',
      'LT',
      'change-failure-rate',
      'CFR',
      'time to restore',
      'time_to_restore_service',
      'failed deployment recovery time',
      'mttr',
    ];
    const values = [
      '5x/day',
      '5x/day',
      '5x/day',
      '10 min',
      '10 min',
      '5%',
      '5%',
      '10 min',
      '10 min',
      '10 min',
      '10 min',
    ];
    expect(plain(run('DORA_LEVEL', col(...names), col(...values)))).toEqual(col(...names.map(() => 'Elite')));
  });
  test('N/A is blank; a value of the wrong kind names the metric, the form and the value', () => {
    expect(one('DORA_LEVEL', 'lead time', 'N/A')).toBe('');
    expect(errorOf('DORA_LEVEL', 'deployment frequency', '2 hours')).toBe(
      'Value for deployment frequency must be a rate like "5x/day" or a number of deploys per day (got "2 hours")',
    );
    expect(errorOf('DORA_LEVEL', 'cfr', '5x/day')).toBe(
      'Value for change failure rate must be a percentage like "12%", a fraction from 0 to 1 or a percentage number up to 100 (got "5x/day")',
    );
    expect(errorOf('DORA_LEVEL', 'time to restore', '$5')).toBe(
      'Value for time to restore must be a duration like "2 hours" or a number of hours (got "$5")',
    );
    expect(errorOf('DORA_LEVEL', 'speed', 1)).toContain('Metric must be one of "deployment frequency"');
  });
  test('thresholds are monotonic with no gaps: every value has exactly one level, and better values never get worse levels', () => {
    const rank = { Low: 0, Medium: 1, High: 2, Elite: 3 };
    for (const metric of Object.keys(DORA_THRESHOLDS) as DoraMetric[]) {
      const t = DORA_THRESHOLDS[metric];
      const limits = t.bounds.map((b) => b.limit);
      for (let i = 1; i < limits.length; i++) {
        if (t.better === 'higher') expect(limits[i]).toBeLessThan(limits[i - 1]);
        else expect(limits[i]).toBeGreaterThan(limits[i - 1]);
      }
      const xs = Array.from({ length: 2000 }, (_, i) =>
        metric === 'change failure rate' ? i / 1999 : Math.pow(10, -4 + (i / 1999) * 9),
      );
      for (let i = 1; i < xs.length; i++) {
        const a = rank[doraLevel(metric, xs[i - 1])];
        const b = rank[doraLevel(metric, xs[i])];
        if (t.better === 'higher') expect(b).toBeGreaterThanOrEqual(a);
        else expect(b).toBeLessThanOrEqual(a);
      }
    }
  });
});

describe("DORA_LEVEL on the report's own wordings", () => {
  // Every cell of the 2021 report's table of software delivery performance levels gives its own level.
  const REPORT_2021: [string, string, string][] = [
    ['deployment frequency', 'On-demand (multiple deploys per day)', 'Elite'],
    ['deployment frequency', 'Between once per week and once per month', 'High'],
    ['deployment frequency', 'Between once per month and once every 6 months', 'Medium'],
    ['deployment frequency', 'Fewer than once per six months', 'Low'],
    ['lead time', 'Less than one hour', 'Elite'],
    ['lead time', 'Between one day and one week', 'High'],
    ['lead time', 'Between one month and six months', 'Medium'],
    ['lead time', 'More than six months', 'Low'],
    ['time to restore', 'Less than one hour', 'Elite'],
    ['time to restore', 'Less than one day', 'High'],
    ['time to restore', 'Between one day and one week', 'Medium'],
    ['time to restore', 'More than six months', 'Low'],
    ['change failure rate', '0%-15%', 'Elite'],
    ['change failure rate', '16%-30%', 'High'],
  ];
  test.each(REPORT_2021)('%s "%s" → %s', (metric, text, level) => {
    expect(one('DORA_LEVEL', metric, text)).toBe(level);
  });
  test('frequency words: daily, weekly, monthly are High (once a day is not "multiple deploys per day")', () => {
    expect(plain(run('DORA_LEVEL', 'df', col('daily', 'weekly', 'monthly', 'quarterly', 'twice a day')))).toEqual(
      col('High', 'High', 'High', 'Medium', 'Elite'),
    );
  });
  test('a range of two levels gets the worse one', () => {
    expect(one('DORA_LEVEL', 'df', 'Between once per month and once every 6 months')).toBe('Medium');
    expect(one('DORA_LEVEL', 'lead time', 'Between one hour and one month')).toBe('Medium');
  });
  test('a wording of the wrong kind is still refused with the expected form', () => {
    expect(errorOf('DORA_LEVEL', 'lead time', 'weekly')).toBe(
      'Value for lead time must be a duration like "2 hours" or a number of hours (got "weekly")',
    );
  });
});

describe('STRATEGY_QUARTER', () => {
  test('calendar quarters', () => {
    expect(
      plain(
        run(
          'STRATEGY_QUARTER',
          col(
            day(2027, 1, 1),
            day(2027, 3, 31),
            day(2027, 4, 1),
            day(2027, 9, 30),
            day(2027, 10, 1),
            day(2027, 12, 31),
          ),
        ),
      ),
    ).toEqual(col('Q1 2027', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q4 2027'));
  });
  test('fiscal year from July, labelled by the calendar year in which it ends', () => {
    expect(
      plain(
        run(
          'STRATEGY_QUARTER',
          col(day(2026, 7, 1), day(2026, 9, 30), day(2026, 12, 31), day(2027, 2, 15), day(2027, 6, 30)),
          7,
        ),
      ),
    ).toEqual(col('Q1 2027', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027'));
  });
  test('fiscal year from October (US federal): October 2026 is Q1 2027', () => {
    expect(one('STRATEGY_QUARTER', day(2026, 10, 1), 'October')).toBe('Q1 2027');
    expect(one('STRATEGY_QUARTER', day(2026, 9, 30), 'Oct')).toBe('Q4 2026');
  });
  test('Excel serial numbers and ISO texts give the same label as date cells; blank rows blank', () => {
    expect(plain(run('STRATEGY_QUARTER', col(46433, '2027-02-15', '', day(2027, 2, 15))))).toEqual(
      col('Q1 2027', 'Q1 2027', '', 'Q1 2027'),
    );
  });
  test('month names', () => {
    expect(parseMonth('July')).toBe(7);
    expect(parseMonth('sept')).toBe(9);
    expect(parseMonth('ju')).toBeUndefined();
    expect(parseMonth(12.5)).toBeUndefined();
  });
  test('every month of a fiscal year with any start falls in quarters 1..4, three months each', () => {
    for (let s = 1; s <= 12; s++) {
      const counts = [0, 0, 0, 0];
      for (let m = 1; m <= 12; m++) counts[fiscalQuarter(2027, m, s).quarter - 1]++;
      expect(counts).toEqual([3, 3, 3, 3]);
      expect(fiscalQuarter(2027, s, s).quarter).toBe(1);
    }
  });
});

describe("Excel's 1900 date system", () => {
  test('serials before its fictitious 29 February 1900 are one day later in the core; 60 has no day; 61 on are equal', () => {
    expect([1, 1.5, 59, 59.75].map(excelSerialToCore)).toEqual([2, 2.5, 60, 60.75]);
    expect(excelSerialToCore(60)).toBe('1900-02-29');
    expect(excelSerialToCore(60.5)).toBe('1900-02-29');
    expect([61, 46388, 0, -3, 0.5].map(excelSerialToCore)).toEqual([61, 46388, 0, -3, 0.5]);
    expect(one('STRATEGY_QUARTER', excelSerialToCore(1))).toBe('Q1 1900');
  });
  test('every time of 9999-12-31 is a date; 10000-01-01 is not', () => {
    expect(one('STRATEGY_QUARTER', 2958465.5)).toBe('Q4 9999');
    expect(errorOf('STRATEGY_QUARTER', 2958466)).toContain('(got 2958466)');
  });
});
