/**
 * What the sheet tabs (sheet-tabs.ts) do to the workbook through the grid: show a sheet, add one, rename
 * one (a name the hosts would refuse is refused here, with why) and delete one after saying what it
 * breaks (../sheet-references.ts). Each is a command of the grid's undo history, so Ctrl+Z undoes it.
 */
import { addSheet, removeSheets, renameSheet, type Command } from '../commands';
import { deletedSheet, GRID_LABELS, KEEP_ONE_SHEET, renamedSheet, STEP } from '../messages';
import { sheetNameProblem } from '../sheet-names';
import { usersOf } from '../sheet-references';
import { deleteSheetQuestion } from '../messages';
import type { PreviewWorkbook } from '../workbook';
import { confirmDialog } from './dialog';
import type { StatusKind } from './grid-control';
import type { TabsModel } from './sheet-tabs';

/** What the tabs need of the grid. */
export interface SheetsHost {
  readonly wb: PreviewWorkbook;
  readonly activeSheet: string;
  show(sheet: string): void;
  focusGrid(): void;
  run(cmd: Command, follow?: boolean): boolean;
  say(text: string, kind?: StatusKind): void;
  statusText(): string;
}

/** The tabs' view of the workbook and what their clicks and menu do. */
export function tabsModel(grid: SheetsHost): TabsModel {
  return {
    names: () => grid.wb.sheetNames(),
    active: () => grid.activeSheet,
    tabColor: (n) => grid.wb.metaOf(n).tabColor,
    onSelect: (n, by) => {
      grid.show(n);
      if (by === 'click') grid.focusGrid();
    },
    onAdd: () => grid.run(addSheet(STEP.addSheet, grid.wb.nextUserSheetName(), grid.activeSheet)),
    onRename: (from, to) => renameTo(grid, from, to),
    onDelete: (n) => void deleteSheet(grid, n),
  };
}

/** Renames a sheet; returns why not (the tab's input stays open) or undefined when done. */
function renameTo(grid: SheetsHost, from: string, to: string): string | undefined {
  const problem = sheetNameProblem(
    to,
    grid.wb.sheetNames().filter((n) => n !== from),
  );
  if (problem) return (grid.say(problem, 'error'), problem);
  if (!grid.run(renameSheet(STEP.renameSheet(from), from, to.trim()))) return grid.statusText();
  grid.say(renamedSheet(from, to.trim()), 'ok');
  return undefined;
}

/** Deletes a sheet once the user agrees (the last sheet stays); the next tab, or the one before, is shown. */
async function deleteSheet(grid: SheetsHost, name: string): Promise<void> {
  if (grid.wb.sheetNames().length === 1) return grid.say(KEEP_ONE_SHEET, 'error');
  const question = deleteSheetQuestion(name, usersOf(grid.wb, name));
  const sure = await confirmDialog(document.body, { ...question, confirm: GRID_LABELS.deleteSheet });
  if (!sure) return grid.focusGrid();
  const names = grid.wb.sheetNames();
  const next = names[names.indexOf(name) + 1] ?? names[names.indexOf(name) - 1];
  if (grid.run(removeSheets(STEP.deleteSheet(name), [name], next))) grid.say(deletedSheet(name), 'ok');
}
