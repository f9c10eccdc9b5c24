/**
 * "Record snapshot", host-neutral: from the workbook's sheets (as values) to the block of rows to append to
 * the Progress History sheet, and where. Each host (Sheets, Excel, the preview) reads its sheets, calls
 * planSnapshot, inserts the History template when the workbook has none (the template executor: a new
 * sheet, never an existing one), and writes the block with one write below the last used row. Nothing
 * else is touched and no past row is rewritten (append-only).
 */
import { compileSpec } from '../compiler/compile';
import { typedText, type PlanCell, type RenderPlan } from '../plan/plan';
import { HISTORY_SHEET } from '../catalogue/history';
import { readStrategy, type ReadSheet } from './read';
import { snapshotLines, snapshotRows } from './snapshot';

/** The History sheet's columns in the order snapshotRows writes them. */
export const HISTORY_COLUMNS = ['date', 'kind', 'name', 'value', 'shown'] as const;
/**
 * The number formats of the appended cells, per column (dates as dates, "As Written" kept as text); the Value's is
 * each line's own (snapshot.ts valueFormat: "99.5%" shows 99.5%, "$1,200" $1,200).
 */
export const HISTORY_FORMATS: Record<Exclude<(typeof HISTORY_COLUMNS)[number], 'value'>, string> = {
  date: 'yyyy-mm-dd',
  kind: 'General',
  name: 'General',
  shown: '@',
};

export interface SnapshotTarget {
  /** The sheet to append to. */
  sheet: string;
  /** 0-based row of the first appended line (below the last used row) and column of each History column. */
  row: number;
  columns: number[];
}

export interface SnapshotPlan {
  /** Where to write; undefined when the workbook has no History sheet yet (insert historyPlan first). */
  destination?: SnapshotTarget;
  /** The lines to append, [date, what, name, value, as written]. */
  rows: PlanCell[][];
  /** Each line's Value format (the metric's own display: "0.0%", "\"$\"#,##0", General…). */
  valueFormats: string[];
  message: string;
}

/** The plan that creates the Progress History sheet (blank), for hosts to insert with their template executor. */
export function historyPlan(today: number): RenderPlan {
  return compileSpec(
    { id: 'history', name: HISTORY_SHEET.name, description: 'Progress snapshots', sheets: [HISTORY_SHEET] },
    { example: false, today },
  );
}

const filled = (v: unknown): boolean => v !== undefined && v !== null && String(v).trim() !== '';
const lowest = (xs: number[]): number => xs.reduce((a, b) => Math.min(a, b), Infinity);
const highest = (xs: number[]): number => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * Where to append on a History sheet read as values: below the last row with something in a History column
 * (columns by header). Only those columns count: the trend charts' hidden helper columns hold formulas (#N/A
 * when read as values) on every row of the sheet.
 */
export function historyTarget(sheet: ReadSheet): SnapshotTarget | undefined {
  const header = (sheet.rows[0] ?? []).map((v) =>
    String(v ?? '')
      .trim()
      .toLowerCase(),
  );
  const columns = HISTORY_COLUMNS.map((key) => {
    const c = HISTORY_SHEET.columns.find((x) => x.key === key)!;
    return header.indexOf(c.header.toLowerCase());
  });
  if (columns.some((c) => c < 0)) return undefined;
  let last = 0;
  sheet.rows.forEach((r, i) => {
    if (columns.some((c) => filled(r?.[c]))) last = i;
  });
  return { sheet: sheet.name, row: last + 1, columns };
}

/** The snapshot of the workbook `sheets` as of `today` (a serial day): what to append, and where. */
export function planSnapshot(sheets: ReadSheet[], today: number, now: Date): SnapshotPlan {
  const { data, found } = readStrategy(sheets, now);
  const lines = snapshotLines(data);
  const rows = snapshotRows(lines, today);
  const history = found.history ? sheets.find((s) => s.name === found.history) : undefined;
  // What the trend charts will show of it is said by the host once it has grown them (trend-growth.ts trendStep).
  const target = history ? historyTarget(history) : undefined;
  const what =
    rows.length === 0
      ? 'nothing to record yet (no metrics, themes or health scores)'
      : `${rows.length} value${rows.length === 1 ? '' : 's'}`;
  const valueFormats = lines.map((l) => l.format);
  return { destination: target, rows, valueFormats, message: `Snapshot recorded: ${what}.` };
}

/**
 * The block to write at the target: one row per line, spanning the History columns from the leftmost to the
 * rightmost (cells between them that are not History columns stay blank: the rows are new, below all data).
 * Texts (a theme or metric name, a value as written) are quote-prefixed when they start with `=`, `+`, `-`, `@` or
 * an apostrophe (typedText), so no host reads a name typed `'=HYPERLINK(…)` as a formula: they stay text.
 */
export function placeRows(plan: SnapshotPlan, target: SnapshotTarget): { col: number; cells: PlanCell[][] } {
  const col = lowest(target.columns);
  const width = highest(target.columns) - col + 1;
  const cells = plan.rows.map((line) => {
    const row: PlanCell[] = Array.from({ length: width }, () => null);
    target.columns.forEach((c, i) => {
      const v = line[i];
      row[c - col] = typeof v === 'string' ? typedText(v) : v;
    });
    return row;
  });
  return { col, cells };
}

/** The number format of each cell of the placed block (matching placeRows): one row of formats per line. */
export function placedFormats(plan: SnapshotPlan, target: SnapshotTarget): { col: number; formats: string[][] } {
  const col = lowest(target.columns);
  const width = highest(target.columns) - col + 1;
  const formats = plan.valueFormats.map((valueFormat) => {
    const row = Array.from({ length: width }, () => 'General');
    target.columns.forEach((c, i) => {
      const key = HISTORY_COLUMNS[i];
      row[c - col] = key === 'value' ? valueFormat : HISTORY_FORMATS[key];
    });
    return row;
  });
  return { col, formats };
}
