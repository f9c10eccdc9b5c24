/**
 * Argument types: how one cell is checked and converted before a function sees it.
 * Range constraints live here, as data on the parameter, not in function bodies.
 */
import { mustBe, mustBeBecause, NUMBER_AS_TEXT, tooLong } from './messages';
import { isSpace, scanCost, Scanner } from './scan';
import { formatNumber, hostErrorCode, isBlank, isDateObject } from './values';

export { isDateObject };

/** A failed conversion: the message is completed with the argument's label and the value. */
export interface Mismatch {
  mismatch: true;
  /** Replaces the default "must be …" text when the problem is more specific. */
  detail?: string;
}

export const MISMATCH: Mismatch = { mismatch: true };

export function isMismatch(v: unknown): v is Mismatch {
  return typeof v === 'object' && v !== null && (v as Mismatch).mismatch === true;
}

export interface ArgType<T> {
  /** What is valid, completing "Impact must be …": "a number from 1 to 10". */
  readonly expects: string;
  /** Type name for generated docs and JSDoc. */
  readonly docType: 'number' | 'string' | 'date' | 'any';
  /** Converts a non-blank, non-error cell. */
  coerce(v: unknown): T | Mismatch;
}

export interface NumberOptions {
  min?: number;
  max?: number;
  /** Strictly greater than this value. */
  above?: number;
  integer?: boolean;
}

function describeNumber(o: NumberOptions): string {
  const kind = o.integer ? 'a whole number' : 'a number';
  if (o.min !== undefined && o.max !== undefined)
    return `${kind} from ${formatNumber(o.min)} to ${formatNumber(o.max)}`;
  if (o.above !== undefined) return `${kind} greater than ${formatNumber(o.above)}`;
  if (o.min !== undefined) return `${kind} of at least ${formatNumber(o.min)}`;
  if (o.max !== undefined) return `${kind} of at most ${formatNumber(o.max)}`;
  return kind;
}

/**
 * The longest text an argument is read from. Every parser is linear in the length of its text, but a
 * cell can hold 50,000 characters and no number, date, quarter or metric is longer than a few dozen:
 * anything beyond this is refused at once with a message saying so (messages.ts `tooLong`).
 */
export const MAX_PARSED_TEXT = 1000;

/** `^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$` (case-insensitive), read by a scanner: a number written as text. */
export function isNumericText(v: string): boolean {
  const s = new Scanner(v);
  s.spaces();
  s.take('+-');
  if (s.digits() !== '') {
    if (s.take('.')) s.digits();
  } else if (!(s.take('.') && s.digits() !== '')) return false;
  if (s.take('eE')) {
    s.take('+-');
    if (s.digits() === '') return false;
  }
  s.spaces();
  return s.done;
}

/** Numbers stored as text are refused (silent coercion hides data errors) but the message says how to fix them. */
function numericTextHint(v: string): Mismatch {
  return isNumericText(v) ? { mismatch: true, detail: NUMBER_AS_TEXT } : MISMATCH;
}

export function numberArg(o: NumberOptions = {}): ArgType<number> {
  return {
    expects: describeNumber(o),
    docType: 'number',
    coerce(v) {
      if (typeof v === 'string') return numericTextHint(v);
      if (typeof v !== 'number' || !Number.isFinite(v)) return MISMATCH;
      if (o.integer && !Number.isInteger(v)) return MISMATCH;
      if (o.min !== undefined && v < o.min) return MISMATCH;
      if (o.max !== undefined && v > o.max) return MISMATCH;
      if (o.above !== undefined && !(v > o.above)) return MISMATCH;
      return v;
    },
  };
}

/** A choice among fixed texts, case-insensitive, with aliases. Returns the canonical value. */
export function choiceArg<T extends string>(choices: Record<T, readonly string[]>, expects?: string): ArgType<T> {
  const lookup = new Map<string, T>();
  for (const key of Object.keys(choices) as T[]) {
    lookup.set(normaliseChoice(key), key);
    for (const alias of choices[key]) lookup.set(normaliseChoice(alias), key);
  }
  const names = (Object.keys(choices) as T[]).map((k) => `"${k}"`);
  return {
    expects: expects ?? `one of ${names.join(', ')}`,
    docType: 'string',
    coerce(v) {
      if (typeof v !== 'string') return MISMATCH;
      return lookup.get(normaliseChoice(v)) ?? MISMATCH;
    },
  };
}

/** Trimmed, lower case, each run of spaces, "_" and "-" one space ("Quick_Win" → "quick win"); one pass. */
export function normaliseChoice(s: string): string {
  const t = s.trim().toLowerCase();
  let out = '';
  let inRun = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const sep = isSpace(c) || c === 0x5f || c === 0x2d;
    if (!sep) out += t[i];
    else if (!inRun) out += ' ';
    inRun = sep;
  }
  scanCost.steps += t.length;
  return out;
}

const MS_PER_DAY = 86400000;
/** Spreadsheet serial day 0 is 1899-12-30 in both Excel (after 1900-03-01) and Sheets. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
export const MIN_SERIAL = 1; // 1899-12-31
export const MAX_SERIAL = 2958465; // 9999-12-31

/**
 * Converts a JS Date to a spreadsheet serial day number: the calendar day of its UTC instant, time of
 * day dropped (as Excel's serials are read). Host adapters give the core each date as UTC midnight of
 * the day the cell shows in the host's zone (shared/dates/calendar-day.ts): Sheets hands dates as
 * midnight in the *spreadsheet's* zone, which no fixed rounding of the UTC value reads right for every
 * zone (UTC+13 and UTC+14 are more than half a day away).
 */
export function dateToSerial(d: Date): number {
  return Math.floor((d.getTime() - SERIAL_EPOCH_UTC) / MS_PER_DAY);
}

export function serialToDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

export function ymdToSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - SERIAL_EPOCH_UTC) / MS_PER_DAY);
}

/** `^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$`, read by a scanner: [year, month, day] of "2027-03-31" or "2027/3/31". */
export function readIsoDate(v: string): [number, number, number] | undefined {
  const s = new Scanner(v);
  s.spaces();
  const y = s.digits();
  if (y.length !== 4 || !s.take('-/')) return undefined;
  const m = s.digits();
  if (m.length < 1 || m.length > 2 || !s.take('-/')) return undefined;
  const d = s.digits();
  if (d.length < 1 || d.length > 2) return undefined;
  s.spaces();
  return s.done ? [Number(y), Number(m), Number(d)] : undefined;
}

/** Dates: a date cell (a Date in Sheets, a serial number in Excel) or an ISO text "2027-03-31". Returns a whole serial day. */
export function dateArg(): ArgType<number> {
  return {
    expects: 'a date (a date cell, a date serial number or a text like "2027-03-31")',
    docType: 'date',
    coerce(v) {
      if (isDateObject(v)) return Number.isNaN(v.getTime()) ? MISMATCH : dateToSerial(v);
      if (typeof v === 'number') {
        // Any time of 9999-12-31 (2958465.5 is its noon) is that day; the next day is past every host's calendar.
        if (!Number.isFinite(v) || v < MIN_SERIAL || v >= MAX_SERIAL + 1) return MISMATCH;
        return Math.floor(v);
      }
      if (typeof v === 'string') {
        const ymd = readIsoDate(v);
        if (!ymd) return MISMATCH;
        const [y, mo, d] = ymd;
        const dt = new Date(Date.UTC(y, mo - 1, d));
        if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return MISMATCH;
        return ymdToSerial(y, mo, d);
      }
      return MISMATCH;
    },
  };
}

/** The message for a cell that failed its type, e.g. `Impact must be a number from 1 to 10 (got "high")`. */
export function mismatchMessage(label: string, type: ArgType<unknown>, m: Mismatch, shown: string): string {
  return m.detail ? mustBeBecause(label, m.detail, shown, type.expects) : mustBe(label, type.expects, shown);
}

/**
 * Checks one cell against a type: blank, host errors, then the type's own conversion.
 * Returns the converted value, or a problem text ready for a CellError.
 */
export function checkCell<T>(
  label: string,
  type: ArgType<T>,
  v: unknown,
  show: (v: unknown) => string,
): { ok: true; value: T } | { ok: false; message: string } {
  if (isBlank(v)) return { ok: false, message: mustBe(label, type.expects, 'a blank cell') };
  const code = hostErrorCode(v);
  if (code) return { ok: false, message: mustBe(label, type.expects, `the error ${code}`) };
  if (typeof v === 'string' && v.length > MAX_PARSED_TEXT)
    return { ok: false, message: tooLong(label, type.expects, v.length, MAX_PARSED_TEXT) };
  const c = type.coerce(v);
  if (isMismatch(c)) return { ok: false, message: mismatchMessage(label, type, c, show(v)) };
  return { ok: true, value: c };
}
