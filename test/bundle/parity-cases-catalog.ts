/** Parity cases for the catalog functions (issue 4): every function, with ranges, blanks and errors. */
import type { ParityCase } from './parity-case';

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const row = (...xs: unknown[]): unknown[][] => [xs];
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

export const CATALOG_PARITY_CASES: ParityCase[] = [
  // PRIORITY_QUADRANT
  {
    fn: 'PRIORITY_QUADRANT',
    args: [col(9, 7, 4, 3), col(5, 8, 7, 2)],
    expected: col('Do Now', 'Plan Carefully', "Don't Do", 'Do When You Have Time'),
  },
  {
    fn: 'PRIORITY_QUADRANT',
    args: [col(9, '', 7), col(5, '', 8), 5.5, 'LABEL'],
    expected: col('Quick Win', '', 'Big Bet'),
  },
  { fn: 'PRIORITY_QUADRANT', args: [5.5, 5.4], expected: [['Do Now']] },
  {
    fn: 'PRIORITY_QUADRANT',
    args: [9, 5, 5.5, 'matrix'],
    expected: [[{ error: 'Style must be one of "action", "label" (got "matrix")' }]],
  },
  {
    fn: 'PRIORITY_QUADRANT',
    args: [9, 5, col(5, 6)],
    expected: [[{ error: 'Threshold must be a single cell (got a 2×1 range)' }]],
  },
  // PRIORITY_PLAN
  // Start quarters carry their year: a bare one is of the current year (the clock: unit tests).
  {
    fn: 'PRIORITY_PLAN',
    args: [col(17.5, 11, 2.5), col(5, 8, 7), 10, 'Q1 2027'],
    expected: col('Q1 2027', 'Q2 2027', 'Q3 2027'),
  },
  {
    fn: 'PRIORITY_PLAN',
    args: [row(17.5, 11, 2.5), row(5, 8, 7), 12, 'Q3 2027'],
    expected: row('Q3 2027', 'Q4 2027', 'Q3 2027'),
  },
  {
    fn: 'PRIORITY_PLAN',
    args: [col(17.5, '', 'x', 9), col(5, '', 3, 12), 10, 'Q4 2026'],
    expected: col(
      'Q4 2026',
      '',
      { error: 'Score must be a number (got "x")' },
      { error: 'Effort 12 is more than the capacity of 10 per quarter' },
    ),
  },
  {
    fn: 'PRIORITY_PLAN',
    args: [col(1, 2), row(1, 2), 10],
    expected: [[{ error: 'Score is a 2×1 range but Effort is a 1×2 range: give ranges of the same size' }]],
  },
  {
    fn: 'PRIORITY_PLAN',
    args: [col(1, 2), col(1, 2), 0],
    expected: [[{ error: 'Capacity must be a number greater than 0 (got 0)' }]],
  },
  {
    fn: 'PRIORITY_PLAN',
    args: [col(1, 2), col(1, 2), 10, 'Q5'],
    expected: [[{ error: 'Start quarter must be a quarter like "Q1" or "Q3 2027" (got "Q5")' }]],
  },
  // RICE_SCORE
  {
    fn: 'RICE_SCORE',
    args: [col(2000, 500, ''), col(2, 3, ''), col(0.8, 50, ''), col(4, 2, '')],
    expected: col(800, 375, ''),
  },
  {
    fn: 'RICE_SCORE',
    args: [2000, 2, 101, 4],
    expected: [[{ error: 'Confidence must be a number from 0 to 100 (got 101)' }]],
  },
  {
    fn: 'RICE_SCORE',
    args: [2000, 2, 0.8, 0],
    expected: [[{ error: 'Effort must be a number greater than 0 (got 0)' }]],
  },
  { fn: 'RICE_SCORE', args: [-1, 2, 0.8, 4], expected: [[{ error: 'Reach must be a number of at least 0 (got -1)' }]] },
  // ICE_SCORE
  { fn: 'ICE_SCORE', args: [col(8, 5), 7, 9], expected: col(504, 315) },
  { fn: 'ICE_SCORE', args: [8, 7, 9, 'Average'], expected: [[8]] },
  {
    fn: 'ICE_SCORE',
    args: [8, { code: '#N/A' }, 9],
    expected: [[{ error: 'Confidence must be a number from 1 to 10 (got the error #N/A)' }]],
  },
  // WSJF
  { fn: 'WSJF', args: [col(8, 13), col(5, 8), col(3, 5), col(2, 13)], expected: col(8, 2) },
  { fn: 'WSJF', args: [8, 5, 3, 0], expected: [[{ error: 'Job size must be a number greater than 0 (got 0)' }]] },
  {
    fn: 'WSJF',
    args: [8, false, 3, 2],
    expected: [[{ error: 'Time criticality must be a number of at least 0 (got FALSE)' }]],
  },
  // HEALTH_SCORE
  { fn: 'HEALTH_SCORE', args: [row(3, 4, 2, 3, 2, 4)], expected: [[3]] },
  {
    fn: 'HEALTH_SCORE',
    args: [
      [
        [3, 4, 2],
        ['', '', ''],
        [5, '', 4],
      ],
      row(1, 1, 2),
    ],
    expected: col(2.75, '', 13 / 3),
  },
  { fn: 'HEALTH_SCORE', args: [row(3, 6)], expected: [[{ error: 'Rating must be a number from 1 to 5 (got 6)' }]] },
  {
    fn: 'HEALTH_SCORE',
    args: [row(3, 4), row(1, 1, 1)],
    expected: [[{ error: 'Weights must have one number per rating: 2 ratings but 3 weights' }]],
  },
  // HEALTH_STATUS
  {
    fn: 'HEALTH_STATUS',
    args: [col(1, 2, 2.99, 3, 4, 5, '')],
    expected: col('Critical', 'At risk', 'At risk', 'Healthy', 'Strong', 'Strong', ''),
  },
  { fn: 'HEALTH_STATUS', args: [0], expected: [[{ error: 'Score must be a number from 1 to 5 (got 0)' }]] },
  { fn: 'HEALTH_STATUS', args: ['good'], expected: [[{ error: 'Score must be a number from 1 to 5 (got "good")' }]] },
  // METRIC_VALUE
  {
    fn: 'METRIC_VALUE',
    args: [col('$1M', '<200ms', '2 hours', '5x/day', '99.9%', '4.5/5', '100+', 'N/A', '', 42)],
    expected: col(1e6, 200, 7200000, 5, 0.999, 4.5, 100, '', '', 42),
  },
  { fn: 'METRIC_VALUE', args: ['€300K'], expected: [[300000]] },
  {
    fn: 'METRIC_VALUE',
    args: ['lots'],
    expected: [
      [
        {
          error:
            'Value must be a number or a metric text such as "$1M", "€300K", "2.5k", "<200ms", "2 hours", "1.5s", "5x/day", "10x/week", "99.9%", "4.5/5", "100+" or "N/A" (got "lots")',
        },
      ],
    ],
  },
  // METRIC_PROGRESS
  {
    fn: 'METRIC_PROGRESS',
    args: [
      col('$0', '800ms', '1x/day', '10'),
      col('$250K', '500ms', '2x/day', '150'),
      col('$1M', '<200ms', '5x/day', '100+'),
    ],
    expected: col(0.25, 0.5, 0.25, 1),
  },
  { fn: 'METRIC_PROGRESS', args: ['N/A', '300ms', '<200ms'], expected: [['']] },
  {
    fn: 'METRIC_PROGRESS',
    args: ['$0', '2 hours', '$1M'],
    expected: [
      [
        {
          error:
            'Baseline is an amount of money ("$0") but Current is a duration ("2 hours"): give values of the same kind, or plain numbers',
        },
      ],
    ],
  },
  // METRIC_STATUS
  {
    fn: 'METRIC_STATUS',
    args: [
      col('1x/day', '$0', '10', '800ms'),
      col('2x/day', '$250K', '40', '180ms'),
      col('5x/day', '$1M', '100+', '<200ms'),
      col(day(2027, 1, 1), day(2027, 1, 1), '', ''),
      col(day(2027, 12, 31), day(2027, 7, 1), '', ''),
      day(2027, 4, 1),
    ],
    expected: col('On track', 'At risk', 'No due date', 'Done'),
  },
  {
    fn: 'METRIC_STATUS',
    args: ['$0', '$250K', '$1M', day(2027, 1, 1)],
    expected: [[{ error: 'Start and Due go together: give both dates or neither (got only Start)' }]],
  },
  {
    fn: 'METRIC_STATUS',
    args: ['$0', '$250K', '$1M', day(2027, 6, 1), day(2027, 1, 1), day(2027, 3, 1)],
    expected: [[{ error: 'Due must be after Start (got Start 2027-06-01 and Due 2027-01-01)' }]],
  },
  {
    fn: 'METRIC_STATUS',
    args: ['$0', '$250K', '$1M', 'soon', day(2027, 1, 1), day(2027, 3, 1)],
    expected: [
      [{ error: 'Start must be a date (a date cell, a date serial number or a text like "2027-03-31") (got "soon")' }],
    ],
  },
  // DORA_LEVEL
  {
    fn: 'DORA_LEVEL',
    args: ['deployment frequency', col('5x/day', '1x/day', '1x/month', '1x/quarter', 0.001)],
    expected: col('Elite', 'High', 'High', 'Medium', 'Low'),
  },
  {
    fn: 'DORA_LEVEL',
    args: [col('lead time', 'MTTR', 'cfr', 'Change Failure Rate'), col('<1 hour', 30, '22%', 0.1)],
    expected: col('Elite', 'Medium', 'High', 'Elite'),
  },
  {
    fn: 'DORA_LEVEL',
    args: ['velocity', 3],
    expected: [
      [
        {
          error:
            'Metric must be one of "deployment frequency", "lead time", "change failure rate", "failed deployment recovery time" or "time to restore" (or df, lt, cfr, mttr) (got "velocity")',
        },
      ],
    ],
  },
  {
    fn: 'DORA_LEVEL',
    args: ['lead time', '5x/day'],
    expected: [
      [{ error: 'Value for lead time must be a duration like "2 hours" or a number of hours (got "5x/day")' }],
    ],
  },
  // STRATEGY_QUARTER
  { fn: 'STRATEGY_QUARTER', args: [col(day(2027, 2, 15), '', '2027-12-31')], expected: col('Q1 2027', '', 'Q4 2027') },
  {
    fn: 'STRATEGY_QUARTER',
    args: [col(day(2026, 8, 15), day(2027, 2, 15)), 'July'],
    expected: col('Q1 2027', 'Q3 2027'),
  },
  {
    fn: 'STRATEGY_QUARTER',
    args: [day(2027, 2, 15), 13],
    expected: [[{ error: 'Fiscal year start month must be a month, 1 to 12 or a name like "July" (got 13)' }]],
  },
  {
    fn: 'STRATEGY_QUARTER',
    args: ['next year'],
    expected: [
      [
        {
          error:
            'Date must be a date (a date cell, a date serial number or a text like "2027-03-31") (got "next year")',
        },
      ],
    ],
  },
];
