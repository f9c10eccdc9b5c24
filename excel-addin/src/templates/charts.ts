/**
 * Excel chart executor: queues one chart per ChartOp on a worksheet inside the template's single
 * `Excel.run` batch (never calls `context.sync()`): `sheet.charts.add(type, firstSeriesValues, "Columns")`,
 * then every series explicitly (name, values, x values), fills, axes, legend and position. Every series is
 * set from a Range, so the chart follows the cells; hidden helper columns are plotted (`plotVisibleOnly`).
 *
 * Excel specifics (documented in docs/charts.md):
 * - the Gantt offset series has its fill and border cleared (`format.fill.clear()`, line "None")
 *   and its legend entry hidden;
 * - the impact/effort quadrant dividers are the axes themselves, crossing at the threshold
 *   (`setPositionAt`), with tick labels kept at the plot edge (`tickLabelPosition = "Low"`);
 * - project names label the points through data-label formulas that reference the name cells
 *   (`point.dataLabel.formula = "='Sheet'!$A$2"`, ExcelApi 1.8), so they follow the cells too; only as
 *   many points as the series has (a label for a missing point would fail the whole batch); each on the side
 *   placed at insertion so no name covers another (`dataLabel.position` per point, ExcelApi 1.7);
 * - a trend (scatter with lines, Progress History) is "XYScatterLines" with `displayBlanksAs` "Interplotted"
 *   (ExcelApi 1.8) so the line spans the #N/A rows of other metrics, and its title is linked to the cell
 *   holding the metric's name (`title.setFormula`, ExcelApi 1.7), so it follows the data;
 * - `axis.linkNumberFormat` is ExcelApi 1.9 and is set only where the host supports it (requirements.ts).
 */
import type { ChartAxisOp, ChartForm, ChartOp, ChartSeriesOp, LabelSide } from '../../../shared/plan/plan';
import { colLetter, parseRange, rangeA1 } from '../../../shared/a1/a1';
import { defaultForm } from '../../../shared/compiler/charts';
import { EXCEL_API_LINK_NUMBER_FORMAT, type ApiSupport } from './requirements';

/** Excel.ChartType used for each form. */
export const EXCEL_CHART_TYPE: Record<ChartForm, 'BarStacked' | 'BarClustered' | 'XYScatter' | 'RadarMarkers'> = {
  stackedBar: 'BarStacked',
  bar: 'BarClustered',
  // Two series, one negative and one positive, on one line per category (overlap 100, styleSeries).
  tornado: 'BarClustered',
  scatter: 'XYScatter',
  radar: 'RadarMarkers',
};

/** The chart type of an op: a scatter whose points are joined (a trend) is "XYScatterLines". */
export function excelChartType(op: ChartOp): (typeof EXCEL_CHART_TYPE)[ChartForm] | 'XYScatterLines' {
  const form = op.form ?? defaultForm(op.kind);
  return form === 'scatter' && op.lines ? 'XYScatterLines' : EXCEL_CHART_TYPE[form];
}

/**
 * The name of slot k's trend chart (`Chart.name`, ExcelApi 1.1): how "Record snapshot" finds the charts it grows
 * (excel-addin/src/strategy/trend-growth.ts), as Office.js at our floor cannot read a series' range back.
 */
export const trendChartName = (slot: number): string => `TST_Trend_${slot}`;

/** Sheets sizes are pixels; Excel chart sizes are points (96 px = 72 pt). */
export const PX_TO_PT = 0.75;

export function applyAxis(axis: Excel.ChartAxis, a: ChartAxisOp | undefined, supports: ApiSupport): void {
  if (!a) return;
  if (a.title) {
    axis.title.text = a.title;
    axis.title.visible = true;
  }
  if (a.min !== undefined) axis.minimum = a.min;
  if (a.max !== undefined) axis.maximum = a.max;
  if (a.majorUnit !== undefined) axis.majorUnit = a.majorUnit;
  if (a.numberFormat) {
    if (supports(EXCEL_API_LINK_NUMBER_FORMAT)) axis.linkNumberFormat = false;
    axis.numberFormat = a.numberFormat;
  }
  if (a.crossesAt !== undefined) {
    axis.setPositionAt(a.crossesAt);
    axis.tickLabelPosition = 'Low';
  }
}

export function addExcelCharts(sheet: Excel.Worksheet, charts: ChartOp[], supports: ApiSupport = () => true): void {
  for (const op of charts) {
    if ((op.series ?? []).length > 0) addChart(sheet, op, supports);
  }
}

/**
 * One chart. Its series are all set explicitly, never left to how Excel reads a source block (whether a
 * first column of formulas returning "" is taken as categories changes the number of series): the chart
 * is created from the first series' values alone (one column makes one series), then every series gets
 * its name, values and x values / categories. The series read hidden helper columns, so the chart plots
 * hidden cells too (`plotVisibleOnly = false`, ExcelApi 1.8; Excel's default plots visible cells only).
 */
function addChart(sheet: Excel.Worksheet, op: ChartOp, supports: ApiSupport): void {
  const form = op.form ?? defaultForm(op.kind);
  const series = op.series ?? [];
  const fit = (a1: string): Excel.Range => sheet.getRange(trimRows(a1, op.excelRows));
  const chart = sheet.charts.add(excelChartType(op), fit(series[0].values), 'Columns');
  chart.plotVisibleOnly = false;
  // Named so our writers find it again (Chart.name, ExcelApi 1.1; ChartCollection.getItemOrNullObject): "Refresh
  // charts" the roadmap and the matrix by their title, "Record snapshot" a trend by its slot (trend-growth.ts).
  if (op.trendOf) chart.name = trendChartName(op.trendOf.slot);
  else if (op.calendar || op.labelValues) chart.name = op.title;
  setTitle(chart, op);
  // A trend's line spans the #N/A cells between its points (Excel skips #N/A; where "Show #N/A as an empty
  // cell" is on, it is a blank, and interpolated blanks are spanned too). "Interplotted" is Office.js's spelling.
  if (op.lines) chart.displayBlanksAs = 'Interplotted';
  chart.setPosition(op.anchor);
  chart.width = Math.round(op.widthPx * PX_TO_PT);
  chart.height = Math.round(op.heightPx * PX_TO_PT);
  if (op.legend === 'none') chart.legend.visible = false;
  else {
    chart.legend.visible = true;
    chart.legend.position = op.legend === 'bottom' ? 'Bottom' : op.legend === 'top' ? 'Top' : 'Right';
  }
  series.forEach((s, i) => {
    const cs = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    cs.name = s.name;
    cs.setValues(fit(s.values));
    if (s.xValues) cs.setXAxisValues(fit(s.xValues));
    styleSeries(chart, cs, s, i, form);
    if (op.lines && s.color) {
      cs.format.line.lineStyle = 'Continuous';
      cs.format.line.color = s.color;
    }
    if (s.pointLabels && op.sheetRef) labelPoints(cs, s, op);
  });
  if (op.categories && form !== 'scatter') chart.axes.categoryAxis.setCategoryNames(fit(op.categories));
  if (isBars(form)) {
    // First row on top, as in the sheet; the value axis stays at the bottom.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = 'Maximum';
  }
  // A tornado's bars run both ways from zero: the weights' names at the left edge, clear of the bars (ExcelApi 1.7).
  if (form === 'tornado') chart.axes.categoryAxis.tickLabelPosition = 'Low';
  applyAxis(chart.axes.valueAxis, op.axes?.value, supports);
  if (form !== 'radar') applyAxis(chart.axes.categoryAxis, op.axes?.category, supports);
}

/**
 * Brings a chart made by addChart up to date ("Refresh charts", shared/templates/chart-refresh.ts): every series
 * over the filled rows with its name (a series name is text in Office.js, not a cell reference), each legend entry
 * shown only for a series in the legend (`ChartLegendEntry.visible`, ExcelApi 1.7), the point names placed again
 * from the values, and the roadmap's value axis (the quarters: `ChartAxis.minimum`/`maximum`, ExcelApi 1.1; no
 * Office.js member binds an axis bound to a cell). Queued only: the caller syncs.
 */
export function refreshExcelChart(sheet: Excel.Worksheet, chart: Excel.Chart, op: ChartOp, supports: ApiSupport): void {
  const form = op.form ?? defaultForm(op.kind);
  const fit = (a1: string): Excel.Range => sheet.getRange(trimRows(a1, op.excelRows));
  (op.series ?? []).forEach((s, i) => {
    const cs = chart.series.getItemAt(i);
    cs.name = s.name;
    cs.setValues(fit(s.values));
    if (s.xValues) cs.setXAxisValues(fit(s.xValues));
    chart.legend.legendEntries.getItemAt(i).visible = !(s.invisible || s.outOfLegend);
    if (s.pointLabels && op.sheetRef) labelPoints(cs, s, op);
  });
  if (op.categories && form !== 'scatter') chart.axes.categoryAxis.setCategoryNames(fit(op.categories));
  if (op.calendar) applyAxis(chart.axes.valueAxis, op.axes?.value, supports);
}

/** The title: linked to its cell where the op names one (`ChartTitle.setFormula`, ExcelApi 1.7), else the text. */
function setTitle(chart: Excel.Chart, op: ChartOp): void {
  if (op.titleCell && op.sheetRef) {
    const c = parseRange(op.titleCell);
    chart.title.setFormula(`=${op.sheetRef}!$${colLetter(c.left - 1)}$${c.top}`);
  } else chart.title.text = op.title;
}

/** The horizontal bar forms. */
const isBars = (form: ChartForm): boolean => form === 'stackedBar' || form === 'bar' || form === 'tornado';

function styleSeries(chart: Excel.Chart, cs: Excel.ChartSeries, s: ChartSeriesOp, i: number, form: ChartForm): void {
  if (isBars(form)) cs.gapWidth = 60;
  // A tornado's two bars on one line (ChartSeries.overlap, ExcelApi 1.8: "100 … positioned on top of each other").
  if (form === 'tornado') cs.overlap = 100;
  if (s.invisible) {
    cs.format.fill.clear();
    cs.format.line.lineStyle = 'None';
    chart.legend.legendEntries.getItemAt(i).visible = false;
  } else if (s.color) {
    if (form === 'scatter' || form === 'radar') {
      cs.markerBackgroundColor = s.color;
      cs.markerForegroundColor = s.color;
      cs.markerStyle = 'Circle';
      cs.markerSize = 7;
      if (form === 'radar') cs.format.line.color = s.color;
    } else cs.format.fill.setSolidColor(s.color);
  }
  if (form === 'scatter') cs.format.line.lineStyle = 'None';
}

/** One label per point, each a formula pointing at the name cell: follows edits to the names. */
function labelPoints(cs: Excel.ChartSeries, s: ChartSeriesOp, op: ChartOp): void {
  const r = parseRange(s.pointLabels!);
  const points = size(trimRows(s.values, op.excelRows));
  cs.hasDataLabels = true;
  cs.dataLabels.showValue = false;
  cs.dataLabels.position = 'Right';
  const placed = new Map((op.labelPlacement ?? []).map((p) => [p.row, p]));
  for (let row = r.top; row <= Math.min(r.bottom, r.top + points - 1); row++) {
    const label = cs.points.getItemAt(row - r.top).dataLabel;
    const at = placed.get(row - r.top);
    label.formula = `=${op.sheetRef}!$${colLetter(r.left - 1)}$${row}`;
    // Each name on the side placed for it at insertion, clear of the others (ChartDataLabel.position, ExcelApi 1.7).
    // A name placed as a number keeps its name here: Office.js at our floor cannot add the list of numbered names
    // to a chart (no text box in a chart), and a number without its list says nothing (docs/host-api-notes.md).
    if (at) label.position = EXCEL_LABEL_POSITION[at.side];
  }
}

/** Excel's data label position for each side (Excel.ChartDataLabelPosition). */
const EXCEL_LABEL_POSITION: Record<LabelSide, 'Right' | 'Left' | 'Top' | 'Bottom'> = {
  right: 'Right',
  left: 'Left',
  above: 'Top',
  below: 'Bottom',
};

/** Number of rows of an A1 range. */
function size(a1: string): number {
  const r = parseRange(a1);
  return r.bottom - r.top + 1;
}

/** The first `rows` rows of a range (all of it when rows is undefined). */
export function trimRows(a1: string, rows: number | undefined): string {
  if (rows === undefined) return a1;
  const r = parseRange(a1);
  return rangeA1({ ...r, bottom: Math.min(r.bottom, r.top + Math.max(rows, 1) - 1) });
}
