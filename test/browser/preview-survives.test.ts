/**
 * The preview page survives its user (issue #22), in Chromium: formulas that would exhaust the tab show a #VALUE!
 * error saying why and the page stays usable; a reload brings the work back from the browser's storage, formulas
 * as typed; the server forbids framing.
 */
import type { Page } from 'playwright-core';
import { cellOf, openPreview, type PreviewSession } from './preview-harness';
import { chromiumAvailable, describeWithChromium } from './chromium';

describeWithChromium('test/browser/preview-survives.test.ts')('the preview survives its user', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    expect(chromiumAvailable).toBe(true);
    session = await openPreview();
    page = session.page;
  }, 180000);
  afterAll(async () => {
    await session?.close();
  });

  async function type(r: number, c: number, text: string): Promise<void> {
    await cellOf(page, r, c).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  test('huge ranges and texts give a clear cell error; the page answers at once', async () => {
    await type(0, 0, 'keep me');
    await type(0, 1, '=REPT("x",100000000)');
    await type(0, 2, '=SUM(A3:XFD39999)');
    await expect(cellOf(page, 0, 1).textContent()).resolves.toBe('#VALUE!');
    await expect(cellOf(page, 0, 2).textContent()).resolves.toBe('#VALUE!');
    await cellOf(page, 0, 2).click();
    await expect(page.locator('.pv-status').textContent()).resolves.toContain(
      'The range A3:XFD39999 covers 655,310,848 cells; the preview computes ranges of at most 1,000,000 cells.',
    );
    await expect(page.locator('#pv-formula').inputValue()).resolves.toBe('=SUM(A3:XFD39999)');
    await cellOf(page, 0, 1).click();
    await expect(page.locator('.pv-status').textContent()).resolves.toContain('a cell holds at most 32,767');
  }, 60000);

  test('a reload brings the work back, formulas as typed', async () => {
    await page.waitForTimeout(1000); // the autosave runs shortly after the last change
    await page.reload();
    await page.waitForSelector('.tst-template');
    await expect(cellOf(page, 0, 0).textContent()).resolves.toBe('keep me');
    await expect(cellOf(page, 0, 2).textContent()).resolves.toBe('#VALUE!');
    await cellOf(page, 0, 2).click();
    await expect(page.locator('#pv-formula').inputValue()).resolves.toBe('=SUM(A3:XFD39999)');
    const headers = await page.evaluate(async () => {
      const r = await fetch('/');
      return [r.headers.get('x-frame-options'), r.headers.get('content-security-policy')];
    });
    expect(headers[0]).toBe('DENY');
    expect(headers[1]).toContain("frame-ancestors 'none'");
    expect(session.problems).toEqual([]);
  }, 60000);
});
