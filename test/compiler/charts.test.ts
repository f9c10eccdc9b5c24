/**
 * Chart specs compiled into the render plan: column keys resolve to the right A1 ranges, every chart
 * sits to the right of everything the sheet holds, and the helper columns behind the charts compute
 * what the charts need (checked with the formula engine on the example data).
 */
import { TREND_SLOTS } from '../../shared/compiler/trend-charts';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp, RenderPlan, SheetPlan } from '../../shared/plan/plan';
import { compileChart, healthRadarChart, roadmapChartLabel, type ChartSpec } from '../../shared/compiler/charts';
import { layoutSheet } from '../../shared/compiler/compile';
import { HEALTH_SHEET } from '../../shared/catalogue/health';
import { overlaps, parseCell, parseRange } from '../../shared/a1/a1';
import { loadPlan } from '../templates/loader';

const plans: Array<{ id: string; example: boolean; plan: RenderPlan }> = TEMPLATES.flatMap((t) =>
  [false, true].map((example) => ({ id: t.id, example, plan: compileTemplate(t.id, { example }) })),
);

function sheetWith(plan: RenderPlan, kind: ChartOp['kind']): { sheet: SheetPlan; op: ChartOp } {
  for (const sheet of plan.sheets) {
    const op = sheet.charts.find((c) => c.kind === kind);
    if (op) return { sheet, op };
  }
  throw new Error(`no ${kind} chart in ${plan.templateId}`);
}

/** The header text of the column a data range sits in. */
function headerOf(sheet: SheetPlan, a1: string): unknown {
  const r = parseRange(a1);
  return sheet.cells[0][r.left - 1];
}

describe('chart specs in the plan', () => {
  test('each of the five charts exists in its template, blank and with example, and in the full workbook', () => {
    const expected: Record<string, ChartOp['kind']> = {
      roadmap: 'roadmapTimeline',
      prioritization: 'impactEffortMatrix',
      'health-scorecard': 'healthRadar',
      metrics: 'metricProgress',
      'progress-dashboard': 'themeProgress',
    };
    for (const [id, kind] of Object.entries(expected)) {
      for (const example of [false, true])
        expect(sheetWith(compileTemplate(id, { example }), kind).op.title).toBeTruthy();
    }
    const workbook = compileTemplate('strategy-workbook', { example: true });
    const kinds = workbook.sheets.flatMap((s) => s.charts.map((c) => c.kind)).sort();
    expect(kinds).toEqual([
      'healthRadar',
      'impactEffortMatrix',
      'metricProgress',
      ...Array(TREND_SLOTS).fill('metricTrend'),
      'roadmapTimeline',
      'themeProgress',
    ]);
  });

  test('Progress History: one trend per slot, stacked right of the hidden helpers without overlapping', () => {
    const history = compileTemplate('strategy-workbook', { example: false }).sheets.find((s) => s.key === 'history')!;
    const charts = history.charts;
    expect(charts.map((c) => [c.kind, c.form, c.lines])).toEqual(
      Array(TREND_SLOTS).fill(['metricTrend', 'scatter', true]),
    );
    const width = history.cells[0].length;
    charts.forEach((c, i) => {
      const at = parseCell(c.anchor);
      expect(at.col).toBe(width + 2);
      expect(c.series![0].xValues).toBe('A2:A501');
      expect(c.titleCell).toBe(`${c.series![0].values.replace(/\d+:.*$/, '')}1`);
      // The next chart starts below this one even where rows are only 17 px tall (.xlsx, LibreOffice).
      if (i > 0)
        expect((at.row - parseCell(charts[i - 1].anchor).row) * 17).toBeGreaterThanOrEqual(charts[i - 1].heightPx);
    });
    expect(history.hiddenColumns).toHaveLength(1 + TREND_SLOTS);
  });

  test('column keys resolve to the A1 ranges of the right columns', () => {
    const roadmap = sheetWith(compileTemplate('roadmap', { example: true }), 'roadmapTimeline');
    // The bars are named by the hidden label column (the initiative and what it depends on), not the Initiative column.
    expect(headerOf(roadmap.sheet, roadmap.op.categories!)).toBe('Chart: label');
    expect(roadmap.sheet.hiddenColumns).toContain(parseRange(roadmap.op.categories!).left - 1);
    expect(parseRange(roadmap.op.categories!)).toMatchObject({ top: 2, bottom: 51 });
    expect(headerOf(roadmap.sheet, roadmap.op.series![0].values)).toBe('Chart: start (quarters)');
    expect(roadmap.op.series).toHaveLength(6);
    // The block spans the offset and the five theme columns, header row included.
    const block = parseRange(roadmap.op.source!);
    expect(block.top).toBe(1);
    expect(block.right - block.left + 1).toBe(6);

    const matrix = sheetWith(compileTemplate('prioritization', { example: true }), 'impactEffortMatrix');
    for (const s of matrix.op.series!) {
      expect(headerOf(matrix.sheet, s.xValues!)).toBe('Effort used'); // the effort the quadrant uses (hidden)
      expect(headerOf(matrix.sheet, s.pointLabels!)).toBe('Project');
      expect(headerOf(matrix.sheet, s.values)).toBe(s.name); // the quadrant's helper column
    }
    expect(matrix.op.series!.map((s) => s.name)).toEqual([
      'Do Now',
      'Plan Carefully',
      'Do When You Have Time',
      "Don't Do",
    ]);

    const radar = sheetWith(compileTemplate('health-scorecard', { example: true }), 'healthRadar');
    expect(radar.op.categories).toBe('A2:A7'); // the six fixed dimensions only
    expect(radar.op.series!.map((s) => headerOf(radar.sheet, s.values))).toEqual(['Score (1–5)', 'Target (1–5)']);

    const metrics = sheetWith(compileTemplate('metrics', { example: true }), 'metricProgress');
    expect(headerOf(metrics.sheet, metrics.op.series![0].values)).toBe('Progress');
    expect(headerOf(metrics.sheet, metrics.op.categories!)).toBe('Technical Metric');

    const dash = sheetWith(compileTemplate('progress-dashboard', { example: true }), 'themeProgress');
    expect(headerOf(dash.sheet, dash.op.series![0].values)).toBe('% Complete');
    expect(headerOf(dash.sheet, dash.op.categories!)).toBe('Theme');
  });

  test('no chart is anchored over anything the sheet holds, in any template', () => {
    let charts = 0;
    for (const { plan } of plans) {
      for (const s of plan.sheets) {
        const usedCols = Math.max(...s.cells.map((row) => row.length));
        for (const op of s.charts) {
          charts++;
          const at = parseCell(op.anchor);
          expect(at.col).toBeGreaterThan(usedCols);
          // The chart's footprint (in default-size cells) covers no written cell.
          const footprint = {
            top: at.row,
            left: at.col,
            bottom: at.row + Math.ceil(op.heightPx / 21),
            right: at.col + Math.ceil(op.widthPx / 64),
          };
          s.cells.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== null)
                expect(overlaps(footprint, { top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 })).toBe(false);
            }),
          );
          // Every range the chart reads lies inside the sheet's block.
          for (const a1 of [
            op.categories,
            op.source,
            ...(op.series ?? []).flatMap((x) => [x.values, x.xValues, x.pointLabels]),
          ]) {
            if (!a1) continue;
            const r = parseRange(a1);
            expect(r.right).toBeLessThanOrEqual(usedCols);
            expect(r.bottom).toBeLessThanOrEqual(s.cells.length);
          }
        }
      }
    }
    expect(charts).toBeGreaterThanOrEqual(20);
  });

  test('Excel charts the filled rows (at least 10), never all 50 blank slots', () => {
    expect(sheetWith(compileTemplate('roadmap', { example: true }), 'roadmapTimeline').op.excelRows).toBe(16);
    expect(sheetWith(compileTemplate('roadmap', { example: false }), 'roadmapTimeline').op.excelRows).toBe(10);
    expect(
      sheetWith(compileTemplate('prioritization', { example: true }), 'impactEffortMatrix').op.excelRows,
    ).toBeUndefined();
  });

  test('a spec naming an unknown column is a clear compile error', () => {
    const layout = layoutSheet(HEALTH_SHEET);
    const bad: ChartSpec = { ...healthRadarChart(6), categories: 'dimensions' };
    expect(() => compileChart(bad, layout, { filledRows: 6 })).toThrow(
      'Chart on sheet health: categories names unknown column "dimensions"',
    );
  });
});

describe('helper columns compute what the charts draw (formula engine, example data)', () => {
  test('Gantt offset and length are in quarters: quarter starts fall exactly on the gridlines', () => {
    // Inserted on 2026-05-15: plan Q1 is 2026 Q1, and its first item runs 2026-01-05 → 2026-03-26.
    const plan = compileTemplate('roadmap', { example: true, now: new Date(2026, 4, 15) });
    const { sheet, op } = sheetWith(plan, 'roadmapTimeline');
    const col = (a1: string): string => a1.replace(/\d+:.*$/, '');
    const offset = col(op.series![0].values);
    // Row 2: 2026-01-05 → 2026-03-26 (Enterprise-Ready Platform, the first theme).
    const L = loadPlan(plan, undefined, {
      roadmap: { E3: 46113, F3: 46203 }, // 2026-04-01 → 2026-06-30: exactly Q2
    });
    // On the calendar: quarter index YEAR×4 + quarter−1 plus the share of the quarter gone.
    const q1of2026 = 2026 * 4;
    expect(L.at('roadmap', `${offset}2`)).toBeCloseTo(q1of2026 + 4 / 90, 5); // engines keep ~10 significant digits
    expect(L.at('roadmap', `${col(op.series![1].values)}2`)).toBeCloseTo((85 - 4) / 90, 9); // 26 Mar is day 85 of Q1 (from 0): the bar ends on the next day
    expect(L.at('roadmap', `${offset}3`)).toBeCloseTo(q1of2026 + 1, 5);
    expect(L.at('roadmap', `${col(op.series![1].values)}3`)).toBeCloseTo(1, 9);
    // Legend names are the theme names in order of first appearance.
    const names = op.series!.slice(1).map((s) => L.at('roadmap', `${col(s.values)}1`));
    expect(names).toEqual([
      'Enterprise-Ready Platform',
      'Global Scale & Performance',
      'Developer Velocity & Platform',
      'Data-Driven Product',
      'Theme 5',
    ]);
    // Row 5 ("Improve monitoring and alerting") is Global Scale: its bar is in the second slot only.
    const slots = op.series!.slice(1).map((s) => L.at('roadmap', `${col(s.values)}5`));
    expect(slots.map((v) => typeof v === 'number')).toEqual([false, true, false, false, false]);
    expect(sheet.hiddenColumns).toEqual(expect.arrayContaining(op.series!.map((s) => parseRange(s.values).left - 1)));
  });

  test('the roadmap chart names each bar with what it depends on, as roadmapChartLabel does', () => {
    const plan = compileTemplate('roadmap', { example: true });
    const { sheet, op } = sheetWith(plan, 'roadmapTimeline');
    const col = (a1: string): string => a1.replace(/\d+:.*$/, '');
    const letter = (key: string): string => {
      const c = sheet.cells[0].indexOf(key === 'initiative' ? 'Initiative' : 'Depends On');
      return String.fromCharCode(65 + c);
    };
    const [init, dep, label] = [letter('initiative'), letter('dependsOn'), col(op.categories!)];
    // Row 3 gains a dependency typed with stray spaces; row 18 (past the example's 16) a name only; row 19 a
    // dependency without a name (no bar, no label).
    const L = loadPlan(plan, undefined, {
      roadmap: {
        [`${dep}3`]: '  Implement SSO   and RBAC ',
        [`${init}18`]: 'Kubernetes migration',
        [`${dep}19`]: 'Implement SSO and RBAC',
      },
    });
    expect(L.at('roadmap', `${label}3`)).toBe('Begin SOC 2 audit process (after Implement SSO and RBAC)');
    expect(L.at('roadmap', `${label}6`)).toBe('Multi-region deployment to EU (after Improve monitoring and alerting)');
    expect(L.at('roadmap', `${label}2`)).toBe('Implement SSO and RBAC');
    expect(L.at('roadmap', `${label}18`)).toBe('Kubernetes migration');
    expect(L.at('roadmap', `${label}19`)).toBe('');
    for (let row = 2; row <= 20; row++) {
      const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
      expect([row, L.at('roadmap', `${label}${row}`)]).toEqual([
        row,
        roadmapChartLabel(text(L.at('roadmap', `${init}${row}`)), text(L.at('roadmap', `${dep}${row}`))),
      ]);
    }
  });

  test('a project appears in exactly the quadrant series its Quadrant cell names', () => {
    const plan = compileTemplate('prioritization', { example: true });
    const { op } = sheetWith(plan, 'impactEffortMatrix');
    const L = loadPlan(plan);
    const col = (a1: string): string => a1.replace(/\d+:.*$/, '');
    const quadrantCol = 'I';
    expect(L.at('projects', `${quadrantCol}1`)).toBe('Quadrant');
    for (const row of [2, 3, 4]) {
      const quadrant = L.at('projects', `${quadrantCol}${row}`);
      const impact = L.at('projects', `C${row}`);
      for (const s of op.series!) {
        const v = L.at('projects', `${col(s.values)}${row}`);
        if (s.name === quadrant) expect(v).toBe(impact);
        else expect(v).toMatchObject({ error: '#N/A' });
      }
    }
  });

  test('the in-cell progress bar is a SPARKLINE in Sheets only; Excel and the engine see the progress number', () => {
    const plan = compileTemplate('metrics', { example: true });
    const s = plan.sheets.find((x) => x.key === 'metrics')!;
    const barCol = s.cells[0].indexOf('Progress bar');
    const progressCol = s.cells[0].indexOf('Progress');
    expect(barCol).toBe(progressCol + 1);
    expect(s.cells.flat().some((v) => typeof v === 'string' && v.includes('SPARKLINE'))).toBe(false);
    expect(s.hostCells).toHaveLength(1);
    expect(s.hostCells![0].host).toBe('sheets');
    expect(s.hostCells![0].cells).toHaveLength(50);
    expect(s.hostCells![0].cells[0][0]).toMatch(
      /^=IF\(ISNUMBER\(J2\),SPARKLINE\(MAX\(0,MIN\(1,J2\)\),\{"charttype","bar";"max",1;/,
    );
    expect(s.conditionalFormats.find((c) => c.rule.kind === 'dataBar')?.range).toBe(`K2:K51`);
    const L = loadPlan(plan);
    expect(L.at('metrics', 'K2')).toBe(L.at('metrics', 'J2'));
    expect(L.at('metrics', 'J2')).toBeCloseTo(0.25, 9);
  });
});
