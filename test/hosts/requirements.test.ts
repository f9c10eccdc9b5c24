/**
 * Excel requirement sets: the executor needs ExcelApi 1.8 (declared in manifest.xml) and guards what is
 * newer (manifest.xml's <Set Name="ExcelApi"> is checked in test/bundle/manifest.test.ts). The Excel fake rejects, at sync, any member newer than the host's `apiVersion` (ApiNotFound),
 * with the versions from @types/office-js, so these tests fail if the executor starts using a newer
 * member without a guard.
 */
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { addExcelCharts } from '../../excel-addin/src/templates/charts';
import { insertChartFromSelectionExcel } from '../../excel-addin/src/templates/chart-selection';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { selectExcel } from '../fakes/excel-selection';
import { attachExcelEngine } from '../fakes/excel-engine';
import { runSelfCheckExcel } from '../../excel-addin/src/self-check';
import {
  EXCEL_API_LINK_NUMBER_FORMAT,
  EXCEL_API_REQUIRED,
  hostApiSupport,
} from '../../excel-addin/src/templates/requirements';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp } from '../../shared/plan/plan';
import { chartPathVersion, FakeExcelHost, installExcelGlobals, versionAtLeast } from '../fakes/excel';
import { FakeExcelWorksheet, opsAt } from '../fakes/chart-recorders';

async function insert(host: FakeExcelHost, id: string): Promise<{ syncs: number; error?: string }> {
  const restore = installExcelGlobals(host);
  const ctx = host.context();
  try {
    await applyPlanExcel(ctx as unknown as Excel.RequestContext, compileTemplate(id, { example: true }));
    return { syncs: ctx.syncs };
  } catch (e) {
    return { syncs: ctx.syncs, error: (e as Error).message };
  } finally {
    restore();
  }
}

const allOps = (host: FakeExcelHost): string[] =>
  host.state.sheets.flatMap((s) => s.charts.flatMap((c) => c.ops.map((o) => o.path)));

describe('the fake knows the requirement sets (so the tests below can fail)', () => {
  test('versions compare numerically and chart members map to their ExcelApi version', () => {
    expect(versionAtLeast('1.10', '1.9')).toBe(true);
    expect(versionAtLeast('1.8', '1.9')).toBe(false);
    expect(chartPathVersion('axes.valueAxis.linkNumberFormat')).toBe('1.9');
    expect(chartPathVersion('axes.valueAxis.numberFormat')).toBe('1.8');
    expect(chartPathVersion('legend.position')).toBe('1.1');
    expect(chartPathVersion('series.getItemAt().points.getItemAt().dataLabel.formula')).toBe('1.8');
    expect(chartPathVersion('title.text')).toBe('1.1');
  });

  test('a host on ExcelApi 1.8 rejects linkNumberFormat when the executor is told (wrongly) that 1.9 is there', async () => {
    const host = new FakeExcelHost();
    host.apiVersion = '1.8';
    const ctx = host.context();
    await expect(
      applyPlanExcel(ctx as unknown as Excel.RequestContext, compileTemplate('metrics', { example: true }), {
        supports: () => true,
      }),
    ).rejects.toThrow(/ExcelApi 1\.9/);
    // Nothing half-built is left behind.
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });
});

describe.each(TEMPLATES.map((t) => t.id))(`%s on the oldest supported Excel (ExcelApi ${EXCEL_API_REQUIRED})`, (id) => {
  test(`inserts completely on ExcelApi ${EXCEL_API_REQUIRED}, in three round trips (the fill split to keep requests under 1 MB), without the 1.9-only member`, async () => {
    const host = new FakeExcelHost();
    host.apiVersion = EXCEL_API_REQUIRED;
    const r = await insert(host, id);
    expect(r.error).toBeUndefined();
    expect(r.syncs).toBeGreaterThanOrEqual(3);
    expect(r.syncs).toBe(host.requestBytes.length);
    expect(Math.max(...host.requestBytes)).toBeLessThan(1_000_000);
    expect(host.sheetNames().length).toBeGreaterThan(1);
    expect(allOps(host).filter((p) => p.endsWith('linkNumberFormat'))).toEqual([]);
  });
});

describe('guards', () => {
  test(`on ExcelApi ${EXCEL_API_LINK_NUMBER_FORMAT} the axis number format is unlinked from the cells`, async () => {
    const host = new FakeExcelHost();
    host.apiVersion = EXCEL_API_LINK_NUMBER_FORMAT;
    expect((await insert(host, 'metrics')).error).toBeUndefined();
    expect(allOps(host)).toContain('axes.valueAxis.linkNumberFormat');
    expect(allOps(host)).toContain('axes.valueAxis.numberFormat');
  });

  test('on ExcelApi 1.7 the insert is refused before anything is queued, with a message that says why', async () => {
    const host = new FakeExcelHost(['Budget']);
    host.apiVersion = '1.7';
    const r = await insert(host, 'roadmap');
    expect(r.syncs).toBe(0);
    expect(r.error).toMatch(
      /Roadmap was not inserted: this version of Excel does not support the Excel JavaScript API 1\.8/,
    );
    expect(r.error).toMatch(/Nothing was added/);
    expect(host.sheetNames()).toEqual(['Budget']);
  });

  test('hostApiSupport reads Office.context.requirements and is permissive without Office', () => {
    expect(hostApiSupport()('99.0')).toBe(true);
    const host = new FakeExcelHost();
    host.apiVersion = '1.8';
    const restore = installExcelGlobals(host);
    try {
      const supports = hostApiSupport();
      expect([supports('1.7'), supports('1.8'), supports('1.9')]).toEqual([true, true, false]);
    } finally {
      restore();
    }
  });
});

describe('point labels never outnumber the points', () => {
  test('a label range longer than the (trimmed) series asks only for existing points', () => {
    const op: ChartOp = {
      kind: 'impactEffortMatrix',
      title: 'T',
      anchor: 'M2',
      widthPx: 400,
      heightPx: 300,
      form: 'scatter',
      sheetRef: "'P'",
      excelRows: 3,
      series: [{ name: 'A', values: 'C2:C51', xValues: 'B2:B51', pointLabels: 'A2:A51' }],
    };
    const ws = new FakeExcelWorksheet('P');
    addExcelCharts(ws.api(), [op]);
    const labels = opsAt(ws.charts[0], 'series.getItemAt().points.getItemAt().dataLabel.formula');
    expect(labels.map((o) => o.value)).toEqual(["='P'!$A$2", "='P'!$A$3", "='P'!$A$4"]);
  });
});

describe(`every other Excel code path on ExcelApi ${EXCEL_API_REQUIRED}`, () => {
  // A table each chart on demand accepts (header row first).
  const TABLE = [
    ['Name', 'Effort', 'Impact', 'Start', 'End', 'Score', 'Target', 'Progress'],
    ['SSO', 5, 9, 46391, 46477, 3, 4, 0.5],
    ['Audit', 8, 7, 46419, 46568, 4, 5, 0.25],
  ];
  test.each(CHART_CATALOG.map((c) => c.kind))(
    'Insert chart ▸ %s: inserted, the 1.9-only member left out',
    async (kind) => {
      const host = new FakeExcelHost(['Sheet1']);
      host.apiVersion = EXCEL_API_REQUIRED;
      const restore = installExcelGlobals(host);
      try {
        await host.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:H3').values = TABLE as never;
          await ctx.sync();
        });
        selectExcel(host, 'Sheet1', 'A1:H3');
        await host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, kind));
      } finally {
        restore();
      }
      expect(host.sheet('Sheet1').charts).toHaveLength(1);
      expect(allOps(host).filter((p) => p.endsWith('linkNumberFormat'))).toEqual([]);
    },
  );

  test('without the guard the same chart fails on ExcelApi 1.8 (so the test above can fail)', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.apiVersion = EXCEL_API_REQUIRED;
    const op: ChartOp = {
      kind: 'metricProgress',
      title: 'T',
      anchor: 'M2',
      widthPx: 400,
      heightPx: 300,
      form: 'bar',
      categories: 'A2:A3',
      series: [{ name: 'Progress', values: 'H2:H3' }],
      axes: { value: { min: 0, max: 1, numberFormat: '0%' } },
    };
    const ctx = host.context();
    addExcelCharts(ctx.workbook.worksheets.getItem('Sheet1'), [op], () => true);
    await expect(ctx.sync()).rejects.toThrow(/linkNumberFormat needs ExcelApi 1\.9|ExcelApi 1\.9/);
  });

  test('the self-check (task pane, About tab) runs completely, without any member above ExcelApi 1.8', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.apiVersion = EXCEL_API_REQUIRED;
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    try {
      const report = await runSelfCheckExcel({ templates: ['prioritization', 'metrics'] });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.environment.api).toMatch(/ExcelApi 1\.8$/);
      // The decimal separator comes from the language here (cultureInfo is ExcelApi 1.11): never a failed read.
      expect(report.environment.numbers).toMatch(/^decimal "\."/);
      expect(report.checks.some((c) => c.group === 'Charts')).toBe(true);
    } finally {
      restore();
    }
  });
});
