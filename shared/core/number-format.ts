/**
 * Shows a cell value with a spreadsheet number format code, as a cell displays it (Sheets
 * `getDisplayValues`, Excel `Range.text`), for the codes templates and typed values use: `0`, `0.0`,
 * `#,##0.00`, `0%`, `0.00%`, `"$"#,##0`, `@`, literal text (`"Q"0`), conditions (`[<5]"Q"0;""`), hidden
 * (`;;;`), and dates (`yyyy-mm-dd`, `d mmm yyyy`, `mmm yyyy`). Anything else: General. Shared by the
 * preview's grid, the CLI's reader of .xlsx files and the hosts' fakes.
 */
import { serialToDate } from './args';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** General: up to 10 significant digits, like a spreadsheet in a normal-width column. */
export function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = Number(n.toPrecision(10));
  return Math.abs(s) >= 1e11 || (Math.abs(s) < 1e-9 && s !== 0) ? s.toExponential(4).replace('e', 'E') : String(s);
}

/** Splits a format into its sections at `;` outside quotes. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of code) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatDate(serial: number, code: string): string {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  return code.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (t) => {
    switch (t.toLowerCase()) {
      case 'yyyy':
        return String(y);
      case 'yy':
        return String(y).slice(-2);
      case 'mmmm':
      case 'mmm':
        return MONTHS[m];
      case 'mm':
        return String(m + 1).padStart(2, '0');
      case 'm':
        return String(m + 1);
      case 'dd':
        return String(day).padStart(2, '0');
      default:
        return String(day);
    }
  });
}

function formatNumberSection(n: number, section: string): string {
  // Literal text in quotes and backslash-escaped characters stay as they are.
  const literals: string[] = [];
  let body = section.replace(/"([^"]*)"|\\(.)/g, (_m, q: string | undefined, esc: string | undefined) => {
    literals.push(q ?? esc ?? '');
    return `\uE000${String.fromCharCode(0xe100 + literals.length - 1)}\uE001`;
  });
  body = body.replace(/\[[^\]]*\]/g, '');
  if (/[ymd]/i.test(body) && !/[0#]/.test(body)) return restore(formatDate(n, body), literals);
  const m = /[#0][#0,]*(\.[0#]+)?%?/.exec(body);
  if (!m) return restore(body, literals);
  const pattern = m[0];
  const percent = pattern.endsWith('%') || body.includes('%');
  const grouping = pattern.includes(',');
  const v = Math.abs(percent ? n * 100 : n);
  let s = fraction(v, m[1] ?? '');
  if (grouping) {
    const [i, f] = s.split('.');
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : '');
  }
  return restore(body.replace(pattern, pattern.endsWith('%') ? `${s}%` : s), literals);
}

/**
 * `v` with the decimals of a format's fraction part (".00", ".0##"): a `0` is always shown, a `#` only when it is not a
 * trailing zero, as both hosts show "0.###" (1200 as "1200.", 1.5 as "1.5"); the point stays when the part has one.
 */
function fraction(v: number, part: string): string {
  const digits = part.slice(1);
  const s = v.toFixed(digits.length);
  const required = digits.replace(/#/g, '').length;
  if (required === digits.length) return s;
  const [whole, f = ''] = s.split('.');
  let keep = f.length;
  while (keep > required && f[keep - 1] === '0') keep--;
  return `${whole}.${f.slice(0, keep)}`;
}

function restore(s: string, literals: string[]): string {
  return s.replace(/\uE000(.)\uE001/g, (_m, i: string) => literals[i.charCodeAt(0) - 0xe100]);
}

function condition(section: string): ((n: number) => boolean) | undefined {
  const m = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/.exec(section);
  if (!m) return undefined;
  const x = Number(m[2]);
  const ops: Record<string, (n: number) => boolean> = {
    '<': (n) => n < x,
    '<=': (n) => n <= x,
    '>': (n) => n > x,
    '>=': (n) => n >= x,
    '=': (n) => n === x,
    '<>': (n) => n !== x,
  };
  return ops[m[1]];
}

/** The text a spreadsheet shows for a value with a format code. */
export function formatValue(v: unknown, code: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return String(v);
  if (!code || code === 'General' || code === '@') return general(v);
  const parts = sections(code);
  if (parts.every((p) => p === '')) return ''; // ;;; hides the value
  let section: string;
  const cond = condition(parts[0]);
  if (cond) section = cond(v) ? parts[0] : (parts[1] ?? '');
  else if (v < 0 && parts.length > 1) return parts[1] === '' ? '' : formatNumberSection(-v, parts[1]);
  else if (v === 0 && parts.length > 2) section = parts[2];
  else section = parts[0];
  const shown = formatNumberSection(v, section);
  return v < 0 && !cond && parts.length === 1 && shown !== '' && Math.abs(v) > 0
    ? `-${shown.replace(/^-/, '')}`
    : shown;
}

/** A date format code (`yyyy-mm-dd`, `d mmm yyyy`…), not a number format. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const body = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymd]/i.test(body) && !/[0#]/.test(body);
}
