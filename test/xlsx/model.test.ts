/**
 * The file's charts and print setup as the plan drives them (chart-model.ts, print-setup.ts,
 * text-fit.ts) and the package edits ExcelJS's output needs (package.ts). What LibreOffice makes of
 * the result is test/cli/libreoffice-charts.test.ts.
 */
import { defaultTemplateIds } from '../../cli/catalog';
import { compileTemplate } from '../../shared/templates';
import { columnIndex, columnLetter } from '../../shared/compiler/compile';
import type { SheetPlan } from '../../shared/plan/plan';
import { fileChart, MATRIX_PLOT } from '../../xlsx/chart-model';
import { chartPart } from '../../xlsx/chart-xml';
import { modelFromPlans, type WorkbookModel } from '../../xlsx/model';
import { insertDrawing, setDefaultFont, setPrintNames } from '../../xlsx/package';
import { printedCharts, printPlan } from '../../xlsx/print-setup';
import { chartPages, lastPrintedRow, PRINTABLE_WIDTH_PX } from '../../shared/plan/print-area';
import { emptySlotName } from '../../shared/compiler/trend-charts';
import { wrappedLines, wrappedRowHeights } from '../../xlsx/text-fit';
import { escapeXml } from '../../xlsx/xml';

const workbook = (example: boolean): WorkbookModel =>
  modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example })));
const example = workbook(true);
const blank = workbook(false);
const sheet = (m: WorkbookModel, name: string): SheetPlan => m.sheets.find((s) => s.name === name)!;

describe('charts from the plan', () => {
  const roadmap = sheet(example, 'Roadmap');
  const gantt = fileChart(roadmap.charts[0], roadmap);

  test('the roadmap reads its block: names from the header cells, the first excelRows rows, hidden helpers plotted', () => {
    expect(gantt.form).toBe('stackedBar');
    expect(gantt.series.map((s) => s.name)).toEqual([
      { literal: '' },
      ...['O', 'P', 'Q', 'R', 'S'].map((c) => ({ ref: `'Roadmap'!$${c}$1:$${c}$1` })),
    ]);
    expect(gantt.series[1].values).toBe(`'Roadmap'!$O$2:$O$${1 + roadmap.charts[0].excelRows!}`);
    // Bars named by the hidden label column K (initiative and what it depends on), plotted as hidden cells are.
    expect(gantt.series[1].categories).toBe(`'Roadmap'!$K$2:$K$${1 + roadmap.charts[0].excelRows!}`);
    expect(gantt.plotHidden).toBe(true);
    expect(chartPart(gantt)).toContain('<c:plotVisOnly val="0"/>');
  });

  test('the offset and the theme slot no theme fills have no legend entry, counted from the last series as bar charts count them', () => {
    const xml = chartPart(gantt);
    expect(gantt.series[0].invisible).toBe(true);
    expect(xml).toContain(
      `<c:legendEntry><c:idx val="${gantt.series.length - 1}"/><c:delete val="1"/></c:legendEntry>`,
    );
    // The example has four themes: the fifth slot (the last series, entry 0 counted from the last) has none.
    expect(gantt.series.map((s) => !!s.outOfLegend)).toEqual([false, false, false, false, false, true]);
    expect(xml).toContain('<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>');
    expect(xml.match(/<c:legendEntry>/g)).toHaveLength(2);
  });

  test('first row on top, the value axis at the bottom, quarter labels in the axis format', () => {
    const xml = chartPart(gantt);
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    expect(xml).toMatch(/<c:valAx>.*<c:crosses val="max"\/>/);
    expect(xml).toContain(`formatCode="${escapeXml(roadmap.charts[0].axes!.value!.numberFormat!)}"`);
  });

  test('charts over visible columns plot visible cells only (rows a user hides stay out)', () => {
    const health = sheet(example, 'Technical Health');
    const radar = fileChart(health.charts[0], health);
    expect(radar.plotHidden).toBe(false);
    expect(chartPart(radar)).toContain('<c:plotVisOnly val="1"/>');
  });

  test('the matrix: axes crossing at the threshold, quadrant names inside its fixed plot, names from cells', () => {
    const prio = sheet(example, 'Prioritization');
    const matrix = fileChart(prio.charts[0], prio);
    expect(matrix.valueAxis.crosses).toEqual({ at: 5.5 });
    expect(matrix.categoryAxis.crosses).toEqual({ at: 5.5 });
    expect(matrix.plot).toEqual(MATRIX_PLOT);
    expect(matrix.captions.map((c) => c.lines)).toEqual([
      ['Do Now', '(Quick Wins)'],
      ['Plan Carefully', '(Big Bets)'],
      ['Do When You Have Time', '(Nice to Have)'],
      ["Don't Do", '(Time Sinks)'],
    ]);
    for (const c of matrix.captions) {
      expect(c.box.x).toBeGreaterThanOrEqual(MATRIX_PLOT.x);
      expect(c.box.x + c.box.w).toBeLessThanOrEqual(MATRIX_PLOT.x + MATRIX_PLOT.w);
      expect(c.box.y + c.box.h).toBeLessThanOrEqual(MATRIX_PLOT.y + MATRIX_PLOT.h);
    }
    expect(matrix.series.every((s) => s.pointLabels?.ref === "'Prioritization'!$A$2:$A$51")).toBe(true);
    const xml = chartPart({
      ...matrix,
      series: matrix.series.map((s) => ({ ...s, pointLabels: { ref: s.pointLabels!.ref, texts: ['SSO', '', 'A&B'] } })),
    });
    expect(xml).toContain('<c15:f>&apos;Prioritization&apos;!$A$2:$A$51</c15:f>');
    expect(xml).toContain('<c:pt idx="2"><c:v>A&amp;B</c:v></c:pt>');
    expect(xml).toContain('<c:userShapes r:id="rId1"/>');
  });
});

describe('print setup', () => {
  test('the example prints the rows holding data; an empty sheet prints every row', () => {
    expect(lastPrintedRow(sheet(example, 'Roadmap'))).toBe(17);
    expect(lastPrintedRow(sheet(blank, 'Roadmap'))).toBe(51);
    // The settings beside the table are for the screen (#18): a blank table prints its blank form's rows.
    const blankPrio = sheet(blank, 'Prioritization');
    expect(lastPrintedRow(blankPrio)).toBe(51);
    // With the example: the projects' rows, however many settings there are.
    const prio = sheet(example, 'Prioritization');
    const typedRows = (c: number): number =>
      prio.cells.slice(1).filter((r) => typeof r[c] === 'string' && !r[c].startsWith('=')).length;
    expect(prio.cells[0].indexOf('Setting')).toBeGreaterThan(0);
    expect(lastPrintedRow(prio)).toBe(1 + typedRows(0));
    // Rows of formulas only (fed by the themes): the rows its chart draws.
    const dashboard = sheet(example, 'Progress Dashboard');
    expect(lastPrintedRow(dashboard)).toBe(1 + dashboard.charts[0].excelRows!);
  });

  test('a settings block beside the table does not print; summaries do; a wide table fits to pages that keep 8 pt', () => {
    const prio = sheet(example, 'Prioritization');
    const table = prio.cells[0].findIndex((h) => h === null || h === '');
    const p = printPlan(prio, [], wrappedRowHeights(prio));
    expect(p.printArea[0]).toMatch(new RegExp(`^'Prioritization'!\\$A\\$1:\\$${columnLetter(table - 1)}\\$\\d+$`));
    // The Strategy Review's block holds only computed summaries: it prints.
    const review = sheet(example, 'Strategy Review');
    expect(printPlan(review, [], wrappedRowHeights(review)).printArea[0]).toMatch(/^'Strategy Review'!\$A\$1:\$I\$/);
    // 10 pt text at fit-to-width: one page while it stays at 8 pt or more, else as many pages wide as keep it there.
    for (const s of example.sheets) {
      const q = printPlan(s, [], wrappedRowHeights(s));
      const [, last] = /:\$([A-Z]+)\$/.exec(q.printArea[0])!;
      const hidden = new Set(s.hiddenColumns ?? []);
      const width = s.columnWidths.slice(0, columnIndex(last) + 1).reduce((a, w, i) => a + (hidden.has(i) ? 0 : w), 0);
      const page = PRINTABLE_WIDTH_PX[s.printOrientation ?? 'landscape'] * q.pagesWide;
      expect({ sheet: s.name, readable: 10 * Math.min(1, page / width) >= 8 }).toEqual({
        sheet: s.name,
        readable: true,
      });
      // …and no more pages than that: one fewer would print under 8 pt.
      if (q.pagesWide > 1) expect((10 * (page / q.pagesWide) * (q.pagesWide - 1)) / width).toBeLessThan(8);
    }
  });

  test('the print area leaves the hidden helper columns out and gives each chart its own range', () => {
    const roadmap = sheet(example, 'Roadmap');
    const charts = roadmap.charts.map((c) => fileChart(c, roadmap));
    const p = printPlan(roadmap, charts, wrappedRowHeights(roadmap));
    expect(p.printArea[0]).toBe("'Roadmap'!$A$1:$I$17");
    expect(p.printArea[1]).toMatch(/^'Roadmap'!\$U\$2:\$[A-Z]+\$\d+$/);
    expect(p.printTitles).toBe("'Roadmap'!$1:$1");
  });

  test('a metric trend: dates on x, its slot on y joined by a line that spans #N/A, the title linked to the slot header', () => {
    const history = sheet(example, 'Progress History');
    expect(history.charts).toHaveLength(6);
    const trend = fileChart(history.charts[1], history);
    expect(trend.series).toHaveLength(1);
    expect(trend.series[0].xValues).toBe(`'Progress History'!$A$2:$A$501`);
    expect(trend.series[0].values).toBe(`'Progress History'!$I$2:$I$501`);
    expect(trend.series[0].name).toEqual({ ref: `'Progress History'!$I$1:$I$1` });
    // The title's cache is what its cell shows when written: before any snapshot, the slot waiting for one.
    expect(trend.titleRef).toEqual({ ref: `'Progress History'!$I$1`, text: emptySlotName(2) });
    const xml = chartPart(trend);
    expect(xml).toContain('<c:dispBlanksAs val="span"/>');
    expect(xml).toContain('<c:plotVisOnly val="0"/>');
    expect(xml).toContain(`<c:strRef><c:f>&apos;Progress History&apos;!$I$1</c:f>`);
    // The line: a visible outline on the series (the matrix's points have none).
    expect(xml).toMatch(/<c:ser>.*<c:spPr><a:noFill\/><a:ln w="28575"><a:solidFill>/);
    expect(
      chartPart(fileChart(sheet(example, 'Prioritization').charts[0], sheet(example, 'Prioritization'))),
    ).toContain('<c:dispBlanksAs val="gap"/>');
  });

  test('stacked charts print a page’s worth per range, never one split across pages', () => {
    const history = sheet(example, 'Progress History');
    const charts = history.charts.map((c) => fileChart(c, history));
    const p = printPlan(history, charts, wrappedRowHeights(history));
    // An empty log prints its header and the 50 rows of a blank form, not its 500 rows of formulas, and no
    // trend yet (each would be an empty chart).
    expect(p.printArea).toEqual(["'Progress History'!$A$1:$E$51"]);
    // Three snapshots of two metrics, one of a third (added later), two days of a fourth: a trend prints from
    // its metric's second snapshot on, two to a page, never one split across pages; the empty slots never.
    const log: Array<[number, string, number]> = [
      [46357, 'p95 latency', 350],
      [46357, 'Deploys per day', 2],
      [46388, 'p95 latency', 300],
      [46388, 'Deploys per day', 3],
      [46388, 'Uptime', 0.995],
      [46418, 'p95 latency', 240],
      [46418, 'Deploys per day', 4],
      [46418, 'Cost per customer', 12],
      [46419, 'Cost per customer', 11],
    ];
    const cells = history.cells.map((row, r) => {
      const e = log[r - 1];
      return e ? [e[0], 'Metric', e[1], e[2], String(e[2]), ...row.slice(5)] : row;
    });
    const logged = { ...history, cells };
    const trends = logged.charts.map((c) => fileChart(c, logged));
    expect(trends.map((t) => [t.titleRef?.text, t.snapshots])).toEqual([
      ['p95 latency', 3],
      ['Deploys per day', 3],
      ['Uptime', 1],
      ['Cost per customer', 2],
      [emptySlotName(5), 0],
      [emptySlotName(6), 0],
    ]);
    const q = printPlan(logged, trends, wrappedRowHeights(logged));
    expect(q.printArea[0]).toBe(`'Progress History'!$A$1:$E$${1 + log.length}`);
    const printed = printedCharts(logged, trends);
    expect(printed.map((t) => t.titleRef?.text)).toEqual(['p95 latency', 'Deploys per day', 'Cost per customer']);
    expect(q.printArea).toHaveLength(1 + chartPages(printed).length);
    expect(chartPages(printed)).toHaveLength(2);
  });

  test('wrapped text: lines by word, explicit line breaks, rows tall enough', () => {
    expect(wrappedLines('Owner', 150)).toBe(1);
    expect(wrappedLines('Business Impact', 80, true)).toBe(2);
    expect(wrappedLines('one\ntwo', 300)).toBe(2);
    const adr = sheet(example, 'ADR Log');
    const heights = wrappedRowHeights(adr);
    expect(heights.get(2)).toBeGreaterThan(25);
    expect(heights.has(5)).toBe(false);
  });
});

describe('package edits', () => {
  test('the drawing goes before the sheet’s own extLst, not a conditional format’s nested one', () => {
    const sheetXml =
      '<worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageSetup/><headerFooter/><extLst><ext/></extLst></worksheet>';
    expect(insertDrawing(sheetXml, 'rId3')).toBe(
      '<worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageSetup/><headerFooter/><drawing r:id="rId3"/><extLst><ext/></extLst></worksheet>',
    );
  });

  test('print names replace ExcelJS’s, one area name per sheet, apostrophes escaped', () => {
    const wb =
      '<workbook><sheets/><definedNames><definedName name="ThemeNames">x</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">\'What We\'re\'!$1:$1</definedName></definedNames><calcPr/></workbook>';
    const out = setPrintNames(wb, [
      { index: 0, area: ["'It''s'!$A$1:$B$2", "'It''s'!$D$2:$E$9"], titles: "'It''s'!$1:$1" },
    ]);
    expect(out).toBe(
      '<workbook><sheets/><definedNames><definedName name="ThemeNames">x</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">&apos;It&apos;&apos;s&apos;!$A$1:$B$2,&apos;It&apos;&apos;s&apos;!$D$2:$E$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;It&apos;&apos;s&apos;!$1:$1</definedName></definedNames><calcPr/></workbook>',
    );
  });

  test('the default font becomes the sheets’ font', () => {
    const styles =
      '<styleSheet><fonts count="2"><font><sz val="11"/><name val="Calibri"/><scheme val="minor"/></font><font><b/></font></fonts></styleSheet>';
    expect(setDefaultFont(styles, { name: 'Arial', size: 10 })).toBe(
      '<styleSheet><fonts count="2"><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font><font><b/></font></fonts></styleSheet>',
    );
  });
});
