/**
 * A progress snapshot: the current value of every metric, each theme's % complete and the health score,
 * as the lines "Record snapshot" appends to the Progress History sheet (date, what, name, value, as written).
 * Pure: hosts read the sheets into StrategyData, call this, and append the rows.
 */
import { isCellError } from '../core/values';
import { findFunction, invoke } from '../functions';
import { healthScore, healthStatus } from '../health/scorecard';
import { isNotAvailable, parseMetric } from '../metrics/value';
import { HISTORY_KINDS } from '../catalogue/history';
import { metricName, type HistoryRow, type StrategyData } from './data';
import { rowsOfTheme } from './theme-index';

/** A line of a snapshot, with the number format its Value shows in (valueFormat). */
export type SnapshotLine = Omit<HistoryRow, 'date'> & { format: string };

/** Decimals as a format's fraction part: 2 → ".00", none → "". */
const places = (digits: string | undefined): string => (digits ? `.${'0'.repeat(digits.length)}` : '');

/**
 * The number format that shows a metric's value (METRIC_VALUE: 0.995 for "99.5%", 1200 for "$1,200") as it was
 * written: a percentage with the decimals typed ("0.0%"), an amount with its currency symbol and thousands
 * ("\"$\"#,##0"; "€300K" shows "€300,000", the amount METRIC_VALUE reads), General otherwise (a number typed, "<200ms").
 * The kind and the currency are parseMetric's (so "300 €", "≥ 99.5 %" and "1.2M€" read as METRIC_VALUE reads them);
 * only the decimals typed and whether a magnitude scaled the amount come from the text.
 */
export function valueFormat(written: string | number): string {
  if (typeof written === 'number') return 'General';
  const m = parseMetric(written);
  if (!m || isNotAvailable(m) || (m.kind !== 'percent' && m.kind !== 'money')) return 'General';
  // The first number written: its decimals, and whether a magnitude ("K", "M", "bn") scaled it.
  const [typed = '', decimals] = FIRST_NUMBER.exec(written) ?? [];
  if (m.kind === 'percent') return `0${places(decimals)}%`;
  const scaled = Math.abs(m.value) !== Number(typed.split(',').join(''));
  return `"${m.currency ?? '$'}"#,##0${scaled ? '' : places(decimals)}`;
}

/** A number as typed ("1,200.50"): always found at the first digit, so linear in the text's length. */
const FIRST_NUMBER = /[\d,]*\d(?:\.(\d+))?/;

/** The formats of a theme's % complete and of the health score, as their "As Written" shows them. */
const THEME_FORMAT = '0%';
const HEALTH_FORMAT = '0.0';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Each theme's share of roadmap items done (the Progress Dashboard's % Complete), undefined without items. */
export function themeCompletion(d: StrategyData, theme: string): number | undefined {
  const items = rowsOfTheme(d, 'roadmap', theme).filter((r) => r.initiative !== '');
  if (items.length === 0) return undefined;
  return items.filter((r) => r.status.trim().toLowerCase() === 'done').length / items.length;
}

/** The health score (average of the rated dimensions) and its status, or undefined when nothing is rated. */
export function overallHealth(d: StrategyData): { score: number; status: string } | undefined {
  const ratings = d.health.map((h) => h.rating);
  if (!ratings.some((r) => r !== undefined)) return undefined;
  const score = healthScore(ratings);
  return score === undefined ? undefined : { score, status: healthStatus(score) };
}

/** A metric text's value in its unit's base (METRIC_VALUE), undefined for N/A or unreadable. */
export function metricNumber(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  if (v.trim() === '') return undefined;
  const r = invoke(findFunction('METRIC_VALUE')!, [v])[0][0];
  return typeof r === 'number' && !isCellError(r) ? r : undefined;
}

/** The lines of a snapshot of `d`, in sheet order: metrics, themes, then the health score. */
export function snapshotLines(d: StrategyData): SnapshotLine[] {
  const lines: SnapshotLine[] = [];
  for (const m of d.metrics) {
    const name = metricName(m);
    if (name === '') continue;
    const [value, shown, format] = [metricNumber(m.current), String(m.current), valueFormat(m.current)];
    lines.push({ kind: HISTORY_KINDS.metric, name, value, shown, format });
  }
  for (const t of d.themes) {
    if (t.name.trim() === '') continue;
    const c = themeCompletion(d, t.name);
    const shown = c === undefined ? '' : pct(c);
    lines.push({ kind: HISTORY_KINDS.theme, name: t.name.trim(), value: c, shown, format: THEME_FORMAT });
  }
  const h = overallHealth(d);
  if (h)
    lines.push({
      kind: HISTORY_KINDS.health,
      name: 'Overall',
      value: h.score,
      shown: `${h.score.toFixed(1)} (${h.status})`,
      format: HEALTH_FORMAT,
    });
  return lines;
}

/** The rows to append: [date, what, name, value, as written]; a value that cannot be measured stays blank. */
export function snapshotRows(lines: SnapshotLine[], date: number): (string | number | null)[][] {
  return lines.map((l) => [date, l.kind, l.name, l.value ?? null, l.shown]);
}
