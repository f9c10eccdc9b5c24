/**
 * The preview grid keeps its state private (issue #24): the keyboard, mouse and clipboard modules read the
 * selection, the editing mode and what was copied through preview/page/grid-control.ts and ask for changes; none
 * of them can write it. The `@ts-expect-error` lines are the compile-time proof (`npm run typecheck`); the test
 * checks the same at run time: what is readable is a getter with no setter.
 */
import { Grid } from '../../preview/page/grid';
import type { ClipboardGrid, KeyboardGrid, MouseGrid } from '../../preview/page/grid-control';
import { single } from '../../preview/selection';

/** Never called: the assignments below must not compile. */
export function writesRefused(grid: Grid, keys: KeyboardGrid, mouse: MouseGrid, clip: ClipboardGrid): void {
  // @ts-expect-error the selection changes through select()
  grid.sel = single({ row: 0, col: 0 });
  // @ts-expect-error the mode changes through startEdit(), commit(), cancel()
  grid.mode = 'edit';
  // @ts-expect-error the sheet changes through show()
  grid.activeSheet = 'Other';
  // @ts-expect-error what was copied is kept with remember() and forgotten with forget()
  grid.clip = undefined;
  // @ts-expect-error the editing session is private
  grid.session.mode = 'edit';
  // @ts-expect-error the sheet's table is the grid's
  void grid.view;
  // @ts-expect-error the keyboard sees no workbook: it asks filled() and used()
  void keys.wb;
  // @ts-expect-error the mouse does not change the mode
  mouse.mode = 'ready';
  // @ts-expect-error the clipboard does not reach into the formula bar
  void clip.bar;
}

test('the selection, the mode and the active sheet are read-only getters of the grid', () => {
  for (const name of ['sel', 'mode', 'activeSheet']) {
    const d = Object.getOwnPropertyDescriptor(Grid.prototype, name);
    expect({ name, get: typeof d?.get, set: typeof d?.set }).toEqual({ name, get: 'function', set: 'undefined' });
  }
});
