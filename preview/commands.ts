/**
 * Every change the preview makes to its workbook is a small command: applying it changes the workbook
 * and returns its inverse (the command that undoes it), so undo and redo are the same operation for
 * edits, pastes, clears, template and chart inserts, and sheets added, renamed or deleted. Each
 * application also says where the user should look (the sheet and cells it changed). No DOM here.
 */
import type { GridRect } from '../shared/a1/a1';
import type { ChartOp, RenderPlan } from '../shared/plan/plan';
import type { PreviewWorkbook, SheetsSnapshot } from './workbook';

/** Where to look after a command ran: the sheet to show and the cells to select. */
export interface Focus {
  sheet?: string;
  rect?: GridRect;
}

export interface Applied {
  inverse: Command;
  focus: Focus;
}

export interface Command {
  /** What it does, for "Undid …" messages: "Edit C2", "Paste A1:B3", "Insert Roadmap". */
  readonly label: string;
  /** Cells it writes, for the undo history's memory budget (history.ts); unset counts as one. */
  readonly cells?: number;
  apply(wb: PreviewWorkbook): Applied;
}

function rectOf(top: number, left: number, inputs: string[][]): GridRect {
  const width = inputs.reduce((w, r) => Math.max(w, r.length), 0);
  return { top, left, bottom: top + inputs.length - 1, right: left + Math.max(width, 1) - 1 };
}

/**
 * Writes a block of inputs ("" clears a cell). Inverse: the block as it was (written back as it was:
 * `restoring`, see PreviewWorkbook.setInputs).
 */
export function setCells(
  label: string,
  sheet: string,
  top: number,
  left: number,
  inputs: string[][],
  restoring = false,
): Command {
  return {
    label,
    cells: inputs.reduce((n, row) => n + row.length, 0),
    apply(wb) {
      const rect = rectOf(top, left, inputs);
      const before = wb.inputs(sheet, rect);
      wb.setInputs(sheet, top, left, inputs, restoring);
      return { inverse: setCells(label, sheet, top, left, before, true), focus: { sheet, rect } };
    },
  };
}

/** Clears a rectangle. */
export function clearCells(label: string, sheet: string, r: GridRect): Command {
  const blank = Array.from({ length: r.bottom - r.top + 1 }, () => Array<string>(r.right - r.left + 1).fill(''));
  return setCells(label, sheet, r.top, r.left, blank);
}

/** Cells of one sheet. */
export interface Area {
  sheet: string;
  rect: GridRect;
}

/**
 * A change that is first made another way (the engine's own copy and paste, which shifts relative
 * references as spreadsheets do) and recorded: the cells of the areas it may touch are kept as they were
 * before, so its inverse is a plain cell write per area (and that write's inverse, the redo, writes them
 * as the change left them). Looks at the first area.
 */
export function recorded(label: string, areas: Area[], run: (wb: PreviewWorkbook) => void): Command {
  return {
    label,
    apply(wb) {
      const before = areas.map((a) =>
        setCells(label, a.sheet, a.rect.top, a.rect.left, wb.inputs(a.sheet, a.rect), true),
      );
      run(wb);
      return { inverse: compound(label, before), focus: { sheet: areas[0].sheet, rect: areas[0].rect } };
    },
  };
}

/** Several commands as one step: applied in order, undone in reverse order; looks where the last one looked. */
export function compound(label: string, commands: Command[]): Command {
  return {
    label,
    cells: commands.reduce((n, c) => n + (c.cells ?? 1), 0),
    apply(wb) {
      const inverses: Command[] = [];
      let focus: Focus = {};
      for (const c of commands) {
        const done = c.apply(wb);
        inverses.unshift(done.inverse);
        focus = { ...focus, ...done.focus };
      }
      return { inverse: compound(label, inverses), focus };
    },
  };
}

/** Removes sheets whole (with the names on them). Inverse: restores them; after removal, show `then`. */
export function removeSheets(label: string, sheets: string[], then?: string): Command {
  return {
    label,
    apply(wb) {
      const snapshot = wb.removeSheets(sheets);
      return { inverse: restoreSheets(label, snapshot, then), focus: { sheet: then ?? wb.sheetNames()[0] } };
    },
  };
}

function restoreSheets(label: string, snapshot: SheetsSnapshot, then?: string): Command {
  return {
    label,
    cells: snapshot.sheets.reduce((n, s) => n + s.contents.reduce((m, row) => m + row.length, 0), 0),
    apply(wb) {
      wb.restoreSheets(snapshot);
      const names = snapshot.sheets.map((s) => s.name);
      return { inverse: removeSheets(label, names, then), focus: { sheet: names[0] } };
    },
  };
}

/**
 * Inserts a template's plan. `from` is the sheet shown before (undo goes back to it). Inverse: removes
 * exactly the sheets and names the insert added; redo puts those same sheets back.
 */
export function insertTemplate(
  label: string,
  plan: RenderPlan,
  from: string,
  onInsert?: (activate: string, notes: string[]) => void,
): Command {
  return {
    label,
    apply(wb) {
      const starter = untouchedStarter(wb);
      const out = wb.insertPlan(plan);
      onInsert?.(out.activate, out.notes);
      const remove = removeSheets(label, out.sheets, from);
      if (!starter) return { inverse: remove, focus: { sheet: out.activate } };
      // The first template replaces the new workbook's empty "Sheet1" (nothing of the user's is in it); undo brings it back first.
      const dropped = wb.removeSheets([starter]);
      return {
        inverse: compound(label, [restoreSheets(label, dropped, from), remove]),
        focus: { sheet: out.activate },
      };
    },
  };
}

/** The new workbook's one sheet, still empty (no cell, no chart): a first template insert replaces it. */
function untouchedStarter(wb: PreviewWorkbook): string | undefined {
  const names = wb.sheetNames();
  if (names.length !== 1 || !wb.isUserSheet(names[0])) return undefined;
  const empty = wb.dimensions(names[0]).rows === 0 && wb.metaOf(names[0]).charts.length === 0;
  return empty ? names[0] : undefined;
}

/** Adds an empty sheet with this name. Inverse: removes it. */
export function addSheet(label: string, name: string, from: string): Command {
  return {
    label,
    apply(wb) {
      const added = wb.addUserSheet(name);
      return { inverse: removeSheets(label, [added], from), focus: { sheet: added } };
    },
  };
}

/** Renames a sheet. Inverse: the name back. */
export function renameSheet(label: string, from: string, to: string): Command {
  return {
    label,
    apply(wb) {
      wb.renameSheet(from, to);
      return { inverse: renameSheet(label, to, from), focus: { sheet: to } };
    },
  };
}

/** Adds a chart to a sheet (drawn from the sheet's cells). Inverse: removes that chart. */
export function addChart(label: string, sheet: string, op: ChartOp): Command {
  return {
    label,
    apply(wb) {
      wb.metaOf(sheet).charts.push(op);
      wb.notify('cells');
      return { inverse: removeChart(label, sheet, op), focus: { sheet } };
    },
  };
}

function removeChart(label: string, sheet: string, op: ChartOp): Command {
  return {
    label,
    apply(wb) {
      const charts = wb.metaOf(sheet).charts;
      const i = charts.indexOf(op);
      if (i >= 0) charts.splice(i, 1);
      wb.notify('cells');
      return { inverse: addChart(label, sheet, op), focus: { sheet } };
    },
  };
}
