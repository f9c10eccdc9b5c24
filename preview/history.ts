/**
 * Undo and redo over commands (commands.ts): running a command keeps its inverse on the undo stack;
 * undoing applies that inverse and keeps the inverse's inverse for redo. A new change clears redo, as
 * in every spreadsheet. The stack keeps the last LIMIT steps (1,000: a working session's edits; docs/preview.md
 * says so); `dropped` counts the oldest steps let go, so the page can say undo no longer reaches them.
 */
import type { Command, Focus } from './commands';
import type { PreviewWorkbook } from './executor';

export const LIMIT = 1000;

export interface Step {
  label: string;
  focus: Focus;
}

export class History {
  private readonly undos: Command[] = [];
  private redos: Command[] = [];
  /** How many of the oldest steps were let go (beyond LIMIT). */
  dropped = 0;

  constructor(private readonly wb: PreviewWorkbook) {}

  /** Applies a change and remembers how to undo it. Throws (and remembers nothing) when the change fails. */
  run(cmd: Command): Step {
    const done = cmd.apply(this.wb);
    this.undos.push(done.inverse);
    if (this.undos.length > LIMIT) {
      this.undos.shift();
      this.dropped++;
    }
    this.redos = [];
    return { label: cmd.label, focus: done.focus };
  }

  canUndo(): boolean {
    return this.undos.length > 0;
  }

  canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** Undoes the last change; undefined when there is none. */
  undo(): Step | undefined {
    const cmd = this.undos.pop();
    if (!cmd) return undefined;
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
    return { label: cmd.label, focus: done.focus };
  }
}
