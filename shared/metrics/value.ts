/**
 * Metric values written the way people write them: "$1M", "€300K", "<200ms", "2 hours", "5x/day", "99.9%",
 * "4.5/5", "100+", "N/A". Each is read into a number in its unit's base, with the kind of unit and any
 * comparator kept, so progress can tell whether lower or higher is better.
 *
 * Bases: durations in milliseconds, rates per day, percentages as fractions (99.9% → 0.999), money and
 * counts as plain numbers ($2.5k → 2500), scores as the number before the slash (4.5/5 → 4.5).
 */
import { asciiLower, collapseSpaces, isAsciiLetter, isDigit, isSpace, scanCost, Scanner } from '../core/scan';
import { formatNumber } from '../core/values';
import {
  CURRENCY_SYMBOLS,
  DURATION_UNITS,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  RATE_PER_DAY,
  type Comparator,
  type MetricKind,
  type MetricValue,
  type NotAvailable,
} from './units';
import { parseWording } from './wording';

export const NOT_AVAILABLE: NotAvailable = { notAvailable: true };

export function isNotAvailable(v: unknown): v is NotAvailable {
  return typeof v === 'object' && v !== null && (v as NotAvailable).notAvailable === true;
}

export const ACCEPTED_FORMS =
  'a number or a metric text such as "$1M", "€300K", "2.5k", "<200ms", "2 hours", "1.5s", "5x/day", "10x/week", "99.9%", "4.5/5", "100+" or "N/A"';

const RATE_PERIODS: readonly [readonly string[], number][] = [
  [['h', 'hr', 'hrs', 'hour', 'hours', 'hourly'], RATE_PER_DAY.hour],
  [['d', 'day', 'days', 'daily'], RATE_PER_DAY.day],
  [['w', 'wk', 'wks', 'week', 'weeks', 'weekly'], RATE_PER_DAY.week],
  [['mo', 'mos', 'month', 'months', 'monthly'], RATE_PER_DAY.month],
  [['q', 'qtr', 'qtrs', 'quarter', 'quarters', 'quarterly'], RATE_PER_DAY.quarter],
  [['y', 'yr', 'yrs', 'year', 'years', 'yearly', 'annually'], RATE_PER_DAY.year],
];

/** Magnitude suffixes as powers of ten. */
const MAGNITUDES: Record<string, number> = { k: 3, m: 6, mm: 6, b: 9, bn: 9, t: 12 };
const CURRENCIES = CURRENCY_SYMBOLS.join('');

/** Comparator words at the start, tried in this order (so "<=" before "<"); any spaces after them are skipped. */
const PREFIX_WORDS: readonly [readonly string[], Comparator][] = [
  [['<=', '≤', 'at most', 'up to'], '<='],
  [['>=', '≥', 'at least'], '>='],
  [['<', 'under', 'below', 'less than'], '<'],
  [['>', 'over', 'above', 'more than'], '>'],
];

/** "N/A", "n.a.", "NA", dashes: not measured (case-insensitive). */
const NOT_AVAILABLE_TEXTS = ['n/a', 'n.a.', 'na', '—', '–'];

function lookup(table: readonly [readonly string[], number][], word: string): number | undefined {
  for (const [words, f] of table) if (words.indexOf(word) >= 0) return f;
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

function isNotAvailableText(t: string): boolean {
  const lower = asciiLower(t);
  if (NOT_AVAILABLE_TEXTS.indexOf(lower) >= 0) return true;
  return t !== '' && new Scanner(t).runLength((c) => c === 0x2d) === t.length; // "-", "--", …
}

/** The comparator word at the start of `s` (consumed with the spaces after it), if any. */
function takeComparator(s: Scanner): Comparator | undefined {
  for (const [words, c] of PREFIX_WORDS) {
    for (const w of words) {
      if (s.takeWord(w)) {
        s.spaces();
        return c;
      }
    }
  }
  return undefined;
}

/** Digits with optional thousands groups and decimals: `\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d*)?|\.\d+`. */
function takeNumber(s: Scanner): string | undefined {
  const start = s.pos;
  const run = s.runLength(isDigit);
  const group = (at: number): boolean => s.code(at - s.pos) === 0x2c && s.runLength(isDigit, at + 1) >= 3;
  if (run >= 1 && run <= 3 && group(s.pos + run)) {
    s.pos += run;
    while (group(s.pos)) s.pos += 4;
    if (s.code() === 0x2e && isDigit(s.code(1))) {
      s.pos++;
      s.digits();
    }
  } else if (run >= 1) {
    s.pos += run;
    if (s.take('.')) s.digits();
  } else if (s.code() === 0x2e && isDigit(s.code(1))) {
    s.pos++;
    s.digits();
  } else return undefined;
  return s.text.slice(start, s.pos);
}

/** An exponent `e[-+]?\d+` (case-insensitive); nothing is consumed when there is none. */
function takeExponent(s: Scanner): string | undefined {
  const start = s.pos;
  if (!s.take('eE')) return undefined;
  const sign = s.take('+-');
  const digits = s.digits();
  if (digits === '') {
    s.pos = start;
    return undefined;
  }
  return sign + digits;
}

interface MetricBody {
  sign: string;
  currencyBefore: string;
  digits: string;
  exponent: string | undefined;
  rest: string;
}

/** `[-+]? \s* [$€£¥]? \s* number exponent? \s* rest`, the shape every metric text has. */
function readBody(t: string): MetricBody | undefined {
  const s = new Scanner(t);
  const sign = s.take('+-');
  s.spaces();
  const currencyBefore = s.take(CURRENCIES);
  s.spaces();
  const digits = takeNumber(s);
  if (digits === undefined) return undefined;
  const exponent = takeExponent(s);
  s.spaces();
  return { sign, currencyBefore, digits, exponent, rest: s.rest() };
}

/** `^([a-z]{0,2})\s*([$€£¥])?$` (case-insensitive): a magnitude of up to two letters, then a currency symbol. */
function currencyAfter(rest: string): { magnitude: string; currency: string } | undefined {
  const s = new Scanner(rest);
  const magnitude = s.takeRun(isAsciiLetter);
  if (magnitude.length > 2) return undefined;
  s.spaces();
  const currency = s.take(CURRENCIES);
  return s.done ? { magnitude, currency } : undefined;
}

/** `^\/\s*(\d+(\.\d+)?)$`: the "/5" of a score; the number after the slash. */
function scoreOutOf(rest: string): number | undefined {
  const s = new Scanner(rest);
  if (!s.take('/')) return undefined;
  s.spaces();
  const whole = s.digits();
  if (whole === '') return undefined;
  let fraction = '';
  if (s.take('.')) {
    fraction = s.digits();
    if (fraction === '') return undefined;
  }
  return s.done ? Number(fraction ? `${whole}.${fraction}` : whole) : undefined;
}

const isLowerLetter = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** Letters and whitespace only, letters first: `^[a-z]*\s*$`. */
function lettersThenSpaces(x: string): boolean {
  const s = new Scanner(x);
  s.takeRun(isLowerLetter);
  s.spaces();
  return s.done;
}

/**
 * The period word of a rate such as "x/day", "per week", "times a month", "experiments/quarter" (lower case):
 * `^(x|times|[a-z]+)?\s*(\/|per |an? )\s*([a-z]+)$`. Whatever the prefix, the period is the text's last run
 * of letters, so it is found from the end: the period, then what stands before it must be a prefix word
 * (letters, any spaces) followed by "/", or by "per", "a" or "an" and a space.
 */
function periodAfterSeparator(lower: string): string | undefined {
  let w = lower.length;
  while (w > 0 && isLowerLetter(lower.charCodeAt(w - 1))) w--;
  scanCost.steps += lower.length - w + 1;
  if (w === lower.length) return undefined;
  const period = lower.slice(w);
  const before = lower.slice(0, w);
  let end = before.length; // `before` without its trailing whitespace
  while (end > 0 && isSpace(before.charCodeAt(end - 1))) end--;
  scanCost.steps += before.length - end + 1;
  const head = before.slice(0, end);
  if (head.endsWith('/')) return lettersThenSpaces(head.slice(0, -1)) ? period : undefined;
  if (before[end] !== ' ') return undefined; // "per", "a" and "an" are followed by a plain space
  for (const word of ['per', 'an', 'a']) {
    if (!head.endsWith(word)) continue;
    const prefix = head.slice(0, head.length - word.length);
    // A prefix glued to the word ("xper") is letters only; one set apart ("times a") is letters, then spaces.
    if (lettersThenSpaces(prefix)) return period;
  }
  return undefined;
}

/** The period of a rate written with an adverb: `^(x|times)?\s*([a-z]+ly)$` ("daily", "5x weekly"). */
function periodAdverb(lower: string): string | undefined {
  const candidates: string[] = [];
  if (lower.startsWith('x')) candidates.push(lower.slice(1));
  if (lower.startsWith('times')) candidates.push(lower.slice(5));
  candidates.push(lower);
  for (const c of candidates) {
    const s = new Scanner(c);
    s.spaces();
    const word = s.takeRun(isLowerLetter);
    if (s.done && word.length >= 3 && word.endsWith('ly')) return word;
  }
  return undefined;
}

/**
 * Reads one metric text. Returns the value, NOT_AVAILABLE for "N/A"-like texts and blanks,
 * or undefined when the text is not a metric this reader knows. Numeric forms first ("5x/day"), then
 * the guide's and the DORA report's wordings ("daily", "Less than one hour", wording.ts; at most 100 characters).
 */
export function parseMetricText(text: string): MetricValue | NotAvailable | undefined {
  return parseNumericText(text) ?? parseWording(text, numericOnly);
}

function numericOnly(text: string): MetricValue | undefined {
  const v = parseNumericText(text);
  return v && !isNotAvailable(v) ? v : undefined;
}

/**
 * The numeric forms: "$1M", "<200ms", "5x/day", "99.9%", "4.5/5", "100+", "N/A". Read in one forward pass by a
 * scanner (shared/core/scan.ts): linear in the length of the text, whatever it is.
 */
export function parseNumericText(text: string): MetricValue | NotAvailable | undefined {
  const t = collapseSpaces(text);
  if (t === '' || isNotAvailableText(t)) return NOT_AVAILABLE;
  const s = new Scanner(t);
  let comparator = takeComparator(s);
  const body = readBody(s.rest());
  if (!body) return undefined;
  const mantissa = `${body.sign === '-' ? '-' : ''}${body.digits.split(',').join('')}`;
  const exp = body.exponent !== undefined ? Number(body.exponent) : 0;
  /** The written number times 10^shift, rounded once from the decimal text (so "99.9%" is exactly 0.999). */
  const scaled = (shift: number): number => Number(`${mantissa}e${exp + shift}`);
  const n = scaled(0);
  if (!Number.isFinite(n)) return undefined;
  let rest = body.rest.trim();
  if (rest.endsWith('+') && comparator === undefined) {
    comparator = '+';
    rest = rest.slice(0, -1).trim();
  }
  const done = (value: number, kind: MetricKind, currency?: string, outOf?: number): MetricValue | undefined =>
    makeMetric(value, kind, comparator, currency, outOf);

  // Money: a currency symbol before or after, with an optional magnitude ("$2.5k", "€300K", "300 €", "1.2M€").
  const after = currencyAfter(rest);
  const currency = body.currencyBefore || after?.currency;
  if (currency) {
    if (!after || (body.currencyBefore && after.currency)) return undefined;
    const mag = after.magnitude === '' ? 0 : MAGNITUDES[after.magnitude.toLowerCase()];
    if (mag === undefined) return undefined;
    return done(scaled(mag), 'money', currency);
  }
  if (rest === '') return done(n, 'number');
  if (rest === '%') return done(scaled(-2), 'percent');
  // Magnitudes without currency: "2.5k", "10K", "1.5M", "3B", "2bn" (a lowercase "m" alone is minutes).
  const magnitude = rest.length <= 2 ? asciiLower(rest) : '';
  if (rest !== 'm' && ['k', 'm', 'mm', 'b', 'bn', 't'].indexOf(magnitude) >= 0)
    return done(scaled(MAGNITUDES[magnitude]), 'number');
  const outOf = scoreOutOf(rest);
  if (outOf !== undefined) return outOf > 0 ? done(n, 'score', undefined, outOf) : undefined;
  const lower = rest.toLowerCase();
  const ms = lookup(DURATION_UNITS, lower);
  if (ms !== undefined) return done(n * ms, 'duration');
  // Rates: "5x/day", "10x/week", "3/day", "5 per day", "2 times a week", "100 experiments/quarter", "5x daily".
  const period = periodAfterSeparator(lower) ?? periodAdverb(lower);
  if (period !== undefined) {
    const f = lookup(RATE_PERIODS, period);
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
