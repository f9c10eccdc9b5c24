/**
 * The template spec DSL: templates are data, compiled to a render plan by compile.ts.
 *
 * A template is a list of sheets. A sheet is a table: one header row, then `rows` data rows
 * (the same number blank or with example, so users have room to add their own rows). Columns
 * are addressed by key, never by letter: a per-row formula is a small builder that receives the
 * cell references of its row (`r.row.impact` → "C2"), whole data columns (`r.col.score` →
 * "$H$2:$H$51"), the column above the row, settings cells on the same sheet and placeholders for
 * other sheets. No host calls here: specs describe, the compiler lays out, executors write.
 *
 * Layout the compiler produces on a sheet (all from A1, one block of cells):
 *   visible columns │ spacer │ side block (label, value: settings and summaries) │ spacer │ columns beside (a small
 *   block of results, ColumnSpec.beside) │ spacer │ hidden helper columns
 */
import type {
  CellStyle,
  ChartAxisOp,
  ChartForm,
  ChartOp,
  ConditionalRule,
  PlanCell,
  ValidationRule,
} from '../plan/plan';
import type { ExampleSource, InsertionDays } from './example-dates';

/**
 * How a column's cell is read: `text` (trimmed, "" when blank), `number` and `date` (a number, dates as serial days;
 * undefined when blank), `metric` (a number stays a number, anything else is its text: "$1M", "N/A").
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'metric';

/**
 * One argument of a computed column's core function: another column of the sheet (as read, or as the core
 * computed it when that column is computed too), a side-block setting, or a list of constants (one per row).
 */
export type ComputeArg<K extends string = string, S extends string = string> =
  | {
      col: NoInfer<K>;
      /** Blank on the rows where this other column is not a number (a plan leaves out the rows without a score). */
      where?: NoInfer<K>;
    }
  | { side: NoInfer<S> }
  | { values: readonly unknown[] };

/**
 * A row's values as the strategy reader reads them (its `kind` columns: texts "", numbers and dates undefined when
 * blank), by column key; a column without a kind reads as undefined.
 */
export type ReadValues<K extends string = string> = { readonly [P in K]?: string | number };

/**
 * A computed value no registry function gives (the Discuss flag, a debt decision): a named evaluation of the read
 * values of every row and the sheet's settings (read by their kind, or their fallback), one result per row.
 */
export interface Evaluation<K extends string = string, S extends string = string> {
  /** How the self-check names it ("the Discuss rule"). */
  name: string;
  evaluate(rows: readonly ReadValues<NoInfer<K>>[], side: ReadValues<NoInfer<S>>): readonly unknown[];
}

/**
 * What a computed column (or side-block summary) equals: a named evaluation, a registry function, or a rank. The
 * others say `evaluate?: undefined` so a builder's `evaluate: (rows, side) => …` is typed inside `defineSheet`.
 */
export type Computes<K extends string = string, S extends string = string> =
  | Evaluation<K, S>
  | {
      fn: string;
      evaluate?: undefined;
      args: readonly ComputeArg<K, S>[];
      /** Called once over the whole columns (a plan over every row), not row by row. */
      whole?: boolean;
      /** Only the first N rows are compared (the four DORA rows). */
      rows?: number;
      /** What the sheet shows where the function gives an error (the self-check compares with it). */
      errorShows?: string;
      /**
       * Where the function cannot read this setting (it refuses the whole call: a First quarter that is no quarter),
       * what the sheet shows on each row whose first argument is filled (blank elsewhere).
       */
      refused?: { side: NoInfer<S>; shows: string };
      /** The reader takes the file's value only (the self-check still compares). */
      checkOnly?: boolean;
    }
  | {
      /** The 1-based rank of each row by this column (ties: row order), as the self-check names it. */
      rankOf: NoInfer<K>;
      name: string;
      evaluate?: undefined;
    };

/**
 * Cell references handed to a formula builder (all A1 text, no leading "="), typed by the sheet's column keys `K`
 * and side-block keys `S` (schema.ts: `defineSheet` infers both, so a misspelt `r.row.impactx` does not compile).
 */
export interface FormulaRefs<K extends string = string, S extends string = string> {
  /** This row's cell for each column key, e.g. `row.impact` = "C2". */
  row: Record<K, string>;
  /** The whole data range of each column, absolute, e.g. `col.score` = "$H$2:$H$51". */
  col: Record<K, string>;
  /**
   * From the header row down to the row above, e.g. `above.score` = "$H$1:H1" on the first data row.
   * The header is text, so numeric criteria and sums never count it.
   */
  above: Record<K, string>;
  /** From the first data row down to this row, e.g. `upTo.name` = "$A$2:A2" on the first data row. */
  upTo: Record<K, string>;
  /** The previous row's cell for each column key (the header cell on the first data row). */
  prev: Record<K, string>;
  /** True on the first data row (where `prev` points at the header). */
  first: boolean;
  /**
   * Each side-block value on this sheet as a formula reads it: its absolute reference ("$P$2"), or for a setting
   * with a number `fallback` that reference read the way the strategy reader reads it (compile.ts `settingReference`:
   * `IF(ISNUMBER($P$2),$P$2,6)`), so a cleared setting gives the sheet and the document the same answer.
   */
  side: Record<S, string>;
  /** 0-based index of the data row. */
  index: number;
  /** 1-based sheet row of the data row. */
  sheetRow: number;
  /** A reference to a range on another sheet of the same plan: `other('themes', 'A2:A51')` → "{{sheet:themes}}!A2:A51". */
  other: (sheetKey: string, a1: string) => string;
  /** The data range of a column on another sheet of the same plan, e.g. `otherCol('projects', 'theme')` → "{{sheet:projects}}!$B$2:$B$51". */
  otherCol: (sheetKey: string, columnKey: string) => string;
  /** The cell of a column on another sheet, same data row index: `otherCell('themes', 'name')` → "{{sheet:themes}}!A2". */
  otherCell: (sheetKey: string, columnKey: string) => string;
}

/**
 * A formula text without the leading "=" (the compiler adds it); "" leaves a data cell blank. Declared as a method so
 * a sheet typed by its keys is still a `SheetSpec` (the compiler hands every builder all the sheet's references).
 */
export type FormulaBuilder<K extends string = string, S extends string = string> = {
  build(r: FormulaRefs<K, S>): string;
}['build'];

/**
 * Validation of a column: a plain plan rule, or a list taken from a named range defined by another
 * sheet (`themeNames`). When that sheet is not part of the inserted plan, the column falls back to
 * free text and the `fallbackHelp` is shown instead (see compile.ts).
 */
export type ColumnValidation = ValidationRule | { kind: 'namedList'; name: string; fallbackHelp: string };

export interface ColumnSpec<K extends string = string, S extends string = string> {
  /** Stable key used by formulas and examples. */
  key: K;
  header: string;
  /** How the strategy reader reads the column (schema.ts); a column without a kind is not read. */
  kind?: ColumnKind;
  /** Read rows only where this date/number column holds one (a row without it is dropped). */
  required?: boolean;
  /** The core function the column must equal (the self-check compares; the reader computes when no value is cached). */
  computes?: Computes<K, S>;
  /** Pixels. */
  width: number;
  numberFormat?: string;
  validation?: ColumnValidation;
  /** Help shown when a cell of the column is selected (input prompt / help text). */
  help?: string;
  /** Reject invalid input (default) or only warn. */
  strict?: boolean;
  /** A per-row native formula: the column is computed, never typed. */
  formula?: FormulaBuilder<NoInfer<K>, NoInfer<S>>;
  /**
   * A per-row formula Sheets writes instead of `formula` (e.g. SPARKLINE, which Excel lacks); Excel and the
   * formula engine keep `formula`. Compiled to the plan's `hostCells`.
   */
  sheetsFormula?: FormulaBuilder<NoInfer<K>, NoInfer<S>>;
  /**
   * The column is filled by one call of one of the add-in's own functions (`fn`, e.g. RANK_STABILITY, with the
   * arguments `args` builds) in its first data row, its result spilling down (and right over the next columns, which
   * the spec declares without a formula). Compiled to host cells: Sheets and the preview call it by its name, Excel
   * in its `STRATEGY.` namespace. Where the add-in's functions do not exist (the .xlsx) the cells hold `snapshot`:
   * the same result computed at insertion from the rows and settings given then (the example, or nothing), which
   * does not follow later edits.
   */
  addIn?: {
    fn: string;
    args: FormulaBuilder<NoInfer<K>, NoInfer<S>>;
    /** Columns the result spans (this one and the next ones), 1 when absent. */
    width?: number;
    snapshot: (given: { rows: Array<Record<string, PlanCell>>; side: Record<string, PlanCell> }) => PlanCell[][];
  };
  /** The note on a computed column's header when not the standard one (computedColumnNote). */
  note?: string;
  /** A header computed by formula (built with the first data row's references), e.g. a theme name for a chart legend. */
  headerFormula?: FormulaBuilder<NoInfer<K>, NoInfer<S>>;
  /**
   * What `headerFormula` shows for the rows filled at insertion: the chart series name where a host cannot link
   * a series name to a cell (Excel's `ChartSeries.name` is text).
   */
  headerValue?: (rows: Array<Record<string, PlanCell>>) => string;
  /** Helper column: laid out after the side block and hidden. */
  hidden?: boolean;
  /**
   * A visible column outside the table, laid out right of the side block (after a spacer): a small block of results
   * of this many rows from the first data row (the tipping point of each of the four weights).
   */
  beside?: number;
  /** A column of links (HYPERLINK formulas) to other sheets: a formula, but not a computed value to guard. */
  link?: boolean;
  /** Style of the data cells (e.g. wrap long text, centre a score). */
  style?: CellStyle;
}

/** A labelled value to the right of the table: a setting the user may change, or a summary formula. */
export interface SideItem<K extends string = string, S extends string = string> {
  key: S;
  label: string;
  /**
   * How the strategy reader reads the setting, and its value when blank (cells/readSetting); formulas read a number
   * fallback the same way (FormulaRefs.side).
   */
  kind?: ColumnKind;
  fallback?: string | number;
  /** The core function the summary must equal (compared by the self-check). */
  computes?: Computes<K, S>;
  /**
   * A constant (a setting), or one placed from the days of insertion (date serials: today, and a day of the plan's
   * first quarter, which the example places before today: example-dates.ts insertionDays).
   */
  value?: PlanCell | ((days: InsertionDays) => PlanCell);
  /** A summary formula over the table (text without "="). */
  formula?: FormulaBuilder<NoInfer<K>, NoInfer<S>>;
  numberFormat?: string;
  validation?: ValidationRule;
  help?: string;
  style?: CellStyle;
}

/** A conditional format on one or more columns' data ranges. */
export interface ConditionalSpec<K extends string = string, S extends string = string> {
  columns: NoInfer<K>[];
  /**
   * The rule. Formula rules get the references of the first data row with the column fixed
   * (`r.row.status` = "$I2"), so the host applies them relative to each row.
   */
  rule: { build(r: { row: Record<NoInfer<K>, string>; side: Record<NoInfer<S>, string> }): ConditionalRule }['build'];
  style?: CellStyle;
}

/** A named range over a column's data range (placeholder `{{name:key}}`). */
export interface NamedRangeSpec<K extends string = string> {
  key: string;
  /** Preferred workbook name, e.g. "ThemeNames". */
  name: string;
  column: NoInfer<K>;
}

/** A sheet, typed by its column keys `K` and side-block keys `S` (see schema.ts `defineSheet`). */
export interface SheetSpec<K extends string = string, S extends string = string> {
  /** Stable key, used in placeholders: `{{sheet:key}}`. */
  key: string;
  /** Preferred sheet name. */
  name: string;
  tabColor?: string;
  /** How the sheet prints in the .xlsx: landscape (the default, for wide tables) or portrait (a document). */
  printOrientation?: 'portrait' | 'landscape';
  columns: readonly ColumnSpec<K, S>[];
  /** Number of data rows (formulas and validation cover all of them, blank or example). */
  rows: number;
  /** Rows present in both versions (e.g. the six health dimensions, the four DORA metrics), by column key. */
  fixed?: Record<string, PlanCell>[];
  /**
   * Example rows from the seed guide, by column key; merged over `fixed` row by row. Rows with dates
   * are a function of the insertion day (example-dates.ts), so the example always reads as a current plan.
   */
  examples?: ExampleSource;
  side?: readonly SideItem<K, S>[];
  /** Header of the side block's two columns. */
  sideHeader?: [string, string];
  /**
   * Where the side block goes: right of the table (default), or under the table's first two columns after
   * one blank row, for a short table whose summary must be seen without scrolling sideways.
   */
  sidePlacement?: 'right' | 'below';
  conditionalFormats?: ConditionalSpec<K, S>[];
  namedRanges?: NamedRangeSpec<K>[];
  /** Freeze the first N columns (default 0); the header row is always frozen. */
  frozenColumns?: number;
  /** Create a host table (Excel table) over header + data rows of the visible columns. */
  table?: boolean;
  /** Shown to the user after insertion (task pane / sidebar). */
  note?: string;
  /** Charts of the sheet (charts.ts), placed to the right of the data. */
  charts?: ChartSpec[];
}

export interface TemplateSpec {
  id: string;
  name: string;
  description: string;
  sheets: SheetSpec[];
  /** Sheet key to activate after insertion (default: the first sheet). */
  activate?: string;
}

export interface ChartSeriesSpec {
  /** Column key of the values. */
  column: string;
  /** Legend name (the column header is used when absent). */
  name?: string;
  color?: string;
  invisible?: boolean;
  /** Scatter: column key of the x values. */
  x?: string;
  /** Column key of per-point labels. */
  pointLabels?: string;
}

export interface ChartSpec {
  kind: ChartOp['kind'];
  title: string;
  form?: ChartForm;
  /** Column key of the category labels (bars, radar). */
  categories?: string;
  series: ChartSeriesSpec[];
  axes?: { value?: ChartAxisOp; category?: ChartAxisOp };
  legend?: ChartOp['legend'];
  quadrants?: ChartOp['quadrants'];
  guides?: ChartOp['guides'];
  /** Chart only the first N data rows (the six fixed health dimensions). */
  rows?: number;
  widthPx?: number;
  heightPx?: number;
  /**
   * Series columns are contiguous on the sheet with a header row: hosts chart them as one block so
   * the legend follows the header cells (theme names computed by formulas).
   */
  block?: boolean;
  /** Scatter: join each series' points in row order (ChartOp.lines). */
  lines?: boolean;
  /** Column key whose header cell is the chart's live title (ChartOp.titleCell). */
  titleFromHeader?: string;
  /**
   * The value axis is the calendar in quarters (charts.ts calendarPosition): made at insertion from the day and
   * the dates of these columns in the rows given then (roadmapWindow, calendarAxis).
   */
  calendar?: { start: string; end: string; theme: string };
  /**
   * Scatter with point names: the columns each point stands on (the values plotted, which may be computed: the
   * matrix's "… used" scores), to place the names clear of each other; `typed` the typed columns holding the same
   * values in the rows given at insertion and in a file whose computed cells hold no value yet.
   */
  labelAt?: { x: string; y: string; labels: string; typed?: { x: string; y: string } };
  /** A trend of the log: its metric slot and the column keys of What, Name and Value (ChartOp.trendOf). */
  trendOf?: { slot: number; kind: string; name: string; value: string };
}
