/**
 * Where each point's name goes on the impact/effort matrix, so no name covers another name or a point.
 *
 * Every renderer offers the same four places around a point (Excel's data label positions Right / Left /
 * Top / Bottom, the file's c:dLblPos r / l / t / b, the preview's datalabels align): the placement picks one
 * per point from the values, at insertion (the example's points, for Sheets and Excel), when the .xlsx is
 * written (the file's values) and whenever the preview draws. Where a name fits nowhere, its point is
 * numbered instead ("1") and the chart lists the numbers with their names beside the plot.
 * Geometry in pixels of the plot area (y downwards), with a text width that errs on the wide side, so
 * a placement clear here is clear in each renderer's own font. Pure: no host calls.
 */
import type { ChartOp, LabelSide } from '../plan/plan';

export type { LabelSide } from '../plan/plan';

export interface LabelPoint {
  x: number;
  y: number;
  /** The name beside the point ("" for none: nothing placed). */
  label: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The plot area: its axes' ends and its size in pixels. */
export interface PlotFrame {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  widthPx: number;
  heightPx: number;
}

/** One point's label: where it sits, the box it takes, and its number when its name is listed beside the chart. */
export interface PlacedLabel {
  side: LabelSide;
  box: Box;
  number?: number;
}

export interface LabelLayout {
  /** Per point, in the order given (undefined where the point has no name). */
  placed: Array<PlacedLabel | undefined>;
  /** The numbered points' names, in number order, as the list beside the chart shows them. */
  key: Array<{ number: number; label: string }>;
}

/** The labels' type (bold, 9 pt = 12 px in every renderer): a character's width at most, the line's height. */
export const LABEL_CHAR_PX = 7.4;
export const LABEL_LINE_PX = 16;
/** A point's radius and the gap between a point and its label, in pixels. */
export const POINT_PX = 8;
const GAP_PX = 3;

/** The matrix's plot area inside its chart, in fractions of the chart (the .xlsx fixes it; the preview's is close). */
export const MATRIX_PLOT = { x: 0.11, y: 0.11, w: 0.85, h: 0.68 } as const;

export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (a: Box, f: PlotFrame): boolean =>
  a.left >= 0 && a.top >= 0 && a.right <= f.widthPx && a.bottom <= f.heightPx;

/** A point's position in pixels of the plot (y downwards). */
export function pointPx(p: { x: number; y: number }, f: PlotFrame): { px: number; py: number } {
  return {
    px: ((p.x - f.xMin) / (f.xMax - f.xMin)) * f.widthPx,
    py: f.heightPx - ((p.y - f.yMin) / (f.yMax - f.yMin)) * f.heightPx,
  };
}

/** The box a point itself takes. */
export function pointBox(p: { x: number; y: number }, f: PlotFrame): Box {
  const { px, py } = pointPx(p, f);
  return { left: px - POINT_PX, top: py - POINT_PX, right: px + POINT_PX, bottom: py + POINT_PX };
}

/** The box a text takes on one side of a point. */
export function labelBox(p: { x: number; y: number }, text: string, side: LabelSide, f: PlotFrame): Box {
  const { px, py } = pointPx(p, f);
  const [w, h] = [text.length * LABEL_CHAR_PX + 6, LABEL_LINE_PX];
  const off = POINT_PX + GAP_PX;
  switch (side) {
    case 'right':
      return { left: px + off, right: px + off + w, top: py - h / 2, bottom: py + h / 2 };
    case 'left':
      return { left: px - off - w, right: px - off, top: py - h / 2, bottom: py + h / 2 };
    case 'above':
      return { left: px - w / 2, right: px + w / 2, top: py - off - h, bottom: py - off };
    case 'below':
      return { left: px - w / 2, right: px + w / 2, top: py + off, bottom: py + off + h };
  }
}

/** The sides to try, nearest first: towards the plot's middle sideways, then the other way, then above, below. */
function sidesFor(p: { x: number }, f: PlotFrame): LabelSide[] {
  return p.x > (f.xMin + f.xMax) / 2 ? ['left', 'right', 'above', 'below'] : ['right', 'left', 'above', 'below'];
}

/** The first side where `text` is clear of the taken boxes and inside the plot, if any. */
function clearSide(p: LabelPoint, text: string, taken: Box[], f: PlotFrame): PlacedLabel | undefined {
  for (const side of sidesFor(p, f)) {
    const box = labelBox(p, text, side, f);
    if (inside(box, f) && !taken.some((t) => overlaps(t, box))) return { side, box };
  }
  return undefined;
}

/**
 * Places every named point's label: points with the fewest free sides first (crowded ones choose before
 * their neighbours take the room), each on its first clear side; a name that fits nowhere is numbered, the
 * number placed the same way (on its nearest side when even a number has no room).
 */
export function placeLabels(points: LabelPoint[], f: PlotFrame): LabelLayout {
  const dots = points.map((p) => pointBox(p, f));
  const named = points.flatMap((p, i) => (p.label.trim() === '' ? [] : [i]));
  const freedom = (i: number): number =>
    sidesFor(points[i], f).filter((s) => {
      const box = labelBox(points[i], points[i].label, s, f);
      return inside(box, f) && !dots.some((d, j) => j !== i && overlaps(d, box));
    }).length;
  const order = named
    .map((i) => ({ i, free: freedom(i) }))
    .sort((a, b) => a.free - b.free || a.i - b.i)
    .map((o) => o.i);
  const placed: Array<PlacedLabel | undefined> = points.map(() => undefined);
  const labels: Box[] = [];
  const numbered: number[] = [];
  for (const i of order) {
    const taken = [...labels, ...dots.filter((_, j) => j !== i)];
    const spot = clearSide(points[i], points[i].label, taken, f);
    if (spot) {
      placed[i] = spot;
      labels.push(spot.box);
    } else numbered.push(i);
  }
  const key = numbered
    .sort((a, b) => a - b)
    .map((i, n) => {
      const text = String(n + 1);
      const taken = [...labels, ...dots.filter((_, j) => j !== i)];
      const spot = clearSide(points[i], text, taken, f) ?? {
        side: sidesFor(points[i], f)[0],
        box: labelBox(points[i], text, sidesFor(points[i], f)[0], f),
      };
      placed[i] = { ...spot, number: n + 1 };
      labels.push(spot.box);
      return { number: n + 1, label: points[i].label };
    });
  return { placed, key };
}

/** The matrix's plot frame for a chart op: its axes' ends, its plot area's size (MATRIX_PLOT of the chart). */
export function matrixFrame(
  op: Pick<ChartOp, 'axes' | 'widthPx' | 'heightPx'>,
  plot: { w: number; h: number } = MATRIX_PLOT,
): PlotFrame {
  const x = op.axes?.category ?? {};
  const y = op.axes?.value ?? {};
  return {
    xMin: x.min ?? 0,
    xMax: x.max ?? 10,
    yMin: y.min ?? 0,
    yMax: y.max ?? 10,
    widthPx: op.widthPx * plot.w,
    heightPx: op.heightPx * plot.h,
  };
}

/** The text a numbered point's key lists beside the chart: "1 SLO dashboards and alerting" per line. */
export const keyLines = (key: LabelLayout['key']): string[] => key.map((k) => `${k.number} ${k.label}`);

/** Per data row, the label's side and number (the plan's ChartOp.labelPlacement), from the rows' values. */
export function rowPlacement(
  points: Array<LabelPoint | undefined>,
  f: PlotFrame,
): NonNullable<ChartOp['labelPlacement']> {
  const present = points.flatMap((p, row) => (p ? [{ p, row }] : []));
  const layout = placeLabels(
    present.map((x) => x.p),
    f,
  );
  return present.flatMap(({ row }, k) => {
    const l = layout.placed[k];
    return l ? [{ row, side: l.side, ...(l.number !== undefined ? { number: l.number } : {}) }] : [];
  });
}
