/**
 * The roadmap chart's calendar: its value axis counts calendar quarters (index YEAR×4 + quarter−1, plus the share
 * of the quarter gone: charts.ts calendarPosition), so every bar stands in its own quarter whatever the other rows
 * hold, and each quarter is named with its year ("Q4 2026").
 *
 * The quarters shown run from the quarter before the plan's first (as the Prioritization sheet's "First quarter"
 * is set at insertion: example-dates.ts insertionDays) through the plan's fourth, widened to every quarter a dated row touches. Sheets
 * and Excel fix a chart's axis when it is made (from the rows given then); the preview and the .xlsx writer draw
 * from the cells as they are and widen it again (calendarOp), and name only the themes in use. Pure.
 */
import { serialToDate } from '../core/args';
import { sheetTrim } from '../core/values';
import type { ChartAxisOp, ChartOp } from '../plan/plan';

/** Quarters of the plan the roadmap shows at least (Q1–Q4 of the plan). */
export const ROADMAP_QUARTER_COUNT = 4;
/** Colour slots of the roadmap; a sixth and later theme share the last slot ("Other themes"). */
export const ROADMAP_THEME_SLOTS = 5;

/** The label of a calendar quarter index (YEAR×4 + quarter−1): 8107 → "Q4 2026". */
export function calendarQuarterLabel(index: number): string {
  return `Q${(((index % 4) + 4) % 4) + 1} ${Math.floor(index / 4)}`;
}

/** The calendar quarter index (YEAR×4 + quarter−1) of a date serial. */
export function calendarQuarterOf(serial: number): number {
  const d = serialToDate(serial);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
}

/** A dated row (Start and End numbers, End not before Start): its first and last quarter indexes. */
function datedQuarters(start: unknown, end: unknown): [number, number] | undefined {
  if (typeof start !== 'number' || typeof end !== 'number' || !(end >= start)) return undefined;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 1 || end > 2958465) return undefined;
  return [calendarQuarterOf(start), calendarQuarterOf(end)];
}

/** The window [first, last] widened to every dated row. */
function widened(window: [number, number], starts: unknown[], ends: unknown[]): [number, number] {
  let [first, last] = window;
  starts.forEach((s, i) => {
    const q = datedQuarters(s, ends[i]);
    if (!q) return;
    first = Math.min(first, q[0]);
    last = Math.max(last, q[1]);
  });
  return [first, last];
}

/**
 * The roadmap's calendar quarters at insertion (indexes, first and last): the quarter before the plan's first
 * quarter (the quarter of `planDay`) through the plan's fourth, widened to every quarter a dated row touches.
 */
export function roadmapWindow(planDay: number, starts: unknown[], ends: unknown[]): [number, number] {
  const plan = calendarQuarterOf(planDay);
  return widened([plan - 1, plan + ROADMAP_QUARTER_COUNT - 1], starts, ends);
}

/**
 * The value axis from quarter index `first` to `last` (each drawn whole), a line at every quarter's start and
 * each quarter named with its year: Sheets draws the guides as labelled ticks, the preview names each quarter
 * between its lines. An Excel value axis takes tick labels only from a number format, which holds at most two
 * conditions (no format names five quarters with their years), so Excel and the .xlsx hide the tick numbers and
 * the axis title names the quarters the lines divide (docs/host-api-notes.md).
 */
export function calendarAxis(
  first: number,
  last: number,
): { axis: ChartAxisOp; guides: NonNullable<ChartOp['guides']> } {
  const n = last - first + 1;
  return {
    axis: {
      title: `Quarter: ${calendarQuarterLabel(first)} to ${calendarQuarterLabel(last)}, a line each`,
      min: first,
      max: last + 1,
      majorUnit: 1,
      numberFormat: ';;;',
      sheetsFormat: '0',
    },
    guides: Array.from({ length: n + 1 }, (_, i) => ({
      value: first + i,
      label: i < n ? calendarQuarterLabel(first + i) : '',
    })),
  };
}

/** How many colour slots the themes of these cells fill (distinct names; the last slot takes the rest). */
export function themeSlotsInUse(themes: unknown[]): number {
  const names = new Set(themes.filter((t): t is string => typeof t === 'string').map(sheetTrim));
  names.delete('');
  return Math.min(names.size, ROADMAP_THEME_SLOTS);
}

/** One column of cell values, top to bottom. */
type ColumnReader = (a1: string) => unknown[];

/**
 * A calendar chart as the cells are now: the quarters widened to every dated row, and the theme slots no theme
 * fills left out of the legend. Other charts are returned as they are.
 */
export function calendarOp(op: ChartOp, read: ColumnReader): ChartOp {
  const cal = op.calendar;
  const guides = op.guides ?? [];
  if (!cal || guides.length < 2) return op;
  const [first, last] = widened([guides[0].value, guides[guides.length - 2].value], read(cal.start), read(cal.end));
  const { axis, guides: lines } = calendarAxis(first, last);
  const used = themeSlotsInUse(read(cal.theme));
  let slot = 0;
  const series = (op.series ?? []).map((s) => {
    if (s.invisible) return s;
    slot++;
    return slot > used ? { ...s, outOfLegend: true } : s;
  });
  return { ...op, axes: { ...op.axes, value: { ...op.axes?.value, ...axis } }, guides: lines, series };
}
