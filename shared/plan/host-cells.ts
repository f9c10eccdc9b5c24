/** The cells one host writes for a sheet: the plan's cells with that host's overrides (e.g. Sheets' SPARKLINE column). */
import { parseRange } from '../a1/a1';
import type { HostCellsOp, PlanCell, SheetPlan } from './plan';

export type Host = 'sheets' | 'excel';

/** The namespace of the add-in's functions in Excel (manifest.xml `Functions.Namespace`), as a formula writes it. */
export const EXCEL_FUNCTION_PREFIX = 'STRATEGY.';

/**
 * Where the cells that call the add-in's own functions (HostCellsOp.addIn) go: in the host's form (`host`: the
 * add-in writing its own workbook), by their plain names (`plain`: an engine with the functions registered under
 * their names, the preview), or not at all (`snapshot`: a file opened without the add-in keeps the base values).
 */
export type AddInCells = 'host' | 'plain' | 'snapshot';

function applies(hc: HostCellsOp, host: Host, addIn: AddInCells): boolean {
  if (!hc.addIn) return hc.host === host;
  if (addIn === 'snapshot') return false;
  // Sheets' form is the plain names.
  return hc.host === (addIn === 'plain' ? 'sheets' : host);
}

/** Base cells with `hostCells` for `host` laid over them; other hosts' overrides are ignored. Never mutates the plan. */
export function cellsFor(sheet: SheetPlan, host: Host, addIn: AddInCells = 'host'): PlanCell[][] {
  const cells = sheet.cells.map((r) => r.slice());
  for (const hc of sheet.hostCells ?? []) {
    if (!applies(hc, host, addIn)) continue;
    const { top, left } = parseRange(hc.range);
    hc.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        while (cells.length < top + r) cells.push([]);
        const line = cells[top + r - 1];
        while (line.length < left + c - 1) line.push(null);
        line[left + c - 1] = v;
      }),
    );
  }
  return cells;
}
