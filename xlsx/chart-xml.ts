/**
 * Phase 2 of the .xlsx charts: a file chart (chart-model.ts) → the chart part `xl/charts/chartN.xml`,
 * a DrawingML chart space (ECMA-376 Part 1, §21.2 "DrawingML - Charts"). Element order follows the
 * schema's sequences (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart/CT_ScatterChart/CT_RadarChart,
 * CT_BarSer/CT_ScatterSer/CT_RadarSer, CT_DLbls, CT_CatAx/CT_ValAx, CT_Legend): Excel refuses a part
 * whose children are out of order.
 *
 * Every series reads the sheet's cells by reference (`c:numRef`/`c:strRef` without caches), so the
 * chart follows edits; the spreadsheet program fills the caches when it opens the file.
 * `c:plotVisOnly val="0"` (§21.2.2.146) makes a chart plot the hidden helper columns it reads.
 */
import type { ChartBox, FileAxis, FileChart, FileSeries } from './chart-model';
import {
  cellRangeField,
  line,
  linkedTitle,
  richText,
  shapeProps,
  textProps,
  title,
  TEXT_COLOR,
  type TextStyle,
} from './chart-text';
import { parseSheetRange } from '../shared/a1/a1';
import type { LabelSide } from '../shared/plan/plan';
import { el, part, text, type Xml } from './xml';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  c15: 'http://schemas.microsoft.com/office/drawing/2012/chart',
};

/** Excel 2013's "Value From Cells" data labels (MS-ODRAWXML §2.3.1: c15:datalabelsRange, c15:showDataLabelsRange). */
const EXT_SERIES_LABELS = '{02D57815-91ED-43cb-92C2-25804820EDAC}';
const EXT_DLBLS = '{CE6537A1-D6FC-4f65-9D91-7224C49458BB}';

const AX = { category: 500000001, value: 500000002 };
const TICK_LABELS: TextStyle = { size: 9 };
const AXIS_TITLE: TextStyle = { size: 10, bold: true };
const LABELS: TextStyle = { size: 9, bold: true };
const TITLE: TextStyle = { size: 13, bold: true, color: '#1F1F1F' };

const val = (tag: string, v: string | number | boolean): Xml => el(tag, { val: v });
const numRef = (f: string): Xml => el('c:numRef', {}, el('c:f', {}, text(f)));
const strRef = (f: string): Xml => el('c:strRef', {}, el('c:f', {}, text(f)));

function seriesName(s: FileSeries): Xml {
  return el('c:tx', {}, 'ref' in s.name ? strRef(s.name.ref) : el('c:v', {}, text(s.name.literal)));
}

/** The show* flags every CT_DLbls / CT_DLbl carries, in schema order. */
function show(v: { value?: boolean }): Xml[] {
  return [
    val('c:showLegendKey', false),
    val('c:showVal', !!v.value),
    val('c:showCatName', false),
    val('c:showSerName', false),
    val('c:showPercent', false),
    val('c:showBubbleSize', false),
  ];
}

/** The file's label position for each side (ST_DLblPos, §21.2.3.11). */
const DLBL_POS: Record<LabelSide, string> = { right: 'r', left: 'l', above: 't', below: 'b' };

type Placed = NonNullable<NonNullable<FileSeries['pointLabels']>['placed']>[number];

/**
 * A label showing the text of the point's label cell (per point: what LibreOffice draws, from the cache), on
 * the side placed for it; a point whose name fits nowhere shows its number instead (fixed text).
 */
function cellLabel(seriesIdx: number, idx: number, placed: Placed): Xml {
  const id = `{6F1C2A3B-0000-4000-8000-${(seriesIdx * 100000 + idx).toString(16).toUpperCase().padStart(12, '0')}}`;
  const numbered = placed?.number !== undefined;
  return el(
    'c:dLbl',
    {},
    val('c:idx', idx),
    el('c:tx', {}, numbered ? richText([String(placed.number)], LABELS) : cellRangeField(id, LABELS)),
    shapeProps(undefined),
    val('c:dLblPos', DLBL_POS[placed?.side ?? 'right']),
    show({}),
    el(
      'c:extLst',
      {},
      el(
        'c:ext',
        { uri: EXT_DLBLS, 'xmlns:c15': NS.c15 },
        el('c15:dlblFieldTable'),
        val('c15:showDataLabelsRange', !numbered),
      ),
    ),
  );
}

/**
 * Labels of a series: values at the bar ends, or the text of cells (project names) beside each point.
 * Excel 2013+ reads the names from the cells ("Value From Cells"); LibreOffice draws the per-point
 * labels from the file's cache of those cells.
 */
function seriesLabels(s: FileSeries, seriesIdx: number): Xml | undefined {
  const noBox = shapeProps(undefined);
  if (s.valueLabels)
    return el(
      'c:dLbls',
      {},
      el('c:numFmt', { formatCode: s.valueLabels, sourceLinked: false }),
      noBox,
      textProps(LABELS),
      val('c:dLblPos', 'outEnd'),
      show({ value: true }),
    );
  if (s.pointLabels)
    return el(
      'c:dLbls',
      {},
      s.pointLabels.texts.flatMap((t, i) => (t ? [cellLabel(seriesIdx, i, s.pointLabels?.placed?.[i])] : [])),
      noBox,
      textProps(LABELS),
      val('c:dLblPos', 'r'),
      show({}),
      el('c:extLst', {}, el('c:ext', { uri: EXT_DLBLS, 'xmlns:c15': NS.c15 }, val('c15:showDataLabelsRange', true))),
    );
  return undefined;
}

/** The cells the point labels come from, with their text when written (CT_ScatterSer's extension list). */
function labelsRange(s: FileSeries): Xml | undefined {
  if (!s.pointLabels) return undefined;
  const { ref, texts } = s.pointLabels;
  const cache = el(
    'c15:dlblRangeCache',
    {},
    val('c:ptCount', rowsOf(ref)),
    texts.flatMap((t, idx) => (t ? [el('c:pt', { idx }, el('c:v', {}, text(t)))] : [])),
  );
  return el(
    'c:extLst',
    {},
    el(
      'c:ext',
      { uri: EXT_SERIES_LABELS, 'xmlns:c15': NS.c15 },
      el('c15:datalabelsRange', {}, el('c15:f', {}, text(ref)), cache),
    ),
  );
}

function marker(s: FileSeries, size = 8): Xml {
  if (s.invisible || !s.color) return el('c:marker', {}, val('c:symbol', 'none'));
  return el('c:marker', {}, val('c:symbol', 'circle'), val('c:size', size), shapeProps(s.color, line('#FFFFFF', 0.75)));
}

function barSeries(s: FileSeries, i: number): Xml {
  return el(
    'c:ser',
    {},
    val('c:idx', i),
    val('c:order', i),
    seriesName(s),
    shapeProps(s.invisible ? undefined : s.color),
    val('c:invertIfNegative', false),
    seriesLabels(s, i),
    s.categories ? el('c:cat', {}, strRef(s.categories)) : undefined,
    el('c:val', {}, numRef(s.values)),
  );
}

function scatterSeries(s: FileSeries, i: number, lines: boolean): Xml {
  return el(
    'c:ser',
    {},
    val('c:idx', i),
    val('c:order', i),
    seriesName(s),
    // A trend's points are joined by a line in its colour; the matrix's points stand alone.
    lines ? shapeProps(undefined, line(s.color, 2.25)) : shapeProps(undefined),
    marker(s, lines ? 6 : 8),
    seriesLabels(s, i),
    s.xValues ? el('c:xVal', {}, numRef(s.xValues)) : undefined,
    el('c:yVal', {}, numRef(s.values)),
    val('c:smooth', false),
    labelsRange(s),
  );
}

function radarSeries(s: FileSeries, i: number): Xml {
  return el(
    'c:ser',
    {},
    val('c:idx', i),
    val('c:order', i),
    seriesName(s),
    shapeProps(undefined, line(s.color, 2.25)),
    marker(s, 7),
    s.categories ? el('c:cat', {}, strRef(s.categories)) : undefined,
    el('c:val', {}, numRef(s.values)),
  );
}

const axIds = (): Xml[] => [val('c:axId', AX.category), val('c:axId', AX.value)];

/** The chart group (CT_BarChart / CT_ScatterChart / CT_RadarChart) with its series. */
function chartGroup(c: FileChart): Xml {
  switch (c.form) {
    case 'bar':
    case 'tornado':
    case 'stackedBar': {
      const stacked = c.form === 'stackedBar';
      // A tornado: clustered, its two series (one negative, one positive) on one line (overlap 100, §21.2.2.131).
      return el(
        'c:barChart',
        {},
        val('c:barDir', 'bar'),
        val('c:grouping', stacked ? 'stacked' : 'clustered'),
        val('c:varyColors', false),
        c.series.map(barSeries),
        val('c:gapWidth', 60),
        (stacked || c.form === 'tornado') && val('c:overlap', 100),
        axIds(),
      );
    }
    case 'scatter':
      return el(
        'c:scatterChart',
        {},
        val('c:scatterStyle', 'lineMarker'),
        val('c:varyColors', false),
        c.series.map((s, i) => scatterSeries(s, i, c.lines)),
        axIds(),
      );
    case 'radar':
      return el(
        'c:radarChart',
        {},
        val('c:radarStyle', 'marker'),
        val('c:varyColors', false),
        c.series.map(radarSeries),
        axIds(),
      );
  }
}

/** c:scaling: orientation, then max before min (CT_Scaling). */
function scaling(a: FileAxis): Xml {
  return el(
    'c:scaling',
    {},
    val('c:orientation', a.reverse ? 'maxMin' : 'minMax'),
    a.max !== undefined && val('c:max', a.max),
    a.min !== undefined && val('c:min', a.min),
  );
}

function crossing(a: FileAxis): Xml {
  return typeof a.crosses === 'object' ? val('c:crossesAt', a.crosses.at) : val('c:crosses', a.crosses);
}

/** What CT_CatAx and CT_ValAx share, up to c:crossAx and the crossing. */
function axisHead(id: number, crossId: number, pos: 'b' | 'l', a: FileAxis, vertical: boolean): Xml[] {
  return [
    val('c:axId', id),
    scaling(a),
    val('c:delete', false),
    val('c:axPos', pos),
    a.gridlines ? el('c:majorGridlines', {}, shapeProps(undefined, line(a.gridlines))) : undefined,
    a.title ? title(a.title, AXIS_TITLE, vertical) : undefined,
    a.numberFormat ? el('c:numFmt', { formatCode: a.numberFormat, sourceLinked: false }) : undefined,
    val('c:majorTickMark', 'none'),
    val('c:minorTickMark', 'none'),
    val('c:tickLblPos', a.labelsAtEdge ? 'low' : 'nextTo'),
    shapeProps(undefined, a.divider ? line('#595959', 1.5, 'dash') : line('#BFBFBF')),
    textProps({ ...TICK_LABELS, color: TEXT_COLOR }),
    val('c:crossAx', crossId),
    crossing(a),
  ].filter((x): x is Xml => x !== undefined);
}

function valueAxis(id: number, crossId: number, pos: 'b' | 'l', a: FileAxis, vertical: boolean): Xml {
  return el(
    'c:valAx',
    {},
    axisHead(id, crossId, pos, a, vertical),
    val('c:crossBetween', 'between'),
    a.majorUnit !== undefined && val('c:majorUnit', a.majorUnit),
  );
}

function categoryAxis(id: number, crossId: number, pos: 'b' | 'l', a: FileAxis): Xml {
  return el(
    'c:catAx',
    {},
    axisHead(id, crossId, pos, a, false),
    val('c:auto', true),
    val('c:lblAlgn', 'ctr'),
    val('c:lblOffset', 100),
    val('c:noMultiLvlLbl', false),
  );
}

/** Bars: labels on the left, values along the bottom. Scatter: x along the bottom, y up the left. */
function chartAxes(c: FileChart): Xml[] {
  if (c.form === 'scatter')
    return [
      valueAxis(AX.category, AX.value, 'b', c.categoryAxis, false),
      valueAxis(AX.value, AX.category, 'l', c.valueAxis, true),
    ];
  if (c.form === 'radar')
    return [
      categoryAxis(AX.category, AX.value, 'b', c.categoryAxis),
      valueAxis(AX.value, AX.category, 'l', c.valueAxis, false),
    ];
  return [
    categoryAxis(AX.category, AX.value, 'l', c.categoryAxis),
    valueAxis(AX.value, AX.category, 'b', c.valueAxis, false),
  ];
}

/**
 * The legend; the invisible Gantt offset and the roadmap's theme slots no theme fills have no entry. LibreOffice counts the entries of a chart with
 * horizontal bars from the last series (oox/source/drawingml/chart/titleconverter.cxx,
 * LegendConverter::legendEntriesFormatting, written to read Excel's files), so the index is mirrored there.
 */
function legend(c: FileChart): Xml | undefined {
  if (!c.legend) return undefined;
  const mirrored = c.form === 'bar' || c.form === 'stackedBar' || c.form === 'tornado';
  const n = c.series.length;
  const hidden = c.series.flatMap((s, i) => (s.invisible || s.outOfLegend ? [mirrored ? n - 1 - i : i] : []));
  return el(
    'c:legend',
    {},
    val('c:legendPos', c.legend),
    hidden.map((idx) => el('c:legendEntry', {}, val('c:idx', idx), val('c:delete', true))),
    val('c:overlay', false),
    textProps({ size: 9 }),
  );
}

/** A fixed inner plot rectangle (c:manualLayout, §21.2.2.95), or automatic layout. */
function layout(box: ChartBox | undefined): Xml {
  if (!box) return el('c:layout');
  return el(
    'c:layout',
    {},
    el(
      'c:manualLayout',
      {},
      val('c:layoutTarget', 'inner'),
      val('c:xMode', 'edge'),
      val('c:yMode', 'edge'),
      val('c:x', box.x),
      val('c:y', box.y),
      val('c:w', box.w),
      val('c:h', box.h),
    ),
  );
}

/** Number of rows of a sheet-qualified range (`'S'!$A$2:$A$51` → 50). */
function rowsOf(ref: string): number {
  const r = parseSheetRange(ref);
  return r.bottom - r.top + 1;
}

/** The chart part for one chart. */
export function chartPart(c: FileChart): string {
  const chart = el(
    'c:chart',
    {},
    c.titleRef ? linkedTitle(c.titleRef.ref, c.titleRef.text, TITLE) : title(c.title, TITLE),
    val('c:autoTitleDeleted', false),
    el('c:plotArea', {}, layout(c.plot), chartGroup(c), chartAxes(c), shapeProps(undefined)),
    legend(c),
    val('c:plotVisOnly', !c.plotHidden),
    // A trend spans the rows between its points (blank or #N/A); other charts leave a gap.
    val('c:dispBlanksAs', c.lines ? 'span' : 'gap'),
  );
  return part(
    el(
      'c:chartSpace',
      { 'xmlns:c': NS.c, 'xmlns:a': NS.a, 'xmlns:r': NS.r },
      val('c:date1904', false),
      val('c:lang', 'en-US'),
      val('c:roundedCorners', false),
      chart,
      shapeProps('#FFFFFF', line('#D9D9D9')),
      textProps({ size: 9 }),
      // Text boxes drawn in the chart (the quadrant names): the chart's first relationship.
      c.captions.length > 0 && el('c:userShapes', { 'r:id': 'rId1' }),
    ),
  );
}
