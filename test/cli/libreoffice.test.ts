/**
 * The .xlsx the CLI writes, recalculated by a real spreadsheet program (LibreOffice headless),
 * gives the core's numbers:
 *  - every formula cell of every sheet equals the value the preview's engine (HyperFormula with
 *    the registry plugin) computes for the same plan;
 *  - the prioritization columns equal the registry functions called through invoke() on the
 *    same rows: PRIORITY_SCORE per row, PRIORITY_QUADRANT with the sheet's threshold and
 *    PRIORITY_PLAN with the sheet's capacity and first quarter.
 * Needs `soffice` (Debian: libreoffice-calc). Skipped with a message only outside CI.
 */
import ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultTemplateIds } from '../../cli/catalog';
import { modelFromPlans, type WorkbookModel } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { PreviewWorkbook } from '../../preview/workbook';
import { findFunction, invoke } from '../../shared/functions';
import { isCellError } from '../../shared/core/values';
import { TEMPLATES, compileTemplate } from '../../shared/templates';
import type { RenderPlan } from '../../shared/plan/plan';
import { WORKBOOK_PLAN } from './fixture-plans';
import { recalculateToCsv, sofficePath } from './soffice';
import { describeNeeding } from '../harness/tools';

const soffice = sofficePath();
const describeLo = describeNeeding('soffice');

interface Written {
  file: string;
  plans: RenderPlan[];
  model: WorkbookModel;
  csv: Map<string, string[][]>;
}

/** LibreOffice's text for a value vs the engine's value. */
function sameValue(lo: string, hf: unknown): boolean {
  if (hf === null || hf === undefined || hf === '') return lo === '';
  if (hf instanceof DetailedCellError) return /^(#|Err:)/.test(lo);
  if (typeof hf === 'boolean') return lo.toUpperCase() === String(hf).toUpperCase();
  if (typeof hf === 'number') {
    // Percent-formatted cells come out as "25%" even with "as shown" off.
    const n = /%$/.test(lo) ? Number(lo.slice(0, -1)) / 100 : Number(lo);
    return lo.trim() !== '' && Math.abs(n - hf) <= 1e-9 * Math.max(1, Math.abs(hf));
  }
  return lo === String(hf);
}

describeLo('LibreOffice recalculates the CLI workbook to the core’s results', () => {
  const written: Written[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-lo-'));
    const sets: [string, RenderPlan[]][] = [
      ['example-workbook', defaultTemplateIds().map((id) => compileTemplate(id, { example: true }))],
      ['every-template', TEMPLATES.map((t) => compileTemplate(t.id, { example: true }))],
      ['fixture', [WORKBOOK_PLAN]],
    ];
    for (const [name, plans] of sets) {
      const model = modelFromPlans(plans);
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, await writeXlsx(ExcelJS, model));
      written.push({ file, plans, model, csv: new Map() });
    }
    const started = Date.now();
    const all = recalculateToCsv(
      soffice!,
      written.map((w) => w.file),
      dir,
    );
    console.log(`LibreOffice recalculated ${written.length} workbooks in ${Date.now() - started} ms`);
    for (const w of written) w.csv = all.get(w.file)!;
  }, 180000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every sheet was converted, and there is no other sheet', () => {
    for (const w of written) expect([...w.csv.keys()].sort()).toEqual(w.model.sheets.map((s) => s.name).sort());
  });

  test('every formula cell equals the preview engine’s value for the same plan', () => {
    for (const w of written) {
      const engine = new PreviewWorkbook();
      for (const p of w.plans) engine.insertPlan(p);
      const mismatches: string[] = [];
      let formulas = 0;
      for (const s of w.model.sheets) {
        const rows = w.csv.get(s.name)!;
        s.cells.forEach((row, r) =>
          row.forEach((c, col) => {
            if (typeof c !== 'string' || !c.startsWith('=')) return;
            formulas++;
            const lo = rows[r]?.[col] ?? '';
            const hf = engine.value(s.name, r, col);
            if (!sameValue(lo, hf)) {
              const shown = hf instanceof DetailedCellError ? `${hf.value} ${hf.message}` : JSON.stringify(hf);
              mismatches.push(
                `${path.basename(w.file)} ${s.name}!${String.fromCharCode(65 + (col % 26))}${col >= 26 ? '…' : ''}${r + 1} ${c.slice(0, 60)}: LibreOffice "${lo}" vs engine ${shown}`,
              );
            }
          }),
        );
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(formulas).toBeGreaterThan(0);
    }
  });

  test('the fixture workbook gives the Priority formula’s numbers and follows the named range', () => {
    const rows = written[2].csv.get('Projects')!;
    expect(rows.slice(1, 5).map((r) => Number(r[6]))).toEqual([17.5, 6, 8.5, 15.5]);
    expect(rows[5][9]).toBe('4 of 4 linked to 3');
  });

  test('prioritization columns equal PRIORITY_SCORE, PRIORITY_QUADRANT and PRIORITY_PLAN on the same rows', () => {
    let checkedSheets = 0;
    for (const w of written) {
      for (const s of w.model.sheets) {
        const header = (s.cells[0] ?? []).map((h) => String(h ?? ''));
        const col = (re: RegExp): number => header.findIndex((h) => re.test(h));
        const [impact, urgency, effort, risk, score, quadrant, quarter] = [
          /impact/i,
          /urgency/i,
          /^effort$/i,
          /^risk$/i,
          /priority score/i,
          /quadrant$/i,
          /planned quarter/i,
        ].map(col);
        if ([impact, urgency, effort, risk, score].some((i) => i < 0)) continue;
        const rows = w.csv.get(s.name)!;
        const setting = (re: RegExp): string | undefined => {
          for (const r of rows) for (let i = 0; i < r.length - 1; i++) if (re.test(r[i])) return r[i + 1];
          return undefined;
        };
        const data = rows.slice(1).filter((r) => r[score] !== undefined && r[score] !== '');
        expect(data.length).toBeGreaterThan(0);
        const num = (v: string): number | null => (v === '' ? null : Number(v));
        for (const r of data) {
          const expected = invoke(findFunction('PRIORITY_SCORE')!, [
            num(r[impact]),
            num(r[urgency]),
            num(r[effort]),
            num(r[risk]),
          ])[0][0];
          expect({ project: r[0], score: Number(r[score]) }).toEqual({ project: r[0], score: expected });
        }
        if (quadrant >= 0) {
          const threshold = setting(/quadrant threshold/i);
          expect(threshold).toBeDefined();
          for (const r of data) {
            const expected = invoke(findFunction('PRIORITY_QUADRANT')!, [
              num(r[impact]),
              num(r[effort]),
              Number(threshold),
            ])[0][0];
            expect({ project: r[0], quadrant: r[quadrant] }).toEqual({ project: r[0], quadrant: expected });
          }
        }
        if (quarter >= 0) {
          const capacity = setting(/capacity/i);
          const first = setting(/^first quarter$/i);
          expect(capacity).toBeDefined();
          const planned = rows.slice(1).filter((r) => r[score] !== '');
          const plan = invoke(findFunction('PRIORITY_PLAN')!, [
            planned.map((r) => [Number(r[score])]),
            planned.map((r) => [Number(r[effort])]),
            Number(capacity),
            first || undefined,
          ]);
          planned.forEach((r, i) => {
            const e = plan[i][0];
            expect({ project: r[0], quarter: r[quarter] }).toEqual({
              project: r[0],
              quarter: isCellError(e) ? e.message : e,
            });
          });
        }
        checkedSheets++;
      }
    }
    // The example workbook and the every-template file each have a prioritization sheet, and the fixture has none of these headers.
    expect(checkedSheets).toBeGreaterThanOrEqual(2);
  });
});
