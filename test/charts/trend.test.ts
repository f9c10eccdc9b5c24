/**
 * The trend chart per metric on Progress History, as the user sees it in both hosts' fakes (with their
 * formula engine): the full example workbook is inserted, three snapshots are recorded on three days with
 * metric values changed in between (as a user edits the Metrics Dashboard), and each metric's chart then
 * draws exactly its three points, in date order, with its own values, titled with the metric's name (read
 * from the hidden slot header the title is linked to), while the two spare slots draw nothing. The hidden
 * helper columns are plotted because the charts are told to (test/fakes/chart-data.ts models the hosts'
 * documented default of skipping hidden columns), and #N/A rows of other metrics are never points.
 */
import { insertTemplate } from '../../apps-script/src/templates/server';
import { recordSnapshot } from '../../apps-script/src/strategy/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel } from '../../excel-addin/src/strategy/snapshot';
import { compileTemplate } from '../../shared/templates/index';
import { layoutSheet } from '../../shared/compiler/layout';
import { METRICS_SHEET } from '../../shared/catalogue/metrics';
import { TREND_SLOTS, emptySlotName } from '../../shared/compiler/trend-charts';
import { ymdToSerial } from '../../shared/core/args';
import { excelDrawn, excelTitle, sheetsDrawn, type DrawnSeries } from '../fakes/chart-data';
import { FakeExcelHost, installExcelGlobals, sheetValue } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';

const HISTORY = 'Progress History';
const METRICS = 'Metrics Dashboard';
/** The Current column of the Metrics Dashboard, and the example's rows of the two metrics the user updates. */
const CURRENT = layoutSheet(METRICS_SHEET).letters.current;
const P95_ROW = 3;
const DEPLOY_ROW = 4;

/** Three snapshot days and what the user wrote before each (p95 latency improving, deploys growing). */
const DAYS = [
  { ymd: [2026, 10, 1], p95: '350ms', deploys: '2x/day' },
  { ymd: [2026, 11, 2], p95: '300ms', deploys: '3x/day' },
  { ymd: [2026, 12, 1], p95: '240ms', deploys: '4x/day' },
] as const;

/** The expected trend per metric name: [date serial, value] at each snapshot (values as METRIC_VALUE reads them). */
const serials = DAYS.map((d) => ymdToSerial(d.ymd[0], d.ymd[1], d.ymd[2]));
const EXPECTED: Record<string, number[]> = {
  'SOC 2 certified': [250000, 250000, 250000],
  'p95 latency': [350, 300, 240],
  'Deploy frequency': [2, 3, 4],
  'Experiments/quarter': [25, 25, 25],
};

beforeEach(() => {
  // Only the clock: promises, timers and microtasks stay real (the Excel fake's batches use them).
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval'] });
});
afterEach(() => jest.useRealTimers());

const serialOf = (d: Date): number => ymdToSerial(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const noon = (ymd: readonly number[]): Date => new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2], 12));

/** Each chart's drawn series (one per trend chart), its title, and the dates (column A) of its points. */
interface Trend {
  title: string;
  drawn: DrawnSeries;
  dates: unknown[];
}

function expectTrends(trends: Trend[]): void {
  expect(trends).toHaveLength(TREND_SLOTS);
  const names = Object.keys(EXPECTED);
  trends.forEach((t, i) => {
    if (i >= names.length) {
      expect({ title: t.title, points: t.drawn.points.length }).toEqual({ title: emptySlotName(i + 1), points: 0 });
      return;
    }
    // Slot k = the k-th metric in order of first snapshot (the dashboard's order).
    expect(t.title).toBe(names[i]);
    expect({ metric: t.title, values: t.drawn.points.map((p) => p.value) }).toEqual({
      metric: names[i],
      values: EXPECTED[names[i]],
    });
    expect(t.dates).toEqual(serials);
  });
}

describe('trend chart per metric after three snapshots on three days', () => {
  test('Google Sheets: three points per metric, in date order, named by the metric', () => {
    const fake: SheetsFake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    withSheetsGlobals(fake, () => {
      jest.setSystemTime(noon(DAYS[0].ymd));
      insertTemplate('strategy-workbook', { example: true });
      for (const d of DAYS) {
        jest.setSystemTime(noon(d.ymd));
        const m = fake.ss.sheet(METRICS);
        m.getRange(`${CURRENT}${P95_ROW}`).setValue(d.p95);
        m.getRange(`${CURRENT}${DEPLOY_ROW}`).setValue(d.deploys);
        expect(recordSnapshot().rows).toBe(9);
      }
    });
    const sheet = fake.ss.sheet(HISTORY);
    expect(sheet.charts).toHaveLength(TREND_SLOTS);
    const trends = sheet.charts.map((chart) => {
      const [drawn, ...rest] = sheetsDrawn(sheet, chart);
      expect(rest).toEqual([]);
      // Sheets cannot link a title: the legend names the metric from the slot's header cell.
      // Sheets hands a date cell over as a Date at midnight of the spreadsheet's time zone (the fake's: UTC).
      const dates = drawn.points.map((p) => serialOf(sheet.getRange(`A${p.row}`).getValue() as Date));
      return { title: drawn.name, drawn, dates };
    });
    expectTrends(trends);
  });

  test('Excel: three points per metric, in date order, the title linked to the metric’s name', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    try {
      jest.setSystemTime(noon(DAYS[0].ymd));
      await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('strategy-workbook', { example: true })));
      for (const d of DAYS) {
        jest.setSystemTime(noon(d.ymd));
        await host.Excel.run(async (ctx) => {
          const m = ctx.workbook.worksheets.getItem(METRICS);
          m.getRange(`${CURRENT}${P95_ROW}`).values = [[d.p95]];
          m.getRange(`${CURRENT}${DEPLOY_ROW}`).values = [[d.deploys]];
          await ctx.sync();
        });
        await host.Excel.run((ctx) => recordSnapshotExcel(ctx));
      }
    } finally {
      restore();
    }
    const sheet = host.sheet(HISTORY);
    expect(sheet.charts).toHaveLength(TREND_SLOTS);
    const trends = sheet.charts.map((chart) => {
      const [drawn, ...rest] = excelDrawn(host, HISTORY, chart);
      expect(rest).toEqual([]);
      expect(chart.type).toBe('XYScatterLines');
      const dates = drawn.points.map((p) => sheetValue(host, sheet, p.row - 1, 0));
      return { title: excelTitle(host, HISTORY, chart), drawn, dates };
    });
    expectTrends(trends);
  });
});
