/**
 * Every reader of cell text in the core runs in linear time, and reads exactly what the regular expressions
 * it replaced read (issue #11).
 *
 *  1. Same results: on generated metric-, number-, date- and quarter-like texts, each scanner gives what the
 *     replaced regular expression gave (test/property/regex-oracle.ts, kept verbatim as the oracle).
 *  2. Linear cost, measured without a clock: `scanCost.steps` counts the characters the scanners look at. On
 *     every hostile family (test/harness/hostile-texts.ts) the steps at 50,000 characters are at most ~10×
 *     those at 5,000 (a quadratic reader would take 100×) and at most a small multiple of the length.
 *  3. The length cap: a text argument over MAX_PARSED_TEXT characters gets a message naming the argument,
 *     the length and the limit, without being parsed.
 */
import fc from 'fast-check';
import { isNumericText, MAX_PARSED_TEXT, normaliseChoice, readIsoDate } from '../../shared/core/args';
import { scanCost } from '../../shared/core/scan';
import { isCellError } from '../../shared/core/values';
import { parseMonth } from '../../shared/dates/quarter';
import { findFunction, invoke, REGISTRY } from '../../shared/functions';
import { isRangeParam } from '../../shared/functions/spec';
import { parseMetricText, parseNumericText } from '../../shared/metrics/value';
import { parseQuarter } from '../../shared/scoring/plan';
import { BENCH_INPUTS } from '../../scripts/bench-inputs';
import { HOSTILE_TEXTS } from '../harness/hostile-texts';
import {
  isNumericTextRegex,
  parseMetricTextRegex,
  parseMonthRegex,
  parseQuarterRegex,
  readIsoDateRegex,
} from './regex-oracle';

/** Pieces people (and fuzzers) put in metric cells; strings are built by concatenating a few of them. */
const PIECES = [
  ...'0123456789',
  ...',.eE+-$€£¥%/ \t\u00a0',
  ...'kKmMbBtTxXsShdwyqQaAnNpPrlLiIoOuU',
  '1,000',
  ',000',
  '2027',
  'per ',
  'a ',
  'an ',
  'times',
  'daily',
  'weekly',
  'hours',
  'ms',
  'min',
  'months',
  'mo',
  'bn',
  'mm',
  'at most',
  'at least',
  'up to',
  'under',
  'over',
  'more than',
  'less than',
  '<',
  '<=',
  '>',
  '>=',
  '≤',
  '≥',
  'n/a',
  'N/A',
  'n.a.',
  'NA',
  '—',
  '–',
  'Q',
  'q',
  'sept',
  'July',
  '\u212a', // Kelvin sign: lower-cases to an ASCII "k"
  'İ', // lower-cases to two code units
  'experiments',
  '/',
  ' / ',
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));
const RUNS = { numRuns: 4000 };

describe('the scanners read what the replaced regular expressions read', () => {
  test('metric texts in numeric form (parseNumericText; the wordings after it are bounded to 100 characters)', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(parseNumericText(t)).toEqual(parseMetricTextRegex(t));
      }),
      RUNS,
    );
  });
  test('numbers stored as text (isNumericText)', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(isNumericText(t)).toBe(isNumericTextRegex(t));
      }),
      RUNS,
    );
  });
  test('ISO dates (readIsoDate)', () => {
    const dates = fc
      .array(fc.constantFrom(...'0123456789-/ \tx', '2027', '12', '031'), { maxLength: 8 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(texts, dates), (t) => {
        expect(readIsoDate(t)).toEqual(readIsoDateRegex(t));
      }),
      RUNS,
    );
  });
  test('quarters (parseQuarter)', () => {
    const quarters = fc
      .array(fc.constantFrom(...'qQ12345-/ \t\u00a0x', '2027', '202', '20271'), { maxLength: 7 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(texts, quarters), (t) => {
        expect(parseQuarter(t)).toEqual(parseQuarterRegex(t));
      }),
      RUNS,
    );
  });
  test('months (parseMonth)', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(parseMonth(t)).toBe(parseMonthRegex(t));
      }),
      RUNS,
    );
  });
  test('the documented examples still read the same', () => {
    for (const t of ['$1M', '<200ms', '5x/day', '10x/week', '99.9%', '4.5/5', '100+', 'N/A', '2 times a week'])
      expect(parseNumericText(t)).toEqual(parseMetricTextRegex(t));
    for (const t of ['Q1', 'q3 2027', 'Q3-2027', '2027 Q3', 'Q3\t2027', 'Q3 - 2027'])
      expect(parseQuarter(t)).toEqual(parseQuarterRegex(t));
  });
});

/** The readers of cell text, each as text → anything. */
const READERS: Record<string, (t: string) => unknown> = {
  parseMetricText,
  isNumericText,
  readIsoDate,
  parseQuarter,
  normaliseChoice,
};

function steps(read: (t: string) => unknown, text: string): number {
  scanCost.steps = 0;
  read(text);
  return scanCost.steps;
}

describe('linear cost on hostile texts, counted in steps (no clock)', () => {
  const cases = Object.keys(READERS).flatMap((r) => Object.keys(HOSTILE_TEXTS).map((h) => [r, h] as const));
  test.each(cases)('%s on %s', (reader, family) => {
    const read = READERS[reader];
    const make = HOSTILE_TEXTS[family];
    const small = steps(read, make(5000));
    const large = steps(read, make(50000));
    // Linear: ten times the text, at most about ten times the steps (a quadratic reader: a hundred times),
    // and a bounded number of steps per character.
    expect(large).toBeLessThanOrEqual(10 * small + 100);
    expect(large).toBeLessThanOrEqual(8 * 50000 + 100);
  });

  test('the counter counts: a scanner that reads the text does take steps in proportion to it', () => {
    expect(steps(isNumericText, '1'.repeat(50000))).toBeGreaterThanOrEqual(50000);
    expect(steps(parseMetricText, '1'.repeat(50000) + 'x')).toBeGreaterThanOrEqual(50000);
    // A First quarter of spaces only is read to its end (it is Q1, a blank setting).
    expect(steps(parseQuarter, ' '.repeat(50000))).toBeGreaterThanOrEqual(50000);
  });
});

describe('a text argument longer than MAX_PARSED_TEXT is refused with a clear message', () => {
  const ctx = { now: () => new Date(2027, 3, 1, 12) };
  test('the message names the argument, the length and the limit', () => {
    const r = invoke(findFunction('PRIORITY_SCORE')!, ['1'.repeat(50000) + 'x', 5, 5, 5], ctx)[0][0];
    expect(isCellError(r) && r.message).toBe(
      'Impact is too long to be a number from 1 to 10 (a text of 50,001 characters; at most 1,000 are read)',
    );
  });
  test('every text parameter of every function: 50,000 characters give that error, at the limit the text is read', () => {
    for (const spec of REGISTRY) {
      spec.params.forEach((p, i) => {
        if (isRangeParam(p)) return;
        // One valid row (the benchmark's data), with this argument's first cell replaced by the long text.
        const args = BENCH_INPUTS[spec.name](1);
        const long = 'x'.repeat(50000);
        args[i] = Array.isArray(args[i]) ? [[long, ...(args[i] as unknown[][])[0].slice(1)]] : long;
        const r = invoke(spec, args, ctx)
          .flat()
          .find((v) => isCellError(v));
        expect([spec.name, p.name, isCellError(r) && r.message]).toEqual([
          spec.name,
          p.name,
          `${p.label} is too long to be ${p.type.expects} (a text of 50,000 characters; at most 1,000 are read)`,
        ]);
      });
    }
    // Exactly MAX_PARSED_TEXT characters are still read (and found not to be a number).
    const atLimit = invoke(findFunction('PRIORITY_SCORE')!, ['1'.repeat(MAX_PARSED_TEXT - 1) + 'x', 5, 5, 5], ctx);
    expect(isCellError(atLimit[0][0]) && atLimit[0][0].message).toMatch(/^Impact must be a number from 1 to 10/);
  });
});
