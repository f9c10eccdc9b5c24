/**
 * What the preview keeps of a sheet beside its cells (the cells live in HyperFormula): shared by the workbook
 * (executor.ts), its export to the .xlsx model (model-export.ts) and the grid, so none of them imports another for it.
 */
import { gridRect } from '../shared/a1/a1';
import type { SheetPlan } from '../shared/plan/plan';
import type { TypedNumber } from './typed-values';

/**
 * Everything of a sheet except its cells: how the grid shows it and how it is exported; `insertedRows` is how
 * many rows the template wrote (the engine keeps no empty trailing rows, the exported sheet does).
 */
export type SheetMeta = Omit<SheetPlan, 'cells'> & {
  insertedRows?: number;
  /** Cells typed as "99.5%", "$1,200" or a date, by "row,col": the number, the format it got, the text typed. */
  typedFormats?: Record<string, TypedNumber>;
};

/** The `key` of sheets the user added (templates' sheets carry their template sheet key). */
export const USER_SHEET = 'user';

export function blankMeta(key: string, name: string): SheetMeta {
  return {
    key,
    name,
    headerRows: 0,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: [],
    formats: [],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** A cell's number format from its sheet's template formats (the last range holding it wins), or undefined. */
export function planFormatAt(meta: SheetMeta, row: number, col: number): string | undefined {
  let code: string | undefined;
  for (const n of meta.numberFormats) {
    const r = gridRect(n.range);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) code = n.format;
  }
  return code;
}
