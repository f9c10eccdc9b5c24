/**
 * The workbook's native charts and print setup, proven by a real spreadsheet program (LibreOffice):
 *  - chart oracle: saved as ODF, every chart's local table holds the values it plots (hidden cells it
 *    does not include are left out): the example's initiatives, impacts and efforts, the six health
 *    ratings, the metrics' progress, the themes; the same for a blank workbook whose rows are filled
 *    with ExcelJS before it is packaged; each metric's trend on Progress History once three snapshots are
 *    in it (its values at their dates, nothing from other rows); and a control file whose charts plot visible cells only shows
 *    the helper-column charts empty, so the oracle can tell;
 *  - the Prioritization tornado, written with projects whose top 3 a weight tips: its table holds the snapshot of
 *    each weight's tipping points (decrease, increase) as the core computes them;
 *  - round trip: LibreOffice opens the file, saves it as .xlsx, and the saved file's charts hold the
 *    same tables;
 *  - print: the example prints at most two pages per sheet, its charts on the last pages (one per group: the matrix, then the tornado), the
 *    hidden helper columns never, the header row repeated on a sheet's second page, sans-serif fonts only.
 * Three soffice calls in all (about 25 s on two cores). Needs `soffice` and poppler-utils; skipped with a message
 * only outside CI.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultTemplateIds } from '../../cli/catalog';
import { findFunction, invoke } from '../../shared/functions';
import { compileTemplate } from '../../shared/templates';
import type { PlanCell, SheetPlan } from '../../shared/plan/plan';
import { modelFromPlans, type WorkbookModel } from '../../xlsx/model';
import { buildWorkbook, packageWorkbook, writeXlsx } from '../../xlsx/writer';
import { printPlan, printedCharts } from '../../xlsx/print-setup';
import { chartPages } from '../../shared/plan/print-area';
import { fileChart } from '../../xlsx/chart-model';
import {
  odsCharts,
  pageTextSizes,
  pdfFonts,
  printedPages,
  type OdsChart,
  type PrintedPage,
  type TableCell,
} from './chart-oracle';
import { convert, sofficePath } from './soffice';
import { describeNeeding } from '../harness/tools';
import { emptySlotName } from '../../shared/compiler/trend-charts';
import { execFileSync } from 'child_process';
import { readStrategy, type ReadSheet } from '../../shared/strategy/read';
import { strategyDocument } from '../../shared/strategy/model';
import { documentLineTexts } from '../../shared/strategy/document-lines';
import { todaySerial } from '../../shared/functions/metrics';
import { roadmapChartLabel } from '../../shared/compiler/charts';
import { calendarQuarterLabel } from '../../shared/compiler/calendar-axis';
import { serialToDate } from '../../shared/core/args';
import { compileSheets } from '../../shared/compiler/compile';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { tornadoChart } from '../../shared/catalogue/sensitivity';
import type { SheetSpec } from '../../shared/spec/spec';

/** Projects a weight change tips (Search and Alerts, the function reference's example, beside the seed's three). */
const TIPPED = [
  { project: 'SSO', impact: 9, urgency: 8, effort: 5, risk: 6 },
  { project: 'Analytics', impact: 7, urgency: 9, effort: 8, risk: 4 },
  { project: 'Refactor', impact: 4, urgency: 5, effort: 7, risk: 3 },
  { project: 'Search', impact: 8, urgency: 6, effort: 3, risk: 5 },
  { project: 'Alerts', impact: 6, urgency: 7, effort: 4, risk: 5 },
];

/** Whether the words of `title` appear in `text` in their order (other words may come between). */
function wordsInOrder(title: string, text: string): boolean {
  const words = text.split(/\s+/);
  let at = 0;
  return title.split(/\s+/).every((w) => {
    while (at < words.length && words[at] !== w) at++;
    return at++ < words.length;
  });
}

/** Each page's size in points (pdfinfo). */
function pageSizes(pdf: string): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** Each page's text in reading order (pdftotext without -layout: a column's wrapped lines run on). */
function readingOrderPages(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
}

/** The written workbook as a reader sees it before recalculation: typed values, formulas unknown. */
function asReadSheets(model: WorkbookModel): ReadSheet[] {
  return model.sheets.map((s) => ({
    name: s.name,
    rows: s.cells.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? undefined : v))),
  }));
}
import { SNAPSHOT_DAYS, TRENDS, fillHistory, previewWithSnapshots, serialOfUtc } from '../fixtures/snapshots';

/** The Strategy Document's printed pages at most: the guide's template whole, Organization & Resources and How We'll Work included. */
const DOCUMENT_PAGES = 3;
const soffice = sofficePath();
const describeLo = describeNeeding('soffice', 'pdftotext', 'pdffonts');

type Fill = Record<string, PlanCell | Date>;
/** What a user types into the blank workbook, by sheet and header. */
const FILLS: Record<string, Fill[]> = {
  'Strategic Themes': [{ Theme: 'Trust' }, { Theme: 'Reach' }, { Theme: 'Speed' }],
  Roadmap: [
    {
      Initiative: 'Audit trail',
      Theme: 'Trust',
      Start: new Date(Date.UTC(2027, 0, 11)),
      End: new Date(Date.UTC(2027, 2, 19)),
    },
    {
      Initiative: 'Edge cache',
      Theme: 'Reach',
      Start: new Date(Date.UTC(2027, 3, 5)),
      End: new Date(Date.UTC(2027, 5, 25)),
    },
    {
      Initiative: 'Key rotation',
      Theme: 'Trust',
      Start: new Date(Date.UTC(2027, 0, 18)),
      End: new Date(Date.UTC(2027, 4, 14)),
    },
    {
      Initiative: 'Fast CI',
      Theme: 'Speed',
      Start: new Date(Date.UTC(2027, 6, 5)),
      End: new Date(Date.UTC(2027, 8, 24)),
      'Depends On': 'Edge cache',
    },
  ],
  Prioritization: [
    { Project: 'Alpha', 'Business Impact': 9, Urgency: 5, Effort: 3, Risk: 2 },
    { Project: 'Beta', 'Business Impact': 8, Urgency: 4, Effort: 9, Risk: 3 },
    { Project: 'Gamma', 'Business Impact': 3, Urgency: 2, Effort: 2, Risk: 1 },
    { Project: 'Delta', 'Business Impact': 2, Urgency: 2, Effort: 8, Risk: 4 },
  ],
  'Technical Health': [4, 2, 5, 3, 1, 2].map((score, i) => ({
    'Score (1–5)': score,
    'Target (1–5)': [5, 4, 5, 4, 3, 4][i],
  })),
  'Metrics Dashboard': [
    { 'Technical Metric': 'Uptime deals', Baseline: '$0', Current: '$300K', Target: '$1M' },
    { 'Technical Metric': 'p95 latency', Baseline: '800ms', Current: '500ms', Target: '<200ms' },
    { 'Technical Metric': 'Integrations', Baseline: '10', Current: '40', Target: '100+' },
  ],
};

/** The cells of a workbook as the charts should see them: the plan's typed values, plus any fill. */
class TypedView {
  constructor(
    private model: WorkbookModel,
    private fills: Record<string, Fill[]> = {},
  ) {}
  sheet(name: string): SheetPlan {
    return this.model.sheets.find((s) => s.name === name)!;
  }
  col(sheet: string, header: string): number {
    const c = this.sheet(sheet).cells[0].indexOf(header);
    if (c < 0) throw new Error(`No column "${header}" on ${sheet}`);
    return c;
  }
  /** Data rows 0…n-1 of a column (typed values only; formulas read as null). */
  column(sheet: string, header: string, n: number): (PlanCell | Date)[] {
    const c = this.col(sheet, header);
    return Array.from({ length: n }, (_, i) => {
      const filled = this.fills[sheet]?.[i]?.[header];
      if (filled !== undefined) return filled;
      const v = this.sheet(sheet).cells[1 + i]?.[c] ?? null;
      return typeof v === 'string' && v.startsWith('=') ? null : v;
    });
  }
  /** How many data rows hold a typed value in the column. */
  count(sheet: string, header: string): number {
    const values = this.column(sheet, header, this.sheet(sheet).cells.length - 1);
    return values.filter((v) => v !== null && v !== '').length;
  }
}

function fillWorkbook(wb: ExcelJS.Workbook, view: TypedView): void {
  for (const [sheet, rows] of Object.entries(FILLS)) {
    const ws = wb.getWorksheet(sheet)!;
    rows.forEach((row, i) =>
      Object.entries(row).forEach(([header, v]) => (ws.getCell(i + 2, view.col(sheet, header) + 1).value = v)),
    );
  }
}

const fn = (name: string, args: unknown[]): unknown => invoke(findFunction(name)!, args as never)[0][0];
const near = (a: TableCell, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 1e-9;
const chartOn = (charts: OdsChart[], sheet: string): OdsChart => {
  const c = charts.find((x) => x.sheet === sheet);
  if (!c) throw new Error(`No chart on ${sheet}: ${charts.map((x) => x.sheet).join(', ')}`);
  return c;
};

/** Every chart of the workbook holds the values of the cells it reads. */
function expectChartsHoldTheData(charts: OdsChart[], view: TypedView): void {
  // Roadmap: one bar per initiative, labelled with what it depends on (the hidden label column); each has its
  // start offset and exactly one theme slot (hidden helpers).
  const roadmap = chartOn(charts, 'Roadmap');
  const n = view.count('Roadmap', 'Initiative');
  const [names, after] = ['Initiative', 'Depends On'].map((h) => view.column('Roadmap', h, n));
  const labels = names.map((x, i) => roadmapChartLabel(String(x ?? ''), String(after[i] ?? '')));
  expect(labels.filter((l) => l.includes(' (after '))).not.toEqual([]);
  expect(roadmap.table.slice(1, 1 + n).map((r) => r[0])).toEqual(labels);
  // On the calendar: the start offset is the start's quarter (YEAR×4 + quarter−1) plus the share of it gone.
  const starts = view.column('Roadmap', 'Start', n);
  roadmap.table.slice(1, 1 + n).forEach((row, i) => {
    const typed = starts[i];
    const start = typeof typed === 'number' ? serialToDate(typed) : (typed as Date);
    const quarter = `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
    expect([labels[i], calendarQuarterLabel(Math.floor(Number(row[1])))]).toEqual([labels[i], quarter]);
    expect(row.slice(2).filter((v) => typeof v === 'number' && v > 0)).toHaveLength(1);
  });
  // Matrix: each project at (effort, impact) in the series of its quadrant, and in no other.
  const matrix = chartOn(charts, 'Prioritization');
  const p = view.count('Prioritization', 'Project');
  const [impact, effort] = ['Business Impact', 'Effort'].map((h) => view.column('Prioritization', h, p) as number[]);
  expect(p).toBeGreaterThan(0);
  impact.forEach((y, i) => {
    const quadrant = fn('PRIORITY_QUADRANT', [y, effort[i]]) as string;
    const row = matrix.table[1 + i];
    expect(row[1]).toBe(effort[i]);
    const plotted = matrix.table[0].slice(2).flatMap((name, k) => (row[2 + k] === null ? [] : [[name, row[2 + k]]]));
    expect(plotted).toEqual([[quadrant, y]]);
  });
  // Radar: the six ratings and their targets.
  const radar = chartOn(charts, 'Technical Health');
  const dims = view.column('Technical Health', 'Dimension', 6);
  const scores = view.column('Technical Health', 'Score (1–5)', 6);
  const targets = view.column('Technical Health', 'Target (1–5)', 6);
  expect(radar.table.slice(1)).toEqual(dims.map((d, i) => [d, scores[i], targets[i]]));
  // Metric progress: each metric's share of the way to target, as the core computes it.
  const metrics = chartOn(charts, 'Metrics Dashboard');
  const m = view.count('Metrics Dashboard', 'Technical Metric');
  const cols = ['Baseline', 'Current', 'Target'].map((h) => view.column('Metrics Dashboard', h, m));
  expect(metrics.table.slice(1, 1 + m).map((r) => r[0])).toEqual(
    view.column('Metrics Dashboard', 'Technical Metric', m),
  );
  cols[0].forEach((_, i) => {
    const expected = fn(
      'METRIC_PROGRESS',
      cols.map((c) => c[i]),
    );
    const got = metrics.table[1 + i][1];
    if (typeof expected === 'number') expect(near(got, expected)).toBe(true);
    else expect(got).toBeNull();
  });
  // Theme progress: one bar per theme, a share from 0 to 1.
  const themes = chartOn(charts, 'Progress Dashboard');
  const t = view.count('Strategic Themes', 'Theme');
  expect(themes.table.slice(1, 1 + t).map((r) => r[0])).toEqual(view.column('Strategic Themes', 'Theme', t));
  for (const row of themes.table.slice(1, 1 + t)) expect(row[1]).toEqual(expect.any(Number));
}

describeLo('LibreOffice draws the workbook’s charts from its cells and prints every sheet', () => {
  let dir: string;
  let example: WorkbookModel;
  let blank: WorkbookModel;
  const charts: Record<string, OdsChart[]> = {};
  let pages: Record<string, PrintedPage[]> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-lo-charts-'));
    const file = (name: string): string => path.join(dir, name);
    example = modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example: true })));
    blank = modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example: false })));
    fs.writeFileSync(file('example.xlsx'), await writeXlsx(ExcelJS, example));
    const filled = buildWorkbook(ExcelJS, blank);
    fillWorkbook(filled.workbook, new TypedView(blank));
    fs.writeFileSync(file('blank-filled.xlsx'), await packageWorkbook(filled));
    const history = buildWorkbook(ExcelJS, example);
    fillHistory(history.workbook);
    fs.writeFileSync(file('history-filled.xlsx'), await packageWorkbook(history));
    // Control: the example's two charts over hidden helper columns, told to plot visible cells only.
    const helperCharts = ['roadmap', 'prioritization'].map((id) => compileTemplate(id, { example: true }));
    const control = buildWorkbook(ExcelJS, modelFromPlans(helperCharts));
    for (const p of control.parts) for (const c of p.charts) c.plotHidden = false;
    fs.writeFileSync(file('visible-only.xlsx'), await packageWorkbook(control));
    // The Prioritization sheet written with projects a weight tips: the tornado's snapshot has bars.
    const tipped = { ...PRIORITIZATION_SHEET, examples: TIPPED } as SheetSpec;
    const sensitivity = compileSheets({ id: 'prioritization', title: 'Sensitivity' }, [tipped], {
      example: true,
      today: 46000, // a fixed day: the example holds no date
    });
    fs.writeFileSync(file('sensitivity.xlsx'), await writeXlsx(ExcelJS, modelFromPlans([sensitivity])));

    const started = Date.now();
    convert(soffice!, [file('example.xlsx')], 'xlsx', file('saved'), dir);
    fs.renameSync(path.join(dir, 'saved', 'example.xlsx'), file('round-trip.xlsx'));
    const names = ['example', 'blank-filled', 'visible-only', 'round-trip', 'history-filled', 'sensitivity'];
    convert(
      soffice!,
      names.map((n) => file(`${n}.xlsx`)),
      'ods',
      file('ods'),
      dir,
    );
    // The preview's workbook after three snapshots, downloaded: its print areas are set with the log's rows.
    fs.writeFileSync(file('history-printed.xlsx'), await writeXlsx(ExcelJS, previewWithSnapshots().toModel()));
    convert(
      soffice!,
      [file('example.xlsx'), file('blank-filled.xlsx'), file('history-printed.xlsx')],
      'pdf',
      file('pdf'),
      dir,
    );
    console.log(`LibreOffice converted the chart workbooks in ${Date.now() - started} ms`);
    for (const n of names) charts[n] = await odsCharts(path.join(dir, 'ods', `${n}.ods`));
    pages = {
      example: printedPages(path.join(dir, 'pdf', 'example.pdf')),
      blank: printedPages(path.join(dir, 'pdf', 'blank-filled.pdf')),
      history: printedPages(path.join(dir, 'pdf', 'history-printed.pdf')),
    };
  }, 180000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the example workbook holds one native chart per chart of the plan, on its sheet, by its title', () => {
    const planned = example.sheets.flatMap((s) => s.charts.map((c) => [s.name, c.title]));
    // The six charts, and a trend per metric slot on Progress History.
    expect(planned).toHaveLength(6 + 6);
    expect(charts.example.map((c) => [c.sheet, c.name]).sort()).toEqual(planned.sort());
    expect(charts.example.map((c) => c.className).sort()).toEqual([
      'chart:bar',
      'chart:bar',
      'chart:bar',
      'chart:bar',
      'chart:radar',
      ...Array(1 + 6).fill('chart:scatter'),
    ]);
  });

  test('every chart of the example plots the example’s values', () => {
    expectChartsHoldTheData(charts.example, new TypedView(example));
  });

  test('every chart of the blank workbook plots the rows filled in afterwards', () => {
    expect(charts['blank-filled']).toHaveLength(6 + 6);
    expectChartsHoldTheData(charts['blank-filled'], new TypedView(blank, FILLS));
  });

  test('charts over hidden helper columns are told to plot them; told otherwise, LibreOffice leaves them out', () => {
    const reads = (cs: OdsChart[], sheet: string): number =>
      chartOn(cs, sheet)
        .table.slice(1)
        .flatMap((r) => r.slice(1))
        .filter((v) => typeof v === 'number').length;
    for (const sheet of ['Roadmap', 'Prioritization']) {
      expect(chartOn(charts.example, sheet).includeHidden).toBe(true);
      expect(reads(charts.example, sheet)).toBeGreaterThan(0);
      expect(chartOn(charts['visible-only'], sheet).includeHidden).toBe(false);
      // The matrix keeps its visible x values (efforts); every hidden helper value is gone.
      expect(
        chartOn(charts['visible-only'], sheet)
          .table.slice(1)
          .flatMap((r) => r.slice(2))
          .filter((v) => v !== null),
      ).toEqual([]);
    }
    // Charts over visible columns only keep plotting visible cells only (rows a user hides stay out).
    expect(chartOn(charts.example, 'Technical Health').includeHidden).toBe(false);
  });

  test('the tornado plots each weight’s tipping points as the file holds them (the core’s, when written)', () => {
    const tornado = charts.sensitivity.find((c) => c.name === tornadoChart.title)!;
    expect(tornado.className).toBe('chart:bar');
    const column = (k: keyof (typeof TIPPED)[number]) => TIPPED.map((p) => [p[k]]);
    const tips = invoke(findFunction('WEIGHT_TIPPING_POINT')!, [
      column('impact'),
      column('urgency'),
      column('effort'),
      column('risk'),
      [[2], [1], [0.5], [1]],
      3,
    ]);
    const cell = (v: unknown): TableCell => (typeof v === 'number' ? Number(v.toPrecision(12)) : null);
    expect(tips.flat().some((v) => typeof v === 'number')).toBe(true);
    // Categories, then the series in the plan's order: the decrease (negative), the increase.
    expect(tornado.table.slice(1).map((r) => r.map(cell))).toEqual(
      ['Impact', 'Urgency', 'Effort', 'Risk'].map((w, k) => [null, cell(tips[k][1]), cell(tips[k][0])]),
    );
    expect(tornado.table.slice(1).map((r) => r[0])).toEqual(['Impact', 'Urgency', 'Effort', 'Risk']);
    // The example's own tornado (its close third place, GDPR compliance against Refactor) has bars to draw too.
    const example = charts.example.find((c) => c.name === tornadoChart.title)!;
    expect(
      example.table
        .slice(1)
        .flatMap((r) => r.slice(1).map(cell))
        .filter((v) => v !== null).length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('the charts survive a round trip through LibreOffice (open, save as .xlsx, open again)', () => {
    const shape = (cs: OdsChart[]) =>
      cs
        .map((c) => ({
          sheet: c.sheet,
          className: c.className,
          table: c.table.map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v))),
        }))
        .sort((a, b) => a.sheet.localeCompare(b.sheet));
    expect(charts['round-trip']).toHaveLength(6 + 6);
    expect(shape(charts['round-trip'])).toEqual(shape(charts.example));
  });

  test('the example prints in at most two pages per sheet, its charts on the last pages (a page per group of charts)', () => {
    const bySheet = new Map<string, PrintedPage[]>();
    for (const p of pages.example) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
    expect([...bySheet.keys()].sort()).toEqual(example.sheets.map((s) => s.name).sort());
    for (const s of example.sheets) {
      const printed = bySheet.get(s.name)!;
      expect(printed.map((p) => p.page)).toEqual(printed.map((_, i) => i + 1));
      if (s.charts.some((c) => c.trendOf)) {
        // Progress History before its first snapshot: its table only; the trends print once it holds rows.
        expect({ sheet: s.name, pages: printed.length }).toEqual({ sheet: s.name, pages: 1 });
        continue;
      }
      // The Strategy Document holds the guide's whole template (with Organization & Resources and How We'll Work): three pages.
      // A table too wide to print at 8 pt on one page fits to more pages wide (print-setup.ts pagesWide).
      const wide = printPlan(s, [], new Map()).pagesWide;
      const most = s.key === 'document' ? DOCUMENT_PAGES : 2 * wide;
      expect({ sheet: s.name, pages: printed.length <= most }).toEqual({ sheet: s.name, pages: true });
      // Every chart that prints (a tornado without a bar does not) after the data, a page per group of charts
      // (chartPages: the Prioritization's matrix and tornado each on its own page, the last two); its title's words in
      // order (pdftotext also extracts the clipped text of a neighbouring chart that reaches into the page's range).
      const groups = chartPages(
        printedCharts(
          s,
          s.charts.map((c) => fileChart(c, s)),
        ),
      );
      groups.forEach((group, j) => {
        const page = printed[printed.length - groups.length + j].text;
        for (const c of group)
          expect({ sheet: s.name, title: c.title, printed: wordsInOrder(c.title, page) }).toEqual({
            sheet: s.name,
            title: c.title,
            printed: true,
          });
      });
    }
  });

  test('the Strategy Document prints in at most three portrait pages, every line whole; the Review in one or two pages tall, the History’s table in one', () => {
    const printed = (sheet: string): PrintedPage[] => pages.example.filter((p) => p.sheet === sheet);
    for (const [sheet, most] of [
      ['Strategy Document', DOCUMENT_PAGES],
      // Two pages wide: its text would print under 8 pt on one (print-setup.ts pagesWide).
      [
        'Strategy Review',
        2 *
          printPlan(
            example.sheets.find((x) => x.key === 'review')!,
            [],
            new Map(),
          ).pagesWide,
      ],
    ] as const) {
      const n = printed(sheet).length;
      expect({ sheet, printed: n >= 1 && n <= most }).toEqual({ sheet, printed: true });
    }
    // Progress History: its table on one page; a trend prints once its metric has two snapshots, two to a
    // landscape page (the text of two stacked charts interleaves in pdftotext's layout, so pages are counted);
    // the empty slots never (they printed a page of empty axes).
    expect(printed('Progress History')).toHaveLength(1);
    expect(pages.history.filter((p) => p.sheet === 'Progress History')).toHaveLength(1 + Math.ceil(TRENDS.length / 2));
    // Portrait: the sheet is one document column ~760 px wide; every other sheet prints landscape.
    const pdf = path.join(dir, 'pdf', 'example.pdf');
    const sizes = pageSizes(pdf);
    pages.example.forEach((p, i) =>
      expect({ sheet: p.sheet, portrait: sizes[i].height > sizes[i].width }).toEqual({
        sheet: p.sheet,
        portrait: p.sheet === 'Strategy Document',
      }),
    );
    // Readable: each line's text (as the core computes it) reads whole in the PDF's text, so no wrapped
    // line was cut or printed over its neighbours (rows sized to the text: xlsx/document-rows.ts).
    // A line may wrap after a hyphen ("2027-09-" / "01"), and pdftotext then drops that hyphen ("2027-0901"):
    // hyphens are left out of the comparison, every other character counts.
    const plain = (x: string): string => x.replace(/\s+/g, ' ').replace(/-\s?/g, '').trim();
    const text = plain(
      readingOrderPages(pdf)
        .filter((p) => p.includes('Live from this workbook'))
        .join(' '),
    );
    const { data } = readStrategy(asReadSheets(example), new Date());
    const today = todaySerial({ now: () => new Date() });
    const lines = documentLineTexts(data, strategyDocument(data, today)).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect({ line, printed: text.includes(plain(line)) }).toEqual({ line, printed: true });
  });

  test('hidden helper columns never print; the header row repeats on a sheet’s second page', () => {
    for (const p of [...pages.example, ...pages.blank]) {
      expect(p.text).not.toContain('Chart: theme order');
      expect(p.text).not.toContain('Used Q+0');
    }
    // The blank "What We're Not Doing" prints all its rows: two pages, both headed.
    const notDoing = pages.blank.filter((p) => p.sheet === "What We're Not Doing");
    expect(notDoing).toHaveLength(2);
    for (const p of notDoing) expect(p.text).toMatch(/Why Not\s+Theme\s+Revisit Date/);
  });

  test('each metric’s trend chart plots its values at the snapshot dates, and only those', () => {
    const trends = charts['history-filled'].filter((c) => c.sheet === 'Progress History');
    expect(trends.map((t) => t.className)).toEqual(Array(6).fill('chart:scatter'));
    const dates = SNAPSHOT_DAYS.map(serialOfUtc);
    trends.forEach((t, k) => {
      expect(t.includeHidden).toBe(true);
      // The local table: (row, x = date, y); #N/A rows (other metrics, themes, health) hold no value.
      const plotted = t.table.slice(1).flatMap((r) => (typeof r[2] === 'number' ? [[r[1], r[2]]] : []));
      const expected = k < TRENDS.length ? TRENDS[k][1].map((v, i) => [dates[i], v]) : [];
      expect({ slot: k + 1, plotted }).toEqual({ slot: k + 1, plotted: expected });
      // The title LibreOffice draws (from the linked title's cache) names the metric.
      expect({ slot: k + 1, title: t.title }).toEqual({
        slot: k + 1,
        title: k < TRENDS.length ? TRENDS[k][0] : emptySlotName(k + 1),
      });
    });
  });

  test('every printed sheet is readable: its table’s text prints at 8 pt or more (fit to as many pages wide as that takes)', () => {
    const sizes = pageTextSizes(path.join(dir, 'pdf', 'example.pdf'));
    console.log(`printed text sizes (pt): ${JSON.stringify(sizes.map((s) => `${s.sheet} p${s.page}: ${s.pt}`))}`);
    // The table's pages (charts print after them, on pages of their own, with their own fonts).
    const tables = sizes.filter(
      (s) =>
        s.page <=
        printPlan(
          example.sheets.find((x) => x.name === s.sheet)!,
          [],
          new Map(),
        ).pagesWide,
    );
    expect(new Set(tables.map((s) => s.sheet)).size).toBe(example.sheets.length);
    expect(tables.filter((s) => s.pt < 8)).toEqual([]);
  });

  test('everything prints in a sans-serif font', () => {
    const fonts = pdfFonts(path.join(dir, 'pdf', 'example.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /serif|times|roman|georgia|cambria/i.test(f) && !/sans/i.test(f))).toEqual([]);
  });
});
