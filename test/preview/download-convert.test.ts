/**
 * The preview's download keeps working without the add-in: every cell typed with one of our functions
 * is written as the templates' native formula where one exists (checked to give the value shown now),
 * a whole-column call as one native formula per cell, anything else as its value; template formulas
 * are left alone; a sheet lists the converted cells with what was typed; formulas are read past texts
 * and quoted sheet names.
 */
import { PreviewWorkbook } from '../../preview/workbook';
import { conversionSummary, convertForDownload } from '../../preview/convert';
import { callsAny, rewriteCalls, topLevelCalls } from '../../preview/formula-calls';
import { compileTemplate } from '../../shared/templates';

function workbook(): PreviewWorkbook {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInputs('Sheet1', 0, 0, [
    [
      '=PRIORITY_SCORE(9,8,5,6)',
      '=ROUND(PRIORITY_SCORE(9,8,5,6),0)+1',
      '=RICE_SCORE(100,2,0.8,4)',
      '=PRIORITY_QUADRANT(9,3)',
    ],
  ]);
  wb.setInputs('Sheet1', 1, 1, [
    ['9', '8', '5', '6'],
    ['3', '2', '2', '1'],
  ]);
  wb.setInput('Sheet1', 1, 5, '=PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,E2:E3)');
  wb.setInputs('Sheet1', 4, 0, [
    ['3'],
    ['4'],
    ['2'],
    ['=HEALTH_SCORE(A5:A7)'],
    ['=HEALTH_STATUS(A8)'],
    ['="PRIORITY_SCORE(1,2,3,4)"'],
  ]);
  return wb;
}

test('each custom-function cell becomes the native formula or its value, and the list says which', () => {
  const c = convertForDownload(workbook());
  expect(c.converted.map((x) => [x.range, x.as, x.reason])).toEqual([
    ['A1', 'native', 'native'],
    ['B1', 'native', 'native'],
    ['C1', 'value', 'no native form'],
    ['D1', 'native', 'native'],
    ['F2:F3', 'native', 'native'],
    ['A8', 'native', 'native'],
    ['A9', 'native', 'native'],
  ]);
  const cells = c.model.sheets[0].cells;
  expect(cells[0]).toEqual([
    '=IF(COUNT(9,8,5,6)<4,"",9*2+8-5*0.5-6)',
    '=ROUND((IF(COUNT(9,8,5,6)<4,"",9*2+8-5*0.5-6)),0)+1',
    40,
    '=IF(COUNT(9,3)<2,"",IF(9>=5.5,IF(3>=5.5,"Plan Carefully","Do Now"),IF(3>=5.5,"Don\'t Do","Do When You Have Time")))',
  ]);
  // A whole-column call: one native formula per row of its result, each reading its own row.
  expect([cells[1][5], cells[2][5]]).toEqual([
    '=IF(COUNT(B2,C2,D2,E2)<4,"",B2*2+C2-D2*0.5-E2)',
    '=IF(COUNT(B3,C3,D3,E3)<4,"",B3*2+C3-D3*0.5-E3)',
  ]);
  expect(cells[7][0]).toBe('=IF(COUNT(A5:A7)=0,"",AVERAGE(A5:A7))');
  expect(cells[8][0]).toBe('=IF(A8="","",IF(A8<2,"Critical",IF(A8<3,"At risk",IF(A8<4,"Healthy","Strong"))))');
  // A text that only looks like a call is not touched.
  expect(cells[9][0]).toBe('="PRIORITY_SCORE(1,2,3,4)"');
  const list = c.model.sheets[c.model.sheets.length - 1];
  expect(list.name).toBe('Converted formulas');
  expect(list.cells[1]).toEqual(['Sheet', 'Cell', 'Formula you typed (without its =)', 'Saved in this file as', 'Why']);
  expect(list.cells[2]).toEqual([
    'Sheet1',
    'A1',
    'PRIORITY_SCORE(9,8,5,6)',
    'IF(COUNT(9,8,5,6)<4,"",9*2+8-5*0.5-6)',
    'the same calculation in the spreadsheet’s own functions',
  ]);
  expect(list.cells[4]).toEqual(['Sheet1', 'C1', 'RICE_SCORE(100,2,0.8,4)', '40', 'its value: no native form']);
  expect(conversionSummary(c)).toBe(
    '7 cells use add-in functions: 6 saved as the spreadsheet\'s own formulas, 1 as its value, so the file works without the add-in (listed on the sheet "Converted formulas").',
  );
});

test('every native formula written gives the value the preview showed (the engine recomputes the converted file)', () => {
  const before = workbook();
  const c = convertForDownload(before);
  const after = new PreviewWorkbook();
  after.insertPlan({
    templateId: 'x',
    title: 'x',
    sheets: c.model.sheets.slice(0, 1).map((s) => ({ ...s, key: 's' })),
    namedRanges: [],
    activate: 's',
  });
  for (const x of c.converted) {
    const [a] = x.range.split(':');
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    expect([x.range, after.value('Sheet1', row, col)]).toEqual([x.range, before.value('Sheet1', row, col)]);
  }
});

test('a native form that would give another result than the one shown is not used: the value is', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  // The core refuses 42 (impact is 1 to 10); the native formula would compute 82.5.
  wb.setInput('Sheet1', 0, 0, '=PRIORITY_SCORE(42,8,5,6)');
  const c = convertForDownload(wb);
  expect(c.converted.map((x) => [x.as, x.reason, x.written])).toEqual([
    ['value', 'the native form gives another result here', '#VALUE!'],
  ]);
  expect(c.model.sheets[0].cells[0][0]).toBe('#VALUE!');
});

test('templates write native formulas; only the sensitivity block calls the add-in, and the download keeps its values', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: new Date(2026, 11, 1) }));
  const c = convertForDownload(wb);
  // RANK_STABILITY and WEIGHT_TIPPING_POINT have no native form (docs/host-api-notes.md): their results are saved as
  // values and listed, as the .xlsx writer saves them; every other template cell is already a native formula.
  expect(c.converted.map((x) => [x.sheet, x.formula.slice(0, x.formula.indexOf('(')), x.as, x.reason])).toEqual([
    ['Prioritization', '=WEIGHT_TIPPING_POINT', 'value', 'no native form'],
    ['Prioritization', '=RANK_STABILITY', 'value', 'no native form'],
  ]);
  expect(c.model.sheets.map((s) => s.name)).toContain('Converted formulas');
  expect(conversionSummary(c)).toMatch(/^2 cells use add-in functions: 2 as their values, /);
});

describe('reading calls in a formula', () => {
  test('names, arguments at the top level, texts and quoted sheet names skipped', () => {
    const f = `=IF(PRIORITY_SCORE('It''s, (odd)'!A1,"(,)",SUM(1,2),4)>1,"a","b")`;
    const [call] = topLevelCalls(f);
    expect(call.name).toBe('IF');
    const inner = topLevelCalls(call.args[0]);
    expect(inner.map((c) => [c.name, c.args])).toEqual([
      ['PRIORITY_SCORE', ["'It''s, (odd)'!A1", '"(,)"', 'SUM(1,2)', '4']],
    ]);
    expect(callsAny(f, new Set(['PRIORITY_SCORE']))).toBe(true);
    expect(callsAny('="PRIORITY_SCORE(1)"&A1', new Set(['PRIORITY_SCORE']))).toBe(false);
  });

  test('rewriting innermost first; an unconvertible call makes the whole formula unconvertible', () => {
    const up = (name: string, args: string[]): string | undefined =>
      name === 'BAD' ? undefined : `${name.toLowerCase()}(${args.join(';')})`;
    expect(rewriteCalls('=A(B(1,2),3)+C()', up)).toBe('=a(b(1;2);3)+c()');
    expect(rewriteCalls('=A(BAD(1))', up)).toBeUndefined();
  });
});

test('a sheet of the user’s already named "Converted formulas" is kept as it is; the list gets a free name', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInput('Sheet1', 0, 0, '=PRIORITY_SCORE(9,8,5,6)');
  wb.addUserSheet('converted Formulas'); // names are the same ignoring case, in both hosts
  wb.setInputs('converted Formulas', 0, 0, [['My notes', 'keep']]);
  const c = convertForDownload(wb);
  const names = c.model.sheets.map((s) => s.name);
  expect(names).toEqual(['Sheet1', 'converted Formulas', 'Converted formulas (2)']);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  expect(c.model.sheets[1].cells[0].slice(0, 2)).toEqual(['My notes', 'keep']);
  expect(c.model.sheets[2].cells[2].slice(0, 3)).toEqual(['Sheet1', 'A1', 'PRIORITY_SCORE(9,8,5,6)']);
  expect(conversionSummary(c)).toContain('(listed on the sheet "Converted formulas (2)")');
});
