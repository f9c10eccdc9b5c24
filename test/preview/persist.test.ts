/**
 * The preview's work survives a reload (issue #22): the workbook saved as text (what the page keeps in the
 * browser's storage) restores every sheet in order with its cells, formats, charts and the workbook names, and
 * computes the same values; a damaged or foreign saved text starts a fresh workbook instead of failing.
 */
import { PreviewWorkbook } from '../../preview/executor';
import { restoreWorkbook, saveWorkbook } from '../../preview/persist';
import { recordPreviewSnapshot } from '../../preview/snapshot';
import { compileTemplate } from '../../shared/templates';

const NOW = new Date(2026, 11, 1, 12);

test('a saved workbook comes back whole: sheets, cells, formats, charts, names and computed values', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInput('Sheet1', 0, 0, 'my notes');
  wb.setInput('Sheet1', 1, 0, '\'=HYPERLINK("x")');
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  recordPreviewSnapshot(wb, NOW);
  const text = saveWorkbook(wb);
  const back = restoreWorkbook(JSON.parse(JSON.stringify(text)))!;
  expect(back.sheetNames()).toEqual(wb.sheetNames());
  for (const name of wb.sheetNames()) {
    expect(back.hf.getSheetSerialized(back.sheetId(name))).toEqual(wb.hf.getSheetSerialized(wb.sheetId(name)));
    expect(back.metaOf(name)).toEqual(wb.metaOf(name));
  }
  for (const name of ['Sheet1', 'Strategic Themes', 'Metrics Dashboard'])
    expect(back.hf.getSheetValues(back.sheetId(name))).toEqual(wb.hf.getSheetValues(wb.sheetId(name)));
  expect(back.hf.listNamedExpressions().sort()).toEqual(wb.hf.listNamedExpressions().sort());
  expect(back.value('Sheet1', 1, 0)).toBe('=HYPERLINK("x")');
});

test('nothing saved, or a damaged or foreign text: a fresh start (undefined), never an exception', () => {
  for (const text of [null, '', '{', '{"version":2}', '{"version":1,"snapshot":{"sheets":[],"names":[]}}', '[]'])
    expect(restoreWorkbook(text)).toBeUndefined();
});
