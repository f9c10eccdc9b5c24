/**
 * Deciding with confidence, hand-computed: TEAM_SCORE, TEAM_SPREAD, RANK_STABILITY, WEIGHT_TIPPING_POINT,
 * PLAN_CONFIDENCE (and its Φ), DEBT_COST, DEBT_PAYBACK, DORA_SCORE and DORA_LEVEL's 2023 metric name.
 */
import { normalCdf } from '../../shared/decisions/normal';
import { QUICK_CHECK_INDUSTRY_MEAN } from '../../shared/metrics/quick-check';
import { col, errorOf, one, plain, row, run } from './helpers';

const W = row(2, 1, 0.5, 1);

describe('TEAM_SCORE and TEAM_SPREAD', () => {
  test('median by default, the mean of the two middle ratings for an even count', () => {
    expect(one('TEAM_SCORE', row(7, 9, 4))).toBe(7);
    expect(one('TEAM_SCORE', row(7, 9, 4, 8))).toBe(7.5);
    expect(one('TEAM_SCORE', row(7, 9, 4, 8), 'mean')).toBe(7);
    expect(one('TEAM_SCORE', row(1, 10, 10), 'average')).toBe(7);
  });

  test('blank ratings are left out; a row of blanks gives a blank', () => {
    expect(one('TEAM_SCORE', row(7, '', 3))).toBe(5);
    expect(one('TEAM_SPREAD', row(7, '', 3))).toBe(4);
    expect(one('TEAM_SCORE', row('', ''))).toBe('');
    expect(one('TEAM_SPREAD', row(6))).toBe(0);
  });

  test('a block gives one result per row (raters in columns), a column one result', () => {
    const block = [
      [7, 9, 4],
      ['', '', ''],
      [2, 2, 8],
    ];
    expect(plain(run('TEAM_SCORE', block))).toEqual(col(7, '', 2));
    expect(plain(run('TEAM_SPREAD', block))).toEqual(col(5, '', 6));
    expect(plain(run('TEAM_SCORE', col(1, 2, 9)))).toEqual([[2]]);
  });

  test('a bad rating gives its row an error naming it; other rows still score', () => {
    const g = plain(
      run('TEAM_SCORE', [
        [7, 'x'],
        [4, 6],
      ]),
    );
    expect(g).toEqual([[{ error: 'Rating must be a number (got "x")' }], [5]]);
  });
});

/**
 * Two projects differing in impact and urgency only (equal effort and risk, so those weights move both alike):
 * A 8/4, B 6/7; A − B = 2·wI − 3·wU, 1 under the default weights. With tolerance 0.25 the 9 (wI, wU) pairs give
 * 0.75, 0 (a tie), −0.75 for wI = 1.5 and positive values otherwise: A leads in 8 of 9 when it comes first (the tie
 * goes to the first row), in 7 of 9 when it comes second.
 */
describe('RANK_STABILITY, hand-computed', () => {
  const A = [8, 4, 5, 5];
  const B = [6, 7, 5, 5];
  const cols = (...ps: number[][]) => [0, 1, 2, 3].map((k) => col(...ps.map((p) => p[k])));

  test('8 of 9 impact/urgency pairs (72 of 81 sets) keep A on top; the tie goes to the first row', () => {
    expect(plain(run('RANK_STABILITY', ...cols(A, B), W, 1))).toEqual(col(8 / 9, 8 / 9));
  });

  test('with B first, the tie goes to B: 7 of 9', () => {
    expect(plain(run('RANK_STABILITY', ...cols(B, A), W, 1))).toEqual(col(7 / 9, 7 / 9));
  });

  test('tolerance 0 and a top N holding everyone give 1', () => {
    expect(plain(run('RANK_STABILITY', ...cols(A, B), W, 1, 0))).toEqual(col(1, 1));
    expect(plain(run('RANK_STABILITY', ...cols(A, B), W, 2))).toEqual(col(1, 1));
  });

  test('blank rows stay blank and take no part; a bad row gets its error and takes no part', () => {
    const g = plain(
      run('RANK_STABILITY', col(8, '', 6, 11), col(4, '', 7, 5), col(5, '', 5, 5), col(5, '', 5, 5), W, 1),
    );
    expect(g).toEqual([[8 / 9], [''], [8 / 9], [{ error: 'Impact must be a number from 1 to 10 (got 11)' }]]);
  });

  test('a row gives a row', () => {
    const g = run('RANK_STABILITY', row(8, 6), row(4, 7), row(5, 5), row(5, 5), W, 1);
    expect(plain(g)).toEqual([[8 / 9, 8 / 9]]);
  });
});

describe('WEIGHT_TIPPING_POINT, hand-computed', () => {
  test('A 8/4 against B 6/7, top 1: impact −25 % or urgency +1/3 ties them; effort and risk never change it', () => {
    // impact: A − B = 2·2(1 − d) − 3 = 0 at d = 0.25; urgency: 4 − 3(1 + d) = 0 at d = 1/3.
    const g = plain(run('WEIGHT_TIPPING_POINT', col(8, 6), col(4, 7), col(5, 5), col(5, 5), W, 1));
    expect(g).toEqual([
      ['', -0.25],
      [0.333333333333, ''],
      ['', ''],
      ['', ''],
    ]);
  });

  test('a tie tips at once: A and B level, B cheaper (effort 3), any rise of the effort weight puts B on top', () => {
    // A = 16 + 4 − 2.5 − 5 = 12.5, B = 12 + 7 − 1.5 − 5 = 12.5: a tie, A first by row order.
    // Effort +d: A loses 2.5d, B 1.5d, so B passes at once (0); effort −d widens A's lead (blank).
    const g = plain(run('WEIGHT_TIPPING_POINT', col(8, 6), col(4, 7), col(5, 3), col(5, 5), W, 1));
    expect(g[2]).toEqual([0, '']);
  });

  test('a bad row makes the whole result its error', () => {
    expect(errorOf('WEIGHT_TIPPING_POINT', col(8, 6), col(4, 7), col(5, 'x'), col(5, 5))).toBe(
      'Effort must be a number from 1 to 10 (got "x")',
    );
  });
});

describe('PLAN_CONFIDENCE', () => {
  test('Φ equals the complementary error function (Python math.erfc) to 1e-15', () => {
    const known: [number, number][] = [
      [-3, 0.0013498980316300957],
      [-1.96, 0.024997895148220435],
      [-1, 0.15865525393145707],
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [2, 0.9772498680518208],
      [4.5, 0.9999966023268753],
    ];
    for (const [x, p] of known) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
    expect(normalCdf(-7.5) / 3.19089167291092e-14).toBeCloseTo(1, 10);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  test('SSO, Analytics, Refactor: PERT sums by score read from the normal distribution', () => {
    // means 32/6, 51/6, 45/6; variances (4/6)², (7/6)², (7/6)²; capacity 20:
    // z = 22, 4.5893, −0.7493 → Φ = 1, 0.99999778, 0.22684765 (Python math.erfc).
    const g = run('PLAN_CONFIDENCE', col(17.5, 11, 2.5), col(4, 6, 5), col(5, 8, 7), col(8, 13, 12), 20);
    expect(g[0][0]).toBe(1);
    expect(g[1][0]).toBeCloseTo(0.9999977761677444, 14);
    expect(g[2][0]).toBeCloseTo(0.2268476498519648, 14);
  });

  test('equal scores are summed in row order; exact estimates give 1 or 0', () => {
    expect(plain(run('PLAN_CONFIDENCE', col(5, 5, 5), col(4, 4, 4), col(4, 4, 4), col(4, 4, 4), 8))).toEqual(
      col(1, 1, 0),
    );
  });

  test('a low score is summed after the higher ones wherever its row is', () => {
    const g = run('PLAN_CONFIDENCE', col(2.5, 17.5, 11), col(5, 4, 6), col(7, 5, 8), col(12, 8, 13), 20);
    expect(g[1][0]).toBe(1);
    expect(g[2][0]).toBeCloseTo(0.9999977761677444, 14);
    expect(g[0][0]).toBeCloseTo(0.2268476498519648, 14);
  });

  test('blank rows stay blank; a row out of order gets its error and takes no capacity', () => {
    const g = plain(run('PLAN_CONFIDENCE', col(9, '', 8, 7), col(5, '', 6, 5), col(5, '', 4, 5), col(5, '', 9, 5), 10));
    expect(g).toEqual([
      [1],
      [''],
      [{ error: 'Likely effort must be at least the low effort (got low 6, likely 4, high 9)' }],
      [1],
    ]);
  });
});

describe('DEBT_COST and DEBT_PAYBACK', () => {
  test('yearly cost: hours × cost × 46 weeks by default', () => {
    expect(one('DEBT_COST', 6, 90)).toBe(24840);
    expect(one('DEBT_COST', 6, 90, 48)).toBe(25920);
    expect(one('DEBT_COST', 0, 90)).toBe(0);
    expect(plain(run('DEBT_COST', col(6, '', 2), 100))).toEqual(col(27600, '', 9200));
  });

  test('payback in weeks: fix hours ÷ hours lost per week', () => {
    expect(one('DEBT_PAYBACK', 40, 10)).toBe(4);
    expect(one('DEBT_PAYBACK', 80, 6)).toBeCloseTo(13.333333333, 8);
    expect(one('DEBT_PAYBACK', 0, 6)).toBe(0);
  });
});

describe('DORA_SCORE: the Quick Check', () => {
  const score = (lt: unknown, df: unknown, cfr: unknown, rt: unknown, rw?: unknown) =>
    one('DORA_SCORE', lt, df, cfr, rt, rw);

  test('each Quick Check answer is its bucket, rescaled 1–6 → 0–10', () => {
    const durations = [
      'More than six months',
      'One to six months',
      'One week to one month',
      'One day to one week',
      'Less than one day',
      'Less than one hour',
    ];
    const frequencies = [
      'Less than once per six months',
      'Between once per month and once every six months',
      'Between once per week and once per month',
      'Between once per day and once per week',
      'Between once per hour and once per day',
      'On demand (multiple deploys per day)',
    ];
    durations.forEach((d, k) => {
      expect({ d, s: score(d, 'N/A', 'N/A', 'N/A') }).toEqual({ d, s: k * 2 });
      expect({ d, s: score('N/A', 'N/A', 'N/A', d) }).toEqual({ d, s: k * 2 });
    });
    frequencies.forEach((f, k) => expect({ f, s: score('N/A', f, 'N/A', 'N/A') }).toEqual({ f, s: k * 2 }));
    expect(score('N/A', 'Fewer than once per six months', 'N/A', 'N/A')).toBe(0);
  });

  test('measured values land in the bucket whose words name them', () => {
    const lt = (v: unknown) => score(v, 'N/A', 'N/A', 'N/A');
    expect([
      lt('59 min'),
      lt(1),
      lt('23 hours'),
      lt(24),
      lt('1 week'),
      lt(169),
      lt('1 month'),
      lt('6 months'),
      lt(4381),
    ]).toEqual([10, 8, 8, 6, 6, 4, 4, 2, 0]);
    const df = (v: unknown) => score('N/A', v, 'N/A', 'N/A');
    expect([df('2x/day'), df('daily'), df(0.5), df('weekly'), df('monthly'), df('quarterly'), df('yearly')]).toEqual([
      10, 8, 6, 6, 4, 2, 0,
    ]);
  });

  test('rates 0–100 % → 10–0; the score is the mean of the answered metrics', () => {
    expect(score('N/A', 'N/A', '0%', 'N/A')).toBe(10);
    expect(score('N/A', 'N/A', 0.25, 'N/A')).toBe(7.5);
    expect(score('N/A', 'N/A', 40, 'N/A')).toBe(6);
    expect(score('2 days', '5x/day', 0.15, '30 min')).toBe(8.625);
    expect(score('2 days', '5x/day', 0.15, '30 min', '5%')).toBe((6 + 10 + 8.5 + 10 + 9.5) / 5);
    expect(score('N/A', 'N/A', 'N/A', 'N/A')).toBe('');
  });

  test("the industry mean is the 2025 edition's all-industries figure, as the Quick Check averages it", () => {
    expect(QUICK_CHECK_INDUSTRY_MEAN).toBeCloseTo((5.5 + 4.8 + 7.4 + (10 - 1.9) + (10 - 2.2)) / 5, 12);
  });
});

test("DORA_LEVEL takes DORA's 2023 name, failed deployment recovery time, and keeps time to restore", () => {
  for (const name of ['failed deployment recovery time', 'Failed Deployment Recovery Time', 'time to restore']) {
    expect(plain(run('DORA_LEVEL', name, col('30 min', '5 hours', '3 days', '2 weeks')))).toEqual(
      col('Elite', 'High', 'Medium', 'Low'),
    );
  }
});
