/**
 * Operations on a selection stay within what the tab can hold (preview/selection-budget.ts): a clear
 * touches only the used part of the selection; a copy or fill of more than SELECTION_BUDGET cells is
 * refused with a sentence saying how many cells and what is allowed.
 */
import { cellsIn, selectionProblem, SELECTION_BUDGET, withinUsed } from '../../preview/selection-budget';
import { selectionTooLarge } from '../../preview/messages';

const rect = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

test('the used part of a selection', () => {
  expect(withinUsed(rect(0, 0, 39_999, 16_383), { rows: 5, cols: 3 })).toEqual(rect(0, 0, 4, 2));
  expect(withinUsed(rect(2, 1, 8, 8), { rows: 5, cols: 3 })).toEqual(rect(2, 1, 4, 2));
  expect(withinUsed(rect(6, 0, 9, 2), { rows: 5, cols: 3 })).toBeUndefined();
  expect(withinUsed(rect(0, 4, 2, 9), { rows: 5, cols: 3 })).toBeUndefined();
  expect(withinUsed(rect(0, 0, 0, 0), { rows: 0, cols: 0 })).toBeUndefined();
});

test('a copy or fill up to the budget is allowed; beyond it, refused with the count', () => {
  const table = rect(0, 0, 39_999, 13); // a 40,000 × 14 paste
  expect(cellsIn(table)).toBe(560_000);
  expect(selectionProblem('This copy', table)).toBeUndefined();
  const sheet = rect(0, 0, 39_999, 16_383);
  expect(selectionProblem('This copy', sheet)).toBe(selectionTooLarge('This copy', 655_360_000, SELECTION_BUDGET));
  expect(selectionProblem('This copy', sheet)).toBe(
    'This copy covers 655,360,000 cells: the preview copies and fills at most 1,000,000 at a time (select the rows and columns that hold data)',
  );
  expect(selectionProblem('This paste', rect(0, 0, 999_999, 0))).toBeUndefined();
  expect(selectionProblem('This paste', rect(0, 0, 1_000_000, 0))).toBeDefined();
});
