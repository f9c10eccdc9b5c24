/**
 * The change since the previous snapshot, read from Progress History: for each value of the latest snapshot
 * (every metric, each theme's % complete, the health score) its value then, at the previous snapshot, and
 * the change. Pure; the Strategy Document sheet computes the same lines with native formulas
 * (shared/templates/document-changes.ts) and the Markdown document renders them (markdown.ts).
 *
 * Rules, shared with the sheet:
 * - the latest snapshot is the latest date; the previous one the latest date before it;
 * - a value recorded twice the same day counts as its last recording (a second "Record snapshot" corrects the first);
 * - names and kinds match ignoring case and extra spaces, as spreadsheet comparisons do;
 * - the change is relative for metrics ("−20%": units differ between metrics, a share does not), in percentage
 *   points for % complete and for metrics written as a percentage ("+5 pts"), in points for the health score ("+0.2").
 */
import { HISTORY_KINDS } from '../catalogue/history';
import type { HistoryRow } from './data';

export interface DocChange {
  kind: string;
  name: string;
  /** As written at the previous snapshot, undefined when the value is new since then. */
  before?: string;
  /** As written at the latest snapshot. */
  now: string;
  /** "−20%", "+5 pts", "+0.2", "no change", "changed", "from 0"; "" for a new value. */
  change: string;
}

export interface DocChanges {
  /** How many snapshot dates Progress History holds. */
  snapshots: number;
  /** The latest and the previous snapshot's dates (serial days), when they exist. */
  latest?: number;
  previous?: number;
  lines: DocChange[];
}

/** Collapses spaces as the spreadsheet TRIM does. */
export const trimmed = (s: string): string => s.replace(/\s+/g, ' ').trim();
const key = (h: Pick<HistoryRow, 'date' | 'kind' | 'name'>): string =>
  `${h.date}|${trimmed(h.kind).toLowerCase()}|${trimmed(h.name).toLowerCase()}`;

/** The spreadsheet ROUND: half away from zero. */
export function roundHalfAway(x: number, places: number): number {
  const m = 10 ** places;
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}

/** A signed change as the sheet writes it: "+5", "−20" (a true minus sign), "±0" when it rounds to nothing. */
export function signed(x: number): string {
  return x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '±0';
}

function changeOf(kind: string, before: HistoryRow, now: HistoryRow): string {
  const v0 = before.value;
  const v1 = now.value;
  if (v0 === undefined || v1 === undefined)
    return trimmed(before.shown).toLowerCase() === trimmed(now.shown).toLowerCase() ? 'no change' : 'changed';
  if (v1 === v0) return 'no change';
  const k = trimmed(kind).toLowerCase();
  if (k === HISTORY_KINDS.theme.toLowerCase()) return `${signed(roundHalfAway((v1 - v0) * 100, 0))} pts`;
  if (k === HISTORY_KINDS.health.toLowerCase()) return signed(roundHalfAway(v1 - v0, 1));
  if (trimmed(now.shown).endsWith('%')) return `${signed(roundHalfAway((v1 - v0) * 100, 1))} pts`;
  if (v0 === 0) return 'from 0';
  return `${signed(roundHalfAway(((v1 - v0) / Math.abs(v0)) * 100, 0))}%`;
}

/** The latest snapshot against the previous one (history rows in sheet order). */
export function snapshotChanges(history: HistoryRow[]): DocChanges {
  const dates = [...new Set(history.map((h) => h.date))].sort((a, b) => a - b);
  const latest = dates[dates.length - 1];
  const previous = dates.length > 1 ? dates[dates.length - 2] : undefined;
  const base: DocChanges = { snapshots: dates.length, latest, previous, lines: [] };
  if (previous === undefined) return base;
  const last = new Map<string, HistoryRow>();
  history.forEach((h) => last.set(key(h), h));
  const seen = new Set<string>();
  for (const h of history) {
    const k = key(h);
    if (h.date !== latest || last.get(k) !== h || seen.has(k)) continue;
    seen.add(k);
    const before = last.get(key({ ...h, date: previous }));
    base.lines.push({
      kind: trimmed(h.kind),
      name: trimmed(h.name),
      before: before && trimmed(before.shown),
      now: trimmed(h.shown),
      change: before ? changeOf(h.kind, before, h) : '',
    });
  }
  return base;
}

/** One line of the change as the document writes it: "p95 latency: 350ms → 280ms (−20% since 2026-10-01)". */
export function changeText(c: DocChange, since: string): string {
  return c.before === undefined
    ? `${c.name}: ${c.now} (new since ${since})`
    : `${c.name}: ${c.before} → ${c.now} (${c.change} since ${since})`;
}

/** The placeholders and the heading line of the change, shared by the Markdown document and the sheet. */
export const CHANGE_TEXTS = {
  none: '[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]',
  one: (latest: string): string => `[One snapshot so far (${latest}): the change shows once the next one is recorded]`,
  compared: (latest: string, previous: string): string => `Snapshot of ${latest} compared with ${previous}`,
  kindMissing: (latest: string): string => `[None in the snapshot of ${latest}]`,
} as const;

/** The status line of the change: what is compared, or why nothing is. */
export function changesStatus(c: DocChanges, iso: (serial: number) => string): string {
  if (c.latest === undefined) return CHANGE_TEXTS.none;
  if (c.previous === undefined) return CHANGE_TEXTS.one(iso(c.latest));
  return CHANGE_TEXTS.compared(iso(c.latest), iso(c.previous));
}
