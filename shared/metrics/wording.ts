/**
 * Metric values written in words, the way the seed guide and the DORA report write them, read into the
 * same MetricValue as their numeric forms (units kept):
 * - "100+ experiments/quarter" → 100 per quarter, higher is better;
 * - "daily", "weekly", "monthly", "quarterly", "yearly" → once per day / week / month …;
 *   "once a week", "twice a day", "once every six months", "3 times per month";
 * - "Less than one hour", "More than six months", "Fewer than once per six months", "under a day";
 * - "On-demand (multiple deploys per day)" → at least 2 per day ("multiple" is at least two);
 * - "Between one day and one week", "Between once per week and once per month", "0%-15%": a range,
 *   valued at its midpoint, with both ends kept (DORA_LEVEL grades a range by its worse end).
 *
 * Only texts the numeric reader (value.ts) does not understand come here, so no numeric form changes.
 */
import { RATE_PER_DAY, type Comparator, type MetricValue } from './units';

/** A reader of numeric metric texts (value.ts parseMetricText, passed in: value.ts imports this module). */
type NumericReader = (text: string) => MetricValue | undefined;

/**
 * The words below are declared once, here, and read by the native formulas too (shared/catalogue/wording-formula.ts),
 * in this order.
 */
export const NUMBER_WORDS: readonly (readonly [string, number])[] = [
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
];
const NUMBER_OF: Record<string, number> = Object.fromEntries(NUMBER_WORDS);

/** "once a week", "twice per day": the words for a number of times. */
export const TIMES_WORDS: readonly (readonly [string, number])[] = [
  ['once', 1],
  ['twice', 2],
  ['thrice', 3],
];
const TIMES_OF: Record<string, number> = Object.fromEntries(TIMES_WORDS);
/** "3 times per month": the word after a count of times. */
export const TIME_WORDS = ['time', 'times'];
/** "once a week", "once every six months": the word between the times and the period. */
export const PER_WORDS = ['a', 'an', 'per', 'every', 'each'];

export type Period = keyof typeof RATE_PER_DAY;

/** Periods by name ("daily" …); their per-day factors (units.ts) are looked up when reading. */
export const FREQUENCY_WORDS: readonly (readonly [string, Period])[] = [
  ['hourly', 'hour'],
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['quarterly', 'quarter'],
  ['yearly', 'year'],
  ['annually', 'year'],
];
const FREQUENCY_OF: Record<string, Period> = Object.fromEntries(FREQUENCY_WORDS);

/**
 * The words naming each period ("6 months", "per qtr", "once every 2 hrs"): the abbreviations the numeric reader
 * takes in "3 hrs" or "5/wk" (value.ts RATE_PERIODS) apart from single letters.
 */
export const PERIOD_WORDS: readonly (readonly [Period, readonly string[]])[] = [
  ['hour', ['hour', 'hours', 'hr', 'hrs']],
  ['day', ['day', 'days']],
  ['week', ['week', 'weeks', 'wk', 'wks']],
  ['month', ['month', 'months', 'mo', 'mos']],
  ['quarter', ['quarter', 'quarters', 'qtr', 'qtrs']],
  ['year', ['year', 'years', 'yr', 'yrs']],
];

/** Comparator words at the start of a value, each followed by a space ("less than one hour"). */
export const COMPARATOR_WORDS: readonly (readonly [readonly string[], Comparator])[] = [
  [['less than', 'fewer than', 'under', 'below'], '<'],
  [['more than', 'greater than', 'over', 'above'], '>'],
  [['at least', 'no less than'], '>='],
  [['at most', 'up to', 'no more than'], '<='],
];
const COMPARATOR_RES: [RegExp, Comparator][] = COMPARATOR_WORDS.map(([words, c]) => [
  new RegExp(`^(${words.join('|')})\\s+`),
  c,
]);

/**
 * "On-demand", "on demand (multiple deploys per day)", "multiple deploys per day", … every way of writing
 * on-demand deploys, lower case with single spaces ("at least 2 per day": "multiple" is at least two).
 */
export const ON_DEMAND_PHRASES: readonly string[] = [
  ...['on-demand', 'on demand'].flatMap((o) => [
    o,
    ...['', ' '].flatMap((sp) =>
      ['multiple deploys', 'multiple deployments', 'deploys', 'deployments'].map((d) => `${o}${sp}(${d} per day)`),
    ),
  ]),
  ...['deploys', 'deployments', 'times'].flatMap((d) => ['per', 'a'].map((p) => `multiple ${d} ${p} day`)),
];

function own(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function withComparator(v: MetricValue, c: Comparator | undefined): MetricValue {
  return c ? { ...v, comparator: c } : v;
}

/** "6" or "six" → 6. */
function countOf(word: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  return own(NUMBER_OF, word) ? NUMBER_OF[word] : undefined;
}

function periodFactor(word: string): number | undefined {
  for (const [p, words] of PERIOD_WORDS) if (words.includes(word)) return RATE_PER_DAY[p];
  return undefined;
}

const FREQUENCY_PHRASE = new RegExp(
  `^(${TIMES_WORDS.map(([w]) => w).join('|')}|(\\S+) (?:${TIME_WORDS.join('|')})) (${PER_WORDS.join('|')}) (?:(\\S+) )?(\\S+)$`,
);

/** "once a week", "twice per day", "3 times per month", "once every six months", "once per 6 months". */
function frequency(t: string): MetricValue | undefined {
  if (own(FREQUENCY_OF, t)) return { value: RATE_PER_DAY[FREQUENCY_OF[t]], kind: 'rate' };
  const m = FREQUENCY_PHRASE.exec(t);
  if (!m) return undefined;
  const times = m[2] !== undefined ? countOf(m[2]) : own(TIMES_OF, m[1]) ? TIMES_OF[m[1]] : undefined;
  const every = m[4] !== undefined ? countOf(m[4]) : 1;
  const f = periodFactor(m[5]);
  if (times === undefined || every === undefined || every <= 0 || f === undefined) return undefined;
  return { value: (times * f) / every, kind: 'rate' };
}

/** "one hour", "six months", "a day" → the numeric reader's "1 hour", "6 months", "1 day". */
function spelledNumber(t: string, read: NumericReader): MetricValue | undefined {
  const m = /^(\S+)\s+(.+)$/.exec(t);
  const n = m ? countOf(m[1]) : undefined;
  if (!m || n === undefined || /^\d/.test(m[1])) return undefined;
  return read(`${n} ${m[2]}`);
}

/** "100+ experiments/quarter", "10+ per day": a trailing "+" on the number, the unit after it. */
function plusBeforeUnit(t: string, read: NumericReader): MetricValue | undefined {
  const m = /^(\d[\d,.]*)\s*\+\s*(\S.*)$/.exec(t);
  if (!m) return undefined;
  const v = read(`${m[1]} ${m[2]}`);
  return v && !v.comparator ? { ...v, comparator: '+' } : undefined;
}

/** One value in words, without "between". */
function single(t: string, read: NumericReader): MetricValue | undefined {
  if (ON_DEMAND_PHRASES.includes(t)) return { value: 2, kind: 'rate', comparator: '>=' };
  for (const [re, c] of COMPARATOR_RES) {
    const m = re.exec(t);
    if (m) {
      const rest = single(t.slice(m[0].length), read);
      return rest && !rest.comparator ? withComparator(rest, c) : undefined;
    }
  }
  return read(t) ?? frequency(t) ?? spelledNumber(t, read) ?? plusBeforeUnit(t, read);
}

/** "between A and B", "A-B" / "A–B" / "A to B" with a unit on both ends ("0%-15%", "1-2 days" is not read). */
function range(t: string, read: NumericReader): MetricValue | undefined {
  const m = /^between (.+) and (.+)$/.exec(t) ?? /^(.+?)\s*(?:-|–|—| to )\s*(.+)$/.exec(t);
  if (!m) return undefined;
  const a = single(m[1].trim(), read);
  const b = single(m[2].trim(), read);
  if (!a || !b || a.comparator || b.comparator || a.kind !== b.kind || a.kind === 'number') return undefined;
  const lo = Math.min(a.value, b.value);
  const hi = Math.max(a.value, b.value);
  const v: MetricValue = { value: (lo + hi) / 2, kind: a.kind, range: [lo, hi] };
  if (a.currency) v.currency = a.currency;
  return v;
}

/** Longer texts are not wordings (the longest DORA phrase has 57 characters): keeps every regex here bounded. */
export const MAX_WORDING_LENGTH = 100;

/** Reads a metric written in words (see above), or undefined. `read` is the numeric reader. */
export function parseWording(text: string, read: NumericReader): MetricValue | undefined {
  if (text.length > MAX_WORDING_LENGTH) return undefined;
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '' || /^-/.test(t)) return undefined;
  return range(t, read) ?? single(t, read);
}
