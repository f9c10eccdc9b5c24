/**
 * What the active sheet's column rules say about one cell, for the grid (grid.ts) and its editing
 * session (edit-session.ts): the cell's validation, whether it has a drop-down and the drop-down's
 * values, what the user calls its column (the subject of a refusal), and the text the formula bar and
 * the editor show for it. The one piece of DOM here is the drop-down arrow on the active cell.
 */
import { DetailedCellError } from 'hyperformula';
import { colLetter, gridRect } from '../../shared/a1/a1';
import type { ValidationOp } from '../../shared/plan/plan';
import { atCell, columnCalled } from '../messages';
import { rectContains, type Pos } from '../selection';
import type { PreviewWorkbook } from '../workbook';
import { editText } from './format';
import type { StatusKind } from './grid-control';
import type { SheetView } from './sheet-view';

/** The sheet on screen: the workbook, the sheet's name and its drawn table (with the sheet's settings). */
export interface ShownSheet {
  readonly wb: PreviewWorkbook;
  readonly sheet: string;
  readonly view: SheetView;
}

/** The validation that covers the cell, if any. */
export function validationAt(s: ShownSheet, p: Pos): ValidationOp | undefined {
  return s.view.meta.validations.find((v) => rectContains(gridRect(v.range), p));
}

/** Whether the validation is a drop-down (a list, fixed or from a range). */
export function isList(v: ValidationOp | undefined): v is ValidationOp {
  const kind = v?.rule.kind;
  return kind === 'list' || kind === 'listFromRange';
}

/** The values a drop-down offers (a range's values as they are now). */
export function listOf(s: ShownSheet, v: ValidationOp): string[] {
  if (v.rule.kind === 'list') return v.rule.values;
  if (v.rule.kind === 'listFromRange') return s.wb.evaluateList(s.sheet, v.rule.source);
  return [];
}

/** The active cell shows its drop-down arrow when it has a list, as in both hosts. */
export function markListArrow(s: ShownSheet, p: Pos): void {
  s.view.table.querySelector('td.pv-has-list')?.classList.remove('pv-has-list');
  if (isList(validationAt(s, p))) s.view.td(p)?.classList.add('pv-has-list');
}

/** The column's header, when the sheet has a header row. */
export function headerOf(s: ShownSheet, col: number): string {
  return s.view.meta.headerRows > 0 ? s.wb.inputOf(s.sheet, 0, col) : '';
}

/** What the user calls the cell's column: its header, or a setting's label left of it. */
export function subjectOf(s: ShownSheet, p: Pos, v: ValidationOp): string {
  const r = gridRect(v.range);
  const label = r.top === r.bottom && r.left === r.right && p.col > 0 ? s.wb.inputOf(s.sheet, p.row, p.col - 1) : '';
  return label || headerOf(s, p.col) || columnCalled(colLetter(p.col));
}

/** What the formula bar and the editor show for a cell: its input, a date as a date. */
export function inputText(s: ShownSheet, p: Pos): string {
  return editText(s.wb.inputOf(s.sheet, p.row, p.col), s.view.formatAt(p.row, p.col));
}

/** What the status line says of the active cell: its error message, its column's help, or the sheet's note. */
export function cellStatus(s: ShownSheet, p: Pos, address: string): { text: string; kind: StatusKind } {
  const value = s.wb.value(s.sheet, p.row, p.col);
  const v = validationAt(s, p);
  if (value instanceof DetailedCellError)
    return { text: atCell(address, `${value.value} ${value.message ?? ''}`), kind: 'error' };
  if (v?.help) return { text: atCell(address, v.help), kind: 'info' };
  return { text: s.view.meta.note ?? '', kind: 'info' };
}
