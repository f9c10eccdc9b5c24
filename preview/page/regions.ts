/**
 * F6 and Shift+F6 move the keyboard between the page's regions, as F6 does between Excel's worksheet, task
 * pane and ribbon: the grid → the sheet tabs → the task pane → the toolbar → the grid. Without it the grid
 * keeps the keyboard (Tab and Shift+Tab move between cells, as in both hosts), so a keyboard user could never
 * reach the task pane's Insert or Record snapshot, the sheet tabs or Download .xlsx.
 */

/** A region of the page: its element, and how to give it the keyboard (false: nothing to focus in it now). */
export interface Region {
  root: HTMLElement;
  focus(): boolean;
}

/** The region after (step 1) or before (-1) the one holding `active`; from outside every region, the first. */
export function nextRegion(regions: readonly Region[], active: Element | null, step: 1 | -1): Region {
  const here = regions.findIndex((r) => !!active && r.root.contains(active));
  if (here < 0) return regions[0];
  return regions[(here + step + regions.length) % regions.length];
}

/** F6 / Shift+F6 anywhere on the page (heard before the grid, which would otherwise keep the key). */
export function attachRegions(regions: readonly Region[]): void {
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      const step = e.shiftKey ? -1 : 1;
      let region = nextRegion(regions, document.activeElement, step);
      // A region with nothing to focus is passed over (at most once round).
      for (let i = 0; i < regions.length && !region.focus(); i++) region = nextRegion(regions, region.root, step);
    },
    true,
  );
}

/** Focuses the first element of `root` matching `selector`; whether there was one. */
export function focusFirst(root: ParentNode, selector: string): boolean {
  const el = root.querySelector<HTMLElement>(selector);
  el?.focus();
  return !!el;
}
