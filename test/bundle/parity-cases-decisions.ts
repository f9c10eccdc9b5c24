/**
 * Parity cases of the decision functions (#20): each call runs through both built bundles and must show the same
 * numbers, blanks and messages. Expected values are worked out beside each case.
 */
import type { ParityCase } from './parity-case';

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

export const DECISION_PARITY_CASES: ParityCase[] = [
  // TEAM_SCORE / TEAM_SPREAD: median of 4, 7, 9 = 7; of 4, 7, 8, 9 = 7.5; spread 9 − 4 = 5.
  {
    fn: 'TEAM_SCORE',
    args: [
      [
        [7, 9, 4, ''],
        ['', '', '', ''],
        [7, 9, 4, 8],
      ],
    ],
    expected: col(7, '', 7.5),
  },
  { fn: 'TEAM_SCORE', args: [[[7, 9, 4, 8]], 'mean'], expected: [[7]] },
  { fn: 'TEAM_SPREAD', args: [[[7, 9, 4, 8]]], expected: [[5]] },
  {
    fn: 'TEAM_SPREAD',
    args: [
      [
        [6, '', 6],
        ['', '', ''],
        [1, 10, 5],
      ],
    ],
    expected: col(0, '', 9),
  },
  { fn: 'TEAM_SPREAD', args: [[[6, true]]], expected: [[{ error: 'Rating must be a number (got TRUE)' }]] },
  {
    fn: 'TEAM_SCORE',
    args: [[[7, 'x']]],
    expected: [[{ error: 'Rating must be a number (got "x")' }]],
  },
  // RANK_STABILITY: A 8/4 v B 6/7 (effort, risk 5): A leads in 8 of the 9 impact × urgency pairs (72 of 81 sets).
  {
    fn: 'RANK_STABILITY',
    args: [col(8, 6, ''), col(4, 7, ''), col(5, 5, ''), col(5, 5, ''), [[2, 1, 0.5, 1]], 1],
    expected: col(8 / 9, 8 / 9, ''),
  },
  {
    fn: 'RANK_STABILITY',
    args: [col(8, 6), col(4, 7), col(5, 5), col(5, 5), [[2, 1, 0.5, 1]], 0],
    expected: [[{ error: 'Top N must be a whole number of at least 1 (got 0)' }]],
  },
  {
    fn: 'RANK_STABILITY',
    args: [col(8, 6), col(4, 7), col(5, 5), col(5, 5), [[2, 1, 0.5, 1]], 1, 0],
    expected: col(1, 1),
  },
  // WEIGHT_TIPPING_POINT: impact −25 % or urgency +1/3 draws B level with A.
  {
    fn: 'WEIGHT_TIPPING_POINT',
    args: [col(8, 6), col(4, 7), col(5, 5), col(5, 5), [[2, 1, 0.5, 1]], 1],
    expected: [
      ['', -0.25],
      [0.333333333333, ''],
      ['', ''],
      ['', ''],
    ],
  },
  // Everyone in the top N: nothing can change it.
  {
    fn: 'WEIGHT_TIPPING_POINT',
    args: [col(8, 6), col(4, 7), col(5, 5), col(5, 5)],
    expected: [
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
    ],
  },
  {
    fn: 'WEIGHT_TIPPING_POINT',
    args: [col(8, 6), col(4, 7), col(5, 'x'), col(5, 5)],
    expected: [[{ error: 'Effort must be a number from 1 to 10 (got "x")' }]],
  },
  // PLAN_CONFIDENCE: exact estimates 4, 4, 4 against 8: the first two fit, the third does not.
  { fn: 'PLAN_CONFIDENCE', args: [col(5, 5, 5), col(4, 4, 4), col(4, 4, 4), col(4, 4, 4), 8], expected: col(1, 1, 0) },
  {
    fn: 'PLAN_CONFIDENCE',
    args: [col(17.5, 11, 2.5), col(4, 6, 5), col(5, 8, 7), col(8, 13, 12), 20],
    expected: col(1, 0.9999977761677444, 0.2268476498519647),
  },
  {
    fn: 'PLAN_CONFIDENCE',
    args: [5, 4, 3, 8, 10],
    expected: [[{ error: 'Likely effort must be at least the low effort (got low 4, likely 3, high 8)' }]],
  },
  // DEBT_COST / DEBT_PAYBACK: 6 h × 90 × 46 = 24840; 80 / 6 weeks.
  { fn: 'DEBT_COST', args: [col(6, '', 2), 90], expected: col(24840, '', 8280) },
  { fn: 'DEBT_COST', args: [6, 90, 48], expected: [[25920]] },
  {
    fn: 'DEBT_COST',
    args: [6, 90, 60],
    expected: [[{ error: 'Weeks per year must be a number from 1 to 53 (got 60)' }]],
  },
  { fn: 'DEBT_PAYBACK', args: [col(80, 40), col(6, 10)], expected: col(80 / 6, 4) },
  { fn: 'DEBT_PAYBACK', args: [0, 6], expected: [[0]] },
  {
    fn: 'DEBT_PAYBACK',
    args: [40, 0],
    expected: [[{ error: 'Hours lost per week must be a number greater than 0 (got 0)' }]],
  },
  // DORA_SCORE: buckets 4, 4, 5 → 6, 6, 8 points; rates 10 % → 9, 5 % → 9.5; (6 + 6 + 9 + 8 + 9.5) / 5 = 7.7.
  {
    fn: 'DORA_SCORE',
    args: ['One day to one week', 'Between once per day and once per week', '10%', 'Less than one day', '5%'],
    expected: [[7.7]],
  },
  {
    fn: 'DORA_SCORE',
    args: [col('2 days', 'N/A'), '5x/day', 0.15, '30 min'],
    expected: col(8.625, (10 + 8.5 + 10) / 3),
  },
  {
    fn: 'DORA_SCORE',
    args: ['2 days', '5x/day', '130%', '30 min'],
    expected: [
      [
        {
          error:
            'Change fail rate must be a percentage like "12%", a fraction from 0 to 1, a percentage number up to 100, or "N/A" (got "130%")',
        },
      ],
    ],
  },
  {
    fn: 'DORA_LEVEL',
    args: ['failed deployment recovery time', col('30 min', '5 hours', '3 days', '2 weeks')],
    expected: col('Elite', 'High', 'Medium', 'Low'),
  },
];
