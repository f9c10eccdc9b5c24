/**
 * The question before a template's computed cell is replaced (the rule and its words are in
 * ../computed-cells.ts): a commit over such a cell asks first; Replace commits what was typed, Cancel
 * keeps the formula. The answer lives in the editing session (edit-session.ts): while the question is
 * open no other commit runs, and the cell the user agreed to replace is written by the next commit
 * there without asking again.
 */
import { replacesComputed } from '../computed-cells';
import { overwriteQuestion } from '../messages';
import type { Pos } from '../selection';
import { confirmDialog } from './dialog';

/** The session's part of the question: whether it is open, and the cell the user agreed to replace. */
export interface Confirmation {
  asking: boolean;
  agreed: Pos | undefined;
}

/**
 * Whether committing `text` over a cell holding `input` must ask first: a template's formula about to be
 * replaced, unless the user already agreed for this cell (the agreement is used up).
 */
export function mustAsk(c: Confirmation, p: Pos, input: string, text: string, templateSheet: boolean): boolean {
  if (c.agreed?.row === p.row && c.agreed.col === p.col) return ((c.agreed = undefined), false);
  return replacesComputed(input, text, templateSheet);
}

/** Asks whether the formula in `address` (under `header`) may be replaced; on yes, the next commit at `p` writes. */
export async function askToReplace(c: Confirmation, p: Pos, address: string, header: string): Promise<boolean> {
  c.asking = true;
  const sure = await confirmDialog(document.body, overwriteQuestion(address, header));
  c.asking = false;
  if (sure) c.agreed = p;
  return sure;
}
