/**
 * What a chart draws, as the user sees it, in each host fake: per series, the points plotted (cells of
 * its values range that hold numbers, in rows and columns the chart does not skip), computed from the
 * fake's cells with its host engine. A series whose cells sit only in hidden columns draws nothing
 * unless the chart is told to plot hidden data:
 *  - Sheets: `Charts.ChartHiddenDimensionStrategy` "IGNORE_BOTH — Default; charts skips any hidden columns
 *    and hidden rows", IGNORE_ROWS "skips hidden rows only", IGNORE_COLUMNS "hidden columns only",
 *    SHOW_BOTH skips neither (Apps Script reference, Enum ChartHiddenDimensionStrategy);
 *  - Excel: `Chart.plotVisibleOnly` "True if only visible cells are plotted. False if both visible and
 *    hidden cells are plotted." (ExcelApi 1.8), true by default.
 */
import { rect, sheetValue, type FakeExcelHost, type XChart } from './excel';
import type { FakeChart, FakeRange, FakeSheet } from './sheets';

export interface DrawnSeries {
  name: string;
  /** Drawn without fill and out of the legend (the Gantt offset). */
  invisible: boolean;
  /** The points drawn: sheet row (1-based) and value. */
  points: Array<{ row: number; value: number }>;
}

// ---------- Excel ----------

export function excelDrawn(host: FakeExcelHost, sheetName: string, chart: XChart): DrawnSeries[] {
  const sheet = host.sheet(sheetName);
  return chart.series.map((s) => {
    const points: DrawnSeries['points'] = [];
    if (s.values) {
      const r = rect(s.values);
      for (let i = 0; i < r.rows; i++) {
        const row0 = r.row + i;
        const hidden = sheet.hidden.has(r.col) || (sheet.hiddenRows?.has(row0) ?? false);
        if (hidden && chart.plotVisibleOnly) continue;
        const v = sheetValue(host, sheet, row0, r.col);
        if (typeof v === 'number') points.push({ row: row0 + 1, value: v });
        else if (textPlotsAsZero(chart, sheet.cells.get(`${row0},${r.col}`)?.formula, v))
          points.push({ row: row0 + 1, value: 0 });
      }
    }
    const invisible = s.ops.some((o) => o.path === 'format.fill.clear');
    return { name: s.name, invisible, points };
  });
}

/**
 * The category labels the user sees, by sheet row (1-based): the cells of the range set by
 * `categoryAxis.setCategoryNames` (ExcelApi 1.7, "Sets all the category names for the specified axis"),
 * shown as text; a cell in a hidden column or row is left out when the chart plots visible cells only.
 */
export function excelLabels(host: FakeExcelHost, sheetName: string, chart: XChart): Map<number, string> {
  const sheet = host.sheet(sheetName);
  const out = new Map<number, string>();
  if (!chart.categories) return out;
  const r = rect(chart.categories);
  for (let i = 0; i < r.rows; i++) {
    const row0 = r.row + i;
    const hidden = sheet.hidden.has(r.col) || (sheet.hiddenRows?.has(row0) ?? false);
    if (hidden && chart.plotVisibleOnly) continue;
    const v = sheetValue(host, sheet, row0, r.col);
    out.set(row0 + 1, v === null || v === undefined ? '' : String(v));
  }
  return out;
}

/**
 * The title the user sees: a title linked to a cell (`ChartTitle.setFormula("='Sheet'!$G$1")`, ExcelApi 1.7:
 * "Sets a string value that represents the formula of chart title using A1-style notation") shows that cell's
 * current value; otherwise the text set on `title.text`. Only a reference to one cell is modelled.
 */
export function excelTitle(host: FakeExcelHost, sheetName: string, chart: XChart): string {
  const linked = chart.ops.filter((o) => o.path === 'title.setFormula').pop();
  if (linked) {
    const f = String(linked.args?.[0] ?? '');
    const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+)$/.exec(f);
    if (!m) throw new Error(`fake: title formula not modelled: ${f}`);
    const sheet = host.sheet((m[1] ?? m[2]).replace(/''/g, "'"));
    const r = rect(m[3]);
    return String(sheetValue(host, sheet, r.row, r.col));
  }
  const text = chart.ops.filter((o) => o.path === 'title.text').pop();
  return String(text?.value ?? '');
}

/**
 * Excel plots a text value in a line or XY scatter series as zero (a formula returning "" included: "the
 * string is plotted as zero", Peltier Tech; SumProduct, "Broken Charts"); only #N/A and truly empty cells
 * are left out. Bars are not modelled (no template charts text in a bar series).
 */
function textPlotsAsZero(chart: XChart, formula: unknown, v: unknown): boolean {
  const lineLike = /^(XYScatter|Line)/.test(chart.type);
  return lineLike && typeof formula === 'string' && formula.startsWith('=') && typeof v === 'string' && !/^#/.test(v);
}

// ---------- Sheets ----------

type Strategy = 'IGNORE_BOTH' | 'IGNORE_ROWS' | 'IGNORE_COLUMNS' | 'SHOW_BOTH';

function lastCall(chart: FakeChart, method: string): unknown[] | undefined {
  return chart.calls.filter((c) => c.method === method).pop()?.args;
}

/**
 * The first range is the domain (categories or x); each column of the other ranges is a series. With
 * `setNumHeaders(1)` the first row of each range is its header (the series name), else the name is the
 * `series.{i}.labelInLegend` option.
 */
export function sheetsDrawn(sheet: FakeSheet, chart: FakeChart): DrawnSeries[] {
  const ranges = chart.calls.filter((c) => c.method === 'addRange').map((c) => c.args[0] as FakeRange);
  const headers = Number(lastCall(chart, 'setNumHeaders')?.[0] ?? 0);
  const strategy = String(lastCall(chart, 'setHiddenDimensionStrategy')?.[0] ?? 'IGNORE_BOTH') as Strategy;
  const skipColumns = strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_COLUMNS';
  const skipRows = strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_ROWS';
  const options = chart.calls.filter((c) => c.method === 'setOption' && c.args[0] === 'series').pop()?.args[1] as
    Record<number, { labelInLegend?: string; color?: string }> | undefined;
  const out: DrawnSeries[] = [];
  for (const range of ranges.slice(1)) {
    for (let j = 0; j < range.cols; j++) {
      const col = range.col + j;
      const i = out.length;
      if (skipColumns && sheet.hidden.has(col)) {
        out.push({ name: `(hidden column ${col})`, invisible: false, points: [] });
        continue;
      }
      const values = range.sheet.getRange(range.row, col, range.rows, 1).getValues();
      const name = headers > 0 ? String(values[0][0]) : (options?.[i]?.labelInLegend ?? `Series ${i + 1}`);
      const points: DrawnSeries['points'] = [];
      values.slice(headers).forEach(([v], k) => {
        const row = range.row + headers + k;
        if (skipRows && sheet.hiddenRows.has(row)) return;
        if (typeof v === 'number') points.push({ row, value: v });
      });
      out.push({ name, invisible: options?.[i]?.color === 'transparent', points });
    }
  }
  return out;
}

/**
 * The category labels the user sees, by sheet row: the first range is the domain ("The first range is the
 * domain", as sheetsDrawn reads it), its header row left out with setNumHeaders(1); a hidden domain column is
 * skipped as a series column is (IGNORE_BOTH / IGNORE_COLUMNS), hidden rows with IGNORE_BOTH / IGNORE_ROWS.
 */
export function sheetsLabels(sheet: FakeSheet, chart: FakeChart): Map<number, string> {
  const domain = chart.calls.find((c) => c.method === 'addRange')?.args[0] as FakeRange | undefined;
  const headers = Number(lastCall(chart, 'setNumHeaders')?.[0] ?? 0);
  const strategy = String(lastCall(chart, 'setHiddenDimensionStrategy')?.[0] ?? 'IGNORE_BOTH') as Strategy;
  const out = new Map<number, string>();
  if (!domain) return out;
  if ((strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_COLUMNS') && sheet.hidden.has(domain.col)) return out;
  const skipRows = strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_ROWS';
  const values = domain.sheet.getRange(domain.row, domain.col, domain.rows, 1).getValues();
  values.slice(headers).forEach(([v], k) => {
    const row = domain.row + headers + k;
    if (!(skipRows && sheet.hiddenRows.has(row))) out.set(row, v === null || v === undefined ? '' : String(v));
  });
  return out;
}

/**
 * The legend a Sheets chart shows: each series' name, unless its options say `visibleInLegend: false`
 * (Google Charts' series option, "true by default").
 */
export function sheetsLegend(sheet: FakeSheet, chart: FakeChart): string[] {
  const options = chart.calls.filter((c) => c.method === 'setOption' && c.args[0] === 'series').pop()?.args[1] as
    Record<number, { visibleInLegend?: boolean }> | undefined;
  return sheetsDrawn(sheet, chart)
    .filter((_, i) => options?.[i]?.visibleInLegend !== false)
    .map((s) => s.name);
}

/** The legend an Excel chart shows: each series' name, unless its legend entry was hidden (ChartLegendEntry.visible). */
export function excelLegend(chart: XChart): string[] {
  return chart.series.filter((_, i) => !chart.legendHidden?.has(i)).map((s) => s.name);
}
