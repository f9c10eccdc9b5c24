/**
 * Nothing lost on a crash or reload: the workbook is kept in this browser's IndexedDB shortly after each
 * change (debounced), brought back when the page opens (a bar says so and offers to start fresh), and
 * leaving the page while a change is neither kept nor downloaded asks first (beforeunload). The record
 * is ../workbook-store.ts's; one per origin (127.0.0.1 and the port): `npm start -- --port 8080` keeps the
 * same store across restarts of the server.
 */
import { h } from '../../ui/dom';
import type { PreviewWorkbook } from '../workbook';
import * as msg from '../messages';
import { estimateBytes, fromSaved, isSavedWorkbook, toSaved, type SavedWorkbook } from '../workbook-store';
import { confirmDialog } from './dialog';

const DB_NAME = 'tech-strategy-toolkit-preview';
const STORE = 'workbook';
const KEY = 'current';
/**
 * Quiet time after a change before the workbook is kept: at least this, and four times what the last keep
 * took (a 40,000-row sheet takes ~0.4 s to keep, so typing in it is not interrupted at every cell), at
 * most MAX_KEEP_AFTER_MS.
 */
export const KEEP_AFTER_MS = 600;
export const MAX_KEEP_AFTER_MS = 10_000;
/** The largest record kept (IndexedDB allows more; a tab should not spend more on it). */
export const KEEP_BUDGET_BYTES = 200e6;

type Tell = (text: string, kind: 'info' | 'error' | 'ok') => void;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error(String(r.error)));
  });
}

function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function inStore<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(act(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    return result;
  } finally {
    db.close();
  }
}

/** The workbook kept in this browser, rebuilt; `failed` when a record was there but could not be read. */
export async function keptWorkbook(): Promise<{ wb?: PreviewWorkbook; savedAt?: Date; failed?: boolean }> {
  let record: unknown;
  try {
    record = await inStore('readonly', (s) => s.get(KEY));
  } catch {
    return {}; // no IndexedDB (a locked-down browser): the page starts empty, as before
  }
  if (record === undefined) return {};
  if (!isSavedWorkbook(record)) return { failed: true };
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r))); // "Opening…" shows while a large one loads
  try {
    return { wb: fromSaved(record), savedAt: new Date(record.savedAt) };
  } catch {
    return { failed: true };
  }
}

/** Keeps the workbook after each change; knows whether the latest change is kept. */
export class Autosave {
  /** A change is neither kept in the browser nor downloaded. */
  unsaved = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private told = false;
  private lastKeepMs = 0;

  constructor(
    private readonly wb: PreviewWorkbook,
    private readonly tell: Tell,
    private readonly now: () => number = () => Date.now(),
  ) {
    wb.onChange(() => this.changed());
    window.addEventListener('beforeunload', (e) => {
      if (!this.unsaved) return;
      e.preventDefault();
      e.returnValue = ''; // older Chromium needs it set; the browser words its own question
    });
  }

  changed(): void {
    this.unsaved = true;
    clearTimeout(this.timer);
    const wait = Math.min(MAX_KEEP_AFTER_MS, Math.max(KEEP_AFTER_MS, 4 * this.lastKeepMs));
    this.timer = setTimeout(() => void this.keepNow(), wait);
  }

  /** Keeps the workbook now (after any keep under way); resolves when it is stored or refused. */
  keepNow(): Promise<void> {
    clearTimeout(this.timer);
    this.saving = this.saving.then(() => this.keep());
    return this.saving;
  }

  private async keep(): Promise<void> {
    const started = performance.now();
    try {
      await this.store();
    } finally {
      this.lastKeepMs = performance.now() - started;
    }
  }

  private async store(): Promise<void> {
    let record: SavedWorkbook;
    try {
      record = toSaved(this.wb, this.now());
    } catch (e) {
      return this.refused(msg.couldNotKeep(e instanceof Error ? e.message : String(e)));
    }
    const bytes = estimateBytes(record);
    if (bytes > KEEP_BUDGET_BYTES) return this.refused(msg.tooLargeToKeep(bytes, KEEP_BUDGET_BYTES));
    try {
      await inStore('readwrite', (s) => s.put(record, KEY));
      this.unsaved = false;
      this.told = false;
    } catch (e) {
      this.refused(msg.couldNotKeep(e instanceof Error ? e.message : String(e)));
    }
  }

  /** Said once until a keep succeeds again, so the status line is not taken over at every key. */
  private refused(text: string): void {
    if (!this.told) this.tell(text, 'error');
    this.told = true;
  }

  /** The workbook was downloaded: leaving no longer loses it. */
  downloaded(): void {
    this.unsaved = false;
  }

  /** Forgets the kept workbook and opens the page empty (after asking). */
  async startFresh(): Promise<void> {
    const sure = await confirmDialog(document.body, {
      title: msg.START_FRESH,
      text: msg.START_FRESH_QUESTION,
      confirm: msg.START_FRESH,
    });
    if (!sure) return;
    clearTimeout(this.timer);
    await this.saving;
    await inStore('readwrite', (s) => s.delete(KEY));
    this.unsaved = false;
    location.reload();
  }
}

/** The bar above the sheet that says the workbook was brought back, with "Start fresh" and a close button. */
export function restoredBar(text: string, onStartFresh: () => void): HTMLElement {
  const fresh = h('button', { type: 'button', class: 'pv-restored-fresh' }, msg.START_FRESH);
  const close = h('button', { type: 'button', class: 'pv-restored-close', 'aria-label': msg.CLOSE_NOTICE }, '×');
  const bar = h('div', { class: 'pv-restored', role: 'status' }, h('span', {}, text), fresh, close);
  fresh.addEventListener('click', onStartFresh);
  close.addEventListener('click', () => bar.remove());
  return bar;
}
