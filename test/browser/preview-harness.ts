/**
 * Shared set-up of the preview browser suites: build the preview, serve it on 127.0.0.1, open it in
 * Debian's Chromium with every console error, page error and non-local request recorded, and small
 * helpers to read the grid as a person sees it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import type { Browser, Page } from 'playwright-core';
import { build, serve } from '../../preview/server';
import { launchChromium } from './chromium';

export interface PreviewSession {
  url: string;
  browser: Browser;
  page: Page;
  /** Console errors and warnings, page errors, requests that left 127.0.0.1. */
  problems: string[];
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** Newest modification time of what the preview bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['preview', 'ui', 'shared', 'xlsx']) walk(path.join(ROOT, d));
  for (const f of ['package-lock.json', 'build/webpack-common.js'])
    newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
  return Math.round(newest);
}

/**
 * The preview built once per test run into a folder of its own (suites run in parallel: one builds, the
 * others wait for it, and nobody cleans dist/preview under a running test). Returns the folder and how
 * long this suite waited or built, in ms.
 */
export async function builtPreview(): Promise<{ dir: string; ms: number }> {
  const started = Date.now();
  const dir = path.join(os.tmpdir(), `tst-preview-${process.ppid}-${newestSource()}`);
  const done = path.join(dir, 'built.txt');
  const failed = `${dir}.failed`;
  try {
    fs.mkdirSync(dir);
  } catch {
    while (!fs.existsSync(done)) {
      if (fs.existsSync(failed)) throw new Error(`The preview build failed: ${fs.readFileSync(failed, 'utf8')}`);
      if (Date.now() - started > 180000) throw new Error(`The preview build in ${dir} did not finish`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return { dir, ms: Date.now() - started };
  }
  try {
    await build(dir);
  } catch (e) {
    fs.writeFileSync(failed, String(e));
    throw e;
  }
  fs.writeFileSync(done, new Date().toISOString());
  return { dir, ms: Date.now() - started };
}

/** The day the browser suites run on (the page's clock is fixed to it, so the example's dates are known). */
export const TEST_NOW = new Date(2026, 11, 1, 10, 0, 0);

export async function openPreview(viewport = { width: 1280, height: 800 }, now = TEST_NOW): Promise<PreviewSession> {
  const { dir } = await builtPreview();
  const { server, url } = await serve(0, dir);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(url)
      ? route.continue()
      : (problems.push(`external request: ${route.request().url()}`), route.abort()),
  );
  await page.clock.setFixedTime(now);
  await page.goto(url);
  await page.waitForSelector('.tst-template');
  const close = async (): Promise<void> => {
    await browser.close();
    await new Promise((r) => (server as Server).close(r));
  };
  return { url, browser, page, problems, close };
}

/** A cell of the grid (0-based row and column). */
export const cellOf = (page: Page, r: number, c: number) => page.locator(`td[data-r="${r}"][data-c="${c}"]`);

/** The engine's values of a sheet (rows of values; errors as their codes). */
export function sheetValues(page: Page, sheet: string): Promise<unknown[][]> {
  return page.evaluate((name) => {
    const { wb } = (
      window as unknown as {
        tstPreview: { wb: { hf: { getSheetValues(id: number): unknown[][] }; sheetId(n: string): number } };
      }
    ).tstPreview;
    return wb.hf
      .getSheetValues(wb.sheetId(name))
      .map((row) =>
        row.map((v) => (v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: string }).value : v)),
      );
  }, sheet);
}

/** What a cell holds as typed (its formula or input). */
export function inputOf(page: Page, sheet: string, r: number, c: number): Promise<string> {
  return page.evaluate(
    ({ sheet, r, c }) =>
      (
        window as unknown as { tstPreview: { wb: { inputOf(s: string, r: number, c: number): string } } }
      ).tstPreview.wb.inputOf(sheet, r, c),
    { sheet, r, c },
  );
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.locator('.pv-tab[data-sheet]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sheet!));
}

export async function activeSheet(page: Page): Promise<string> {
  return (await page.locator('.pv-tab[aria-selected="true"]').getAttribute('data-sheet')) ?? '';
}

/** Inserts a template from the task pane, with or without the example. */
export async function insertTemplate(page: Page, id: string, example: boolean): Promise<void> {
  await page.locator('#tab-templates').click();
  await page.locator(`.tst-template[data-id="${id}"]`).click();
  const box = page.locator('#tst-example');
  if ((await box.isChecked()) !== example) await box.click();
  const before = await page.locator('#view-templates .tst-status').textContent();
  await page.locator('#tst-insert').click();
  await page.waitForFunction((prev) => {
    const s = document.querySelector('#view-templates .tst-status');
    return !!s && s.classList.contains('tst-ok') && s.textContent !== prev;
  }, before);
}
