/**
 * The preview workbook as the .xlsx writer's model: every sheet in tab order with its cells as they
 * are now (formulas as text, typed values as the engine parsed them) and the workbook's names.
 */
import type { SheetPlan } from '../shared/templates/plan';
import type { WorkbookModel } from '../xlsx/model';
import { fromEngineContent } from './engine-content';
import type { PreviewWorkbook } from './executor';

/** One sheet's cells: formulas as text; typed values as the engine parsed them (a typed "9" is the number 9, a date its serial). */
function sheetCells(wb: PreviewWorkbook, name: string): SheetPlan['cells'] {
  const id = wb.sheetId(name);
  const values = wb.hf.getSheetValues(id);
  return wb.hf.getSheetSerialized(id).map((row, r) =>
    row.map((raw, c) => {
      if (typeof raw === 'string' && (raw.startsWith('=') || raw.startsWith("'"))) return fromEngineContent(raw);
      const v = values[r]?.[c];
      return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : fromEngineContent(raw);
    }),
  );
}

/** Workbook names that are one range of one sheet (`='Sheet'!$A$2:$A$9`). */
function namedRanges(wb: PreviewWorkbook): WorkbookModel['namedRanges'] {
  return wb.hf.listNamedExpressions().flatMap((name) => {
    const expr = wb.hf.getNamedExpressionFormula(name) ?? '';
    const m =
      /^=\s*'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr) ??
      /^=\s*([^'!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr);
    return m ? [{ name, sheetName: m[1].replace(/''/g, "'"), range: m[2].replace(/\$/g, '') }] : [];
  });
}

export function workbookModel(wb: PreviewWorkbook): WorkbookModel {
  const sheets = wb.sheetNames().map((name) => {
    const { hostCells: _h, ...meta } = wb.metaOf(name) as SheetPlan;
    return { ...meta, name, cells: sheetCells(wb, name) } as SheetPlan;
  });
  return { sheets, namedRanges: namedRanges(wb) };
}
