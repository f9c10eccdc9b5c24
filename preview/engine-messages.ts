/** The sentences the preview's formula guard shows as cell errors (preview/engine/guard.ts). */

const count = (n: number): string => n.toLocaleString('en-US');

/** A typed formula names a range too large for the preview to compute. */
export const rangeTooBig = (ref: string, cells: number, cap: number): string =>
  `The range ${ref} covers ${count(cells)} cells; the preview computes ranges of at most ${count(cap)} cells. Use a smaller range.`;

/** REPT would make a text longer than a cell holds. */
export const reptTooLong = (length: number, cap: number): string =>
  `REPT would make ${count(length)} characters; a cell holds at most ${count(cap)}.`;

export const reptNegative = 'REPT needs a count of 0 or more.';
