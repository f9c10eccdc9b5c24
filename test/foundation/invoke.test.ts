/** The broadcasting engine every registry entry shares (shared/functions/invoke.ts), through PRIORITY_SCORE. */
import fc from 'fast-check';
import { isCellError, type Result } from '../../shared/core/values';
import { findFunction, invoke } from '../../shared/functions';

const PS = findFunction('PRIORITY_SCORE')!;
const run = (...args: unknown[]): Result[][] => invoke(PS, args);
const scale = fc.integer({ min: 1, max: 10 });
const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe('PRIORITY_SCORE laws', () => {
  test('monotonic in impact and urgency, anti-monotonic in effort and risk', () => {
    fc.assert(
      fc.property(scale, scale, scale, scale, fc.constantFrom(0, 1, 2, 3), (i, u, e, r, which) => {
        const base = [i, u, e, r];
        const up = base.slice();
        if (up[which] === 10) return;
        up[which] += 1;
        const a = run(...base)[0][0] as number;
        const b = run(...up)[0][0] as number;
        if (which < 2) expect(b).toBeGreaterThan(a);
        else expect(b).toBeLessThan(a);
      }),
      { numRuns: 300 },
    );
  });

  test('scores stay within −12 … 28.5 on the 1–10 scales', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (i, u, e, r) => {
          const s = run(i, u, e, r)[0][0] as number;
          expect(s).toBeGreaterThanOrEqual(-12 - 1e-9);
          expect(s).toBeLessThanOrEqual(28.5 + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('broadcasting shape laws', () => {
  test('N×1 ranges give N×1 results; a scalar broadcasts against them; row r equals the scalar call on row r', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(scale, scale, scale), { minLength: 1, maxLength: 30 }), scale, (rows, risk) => {
        const out = run(col(rows.map((r) => r[0])), col(rows.map((r) => r[1])), col(rows.map((r) => r[2])), risk);
        expect(out.length).toBe(rows.length);
        out.forEach((row, k) => {
          expect(row.length).toBe(1);
          expect(row[0]).toBe(run(rows[k][0], rows[k][1], rows[k][2], risk)[0][0]);
        });
      }),
      { numRuns: 100 },
    );
  });

  test('a 2-D block gives a block of the same shape', () => {
    const out = run(
      [
        [9, 7],
        [4, 10],
      ],
      8,
      5,
      6,
    );
    expect(out).toEqual([
      [17.5, 13.5],
      [7.5, 19.5],
    ]);
  });

  test('ranges of different sizes give one clear error naming both arguments', () => {
    const out = run(col([1, 2, 3]), col([1, 2]), 5, 5);
    expect(out).toHaveLength(1);
    expect(String((out[0][0] as { message: string }).message)).toBe(
      'Impact is a 3×1 range but Urgency is a 2×1 range: give ranges of the same size, or single cells',
    );
  });

  test('rows whose range inputs are all blank stay blank; a partly blank row names the blank argument', () => {
    const out = run(col([9, null, '', 4]), col([8, null, '  ', '']), 5, 6);
    expect(out[0][0]).toBe(17.5);
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toBe('');
    expect((out[3][0] as { message: string }).message).toBe('Urgency must be a number from 1 to 10 (got a blank cell)');
  });

  test('a bad single cell against a range: per row the first bad argument in parameter order wins, blank rows stay blank', () => {
    const msg = (r: Result): string => (r as { message: string }).message;
    const out = run(col([9, 'high', null]), 11, 5, 6);
    expect(msg(out[0][0])).toBe('Urgency must be a number from 1 to 10 (got 11)');
    expect(msg(out[1][0])).toBe('Impact must be a number from 1 to 10 (got "high")');
    expect(out[2][0]).toBe('');
    const later = run(9, col([8, 'x', null]), 'bad', 6);
    expect(msg(later[0][0])).toBe('Effort must be a number from 1 to 10 (got "bad")');
    expect(msg(later[1][0])).toBe('Urgency must be a number from 1 to 10 (got "x")');
    expect(later[2][0]).toBe('');
  });

  test('a single-cell call with every argument blank is blank', () => {
    expect(run('', '', [[null]], '')).toEqual([['']]);
  });

  test('a missing required argument and a ragged range are errors, not exceptions', () => {
    expect((run(9, 8, 5)[0][0] as { message: string }).message).toBe(
      'Risk is required: PRIORITY_SCORE takes (impact, urgency, effort, risk, [weights])',
    );
    expect((run([[1, 2], [3]], 8, 5, 6)[0][0] as { message: string }).message).toBe(
      'Impact must be a cell or a range (got a range with rows of different lengths)',
    );
    expect((run([], 8, 5, 6)[0][0] as { message: string }).message).toBe(
      'Impact must be a cell or a range (got an empty range)',
    );
  });
});

describe('bad input never throws and never gives a silent number', () => {
  const bad = fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -1,
      0,
      10.5,
      11,
      1e9,
      '#N/A',
      '#REF!',
      { code: '#DIV/0!' },
      {},
      new Date(NaN),
    ),
  );
  test('any invalid value in any position yields an error naming that argument', () => {
    const labels = ['Impact', 'Urgency', 'Effort', 'Risk'];
    fc.assert(
      fc.property(bad, fc.integer({ min: 0, max: 3 }), (v, pos) => {
        if (typeof v === 'string' && v.trim() === '') return; // blank is tested separately
        const args: unknown[] = [5, 5, 5, 5];
        args[pos] = v;
        const out = run(...args);
        expect(isCellError(out[0][0])).toBe(true);
        expect((out[0][0] as { message: string }).message.startsWith(labels[pos])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('an error object is named by its code or its ErrorCode name; any other code is just an unsupported value', () => {
    const msg = (v: unknown): string => (run(v, 5, 5, 5)[0][0] as { message: string }).message;
    expect(msg({ code: '#DIV/0!' })).toBe('Impact must be a number from 1 to 10 (got the error #DIV/0!)');
    expect(msg({ code: 'notAvailable' })).toBe('Impact must be a number from 1 to 10 (got the error #N/A)');
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(msg({ code })).toBe('Impact must be a number from 1 to 10 (got an unsupported value)');
    }
  });

  test('arbitrary arguments of any shape never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 6 }), (args) => {
        const out = run(...args);
        expect(Array.isArray(out) && out.length > 0).toBe(true);
        for (const row of out)
          for (const r of row)
            expect(typeof r === 'number' ? Number.isFinite(r) : typeof r === 'string' || isCellError(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates and time zones', () => {
  const { dateArg, dateToSerial } = require('../../shared/core/args');
  test('a bare Date is the day of its UTC instant, time of day dropped (adapters hand days at UTC midnight)', () => {
    for (const hours of [0, 6, 12, 18, 23.99])
      expect(dateToSerial(new Date(Date.UTC(2027, 2, 31) + hours * 3600000))).toBe(46477);
    expect(dateToSerial(new Date(Date.UTC(2027, 2, 31) - 1))).toBe(46476);
  });
  test('a Sheets date (midnight in the sheet zone, −12 h to +14 h) read with its zone is the same day', () => {
    const { dayOfFromFormatter, datesAsDays } = require('../../shared/dates/calendar-day');
    for (const offsetH of [-12, -8, 0, 5.5, 13, 14]) {
      const instant = new Date(Date.UTC(2027, 2, 31) - offsetH * 3600000);
      const inZone = (d: Date): string => new Date(d.getTime() + offsetH * 3600000).toISOString().slice(0, 10);
      const [day] = datesAsDays([instant], dayOfFromFormatter(inZone));
      expect(dateToSerial(day)).toBe(46477);
    }
  });
  test('ISO text and serials are dates; impossible dates are not', () => {
    const t = dateArg();
    expect(t.coerce('2027-03-31')).toBe(46477);
    expect(t.coerce(46477.75)).toBe(46477);
    expect(t.coerce('2027-02-30')).toEqual({ mismatch: true });
    expect(t.coerce('next week')).toEqual({ mismatch: true });
  });
});
