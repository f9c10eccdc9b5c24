/**
 * The local preview in a real browser (Debian's chromium driven by playwright-core): the page
 * loads with no console errors, the real task pane inserts the full strategy workbook, a custom
 * function typed into a cell computes, an edited input recalculates its formulas, sheets switch,
 * charts draw, and "Download .xlsx" gives a workbook ExcelJS can read. Screenshots go to
 * test-output/ (and, with UPDATE_SCREENSHOTS=1, docs/images/preview*.png for the README).
 * Needs chromium (Debian: apt-get install chromium). Skipped with a message only outside CI.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { builtPreview, openPreview, sheetValues, TEST_NOW, type PreviewSession } from './preview-harness';
import { defaultTemplateIds } from '../../cli/catalog';
import { TEMPLATES, compileTemplate } from '../../shared/templates';
import { describeWithChromium } from './chromium';
import { failAfterUpdate } from '../harness/tools';
import { geometryProblems, type ChartGeometry } from '../../ui/charts/geometry';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';

const OUT = path.resolve(__dirname, '../../test-output');
/** The matrix plots one point per example project. */
const EXAMPLE_PROJECTS = (PRIORITIZATION_SHEET.examples as unknown[]).length;
/** The README images are rewritten only on request (UPDATE_SCREENSHOTS=1), so a test run never changes committed files. */
const UPDATE_README_IMAGES = process.env.UPDATE_SCREENSHOTS === '1';
const IMAGE_DIR = UPDATE_README_IMAGES
  ? path.resolve(__dirname, '../../docs/images')
  : path.resolve(__dirname, '../../test-output');
const README_IMAGE = path.join(IMAGE_DIR, 'preview.png');
const README_CHART_IMAGE = path.join(IMAGE_DIR, 'preview-chart.png');

describeWithChromium()('local preview in Chromium', () => {
  let session: PreviewSession;
  let page: Page;
  let problems: string[];
  const fullId = defaultTemplateIds()[0];
  const full = TEMPLATES.find((t) => t.id === fullId)!;
  const timings: Record<string, number> = {};
  /** The plan the page inserts: compiled for the same day as the page's (fixed) clock. */
  const compiled = (id: string) => compileTemplate(id, { example: true, now: TEST_NOW });

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    timings.buildMs = (await builtPreview()).ms;
    const t1 = Date.now();
    session = await openPreview({ width: 1440, height: 860 });
    ({ page, problems } = session);
    timings.pageReadyMs = Date.now() - t1;
  }, 120000);

  afterAll(async () => {
    console.log(`preview timings: ${JSON.stringify(timings)}`);
    await session?.close();
  });

  const cell = (r: number, c: number) => page.locator(`td[data-r="${r}"][data-c="${c}"]`);
  const chartGeometries = (): Promise<ChartGeometry[]> =>
    page.evaluate(() =>
      (
        window as unknown as { tstPreview: { grid: { chartGeometries(): ChartGeometry[] } } }
      ).tstPreview.grid.chartGeometries(),
    );

  test('the page shows a grid, the sheet tab and the real task pane with every template', async () => {
    await expect(page.locator('.pv-grid th.pv-colhead').first().textContent()).resolves.toBe('A');
    await expect(page.locator('.pv-tab[data-sheet]').allTextContents()).resolves.toEqual(['Sheet1']);
    const ids = await page.locator('.tst-template').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(TEMPLATES.map((t) => t.id));
    await page.screenshot({ path: path.join(OUT, 'preview-empty.png') });
  });

  test('typing =PRIORITY_SCORE(9,8,5,6) into a cell shows 17.5; a column call spills', async () => {
    await cell(0, 0).click();
    await page.keyboard.type('=PRIORITY_SCORE(9,8,5,6)');
    await page.keyboard.press('Enter');
    await expect(cell(0, 0).textContent()).resolves.toBe('17.5');
    // Inputs in B2:E3 and one formula for both rows.
    const rows = [
      [9, 8, 5, 6],
      [3, 2, 2, 1],
    ];
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < 4; c++) {
        await cell(r + 1, c + 1).click();
        await page.keyboard.type(String(rows[r][c]));
        await page.keyboard.press('Enter');
      }
    }
    await cell(1, 5).click();
    await page.keyboard.type('=PRIORITY_SCORE(B2:B3,C2:C3,D2:D3,E2:E3)');
    await page.keyboard.press('Enter');
    await expect(cell(1, 5).textContent()).resolves.toBe('17.5');
    await expect(cell(2, 5).textContent()).resolves.toBe('6');
    // A bad value shows the core's message for the selected cell.
    await cell(0, 2).click();
    await page.keyboard.type('=PRIORITY_SCORE("high",8,5,6)');
    await page.keyboard.press('Enter');
    await expect(cell(0, 2).textContent()).resolves.toBe('#VALUE!');
    await cell(0, 2).click();
    await expect(page.locator('.pv-status').textContent()).resolves.toContain(
      'Impact must be a number from 1 to 10 (got "high")',
    );
    await expect(page.locator('#pv-formula').inputValue()).resolves.toBe('=PRIORITY_SCORE("high",8,5,6)');
  });

  test('the task pane inserts the full strategy workbook with the example', async () => {
    const t0 = Date.now();
    await page.locator(`.tst-template[data-id="${fullId}"]`).click();
    await expect(page.locator('#tst-example').isChecked()).resolves.toBe(true);
    await page.locator('#tst-insert').click();
    await page.waitForSelector('.tst-status.tst-ok', { timeout: 30000 });
    timings.insertFullWorkbookMs = Date.now() - t0;
    const tabs = await page.locator('.pv-tab[data-sheet]').allTextContents();
    expect(tabs).toEqual(['Sheet1', ...full.sheets]);
    await expect(page.locator('.tst-status').textContent()).resolves.toContain(
      `Added sheets ${full.sheets.join(', ')}`,
    );
    // The example is placed from the page's day (its clock is fixed to TEST_NOW): the roadmap's dates are the plan's for that day.
    const roadmap = compiled(fullId).sheets.find((x) => x.key === 'roadmap')!;
    const dates = (rows: unknown[][]): unknown[][] => rows.slice(1, 17).map((r) => r.slice(4, 6));
    expect(dates(await sheetValues(page, roadmap.name))).toEqual(dates(roadmap.cells));
    expect(
      dates(roadmap.cells)
        .flat()
        .every((v) => typeof v === 'number'),
    ).toBe(true);
    // Nothing in the whole workbook is an error: every template formula computes in the engine.
    const errors = await page.evaluate(() => {
      const { wb } = (
        window as unknown as {
          tstPreview: {
            wb: {
              sheetNames(): string[];
              metaOf(n: string): { hiddenColumns?: number[] };
              hf: { getSheetValues(id: number): unknown[][]; getSheetId(n: string): number };
            };
          };
        }
      ).tstPreview;
      const found: string[] = [];
      for (const name of wb.sheetNames()) {
        // Hidden helper columns may hold NA() on purpose (gaps in chart series).
        const hidden = new Set(wb.metaOf(name).hiddenColumns ?? []);
        wb.hf.getSheetValues(wb.hf.getSheetId(name)).forEach((row, r) =>
          row.forEach((v, c) => {
            const err =
              v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: string }).value : undefined;
            if (err && !(hidden.has(c) && err === '#N/A'))
              found.push(
                `${name} r${r + 1}c${c + 1}: ${(v as { value: string }).value} ${(v as { message?: string }).message ?? ''}`,
              );
          }),
        );
      }
      return found.filter((f) => !f.startsWith('Sheet1'));
    });
    expect(errors.slice(0, 10)).toEqual([]);
  });

  test('the workbook opens on Start Here; a click on a step opens its sheet; scrolling stops on whole columns', async () => {
    const active = () => page.locator('.pv-tab[aria-selected="true"]').textContent();
    await expect(active()).resolves.toBe('Start Here');
    await cell(3, 1).click();
    await expect(active()).resolves.toBe('Prioritization');
    // A wheel stopping mid-column: the scroll moves to the nearest column edge, so the frozen column A clips nothing.
    const clipped = (): Promise<number> =>
      page.evaluate(() => {
        const heads = [...document.querySelectorAll<HTMLElement>('.pv-colhead')];
        const edge = heads.find((h) => h.classList.contains('pv-frozen-col'))!.getBoundingClientRect().right;
        const next = heads.find(
          (h) => !h.classList.contains('pv-frozen-col') && h.getBoundingClientRect().right > edge,
        )!;
        return Math.round(edge - next.getBoundingClientRect().left);
      });
    const scroller = page.locator('.pv-scroll');
    for (const by of [37, 150, 90]) {
      await scroller.evaluate((el, px) => el.scrollBy({ left: px }), by);
      await page.waitForTimeout(250);
      expect(await clipped()).toBe(0);
    }
    expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.locator('.pv-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
  });

  test('each sheet of the workbook shows its header and charts draw', async () => {
    const plan = compiled(fullId);
    let charts = 0;
    for (const s of plan.sheets) {
      await page.locator(`.pv-tab[data-sheet="${s.name}"]`).click();
      await expect(page.locator('.pv-tab[aria-selected="true"]').textContent()).resolves.toBe(s.name);
      const first = s.cells[0].find((c) => typeof c === 'string' && c !== '' && !c.startsWith('='));
      if (first)
        await expect(page.locator('.pv-grid tbody tr').first().textContent()).resolves.toContain(String(first));
      const n = await page.locator('canvas.pv-chart').count();
      expect(n).toBe(s.charts.length);
      charts += n;
      if (n > 0) {
        // Measured from Chart.js's own element geometry: every label on its bar inside the plot, every point whole.
        const drawn = await chartGeometries();
        expect(drawn.map(geometryProblems)).toEqual(drawn.map(() => []));
        for (const [k, g] of drawn.entries()) {
          const kind = s.charts[k].kind;
          if (kind === 'metricProgress' || kind === 'themeProgress') {
            expect(g.labels.length).toBeGreaterThan(0);
            expect(g.labels.length).toBe(g.bars.filter((b) => b.value !== null).length);
          }
          if (kind === 'impactEffortMatrix') expect(g.points.length).toBe(EXAMPLE_PROJECTS);
        }
      }
      await page.screenshot({ path: path.join(OUT, `preview-${s.key}.png`) });
    }
    expect(charts).toBe(plan.sheets.reduce((a, s) => a + s.charts.length, 0));
  });

  test('editing an input recalculates the template formulas (prioritization score)', async () => {
    const plan = compiled(fullId);
    const sheet = plan.sheets.find((s) => s.cells[0].some((h) => /priority score/i.test(String(h))));
    expect(sheet).toBeDefined();
    const header = sheet!.cells[0].map(String);
    const impact = header.findIndex((h) => /impact/i.test(h));
    const score = header.findIndex((h) => /priority score/i.test(h));
    await page.locator(`.pv-tab[data-sheet="${sheet!.name}"]`).click();
    const [i, u, e, r] = [impact, impact + 1, impact + 2, impact + 3].map((c) => Number(sheet!.cells[1][c]));
    await expect(cell(1, score).textContent()).resolves.toBe(String(i * 2 + u - e * 0.5 - r));
    await cell(1, impact).click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(cell(1, score).textContent()).resolves.toBe(String(1 * 2 + u - e * 0.5 - r));
    // Out-of-range input is refused by the column's validation, like the hosts do.
    await cell(1, impact).click();
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect(page.locator('.pv-status').textContent()).resolves.toMatch(/1.*10/);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(OUT, 'preview-edited.png') });
    // Put the example back for the README picture.
    await cell(1, impact).click();
    await page.keyboard.type(String(i));
    await page.keyboard.press('Enter');
  });

  test('README screenshot: the prioritization sheet with its chart and the task pane', async () => {
    const plan = compiled(fullId);
    const withChart = plan.sheets.find((s) => s.charts.some((c) => c.kind === 'impactEffortMatrix')) ?? plan.sheets[0];
    await page.setViewportSize({ width: 1680, height: 900 });
    await page.locator(`.pv-tab[data-sheet="${withChart.name}"]`).click();
    await cell(1, 0).click();
    fs.mkdirSync(path.dirname(README_IMAGE), { recursive: true });
    await page.screenshot({ path: README_IMAGE });
    // Scroll so the chart sits at the right edge of the grid, next to the data (a wider window fits settings and chart).
    await page.setViewportSize({ width: 1800, height: 900 });
    await page.evaluate(() => {
      const scroller = document.querySelector('.pv-scroll') as HTMLElement;
      const frame = document.querySelector('.pv-chart-frame') as HTMLElement | null;
      if (!frame) return;
      const want = Math.max(0, frame.offsetLeft + frame.offsetWidth + 16 - scroller.clientWidth);
      // Start the scrolled area at a column boundary (the settings block), as a spreadsheet scrolls, unless the chart needs more.
      const heads = [...document.querySelectorAll<HTMLElement>('.pv-colhead')];
      const frozenEnd = heads.length ? heads[0].offsetLeft + heads[0].offsetWidth : 0;
      const settings = [...document.querySelectorAll<HTMLElement>('.pv-grid td')].find(
        (td) => td.textContent === 'Setting',
      );
      const snap = settings ? settings.offsetLeft - frozenEnd : want;
      scroller.scrollLeft = snap <= want + 400 && snap >= want - 400 ? Math.max(snap, 0) : want;
    });
    await page.screenshot({ path: README_CHART_IMAGE });
    await page.setViewportSize({ width: 1440, height: 860 });
    expect(fs.statSync(README_IMAGE).size).toBeGreaterThan(20000);
    expect(fs.statSync(README_CHART_IMAGE).size).toBeGreaterThan(20000);
  });

  test('Download .xlsx gives the workbook with the user edits, custom functions converted and said so', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pv-download').click()]);
    const file = path.join(OUT, 'preview-download.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, full.sheets.length + 1)).toEqual(['Sheet1', ...full.sheets]);
    expect(names).toContain('Converted formulas');
    const s1 = wb.getWorksheet('Sheet1')!;
    // What was typed as =PRIORITY_SCORE(9,8,5,6) is the template's native score formula, with no cached result.
    expect(s1.getCell('A1').value).toEqual({ formula: 'IF(COUNT(9,8,5,6)<4,"",9*2+8-5*0.5-6)' });
    // The column call became one native formula per row.
    expect((s1.getCell('F3').value as ExcelJS.CellFormulaValue).formula).toBe(
      'IF(COUNT(B3,C3,D3,E3)<4,"",B3*2+C3-D3*0.5-E3)',
    );
    expect(s1.getCell('B2').value).toBe(9);
    const list = wb.getWorksheet('Converted formulas')!;
    expect((list.getRow(3).values as unknown[]).slice(1, 5)).toEqual([
      'Sheet1',
      'A1',
      'PRIORITY_SCORE(9,8,5,6)',
      'IF(COUNT(9,8,5,6)<4,"",9*2+8-5*0.5-6)',
    ]);
    // The page says what it converted.
    await expect(page.locator('.pv-toolbar-status').textContent()).resolves.toMatch(
      /^Downloaded strategy\.xlsx \(\d+ KB\): 5 cells converted\.$/,
    );
    await expect(page.locator('.pv-status').textContent()).resolves.toBe(
      // C1 holds =PRIORITY_SCORE("high",8,5,6), an error: its native form would give a blank, so its value is kept;
      // the Prioritization sheet's sensitivity block (RANK_STABILITY, WEIGHT_TIPPING_POINT) has no native form.
      '5 cells use add-in functions: 2 saved as the spreadsheet\'s own formulas, 3 as their values, so the file works without the add-in (listed on the sheet "Converted formulas").',
    );
  });

  test('Print document prints the Strategy Document as the .xlsx does: portrait, every line whole', async () => {
    // window.print opens the system dialog: recorded here; the page is then printed to PDF as print media.
    await page.evaluate(() => {
      const w = window as unknown as { tstPrinted: number; print: () => void };
      w.tstPrinted = 0;
      w.print = () => void w.tstPrinted++;
    });
    await page.locator('#pv-print-document').click();
    expect(await page.evaluate(() => (window as unknown as { tstPrinted: number }).tstPrinted)).toBe(1);
    await expect(page.locator('.pv-toolbar-status').textContent()).resolves.toBe(
      'Printing "Strategy Document" (portrait).',
    );
    const content = (await sheetValues(page, 'Strategy Document')).slice(1).map((r) => String(r[2] ?? ''));
    const lines = content.filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(30);
    const pdf = path.join(OUT, 'preview-document.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [+m[1], +m[2]]);
    // Portrait, and about as many pages as the .xlsx in LibreOffice (at most three): nothing of the app printed.
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(3);
    expect(sizes.every(([w, h]) => h > w)).toBe(true);
    // Every line whole in the PDF's text (a break after a hyphen is layout, and pdftotext drops that hyphen).
    const plain = (x: string): string => x.replace(/\s+/g, ' ').replace(/-\s?/g, '').trim();
    const text = plain(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(plain(String((await sheetValues(page, 'Strategy Document'))[0][0])));
    for (const line of lines) expect({ line, printed: text.includes(plain(line)) }).toEqual({ line, printed: true });
    expect(text).not.toContain('Download .xlsx');
  });

  test('no console errors, warnings or external requests', () => {
    expect(problems).toEqual([]);
  });

  if (UPDATE_README_IMAGES)
    test('UPDATE_SCREENSHOTS rewrote the README images, so this run is not a check', () => {
      failAfterUpdate('UPDATE_SCREENSHOTS', [README_IMAGE, README_CHART_IMAGE]);
    });
});
