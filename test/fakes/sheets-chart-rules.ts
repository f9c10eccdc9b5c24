/**
 * What the Sheets chart builder refuses (issue #25), shared by the Sheets fake (test/fakes/sheets.ts) and the chart
 * recorders (test/fakes/chart-recorders.ts), each rule from its documentation:
 *  - methods: only those of `EmbeddedChartBuilder` (@types/google-apps-script, the Apps Script reference
 *    https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder); any other name is
 *    not a function, as in Apps Script ("TypeError: … is not a function");
 *  - `setChartType(type)`: a `Charts.ChartType` value; `addRange(range)`: a Range; `setHiddenDimensionStrategy`:
 *    a `Charts.ChartHiddenDimensionStrategy` value; anything else is refused as Apps Script refuses a wrong
 *    argument ("Exception: The parameters (…) don't match the method signature for …");
 *  - `setOption(key, value)`: Apps Script passes the options to Google Charts ("see the Google Charts
 *    documentation", EmbeddedChartBuilder.setOption) and silently ignores a key the chart type does not know, so a
 *    misspelt option is lost without a word. The fake is stricter than the host on purpose: a key (and its
 *    sub-keys) must be documented for the chart type in Google Charts' configuration options
 *    (https://developers.google.com/chart/interactive/docs/gallery/barchart#configuration-options,
 *    …/scatterchart#configuration-options, …/linechart#configuration-options), or be listed in
 *    UNVERIFIED_OPTIONS with the reason it could not be confirmed; value types are checked where documented.
 */

/** Every method of EmbeddedChartBuilder: the compiler checks this list against @types/google-apps-script. */
const EMBEDDED_CHART_BUILDER_METHODS: Record<keyof GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, true> = {
  addRange: true,
  asAreaChart: true,
  asBarChart: true,
  asColumnChart: true,
  asComboChart: true,
  asHistogramChart: true,
  asLineChart: true,
  asPieChart: true,
  asScatterChart: true,
  asTableChart: true,
  build: true,
  clearRanges: true,
  getChartType: true,
  getContainer: true,
  getRanges: true,
  removeRange: true,
  setChartType: true,
  setHiddenDimensionStrategy: true,
  setMergeStrategy: true,
  setNumHeaders: true,
  setOption: true,
  setPosition: true,
  setTransposeRowsAndColumns: true,
};

/** Charts.ChartType, every member (the compiler checks completeness against @types/google-apps-script). */
export const SHEETS_CHART_TYPES: Record<keyof typeof GoogleAppsScript.Charts.ChartType, true> = {
  AREA: true,
  BAR: true,
  BUBBLE: true,
  CANDLESTICK: true,
  COLUMN: true,
  COMBO: true,
  GAUGE: true,
  GEO: true,
  HISTOGRAM: true,
  RADAR: true,
  LINE: true,
  ORG: true,
  PIE: true,
  SCATTER: true,
  SPARKLINE: true,
  STEPPED_AREA: true,
  TABLE: true,
  TIMELINE: true,
  TREEMAP: true,
  WATERFALL: true,
};

const HIDDEN_DIMENSION_STRATEGIES: Record<keyof typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy, true> = {
  IGNORE_BOTH: true,
  IGNORE_ROWS: true,
  IGNORE_COLUMNS: true,
  SHOW_BOTH: true,
};

export function isEmbeddedChartBuilderMethod(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EMBEDDED_CHART_BUILDER_METHODS, name);
}

/** Apps Script's refusal of a method that does not exist on the builder. */
export function notAFunction(name: string): TypeError {
  return new TypeError(`builder.${name} is not a function`);
}

function signatureError(method: string, arg: unknown): Error {
  const kind = arg === null || arg === undefined ? 'null' : typeof arg === 'object' ? 'Object' : typeof arg;
  const shown = kind === 'string' ? 'String' : kind === 'number' ? 'number' : kind;
  return new Error(
    `Exception: The parameters (${shown}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.${method}.`,
  );
}

/** Checks one builder call's arguments as Apps Script does, throwing its refusal. */
export function checkBuilderArgs(method: string, args: unknown[], isRange: (v: unknown) => boolean): void {
  const [a] = args;
  if (method === 'setChartType' && !(typeof a === 'string' && a in SHEETS_CHART_TYPES)) throw signatureError(method, a);
  if (method === 'setHiddenDimensionStrategy' && !(typeof a === 'string' && a in HIDDEN_DIMENSION_STRATEGIES))
    throw signatureError(method, a);
  if ((method === 'addRange' || method === 'removeRange') && !isRange(a)) throw signatureError(method, a);
  if (method === 'setOption' && typeof a !== 'string') throw signatureError(method, a);
}

// ---------- setOption: Google Charts configuration options per chart type ----------

type Shape = 'number' | 'boolean' | 'string' | 'any' | { [key: string]: Shape } | { each: Shape };

const textStyle: Shape = {
  color: 'string',
  fontName: 'string',
  fontSize: 'number',
  bold: 'boolean',
  italic: 'boolean',
};
/** hAxis / vAxis (BarChart, LineChart, ScatterChart "hAxis.*", "vAxis.*"). */
const axis: Shape = {
  baseline: 'any',
  baselineColor: 'string',
  direction: 'number',
  format: 'string',
  gridlines: { color: 'string', count: 'number', interval: 'any', minSpacing: 'number', multiple: 'number' },
  minorGridlines: { color: 'string', count: 'number', interval: 'any', minSpacing: 'number', multiple: 'number' },
  logScale: 'boolean',
  scaleType: 'string',
  textPosition: 'string',
  textStyle,
  ticks: 'any',
  title: 'string',
  titleTextStyle: textStyle,
  slantedText: 'boolean',
  slantedTextAngle: 'number',
  maxValue: 'any',
  minValue: 'any',
  viewWindowMode: 'string',
  viewWindow: { min: 'any', max: 'any' },
};
const legend: Shape = { alignment: 'string', maxLines: 'number', position: 'string', textStyle };
/** `series` (an object of objects, one per series index): "series.color", "series.labelInLegend" … */
const seriesEntry: Shape = {
  annotations: 'any',
  color: 'string',
  labelInLegend: 'string',
  lineDashStyle: 'any',
  lineWidth: 'number',
  pointShape: 'any',
  pointSize: 'number',
  pointsVisible: 'boolean',
  targetAxisIndex: 'number',
  visibleInLegend: 'boolean',
};

/** Documented for every core chart the add-in may build (bar, column, line, scatter, area, combo). */
const CORE: Record<string, Shape> = {
  animation: 'any',
  annotations: 'any',
  axisTitlesPosition: 'string',
  backgroundColor: 'any',
  chartArea: 'any',
  colors: 'any',
  enableInteractivity: 'boolean',
  fontName: 'string',
  fontSize: 'number',
  hAxis: axis,
  height: 'number',
  legend,
  series: { each: seriesEntry },
  theme: 'string',
  title: 'string',
  titlePosition: 'string',
  titleTextStyle: textStyle,
  tooltip: 'any',
  vAxis: axis,
  width: 'number',
};
const BARS: Record<string, Shape> = {
  bar: { groupWidth: 'any' },
  bars: 'string',
  dataOpacity: 'number',
  focusTarget: 'string',
  isStacked: 'any',
  reverseCategories: 'boolean',
  trendlines: 'any',
};
const LINES: Record<string, Shape> = {
  crosshair: 'any',
  curveType: 'string',
  dataOpacity: 'number',
  explorer: 'any',
  lineDashStyle: 'any',
  lineWidth: 'number',
  pointShape: 'any',
  pointSize: 'number',
  pointsVisible: 'boolean',
  selectionMode: 'string',
  trendlines: 'any',
};

export const DOCUMENTED_OPTIONS: Partial<Record<keyof typeof SHEETS_CHART_TYPES, Record<string, Shape>>> = {
  BAR: { ...CORE, ...BARS },
  COLUMN: { ...CORE, ...BARS },
  LINE: { ...CORE, ...LINES, interpolateNulls: 'boolean', isStacked: 'any', focusTarget: 'string' },
  AREA: { ...CORE, ...LINES, interpolateNulls: 'boolean', isStacked: 'any', areaOpacity: 'number' },
  SCATTER: { ...CORE, ...LINES },
};

/**
 * Keys the add-in sets whose documentation for that chart type could not be confirmed offline, kept on purpose
 * with the reason (the fake accepts them; a misspelling of them is still refused).
 */
export const UNVERIFIED_OPTIONS: Record<string, { types: string[]; shape: Shape; why: string }> = {
  interpolateNulls: {
    types: ['SCATTER'],
    shape: 'boolean',
    why: 'documented for LineChart and AreaChart; Google Charts examples use it on a ScatterChart with lines (the trend charts join points across #N/A), not confirmed on the ScatterChart page',
  },
  'series.enableInteractivity': {
    types: ['BAR', 'SCATTER'],
    shape: 'boolean',
    why: 'enableInteractivity is documented chart-wide; per series (the invisible Gantt offset) it is not confirmed',
  },
};

function shapeProblem(path: string, shape: Shape, value: unknown): string | undefined {
  if (shape === 'any') return undefined;
  if (typeof shape === 'string') return typeof value === shape ? undefined : `${path} must be a ${shape}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} must be an object`;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const sub =
      'each' in shape && typeof shape.each !== 'string' ? (shape.each as Shape) : (shape as Record<string, Shape>)[k];
    const p = `${path}.${k}`;
    const unverified = UNVERIFIED_OPTIONS[`${path.replace(/\.\d+(?=\.|$)/g, '')}.${k}`];
    if (unverified) continue;
    if (sub === undefined) return `${p} is not a documented option`;
    const problem = shapeProblem(p, sub, v);
    if (problem) return problem;
  }
  return undefined;
}

/** Why Google Charts would not apply `setOption(key, value)` on a chart of `type`, or undefined if it would. */
export function optionProblem(type: string, key: string, value: unknown): string | undefined {
  const documented = DOCUMENTED_OPTIONS[type as keyof typeof SHEETS_CHART_TYPES];
  if (!documented) return `no option is modelled for ${type} charts`;
  const unverified = UNVERIFIED_OPTIONS[key];
  if (unverified?.types.includes(type)) return shapeProblem(key, unverified.shape, value);
  // setOption takes dotted paths too ("hAxis.title"): walk the documented shape along them.
  const [top, ...rest] = key.split('.');
  let shape: Shape | undefined = documented[top];
  for (const part of rest) {
    if (shape === undefined || typeof shape === 'string') break;
    shape =
      'each' in shape && typeof shape.each !== 'string'
        ? (shape.each as Shape)
        : (shape as Record<string, Shape>)[part];
  }
  if (shape === undefined) return `"${key}" is not a documented ${type} chart option`;
  return shapeProblem(key, shape, value);
}

/**
 * Checks a built chart's options against its type: throws naming every option a Sheets chart would silently
 * ignore (`fake:` marks this as stricter than the host, which says nothing).
 */
export function checkChartOptions(calls: ReadonlyArray<{ method: string; args: unknown[] }>): void {
  const type = String(calls.filter((c) => c.method === 'setChartType').pop()?.args[0] ?? '');
  if (!type) return; // no type set: Sheets picks one; nothing to check the options against
  const problems = calls
    .filter((c) => c.method === 'setOption')
    .map((c) => optionProblem(type, String(c.args[0]), c.args[1]))
    .filter((p): p is string => p !== undefined);
  if (problems.length > 0)
    throw new Error(`fake: Sheets would silently ignore these chart options: ${problems.join('; ')}`);
}
