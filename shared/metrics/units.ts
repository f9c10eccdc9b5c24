/**
 * What a metric value is (kind, comparator, the value in its unit's base) and the units' factors: the vocabulary
 * the numeric reader (value.ts) and the wording reader (wording.ts) share, so neither imports the other's module.
 */

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

/** The currency symbols a money value may carry, before or after the number ("$1M", "300 €"): the core's reader and the sheets' native formulas (templates/specs/metric-formula.ts) both read these. */
export const CURRENCY_SYMBOLS = ['$', '€', '£', '¥'] as const;

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
/** A month is a twelfth of a 365-day year (30.4167 days); a quarter a quarter of it. */
export const DAYS_PER_MONTH = 365 / 12;
export const DAYS_PER_QUARTER = 365 / 4;
export const DAYS_PER_YEAR = 365;

/** Per-day factor of "per <period>". */
export const RATE_PER_DAY = {
  hour: 24,
  day: 1,
  week: 1 / 7,
  month: 1 / DAYS_PER_MONTH,
  quarter: 1 / DAYS_PER_QUARTER,
  year: 1 / DAYS_PER_YEAR,
} as const;

/**
 * Duration unit words and their length in milliseconds (the core's reader; the native formulas read the words of
 * two letters or more, a lone letter being ambiguous there).
 */
export const DURATION_UNITS: readonly [readonly string[], number][] = [
  [['ms', 'msec', 'msecs', 'millis', 'millisecond', 'milliseconds'], 1],
  [['s', 'sec', 'secs', 'second', 'seconds'], MS_PER_SECOND],
  [['m', 'min', 'mins', 'minute', 'minutes'], MS_PER_MINUTE],
  [['h', 'hr', 'hrs', 'hour', 'hours'], MS_PER_HOUR],
  [['d', 'day', 'days'], MS_PER_DAY],
  [['w', 'wk', 'wks', 'week', 'weeks'], 7 * MS_PER_DAY],
  [['mo', 'mos', 'month', 'months'], DAYS_PER_MONTH * MS_PER_DAY],
  [['y', 'yr', 'yrs', 'year', 'years'], DAYS_PER_YEAR * MS_PER_DAY],
];
