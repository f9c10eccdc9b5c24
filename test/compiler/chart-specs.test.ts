/**
 * What a reader sees of the template charts, from the compiler alone (pure, no formula engine): each chart's title
 * and value-axis title, the roadmap chart's height for its rows, the legend name of each roadmap theme slot, and the
 * roadmap's bar labels ("… (after …)"). Expected texts written by hand from the templates' specs.
 */
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp, SheetPlan } from '../../shared/plan/plan';
import {
  compileChart,
  impactEffortChart,
  placeLabelsFrom,
  quadrantChartColumns,
  quarterAxis,
  roadmapChartLabel,
  themeSlotName,
  timelineHeightPx,
} from '../../shared/compiler/charts';
import { layoutSheet } from '../../shared/compiler/layout';
import { compileSheets } from '../../shared/compiler/compile';
import { parseRange } from '../../shared/a1/a1';

function chartOf(id: string, kind: ChartOp['kind']): ChartOp {
  const plan = compileTemplate(id, { example: false });
  const op = plan.sheets.flatMap((s) => s.charts).find((c) => c.kind === kind);
  if (!op) throw new Error(`no ${kind} chart in ${id}`);
  return op;
}

describe('template charts as a reader sees them', () => {
  test('titles: metric progress toward target, theme progress in % complete', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(expect.arrayContaining(['metrics', 'progress-dashboard', 'roadmap']));
    expect(chartOf('metrics', 'metricProgress').title).toBe('Progress toward target');
    expect(chartOf('progress-dashboard', 'themeProgress').title).toBe('Theme progress (% complete)');
  });

  test('a roadmap charted from a selection counts in quarters: Q1 to Qn on the axis, a line at each', () => {
    const { axis, guides } = quarterAxis(4);
    expect(axis).toEqual({
      title: 'Quarter',
      min: 1,
      max: 5,
      majorUnit: 1,
      numberFormat: '[<5]"Q"0;""',
      sheetsFormat: 'Q#',
    });
    expect(guides.map((g) => [g.value, g.label])).toEqual([
      [1, 'Q1'],
      [2, 'Q2'],
      [3, 'Q3'],
      [4, 'Q4'],
      [5, ''],
    ]);
  });

  test('the roadmap chart has room for eight bars at least, 26 pixels a bar below a 120-pixel frame', () => {
    expect(timelineHeightPx(0)).toBe(328);
    expect(timelineHeightPx(8)).toBe(328);
    expect(timelineHeightPx(9)).toBe(354);
    expect(timelineHeightPx(20)).toBe(640);
    expect(chartOf('roadmap', 'roadmapTimeline').heightPx).toBeGreaterThanOrEqual(328);
  });

  test('theme slots name the themes in order of first appearance; the last slot gathers the rest as "Other themes"', () => {
    const five = ['A', 'B', 'A', '', 'C', 'D', 'E'];
    expect([1, 2, 3, 4, 5].map((k) => themeSlotName(five, k))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(themeSlotName([...five, 'F'], 5)).toBe('Other themes');
    expect(themeSlotName([...five, 'F'], 4)).toBe('D');
    expect(themeSlotName(['A'], 3)).toBe('Theme 3');
  });

  test('a roadmap bar is named by its initiative, with what it waits for; a row without a name has no label', () => {
    expect(roadmapChartLabel('  Set up audit logging ', ' Implement SSO ')).toBe(
      'Set up audit logging (after Implement SSO)',
    );
    expect(roadmapChartLabel('Set up audit logging', '   ')).toBe('Set up audit logging');
    expect(roadmapChartLabel('   ', 'Implement SSO')).toBe('');
  });
});

/** The sheet of a template whose header row holds `header`, and that column's 0-based index. */
function columnOf(id: string, header: string): { sheet: SheetPlan; col: number } {
  for (const sheet of compileTemplate(id, { example: false }).sheets) {
    const col = sheet.cells[0].indexOf(header);
    if (col >= 0) return { sheet, col };
  }
  throw new Error(`no column "${header}" in ${id}`);
}

/** The number format a column's data rows get (the op whose range starts in that column's first data row). */
function formatOf(sheet: SheetPlan, col: number): string | undefined {
  return sheet.numberFormats.find((f) => {
    const r = parseRange(f.range);
    return r.left === col + 1 && r.right === col + 1 && r.top === 2;
  })?.format;
}

describe('helper columns behind the charts, as a reader sees the sheet', () => {
  test('the matrix helper columns (one per quadrant) are hidden; the Quadrant column the user reads is not', () => {
    const quadrants = ['Do Now', 'Plan Carefully', 'Do When You Have Time', "Don't Do"];
    const { sheet } = columnOf('prioritization', 'Quadrant');
    const helper = compileTemplate('prioritization', { example: false })
      .sheets.flatMap((s) => s.charts)
      .find((c) => c.kind === 'impactEffortMatrix')!;
    expect(helper.series!.map((s) => s.name)).toEqual(quadrants);
    for (const s of helper.series!) expect(sheet.hiddenColumns).toContain(parseRange(s.values).left - 1);
    expect(sheet.hiddenColumns).not.toContain(sheet.cells[0].indexOf('Quadrant'));
  });

  test("unhidden, the roadmap helpers show quarters to two decimals: the start and each theme slot's bar length", () => {
    const { sheet, col } = columnOf('roadmap', 'Chart: start (quarters)');
    const op = chartOf('roadmap', 'roadmapTimeline');
    const cols = [col, ...op.series!.slice(1).map((s) => parseRange(s.values).left - 1)];
    expect(cols).toHaveLength(6);
    for (const c of cols) expect([c, sheet.hiddenColumns?.includes(c), formatOf(sheet, c)]).toEqual([c, true, '0.00']);
  });

  test('the in-cell progress bar hides its number (";;;") so only the bar is seen; it is headed "Progress bar"', () => {
    const { sheet, col } = columnOf('metrics', 'Progress bar');
    expect(formatOf(sheet, col)).toBe(';;;');
    expect(sheet.cells[1][col]).toBe(
      `=IF(ISNUMBER(${String.fromCharCode(64 + col)}2),${String.fromCharCode(64 + col)}2,"")`,
    );
  });

  test('progress charts: the legend and value-axis names a reader sees', () => {
    const metric = chartOf('metrics', 'metricProgress');
    expect([metric.series!.map((s) => s.name), metric.axes?.value?.title]).toEqual([
      ['Progress'],
      'Progress from baseline to target',
    ]);
    const theme = chartOf('progress-dashboard', 'themeProgress');
    expect([theme.series!.map((s) => s.name), theme.axes?.value?.title]).toEqual([['% complete'], '% complete']);
  });
});

describe('the impact/effort matrix on a plain sheet (Effort and Impact typed, no helper columns of its own)', () => {
  const layout = layoutSheet({
    key: 'plain',
    name: 'Plain',
    columns: [
      { key: 'project', header: 'Project', width: 100 },
      { key: 'effort', header: 'Effort', width: 60 },
      { key: 'impact', header: 'Impact', width: 60 },
      ...quadrantChartColumns(),
    ],
    rows: 5,
  });

  test('plots effort across and impact up, and places the names from those same columns', () => {
    const op = compileChart(impactEffortChart(), layout, { filledRows: 5, topPx: 0 });
    expect(op.series!.map((s) => s.xValues)).toEqual(Array(4).fill('B2:B6'));
    expect(op.labelValues).toEqual({ x: 'B2:B6', y: 'C2:C6', labels: 'A2:A6' });
  });

  test('a label column the sheet lacks is named in the error', () => {
    const spec = { ...impactEffortChart(), labelAt: { x: 'effort', y: 'impact', labels: 'name' } };
    expect(() => compileChart(spec, layout, { filledRows: 5, topPx: 0 })).toThrow(
      'Chart on sheet plain: labels names unknown column "name"',
    );
  });
  test('a point with no name gets no label; a named one does', () => {
    const op = compileChart(impactEffortChart(), layout, { filledRows: 5, topPx: 0 });
    const placed = placeLabelsFrom(op, [3, 8], [8, 3], [null, 'Alpha']);
    expect(placed.map((p) => p.row)).toEqual([1]);
  });

  test('each hidden quadrant column (after one spacer) takes the row impact where its Quadrant names it, else #N/A', () => {
    const columns = [
      { key: 'impact', header: 'Impact', width: 60 },
      { key: 'quadrant', header: 'Quadrant', width: 60 },
      ...quadrantChartColumns(),
    ];
    const plan = compileSheets({ id: 't', title: 'T' }, [{ key: 'q', name: 'Q', columns, rows: 2 }], {
      example: false,
      today: 46000,
    });
    expect(plan.sheets[0].cells[1].slice(3)).toEqual([
      '=IF(B2="Do Now",A2,NA())',
      '=IF(B2="Plan Carefully",A2,NA())',
      '=IF(B2="Do When You Have Time",A2,NA())',
      '=IF(B2="Don\'t Do",A2,NA())',
    ]);
  });

  test('a malformed chart spec is refused with what is wrong (a programming error, caught here)', () => {
    const ctx = { filledRows: 5, topPx: 0 };
    const base = impactEffortChart();
    expect(() => compileChart({ ...base, series: [] }, layout, ctx)).toThrow(
      'Chart "Impact / Effort matrix" on sheet plain has no series',
    );
    expect(() => compileChart({ ...base, titleFromHeader: 'owner' }, layout, ctx)).toThrow(
      'Chart "Impact / Effort matrix" on sheet plain: title names unknown column "owner"',
    );
    const bars = { ...base, kind: 'metricProgress' as const, labelAt: undefined };
    expect(() =>
      compileChart({ ...bars, block: true, series: [{ column: 'project' }, { column: 'impact' }] }, layout, ctx),
    ).toThrow('Chart "Impact / Effort matrix": block series must be adjacent columns');
    expect(() =>
      compileChart({ ...bars, calendar: { start: 'effort', end: 'impact', theme: 'project' } }, layout, ctx),
    ).toThrow('Chart "Impact / Effort matrix": a calendar chart needs the plan\'s first day');
  });
});
