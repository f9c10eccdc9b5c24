/**
 * The sheet's charts over the grid, each at its anchor cell and size, drawn by the shared Chart.js
 * renderer from the sheet's current values; redrawn after every change so they follow the data.
 */
import type { Chart } from 'chart.js';
import { clear, h } from '../../ui/dom';
import { chartGeometry, renderChart, type ChartGeometry } from '../../ui/charts/render';
import { gridRect } from '../../shared/a1/a1';
import type { PreviewWorkbook } from '../workbook';
import type { SheetView } from './sheet-view';

export class ChartLayer {
  readonly root = h('div', { class: 'pv-charts' });
  private charts: Chart[] = [];

  constructor(private readonly wb: PreviewWorkbook) {}

  /** Draws every chart of the view's sheet (after the table is laid out). */
  draw(view: SheetView): void {
    this.destroy();
    for (const op of view.meta.charts) {
      const anchor = gridRect(op.anchor);
      const col = view.cols.find((c) => c >= anchor.left) ?? view.cols[0];
      const td = view.td({ row: anchor.top, col });
      const at = td ? view.offsetOf(td) : view.positionOf({ row: anchor.top, col });
      const canvas = h('canvas', { class: 'pv-chart', role: 'img', 'aria-label': op.title });
      const frame = h('div', { class: 'pv-chart-frame', 'data-kind': op.kind }, canvas);
      Object.assign(frame.style, {
        left: `${at.left}px`,
        top: `${at.top}px`,
        width: `${op.widthPx}px`,
        height: `${op.heightPx}px`,
      });
      this.root.appendChild(frame);
      try {
        this.charts.push(renderChart(canvas, op, (a1) => this.wb.rangeValues(view.sheet, a1)));
      } catch (e) {
        frame.appendChild(
          h('p', { class: 'pv-chart-error' }, `${op.title}: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
    }
  }

  destroy(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(this.root);
  }

  /** Where the drawn charts put their bars, points and labels (for tests). */
  geometries(): ChartGeometry[] {
    return this.charts.map(chartGeometry);
  }
}
