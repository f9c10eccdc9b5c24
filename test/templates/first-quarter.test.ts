/**
 * The Prioritization sheet's First quarter, read twice: by its hidden helper columns (startQuarterFormula,
 * startYearFormula) for the sheet's Planned Quarter, and by the core (parseQuarter) for PRIORITY_PLAN, the Strategy Review,
 * the Strategy Document, the roadmap append and Refresh charts. Each setting a person may type reads the same in both
 * ("2028 Q2" once gave quarter 0 and no year on the sheet while the document read Q2 2028).
 */
import { HyperFormula } from 'hyperformula';
import fc from 'fast-check';
import { startQuarterFormula, startYearFormula } from '../../shared/catalogue/prioritization';
import { parseQuarter } from '../../shared/scoring/plan';

type Read = { quarter: number; year?: number } | undefined;

/** Each setting's two helper cells (quarter number, year) as one engine calculates them. */
function helperCells(settings: string[]): unknown[][] {
  const rows = settings.map((s, i) => [
    s === '' ? null : `'${s}`,
    `=${startQuarterFormula(`A${i + 1}`)}`,
    `=${startYearFormula(`A${i + 1}`)}`,
  ]);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
  const out = settings.map((_, row) => [1, 2].map((col) => hf.getCellValue({ sheet: 0, row, col })));
  hf.destroy();
  return out;
}

/** Each setting as the helper columns read it: undefined where the quarter cell is "". */
function sheetReads(settings: string[], year: number): Read[] {
  return helperCells(settings).map(([q, y]): Read => {
    if (typeof q !== 'number') return undefined;
    // A bare quarter is of the current year on the sheet; the core leaves its year to the reader (settingWithYear).
    return { quarter: q, year: typeof y === 'number' && y !== year ? y : undefined };
  });
}

const thisYear = new Date().getFullYear();
const coreReads = (settings: string[]): Read[] =>
  settings.map((s) => {
    const r = parseQuarter(s);
    return r && { quarter: r.quarter, year: r.year === thisYear ? undefined : r.year };
  });

test('every form PRIORITY_PLAN reads, the year first too, reads the same on the sheet and in the core', () => {
  const settings = ['Q3', ' q3 ', 'Q3 2027', 'q3-2027', 'Q3/2027', 'Q 3 - 2027', '2028 Q2', '2028-q2', '2028Q2', ''];
  const want: Read[] = [
    { quarter: 3 },
    { quarter: 3 },
    { quarter: 3, year: 2027 },
    { quarter: 3, year: 2027 },
    { quarter: 3, year: 2027 },
    { quarter: 3, year: 2027 },
    { quarter: 2, year: 2028 },
    { quarter: 2, year: 2028 },
    { quarter: 2, year: 2028 },
    { quarter: 1 },
  ];
  expect(sheetReads(settings, thisYear)).toEqual(want);
  expect(coreReads(settings)).toEqual(want);
});

test('a setting that is no quarter is none on the sheet and in the core, never a quarter 0 or 5', () => {
  const settings = ['soon', 'Q5', 'Q0', 'Q', 'Q 5 2027', '2028', '2028 Q5', '20.5 Q3', 'abcdQ3', '2028 Q', '-'];
  // Digits after the quarter that are no year: "Q 2026" is no "Q2", "Q3 27" no "Q3".
  settings.push('Q 2026', 'Q3 27', 'Q4 20x6', 'Q3 20.5', 'Q1 2027 Q4', 'Q3 1e3');
  expect(sheetReads(settings, thisYear)).toEqual(settings.map(() => undefined));
  expect(coreReads(settings)).toEqual(settings.map(() => undefined));
});

test('a quarter followed by something that is no year ("Q3 FY27") is no quarter on the sheet and in the core', () => {
  // A fiscal year names no calendar year; the plan's quarters would have none, so the setting is to be mended.
  const settings = ['Q3 FY27', 'q2 fy 2027', 'Q4 (2027)', 'Q1.', 'Q3 next year'];
  expect(helperCells(settings).map(([quarter]) => quarter)).toEqual(['', '', '', '', '']);
  expect(settings.map(parseQuarter)).toEqual(settings.map(() => undefined));
});

test('any text of quarter-like characters reads the same on the sheet and in the core', () => {
  const char = fc.constantFrom(...'Qq12345 07-/FY.(+E');
  const noise = fc.array(char, { maxLength: 9 }).map((cs) => cs.join(''));
  const pick = (...xs: string[]) => fc.constantFrom(...xs);
  const [q, digit, sep] = [
    pick('Q', 'q', ' q', 'Q '),
    pick('0', '1', '3', '4', '5', 'x'),
    pick('', ' ', '-', ' / ', '--'),
  ];
  const year = pick('2027', '1999', '0999', '1000', '20.5', '27', '20x6');
  const formed = fc.oneof(
    fc.tuple(q, digit, sep, year).map((p) => p.join('')),
    fc.tuple(year, sep, q, digit).map((p) => p.join('')),
    fc.tuple(q, digit).map((p) => p.join('')),
  );
  const settings = fc.sample(fc.oneof(noise, formed), { numRuns: 400, seed: 2026 });
  const sheet = sheetReads(settings, thisYear);
  const core = coreReads(settings);
  const differ = settings.filter((_, i) => JSON.stringify(sheet[i]) !== JSON.stringify(core[i]));
  expect(differ).toEqual([]);
  // The sample holds quarters of both kinds, so the comparison is not only of refusals.
  expect(core.filter((r) => r?.year !== undefined).length).toBeGreaterThan(3);
  expect(core.filter((r) => r !== undefined && r.year === undefined).length).toBeGreaterThan(3);
  expect(core.filter((r) => r === undefined).length).toBeGreaterThan(3);
});
