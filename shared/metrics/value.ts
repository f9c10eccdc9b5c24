/**
 * Metric values written the way people write them: "$1M", "€300K", "<200ms", "2 hours", "5x/day", "99.9%",
 * "4.5/5", "100+", "N/A". Each is read into a number in its unit's base, with the kind of unit and any
 * comparator kept, so progress can tell whether lower or higher is better.
 *
 * Bases: durations in milliseconds, rates per day, percentages as fractions (99.9% → 0.999), money and
 * counts as plain numbers ($2.5k → 2500), scores as the number before the slash (4.5/5 → 4.5).
 */
import { formatNumber } from '../core/values';
import { parseWording } from './wording';

export type MetricKind = 'number' | 'money' | 'duration' | 'rate' | 'percent' | 'score';

/** "<" and "<=" mean lower is better; ">", ">=" and a trailing "+" ("100+") mean higher is better. */
export type Comparator = '<' | '<=' | '>' | '>=' | '+';

export interface MetricValue {
  /** The number in the kind's base unit. */
  value: number;
  kind: MetricKind;
  comparator?: Comparator;
  /** Money: the symbol written ("$", "€", "£", "¥"). */
  currency?: string;
  /** Scores: the number after the slash ("4.5/5" → 5). */
  outOf?: number;
  /** A range written in words ("Between one day and one week"): its ends; `value` is the midpoint. */
  range?: [number, number];
}

/** "N/A", "n/a", "NA", "-" and dashes: not measured. */
export interface NotAvailable {
  notAvailable: true;
}

export const NOT_AVAILABLE: NotAvailable = { notAvailable: true };

export function isNotAvailable(v: unknown): v is NotAvailable {
  return typeof v === 'object' && v !== null && (v as NotAvailable).notAvailable === true;
}

export const ACCEPTED_FORMS =
  'a number or a metric text such as "$1M", "€300K", "2.5k", "<200ms", "2 hours", "1.5s", "5x/day", "10x/week", "99.9%", "4.5/5", "100+" or "N/A"';

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
/** A month is a twelfth of a 365-day year (30.4167 days); a quarter a quarter of it. */
export const DAYS_PER_MONTH = 365 / 12;
export const DAYS_PER_QUARTER = 365 / 4;
export const DAYS_PER_YEAR = 365;

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
export const RATE_PER_DAY = {
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
 * or undefined when the text is not a metric this reader knows. Numeric forms first ("5x/day"), then
 * the guide's and the DORA report's wordings ("daily", "Less than one hour", wording.ts).
 */
export function parseMetricText(text: string): MetricValue | NotAvailable | undefined {
  return parseNumericText(text) ?? parseWording(text, numericOnly);
}

function numericOnly(text: string): MetricValue | undefined {
  const v = parseNumericText(text);
  return v && !isNotAvailable(v) ? v : undefined;
}

/** The numeric forms: "$1M", "<200ms", "5x/day", "99.9%", "4.5/5", "100+", "N/A". */
function parseNumericText(text: string): MetricValue | NotAvailable | undefined {
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

/** Reads a cell: numbers are taken as they are (kind "number"), texts as metric texts. */
export function parseMetric(v: string | number): MetricValue | NotAvailable | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, kind: 'number' } : undefined;
  return parseMetricText(v);
}

const DURATION_FORMAT: readonly [number, string][] = [
  [MS_PER_DAY, 'days'],
  [MS_PER_HOUR, 'hours'],
  [MS_PER_MINUTE, 'min'],
  [MS_PER_SECOND, 's'],
];

/** Writes a metric back as text that reads to the same value (up to 10 significant digits): the inverse of parseMetricText. */
export function formatMetric(v: MetricValue): string {
  let body: string;
  const abs = Math.abs(v.value);
  switch (v.kind) {
    case 'money': {
      const [mag, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
      body = `${v.value < 0 ? '-' : ''}${v.currency ?? '$'}${formatNumber(abs / mag)}${suffix}`;
      break;
    }
    case 'percent':
      body = `${formatNumber(v.value * 100)}%`;
      break;
    case 'score':
      body = `${formatNumber(v.value)}/${formatNumber(v.outOf ?? 5)}`;
      break;
    case 'duration': {
      const unit = DURATION_FORMAT.find(([ms]) => abs >= ms);
      body = unit ? `${formatNumber(v.value / unit[0])} ${unit[1]}` : `${formatNumber(v.value)}ms`;
      break;
    }
    case 'rate':
      body = `${formatNumber(v.value)}x/day`;
      break;
    default:
      body = formatNumber(v.value);
  }
  if (!v.comparator) return body;
  return v.comparator === '+' ? `${body}+` : `${v.comparator}${body}`;
}

/** "lower" when a smaller value is better ("<200ms"), "higher" when a larger one is ("100+", ">99.9%"), else undefined. */
export function comparatorDirection(c: Comparator | undefined): 'lower' | 'higher' | undefined {
  if (c === '<' || c === '<=') return 'lower';
  if (c === '>' || c === '>=' || c === '+') return 'higher';
  return undefined;
}

export const KIND_NAMES: Record<MetricKind, string> = {
  number: 'a plain number',
  money: 'an amount of money',
  duration: 'a duration',
  rate: 'a rate',
  percent: 'a percentage',
  score: 'a score',
};

/** Plain numbers go with any kind (a cell holding 0.95 next to "99.9%"); otherwise the kinds must match. */
export function compatibleKinds(a: MetricKind, b: MetricKind): boolean {
  return a === b || a === 'number' || b === 'number';
}
