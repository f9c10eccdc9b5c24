/**
 * Progress History's Value reads as the metric is written (issue #18, "Noticed, left alone"): "Record snapshot" gives
 * each line's Value its own number format — a percentage with the decimals typed, an amount with its currency
 * symbol, General otherwise; a theme's % complete as a percentage, the health score with one decimal — so the cell
 * shows "99.5%" and "$1,200", not "0.995" and "1200.000". The same in Google Sheets (getDisplayValues), Excel
 * (Range.text), the preview's grid and the .xlsx it downloads (each cell's number format).
 */
import ExcelJS from 'exceljs';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { recordSnapshot } from '../../apps-script/src/strategy/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel } from '../../excel-addin/src/strategy/snapshot';
import { PreviewWorkbook } from '../../preview/workbook';
import { readPreviewSheets, recordPreviewSnapshot } from '../../preview/snapshot';
import { workbookModel } from '../../preview/model-export';
import { formatValue } from '../../shared/core/number-format';
import { compileTemplate } from '../../shared/templates/index';
import { valueFormat } from '../../shared/strategy/snapshot';
import { writeXlsx } from '../../xlsx/writer';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';

const NOW = new Date(2026, 11, 1, 12);
const plan = () => compileTemplate('strategy-workbook', { example: true, now: NOW });
const DASHBOARD = 'Metrics Dashboard';
const HISTORY = 'Progress History';
/** The Metrics Dashboard's Current column (0-based). */
const CURRENT = plan()
  .sheets.find((s) => s.name === DASHBOARD)!
  .cells[0].indexOf('Current');
/** What the manager types as the four metrics' current values (a Text column: kept as typed in every host). */
const TYPED = ['99.5%', '$1,200', '€300K', '45'];
/** What History's Value shows for them: the typed form (an amount in thousands as the amount METRIC_VALUE reads). */
const SHOWN = ['99.5%', '$1,200', '€300,000', '45'];

/** History's first snapshot as shown: [What, Value shown, As Written] per line. */
type Shown = [string, string, string][];

/** What a line's Value must show: the metrics as SHOWN, a theme's % complete and the health score as written. */
function expected(lines: Shown): Shown {
  let metric = 0;
  return lines.map(([what, , written]) => {
    if (what === 'Metric') return [what, SHOWN[metric++], written];
    return [what, what === 'Health score' ? written.replace(/ \(.*\)$/, '') : written, written];
  });
}

test('each written form has its format', () => {
  expect(TYPED.map(valueFormat)).toEqual(['0.0%', '"$"#,##0', '"€"#,##0', 'General']);
  expect(['>99.9%', '$12.50', '<200ms', 45, '2%'].map(valueFormat)).toEqual([
    '0.0%',
    '"$"#,##0.00',
    'General',
    'General',
    '0%',
  ]);
});

test('Google Sheets: getDisplayValues of the Value column shows what was typed', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => {
    const ss = fake.ss.real();
    applyPlanSheets(ss, plan());
    ss.getSheetByName(DASHBOARD)!
      .getRange(2, CURRENT + 1, TYPED.length, 1)
      .setValues(TYPED.map((v) => [v]));
    recordSnapshot();
    const h = ss.getSheetByName(HISTORY)!;
    const n = h.getLastRow() - 1;
    const shown = h.getRange(2, 2, n, 4).getDisplayValues();
    const lines: Shown = shown.map((r) => [r[0], r[2], r[3]]);
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });
});

test('Excel: Range.text of the Value column shows what was typed', async () => {
  const host = new FakeExcelHost();
  const ctx = () => host.context() as unknown as Excel.RequestContext;
  await applyPlanExcel(ctx(), plan());
  const c = ctx();
  c.workbook.worksheets.getItem(DASHBOARD).getRangeByIndexes(1, CURRENT, TYPED.length, 1).values = TYPED.map((v) => [
    v,
  ]);
  await c.sync();
  await recordSnapshotExcel(ctx());
  const r = ctx();
  const range = r.workbook.worksheets.getItem(HISTORY).getRange('B2:E10').load('text');
  await r.sync();
  const lines: Shown = range.text.map((row) => [row[0], row[2], row[3]]);
  expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
  expect(lines).toEqual(expected(lines));
});

// The Metrics Dashboard alone (the snapshot inserts Progress History): the full workbook's .xlsx takes seconds to write.
describe('the preview and its .xlsx download', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('metrics', { example: true, now: NOW }));
  TYPED.forEach((v, i) => wb.setInput(DASHBOARD, 1 + i, CURRENT, v));
  recordPreviewSnapshot(wb, NOW);
  const history = readPreviewSheets(wb).find((s) => s.name === HISTORY)!;
  const rows = history.rows.slice(1).filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== '');

  test('the grid shows the Value as typed', () => {
    const lines: Shown = rows.map((r, i) => [String(r[1]), history.shown![i + 1][3] ?? '', String(r[4])]);
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });

  test('the .xlsx gives each Value cell the format that shows it so', async () => {
    const bytes = await writeXlsx(ExcelJS, workbookModel(wb), { title: 'Technical strategy' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(HISTORY)!;
    const lines: Shown = rows.map((r, i) => {
      const cell = sheet.getCell(`D${i + 2}`);
      return [String(r[1]), formatValue(cell.value, cell.numFmt), String(sheet.getCell(`E${i + 2}`).value)];
    });
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });
});
