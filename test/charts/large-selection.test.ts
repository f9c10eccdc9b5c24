/**
 * Charts on demand for a selection of 100,000 rows (issue #11): each of the five charts is built by the
 * core, and the Impact / Effort matrix (the chart the issue saw fail) through both hosts' insert actions
 * with the recording fakes. Before the fix, spreading the
 * selected values into Math.min/Math.max threw "Maximum call stack size exceeded" from about 62,000 rows;
 * the lint rule no-restricted-syntax (eslint.config.js) keeps spreads of arrays out of calls.
 */
import { insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { insertChartFromSelectionExcel } from '../../excel-addin/src/templates/chart-selection';
import { CHART_KINDS, chartFromSelection } from '../../shared/chart-from-selection/chart-from-selection';
import type { SelectionChartKind as ChartKind } from '../../shared/compiler/charts';
import { FakeExcelHost } from '../fakes/excel';
import { selectExcel } from '../fakes/excel-selection';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

const ROWS = 100000;
const LAST = ROWS + 1; // header in row 1

/** A table of ROWS data rows (header first) that plays every role of `kind`. */
function table(kind: ChartKind): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const name = `Item ${i + 1}`;
    if (kind === 'impactEffortMatrix') rows.push([name, (i % 10) + 1, ((i * 7) % 10) + 1]);
    else if (kind === 'roadmapTimeline') rows.push([name, 46023 + (i % 300), 46023 + (i % 300) + 30 + (i % 90)]);
    else if (kind === 'healthRadar') rows.push([name, (i % 5) + 1, 4]);
    // Progress as percentages (0–100) for metrics, as fractions (0–1) for themes: both axis scales.
    else if (kind === 'metricProgress') rows.push([name, i % 101, '']);
    else rows.push([name, (i % 101) / 100, '']);
  }
  const header: Record<ChartKind, unknown[]> = {
    impactEffortMatrix: ['Project', 'Impact', 'Effort'],
    roadmapTimeline: ['Initiative', 'Start', 'End'],
    healthRadar: ['Dimension', 'Score', 'Target'],
    metricProgress: ['Metric', 'Progress', ''],
    themeProgress: ['Theme', '% Complete', ''],
  };
  return [header[kind], ...rows];
}

/** Only the columns the table fills. */
const width = (kind: ChartKind): number => (kind === 'metricProgress' || kind === 'themeProgress' ? 2 : 3);
const address = (kind: ChartKind): string => `A1:${'ABC'[width(kind) - 1]}${LAST}`;
const trimmed = (kind: ChartKind): unknown[][] => table(kind).map((r) => r.slice(0, width(kind)));

describe.each(CHART_KINDS.map((k) => [k]))('%s over 100,000 selected rows', (kind) => {
  test('the core builds the chart over every row', () => {
    const r = chartFromSelection(
      kind,
      { sheet: 'Data', address: address(kind), values: trimmed(kind) },
      { usedRight: width(kind), helpersFree: true },
    );
    if (!r.ok) throw new Error(r.error);
    expect(JSON.stringify(r.op)).toContain(`${LAST}`);
    if (kind === 'roadmapTimeline') expect(r.writes[0].range).toBe(`D1:E${LAST}`);
  });
});

describe('the Impact / Effort matrix over 100,000 selected rows, in both hosts', () => {
  const kind: ChartKind = 'impactEffortMatrix';

  test('Google Sheets: Insert chart adds the chart', () => {
    const fake = createSheetsFake(['Data']);
    const sheet = fake.ss.sheet('Data');
    sheet.insertRowsAfter(sheet.getMaxRows(), LAST - sheet.getMaxRows());
    sheet.rangeAt(address(kind)).setValues(trimmed(kind));
    fake.ss.select('Data', address(kind));
    const report = withSheetsGlobals(fake, () => insertChartFromSelection(kind));
    expect(sheet.charts).toHaveLength(1);
    expect(report.message).toContain(address(kind));
  });

  test('Excel: Insert chart adds the chart', async () => {
    const host = new FakeExcelHost(['Data']);
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Data').getRange(address(kind)).formulas = trimmed(kind) as (string | number)[][];
    await ctx.sync();
    selectExcel(host, 'Data', address(kind));
    const report = await host.Excel.run((c) => insertChartFromSelectionExcel(c, kind));
    expect(host.sheet('Data').charts).toHaveLength(1);
    expect(report.message).toContain(address(kind));
  });
});
