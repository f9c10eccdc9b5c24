/**
 * Charts on demand, phases 2 and 3 (match, validate): which column of the selected table plays which role of the
 * chart — by header name first (with aliases: "Business Impact" is Impact), then by column order where that is
 * unambiguous — and whether each role column holds what the role needs. See chart-from-selection.ts.
 */
import * as msg from '../core/messages';
import { isBlank, showValue } from '../core/values';
import type { SelectionChartKind as ChartKind } from '../compiler/charts';
import {
  calendarDate,
  isDate,
  isErrorValue,
  isNumber,
  isText,
  refuse,
  type Refusal,
  type SelectedTable,
} from './selection-read';

type RoleType = 'text' | 'number' | 'date';

export interface RoleDef {
  role: string;
  /** How the role is called in messages: "Effort". */
  label: string;
  type: RoleType;
  required: boolean;
  /** Header names that play the role, best first (compared in lower case, "%" read as "percent"). */
  aliases: string[];
}

const NAME_ALIASES = ['name', 'title', 'item'];

export const ROLES: Record<ChartKind, RoleDef[]> = {
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

export interface Assigned {
  role: RoleDef;
  /** 0-based index in the selection. */
  col: number;
  /** Found by header name (true) or by column order (false). */
  byName: boolean;
}

/** Role name → the column playing it. */
export type Assignment = Map<string, Assigned>;

/** The required roles' labels: what the header row should name. */
function requiredLabels(kind: ChartKind): string[] {
  return ROLES[kind].filter((r) => r.required).map((r) => r.label);
}

/**
 * Matches columns to the chart's roles: by header name, then by column order, then the labels' column. Refused when
 * the first row is not a header row or a required role has no column.
 */
export function matchColumns(kind: ChartKind, chart: string, t: SelectedTable): Assignment | Refusal {
  if (t.header.every((h) => isBlank(h) || isNumber(h) || isDate(h))) {
    return refuse(msg.headerRowFirst(requiredLabels(kind), t.foundText));
  }
  const defs = ROLES[kind];
  const assigned = byHeaderName(defs, t);
  const taken = new Set([...assigned.values()].map((a) => a.col));
  const ordered = byColumnOrder(defs, t, assigned, taken);
  if (ordered) return ordered;
  return labelColumn(defs, chart, t, assigned, taken) ?? assigned;
}

/** 1. By header name: each role takes the best-matching free column (ties: leftmost). */
function byHeaderName(defs: RoleDef[], t: SelectedTable): Assignment {
  const headerWords = t.header.map((h) => (typeof h === 'string' ? words(h) : []));
  const candidates: Array<{ def: RoleDef; col: number; score: number; rank: number }> = [];
  for (const def of defs) {
    for (let j = 0; j < t.width; j++) {
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
  const assigned: Assignment = new Map();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (assigned.has(c.def.role) || taken.has(c.col)) continue;
    assigned.set(c.def.role, { role: c.def, col: c.col, byName: true });
    taken.add(c.col);
  }
  return assigned;
}

/**
 * 2. By column order, only where unambiguous: the missing numeric/date roles take the free columns whose data fits,
 * left to right, when there are exactly as many such columns as missing roles. Adds to `assigned` and `taken`.
 */
function byColumnOrder(
  defs: RoleDef[],
  t: SelectedTable,
  assigned: Assignment,
  taken: Set<number>,
): Refusal | undefined {
  const missingValues = defs.filter((d) => d.type !== 'text' && d.required && !assigned.has(d.role));
  if (missingValues.length === 0) return undefined;
  const pool = freeColumns(t, taken, missingValues[0].type);
  if (missingValues.every((d) => d.type === missingValues[0].type) && pool.length === missingValues.length) {
    missingValues.forEach((d, i) => {
      assigned.set(d.role, { role: d, col: pool[i], byName: false });
      taken.add(pool[i]);
    });
    return undefined;
  }
  const names = defs.filter((d) => d.type !== 'text' && d.required).map((d) => d.label);
  return refuse(msg.needColumns(names, t.foundText));
}

/** 3. Labels: the named column, else the first free column holding text. Adds to `assigned` and `taken`. */
function labelColumn(
  defs: RoleDef[],
  chart: string,
  t: SelectedTable,
  assigned: Assignment,
  taken: Set<number>,
): Refusal | undefined {
  const nameDef = defs.find((d) => d.role === 'name')!;
  if (assigned.has('name')) return undefined;
  const j = freeColumns(t, taken, 'text')[0];
  if (j !== undefined) {
    assigned.set('name', { role: nameDef, col: j, byName: false });
    taken.add(j);
  } else if (nameDef.required) {
    return refuse(msg.needNameColumn(chart, nameDef.label, t.foundText));
  }
  return undefined;
}

/** Columns not yet taken whose data fits a type, left to right. */
function freeColumns(t: SelectedTable, taken: Set<number>, type: RoleType): number[] {
  return Array.from({ length: t.width }, (_, j) => j).filter((j) => !taken.has(j) && fits(type, t.column(j)));
}

/**
 * Checks the data of each role column: numbers where numbers are needed, dates where dates are (blanks and error
 * values skipped), something in every required value column. Returns how many data rows are filled (up to the
 * last row with anything in a role column).
 */
export function validateColumns(chart: string, t: SelectedTable, assigned: Assignment): number | Refusal {
  let lastFilled = -1;
  for (const a of assigned.values()) {
    const checked = validateColumn(t, a);
    if (typeof checked !== 'number') return checked;
    lastFilled = Math.max(lastFilled, checked);
  }
  if (lastFilled < 0) return refuse(msg.emptyRows(chart));
  return lastFilled + 1;
}

/** The index of the column's last filled data row (-1 when none), or why its data does not fit the role. */
function validateColumn(t: SelectedTable, a: Assigned): number | Refusal {
  const col = t.column(a.col);
  const what = `"${t.headerText(a.col)}" (${a.role.label}, column ${t.letter(a.col)})`;
  const cell = (i: number): string => `${t.letter(a.col)}${t.sheetRow(i)}`;
  let lastFilled = -1;
  let any = false;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (isBlank(v)) continue;
    lastFilled = Math.max(lastFilled, i);
    if (isErrorValue(v)) continue;
    if (a.role.type === 'number' && !isNumber(v))
      return refuse(msg.mustHold(what, 'numbers', cell(i), showValue(v), false));
    if (a.role.type === 'date' && !calendarDate(v))
      return refuse(msg.mustHold(what, 'dates', cell(i), showValue(v), typeof v === 'string'));
    any = true;
  }
  if (!any && a.role.type !== 'text' && a.role.required) {
    const type = a.role.type === 'date' ? 'dates' : 'numbers';
    return refuse(msg.nothingInRows(what, type, t.sheetRow(0), t.sheetRow(col.length - 1)));
  }
  return lastFilled;
}
