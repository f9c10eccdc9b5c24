/**
 * Undo and redo over commands (commands.ts): running a command keeps its inverse on the undo stack;
 * undoing applies that inverse and keeps the inverse's inverse for redo. A new change clears redo, as
 * in every spreadsheet. The stack keeps the last LIMIT steps, and at most CELL_LIMIT cells' worth of
 * earlier contents (a 40,000 × 14 paste keeps 560,000); when the oldest steps go, the step that made them
 * go says so (`dropped`), and Undo at the bottom of a trimmed history says why it stops there.
 */
import type { Command, Focus } from './commands';
import type { PreviewWorkbook } from './workbook';
import { nothingMoreToUndo, undoDropped } from './messages';

/** Steps kept: more than a working session makes (docs/preview.md). */
export const LIMIT = 1000;
/** Cells of earlier contents kept for undo, all steps together (the newest step is always kept). */
export const CELL_LIMIT = 5_000_000;

export interface Step {
  label: string;
  focus: Focus;
  /** What to tell the user when this change made the oldest steps go. */
  dropped?: string;
}

export class History {
  private readonly undos: Command[] = [];
  private readonly weights: number[] = [];
  private weight = 0;
  private redos: Command[] = [];
  /** Steps let go since the page opened. */
  droppedSteps = 0;

  constructor(private readonly wb: PreviewWorkbook) {}

  /** Applies a change and remembers how to undo it. Throws (and remembers nothing) when the change fails. */
  run(cmd: Command): Step {
    const done = cmd.apply(this.wb);
    this.undos.push(done.inverse);
    const w = done.inverse.cells ?? 1;
    this.weights.push(w);
    this.weight += w;
    this.redos = [];
    const dropped = this.trim();
    return { label: cmd.label, focus: done.focus, ...(dropped ? { dropped } : {}) };
  }

  /** Lets the oldest steps go while over a limit; the sentence saying so, if any went. */
  private trim(): string | undefined {
    let last: Command | undefined;
    while (this.undos.length > LIMIT || (this.weight > CELL_LIMIT && this.undos.length > 1)) {
      last = this.undos.shift();
      this.weight -= this.weights.shift() ?? 0;
      this.droppedSteps++;
    }
    return last ? undoDropped(LIMIT, CELL_LIMIT, last.label) : undefined;
  }

  canUndo(): boolean {
    return this.undos.length > 0;
  }

  canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** Why Undo does nothing now: nothing was done, or the earlier steps were let go. */
  nothingToUndo(): string {
    return nothingMoreToUndo(this.droppedSteps, LIMIT);
  }

  /** Undoes the last change; undefined when there is none. */
  undo(): Step | undefined {
    const cmd = this.undos.pop();
    if (!cmd) return undefined;
    this.weight -= this.weights.pop() ?? 0;
    const done = cmd.apply(this.wb);
    this.redos.push(done.inverse);
    return { label: cmd.label, focus: done.focus };
  }

  /** Applies again the last change undone; undefined when there is none. */
  redo(): Step | undefined {
    const cmd = this.redos.pop();
    if (!cmd) return undefined;
    const done = cmd.apply(this.wb);
    this.undos.push(done.inverse);
    const w = done.inverse.cells ?? 1;
    this.weights.push(w);
    this.weight += w;
    return { label: cmd.label, focus: done.focus };
  }
}
