/**
 * The mouse on the grid: click selects a cell (committing an open edit first, which a refused value
 * stops; an open drop-down just closes), a click on the active list cell's arrow opens its list, Shift+click and dragging select a range, double-click edits, a column or row header selects
 * the whole column or row, the corner selects everything shown; a click on a link to a sheet of the workbook opens it.
 */
import { single, type Pos, type Selection } from '../selection';
import type { MouseGrid as Grid } from './grid-control';

function cellAt(target: EventTarget | null): Pos | undefined {
  const td = (target as HTMLElement | null)?.closest?.('td');
  return td ? { row: Number(td.dataset.r), col: Number(td.dataset.c) } : undefined;
}

/** The selection a header click makes: a whole column, a whole row, or everything. */
function headerSelection(grid: Grid, th: HTMLElement): Selection | undefined {
  const { rows, cols } = grid.bounds();
  const last = cols[cols.length - 1];
  if (th.classList.contains('pv-colhead')) {
    const c = Number(th.dataset.c);
    return { anchor: { row: 0, col: c }, focus: { row: rows - 1, col: c } };
  }
  if (th.classList.contains('pv-rowhead')) {
    const r = Number(th.dataset.r);
    return { anchor: { row: r, col: cols[0] }, focus: { row: r, col: last } };
  }
  if (th.classList.contains('pv-corner'))
    return { anchor: { row: 0, col: cols[0] }, focus: { row: rows - 1, col: last } };
  return undefined;
}

/** Width of the drop-down arrow drawn at the right of the active list cell. */
const ARROW_PX = 18;

/** A click on the drop-down arrow of the active cell (the only cell showing one), which opens its list. */
function onListArrow(grid: Grid, p: Pos, ev: MouseEvent): boolean {
  const active = grid.sel.anchor.row === p.row && grid.sel.anchor.col === p.col;
  const td = (ev.target as HTMLElement).closest('td');
  if (!active || !td || ev.shiftKey || !grid.isListCell(p)) return false;
  return ev.clientX >= td.getBoundingClientRect().right - ARROW_PX;
}

export function attachMouse(grid: Grid): void {
  let dragging = false;
  grid.scroller.addEventListener('mousedown', (e) => {
    const ev = e as MouseEvent;
    if (ev.button !== 0 || (ev.target as HTMLElement).closest('.pv-editor, .pv-chart-frame')) return;
    const p = cellAt(ev.target);
    const th = (ev.target as HTMLElement).closest('th');
    if (!p && !th) return;
    ev.preventDefault();
    const arrow = p !== undefined && onListArrow(grid, p, ev);
    if (!grid.leaveEdit()) return;
    if (th) {
      const sel = headerSelection(grid, th);
      if (sel) grid.select(sel, false);
    } else if (p) {
      grid.select(ev.shiftKey ? { anchor: grid.sel.anchor, focus: p } : single(p), false);
      // A link to a place in the workbook (Start Here) opens it, as a click does in Excel.
      dragging = !arrow && (ev.shiftKey || !grid.followLink(p));
    }
    grid.focusGrid();
    if (arrow) grid.startEdit('list');
  });
  grid.scroller.addEventListener('mouseover', (e) => {
    const p = dragging ? cellAt(e.target) : undefined;
    if (p && (p.row !== grid.sel.focus.row || p.col !== grid.sel.focus.col))
      grid.select({ anchor: grid.sel.anchor, focus: p }, false);
  });
  window.addEventListener('mouseup', () => (dragging = false));
  grid.scroller.addEventListener('dblclick', (e) => {
    const p = cellAt(e.target);
    if (!p || grid.mode !== 'ready') return;
    grid.select(single(p), false);
    grid.startEdit('edit'); // a list cell too: its drop-down opens from its arrow (or Alt+Down)
  });
}
