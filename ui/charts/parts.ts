/** Pieces every chart form shares: reading ranges, value axes, title, legend, category rows. */
import type { ChartAxisOp, ChartOp } from '../../shared/plan/plan';
import { parseRange, rangeA1 } from '../../shared/a1/a1';
import { FONT, GRID, TEXT, type CellReader } from './style';
import { NO_DATA, TOP_N_HOLDS } from '../messages';

/** The values of a one-column range, top to bottom. */
export function column(read: CellReader, a1: string): unknown[] {
  return read(a1).map((row) => row[0]);
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function text(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);
}

/** The header cell above a data range. */
function headerOf(a1: string): string {
  const r = parseRange(a1);
  return rangeA1({ top: r.top - 1, bottom: r.top - 1, left: r.left, right: r.left });
}

/** A value axis from the op's axis: limits, step, percent ticks and title. */
export function linearAxis(a: ChartAxisOp | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ticks: Record<string, unknown> = { color: TEXT, font: { family: FONT, size: 12 } };
  const o: Record<string, unknown> = { type: 'linear', grid: { color: GRID }, ticks, ...extra };
  if (a?.min !== undefined) o.min = a.min;
  if (a?.max !== undefined) o.max = a.max;
  if (a?.majorUnit !== undefined) ticks.stepSize = a.majorUnit;
  if (a?.numberFormat === '0%') ticks.callback = (v: number | string) => `${Math.round(Number(v) * 100)}%`;
  if (a?.title)
    o.title = { display: true, text: a.title, color: TEXT, font: { family: FONT, size: 13, weight: 'bold' } };
  return o;
}

export function title(op: ChartOp): Record<string, unknown> {
  return {
    display: true,
    text: op.title,
    color: '#1f1f1f',
    font: { family: FONT, size: 17, weight: 'bold' },
    padding: { top: 4, bottom: 12 },
  };
}

export function legend(op: ChartOp, hidden: Set<number>): Record<string, unknown> {
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

/** The rows a bar or radar chart shows: labels, one value list per series, and the series left out of the legend. */
export interface CategoryRows {
  labels: string[];
  values: (number | null)[][];
  hidden: Set<number>;
}

/** Reads categories and series, keeping the rows that have a label or a value (like Sheets). */
export function categoryRows(op: ChartOp, read: CellReader): CategoryRows {
  const series = op.series ?? [];
  const labels = op.categories ? column(read, op.categories).map(text) : [];
  const all = series.map((s) => column(read, s.values).map(num));
  const keep = labels.map((_, i) => i).filter((i) => labels[i] !== '' || all.some((v) => v[i] !== null));
  const values = all.map((v) => keep.map((i) => v[i] ?? null));
  // A row with a label but no value says so (the hosts show an empty slot); a tornado's weight without a bar holds.
  const none = op.form === 'tornado' ? TOP_N_HOLDS : NO_DATA;
  const shown = keep.map((i) => (all.every((v) => v[i] === null) ? `${labels[i]} (${none})` : labels[i]));
  // A series with no value at all (an unused theme slot) is left out of the legend.
  const hidden = new Set<number>();
  series.forEach((s, i) => {
    if (s.invisible || s.outOfLegend || values[i].every((v) => v === null)) hidden.add(i);
  });
  return { labels: shown, values, hidden };
}

/** Legend names: the header cell above each series for block charts (theme names by formula), else the op's names. */
export function seriesNames(op: ChartOp, read: CellReader): string[] {
  return (op.series ?? []).map((s) => (op.source ? text(read(headerOf(s.values))[0]?.[0]) || s.name : s.name));
}
