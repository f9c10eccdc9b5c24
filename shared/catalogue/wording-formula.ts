/**
 * Native formulas that read metric values written in words the way METRIC_VALUE does (shared/metrics/wording.ts),
 * for the Engineering Velocity sheet: the DORA report's own wordings and the frequency words.
 *
 *   "On-demand (multiple deploys per day)"      → at least 2 per day
 *   "daily", "weekly", "monthly", "quarterly", "yearly", "hourly", "annually" → once per period
 *   "once a week", "twice per day", "3 times per month", "once every six months", "once per 6 months"
 *   "Less than one hour", "More than six months", "Fewer than once per six months", "under a day"
 *   "Between one day and one week", "0%-15%", "one to two weeks" → a range: both ends kept
 *
 * Each value is read in helper cells, one per step, so no formula grows large:
 *   text  → range split (two ends, or the whole text as one end)
 *   end   → comparator words ("less than" …) and the rest;
 *           the rest as a special value (on-demand, frequency word or phrase, per day) or as a text for the
 *           numeric reader (metric-formula.ts) with a spelled first number written in digits ("one hour" → "1 hour").
 * Texts the numeric reader reads already ("<1 hour", "5x/day") never come here.
 */
import { RATE_PER_DAY } from '../metrics/units';
import {
  COMPARATOR_WORDS as COMPARATOR_GROUPS,
  FREQUENCY_WORDS,
  NUMBER_WORDS,
  ON_DEMAND_PHRASES as ON_DEMAND,
  PER_WORDS,
  PERIOD_WORDS,
  TIME_WORDS,
  TIMES_WORDS,
  type Period,
} from '../metrics/wording';

/** Comparator words at the start (wording.ts COMPARATOR_WORDS), one by one, with a space after them. */
const COMPARATOR_WORDS: [string, string][] = COMPARATOR_GROUPS.flatMap(([words, c]) =>
  words.map((w): [string, string] => [w, c]),
);

/** Per-day factors written without decimals, as metric-formula.ts RATE_FACTORS. */
const FACTOR: Record<Period, string> = {
  hour: String(RATE_PER_DAY.hour),
  day: '1',
  week: '(1/7)',
  month: '(12/365)',
  quarter: '(4/365)',
  year: '(1/365)',
};
const PERIODS: [readonly string[], string][] = PERIOD_WORDS.map(([p, words]) => [words, FACTOR[p]]);
const ADVERBS: [string, string][] = FREQUENCY_WORDS.map(([w, p]) => [w, FACTOR[p]]);

const oneOf = (x: string, words: readonly string[]): string => `OR(${words.map((w) => `${x}="${w}"`).join(',')})`;

/** True when a text names on-demand deploys (its comparator is "at least"). */
export const isOnDemand = (r: string): string => oneOf(r, ON_DEMAND);

/** The k-th word (1-based) of a text of single-spaced words. */
export const wordOf = (t: string, k: number): string =>
  `TRIM(MID(SUBSTITUTE(${t}," ",REPT(" ",99)),${(k - 1) * 99 + 1},99))`;
const wordCount = (t: string): string => `(LEN(${t})-LEN(SUBSTITUTE(${t}," ",""))+1)`;

/** A count: a number word, or digits (read without VALUE's locale); "" when neither. */
function countOf(w: string, digits: (t: string) => string): string {
  const spelled = NUMBER_WORDS.reduceRight(
    (acc, [x, n]) => `IF(${w}="${x}",${n},${acc})`,
    `IF(ISERROR(FIND(LEFT(${w},1),"0123456789")),"",IFERROR(${digits(w)},""))`,
  );
  return `IF(${w}="","",${spelled})`;
}

/** The per-day factor of a period word, "" when it is none. */
function periodOf(w: string): string {
  return PERIODS.reduceRight((acc, [words, f]) => `IF(${oneOf(w, words)},${f},${acc})`, '""');
}

/** The lower-case, single-spaced text of a cell. */
export const wordingText = (cell: string): string => `LOWER(TRIM(${cell}&""))`;

/**
 * The two ends of a range ("between A and B", "A-B", "A–B", "A to B"), or the whole text as end 1 and ""
 * as end 2. `which` is 1 or 2.
 */
export function rangeEnd(t: string, which: 1 | 2): string {
  const and = `FIND(" and ",${t})`;
  const between = `AND(LEFT(${t},8)="between ",ISNUMBER(${and}))`;
  const seps: [string, number][] = [
    ['-', 1],
    ['–', 1],
    ['—', 1],
    [' to ', 4],
  ];
  // After the first character (a range's end is never empty). Not FIND's start argument: the preview engine's FIND
  // with a start returns 1 for a text it does not find (checked with 3.x).
  const posOf = (s: string): string => `IFERROR(FIND("${s}",MID(${t},2,200))+1,999)`;
  const pos = `MIN(${seps.map(([s]) => posOf(s)).join(',')})`;
  const len = `IF(${posOf(' to ')}=${pos},4,1)`;
  const split = which === 1 ? `TRIM(LEFT(${t},${pos}-1))` : `TRIM(MID(${t},${pos}+${len},200))`;
  const betweenEnd = which === 1 ? `MID(${t},9,${and}-9)` : `MID(${t},${and}+5,200)`;
  const whole = which === 1 ? t : '""';
  // "On-demand" is one value, not the range "on" to "demand".
  return `IF(${between},${betweenEnd},IF(AND(LEFT(${t},1)<>"-",${pos}<999,NOT(${isOnDemand(t)})),${split},${whole}))`;
}

/** The comparator an end starts with in words ("<", ">", ">=", "<=", or ""). */
export function endComparator(e: string): string {
  return COMPARATOR_WORDS.reduceRight((acc, [w, c]) => `IF(LEFT(${e},${w.length + 1})="${w} ","${c}",${acc})`, '""');
}

/** An end without its comparator words. */
export function endRest(e: string): string {
  return COMPARATOR_WORDS.reduceRight(
    (acc, [w]) => `IF(LEFT(${e},${w.length + 1})="${w} ",MID(${e},${w.length + 2},200),${acc})`,
    e,
  );
}

/**
 * The helper cells that find an end's special value (per day): on-demand (2), a frequency word, or a frequency
 * phrase "once|twice|thrice <prep> [count] <period>" / "<count> time(s) <prep> [count] <period>" (wording.ts
 * frequency). One step per cell: the rest's words, the number of times, where the preposition is, the words
 * after it, their period factors and count, then the value. `c(key)` is this row's cell of a helper column;
 * `rest` the cell holding the end's rest; keys are prefixed with `p`.
 */
export function specialCells(
  p: string,
  rest: string,
  digits: (t: string) => string,
): [string, (c: (key: string) => string) => string][] {
  const w = (c: (key: string) => string, k: number): string => c(`${p}w${k}`);
  const words: [string, (c: (key: string) => string) => string][] = [1, 2, 3, 4, 5].map((k) => [
    `${p}w${k}`,
    () => wordOf(rest, k),
  ]);
  return [
    ...words,
    [
      `${p}times`,
      (c) =>
        TIMES_WORDS.reduceRight(
          (acc, [x, n]) => `IF(${w(c, 1)}="${x}",${n},${acc})`,
          `IF(${oneOf(w(c, 2), TIME_WORDS)},${countOf(w(c, 1), digits)},"")`,
        ),
    ],
    // The preposition's word: 2 after once/twice/thrice, 3 after "<count> times".
    [
      `${p}at`,
      (c) =>
        `IF(${oneOf(
          w(c, 1),
          TIMES_WORDS.map(([x]) => x),
        )},2,3)`,
    ],
    [`${p}q1`, (c) => `IF(${c(`${p}at`)}=2,${w(c, 3)},${w(c, 4)})`],
    [`${p}q2`, (c) => `IF(${c(`${p}at`)}=2,${w(c, 4)},${w(c, 5)})`],
    [`${p}per1`, (c) => periodOf(c(`${p}q1`))],
    [`${p}per2`, (c) => periodOf(c(`${p}q2`))],
    [`${p}cnt`, (c) => countOf(c(`${p}q1`), digits)],
    [
      `${p}special`,
      (c) => {
        const at = c(`${p}at`);
        const prep = oneOf(`IF(${at}=2,${w(c, 2)},${w(c, 3)})`, PER_WORDS);
        const [times, per1, per2, cnt] = [c(`${p}times`), c(`${p}per1`), c(`${p}per2`), c(`${p}cnt`)];
        const n = wordCount(rest);
        const one = `IF(AND(${n}=${at}+1,${per1}<>""),${times}*${per1},"")`;
        const two = `IF(AND(${n}=${at}+2,${cnt}<>"",${per2}<>""),IF(${cnt}>0,${times}*${per2}/${cnt},""),"")`;
        const phrase = `IF(AND(${times}<>"",${prep}),IF(${one}<>"",${one},${two}),"")`;
        const adverb = ADVERBS.reduceRight((acc, [a, f]) => `IF(${rest}="${a}",${f},${acc})`, phrase);
        return `IF(${isOnDemand(rest)},2,${adverb})`;
      },
    ],
  ];
}

/** The text the numeric reader reads for an end's rest: a spelled first number in digits ("one hour" → "1 hour"). */
export function endNumericText(r: string): string {
  const first = wordOf(r, 1);
  const spelled = NUMBER_WORDS.reduceRight((acc, [x, v]) => `IF(${first}="${x}","${v}",${acc})`, '""');
  return `IF(AND(${wordCount(r)}>1,${spelled}<>""),${spelled}&MID(${r},LEN(${first})+1,200),${r})`;
}
