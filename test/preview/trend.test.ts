/**
 * The preview's trend charts on Progress History, drawn from the preview's own workbook (HyperFormula) with the
 * Chart.js configuration the page renders: after three snapshots on three days, with metric values edited in
 * between, each metric's chart has its three (date, value) points, in date order, joined by a line, and its
 * title is the metric's name read from the cell it is linked to; the spare slots draw nothing. Before any
 * snapshot, the example's charts are empty, titled as waiting for one and saying so in the plot (no date axis).
 */
import { PreviewWorkbook } from '../../preview/workbook';
import { recordPreviewSnapshot } from '../../preview/snapshot';
import { compileTemplate } from '../../shared/templates';
import { layoutSheet } from '../../shared/compiler/layout';
import { METRICS_SHEET } from '../../shared/catalogue/metrics';
import { TREND_NO_DATA, TREND_SLOTS, emptySlotName } from '../../shared/compiler/trend-charts';
import { chartConfig } from '../../ui/charts/config';
import { serialLabel } from '../../ui/charts/trend';
import { colIndex } from '../../shared/a1/a1';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeXlsx } from '../../xlsx/writer';
import { historyPlan } from '../../shared/strategy/record';
import { ymdToSerial } from '../../shared/core/args';
import { workbookModel } from '../../preview/model-export';

const HISTORY = 'Progress History';
const CURRENT = colIndex(layoutSheet(METRICS_SHEET).letters.current);
const DAYS = [
  { now: new Date(2026, 9, 1, 12), p95: '350ms', deploys: '2x/day' },
  { now: new Date(2026, 10, 2, 12), p95: '300ms', deploys: '3x/day' },
  { now: new Date(2026, 11, 1, 12), p95: '240ms', deploys: '4x/day' },
];

interface Drawn {
  title: string;
  points: { x: number; y: number }[];
  showLine: boolean;
}

function drawn(wb: PreviewWorkbook): Drawn[] {
  return wb.metaOf(HISTORY).charts.map((op) => {
    const config = chartConfig(op, (a1) => wb.rangeValues(HISTORY, a1));
    const title = (config.options?.plugins?.title as { text: string }).text;
    const ds = config.data.datasets[0] as unknown as { data: { x: number; y: number }[]; showLine: boolean };
    return { title, points: ds.data, showLine: ds.showLine };
  });
}

test('before any snapshot: one empty trend chart per slot, titled as waiting for a snapshot, saying so without a date axis', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: DAYS[0].now }));
  const d = drawn(wb);
  expect(d.map((c) => c.title)).toEqual(Array.from({ length: TREND_SLOTS }, (_, i) => emptySlotName(i + 1)));
  expect(d.every((c) => c.points.length === 0)).toBe(true);
  // Each says so in its plot, with no date axis (no 1899-12-30 ticks from serial 0).
  for (const op of wb.metaOf(HISTORY).charts) {
    const config = chartConfig(op, (a1) => wb.rangeValues(HISTORY, a1));
    const x = (
      config.options?.scales as Record<string, { ticks: { display?: boolean; callback?: (v: number) => string } }>
    ).x;
    expect(x.ticks.display).toBe(false);
    expect(x.ticks.callback).toBeUndefined(); // no date labels from serial 0
    const notes = (config.options?.plugins as { annotation: { annotations: Record<string, { content: string }> } })
      .annotation.annotations;
    expect(Object.values(notes).map((n) => n.content)).toEqual([TREND_NO_DATA]);
  }
  // One snapshot later, the metrics' charts draw their point and say nothing more.
  recordPreviewSnapshot(wb, DAYS[0].now);
  const first = wb.metaOf(HISTORY).charts[0];
  const config = chartConfig(first, (a1) => wb.rangeValues(HISTORY, a1));
  expect((config.options?.plugins as { annotation: { annotations: object } }).annotation.annotations).toEqual({});
});

test('after three snapshots: each metric draws its three points over the snapshot dates, joined by a line', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: DAYS[0].now }));
  for (const day of DAYS) {
    // The example's rows 3 and 4 of the Metrics Dashboard: p95 latency and deploy frequency.
    wb.setInput('Metrics Dashboard', 2, CURRENT, day.p95);
    wb.setInput('Metrics Dashboard', 3, CURRENT, day.deploys);
    recordPreviewSnapshot(wb, day.now);
  }
  const d = drawn(wb);
  const dates = ['2026-10-01', '2026-11-02', '2026-12-01'];
  const expected: Array<[string, number[]]> = [
    ['SOC 2 certified', [250000, 250000, 250000]],
    ['p95 latency', [350, 300, 240]],
    ['Deploy frequency', [2, 3, 4]],
    ['Experiments/quarter', [25, 25, 25]],
  ];
  expect(d).toHaveLength(TREND_SLOTS);
  expected.forEach(([name, ys], i) => {
    expect({ title: d[i].title, ys: d[i].points.map((p) => p.y), line: d[i].showLine }).toEqual({
      title: name,
      ys,
      line: true,
    });
    expect(d[i].points.map((p) => serialLabel(p.x))).toEqual(dates);
  });
  expect(d.slice(expected.length).map((c) => c.points.length)).toEqual([0, 0]);
});

describe('no silent limit: 700 logged rows and eight metrics', () => {
  // 700 rows of four earlier metrics (175 snapshots each), then today's snapshot of the example's four: every new row
  // below row 501 where the template's formulas end, and two metrics past its six chart slots.
  const LOG_ROWS = 700;
  const logged = (wb: PreviewWorkbook): void => {
    const id = wb.sheetId(HISTORY);
    wb.hf.batch(() => {
      for (let i = 0; i < LOG_ROWS; i++)
        [45000 + Math.floor(i / 4), 'Metric', `Earlier metric ${(i % 4) + 1}`, i, String(i)].forEach((v, col) =>
          wb.hf.setCellContents({ sheet: id, row: 1 + i, col }, v),
        );
    });
  };
  const names = [1, 2, 3, 4].map((k) => `Earlier metric ${k}`);
  names.push('SOC 2 certified', 'p95 latency', 'Deploy frequency', 'Experiments/quarter');

  let wb: PreviewWorkbook | undefined;
  /** One workbook for both tests (built once: the snapshot over 700 rows is the slow part). */
  function grown(): PreviewWorkbook {
    if (wb) return wb;
    wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    // The Metrics Dashboard beside Progress History (the engine recalculates only these two sheets).
    wb.insertPlan(compileTemplate('metrics', { example: true, now: DAYS[0].now }));
    wb.insertPlan(historyPlan(ymdToSerial(2026, 10, 1)));
    logged(wb);
    const r = recordPreviewSnapshot(wb, DAYS[0].now);
    expect(r.message).not.toMatch(/No trend chart|where the trend charts end|not found as Progress History made/);
    return wb;
  }

  test('the preview: eight charts, each drawing every row of its metric', () => {
    const d = drawn(grown());
    expect(d.map((c) => ({ title: c.title, points: c.points.length }))).toEqual(
      names.map((title, i) => ({ title, points: i < 4 ? LOG_ROWS / 4 : 1 })),
    );
    // The last earlier snapshot (row 701) and today's (row 702 on) are drawn.
    expect(d[3].points.at(-1)).toEqual({ x: 45000 + LOG_ROWS / 4 - 1, y: LOG_ROWS - 1 });
    expect(d[7].points.map((p) => p.y)).toEqual([25]);
  });

  test('the .xlsx downloaded from it: eight trend charts whose ranges reach the last row', async () => {
    const bytes = await writeXlsx(ExcelJS, workbookModel(grown()), { title: 'Technical strategy' });
    const zip = await JSZip.loadAsync(bytes);
    const ranges: string[][] = [];
    for (const f of Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
      const xml = await zip.file(f)!.async('string');
      if (!xml.includes('Progress History')) continue;
      ranges.push([...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'")));
    }
    expect(ranges).toHaveLength(8);
    for (const r of ranges) {
      expect(r).toContain(`'Progress History'!$A$2:$A$1001`);
      expect(r.some((x) => /^'Progress History'!\$[H-O]\$2:\$[H-O]\$1001$/.test(x))).toBe(true);
    }
  });
});
