/**
 * Draws a ChartOp on a canvas with Chart.js (bundled, never from a CDN): the preview calls it with
 * a reader over its formula engine; scripts/render-charts.ts calls it in headless Chromium.
 */
import { Chart, registerables } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import ChartDataLabels from 'chartjs-plugin-datalabels';
import type { ChartOp } from '../../shared/plan/plan';
import { chartConfig, type CellReader } from './config';

let registered = false;

function register(): void {
  if (registered) return;
  Chart.register(...registerables, annotationPlugin, ChartDataLabels);
  registered = true;
}

/** Renders the chart at the op's size on the canvas and returns the Chart.js instance. */
export function renderChart(canvas: HTMLCanvasElement, op: ChartOp, read: CellReader): Chart {
  register();
  canvas.width = op.widthPx;
  canvas.height = op.heightPx;
  canvas.style.width = `${op.widthPx}px`;
  canvas.style.height = `${op.heightPx}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D context unavailable');
  const config = chartConfig(op, read);
  // White background, as in a spreadsheet (a PNG would otherwise be transparent).
  config.plugins = [
    {
      id: 'whiteBackground',
      beforeDraw: (chart) => {
        const c = chart.ctx;
        c.save();
        c.fillStyle = '#ffffff';
        c.fillRect(0, 0, chart.width, chart.height);
        c.restore();
      },
    },
  ];
  return new Chart(ctx, config);
}

export { chartConfig };
export { chartGeometry, geometryProblems, type ChartGeometry } from './geometry';
export type { CellReader };
