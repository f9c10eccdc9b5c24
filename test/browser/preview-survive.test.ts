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

describeWithChromium()('a preview that survives its user', () => {
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

  test('a 40,000 × 14 paste draws only the rows on screen; arrow keys stay quick; every cell is reachable', async () => {
    await page.locator('.pv-add').click();
    await cellOf(page, 0, 0).click();
    const pasteMs = await page.evaluate(() => {
      const lines: string[] = [];
      for (let r = 0; r < 40_000; r++) {
        const row: string[] = [`Item ${r + 1}`];
        for (let c = 1; c < 14; c++) row.push(String((r * 14 + c) % 997));
        lines.push(row.join('\t'));
      }
      const data = new DataTransfer();
      data.setData('text/plain', lines.join('\n'));
      const started = performance.now();
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      document.body.getBoundingClientRect(); // the layout the paste causes, included
      return performance.now() - started;
    });
    const sheet = await page.locator('.pv-tab[aria-selected="true"]').getAttribute('data-sheet');
    expect(await inputOf(page, sheet!, 39_999, 0)).toBe('Item 40000');
    const drawn = (): Promise<{ rows: number; cells: number }> =>
      page.evaluate(() => ({
        rows: document.querySelectorAll('.pv-grid tbody tr:not(.pv-spacer-row)').length,
        cells: document.querySelectorAll('.pv-grid td').length,
      }));
    // The screen shows about 25 rows; with the margin each side, never more than 200 rows are in the page.
    const first = await drawn();
    expect(first.rows).toBeLessThanOrEqual(200);
    expect(first.cells).toBeLessThanOrEqual(200 * 20);
    /** Arrow keys, each timed from the key to the layout it causes. */
    const arrows = (key: string, n: number): Promise<number[]> =>
      page.evaluate(
        ({ key, n }) => {
          const grid = document.querySelector('.pv-scroll')!; // where the keys go when no editor is open
          const times: number[] = [];
          for (let i = 0; i < n; i++) {
            const started = performance.now();
            grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            document.querySelector('td.pv-selected')!.getBoundingClientRect();
            times.push(performance.now() - started);
          }
          return times;
        },
        { key, n },
      );
    const down = await arrows('ArrowDown', 120); // past the drawn margin: rows are drawn again on the way
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const right = await arrows('ArrowRight', 13);
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('N121');
    await expect(cellOf(page, 120, 0).textContent()).resolves.toBe('Item 121');
    expect((await drawn()).rows).toBeLessThanOrEqual(200);
    // Ctrl+End goes to the last row: it is drawn, shows its value, and the table stays small.
    await page.keyboard.press('Control+End');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('N40000');
    await expect(cellOf(page, 39_999, 0).textContent()).resolves.toBe('Item 40000');
    // The name box goes anywhere in it, drawn at once.
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('A30000');
    await press('Enter');
    await expect(cellOf(page, 29_999, 0).textContent()).resolves.toBe('Item 30000');
    await expect(page.locator('td.pv-selected').getAttribute('data-r')).resolves.toBe('29999');
    await press('Control+End');
    // Scrolled far from the active cell, typing brings it back and edits it, as in a spreadsheet.
    await page.evaluate(async () => {
      const scroller = document.querySelector('.pv-scroll')!;
      scroller.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    await expect(cellOf(page, 39_999, 0).count()).resolves.toBe(0); // no longer drawn
    await page.keyboard.type('Last');
    await press('Enter');
    expect(await inputOf(page, sheet!, 39_999, 13)).toBe('Last');
    await page.keyboard.press('Control+End');
    const back = await arrows('ArrowUp', 60);
    expect((await drawn()).rows).toBeLessThanOrEqual(200);
    const all = [...down, ...right, ...back].sort((a, b) => a - b);
    const median = all[all.length >> 1];
    const worst = all[all.length - 1];
    const p95 = all[Math.floor(all.length * 0.95)];
    // The page's clock is Playwright's (setFixedTime): performance.now() counts whole milliseconds.
    console.log(
      `40,000 × 14 paste: ${Math.round(pasteMs)} ms; arrow keys over ${all.length}: median ${median} ms, 95th percentile ${p95} ms, slowest ${all.slice(-5).join(', ')} ms (first key: ${down[0]} ms; slowest down ${Math.max(...down)} at ${down.indexOf(Math.max(...down))}, right ${Math.max(...right)}, up ${Math.max(...back)} at ${back.indexOf(Math.max(...back))}); drawn rows ${first.rows}, cells ${first.cells}`,
    );
    // Kept in the browser and back after a reload, all 40,000 rows, still drawn a screenful at a time.
    const keepMs = await page.evaluate(async () => {
      const started = performance.now();
      await (window as unknown as Win).tstPreview.keeper.keepNow();
      return performance.now() - started;
    });
    expect(await unsaved()).toBe(false);
    const reloadStarted = Date.now();
    await reload();
    const reloadMs = Date.now() - reloadStarted;
    await page.locator(`.pv-tab[data-sheet="${sheet}"]`).click();
    await expect(page.locator('.pv-opening').count()).resolves.toBe(0); // "Opening the workbook…" went
    expect(await inputOf(page, sheet!, 39_999, 13)).toBe('Last');
    expect(await inputOf(page, sheet!, 39_998, 13)).toBe(String((39_998 * 14 + 13) % 997));
    expect((await drawn()).rows).toBeLessThanOrEqual(200);
    console.log(`40,000 × 14 kept in ${Math.round(keepMs)} ms, back after a reload in ${reloadMs} ms`);
    // 50 ms is the aim (the issue); the bound is generous so a loaded machine does not fail it.
    expect(median).toBeLessThan(50);
    expect(worst).toBeLessThan(500);
    expect(s.problems).toEqual([]);
  }, 180_000);

  test('a value in column XFD draws only the columns on screen, there and back', async () => {
    await page.locator('.pv-add').click();
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('XFD5');
    await press('Enter');
    await page.keyboard.type('far right');
    await press('Enter');
    const heads = (): Promise<number> => page.locator('.pv-grid thead th.pv-colhead').count();
    await expect(cellOf(page, 4, 16383).textContent()).resolves.toBe('far right');
    expect(await heads()).toBeLessThanOrEqual(40);
    await press('Control+Home');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('A1');
    await expect(cellOf(page, 0, 0).count()).resolves.toBe(1);
    expect(await heads()).toBeLessThanOrEqual(40);
    await press('Control+End');
    await expect(page.locator('#pv-namebox').inputValue()).resolves.toBe('XFD5');
    await expect(cellOf(page, 4, 16383).textContent()).resolves.toBe('far right');
    // The whole sheet selected (A1:XFD40000): a copy is refused with the count, a clear clears what is there.
    await page.locator('#pv-namebox').click();
    await page.keyboard.type('A1:XFD40000');
    await press('Enter', 'Control+c');
    await expect(page.locator('.pv-status').textContent()).resolves.toMatch(
      /^This copy covers [\d,]+ cells: the preview copies and fills at most 1,000,000 at a time/,
    );
    await press('Delete');
    expect(
      await inputOf(page, (await page.locator('.pv-tab[aria-selected="true"]').getAttribute('data-sheet'))!, 4, 16383),
    ).toBe('');
    await press('Control+z');
    await expect(cellOf(page, 4, 16383).textContent()).resolves.toBe('far right');
    expect(s.problems).toEqual([]);
  }, 60_000);
});
