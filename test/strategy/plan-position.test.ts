/**
 * Where a quarter stands in the plan (shared/strategy/plan-position.ts), as the Strategy Review and the Strategy
 * Document read it: the Prioritization sheet's First quarter setting ("" is Q1, "Q3 2027" has a year), a planned
 * quarter's place in the plan (1 = the First quarter; "Q1 Y2" is a year on), the plan quarter a day falls in, and the
 * roadmap quarter a row shows (typed, else the plan quarter Q1–Q4 of its Start). Pure; expected values by hand.
 */
import { emptyData } from '../../shared/strategy/data';
import { datePlanPosition, planPosition, planStart, roadmapRowQuarter } from '../../shared/strategy/plan-position';
import { parseQuarter, type QuarterStart } from '../../shared/scoring/plan';
import { ymdToSerial } from '../../shared/core/args';

describe('the First quarter setting', () => {
  test('blank is Q1 with no year; a quarter alone; a quarter and its year; spaces around are ignored', () => {
    expect(parseQuarter('')).toEqual({ quarter: 1 });
    expect(parseQuarter('   ')).toEqual({ quarter: 1 });
    expect(parseQuarter('Q3')).toEqual({ quarter: 3, year: undefined });
    expect(parseQuarter('Q3 2027')).toEqual({ quarter: 3, year: 2027 });
    expect(parseQuarter('  Q2 2026  ')).toEqual({ quarter: 2, year: 2026 });
  });

  test('a text after the quarter, digits that are no year, or no quarter number make it none', () => {
    // A fiscal year names no calendar year: the sheet says "Check First quarter" rather than guess one.
    for (const s of ['Q3 FY27', 'q2 fy 2027', 'Q4 (2027)', 'Q1.', 'Q3 next year'])
      expect([s, parseQuarter(s)]).toEqual([s, undefined]);
    // Digits after the quarter that are no year make it none: "Q 2026" is no "Q2".
    expect(parseQuarter('Q4 20x6')).toBeUndefined();
    // Spaces, "-" and "/" are dropped before reading, as the helper columns do: "Q12026" is Q1 2026, "2028 Q2" Q2 2028.
    expect(parseQuarter('Q12026')).toEqual({ quarter: 1, year: 2026 });
    expect(parseQuarter('2028 Q2')).toEqual({ quarter: 2, year: 2028 });
    expect(parseQuarter('Q5 2027')).toBeUndefined();
    // A year is four characters from 1000: 1000 is one, 0999 and five digits are not.
    expect(parseQuarter('Q3 1000')).toEqual({ quarter: 3, year: 1000 });
    expect(parseQuarter('1000 Q3')).toEqual({ quarter: 3, year: 1000 });
    expect(parseQuarter('Q3 0999')).toBeUndefined();
    expect(parseQuarter('Q3 12345')).toBeUndefined();
    // Three characters are no year, even one that reads 1000 ("1e3"): the sheet's LEN(…)=6 refuses it too.
    expect(parseQuarter('Q3 1e3')).toBeUndefined();
    expect(parseQuarter('Q3 999')).toBeUndefined();
    // The year first: four characters, then "Q" and a quarter number, then nothing.
    for (const s of ['0999 Q3', '12028 Q2', '2028 Q22', '2028 X2', '2028 Q5', 'abcd Q3', '2028 Q'])
      expect([s, parseQuarter(s)]).toEqual([s, undefined]);
    expect(parseQuarter('Q')).toBeUndefined();
    expect(parseQuarter('Q 2026')).toBeUndefined();
    expect(parseQuarter('Qx 2026')).toBeUndefined();
  });

  test('a workbook without the setting plans from Q1; with it, from what it says', () => {
    expect(planStart(emptyData())).toEqual({ quarter: 1, year: undefined });
    expect(planStart({ ...emptyData(), planStart: 'Q3 2027' })).toEqual({ quarter: 3, year: 2027 });
    expect(planStart({ ...emptyData(), planStart: '' })).toEqual({ quarter: 1 });
  });
});

describe("a planned quarter's place in the plan", () => {
  const fromQ1: QuarterStart = { quarter: 1 };
  const fromQ3: QuarterStart = { quarter: 3, year: 2026 };

  test('a bare quarter counts from the First quarter', () => {
    expect(planPosition('Q1', fromQ1)).toBe(1);
    expect(planPosition('Q4', fromQ1)).toBe(4);
    expect(planPosition('Q3', fromQ3)).toBe(1);
    expect(planPosition(' Q4 ', fromQ3)).toBe(2);
  });

  test('"Q<n> Y<k>" is k − 1 years on', () => {
    // From Q3: Q3 Q4 (1, 2), then Q1 Y2 is the third quarter, Q2 Y2 the fourth, Q3 Y2 the fifth.
    expect(planPosition('Q1 Y2', fromQ3)).toBe(3);
    expect(planPosition('Q3 Y2', fromQ3)).toBe(5);
    expect(planPosition('Q2 Y1', fromQ1)).toBe(2);
    expect(planPosition('Q1 Y10', fromQ1)).toBe(37);
  });

  test('"Q<n> <year>" counts years from the First quarter\'s year, and needs that year', () => {
    expect(planPosition('Q4 2026', fromQ3)).toBe(2);
    expect(planPosition('Q2 2027', fromQ3)).toBe(4);
    expect(planPosition('Q3 2027', fromQ3)).toBe(5);
    expect(planPosition('Q2 2027', { quarter: 3 })).toBeUndefined();
  });

  test('what is not a quarter has no place', () => {
    for (const label of ['', 'Backlog', 'q2', 'Q', 'Q ', 'Q 2027', 'Qx', 'Q1 Yx', 'Q1 20xx', 'Beyond Q4'])
      expect({ label, at: planPosition(label, fromQ3) }).toEqual({ label, at: undefined });
    expect(planPosition('Q2', undefined)).toBeUndefined();
  });
});

describe('the plan quarter a day falls in', () => {
  const fromQ3: QuarterStart = { quarter: 3, year: 2026 };

  test('counted in calendar quarters from the First quarter', () => {
    expect(datePlanPosition(ymdToSerial(2026, 7, 1), fromQ3)).toBe(1);
    expect(datePlanPosition(ymdToSerial(2026, 9, 30), fromQ3)).toBe(1);
    expect(datePlanPosition(ymdToSerial(2026, 10, 1), fromQ3)).toBe(2);
    expect(datePlanPosition(ymdToSerial(2027, 6, 30), fromQ3)).toBe(4);
    expect(datePlanPosition(ymdToSerial(2027, 7, 1), fromQ3)).toBe(5);
    expect(datePlanPosition(ymdToSerial(2026, 6, 30), fromQ3)).toBe(0);
    expect(datePlanPosition(ymdToSerial(2026, 1, 15), { quarter: 1, year: 2026 })).toBe(1);
  });

  test('a plan whose First quarter has no year places no day', () => {
    expect(datePlanPosition(ymdToSerial(2026, 7, 1), { quarter: 3 })).toBeUndefined();
    expect(datePlanPosition(ymdToSerial(2026, 7, 1), undefined)).toBeUndefined();
  });
});

describe('the roadmap quarter of a row', () => {
  const fromQ3: QuarterStart = { quarter: 3, year: 2026 };

  test('the Quarter as typed, trimmed, whatever its Start', () => {
    expect(roadmapRowQuarter({ quarter: ' Q2 Y2 ', start: ymdToSerial(2026, 7, 1) }, fromQ3)).toBe('Q2 Y2');
    expect(roadmapRowQuarter({ quarter: 'Later' }, fromQ3)).toBe('Later');
  });

  test('a blank Quarter: the plan quarter of its Start, Q1 to Q4 only', () => {
    expect(roadmapRowQuarter({ quarter: '', start: ymdToSerial(2026, 7, 1) }, fromQ3)).toBe('Q1');
    expect(roadmapRowQuarter({ quarter: '  ', start: ymdToSerial(2026, 11, 20) }, fromQ3)).toBe('Q2');
    expect(roadmapRowQuarter({ quarter: '', start: ymdToSerial(2027, 6, 30) }, fromQ3)).toBe('Q4');
    expect(roadmapRowQuarter({ quarter: '', start: ymdToSerial(2027, 7, 1) }, fromQ3)).toBe('');
    expect(roadmapRowQuarter({ quarter: '', start: ymdToSerial(2026, 6, 30) }, fromQ3)).toBe('');
    expect(roadmapRowQuarter({ quarter: '' }, fromQ3)).toBe('');
    expect(roadmapRowQuarter({ quarter: '', start: ymdToSerial(2026, 7, 1) }, { quarter: 3 })).toBe('');
  });
});
