/**
 * The preview's download opened where the add-in is not installed: LibreOffice, forced to recalculate
 * every formula on load (as Google Sheets does on import), shows the values the preview showed — 17.5
 * for `=PRIORITY_SCORE(9,8,5,6)` typed in a cell — while the same workbook written without the
 * conversion shows an error there. Needs `soffice` (Debian: libreoffice-calc); skipped with a message
 * only outside CI.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convertForDownload } from '../../preview/convert';
import { PreviewWorkbook } from '../../preview/workbook';
import { writeXlsx } from '../../xlsx/writer';
import { recalculateToCsv, sofficePath } from '../cli/soffice';
import { describeNeeding } from '../harness/tools';

const soffice = sofficePath();
const describeLo = describeNeeding('soffice');

/** What a user typed in the preview's Sheet1. */
function typed(): PreviewWorkbook {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInputs('Sheet1', 0, 0, [
    ['=PRIORITY_SCORE(9,8,5,6)', '=RICE_SCORE(100,2,0.8,4)', '=PRIORITY_QUADRANT(9,3)', '=HEALTH_STATUS(2.5)'],
  ]);
  wb.setInputs('Sheet1', 1, 1, [
    ['9', '8', '5', '6'],
    ['3', '2', '2', '1'],
  ]);
  wb.setInput('Sheet1', 1, 5, '=PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,E2:E3)');
  wb.setInputs('Sheet1', 4, 0, [['3'], ['4'], ['2'], ['=HEALTH_SCORE(A5:A7)']]);
  return wb;
}

describeLo('LibreOffice opens the preview’s download without the add-in', () => {
  let dir: string;
  let converted: string[][];
  let unconverted: string[][];
  let list: string[][];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-download-'));
    const wb = typed();
    const good = path.join(dir, 'converted.xlsx');
    const bad = path.join(dir, 'as-typed.xlsx');
    fs.writeFileSync(good, await writeXlsx(ExcelJS, convertForDownload(wb).model));
    fs.writeFileSync(bad, await writeXlsx(ExcelJS, wb.toModel()));
    const csv = recalculateToCsv(soffice!, [good, bad], dir);
    converted = csv.get(good)!.get('Sheet1')!;
    list = csv.get(good)!.get('Converted formulas')!;
    unconverted = csv.get(bad)!.get('Sheet1')!;
  }, 180000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('=PRIORITY_SCORE(9,8,5,6) typed in the preview shows 17.5 after a full recalculation', () => {
    expect(converted[0][0]).toBe('17.5');
  });

  test('every converted cell shows the value the preview showed', () => {
    expect(converted[0].slice(0, 4)).toEqual(['17.5', '40', 'Do Now', 'At risk']);
    expect([converted[1][5], converted[2][5]]).toEqual(['17.5', '6']);
    expect(converted[7][0]).toBe('3');
  });

  test('the same workbook saved as typed shows errors instead: the conversion is what makes it work', () => {
    expect(unconverted[0][0]).toMatch(/^(#NAME\?|Err:)/);
  });

  test('the file lists the converted cells with the formulas that were typed', () => {
    expect(list[1]).toEqual(['Sheet', 'Cell', 'Formula you typed (without its =)', 'Saved in this file as', 'Why']);
    expect(list.slice(2).map((r) => [r[1], r[2]])).toEqual([
      ['A1', 'PRIORITY_SCORE(9,8,5,6)'],
      ['B1', 'RICE_SCORE(100,2,0.8,4)'],
      ['C1', 'PRIORITY_QUADRANT(9,3)'],
      ['D1', 'HEALTH_STATUS(2.5)'],
      ['F2:F3', 'PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,E2:E3)'],
      ['A8', 'HEALTH_SCORE(A5:A7)'],
    ]);
  });
});
