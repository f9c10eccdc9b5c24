/**
 * The sheet's charts over the grid, each at its anchor cell and size, drawn by the shared Chart.js
 * renderer from the sheet's current values; redrawn after a change to what they read, so they follow the data.
 */
import type { Chart } from 'chart.js';
import { clear, h } from '../../ui/dom';
import { chartGeometry, renderChart, type ChartGeometry } from '../../ui/charts/render';
import { gridRect } from '../../shared/a1/a1';
import type { ChartOp } from '../../shared/plan/plan';
import type { PreviewWorkbook } from '../workbook';
import type { SheetView } from './sheet-view';

/** What a drawing of a sheet's charts was made from: the sheet, its chart ops, their places, the cells each read. */
interface Drawing {
  sheet: string;
  ops: ChartOp[];
  places: string;
  reads: Map<string, string>[];
}

export class ChartLayer {
  readonly root = h('div', { class: 'pv-charts' });
  private charts: Chart[] = [];
  private last?: Drawing;

  constructor(private readonly wb: PreviewWorkbook) {}

  /**
   * Draws every chart of the view's sheet (after the table is laid out). Charts whose cells, place and op are as
   * last drawn stay as they are: a value typed that no chart reads (an owner, a risk) no longer redraws them all
   * (a Tab on Prioritization spent about a quarter of its time redrawing the matrix).
   */
  draw(view: SheetView): void {
    const ops = [...view.meta.charts];
    const places = JSON.stringify(ops.map((op) => this.placeOf(view, op)));
    if (this.unchanged(view.sheet, ops, places)) return;
    this.destroy();
    const reads = ops.map(() => new Map<string, string>());
    ops.forEach((op, i) => {
      const at = this.placeOf(view, op);
      const canvas = h('canvas', { class: 'pv-chart', role: 'img', 'aria-label': op.title });
      const frame = h('div', { class: 'pv-chart-frame', 'data-kind': op.kind }, canvas);
      Object.assign(frame.style, {
        left: `${at.left}px`,
        top: `${at.top}px`,
        width: `${op.widthPx}px`,
        height: `${op.heightPx}px`,
      });
      this.root.appendChild(frame);
      const read = (a1: string): unknown[][] => {
        const values = this.wb.rangeValues(view.sheet, a1);
        reads[i].set(a1, JSON.stringify(values));
        return values;
      };
      try {
        this.charts.push(renderChart(canvas, op, read));
      } catch (e) {
        frame.appendChild(
          h('p', { class: 'pv-chart-error' }, `${op.title}: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
    });
    this.last = { sheet: view.sheet, ops, places, reads };
  }

  private placeOf(view: SheetView, op: ChartOp): { top: number; left: number } {
    const anchor = gridRect(op.anchor);
    const col = view.cols.find((c) => c >= anchor.left) ?? view.cols[0];
    const td = view.td({ row: anchor.top, col });
    return td ? view.offsetOf(td) : view.positionOf({ row: anchor.top, col });
  }

  /** Whether the last drawing still shows this sheet's charts: same ops, same places, every cell read the same. */
  private unchanged(sheet: string, ops: ChartOp[], places: string): boolean {
    const l = this.last;
    if (!l || l.sheet !== sheet || l.places !== places || l.ops.length !== ops.length) return false;
    if (ops.some((op, i) => op !== l.ops[i])) return false;
    return l.reads.every((r) => [...r].every(([a1, json]) => JSON.stringify(this.wb.rangeValues(sheet, a1)) === json));
  }

  destroy(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    this.last = undefined;
    clear(this.root);
  }

  /** Where the drawn charts put their bars, points and labels (for tests). */
  geometries(): ChartGeometry[] {
    return this.charts.map(chartGeometry);
  }
}
