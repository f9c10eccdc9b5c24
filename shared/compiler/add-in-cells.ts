/**
 * The compiler's phase for the cells that call the add-in's own functions (ColumnSpec.addIn): the snapshot the base
 * cells hold (what a file opened without the add-in keeps), the host cells with the live call in each host's form,
 * and the ranges a spilled result covers.
 */
import { colLetter, parseRange, rangeA1 } from '../a1/a1';
import type { HostCellsOp, PlanCell } from '../plan/plan';
import { EXCEL_FUNCTION_PREFIX } from '../plan/host-cells';
import type { ColumnSpec, FormulaRefs, SheetSpec } from '../spec/spec';
import type { SheetLayout } from './layout';
import type { InsertionDays } from '../spec/example-dates';

/** The side block's values at insertion, by key (settings; a formula's value is not known here). */
export function sideValues(s: SheetSpec, days: InsertionDays): Record<string, PlanCell> {
  return Object.fromEntries(
    (s.side ?? []).map((item) => [
      item.key,
      item.formula ? null : typeof item.value === 'function' ? item.value(days) : (item.value ?? null),
    ]),
  );
}

/** The base cells of each add-in column: its result computed now from the given rows (what the .xlsx keeps). */
export function addInSnapshots(
  c: { s: SheetSpec; L: SheetLayout; days: InsertionDays },
  cells: PlanCell[][],
  given: Record<string, PlanCell>[],
): void {
  const side = sideValues(c.s, c.days);
  for (const col of c.s.columns) {
    if (!col.addIn) continue;
    const left = c.L.index[col.key];
    const width = col.addIn.width ?? 1;
    col.addIn.snapshot({ rows: given, side }).forEach((row, i) => {
      if (i >= c.s.rows) throw new Error(`Sheet ${c.s.key}: column "${col.key}" computes more rows than it has`);
      row.slice(0, width).forEach((v, j) => (cells[1 + i][left + j] = v));
    });
  }
}

/**
 * The add-in columns' formulas: one call in the first data row, the rest of the spill area blank, in each host's
 * form (HostCellsOp.addIn): Sheets (and the preview's engine) by the function's name, Excel in its namespace.
 */
export function addInCells(s: SheetSpec, L: SheetLayout, firstRow: FormulaRefs): HostCellsOp[] {
  return s.columns.flatMap((col) => {
    if (!col.addIn) return [];
    const { fn, args, width = 1 } = col.addIn;
    const x = L.letters[col.key];
    const range = `${x}${L.firstRow}:${colLetter(L.index[col.key] + width - 1)}${L.lastRow}`;
    const call = `${fn}(${args(firstRow)})`;
    const block = (head: string): PlanCell[][] =>
      Array.from({ length: s.rows }, (_, i) => Array.from({ length: width }, (_, j) => (i + j === 0 ? head : null)));
    return (['sheets', 'excel'] as const).map((host) => ({
      host,
      range,
      cells: block(host === 'excel' ? `=${EXCEL_FUNCTION_PREFIX}${call}` : `=${call}`),
      addIn: true,
    }));
  });
}

/** A range widened over the columns an add-in result spills into (ColumnSpec.addIn.width). */
export function addInWide(L: SheetLayout, col: ColumnSpec, range: string): string {
  const width = col.addIn?.width ?? 1;
  if (width === 1) return range;
  const r = parseRange(range);
  return rangeA1({ ...r, right: r.right + width - 1 });
}
