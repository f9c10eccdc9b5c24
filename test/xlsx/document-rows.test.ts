/**
 * The Strategy Document sheet as written to .xlsx: portrait, and each row as tall as the text its formula
 * will show (the file has no cached results, so no program could size the rows itself). LibreOffice's PDF
 * of the same file is checked in test/cli/libreoffice-charts.test.ts.
 */
import ExcelJS from 'exceljs';
import { compileTemplate } from '../../shared/templates';
import { DOCUMENT_LINES } from '../../shared/templates/document';
import { modelFromPlans } from '../../xlsx/model';
import { documentRowHeights } from '../../xlsx/document-rows';
import { writeXlsx } from '../../xlsx/writer';
import { LINE_PT } from '../../xlsx/text-fit';

const NOW = new Date(2026, 11, 1, 12);
const model = (example: boolean) => modelFromPlans([compileTemplate('strategy-workbook', { example, now: NOW })]);
const rowOf = (label: string): number => DOCUMENT_LINES.findIndex((l) => l.label === label) + 2;

test('the example: long lists get rows of several lines, one-line texts keep the default height', () => {
  const m = model(true);
  const doc = m.sheets.find((s) => s.key === 'document')!;
  const heights = documentRowHeights(doc, m.sheets, NOW);
  // "What We're Not Doing" lists four items with their reasons: several lines in a 440 px column.
  expect(heights.get(rowOf('Not doing'))).toBeGreaterThanOrEqual(5 * LINE_PT);
  expect(heights.get(rowOf('Strategic themes'))).toBeGreaterThanOrEqual(2 * LINE_PT);
  expect(heights.has(rowOf('Vision'))).toBe(false); // one sentence: one line
  for (const s of m.sheets.filter((x) => x.key !== 'document'))
    expect(documentRowHeights(s, m.sheets, NOW).size).toBe(0);
});

test("a blank workbook: placeholders need two lines at most (the review's open findings list what is missing)", () => {
  const m = model(false);
  const doc = m.sheets.find((s) => s.key === 'document')!;
  const heights = [...documentRowHeights(doc, m.sheets, NOW)].filter(([row]) => row !== rowOf('Open findings'));
  expect(heights.every(([, h]) => h <= 2 * LINE_PT + 3)).toBe(true);
  expect(documentRowHeights(doc, m.sheets, NOW).get(rowOf('Open findings'))).toBeGreaterThan(2 * LINE_PT);
});

test('the written file prints the Strategy Document portrait, with those row heights; other sheets landscape', async () => {
  const m = model(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsx(ExcelJS, m, { now: NOW })) as never);
  const ws = wb.getWorksheet('Strategy Document')!;
  expect(ws.pageSetup.orientation).toBe('portrait');
  expect(ws.getRow(rowOf('Not doing')).height).toBeGreaterThanOrEqual(5 * LINE_PT);
  expect(wb.getWorksheet('Roadmap')!.pageSetup.orientation).toBe('landscape');
});
