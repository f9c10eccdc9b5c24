/**
 * A trend (scatter with lines, Progress History): one metric's value at each snapshot, x the snapshot's
 * date (a day serial), the points joined in row order. Rows without a number (#N/A: another metric's row)
 * are not points, and the line runs from one point to the next across them, as the hosts draw it. The
 * title is the cell it is linked to (the metric's name by formula), read live like the hosts' linked title.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartOp } from '../../shared/plan/plan';
import { serialToDate } from '../../shared/core/args';
import { formatValue } from '../../shared/core/number-format';
import { column, legend, linearAxis, num, text, title } from './parts';
import { FONT, TEXT, type CellReader } from './style';
import { TREND_NO_DATA } from '../../shared/compiler/trend-charts';

/** A day serial as the axis shows it (yyyy-mm-dd, the History sheet's date format). */
export function serialLabel(v: number): string {
  if (!Number.isInteger(v)) return '';
  return serialToDate(v).toISOString().slice(0, 10);
}

/** The points of each series: (date, value) where both are numbers, in row order. */
export function trendPoints(op: ChartOp, read: CellReader): { x: number; y: number }[][] {
  return (op.series ?? []).map((s) => {
    const ys = column(read, s.values).map(num);
    const xs = s.xValues ? column(read, s.xValues).map(num) : ys.map((_, k) => k + 1);
    const points: { x: number; y: number }[] = [];
    ys.forEach((y, k) => {
      const x = xs[k];
      if (y !== null && x !== null) points.push({ x, y });
    });
    return points;
  });
}

/** The title the op links to a cell, as the cell reads now (the op's own title when the cell is blank). */
export function liveTitle(op: ChartOp, read: CellReader): string {
  return (op.titleCell && text(read(op.titleCell)[0]?.[0])) || op.title;
}

/** The date axis's ends: a twentieth of the span (a day at least) beyond the first and last snapshot. */
function dateRoom(xs: number[]): { min?: number; max?: number } {
  if (xs.length === 0) return {};
  const lo = xs.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = xs.reduce((a, b) => Math.max(a, b), -Infinity);
  const pad = Math.max(1, Math.round((hi - lo) / 20));
  return { min: lo - pad, max: hi + pad };
}

/**
 * A trend without a point says so in the middle of the plot, on axes without ticks (an empty date axis would
 * otherwise run from serial 0, 1899-12-30).
 */
function noData(x: Record<string, unknown>, y: Record<string, unknown>): Record<string, unknown> {
  const blank = { min: 0, max: 1, grid: { display: false } };
  Object.assign(x, blank, { ticks: { display: false } });
  Object.assign(y, blank, { ticks: { display: false } });
  return {
    empty: {
      type: 'label',
      xValue: 0.5,
      yValue: 0.5,
      content: TREND_NO_DATA,
      color: TEXT,
      font: { family: FONT, size: 13 },
    },
  };
}

export function trendConfig(op: ChartOp, read: CellReader, names: string[]): ChartConfiguration {
  const points = trendPoints(op, read);
  const datasets = (op.series ?? []).map((s, i) => ({
    label: names[i],
    data: points[i],
    showLine: true,
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: 2,
    pointRadius: 4,
    pointHoverRadius: 5,
  }));
  // One snapshot a day at most: whole-day ticks, never a fraction of a day.
  const x: Record<string, unknown> = { ...linearAxis(op.axes?.category), ...dateRoom(points.flat().map((p) => p.x)) };
  Object.assign(x.ticks as Record<string, unknown>, {
    precision: 0,
    maxRotation: 0,
    callback: (v: number | string) => serialLabel(Number(v)),
  });
  // Room around the points, so the first and last and the highest and lowest are drawn whole.
  const y: Record<string, unknown> = { ...linearAxis(op.axes?.value), grace: '10%' };
  // Ticks in the metric's own form ("Record snapshot" sets it: 99.5% reads 99.5%, $1,200 reads $1,200).
  const format = op.axes?.value?.numberFormat;
  if (format) (y.ticks as Record<string, unknown>).callback = (v: number | string) => formatValue(Number(v), format);
  const annotations = points.flat().length === 0 ? noData(x, y) : {};
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 16, top: 4 } },
      scales: { x: x as never, y: y as never },
      plugins: {
        title: title({ ...op, title: liveTitle(op, read) }),
        legend: legend(op, new Set()),
        datalabels: { display: false },
        annotation: { annotations } as never,
      },
    },
  } as ChartConfiguration;
}
