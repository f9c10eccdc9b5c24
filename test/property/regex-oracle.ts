/**
 * The REGULAR-EXPRESSION readers of cell text that the scanners in shared/ replaced (issue #11), kept verbatim
 * as the oracle of the differential test: on ordinary input the scanners must give exactly what these gave.
 * (These backtrack: `\d+\.?\d*` and `\s*[-/ ]\s*` cost quadratic time on long hostile texts. Never use them
 * outside this test.)
 */
import { NOT_AVAILABLE } from '../../shared/metrics/value';
import {
  DAYS_PER_MONTH,
  DAYS_PER_QUARTER,
  DAYS_PER_YEAR,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  type Comparator,
  type MetricKind,
  type MetricValue,
  type NotAvailable,
} from '../../shared/metrics/units';
import type { QuarterStart } from '../../shared/scoring/plan';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** args.ts numericTextHint's test. */
export function isNumericTextRegex(v: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v);
}

/** args.ts dateArg's text form. */
export function readIsoDateRegex(v: string): [number, number, number] | undefined {
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function parseQuarterRegex(text: string): QuarterStart | undefined {
  if (/^ *$/.test(text)) return { quarter: 1 };
  const t = text.replace(/[ /-]/g, '');
  const m = /^q([1-4])(\d{4}|.{4})?$/i.exec(t) ?? /^(.{4})q([1-4])$/i.exec(t);
  if (!m) return undefined;
  const [q, y] = /^q/i.test(t) ? [m[1], m[2]] : [m[2], m[1]];
  const quarter = Number(q) as QuarterStart['quarter'];
  if (y === undefined) return { quarter };
  return Number(y) >= 1000 ? { quarter, year: Number(y) } : undefined;
}

export function parseMonthRegex(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? v : undefined;
  const t = v.trim().toLowerCase().replace(/\.$/, '');
  if (t.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(t) || (t === 'sept' && m === 'september'));
  return i < 0 ? undefined : i + 1;
}

const DURATION_UNITS: readonly [RegExp, number][] = [
  [/^(ms|msec|msecs|millis|milliseconds?)$/, 1],
  [/^(s|sec|secs|seconds?)$/, MS_PER_SECOND],
  [/^(m|min|mins|minutes?)$/, MS_PER_MINUTE],
  [/^(h|hr|hrs|hours?)$/, MS_PER_HOUR],
  [/^(d|days?)$/, MS_PER_DAY],
  [/^(w|wk|wks|weeks?)$/, 7 * MS_PER_DAY],
  [/^(mo|mos|months?)$/, DAYS_PER_MONTH * MS_PER_DAY],
  [/^(y|yr|yrs|years?)$/, DAYS_PER_YEAR * MS_PER_DAY],
];

/** Per-day factor of "per <period>". */
const RATE_PER_DAY = {
  hour: 24,
  day: 1,
  week: 1 / 7,
  month: 1 / DAYS_PER_MONTH,
  quarter: 1 / DAYS_PER_QUARTER,
  year: 1 / DAYS_PER_YEAR,
} as const;

const RATE_PERIODS: readonly [RegExp, number][] = [
  [/^(h|hr|hrs|hours?|hourly)$/, RATE_PER_DAY.hour],
  [/^(d|days?|daily)$/, RATE_PER_DAY.day],
  [/^(w|wk|wks|weeks?|weekly)$/, RATE_PER_DAY.week],
  [/^(mo|mos|months?|monthly)$/, RATE_PER_DAY.month],
  [/^(q|qtr|qtrs|quarters?|quarterly)$/, RATE_PER_DAY.quarter],
  [/^(y|yr|yrs|years?|yearly|annually)$/, RATE_PER_DAY.year],
];

/** Magnitude suffixes as powers of ten. */
const MAGNITUDES: Record<string, number> = { k: 3, m: 6, mm: 6, b: 9, bn: 9, t: 12 };
const CURRENCY = '[$€£¥]';

const PREFIX_WORDS: readonly [RegExp, Comparator][] = [
  [/^(<=|≤|at most|up to)\s*/, '<='],
  [/^(>=|≥|at least)\s*/, '>='],
  [/^(<|under|below|less than)\s*/, '<'],
  [/^(>|over|above|more than)\s*/, '>'],
];

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d*)?|\\.\\d+)(?:e([-+]?\\d+))?';
const CURRENCY_AFTER = new RegExp(`^([a-z]{0,2})\\s*(${CURRENCY})?$`, 'i');
const BODY = new RegExp(`^([-+])?\\s*(${CURRENCY})?\\s*${NUMBER}\\s*(.*)$`, 'i');

function lookup(table: readonly [RegExp, number][], word: string): number | undefined {
  for (const [re, f] of table) if (re.test(word)) return f;
  return undefined;
}

function makeMetric(
  value: number,
  kind: MetricKind,
  comparator?: Comparator,
  currency?: string,
  outOf?: number,
): MetricValue | undefined {
  if (!Number.isFinite(value)) return undefined;
  const m: MetricValue = { value, kind };
  if (comparator) m.comparator = comparator;
  if (currency) m.currency = currency;
  if (outOf !== undefined) m.outOf = outOf;
  return m;
}

/**
 * Reads one metric text. Returns the value, NOT_AVAILABLE for "N/A"-like texts and blanks,
 * or undefined when the text is not a metric this reader knows.
 */
export function parseMetricTextRegex(text: string): MetricValue | NotAvailable | undefined {
  let t = text.trim().replace(/\s+/g, ' ');
  if (t === '' || /^(n\/a|n\.a\.|na|-+|—|–)$/i.test(t)) return NOT_AVAILABLE;
  let comparator: Comparator | undefined;
  const lower0 = t.toLowerCase();
  for (const [re, c] of PREFIX_WORDS) {
    const m = re.exec(lower0);
    if (m) {
      comparator = c;
      t = t.slice(m[0].length);
      break;
    }
  }
  const m = BODY.exec(t);
  if (!m) return undefined;
  const [, sign, currencyBefore, digits, exponent, restRaw] = m;
  const mantissa = `${sign === '-' ? '-' : ''}${digits.replace(/,/g, '')}`;
  const exp = exponent !== undefined ? Number(exponent) : 0;
  /** The written number times 10^shift, rounded once from the decimal text (so "99.9%" is exactly 0.999). */
  const scaled = (shift: number): number => Number(`${mantissa}e${exp + shift}`);
  const n = scaled(0);
  if (!Number.isFinite(n)) return undefined;
  let rest = restRaw.trim();
  if (rest.endsWith('+') && comparator === undefined) {
    comparator = '+';
    rest = rest.slice(0, -1).trim();
  }
  const done = (value: number, kind: MetricKind, currency?: string, outOf?: number): MetricValue | undefined =>
    makeMetric(value, kind, comparator, currency, outOf);

  // Money: a currency symbol before or after, with an optional magnitude ("$2.5k", "€300K", "300 €", "1.2M€").
  const after = CURRENCY_AFTER.exec(rest);
  const currency = currencyBefore ?? (after && after[2]);
  if (currency) {
    if (!after || (currencyBefore && after[2])) return undefined;
    const mag = after[1] === '' ? 0 : MAGNITUDES[after[1].toLowerCase()];
    if (mag === undefined) return undefined;
    return done(scaled(mag), 'money', currency);
  }
  if (rest === '') return done(n, 'number');
  if (rest === '%') return done(scaled(-2), 'percent');
  // Magnitudes without currency: "2.5k", "10K", "1.5M", "3B", "2bn" (a lowercase "m" alone is minutes).
  if (/^(k|M|mm|b|bn|t)$/i.test(rest) && rest !== 'm') return done(scaled(MAGNITUDES[rest.toLowerCase()]), 'number');
  const score = /^\/\s*(\d+(?:\.\d+)?)$/.exec(rest);
  if (score) {
    const outOf = Number(score[1]);
    return outOf > 0 ? done(n, 'score', undefined, outOf) : undefined;
  }
  const lower = rest.toLowerCase();
  const ms = lookup(DURATION_UNITS, lower);
  if (ms !== undefined) return done(n * ms, 'duration');
  // Rates: "5x/day", "10x/week", "3/day", "5 per day", "2 times a week", "100 experiments/quarter", "5x daily".
  const rate =
    /^(?:x|times|[a-z]+)?\s*(?:\/|per |an? )\s*([a-z]+)$/.exec(lower) ?? /^(?:x|times)?\s*([a-z]+ly)$/.exec(lower);
  if (rate) {
    const f = lookup(RATE_PERIODS, rate[1]);
    if (f !== undefined) return done(n * f, 'rate');
  }
  return undefined;
}
