/**
 * Where Chart.js actually drew things, read from the chart's own element geometry after it rendered:
 * the plot area, each bar (centre line, end), each point (centre, radius) and the box of every data label
 * the datalabels plugin drew (its hit box, the rectangle it painted the text in) and the box of every category
 * name on a bar chart's axis. The browser tests
 * use it to check labels sit on their bars inside the plot, points are whole inside the plot, and a scatter's
 * names cover no other name or point.
 */
import type { Chart, LabelItem } from 'chart.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ChartGeometry {
  type: string;
  area: { left: number; top: number; right: number; bottom: number };
  /** Horizontal bars: their value (null: an empty slot), centre line y, value end x, base x, thickness. */
  bars: { dataset: number; index: number; value: unknown; x: number; y: number; base: number; height: number }[];
  /** Scatter / radar points: centre and radius. */
  points: { dataset: number; index: number; x: number; y: number; r: number }[];
  /** Every data label drawn, with its text and box. */
  labels: { dataset: number; index: number; text: string; box: Box }[];
  /** The category names (a bar chart's rows), as drawn on its axis. */
  categories: string[];
  /** Series drawn transparent (the roadmap's offsets before each bar). */
  invisible: number[];
  /** The value axis' ticks (x on a horizontal bar chart): value, pixel and the text drawn ('' for a bare line). */
  valueTicks: { value: number; pixel: number; label: string }[];
  /** The category axis' names (y on a horizontal bar chart) as drawn: their lines joined by a space, and their box. */
  categoryTicks: { text: string; box: Box }[];
  /** The whole canvas, which a drawn text must not leave. */
  canvas: { width: number; height: number };
}

/** What the datalabels plugin keeps on a chart (chartjs-plugin-datalabels 2.x, `chart.$datalabels`). */
interface DataLabelsState {
  _labels?: {
    _el: unknown;
    _index: number;
    $layout?: { _visible: boolean; _set: number; _box: { _rect: Box } };
    $context?: { dataset: { data: unknown[] } };
    _model?: { lines?: string[] } | null;
  }[];
}

interface ElementProps {
  x: number;
  y: number;
  base?: number;
  height?: number;
  options?: { radius?: number };
}

function labelsOf(chart: Chart): ChartGeometry['labels'] {
  const state = (chart as unknown as { $datalabels?: DataLabelsState }).$datalabels;
  return (state?._labels ?? [])
    .filter((l) => l.$layout?._visible && l._model)
    .map((l) => ({
      dataset: l.$layout!._set,
      index: l._index,
      text: (l._model?.lines ?? []).join(' '),
      box: { ...l.$layout!._box._rect },
    }));
}

/** The ticks of a horizontal bar chart's value axis (x), with the text Chart.js drew for each. */
function valueTicks(chart: Chart): ChartGeometry['valueTicks'] {
  const x = chart.scales.x;
  if (!x || (chart.options as { indexAxis?: string }).indexAxis !== 'y') return [];
  return x.ticks.map((t) => ({
    value: t.value,
    pixel: x.getPixelForValue(t.value),
    label: Array.isArray(t.label) ? t.label.join(' ') : String(t.label ?? ''),
  }));
}

/** The box Chart.js painted one tick label in, from its anchor, alignment and the width of its widest line. */
function tickBox(chart: Chart, item: LabelItem): Box {
  const lines = Array.isArray(item.label) ? item.label.map(String) : [String(item.label)];
  const { translation, textAlign } = item.options as unknown as { translation: [number, number]; textAlign: string };
  const font = item.font as unknown as { string: string; lineHeight: number };
  chart.ctx.save();
  chart.ctx.font = font.string;
  const w = lines.reduce((m, l) => Math.max(m, chart.ctx.measureText(l).width), 0);
  chart.ctx.restore();
  const [x, y] = translation;
  const left = textAlign === 'right' ? x - w : textAlign === 'center' ? x - w / 2 : x;
  // The first line is centred (textBaseline middle) on y + textOffset, the next ones a line height apart.
  const top = y + item.textOffset - font.lineHeight / 2;
  return { x: left, y: top, w, h: lines.length * font.lineHeight };
}

/** The names on a horizontal bar chart's category axis (y), as Chart.js laid them out. */
function categoryTicks(chart: Chart): ChartGeometry['categoryTicks'] {
  const y = chart.scales.y;
  if (!y || (chart.options as { indexAxis?: string }).indexAxis !== 'y') return [];
  return y.getLabelItems().map((item) => ({
    text: Array.isArray(item.label) ? item.label.join(' ') : String(item.label),
    box: tickBox(chart, item),
  }));
}

/** Reads a rendered chart's geometry (call after it has drawn). */
export function chartGeometry(chart: Chart): ChartGeometry {
  const a = chart.chartArea;
  const geometry: ChartGeometry = {
    type: (chart.config as { type?: string }).type ?? '',
    area: { left: a.left, top: a.top, right: a.right, bottom: a.bottom },
    bars: [],
    points: [],
    labels: labelsOf(chart),
    categories: (chart.data.labels ?? []).map((l) => String(l)),
    invisible: chart.data.datasets.flatMap((d, i) => (d.backgroundColor === 'rgba(0,0,0,0)' ? [i] : [])),
    valueTicks: valueTicks(chart),
    categoryTicks: categoryTicks(chart),
    canvas: { width: chart.width, height: chart.height },
  };
  chart.data.datasets.forEach((dataset, d) => {
    const meta = chart.getDatasetMeta(d);
    if (meta.hidden) return;
    meta.data.forEach((el, index) => {
      const e = el as unknown as ElementProps;
      if (meta.type === 'bar')
        geometry.bars.push({
          dataset: d,
          index,
          value: dataset.data[index] ?? null,
          ...{ x: e.x, y: e.y, base: e.base ?? 0, height: e.height ?? 0 },
        });
      else if (Number.isFinite(e.x) && Number.isFinite(e.y))
        geometry.points.push({ dataset: d, index, x: e.x, y: e.y, r: e.options?.radius ?? 0 });
    });
  });
  return geometry;
}

/** Half a pixel of slack for anti-aliased edges. */
const SLACK = 0.5;

function inside(box: Box, area: ChartGeometry['area']): boolean {
  return (
    box.x >= area.left - SLACK &&
    box.y >= area.top - SLACK &&
    box.x + box.w <= area.right + SLACK &&
    box.y + box.h <= area.bottom + SLACK
  );
}

/**
 * What is drawn wrong, in words (empty when all is right): a data label outside the plot area, a bar's
 * label not on the bar's centre line or not at its end, a point not whole inside the plot, a category name cut
 * at the chart's edge or not level with its bars.
 */
export function geometryProblems(g: ChartGeometry): string[] {
  const out: string[] = [];
  const where = (d: number, i: number): string => `series ${d + 1}, row ${i + 1}`;
  for (const l of g.labels) {
    if (!inside(l.box, g.area)) out.push(`label "${l.text}" (${where(l.dataset, l.index)}) is outside the plot area`);
    const bar = g.bars.find((b) => b.dataset === l.dataset && b.index === l.index);
    if (!bar) continue;
    const centre = l.box.y + l.box.h / 2;
    if (Math.abs(centre - bar.y) > 1)
      out.push(
        `label "${l.text}" is ${Math.round(centre - bar.y)} px off the centre of its bar (${where(l.dataset, l.index)})`,
      );
    if (l.box.x < Math.max(bar.x, bar.base) - SLACK)
      out.push(`label "${l.text}" starts inside its bar instead of at its end`);
  }
  for (const p of g.points) {
    const box = { x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r };
    if (!inside(box, g.area)) out.push(`point ${where(p.dataset, p.index)} is not whole inside the plot area`);
  }
  const page = { left: 0, top: 0, right: g.canvas.width, bottom: g.canvas.height };
  g.categoryTicks.forEach((t, i) => {
    if (!inside(t.box, page)) out.push(`category name "${t.text}" is cut at the edge of the chart`);
    const bar = g.bars.find((b) => b.index === i);
    const centre = t.box.y + t.box.h / 2;
    if (bar && Math.abs(centre - bar.y) > 1)
      out.push(`category name "${t.text}" is ${Math.round(centre - bar.y)} px off the centre of its bars`);
  });
  return g.type === 'scatter' ? out.concat(labelClashes(g)) : out;
}

/** Two boxes sharing more than SLACK px each way. */
const clash = (a: Box, b: Box): boolean =>
  a.x + SLACK < b.x + b.w && b.x + SLACK < a.x + a.w && a.y + SLACK < b.y + b.h && b.y + SLACK < a.y + a.h;

/** A scatter's names: none over another name, none over another point (the matrix, issue #18). */
function labelClashes(g: ChartGeometry): string[] {
  const out: string[] = [];
  g.labels.forEach((a, i) => {
    for (const b of g.labels.slice(i + 1))
      if (clash(a.box, b.box)) out.push(`labels "${a.text}" and "${b.text}" overlap`);
    for (const p of g.points) {
      if (p.dataset === a.dataset && p.index === a.index) continue;
      if (clash(a.box, { x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }))
        out.push(`label "${a.text}" covers another point (${`series ${p.dataset + 1}, row ${p.index + 1}`})`);
    }
  });
  return out;
}

/**
 * Where each bar of a horizontal bar chart with named intervals (the roadmap's quarters: a bare line at each
 * boundary, the name between two lines) is drawn: its row's name → the names of the intervals its painted
 * span crosses, in order. Transparent series (offsets) and empty bars are left out.
 */
export function drawnIntervals(g: ChartGeometry): Record<string, string[]> {
  const lines = g.valueTicks.filter((t) => t.label === '').map((t) => t.pixel);
  const named = g.valueTicks.filter((t) => t.label !== '');
  const out: Record<string, string[]> = {};
  for (const b of g.bars) {
    if (b.value === null || b.value === 0 || g.invisible.includes(b.dataset)) continue;
    const [from, to] = [Math.min(b.base, b.x) + SLACK, Math.max(b.base, b.x) - SLACK];
    const crossed = named.filter((t) => {
      const left = lines.reduce((m, p) => (p <= t.pixel ? Math.max(m, p) : m), -Infinity);
      const right = lines.reduce((m, p) => (p >= t.pixel ? Math.min(m, p) : m), Infinity);
      return to > left && from < right;
    });
    const name = g.categories[b.index] ?? `row ${b.index + 1}`;
    out[name] = [...(out[name] ?? []), ...crossed.map((t) => t.label)];
  }
  return out;
}
