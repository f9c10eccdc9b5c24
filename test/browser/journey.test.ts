/**
 * The manager's journey of issue #18, scripted in one Chromium page with the keyboard only: a blank Full
 * Strategy Workbook → business context → 3 themes → 10 projects → 6 roadmap items (one the quarter before
 * the plan, one in its fourth quarter) → 3 metrics ("99.5%", "$1,200") → Strategy Review → Record snapshot
 * → Markdown and .xlsx downloads. Each step reads the workbook back: nothing typed lost or moved, no
 * formula replaced without the question (typed over once: the question, declined), every roadmap item drawn
 * in its own quarter and every matrix name clear of the others (Chart.js's own geometry), the percentage and
 * the currency shown as typed in the grid, the Markdown and the .xlsx (read with ExcelJS, then opened once in
 * LibreOffice: one soffice call saves it as .ods after LibreOffice's own full recalculation, and the .ods gives each
 * cell's shown text and each chart's data). It prints how long the journey took the script and how many questions
 * it answered, and how long LibreOffice took.
 * With JOURNEY_SCREENSHOTS=1 each step is saved as docs/images/journey-*.png for docs/preview.md.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeWithChromium } from './chromium';
import { activeSheet, inputOf, openPreview, sheetValues, type PreviewSession } from './preview-harness';
import { drawnIntervals, geometryProblems, type ChartGeometry } from '../../ui/charts/geometry';
import { failAfterUpdate, testNeeding } from '../harness/tools';
import { JOURNEY_PROJECTS } from '../fixtures/journey-projects';
import { convert, sofficePath } from '../cli/soffice';
import { expectLibreOfficeShows } from './journey-libreoffice';

const OUT = path.resolve(__dirname, '../../test-output');
const SHOTS = process.env.JOURNEY_SCREENSHOTS === '1';
const IMAGES = path.resolve(__dirname, '../../docs/images');

/** The journey's data, as the manager types it (the page's day is 1 December 2026: the plan starts Q4 2026). */
const CONTEXT = [
  ['Objective', 'Win enterprise customers', 'Close 20 enterprise deals in 2027', '2027-12-31', 'CEO', ''],
  ['Critical Metric', 'Availability', 'Customers leave after outages', '', 'CTO', ''],
  ['Constraint', 'Flat headcount', 'No new hires before Q3 2027', '', 'CFO', ''],
];
const THEMES = [
  ['Enterprise-Ready Platform', 'Enterprise deals', 'SSO, audit, regions', '20 enterprise customers', '2027', 'Dana'],
  ['Reliability at Scale', 'Customers leave after outages', 'SLOs, sharding', '99.9% availability', '2027', 'Lee'],
  [
    'Developer Velocity',
    'Ship faster with the same team',
    'CI, flags, cleanup',
    'Lead time under 2 days',
    '2027',
    'Sam',
  ],
];
/** The theme each context row is served by, picked from its drop-down once the themes exist. */
const SERVED_BY = [0, 1, 2];
const servedContext = (): string[][] => CONTEXT.map((r, i) => [...r.slice(0, 5), THEMES[SERVED_BY[i]][0]]);
const THEME_OF = [0, 0, 1, 2, 1, 2, 0, 1, 2, 2];
const URGENCY = [8, 6, 7, 5, 6, 7, 5, 4, 3, 2];
const RISK = [3, 2, 2, 3, 6, 1, 5, 4, 4, 2];
const OWNERS = ['Dana', 'Dana', 'Lee', 'Sam', 'Lee', 'Sam', 'Dana', 'Lee', 'Sam', 'Sam'];
const PROJECTS = JOURNEY_PROJECTS.map((p, i) => [
  p.project,
  THEMES[THEME_OF[i]][0],
  String(p.impact),
  String(URGENCY[i]),
  String(p.effort),
  String(RISK[i]),
]);
/** Roadmap items: name, theme, start, end, status; and the quarters each one covers. */
const ROADMAP: Array<{ item: string[]; quarters: string[] }> = [
  { item: ['Audit logging', THEMES[0][0], '2026-08-03', '2026-09-25', 'Done'], quarters: ['Q3 2026'] },
  { item: ['SSO and RBAC', THEMES[0][0], '2026-10-05', '2026-12-18', 'In progress'], quarters: ['Q4 2026'] },
  { item: ['SLO dashboards', THEMES[1][0], '2027-01-11', '2027-03-26', 'Not started'], quarters: ['Q1 2027'] },
  {
    item: ['CI pipeline speed-up', THEMES[2][0], '2027-02-01', '2027-05-28', 'Not started'],
    quarters: ['Q1 2027', 'Q2 2027'],
  },
  { item: ['Feature flag platform', THEMES[2][0], '2027-04-05', '2027-06-25', 'Not started'], quarters: ['Q2 2027'] },
  { item: ['Postgres sharding', THEMES[1][0], '2027-07-05', '2027-09-24', 'Not started'], quarters: ['Q3 2027'] },
];
/** Metrics: theme, business metric, technical metric, baseline, current, target, timeline, start, due. */
const METRICS = [
  [THEMES[1][0], 'Availability', 'Monthly uptime', '99.0%', '99.5%', '99.9%', '2027', '2026-10-01', '2027-09-30'],
  [
    THEMES[0][0],
    'Cost per customer',
    'Cloud cost per account',
    '$1,500',
    '$1,200',
    '$900',
    '2027',
    '2026-10-01',
    '2027-12-31',
  ],
  [THEMES[2][0], 'Lead time', 'Days from commit to prod', '10', '6', '2', '2027', '2026-10-01', '2027-06-30'],
];

describeWithChromium()('the manager’s journey, keyboard only', () => {
  let s: PreviewSession;
  let page: Page;
  let started = 0;
  let questions = 0;
  /** The .xlsx the journey downloaded (read again by LibreOffice at the end). */
  let downloaded = '';
  const written: string[] = [];
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) await page.keyboard.press(k);
  };
  const nameBox = () => page.locator('#pv-namebox').inputValue();
  const focusedIn = (selector: string): Promise<boolean> =>
    page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
  const shot = async (step: string): Promise<void> => {
    if (!SHOTS) return;
    const file = path.join(IMAGES, `journey-${step}.png`);
    await page.screenshot({ path: file });
    written.push(file);
  };
  /** Ctrl+Home: back at A1, the columns after the frozen column A show from B again (they stayed scrolled: B looked gone). */
  const home = async (): Promise<void> => {
    await press('Control+Home');
    await expect(nameBox()).resolves.toBe('A1');
    await expect(page.locator('.pv-scroll').evaluate((el) => [el.scrollLeft, el.scrollTop])).resolves.toEqual([0, 0]);
  };
  /** The sheet's chart on its own (scrolled into view for the picture only; Ctrl+Home brings the grid back). */
  const chartShot = async (step: string): Promise<void> => {
    if (!SHOTS) return;
    const file = path.join(IMAGES, `journey-${step}.png`);
    await page.locator('.pv-chart-frame').first().screenshot({ path: file });
    written.push(file);
    await press('Control+Home');
  };
  const headers = async (sheet: string): Promise<string[]> =>
    (await sheetValues(page, sheet))[0].map((v) => String(v ?? ''));
  /** Types a row from the active cell: Tab between cells (an empty value: just Tab), Enter at its end. */
  const typeRow = async (values: string[]): Promise<void> => {
    for (const [i, v] of values.entries()) {
      if (v) await page.keyboard.type(v);
      await press(i === values.length - 1 ? 'Enter' : 'Tab');
    }
  };
  /** Ctrl+PageDown / Ctrl+PageUp until the sheet is shown (as in Excel), at most one round of the tabs. */
  const toSheet = async (name: string): Promise<void> => {
    const names = await page.locator('.pv-tab[data-sheet]').evaluateAll((els) => els.map((e) => e.textContent));
    const here = names.indexOf(await activeSheet(page));
    const there = names.indexOf(name);
    for (let i = 0; i < Math.abs(there - here); i++) await press(there > here ? 'Control+PageDown' : 'Control+PageUp');
    await expect(activeSheet(page)).resolves.toBe(name);
  };
  /** Start Here's step n (1–8): Ctrl+G (Go To) to its link, opened with Alt+Enter (Google Sheets' key; Excel's click). */
  const followStep = async (n: number, sheet: string): Promise<void> => {
    await press('Control+g');
    await expect(focusedIn('#pv-namebox')).resolves.toBe(true);
    await page.keyboard.type(`'Start Here'!B${n + 1}`);
    await press('Enter');
    await expect(activeSheet(page)).resolves.toBe('Start Here');
    await press('Alt+Enter');
    await expect(activeSheet(page)).resolves.toBe(sheet);
    await expect(focusedIn('.pv-scroll')).resolves.toBe(true);
  };
  /** Back to the grid from the task pane or the toolbar with F6 (Excel's key between the panes). */
  const toGrid = async (): Promise<void> => {
    for (let i = 0; i < 3 && !(await focusedIn('.pv-scroll')); i++) await press('F6');
    await expect(focusedIn('.pv-scroll')).resolves.toBe(true);
  };
  /** The task pane's tab of that name, reached with F6 and the arrow keys. */
  const toPaneTab = async (label: string): Promise<void> => {
    for (let i = 0; i < 3 && !(await focusedIn('.pv-pane')); i++) await press('F6');
    await expect(focusedIn('.pv-pane [role="tab"]')).resolves.toBe(true);
    for (let i = 0; i < 6; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === label) return;
      await press('ArrowRight');
    }
    throw new Error(`no task pane tab "${label}"`);
  };
  /** Tab until the focused element is the one asked for (at most 30 presses). */
  const tabTo = async (selector: string): Promise<void> => {
    for (let i = 0; i < 30; i++) {
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const geometries = (): Promise<ChartGeometry[]> =>
    page.evaluate(() =>
      (
        window as unknown as { tstPreview: { grid: { chartGeometries(): ChartGeometry[] } } }
      ).tstPreview.grid.chartGeometries(),
    );
  /** Every cell typed reads back as typed (its input, or for a date its text in the formula bar's form). */
  const expectTyped = async (sheet: string, top: number, rows: string[][], left = 0): Promise<void> => {
    const got = await page.evaluate(
      ({ sheet, top, left, rows }) => {
        const wb = (
          window as unknown as {
            tstPreview: { wb: { inputOf(s: string, r: number, c: number): string } };
          }
        ).tstPreview.wb;
        return rows.map((row, i) => row.map((_, j) => wb.inputOf(sheet, top + i, left + j)));
      },
      { sheet, top, left, rows },
    );
    expect(got).toEqual(rows);
  };

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    s = await openPreview({ width: 1600, height: 900 });
    page = s.page;
    // Every question the page asks, counted as it appears (the script must answer each one).
    await page.evaluate(() => {
      const w = window as unknown as { tstQuestions: number };
      w.tstQuestions = 0;
      new MutationObserver((changes) => {
        for (const c of changes)
          for (const n of c.addedNodes)
            if (n instanceof HTMLElement && (n.matches('.pv-dialog') || n.querySelector('.pv-dialog')))
              w.tstQuestions++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    page.on('dialog', () => void (questions += 1000)); // a native dialog would stall a real user: fails below
    started = Date.now();
  }, 120000);

  afterAll(async () => {
    await s?.close();
  });

  test('blank: the Full Strategy Workbook, without the example, inserted from the task pane by keyboard', async () => {
    await toPaneTab('Templates');
    await press('Tab'); // the first template of the list
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe(
      'strategy-workbook',
    );
    await press('Space');
    await tabTo('#tst-example');
    await press('Space'); // no example: a blank workbook
    await expect(page.locator('#tst-example').isChecked()).resolves.toBe(false);
    await tabTo('#tst-insert');
    await press('Enter');
    await page.waitForSelector('#view-templates .tst-status.tst-ok');
    await expect(activeSheet(page)).resolves.toBe('Start Here');
    await toGrid();
    await shot('blank');
  });

  /** A step that only types rows from A2: opened from Start Here, read back, pictured. */
  const typeStep = async (n: number, sheet: string, rows: string[][], picture: string): Promise<void> => {
    await followStep(n, sheet);
    await press('Control+Home', 'ArrowDown');
    for (const row of rows) await typeRow(row);
    await expect(nameBox()).resolves.toBe(`A${rows.length + 2}`); // Enter after each row's Tabs: back to column A
    await expectTyped(sheet, 1, rows);
    await home();
    await shot(picture);
  };

  test('context: rows typed with Tab and Enter land in their columns, also past an empty list cell', async () => {
    await typeStep(1, 'Business Context', CONTEXT, 'context');
  });

  test('themes: three themes', async () => {
    await typeStep(2, 'Strategic Themes', THEMES, 'themes');
  });

  test('context again: each row served by a theme, picked from its drop-down with Alt+Down, arrows and Enter', async () => {
    for (const [i, theme] of SERVED_BY.entries()) {
      await press('Control+g');
      await page.keyboard.type(`'Business Context'!F${i + 2}`);
      await press('Enter');
      await press('Alt+ArrowDown');
      await expect(page.locator('select.pv-list').count()).resolves.toBe(1);
      for (let k = 0; k <= theme; k++) await press('ArrowDown');
      await press('Enter');
      await expect(page.locator('select.pv-list').count()).resolves.toBe(0);
    }
    await expectTyped('Business Context', 1, servedContext());
    await home();
  });

  test('projects: ten projects; Tab crosses the computed columns, typing over one asks first and No keeps it', async () => {
    await followStep(3, 'Prioritization');
    const head = await headers('Prioritization');
    const owner = head.indexOf('Owner');
    const risk = head.indexOf('Risk');
    expect([risk, owner]).toEqual([5, expect.any(Number)]);
    await press('Control+Home', 'ArrowDown');
    const formula = await inputOf(page, 'Prioritization', 1, risk + 1);
    expect(formula).toMatch(/^=/);
    for (const [i, row] of PROJECTS.entries()) {
      // Project … Risk, then Tab over the computed columns to Owner: Tab and Enter skip nothing, as in the hosts.
      await typeRow([...row, ...Array<string>(owner - risk - 1).fill(''), OWNERS[i]]);
      if (i === 0) {
        // Once, as a manager would: a value typed over the Priority Score. The question comes; No keeps the formula.
        await press('ArrowUp');
        for (let c = 0; c <= risk; c++) await press('ArrowRight');
        await expect(nameBox()).resolves.toBe('G2');
        await page.keyboard.type('20');
        await press('Enter');
        await page.locator('.pv-dialog').waitFor();
        await expect(page.locator('#pv-dialog-title').textContent()).resolves.toBe('Replace the formula in G2?');
        await press('Escape');
        questions++;
        await expect(page.locator('.pv-dialog').count()).resolves.toBe(0);
        await expect(inputOf(page, 'Prioritization', 1, risk + 1)).resolves.toBe(formula);
        await press('Escape', 'Home', 'ArrowDown');
        await expect(nameBox()).resolves.toBe('A3');
      }
    }
    await expectTyped('Prioritization', 1, PROJECTS);
    await expectTyped(
      'Prioritization',
      1,
      OWNERS.map((o) => [o]),
      owner,
    );
    const values = await sheetValues(page, 'Prioritization');
    // Every computed column still computes: a score and a rank on each row.
    for (let r = 1; r <= PROJECTS.length; r++) {
      expect(typeof values[r][risk + 1]).toBe('number');
      expect(typeof values[r][risk + 2]).toBe('number');
    }
    // The matrix: a point per project, every name drawn and clear of every other name and point.
    const matrix = (await geometries()).find((g) => g.type === 'scatter')!;
    expect(matrix.points.length).toBe(PROJECTS.length);
    expect(geometryProblems(matrix)).toEqual([]);
    // Every point carries its name, or a number when the name fits nowhere beside it (listed under the chart).
    const named = matrix.labels.map((l) => l.text);
    expect(named.length).toBe(PROJECTS.length);
    const numbered = named.filter((t) => /^\d+$/.test(t)).length;
    expect(PROJECTS.filter((p) => named.includes(p[0])).length).toBe(PROJECTS.length - numbered);
    // A value no chart reads (an Owner) leaves the matrix as drawn; one it reads (an Effort) redraws it, moved.
    const seenBefore = (): Promise<boolean> =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLElement>('canvas.pv-chart')!;
        const seen = c.dataset.seen === '1';
        c.dataset.seen = '1';
        return seen;
      });
    const retype = async (a1: string, value: string): Promise<void> => {
      await press('Control+g');
      await page.keyboard.type(a1);
      await press('Enter');
      await page.keyboard.type(value);
      await press('Enter');
    };
    const last = PROJECTS.length + 1;
    const ownerAt = `${String.fromCharCode(65 + owner)}${last}`;
    /** The x of the point named after the last project (its label and point share series and index). */
    const pointX = async (): Promise<number> => {
      const g = (await geometries()).find((x) => x.type === 'scatter')!;
      const l = g.labels.find((x) => x.text === PROJECTS[last - 2][0])!;
      return g.points.find((p) => p.dataset === l.dataset && p.index === l.index)!.x;
    };
    const x0 = await pointX();
    await seenBefore();
    await retype(ownerAt, 'Dana');
    expect(await seenBefore()).toBe(true);
    await retype(`E${last}`, '9');
    expect(await seenBefore()).toBe(false);
    expect(await pointX()).toBeGreaterThan(x0);
    await retype(ownerAt, OWNERS[last - 2]);
    await retype(`E${last}`, PROJECTS[last - 2][4]);
    await expectTyped('Prioritization', last - 1, [PROJECTS[last - 2]]);
    await home();
    await shot('projects');
    await chartShot('projects-matrix');
  });

  test('roadmap: six items, each drawn in its own quarter, the one before the plan and the plan-Q4 one too', async () => {
    await followStep(4, 'Roadmap');
    const head = await headers('Roadmap');
    const col = (name: string): number => head.indexOf(name);
    expect(['Initiative', 'Theme', 'Owner', 'Start', 'End', 'Status'].map(col).every((c) => c >= 0)).toBe(true);
    const last = col('Status');
    const rows = ROADMAP.map(({ item: [name, theme, start, end, status] }) => {
      const row = Array<string>(last + 1).fill('');
      const owner = THEMES.find((t) => t[0] === theme)![5];
      [row[col('Initiative')], row[col('Theme')], row[col('Owner')], row[col('Start')], row[col('End')]] = [
        name,
        theme,
        owner,
        start,
        end,
      ];
      row[last] = status;
      return row;
    });
    await press('Control+Home', 'ArrowDown');
    for (const row of rows) await typeRow(row);
    // Nothing moved: names, themes and statuses as typed; dates shown as typed (the formula bar's form).
    for (const [i, row] of rows.entries()) {
      for (const c of [col('Initiative'), col('Theme'), col('Owner'), last])
        await expect(inputOf(page, 'Roadmap', i + 1, c)).resolves.toBe(row[c]);
      for (const c of [col('Start'), col('End')]) {
        await expect(page.locator(`td[data-r="${i + 1}"][data-c="${c}"]`).textContent()).resolves.toBe(row[c]);
      }
    }
    // The chart: each item's bar between the lines of its own quarters, read from what Chart.js drew.
    const timeline = (await geometries()).find((g) => g.type === 'bar' && g.valueTicks.length > 0)!;
    const drawn = drawnIntervals(timeline);
    expect(drawn).toEqual(Object.fromEntries(ROADMAP.map(({ item, quarters }) => [item[0], quarters])));
    await home();
    await shot('roadmap');
    await chartShot('roadmap-chart');
  });

  test('metrics: "99.5%" and "$1,200" kept and shown as typed', async () => {
    await followStep(5, 'Metrics Dashboard');
    await press('Control+Home', 'ArrowDown');
    for (const row of METRICS) await typeRow(row);
    await expectTyped(
      'Metrics Dashboard',
      1,
      METRICS.map((r) => r.slice(0, 7)),
    );
    // Shown as typed in the grid: the percentage and the currency, not 0.995 or 1200.
    const shown = (r: number, c: number) => page.locator(`td[data-r="${r}"][data-c="${c}"]`).textContent();
    await expect(shown(1, 4)).resolves.toBe('99.5%');
    await expect(shown(2, 4)).resolves.toBe('$1,200');
    await home();
    await shot('metrics');
  });

  test('review: Ctrl+PageDown to the Strategy Review, which reads the typed strategy', async () => {
    await toSheet('Strategy Review'); // from Metrics Dashboard with Ctrl+PageDown, sheet by sheet
    const review = await sheetValues(page, 'Strategy Review');
    const check = (text: string) => review.find((r) => r[1] === text);
    expect(check('No business objective')?.[2]).toBe('✓');
    await shot('review');
  });

  test('snapshot: Record snapshot from the Progress tab; the history keeps "99.5%" and "$1,200" as written', async () => {
    await toPaneTab('Progress');
    await tabTo('#tst-snapshot');
    await press('Enter');
    await page.waitForSelector('#tst-progress-status.tst-ok');
    await expect(activeSheet(page)).resolves.toBe('Progress History');
    const history = await sheetValues(page, 'Progress History');
    const written = (name: string) => history.find((r) => r[1] === 'Metric' && r[2] === name)?.[4];
    expect(written('Monthly uptime')).toBe('99.5%');
    expect(written('Cloud cost per account')).toBe('$1,200');
    await toGrid();
    await shot('snapshot');
  });

  test('document: the Markdown and the .xlsx downloaded by keyboard show the strategy as typed', async () => {
    await followStep(8, 'Strategy Document');
    // The Strategy Document sheet shows the metrics as typed (the .xlsx keeps its formulas for the reader to compute).
    const sheetText = (await sheetValues(page, 'Strategy Document')).flat().map(String).join('\n');
    expect(sheetText).toContain('99.5%');
    expect(sheetText).toContain('$1,200');
    expect(sheetText).not.toContain('0.995');
    await shot('document');
    // The Markdown, from the Progress tab.
    await toPaneTab('Progress');
    await tabTo('#tst-download-md');
    const [md] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
    const mdFile = path.join(OUT, 'journey-strategy.md');
    await md.saveAs(mdFile);
    const markdown = fs.readFileSync(mdFile, 'utf8');
    for (const t of [...THEMES.map((r) => r[0]), 'Postgres sharding', 'Win enterprise customers'])
      expect(markdown).toContain(t);
    expect(markdown).toContain('99.5%');
    expect(markdown).toContain('$1,200');
    expect(markdown).not.toContain('0.995');
    // The .xlsx, from the toolbar (F6 from the task pane).
    await press('F6');
    await tabTo('#pv-download');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
    const file = path.join(OUT, 'journey.xlsx');
    await xlsx.saveAs(file);
    downloaded = file;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const metrics = wb.getWorksheet('Metrics Dashboard')!;
    expect([metrics.getCell('E2').text, metrics.getCell('E2').numFmt]).toEqual(['99.5%', '@']);
    expect([metrics.getCell('E3').text, metrics.getCell('E3').numFmt]).toEqual(['$1,200', '@']);
    const projects = wb.getWorksheet('Prioritization')!;
    expect(PROJECTS.map((_, i) => projects.getCell(i + 2, 1).text)).toEqual(PROJECTS.map((p) => p[0]));
    const themes = wb.getWorksheet('Strategic Themes')!;
    expect(THEMES.map((_, i) => themes.getCell(i + 2, 1).text)).toEqual(THEMES.map((t) => t[0]));
    const roadmap = wb.getWorksheet('Roadmap')!;
    expect(ROADMAP.map((_, i) => roadmap.getCell(i + 2, 1).text)).toEqual(ROADMAP.map((r) => r.item[0]));
    // The snapshot's "As Written" in the file: the history's text cells as typed.
    const history = wb.getWorksheet('Progress History')!;
    const asWritten: string[] = [];
    history.eachRow((row) => void asWritten.push(row.getCell(5).text));
    expect(asWritten).toEqual(expect.arrayContaining(['99.5%', '$1,200']));
    await toGrid();
  });

  test('after the snapshot and the downloads, every value typed is still where it was typed', async () => {
    await expectTyped('Business Context', 1, servedContext());
    await expectTyped('Strategic Themes', 1, THEMES);
    await expectTyped('Prioritization', 1, PROJECTS);
    await expectTyped(
      'Metrics Dashboard',
      1,
      METRICS.map((r) => r.slice(0, 7)),
    );
  });

  test('the journey: time taken and questions answered', async () => {
    const seconds = (Date.now() - started) / 1000;
    const asked = await page.evaluate(() => (window as unknown as { tstQuestions: number }).tstQuestions);
    console.log(`journey: ${seconds.toFixed(1)} s of script, ${asked} question(s) answered`);
    expect(asked).toBe(questions);
    expect(s.problems).toEqual([]);
  });

  testNeeding('soffice')(
    'LibreOffice, after its own full recalculation of the .xlsx: values as typed, no error, each roadmap item in its quarter, all ten projects on the matrix',
    async () => {
      expect(downloaded).not.toBe('');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-journey-lo-'));
      try {
        const t = Date.now();
        convert(sofficePath()!, [downloaded], 'ods', path.join(dir, 'ods'), dir);
        console.log(`journey: LibreOffice opened, recalculated and saved the .xlsx in ${(Date.now() - t) / 1000} s`);
        const ods = path.join(dir, 'ods', `${path.basename(downloaded, '.xlsx')}.ods`);
        await expectLibreOfficeShows(ods, {
          metrics: METRICS,
          projects: PROJECTS,
          themes: THEMES.map((t) => t[0]),
          roadmap: ROADMAP,
          document: await sheetValues(page, 'Strategy Document'),
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180000,
  );

  if (SHOTS)
    test('JOURNEY_SCREENSHOTS rewrote docs/images/journey-*.png, so this run is not a check', () => {
      failAfterUpdate('JOURNEY_SCREENSHOTS', written);
    });
});
