/**
 * What the preview keeps of a sheet beside its cells (the cells live in HyperFormula): shared by the workbook
 * (executor.ts), its export to the .xlsx model (model-export.ts) and the grid, so none of them imports another for it.
 */
import type { SheetPlan } from '../shared/templates/plan';

/**
 * Everything of a sheet except its cells: how the grid shows it and how it is exported; `insertedRows` is how
 * many rows the template wrote (the engine keeps no empty trailing rows, the exported sheet does).
 */
export type SheetMeta = Omit<SheetPlan, 'cells'> & { insertedRows?: number };

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
