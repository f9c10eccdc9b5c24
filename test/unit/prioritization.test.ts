/** Prioritization functions: the seed guide's cases, ranges, broadcasting, blank rows and function-specific rules. */
import { isCellError } from '../../shared/core/values';
import { parseQuarter, planByCapacity, quarterLabel } from '../../shared/scoring/plan';
import { col, errorOf, one, plain, row, run } from './helpers';
import { findFunction, invoke } from '../../shared/functions';

describe('PRIORITY_SCORE', () => {
  test("the seed guide's scorecard rows, by the formula (the guide prints 28 / 24 / 19)", () => {
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6)).toBe(17.5);
    expect(one('PRIORITY_SCORE', 7, 5, 8, 4)).toBe(11);
    expect(one('PRIORITY_SCORE', 4, 3, 7, 5)).toBe(2.5);
  });
  test('a column of projects in one call, blank rows blank, a scalar broadcast', () => {
    expect(plain(run('PRIORITY_SCORE', col(9, 7, '', 4), col(8, 5, '', 3), col(5, 8, '', 7), 6))).toEqual(
      col(17.5, 9, '', 1.5),
    );
  });
  test('bounds of the scale: −12 and 28.5', () => {
    expect(one('PRIORITY_SCORE', 1, 1, 10, 10)).toBe(-12);
    expect(one('PRIORITY_SCORE', 10, 10, 1, 1)).toBe(28.5);
  });
  test('uneven custom weights go to impact, urgency, effort and risk in that order (row or column)', () => {
    // 9×1 + 8×2 − 5×3 − 6×4 = −14: any two weights swapped gives another number.
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6, row(1, 2, 3, 4))).toBe(-14);
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6, col(1, 2, 3, 4))).toBe(-14);
    // Effort weighs 3 and risk 1: a heavier project with the same risk loses 3 per point of effort.
    expect(one('PRIORITY_SCORE', 5, 5, 8, 2, row(2, 1, 3, 1))).toBe(-11);
    expect(one('PRIORITY_SCORE', 5, 5, 2, 8, row(2, 1, 3, 1))).toBe(1);
  });
  test('each input moves the score by its own weight only', () => {
    const w = row(1.5, 2.5, 3.5, 4.5);
    const base = one('PRIORITY_SCORE', 5, 5, 5, 5, w) as number;
    expect(one('PRIORITY_SCORE', 6, 5, 5, 5, w)).toBe(base + 1.5);
    expect(one('PRIORITY_SCORE', 5, 6, 5, 5, w)).toBe(base + 2.5);
    expect(one('PRIORITY_SCORE', 5, 5, 6, 5, w)).toBe(base - 3.5);
    expect(one('PRIORITY_SCORE', 5, 5, 5, 6, w)).toBe(base - 4.5);
  });
  test('weights that are not four numbers of at least 0 are refused, naming the weight and the value', () => {
    expect(errorOf('PRIORITY_SCORE', 9, 8, 5, 6, row(1, 2, 3))).toBe(
      'Weights must be 4 numbers in a 1×4 or 4×1 range (got a 1×3 range)',
    );
    expect(errorOf('PRIORITY_SCORE', 9, 8, 5, 6, col(1, 2, 3, 4, 5))).toBe(
      'Weights must be 4 numbers in a 1×4 or 4×1 range (got a 5×1 range)',
    );
    expect(errorOf('PRIORITY_SCORE', 9, 8, 5, 6, row(1, 2, -1, 1))).toBe(
      'Weights for effort must be a number of at least 0 (got -1)',
    );
    expect(errorOf('PRIORITY_SCORE', 9, 8, 5, 6, row(1, 2, 3, -0.5))).toMatch(/^Weights for risk .* \(got -0\.5\)$/);
  });
  test('a zero weight drops that input; blank weights take the defaults', () => {
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6, row(0, 0, 0, 1))).toBe(-6);
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6, row(0, 0, 1, 0))).toBe(-5);
    expect(one('PRIORITY_SCORE', 9, 8, 5, 6, '')).toBe(17.5);
  });
});

describe('PRIORITY_QUADRANT', () => {
  test('the four quadrants, both styles', () => {
    expect(plain(run('PRIORITY_QUADRANT', col(9, 9, 2, 2), col(2, 9, 2, 9)))).toEqual(
      col('Do Now', 'Plan Carefully', 'Do When You Have Time', "Don't Do"),
    );
    expect(plain(run('PRIORITY_QUADRANT', col(9, 9, 2, 2), col(2, 9, 2, 9), undefined, 'label'))).toEqual(
      col('Quick Win', 'Big Bet', 'Nice to Have', 'Time Sink'),
    );
  });
  test('the threshold is inclusive: 5.5 is high, 5.4 is low; a custom threshold moves it', () => {
    expect(one('PRIORITY_QUADRANT', 5.5, 5.5)).toBe('Plan Carefully');
    expect(one('PRIORITY_QUADRANT', 5.4, 5.4)).toBe('Do When You Have Time');
    expect(one('PRIORITY_QUADRANT', 5, 5, 5)).toBe('Plan Carefully');
  });
  test('style is case-insensitive, blank style and threshold take the defaults', () => {
    expect(one('PRIORITY_QUADRANT', 9, 5, '', ' Label ')).toBe('Quick Win');
    expect(one('PRIORITY_QUADRANT', 9, 5, '', '')).toBe('Do Now');
  });
  test("the seed guide's projects: SSO Do Now, Analytics Plan Carefully, Refactor Don't Do", () => {
    expect(plain(run('PRIORITY_QUADRANT', col(9, 7, 4), col(5, 8, 7)))).toEqual(
      col('Do Now', 'Plan Carefully', "Don't Do"),
    );
  });
});

describe('PRIORITY_PLAN', () => {
  test("the seed guide's Decision column: Q1, Q2, Q3 at 10 points per quarter", () => {
    expect(plain(run('PRIORITY_PLAN', col(17.5, 11, 2.5), col(5, 8, 7), 10))).toEqual(
      col('Q1 2027', 'Q2 2027', 'Q3 2027'),
    );
  });
  test('descending score, first fit: a small late project fills an earlier gap', () => {
    expect(plain(run('PRIORITY_PLAN', col(2.5, 17.5, 11), col(7, 5, 8), 12))).toEqual(
      col('Q1 2027', 'Q1 2027', 'Q2 2027'),
    );
  });
  test('ties keep input order', () => {
    expect(plain(run('PRIORITY_PLAN', col(5, 5, 5), col(6, 6, 6), 10))).toEqual(col('Q1 2027', 'Q2 2027', 'Q3 2027'));
  });
  test('labels roll over the year, with and without a year (without: the current year, 2027 here)', () => {
    expect(plain(run('PRIORITY_PLAN', col(5, 4, 3, 2), col(10, 10, 10, 10), 10, 'Q3 2027'))).toEqual(
      col('Q3 2027', 'Q4 2027', 'Q1 2028', 'Q2 2028'),
    );
    expect(plain(run('PRIORITY_PLAN', col(6, 5, 4, 3, 2, 1), col(10, 10, 10, 10, 10, 10), 10))).toEqual(
      col('Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028', 'Q2 2028'),
    );
    expect(quarterLabel({ quarter: 1 }, 8)).toBe('Q1 Y3');
    // Without a year the plan's first year is bare ("Q3", "Q4"), the next "Y2" (an older workbook's labels).
    expect([0, 1, 2].map((k) => quarterLabel({ quarter: 3 }, k))).toEqual(['Q3', 'Q4', 'Q1 Y2']);
  });
  test('a start quarter without a year is that quarter of the current year: never "Q1 Y2" (#18)', () => {
    const at = (now: Date, ...start: string[]): unknown[][] =>
      plain(
        invoke(findFunction('PRIORITY_PLAN')!, [col(6, 5, 4, 3, 2), col(10, 10, 10, 10, 10), 10, ...start], {
          now: () => now,
        }),
      );
    const nov2026 = new Date(2026, 10, 16, 12);
    expect(at(nov2026, 'Q4')).toEqual(col('Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027'));
    expect(at(nov2026, 'q1')).toEqual(col('Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027'));
    // Left out: Q1 of the current year; the year is the calendar day's, so New Year's Eve is still the old year.
    expect(at(new Date(2027, 11, 31, 23, 30))).toEqual(col('Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028'));
    expect(at(nov2026, 'Q2 2030')).toEqual(col('Q2 2030', 'Q3 2030', 'Q4 2030', 'Q1 2031', 'Q2 2031'));
  });
  test('a row range gives a row', () => {
    expect(plain(run('PRIORITY_PLAN', row(17.5, 11), row(5, 8), 10))).toEqual(row('Q1 2027', 'Q2 2027'));
  });
  test('blank rows stay blank and take no capacity; bad rows are errors and take no capacity', () => {
    const out = plain(run('PRIORITY_PLAN', col(20, '', 'x', 10, 5), col(6, '', 4, -1, 4), 10));
    expect(out).toEqual(
      col(
        'Q1 2027',
        '',
        { error: 'Score must be a number (got "x")' },
        { error: 'Effort must be a number greater than 0 (got -1)' },
        'Q1 2027',
      ),
    );
  });
  test('half-blank row: the blank one is named', () => {
    expect(plain(run('PRIORITY_PLAN', col(20, 10), col(6, ''), 10))).toEqual(
      col('Q1 2027', { error: 'Effort must be a number greater than 0 (got a blank cell)' }),
    );
  });
  test('a project bigger than the capacity gets an error saying so; the others are still planned', () => {
    expect(plain(run('PRIORITY_PLAN', col(20, 10), col(12, 4), 10))).toEqual(
      col({ error: 'Effort 12 is more than the capacity of 10 per quarter' }, 'Q1 2027'),
    );
  });
  test('a project exactly the capacity fits; fractional efforts are not lost to rounding', () => {
    expect(plain(run('PRIORITY_PLAN', col(3, 2, 1), col(0.1, 0.2, 0.7), 1))).toEqual(
      col('Q1 2027', 'Q1 2027', 'Q1 2027'),
    );
  });
  test('shapes: a 2-D block, mismatched sizes and a range capacity are refused', () => {
    expect(
      errorOf(
        'PRIORITY_PLAN',
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ),
    ).toBe('Score must be a single column or row (got a 2×2 range)');
    expect(errorOf('PRIORITY_PLAN', col(1, 2, 3), col(1, 2), 10)).toBe(
      'Score is a 3×1 range but Effort is a 2×1 range: give ranges of the same size',
    );
    expect(errorOf('PRIORITY_PLAN', col(1, 2), col(1, 2), col(10, 10))).toBe(
      'Capacity must be a single cell (got a 2×1 range)',
    );
    expect(errorOf('PRIORITY_PLAN', col(1, 2), col(1, 2), 10, 'next year')).toBe(
      'Start quarter must be a quarter like "Q1" or "Q3 2027" (got "next year")',
    );
  });
  test('quarter texts', () => {
    expect(parseQuarter('q3 2027')).toEqual({ quarter: 3, year: 2027 });
    expect(parseQuarter('Q3-2027')).toEqual({ quarter: 3, year: 2027 });
    expect(parseQuarter('2027 Q3')).toEqual({ quarter: 3, year: 2027 });
    expect(parseQuarter('Q2')).toEqual({ quarter: 2 });
    expect(parseQuarter('Q0')).toBeUndefined();
    expect(parseQuarter('Q1 27')).toBeUndefined();
  });
  test('a start quarter: spaces, "-" and "/" are dropped, as the sheet drops them; a tab or a fiscal year is none', () => {
    const start = (text: string) => plain(run('PRIORITY_PLAN', col(1), col(1), 10, text))[0][0];
    expect(start('2027Q3')).toBe('Q3 2027');
    expect(start('2027 - q3')).toBe('Q3 2027');
    expect(start('Q2 ')).toBe('Q2 2027'); // a bare quarter: the current year, 2027 here
    expect(start('Q3 / 2027 ')).toBe('Q3 2027');
    expect(start('Q32027')).toBe('Q3 2027');
    expect(start('q 4-2027')).toBe('Q4 2027');
    for (const text of ['Q3\t2027', 'Q3\u00a02027', '27 Q3', 'Q3 FY27', 'Q3 27', 'Q5']) {
      expect(errorOf('PRIORITY_PLAN', col(1), col(1), 10, text)).toBe(
        `Start quarter must be a quarter like "Q1" or "Q3 2027" (got "${text}")`,
      );
    }
  });
  test('a higher score further down the list is planned first', () => {
    expect(plain(run('PRIORITY_PLAN', col(1, 9, 5), col(10, 10, 10), 10))).toEqual(
      col('Q3 2027', 'Q1 2027', 'Q2 2027'),
    );
  });
  test('five full-quarter projects: the fifth opens the next year, whatever the number of projects', () => {
    for (const n of [3, 5, 7]) {
      const labels = ['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028', 'Q2 2028', 'Q3 2028'].slice(0, n);
      const scores = Array.from({ length: n }, (_, i) => n - i);
      expect(plain(run('PRIORITY_PLAN', col(...scores), col(...scores.map(() => 10)), 10))).toEqual(col(...labels));
    }
  });
  test('an effort a rounding error (1e-9) above the capacity, or above what a quarter has left, still fits', () => {
    expect(plain(run('PRIORITY_PLAN', col(2, 1), col(10.000000001, 10), 10))).toEqual(col('Q1 2027', 'Q2 2027'));
    expect(plain(run('PRIORITY_PLAN', col(2, 1), col(5, 5.000000001), 10))).toEqual(col('Q1 2027', 'Q1 2027'));
  });
  test('10,000 projects are all planned and never exceed the capacity of any quarter (speed: npm run bench)', () => {
    const n = 10000;
    const items = Array.from({ length: n }, (_, i) => ({ score: (i * 7919) % 1000, effort: 1 + ((i * 31) % 10) }));
    const placed = planByCapacity(items, 10);
    expect(placed).toHaveLength(n);
    const load = new Map<number, number>();
    placed.forEach((p, i) => {
      if (!p || 'tooBig' in p) throw new Error('unexpected');
      load.set(p.quarter, (load.get(p.quarter) ?? 0) + items[i].effort);
    });
    for (const v of load.values()) expect(v).toBeLessThanOrEqual(10);
  });
});

describe('RICE_SCORE', () => {
  test('reach × impact × confidence ÷ effort, confidence as a fraction or a percentage', () => {
    expect(one('RICE_SCORE', 2000, 2, 0.8, 4)).toBe(800);
    expect(one('RICE_SCORE', 2000, 2, 80, 4)).toBe(800);
    expect(one('RICE_SCORE', 1000, 1, 1, 2)).toBe(500); // 1 = 100%, not 1%
    expect(one('RICE_SCORE', 1000, 0.25, 100, 1)).toBe(250);
    expect(one('RICE_SCORE', 0, 3, 0.5, 1)).toBe(0);
  });
  test('a column at once', () => {
    expect(plain(run('RICE_SCORE', col(100, 200), 1, col(0.5, 50), 2))).toEqual(col(25, 50));
  });
});

describe('ICE_SCORE', () => {
  test('product by default, average on request', () => {
    expect(one('ICE_SCORE', 8, 7, 9)).toBe(504);
    expect(one('ICE_SCORE', 10, 10, 10)).toBe(1000);
    expect(one('ICE_SCORE', 8, 7, 9, 'average')).toBe(8);
    expect(one('ICE_SCORE', 8, 7, 9, 'MEAN')).toBe(8);
  });
});

describe('WSJF', () => {
  test('cost of delay ÷ job size', () => {
    expect(one('WSJF', 8, 5, 3, 2)).toBe(8);
    expect(one('WSJF', 20, 13, 8, 1)).toBe(41);
    expect(one('WSJF', 0, 0, 0, 5)).toBe(0);
  });
  test('job size 0 is an error, never Infinity or a silent 1', () => {
    const r = one('WSJF', 8, 5, 3, 0);
    expect(isCellError(r)).toBe(true);
  });
});
