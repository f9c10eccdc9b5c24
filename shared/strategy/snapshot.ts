/**
 * A progress snapshot: the current value of every metric, each theme's % complete and the health score,
 * as the lines "Record snapshot" appends to the Progress History sheet (date, what, name, value, as written).
 * Pure: hosts read the sheets into StrategyData, call this, and append the rows.
 */
import { isCellError } from '../core/values';
import { findFunction, invoke } from '../functions';
import { healthScore, healthStatus } from '../health/scorecard';
import { HISTORY_KINDS } from '../catalogue/history';
import { metricName, type HistoryRow, type StrategyData } from './data';
import { rowsOfTheme } from './theme-index';

export type SnapshotLine = Omit<HistoryRow, 'date'>;

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
    lines.push({ kind: HISTORY_KINDS.metric, name, value: metricNumber(m.current), shown: String(m.current) });
  }
  for (const t of d.themes) {
    if (t.name.trim() === '') continue;
    const c = themeCompletion(d, t.name);
    lines.push({ kind: HISTORY_KINDS.theme, name: t.name.trim(), value: c, shown: c === undefined ? '' : pct(c) });
  }
  const h = overallHealth(d);
  if (h)
    lines.push({
      kind: HISTORY_KINDS.health,
      name: 'Overall',
      value: h.score,
      shown: `${h.score.toFixed(1)} (${h.status})`,
    });
  return lines;
}

/** The rows to append: [date, what, name, value, as written]; a value that cannot be measured stays blank. */
export function snapshotRows(lines: SnapshotLine[], date: number): (string | number | null)[][] {
  return lines.map((l) => [date, l.kind, l.name, l.value ?? null, l.shown]);
}
