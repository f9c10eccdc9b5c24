/**
 * Chart specs: declarative charts attached to template sheets, compiled into the render plan's
 * ChartOps like everything else. A spec names its source columns by column key (the template's
 * column names); compileChart resolves them to A1 ranges of the sheet's data rows and anchors the
 * chart to the right of the last used column, so a chart never covers data. Charts reference
 * ranges, never copies of values, so they follow the cells.
 *
 * Some charts need numbers no visible column holds (a Gantt bar's offset and length in quarters, the
 * impact of the projects of one quadrant): those are hidden helper columns with native formulas,
 * built here next to the chart that uses them and added to the sheet spec by the template.
 * Pure: no host calls.
 */
import { literalCriterion } from '../spec/literal';
import type { ChartAxisOp, ChartForm, ChartOp, ChartSeriesOp, PlanCell } from '../plan/plan';
import type { ChartSpec, ColumnSpec, FormulaRefs } from '../spec/spec';
import type { SheetLayout } from './layout';

export type { ChartSeriesSpec, ChartSpec } from '../spec/spec';
import { cellA1, parseRange, rangeA1 } from '../a1/a1';
import { calendarAxis, roadmapWindow, ROADMAP_THEME_SLOTS } from './calendar-axis';
import { sheetTrim } from '../core/values';
export { ROADMAP_QUARTER_COUNT, ROADMAP_THEME_SLOTS } from './calendar-axis';
import { DEFAULT_QUADRANT_THRESHOLD, QUADRANT_TEXT } from '../scoring/quadrant';
import { matrixFrame, rowPlacement } from './label-placement';

export type ChartKind = ChartOp['kind'];
/** The kinds a user can chart from a selection (trends are Progress History's own, the tornado Prioritization's). */
export type SelectionChartKind = Exclude<ChartKind, 'metricTrend' | 'weightTornado'>;

/** The form each kind is drawn with when a spec does not say otherwise. */
export function defaultForm(kind: ChartKind): ChartForm {
  switch (kind) {
    case 'roadmapTimeline':
      return 'stackedBar';
    case 'impactEffortMatrix':
      return 'scatter';
    case 'healthRadar':
      return 'radar';
    default:
      return 'bar';
  }
}

/**
 * Colours per strategic theme, in theme order (Okabe–Ito palette: distinguishable with the common
 * colour-vision deficiencies, readable on white).
 */
export const THEME_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

/** Quadrant texts exactly as the Quadrant column (and PRIORITY_QUADRANT) writes them, with a colour each. */
export const QUADRANTS = [
  { key: 'qDoNow', name: QUADRANT_TEXT['quick-win'].action, color: '#009E73' },
  { key: 'qPlan', name: QUADRANT_TEXT['big-bet'].action, color: '#0072B2' },
  { key: 'qLater', name: QUADRANT_TEXT['nice-to-have'].action, color: '#E69F00' },
  { key: 'qDont', name: QUADRANT_TEXT['time-sink'].action, color: '#D55E00' },
] as const;

/** The matrix's quadrant captions (seed guide), with the dividers at x and y. */
export function quadrantCaptions(x: number, y: number): NonNullable<ChartOp['quadrants']> {
  return {
    x,
    y,
    topLeft: 'Do Now (Quick Wins)',
    topRight: 'Plan Carefully (Big Bets)',
    bottomLeft: 'Do When You Have Time (Nice to Have)',
    bottomRight: "Don't Do (Time Sinks)",
  };
}

/** A 1–10 scale axis crossed by the other axis at `crossesAt` (the impact/effort matrix). */
export const scaleAxis = (title: string, crossesAt: number): ChartAxisOp => ({
  title,
  min: 1,
  max: 10,
  majorUnit: 1,
  crossesAt,
});

/** The value axis of a roadmap timeline of `quarters` quarters (labels Q1 … Qn) and its quarter lines. */
export function quarterAxis(quarters: number): { axis: ChartAxisOp; guides: NonNullable<ChartOp['guides']> } {
  return {
    axis: {
      title: 'Quarter',
      min: 1,
      max: 1 + quarters,
      majorUnit: 1,
      numberFormat: `[<${quarters + 1}]"Q"0;""`,
      sheetsFormat: 'Q#',
    },
    guides: Array.from({ length: quarters + 1 }, (_, i) => ({ value: 1 + i, label: i < quarters ? `Q${i + 1}` : '' })),
  };
}

/** Height of a roadmap timeline with `rows` bars (room for eight at least). */
export const timelineHeightPx = (rows: number): number => 120 + 26 * Math.max(rows, 8);

/** The radar's 0–5 value axis for 1–5 health scores. */
export const HEALTH_AXIS: ChartAxisOp = { min: 0, max: 5, majorUnit: 1, numberFormat: '0' };
export const HEALTH_RADAR_TITLE = 'Technical health (1–5)';

export const PROGRESS_COLOR = '#0072B2';
export const TARGET_COLOR = '#E69F00';

export interface CompileChartContext {
  /** Data rows holding values when the template is inserted (examples or fixed rows). */
  filledRows: number;
  /** Pixel offset from the top for the n-th chart of a sheet (charts stack downwards). */
  topPx?: number;
  /** Sheet height in rows used by the block (tallest of table and side block), to never overlap. */
  usedRows?: number;
  /** A day of the plan's first quarter and the rows given at insertion (a calendar chart's quarters: ChartSpec.calendar). */
  calendar?: { planDay: number; rows: Record<string, PlanCell>[] };
  /** The values given per data row at insertion (example or fixed rows), to place point names from. */
  given?: Array<Record<string, PlanCell>>;
}

/** Default row height both hosts use for a new sheet, in pixels. */
export const ROW_PX = 21;
/** The shortest default row of any renderer (the .xlsx's 17 px, LibreOffice's 0.17 in), for stacking charts. */
export const MIN_ROW_PX = 17;
/** Excel draws a blank row of a bar chart's range as an empty slot: chart at least this many rows there. */
export const MIN_EXCEL_ROWS = 10;

function dataRange(layout: SheetLayout, key: string, rows: number, what: string): string {
  const L = layout.letters[key];
  if (!L) throw new Error(`Chart on sheet ${layout.key}: ${what} names unknown column "${key}"`);
  return `${L}${layout.firstRow}:${L}${layout.firstRow + rows - 1}`;
}

function missing(spec: ChartSpec, layout: SheetLayout): never {
  throw new Error(`Chart "${spec.title}" on sheet ${layout.key}: title names unknown column "${spec.titleFromHeader}"`);
}

/** The spec's optional parts the op carries as they are (axes, legend, quadrants, guides, lines, linked title). */
function withSpecOptions(op: ChartOp, spec: ChartSpec, layout: SheetLayout): void {
  if (spec.axes) op.axes = spec.axes;
  if (spec.legend) op.legend = spec.legend;
  if (spec.quadrants) op.quadrants = spec.quadrants;
  if (spec.guides) op.guides = spec.guides;
  if (spec.lines) op.lines = true;
  if (spec.titleFromHeader) op.titleCell = `${layout.letters[spec.titleFromHeader] ?? missing(spec, layout)}1`;
}

/** A calendar chart's value axis and quarter lines, from the plan's first quarter and the rows given at insertion. */
function withCalendar(op: ChartOp, spec: ChartSpec, layout: SheetLayout, ctx: CompileChartContext): void {
  if (!spec.calendar) return;
  if (!ctx.calendar) throw new Error(`Chart "${spec.title}": a calendar chart needs the plan's first day`);
  const given = ctx.calendar.rows;
  const { start, end } = spec.calendar;
  const window = roadmapWindow(
    ctx.calendar.planDay,
    given.map((r) => r[start]),
    given.map((r) => r[end]),
  );
  const { axis, guides } = calendarAxis(...window);
  op.axes = { ...op.axes, value: axis };
  op.guides = guides;
  const rows = Math.min(spec.rows ?? layout.rows, layout.rows);
  const [s, e, t] = [start, end, spec.calendar.theme].map((k) => dataRange(layout, k, rows, 'the calendar'));
  op.calendar = { start: s, end: e, theme: t };
}

/** The ranges point names are placed from, and their placement for the rows given at insertion. */
function withLabelPlacement(op: ChartOp, spec: ChartSpec, layout: SheetLayout, ctx: CompileChartContext): void {
  const at = spec.labelAt;
  if (!at) return;
  const rows = Math.min(spec.rows ?? layout.rows, layout.rows);
  op.labelValues = {
    x: dataRange(layout, at.x, rows, 'label x'),
    y: dataRange(layout, at.y, rows, 'label y'),
    labels: dataRange(layout, at.labels, rows, 'labels'),
    ...(at.typed
      ? {
          typed: {
            x: dataRange(layout, at.typed.x, rows, 'label x'),
            y: dataRange(layout, at.typed.y, rows, 'label y'),
          },
        }
      : {}),
  };
  // The rows given hold what is typed; the plotted columns' formulas give the same values then.
  const [x, y] = [at.typed?.x ?? at.x, at.typed?.y ?? at.y];
  const given = (ctx.given ?? []).slice(0, rows);
  op.labelPlacement = placeLabelsFrom(
    op,
    given.map((r) => r[x]),
    given.map((r) => r[y]),
    given.map((r) => r[at.labels]),
  );
}

/**
 * The x, y and name cells the matrix's names are placed from, read with `read` (A1 range → cells): the plotted
 * columns' values, the typed column's where a plotted cell holds no number (its formula not calculated yet).
 */
export function labelCells(
  at: NonNullable<ChartOp['labelValues']>,
  read: (a1: string) => PlanCell[],
): [PlanCell[], PlanCell[], PlanCell[]] {
  const axis = (plotted: string, typed: string | undefined): PlanCell[] => {
    const values = read(plotted);
    if (typed === undefined) return values;
    const fallback = read(typed);
    return values.map((v, i) => (typeof v === 'number' ? v : (fallback[i] ?? null)));
  };
  return [axis(at.x, at.typed?.x), axis(at.y, at.typed?.y), read(at.labels)];
}

/** The matrix's label placement for its data rows' x, y and name cells (a row without both numbers has none). */
export function placeLabelsFrom(
  op: ChartOp,
  xs: PlanCell[],
  ys: PlanCell[],
  names: PlanCell[],
): NonNullable<ChartOp['labelPlacement']> {
  const points = xs.map((x, i) => {
    const [y, label] = [ys[i], names[i]];
    return typeof x === 'number' && typeof y === 'number'
      ? { x, y, label: label == null ? '' : String(label) }
      : undefined;
  });
  return rowPlacement(points, matrixFrame(op));
}

/** A trend's slot and the log's typed columns it is read from. */
function withTrendSource(op: ChartOp, spec: ChartSpec, layout: SheetLayout): void {
  const t = spec.trendOf;
  if (!t) return;
  const range = (key: string): string => dataRange(layout, key, layout.rows, 'trend source');
  op.trendOf = { slot: t.slot, kind: range(t.kind), name: range(t.name), value: range(t.value) };
}

/** Resolves a chart spec against the laid-out sheet: column keys → A1 ranges, anchor right of the data. */
export function compileChart(
  spec: ChartSpec,
  layout: SheetLayout,
  ctx: CompileChartContext,
  headers?: Record<string, string>,
): ChartOp {
  const form = spec.form ?? defaultForm(spec.kind);
  const rows = Math.min(spec.rows ?? layout.rows, layout.rows);
  if (spec.series.length === 0) throw new Error(`Chart "${spec.title}" on sheet ${layout.key} has no series`);
  const series: ChartSeriesOp[] = spec.series.map((s) => {
    const op: ChartSeriesOp = {
      name: s.name ?? headers?.[s.column] ?? s.column,
      values: dataRange(layout, s.column, rows, 'a series'),
    };
    if (s.x) op.xValues = dataRange(layout, s.x, rows, 'x values');
    if (s.color) op.color = s.color;
    if (s.invisible) op.invisible = true;
    if (s.pointLabels) op.pointLabels = dataRange(layout, s.pointLabels, rows, 'point labels');
    return op;
  });
  const categories = spec.categories ? dataRange(layout, spec.categories, rows, 'categories') : undefined;
  // Right of every used column (visible, side block and hidden helpers), one spacer column between.
  const anchorCol = layout.width + 2;
  // Rows below the first chart counted at the smallest default row height of the renderers, so stacked charts
  // never overlap where rows are shorter than in Sheets (a little more space between them in Sheets).
  const anchorRow = 2 + Math.ceil((ctx.topPx ?? 0) / MIN_ROW_PX);
  const op: ChartOp = {
    kind: spec.kind,
    title: spec.title,
    anchor: cellA1(anchorRow, anchorCol),
    widthPx: spec.widthPx ?? 640,
    heightPx: spec.heightPx ?? 400,
    form,
    series,
    sheetRef: `{{sheet:${layout.key}}}`,
  };
  if (categories) op.categories = categories;
  withSpecOptions(op, spec, layout);
  withCalendar(op, spec, layout, ctx);
  withLabelPlacement(op, spec, layout, ctx);
  withTrendSource(op, spec, layout);
  if (form === 'bar' || form === 'stackedBar') op.excelRows = Math.min(rows, Math.max(ctx.filledRows, MIN_EXCEL_ROWS));
  if (spec.block) {
    const first = parseRange(series[0].values);
    const last = parseRange(series[series.length - 1].values);
    if (last.left - first.left !== series.length - 1)
      throw new Error(`Chart "${spec.title}": block series must be adjacent columns`);
    op.source = rangeA1({ top: layout.firstRow - 1, left: first.left, bottom: first.bottom, right: last.right });
  }
  return op;
}

/** All charts of a sheet, stacked downwards to the right of the data. */
export function compileCharts(
  specs: ChartSpec[],
  layout: SheetLayout,
  filledRows: number,
  headers?: Record<string, string>,
  calendar?: CompileChartContext['calendar'],
  given?: Array<Record<string, PlanCell>>,
): ChartOp[] {
  let topPx = 0;
  return specs.map((spec) => {
    const op = compileChart(spec, layout, { filledRows, topPx, given, ...(calendar ? { calendar } : {}) }, headers);
    topPx += op.heightPx + ROW_PX;
    return op;
  });
}

// ---------------------------------------------------------------------------------------------
// Roadmap timeline: Gantt bars in quarters, coloured by theme.

/** Quarter index of a date: YEAR×4 + quarter−1. */
const qIndex = (d: string): string => `(YEAR(${d})*4+INT((MONTH(${d})-1)/3))`;
const qStart = (d: string): string => `DATE(YEAR(${d}),INT((MONTH(${d})-1)/3)*3+1,1)`;
const qNext = (d: string): string => `DATE(YEAR(${d}),INT((MONTH(${d})-1)/3)*3+4,1)`;
/** The fraction of its own quarter a date has gone through (1 Apr: 0). */
const qFraction = (d: string): string => `(${d}-${qStart(d)})/(${qNext(d)}-${qStart(d)})`;
/**
 * Position of a date in quarters since the first quarter of the roadmap (the quarter of `origin`):
 * whole quarters plus the fraction of its own quarter, so 1 Apr sits exactly on the Q2 line.
 */
export function quarterPosition(d: string, origin: string): string {
  return `(${qIndex(d)}-${qIndex(origin)}+${qFraction(d)})`;
}

/**
 * A date's place on the calendar, in quarters: its quarter's index (YEAR×4 + quarter−1) plus the fraction of
 * that quarter gone. The roadmap chart's bars stand on this scale, so a bar sits in its own calendar quarter
 * whatever the other rows hold (calendarQuarterLabel names each quarter).
 */
export function calendarPosition(d: string): string {
  return `(${qIndex(d)}+${qFraction(d)})`;
}

/** The name the k-th theme slot's header formula shows for these Theme cells (the k-th theme in order of first appearance). */
export function themeSlotName(themes: PlanCell[], k: number): string {
  const distinct: string[] = [];
  for (const t of themes) if (typeof t === 'string' && t !== '' && !distinct.includes(t)) distinct.push(t);
  if (k === ROADMAP_THEME_SLOTS && distinct.length > k) return 'Other themes';
  return distinct[k - 1] ?? `Theme ${k}`;
}

/**
 * The roadmap chart's label of an initiative: its name, and what it waits for, e.g. "Set up audit logging
 * (after Implement SSO and RBAC)"; "" for a row without a name. The label column's formula writes the same.
 */
export function roadmapChartLabel(initiative: string, dependsOn: string): string {
  const [name, after] = [sheetTrim(initiative), sheetTrim(dependsOn)];
  if (name === '') return '';
  return after === '' ? name : `${name} (after ${after})`;
}

/** The hidden label column the roadmap chart names its bars by (roadmapChartLabel). */
function roadmapLabelColumn(initiative: string, dependsOn: string): ColumnSpec {
  return {
    key: 'gLabel',
    header: 'Chart: label',
    width: 70,
    hidden: true,
    formula: (r) =>
      `IF(TRIM(${r.row[initiative]}&"")="","",TRIM(${r.row[initiative]}&"")&IF(TRIM(${r.row[dependsOn]}&"")="",""," (after "&TRIM(${r.row[dependsOn]}&"")&")"))`,
  };
}

/**
 * Hidden helper columns of the roadmap chart (the bar label with dependencies, theme order, theme slot,
 * offset, one length column per theme slot), for a sheet with `initiative`, `dependsOn`, `start`, `end` and
 * `theme` columns.
 */
export function roadmapChartColumns(
  keys = { initiative: 'initiative', dependsOn: 'dependsOn', start: 'start', end: 'end', theme: 'theme' },
): ColumnSpec<RoadmapChartKey>[] {
  const { start, end, theme } = keys;
  const dated = (r: FormulaRefs): string =>
    `AND(ISNUMBER(${r.row[start]}),ISNUMBER(${r.row[end]}),${r.row[end]}>=${r.row[start]})`;
  const columns: ColumnSpec[] = [
    roadmapLabelColumn(keys.initiative, keys.dependsOn),
    {
      key: 'gRank',
      header: 'Chart: theme order',
      width: 70,
      hidden: true,
      // Nested IFs, not OR(): a blank criterion must never reach COUNTIF (an error in some engines).
      formula: (r) =>
        `IF(${r.row[theme]}="","",IF(COUNTIF(${r.upTo[theme]},${literalCriterion(r.row[theme])})>1,"",MAX(${r.above.gRank})+1))`,
    },
    {
      key: 'gSlot',
      header: 'Chart: colour slot',
      width: 70,
      hidden: true,
      formula: (r) =>
        // The order given on this theme's first row (the only row of it with a number), matched literally: MAXIFS
        // with an escaped criterion, not MATCH (wildcards in Excel and Sheets, literal in the preview's engine).
        `IF(${r.row[theme]}="","",MAXIFS(${r.col.gRank},${r.col[theme]},${literalCriterion(r.row[theme])}))`,
    },
    {
      key: 'gOffset',
      header: 'Chart: start (quarters)',
      width: 70,
      hidden: true,
      numberFormat: '0.00',
      formula: (r) => `IF(${dated(r)},${calendarPosition(r.row[start])},"")`,
    },
    ...roadmapSlotColumns(keys, dated),
  ];
  return columns as ColumnSpec<RoadmapChartKey>[];
}

/** The keys of the roadmap chart's helper columns (a sheet's formulas may name them). */
export type RoadmapChartKey = 'gLabel' | 'gRank' | 'gSlot' | 'gOffset' | `gSlot${number}`;
/** The keys of the impact/effort chart's helper columns. */
export type QuadrantChartKey = 'qDoNow' | 'qPlan' | 'qLater' | 'qDont';

/** One bar-length column per theme slot (in quarters), headed by the slot's theme name for the legend. */
function roadmapSlotColumns(
  keys: { start: string; end: string; theme: string },
  dated: (r: FormulaRefs) => string,
): ColumnSpec[] {
  const { start, end, theme } = keys;
  return Array.from({ length: ROADMAP_THEME_SLOTS }, (_, i) => {
    const k = i + 1;
    const last = k === ROADMAP_THEME_SLOTS;
    return {
      key: `gSlot${k}`,
      header: last ? 'Other themes' : `Theme ${k}`,
      // Header = the k-th theme in order of first appearance, so the legend names follow the Theme column.
      headerFormula: (r: FormulaRefs) =>
        last
          ? `IF(MAX(${r.col.gRank})>${k},"Other themes",IFERROR(INDEX(${r.col[theme]},MATCH(${k},${r.col.gRank},0)),"Theme ${k}"))`
          : `IFERROR(INDEX(${r.col[theme]},MATCH(${k},${r.col.gRank},0)),"Theme ${k}")`,
      headerValue: (rows) =>
        themeSlotName(
          rows.map((row) => row[theme]),
          k,
        ),
      width: 70,
      hidden: true,
      numberFormat: '0.00',
      formula: (r: FormulaRefs) =>
        `IF(AND(${dated(r)},${last ? `N(${r.row.gSlot})>=${k}` : `N(${r.row.gSlot})=${k}`}),${calendarPosition(`(${r.row[end]}+1)`)}-${calendarPosition(r.row[start])},"")`,
    };
  });
}

/** The roadmap timeline: bars on the calendar's quarters (ChartSpec.calendar: the axis is made at insertion). */
export function roadmapTimelineChart(opts: { label?: string; rows?: number } = {}): ChartSpec {
  return {
    kind: 'roadmapTimeline',
    title: 'Roadmap by quarter',
    // The hidden label column: each bar named with what it depends on (roadmapChartLabel).
    categories: opts.label ?? 'gLabel',
    block: true,
    series: [
      { column: 'gOffset', name: 'Start', invisible: true },
      ...Array.from({ length: ROADMAP_THEME_SLOTS }, (_, i) => ({ column: `gSlot${i + 1}`, color: THEME_COLORS[i] })),
    ],
    calendar: { start: 'start', end: 'end', theme: 'theme' },
    legend: 'bottom',
    widthPx: 760,
    heightPx: timelineHeightPx(opts.rows ?? 16),
  };
}

// ---------------------------------------------------------------------------------------------
// Impact / effort matrix: one scatter series per quadrant (helper columns), dividers at the threshold.

/** Helper columns: the impact of each project, in the column of its quadrant (#N/A elsewhere: not plotted). */
export function quadrantChartColumns(
  keys = { impact: 'impact', quadrant: 'quadrant' },
): ColumnSpec<QuadrantChartKey>[] {
  return QUADRANTS.map((q) => ({
    key: q.key,
    header: q.name,
    width: 70,
    hidden: true,
    formula: (r: FormulaRefs) =>
      `IF(${r.row[keys.quadrant]}="${q.name.replace(/"/g, '""')}",${r.row[keys.impact]},NA())`,
  }));
}

/**
 * The matrix: `effort` and `impact` the columns of the values plotted (those the quadrants use); the names are placed
 * from the same, or from the typed columns where those are not calculated yet.
 */
export function impactEffortChart(
  threshold = DEFAULT_QUADRANT_THRESHOLD,
  effort = 'effort',
  impact = 'impact',
): ChartSpec {
  return {
    kind: 'impactEffortMatrix',
    title: 'Impact / Effort matrix',
    series: QUADRANTS.map((q) => ({
      column: q.key,
      name: q.name,
      color: q.color,
      x: effort,
      pointLabels: 'project',
    })),
    axes: {
      category: scaleAxis('Effort (1 = low, 10 = high)', threshold),
      value: scaleAxis('Business impact (1 = low, 10 = high)', threshold),
    },
    quadrants: quadrantCaptions(threshold, threshold),
    labelAt: {
      x: effort,
      y: impact,
      labels: 'project',
      ...(effort === 'effort' && impact === 'impact' ? {} : { typed: { x: 'effort', y: 'impact' } }),
    },
    legend: 'bottom',
    widthPx: 640,
    heightPx: 520,
  };
}

// ---------------------------------------------------------------------------------------------
// Technical health radar, metric progress, theme progress.

export function healthRadarChart(rows: number): ChartSpec {
  return {
    kind: 'healthRadar',
    title: HEALTH_RADAR_TITLE,
    categories: 'dimension',
    rows,
    series: [
      { column: 'rating', name: 'Score', color: PROGRESS_COLOR },
      { column: 'target', name: 'Target', color: TARGET_COLOR },
    ],
    axes: { value: HEALTH_AXIS },
    legend: 'bottom',
    widthPx: 560,
    heightPx: 460,
  };
}

/** A 0–100% value axis for progress held as fractions (0.45 shown as 45%). */
export const percentAxis = (title: string): ChartAxisOp => ({
  title,
  min: 0,
  max: 1,
  majorUnit: 0.25,
  numberFormat: '0%',
  sheetsFormat: 'percent',
});

export function metricProgressChart(keys = { label: 'technical', progress: 'progress' }): ChartSpec {
  return {
    kind: 'metricProgress',
    title: 'Progress toward target',
    categories: keys.label,
    series: [{ column: keys.progress, name: 'Progress', color: PROGRESS_COLOR }],
    axes: { value: percentAxis('Progress from baseline to target') },
    legend: 'none',
    widthPx: 640,
    heightPx: 360,
  };
}

export function themeProgressChart(keys = { label: 'theme', progress: 'complete' }): ChartSpec {
  return {
    kind: 'themeProgress',
    title: 'Theme progress (% complete)',
    categories: keys.label,
    series: [{ column: keys.progress, name: '% complete', color: PROGRESS_COLOR }],
    axes: { value: percentAxis('% complete') },
    legend: 'none',
    widthPx: 640,
    heightPx: 340,
  };
}

/**
 * In-cell progress bar column: Excel and the formula engine see `=progress` (a data bar draws it,
 * the number is hidden by the ";;;" format); Sheets gets a SPARKLINE bar instead.
 */
export function progressBarColumn<K extends string = 'bar'>(
  progressKey: string,
  key = 'bar' as K,
  header = 'Progress bar',
): ColumnSpec<K> {
  const column: ColumnSpec = {
    key,
    header,
    width: 120,
    numberFormat: ';;;',
    formula: (r) => `IF(ISNUMBER(${r.row[progressKey]}),${r.row[progressKey]},"")`,
    sheetsFormula: (r) =>
      `IF(ISNUMBER(${r.row[progressKey]}),SPARKLINE(MAX(0,MIN(1,${r.row[progressKey]})),{"charttype","bar";"max",1;"color1","${PROGRESS_COLOR}"}),"")`,
  };
  return column as ColumnSpec<K>;
}
