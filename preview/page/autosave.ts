/**
 * Keeps the preview's work: the workbook is saved to the browser's storage (localStorage) shortly after every
 * change and restored when the page loads again (after a reload or a crashed tab); leaving the page with changes
 * that could not be saved (storage full or refused) asks first (the browser's own "Leave site?" prompt).
 */
import type { PreviewWorkbook } from '../executor';
import { restoreWorkbook, saveWorkbook, STORAGE_KEY } from '../persist';
import { notSaved } from './messages';

/** How long after a change the workbook is saved (ms): one save for a burst of edits. */
const DELAY = 400;

/** The workbook saved by an earlier visit, if any. */
export function restoreSaved(storage: Storage): PreviewWorkbook | undefined {
  try {
    return restoreWorkbook(storage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage refused (private mode, blocked cookies)
  }
}

/** Saves on change; asks before leaving while changes are not saved. Returns whether everything is saved. */
export function attachAutosave(wb: PreviewWorkbook, storage: Storage, say: (text: string) => void): () => boolean {
  let dirty = false;
  let told = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    timer = undefined;
    try {
      storage.setItem(STORAGE_KEY, saveWorkbook(wb));
      dirty = false;
      told = false;
    } catch (e) {
      if (!told) say(notSaved(e instanceof Error ? e.message : String(e)));
      told = true;
    }
  };
  wb.onChange(() => {
    dirty = true;
    if (timer === undefined) timer = setTimeout(save, DELAY);
  });
  window.addEventListener('beforeunload', (e) => {
    if (!dirty) return;
    if (timer !== undefined) clearTimeout(timer);
    save();
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });
  return () => !dirty;
}
