/**
 * Native formulas that read metric texts the way METRIC_VALUE does ("$1M", "<200ms", "5x/day", "100+",
 * "4.5/5", "N/A"), for templates that must calculate without the add-in (a native formula cannot call
 * METRIC_VALUE). One builder, used by the metrics dashboard and the velocity sheet; tests prove it equal to
 * the core on every form listed in NATIVE_METRIC_FORMS.
 *
 * The reading is split in two helper cells per value so no formula grows past a few thousand characters:
 *   normalised text  = the text without spaces, thousands commas, comparators ("<", ">", "=", "≤", "≥"),
 *                      a trailing "+" and currency symbols;
 *   value            = a chain of IFs over the unit suffix of the normalised text, × the unit's factor,
 *                      the factors written exactly as the core computes them.
 */

import { AT_RISK_MARGIN, METRIC_STATUS as S } from '../metrics/progress';
import {
  CURRENCY_SYMBOLS,
  DURATION_UNITS,
  DAYS_PER_YEAR,
  MS_PER_DAY as MS_D,
  MS_PER_HOUR as MS_H,
  MS_PER_MINUTE as MS_MIN,
  MS_PER_SECOND as MS_S,
} from '../metrics/units';

/** The forms the native reading understands (documented in the sheets' help texts). */
export const NATIVE_METRIC_FORMS = `numbers (1,000 or 2.5k / 1.5M / 3B); money with ${CURRENCY_SYMBOLS.slice(0, -1).join(', ')} or ${CURRENCY_SYMBOLS[CURRENCY_SYMBOLS.length - 1]} ($1M, €300K); percentages (12%); scores (4.5/5); durations in ms, s/sec, min, h/hr/hours, days, weeks, months, years ("2 hours", 350ms, "6 months"); rates x/day, x/week, x/month, x/quarter, x/year, x/hour (5x/day, 3/week); "<", "<=", ">", ">=" before or "+" after (<200ms, 100+); N/A or - for not measured`;

const MS_W = 7 * MS_D;
/** A year is 365 days, as in the core (shared/metrics/units.ts). */
const MS_Y = DAYS_PER_YEAR * MS_D;

/** Per-day factor of each rate period, written as the core computes it (shared/metrics/value.ts RATE_PER_DAY). */
const RATE_FACTORS: [string, string][] = [
  ['hour', '24'],
  ['day', '1'],
  ['week', '(1/7)'],
  ['month', '(1/(365/12))'],
  ['quarter', '(1/(365/4))'],
  ['year', '(1/365)'],
];

/** The core's duration words of two letters or more (a lone letter is read after the magnitudes, below). */
const DURATIONS = DURATION_UNITS.map(([words, ms]) => [words.filter((w) => w.length > 1), ms] as const);

/** Normalised text of a metric cell (see above). */
export function metricNormFormula(cell: string): string {
  let t = `TRIM(${cell}&"")`;
  for (const ch of [' ', ',', '<', '>', '=', '≤', '≥', '+', ...CURRENCY_SYMBOLS]) t = `SUBSTITUTE(${t},"${ch}","")`;
  return t;
}

/** True when the cell's text carries a currency symbol (then a lone "m" means million, not minutes). */
function moneyTest(cell: string): string {
  return `OR(${CURRENCY_SYMBOLS.map((c) => `ISNUMBER(FIND("${c}",${cell}&""))`).join(',')})`;
}

/**
 * The number written in the first `len` characters of text `t` (all of it when `len` is absent), read
 * digit by digit so the spreadsheet's locale does not matter: `VALUE("99.9")` is #VALUE! (or 999) where the
 * decimal separator is a comma, so VALUE only ever sees digits, a sign and an exponent, and the decimals
 * are counted from the position of the ".": `VALUE("999")/10^1`. More than one "." is #VALUE!, as in the core.
 * `t` may be longer than the number (a unit follows): an "e" after the number is the unit's, not an exponent.
 */
export function digitsNumberFormula(t: string, len?: string): string {
  const end = len ?? `LEN(${t})`;
  const dot = `FIND(".",${t})`;
  const exp = `IFERROR(SEARCH("e",${t}),LEN(${t})+1)`;
  const decimals = `IFERROR(MIN(${exp},${end}+1)-${dot}-1,0)`;
  const text = len === undefined ? t : `LEFT(${t},${len})`;
  // Not a number: it must start with a digit, a sign or "." ("ms" alone has no number), and have one "." at most.
  const bad = `OR(ISERROR(FIND(LEFT(${t},1),"0123456789-+.")),LEN(${t})-LEN(SUBSTITUTE(${t},".",""))>1)`;
  return `IF(${bad},VALUE("?"),VALUE(SUBSTITUTE(${text},".",""))/10^${decimals})`;
}

/** A rational factor as a formula without a decimal literal ("(1/7)"), so no locale reads it differently. */
function factorText(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const inv = 1 / x;
  if (Number.isInteger(Math.round(inv * 1e9) / 1e9)) return `(1/${Math.round(inv)})`;
  throw new Error(`metric factor ${x} has no exact integer form`);
}

/**
 * The value of a metric cell in its unit's base (ms for durations, per day for rates, a fraction for
 * percentages, plain numbers for money and counts), "" for blank / N/A, #VALUE! for a text it cannot read.
 * `norm` is the cell holding metricNormFormula(cell).
 *
 * One chain finds how many characters the unit takes (`suffix`), another the unit's factor; the number
 * before the unit is read once, digit by digit (digitsNumberFormula), whatever the spreadsheet's locale.
 */
export function metricValueFormula(cell: string, norm: string): string {
  const n = norm;
  const checks: [string, string, string][] = []; // [condition, unit length, factor]
  const suffix = (s: string, factor: string): void => {
    checks.push([`RIGHT(${n},${s.length})="${s}"`, String(s.length), factor]);
  };
  for (const [p, f] of RATE_FACTORS) {
    suffix(`x/${p}`, f);
    suffix(`/${p}`, f);
  }
  checks.push([`ISNUMBER(FIND("/",${n}))`, `LEN(${n})-FIND("/",${n})+1`, '1']);
  checks.push([`RIGHT(${n},1)="%"`, '1', '(1/100)']);
  suffix('bn', '1000000000');
  for (const [words, ms] of DURATIONS) for (const w of words) suffix(w, factorText(ms));
  suffix('k', '1000');
  checks.push([`AND(RIGHT(${n},1)="m",OR(${moneyTest(cell)},EXACT(RIGHT(${n},1),"M")))`, '1', '1000000']);
  suffix('m', String(MS_MIN));
  suffix('b', '1000000000');
  suffix('s', String(MS_S));
  suffix('h', String(MS_H));
  suffix('d', String(MS_D));
  suffix('w', String(MS_W));
  suffix('y', factorText(MS_Y));
  let unitLength = '0';
  let factor = '1';
  for (let i = checks.length - 1; i >= 0; i--) {
    unitLength = `IF(${checks[i][0]},${checks[i][1]},${unitLength})`;
    factor = `IF(${checks[i][0]},${checks[i][2]},${factor})`;
  }
  const value = `${digitsNumberFormula(n, `LEN(${n})-${unitLength}`)}*${factor}`;
  return `IF(ISNUMBER(${cell}),${cell},IF(OR(${n}="",${n}="N/A",${n}="NA",${n}="N.A.",${n}="-"),"",${value}))`;
}

/**
 * Direction of a target: -1 lower is better ("<200ms"), 1 higher is better ("100+", ">99%"),
 * otherwise the sign of target − baseline (0: no direction), as the core's inferDirection.
 */
export function directionFormula(targetCell: string, baseValue: string, targetValue: string): string {
  const t = `TRIM(${targetCell}&"")`;
  return `IF(OR(LEFT(${t},1)="<",LEFT(${t},1)="≤"),-1,IF(OR(LEFT(${t},1)=">",LEFT(${t},1)="≥",RIGHT(${t},1)="+"),1,IF(${baseValue}="",0,SIGN(${targetValue}-${baseValue}))))`;
}

/** The core's reached(): current at or beyond the target in the direction of the direction cell. */
function reachedFormula(c: string, t: string, dir: string): string {
  return `IF(${dir}<0,${c}<=${t},IF(${dir}>0,${c}>=${t},${c}=${t}))`;
}

/**
 * The progress METRIC_STATUS goes by: METRIC_PROGRESS, or without a baseline 1 when the target is met and 0
 * otherwise (the core's statusWithoutBaseline); blank when current or target is missing.
 */
export function statusProgressFormula(b: string, c: string, t: string, dir: string, progress: string): string {
  return `IF(OR(${c}="",${t}=""),"",IF(${b}="",IF(${reachedFormula(c, t, dir)},1,0),${progress}))`;
}

/** METRIC_PROGRESS natively, from the three values and the direction cell. */
export function progressFormula(b: string, c: string, t: string, dir: string): string {
  const reached = reachedFormula(c, t, dir);
  const usable = `IF(${dir}<0,${t}-${b}<0,IF(${dir}>0,${t}-${b}>0,FALSE()))`;
  return `IF(OR(${b}="",${c}="",${t}=""),"",IF(${reached},1,IF(${usable},MIN(1,MAX(0,(${c}-${b})/(${t}-${b}))),0)))`;
}

/** METRIC_STATUS natively from a status-progress cell (statusProgressFormula) and optional start / due dates (today = TODAY()). */
export function statusFormula(progress: string, start: string, due: string): string {
  const share = `MIN(1,MAX(0,(TODAY()-${start})/(${due}-${start})))`;
  const dated = `IF(TODAY()>${due},"${S.offTrack}",IF(${progress}>=${share},"${S.onTrack}",IF(${progress}>=${share}-${AT_RISK_MARGIN},"${S.atRisk}","${S.offTrack}")))`;
  const undated = `"${S.noDueDate}"`;
  return `IF(${progress}="","",IF(${progress}>=1,"${S.done}",IF(AND(ISNUMBER(${start}),ISNUMBER(${due})),${dated},${undated})))`;
}
