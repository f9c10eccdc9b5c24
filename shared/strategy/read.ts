/**
 * Reads a strategy workbook into StrategyData, whoever wrote it (our .xlsx writer, Excel, Google Sheets'
 * download, LibreOffice, a formula engine in tests): sheets are found by name ("Roadmap", "Roadmap (2)"),
 * else by their headers; columns by header name, wherever they moved, extra columns ignored; optional
 * sheets may be missing. Cells arrive as their values: a formula cell as the result cached in the file, or
 * `undefined` when the file has none (our own writer leaves results to the spreadsheet), in which case the
 * values the sheet computes per row (priority score, quadrant, planned quarter, commitment, metric progress and
 * status, the Discuss flag, a debt's payback and decision) are computed as each sheet's schema declares
 * (`computes`: a registry function, or a named evaluation). Pure: the caller reads the file.
 */
import { dateToSerial, isDateObject } from '../core/args';
import { isCellError } from '../core/values';
import { settingWithYear } from '../scoring/plan';
import type { ColumnKind, ColumnSpec, SheetSpec } from '../spec/spec';
import { ADR_SHEET } from '../catalogue/adr';
import { BUSINESS_CONTEXT_SHEET } from '../catalogue/business-context';
import { HEALTH_SHEET } from '../catalogue/health';
import { HISTORY_SHEET } from '../catalogue/history';
import { METRICS_SHEET } from '../catalogue/metrics';
import { NOT_DOING_SHEET } from '../catalogue/not-doing';
import { ORGANIZATION_SHEET } from '../catalogue/organization';
import { PRINCIPLES_SHEET } from '../catalogue/principles';
import { PRIORITIZATION_SHEET } from '../catalogue/prioritization';
import { PRIORITIZATION_SHEET_WITH_TEAM } from '../catalogue/prioritization-team';
import { DEBT_SHEET } from '../catalogue/debt';
import { RATERS, TEAM_CRITERIA, TEAM_SHEET } from '../catalogue/team';
import { teamScore } from '../decisions/team';
import { ROADMAP_SHEET } from '../catalogue/roadmap';
import { THEMES_SHEET } from '../catalogue/themes';
import { VELOCITY_SHEET } from '../catalogue/velocity';
import {
  argValue,
  computeByRow,
  computeOverColumns,
  evaluateRows,
  isEvaluation,
  refusedRows,
  type CoreComputes,
} from './computed';
import { emptyData, type StrategyData } from './data';
import { num, READ, readSetting, text, type ReadCell } from './cells';
import { usedScores, type TeamScores } from './used-scores';

export type { ReadCell };

export interface ReadSheet {
  name: string;
  rows: ReadCell[][];
  /**
   * What each cell displays, where the host gives it (Sheets `getDisplayValues`, Excel `Range.text`, a
   * file's number format applied): a number in one of the templates' Text columns (a metric's Baseline,
   * Current and Target, a DORA value, "As Written") is read as the cell shows it ("99.50%", not 0.995).
   */
  shown?: (string | undefined)[][];
}

/** The sheets the document reads, by StrategyData field; `required` ones must be present. */
const SOURCES: { field: keyof StrategyData; spec: SheetSpec; required: boolean }[] = [
  { field: 'themes', spec: THEMES_SHEET, required: true },
  { field: 'context', spec: BUSINESS_CONTEXT_SHEET, required: false },
  { field: 'health', spec: HEALTH_SHEET, required: false },
  { field: 'principles', spec: PRINCIPLES_SHEET, required: false },
  // The Full Strategy Workbook's sheet: its settings include "Use team scores" (absent elsewhere: "No").
  { field: 'projects', spec: PRIORITIZATION_SHEET_WITH_TEAM, required: false },
  { field: 'roadmap', spec: ROADMAP_SHEET, required: false },
  { field: 'metrics', spec: METRICS_SHEET, required: false },
  { field: 'velocity', spec: VELOCITY_SHEET, required: false },
  { field: 'adrs', spec: ADR_SHEET, required: false },
  { field: 'notDoing', spec: NOT_DOING_SHEET, required: false },
  { field: 'history', spec: HISTORY_SHEET, required: false },
  { field: 'org', spec: ORGANIZATION_SHEET, required: false },
  { field: 'team', spec: TEAM_SHEET, required: false },
  { field: 'debt', spec: DEBT_SHEET, required: false },
];

export interface ReadResult {
  data: StrategyData;
  /** The workbook's sheet each part was read from. */
  found: Partial<Record<keyof StrategyData, string>>;
  /** Expected sheets the workbook does not have (by preferred name). */
  missing: string[];
  /** Required sheets missing: the document cannot be made. */
  missingRequired: string[];
}

/** The header rows a sheet is recognised by (findHeader looks at the first five). */
export const HEADER_ROWS = 5;

const norm = (s: unknown): string =>
  String(s ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** "Roadmap", "roadmap", "Roadmap (2)" all name the Roadmap sheet. */
const baseName = (name: string): string => norm(name).replace(/\s*\(\d+\)$/, '');

/** The visible input and computed columns a reader looks for: header text → key. */
function headerKeys(spec: SheetSpec): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of spec.columns) if (!c.hidden && !c.headerFormula) m.set(norm(c.header), c.key);
  return m;
}

/** The row (among the first five) with the most known headers, and where each key's column is. */
function findHeader(rows: ReadCell[][], keys: Map<string, string>): { row: number; at: Record<string, number> } {
  let best = { row: -1, at: {} as Record<string, number>, hits: 0 };
  for (let r = 0; r < Math.min(HEADER_ROWS, rows.length); r++) {
    const at: Record<string, number> = {};
    let hits = 0;
    (rows[r] ?? []).forEach((v, c) => {
      const key = keys.get(norm(v));
      if (key !== undefined && at[key] === undefined) {
        at[key] = c;
        hits++;
      }
    });
    if (hits > best.hits) best = { row: r, at, hits };
  }
  return best;
}

/** The sheet for a spec: exact name, then "Name (n)", then the sheet whose headers match best (at least half). */
function findSheet(sheets: ReadSheet[], spec: SheetSpec): ReadSheet | undefined {
  const want = norm(spec.name);
  const exact = sheets.find((s) => norm(s.name) === want);
  if (exact) return exact;
  const suffixed = sheets.find((s) => baseName(s.name) === want);
  if (suffixed) return suffixed;
  const keys = headerKeys(spec);
  let best: { sheet?: ReadSheet; hits: number } = { hits: 0 };
  for (const s of sheets) {
    const hits = findHeader(s.rows, keys).row >= 0 ? Object.keys(findHeader(s.rows, keys).at).length : 0;
    if (hits > best.hits) best = { sheet: s, hits };
  }
  return best.hits >= Math.max(3, Math.ceil(keys.size / 2)) ? best.sheet : undefined;
}

type Row = Record<string, ReadCell>;

/** The data rows of a sheet by column key, skipping rows whose input columns are all blank. */
function rowsOf(sheet: ReadSheet, spec: SheetSpec): { rows: Row[]; settings: Record<string, ReadCell> } {
  const { row: headerRow, at } = findHeader(sheet.rows, headerKeys(spec));
  const inputs = spec.columns.filter((c) => !c.formula && at[c.key] !== undefined).map((c) => c.key);
  const textKeys = new Set(spec.columns.filter((c) => c.numberFormat === '@').map((c) => c.key));
  const rows: Row[] = [];
  // A side block placed below the table (the health summary) is not data: stop at the table's last row there.
  const end =
    spec.sidePlacement === 'below' ? Math.min(sheet.rows.length, headerRow + 1 + spec.rows) : sheet.rows.length;
  for (let r = headerRow + 1; r < end; r++) {
    const cells = sheet.rows[r] ?? [];
    const row: Row = {};
    for (const [key, c] of Object.entries(at)) row[key] = textKeys.has(key) ? displayed(sheet, r, c) : cells[c];
    if (inputs.some((k) => text(row[k]) !== '')) rows.push(row);
  }
  return { rows, settings: settingsOf(sheet, spec) };
}

/** A Text column's cell as it shows: a number stored there reads as its display text when the host gave it. */
function displayed(sheet: ReadSheet, r: number, c: number): ReadCell {
  const v = sheet.rows[r]?.[c];
  const shown = sheet.shown?.[r]?.[c];
  return typeof v === 'number' && shown !== undefined && shown.trim() !== '' ? shown : v;
}

/** Side-block settings (capacity, threshold…): the cell right of a label that matches the spec's label (one pass). */
function settingsOf(sheet: ReadSheet, spec: SheetSpec): Record<string, ReadCell> {
  const out: Record<string, ReadCell> = {};
  const labels = new Map((spec.side ?? []).map((item) => [norm(item.label), item.key]));
  if (labels.size === 0) return out;
  for (const cells of sheet.rows) {
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === undefined || v === null || typeof v === 'object') continue;
      const key = labels.get(norm(v));
      if (key !== undefined && !(key in out)) out[key] = cells[c + 1];
    }
  }
  return out;
}

/** The sheet's computed value when the file cached one, else the core's. */
function cached<T>(v: ReadCell, compute: () => T): T | string | number {
  if (v === undefined || v === null) return compute();
  if (typeof v === 'object') return isDateObject(v) ? dateToSerial(v) : compute();
  return typeof v === 'boolean' ? text(v) : v;
}

/** A computed column's value as its kind reads it: a number or nothing, else its text. */
function asKind(kind: ColumnKind, v: unknown): unknown {
  if (kind === 'number' || kind === 'date') return typeof v === 'number' ? v : undefined;
  return kind === 'text' ? String(v) : v;
}

/** A side-block setting of the spec as read. */
const settingOf = (spec: SheetSpec, key: string, settings: Record<string, ReadCell>) =>
  readSetting(
    spec.side!.find((x) => x.key === key)!,
    settings[key],
  );

/** The core's values of a computed column, for the rows read so far ("" or the sheet's text for an error). */
function coreValues(
  c: CoreComputes,
  out: Record<string, unknown>[],
  spec: SheetSpec,
  settings: Record<string, ReadCell>,
  now: Date,
): unknown[] {
  const from = {
    column: (key: string) => out.map((o) => o[key]),
    side: (key: string) => settingOf(spec, key, settings),
  };
  const args = c.args.map((a) => argValue(a, from));
  const ctx = { now: () => now };
  if (out.length === 0) return [];
  const refused = refusedRows(c, args);
  if (refused) return refused;
  const results = c.whole ? computeOverColumns(c, args, ctx) : computeByRow(c, args, out.length, ctx);
  // One result per row read (a call refused as a whole gives one error: blank on the rows past it).
  return out.map((_, i) => (isCellError(results[i]) ? (c.errorShows ?? '') : (results[i] ?? '')));
}

/**
 * A sheet's rows as its schema reads them: each `kind` column by its kind; a computed column as the file cached it,
 * else as the core computes it (in column order, so a plan reads the scores above it). One record per row read.
 */
function readRows(
  spec: SheetSpec,
  rows: Row[],
  settings: Record<string, ReadCell>,
  now: Date,
): Record<string, unknown>[] {
  const out = rows.map(() => ({}) as Record<string, unknown>);
  const read = spec.columns.filter((c) => c.kind !== undefined);
  const byCore = (c: ColumnSpec) =>
    c.computes !== undefined && (isEvaluation(c.computes) || ('fn' in c.computes && !c.computes.checkOnly));
  for (const c of read) if (!byCore(c)) rows.forEach((r, i) => (out[i][c.key] = READ[c.kind!](r[c.key])));
  for (const c of read.filter(byCore)) {
    const computed = isEvaluation(c.computes!)
      ? evaluateRows(
          c.computes,
          spec,
          { column: (key) => out.map((o) => o[key]), side: (key) => settings[key] },
          out.length,
          (key) => key in settings,
        )
      : coreValues(c.computes as CoreComputes, out, spec, settings, now);
    rows.forEach(
      (r, i) =>
        (out[i][c.key] = asKind(
          c.kind!,
          cached(r[c.key], () => computed[i]),
        )),
    );
  }
  return out;
}

/** The rows with every `required` value of the schema (the others are not part of the strategy). */
function withRequired(spec: SheetSpec, out: Record<string, unknown>[]): Record<string, unknown>[] {
  const required = spec.columns.filter((c) => c.kind !== undefined && c.required).map((c) => c.key);
  return out.filter((o) => required.every((k) => o[k] !== undefined));
}

/**
 * Projects: the schema's columns, with the First quarter setting given its year (a bare quarter is of the current
 * year, as PRIORITY_PLAN and the sheet's helper columns read it).
 */
function readProjects(
  rows: Row[],
  settings: Record<string, ReadCell>,
  now: Date,
  team: TeamScores,
): Record<string, unknown>[] {
  const withYear = { ...settings, start: firstQuarter(settings, now) };
  const useTeam = String(readSetting(USE_TEAM, settings.useTeam));
  // The hidden "… used" columns, by the sheet's rule (a file read by header has no hidden column).
  rows.forEach((r) =>
    Object.assign(
      r,
      usedScores(
        text(r.project),
        { impact: num(r.impact), urgency: num(r.urgency), effort: num(r.effort), risk: num(r.risk) },
        useTeam,
        team,
      ),
    ),
  );
  return withRequired(PRIORITIZATION_SHEET, readRows(PRIORITIZATION_SHEET, rows, withYear, now));
}

/** One sheet's records as its schema reads them (Prioritization with its First quarter's year). */
function readSource(
  src: (typeof SOURCES)[number],
  rows: Row[],
  settings: Record<string, ReadCell>,
  now: Date,
  team: TeamScores,
): unknown[] {
  if (src.field === 'projects') return readProjects(rows, settings, now, team);
  return withRequired(src.spec, readRows(src.spec, rows, settings, now));
}

/** Prioritization's First quarter setting, whose fallback (a blank) the schema declares. */
const PLAN_START = PRIORITIZATION_SHEET.side!.find((x) => x.key === 'start')!;
/** The sensitivity block's Top N setting (a number; blank: 3). */
const TOP_N = PRIORITIZATION_SHEET.side!.find((x) => x.key === 'topN')!;
/** The Full Strategy Workbook's "Use team scores" setting ("No" when blank or absent). */
const USE_TEAM = PRIORITIZATION_SHEET_WITH_TEAM.side!.find((x) => x.key === 'useTeam')!;

/**
 * Team Scoring's team score of each project and criterion as the sheet shows it (the file's value, else TEAM_SCORE's
 * median of the ratings given), for "Use team scores"; none without the sheet.
 */
function teamScoresOf(sheets: ReadSheet[]): TeamScores {
  const sheet = findSheet(sheets, TEAM_SHEET);
  if (!sheet) return [];
  return rowsOf(sheet, TEAM_SHEET).rows.map((r) => ({
    project: text(r.project),
    scores: TEAM_CRITERIA.map((c) => {
      const ratings = Array.from({ length: RATERS }, (_, i) => num(r[`${c.key}${i + 1}`]));
      return num(cached(r[`team${c.header}`], () => teamScore(ratings.filter((x) => x !== undefined)) ?? ''));
    }),
  }));
}

/** The First quarter setting with its year: a bare quarter (or a blank, Q1) is of the current year (the reader's calendar). */
function firstQuarter(settings: Record<string, ReadCell>, now: Date): string {
  return settingWithYear(String(readSetting(PLAN_START, settings.start)), now.getFullYear());
}

/**
 * The names of the sheets readStrategy would read, chosen from each sheet's first rows (the header rows: the
 * first five), so a file reader can read those sheets whole and skip the others.
 */
export function sheetsToRead(heads: ReadSheet[]): Set<string> {
  const names = new Set<string>();
  for (const src of SOURCES) {
    const sheet = findSheet(heads, src.spec);
    if (sheet) names.add(sheet.name);
  }
  return names;
}

/** Reads the workbook's sheets into StrategyData, as of `now` (for the values that depend on today). */
export function readStrategy(sheets: ReadSheet[], now: Date): ReadResult {
  const data = emptyData();
  const found: ReadResult['found'] = {};
  const missing: string[] = [];
  const missingRequired: string[] = [];
  const team = teamScoresOf(sheets);
  for (const src of SOURCES) {
    const sheet = findSheet(sheets, src.spec);
    if (!sheet) {
      missing.push(src.spec.name);
      if (src.required) missingRequired.push(src.spec.name);
      continue;
    }
    found[src.field] = sheet.name;
    const { rows, settings } = rowsOf(sheet, src.spec);
    (data[src.field] as unknown[]) = readSource(src, rows, settings, now, team);
    if (src.field === 'projects') {
      data.planStart = firstQuarter(settings, now);
      data.topN = Number(readSetting(TOP_N, settings.topN));
    }
  }
  return { data, found, missing, missingRequired };
}
