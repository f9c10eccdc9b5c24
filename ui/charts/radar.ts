/** The technical health radar: one closed line per series on a 0–5 (or the axis') scale. */
import type { ChartConfiguration } from 'chart.js';
import type { ChartOp } from '../../shared/plan/plan';
import { legend, title, type CategoryRows } from './parts';
import { FONT, GRID, TEXT } from './style';

export function radarConfig(op: ChartOp, rows: CategoryRows, names: string[]): ChartConfiguration {
  const datasets = (op.series ?? []).map((s, i) => ({
    label: names[i],
    data: rows.values[i],
    borderColor: s.color,
    backgroundColor: `${s.color ?? '#0072B2'}26`,
    pointBackgroundColor: s.color,
    pointRadius: 4,
    borderWidth: 2,
    fill: i === 0,
  }));
  const a = op.axes?.value;
  // Tick numbers above the data (z: 1), or a point on the first spoke hides them.
  const ticks = {
    stepSize: a?.majorUnit ?? 1,
    color: TEXT,
    backdropColor: 'rgba(255,255,255,0.85)',
    font: { family: FONT, size: 11 },
    z: 1,
  };
  const r = {
    min: a?.min ?? 0,
    max: a?.max ?? 5,
    ticks,
    pointLabels: { color: TEXT, font: { family: FONT, size: 13, weight: 'bold' } },
    grid: { color: GRID },
    angleLines: { color: GRID },
  };
  return {
    type: 'radar',
    data: { labels: rows.labels, datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      scales: { r },
      plugins: { title: title(op), legend: legend(op, rows.hidden), datalabels: { display: false } },
    },
  } as ChartConfiguration;
}
