/** Realistic benchmark data per function: n rows as Sheets passes ranges (2-D arrays). */
type Inputs = (n: number) => unknown[];

const column = (n: number, f: (i: number) => unknown): unknown[][] => Array.from({ length: n }, (_, i) => [f(i)]);
const scale = (seed: number) => (i: number) => ((i * seed) % 10) + 1;

export const BENCH_INPUTS: Record<string, Inputs> = {
  PRIORITY_SCORE: (n) => [column(n, scale(7)), column(n, scale(3)), column(n, scale(9)), column(n, scale(11))],
  PRIORITY_QUADRANT: (n) => [column(n, scale(7)), column(n, scale(9)), 5.5, 'label'],
  PRIORITY_PLAN: (n) => [column(n, (i) => ((i * 7919) % 285) / 10 - 12), column(n, scale(9)), 20, 'Q1 2027'],
  RICE_SCORE: (n) => [
    column(n, (i) => 100 + ((i * 37) % 5000)),
    column(n, (i) => [0.25, 0.5, 1, 2, 3][i % 5]),
    column(n, (i) => [0.5, 0.8, 1, 50, 80][i % 5]),
    column(n, scale(3)),
  ],
  ICE_SCORE: (n) => [column(n, scale(7)), column(n, scale(3)), column(n, scale(9))],
  WSJF: (n) => [
    column(n, (i) => [1, 2, 3, 5, 8, 13, 20][i % 7]),
    column(n, (i) => [1, 2, 3, 5, 8, 13, 20][(i * 3) % 7]),
    column(n, (i) => [1, 2, 3, 5, 8][i % 5]),
    column(n, (i) => [1, 2, 3, 5, 8, 13][i % 6]),
  ],
  HEALTH_SCORE: (n) => [
    Array.from({ length: n }, (_, i) => Array.from({ length: 6 }, (_, j) => ((i + j * 3) % 5) + 1)),
    [[1, 1, 2, 1, 1, 1]],
  ],
  HEALTH_STATUS: (n) => [column(n, (i) => 1 + (i % 41) / 10)],
  METRIC_VALUE: (n) => [
    column(
      n,
      (i) => ['$1M', '<200ms', '5x/day', '99.9%', '4.5/5', '100+', 'N/A', '2 hours', '€300K', '10x/week'][i % 10],
    ),
  ],
  METRIC_PROGRESS: (n) => [
    column(n, (i) => `${800 + (i % 100)}ms`),
    column(n, (i) => `${300 + (i % 400)}ms`),
    '<200ms',
  ],
  METRIC_STATUS: (n) => [
    column(n, () => '$0'),
    column(n, (i) => `$${(i % 1000) + 1}K`),
    '$1M',
    new Date(Date.UTC(2027, 0, 1)),
    new Date(Date.UTC(2027, 11, 31)),
    new Date(Date.UTC(2027, 5, 30)),
  ],
  DORA_LEVEL: (n) => [
    column(n, (i) => ['deployment frequency', 'lead time', 'change failure rate', 'time to restore'][i % 4]),
    column(n, (i) => ['5x/day', '2 days', '12%', '3 hours'][i % 4]),
  ],
  STRATEGY_QUARTER: (n) => [column(n, (i) => new Date(Date.UTC(2026, 0, 1 + (i % 1500)))), 'July'],
  TEAM_SCORE: (n) => [Array.from({ length: n }, (_, i) => [scale(7)(i), scale(3)(i), '', scale(9)(i)]), 'median'],
  TEAM_SPREAD: (n) => [Array.from({ length: n }, (_, i) => [scale(7)(i), scale(3)(i), '', scale(9)(i)])],
  RANK_STABILITY: (n) => [
    column(n, scale(7)),
    column(n, scale(3)),
    column(n, scale(9)),
    column(n, scale(11)),
    [[2, 1, 0.5, 1]],
    3,
    0.25,
  ],
  WEIGHT_TIPPING_POINT: (n) => [
    column(n, scale(7)),
    column(n, scale(3)),
    column(n, scale(9)),
    column(n, scale(11)),
    [[2, 1, 0.5, 1]],
    3,
  ],
  PLAN_CONFIDENCE: (n) => [
    column(n, (i) => ((i * 7919) % 285) / 10 - 12),
    column(n, scale(3)),
    column(n, (i) => scale(3)(i) + 1),
    column(n, (i) => scale(3)(i) + 1 + scale(7)(i)),
    20 * n,
  ],
  DEBT_COST: (n) => [column(n, scale(7)), column(n, (i) => 60 + (i % 90)), 46],
  DEBT_PAYBACK: (n) => [column(n, (i) => 8 * scale(9)(i)), column(n, scale(7))],
  DORA_SCORE: (n) => [
    column(n, (i) => ['2 days', 'One day to one week', 30, 'N/A'][i % 4]),
    column(n, (i) => ['5x/day', 'weekly', 0.2, 'Between once per day and once per week'][i % 4]),
    column(n, (i) => ['12%', 0.2, 5, 'N/A'][i % 4]),
    column(n, (i) => ['3 hours', 'Less than one day', 200, '1 week'][i % 4]),
    column(n, (i) => ['8%', 0.1, 'N/A', 3][i % 4]),
  ],
};
