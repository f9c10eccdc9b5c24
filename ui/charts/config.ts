/**
 * Chart.js renderer for the plan's ChartOps: a ChartOp plus the sheet's current values → a Chart.js
 * configuration. Used by the local preview and by scripts/render-charts.ts (README images), so the
 * images show what the preview shows. No DOM here: render.ts draws a config on a canvas.
 *
 * It mirrors what the hosts do with the same op: rows with neither a label nor a value are skipped
 * (as Sheets does), the Gantt offset series is transparent and out of the legend, block charts take
 * their legend names from the header cells, quadrant dividers and names are drawn on the matrix.
 */
import type { ChartConfiguration, ChartDataset, ScaleOptions } from 'chart.js';
import type { ChartAxisOp, ChartOp } from '../../shared/templates/plan';
import { parseRange, rangeA1 } from '../../shared/templates/a1';
import { defaultForm } from '../../shared/templates/charts';

/** Reads the current values of an A1 range of the chart's sheet (rows of cells). */
export type CellReader = (a1: string) => unknown[][];

const FONT = '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const GRID = '#d9d9d9';
const TEXT = '#333333';

function column(read: CellReader, a1: string): unknown[] {
  return read(a1).map((row) => row[0]);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);
}

/** The header cell above a data range. */
function headerOf(a1: string): string {
  const r = parseRange(a1);
  return rangeA1({ top: r.top - 1, bottom: r.top - 1, left: r.left, right: r.left });
}

function linearAxis(
  a: ChartAxisOp | undefined,
  extra: ScaleOptions<'linear'> | Record<string, unknown> = {},
): Record<string, unknown> {
  const o: Record<string, unknown> = {
    type: 'linear',
    grid: { color: GRID },
    ticks: { color: TEXT, font: { family: FONT, size: 12 } },
    ...extra,
  };
  if (a?.min !== undefined) o.min = a.min;
  if (a?.max !== undefined) o.max = a.max;
  if (a?.majorUnit !== undefined) (o.ticks as Record<string, unknown>).stepSize = a.majorUnit;
  if (a?.numberFormat === '0%')
    (o.ticks as Record<string, unknown>).callback = (v: number | string) => `${Math.round(Number(v) * 100)}%`;
  if (a?.title)
    o.title = { display: true, text: a.title, color: TEXT, font: { family: FONT, size: 13, weight: 'bold' } };
  return o;
}

function title(op: ChartOp): Record<string, unknown> {
  return {
    display: true,
    text: op.title,
    color: '#1f1f1f',
    font: { family: FONT, size: 17, weight: 'bold' },
    padding: { top: 4, bottom: 12 },
  };
}

function legend(op: ChartOp, hidden: Set<number>): Record<string, unknown> {
  return {
    display: op.legend !== 'none',
    position: op.legend === 'none' ? 'bottom' : (op.legend ?? 'right'),
    labels: {
      color: TEXT,
      font: { family: FONT, size: 12 },
      boxWidth: 14,
      filter: (item: { datasetIndex?: number }) => !hidden.has(item.datasetIndex ?? -1),
    },
  };
}

/** Builds the Chart.js configuration for one chart from the sheet's values. */
export function chartConfig(op: ChartOp, read: CellReader): ChartConfiguration {
  const form = op.form ?? defaultForm(op.kind);
  const series = op.series ?? [];
  const names = series.map((s) => (op.source ? text(read(headerOf(s.values))[0]?.[0]) || s.name : s.name));

  if (form === 'scatter') return scatterConfig(op, read, names);

  const labels = op.categories ? column(read, op.categories).map(text) : [];
  const values = series.map((s) => column(read, s.values).map(num));
  // Keep rows that have a label or a value, like Sheets (Excel charts the rows it was given).
  const keep = labels.map((l, i) => l !== '' || values.some((v) => v[i] !== null));
  const rows = (xs: unknown[]): unknown[] => xs.filter((_, i) => keep[i]);
  // A row with a label but no value says so (the hosts show an empty slot).
  const shownLabels = labels
    .map((_, i) => i)
    .filter((i) => keep[i])
    .map((i) => (values.every((v) => v[i] === null) ? `${labels[i]} (no data)` : labels[i]));

  // A series with no value at all (an unused theme slot) is left out of the legend.
  const hidden = new Set<number>();
  series.forEach((s, i) => {
    if (s.invisible || rows(values[i]).every((v) => v === null)) hidden.add(i);
  });

  if (form === 'radar') {
    const datasets = series.map((s, i) => ({
      label: names[i],
      data: rows(values[i]) as (number | null)[],
      borderColor: s.color,
      backgroundColor: `${s.color ?? '#0072B2'}26`,
      pointBackgroundColor: s.color,
      pointRadius: 4,
      borderWidth: 2,
      fill: i === 0,
    }));
    const a = op.axes?.value;
    return {
      type: 'radar',
      data: { labels: shownLabels, datasets },
      options: {
        responsive: false,
        animation: false,
        devicePixelRatio: 1,
        scales: {
          r: {
            min: a?.min ?? 0,
            max: a?.max ?? 5,
            // Tick numbers above the data (z: 1), or a point on the first spoke hides them.
            ticks: {
              stepSize: a?.majorUnit ?? 1,
              color: TEXT,
              backdropColor: 'rgba(255,255,255,0.85)',
              font: { family: FONT, size: 11 },
              z: 1,
            },
            pointLabels: { color: TEXT, font: { family: FONT, size: 13, weight: 'bold' } },
            grid: { color: GRID },
            angleLines: { color: GRID },
          },
        },
        plugins: { title: title(op), legend: legend(op, hidden), datalabels: { display: false } },
      },
    } as ChartConfiguration;
  }

  const stacked = form === 'stackedBar';
  const datasets: ChartDataset<'bar'>[] = series.map((s, i) => ({
    label: names[i],
    data: rows(values[i]) as (number | null)[],
    backgroundColor: s.invisible ? 'rgba(0,0,0,0)' : s.color,
    borderWidth: 0,
    barPercentage: 0.9,
    categoryPercentage: stacked ? 0.8 : 0.7,
    ...(s.invisible ? { hoverBackgroundColor: 'rgba(0,0,0,0)' } : {}),
  }));
  const valueAxis = op.axes?.value;
  const x = linearAxis(valueAxis, { stacked });
  const annotations: Record<string, unknown> = {};
  if (op.guides && op.guides.length > 0) {
    // Quarter boundaries as gridlines, each quarter's name centred between its two lines.
    const guides = op.guides;
    const at = new Set(guides.map((g) => g.value));
    Object.assign(x, {
      afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
        const ticks: { value: number }[] = [];
        for (let i = 0; i < guides.length; i++) {
          ticks.push({ value: guides[i].value });
          if (i + 1 < guides.length) ticks.push({ value: (guides[i].value + guides[i + 1].value) / 2 });
        }
        scale.ticks = ticks;
      },
      ticks: {
        color: TEXT,
        font: { family: FONT, size: 13, weight: 'bold' },
        callback: (v: number | string) => {
          const n = Number(v);
          if (at.has(n)) return '';
          const g = guides.filter((q) => q.value < n).pop();
          return g ? g.label : '';
        },
      },
      grid: {
        color: (ctx: { tick?: { value: number } }) =>
          ctx.tick && at.has(ctx.tick.value) ? '#8c8c8c' : 'rgba(0,0,0,0)',
        lineWidth: (ctx: { tick?: { value: number } }) => (ctx.tick && at.has(ctx.tick.value) ? 1.5 : 0),
      },
    });
  }
  const datalabels = stacked
    ? { display: false }
    : {
        display: (ctx: { dataIndex: number; dataset: { data: unknown[] } }) => ctx.dataset.data[ctx.dataIndex] !== null,
        anchor: 'end',
        align: 'end',
        clamp: true,
        color: TEXT,
        font: { family: FONT, size: 12, weight: 'bold' },
        formatter: (v: number) => (valueAxis?.numberFormat === '0%' ? `${Math.round(v * 100)}%` : String(v)),
      };
  if (!stacked && valueAxis?.numberFormat === '0%') {
    // Room on the right for the "100%" labels of full bars.
    Object.assign(x, {
      max: (valueAxis.max ?? 1) * 1.12,
      afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
        scale.ticks = scale.ticks.filter((t) => t.value <= (valueAxis.max ?? 1) + 1e-9);
      },
    });
  }
  return {
    type: 'bar',
    data: { labels: shownLabels, datasets },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 16, left: 8 } },
      scales: {
        x: x as never,
        y: {
          stacked,
          grid: { display: false },
          ticks: { color: TEXT, font: { family: FONT, size: 12 }, autoSkip: false },
        },
      },
      plugins: {
        title: title(op),
        legend: legend(op, hidden),
        datalabels: datalabels as never,
        annotation: { annotations } as never,
      },
    },
  } as ChartConfiguration;
}

function scatterConfig(op: ChartOp, read: CellReader, names: string[]): ChartConfiguration {
  const series = op.series ?? [];
  const datasets = series.map((s, i) => {
    const ys = column(read, s.values).map(num);
    const xs = s.xValues ? column(read, s.xValues).map(num) : ys.map((_, k) => k + 1);
    const labels = s.pointLabels ? column(read, s.pointLabels).map(text) : [];
    const data: { x: number; y: number; label: string }[] = [];
    ys.forEach((y, k) => {
      const x = xs[k];
      if (y !== null && x !== null) data.push({ x, y, label: labels[k] ?? '' });
    });
    return {
      label: names[i],
      data,
      backgroundColor: s.color,
      borderColor: '#ffffff',
      borderWidth: 1.5,
      pointRadius: 8,
      pointHoverRadius: 9,
    };
  });
  const q = op.quadrants;
  const annotations: Record<string, unknown> = {};
  const xa = op.axes?.category;
  const ya = op.axes?.value;
  if (q) {
    const line = { type: 'line', borderColor: '#595959', borderWidth: 2, borderDash: [6, 4] };
    annotations.vDivider = { ...line, xMin: q.x, xMax: q.x };
    annotations.hDivider = { ...line, yMin: q.y, yMax: q.y };
    const x0 = xa?.min ?? 0;
    const x1 = xa?.max ?? 10;
    const y0 = ya?.min ?? 0;
    const y1 = ya?.max ?? 10;
    const pad = 0.15;
    const corner = (
      name: string,
      x: number,
      y: number,
      xAdjust: 'start' | 'end',
      yAdjust: 'start' | 'end',
      color: string,
    ): Record<string, unknown> => ({
      type: 'label',
      xValue: x,
      yValue: y,
      content: name.split(' (').map((p, i) => (i === 0 ? p : `(${p}`)),
      position: { x: xAdjust, y: yAdjust },
      color,
      font: { family: FONT, size: 12, weight: 'bold' },
      backgroundColor: 'rgba(255,255,255,0.85)',
      padding: 3,
      textAlign: xAdjust === 'start' ? 'left' : 'right',
    });
    const colors = Object.fromEntries(series.map((s, i) => [names[i], s.color ?? TEXT]));
    const colorOf = (label: string): string => colors[label.split(' (')[0]] ?? TEXT;
    annotations.tl = corner(q.topLeft, x0 + pad, y1 - pad, 'start', 'start', colorOf(q.topLeft));
    annotations.tr = corner(q.topRight, x1 - pad, y1 - pad, 'end', 'start', colorOf(q.topRight));
    annotations.bl = corner(q.bottomLeft, x0 + pad, y0 + pad, 'start', 'end', colorOf(q.bottomLeft));
    annotations.br = corner(q.bottomRight, x1 - pad, y0 + pad, 'end', 'end', colorOf(q.bottomRight));
  }
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 12, top: 4 } },
      scales: { x: linearAxis(xa) as never, y: linearAxis(ya) as never },
      plugins: {
        title: title(op),
        legend: legend(op, new Set()),
        annotation: { annotations } as never,
        datalabels: {
          display: 'auto',
          align: 'right',
          offset: 8,
          // Legible where a name crosses a divider or gridline.
          backgroundColor: 'rgba(255,255,255,0.85)',
          borderRadius: 3,
          padding: { top: 1, bottom: 1, left: 3, right: 3 },
          color: TEXT,
          font: { family: FONT, size: 12, weight: 'bold' },
          formatter: (v: { label: string }) => v.label,
        } as never,
      },
    },
  } as ChartConfiguration;
}
