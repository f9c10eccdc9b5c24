/**
 * The self-check's chart check: every inserted chart has its series and they draw the numbers their cells
 * hold (none lost because the chart skips hidden cells). Pure: each host reads the facts it can (Sheets:
 * the chart's ranges, their values and hidden columns, the hidden-dimension strategy; Excel: the chart's
 * series count and plotVisibleOnly, the planned series ranges' values and whether their columns are hidden).
 */
import type { CheckResult } from './report';

/** One series as the host shows it: its cells' values and whether its column is hidden. */
export interface SeriesFacts {
  /** The values of the series' cells (header excluded). */
  values: unknown[];
  /** The series' column is hidden (helper columns are). */
  hiddenColumn: boolean;
}

export interface ChartFacts {
  /** "Roadmap by quarter" on "✓k3f9 Roadmap". */
  name: string;
  /** Series the host chart has. */
  seriesCount: number;
  /** Series the plan asked for. */
  plannedSeries: number;
  /** The chart plots cells of hidden columns (Sheets IGNORE_ROWS / SHOW_BOTH; Excel plotVisibleOnly = false). */
  plotsHiddenColumns: boolean;
  series: SeriesFacts[];
  /**
   * Why drawing no point is expected, not a fault, as long as nothing its cells hold is lost (emptyExpected):
   * the chart plots only what is recorded later, or may rightly have no bar.
   */
  awaitsData?: string;
}

/**
 * The charts that may draw nothing and be right: Progress History's trends (empty until the first snapshot), the
 * weight tornado (no bar where no weight within ±100 % changes the top N, as in the example).
 */
export function emptyExpected(kind: string | undefined): string | undefined {
  if (kind === 'metricTrend') return 'nothing recorded to draw yet';
  if (kind === 'weightTornado') return 'no weight tips the top N';
  return undefined;
}

const numbers = (s: SeriesFacts): number => s.values.filter((v) => typeof v === 'number').length;

/** Points a series draws: its numbers, unless its column is hidden and the chart skips hidden columns. */
export function drawnPoints(s: SeriesFacts, plotsHiddenColumns: boolean): number {
  return s.hiddenColumn && !plotsHiddenColumns ? 0 : numbers(s);
}

export function chartCheck(f: ChartFacts): CheckResult {
  const drawn = f.series.map((s) => drawnPoints(s, f.plotsHiddenColumns));
  const lost = f.series.filter((s, i) => numbers(s) > drawn[i]).length;
  const total = drawn.reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (f.seriesCount !== f.plannedSeries) problems.push(`${f.seriesCount} series instead of ${f.plannedSeries}`);
  if (lost > 0) problems.push(`${lost} series in hidden columns the chart does not plot`);
  if (total === 0 && !f.awaitsData) problems.push('no data point is drawn');
  return {
    group: 'Charts',
    name: f.name,
    ok: problems.length === 0,
    detail:
      problems.length > 0
        ? problems.join('; ')
        : `${f.seriesCount} series, ${total === 0 && f.awaitsData ? f.awaitsData : `${total} data points drawn`}${f.plotsHiddenColumns ? ' (hidden helper columns plotted)' : ''}`,
  };
}

/**
 * Sheets: the series of an embedded chart from its ranges, as Sheets reads them: the first range is the domain,
 * every column of the others a series; with `numHeaders` the first row of each is a header.
 */
export function sheetsSeries(
  ranges: Array<{ values: unknown[][]; hiddenColumns: boolean[] }>,
  numHeaders: number,
): SeriesFacts[] {
  return ranges.slice(1).flatMap((r) =>
    r.hiddenColumns.map((hidden, j) => ({
      values: r.values.slice(numHeaders).map((row) => row[j]),
      hiddenColumn: hidden,
    })),
  );
}

/** Sheets' strategies that plot hidden columns (ChartHiddenDimensionStrategy: IGNORE_ROWS, SHOW_BOTH). */
export const plotsHiddenColumnsSheets = (strategy: string): boolean =>
  strategy === 'IGNORE_ROWS' || strategy === 'SHOW_BOTH';
