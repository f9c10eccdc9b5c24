/**
 * Computed cells are marked and guarded (issue #18, item 2): every visible column a template computes has the
 * computed style, a slate header with a note, and — where the host allows it without blocking the user — a guard:
 * Google Sheets protects it with a warning only (a person typing there is asked and can go ahead), Excel shows the
 * note as the cell's prompt, the .xlsx carries it as the header's note. Never owner-only protection.
 */
import ExcelJS from 'exceljs';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { COMPUTED_HEADER_STYLE, COMPUTED_STYLE } from '../../shared/compiler/compile';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

const NOW = new Date(Date.UTC(2026, 11, 5));
const full = compileTemplate('strategy-workbook', { example: false, now: NOW });

test('every visible computed column of every template is marked: computed style, slate header, a note naming it', () => {
  const unmarked: string[] = [];
  for (const t of TEMPLATES) {
    for (const s of compileTemplate(t.id, { example: true, now: NOW }).sheets) {
      // The table's visible columns run from A to the first spacer (the side block and helpers come after it).
      const spacer = s.cells[0].indexOf(null);
      const width = spacer < 0 ? s.cells[0].length : spacer;
      s.cells[1]?.forEach((v, col) => {
        // A link to another sheet (Start Here) is a formula, not a computed value.
        if (typeof v !== 'string' || !v.startsWith('=') || v.startsWith('=HYPERLINK(') || col >= width) return;
        const header = `${String.fromCharCode(65 + (col % 26)).padStart(col >= 26 ? 2 : 1, 'A')}1`;
        const op = (s.computed ?? []).find((c) => c.headerCell === header);
        const styled = s.formats.filter((f) => f.range === header).pop()?.style;
        const data = s.formats.find((f) => op && f.range === op.range)?.style;
        if (!op || styled?.fill !== COMPUTED_HEADER_STYLE.fill || data?.italic !== COMPUTED_STYLE.italic)
          unmarked.push(`${t.id}/${s.name}!${header}`);
        else if (!op.note.includes(String(s.cells[0][col]).slice(0, 10)) && !String(s.cells[0][col]).startsWith('='))
          unmarked.push(`${t.id}/${s.name}!${header} note "${op.note}"`);
      });
    }
  }
  expect(unmarked).toEqual([]);
});

describe('Google Sheets: a warning-only protection asks the person typing, and lets them go ahead', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), full));
  const sheet = fake.ss.sheet('Prioritization');
  const score = full.sheets.find((s) => s.name === 'Prioritization')!.computed![0];
  const cell = score.range.split(':')[0];

  test('typing over a computed cell is asked first; "keep" leaves the formula, "go ahead" writes the value', () => {
    const formula = sheet.content(cell);
    expect(String(formula)).toMatch(/^=/);
    expect(sheet.userTypes(cell, 7, false)).toBe('asked and kept');
    expect(sheet.content(cell)).toBe(formula);
    expect(sheet.userTypes(cell, 7, true)).toBe('asked and written');
    expect(sheet.content(cell)).toBe(7);
  });

  test('input columns are not guarded; the computed header carries the note; no protection is owner-only', () => {
    expect(sheet.userTypes('A2', 'Checkout rewrite', false)).toBe('written');
    expect(sheet.getRange(score.headerCell).getNote()).toMatch(/calculated by the template/);
    const all = fake.ss.sheets.flatMap((s) => s.protections);
    expect(all.length).toBeGreaterThan(20);
    expect(all.every((p) => p.isWarningOnly())).toBe(true);
  });
});

test('.xlsx: each computed header has its note (read back by ExcelJS); there is no sheet protection', async () => {
  // Two templates with many computed columns (the full workbook takes seconds to write).
  const plans = ['prioritization', 'metrics'].map((id) => compileTemplate(id, { example: false, now: NOW }));
  const bytes = await writeXlsx(ExcelJS, modelFromPlans(plans), { now: NOW });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const missing: string[] = [];
  for (const s of plans.flatMap((p) => p.sheets))
    for (const op of s.computed ?? []) {
      const note = book.getWorksheet(s.name)!.getCell(op.headerCell).note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      if (text !== op.note) missing.push(`${s.name}!${op.headerCell}: ${JSON.stringify(note)}`);
    }
  expect(missing).toEqual([]);
  expect(Buffer.from(bytes).includes('sheetProtection')).toBe(false);
});
