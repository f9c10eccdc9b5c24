/** The cells one host writes for a sheet: the plan's cells with that host's overrides (e.g. Sheets' SPARKLINE column). */
import { parseRange } from '../a1/a1';
import type { PlanCell, SheetPlan } from './plan';

export type Host = 'sheets' | 'excel';

/** Base cells with `hostCells` for `host` laid over them; other hosts' overrides are ignored. Never mutates the plan. */
export function cellsFor(sheet: SheetPlan, host: Host): PlanCell[][] {
  const cells = sheet.cells.map((r) => r.slice());
  for (const hc of sheet.hostCells ?? []) {
    if (hc.host !== host) continue;
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
