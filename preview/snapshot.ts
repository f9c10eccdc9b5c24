/**
 * "Record snapshot" and the strategy document in the local preview: the preview's workbook (HyperFormula)
 * read as values (computed, as a saved file holds them), the snapshot appended to the Progress History sheet
 * with one engine batch below its last row (inserting the sheet first when missing, with the preview's
 * template executor), and the appended cells' number formats added to the sheet's formats. Nothing else
 * is written.
 */
import { DetailedCellError } from 'hyperformula';
import { ymdToSerial } from '../shared/core/args';
import { strategyMarkdown } from '../shared/strategy/document';
import { documentNeedsSheets } from '../shared/core/messages';
import type { ReadCell, ReadSheet } from '../shared/strategy/read';
import { historyPlan, historyTarget, placedFormats, placeRows, planSnapshot } from '../shared/strategy/record';
import { colLetter } from '../shared/a1/a1';
import { formatValue } from '../shared/core/number-format';
import { columnFormat, planRoadmapAppend, ROADMAP_APPEND_COLUMNS } from '../shared/strategy/roadmap-append';
import { toEngineContent, type PreviewWorkbook } from './workbook';
import { planFormatAt } from './sheet-meta';
import { growTrendsPreview } from './trend-growth';
import type { SnapshotReport } from '../shared/panel/panel-api';

/** Every sheet's values, errors as { error }, with what each number shows in the grid ("99.50%", as the hosts' display text). */
export function readPreviewSheets(wb: PreviewWorkbook): ReadSheet[] {
  return wb.sheetNames().map((name) => readPreviewSheet(wb, name));
}

/** One sheet's values, as readPreviewSheets reads each. */
function readPreviewSheet(wb: PreviewWorkbook, name: string): ReadSheet {
  const rows = wb.hf
    .getSheetValues(wb.sheetId(name))
    .map((row) =>
      row.map((v): ReadCell => (v instanceof DetailedCellError ? { error: String(v.value) } : (v as ReadCell))),
    );
  return { name, rows, shown: shownNumbers(wb, name, rows) };
}

/** The display text of each number cell: its value with the format it has in the grid. */
function shownNumbers(wb: PreviewWorkbook, name: string, rows: ReadCell[][]): (string | undefined)[][] {
  const meta = wb.metaOf(name);
  return rows.map((row, r) =>
    row.map((v, c) =>
      typeof v === 'number' ? formatValue(v, wb.typedAt(name, r, c)?.format ?? planFormatAt(meta, r, c)) : undefined,
    ),
  );
}

function today(now: Date): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Appends today's snapshot; returns the sheet written and a message. */
export function recordPreviewSnapshot(wb: PreviewWorkbook, now = new Date()): SnapshotReport {
  const serial = today(now);
  const plan = planSnapshot(readPreviewSheets(wb), serial, now);
  let target = plan.destination;
  if (!target) {
    const outcome = wb.insertPlan(historyPlan(serial));
    const created = readPreviewSheets(wb).find((s) => s.name === outcome.sheets[0]);
    target = created && historyTarget(created);
    if (!target) throw new Error('The snapshot was not recorded: the Progress History sheet could not be created.');
  }
  let trends = '';
  if (plan.rows.length > 0) {
    // The trend charts reach the new rows (their helpers and ranges grown first), or the message says what they miss.
    trends = growTrendsPreview(wb, readPreviewSheet(wb, target.sheet), target, plan.rows);
    const { col, cells } = placeRows(plan, target);
    const id = wb.sheetId(target.sheet);
    // Blank cells of the block stay untouched (there is nothing below the last row to overwrite anyway).
    wb.hf.batch(() =>
      cells.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null) wb.hf.setCellContents({ sheet: id, row: target!.row + i, col: col + j }, toEngineContent(v));
        }),
      ),
    );
    const { formats } = placedFormats(plan, target);
    const meta = wb.metaOf(target.sheet);
    for (const run of formatRuns(formats, col, target.row)) meta.numberFormats.push(run);
  }
  return { sheets: [target.sheet], message: `${plan.message} Added to "${target.sheet}".${trends}` };
}

/**
 * A block's formats (one row of formats per line, from 0-based `row`, `col`) as ranges of a column sharing one format
 * ("A2:A10" for the dates, "D2:D5" for the metrics' percentages…), General included: a cell's own format replaces the
 * column's (History's Value was formatted "0.###" before the snapshot wrote each line's own).
 */
function formatRuns(formats: string[][], col: number, row: number): { range: string; format: string }[] {
  const out: { range: string; format: string }[] = [];
  formats[0].forEach((_, j) => {
    const L = colLetter(col + j);
    let start = 0;
    for (let i = 1; i <= formats.length; i++) {
      if (i < formats.length && formats[i][j] === formats[start][j]) continue;
      out.push({ range: `${L}${row + 1 + start}:${L}${row + i}`, format: formats[start][j] });
      start = i;
    }
  });
  return out;
}

/** The preview workbook's strategy document as Markdown. */
export function previewStrategyMarkdown(wb: PreviewWorkbook, now = new Date()): string {
  const r = strategyMarkdown(readPreviewSheets(wb), now);
  if ('missing' in r) throw new Error(documentNeedsSheets(r.missing));
  return r.markdown;
}

/** Appends each planned project not yet on the Roadmap below its last row, input columns only (one engine batch). */
export function addPlannedToRoadmapPreview(wb: PreviewWorkbook, now = new Date()): SnapshotReport {
  const plan = planRoadmapAppend(readPreviewSheets(wb), today(now), now);
  if (!plan.sheet) throw new Error(plan.message);
  const id = wb.sheetId(plan.sheet);
  wb.hf.batch(() =>
    plan.rows.forEach((line, i) =>
      ROADMAP_APPEND_COLUMNS.forEach((key) => {
        const v = line[key];
        if (v !== null && v !== '')
          wb.hf.setCellContents({ sheet: id, row: plan.row + i, col: plan.columns[key] }, toEngineContent(v));
      }),
    ),
  );
  const meta = wb.metaOf(plan.sheet);
  for (const key of ROADMAP_APPEND_COLUMNS) {
    const format = columnFormat(key);
    const L = colLetter(plan.columns[key]);
    if (format && plan.rows.length > 0)
      meta.numberFormats.push({ range: `${L}${plan.row + 1}:${L}${plan.row + plan.rows.length}`, format });
  }
  return { sheets: [plan.sheet], message: plan.message };
}
