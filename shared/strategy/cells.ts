/**
 * How the strategy reader reads a cell of each column kind (spec/spec.ts `ColumnKind`) and a side-block setting. The
 * reader (read.ts) reads a file's cells with it, the self-check (self-check/columns.ts) a host's calculated values, so
 * a named evaluation (`computes.evaluate`) sees the same values from both.
 */
import { dateToSerial, isDateObject } from '../core/args';
import type { ColumnKind, SideItem } from '../spec/spec';

/** A cell as read from a file: a value, a Date, an error ({ error: "#N/A" }), or undefined (blank, or a formula without a cached result). */
export type ReadCell = string | number | boolean | Date | null | undefined | { error: string };

/** A cell as text ("" for blank or an error). */
export function text(v: ReadCell): string {
  if (v === null || v === undefined || typeof v === 'object') return isDateObject(v) ? String(dateToSerial(v)) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/** A cell as a number (dates as serial days), or undefined. */
export function num(v: ReadCell): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (isDateObject(v)) return Number.isNaN(v.getTime()) ? undefined : dateToSerial(v);
  return undefined;
}

/** A metric cell as written: a number stays a number, anything else is text. */
const metric = (v: ReadCell): string | number => (typeof v === 'number' ? v : text(v));

/** How a cell of each column kind is read. */
export const READ: Record<ColumnKind, (v: ReadCell) => string | number | undefined> = {
  text,
  number: num,
  date: num,
  metric,
};

/** A side-block setting as read (its kind), or its fallback when blank. */
export function readSetting(item: SideItem, v: ReadCell): string | number | undefined {
  if (item.kind === 'number') return num(v) ?? item.fallback;
  return text(v) || item.fallback;
}
