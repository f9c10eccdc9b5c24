/**
 * The exact native formula the preview's download writes for a custom-function cell, as whoever opens the
 * file reads it in the formula bar: an argument that is one token (a cell, a sheet-qualified or absolute
 * reference, a range, a number, a name, a text) is written bare, any other expression in parentheses; a
 * call over ranges becomes one formula per cell of its result, reading that cell's row (a column range) or
 * column (a row range); a single-cell range reads that cell; ranges of another length than the result
 * cannot broadcast, so the value is written. The "Converted formulas" sheet lists each with its reason.
 * Every native formula here is also checked by the conversion itself to give the value the preview shows.
 */
import { PreviewWorkbook } from '../../preview/workbook';
import { blankMeta } from '../../preview/sheet-meta';
import { conversionSummary, convertForDownload, type Conversion } from '../../preview/convert';
import { HEADER_STYLE } from '../../shared/compiler/compile';
import type { SheetPlan } from '../../shared/plan/plan';

const ROWS = [
  ['9', '8', '5', '6'],
  ['3', '2', '2', '1'],
  ['4', '4', '4', '4'],
  ['2', '2', '2', '2'],
];

function sheetPlan(key: string, name: string, cells: SheetPlan['cells']): SheetPlan {
  return { ...blankMeta(key, name), cells };
}

/** A workbook with the same numbers at B2:E5 on three sheets, 7,6,5,4 / 5,5,5,5 at AA10:AD11, and the name Team_score (3). */
function workbook(): PreviewWorkbook {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.addUserSheet('My Sheet');
  wb.addUserSheet('Other');
  for (const s of ['Sheet1', 'My Sheet', 'Other']) wb.setInputs(s, 1, 1, ROWS);
  wb.setInputs('Sheet1', 9, 26, [
    ['7', '6', '5', '4'],
    ['5', '5', '5', '5'],
  ]);
  wb.insertPlan({
    templateId: 'x',
    title: 'x',
    sheets: [sheetPlan('s', 'Scores', [[3]])],
    namedRanges: [{ key: 'n', name: 'Team_score', sheet: 's', range: 'A1' }],
    activate: 's',
  });
  return wb;
}

/** Converts a workbook where `formula` is typed in Sheet1!H1 (its result may spill down or right). */
function convert(formula: string): { c: Conversion; cells: SheetPlan['cells'] } {
  const wb = workbook();
  wb.setInput('Sheet1', 0, 7, formula);
  const c = convertForDownload(wb);
  return { c, cells: c.model.sheets[0].cells };
}

/** What the download writes for a formula typed alone in a cell (one cell of result). */
function written(formula: string): string {
  const { c } = convert(formula);
  expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([['H1', 'native', 'native']]);
  return c.model.sheets[0].cells[0][7] as string;
}

const score = (i: string, u: string, e: string, r: string): string =>
  `=IF(COUNT(${i},${u},${e},${r})<4,"",${i}*2+${u}-${e}*0.5-${r})`;
const status = (x: string): string =>
  `=IF(${x}="","",IF(${x}<2,"Critical",IF(${x}<3,"At risk",IF(${x}<4,"Healthy","Strong"))))`;

describe('one-token arguments are written bare, expressions in parentheses', () => {
  test('references to other sheets (quoted or not), absolute and mixed references', () => {
    expect(written("=PRIORITY_SCORE('My Sheet'!B2,Other!C2,$D$2,B$2)")).toBe(
      score("'My Sheet'!B2", 'Other!C2', '$D$2', 'B$2'),
    );
    expect(written('=PRIORITY_SCORE($AA$10,$AB10,AC$10,$AD$11)')).toBe(score('$AA$10', '$AB10', 'AC$10', '$AD$11'));
  });

  test('a call inside a larger formula keeps its parentheses; a formula that is one call needs none', () => {
    expect(written('=10-PRIORITY_SCORE(9,8,5,6)')).toBe(`=10-(${score('9', '8', '5', '6').slice(1)})`);
    expect(written('=PRIORITY_SCORE(9,8,5,6)')).toBe(score('9', '8', '5', '6'));
  });

  test('expressions, whatever token they start or end with, are parenthesised', () => {
    expect(written('=PRIORITY_SCORE(C2-1,9-1,2*3,B3+B4)')).toBe(score('(C2-1)', '(9-1)', '(2*3)', '(B3+B4)'));
  });

  test('numbers of two digits or with decimals, names and texts', () => {
    expect(written('=PRIORITY_SCORE(10,2.25,1e+1,1.5)')).toBe(score('10', '2.25', '10', '1.5'));
    expect(written('=HEALTH_STATUS(Team_score)')).toBe(status('Team_score'));
    expect(written('=HEALTH_STATUS("")')).toBe(status('""'));
  });
});

describe('a call over ranges: one native formula per cell of its result', () => {
  test('column ranges on other sheets and absolute: each row reads its own row', () => {
    const { c, cells } = convert("=PRIORITY_SCORE('My Sheet'!B2:B3,Other!C2:C3,$D$2:$D$3,E2:E3)");
    expect(c.converted.map((x) => [x.range, x.as, x.written])).toEqual([
      ['H1:H2', 'native', score("'My Sheet'!B2", 'Other!C2', 'D2', 'E2')],
    ]);
    expect([cells[0][7], cells[1][7]]).toEqual([
      score("'My Sheet'!B2", 'Other!C2', 'D2', 'E2'),
      score("'My Sheet'!B3", 'Other!C3', 'D3', 'E3'),
    ]);
  });

  test('two-letter columns and rows past 9', () => {
    const { cells } = convert('=PRIORITY_SCORE(AA10:AA11,AB10:AB11,AC10:AC11,AD10:AD11)');
    expect([cells[0][7], cells[1][7]]).toEqual([
      score('AA10', 'AB10', 'AC10', 'AD10'),
      score('AA11', 'AB11', 'AC11', 'AD11'),
    ]);
  });

  test('row ranges: each column of the result reads its own column', () => {
    const { c, cells } = convert('=PRIORITY_SCORE(B2:C2,Other!B3:C3,B4:C4,B5:C5)');
    expect(c.converted.map((x) => [x.range, x.as])).toEqual([['H1:I1', 'native']]);
    expect(cells[0].slice(7, 9)).toEqual([score('B2', 'Other!B3', 'B4', 'B5'), score('C2', 'Other!C3', 'C4', 'C5')]);
    expect([cells[1][7] ?? null, cells[1][8] ?? null]).toEqual([null, null]); // nothing written below the result
  });

  test('a single-cell range reads that cell, on its sheet', () => {
    expect(written('=HEALTH_STATUS(B3:B3)')).toBe(status('B3'));
    expect(written('=HEALTH_STATUS(Other!B3:B3)')).toBe(status('Other!B3'));
    expect(written("=HEALTH_STATUS('My Sheet'!$B$3:$B$3)")).toBe(status("'My Sheet'!B3"));
    // Beside ranges of the result's length, it is the same cell for every cell of the result.
    const down = convert('=PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,$E$2:$E$2)').cells;
    expect([down[0][7], down[1][7]]).toEqual([score('B2', 'C2', 'D2', '$E$2'), score('B3', 'C3', 'D3', '$E$2')]);
    const right = convert('=PRIORITY_SCORE(B2:C2,B3:C3,B4:C4,Other!B5:B5)').cells;
    expect(right[0].slice(7, 9)).toEqual([score('B2', 'B3', 'B4', 'Other!B5'), score('C2', 'C3', 'C4', 'Other!B5')]);
  });

  test('ranges of another length than the result: every cell of it is written as its value', () => {
    const wb = workbook();
    wb.setInput('Sheet1', 0, 7, '=PRIORITY_SCORE(B2:B3,C2:C4,D2:D3,E2:E3)');
    wb.setInput('Sheet1', 3, 7, '=1+1'); // the user's formula just below the result stays a formula
    const c = convertForDownload(wb);
    const cells = c.model.sheets[0].cells;
    expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([['H1:H3', 'value', 'no native form']]);
    // What the preview shows there: the function refuses ranges of different sizes.
    expect([cells[0][7], cells[1][7], cells[2][7], cells[3][7]]).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '=1+1']);
    const row = convert('=PRIORITY_SCORE(B2:C2,B3:D3,B4:C4,B5:C5)');
    expect(row.c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([['H1:J1', 'value', 'no native form']]);
    expect(row.cells[0].slice(7)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!']);
    expect(row.cells[0][6] ?? null).toBe(null); // the cell before it is not touched
  });
});

describe('what cannot be written natively is written as its value', () => {
  test('an expression over a range cannot broadcast: the values are written', () => {
    for (const f of ['=PRIORITY_SCORE(B2:B3,C2:C3,1*D2:D3,E2:E3)', '=PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,E2:E3*1)']) {
      const { c, cells } = convert(f);
      expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([
        ['H1:H2', 'value', 'the native form gives another result here'],
      ]);
      expect([cells[0][7], cells[1][7]]).toEqual(['#VALUE!', '#VALUE!']);
    }
  });

  test('a result over rows and columns has no native form; every cell is written', () => {
    const { c, cells } = convert('=PRIORITY_SCORE(B2:C3,B2:C3,5,6)');
    expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([['H1:I2', 'value', 'no native form']]);
    expect([cells[0].slice(7), cells[1].slice(7)]).toEqual([
      [18.5, 15.5],
      [0.5, -2.5],
    ]);
  });

  test('an argument in error: the native formula when it shows the same error, else the value', () => {
    const wb = workbook();
    wb.setInput('Sheet1', 19, 1, '=1+"a"'); // B20: #VALUE!
    wb.setInput('Sheet1', 0, 7, '=HEALTH_STATUS(B20)');
    wb.setInput('Sheet1', 1, 7, '=HEALTH_STATUS(1/0)'); // the function says #VALUE!, the native formula #DIV/0!
    const c = convertForDownload(wb);
    expect(c.converted.map((x) => [x.range, x.as, x.written])).toEqual([
      ['H1', 'native', status('B20')],
      ['H2', 'value', '#VALUE!'],
    ]);
  });
});

test('a trailing empty argument is dropped; a text that only looks like a call is left as typed', () => {
  const wb = workbook();
  wb.setInput('Sheet1', 0, 7, '=PRIORITY_SCORE(9,8,5,6,)');
  wb.setInput('Sheet1', 1, 7, 'PRIORITY_SCORE(9,8,5,6) is our score');
  const c = convertForDownload(wb);
  expect(c.converted.map((x) => [x.range, x.as, x.written])).toEqual([['H1', 'native', score('9', '8', '5', '6')]]);
  expect(c.model.sheets[0].cells[1][7]).toBe('PRIORITY_SCORE(9,8,5,6) is our score');
});

test('a result spilling past the last row and column of the sheet: the cells are added, those before it left blank', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInputs('Sheet1', 0, 0, [
    ['9', '8', '5', '6'],
    ['3', '2', '2', '1'],
  ]);
  wb.setInput('Sheet1', 1, 5, '=PRIORITY_SCORE(A1:A2,B1:B2,C1:C2,D1:D2)'); // F2:F3: row 3 is past the data
  const cells = convertForDownload(wb).model.sheets[0].cells;
  expect(cells).toEqual([
    [9, 8, 5, 6],
    [3, 2, 2, 1, null, score('A1', 'B1', 'C1', 'D1')],
    [null, null, null, null, null, score('A2', 'B2', 'C2', 'D2')],
  ]);
});

describe('what the page and the list sheet say', () => {
  test('one cell saved natively: the summary in the singular, the list sheet as written', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInput('Sheet1', 0, 0, '=HEALTH_STATUS(3)');
    const c = convertForDownload(wb);
    expect(conversionSummary(c)).toBe(
      '1 cell uses add-in functions: 1 saved as the spreadsheet\'s own formula, so the file works without the add-in (listed on the sheet "Converted formulas").',
    );
    expect(c.model.sheets[1]).toEqual({
      key: 'converted',
      name: 'Converted formulas',
      cells: [
        [
          'These cells used Tech Strategy Toolkit functions, which calculate only where the add-in is installed. So that this file shows the right values in Excel, LibreOffice and Google Sheets without it, each was saved as below.',
          null,
          null,
          null,
          null,
        ],
        ['Sheet', 'Cell', 'Formula you typed (without its =)', 'Saved in this file as', 'Why'],
        [
          'Sheet1',
          'A1',
          'HEALTH_STATUS(3)',
          status('3').slice(1),
          'the same calculation in the spreadsheet’s own functions',
        ],
      ],
      headerRows: 2,
      frozenRows: 2,
      frozenColumns: 0,
      columnWidths: [140, 90, 340, 340, 300],
      formats: [
        { range: 'A2:E2', style: HEADER_STYLE },
        { range: 'A1', style: { bold: true } },
      ],
      numberFormats: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
    });
  });

  test('values only, one or several: "its value" and "their values"', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInput('Sheet1', 0, 0, '=RICE_SCORE(100,2,0.8,4)');
    expect(conversionSummary(convertForDownload(wb))).toBe(
      '1 cell uses add-in functions: 1 as its value, so the file works without the add-in (listed on the sheet "Converted formulas").',
    );
    wb.setInput('Sheet1', 1, 0, '=RICE_SCORE(10,2,0.8,4)');
    expect(conversionSummary(convertForDownload(wb))).toBe(
      '2 cells use add-in functions: 2 as their values, so the file works without the add-in (listed on the sheet "Converted formulas").',
    );
  });
});

test('a formula the engine cannot read (a text with a doubled quote) is written as the error it shows, not a crash', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInput('Sheet1', 0, 0, '=PRIORITY_QUADRANT(9,3,"a""b")');
  const c = convertForDownload(wb);
  expect(c.converted.map((x) => [x.range, x.as, x.reason, x.written])).toEqual([
    ['A1', 'value', 'the native form gives another result here', '#ERROR!'],
  ]);
});

test('too few or too many arguments: no native form, the value (the error shown) is written', () => {
  const wb = workbook();
  wb.setInput('Sheet1', 0, 7, '=PRIORITY_QUADRANT(9)');
  wb.setInput('Sheet1', 1, 7, '=PRIORITY_SCORE(9,8,5,6,7)');
  const c = convertForDownload(wb);
  expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([
    ['H1', 'value', 'no native form'],
    ['H2', 'value', 'no native form'],
  ]);
  expect([c.model.sheets[0].cells[0][7], c.model.sheets[0].cells[1][7]]).toEqual(c.converted.map((x) => x.written));
  expect(c.converted.every((x) => x.written.startsWith('#'))).toBe(true);
});

test('a text result with no native form is written as that text', () => {
  const wb = workbook();
  wb.setInput('Sheet1', 0, 7, '=PRIORITY_QUADRANT(9,3,5.5,"label")');
  const c = convertForDownload(wb);
  expect(c.converted.map((x) => [x.as, x.reason, x.written])).toEqual([['value', 'no native form', 'Quick Win']]);
  expect(c.model.sheets[0].cells[0][7]).toBe('Quick Win');
});
