/**
 * List cells in the preview behave as in Excel and Google Sheets (issue #18, item 1), in Chromium with the
 * keyboard: Enter moves down from a list cell (after a run of Tabs, back to the row's first column)
 * instead of opening its drop-down, which opens only with Alt+Down or a click on the active cell's
 * arrow; leaving an open drop-down never changes the cell (a value not in the list stays); a value a
 * strict list refuses stays in the editor with the message, also when the user clicks elsewhere. Computed
 * cells are guarded (item 2): Tab skips nothing, typing over a template's formula asks first.
 */
import type { Page } from 'playwright-core';
import { describeWithChromium } from './chromium';
import { cellOf, inputOf, insertTemplate, openPreview, sheetNames, type PreviewSession } from './preview-harness';

const SHEET = 'Business Context';

describeWithChromium()('list cells driven like the hosts', () => {
  let s: PreviewSession;
  let page: Page;
  const cell = (r: number, c: number) => cellOf(page, r, c);
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) await page.keyboard.press(k);
  };
  const nameBox = () => page.locator('#pv-namebox').inputValue();
  const input = (r: number, c: number) => inputOf(page, SHEET, r, c);
  const row = async (r: number): Promise<string[]> => Promise.all([0, 1, 2, 3, 4, 5, 6].map((c) => input(r, c)));

  beforeAll(async () => {
    s = await openPreview({ width: 1280, height: 800 });
    page = s.page;
    // The blank full workbook: Business Context's "Served by Theme" is a drop-down of ThemeNames (empty for now).
    await insertTemplate(page, 'strategy-workbook', false);
    // The new workbook's untouched "Sheet1" gave way to the template's sheets (issue #18, item 7).
    expect(await sheetNames(page)).not.toContain('Sheet1');
    await page.locator(`.pv-tab[data-sheet="${SHEET}"]`).click();
  }, 120000);

  afterAll(async () => {
    await s?.close();
  });

  test('Enter on an empty list cell at the end of a row moves to the next row: nothing typed next is lost or moved', async () => {
    await cell(1, 0).click();
    for (const v of ['Objective', 'Grow revenue', 'Enterprise deals', '', 'CEO']) {
      if (v) await page.keyboard.type(v);
      await press('Tab');
    }
    await expect(nameBox()).resolves.toBe('F2'); // "Served by Theme", a list cell, left empty
    await press('Enter');
    await expect(page.locator('.pv-editor').count()).resolves.toBe(0);
    await expect(nameBox()).resolves.toBe('A3');
    await page.keyboard.type('Critical Metric');
    await press('Tab');
    await page.keyboard.type('Uptime');
    await press('Enter');
    await expect(row(1)).resolves.toEqual(['Objective', 'Grow revenue', 'Enterprise deals', '', 'CEO', '', '']);
    await expect(row(2)).resolves.toEqual(['Critical Metric', 'Uptime', '', '', '', '', '']);
    await expect(nameBox()).resolves.toBe('A4');
    // Without a run of Tabs too: Enter on a list cell moves down; Alt+Down opens its list.
    await cell(3, 5).click();
    await press('Enter');
    await expect(page.locator('.pv-editor').count()).resolves.toBe(0);
    await expect(nameBox()).resolves.toBe('F5');
    await press('Alt+ArrowDown');
    await expect(page.locator('select.pv-list').count()).resolves.toBe(1);
    await press('Escape');
  });

  test('leaving an open drop-down never changes the cell, even when its value is not in the list', async () => {
    await cell(1, 5).click();
    await page.keyboard.type('Growth'); // not a theme (yet): the column warns but keeps it
    await press('Enter');
    await expect(input(1, 5)).resolves.toBe('Growth');
    await cell(1, 5).click();
    await press('Enter'); // moves down, opens nothing
    await expect(input(1, 5)).resolves.toBe('Growth');
    await cell(1, 5).click();
    await press('Alt+ArrowDown');
    await expect(page.locator('select.pv-list').count()).resolves.toBe(1);
    await press('Enter'); // nothing chosen: the cell keeps its value
    await expect(input(1, 5)).resolves.toBe('Growth');
    await cell(1, 5).click();
    await press('Alt+ArrowDown');
    await cell(6, 1).click(); // a click elsewhere closes the list
    await expect(page.locator('.pv-editor').count()).resolves.toBe(0);
    await expect(input(1, 5)).resolves.toBe('Growth');
    await expect(nameBox()).resolves.toBe('B7');
  });

  test('a click on the active list cell arrow opens its list; a value picked is written', async () => {
    await cell(3, 0).click();
    await expect(cell(3, 0).getAttribute('class')).resolves.toMatch(/pv-has-list/);
    const box = (await cell(3, 0).boundingBox())!;
    await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
    await expect(page.locator('select.pv-list').count()).resolves.toBe(1);
    await page.locator('select.pv-list option', { hasText: 'Constraint' }).click();
    await expect(input(3, 0)).resolves.toBe('Constraint');
  });

  test('a value the list refuses stays in the editor with the message, also after a click elsewhere', async () => {
    await cell(4, 0).click();
    await page.keyboard.type('Objectiv');
    await press('Enter');
    const message = '"Objectiv" is not allowed here: Section takes one of: Objective, Constraint, Critical Metric.';
    await expect(page.locator('.pv-refusal').textContent()).resolves.toBe(message);
    await cell(8, 2).click();
    await expect(page.locator('.pv-editor').inputValue()).resolves.toBe('Objectiv');
    await expect(page.locator('.pv-refusal').textContent()).resolves.toBe(message);
    await expect(nameBox()).resolves.toBe('A5');
    await press('End', 'Shift+Home');
    await page.keyboard.type('Objective');
    await press('Enter');
    await expect(input(4, 0)).resolves.toBe('Objective');
  });

  test('Tab skips nothing, and typing over a computed cell asks first: Cancel keeps the formula, Replace writes', async () => {
    const health = 'Technical Health';
    await page.locator(`.pv-tab[data-sheet="${health}"]`).click();
    const formula = await inputOf(page, health, 1, 2);
    expect(formula).toMatch(/^=IF\(B2=""/); // Status, computed from the Score
    await cell(1, 1).click();
    await page.keyboard.type('4');
    await press('Tab'); // onto Status, as in both hosts
    await expect(nameBox()).resolves.toBe('C2');
    await page.keyboard.type('Slow under load');
    await press('Tab');
    await page.locator('.pv-dialog').waitFor();
    await expect(page.locator('#pv-dialog-title').textContent()).resolves.toBe('Replace the formula in C2?');
    await expect(page.locator('#pv-dialog-text').textContent()).resolves.toMatch(
      /^"Status" is calculated by the template\./,
    );
    await press('Escape'); // keep the formula
    await expect(page.locator('.pv-dialog').count()).resolves.toBe(0);
    await expect(inputOf(page, health, 1, 2)).resolves.toBe(formula);
    await expect(cell(1, 2).textContent()).resolves.toBe('Strong');
    await expect(inputOf(page, health, 1, 1)).resolves.toBe('4');
    await page.keyboard.type('Mine');
    await press('Enter');
    await page.locator('.pv-dialog-confirm').click();
    await expect(inputOf(page, health, 1, 2)).resolves.toBe('Mine');
    await press('Control+z');
    await expect(inputOf(page, health, 1, 2)).resolves.toBe(formula);
    expect(s.problems).toEqual([]);
  });
});
