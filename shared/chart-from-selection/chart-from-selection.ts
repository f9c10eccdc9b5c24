/**
 * Charts on demand: any of the five charts built from the block of cells the user selected
 * (header row + data rows), read from the host in one call. Pure: the host reads the selection
 * (values and address), this module decides which column plays which role and returns either a
 * ChartOp for the host's chart executor, or a sentence telling the user what to select instead.
 *
 * - Roles come from the header names (with aliases: "Business Impact" is Impact, "Score (1–5)" is
 *   the score), and only when no header names a role, from the column order (the columns whose data
 *   fits, left to right), when that is unambiguous.
 * - Every range of the ChartOp points at the selected cells: the chart follows the data, it never
 *   holds copies of values.
 * - The chart is anchored to the right of the selection and of every used column of the sheet, with
 *   one spacer column, so it never covers a non-empty cell.
 * - The roadmap's Gantt bars need numbers no selected column holds (bar offset and length in
 *   quarters). A chart can only reference cells, so two helper columns with native formulas are
 *   written right of the selection, only when those cells are empty (the host checks); otherwise the
 *   request is refused: user data is never overwritten.
 */
import type { ChartOp } from '../plan/plan';
import { cellA1, rangeA1 } from '../a1/a1';
import { quoteSheet } from '../plan/resolve';
import * as msg from '../core/messages';
import { ROW_PX, type SelectionChartKind as ChartKind } from '../compiler/charts';
import type { DayOf } from '../dates/calendar-day';
import {
  isRefusal,
  readTable,
  refuse,
  selectionRect,
  stripSheet,
  type Refusal,
  type SelectedTable,
} from './selection-read';
import { matchColumns, ROLES, validateColumns, type Assignment } from './selection-roles';
import { BUILDERS, type ChartBase, type SelectionWrite } from './selection-build';

export { selectionRect, stripSheet, type SelectionWrite };

export interface ChartCatalogEntry {
  kind: ChartKind;
  /** Menu caption and panel name. */
  name: string;
  /** One line telling the user what to select. */
  hint: string;
}

/** The five charts the user can insert on demand, in menu order. */
export const CHART_CATALOG: readonly ChartCatalogEntry[] = [
  {
    kind: 'roadmapTimeline',
    name: 'Roadmap timeline',
    hint: 'Select your initiatives with a name, a Start date and an End date column.',
  },
  {
    kind: 'impactEffortMatrix',
    name: 'Impact / Effort matrix',
    hint: 'Select your projects table with Effort and Impact columns.',
  },
  {
    kind: 'healthRadar',
    name: 'Technical health radar',
    hint: 'Select the dimensions with a Score column (and a Target column if you have one).',
  },
  { kind: 'metricProgress', name: 'Metric progress', hint: 'Select your metrics with a Progress column (0–100%).' },
  { kind: 'themeProgress', name: 'Theme progress', hint: 'Select your themes with a % Complete column.' },
];

export const CHART_KINDS: readonly ChartKind[] = CHART_CATALOG.map((c) => c.kind);

export function isChartKind(kind: unknown): kind is ChartKind {
  return typeof kind === 'string' && (CHART_KINDS as readonly string[]).includes(kind);
}

/** The error for a chart kind that is not in the catalog (menus, sidebar and task pane send only catalog kinds). */
export function noSuchChartText(kind: unknown): string {
  return msg.noSuchChart(
    String(kind),
    CHART_CATALOG.map((c) => c.name),
  );
}

/** What the host read: the selected block (header row first) and where it is. */
export interface SelectionInput {
  /** Name of the sheet the selection is on. */
  sheet: string;
  /** A1 address of the selection, with or without the sheet: "B3:F20", "'Q1 plan'!B3:F20", "A:F". */
  address: string;
  /** The selection's values, one array per row, header row first (Sheets getValues / Excel range.values). */
  values: unknown[][];
}

export interface SelectionContext {
  /** Last used column of the sheet (1-based, 0 when empty): the chart goes to the right of it too. */
  usedRight?: number;
  /**
   * Whether the cells helper columns would take (see helperRange) are empty. Needed for the roadmap
   * timeline only; when not known the request is refused rather than risk overwriting.
   */
  helpersFree?: boolean;
  /**
   * Last sheet row covered by charts already on the sheet (0 or absent when none): the new chart goes
   * below them, so charts never cover each other either (e.g. a template's own chart right of its table).
   */
  chartsBottomRow?: number;
  /** Reads a Date cell as the day it shows in the host's zone (Sheets: the spreadsheet's); default the runtime's. */
  dayOf?: DayOf;
}

/** Sheet rows a chart of `heightPx` covers from an anchor row (rows of the default height, 21 px). */
export function chartBottomRow(anchorRow: number, offsetPx: number, heightPx: number): number {
  return anchorRow + Math.ceil((Math.max(offsetPx, 0) + Math.max(heightPx, 0)) / ROW_PX);
}

export type ChartFromSelection =
  | {
      ok: true;
      op: ChartOp;
      writes: SelectionWrite[];
      /** Which column plays which role, for the success message: "Effort: Effort (E), Impact: Business Impact (C)". */
      roles: string;
      /** The selection as A1 without sheet, e.g. "A1:K4". */
      range: string;
      message: string;
    }
  | Refusal;

/** How many helper columns a chart of this kind writes right of the selection. */
export function helperColumnCount(kind: ChartKind): number {
  return kind === 'roadmapTimeline' ? 2 : 0;
}

/** Where the helper columns of a chart of this kind would go (right of the selection, same rows), or undefined. */
export function helperRange(kind: ChartKind, address: string, rows = 0, cols = 0): string | undefined {
  const n = helperColumnCount(kind);
  const r = selectionRect(address, rows, cols);
  if (n === 0 || !r) return undefined;
  return rangeA1({ top: r.top, bottom: r.bottom, left: r.right + 1, right: r.right + n });
}

// ---------------------------------------------------------------------------------------------
// The phases: read (the selected block as a table: selection-read.ts) → match (which column plays which role:
// selection-roles.ts) → validate (each role column's data: selection-roles.ts) → place (anchor, helper columns)
// → build (the ChartOp of the kind: selection-build.ts) → report (the roles found, the message).

/**
 * Builds the chart of `kind` from the selected block, or says what is wrong with the selection.
 * Never throws for bad input: every problem is an `{ ok: false, error }` naming what is missing.
 */
export function chartFromSelection(
  kind: ChartKind,
  sel: SelectionInput,
  ctx: SelectionContext = {},
): ChartFromSelection {
  if (!isChartKind(kind)) return refuse(noSuchChartText(kind));
  const chart = CHART_CATALOG.find((c) => c.kind === kind)!.name;
  const table = readTable(chart, sel, ctx.dayOf);
  if (isRefusal(table)) return table;
  const assigned = matchColumns(kind, chart, table);
  if (isRefusal(assigned)) return assigned;
  const filledRows = validateColumns(chart, table, assigned);
  if (isRefusal(filledRows)) return filledRows;
  const base = placeChart(kind, chart, sel.sheet, table, ctx);
  if (isRefusal(base)) return base;
  const { op, writes } = BUILDERS[kind]({ table, assigned, filledRows, base });
  const range = rangeA1(table.rect);
  const roles = rolesFound(kind, table, assigned);
  const helperColumns = writes[0]?.range.replace(/\d+/g, '');
  return {
    ok: true,
    op,
    writes,
    roles,
    range,
    message: msg.chartInserted(chart, range, sel.sheet, op.anchor, roles, helperColumns),
  };
}

/**
 * Where the chart goes: right of the selection, its helper columns and every used column, with one spacer
 * column; below the charts already there. Refused when the helper columns it needs are not known to be empty.
 */
function placeChart(
  kind: ChartKind,
  chart: string,
  sheet: string,
  t: SelectedTable,
  ctx: SelectionContext,
): ChartBase | Refusal {
  const helpers = helperColumnCount(kind);
  if (helpers > 0 && ctx.helpersFree !== true) {
    const where = helperRange(kind, rangeA1(t.rect))!;
    return refuse(msg.helpersNotFree(chart, helpers, where, ctx.helpersFree));
  }
  const usedRight = Math.max(t.rect.right + helpers, ctx.usedRight ?? 0);
  const anchor = cellA1(Math.max(t.rect.top, ctx.chartsBottomRow ? ctx.chartsBottomRow + 2 : 0), usedRight + 2);
  return { kind, anchor, sheetRef: quoteSheet(sheet) };
}

/** Which column plays which role, in the roles' order: "Effort: Effort (E), Impact: Business Impact (C)". */
function rolesFound(kind: ChartKind, t: SelectedTable, assigned: Assignment): string {
  return ROLES[kind]
    .filter((d) => assigned.has(d.role))
    .map((d) => {
      const a = assigned.get(d.role)!;
      return `${d.label}: ${t.headerText(a.col)} (${t.letter(a.col)}${a.byName ? '' : ', by column order'})`;
    })
    .join(', ');
}
