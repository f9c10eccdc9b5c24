/**
 * Values keep the form they were typed in (issue #18, item 4): in a Text ("@") cell the preview keeps
 * "99.5%", "$0" and "€300K" as the texts typed (the Metrics Dashboard's value columns), as both hosts do;
 * elsewhere "99.5%", "$1,200" and a date become numbers with the format the hosts give them, the grid
 * and the formula bar show them as typed, undo restores them with their format, and the .xlsx holds
 * the number with its format (read back with ExcelJS), never a bare fraction.
 */
import ExcelJS from 'exceljs';
import { PreviewWorkbook } from '../../preview/workbook';
import { History } from '../../preview/history';
import { setCells } from '../../preview/commands';
import { formatValue } from '../../preview/page/format';
import { typedNumber } from '../../preview/typed-values';
import { previewStrategyMarkdown, recordPreviewSnapshot } from '../../preview/snapshot';
import { compileTemplate } from '../../shared/templates';
import { writeXlsx } from '../../xlsx/writer';

describe('typedNumber: how the hosts read a typed value', () => {
  test.each([
    ['99.5%', 0.995, '0.00%', '99.50%'],
    ['40%', 0.4, '0%', '40%'],
    ['-5%', -0.05, '0%', '-5%'],
    ['$1,200', 1200, '"$"#,##0', '$1,200'],
    ['$0', 0, '"$"#,##0', '$0'],
    ['$1,200.5', 1200.5, '"$"#,##0.00', '$1,200.50'],
    ['12,500', 12500, '#,##0', '12,500'],
    ['2027-03-31', 46477, 'yyyy-mm-dd', '2027-03-31'],
    ['31/03/2027', 46477, 'yyyy-mm-dd', '2027-03-31'],
  ])('%s → %d shown with %s as %s', (typed, value, format, shown) => {
    const n = typedNumber(typed)!;
    expect(n.value).toBeCloseTo(value, 12);
    expect(n.format).toBe(format);
    expect(formatValue(n.value, n.format)).toBe(shown);
  });

  test.each(['€300K', '$250K', '99.5', '1,20', 'abc', '2027-02-30', '5x/day', '<200ms'])(
    '%s is left to the engine (a text, or a plain number)',
    (typed) => expect(typedNumber(typed)).toBeUndefined(),
  );
});

describe('the preview workbook keeps typed values as the hosts do', () => {
  const metrics = (): PreviewWorkbook => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('metrics', { example: false }));
    return wb;
  };
  /** Baseline, Current and Target of the Metrics Dashboard (Text "@" columns). */
  const valueCols = (wb: PreviewWorkbook): number[] =>
    ['Baseline', 'Current', 'Target'].map((h) => {
      const header = Array.from({ length: 30 }, (_, c) => wb.inputOf('Metrics Dashboard', 0, c));
      return header.indexOf(h);
    });

  test('a Text cell keeps "99.5%", "$0" and "€300K" as typed: value, formula bar and the .xlsx', async () => {
    const wb = metrics();
    const [b, c, t] = valueCols(wb);
    expect(Math.min(b, c, t)).toBeGreaterThan(0);
    wb.setInput('Metrics Dashboard', 1, b, '$0');
    wb.setInput('Metrics Dashboard', 1, c, '99.5%');
    wb.setInput('Metrics Dashboard', 1, t, '€300K');
    expect([b, c, t].map((col) => wb.value('Metrics Dashboard', 1, col))).toEqual(['$0', '99.5%', '€300K']);
    expect(wb.inputOf('Metrics Dashboard', 1, c)).toBe('99.5%');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(ExcelJS, wb.toModel())) as never);
    const row = book.getWorksheet('Metrics Dashboard')!.getRow(2);
    expect([b, c, t].map((col) => row.getCell(col + 1).value)).toEqual(['$0', '99.5%', '€300K']);
  });

  test('elsewhere a typed percentage, dollar amount or date is a number with the host’s format', async () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInputs('Sheet1', 0, 0, [['99.5%', '$1,200', '2027-03-31', 'plain', '7']]);
    expect([0, 1, 2, 3, 4].map((c) => wb.value('Sheet1', 0, c))).toEqual([0.995, 1200, 46477, 'plain', 7]);
    expect([0, 1, 2].map((c) => wb.typedAt('Sheet1', 0, c)?.format)).toEqual(['0.00%', '"$"#,##0', 'yyyy-mm-dd']);
    expect([0, 1, 2].map((c) => wb.inputOf('Sheet1', 0, c))).toEqual(['99.5%', '$1,200', '2027-03-31']);
    expect(wb.typedAt('Sheet1', 0, 4)).toBeUndefined();
    // A formula reads the number.
    wb.setInput('Sheet1', 1, 0, '=A1*2');
    expect(wb.value('Sheet1', 1, 0)).toBeCloseTo(1.99, 12);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(ExcelJS, wb.toModel())) as never);
    const cells = [1, 2, 3].map((c) => book.getWorksheet('Sheet1')!.getRow(1).getCell(c));
    expect(cells.map((x) => [x.value, x.numFmt])).toEqual([
      [0.995, '0.00%'],
      [1200, '"$"#,##0'],
      [new Date(Date.UTC(2027, 2, 31)), 'yyyy-mm-dd'],
    ]);
  });

  test('overwriting drops the typed format; undo brings the value back with it', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    const history = new History(wb);
    history.run(setCells('Edit A1', 'Sheet1', 0, 0, [['99.5%']]));
    history.run(setCells('Edit A1', 'Sheet1', 0, 0, [['5']]));
    expect(wb.value('Sheet1', 0, 0)).toBe(5);
    expect(wb.typedAt('Sheet1', 0, 0)).toBeUndefined();
    history.undo();
    expect(wb.value('Sheet1', 0, 0)).toBe(0.995);
    expect(wb.typedAt('Sheet1', 0, 0)?.format).toBe('0.00%');
    expect(wb.inputOf('Sheet1', 0, 0)).toBe('99.5%');
    history.redo();
    expect(wb.inputOf('Sheet1', 0, 0)).toBe('5');
  });

  test('"99.5%" typed as the current value is recorded and documented as typed', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('strategy-workbook', { example: true }));
    const c = valueCols(wb)[1];
    wb.setInput('Metrics Dashboard', 1, c, '99.5%');
    recordPreviewSnapshot(wb);
    expect([3, 4].map((col) => wb.value('Progress History', 1, col))).toEqual([0.995, '99.5%']);
    const md = previewStrategyMarkdown(wb);
    expect(md).toContain('| 99.5% |');
    expect(md).not.toContain('0.995');
  });
});
