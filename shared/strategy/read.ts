/**
 * Reads a strategy workbook into StrategyData, whoever wrote it (our .xlsx writer, Excel, Google Sheets'
 * download, LibreOffice, a formula engine in tests): sheets are found by name ("Roadmap", "Roadmap (2)"),
 * else by their headers; columns by header name, wherever they moved, extra columns ignored; optional
 * sheets may be missing. Cells arrive as their values: a formula cell as the result cached in the file, or
 * `undefined` when the file has none (our own writer leaves results to the spreadsheet), in which case the
 * values the sheet computes per row (priority score, quadrant, planned quarter, metric progress and status)
 * are computed with the core. Pure: the caller reads the file.
 */
import { dateToSerial, isDateObject } from '../core/args';
import { settingWithYear } from '../scoring/plan';
import { isCellError } from '../core/values';
import { findFunction, invoke } from '../functions';
import type { SheetSpec } from '../spec/spec';
import { ADR_SHEET } from '../catalogue/adr';
import { BUSINESS_CONTEXT_SHEET } from '../catalogue/business-context';
import { HEALTH_SHEET } from '../catalogue/health';
import { HISTORY_SHEET } from '../catalogue/history';
import { METRICS_SHEET } from '../catalogue/metrics';
import { NOT_DOING_SHEET } from '../catalogue/not-doing';
import { ORGANIZATION_SHEET } from '../catalogue/organization';
import { PRINCIPLES_SHEET } from '../catalogue/principles';
import {
  COMMIT_TEXT,
  DEFAULT_CAPACITY,
  DEFAULT_START,
  DEFAULT_THRESHOLD,
  PRIORITIZATION_SHEET,
  STRETCH_TEXT,
  WONT_FIT_TEXT,
} from '../catalogue/prioritization';
import { DEBT_SHEET } from '../catalogue/debt';
import { DISCUSS_PREFIX, RATERS, TEAM_CRITERIA, TEAM_SHEET } from '../catalogue/team';
import { COMMIT_ODDS, planConfidence, STRETCH_ODDS, type EffortEstimate } from '../decisions/plan-odds';
import { DEFAULT_DISCUSS_SPREAD, widestDisagreement } from '../decisions/team';
import { debtDecision, DEFAULT_WORKING_WEEKS } from '../decisions/debt';
import { ROADMAP_SHEET } from '../catalogue/roadmap';
import { THEMES_SHEET } from '../catalogue/themes';
import { VELOCITY_SHEET } from '../catalogue/velocity';
import { emptyData, type StrategyData } from './data';

/** A cell as read from a file: a value, a Date, an error ({ error: "#N/A" }), or undefined (blank, or a formula without a cached result). */
export type ReadCell = string | number | boolean | Date | null | undefined | { error: string };

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
  { field: 'projects', spec: PRIORITIZATION_SHEET, required: false },
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

/** A cell as text ("" for blank or an error). */
export function text(v: ReadCell): string {
  if (v === null || v === undefined || typeof v === 'object') return isDateObject(v) ? String(dateToSerial(v)) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/** A cell as a number (dates as serial days), or undefined. */
export function num(v: ReadCell): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (isDateObject(v)) return Number.isNaN(v.getTime()) ? undefined : dateToSerial(v);
  return undefined;
}

/** A metric cell as written: a number stays a number, anything else is text. */
const metric = (v: ReadCell): string | number => (typeof v === 'number' ? v : text(v));

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

/** Calls a registry function on one row's arguments; "" for an error. */
function core(name: string, args: unknown[], now: Date): string | number {
  const r = invoke(findFunction(name)!, args, { now: () => now })[0][0];
  return isCellError(r) ? '' : r;
}

/** Calls a registry function over columns (one result per row); "" for an error. */
function coreColumn(name: string, args: unknown[], now: Date): (string | number)[] {
  return invoke(findFunction(name)!, args, { now: () => now }).map((row) => (isCellError(row[0]) ? '' : row[0]));
}

/** The sheet's computed value when the file cached one, else the core's. */
function cached<T>(v: ReadCell, compute: () => T): T | string | number {
  if (v === undefined || v === null) return compute();
  if (typeof v === 'object') return isDateObject(v) ? dateToSerial(v) : compute();
  return typeof v === 'boolean' ? text(v) : v;
}

/** The First quarter setting with its year: a bare quarter (or a blank, Q1) is of the current year (the reader's calendar). */
function firstQuarter(settings: Record<string, ReadCell>, now: Date): string {
  return settingWithYear(text(settings.start) || DEFAULT_START, now.getFullYear());
}

function readProjects(rows: Row[], settings: Record<string, ReadCell>, now: Date): StrategyData['projects'] {
  const n = (r: Row, k: string) => num(r[k]);
  const scores = rows.map((r) =>
    cached(r.score, () => core('PRIORITY_SCORE', [r.impact, r.urgency, r.effort, r.risk].map(num), now)),
  );
  const threshold = num(settings.threshold) ?? DEFAULT_THRESHOLD;
  const capacity = num(settings.capacity) ?? DEFAULT_CAPACITY;
  const start = firstQuarter(settings, now);
  // A blank capacity setting leaves the odds blank, as the sheet does; a sheet without the setting plans with the default.
  const odds = commitments(rows, scores, 'capacity' in settings ? settings.capacity : DEFAULT_CAPACITY);
  const planned =
    rows.length === 0
      ? []
      : coreColumn(
          'PRIORITY_PLAN',
          [
            scores.map((s) => [typeof s === 'number' ? s : null]),
            rows.map((r) => [n(r, 'effort') ?? null]),
            capacity,
            start,
          ],
          now,
        );
  return rows.map((r, i) => ({
    project: text(r.project),
    theme: text(r.theme),
    impact: n(r, 'impact'),
    urgency: n(r, 'urgency'),
    effort: n(r, 'effort'),
    risk: n(r, 'risk'),
    owner: text(r.owner),
    score: typeof scores[i] === 'number' ? (scores[i] as number) : undefined,
    quadrant: String(
      cached(r.quadrant, () => core('PRIORITY_QUADRANT', [n(r, 'impact'), n(r, 'effort'), threshold], now)),
    ),
    quarter: String(cached(r.quarter, () => planned[i] ?? '')),
    commitment: String(cached(r.commitment, () => odds[i])),
  }));
}

/**
 * Each row's Commitment as the sheet computes it: PLAN_CONFIDENCE's odds (Low and High Effort default to Effort; a
 * row whose efforts are out of order, or that has no score, is left out) read as Commit / Stretch / Won't fit.
 */
function commitments(rows: Row[], scores: (string | number)[], capacity: ReadCell): string[] {
  const items = rows.map((r, i): EffortEstimate | undefined => {
    const [score, likely] = [scores[i], num(r.effort)];
    if (typeof score !== 'number' || likely === undefined) return undefined;
    const [low, high] = [num(r.effortLow) ?? likely, num(r.effortHigh) ?? likely];
    return low <= likely && likely <= high ? { score, low, likely, high } : undefined;
  });
  const cap = num(capacity);
  if (cap === undefined) return rows.map(() => '');
  return planConfidence(items, cap).map((p) =>
    p === undefined ? '' : p >= COMMIT_ODDS ? COMMIT_TEXT : p >= STRETCH_ODDS ? STRETCH_TEXT : WONT_FIT_TEXT,
  );
}

/** Team Scoring rows: the Discuss flag as the sheet computes it (widest spread at the threshold, raters named). */
function readTeam(rows: Row[], settings: Record<string, ReadCell>): StrategyData['team'] {
  const threshold = num(settings.threshold) ?? DEFAULT_DISCUSS_SPREAD;
  const rater = (i: number): string => text(settings[`rater${i + 1}`]);
  const discuss = (r: Row): string => {
    const criteria = TEAM_CRITERIA.map((c) => Array.from({ length: RATERS }, (_, i) => num(r[`${c.key}${i + 1}`])));
    const w = widestDisagreement(criteria);
    if (!w || w.spread < threshold) return '';
    return `${DISCUSS_PREFIX}${TEAM_CRITERIA[w.criterion].word}: ${rater(w.high)} vs ${rater(w.low)}`;
  };
  return rows.map((r) => ({ project: text(r.project), discuss: String(cached(r.discuss, () => discuss(r))) }));
}

/** Technical Debt rows: payback and decision as the sheet computes them (debtPayback, debtDecision). */
function readDebt(rows: Row[], settings: Record<string, ReadCell>): StrategyData['debt'] {
  const weeks = num(settings.weeks) ?? DEFAULT_WORKING_WEEKS;
  return rows.map((r) => {
    const [fix, lost] = [num(r.fixHours), num(r.hoursLost)];
    const computed = fix === undefined || lost === undefined ? undefined : lost > 0 ? fix / lost : Infinity;
    const payback = cached(r.payback, () => (computed !== undefined && Number.isFinite(computed) ? computed : ''));
    const decision =
      computed === undefined ? '' : debtDecision(Number.isFinite(computed) ? computed : undefined, weeks);
    return {
      area: text(r.area),
      theme: text(r.theme),
      payback: typeof payback === 'number' ? payback : undefined,
      decision: String(cached(r.decision, () => decision)),
    };
  });
}

function readMetrics(rows: Row[], now: Date): StrategyData['metrics'] {
  return rows.map((r) => {
    const [b, c, t] = [metric(r.baseline), metric(r.current), metric(r.target)];
    const [start, due] = [num(r.start), num(r.due)];
    const progress = cached(r.progress, () => core('METRIC_PROGRESS', [b, c, t], now));
    const status = cached(r.status, () => core('METRIC_STATUS', [b, c, t, start, due], now));
    return {
      theme: text(r.theme),
      business: text(r.business),
      technical: text(r.technical),
      baseline: b,
      current: c,
      target: t,
      timeline: text(r.timeline),
      start,
      due,
      progress: typeof progress === 'number' ? progress : undefined,
      status: String(status),
    };
  });
}

/** Per field, how one row of its sheet becomes a record (projects and metrics compute, see above). */
const PLAIN: Partial<Record<keyof StrategyData, (r: Row) => unknown>> = {
  context: (r) => ({
    section: text(r.section),
    item: text(r.item),
    detail: text(r.detail),
    deadline: num(r.deadline),
    owner: text(r.owner),
    theme: text(r.theme),
  }),
  health: (r) => ({
    dimension: text(r.dimension),
    rating: num(r.rating),
    evidence: text(r.evidence),
    impact: text(r.impact),
    target: num(r.target),
  }),
  themes: (r) => ({
    name: text(r.name),
    driver: text(r.driver),
    implication: text(r.implication),
    criteria: text(r.criteria),
    timeline: text(r.timeline),
    owner: text(r.owner),
  }),
  principles: (r) => ({ principle: text(r.principle), stance: text(r.stance), practice: text(r.practice) }),
  roadmap: (r) => ({
    initiative: text(r.initiative),
    theme: text(r.theme),
    quarter: text(r.quarter),
    owner: text(r.owner),
    start: num(r.start),
    end: num(r.end),
    status: text(r.status),
    dependsOn: text(r.dependsOn),
  }),
  velocity: (r) => ({
    metric: text(r.metric),
    current: metric(r.current),
    level: text(r.level),
    targetLevel: text(r.targetLevel),
  }),
  adrs: (r) => ({
    number: text(r.number),
    title: text(r.title),
    status: text(r.status),
    date: num(r.date),
    deciders: text(r.deciders),
    theme: text(r.theme),
    review: num(r.review),
  }),
  notDoing: (r) => ({ item: text(r.item), why: text(r.why), theme: text(r.theme), revisit: num(r.revisit) }),
  org: (r) => ({
    section: text(r.section),
    item: text(r.item),
    detail: text(r.detail),
    owner: text(r.owner),
    count: num(r.count),
    quarter: text(r.quarter),
    status: text(r.status),
    amount: num(r.amount),
    share: num(r.share),
    date: num(r.date),
    neededFor: text(r.neededFor),
  }),
  history: (r) => ({
    date: num(r.date) ?? NaN,
    kind: text(r.kind),
    name: text(r.name),
    value: num(r.value),
    shown: text(r.shown),
  }),
};

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
  for (const src of SOURCES) {
    const sheet = findSheet(sheets, src.spec);
    if (!sheet) {
      missing.push(src.spec.name);
      if (src.required) missingRequired.push(src.spec.name);
      continue;
    }
    found[src.field] = sheet.name;
    const { rows, settings } = rowsOf(sheet, src.spec);
    if (src.field === 'projects') {
      data.projects = readProjects(rows, settings, now);
      // A quarter without a year is of the current year, as PRIORITY_PLAN and the sheet's helper columns read it.
      data.planStart = firstQuarter(settings, now);
    } else if (src.field === 'metrics') data.metrics = readMetrics(rows, now);
    else if (src.field === 'team') data.team = readTeam(rows, settings);
    else if (src.field === 'debt') data.debt = readDebt(rows, settings);
    else (data[src.field] as unknown[]) = rows.map(PLAIN[src.field]!);
  }
  data.history = data.history.filter((h) => Number.isFinite(h.date));
  return { data, found, missing, missingRequired };
}
