/** Technical health: HEALTH_SCORE over rows, columns and blocks, and HEALTH_STATUS bands. */
import { healthScore, healthStatus } from '../../shared/health/scorecard';
import { col, errorOf, one, plain, row, run } from './helpers';

describe('HEALTH_SCORE', () => {
  test("the seed guide's scorecard (3, 4, 2, 3, 2, 4) scores 3, as a row or as a column", () => {
    expect(one('HEALTH_SCORE', row(3, 4, 2, 3, 2, 4))).toBe(3);
    expect(one('HEALTH_SCORE', col(3, 4, 2, 3, 2, 4))).toBe(3);
  });
  test('weights: security counts double; a weight row works with a rating column', () => {
    expect(one('HEALTH_SCORE', row(3, 4, 2, 3, 2, 4), row(1, 1, 2, 1, 1, 1))).toBeCloseTo(20 / 7, 12);
    expect(one('HEALTH_SCORE', col(3, 4, 2, 3, 2, 4), row(1, 1, 2, 1, 1, 1))).toBeCloseTo(20 / 7, 12);
  });
  test('blank ratings are ignored with their weights', () => {
    expect(one('HEALTH_SCORE', row(4, '', 5))).toBe(4.5);
    expect(one('HEALTH_SCORE', row(4, '', 5), row(1, 100, 3))).toBe(4.75);
  });
  test('a block gives one score per row; a blank row stays blank; a bad rating spoils only its row', () => {
    const block = [
      [3, 4, 2],
      ['', '', ''],
      [5, '', 4],
      [3, 'good', 4],
    ];
    expect(plain(run('HEALTH_SCORE', block))).toEqual(
      col(3, '', 4.5, { error: 'Rating must be a number from 1 to 5 (got "good")' }),
    );
  });
  test('a row with nothing rated is blank; a single cell is its own score', () => {
    expect(one('HEALTH_SCORE', row('', '', ''))).toBe('');
    expect(one('HEALTH_SCORE', 4)).toBe(4);
  });
  test('weight problems', () => {
    expect(errorOf('HEALTH_SCORE', row(3, 4, 2), row(1, 1))).toBe(
      'Weights must have one number per rating: 3 ratings but 2 weights',
    );
    expect(
      errorOf(
        'HEALTH_SCORE',
        [
          [3, 4],
          [2, 5],
        ],
        row(1, 1, 1),
      ),
    ).toBe('Weights must have one number per rating: 2 ratings per row but 3 weights');
    expect(
      errorOf('HEALTH_SCORE', row(3, 4), [
        [1, 1],
        [1, 1],
      ]),
    ).toBe('Weights must be a single row or column of numbers (got a 2×2 range)');
    expect(errorOf('HEALTH_SCORE', row(3, 4), row(1, ''))).toBe(
      'Weights must be numbers of at least 0 (got a blank cell at position 2)',
    );
    expect(errorOf('HEALTH_SCORE', row(3, 4), row(1, '#REF!'))).toBe(
      'Weights must be numbers of at least 0 (got the error #REF! at position 2)',
    );
    expect(errorOf('HEALTH_SCORE', row(3, ''), row(0, 1))).toBe(
      'Weights of the rated dimensions add up to 0: give at least one rated dimension a weight above 0',
    );
  });
  test('errors inside ratings name the value', () => {
    expect(errorOf('HEALTH_SCORE', row(3, true))).toBe('Rating must be a number from 1 to 5 (got TRUE)');
    expect(errorOf('HEALTH_SCORE', row(3, { code: '#N/A' }))).toBe(
      'Rating must be a number from 1 to 5 (got the error #N/A)',
    );
    expect(errorOf('HEALTH_SCORE', row(3, '4'))).toBe(
      'Rating is a number stored as text; enter it as a number: "4"; it must be a number from 1 to 5',
    );
  });
  test('huge weights are a weighted mean, never an overflow clamped to 5', () => {
    expect(one('HEALTH_SCORE', 3.5, 1e308)).toBe(3.5);
    expect(one('HEALTH_SCORE', row(2, 4), row(1.7e308, 1.7e308))).toBe(3);
    expect(one('HEALTH_SCORE', row(1, 5), row(1.5e308, 0.5e308))).toBeCloseTo(2, 12);
    expect(one('HEALTH_SCORE', row(2, 4), row(5e-324, 5e-324))).toBe(3);
    expect(healthScore([1, 5], [Number.MAX_VALUE, 0])).toBe(1);
  });
  test('domain function', () => {
    expect(healthScore([undefined, undefined])).toBeUndefined();
    expect(healthScore([2, 4], [3, 1])).toBe(2.5);
  });
});

describe('HEALTH_STATUS', () => {
  test('bands: < 2 Critical, < 3 At risk, < 4 Healthy, ≥ 4 Strong', () => {
    expect(plain(run('HEALTH_STATUS', col(1, 1.99, 2, 2.99, 3, 3.99, 4, 5)))).toEqual(
      col('Critical', 'Critical', 'At risk', 'At risk', 'Healthy', 'Healthy', 'Strong', 'Strong'),
    );
  });
  test('chains with HEALTH_SCORE', () => {
    expect(healthStatus(healthScore([3, 4, 2, 3, 2, 4])!)).toBe('Healthy');
  });
});
