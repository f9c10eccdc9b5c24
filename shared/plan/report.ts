/**
 * What both host executors tell the user after an insert, and how they carry a host error:
 * host-neutral wording and helpers shared by apps-script/ and excel-addin/ (pure: no host calls).
 */
import type { RenderPlan } from './plan';

/** A sheet whose preferred name was taken, and the name it got instead. */
export interface Renamed {
  wanted: string;
  used: string;
}

/** What every insert tells the panel: the sheets it created or added to, and a sentence for the user. Plain JSON. */
export interface InsertResult {
  /** Names of the sheets created, in order (may differ from the template's names after a clash: "Roadmap (2)"). */
  sheets: string[];
  message: string;
}

/** What a template insert created, in Sheets or Excel: plain JSON, so google.script.run can return it to the sidebar. */
export interface InsertReport extends InsertResult {
  templateId: string;
  title: string;
  /** Named ranges created. */
  namedRanges: string[];
  /** Excel tables created (Excel only: Sheets has no table objects). */
  tables?: string[];
  /** Sheet names that differ from the template's because the workbook already had them. */
  renamed: Renamed[];
  /** Excel: the ids of the worksheets this insert created, as its own batch returned them (plan order). */
  sheetIds?: string[];
}

/** What inserting a chart for the selected range did (`sheets`: the sheet the chart was added to). */
export interface ChartInsertReport extends InsertResult {
  /** Top-left cell of the chart. */
  anchor: string;
}

/** The sheets of `resolved` whose names differ from the compiled plan's (same order, same keys). */
export function renamedSheets(original: RenderPlan, resolved: RenderPlan): Renamed[] {
  return original.sheets
    .map((s, i) => ({ wanted: s.name, used: resolved.sheets[i].name }))
    .filter((r) => r.wanted !== r.used);
}

/** The message shown after a successful insert (same wording in both hosts). */
export function successMessage(title: string, sheets: string[], renamed: Renamed[]): string {
  const list = sheets.map((s) => `"${s}"`).join(', ');
  let msg =
    sheets.length === 1
      ? `Inserted ${title} as the new sheet ${list}.`
      : `Inserted ${title}: ${sheets.length} new sheets (${list}).`;
  if (renamed.length > 0) {
    msg += ` ${renamed.map((r) => `"${r.wanted}"`).join(', ')} already existed, so the new ${renamed.length === 1 ? 'sheet got a fresh name' : 'sheets got fresh names'}; your sheets were not changed.`;
  }
  return msg;
}

/** What a failed insert's clean-up did, as the executor found it. */
export interface Cleanup {
  /** Sheets this insert had added and removed again. */
  removed: string[];
  /** Sheets this insert had added, or may have added, and that are still there. */
  left: string[];
  /** Why removing them failed. */
  failed?: string;
  /** The host did not say how far the insert got, so nothing was removed. */
  uncertain?: boolean;
}

const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');
const sheetWord = (n: number): string => (n === 1 ? 'sheet' : 'sheets');

/**
 * The message of an insert that failed, the same in both hosts, saying exactly what happened:
 * `Roadmap was not inserted: Excel reported "…". The sheet "Roadmap" was created by someone else (another
 * pane, a second click or a co-author) while this insert ran; it was left as it is: insert again for a fresh
 * name. Nothing was added. Nothing else was changed.`
 */
export function insertFailedMessage(
  title: string,
  cause: string,
  cleanup: Cleanup,
  takenBySomeoneElse?: { kind: 'sheet' | 'name'; name: string },
): string {
  let msg = `${title} was not inserted: ${cause}.`;
  if (takenBySomeoneElse) {
    const what = takenBySomeoneElse.kind === 'sheet' ? 'sheet' : 'name';
    msg += ` The ${what} "${takenBySomeoneElse.name}" was created by someone else (another pane, a second click or a co-author) while this insert ran; it was left as it is: insert again for a fresh name.`;
  }
  const { removed, left } = cleanup;
  if (removed.length > 0)
    msg += ` The ${sheetWord(removed.length)} it had added (${quoted(removed)}) ${removed.length === 1 ? 'was' : 'were'} removed.`;
  if (cleanup.uncertain && left.length > 0)
    msg += ` Excel did not say how far it got: if ${left.length === 1 ? 'a sheet' : 'sheets'} named ${quoted(left)} ${left.length === 1 ? 'was' : 'were'} added just now, delete ${left.length === 1 ? 'it' : 'them'}.`;
  else if (left.length > 0)
    msg += ` Removing the ${sheetWord(left.length)} it had added failed${cleanup.failed ? ` (${cleanup.failed})` : ''}: delete ${quoted(left)} by hand.`;
  else if (removed.length === 0) msg += ' Nothing was added.';
  return `${msg} Nothing else was changed.`;
}

/**
 * Another insert kept the spreadsheet's lock too long (Sheets: LockService's document lock):
 * `Roadmap was not inserted: another insert into this spreadsheet (from the menu, the sidebar or another editor)
 * was still running after 30 seconds. Nothing was changed; insert again when it has finished.`
 */
export function insertBusyMessage(what: string, seconds: number): string {
  return `${what} was not inserted: another insert into this spreadsheet (from the menu, the sidebar or another editor) was still running after ${seconds} seconds. Nothing was changed; insert again when it has finished.`;
}

/** An Error with the host's original error attached as `cause` (lib ES2020 has no Error options). */
export function withCause(message: string, cause: unknown): Error {
  const err = new Error(message) as Error & { cause?: unknown };
  err.cause = cause;
  return err;
}

/** The message of an error from any realm (host errors are not always `instanceof Error` here). */
export function hostErrorText(e: unknown): string {
  const m = e && typeof e === 'object' && 'message' in e ? (e as { message: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}
