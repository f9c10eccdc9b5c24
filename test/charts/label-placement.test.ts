/**
 * The impact/effort matrix's names placed clear of each other (issue #18 item 6): the pure placement over
 * the journey's ten projects (where "SLO dashboards and alerting" ran into "Feature flag platform"), a crowd
 * that must be numbered, and each renderer carrying the placement: the plan (Excel sets it per point), the
 * Excel executor, the .xlsx (c:dLblPos per point, from the file's values) and the preview's Chart.js labels.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  labelBox,
  matrixFrame,
  overlaps,
  placeLabels,
  pointBox,
  type LabelPoint,
  type PlotFrame,
} from '../../shared/compiler/label-placement';
import { impactEffortChart, placeLabelsFrom } from '../../shared/compiler/charts';
import { chartsToRefresh } from '../../shared/templates/chart-refresh';
import { PRIORITIZATION_SHEET_WITH_TEAM } from '../../shared/catalogue/prioritization-team';
import { TEAM_SHEET } from '../../shared/catalogue/team';
import { layoutSheet } from '../../shared/compiler/layout';
import { columnIndex } from '../../shared/compiler/compile';
import { PreviewWorkbook } from '../../preview/workbook';
import { readPreviewSheets } from '../../preview/snapshot';
import { compileSpec } from '../../shared/compiler/compile';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { resolvePlan } from '../../shared/plan/resolve';
import type { ChartOp, LabelSide, PlanCell, RenderPlan } from '../../shared/plan/plan';
import { addExcelCharts } from '../../excel-addin/src/templates/charts';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { previewFrame, scatterConfig } from '../../ui/charts/scatter';
import { gridRect } from '../../shared/a1/a1';
import { FakeExcelWorksheet } from '../fakes/chart-recorders';
import { FakeExcelHost, installExcelGlobals, type XChart } from '../fakes/excel';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { refreshChartsExcel } from '../../excel-addin/src/strategy/snapshot';
import { compileTemplate } from '../../shared/templates/index';
import { JOURNEY_PROJECTS } from '../fixtures/journey-projects';

const spec = impactEffortChart(5.5);
const frame: PlotFrame = matrixFrame({ axes: spec.axes, widthPx: spec.widthPx!, heightPx: spec.heightPx! });
const journey: LabelPoint[] = JOURNEY_PROJECTS.map((p) => ({ x: p.effort, y: p.impact, label: p.project }));
const SLO = journey.findIndex((p) => p.label === 'SLO dashboards and alerting');
const FLAGS = journey.findIndex((p) => p.label === 'Feature flag platform');

/** Every pair of names, and every name against every other point: the problems found. */
function clashes(
  points: LabelPoint[],
  sides: Array<{ side: LabelSide; number?: number } | undefined>,
  f: PlotFrame = frame,
): string[] {
  const boxes = points.map((p, i) => {
    const s = sides[i];
    return s ? labelBox(p, s.number !== undefined ? String(s.number) : p.label, s.side, f) : undefined;
  });
  const out: string[] = [];
  boxes.forEach((a, i) => {
    if (!a) return;
    boxes.forEach((b, j) => j > i && b && overlaps(a, b) && out.push(`${points[i].label} × ${points[j].label}`));
    points.forEach(
      (p, j) => j !== i && overlaps(a, pointBox(p, f)) && out.push(`${points[i].label} over point ${p.label}`),
    );
  });
  return out;
}

/** The prioritization template with these projects typed in (the journey's by default), compiled and resolved. */
function journeyPlan(projects = JOURNEY_PROJECTS): RenderPlan {
  const rows = projects.map((p) => ({
    project: p.project,
    impact: p.impact,
    effort: p.effort,
    urgency: 5,
    risk: 3,
  }));
  const template = {
    id: 'journey',
    name: 'Journey',
    description: '',
    sheets: [{ ...PRIORITIZATION_SHEET, examples: rows }],
  };
  return resolvePlan(compileSpec(template, { example: true, today: 46000 }), { sheets: [], namedRanges: [] }).plan;
}
const matrixOf = (plan: RenderPlan): ChartOp => plan.sheets[0].charts.find((c) => c.kind === 'impactEffortMatrix')!;

describe('placement (pure geometry)', () => {
  test('the old rule (right of points in the left half) ran "SLO dashboards and alerting" into "Feature flag platform"', () => {
    const old = journey.map((p) => ({ side: (p.x > 5.5 ? 'left' : 'right') as LabelSide }));
    expect(clashes(journey, old)).toContain('SLO dashboards and alerting × Feature flag platform');
  });

  test('the journey: every name placed, none over another name or a point, all inside the plot', () => {
    const { placed, key } = placeLabels(journey, frame);
    expect(key).toEqual([]);
    expect(placed.every((p) => p !== undefined && p.number === undefined)).toBe(true);
    expect(clashes(journey, placed)).toEqual([]);
    expect(overlaps(placed[SLO]!.box, placed[FLAGS]!.box)).toBe(false);
    for (const p of placed) {
      expect(p!.box.left).toBeGreaterThanOrEqual(0);
      expect(p!.box.right).toBeLessThanOrEqual(frame.widthPx);
    }
  });

  test('a crowd that cannot all be named is numbered, the numbers listed with their names', () => {
    const crowd: LabelPoint[] = Array.from({ length: 9 }, (_, i) => ({
      x: 3 + (i % 3) * 0.15,
      y: 7 + Math.floor(i / 3) * 0.15,
      label: `Project with a long name ${i + 1}`,
    }));
    const { placed, key } = placeLabels(crowd, frame);
    expect(key.length).toBeGreaterThan(0);
    for (const k of key) {
      const i = crowd.findIndex((p) => p.label === k.label);
      expect(placed[i]!.number).toBe(k.number);
    }
    expect(key.map((k) => k.number)).toEqual(key.map((_, n) => n + 1));
    // Every point is named or numbered.
    expect(placed.every((p) => p !== undefined)).toBe(true);
  });
});

describe('each renderer carries the placement', () => {
  const plan = journeyPlan();
  const op = matrixOf(plan);
  const sides = JOURNEY_PROJECTS.map((_, row) => op.labelPlacement?.find((p) => p.row === row));

  test('the plan: a side per typed project, computed at insertion from the values, clear of each other', () => {
    expect(op.labelValues).toBeDefined();
    expect(sides.every((s) => s !== undefined)).toBe(true);
    expect(clashes(journey, sides)).toEqual([]);
  });

  /** Walk the recorded ops: the point index of each getItemAt, then what was set on its dataLabel (the last set). */
  function labelsOf(ops: XChart['ops']): Map<number, { position?: unknown; formula?: unknown }> {
    const byPoint = new Map<number, { position?: unknown; formula?: unknown }>();
    let point = -1;
    for (const o of ops) {
      if (o.path.endsWith('points.getItemAt') && o.args) point = Number(o.args[0]);
      if (o.path.endsWith('points.getItemAt().dataLabel.position'))
        byPoint.set(point, { ...byPoint.get(point), position: o.value });
      if (o.path.endsWith('points.getItemAt().dataLabel.formula'))
        byPoint.set(point, { ...byPoint.get(point), formula: o.value });
    }
    return byPoint;
  }
  const excel = { right: 'Right', left: 'Left', above: 'Top', below: 'Bottom' };

  test('Excel: each point label on its placed side (dataLabel.position), names still linked to their cells', () => {
    const ws = new FakeExcelWorksheet('Prioritization');
    addExcelCharts(ws.api(), [op]);
    const byPoint = labelsOf(ws.charts[0].ops);
    JOURNEY_PROJECTS.forEach((_, row) => {
      expect(byPoint.get(row)?.position).toBe(excel[sides[row]!.side]);
      expect(byPoint.get(row)?.formula).toBe(`='Prioritization'!$A$${row + 2}`);
    });
  });

  // Issue #18 item 3: Excel placed the names only at insertion; "Refresh charts" places them again from the cells.
  test('Excel, a blank Prioritization with the projects typed in: Refresh charts places each name clear of the others', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const restore = installExcelGlobals(host);
    const now = new Date(2026, 10, 16, 12);
    try {
      await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('prioritization', { example: false, now })));
      const inserted = host.sheet('Prioritization').charts[0].ops.length;
      await host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Prioritization');
        JOURNEY_PROJECTS.forEach((p, i) => {
          ws.getRange(`A${i + 2}`).values = [[p.project]];
          ws.getRange(`C${i + 2}`).values = [[p.impact]];
          ws.getRange(`E${i + 2}`).values = [[p.effort]];
        });
        await ctx.sync();
      });
      const report = await host.Excel.run((ctx) => refreshChartsExcel(ctx));
      expect(report.message).toContain('"Impact / Effort matrix" on "Prioritization"');
      const byPoint = labelsOf(host.sheet('Prioritization').charts[0].ops.slice(inserted));
      JOURNEY_PROJECTS.forEach((_, row) => {
        expect({ row, position: byPoint.get(row)?.position }).toEqual({ row, position: excel[sides[row]!.side] });
        expect(byPoint.get(row)?.formula).toBe(`='Prioritization'!$A$${row + 2}`);
      });
      expect(clashes(journey, sides)).toEqual([]);
    } finally {
      restore();
    }
  });

  test('.xlsx: each point label of the file on its side (c:dLblPos), placed from the values written', async () => {
    const zip = await JSZip.loadAsync(await writeXlsx(ExcelJS, modelFromPlans([journeyPlan()])));
    const names = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const xmls = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
    const matrix = xmls.find((x) => x.includes('c:scatterChart') && x.includes('c:dLbl>'))!;
    const firstSeries = matrix.split('</c:ser>')[0];
    const pos = [...firstSeries.matchAll(/<c:dLbl><c:idx val="(\d+)"\/>.*?<c:dLblPos val="(\w)"\/>/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    const file = { right: 'r', left: 'l', above: 't', below: 'b' };
    expect(pos).toEqual(JOURNEY_PROJECTS.map((_, row) => [row, file[sides[row]!.side]]));
  });

  test('preview: every name drawn on its side, none hidden for overlapping', () => {
    // What the engine computes: names, efforts, and each project's impact in its quadrant's series only.
    const quadrant = (p: (typeof JOURNEY_PROJECTS)[number]): string =>
      p.impact >= 5.5
        ? p.effort >= 5.5
          ? 'Plan Carefully'
          : 'Do Now'
        : p.effort >= 5.5
          ? "Don't Do"
          : 'Do When You Have Time';
    const series = op.series ?? [];
    const read = (a1: string): unknown[][] => {
      const rows = gridRect(a1).bottom - gridRect(a1).top + 1;
      const s = series.find((x) => x.values === a1);
      return Array.from({ length: rows }, (_, row) => {
        const p = JOURNEY_PROJECTS[row];
        if (!p) return [null];
        if (a1 === op.labelValues!.labels) return [p.project];
        if (a1 === series[0].xValues) return [p.effort];
        return [s && quadrant(p) === s.name ? p.impact : null];
      });
    };
    const config = scatterConfig(
      op,
      read,
      (op.series ?? []).map((s) => s.name),
    );
    const labels = (config.options as { plugins: { datalabels: Record<string, unknown> } }).plugins.datalabels;
    expect(labels.display).toBe(true);
    const align = labels.align as (ctx: unknown) => string;
    const text = labels.formatter as (p: unknown) => string;
    const fromChartjs: Record<string, LabelSide> = { right: 'right', left: 'left', top: 'above', bottom: 'below' };
    // What the preview draws: each point's side and text, in its own plot frame (padded axes).
    const drawn = config.data.datasets.flatMap((d) =>
      (d.data as unknown as LabelPoint[]).map((p, i) => ({
        point: p,
        side: fromChartjs[align({ dataIndex: i, dataset: d })],
        text: text(p),
      })),
    );
    expect(drawn).toHaveLength(JOURNEY_PROJECTS.length);
    const points = drawn.map((d) => d.point);
    const sidesDrawn = drawn.map((d) => ({
      side: d.side,
      ...(d.text !== d.point.label ? { number: Number(d.text) } : {}),
    }));
    expect(clashes(points, sidesDrawn, previewFrame(op))).toEqual([]);
    // A numbered name is listed under the chart.
    const key = (config.options as { plugins: { subtitle: { text: string[] } } }).plugins.subtitle.text;
    expect(key).toEqual(sidesDrawn.flatMap((s, i) => (s.number ? [`${s.number} ${points[i].label}`] : [])).sort());
  });
});

test('.xlsx: a crowd the plot cannot name shows numbers, listed beside the plot (a text box in the chart)', async () => {
  const crowd = Array.from({ length: 8 }, (_, i) => ({
    project: `Platform migration wave ${i + 1}`,
    impact: 8 + (i % 2),
    effort: 2 + (i % 3 === 0 ? 0 : 1),
  }));
  const zip = await JSZip.loadAsync(await writeXlsx(ExcelJS, modelFromPlans([journeyPlan(crowd)])));
  const files = Object.keys(zip.files);
  const chartFiles = files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  const xmls = await Promise.all(chartFiles.map((n) => zip.file(n)!.async('string')));
  const matrix = xmls.find((x) => x.includes('c:scatterChart') && x.includes('c:dLbl>'))!;
  const numbers = [...matrix.matchAll(/<c:dLbl><c:idx val="(\d+)"\/><c:tx><c:rich>.*?<a:t>(\d+)<\/a:t>/g)].map(
    (m) => m[2],
  );
  expect(numbers.length).toBeGreaterThan(0);
  const drawings = files.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
  const shapes = (await Promise.all(drawings.map((n) => zip.file(n)!.async('string')))).join('');
  for (const n of new Set(numbers)) expect(shapes).toMatch(new RegExp(`<a:t>${n} Platform migration wave \\d</a:t>`));
});

test('"Use team scores": Refresh charts places each name from the values its point is plotted at (the team\u2019s), not the typed ones', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: new Date(2026, 11, 1, 12) }));
  const P = layoutSheet(PRIORITIZATION_SHEET_WITH_TEAM);
  const T = layoutSheet(TEAM_SHEET);
  // The team moves SSO and Analytics: SSO's effort 9 (typed 5), Analytics' impact 3 and effort 2 (typed 7 and 8).
  const rate = (row: number, key: string, v: number): void =>
    [1, 2, 3, 4].forEach((n) => wb.setInputs(TEAM_SHEET.name, row, T.index[`${key}${n}`], [[String(v)]]));
  rate(1, 'e', 9);
  rate(2, 'i', 3);
  rate(2, 'e', 2);
  const useTeam = /^\$([A-Z]+)\$(\d+)$/.exec(P.side.useTeam)!;
  wb.setInputs(PRIORITIZATION_SHEET.name, Number(useTeam[2]) - 1, columnIndex(useTeam[1]), [['Yes']]);
  const matrix = chartsToRefresh(readPreviewSheets(wb), new Date(2026, 11, 1, 12)).find((r) => r.op.labelValues)!.op;
  const read = (key: string) =>
    wb.rangeValues(PRIORITIZATION_SHEET.name, `${P.letters[key]}2:${P.letters[key]}${1 + P.rows}`).map((r) => r[0]);
  const names = read('project') as PlanCell[];
  // Where the points are: the "… used" columns the series plot (x: Effort used; y: Impact used, per quadrant).
  const [xs, ys] = [read('effortUsed'), read('impactUsed')] as PlanCell[][];
  expect([xs[0], ys[1], xs[1]]).toEqual([9, 3, 2]);
  const atPoints = placeLabelsFrom(matrix, xs, ys, names);
  expect(matrix.labelPlacement).toEqual(atPoints);
  // The typed values would place them elsewhere (the test can fail).
  const typed = placeLabelsFrom(matrix, read('effort') as PlanCell[], read('impact') as PlanCell[], names);
  expect(typed).not.toEqual(atPoints);
});
