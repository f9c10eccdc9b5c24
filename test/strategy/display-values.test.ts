/**
 * Everything we report shows a value as its cell displays it (issue #18, item 4): a metric whose cell holds
 * 0.995 formatted as a percentage reads "99.50%" — never 0.995 — in the snapshot's "As Written" and the
 * Markdown, in Google Sheets (getDisplayValues), in Excel (Range.text) and in the CLI's reading of a file
 * (the cell's number format applied). Both hosts' fakes return display text with the cell's format.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { readSheets, recordSnapshot } from '../../apps-script/src/strategy/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel, strategyMarkdownExcel } from '../../excel-addin/src/strategy/snapshot';
import { documentFromSheets } from '../../cli/document';
import { readWorkbookFile } from '../../cli/read-workbook';
import { compileTemplate } from '../../shared/templates/index';
import { colLetter } from '../../shared/a1/a1';
import { strategyMarkdown } from '../../shared/strategy/document';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';

const NOW = new Date(2026, 11, 1, 12);
const plan = () => compileTemplate('strategy-workbook', { example: true, now: NOW });
/** The Metrics Dashboard's Current column (0-based) and the first metric's row (0-based). */
const metricsSheet = () => plan().sheets.find((s) => s.name === 'Metrics Dashboard')!;
const CURRENT = metricsSheet().cells[0].indexOf('Current');
const A1 = `${colLetter(CURRENT)}2`;

/** The markdown's metric row of "SOC 2 certified" and the History's "As Written" of it. */
const socRow = (md: string): string => md.split('\n').find((l) => l.includes('| SOC 2 certified |'))!;

test('the Metrics Dashboard has a Current column', () => {
  expect(CURRENT).toBeGreaterThan(0);
  expect(metricsSheet().cells[1][CURRENT]).toBe('$250K');
});

test('Google Sheets: getDisplayValues gives "99.50%": the snapshot writes it as written, the document shows it', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => {
    const ss = fake.ss.real();
    applyPlanSheets(ss, plan());
    const cell = ss.getSheetByName('Metrics Dashboard')!.getRange(2, CURRENT + 1);
    cell.setNumberFormat('0.00%');
    cell.setValue(0.995);
    expect(cell.getDisplayValues()).toEqual([['99.50%']]);
    recordSnapshot();
    const history = ss.getSheetByName('Progress History')!.getRange(2, 3, 1, 3).getValues()[0];
    expect(history).toEqual(['SOC 2 certified', 0.995, '99.50%']);
    const r = strategyMarkdown(readSheets(ss), NOW);
    const md = 'markdown' in r ? r.markdown : '';
    expect(socRow(md)).toContain('| 99.50% |');
    expect(md).not.toContain('0.995');
  });
});

test('Excel: Range.text gives "99.50%": the snapshot writes it as written, the document shows it', async () => {
  const host = new FakeExcelHost();
  const ctx = () => host.context() as unknown as Excel.RequestContext;
  await applyPlanExcel(ctx(), plan());
  const c = ctx();
  const range = c.workbook.worksheets.getItem('Metrics Dashboard').getRange(A1);
  range.numberFormat = [['0.00%']];
  range.values = [[0.995]];
  await c.sync();
  await recordSnapshotExcel(ctx());
  expect(['C2', 'D2', 'E2'].map((a) => host.cell('Progress History', a)?.formula)).toEqual([
    'SOC 2 certified',
    0.995,
    '99.50%',
  ]);
  const md = await strategyMarkdownExcel(ctx());
  expect(socRow(md)).toContain('| 99.50% |');
  expect(md).not.toContain('0.995');
});

test('CLI document: a number in a file is read with its cell’s number format', async () => {
  const model = modelFromPlans([plan()]);
  const sheet = model.sheets.find((x) => x.name === 'Metrics Dashboard')!;
  sheet.cells[1][CURRENT] = 0.995;
  sheet.numberFormats.push({ range: A1, format: '0.00%' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tst-display-')), 'w.xlsx');
  fs.writeFileSync(file, await writeXlsx(ExcelJS, model));
  const r = documentFromSheets(await readWorkbookFile(file), NOW);
  const md = 'markdown' in r ? r.markdown : '';
  expect(socRow(md)).toContain('| 99.50% |');
  expect(md).not.toContain('0.995');
});
