/** Progress of a metric from its baseline towards its target, and a status against the time elapsed. */
import { comparatorDirection } from './value';
import { type MetricValue } from './units';
import { STATUS_WORD } from '../core/statuses';

export type Direction = 'lower' | 'higher';

/**
 * Which way is better. The target's comparator decides first ("<200ms": lower is better; "100+", ">99.9%":
 * higher is better); otherwise a target below the baseline means lower is better and one above it means
 * higher is better; a target equal to the baseline without a comparator has no direction.
 */
export function inferDirection(baseline: MetricValue, target: MetricValue): Direction | undefined {
  const fromComparator = comparatorDirection(target.comparator);
  if (fromComparator) return fromComparator;
  if (target.value < baseline.value) return 'lower';
  if (target.value > baseline.value) return 'higher';
  return undefined;
}

/** True when `current` is at the target or beyond it in the better direction (comparators count as "or equal"). */
export function reached(current: number, target: number, direction: Direction | undefined): boolean {
  if (direction === 'lower') return current <= target;
  if (direction === 'higher') return current >= target;
  return current === target;
}

/**
 * Fraction of the way from baseline to target, capped to 0–1: (current − baseline) ÷ (target − baseline).
 * When the baseline is already at or beyond the target (in the better direction) the fraction is undefined,
 * so progress is 1 if the current value reaches the target and 0 otherwise.
 */
export function metricProgress(baseline: MetricValue, current: MetricValue, target: MetricValue): number {
  const direction = inferDirection(baseline, target);
  const span = target.value - baseline.value;
  const usable = direction === 'lower' ? span < 0 : direction === 'higher' ? span > 0 : false;
  if (!usable) return reached(current.value, target.value, direction) ? 1 : 0;
  if (reached(current.value, target.value, direction)) return 1;
  const p = (current.value - baseline.value) / span;
  // Not reached, so never 1: (0 − −1e16) ÷ (1 − −1e16) rounds to 1 and would read as "Done" below the target.
  return Math.min(JUST_BELOW_ONE, Math.max(0, p));
}

/** The largest number below 1: the progress of a target not reached, however close. */
export const JUST_BELOW_ONE = 1 - Number.EPSILON / 2;

/**
 * The neutral status of a metric with no dates and its target not reached: nothing says it is late, so it is
 * neither on nor off track (counted apart on the Progress Dashboard; it never turns a theme off track).
 */
export const NO_DUE_DATE = 'No due date';

/** A metric's status words, declared once: METRIC_STATUS, its native formula, the drop-down and its colours read them. */
export const METRIC_STATUS = {
  done: STATUS_WORD.done,
  onTrack: STATUS_WORD.onTrack,
  atRisk: STATUS_WORD.atRisk,
  offTrack: STATUS_WORD.offTrack,
  noDueDate: NO_DUE_DATE,
} as const;
export type MetricStatus = (typeof METRIC_STATUS)[keyof typeof METRIC_STATUS];
/** The Metrics Dashboard's Status column lists these, in this order. */
export const METRIC_STATUSES: MetricStatus[] = Object.values(METRIC_STATUS);

/** How far progress may trail the elapsed share of time and still be "At risk" rather than "Off track". */
export const AT_RISK_MARGIN = 0.25;

/** Share of the time from start to due that has passed on `today`, capped to 0–1 (all serial day numbers). */
export function elapsedShare(start: number, due: number, today: number): number {
  return Math.min(1, Math.max(0, (today - start) / (due - start)));
}

/**
 * Status from progress (0–1) and, when dates are given, the time elapsed:
 * - progress 1 (target reached) → Done;
 * - with start and due: past the due date → Off track; else On track when progress ≥ elapsed share,
 *   At risk when it trails by at most 0.25, Off track otherwise;
 * - without dates: "No due date" (neutral: no time to measure progress against).
 */
export function metricStatus(progress: number, dates?: { start: number; due: number; today: number }): MetricStatus {
  if (progress >= 1) return METRIC_STATUS.done;
  if (!dates) return NO_DUE_DATE;
  if (dates.today > dates.due) return METRIC_STATUS.offTrack;
  const share = elapsedShare(dates.start, dates.due, dates.today);
  if (progress >= share) return METRIC_STATUS.onTrack;
  return progress >= share - AT_RISK_MARGIN ? METRIC_STATUS.atRisk : METRIC_STATUS.offTrack;
}

/**
 * Status of a metric that has no baseline ("N/A": never measured before), so no progress can be measured:
 * the target met → Done; otherwise the status comes from the time left, as if no progress had been made
 * (progress 0): with start and due, On track until the start, At risk while at most AT_RISK_MARGIN of the
 * period has passed, Off track after that and past the due date; without dates, "No due date".
 * Which way is better comes from the target's comparator only ("<200ms", "100+"); without one, the target
 * is met only when the current value equals it.
 */
export function statusWithoutBaseline(
  current: MetricValue,
  target: MetricValue,
  dates?: { start: number; due: number; today: number },
): MetricStatus {
  const met = reached(current.value, target.value, comparatorDirection(target.comparator));
  return metricStatus(met ? 1 : 0, dates);
}
