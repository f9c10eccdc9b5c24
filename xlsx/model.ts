/**
 * The workbook model shared by the .xlsx writer (CLI and the preview's download) and the preview's
 * own workbook: render plans resolved one after the other into sheets with free names, and the
 * workbook names they define. Pure: no ExcelJS, no DOM, no Node.
 */
import { resolvePlan, quoteSheet } from '../shared/plan/resolve';
import type { ExistingNames, RenderPlan, SheetPlan } from '../shared/plan/plan';
import { colLetter, gridRect } from '../shared/a1/a1';

/** A workbook ready to write: sheets whose names and placeholders are resolved, and workbook names. */
export interface WorkbookModel {
  sheets: SheetPlan[];
  namedRanges: { name: string; sheetName: string; range: string }[];
}

/**
 * Resolves plans one after the other, as a host would insert them into one workbook: each
 * plan's names are chosen against the sheets and names of the plans before it.
 */
export function modelFromPlans(
  plans: RenderPlan[],
  existing: ExistingNames = { sheets: [], namedRanges: [] },
): WorkbookModel {
  const taken: ExistingNames = {
    sheets: [...existing.sheets],
    namedRanges: [...existing.namedRanges],
    tables: [...(existing.tables ?? [])],
  };
  const model: WorkbookModel = { sheets: [], namedRanges: [] };
  for (const p of plans) {
    const { plan } = resolvePlan(p, taken);
    for (const s of plan.sheets) {
      model.sheets.push(s);
      taken.sheets.push(s.name);
      if (s.table) taken.tables!.push(s.table.name);
    }
    for (const n of plan.namedRanges) {
      const sheet = plan.sheets.find((s) => s.key === n.sheet);
      if (!sheet) throw new Error(`Named range ${n.name} refers to an unknown sheet key "${n.sheet}"`);
      model.namedRanges.push({ name: n.name, sheetName: sheet.name, range: n.range });
      taken.namedRanges.push(n.name);
    }
  }
  return model;
}

/** What a workbook name refers to: `'Roadmap (2)'!$A$2:$A$9` for the range "A2:A9" of that sheet. */
export function sheetRangeRef(sheetName: string, a1: string): string {
  const r = gridRect(a1);
  return `${quoteSheet(sheetName)}!$${colLetter(r.left)}$${r.top + 1}:$${colLetter(r.right)}$${r.bottom + 1}`;
}
