/**
 * Progress History: the values "Record snapshot" appends, one line per value (date, what, name, value, as written),
 * so a snapshot of any number of metrics and themes is a block of rows added at the end and no past row is
 * ever rewritten (seed guide, steps 9–10: monthly reviews of metrics and progress need history).
 */
import { defineSheet } from '../spec/schema';
import { TREND_SLOTS, trendChartColumns, trendCharts } from '../compiler/trend-charts';
import { DATE_FORMAT } from './common';

/**
 * Rows with trend formulas at insertion: a snapshot of the example is 9 lines (4 metrics, 4 themes, the health score),
 * so 500 rows hold about four years of monthly snapshots of a strategy twice its size. "Record snapshot" grows the
 * formulas and the charts' ranges by this many rows whenever History passes them (trend-growth.ts).
 */
export const HISTORY_ROWS = 500;

/** The kinds of value a snapshot records (the "What" column). */
export const HISTORY_KINDS = { metric: 'Metric', theme: 'Theme % complete', health: 'Health score' } as const;

/**
 * Progress History with `rows` data rows of trend formulas and `slots` trend charts: the template inserts it with
 * HISTORY_ROWS and TREND_SLOTS; "Record snapshot" compiles it larger to grow the formulas and charts it has.
 */
export const historySheet = (rows: number, slots: number) =>
  defineSheet({
    key: 'history',
    // Not "History": Excel reserves that sheet name (its change-tracking sheet) and refuses it.
    name: 'Progress History',
    tabColor: '#6d9eeb',
    rows,
    frozenColumns: 1,
    columns: [
      {
        key: 'date',
        header: 'Date',
        kind: 'date',
        required: true,
        width: 100,
        numberFormat: DATE_FORMAT,
        help: 'The day of the snapshot.',
      },
      { key: 'kind', header: 'What', kind: 'text', width: 130, help: Object.values(HISTORY_KINDS).join(' / ') },
      { key: 'name', header: 'Name', kind: 'text', width: 260, style: { bold: true } },
      {
        key: 'value',
        header: 'Value',
        kind: 'number',
        width: 110,
        help: "A metric's value in its unit's base (as METRIC_VALUE reads it), a share for % complete, the health score.",
      },
      { key: 'shown', header: 'As Written', kind: 'text', width: 120, numberFormat: '@', style: { hAlign: 'right' } },
      ...trendChartColumns(slots),
    ],
    charts: trendCharts(slots),
    note: `Filled by "Record snapshot" (menu, panel, preview): each snapshot appends today's date with the current value of every metric, each theme's % complete and the health score. Past rows are never rewritten. Beside the table, a trend chart per metric (in order of first snapshot) plots its value at each snapshot, from hidden helper columns; "Record snapshot" extends them as the log grows and adds a chart for each new metric.`,
  });

export const HISTORY_SHEET = historySheet(HISTORY_ROWS, TREND_SLOTS);
