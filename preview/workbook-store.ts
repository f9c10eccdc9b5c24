/**
 * The preview's workbook as a plain record the browser can keep (IndexedDB, page/autosave.ts) and the
 * workbook rebuilt from it: every sheet in tab order with its cells as the engine holds them (formulas
 * as text, texts quoted, refused formulas still inside their guard), its grid metadata and the workbook
 * names. The record is read back as untrusted: a record of another shape is refused, never half-loaded.
 * No DOM here.
 */
import type { RawCellContent } from 'hyperformula';
import { guardFormula } from './engine/guard';
import { PreviewWorkbook, type SheetsSnapshot } from './workbook';

/** Bumped when the record's shape changes; a record of another version is not read. */
export const STORE_VERSION = 1;

export interface SavedWorkbook {
  version: number;
  /** When it was kept (ms since 1970). */
  savedAt: number;
  /** Sheets in tab order, their cells and metadata, and the workbook names. */
  snapshot: SheetsSnapshot;
}

/** The workbook as it is now, ready to keep. */
export function toSaved(wb: PreviewWorkbook, now: number): SavedWorkbook {
  const snapshot: SheetsSnapshot = {
    sheets: wb.sheetNames().map((name, index) => ({
      name,
      index,
      meta: plainCopy(wb.metaOf(name)),
      contents: wb.contentsOf(name),
    })),
    names: wb.hf.listNamedExpressions().map((name) => ({ name, expression: wb.hf.getNamedExpressionFormula(name)! })),
  };
  return { version: STORE_VERSION, savedAt: now, snapshot };
}

/** A deep copy through JSON (metadata is JSON-safe: the compiler's plans are). */
function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Whether a record read from storage has the shape toSaved writes (checked before anything is built). */
export function isSavedWorkbook(v: unknown): v is SavedWorkbook {
  const r = v as SavedWorkbook | null;
  if (!r || typeof r !== 'object' || r.version !== STORE_VERSION || typeof r.savedAt !== 'number') return false;
  const s = r.snapshot;
  if (!s || !Array.isArray(s.sheets) || !Array.isArray(s.names) || s.sheets.length === 0) return false;
  return (
    s.sheets.every(
      (sh) =>
        typeof sh?.name === 'string' &&
        typeof sh.index === 'number' &&
        typeof sh.meta === 'object' &&
        sh.meta !== null &&
        Array.isArray(sh.contents) &&
        sh.contents.every((row) => Array.isArray(row)),
    ) && s.names.every((n) => typeof n?.name === 'string' && typeof n.expression === 'string')
  );
}

/**
 * The workbook rebuilt from a kept record (throws on a record the engine refuses). Its formulas pass the
 * engine's guard again, as typed formulas do.
 */
export function fromSaved(saved: SavedWorkbook): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  const guarded = (c: RawCellContent): RawCellContent =>
    typeof c === 'string' && c.startsWith('=') ? guardFormula(c) : c;
  wb.restoreSheets({
    ...saved.snapshot,
    sheets: saved.snapshot.sheets.map((s) => ({ ...s, contents: s.contents.map((row) => row.map(guarded)) })),
  });
  return wb;
}

/** About how many bytes the record takes (texts at two bytes a character), without serialising it. */
export function estimateBytes(saved: SavedWorkbook): number {
  let bytes = 0;
  for (const s of saved.snapshot.sheets) {
    bytes += JSON.stringify(s.meta).length * 2;
    for (const row of s.contents) for (const c of row) bytes += typeof c === 'string' ? 2 * c.length + 8 : 16;
  }
  return bytes;
}
