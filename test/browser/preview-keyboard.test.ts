/**
 * The preview used the way a manager uses Excel or Google Sheets, with the keyboard, in Chromium at
 * 1280×800: rows of the blank scorecard filled with Tab and Enter land in their columns and leave the
 * formulas alone; a refused value keeps the editor open and says why in words; the name box goes to a
 * cell on another sheet; a range copied on one sheet is pasted into another (and text from another
 * application too); a template insert is undone and redone; sheet tabs stay in view, rename and delete
 * any sheet, the user's or a template's (asking first, naming what will show #REF!, undoable); a chart is inserted for a selected range with its points
 * whole and labels on their bars; summaries are on screen; wrapped rows grow. With UPDATE_SCREENSHOTS=1
 * the keyboard-filled scorecard and its chart are saved to docs/images/ for the docs.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeWithChromium } from './chromium';
import { failAfterUpdate } from '../harness/tools';
import {
  activeSheet,
  cellOf,
  inputOf,
  insertTemplate,
  openPreview,
  sheetNames,
  sheetValues,
  TEST_NOW,
  type PreviewSession,
} from './preview-harness';
import { geometryProblems, type ChartGeometry } from '../../ui/charts/geometry';
import { compileTemplate } from '../../shared/templates';

const OUT = path.resolve(__dirname, '../../test-output');
const UPDATE_DOCS_IMAGES = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS = UPDATE_DOCS_IMAGES ? path.resolve(__dirname, '../../docs/images') : OUT;

describeWithChromium()('the preview driven with the keyboard', () => {
  let s: PreviewSession;
  let page: Page;
  const cell = (r: number, c: number) => cellOf(page, r, c);
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) await page.keyboard.press(k);
  };
  const status = () => page.locator('.pv-status').textContent();
  const geometries = (): Promise<ChartGeometry[]> =>
    page.evaluate(() =>
      (
        window as unknown as { tstPreview: { grid: { chartGeometries(): ChartGeometry[] } } }
      ).tstPreview.grid.chartGeometries(),
    );

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    s = await openPreview({ width: 1280, height: 800 });
    page = s.page;
  }, 120000);

  afterAll(async () => {
    await s?.close();
  });

  test('first run: the empty sheet says where to start; the favicon is served', async () => {
    await expect(page.locator('.pv-hint').isVisible()).resolves.toBe(true);
    await expect(page.locator('.pv-hint').textContent()).resolves.toMatch(/^Start here\. Pick a template/);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await page.request.get(new URL(icon!, s.url).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    await page.screenshot({ path: path.join(OUT, 'keyboard-first-run.png') });
  });

  test('Tab and Enter fill rows of the blank scorecard: values land in their columns, formulas stay', async () => {
    // Sheet1 holds something, so the insert keeps it (an untouched Sheet1 is replaced by the first template);
    // the tests below use it as the user's own sheet.
    await page.evaluate(() =>
      (
        window as unknown as { tstPreview: { wb: { setInput(s: string, r: number, c: number, t: string): void } } }
      ).tstPreview.wb.setInput('Sheet1', 30, 0, 'kept'),
    );
    await insertTemplate(page, 'prioritization', false);
    await expect(sheetNames(page)).resolves.toEqual(['Sheet1', 'Prioritization']);
    const plan = compileTemplate('prioritization', { example: false }).sheets[0];
    await cell(1, 0).click();
    const rows = [
      ['Single sign-on', 'Enterprise', '9', '8', '5', '6'],
      ['Billing rewrite', 'Growth', '10', '2', '10', '2'],
      ['Docs refresh', 'Velocity', '1', '3', '1', '1'],
    ];
    for (const row of rows) {
      for (const [i, v] of row.entries()) {
        await page.keyboard.type(v);
        await press(i === row.length - 1 ? 'Enter' : 'Tab');
      }
    }
    // Enter after the run of Tabs went back to column A, one row down.
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('A5');
    const values = await sheetValues(page, 'Prioritization');
    expect(values.slice(1, 4).map((r) => r.slice(0, 8))).toEqual([
      ['Single sign-on', 'Enterprise', 9, 8, 5, 6, 17.5, 1],
      ['Billing rewrite', 'Growth', 10, 2, 10, 2, 15, 2],
      ['Docs refresh', 'Velocity', 1, 3, 1, 1, 3.5, 3],
    ]);
    // Every computed column still holds the template's formula.
    for (let r = 1; r <= 3; r++)
      for (let c = 6; c <= 9; c++) await expect(inputOf(page, 'Prioritization', r, c)).resolves.toBe(plan.cells[r][c]);
    // The picture for the docs: wide enough to show the computed columns beside what was typed.
    await page.setViewportSize({ width: 1680, height: 800 });
    await page.screenshot({
      path: path.join(DOCS, 'preview-keyboard-scorecard.png'),
      clip: { x: 0, y: 0, width: 1340, height: 300 },
    });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('a refused value keeps the editor open with what was typed and says why in words', async () => {
    await cell(4, 2).click();
    await page.keyboard.type('42');
    await press('Enter');
    const message = '42 is not allowed here: Business Impact takes a number from 1 to 10.';
    await expect(page.locator('.pv-editor').inputValue()).resolves.toBe('42');
    await expect(page.locator('#pv-formula').inputValue()).resolves.toBe('42');
    await expect(page.locator('.pv-refusal').textContent()).resolves.toBe(message);
    await expect(status()).resolves.toBe(`C5: ${message}`);
    await page.screenshot({ path: path.join(OUT, 'keyboard-refused.png') });
    await press('Backspace', 'Backspace');
    await page.keyboard.type('7');
    await press('Enter');
    await expect(page.locator('.pv-editor').count()).resolves.toBe(0);
    await expect(cell(4, 2).textContent()).resolves.toBe('7');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('C6');
  });

  test('typing replaces, F2 edits, arrows commit a typed value, Escape cancels, Delete clears', async () => {
    await cell(4, 0).click();
    await page.keyboard.type('Typed');
    await press('ArrowRight'); // commits and moves, like Excel after typing over a cell
    await expect(inputOf(page, 'Prioritization', 4, 0)).resolves.toBe('Typed');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('B5');
    await press('ArrowLeft', 'F2');
    await page.keyboard.type(' more');
    await press('ArrowLeft', 'ArrowLeft', 'Enter'); // in edit mode arrows move the caret
    await expect(inputOf(page, 'Prioritization', 4, 0)).resolves.toBe('Typed more');
    await press('ArrowUp');
    await page.keyboard.type('Nope');
    await press('Escape');
    await expect(inputOf(page, 'Prioritization', 4, 0)).resolves.toBe('Typed more');
    await press('Delete');
    await expect(inputOf(page, 'Prioritization', 4, 0)).resolves.toBe('');
    await press('Control+z');
    await expect(inputOf(page, 'Prioritization', 4, 0)).resolves.toBe('Typed more');
    await press('Control+Home');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('A1');
  });

  test('the name box goes to a cell, on this sheet or another', async () => {
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('Sheet1!C3');
    await press('Enter');
    await expect(activeSheet(page)).resolves.toBe('Sheet1');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('C3');
    await page.keyboard.type('here');
    await press('Enter');
    await expect(inputOf(page, 'Sheet1', 2, 2)).resolves.toBe('here');
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('Nowhere!A1');
    await press('Enter');
    await expect(status()).resolves.toBe('There is no sheet called "Nowhere" in this workbook.');
    await press('Escape');
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('prioritization!b2');
    await press('Enter');
    await expect(activeSheet(page)).resolves.toBe('Prioritization');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('B2');
  });

  test('a range copied on one sheet pastes into another, to and from other applications too', async () => {
    await press('Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowRight'); // B2:D4
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('B2:D4');
    await press('Control+c');
    await page.locator('.pv-tab[data-sheet="Sheet1"]').click();
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('E2');
    await press('Enter', 'Control+v');
    const pasted = (await sheetValues(page, 'Sheet1')).slice(1, 4).map((r) => r.slice(4, 7));
    expect(pasted).toEqual([
      ['Enterprise', 9, 8],
      ['Growth', 10, 2],
      ['Velocity', 1, 3],
    ]);
    await press('Control+z');
    expect(
      (await sheetValues(page, 'Sheet1'))
        .slice(1, 4)
        .map((r) => r.slice(4, 7))
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    // What the grid copies reaches another application as tab-separated text…
    await page.evaluate(() =>
      document.body.appendChild(Object.assign(document.createElement('textarea'), { id: 'other-app' })),
    );
    await page.locator('#other-app').focus();
    await press('Control+v');
    await expect(page.locator('#other-app').inputValue()).resolves.toBe(
      'Enterprise\t9\t8\nGrowth\t10\t2\nVelocity\t1\t3',
    );
    // Cut moves: the cells land where pasted and leave their place empty; one undo puts both back.
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('E2');
    await press('Enter');
    await page.keyboard.type('moved');
    await press('Enter');
    await cell(1, 4).click();
    await press('Control+x');
    await cell(1, 8).click();
    await press('Control+v');
    await expect(inputOf(page, 'Sheet1', 1, 8)).resolves.toBe('moved');
    await expect(inputOf(page, 'Sheet1', 1, 4)).resolves.toBe('');
    await press('Control+z');
    await expect(inputOf(page, 'Sheet1', 1, 4)).resolves.toBe('moved');
    await expect(inputOf(page, 'Sheet1', 1, 8)).resolves.toBe('');
    await press('Delete');
    // A mouse drag selects a range.
    await cell(1, 0).hover();
    await page.mouse.down();
    await cell(3, 2).hover();
    await page.mouse.up();
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('A2:C4');
    // …and text from another application pastes into cells, read as typed.
    await page.locator('#other-app').fill('Theme\t% Complete\nPlatform\t1\nGrowth\t0.5');
    await page.locator('#other-app').selectText();
    await press('Control+c');
    await page.evaluate(() => document.getElementById('other-app')!.remove());
    await cell(5, 0).click();
    await press('Control+v');
    expect((await sheetValues(page, 'Sheet1')).slice(5, 8).map((r) => r.slice(0, 2))).toEqual([
      ['Theme', '% Complete'],
      ['Platform', 1],
      ['Growth', 0.5],
    ]);
  });

  test('a template insert is undone and redone; the active tab is always in view', async () => {
    await insertTemplate(page, 'strategy-workbook', true);
    const before = await sheetNames(page);
    await insertTemplate(page, 'roadmap', true);
    await insertTemplate(page, 'roadmap', true);
    const [one, two] = (await sheetNames(page)).slice(before.length);
    expect([one, two]).toEqual(['Roadmap (2)', 'Roadmap (3)']);
    await expect(activeSheet(page)).resolves.toBe(two);
    const inView = async (): Promise<boolean> =>
      page.evaluate(() => {
        const tab = document.querySelector('.pv-tab[aria-selected="true"]')!.getBoundingClientRect();
        const strip = document.querySelector('.pv-tabs')!.getBoundingClientRect();
        return tab.left >= strip.left - 1 && tab.right <= strip.right + 1 && tab.width > 0;
      });
    await expect(inView()).resolves.toBe(true);
    // Fourteen tabs do not fit: the scroll arrows show, the one towards the end is disabled (the active tab is last).
    await expect(page.locator('.pv-tab-scroll').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.pv-tab-scroll').nth(1).isDisabled()).resolves.toBe(true);
    await cell(1, 0).click();
    await press('Control+z');
    await expect(sheetNames(page)).resolves.toEqual([...before, one]);
    await expect(status()).resolves.toBe('Undid: Insert Roadmap.');
    await expect(activeSheet(page)).resolves.toBe(one);
    await expect(inView()).resolves.toBe(true);
    await press('Control+z');
    await expect(sheetNames(page)).resolves.toEqual(before);
    await press('Control+y');
    await expect(sheetNames(page)).resolves.toEqual([...before, one]);
    await expect(activeSheet(page)).resolves.toBe(one);
    await expect(inView()).resolves.toBe(true);
    await expect(cell(1, 0).textContent()).resolves.toBe(
      String(compileTemplate('roadmap', { example: true, now: TEST_NOW }).sheets[0].cells[1][0]),
    );
    await press('Control+Shift+z');
    await expect(sheetNames(page)).resolves.toEqual([...before, one, two]);
    await page.locator('.pv-tab-scroll').first().click();
    await expect(inView()).resolves.toBe(false); // the arrows scroll the tabs
    await page.screenshot({ path: path.join(OUT, 'keyboard-tabs.png') });
  });

  test('a sheet the user added is renamed and deleted from its tab menu; delete asks first and undoes', async () => {
    await page.locator('.pv-add').click();
    const added = await activeSheet(page);
    expect(added).toMatch(/^Sheet\d+$/);
    await page.locator('.pv-tab-menu').click();
    await page.locator('.pv-menu-item', { hasText: 'Rename' }).click();
    await page.keyboard.type('Notes');
    await press('Enter');
    await expect(activeSheet(page)).resolves.toBe('Notes');
    const names = await sheetNames(page);
    await page.locator('.pv-tab[data-sheet="Notes"]').click({ button: 'right' });
    await page.locator('.pv-menu-item', { hasText: 'Delete' }).click();
    await expect(page.locator('.pv-dialog h2').textContent()).resolves.toBe('Delete the sheet "Notes"?');
    await press('Escape'); // the safe answer
    await expect(sheetNames(page)).resolves.toEqual(names);
    await page.locator('.pv-tab-menu').click();
    await page.locator('.pv-menu-item', { hasText: 'Delete' }).click();
    await page.locator('.pv-dialog-confirm').click();
    await expect(sheetNames(page)).resolves.toEqual(names.filter((n) => n !== 'Notes'));
    await press('Control+z');
    await expect(sheetNames(page)).resolves.toEqual(names);
    await expect(page.locator('.pv-dialog').count()).resolves.toBe(0);
  });

  test('a template sheet is renamed and deleted too: formulas follow a rename, read #REF! after a delete, and Undo brings it all back', async () => {
    const names = await sheetNames(page);
    const dashboard = await sheetValues(page, 'Progress Dashboard');
    // Rename from the ▾ of the active tab: the dashboard's formulas follow the new name, as in both hosts.
    await page.locator('.pv-tab[data-sheet="Strategic Themes"]').click();
    await page.locator('.pv-tab-menu').click();
    await page.locator('.pv-menu-item', { hasText: 'Rename' }).click();
    await page.keyboard.type('Themes 2027');
    await press('Enter');
    await expect(activeSheet(page)).resolves.toBe('Themes 2027');
    await expect(inputOf(page, 'Progress Dashboard', 1, 0)).resolves.toBe(
      `=IF('Themes 2027'!A2="","",'Themes 2027'!A2)`,
    );
    await expect(sheetValues(page, 'Progress Dashboard')).resolves.toEqual(dashboard);
    await cell(1, 1).click();
    await press('Control+z');
    await expect(sheetNames(page)).resolves.toEqual(names);
    // Delete: the dialog names what will break; confirmed, the sheet goes and the dashboard shows #REF!.
    await page.locator('.pv-tab[data-sheet="Strategic Themes"]').click({ button: 'right' });
    await page.locator('.pv-menu-item', { hasText: 'Delete' }).click();
    await expect(page.locator('.pv-dialog p').textContent()).resolves.toBe(
      'Its cells and charts go with it. So does the name ThemeNames (drop-down lists that use it will be empty). ' +
        'Formulas on "Start Here", "Progress Dashboard", "Strategy Review" and "Strategy Document" read this sheet: they will show #REF!, ' +
        'as in Excel and Google Sheets. Undo (Ctrl+Z) brings it all back.',
    );
    await page.screenshot({ path: path.join(OUT, 'keyboard-delete-template-sheet.png') });
    await page.locator('.pv-dialog-confirm').click();
    await expect(sheetNames(page)).resolves.toEqual(names.filter((n) => n !== 'Strategic Themes'));
    await expect(activeSheet(page)).resolves.toBe(names[names.indexOf('Strategic Themes') + 1]);
    await page.locator('.pv-tab[data-sheet="Progress Dashboard"]').click();
    await expect(cell(1, 0).textContent()).resolves.toBe('#REF!');
    await press('Control+z');
    await expect(sheetNames(page)).resolves.toEqual(names);
    await expect(activeSheet(page)).resolves.toBe('Strategic Themes');
    await expect(sheetValues(page, 'Progress Dashboard')).resolves.toEqual(dashboard);
    await page.locator('.pv-tab[data-sheet="Progress Dashboard"]').click();
    await expect(cell(1, 0).textContent()).resolves.toBe(String(dashboard[1][0]));
  });

  test('a date reads as a date in the formula bar and survives F2 and Enter', async () => {
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('Roadmap!E2');
    await press('Enter');
    const before = await sheetValues(page, 'Roadmap');
    const shown = await cell(1, 4).textContent();
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof before[1][4]).toBe('number'); // a date is a serial number in the cell
    await expect(page.locator('#pv-formula').inputValue()).resolves.toBe(shown);
    await press('F2', 'Enter');
    await expect(sheetValues(page, 'Roadmap')).resolves.toEqual(before);
    await expect(cell(1, 4).textContent()).resolves.toBe(shown);
  });

  test('a chart for the selected range, from the Charts tab: points whole inside the plot, labels on their bars', async () => {
    await page.locator('.pv-tab[data-sheet="Prioritization"]').click();
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('A1:F4');
    await press('Enter');
    await page.locator('#tab-charts').click();
    await page.locator('.tst-chart[data-kind="impactEffortMatrix"] button').click();
    await page.waitForSelector('.tst-chart-status.tst-ok');
    // The template's matrix and tornado, and the new chart: drawn on the next frame.
    await page.waitForFunction(() => document.querySelectorAll('.pv-chart-frame').length === 3);
    const all = await geometries();
    expect(all.map(geometryProblems)).toEqual(all.map(() => []));
    // The template's own chart and the new one; points at the scale's ends (impact 10, effort 10, 1) are whole.
    expect(all.filter((g) => g.type === 'scatter').flatMap((g) => g.points).length).toBe(6);
    await page.locator('.pv-chart-frame').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(DOCS, 'preview-chart-inserted.png') });
    // A bar chart from values pasted on Sheet1: 100% has its label inside the plot, on its bar.
    await page.locator('.pv-tab[data-sheet="Sheet1"]').click();
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('A6:B8');
    await press('Enter');
    await page.locator('.tst-chart[data-kind="themeProgress"] button').click();
    await page.waitForFunction(() => document.querySelectorAll('.pv-chart-frame').length === 1);
    const bars = await geometries();
    expect(bars.map((g) => [g.labels.map((l) => l.text).sort(), geometryProblems(g)])).toEqual([[['100%', '50%'], []]]);
    await page.locator('.pv-scroll').focus();
    await press('Control+z');
    await expect(page.locator('.pv-chart-frame').count()).resolves.toBe(0);
  });

  test('summaries are on screen at 1280×800 and wrapped text rows grow', async () => {
    await insertTemplate(page, 'health-scorecard', true);
    const visible = await page.evaluate(() => {
      const box = document.querySelector('.pv-scroll')!.getBoundingClientRect();
      const cells = [...document.querySelectorAll<HTMLElement>('td')].filter((td) =>
        /^(Summary|Overall score|Overall status)$/.test(td.textContent ?? ''),
      );
      return cells.map((td) => {
        const r = td.getBoundingClientRect();
        return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      });
    });
    expect(visible).toEqual([true, true, true]);
    // The dashboard's per-theme Status is its second column: on screen too.
    await page.locator('.pv-tab[data-sheet="Progress Dashboard"]').click();
    const status = await page.evaluate(() => {
      const box = document.querySelector('.pv-scroll')!.getBoundingClientRect();
      const td = [...document.querySelectorAll<HTMLElement>('td[data-r="0"]')].find((c) => c.textContent === 'Status')!;
      return td.getBoundingClientRect().right <= box.right;
    });
    expect(status).toBe(true);
    await insertTemplate(page, 'adr-log', true);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('td')]
        .filter((td) => td.style.whiteSpace === 'normal' && td.textContent)
        .filter((td) => td.scrollHeight > td.clientHeight + 1)
        .map((td) => td.textContent),
    );
    expect(clipped).toEqual([]);
  });

  test('long text runs on over empty cells to its right and stops at the next filled cell, as in both hosts', async () => {
    await page.locator('.pv-add').click();
    await cell(0, 0).click();
    await page.keyboard.type('A long note that runs on over the empty cells to its right');
    await press('Enter');
    await page.keyboard.type('A second long note, stopped by the next cell that holds something');
    await press('Tab', 'Tab', 'Tab');
    await page.keyboard.type('x');
    await press('Enter');
    // Where the text is drawn (its glyphs) and where the cell lets it show (the cell and the room it may take).
    const extent = (r: number, c: number) =>
      page.evaluate(
        ({ r, c }) => {
          const td = document.querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`)!;
          const range = document.createRange();
          range.selectNodeContents(td);
          const room = /inset\(0px -(\d+(?:\.\d+)?)px/.exec(getComputedStyle(td).clipPath)?.[1] ?? '0';
          const box = td.getBoundingClientRect();
          return { text: range.getBoundingClientRect().right, cell: box.right, shown: box.right + Number(room) };
        },
        { r, c },
      );
    const nextLeft = (r: number, c: number) =>
      page.evaluate(
        ({ r, c }) => document.querySelector(`td[data-r="${r}"][data-c="${c}"]`)!.getBoundingClientRect().left,
        { r, c },
      );
    const first = await extent(0, 0);
    expect(first.text).toBeGreaterThan(first.cell + 50); // longer than its cell…
    expect(first.shown).toBeGreaterThanOrEqual(first.text); // …and shown whole over the empty cells
    const second = await extent(1, 0);
    expect(second.text).toBeGreaterThan(await nextLeft(1, 3)); // too long to fit before D2…
    expect(second.shown).toBeCloseTo(await nextLeft(1, 3), 0); // …so it is cut where D2 begins
    await page.screenshot({ path: path.join(OUT, 'keyboard-text-runs-on.png') });
  });

  test('no console errors, warnings or external requests', () => {
    expect(s.problems).toEqual([]);
  });

  if (UPDATE_DOCS_IMAGES)
    test('UPDATE_SCREENSHOTS rewrote the docs images, so this run is not a check', () => {
      failAfterUpdate('UPDATE_SCREENSHOTS', [
        'docs/images/preview-keyboard-scorecard.png',
        'docs/images/preview-chart-inserted.png',
      ]);
    });
});
