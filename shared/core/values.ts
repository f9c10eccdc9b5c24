/**
 * Cell values as the core sees them, and errors returned as values.
 *
 * The core never throws for bad input: every function returns a `CellError`
 * in the position of the bad row, so one bad row does not spoil the others.
 * Each host adapter turns a `CellError` into its own error (Excel:
 * `CustomFunctions.Error`, Sheets: a thrown `Error` or an error text).
 */

/** Spreadsheet error codes the core may return. `#VALUE!` carries a message in both hosts. */
export type ErrorCode = '#VALUE!' | '#N/A';

export class CellError {
  readonly isCellError = true;
  constructor(
    readonly message: string,
    readonly code: ErrorCode = '#VALUE!',
  ) {}
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

/** What a function returns for one cell: a number, a text, a blank (`""`) or an error. */
export type Result = number | string | CellError;

/** A blank result: both hosts show an empty-looking cell. */
export const BLANK = '';

export function isCellError(v: unknown): v is CellError {
  return (
    v instanceof CellError ||
    (typeof v === 'object' && v !== null && (v as { isCellError?: unknown }).isCellError === true)
  );
}

/**
 * Error codes spreadsheets show; a host may hand one to us as text or as an error object. Anchored and a fixed
 * list of literals, so it is decided within the first 14 characters of any text (constant time).
 */
const HOST_ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|UNKNOWN!)/;

/** CustomFunctions.ErrorCode enum values are the codes themselves ("#VALUE!"); its names, as a fallback. */
const ERROR_CODE_NAMES: Record<string, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/**
 * Returns the error code if `v` is an error value coming from a host
 * (an Excel `CustomFunctions.Error`, a JS Error, a core CellError or an error text like "#DIV/0!").
 */
export function hostErrorCode(v: unknown): string | undefined {
  if (isCellError(v)) return v.code;
  if (v instanceof Error) return '#VALUE!';
  if (typeof v === 'string') {
    const m = HOST_ERROR_TEXT.exec(v);
    return m ? m[0] : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === 'string') {
      const m = HOST_ERROR_TEXT.exec(code);
      if (m) return m[0];
      if (Object.prototype.hasOwnProperty.call(ERROR_CODE_NAMES, code)) return ERROR_CODE_NAMES[code];
    }
  }
  return undefined;
}

/** Blank: an empty cell (null/undefined), an empty text or a text of spaces only. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Shows a cell value the way a person typed it, for error messages. */
export function showValue(v: unknown): string {
  if (isBlank(v)) return 'a blank cell';
  const code = hostErrorCode(v);
  if (code) return `the error ${code}`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return formatNumber(v);
  }
  if (typeof v === 'string') {
    const t = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return `"${t}"`;
  }
  if (isDateObject(v)) return Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return 'a range';
  return 'an unsupported value';
}

/**
 * Spreadsheet TRIM: outer spaces removed, inner runs of spaces collapsed; a line break or a tab stays (Excel's TRIM
 * removes only the ASCII space, character 32: learn.microsoft.com/office/vba/api/excel.worksheetfunction.trim;
 * the test engine's TRIM the same, which test/strategy/document-sheet.test.ts holds).
 */
export const sheetTrim = (s: string): string => s.replace(/ +/g, ' ').trim();

/** A Date, also one made in another JS realm (a host sandbox or a vm context), where `instanceof Date` is false. */
export function isDateObject(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Up to 10 significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = Number(n.toPrecision(10));
  // Near ±1.797e308 ten digits round past the largest number: nine never do (1.79769313e+308, never "Infinity").
  return String(Number.isFinite(s) ? s : Number(n.toPrecision(9)));
}
