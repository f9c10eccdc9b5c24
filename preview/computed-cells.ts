/**
 * Computed cells are guarded (issue #18, item 2) in the preview as Google Sheets guards a range protected
 * with a warning only: typing over a cell a template computes asks first; the user can go ahead (their
 * value replaces the formula, and Undo brings it back) or keep the formula. Tab and Enter skip nothing.
 * No DOM here: the question's words and the rule, for the grid and the tests.
 */

/** Whether committing `typed` over a cell holding `input` on a template's sheet replaces a computed value. */
export function replacesComputed(input: string, typed: string, templateSheet: boolean): boolean {
  return templateSheet && input.startsWith('=') && typed !== input;
}
