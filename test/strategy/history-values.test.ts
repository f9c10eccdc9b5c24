/**
 * Progress History's Value reads as the metric is written (issue #18, "Noticed, left alone"): "Record snapshot" gives
 * each line's Value its own number format — a percentage with the decimals typed, an amount with its currency
 * symbol, General otherwise; a theme's % complete as a percentage, the health score with one decimal — so the cell
 * shows "99.5%" and "$1,200", not "0.995" and "1200.000". The same in Google Sheets (getDisplayValues), Excel
 * (Range.text), the preview's grid and the .xlsx it downloads (each cell's number format). And each trend chart's
 * value axis reads as its metric: the uptime's ticks as percentages (99.5%, not 0.995), the cost's in dollars — Sheets
 * vAxis.format, Excel ChartAxis.numberFormat, the preview's y ticks, the .xlsx c:valAx c:numFmt (sourceLinked 0).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { recordSnapshot } from '../../apps-script/src/strategy/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel } from '../../excel-addin/src/strategy/snapshot';
import { PreviewWorkbook } from '../../preview/workbook';
import { readPreviewSheets, recordPreviewSnapshot } from '../../preview/snapshot';
import { workbookModel } from '../../preview/model-export';
import { formatValue } from '../../shared/core/number-format';
import { compileTemplate } from '../../shared/templates/index';
import { valueFormat } from '../../shared/strategy/snapshot';
import { trendSlotOf } from '../../shared/strategy/trend-growth';
import { historyPlan } from '../../shared/strategy/record';
import { colLetter, parseRange } from '../../shared/a1/a1';
import { trendChartName } from '../../excel-addin/src/templates/charts';
import { chartConfig } from '../../ui/charts/config';
import { writeXlsx } from '../../xlsx/writer';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';

const NOW = new Date(2026, 11, 1, 12);
const plan = () => compileTemplate('strategy-workbook', { example: true, now: NOW });
const DASHBOARD = 'Metrics Dashboard';
const HISTORY = 'Progress History';
/** The Metrics Dashboard's Current column (0-based). */
const CURRENT = plan()
  .sheets.find((s) => s.name === DASHBOARD)!
  .cells[0].indexOf('Current');
/** What the manager types as the four metrics' current values (a Text column: kept as typed in every host). */
const TYPED = ['99.5%', '$1,200', '€300K', '45'];
/** What History's Value shows for them: the typed form (an amount in thousands as the amount METRIC_VALUE reads). */
const SHOWN = ['99.5%', '$1,200', '€300,000', '45'];

/** Each trend slot's axis format (slots 1–4 chart the four metrics) and what a tick at the metric's value reads. */
const AXIS_FORMATS = ['0.0%', '"$"#,##0', '"€"#,##0', 'General'];
const TICKS: [number, string][] = [
  [0.995, '99.5%'],
  [1200, '$1,200'],
  [300000, '€300,000'],
  [45, '45'],
];
/** Slot k's helper column (0-based), as Progress History is inserted. */
const slotColumn = (k: number): number => parseRange(historyPlan(0).sheets[0].charts[k - 1].series![0].values).left - 1;

/** History's first snapshot as shown: [What, Value shown, As Written] per line. */
type Shown = [string, string, string][];

/** What a line's Value must show: the metrics as SHOWN, a theme's % complete and the health score as written. */
function expected(lines: Shown): Shown {
  let metric = 0;
  return lines.map(([what, , written]) => {
    if (what === 'Metric') return [what, SHOWN[metric++], written];
    return [what, what === 'Health score' ? written.replace(/ \(.*\)$/, '') : written, written];
  });
}

test('each written form has its format', () => {
  expect(TYPED.map(valueFormat)).toEqual(['0.0%', '"$"#,##0', '"€"#,##0', 'General']);
  expect(['>99.9%', '$12.50', '<200ms', 45, '2%'].map(valueFormat)).toEqual([
    '0.0%',
    '"$"#,##0.00',
    'General',
    'General',
    '0%',
  ]);
  // Read as METRIC_VALUE reads them: the symbol after the amount, spaces and comparators, magnitudes, N/A and words.
  expect(
    ['300 €', '≥ 99.5 %', '1.2M€', '$2.5k', '-$1,200.75', '£3bn', 'N/A', 'twice a week', '5%ish'].map(valueFormat),
  ).toEqual(['"€"#,##0', '0.0%', '"€"#,##0', '"$"#,##0', '"$"#,##0.00', '"£"#,##0', 'General', 'General', 'General']);
});

describe('Google Sheets', () => {
  const fake = createSheetsFake(['Sheet1']);
  const ss = fake.ss.real();
  withSheetsGlobals(fake, () => {
    applyPlanSheets(ss, plan());
    ss.getSheetByName(DASHBOARD)!
      .getRange(2, CURRENT + 1, TYPED.length, 1)
      .setValues(TYPED.map((v) => [v]));
    recordSnapshot();
  });

  test('getDisplayValues of the Value column shows what was typed', () => {
    const h = ss.getSheetByName(HISTORY)!;
    const n = h.getLastRow() - 1;
    const shown = h.getRange(2, 2, n, 4).getDisplayValues();
    const lines: Shown = shown.map((r) => [r[0], r[2], r[3]]);
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });

  test('each trend chart gets vAxis.format in its metric form', () => {
    const charts = ss.getSheetByName(HISTORY)!.getCharts();
    const bySlot = (k: number) => charts.find((c) => c.getRanges()[1]?.getColumn() === slotColumn(k) + 1)!;
    const formats = [1, 2, 3, 4].map((k) => bySlot(k).getOptions().get('vAxis.format'));
    // Google Charts' ICU pattern subset: literal symbols unquoted, 'none' (no formatting) for General.
    expect(formats).toEqual(['0.0%', '$#,##0', '€#,##0', 'none']);
  });
});

describe('Excel', () => {
  const host = new FakeExcelHost();
  const ctx = () => host.context() as unknown as Excel.RequestContext;
  beforeAll(async () => {
    await applyPlanExcel(ctx(), plan());
    const c = ctx();
    c.workbook.worksheets.getItem(DASHBOARD).getRangeByIndexes(1, CURRENT, TYPED.length, 1).values = TYPED.map((v) => [
      v,
    ]);
    await c.sync();
    await recordSnapshotExcel(ctx());
  });

  test('Range.text of the Value column shows what was typed', async () => {
    const r = ctx();
    const range = r.workbook.worksheets.getItem(HISTORY).getRange('B2:E10').load('text');
    await r.sync();
    const lines: Shown = range.text.map((row) => [row[0], row[2], row[3]]);
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });

  test('each trend chart value axis reads as its metric', () => {
    const charts = host.sheet(HISTORY).charts;
    const ticks = TICKS.map(([v], i) => {
      const chart = charts.find((x) => x.name === trendChartName(i + 1))!;
      const format = chart.ops.filter((o) => o.path === 'axes.valueAxis.numberFormat').pop()?.value;
      return formatValue(v, format as string | undefined);
    });
    expect(ticks).toEqual(TICKS.map(([, t]) => t));
  });
});

// The Metrics Dashboard alone (the snapshot inserts Progress History): the full workbook's .xlsx takes seconds to write.
describe('the preview and its .xlsx download', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('metrics', { example: true, now: NOW }));
  TYPED.forEach((v, i) => wb.setInput(DASHBOARD, 1 + i, CURRENT, v));
  recordPreviewSnapshot(wb, NOW);
  const history = readPreviewSheets(wb).find((s) => s.name === HISTORY)!;
  const rows = history.rows.slice(1).filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== '');
  // Written once, for both .xlsx tests.
  let xlsx: Promise<Uint8Array> | undefined;
  const download = () => (xlsx ??= writeXlsx(ExcelJS, workbookModel(wb), { title: 'Technical strategy' }));

  test('the grid shows the Value as typed', () => {
    const lines: Shown = rows.map((r, i) => [String(r[1]), history.shown![i + 1][3] ?? '', String(r[4])]);
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });

  test('the .xlsx gives each Value cell the format that shows it so', async () => {
    const bytes = await download();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(HISTORY)!;
    const lines: Shown = rows.map((r, i) => {
      const cell = sheet.getCell(`D${i + 2}`);
      return [String(r[1]), formatValue(cell.value, cell.numFmt), String(sheet.getCell(`E${i + 2}`).value)];
    });
    expect(lines.filter(([w]) => w === 'Metric').map(([, v]) => v)).toEqual(SHOWN);
    expect(lines).toEqual(expected(lines));
  });

  test('the trend charts tick as the metric', () => {
    const trends = wb.metaOf(HISTORY).charts.filter((op) => trendSlotOf(op) !== undefined);
    const ticks = TICKS.map(([v], i) => {
      const op = trends.find((o) => trendSlotOf(o) === i + 1)!;
      const config = chartConfig(op, (a1) => wb.rangeValues(HISTORY, a1));
      const y = (config.options?.scales as Record<string, { ticks: { callback?: (v: number) => string } }>).y;
      return y.ticks.callback ? y.ticks.callback(v) : String(v);
    });
    expect(ticks).toEqual(TICKS.map(([, t]) => t));
  });

  test('the .xlsx trend charts value axis has the metric format, not linked to the source', async () => {
    const zip = await JSZip.loadAsync(await download());
    const xmls = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .map(async (n) => (await zip.file(n)!.async('string')).replace(/&apos;/g, "'")),
    );
    const formats = [1, 2, 3, 4].map((k) => {
      const xml = xmls.find((x) => x.includes(`History'!$${colLetter(slotColumn(k))}$2:`))!;
      // The scatter's second c:valAx is the vertical one (the first is the snapshot dates).
      const axes = [...xml.matchAll(/<c:valAx>[\s\S]*?<\/c:valAx>/g)].map((m) => m[0]);
      const numFmt = /<c:numFmt formatCode="([^"]*)" sourceLinked="0"\/>/.exec(axes[1])?.[1] ?? '';
      return numFmt.replace(/&quot;/g, '"');
    });
    expect(formats).toEqual(AXIS_FORMATS);
  });
});
