/**
 * A Sheets chart is anchored at a cell, and that cell must exist: the impact/effort matrix sits at AK2,
 * past the 26 columns of a new sheet and past the last column the prioritization sheet writes. The
 * executor grows the sheet to the anchor in the same single insertColumnsAfter; the fake rejects an
 * anchor outside the grid the way the Sheets API rejects such an overlay.
 */
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { parseCell } from '../../shared/a1/a1';
import { compileTemplate } from '../../shared/templates/index';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

test('the prioritization charts are anchored beyond the written columns, and the sheet is grown to them once', () => {
  const plan = compileTemplate('prioritization', { example: true });
  const s = plan.sheets[0];
  const anchor = parseCell(s.charts[0].anchor);
  for (const c of s.charts) expect(parseCell(c.anchor).col).toBeGreaterThanOrEqual(anchor.col);
  const widest = Math.max(...s.cells.map((r) => r.length));
  expect(anchor.col).toBeGreaterThan(widest);
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), plan));
  const sheet = fake.ss.sheet(s.name);
  expect(sheet.maxCols).toBeGreaterThanOrEqual(anchor.col);
  expect(sheet.charts).toHaveLength(s.charts.length); // the matrix and the weights' tornado
  expect(fake.recorder.count('service', 'insertColumnsAfter')).toBe(1);
});

test('the fake refuses a chart anchored outside the sheet', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => {
    const sheet = fake.ss.sheet('Sheet1').real();
    const chart = sheet.newChart().addRange(sheet.getRange('A1:B3')).setPosition(2, 37, 0, 0).build();
    expect(() => sheet.insertChart(chart)).toThrow(/outside the sheet/);
  });
});
