/**
 * Charts on demand, phase 1 (read): the selected block as a table — where it is on the sheet, its header row and
 * data rows, and how its cells read (numbers, texts, dates, error values). See chart-from-selection.ts.
 */
import { colIndex, colLetter, type RangeRef } from '../a1/a1';
import { MAX_SERIAL, MIN_SERIAL, serialToDate } from '../core/args';
import * as msg from '../core/messages';
import { hostErrorCode, isBlank, isDateObject } from '../core/values';
import { datesAsDays, localDayOf, type DayOf } from '../dates/calendar-day';

/** A phase's refusal: the sentence telling the user what to select instead. */
export interface Refusal {
  ok: false;
  error: string;
}

export const refuse = (error: string): Refusal => ({ ok: false, error });

export function isRefusal(v: unknown): v is Refusal {
  return typeof v === 'object' && v !== null && (v as Refusal).ok === false;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Strips the sheet part of an A1 address: "'My sheet'!B3:F20" → "B3:F20". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
}

/**
 * The selection's rectangle. Whole columns ("A:F") start at row 1 and end with the values read;
 * whole rows ("3:10") start at column A. Undefined when the address is not a single block.
 */
export function selectionRect(address: string, rows: number, cols: number): RangeRef | undefined {
  const a1 = stripSheet(address);
  if (a1.includes(',')) return undefined;
  const [a, b = a] = a1.split(':');
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const colOnly = /^([A-Za-z]{1,3})$/;
  const rowOnly = /^(\d+)$/;
  let m: RegExpExecArray | null;
  let n: RegExpExecArray | null;
  if ((m = cell.exec(a)) && (n = cell.exec(b))) {
    return {
      top: Math.min(+m[2], +n[2]),
      bottom: Math.max(+m[2], +n[2]),
      left: Math.min(colIndex(m[1]), colIndex(n[1])) + 1,
      right: Math.max(colIndex(m[1]), colIndex(n[1])) + 1,
    };
  }
  if ((m = colOnly.exec(a)) && (n = colOnly.exec(b))) {
    const left = Math.min(colIndex(m[1]), colIndex(n[1])) + 1;
    return { top: 1, bottom: Math.max(rows, 1), left, right: left + Math.max(cols, 1) - 1 };
  }
  if ((m = rowOnly.exec(a)) && (n = rowOnly.exec(b))) {
    const top = Math.min(+m[1], +n[1]);
    return { top, bottom: top + Math.max(rows, 1) - 1, left: 1, right: Math.max(cols, 1) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** A valid Date from any realm (Apps Script values cross into the bundle's realm). */
export const isDate = (v: unknown): v is Date => isDateObject(v) && !Number.isNaN(v.getTime());
/** An error value as the host reads it ("#N/A", "#REF!" …): skipped like a blank, never plotted. */
export const isErrorValue = (v: unknown): boolean => typeof v === 'string' && hostErrorCode(v.trim()) !== undefined;
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isText = (v: unknown): boolean => typeof v === 'string' && !isBlank(v) && !isErrorValue(v);

export interface CalendarDate {
  y: number;
  /** 0–11. */
  m: number;
  d: number;
}

/** A cell as a calendar date, from a Date or a date serial; undefined otherwise. */
export function calendarDate(v: unknown): CalendarDate | undefined {
  // Dates arrive as UTC midnight of their day (see readTable): read in UTC.
  if (isDate(v)) return { y: v.getUTCFullYear(), m: v.getUTCMonth(), d: v.getUTCDate() };
  if (isNumber(v) && v >= MIN_SERIAL && v <= MAX_SERIAL) {
    const t = serialToDate(v);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The table

/** The selected block as the later phases see it. Columns are 0-based indexes in the selection. */
export interface SelectedTable {
  /** Where it is on the sheet (1-based), after trimming empty rows of a whole-column selection. */
  rect: RangeRef;
  header: unknown[];
  data: unknown[][];
  width: number;
  column(j: number): unknown[];
  /** The header's text, or "column E" for a blank header. */
  headerText(j: number): string;
  /** The sheet column letter of column j. */
  letter(j: number): string;
  /** The sheet row of data row i. */
  sheetRow(i: number): number;
  /** The column names found, for messages ("no column names", or up to ten names). */
  foundText: string;
}

/** What the host read, as the read phase needs it. */
export interface SelectedCells {
  address: string;
  values: unknown[][];
}

/**
 * Reads the selected block: each date cell as the day it shows in the host's zone (Sheets: the spreadsheet's),
 * at UTC midnight; one block; a header row and at least one row of data; a whole-column selection stops after
 * its last row with anything in it.
 */
export function readTable(chart: string, sel: SelectedCells, dayOf: DayOf = localDayOf): SelectedTable | Refusal {
  const values = Array.isArray(sel.values)
    ? sel.values.filter((r) => Array.isArray(r)).map((r) => datesAsDays(r, dayOf))
    : [];
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rect = selectionRect(sel.address, values.length, width);
  if (!rect) return refuse(msg.notOneBlock(chart, sel.address));
  if (values.length < 2 || width === 0)
    return refuse(msg.needHeaderAndData(chart, stripSheet(sel.address), values.length));
  if (!/^[A-Za-z]+:[A-Za-z]+$/.test(stripSheet(sel.address))) return tableOf(rect, values, width);
  const rows = trimBlankRows(values);
  rect.bottom = rect.top + rows.length - 1;
  return tableOf(rect, rows, width);
}

/** Whole-column selections: the rows up to the last with anything in it (the header and one row at least). */
function trimBlankRows(rows: unknown[][]): unknown[][] {
  let last = rows.length - 1;
  while (last > 1 && rows[last].every(isBlank)) last--;
  return rows.slice(0, last + 1);
}

function tableOf(rect: RangeRef, rows: unknown[][], width: number): SelectedTable {
  const header = Array.from({ length: width }, (_, j) => rows[0][j]);
  const data = rows.slice(1);
  const letter = (j: number): string => colLetter(rect.left - 1 + j);
  const headerText = (j: number): string => (isBlank(header[j]) ? `column ${letter(j)}` : String(header[j]).trim());
  const found = header.map((h, j) => (isBlank(h) ? '' : headerText(j))).filter(Boolean);
  const foundText =
    found.length === 0
      ? 'no column names'
      : found.length > 10
        ? `${found.slice(0, 10).join(', ')}, …`
        : found.join(', ');
  return {
    rect,
    header,
    data,
    width,
    column: (j) => data.map((r) => r[j]),
    headerText,
    letter,
    sheetRow: (i) => rect.top + 1 + i,
    foundText,
  };
}
