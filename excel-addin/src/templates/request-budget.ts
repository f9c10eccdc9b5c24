/**
 * Keeps every request of the fill under a size Excel takes. Excel on the web refuses a request over 5 MB ("Resource
 * limits and performance optimization for Office Add-ins": payload size for Excel on the web, 5 MB); the full
 * workbook sent as one batch was about 3 MB, and 27 MB at ten times the rows. A batch travels as its queued actions
 * with their arguments as JSON, so its size is estimated here the same way (each grid's JSON, plus OP_ESTIMATE per
 * other action) and a sync is made before a write would take the batch past REQUEST_BUDGET_BYTES; a grid larger than
 * that is written in row blocks. The executor's failure path is unchanged: whichever sync fails, everything this run
 * created is removed by its ids.
 */

/** The estimated size a batch may reach before it is sent: 1 MB with room for the estimate's error. */
export const REQUEST_BUDGET_BYTES = 700_000;
/** An action besides a grid write (a style, a rule, a chart call): name, object path and small arguments. */
export const OP_ESTIMATE = 250;

/** The batch being queued: how big it is, and a sync when the next write would make it too big. */
export class RequestBudget {
  private pending = 0;
  /** Requests sent by this budget (syncs it made), for the report of how the fill was split. */
  sent = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET_BYTES,
  ) {}
  /** Makes room for `bytes` more: sends what is queued first when they would not fit. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.context.sync();
      this.sent++;
      this.pending = 0;
    }
    this.pending += bytes;
  }
}

/** The JSON size of one row of a grid (with its comma). */
const rowBytes = (row: readonly unknown[]): number => JSON.stringify(row).length + 1;

/**
 * Writes `grid` (`formulas` or `numberFormat`) at 0-based (top, left) in row blocks, each fitting the budget, syncing
 * between blocks when needed. Rows are written top to bottom, so a failure leaves the rows above it written on a
 * sheet this run created (removed by the executor's clean-up).
 */
export async function writeGrid(
  ws: Excel.Worksheet,
  top: number,
  left: number,
  grid: unknown[][],
  prop: 'formulas' | 'numberFormat',
  budget: RequestBudget,
): Promise<void> {
  const width = grid[0]?.length ?? 0;
  if (grid.length === 0 || width === 0) return;
  const block = REQUEST_BUDGET_BYTES / 2;
  let start = 0;
  while (start < grid.length) {
    let end = start;
    let bytes = 2;
    while (end < grid.length && (end === start || bytes + rowBytes(grid[end]) <= block)) bytes += rowBytes(grid[end++]);
    await budget.room(bytes + OP_ESTIMATE);
    const range = ws.getRangeByIndexes(top + start, left, end - start, width);
    if (prop === 'formulas') range.formulas = grid.slice(start, end);
    else range.numberFormat = grid.slice(start, end);
    start = end;
  }
}
