/**
 * Charts on demand (shared/chart-from-selection/chart-from-selection.ts): which column plays which role, the
 * errors a user sees for an unsuitable selection, where the chart goes, and the roadmap's helper
 * formulas; then the hosts with the recording fakes: Sheets (menu handler and sidebar function) and
 * Excel (task pane action, two syncs) insert the chart for a selected range of the example
 * Prioritization sheet, and an unsuitable selection creates nothing.
 */
import fc from 'fast-check';
import {
  CHART_CATALOG,
  chartBottomRow,
  chartFromSelection,
  helperRange,
  selectionRect,
  type SelectionInput,
} from '../../shared/chart-from-selection/chart-from-selection';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import { parseCell, parseRange, colLetter, colIndex } from '../../shared/a1/a1';
import type { ChartOp } from '../../shared/plan/plan';
import { loadPlan, isEngineError } from '../templates/loader';

const PRIO_HEADER = [
  'Project',
  'Theme',
  'Business Impact',
  'Urgency',
  'Effort',
  'Risk',
  'Priority Score',
  'Rank',
  'Quadrant',
  'Planned Quarter',
  'Owner',
];
const PRIO = [
  PRIO_HEADER,
  ['SSO', 'Enterprise-Ready Platform', 9, 8, 5, 6, 17.5, 1, 'Do Now', 'Q1', 'Dana'],
  ['Analytics', 'Data-Driven Product', 7, 5, 8, 4, 11, 2, 'Plan Carefully', 'Q2', 'Sam'],
  ['Refactor', 'Developer Velocity & Platform', 4, 3, 7, 5, 2.5, 3, "Don't Do", 'Q2', 'Priya'],
];

const sel = (values: unknown[][], address: string, sheet = 'Prioritization'): SelectionInput => ({
  sheet,
  address,
  values,
});

function ok(r: ReturnType<typeof chartFromSelection>): Extract<ReturnType<typeof chartFromSelection>, { ok: true }> {
  if (!r.ok) throw new Error(`expected a chart, got: ${r.error}`);
  return r;
}
function err(r: ReturnType<typeof chartFromSelection>): string {
  if (r.ok) throw new Error(`expected an error, got a chart at ${r.op.anchor}`);
  return r.error;
}

describe('role detection', () => {
  test('impact/effort on the example Prioritization table: Effort (E) on x, Business Impact (C) on y, Project names as labels', () => {
    const r = ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A1:K4')));
    const s = r.op.series![0];
    expect(s.xValues).toBe('E2:E4');
    expect(s.values).toBe('C2:C4');
    expect(s.pointLabels).toBe('A2:A4');
    expect(r.op.form).toBe('scatter');
    expect(r.op.axes?.category).toMatchObject({ min: 1, max: 10, crossesAt: 5.5 });
    expect(r.op.axes?.value).toMatchObject({
      min: 1,
      max: 10,
      crossesAt: 5.5,
      title: 'Business Impact (1 = low, 10 = high)',
    });
    expect(r.op.sheetRef).toBe("'Prioritization'");
    expect(r.roles).toBe('Effort: Effort (E), Impact: Business Impact (C), Project: Project (A)');
    expect(r.writes).toEqual([]);
  });

  test('aliases and any column order: "Cost" is effort, "Value" is impact, "Name" labels; ranges follow the selection offset', () => {
    const values = [
      ['Value', 'Name', 'Cost'],
      [3, 'a', 2],
      [8, 'b', 9],
    ];
    const r = ok(chartFromSelection('impactEffortMatrix', sel(values, "'My plan'!C5:E7", 'My plan')));
    expect(r.op.series![0]).toMatchObject({ xValues: 'E6:E7', values: 'C6:C7', pointLabels: 'D6:D7' });
    expect(r.op.sheetRef).toBe("'My plan'");
  });

  test('headers that name no role: the two numeric columns are taken in order (effort, then impact), labels from the text column', () => {
    const values = [
      ['Item', 'X', 'Y'],
      ['a', 2, 9],
      ['b', 7, 3],
    ];
    const r = ok(chartFromSelection('impactEffortMatrix', sel(values, 'A1:C3')));
    expect(r.op.series![0]).toMatchObject({ xValues: 'B2:B3', values: 'C2:C3', pointLabels: 'A2:A3' });
    expect(r.roles).toContain('by column order');
  });

  test('each template sheet with a chart, selected as a user would (visible table, filled rows), gives that chart from the same columns', () => {
    const seen = new Set<string>();
    for (const t of TEMPLATES) {
      const plan = compileTemplate(t.id, { example: true });
      const withCharts = plan.sheets.filter((s) => s.charts.length > 0);
      if (withCharts.length === 0) continue;
      const loaded = loadPlan(plan);
      try {
        for (const sp of withCharts) {
          const chart = sp.charts[0];
          // Progress History's trend charts read a long-format log, not a table a user selects; the tornado reads the
          // add-in's results in hidden helper columns.
          if (chart.kind === 'metricTrend' || chart.kind === 'weightTornado') continue;
          const values = loaded.values(sp.key).map((row) => row.map((v) => (isEngineError(v) ? v.error : v)));
          // The visible table: header row up to the first blank header; the rows with example data.
          const blankHeader = values[0].findIndex((h) => h === null || h === '');
          const width = blankHeader < 0 ? values[0].length : blankHeader;
          const filled = values.slice(1).filter((row) => row[0] !== null && row[0] !== '').length;
          const block = values.slice(0, 1 + filled).map((row) => row.slice(0, width));
          const address = `A1:${colLetter(width - 1)}${1 + filled}`;
          const usedRight = Math.max(
            ...values.map((row) => row.reduce<number>((m, v, j) => (v !== null && v !== '' ? j + 1 : m), 0)),
          );
          const free = helperRange(chart.kind, address) === undefined ? undefined : false;
          const r = chartFromSelection(chart.kind, sel(block, address, sp.name), { usedRight, helpersFree: free });
          seen.add(chart.kind);
          const col = (a1: string | undefined): string => (a1 ?? '').replace(/\d+/g, '').split(':')[0];
          if (chart.kind === 'roadmapTimeline') {
            // The columns right of the Roadmap table are the template's own; the request is refused, nothing written.
            expect(err(r)).toMatch(/needs 2 empty columns right of the selection/);
            continue;
          }
          const got = ok(r).op;
          expect(got.kind).toBe(chart.kind);
          if (chart.form === 'scatter') {
            // The matrix plots the hidden "Effort used" column (the typed value, or the team's with "Use team scores");
            // a user's selection has the visible Effort column it passes on.
            const x = col(chart.series![0].xValues);
            const xHeader = String(values[0][colIndex(x)] ?? '');
            const visible = xHeader.endsWith(' used') ? values[0].indexOf(xHeader.slice(0, -' used'.length)) : -1;
            expect(col(got.series![0].xValues)).toBe(visible < 0 ? x : colLetter(visible));
            expect(col(got.series![0].pointLabels)).toBe(col(chart.series![0].pointLabels));
          } else {
            expect(col(got.categories)).toBe(col(chart.categories));
            // Same value columns as the template's chart (health: score and target; progress: the progress column).
            expect(got.series!.map((s) => col(s.values))).toEqual(chart.series!.map((s) => col(s.values)));
          }
          expect(parseCell(got.anchor).col).toBeGreaterThan(usedRight);
        }
      } finally {
        loaded.destroy();
      }
    }
    expect([...seen].sort()).toEqual(CHART_CATALOG.map((c) => c.kind).sort());
  });

  test('a timeline with "From" and "To" headers', () => {
    const r = ok(
      chartFromSelection(
        'roadmapTimeline',
        sel(
          [
            ['Epic', 'To', 'From'],
            ['A', 46108, 46027],
          ],
          'A1:C2',
          'R',
        ),
        { helpersFree: true },
      ),
    );
    expect(r.roles).toBe('Start: From (C), End: To (B), Initiative: Epic (A)');
  });

  test('health, metric and theme progress from headers with aliases', () => {
    const health = ok(
      chartFromSelection(
        'healthRadar',
        sel(
          [
            ['Area', 'Rating', 'Goal'],
            ['Tests', 2, 4],
            ['Docs', 3, 4],
          ],
          'A1:C3',
          'H',
        ),
      ),
    );
    expect(health.op).toMatchObject({ form: 'radar', categories: 'A2:A3', axes: { value: { min: 0, max: 5 } } });
    expect(health.op.series!.map((s) => [s.name, s.values])).toEqual([
      ['Score', 'B2:B3'],
      ['Target', 'C2:C3'],
    ]);
    const metric = ok(
      chartFromSelection(
        'metricProgress',
        sel(
          [
            ['KPI', 'Baseline', 'Target', 'Progress %'],
            ['Uptime', 99, 99.9, 0.5],
          ],
          'B2:E3',
          'M',
        ),
      ),
    );
    expect(metric.op).toMatchObject({
      form: 'bar',
      categories: 'B3',
      axes: { value: { min: 0, max: 1, numberFormat: '0%' } },
    });
    expect(metric.op.series![0].values).toBe('E3');
    const theme = ok(
      chartFromSelection(
        'themeProgress',
        sel(
          [
            ['Theme', 'Done', '% Complete'],
            ['Scale', 2, 45],
            ['Data', 1, 80],
          ],
          'A1:C3',
          'T',
        ),
      ),
    );
    expect(theme.op.series![0].values).toBe('C2:C3');
    // Plain percentages (45, 80) get a 0–100 axis rather than 0–1.
    expect(theme.op.axes?.value).toMatchObject({ min: 0, max: 100, numberFormat: '0' });
  });
});

describe('errors a user sees (nothing is built)', () => {
  test('missing Effort: names the columns needed and the headers found', () => {
    const values = PRIO.map((r) => [r[0], r[1], r[2]]);
    expect(err(chartFromSelection('impactEffortMatrix', sel(values, 'A1:C4')))).toBe(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme, Business Impact).',
    );
  });

  test('text in a numeric column names the cell and the value', () => {
    const values = PRIO.map((r) => [...r]);
    values[2][4] = 'high';
    expect(err(chartFromSelection('impactEffortMatrix', sel(values, 'A1:K4')))).toBe(
      '"Effort" (Effort, column E) must hold numbers: cell E3 has "high".',
    );
  });

  test('an error value in a numeric column is skipped, whichever host error it is (the codes the core knows)', () => {
    for (const code of ['#N/A', '#REF!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!']) {
      const values = PRIO.map((r) => [...r]);
      values[2][4] = code;
      const r = ok(chartFromSelection('impactEffortMatrix', sel(values, 'A1:K4')));
      expect(r.op.series![0].xValues).toBe('E2:E4');
    }
  });

  test('a timeline whose Start holds text says it is not a date', () => {
    const values = [
      ['Initiative', 'Start', 'End'],
      ['SSO', 'next week', 46100],
    ];
    expect(err(chartFromSelection('roadmapTimeline', sel(values, 'A1:C2', 'R'), { helpersFree: true }))).toBe(
      '"Start" (Start, column B) must hold dates: cell B2 has "next week" (text, not a date).',
    );
  });

  test('only a header row, or a first row of numbers, or empty data rows', () => {
    expect(err(chartFromSelection('themeProgress', sel([['Theme', '% Complete']], 'A1:B1')))).toMatch(
      /^Select the header row and at least one row of data for the Theme progress \(the selection A1:B1 has only one row\)\.$/,
    );
    expect(
      err(
        chartFromSelection(
          'impactEffortMatrix',
          sel(
            [
              [1, 2],
              [3, 4],
            ],
            'A1:B2',
          ),
        ),
      ),
    ).toMatch(/^The first row of the selection must be the header row, with column names such as Effort and Impact/);
    expect(
      err(
        chartFromSelection(
          'metricProgress',
          sel(
            [
              ['Metric', 'Progress'],
              ['', ''],
            ],
            'A1:B2',
          ),
        ),
      ),
    ).toMatch(/has no numbers in the selected rows 2–2/);
  });

  test('an unknown chart kind and a multi-area selection are refused with the choices', () => {
    expect(err(chartFromSelection('pie' as never, sel(PRIO, 'A1:K4')))).toMatch(
      /^There is no chart "pie"\. Choose one of: Roadmap timeline, Impact \/ Effort matrix/,
    );
    expect(err(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A1:B2,D1:E2')))).toMatch(/not a single range/);
  });

  test('the roadmap refuses when its helper cells are taken or were not checked', () => {
    const values = [
      ['Initiative', 'Start', 'End'],
      ['SSO', 46027, 46108],
    ];
    expect(err(chartFromSelection('roadmapTimeline', sel(values, 'B2:D3', 'R'), { helpersFree: false }))).toBe(
      'The Roadmap timeline needs 2 empty columns right of the selection for its bar positions (E2:F3), and those cells are not empty. Move what is there, or copy the table where it has two empty columns to its right, and try again. Nothing was changed.',
    );
    expect(err(chartFromSelection('roadmapTimeline', sel(values, 'B2:D3', 'R')))).toMatch(/could not be checked/);
  });
});

describe('anchors and ranges', () => {
  test('the chart goes one spacer column right of the selection, or of the last used column of the sheet when that is further right', () => {
    expect(ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A1:K4'))).op.anchor).toBe('M1');
    expect(ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A1:K4'), { usedRight: 40 })).op.anchor).toBe(
      `${colLetter(41)}1`,
    );
    expect(ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'C5:M8'), { usedRight: 3 })).op.anchor).toBe('O5');
  });

  test('charts already on the sheet: the new chart goes two rows below the lowest of them', () => {
    expect(ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A1:K4'), { chartsBottomRow: 27 })).op.anchor).toBe(
      'M29',
    );
    expect(ok(chartFromSelection('impactEffortMatrix', sel(PRIO, 'A40:K43'), { chartsBottomRow: 27 })).op.anchor).toBe(
      'M40',
    );
  });

  test('whole-column selections (A:K) stop at the last filled row', () => {
    const values = [...PRIO, ...Array.from({ length: 995 }, () => PRIO_HEADER.map(() => ''))];
    const r = ok(chartFromSelection('impactEffortMatrix', sel(values, 'A:K')));
    expect(r.op.series![0].values).toBe('C2:C4');
    expect(selectionRect('A:K', 999, 11)).toEqual({ top: 1, bottom: 999, left: 1, right: 11 });
  });

  test('roadmap: two helper columns of native formulas right of the selection, the chart right of them, bars from those columns', () => {
    const values = [
      ['Initiative', 'Theme', 'Start', 'End'],
      ['SSO', 'Platform', 46027, 46108],
      ['EU region', 'Scale', 46118, 46381],
    ];
    const r = ok(chartFromSelection('roadmapTimeline', sel(values, 'B2:E4', 'Roadmap'), { helpersFree: true }));
    expect(r.writes).toHaveLength(1);
    expect(r.writes[0].range).toBe('F2:G4');
    expect(r.writes[0].cells[0]).toEqual(['Chart: start (quarters)', 'Chart: length (quarters)']);
    expect(r.writes[0].cells[1][0]).toMatch(/^=IF\(AND\(ISNUMBER\(D3\),ISNUMBER\(E3\),E3>=D3\),1\+/);
    expect(r.writes[0].cells[2][1]).toContain('MIN($D$3:$D$4)');
    expect(r.op.series!.map((s) => [s.values, !!s.invisible])).toEqual([
      ['F3:F4', true],
      ['G3:G4', false],
    ]);
    expect(r.op.categories).toBe('B3:B4');
    expect(r.op.anchor).toBe('I2');
    // 5 Jan 2026 → 17 Nov 2026 (serial 46343+…): the axis covers the quarters up to the last end, at least four.
    expect(r.op.axes?.value).toMatchObject({ min: 1, max: 5, majorUnit: 1 });
    expect(r.message).toContain('Bar positions are in the new columns F:G');
  });

  test('the roadmap axis grows with the data (six quarters for a plan ending in the sixth)', () => {
    const values = [
      ['Initiative', 'Start', 'End'],
      ['A', new Date(2026, 0, 5), new Date(2027, 4, 10)],
    ];
    const r = ok(chartFromSelection('roadmapTimeline', sel(values, 'A1:C2', 'R'), { helpersFree: true }));
    expect(r.op.axes?.value?.max).toBe(7);
    expect(r.op.guides?.map((g) => g.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', '']);
  });

  test('property: whatever the selection and the used columns, the chart starts right of both and its ranges lie inside the selection', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 80 }),
        (left, top, usedRight) => {
          const address = `${colLetter(left - 1)}${top}:${colLetter(left + PRIO_HEADER.length - 2)}${top + PRIO.length - 1}`;
          const r = ok(chartFromSelection('impactEffortMatrix', sel(PRIO, address), { usedRight }));
          const rect = parseRange(address);
          const at = parseCell(r.op.anchor);
          expect(at.col).toBeGreaterThan(Math.max(rect.right, usedRight) + 1);
          const op: ChartOp = r.op;
          // Every range the chart reads: its categories, and each series' values, x values and point labels.
          const read = [op.categories, ...(op.series ?? []).flatMap((s) => [s.values, s.xValues, s.pointLabels])];
          const ranges = read.filter((a1): a1 is string => a1 !== undefined);
          expect(ranges.length).toBeGreaterThanOrEqual(3);
          for (const a1 of ranges) {
            const x = parseRange(a1);
            expect(x.left >= rect.left && x.right <= rect.right && x.top > rect.top && x.bottom <= rect.bottom).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

test('the catalogue lists the five charts, each with a hint', () => {
  expect(CHART_CATALOG.map((c) => c.kind)).toEqual([
    'roadmapTimeline',
    'impactEffortMatrix',
    'healthRadar',
    'metricProgress',
    'themeProgress',
  ]);
  for (const c of CHART_CATALOG) expect(c.hint).toMatch(/^Select /);
});

describe('what the chart list and the messages tell a user', () => {
  test('each chart in the panel says what to select (shown under its name and in the "select a table first" message)', () => {
    expect(CHART_CATALOG.map((c) => [c.name, c.hint])).toEqual([
      ['Roadmap timeline', 'Select your initiatives with a name, a Start date and an End date column.'],
      ['Impact / Effort matrix', 'Select your projects table with Effort and Impact columns.'],
      ['Technical health radar', 'Select the dimensions with a Score column (and a Target column if you have one).'],
      ['Metric progress', 'Select your metrics with a Progress column (0–100%).'],
      ['Theme progress', 'Select your themes with a % Complete column.'],
    ]);
  });

  test('a matrix without a name column: the message names only the columns it found', () => {
    const values = [
      ['Effort', 'Impact'],
      [3, 8],
      [7, 2],
    ];
    const r = ok(chartFromSelection('impactEffortMatrix', sel(values, 'A1:B3')));
    expect(r.roles).toBe('Effort: Effort (A), Impact: Impact (B)');
    expect(r.op.series![0].pointLabels).toBeUndefined();
  });

  test('only the roadmap writes helper columns: two right of the selection, none for the other charts', () => {
    expect(helperRange('roadmapTimeline', 'B2:D9')).toBe('E2:F9');
    for (const kind of ['impactEffortMatrix', 'healthRadar', 'metricProgress', 'themeProgress'] as const)
      expect({ kind, range: helperRange(kind, 'B2:D9') }).toEqual({ kind, range: undefined });
  });

  test('a chart already on the sheet covers the rows from its anchor down by its offset and height (21-pixel rows)', () => {
    expect(chartBottomRow(5, 0, 210)).toBe(15);
    expect(chartBottomRow(5, 30, 210)).toBe(17); // 240 px: 11.4 rows, the 12th row partly covered
    expect(chartBottomRow(5, -30, 210)).toBe(15); // an offset never moves it above its anchor row
  });
});
