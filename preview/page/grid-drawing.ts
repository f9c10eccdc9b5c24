/**
 * Drawing the grid's active sheet: its table of the cells on screen (sheet-view.ts; a large sheet draws
 * only what is visible and draws again as it scrolls), its charts (chart-layer.ts), the copied range's
 * mark and the first-run hint. Values that change outside a command (the engine recalculated) are
 * painted once on the next frame; a scroll that stops settles on whole rows and columns, as in the hosts.
 */
import { h } from '../../ui/dom';
import type { GridRect } from '../../shared/a1/a1';
import type { ChartGeometry } from '../../ui/charts/render';
import { START_HINT } from '../messages';
import type { Pos } from '../selection';
import type { PreviewWorkbook } from '../workbook';
import { ChartLayer } from './chart-layer';
import { SheetView } from './sheet-view';
import { snapScroll } from './viewport';

/** What the drawing needs of the grid: the sheet on screen, where the selection is and what was copied there. */
export interface DrawingHost {
  readonly wb: PreviewWorkbook;
  readonly scroller: HTMLElement;
  sheet(): string;
  /** The selection's moving corner: a rebuilt table is large enough to show it. */
  focus(): Pos;
  /** The copied range, when it is on the active sheet. */
  copiedHere(): GridRect | undefined;
  /** The table is about to be replaced (an editor over it closes). */
  beforeRebuild(): void;
  /** A repaint on the next frame happened: mark the selection again (no scrolling). */
  afterRepaint(): void;
}

export class GridDrawing {
  private current!: SheetView;
  private readonly charts: ChartLayer;
  private readonly hint = h('div', { class: 'pv-hint', hidden: true });
  private paintQueued = false;
  private dirty = false;

  constructor(private readonly host: DrawingHost) {
    this.charts = new ChartLayer(host.wb);
    const scroller = host.scroller;
    // A large sheet draws only what is on screen (sheet-view.ts, viewport.ts): draw again as it scrolls.
    scroller.addEventListener('scroll', () => this.current.setViewport(scroller), { passive: true });
    // Scroll by whole columns and rows, as the hosts do: when a wheel or drag stops, the nearest cell edge.
    scroller.addEventListener('scrollend', () => this.snapToCells());
    window.addEventListener('resize', () => this.current.setViewport(scroller));
  }

  /** The active sheet's table as drawn now. */
  get view(): SheetView {
    return this.current;
  }

  /** After a wheel or drag: the scroll moves to the nearest row and column edge (never past the sheet's end). */
  private snapToCells(): void {
    const scroller = this.host.scroller;
    const targets = this.current.snapTargets();
    const top = snapScroll(targets.top, scroller.scrollTop);
    const left = snapScroll(targets.left, scroller.scrollLeft);
    if (Math.abs(top - scroller.scrollTop) >= 1) scroller.scrollTop = top;
    if (Math.abs(left - scroller.scrollLeft) >= 1) scroller.scrollLeft = left;
  }

  /** Builds the table of the active sheet (large enough to show `atLeast`), then paints it. */
  render(atLeast?: Pos): void {
    this.host.beforeRebuild();
    this.current?.detach();
    const sheet = this.host.sheet();
    this.current = new SheetView(this.host.wb, sheet, this.host.wb.metaOf(sheet), atLeast);
    this.host.scroller.replaceChildren(this.current.table, this.charts.root, this.hint);
    this.current.setViewport(this.host.scroller);
    this.paint();
  }

  /** Values changed outside a command (the engine recalculated): repaint on the next frame, once. */
  queuePaint(): void {
    this.dirty = true;
    if (this.paintQueued) return;
    this.paintQueued = true;
    requestAnimationFrame(() => {
      this.paintQueued = false;
      if (!this.dirty) return;
      this.paint();
      this.host.afterRepaint();
    });
  }

  /** Repaints values and charts; a sheet that outgrew its table is rebuilt first. */
  paint(): void {
    this.dirty = false;
    if (!this.current.covers()) return this.render(this.host.focus());
    const { wb } = this.host;
    const sheet = this.host.sheet();
    const dims = wb.dimensions(sheet);
    this.current.paint();
    this.charts.draw(this.current);
    this.current.markCopied(this.host.copiedHere());
    this.showHint(dims.rows === 0 && wb.sheetNames().length === 1 && wb.isUserSheet(sheet));
  }

  /** The first-run hint on the empty sheet: where to start. */
  private showHint(on: boolean): void {
    this.hint.hidden = !on;
    if (on && !this.hint.firstChild)
      this.hint.append(h('strong', {}, START_HINT.title), START_HINT.text, h('code', {}, START_HINT.example), '.');
  }

  /** Where each chart is drawn (the browser tests compare it with the plan). */
  geometries(): ChartGeometry[] {
    return this.charts.geometries();
  }
}
