/**
 * The impact / effort matrix: one point series per quadrant, dashed dividers at the threshold, the
 * quadrant names in the plot's corners, each project's name beside its point. The 1–10 scales get room
 * at both ends (ticks stay 1…10): half a step sideways so points at 1 and 10 are drawn whole, a whole
 * step at the top and bottom where the quadrant names sit, one line each, clear of every point.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartAxisOp, ChartOp } from '../../shared/plan/plan';
import { column, legend, linearAxis, num, text, title } from './parts';
import { keyLines, placeLabels, type LabelSide, type PlotFrame } from '../../shared/compiler/label-placement';
import { MATRIX_PLOT } from '../../shared/compiler/label-placement';
import { FONT, TEXT, type CellReader } from './style';

export const POINT_RADIUS = 8;

interface LabelledPoint {
  x: number;
  y: number;
  label: string;
  /** Where its name sits (placed clear of the other names and points) and its number where listed instead. */
  side?: LabelSide;
  number?: number;
}

function scatterDatasets(op: ChartOp, read: CellReader, names: string[]): ChartDataset<'scatter', LabelledPoint[]>[] {
  return (op.series ?? []).map((s, i) => {
    const ys = column(read, s.values).map(num);
    const xs = s.xValues ? column(read, s.xValues).map(num) : ys.map((_, k) => k + 1);
    const labels = s.pointLabels ? column(read, s.pointLabels).map(text) : [];
    const data: LabelledPoint[] = [];
    ys.forEach((y, k) => {
      const x = xs[k];
      if (y !== null && x !== null) data.push({ x, y, label: labels[k] ?? '' });
    });
    const look = { backgroundColor: s.color, borderColor: '#ffffff', borderWidth: 1.5 };
    return { label: names[i], data, ...look, pointRadius: POINT_RADIUS, pointHoverRadius: POINT_RADIUS + 1 };
  });
}

/** Room beyond the scale's ends, in steps: sideways for whole points, above and below for the quadrant names. */
const ROOM_X = 0.5;
const ROOM_Y = 1;

/** A 1–10 style axis with `steps` steps of room at each end; ticks only at the op's own range. */
function paddedAxis(a: ChartAxisOp | undefined, steps: number): Record<string, unknown> {
  const o = linearAxis(a);
  if (a?.min === undefined || a.max === undefined) return o;
  const [min, max] = [a.min, a.max];
  const room = (a.majorUnit ?? (max - min) / 10) * steps;
  return {
    ...o,
    min: min - room,
    max: max + room,
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      const step = a.majorUnit ?? 1;
      const ticks: { value: number }[] = [];
      for (let v = min; v <= max + 1e-9; v += step) ticks.push({ value: Math.round(v * 1e9) / 1e9 });
      scale.ticks = ticks;
    },
  };
}

type Corner = 'start' | 'end';

/** A quadrant's name, one line, its box hanging inward from a corner of the plot. */
function cornerLabel(name: string, x: number, y: number, xAdjust: Corner, yAdjust: Corner, color: string) {
  return {
    type: 'label',
    xValue: x,
    yValue: y,
    content: name,
    position: { x: xAdjust, y: yAdjust },
    xAdjust: xAdjust === 'start' ? 4 : -4,
    yAdjust: yAdjust === 'start' ? 3 : -3,
    color,
    font: { family: FONT, size: 12, weight: 'bold' },
    backgroundColor: 'rgba(255,255,255,0.85)',
    padding: 3,
  };
}

/** The dashed dividers at the threshold and the four quadrant names, each in its series' colour. */
function quadrantAnnotations(op: ChartOp, names: string[]): Record<string, unknown> {
  const q = op.quadrants;
  if (!q) return {};
  const line = { type: 'line', borderColor: '#595959', borderWidth: 2, borderDash: [6, 4] };
  const edges = (a: ChartAxisOp | undefined, steps: number): [number, number] => {
    const room = (a?.majorUnit ?? 1) * steps;
    return [(a?.min ?? 0) - room, (a?.max ?? 10) + room];
  };
  const [x0, x1] = edges(op.axes?.category, ROOM_X);
  const [y0, y1] = edges(op.axes?.value, ROOM_Y);
  const colors = Object.fromEntries((op.series ?? []).map((s, i) => [names[i], s.color ?? TEXT]));
  const colorOf = (label: string): string => colors[label.split(' (')[0]] ?? TEXT;
  return {
    vDivider: { ...line, xMin: q.x, xMax: q.x },
    hDivider: { ...line, yMin: q.y, yMax: q.y },
    tl: cornerLabel(q.topLeft, x0, y1, 'start', 'start', colorOf(q.topLeft)),
    tr: cornerLabel(q.topRight, x1, y1, 'end', 'start', colorOf(q.topRight)),
    bl: cornerLabel(q.bottomLeft, x0, y0, 'start', 'end', colorOf(q.bottomLeft)),
    br: cornerLabel(q.bottomRight, x1, y0, 'end', 'end', colorOf(q.bottomRight)),
  };
}

/** Chart.js datalabels' name for each side. */
const ALIGN: Record<LabelSide, string> = { right: 'right', left: 'left', above: 'top', below: 'bottom' };

/**
 * Project names beside their points, each on the side placed for it (clear of the other names and points;
 * a number where the name is listed under the chart). Without a placement: right of points in the left half,
 * left in the right half.
 */
function pointLabels(op: ChartOp): Record<string, unknown> {
  const a = op.axes?.category;
  const middle = ((a?.min ?? 0) + (a?.max ?? 10)) / 2;
  type Ctx = { dataIndex: number; dataset: { data: LabelledPoint[] } };
  const at = (ctx: Ctx): LabelledPoint => ctx.dataset.data[ctx.dataIndex];
  return {
    // Every placed name is drawn ('auto' hid names that overlapped, leaving points unlabelled).
    display: op.labelValues ? true : 'auto',
    align: (ctx: Ctx) => {
      const p = at(ctx);
      return p.side ? ALIGN[p.side] : p.x > middle ? 'left' : 'right';
    },
    offset: POINT_RADIUS,
    // Legible where a name crosses a divider or gridline.
    backgroundColor: 'rgba(255,255,255,0.85)',
    borderRadius: 3,
    padding: { top: 1, bottom: 1, left: 3, right: 3 },
    color: TEXT,
    font: { family: FONT, size: 12, weight: 'bold' },
    formatter: (v: LabelledPoint) => (v.number !== undefined ? String(v.number) : v.label),
  };
}

/** The plot as the preview draws it: the padded axes' ends, the plot area's share of the chart. */
export function previewFrame(op: ChartOp): PlotFrame {
  const end = (a: ChartAxisOp | undefined, steps: number, side: 'min' | 'max'): number => {
    const room = (a?.majorUnit ?? 1) * steps;
    return side === 'min' ? (a?.min ?? 0) - room : (a?.max ?? 10) + room;
  };
  const [x, y] = [op.axes?.category, op.axes?.value];
  return {
    xMin: end(x, ROOM_X, 'min'),
    xMax: end(x, ROOM_X, 'max'),
    yMin: end(y, ROOM_Y, 'min'),
    yMax: end(y, ROOM_Y, 'max'),
    widthPx: op.widthPx * MATRIX_PLOT.w,
    heightPx: op.heightPx * MATRIX_PLOT.h,
  };
}

/** Places every point's name (label-placement.ts) and returns the list of numbered names, if any. */
function placeNames(datasets: ChartDataset<'scatter', LabelledPoint[]>[], op: ChartOp): string[] {
  const points = datasets.flatMap((d) => d.data);
  const layout = placeLabels(points, previewFrame(op));
  points.forEach((p, i) => {
    p.side = layout.placed[i]?.side;
    p.number = layout.placed[i]?.number;
  });
  return keyLines(layout.key);
}

/** The numbered names listed under the chart, one line each. */
function keyBlock(lines: string[]): Record<string, unknown> {
  return {
    display: lines.length > 0,
    position: 'bottom',
    align: 'start',
    text: lines,
    color: TEXT,
    font: { family: FONT, size: 12 },
    padding: { top: 6, bottom: 0 },
  };
}

export function scatterConfig(op: ChartOp, read: CellReader, names: string[]): ChartConfiguration {
  const datasets = scatterDatasets(op, read, names);
  const key = op.labelValues ? placeNames(datasets, op) : [];
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 12, top: 4 } },
      scales: { x: paddedAxis(op.axes?.category, ROOM_X) as never, y: paddedAxis(op.axes?.value, ROOM_Y) as never },
      plugins: {
        title: title(op),
        legend: legend(op, new Set()),
        annotation: { annotations: quadrantAnnotations(op, names) } as never,
        datalabels: pointLabels(op) as never,
        subtitle: keyBlock(key) as never,
      },
    },
  } as ChartConfiguration;
}
