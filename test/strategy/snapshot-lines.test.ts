/**
 * What "Record snapshot" appends to Progress History, pure (shared/strategy/snapshot.ts, #25): one line per metric
 * (its value as METRIC_VALUE reads it, its text as written, the number format the Value shows it in), per theme (the
 * share of its roadmap items done) and the health score; the rows [date, what, name, value, as written]. Every
 * expected value is written by hand from the rule: "99.5%" is 0.995 shown as 0.0%, "$1,200" is 1200 shown as
 * "$"#,##0, an amount scaled by a magnitude ("€300K") loses the decimals typed, anything else is General.
 */
import { HISTORY_KINDS } from '../../shared/catalogue/history';
import { emptyData, type StrategyData } from '../../shared/strategy/data';
import {
  metricNumber,
  overallHealth,
  snapshotLines,
  snapshotRows,
  themeCompletion,
  valueFormat,
} from '../../shared/strategy/snapshot';
import { health, metric, roadmap, theme } from './rows';

const data = (more: Partial<StrategyData>): StrategyData => ({ ...emptyData(), ...more });

describe('valueFormat: the Value shows as the metric is written', () => {
  test.each([
    ['99.5%', '0.0%'],
    ['2%', '0%'],
    ['99.50%', '0.00%'],
    ['≥ 99.5 %', '0.0%'],
    ['>99.9%', '0.0%'],
    ['1,200.5%', '0.0%'],
  ])('a percentage with the decimals typed: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test.each([
    ['$1,200', '"$"#,##0'],
    ['$1,200.50', '"$"#,##0.00'],
    ['$12.50', '"$"#,##0.00'],
    ['$0.5', '"$"#,##0.0'],
    ['-$1,200.75', '"$"#,##0.00'],
    ['300 €', '"€"#,##0'],
    ['€12.345', '"€"#,##0.000'],
    ['£3', '"£"#,##0'],
  ])('an amount with its currency symbol, thousands and the decimals typed: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test.each([
    ['€300K', '"€"#,##0'],
    ['$2.5k', '"$"#,##0'],
    ['1.2M€', '"€"#,##0'],
    ['£3bn', '"£"#,##0'],
    ['$1.25M', '"$"#,##0'],
  ])('an amount a magnitude scaled shows the whole amount, without the decimals typed: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test.each([
    ['<200ms', 'General'],
    ['45', 'General'],
    ['2x/day', 'General'],
    ['4.5/5', 'General'],
    ['twice a week', 'General'],
    ['N/A', 'General'],
    ['', 'General'],
    ['5%ish', 'General'],
    ['lots', 'General'],
  ])('anything else is General: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test.each([
    ['99% to 99.5%', '0%'],
    ['between 99.5% and 99.95%', '0.0%'],
    ['$1,200 to $1,300.50', '"$"#,##0'],
  ])('a range: the decimals of its first number; a midpoint amount whole: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test.each([
    ['ten %', '0%'],
    ['five $', '"$"#,##0'],
  ])('a number spelled out: no decimals typed: %s → %s', (written, format) => {
    expect(valueFormat(written)).toBe(format);
  });

  test('a number (a cell holding 0.995, not a text) is General', () => {
    expect(valueFormat(0.995)).toBe('General');
    expect(valueFormat(1200)).toBe('General');
  });
});

describe('metricNumber: the Value written, in the unit’s base', () => {
  test.each([
    ['99.5%', 0.995],
    ['$1,200', 1200],
    ['€300K', 300000],
    ['350ms', 350],
    ['2 hours', 7200000],
    ['45', 45],
  ])('%s → %p', (written, value) => {
    expect(metricNumber(written)).toBeCloseTo(value, 12);
  });

  test('a number is its own value', () => {
    expect(metricNumber(0.995)).toBe(0.995);
    expect(metricNumber(0)).toBe(0);
  });

  test('blank, N/A and an unreadable text have no value (the cell stays blank)', () => {
    for (const v of ['', '   ', 'N/A', 'n/a', 'lots', 'TBD']) expect(metricNumber(v)).toBeUndefined();
  });
});

describe('themeCompletion: the share of a theme’s roadmap items done', () => {
  const d = data({
    themes: [theme('Platform'), theme('Data'), theme('Growth')],
    roadmap: [
      roadmap('SSO', { theme: 'Platform', status: 'Done' }),
      roadmap('Audit logs', { theme: ' platform ', status: ' DONE ' }),
      roadmap('SOC 2', { theme: 'PLATFORM', status: 'In progress' }),
      // A row without an initiative is no item, whatever its status.
      roadmap('', { theme: 'Platform', status: 'Done' }),
      roadmap('Warehouse', { theme: 'Data', status: 'Not started' }),
      roadmap('Pipelines', { theme: 'Data', status: 'done' }),
      roadmap('Nearly', { theme: 'Data', status: 'Done soon' }),
      roadmap('Also nearly', { theme: 'Data', status: 'Undone' }),
    ],
  });

  test('items matched by theme in any case and spacing, done in any case and spacing', () => {
    expect(themeCompletion(d, 'Platform')).toBeCloseTo(2 / 3, 12);
    expect(themeCompletion(d, ' platform')).toBeCloseTo(2 / 3, 12);
    expect(themeCompletion(d, 'Data')).toBe(0.25);
  });

  test('a theme without items has no completion (not 0 %)', () => {
    expect(themeCompletion(d, 'Growth')).toBeUndefined();
    expect(themeCompletion(data({ roadmap: [roadmap('', { theme: 'Growth', status: 'Done' })] }), 'Growth')).toBe(
      undefined,
    );
  });

  test('every item done is 1, none is 0', () => {
    const all = data({
      roadmap: [roadmap('A', { theme: 'T', status: 'Done' }), roadmap('B', { theme: 'T', status: 'done' })],
    });
    expect(themeCompletion(all, 'T')).toBe(1);
    const none = data({ roadmap: [roadmap('A', { theme: 'T', status: 'Blocked' })] });
    expect(themeCompletion(none, 'T')).toBe(0);
  });
});

describe('overallHealth: the average of the rated dimensions and its status', () => {
  test('the unweighted mean of the ratings given, blanks ignored', () => {
    expect(
      overallHealth(data({ health: [health('A', { rating: 3 }), health('B', { rating: 4 }), health('C')] })),
    ).toEqual({
      score: 3.5,
      status: 'Healthy',
    });
    expect(overallHealth(data({ health: [health('A', { rating: 1 }), health('B', { rating: 2 })] }))).toEqual({
      score: 1.5,
      status: 'Critical',
    });
    expect(
      overallHealth(
        data({ health: [health('A', { rating: 4 }), health('B', { rating: 4 }), health('C', { rating: 5 })] }),
      ),
    ).toEqual({
      score: 13 / 3,
      status: 'Strong',
    });
    expect(overallHealth(data({ health: [health('A'), health('B', { rating: 2 })] }))).toEqual({
      score: 2,
      status: 'At risk',
    });
  });

  test('nothing rated, or no dimension at all: no score', () => {
    expect(overallHealth(data({ health: [health('A'), health('B')] }))).toBeUndefined();
    expect(overallHealth(data({ health: [] }))).toBeUndefined();
  });
});

describe('snapshotLines: the lines in sheet order, metrics, themes, then the health score', () => {
  const d = data({
    metrics: [
      metric('Uptime', 'Availability', { current: '99.5%' }),
      metric('Cloud cost', '', { current: '$1,200' }),
      metric('', 'p95 latency', { current: '<200ms' }),
      // No name: no line.
      metric('', '', { current: '42' }),
      metric('Revenue', '', { current: '€300K' }),
      metric('Not yet measured', '', { current: 'N/A' }),
      metric('Blank', '', { current: '' }),
      metric('Typed as a number', '', { current: 0.995 as unknown as string }),
    ],
    themes: [theme(' Platform '), theme('   '), theme('Growth'), theme('Data')],
    roadmap: [
      roadmap('SSO', { theme: 'Platform', status: 'Done' }),
      roadmap('SOC 2', { theme: 'platform', status: 'In progress' }),
      roadmap('Audit', { theme: 'Platform', status: 'Not started' }),
      roadmap('Warehouse', { theme: 'Data', status: 'Done' }),
      roadmap('Pipelines', { theme: 'Data', status: 'Done' }),
    ],
    health: [health('Reliability', { rating: 3 }), health('Security', { rating: 4 }), health('Debt', { rating: 4 })],
  });
  const lines = snapshotLines(d);

  test('one line per named metric: the value read, the text as written and its format', () => {
    expect(lines.filter((l) => l.kind === 'Metric')).toEqual([
      { kind: 'Metric', name: 'Availability', value: 0.995, shown: '99.5%', format: '0.0%' },
      { kind: 'Metric', name: 'Cloud cost', value: 1200, shown: '$1,200', format: '"$"#,##0' },
      { kind: 'Metric', name: 'p95 latency', value: 200, shown: '<200ms', format: 'General' },
      { kind: 'Metric', name: 'Revenue', value: 300000, shown: '€300K', format: '"€"#,##0' },
      { kind: 'Metric', name: 'Not yet measured', value: undefined, shown: 'N/A', format: 'General' },
      { kind: 'Metric', name: 'Blank', value: undefined, shown: '', format: 'General' },
      { kind: 'Metric', name: 'Typed as a number', value: 0.995, shown: '0.995', format: 'General' },
    ]);
  });

  test('one line per named theme (trimmed), its % complete rounded, blank without items', () => {
    expect(lines.filter((l) => l.kind === 'Theme % complete')).toEqual([
      { kind: 'Theme % complete', name: 'Platform', value: 1 / 3, shown: '33%', format: '0%' },
      { kind: 'Theme % complete', name: 'Growth', value: undefined, shown: '', format: '0%' },
      { kind: 'Theme % complete', name: 'Data', value: 1, shown: '100%', format: '0%' },
    ]);
  });

  test('the health score last, with one decimal and its status', () => {
    expect(lines[lines.length - 1]).toEqual({
      kind: 'Health score',
      name: 'Overall',
      value: 11 / 3,
      shown: '3.7 (Healthy)',
      format: '0.0',
    });
    expect(lines.map((l) => l.kind)).toEqual([
      ...Array(7).fill(HISTORY_KINDS.metric),
      ...Array(3).fill(HISTORY_KINDS.theme),
      HISTORY_KINDS.health,
    ]);
  });

  test('two thirds done shows 67 % (rounded, not cut)', () => {
    const two = data({
      themes: [theme('T')],
      roadmap: [
        roadmap('A', { theme: 'T', status: 'Done' }),
        roadmap('B', { theme: 'T', status: 'Done' }),
        roadmap('C', { theme: 'T' }),
      ],
    });
    expect(snapshotLines(two)).toEqual([
      { kind: 'Theme % complete', name: 'T', value: 2 / 3, shown: '67%', format: '0%' },
    ]);
  });

  test('a whole score shows its decimal; a score of 4 is Strong', () => {
    const four = snapshotLines(data({ health: [health('A', { rating: 4 }), health('B')] }));
    expect(four).toEqual([{ kind: 'Health score', name: 'Overall', value: 4, shown: '4.0 (Strong)', format: '0.0' }]);
  });

  test('nothing rated: no health line; nothing at all: no line', () => {
    expect(snapshotLines(data({ health: [health('A')] }))).toEqual([]);
    expect(snapshotLines(emptyData())).toEqual([]);
  });
});

describe('snapshotRows: the rows appended', () => {
  test('[date, what, name, value, as written], a value that cannot be measured left blank (null)', () => {
    const rows = snapshotRows(
      [
        { kind: 'Metric', name: 'Uptime', value: 0.995, shown: '99.5%', format: '0.0%' },
        { kind: 'Metric', name: 'Later', value: undefined, shown: 'N/A', format: 'General' },
        { kind: 'Theme % complete', name: 'Data', value: 0, shown: '0%', format: '0%' },
      ],
      46357,
    );
    expect(rows).toEqual([
      [46357, 'Metric', 'Uptime', 0.995, '99.5%'],
      [46357, 'Metric', 'Later', null, 'N/A'],
      [46357, 'Theme % complete', 'Data', 0, '0%'],
    ]);
  });

  test('no line, no row', () => {
    expect(snapshotRows([], 46357)).toEqual([]);
  });
});
