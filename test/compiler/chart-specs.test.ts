/**
 * What a reader sees of the template charts, from the compiler alone (pure, no formula engine): each chart's title
 * and value-axis title, the roadmap chart's height for its rows, the legend name of each roadmap theme slot, and the
 * roadmap's bar labels ("… (after …)"). Expected texts written by hand from the templates' specs.
 */
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp } from '../../shared/plan/plan';
import { quarterAxis, roadmapChartLabel, themeSlotName, timelineHeightPx } from '../../shared/compiler/charts';

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
