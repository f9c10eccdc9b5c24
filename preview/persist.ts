/**
 * The preview's workbook kept in the browser's storage, so a reload or a crashed tab brings the work back: every
 * sheet (cells as the engine serializes them, formats, validations, charts) and the workbook names, as JSON. No DOM
 * here (preview/page/autosave.ts saves on change and asks before leaving with changes not saved).
 */
import { PreviewWorkbook, type SheetsSnapshot } from './executor';

/** The storage key of the saved workbook. */
export const STORAGE_KEY = 'tech-strategy-toolkit.preview.workbook';

interface Saved {
  version: 1;
  snapshot: SheetsSnapshot;
}

/** The workbook as the text kept in storage. */
export function saveWorkbook(wb: PreviewWorkbook): string {
  const saved: Saved = { version: 1, snapshot: wb.snapshotAll() };
  return JSON.stringify(saved);
}

function isSaved(v: unknown): v is Saved {
  const s = v as Saved | null;
  return (
    !!s &&
    s.version === 1 &&
    Array.isArray(s.snapshot?.sheets) &&
    s.snapshot.sheets.length > 0 &&
    Array.isArray(s.snapshot.names) &&
    s.snapshot.sheets.every((x) => typeof x.name === 'string' && Array.isArray(x.contents) && !!x.meta)
  );
}

/** The saved workbook, or undefined when there is none or it cannot be read (then the page starts fresh). */
export function restoreWorkbook(text: string | null): PreviewWorkbook | undefined {
  if (!text) return undefined;
  try {
    const saved: unknown = JSON.parse(text);
    if (!isSaved(saved)) return undefined;
    const wb = new PreviewWorkbook();
    wb.restoreSheets(saved.snapshot);
    return wb;
  } catch {
    return undefined;
  }
}
