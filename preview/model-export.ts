/**
 * The preview workbook as the .xlsx writer's model: every sheet in tab order with its cells as they
 * are now (formulas as text, typed values as the engine parsed them) and the workbook's names.
 */
import type { HyperFormula } from 'hyperformula';
import { colLetter } from '../shared/a1/a1';
import type { NumberFormatOp, SheetPlan } from '../shared/plan/plan';
import type { WorkbookModel } from '../xlsx/model';
import { fromEngineContent } from './engine-content';
import { userFormula } from './engine/guard';
import type { SheetMeta } from './sheet-meta';

/** What the export reads of the preview's workbook (PreviewWorkbook has it; declared here so neither imports the other). */
export interface ExportableWorkbook {
  readonly hf: HyperFormula;
  /** Sheet names in tab order. */
  sheetNames(): string[];
  sheetId(name: string): number;
  metaOf(name: string): SheetMeta;
  /** The format a typed value gave a cell, while it still holds that value. */
  typedAt(sheet: string, row: number, col: number): { format: string } | undefined;
}

/** One sheet's cells: formulas as text; typed values as the engine parsed them (a typed "9" is the number 9, a date its serial). */
function sheetCells(wb: ExportableWorkbook, name: string): SheetPlan['cells'] {
  const id = wb.sheetId(name);
  const values = wb.hf.getSheetValues(id);
  return wb.hf.getSheetSerialized(id).map((row, r) =>
    row.map((raw, c) => {
      if (typeof raw === 'string' && (raw.startsWith('=') || raw.startsWith("'")))
        return fromEngineContent(userFormula(raw));
      const v = values[r]?.[c];
      return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : fromEngineContent(raw);
    }),
  );
}

/**
 * The engine keeps no empty trailing rows; a template's sheet still spans the rows it was inserted with (an empty
 * Progress History, a blank template), so the file's print area covers the same rows as the CLI's.
 */
function padRows(cells: SheetPlan['cells'], rows: number): SheetPlan['cells'] {
  return cells.length >= rows ? cells : [...cells, ...Array.from({ length: rows - cells.length }, () => [])];
}

/** Workbook names that are one range of one sheet (`='Sheet'!$A$2:$A$9`). */
function namedRanges(wb: ExportableWorkbook): WorkbookModel['namedRanges'] {
  return wb.hf.listNamedExpressions().flatMap((name) => {
    const expr = wb.hf.getNamedExpressionFormula(name) ?? '';
    const m =
      /^=\s*'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr) ??
      /^=\s*([^'!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expr);
    return m ? [{ name, sheetName: m[1].replace(/''/g, "'"), range: m[2].replace(/\$/g, '') }] : [];
  });
}

/** The formats typed values gave their cells ("99.5%" → 0.00%), for the cells that still hold those values. */
function typedFormatOps(wb: ExportableWorkbook, name: string, typed: SheetMeta['typedFormats']): NumberFormatOp[] {
  return Object.keys(typed ?? {}).flatMap((k) => {
    const [row, col] = k.split(',').map(Number);
    const t = wb.typedAt(name, row, col);
    return t ? [{ range: `${colLetter(col)}${row + 1}`, format: t.format }] : [];
  });
}

export function workbookModel(wb: ExportableWorkbook): WorkbookModel {
  const sheets = wb.sheetNames().map((name) => {
    const { hostCells: _h, insertedRows, typedFormats, ...meta } = wb.metaOf(name);
    const numberFormats = [...meta.numberFormats, ...typedFormatOps(wb, name, typedFormats)];
    return { ...meta, numberFormats, name, cells: padRows(sheetCells(wb, name), insertedRows ?? 0) } as SheetPlan;
  });
  return { sheets, namedRanges: namedRanges(wb) };
}
