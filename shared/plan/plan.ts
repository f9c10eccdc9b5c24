/**
 * The render plan: what a template compiles to, independent of any host.
 *
 * A plan is a list of sheets, each a set of batched operations on A1 ranges of that sheet
 * (one block of cells, number formats, validations, conditional formats, a table, charts),
 * plus workbook-level named ranges. Each host has one executor that applies a plan with as
 * few host calls as possible; adding a template never touches an executor.
 *
 * Names that may clash with the user's (sheet names, named ranges) are placeholders in the
 * plan: `{{sheet:themes}}` and `{{name:themeNames}}` in formulas, validation sources and
 * chart ranges. `resolvePlan` (resolve.ts) replaces them with free names once the executor
 * has read which names the workbook already has, so nothing of the user's is ever overwritten.
 */

/**
 * A cell to write: a constant, a blank (null) or a native formula (text starting with "="). A text starting with an
 * apostrophe is text typed with a quote prefix, the apostrophe not part of it (`'=x` is the text `=x`): every writer
 * stores it as text, as both hosts store what a user types that way (typedText).
 */
export type PlanCell = string | number | boolean | null;

/**
 * A user's text as a plan cell that every writer keeps as text: quote-prefixed when it starts with a character a host
 * would read as the start of a formula or a value (`=`, `+`, `-`, `@`) or with an apostrophe itself.
 */
export function typedText(s: string): string {
  return s.length > 0 && "=+-@'".includes(s[0]) ? `'${s}` : s;
}

/** The text of a quote-prefixed plan cell (`'=x` → `=x`), or undefined for any other cell. */
export function quotedText(v: PlanCell | undefined): string | undefined {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : undefined;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** #rrggbb */
  fontColor?: string;
  /** #rrggbb */
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  fontSize?: number;
}

export interface FormatOp {
  range: string;
  style: CellStyle;
}

export interface NumberFormatOp {
  /** A1 range, e.g. "E2:E51". */
  range: string;
  /** Same code in both hosts: "0.0", "0%", "yyyy-mm-dd", "@". */
  format: string;
}

export type ValidationRule =
  | { kind: 'list'; values: string[] }
  /** Values from a range, usually a named range placeholder: `{{name:themeNames}}`. */
  | { kind: 'listFromRange'; source: string }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean }
  | { kind: 'date' };

export interface ValidationOp {
  range: string;
  rule: ValidationRule;
  /** Shown to the user when they select the cell (Excel prompt, Sheets help text). */
  help?: string;
  /** Reject invalid entries (true) or only warn (false). */
  strict: boolean;
}

export type ConditionalRule =
  /** Formula relative to the range's top-left cell, e.g. `=$I2="Off track"`. */
  | { kind: 'formula'; formula: string }
  /** Three-colour scale from min to max (numbers in the range). */
  | {
      kind: 'colorScale';
      min: { value: number; color: string };
      mid?: { value: number; color: string };
      max: { value: number; color: string };
    }
  /** In-cell data bar (Excel data bar; Sheets uses a SPARKLINE column instead, see charts). */
  | { kind: 'dataBar'; color: string; min: number; max: number };

export interface ConditionalFormatOp {
  range: string;
  rule: ConditionalRule;
  style?: CellStyle;
}

export interface TableOp {
  /** Header row + data rows, e.g. "A1:J51". */
  range: string;
  /** Base name; the executor makes it unique in the workbook (`{{table:...}}` style resolution). */
  name: string;
  style?: string;
}

export interface NamedRangeOp {
  /** Placeholder key, used as `{{name:key}}`. */
  key: string;
  /** Preferred name, e.g. "ThemeNames"; gets a suffix when the workbook already has it. */
  name: string;
  /** Sheet key and A1 range on that sheet. */
  sheet: string;
  range: string;
}

/**
 * How a chart is drawn; each host maps it to its own chart type (see the host charts.ts). A tornado is a horizontal
 * bar chart of two series, one negative (drawn left of zero) and one positive (right), each category's two bars on
 * one line: Excel and the .xlsx a clustered bar with overlap 100, Sheets a stacked bar (no overlap option; stacking a
 * negative and a positive value draws the same bars), the preview overlapping bars.
 */
export type ChartForm = 'stackedBar' | 'bar' | 'scatter' | 'radar' | 'tornado';

/**
 * One axis. For bar and radar charts `value` is the numeric axis and `category` the labels;
 * for a scatter chart `category` is the horizontal (x) value axis and `value` the vertical (y).
 */
export interface ChartAxisOp {
  title?: string;
  min?: number;
  max?: number;
  majorUnit?: number;
  /** Tick label format: an Excel number format code ("0%", "0", `"Q"0`); Sheets gets `sheetsFormat` or this. */
  numberFormat?: string;
  /** ICU decimal pattern for Google Charts when it differs from the Excel code. */
  sheetsFormat?: string;
  /** Value at which the other axis crosses this one (draws the quadrant divider). */
  crossesAt?: number;
}

export interface ChartSeriesOp {
  /** Legend name. */
  name: string;
  /** A1 range of the values on this sheet, without the header, e.g. "C2:C51". */
  values: string;
  /** Scatter only: A1 range of the x values. */
  xValues?: string;
  /** #rrggbb */
  color?: string;
  /** Drawn without fill and left out of the legend (the Gantt offset series). */
  invisible?: boolean;
  /** A1 range with one label per point (project names); hosts that can show them do. */
  pointLabels?: string;
  /** Left out of the legend: a roadmap theme slot no theme fills when the chart is drawn (calendar-axis.ts). */
  outOfLegend?: boolean;
}

/** Where a point's name sits beside it (label-placement.ts). */
export type LabelSide = 'right' | 'left' | 'above' | 'below';

/** Charts are declared in the plan too (see charts.ts for their spec); executors place them. */
export interface ChartOp {
  kind:
    | 'roadmapTimeline'
    | 'impactEffortMatrix'
    | 'healthRadar'
    | 'metricProgress'
    | 'themeProgress'
    | 'metricTrend'
    | 'weightTornado';
  /** The title; the fallback where `titleCell` links it to a cell (a host that cannot link shows this text). */
  title: string;
  /**
   * A1 cell on this sheet whose text is the title (a metric's name by formula): Excel links the title to it
   * (`ChartTitle.setFormula`), the .xlsx and the preview read it; Sheets cannot link a title and shows `title`,
   * with the series named by the same cell (header row) in its legend.
   */
  titleCell?: string;
  /**
   * Scatter only: each series' points joined by a line in row order (a trend over time). Cells without a
   * number (#N/A) are not plotted and the line spans them.
   */
  lines?: boolean;
  /** Top-left anchor cell, to the right of or below the data (never over it). */
  anchor: string;
  widthPx: number;
  heightPx: number;
  /** How the chart is drawn (additive; executors fall back to the kind's default form when absent). */
  form?: ChartForm;
  /** A1 range of the category labels (bars, radar), without the header. */
  categories?: string;
  /** The data series, in stacking order. */
  series?: ChartSeriesOp[];
  axes?: { value?: ChartAxisOp; category?: ChartAxisOp };
  legend?: 'right' | 'bottom' | 'top' | 'none';
  /**
   * The sheet as it must appear in a formula, `{{sheet:key}}` until resolved (then `'Roadmap (2)'`):
   * lets a host link text in the chart to cells (Excel data label formulas).
   */
  sheetRef?: string;
  /** Quadrant dividers and names (impact/effort matrix), at axis values. */
  quadrants?: { x: number; y: number; topLeft: string; topRight: string; bottomLeft: string; bottomRight: string };
  /** Reference lines across the value axis with a label each (quarter boundaries on the roadmap). */
  guides?: { value: number; label: string }[];
  /**
   * The value axis is the calendar in quarters (the roadmap): the A1 data ranges of its Start, End and Theme cells.
   * The axis and guides are the quarters at insertion; a renderer that draws from the cells as they are (the
   * preview, the .xlsx writer) widens them to every dated row and names only the themes in use (charts.ts
   * calendarOp).
   */
  calendar?: { start: string; end: string; theme: string };
  /**
   * The series columns as one block with their header row (adjacent columns, in series order): hosts
   * chart the block whole so legend names follow the header cells (e.g. theme names by formula).
   */
  source?: string;
  /**
   * Excel draws every row of a bar chart's range, blank ones as empty slots: it charts only the first
   * `excelRows` data rows (the rows filled at insertion, at least 10). Sheets skips empty rows itself.
   */
  excelRows?: number;
  /**
   * Point names placed clear of each other (the matrix): the columns a point stands on (x, y: the values plotted)
   * and its name, each an A1 range of the data rows, so a renderer places the names from the values it has;
   * `typed` the typed columns to read where a plotted cell holds no number (a formula not calculated yet).
   */
  labelValues?: { x: string; y: string; labels: string; typed?: { x: string; y: string } };
  /**
   * The placement computed at insertion from the rows filled then (data row index from 0, its side, and its
   * number where the name is listed beside the chart instead): what Excel sets per point.
   */
  labelPlacement?: Array<{ row: number; side: LabelSide; number?: number }>;
  /**
   * A trend's source in the log (Progress History): its metric slot and the typed What / Name / Value columns
   * (A1 ranges of the data rows), so a reader that does not evaluate formulas (the .xlsx writer) can name the
   * metric and count its snapshots.
   */
  trendOf?: { slot: number; kind: string; name: string; value: string };
}

/**
 * A column the template computes (issue #18, item 2): marked by its style and a note on its header, and guarded
 * where the host allows it without blocking the user — Google Sheets protects `range` with a warning only (the
 * user is asked before overwriting and can still do it), Excel shows `note` as the prompt of the header and data
 * cells (sheet protection would block the user's own edits and row inserts), the .xlsx carries it as the header
 * cell's note, the preview asks before a formula is replaced.
 */
export interface ComputedColumnOp {
  /** The header cell, e.g. "H1". */
  headerCell: string;
  /** The computed data cells, e.g. "H2:H51". */
  range: string;
  /** Short title (a prompt title: ≤ 32 characters in Excel). */
  title: string;
  /** What the column is and what typing over it does (≤ 255 characters: Excel's prompt message). */
  note: string;
}

/**
 * Cells one host writes over the base cells, after them, in the same batch: e.g. the metrics
 * dashboard's "Progress bar" column holds `=H2` with an Excel data bar (base, also what the
 * formula-engine test sees) and a `SPARKLINE` formula in Sheets, which Excel does not have.
 */
export interface HostCellsOp {
  host: 'sheets' | 'excel';
  /** A1 range, same shape as `cells`. */
  range: string;
  cells: PlanCell[][];
  /**
   * The cells call the add-in's own functions (RANK_STABILITY…), in that host's form (Excel: `STRATEGY.` names).
   * Only where those functions exist are they written (Sheets, Excel, the preview's engine by their plain names);
   * a file opened without the add-in (the .xlsx) keeps the base cells: the values computed at insertion, a snapshot.
   */
  addIn?: boolean;
}

export interface SheetPlan {
  /** Stable key used in placeholders: `{{sheet:roadmap}}`. */
  key: string;
  /** Preferred sheet name; "Roadmap (2)" when taken. */
  name: string;
  tabColor?: string;
  /** Page orientation when printed (the .xlsx writer); landscape when absent. */
  printOrientation?: 'portrait' | 'landscape';
  /** All cells, written from A1 in one block. Row 0 is the header when `headerRows` ≥ 1. */
  cells: PlanCell[][];
  headerRows: number;
  frozenRows: number;
  frozenColumns: number;
  /** Widths in pixels, from column A. */
  columnWidths: number[];
  /** Columns hidden from view (helper columns), 0-based. */
  hiddenColumns?: number[];
  formats: FormatOp[];
  numberFormats: NumberFormatOp[];
  validations: ValidationOp[];
  conditionalFormats: ConditionalFormatOp[];
  table?: TableOp;
  charts: ChartOp[];
  /** Host-specific cells applied after `cells` by that host's executor only (additive, optional). */
  hostCells?: HostCellsOp[];
  /** A note for the person reading the sheet (shown in the task pane after insertion). */
  note?: string;
  /** The visible columns the template computes, marked and guarded by each host (absent: none). */
  computed?: ComputedColumnOp[];
}

export interface RenderPlan {
  templateId: string;
  title: string;
  sheets: SheetPlan[];
  namedRanges: NamedRangeOp[];
  /** Sheet key to activate when done. */
  activate: string;
}

/** What a workbook already has, read by the executor before writing anything. */
export interface ExistingNames {
  sheets: string[];
  namedRanges: string[];
  tables?: string[];
}
