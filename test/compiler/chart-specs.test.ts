/**
 * What a reader sees of the template charts, from the compiler alone (pure, no formula engine): each chart's title
 * and value-axis title, the roadmap chart's height for its rows, the legend name of each roadmap theme slot, and the
 * roadmap's bar labels ("… (after …)"). Expected texts written by hand from the templates' specs.
 */
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp, PlanCell, SheetPlan } from '../../shared/plan/plan';
import {
  compileChart,
  impactEffortChart,
  labelCells,
  metricProgressChart,
  placeLabelsFrom,
  roadmapTimelineChart,
  type ChartSpec,
  quadrantChartColumns,
  quarterAxis,
  roadmapChartLabel,
  themeSlotName,
  timelineHeightPx,
} from '../../shared/compiler/charts';
import { layoutSheet } from '../../shared/compiler/layout';
import { columnLetter, compileSheets } from '../../shared/compiler/compile';
import { ymdToSerial } from '../../shared/core/args';
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
    const helper = chartOf('prioritization', 'impactEffortMatrix');
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
    const progress = columnLetter(col - 1); // the Progress column, just left of the bar
    expect(sheet.cells[1][col]).toBe(`=IF(ISNUMBER(${progress}2),${progress}2,"")`);
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

/**
 * A plain sheet: Project, Effort and Impact typed (A–C), Start, End and Theme (D–F), Effort used and Impact used
 * (G–H), and the matrix's hidden quadrant columns; five data rows.
 */
const layout = layoutSheet({
  key: 'plain',
  name: 'Plain',
  columns: [
    ...['project', 'effort', 'impact', 'start', 'end', 'theme', 'effortUsed', 'impactUsed'].map((key) => ({
      key,
      header: key,
      width: 60,
    })),
    ...quadrantChartColumns(),
  ],
  rows: 5,
});
const ctx = { filledRows: 5, topPx: 0 };

describe('the impact/effort matrix on a plain sheet (Effort and Impact typed, no helper columns of its own)', () => {
  test('plots effort across and impact up, and places the names from those same columns', () => {
    const op = compileChart(impactEffortChart(), layout, ctx);
    expect(op.series!.map((s) => s.xValues)).toEqual(Array(4).fill('B2:B6'));
    expect(op.labelValues).toEqual({ x: 'B2:B6', y: 'C2:C6', labels: 'A2:A6' });
  });

  test('a point with no name gets no label; a named one does', () => {
    const op = compileChart(impactEffortChart(), layout, ctx);
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

/** A template chart as compiled for a blank template, without its name placement (tested in label-placement). */
function blankOp(id: string, kind: ChartOp['kind']): Omit<ChartOp, 'labelPlacement'> {
  const { labelPlacement: _placement, ...op } = chartOf(id, kind);
  return op;
}

describe('each template chart whole, as the hosts are told to draw it (blank templates)', () => {
  test('the impact/effort matrix: four quadrant series on 1–10 scales crossed at 5.5, the seed guide captions', () => {
    const scale = { min: 1, max: 10, majorUnit: 1, crossesAt: 5.5 };
    const quadrant = (name: string, values: string, color: string) => ({
      name,
      values,
      xValues: 'AZ2:AZ51', // Effort used
      color,
      pointLabels: 'A2:A51', // Project
    });
    expect(blankOp('prioritization', 'impactEffortMatrix')).toEqual({
      kind: 'impactEffortMatrix',
      title: 'Impact / Effort matrix',
      anchor: 'BD2',
      widthPx: 640,
      heightPx: 520,
      form: 'scatter',
      series: [
        quadrant('Do Now', 'AR2:AR51', '#009E73'),
        quadrant('Plan Carefully', 'AS2:AS51', '#0072B2'),
        quadrant('Do When You Have Time', 'AT2:AT51', '#E69F00'),
        quadrant("Don't Do", 'AU2:AU51', '#D55E00'),
      ],
      sheetRef: '{{sheet:projects}}',
      axes: {
        category: { title: 'Effort (1 = low, 10 = high)', ...scale },
        value: { title: 'Business impact (1 = low, 10 = high)', ...scale },
      },
      legend: 'bottom',
      quadrants: {
        x: 5.5,
        y: 5.5,
        topLeft: 'Do Now (Quick Wins)',
        topRight: 'Plan Carefully (Big Bets)',
        bottomLeft: 'Do When You Have Time (Nice to Have)',
        bottomRight: "Don't Do (Time Sinks)",
      },
      // Names placed from the values plotted (Effort used, Impact used), or the typed Effort and Impact.
      labelValues: { x: 'AZ2:AZ51', y: 'AX2:AX51', labels: 'A2:A51', typed: { x: 'E2:E51', y: 'C2:C51' } },
    });
    const { sheet } = columnOf('prioritization', 'Project');
    expect(['AZ', 'AX', 'E', 'C'].map((L) => sheet.cells[0][parseRange(`${L}1`).left - 1])).toEqual([
      'Effort used',
      'Impact used',
      'Effort',
      'Business Impact',
    ]);
  });

  test('the tornado sits under the matrix: 520 px and a 21 px gap counted in 17 px rows (row 2 + 32)', () => {
    expect(blankOp('prioritization', 'weightTornado').anchor).toBe('BD34');
  });

  test('the health radar: Score and Target over the six dimensions on a 0–5 scale', () => {
    expect(blankOp('health-scorecard', 'healthRadar')).toEqual({
      kind: 'healthRadar',
      title: 'Technical health (1–5)',
      anchor: 'I2',
      widthPx: 560,
      heightPx: 460,
      form: 'radar',
      series: [
        { name: 'Score', values: 'B2:B7', color: '#0072B2' },
        { name: 'Target', values: 'F2:F7', color: '#E69F00' },
      ],
      sheetRef: '{{sheet:health}}',
      categories: 'A2:A7',
      axes: { value: { min: 0, max: 5, majorUnit: 1, numberFormat: '0' } },
      legend: 'bottom',
    });
  });

  test('metric progress: bars of Progress as percentages 0–100 %, no legend, ten rows charted in Excel', () => {
    expect(blankOp('metrics', 'metricProgress')).toEqual({
      kind: 'metricProgress',
      title: 'Progress toward target',
      anchor: 'W2',
      widthPx: 640,
      heightPx: 360,
      form: 'bar',
      series: [{ name: 'Progress', values: 'J2:J51', color: '#0072B2' }],
      sheetRef: '{{sheet:metrics}}',
      categories: 'C2:C51',
      axes: {
        value: {
          title: 'Progress from baseline to target',
          min: 0,
          max: 1,
          majorUnit: 0.25,
          numberFormat: '0%',
          sheetsFormat: 'percent',
        },
      },
      legend: 'none',
      excelRows: 10,
    });
  });

  test('a metric trend: dated points joined by lines, titled by its header cell, read from the log', () => {
    const trend = chartOf('strategy-workbook', 'metricTrend'); // the first slot's, on Progress History
    expect(trend).toMatchObject({ form: 'scatter', lines: true, titleCell: 'H1', source: 'H1:H501', legend: 'none' });
    expect(trend.trendOf).toEqual({ slot: 1, kind: 'B2:B501', name: 'C2:C501', value: 'D2:D501' });
  });

  test('the roadmap: stacked bars from an invisible Start, one colour per theme slot, on the calendar quarters', () => {
    const op = blankOp('roadmap', 'roadmapTimeline');
    expect(op).toMatchObject({
      form: 'stackedBar',
      categories: 'K2:K51',
      legend: 'bottom',
      calendar: { start: 'E2:E51', end: 'F2:F51', theme: 'B2:B51' },
      source: 'N1:S51',
      excelRows: 10,
      widthPx: 760,
    });
    expect(op.series![0]).toEqual({ name: 'Start', values: 'N2:N51', invisible: true });
    expect(op.series!.slice(1).map((s) => [s.name, s.color, s.invisible])).toEqual([
      ['Theme 1', '#0072B2', undefined],
      ['Theme 2', '#E69F00', undefined],
      ['Theme 3', '#009E73', undefined],
      ['Theme 4', '#CC79A7', undefined],
      ['Theme 5', '#56B4E9', undefined],
    ]);
    expect(op.axes?.value?.title).toMatch(/^Quarter: Q\d \d{4} to Q\d \d{4}, a line each$/);
    expect(op.guides!.length).toBeGreaterThanOrEqual(5);
  });

  test('the roadmap helpers: theme order and colour slot hidden; slot 1 falls back to "Theme 1"; the last gathers the rest', () => {
    const { sheet, col: rank } = columnOf('roadmap', 'Chart: theme order');
    const slot = sheet.cells[0].indexOf('Chart: colour slot');
    expect(slot).toBeGreaterThan(0);
    expect(sheet.hiddenColumns).toEqual(expect.arrayContaining([rank, slot]));
    const op = chartOf('roadmap', 'roadmapTimeline');
    const [first, last] = [op.series![1], op.series![5]].map((s) => parseRange(s.values).left - 1);
    expect(sheet.cells[0][first]).toMatch(/"Theme 1"\)$/);
    expect(sheet.cells[0][last]).toMatch(/^=IF\(MAX\(.*\)>5,"Other themes",/);
    // Row 2: slot 1 draws a bar of theme 1 only, the last slot of every theme from the fifth on.
    expect(sheet.cells[1][first]).toMatch(/N\([A-Z]+2\)=1\)/);
    expect(sheet.cells[1][last]).toMatch(/N\([A-Z]+2\)>=5\)/);
  });
});

describe('compiling a chart spec on a plain sheet', () => {
  test('a chart of fewer rows than the sheet reads only those rows, its names too', () => {
    const op = compileChart({ ...impactEffortChart(5.5, 'effortUsed', 'impactUsed'), rows: 3 }, layout, ctx);
    expect(op.labelValues).toEqual({ x: 'G2:G4', y: 'H2:H4', labels: 'A2:A4', typed: { x: 'B2:B4', y: 'C2:C4' } });
    expect(op.series!.map((s) => s.pointLabels)).toEqual(Array(4).fill('A2:A4'));
  });

  test('names are placed for the chart rows given only', () => {
    const given = Array.from({ length: 5 }, (_, i) => ({ project: `P${i}`, effort: 2 + i, impact: 8 - i }));
    const op = compileChart({ ...impactEffortChart(), rows: 3 }, layout, { ...ctx, given });
    expect(op.labelPlacement!.map((p) => p.row)).toEqual([0, 1, 2]);
  });

  test('a roadmap of 3 rows: its calendar ranges, and quarters widened to a bar given past the plan', () => {
    const spec = {
      ...roadmapTimelineChart(),
      categories: 'project',
      series: [{ column: 'effort' }],
      block: false,
      rows: 3,
    };
    const rows = [{ start: ymdToSerial(2027, 12, 1), end: ymdToSerial(2028, 2, 1) }];
    const op = compileChart(spec, layout, { ...ctx, calendar: { planDay: ymdToSerial(2026, 7, 15), rows } });
    expect(op.calendar).toEqual({ start: 'D2:D4', end: 'E2:E4', theme: 'F2:F4' });
    // Q1 2028 is quarter index 2028 × 4 = 8112; the axis runs to its end.
    expect(op.axes!.value!.max).toBeGreaterThanOrEqual(8113);
    expect(op.guides!.map((g) => g.label)).toContain('Q1 2028');
  });

  test('a series keeps its options: guides given, lines only when asked', () => {
    const guides = [{ value: 1, label: 'Q1' }];
    const op = compileChart({ ...metricProgressChart({ label: 'project', progress: 'effort' }), guides }, layout, ctx);
    expect(op.guides).toEqual(guides);
    expect(op.lines).toBeUndefined();
  });

  test('each role of a column the sheet lacks is named in the error', () => {
    const base = metricProgressChart({ label: 'project', progress: 'effort' });
    const calendar = { planDay: 46200, rows: [] };
    const refused = (spec: ChartSpec): string => {
      try {
        compileChart(spec, layout, { ...ctx, calendar });
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect([
      refused({ ...base, series: [{ column: 'nope' }] }),
      refused({ ...base, series: [{ column: 'effort', x: 'nope' }] }),
      refused({ ...base, series: [{ column: 'effort', pointLabels: 'nope' }] }),
      refused({ ...base, categories: 'nope' }),
      refused({ ...base, labelAt: { x: 'nope', y: 'impact', labels: 'project' } }),
      refused({ ...base, labelAt: { x: 'effort', y: 'nope', labels: 'project' } }),
      refused({ ...base, labelAt: { x: 'effort', y: 'impact', labels: 'nope' } }),
      refused({ ...base, labelAt: { x: 'effort', y: 'impact', labels: 'project', typed: { x: 'nope', y: 'impact' } } }),
      refused({ ...base, labelAt: { x: 'effort', y: 'impact', labels: 'project', typed: { x: 'effort', y: 'nope' } } }),
      refused({ ...base, trendOf: { slot: 1, kind: 'nope', name: 'project', value: 'effort' } }),
      refused({ ...base, calendar: { start: 'nope', end: 'end', theme: 'theme' } }),
    ]).toEqual(
      [
        'a series',
        'x values',
        'point labels',
        'categories',
        'label x',
        'label y',
        'labels',
        'label x',
        'label y',
        'trend source',
        'the calendar',
      ].map((role) => `Chart on sheet plain: ${role} names unknown column "nope"`),
    );
  });

  test('the matrix places names from the typed Effort and Impact whenever either axis plots another column', () => {
    const typed = { x: 'effort', y: 'impact' };
    expect(impactEffortChart(5.5, 'effort', 'impactUsed').labelAt?.typed).toEqual(typed);
    expect(impactEffortChart(5.5, 'effortUsed', 'impact').labelAt?.typed).toEqual(typed);
    expect(impactEffortChart(5.5, 'effort', 'impact').labelAt?.typed).toBeUndefined();
  });

  test('a name is placed from the typed column where the plotted cell holds no number yet', () => {
    const cells: Record<string, PlanCell[]> = {
      'G2:G4': [3, null, 'x'],
      'B2:B4': [9, 4, 5],
      'H2:H4': [7, 6, null],
      'C2:C4': [1, 1, 2],
      'A2:A4': ['A', 'B', 'C'],
    };
    const at = { x: 'G2:G4', y: 'H2:H4', labels: 'A2:A4', typed: { x: 'B2:B4', y: 'C2:C4' } };
    expect(labelCells(at, (a1) => cells[a1])).toEqual([
      [3, 4, 5],
      [7, 6, 2],
      ['A', 'B', 'C'],
    ]);
    expect(labelCells({ x: 'G2:G4', y: 'H2:H4', labels: 'A2:A4' }, (a1) => cells[a1])[0]).toEqual([3, null, 'x']);
  });
});
