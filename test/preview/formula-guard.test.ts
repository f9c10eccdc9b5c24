/**
 * The preview survives formulas that would exhaust the page (issue #22): a range of more than a million cells or a
 * REPT longer than a cell holds gives a #VALUE! error saying why, within bounded time and memory, while the cell
 * keeps the formula the user typed (formula bar, copy, undo, download); ordinary formulas are untouched.
 */
import { PreviewWorkbook } from '../../preview/executor';
import { guardFormula, oversizeRange, unguard } from '../../preview/engine/guard';
import { workbookModel } from '../../preview/model-export';

const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
const error = (v: unknown): { value: string; message: string } => v as { value: string; message: string };

test('=SUM(A3:XFD39999): a clear #VALUE! error, fast; the cell keeps the typed formula', () => {
  const before = process.memoryUsage().heapUsed;
  wb.setInput('Sheet1', 0, 0, '=SUM(A3:XFD39999)');
  const v = error(wb.value('Sheet1', 0, 0));
  expect(v.value).toBe('#VALUE!');
  expect(v.message).toBe(
    'The range A3:XFD39999 covers 655,310,848 cells; the preview computes ranges of at most 1,000,000 cells. Use a smaller range.',
  );
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  expect(wb.inputOf('Sheet1', 0, 0)).toBe('=SUM(A3:XFD39999)');
  expect(wb.inputs('Sheet1', { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([['=SUM(A3:XFD39999)']]);
  const cells = workbookModel(wb).sheets[0].cells;
  expect(cells[0][0]).toBe('=SUM(A3:XFD39999)'); // the download holds the formula as typed: Excel computes it
});

test('=REPT("x",100000000): #VALUE! saying a cell holds at most 32,767 characters; a short REPT works', () => {
  wb.setInput('Sheet1', 1, 0, '=REPT("x",100000000)');
  expect(error(wb.value('Sheet1', 1, 0)).message).toBe(
    'REPT would make 100,000,000 characters; a cell holds at most 32,767.',
  );
  wb.setInput('Sheet1', 1, 1, '=REPT("ab",3)');
  expect(wb.value('Sheet1', 1, 1)).toBe('ababab');
  wb.setInput('Sheet1', 1, 2, '=LEN(REPT("x",32767))');
  expect(wb.value('Sheet1', 1, 2)).toBe(32767);
});

test('which ranges are too large: cell ranges, whole columns and rows; texts and sheet names are not ranges', () => {
  expect(oversizeRange('=SUM(A1:B2)')).toBeUndefined();
  expect(oversizeRange('=SUM(A1:A1000000)')).toBeUndefined();
  expect(oversizeRange('=SUM(A1:B1000000)')).toEqual({ ref: 'A1:B1000000', cells: 2_000_000 });
  expect(oversizeRange('=SUM(A:A)')).toEqual({ ref: 'A:A', cells: 1_048_576 });
  expect(oversizeRange('=SUM($A:$C)')?.cells).toBe(3 * 1_048_576);
  expect(oversizeRange('=SUM(1:100)')?.cells).toBe(100 * 16_384);
  expect(oversizeRange('=COUNTIF(\'A:Z data\'!A1:A5,"A1:XFD9")')).toBeUndefined();
  expect(oversizeRange('=SUM(Sheet2!A1:XFD1)')).toBeUndefined(); // 16,384 cells, under MAX_RANGE_CELLS
  expect(unguard(guardFormula('=SUM(A:D)&"say ""hi"""'))).toBe('=SUM(A:D)&"say ""hi"""');
  expect(guardFormula('=SUM(A1:B2)')).toBe('=SUM(A1:B2)');
});
