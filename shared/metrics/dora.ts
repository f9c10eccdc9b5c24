/**
 * DORA software delivery performance levels, from the 2021 Accelerate State of DevOps Report
 * (DORA / Google Cloud; the table of software delivery performance levels, p. 9), turned into explicit numeric thresholds.
 *
 * The report's bands, as published:
 * - Deployment frequency: Elite on-demand (multiple deploys per day); High between once per week and once per month;
 *   Medium between once per month and once every 6 months; Low fewer than once per six months.
 * - Lead time for changes: Elite less than one hour; High between one day and one week; Medium between one month
 *   and six months; Low more than six months.
 * - Time to restore service: Elite less than one hour; High less than one day; Medium between one day and one week;
 *   Low more than six months.
 * - Change failure rate: Elite 0–15%; High, Medium and Low all 16–30%.
 *
 * The published bands leave gaps (e.g. lead times between one hour and one day) and share one band between
 * three levels (change failure rate). To give every value exactly one level, two rules close them:
 * a value that falls between two bands gets the worse of the two levels (it has not reached the better band),
 * and a value inside a band shared by several levels gets the best of them. Values beyond the worst band are Low.
 * So Medium is never given for change failure rate: the report does not separate it from High there.
 */
import { DAYS_PER_MONTH, RATE_PER_DAY } from './units';

export type DoraMetric = 'deployment frequency' | 'lead time' | 'change failure rate' | 'time to restore';
/** The report's performance levels, best first, declared once: DORA_LEVEL, the velocity sheet's list, formulas and colours read them. */
export const DORA_LEVEL = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' } as const;
export type DoraLevel = (typeof DORA_LEVEL)[keyof typeof DORA_LEVEL];
export const DORA_LEVELS: DoraLevel[] = Object.values(DORA_LEVEL);

export const DORA_REPORT = '2021 Accelerate State of DevOps Report (DORA, Google Cloud)';

/** Aliases accepted for each metric (case, spaces, hyphens and underscores do not matter). */
export const DORA_METRIC_ALIASES: Record<DoraMetric, readonly string[]> = {
  'deployment frequency': ['deploy frequency', 'deployments', 'deploys', 'df', 'deployment freq'],
  'lead time': ['lead time for changes', 'change lead time', 'lt', 'ltfc', 'lead time for change'],
  'change failure rate': ['change fail rate', 'cfr', 'failure rate', 'change failure'],
  'time to restore': [
    'time to restore service',
    'mttr',
    'mean time to restore',
    'mean time to recovery',
    'mean time to recover',
    'time to recover',
    'failed deployment recovery time',
    'fdrt',
    'recovery time',
    'ttr',
  ],
};

/** The unit a plain number is read in, per metric. */
export const DORA_UNITS: Record<DoraMetric, string> = {
  'deployment frequency': 'deploys per day',
  'lead time': 'hours',
  'change failure rate': 'a fraction (0.12) or a percentage (12)',
  'time to restore': 'hours',
};

interface Bound {
  level: DoraLevel;
  /** The value must be at least as good as `limit`; `strict` excludes the limit itself. */
  limit: number;
  strict: boolean;
  /** The bound in words, for the reference. */
  words: string;
}

interface Thresholds {
  better: 'higher' | 'lower';
  /** Elite, High, Medium in order; anything worse than the last is Low. */
  bounds: Bound[];
}

const HOURS_PER_DAY = 24;
const WEEK_H = 7 * HOURS_PER_DAY;
const SIX_MONTHS_H = 6 * DAYS_PER_MONTH * HOURS_PER_DAY;

/**
 * The thresholds (units: deploys per day, hours, fraction). Months are twelfths of 365 days.
 * - Deployment frequency: Elite > 1 per day; High ≥ once per month; Medium ≥ once every six months; Low below.
 * - Lead time: Elite < 1 hour; High ≤ 1 week (168 h); Medium ≤ 6 months (4380 h); Low above.
 * - Time to restore: Elite < 1 hour; High < 1 day (24 h); Medium ≤ 1 week (168 h); Low above.
 * - Change failure rate: Elite ≤ 15%; High ≤ 30%; Low above (Medium shares High's band in the report).
 */
export const DORA_THRESHOLDS: Record<DoraMetric, Thresholds> = {
  'deployment frequency': {
    better: 'higher',
    bounds: [
      { level: 'Elite', limit: 1, strict: true, words: 'more than once a day' },
      { level: 'High', limit: RATE_PER_DAY.month, strict: false, words: 'at least once a month' },
      { level: 'Medium', limit: 1 / (6 * DAYS_PER_MONTH), strict: false, words: 'at least once every six months' },
    ],
  },
  'lead time': {
    better: 'lower',
    bounds: [
      { level: 'Elite', limit: 1, strict: true, words: 'under one hour' },
      { level: 'High', limit: WEEK_H, strict: false, words: 'up to one week' },
      { level: 'Medium', limit: SIX_MONTHS_H, strict: false, words: 'up to six months' },
    ],
  },
  'time to restore': {
    better: 'lower',
    bounds: [
      { level: 'Elite', limit: 1, strict: true, words: 'under one hour' },
      { level: 'High', limit: HOURS_PER_DAY, strict: true, words: 'under one day' },
      { level: 'Medium', limit: WEEK_H, strict: false, words: 'up to one week' },
    ],
  },
  'change failure rate': {
    better: 'lower',
    bounds: [
      { level: 'Elite', limit: 0.15, strict: false, words: 'up to 15%' },
      { level: 'High', limit: 0.3, strict: false, words: 'up to 30%' },
    ],
  },
};

/** Relative tolerance so that "1x/month" or "6 months" land on their limit despite unit-conversion rounding. */
const TOLERANCE = 1e-9;

function meets(value: number, b: Bound, better: 'higher' | 'lower'): boolean {
  const slack = Math.abs(b.limit) * TOLERANCE;
  if (better === 'higher') return b.strict ? value > b.limit + slack : value >= b.limit - slack;
  return b.strict ? value < b.limit - slack : value <= b.limit + slack;
}

/** The level for a value in the metric's unit (deploys per day, hours, or a failure fraction 0–1). */
export function doraLevel(metric: DoraMetric, value: number): DoraLevel {
  const t = DORA_THRESHOLDS[metric];
  for (const b of t.bounds) if (meets(value, b, t.better)) return b.level;
  return DORA_LEVEL.low;
}

export const DORA_LEVEL_RANK: Record<DoraLevel, number> = { Low: 0, Medium: 1, High: 2, Elite: 3 };
