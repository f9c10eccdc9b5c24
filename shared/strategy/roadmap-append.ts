/**
 * "Add planned projects to the roadmap", host-neutral: from the workbook's sheets (as values) to the roadmap
 * rows to append. Each planned project (Prioritization sheet) that is not on the roadmap yet (by name, as the
 * document joins them: initiatives.ts) and is not "Don't Do" becomes a row with its theme, owner, the quarter
 * the plan gives it ("Q1"…"Q4": the roadmap's quarters) with that quarter's first and last day, and the
 * status "Not started". Projects planned past the plan's fourth quarter are named, not added.
 *
 * Append-only, as Record snapshot: the rows go below the last row that holds anything in one of the
 * Roadmap's input columns, and only those columns' cells of the new rows are written (each column on its
 * own: a formula column between them, the Duration, is never written over). Nothing else is touched.
 *
 * The calendar of the plan's first quarter: the First quarter setting's, with its year (the reader gives a bare "Q3"
 * the current year, as the sheet does). A setting that is no quarter ("soon", "Q3 FY27") adds nothing and says so,
 * as the sheet's Planned Quarter does.
 */
import { serialToDate, ymdToSerial } from '../core/args';
import { showValue } from '../core/values';
import { firstQuarterUnknown, ROADMAP_NEEDED, roadmapAppended } from '../core/messages';
import type { PlanCell } from '../plan/plan';
import { ROADMAP_SHEET, ROADMAP_STATUS } from '../catalogue/roadmap';
import { DONT_DO } from './initiatives';
import type { QuarterStart } from '../scoring/plan';
import { planPosition, planStart } from './plan-position';
import { readStrategy, type ReadCell, type ReadSheet } from './read';

/** The Roadmap's input columns the action writes, in this order. */
export const ROADMAP_APPEND_COLUMNS = ['initiative', 'theme', 'quarter', 'owner', 'start', 'end', 'status'] as const;
export type RoadmapColumn = (typeof ROADMAP_APPEND_COLUMNS)[number];
export const NOT_STARTED = ROADMAP_STATUS.notStarted;
export const DATE_FORMAT = 'yyyy-mm-dd';

export interface RoadmapAppendPlan {
  /** The Roadmap sheet; undefined when the workbook has none, or its First quarter is no quarter (hosts refuse with `message`). */
  sheet?: string;
  /** 0-based row of the first new line, and each written column's 0-based index. */
  row: number;
  columns: Record<RoadmapColumn, number>;
  /** The new lines by column (dates as serial days). */
  rows: Record<RoadmapColumn, PlanCell>[];
  message: string;
}

const norm = (v: unknown): string =>
  String(v ?? '')
    .trim()
    .toLowerCase();
const filled = (v: unknown): boolean => v !== undefined && v !== null && String(v).trim() !== '';

/** The header row (among the first five) holding "Initiative", and each written column's index; undefined if any is missing. */
function roadmapColumns(sheet: ReadSheet): { header: number; columns: Record<RoadmapColumn, number> } | undefined {
  for (let r = 0; r < Math.min(5, sheet.rows.length); r++) {
    const cells = (sheet.rows[r] ?? []).map(norm);
    const columns = {} as Record<RoadmapColumn, number>;
    for (const key of ROADMAP_APPEND_COLUMNS) {
      const header = ROADMAP_SHEET.columns.find((c) => c.key === key)!.header.toLowerCase();
      columns[key] = cells.indexOf(header);
    }
    if (Object.values(columns).every((c) => c >= 0)) return { header: r, columns };
  }
  return undefined;
}

/** First and last day of the calendar quarter `offset` quarters after the quarter holding `serial`. */
function calendarQuarter(serial: number, offset: number): { start: number; end: number } {
  const d = serialToDate(serial);
  const index = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) + offset;
  const [y, q] = [Math.floor(index / 4), index % 4];
  const start = ymdToSerial(y, q * 3 + 1, 1);
  const next = ymdToSerial(Math.floor((index + 1) / 4), ((index + 1) % 4) * 3 + 1, 1);
  return { start, end: next - 1 };
}

/** The first day of the plan's first quarter: that of the setting's year; today without one (no Prioritization sheet). */
function firstQuarterDay(start: QuarterStart, today: number): number {
  return start.year === undefined ? today : ymdToSerial(start.year, (start.quarter - 1) * 3 + 1, 1);
}

/** What to append to the Roadmap of `sheets` as of `today` (a serial day), and where. */
export function planRoadmapAppend(sheets: ReadSheet[], today: number, now: Date): RoadmapAppendPlan {
  const { data, found } = readStrategy(sheets, now);
  const sheet = found.roadmap ? sheets.find((s) => s.name === found.roadmap) : undefined;
  const layout = sheet && roadmapColumns(sheet);
  const none = { row: 0, columns: {} as Record<RoadmapColumn, number>, rows: [] };
  if (!sheet || !layout) return { ...none, message: ROADMAP_NEEDED };
  const start = planStart(data);
  if (start === undefined) return { ...none, message: firstQuarterUnknown(showValue(data.planStart ?? '')) };
  const onRoadmap = new Set(data.roadmap.map((r) => norm(r.initiative)));
  const q1 = firstQuarterDay(start, today);
  const rows: RoadmapAppendPlan['rows'] = [];
  const later: string[] = [];
  const dontDo: string[] = [];
  let already = 0;
  for (const p of data.projects) {
    if (!filled(p.project)) continue;
    if (norm(p.quadrant) === norm(DONT_DO)) {
      dontDo.push(p.project.trim());
      continue;
    }
    if (onRoadmap.has(norm(p.project))) {
      already++;
      continue;
    }
    const pos = planPosition(p.quarter, start);
    if (pos === undefined || pos < 1) continue;
    if (pos > 4) {
      later.push(p.project.trim());
      continue;
    }
    const { start: first, end: last } = calendarQuarter(q1, pos - 1);
    rows.push({
      initiative: p.project.trim(),
      theme: p.theme.trim(),
      quarter: `Q${pos}`,
      owner: p.owner.trim(),
      start: first,
      end: last,
      status: NOT_STARTED,
    });
    onRoadmap.add(norm(p.project));
  }
  let last = layout.header;
  sheet.rows.forEach((r, i) => {
    if (i > layout.header && Object.values(layout.columns).some((c) => filled(r?.[c]))) last = i;
  });
  const added = rows.map((r) => String(r.initiative));
  return {
    sheet: sheet.name,
    row: last + 1,
    columns: layout.columns,
    rows,
    message: roadmapAppended(sheet.name, added, already, dontDo, later),
  };
}

/** One column's new cells (a column block of `rows.length` × 1), for hosts that write column by column. */
export function columnCells(plan: RoadmapAppendPlan, key: RoadmapColumn): PlanCell[][] {
  return plan.rows.map((r) => [r[key]]);
}

/** The number format of a written column (dates as dates, everything else left as it is). */
export function columnFormat(key: RoadmapColumn): string | undefined {
  return key === 'start' || key === 'end' ? DATE_FORMAT : undefined;
}

/**
 * The 0-based index of the last row holding anything in one of `columns` (-1 when none does): the hosts read the
 * Roadmap again right before writing and go below this row, so rows a co-author added meanwhile are kept.
 */
export function lastFilledRow(sheet: ReadSheet, columns: number[]): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--)
    if (columns.some((c) => String(sheet.rows[r]?.[c] ?? '').trim() !== '')) return r;
  return -1;
}

/** The sheets as they read once the plan's rows are written (what "Refresh charts" then draws from, read no more). */
export function withAppended(sheets: ReadSheet[], plan: RoadmapAppendPlan): ReadSheet[] {
  return sheets.map((s) => {
    if (s.name !== plan.sheet) return s;
    const rows = s.rows.map((r) => r.slice());
    plan.rows.forEach((line, i) => {
      const row = (rows[plan.row + i] ??= []);
      for (const key of ROADMAP_APPEND_COLUMNS) row[plan.columns[key]] = line[key] as ReadCell;
    });
    return { ...s, rows };
  });
}
