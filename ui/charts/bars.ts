/**
 * Horizontal bar charts: the roadmap Gantt (stacked, offset series transparent, quarter lines as guides)
 * and the progress charts (one bar per row with its value written at the bar's end, inside the plot).
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartAxisOp, ChartOp } from '../../shared/plan/plan';
import { legend, linearAxis, title, type CategoryRows } from './parts';
import { wrapName } from './names';
import { FONT, TEXT } from './style';

/** Room right of a full (100%) bar for its label, as a share of the axis: the plot goes to 112%. */
export const PERCENT_LABEL_ROOM = 0.12;

function barDatasets(op: ChartOp, rows: CategoryRows, names: string[], stacked: boolean): ChartDataset<'bar'>[] {
  return (op.series ?? []).map((s, i) => ({
    label: names[i],
    data: rows.values[i],
    backgroundColor: s.invisible ? 'rgba(0,0,0,0)' : s.color,
    borderWidth: 0,
    barPercentage: 0.9,
    categoryPercentage: stacked ? 0.8 : 0.7,
    ...(s.invisible ? { hoverBackgroundColor: 'rgba(0,0,0,0)' } : {}),
  }));
}

/** Quarter boundaries as gridlines, each quarter's name centred between its two lines. */
function quarterGuides(guides: NonNullable<ChartOp['guides']>): Record<string, unknown> {
  const at = new Set(guides.map((g) => g.value));
  const isGuide = (ctx: { tick?: { value: number } }): boolean => !!ctx.tick && at.has(ctx.tick.value);
  return {
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      const ticks: { value: number }[] = [];
      guides.forEach((g, i) => {
        ticks.push({ value: g.value });
        if (i + 1 < guides.length) ticks.push({ value: (g.value + guides[i + 1].value) / 2 });
      });
      scale.ticks = ticks;
    },
    ticks: {
      color: TEXT,
      font: { family: FONT, size: 13, weight: 'bold' },
      // Every quarter named, level: half the ticks are the unlabelled lines, so Chart.js would otherwise tilt them.
      autoSkip: false,
      maxRotation: 0,
      callback: (v: number | string) => {
        const n = Number(v);
        return at.has(n) ? '' : (guides.filter((q) => q.value < n).pop()?.label ?? '');
      },
    },
    grid: {
      color: (ctx: { tick?: { value: number } }) => (isGuide(ctx) ? '#8c8c8c' : 'rgba(0,0,0,0)'),
      lineWidth: (ctx: { tick?: { value: number } }) => (isGuide(ctx) ? 1.5 : 0),
    },
  };
}

/** A percent axis that stops its ticks at 100% but leaves room after it for the labels of full bars. */
function percentRoom(axis: ChartAxisOp): Record<string, unknown> {
  const max = axis.max ?? 1;
  return {
    max: max * (1 + PERCENT_LABEL_ROOM),
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      scale.ticks = scale.ticks.filter((t) => t.value <= max + 1e-9);
    },
  };
}

/** Each bar's value right of its end, on the bar's centre line; none on the stacked Gantt. */
function barLabels(axis: ChartAxisOp | undefined, stacked: boolean): Record<string, unknown> {
  if (stacked) return { display: false };
  return {
    display: (ctx: { dataIndex: number; dataset: { data: unknown[] } }) => ctx.dataset.data[ctx.dataIndex] !== null,
    anchor: 'end',
    align: 'end',
    offset: 4,
    clamp: true,
    color: TEXT,
    font: { family: FONT, size: 12, weight: 'bold' },
    formatter: (v: number) => (axis?.numberFormat === '0%' ? `${Math.round(v * 100)}%` : String(v)),
  };
}

function valueAxis(op: ChartOp, stacked: boolean): Record<string, unknown> {
  const axis = op.axes?.value;
  const x = linearAxis(axis, { stacked });
  if (op.guides && op.guides.length > 0) Object.assign(x, quarterGuides(op.guides));
  if (!stacked && axis?.numberFormat === '0%') Object.assign(x, percentRoom(axis));
  return x;
}

/** The category names' font size and line height (px): a wrapped name's lines sit a line height apart. */
const NAME_SIZE = 12;
const NAME_LINE = 13;
/** The widest a name's line may be, as a share of the chart's width: a longer name wraps, the bars keep the rest. */
const NAME_SHARE = 0.3;
/** Height of a bar chart that holds no row: title, value axis, padding. */
const CHART_FRAME_PX = 110;

/**
 * The category axis: each name whole, wrapped onto the lines its row has room for within a share of the chart's
 * width, never more than Chart.js gives the axis (half the chart, shared with a legend at the side: a wider name
 * would be cut at the chart's edge).
 */
function categoryAxis(op: ChartOp, rows: CategoryRows, stacked: boolean): Record<string, unknown> {
  const sideLegend = (op.legend ?? 'right') === 'right';
  const width = Math.min(op.widthPx * NAME_SHARE, (op.widthPx - 24) / 2 / (sideLegend ? 2 : 1) - 12);
  const rowPx = (op.heightPx - CHART_FRAME_PX) / Math.max(rows.labels.length, 1);
  const maxLines = Math.min(3, Math.max(1, Math.floor(rowPx / NAME_LINE)));
  const font = { family: FONT, size: NAME_SIZE, lineHeight: `${NAME_LINE}px` };
  return {
    stacked,
    grid: { display: false },
    ticks: {
      color: TEXT,
      font,
      autoSkip: false,
      callback(this: { ctx: CanvasRenderingContext2D }, _v: unknown, index: number) {
        const ctx = this.ctx;
        ctx.save();
        ctx.font = `${NAME_SIZE}px ${FONT}`;
        const lines = wrapName(rows.labels[index] ?? '', width, maxLines, (t) => ctx.measureText(t).width);
        ctx.restore();
        return lines;
      },
    },
  };
}

export function barConfig(op: ChartOp, rows: CategoryRows, names: string[], stacked: boolean): ChartConfiguration {
  const y = categoryAxis(op, rows, stacked);
  return {
    type: 'bar',
    data: { labels: rows.labels, datasets: barDatasets(op, rows, names, stacked) },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 16, left: 8 } },
      scales: { x: valueAxis(op, stacked) as never, y },
      plugins: {
        title: title(op),
        legend: legend(op, rows.hidden),
        datalabels: barLabels(op.axes?.value, stacked) as never,
      },
    },
  } as ChartConfiguration;
}
