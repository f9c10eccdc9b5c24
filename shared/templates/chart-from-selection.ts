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
import type { ChartAxisOp, ChartOp, ChartSeriesOp, PlanCell } from './plan';
import { cellA1, colIndex, colLetter, rangeA1, type RangeRef } from './a1';
import { quoteSheet } from './resolve';
import { MAX_SERIAL, MIN_SERIAL, serialToDate } from '../core/args';
import * as msg from '../core/messages';
import { hostErrorCode, isBlank, isDateObject, showValue } from '../core/values';
import {
  HEALTH_AXIS,
  HEALTH_RADAR_TITLE,
  MIN_EXCEL_ROWS,
  PROGRESS_COLOR,
  ROW_PX,
  TARGET_COLOR,
  metricProgressChart,
  percentAxis,
  quadrantCaptions,
  quarterAxis,
  quarterPosition,
  scaleAxis,
  themeProgressChart,
  timelineHeightPx,
  type ChartKind,
} from './charts';
import { DEFAULT_QUADRANT_THRESHOLD } from '../scoring/quadrant';
import { maxOf, minOf } from '../core/extremes';
import { datesAsDays, localDayOf, type DayOf } from '../dates/calendar-day';

const MS_PER_DAY = 86400000;

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

/** Cells the host writes before the chart (the roadmap's helper columns), in one block. */
export interface SelectionWrite {
  range: string;
  cells: PlanCell[][];
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
  | { ok: false; error: string };

/** How many helper columns a chart of this kind writes right of the selection. */
export function helperColumnCount(kind: ChartKind): number {
  return kind === 'roadmapTimeline' ? 2 : 0;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Strips the sheet part of an A1 address: "'My sheet'!B3:F20" → "B3:F20". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
}

/**
 * The selection's rectangle. Whole columns ("A:F") start at row 1 and end with the values read;
 * whole rows ("3:10") start at column A. Undefined when the address is not a single block.
 */
export function selectionRect(address: string, rows: number, cols: number): RangeRef | undefined {
  const a1 = stripSheet(address);
  if (a1.includes(',')) return undefined;
  const [a, b = a] = a1.split(':');
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const colOnly = /^([A-Za-z]{1,3})$/;
  const rowOnly = /^(\d+)$/;
  let m: RegExpExecArray | null;
  let n: RegExpExecArray | null;
  if ((m = cell.exec(a)) && (n = cell.exec(b))) {
    return {
      top: Math.min(+m[2], +n[2]),
      bottom: Math.max(+m[2], +n[2]),
      left: Math.min(colIndex(m[1]), colIndex(n[1])) + 1,
      right: Math.max(colIndex(m[1]), colIndex(n[1])) + 1,
    };
  }
  if ((m = colOnly.exec(a)) && (n = colOnly.exec(b))) {
    const left = Math.min(colIndex(m[1]), colIndex(n[1])) + 1;
    return { top: 1, bottom: Math.max(rows, 1), left, right: left + Math.max(cols, 1) - 1 };
  }
  if ((m = rowOnly.exec(a)) && (n = rowOnly.exec(b))) {
    const top = Math.min(+m[1], +n[1]);
    return { top, bottom: top + Math.max(rows, 1) - 1, left: 1, right: Math.max(cols, 1) };
  }
  return undefined;
}

/** Where the helper columns of a chart of this kind would go (right of the selection, same rows), or undefined. */
export function helperRange(kind: ChartKind, address: string, rows = 0, cols = 0): string | undefined {
  const n = helperColumnCount(kind);
  const r = selectionRect(address, rows, cols);
  if (n === 0 || !r) return undefined;
  return rangeA1({ top: r.top, bottom: r.bottom, left: r.right + 1, right: r.right + n });
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** A valid Date from any realm (Apps Script values cross into the bundle's realm). */
const isDate = (v: unknown): v is Date => isDateObject(v) && !Number.isNaN(v.getTime());
/** An error value as the host reads it ("#N/A", "#REF!" …): skipped like a blank, never plotted. */
const isErrorValue = (v: unknown): boolean => typeof v === 'string' && hostErrorCode(v.trim()) !== undefined;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): boolean => typeof v === 'string' && !isBlank(v) && !isErrorValue(v);

/** A cell as a calendar date (year, month 0–11, day), from a Date or a date serial; undefined otherwise. */
function calendarDate(v: unknown): { y: number; m: number; d: number } | undefined {
  // Dates arrive as UTC midnight of their day (see chartFromSelection): read in UTC.
  if (isDate(v)) return { y: v.getUTCFullYear(), m: v.getUTCMonth(), d: v.getUTCDate() };
  if (isNumber(v) && v >= MIN_SERIAL && v <= MAX_SERIAL) {
    const t = serialToDate(v);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
  }
  return undefined;
}

/** Position of a date in quarters since the quarter of `origin` (same as the helper formula). */
function quarterPos(date: { y: number; m: number; d: number }, origin: { y: number; m: number }): number {
  const q = Math.floor(date.m / 3);
  const start = Date.UTC(date.y, q * 3, 1);
  const next = Date.UTC(date.y, q * 3 + 3, 1);
  const here = Date.UTC(date.y, date.m, date.d);
  return date.y * 4 + q - (origin.y * 4 + Math.floor(origin.m / 3)) + (here - start) / (next - start);
}

// ---------------------------------------------------------------------------------------------
// Roles

type RoleType = 'text' | 'number' | 'date';

interface RoleDef {
  role: string;
  /** How the role is called in messages: "Effort". */
  label: string;
  type: RoleType;
  required: boolean;
  /** Header names that play the role, best first (compared in lower case, "%" read as "percent"). */
  aliases: string[];
}

const NAME_ALIASES = ['name', 'title', 'item'];

const ROLES: Record<ChartKind, RoleDef[]> = {
  impactEffortMatrix: [
    {
      role: 'effort',
      label: 'Effort',
      type: 'number',
      required: true,
      aliases: ['effort', 'cost', 'size', 'complexity', 'work'],
    },
    {
      role: 'impact',
      label: 'Impact',
      type: 'number',
      required: true,
      aliases: ['impact', 'business impact', 'value', 'benefit'],
    },
    {
      role: 'name',
      label: 'Project',
      type: 'text',
      required: false,
      aliases: ['project', 'initiative', 'epic', 'feature', ...NAME_ALIASES],
    },
  ],
  roadmapTimeline: [
    {
      role: 'start',
      label: 'Start',
      type: 'date',
      required: true,
      aliases: ['start', 'start date', 'begin', 'From', 'kickoff'],
    },
    {
      role: 'end',
      label: 'End',
      type: 'date',
      required: true,
      aliases: ['end', 'end date', 'finish', 'due', 'until', 'to', 'deadline', 'target date'],
    },
    {
      role: 'name',
      label: 'Initiative',
      type: 'text',
      required: true,
      aliases: ['initiative', 'project', 'epic', 'feature', 'milestone', ...NAME_ALIASES],
    },
  ],
  healthRadar: [
    {
      role: 'score',
      label: 'Score',
      type: 'number',
      required: true,
      aliases: ['score', 'rating', 'current', 'level', 'value'],
    },
    { role: 'target', label: 'Target', type: 'number', required: false, aliases: ['target', 'goal', 'desired'] },
    {
      role: 'name',
      label: 'Dimension',
      type: 'text',
      required: true,
      aliases: ['dimension', 'area', 'aspect', 'category', ...NAME_ALIASES],
    },
  ],
  metricProgress: [
    {
      role: 'progress',
      label: 'Progress',
      type: 'number',
      required: true,
      aliases: [
        'progress',
        'percent progress',
        'percent to target',
        'percent complete',
        'complete',
        'achieved',
        'percent',
      ],
    },
    {
      role: 'name',
      label: 'Metric',
      type: 'text',
      required: true,
      aliases: ['metric', 'technical metric', 'kpi', 'measure', 'indicator', ...NAME_ALIASES],
    },
  ],
  themeProgress: [
    {
      role: 'progress',
      label: '% Complete',
      type: 'number',
      required: true,
      aliases: ['percent complete', 'complete', 'percent done', 'done percent', 'progress', 'percent'],
    },
    {
      role: 'name',
      label: 'Theme',
      type: 'text',
      required: true,
      aliases: ['theme', 'strategic theme', 'objective', 'goal', ...NAME_ALIASES],
    },
  ],
};

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** How well a header names an alias: 3 exact, 2 starts with it, 1 contains it as whole words, 0 not at all. */
function matchScore(header: string[], alias: string[]): number {
  if (header.length === 0) return 0;
  if (header.join(' ') === alias.join(' ')) return 3;
  for (let i = 0; i + alias.length <= header.length; i++) {
    if (alias.every((w, j) => header[i + j] === w)) return i === 0 ? 2 : 1;
  }
  return 0;
}

/** Does a column's data fit a role's type (at least one value, every non-blank value of the type)? */
function fits(type: RoleType, data: unknown[]): boolean {
  const filled = data.filter((v) => !isBlank(v) && !isErrorValue(v));
  if (filled.length === 0) return false;
  if (type === 'text') return filled.filter(isText).length * 2 >= filled.length;
  if (type === 'number') return filled.every(isNumber);
  return filled.every((v) => calendarDate(v) !== undefined);
}

interface Assigned {
  role: RoleDef;
  /** 0-based index in the selection. */
  col: number;
  /** Found by header name (true) or by column order (false). */
  byName: boolean;
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * Builds the chart of `kind` from the selected block, or says what is wrong with the selection.
 * Never throws for bad input: every problem is an `{ ok: false, error }` naming what is missing.
 */
export function chartFromSelection(
  kind: ChartKind,
  sel: SelectionInput,
  ctx: SelectionContext = {},
): ChartFromSelection {
  if (!isChartKind(kind)) return { ok: false, error: noSuchChartText(kind) };
  const entry = CHART_CATALOG.find((c) => c.kind === kind)!;
  const fail = (error: string): ChartFromSelection => ({ ok: false, error });
  // Each date cell as the day it shows in the host's zone (Sheets: the spreadsheet's), at UTC midnight.
  const dayOf = ctx.dayOf ?? localDayOf;
  const values = Array.isArray(sel.values)
    ? sel.values.filter((r) => Array.isArray(r)).map((r) => datesAsDays(r, dayOf))
    : [];
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rect = selectionRect(sel.address, values.length, width);
  if (!rect) return fail(msg.notOneBlock(entry.name, sel.address));
  if (values.length < 2 || width === 0)
    return fail(msg.needHeaderAndData(entry.name, stripSheet(sel.address), values.length));

  // Whole-column selections: stop after the last row with anything in it.
  let rows = values;
  if (/^[A-Za-z]+:[A-Za-z]+$/.test(stripSheet(sel.address))) {
    let last = rows.length - 1;
    while (last > 1 && rows[last].every(isBlank)) last--;
    rows = rows.slice(0, last + 1);
    rect.bottom = rect.top + rows.length - 1;
  }
  const header = Array.from({ length: width }, (_, j) => rows[0][j]);
  const data = rows.slice(1);
  const column = (j: number): unknown[] => data.map((r) => r[j]);
  const headerText = (j: number): string =>
    isBlank(header[j]) ? `column ${colLetter(rect.left - 1 + j)}` : String(header[j]).trim();
  const letter = (j: number): string => colLetter(rect.left - 1 + j);
  const found = header.map((h, j) => (isBlank(h) ? '' : headerText(j))).filter(Boolean);
  const foundText =
    found.length === 0
      ? 'no column names'
      : found.length > 10
        ? `${found.slice(0, 10).join(', ')}, …`
        : found.join(', ');

  if (header.every((h) => isBlank(h) || isNumber(h) || isDate(h))) {
    return fail(
      msg.headerRowFirst(
        ROLES[kind].filter((r) => r.required).map((r) => r.label),
        foundText,
      ),
    );
  }

  // 1. By header name: each role takes the best-matching free column (ties: leftmost).
  const defs = ROLES[kind];
  const taken = new Set<number>();
  const assigned = new Map<string, Assigned>();
  const headerWords = header.map((h) => (typeof h === 'string' ? words(h) : []));
  const candidates: Array<{ def: RoleDef; col: number; score: number; rank: number }> = [];
  for (const def of defs) {
    for (let j = 0; j < width; j++) {
      let best = 0;
      let rank = 0;
      def.aliases.forEach((a, k) => {
        const s = matchScore(headerWords[j], words(a));
        if (s > best) {
          best = s;
          rank = k;
        }
      });
      if (best > 0) candidates.push({ def, col: j, score: best, rank });
    }
  }
  candidates.sort(
    (a, b) => b.score - a.score || a.rank - b.rank || defs.indexOf(a.def) - defs.indexOf(b.def) || a.col - b.col,
  );
  for (const c of candidates) {
    if (assigned.has(c.def.role) || taken.has(c.col)) continue;
    assigned.set(c.def.role, { role: c.def, col: c.col, byName: true });
    taken.add(c.col);
  }

  // 2. By column order, only where unambiguous: the missing numeric/date roles take the free columns whose data
  //    fits, left to right, when there are exactly as many such columns as missing roles.
  const missingValues = defs.filter((d) => d.type !== 'text' && d.required && !assigned.has(d.role));
  if (missingValues.length > 0) {
    const free = (type: RoleType): number[] =>
      Array.from({ length: width }, (_, j) => j).filter((j) => !taken.has(j) && fits(type, column(j)));
    const pool = free(missingValues[0].type);
    if (missingValues.every((d) => d.type === missingValues[0].type) && pool.length === missingValues.length) {
      missingValues.forEach((d, i) => {
        assigned.set(d.role, { role: d, col: pool[i], byName: false });
        taken.add(pool[i]);
      });
    } else {
      const names = defs.filter((d) => d.type !== 'text' && d.required).map((d) => d.label);
      return fail(msg.needColumns(names, foundText));
    }
  }
  // Labels: the named column, else the first free column holding text.
  const nameDef = defs.find((d) => d.role === 'name')!;
  if (!assigned.has('name')) {
    const j = Array.from({ length: width }, (_, k) => k).find((k) => !taken.has(k) && fits('text', column(k)));
    if (j !== undefined) {
      assigned.set('name', { role: nameDef, col: j, byName: false });
      taken.add(j);
    } else if (nameDef.required) {
      return fail(msg.needNameColumn(entry.name, nameDef.label, foundText));
    }
  }

  // 3. Validate the data of each role column.
  const sheetRow = (i: number): number => rect.top + 1 + i;
  let lastFilled = -1;
  for (const a of assigned.values()) {
    const col = column(a.col);
    const what = `"${headerText(a.col)}" (${a.role.label}, column ${letter(a.col)})`;
    let any = false;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (isBlank(v)) continue;
      lastFilled = Math.max(lastFilled, i);
      if (isErrorValue(v)) continue;
      if (a.role.type === 'number' && !isNumber(v))
        return fail(msg.mustHold(what, 'numbers', `${letter(a.col)}${sheetRow(i)}`, showValue(v), false));
      if (a.role.type === 'date' && !calendarDate(v))
        return fail(msg.mustHold(what, 'dates', `${letter(a.col)}${sheetRow(i)}`, showValue(v), typeof v === 'string'));
      any = true;
    }
    if (!any && a.role.type !== 'text' && a.role.required)
      return fail(
        msg.nothingInRows(what, a.role.type === 'date' ? 'dates' : 'numbers', sheetRow(0), sheetRow(col.length - 1)),
      );
  }
  if (lastFilled < 0) return fail(msg.emptyRows(entry.name));

  const rangeOf = (role: string): string | undefined => {
    const a = assigned.get(role);
    if (!a) return undefined;
    const c = rect.left + a.col;
    return rangeA1({ top: rect.top + 1, bottom: rect.bottom, left: c, right: c });
  };
  const headerOf = (role: string): string => headerText(assigned.get(role)!.col);
  const nums = (role: string): number[] => (assigned.has(role) ? column(assigned.get(role)!.col).filter(isNumber) : []);

  const helpers = helperColumnCount(kind);
  if (helpers > 0 && ctx.helpersFree !== true) {
    const where = helperRange(kind, rangeA1(rect))!;
    return fail(msg.helpersNotFree(entry.name, helpers, where, ctx.helpersFree));
  }
  const usedRight = Math.max(rect.right + helpers, ctx.usedRight ?? 0);
  const anchor = cellA1(Math.max(rect.top, ctx.chartsBottomRow ? ctx.chartsBottomRow + 2 : 0), usedRight + 2);
  const filledRows = lastFilled + 1;
  const base = {
    kind,
    anchor,
    options: { onDemand: true },
    sheetRef: quoteSheet(sel.sheet),
  };
  const writes: SelectionWrite[] = [];
  let op: ChartOp;

  switch (kind) {
    case 'impactEffortMatrix': {
      const xs = nums('effort');
      const ys = nums('impact');
      const all = [...xs, ...ys];
      const onScale = all.every((v) => v >= 1 && v <= 10);
      const lo = minOf(all);
      const hi = maxOf(all);
      const mid = onScale ? DEFAULT_QUADRANT_THRESHOLD : (lo + hi) / 2;
      const axis = (title: string): ChartAxisOp => (onScale ? scaleAxis(title, mid) : { title, crossesAt: mid });
      const series: ChartSeriesOp = {
        name: 'Projects',
        values: rangeOf('impact')!,
        xValues: rangeOf('effort')!,
        color: PROGRESS_COLOR,
      };
      const labels = rangeOf('name');
      if (labels) series.pointLabels = labels;
      op = {
        ...base,
        title: 'Impact / Effort matrix',
        form: 'scatter',
        series: [series],
        ranges: { series0: series.values, x0: series.xValues! },
        axes: {
          category: axis(`${headerOf('effort')}${onScale ? ' (1 = low, 10 = high)' : ''}`),
          value: axis(`${headerOf('impact')}${onScale ? ' (1 = low, 10 = high)' : ''}`),
        },
        quadrants: quadrantCaptions(mid, mid),
        legend: 'none',
        widthPx: 640,
        heightPx: 520,
      };
      if (labels) op.ranges.labels = labels;
      break;
    }
    case 'roadmapTimeline': {
      const startJ = assigned.get('start')!.col;
      const endJ = assigned.get('end')!.col;
      const hl = rect.right + 1;
      const startCol = rangeOf('start')!.replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/, '$$$1$$$2:$$$3$$$4');
      const origin = `MIN(${startCol})`;
      const cells: PlanCell[][] = [['Chart: start (quarters)', 'Chart: length (quarters)']];
      for (let i = 0; i < data.length; i++) {
        const r = sheetRow(i);
        const s = `${letter(startJ)}${r}`;
        const e = `${letter(endJ)}${r}`;
        const dated = `AND(ISNUMBER(${s}),ISNUMBER(${e}),${e}>=${s})`;
        cells.push([
          `=IF(${dated},1+${quarterPosition(s, origin)},"")`,
          `=IF(${dated},${quarterPosition(`(${e}+1)`, origin)}-${quarterPosition(s, origin)},"")`,
        ]);
      }
      writes.push({ range: rangeA1({ top: rect.top, bottom: rect.bottom, left: hl, right: hl + 1 }), cells });
      // Quarters the axis shows: enough for the latest end date at insertion, at least four.
      const starts = column(startJ)
        .map(calendarDate)
        .filter((d): d is NonNullable<typeof d> => !!d);
      const ends = column(endJ).map((v) =>
        isNumber(v) ? calendarDate(v + 1) : isDate(v) ? calendarDate(new Date(v.getTime() + MS_PER_DAY)) : undefined,
      );
      let quarters = 4;
      if (starts.length > 0) {
        const first = starts.reduce((a, b) => (Date.UTC(a.y, a.m, a.d) <= Date.UTC(b.y, b.m, b.d) ? a : b));
        for (const e of ends) if (e) quarters = Math.max(quarters, Math.ceil(quarterPos(e, first) - 1e-9));
      }
      quarters = Math.min(quarters, 40);
      const { axis, guides } = quarterAxis(quarters);
      const offset = rangeA1({ top: rect.top + 1, bottom: rect.bottom, left: hl, right: hl });
      const length = rangeA1({ top: rect.top + 1, bottom: rect.bottom, left: hl + 1, right: hl + 1 });
      op = {
        ...base,
        title: 'Roadmap by quarter',
        form: 'stackedBar',
        categories: rangeOf('name')!,
        series: [
          { name: 'Start', values: offset, invisible: true },
          { name: 'Duration', values: length, color: PROGRESS_COLOR },
        ],
        ranges: { labels: rangeOf('name')!, series0: offset, series1: length },
        axes: { value: axis },
        guides,
        legend: 'none',
        widthPx: 760,
        heightPx: timelineHeightPx(filledRows),
        excelRows: Math.max(filledRows, 1),
      };
      break;
    }
    case 'healthRadar': {
      const all = [...nums('score'), ...nums('target')];
      const onScale = all.every((v) => v >= 0 && v <= 5);
      const series: ChartSeriesOp[] = [{ name: 'Score', values: rangeOf('score')!, color: PROGRESS_COLOR }];
      if (assigned.has('target')) series.push({ name: 'Target', values: rangeOf('target')!, color: TARGET_COLOR });
      op = {
        ...base,
        title: onScale ? HEALTH_RADAR_TITLE : 'Technical health',
        form: 'radar',
        categories: rangeOf('name')!,
        series,
        ranges: { labels: rangeOf('name')!, ...Object.fromEntries(series.map((s, i) => [`series${i}`, s.values])) },
        axes: { value: onScale ? HEALTH_AXIS : {} },
        legend: 'bottom',
        widthPx: 560,
        heightPx: 460,
      };
      break;
    }
    case 'metricProgress':
    case 'themeProgress': {
      const ps = nums('progress');
      // Fractions (0.45 shown as 45%) are the norm; a column of plain percentages (45) gets a 0–100 axis.
      const fraction = ps.every((v) => v <= 1.5);
      // Titles as on the template's own chart of this kind.
      const { title, axes } = kind === 'metricProgress' ? metricProgressChart() : themeProgressChart();
      const axisTitle = axes!.value!.title!;
      const axis: ChartAxisOp = fraction
        ? percentAxis(axisTitle)
        : {
            title: `${axisTitle} (%)`,
            min: 0,
            max: Math.max(100, Math.ceil(maxOf(ps) / 25) * 25),
            majorUnit: 25,
            numberFormat: '0',
          };
      const series: ChartSeriesOp = { name: headerOf('progress'), values: rangeOf('progress')!, color: PROGRESS_COLOR };
      op = {
        ...base,
        title,
        form: 'bar',
        categories: rangeOf('name')!,
        series: [series],
        ranges: { labels: rangeOf('name')!, series0: series.values },
        axes: { value: axis },
        legend: 'none',
        widthPx: 640,
        heightPx: Math.max(300, 120 + 26 * filledRows),
        excelRows: Math.max(filledRows, Math.min(MIN_EXCEL_ROWS, data.length)),
      };
      break;
    }
  }

  const order = defs
    .filter((d) => assigned.has(d.role))
    .map((d) => {
      const a = assigned.get(d.role)!;
      return `${d.label}: ${headerText(a.col)} (${letter(a.col)}${a.byName ? '' : ', by column order'})`;
    });
  const range = rangeA1(rect);
  const roles = order.join(', ');
  return {
    ok: true,
    op,
    writes,
    roles,
    range,
    message: msg.chartInserted(entry.name, range, sel.sheet, anchor, roles, writes[0]?.range.replace(/\d+/g, '')),
  };
}
