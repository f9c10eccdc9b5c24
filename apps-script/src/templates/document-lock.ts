/**
 * One insert at a time per spreadsheet. Apps Script runs two executions of the same script in one document
 * at once (a menu insert and a sidebar insert, or two editors), and both would pick the same fresh sheet
 * names; `LockService.getDocumentLock()` makes the second wait until the first is done ("Gets a lock that
 * prevents any user of the current document from concurrently running a section of code",
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 *
 * LockService needs no OAuth scope: its reference pages list no "Authorization" section (the Spreadsheet
 * methods list spreadsheets.currentonly), so appsscript.json keeps its two scopes.
 */
import { insertBusyMessage } from '../../../shared/plan/report';

/** How long an insert waits for another one in the same spreadsheet (the Lock reference's own example waits 30 s). */
export const LOCK_WAIT_MS = 30000;

/** Runs `insert` holding the document lock; if another insert keeps it past LOCK_WAIT_MS, nothing is done. */
export function withDocumentLock<T>(
  what: string,
  insert: () => T,
  busy: (what: string, seconds: number) => string = insertBusyMessage,
): T {
  const lock = LockService.getDocumentLock();
  // null "if called from a standalone script or webapp"; whether an installed editor add-on always gets one is not
  // documented. Without it the writer runs alone on its own checks (each re-reads its target right before writing).
  if (!lock) return insert();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(busy(what, LOCK_WAIT_MS / 1000));
  try {
    return insert();
  } finally {
    lock.releaseLock();
  }
}
