/**
 * Values keep the form they were typed in (issue #18, item 4), as in Excel and Google Sheets (en-US):
 * in a Text ("@") cell what is typed stays the text typed ("99.5%", "$0", "€300K"); elsewhere a typed
 * percentage, dollar amount, grouped number or date becomes a number and the cell gets the format the
 * host gives it, so the cell still shows "99.50%", "$1,200" or "2027-03-31" — never the raw 0.995.
 *
 * Both hosts give a General cell a percentage, currency or date format when a value is typed that way
 * (Excel's number-entry recognition; Sheets' automatic number formats); the codes below are those of an
 * en-US workbook with two decimals when decimals were typed. In a cell formatted as Text ("@") both keep
 * the typed text (Excel: "the cell is treated as text even when a number is in the cell"). "€300K" is a
 * text in both (a suffix is not a number), so the engine keeps it as typed.
 */
import { ymdToSerial } from '../shared/core/args';
import { typedDate } from './refusal';

/** A typed text read as the number a host stores, with the format the host gives the cell. */
export interface TypedNumber {
  value: number;
  format: string;
  /** The text as typed (what the formula bar shows, and what undo writes back). */
  typed: string;
}

const DIGITS = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?`;
const PERCENT = new RegExp(String.raw`^([+-]?)(\d+)(\.\d+)?%$`);
const DOLLARS = new RegExp(String.raw`^([+-]?)\$${DIGITS}$`);
const GROUPED = new RegExp(String.raw`^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$`);

const sign = (s: string): number => (s === '-' ? -1 : 1);
const decimals = (frac: string | undefined): string => (frac ? '.00' : '');

/** How a host reads a typed percentage, dollar amount, grouped number or date; undefined for anything else. */
export function typedNumber(text: string): TypedNumber | undefined {
  const t = text.trim();
  const p = PERCENT.exec(t);
  if (p) return { value: (sign(p[1]) * Number(p[2] + (p[3] ?? ''))) / 100, format: `0${decimals(p[3])}%`, typed: t };
  const d = DOLLARS.exec(t) ?? GROUPED.exec(t);
  if (d) {
    const value = sign(d[1]) * Number(d[2].replace(/,/g, '') + (d[3] ?? ''));
    return { value, format: `${t.includes('$') ? '"$"' : ''}#,##0${decimals(d[3])}`, typed: t };
  }
  const ymd = typedDate(t);
  if (ymd) return { value: ymdToSerial(...ymd), format: 'yyyy-mm-dd', typed: t };
  return undefined;
}

/** The key of a cell in a sheet's typed formats. */
export const cellKey = (row: number, col: number): string => `${row},${col}`;
