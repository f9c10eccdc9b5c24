/**
 * The record the preview keeps in the browser (preview/workbook-store.ts): a workbook rebuilt from it is
 * the same workbook — cells as typed and as computed, sheets in their order with their formats, charts
 * and names, a refused formula still refused — and a record of another shape is refused whole.
 */
import { PreviewWorkbook } from '../../preview/workbook';
import { History } from '../../preview/history';
import { addChart, insertTemplate, setCells } from '../../preview/commands';
import { estimateBytes, fromSaved, isSavedWorkbook, toSaved, STORE_VERSION } from '../../preview/workbook-store';
import { compileTemplate } from '../../shared/templates';

const NOW = new Date(2026, 11, 1, 10).getTime();

function sameWorkbook(a: PreviewWorkbook, b: PreviewWorkbook): void {
  expect(b.sheetNames()).toEqual(a.sheetNames());
  for (const name of a.sheetNames()) {
    expect(b.hf.getSheetSerialized(b.sheetId(name))).toEqual(a.hf.getSheetSerialized(a.sheetId(name)));
    expect(b.hf.getSheetValues(b.sheetId(name))).toEqual(a.hf.getSheetValues(a.sheetId(name)));
    expect(b.metaOf(name)).toEqual(a.metaOf(name));
  }
  expect(b.hf.listNamedExpressions().sort()).toEqual(a.hf.listNamedExpressions().sort());
}

test('a workbook with a template, edits, a chart and a refused formula comes back the same', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const h = new History(wb);
  h.run(setCells('Edit', 'Sheet1', 5, 5, [['kept']])); // a Sheet1 holding something stays when a template is inserted
  h.run(insertTemplate('Insert', compileTemplate('prioritization', { example: true, now: new Date(NOW) }), 'Sheet1'));
  const scorecard = wb.sheetNames()[1];
  h.run(setCells('Edit', 'Sheet1', 0, 0, [["'=not a formula", '2027-03-31', '=PRIORITY_SCORE(9,8,5,6)']]));
  h.run(setCells('Edit', 'Sheet1', 1, 0, [['=SUM(A3:XFD39999)', '42', "=COUNTA('" + scorecard + "'!A:A)"]]));
  h.run(addChart('Chart', 'Sheet1', { ...wb.metaOf(scorecard).charts[0], anchor: 'E2' } as never));
  const saved = toSaved(wb, NOW);
  expect(isSavedWorkbook(saved)).toBe(true);
  // What the browser keeps is a structured clone: no functions, no class instances.
  const kept = structuredClone(saved);
  const back = fromSaved(kept);
  sameWorkbook(wb, back);
  expect(back.inputOf('Sheet1', 0, 0)).toBe('=not a formula');
  expect(back.value('Sheet1', 0, 2)).toBe(17.5);
  expect(back.inputOf('Sheet1', 1, 0)).toBe('=SUM(A3:XFD39999)');
  expect((back.value('Sheet1', 1, 0) as { value: string }).value).toBe('#VALUE!');
  expect(estimateBytes(saved)).toBeGreaterThan(0);
});

test('a record of another shape or version is refused before anything is built', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const good = toSaved(wb, NOW);
  expect(isSavedWorkbook(good)).toBe(true);
  for (const bad of [
    null,
    'text',
    { ...good, version: STORE_VERSION + 1 },
    { ...good, snapshot: { sheets: [], names: [] } },
    { ...good, snapshot: { sheets: [{ name: 1, index: 0, meta: {}, contents: [] }], names: [] } },
    { ...good, snapshot: { ...good.snapshot, names: [{ name: 'X' }] } },
  ])
    expect(isSavedWorkbook(bad)).toBe(false);
});

test('a kept formula over the engine budget stays refused even if the record was written by hand', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const saved = toSaved(wb, NOW);
  saved.snapshot.sheets[0].contents = [['=SUM(A2:XFD40000)', 3]];
  const back = fromSaved(saved);
  expect((back.value('Sheet1', 0, 0) as { value: string }).value).toBe('#VALUE!');
  expect(back.inputOf('Sheet1', 0, 0)).toBe('=SUM(A2:XFD40000)');
});
