/**
 * The Sheets sidebar and the Excel task pane, as BUILT (run `npm run build` first), in headless
 * Chromium at the sizes the hosts show them (sidebar 300 px, task pane 350 px):
 *
 *  - Sidebar: dist/apps-script/Sidebar.html with `google.script.run` injected before its scripts;
 *    each call crosses to Node (page.exposeFunction) where the built dist/apps-script/Code.js runs
 *    in a vm with the recording Sheets fakes, as JSON, like Apps Script. So clicking Insert really
 *    inserts into the fake spreadsheet.
 *  - Task pane: dist/excel-addin/taskpane.html (+ functions.js + taskpane.js) with office.js served
 *    as the recording Excel fake (test/fakes/excel.ts, transpiled for the page).
 *  - Both are served from local origins by page.route; any other request is aborted and fails the test.
 *
 * Checked: inserting (result and progress shown, spreadsheet changed), errors in the status line,
 * the Functions tab search, keyboard use (tabs, template list, Insert) with a visible focus ring,
 * text containing markup shown as text, no horizontal overflow, no console errors.
 * Screenshots go to test-output/panels/; with UPDATE_SCREENSHOTS=1 the README images
 * docs/images/{sidebar,taskpane,taskpane-functions}.png are rewritten too.
 */
import { ROADMAP_NEEDED } from '../../shared/core/messages';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEMPLATES } from '../../shared/templates/index';
import { createSheetsFake, type SheetsFake } from '../fakes/sheets';
import { loadSheetsBundle, DIST } from '../harness/bundles';
import { describeWithChromium, launchChromium } from './chromium';
import { failAfterUpdate } from '../harness/tools';
import { excelFakeScript } from '../fakes/excel-page';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output/panels');
const IMAGES = path.join(ROOT, 'docs/images');
const UPDATE_README_IMAGES = process.env.UPDATE_SCREENSHOTS === '1';

/** Stands in for the googleusercontent.com frame Sheets serves the sidebar from. */
const SIDEBAR_ORIGIN = 'https://sidebar.localhost';
/** The add-in's own origin, as in manifest.xml. */
const ADDIN_ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const SIDEBAR_SIZE = { width: 300, height: 720 };
const TASKPANE_SIZE = { width: 350, height: 760 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

type Server = (fn: string, args: unknown[]) => unknown;

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Console errors/warnings, page errors, failed or unexpected requests. */
  problems: string[];
  /** Requests to anywhere else, aborted. */
  aborted: string[];
}

/** Code.js (built) in a vm with the Sheets fakes: what google.script.run reaches. */
function sheetsServer(userSheets = ['Sheet1']): { fake: SheetsFake; server: Server } {
  const fake = createSheetsFake(userSheets);
  const bundle = loadSheetsBundle({ ...fake.globals });
  return { fake, server: (fn, args) => bundle.call(fn, ...args) };
}

/** google.script.run for the page: every call goes to Node through window.__gasCall, JSON both ways, asynchronously. */
const GOOGLE_SCRIPT_RUN = `(() => {
  const make = (ok, fail) => new Proxy({}, { get(_t, prop) {
    if (prop === 'withSuccessHandler') return (f) => make(f, fail);
    if (prop === 'withFailureHandler') return (f) => make(ok, f);
    if (prop === 'withUserObject') return () => make(ok, fail);
    if (typeof prop !== 'string') return undefined;
    return (...args) => { window.__gasCall(prop, JSON.stringify(args)).then((r) => {
      if (r.ok) { if (ok) ok(JSON.parse(r.value)); } else if (fail) fail(new Error(r.message));
    }); };
  } });
  window.google = { script: { run: make() } };
})();`;

describeWithChromium()('sidebar and task pane in Chromium', () => {
  let browser: Browser;
  const opened: Opened[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    if (
      !fs.existsSync(path.join(DIST, 'apps-script/Sidebar.html')) ||
      !fs.existsSync(path.join(DIST, 'excel-addin/taskpane.html'))
    ) {
      throw new Error('dist/ is missing: run `npm run build` before the browser tests');
    }
    fs.mkdirSync(OUT, { recursive: true });
    const t0 = Date.now();
    browser = await launchChromium();
    timings.launchMs = Date.now() - t0;
  }, 60000);

  afterAll(async () => {
    console.log(`panel browser timings: ${JSON.stringify(timings)}`);
    await browser?.close();
  });

  afterEach(async () => {
    // Every page of the test: no console error, no failed request, nothing fetched from elsewhere.
    const all = opened.splice(0);
    for (const o of all) await o.context.close();
    for (const o of all) {
      expect(o.problems).toEqual([]);
      expect(o.aborted).toEqual([]);
    }
  });

  async function open(kind: 'sidebar' | 'taskpane', server?: Server & { gate?: Promise<void> }): Promise<Opened> {
    const t0 = Date.now();
    const context = await browser.newContext({
      viewport: kind === 'sidebar' ? SIDEBAR_SIZE : TASKPANE_SIZE,
      deviceScaleFactor: 2,
    });
    const o: Opened = { page: undefined as unknown as Page, context, problems: [], aborted: [] };
    opened.push(o);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: 'application/javascript', body: excelFakeScript() });
      const base = url.startsWith(`${SIDEBAR_ORIGIN}/`)
        ? 'apps-script'
        : url.startsWith(`${ADDIN_ORIGIN}/`)
          ? 'excel-addin'
          : undefined;
      if (!base) {
        o.aborted.push(url);
        return route.abort();
      }
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
      const file = path.join(DIST, base, rel);
      if (!file.startsWith(path.join(DIST, base)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        if (rel !== 'favicon.ico') o.problems.push(`404 ${url}`);
        return route.fulfill({ status: 404, body: '' });
      }
      return route.fulfill({
        contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
        body: fs.readFileSync(file),
      });
    });
    if (kind === 'sidebar') {
      await context.exposeFunction('__gasCall', async (fn: string, argsJson: string) => {
        if (server?.gate) await server.gate;
        try {
          const value = server ? server(fn, JSON.parse(argsJson) as unknown[]) : undefined;
          return { ok: true, value: JSON.stringify(value ?? null) };
        } catch (e) {
          return {
            ok: false,
            message:
              e instanceof Error || (e && typeof e === 'object' && 'message' in e)
                ? String((e as Error).message)
                : String(e),
          };
        }
      });
      await context.addInitScript(GOOGLE_SCRIPT_RUN);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(10000); // a stuck panel fails in seconds, not at jest's timeout
    o.page = page;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') o.problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => o.problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (!o.aborted.includes(r.url())) o.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    await page.goto(kind === 'sidebar' ? `${SIDEBAR_ORIGIN}/Sidebar.html` : `${ADDIN_ORIGIN}/taskpane.html`);
    timings[`open${kind}Ms`] = Math.max(timings[`open${kind}Ms`] ?? 0, Date.now() - t0);
    return o;
  }

  const shot = async (page: Page, name: string, readme = false): Promise<void> => {
    await page.mouse.move(0, 0); // no hover state in the pictures
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    if (readme && UPDATE_README_IMAGES) {
      fs.mkdirSync(IMAGES, { recursive: true });
      await page.screenshot({ path: path.join(IMAGES, `${name}.png`) });
    }
  };

  const statusOf = (page: Page) => page.locator('#view-templates .tst-status');
  const templateIds = (page: Page) =>
    page.locator('.tst-template').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  /** Widest content vs the viewport: nothing may need horizontal scrolling. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('.tst-panel *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5);
      });
      return {
        scrollWidth: document.documentElement.scrollWidth,
        width: w,
        wide: wide.map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      };
    });
  /** The focused element and whether a focus ring is drawn around it. */
  const focusInfo = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return undefined;
      const cs = getComputedStyle(el);
      return {
        role: el.getAttribute('role'),
        id: el.id,
        dataId: el.getAttribute('data-id'),
        text: (el.textContent ?? '').trim().slice(0, 60),
        ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
        focusVisible: el.matches(':focus-visible'),
      };
    });

  /** The focused element's middle is on screen and not covered by anything (such as the sticky footer). */
  const focusedInSight = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 12);
      const hit = document.elementFromPoint(x, y);
      return y > 0 && y < window.innerHeight && !!hit && el.contains(hit);
    });

  /**
   * WCAG AA contrast of every visible text run in the panel (4.5:1; 3:1 for 18.66 px bold / 24 px),
   * against the first opaque background up the tree. Disabled controls are exempt, as in WCAG.
   */
  const lowContrast = (page: Page) =>
    page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]): number => {
        const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bg = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const bad: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.tst-panel')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || !el.getClientRects().length || el.closest(':disabled')) continue;
        const cs = getComputedStyle(el);
        const fg = rgb(cs.color);
        const b = bg(el);
        const [hi, lo] = [lum(fg), lum(b)].sort((x, y) => y - x);
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = parseFloat(cs.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5))
          bad.push(
            `${el.tagName.toLowerCase()}.${el.className} "${n.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`,
          );
      }
      return [...new Set(bad)];
    });

  // ---------- Sheets sidebar ----------

  describe('Google Sheets sidebar (Sidebar.html → google.script.run → Code.js)', () => {
    test('lists every template from the server at 300 px wide, with nothing overflowing', async () => {
      const { server } = sheetsServer();
      const { page } = await open('sidebar', server);
      await page.waitForSelector('.tst-template');
      expect(await templateIds(page)).toEqual(TEMPLATES.map((t) => t.id));
      await expect(page.locator('.tst-template').first().textContent()).resolves.toContain(TEMPLATES[0].name);
      const o = await overflow(page);
      expect(o.wide).toEqual([]);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
      await shot(page, 'sidebar-list');
    });

    test('Insert puts the template into the spreadsheet: progress while the server works, then the result', async () => {
      const { fake, server } = sheetsServer();
      let release!: () => void;
      const gated = Object.assign(server, { gate: undefined as Promise<void> | undefined });
      const { page } = await open('sidebar', gated);
      await page.waitForSelector('.tst-template');
      await page.locator('.tst-template[data-id="prioritization"]').click();
      await expect(page.locator('.tst-template[data-id="prioritization"]').getAttribute('aria-checked')).resolves.toBe(
        'true',
      );
      await expect(page.locator('#tst-example').isChecked()).resolves.toBe(true);
      gated.gate = new Promise<void>((r) => (release = r));
      const t0 = Date.now();
      await page.locator('#tst-insert').click();
      // While the server runs: a busy status, the button disabled, the panel marked busy.
      await page.waitForSelector('.tst-status.tst-busy');
      await expect(statusOf(page).textContent()).resolves.toContain('Inserting Project Prioritization');
      await expect(page.locator('#tst-insert').isDisabled()).resolves.toBe(true);
      await expect(page.locator('.tst-progress').isVisible()).resolves.toBe(true);
      await expect(page.locator('#view-templates').getAttribute('aria-busy')).resolves.toBe('true');
      await shot(page, 'sidebar-progress');
      release();
      await page.waitForSelector('.tst-status.tst-ok');
      timings.sidebarInsertMs = Date.now() - t0;
      const name = TEMPLATES.find((t) => t.id === 'prioritization')!.sheets[0];
      await expect(statusOf(page).textContent()).resolves.toContain(`Inserted Project Prioritization`);
      await expect(statusOf(page).textContent()).resolves.toContain(`"${name}"`);
      expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', name]);
      expect(fake.ss.sheet(name).content('A2')).not.toBe(''); // the example is filled in
      await expect(page.locator('#tst-insert').isEnabled()).resolves.toBe(true);
      await expect(page.locator('.tst-progress').isVisible()).resolves.toBe(false);
      await expect(page.locator('#view-templates').getAttribute('aria-busy')).resolves.toBeNull();
      await shot(page, 'sidebar', true);
      expect(await lowContrast(page)).toEqual([]);

      // A second click makes a second sheet, and the message says what it is called.
      gated.gate = undefined;
      await page.locator('#tst-insert').click();
      await page.waitForFunction(
        (n) => document.querySelector('.tst-status.tst-ok')?.textContent?.includes(`"${n} (2)"`),
        name,
      );
      expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', name, `${name} (2)`]);
    });

    test('a server failure is shown as a clear error in the status line and nothing is left behind', async () => {
      const { fake, server } = sheetsServer();
      fake.recorder.failure = {
        method: 'setValues',
        nth: 1,
        message: 'Service Spreadsheets failed while accessing document',
      };
      const { page } = await open('sidebar', server);
      await page.waitForSelector('.tst-template');
      await page.locator('.tst-template[data-id="themes"]').click();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-error');
      const text = (await statusOf(page).textContent()) ?? '';
      expect(text).toMatch(/^Strategic Themes was not inserted: /);
      expect(text).toContain('Service Spreadsheets failed while accessing document');
      await expect(statusOf(page).getAttribute('role')).resolves.toMatch(/status|alert/);
      expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
      await shot(page, 'sidebar-error');
      expect(await lowContrast(page)).toEqual([]);
    });

    test('keyboard only: Tab to the list, Enter chooses, Tab to Insert, Enter inserts through google.script.run', async () => {
      const { fake, server } = sheetsServer();
      const { page } = await open('sidebar', server);
      await page.waitForSelector('.tst-template');
      await page.keyboard.press('Tab');
      expect(await focusInfo(page)).toMatchObject({ id: 'tab-templates', ring: true });
      await page.keyboard.press('Tab');
      expect(await focusInfo(page)).toMatchObject({
        role: 'radio',
        dataId: TEMPLATES[0].id,
        ring: true,
        focusVisible: true,
      });
      await expect(page.locator('#tst-insert').isDisabled()).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(
        page.locator(`.tst-template[data-id="${TEMPLATES[0].id}"]`).getAttribute('aria-checked'),
      ).resolves.toBe('true');
      await expect(page.locator('#tst-selection').textContent()).resolves.toContain(TEMPLATES[0].name);
      await page.keyboard.press('Tab');
      expect(await focusInfo(page)).toMatchObject({ id: 'tst-example', ring: true });
      await page.keyboard.press('Tab');
      expect(await focusInfo(page)).toMatchObject({ id: 'tst-insert', ring: true, focusVisible: true });
      await shot(page, 'sidebar-keyboard-insert');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.tst-status.tst-ok');
      expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', ...TEMPLATES[0].sheets]);
    });

    test('Functions and About views fit 300 px: no function name is prefixed in Sheets, an open card overflows nothing', async () => {
      const { server } = sheetsServer();
      const { page } = await open('sidebar', server);
      await page.waitForSelector('.tst-template');
      await page.locator('#tab-functions').click();
      const names = await page.locator('.tst-fn-name').allTextContents();
      expect(names).toContain('PRIORITY_SCORE');
      expect(names.some((n) => n.includes('.'))).toBe(false);
      await page.locator('#fn-PRIORITY_SCORE summary').click();
      await expect(page.locator('#fn-PRIORITY_SCORE .tst-sig').textContent()).resolves.toMatch(/^PRIORITY_SCORE\(/);
      expect((await overflow(page)).wide).toEqual([]);
      await shot(page, 'sidebar-functions');
      await page.locator('#tab-about').click();
      await expect(page.locator('#view-about').textContent()).resolves.toContain('Google Sheets');
      expect((await overflow(page)).wide).toEqual([]);
      await shot(page, 'sidebar-about');
    });

    test('a failing template list says so instead of an empty panel', async () => {
      const { page } = await open('sidebar', () => {
        throw new Error('Authorisation is required to perform that action.');
      });
      await page.waitForSelector('.tst-status.tst-error');
      await expect(statusOf(page).textContent()).resolves.toBe(
        'Could not load the templates: Authorisation is required to perform that action.',
      );
    });

    test('names, descriptions and errors containing markup are shown as text: no element is created, no handler runs', async () => {
      const evil = {
        id: 'evil',
        name: '<img src=x onerror="window.__xss=1">Evil',
        description: '<script>window.__xss=2</script><b>bold</b>',
        sheets: ['<i>x</i>'],
      };
      const { page } = await open('sidebar', (fn) => {
        if (fn === 'listTemplates') return [evil];
        throw new Error('<img src=y onerror="window.__xss=3"> broke');
      });
      await page.waitForSelector('.tst-template');
      await expect(page.locator('.tst-template-name').textContent()).resolves.toBe(evil.name);
      await expect(page.locator('.tst-template-desc').textContent()).resolves.toBe(evil.description);
      await page.locator('.tst-template').click();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-error');
      await expect(statusOf(page).textContent()).resolves.toContain('<img src=y onerror="window.__xss=3"> broke');
      await shot(page, 'sidebar-escaping');
      const created = await page.evaluate(() => ({
        elements: document.querySelectorAll('#app img, #app script, #app b, #app i').length,
        xss: (window as any).__xss ?? null,
      }));
      expect(created).toEqual({ elements: 0, xss: null });
    });
  });

  // ---------- Excel task pane ----------

  describe('Excel task pane (taskpane.html with office.js replaced by the Excel fake)', () => {
    test('Office.onReady mounts the panel: every template listed at 350 px, nothing overflowing', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      expect(await page.evaluate(() => (window as any).__excelHost.readyCallbacks)).toBe(1);
      expect(await templateIds(page)).toEqual(TEMPLATES.map((t) => t.id));
      const o = await overflow(page);
      expect(o.wide).toEqual([]);
      await shot(page, 'taskpane-list');
    });

    test('Progress tab: Record snapshot appends to Progress History; the strategy document shows as Markdown', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      await page.locator('.tst-template[data-id="themes"]').click();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-ok');
      await page.locator('#tab-progress').click();
      await page.locator('#tst-snapshot').click();
      await page.waitForSelector('#tst-progress-status.tst-ok');
      await expect(page.locator('#tst-progress-status').textContent()).resolves.toContain(
        'Snapshot recorded: 4 values. Added to "Progress History".',
      );
      const names = await page.evaluate(() => (window as any).__excelHost.sheetNames());
      expect(names).toEqual(['Sheet1', 'Strategic Themes', 'Progress History']);
      await page.locator('#tst-copy-md').click();
      await page.waitForSelector('#tst-markdown:not([hidden])');
      const md = await page.locator('#tst-markdown').inputValue();
      expect(md).toMatch(/^# Technical Strategy\n/);
      expect(md).toContain('### Theme 1: Enterprise-Ready Platform');
      // Without a Roadmap sheet the roadmap action says what it needs and writes nothing.
      await page.locator('#tst-plan-to-roadmap').click();
      await page.waitForSelector('#tst-progress-status.tst-error');
      await expect(page.locator('#tst-progress-status').textContent()).resolves.toBe(
        `No project was added: ${ROADMAP_NEEDED}`,
      );
      expect(await page.evaluate(() => (window as any).__excelHost.sheetNames())).toEqual(names);
      expect((await overflow(page)).wide).toEqual([]);
      await shot(page, 'taskpane-progress-tab');
    });

    /** Inserts the themes and opens the Progress tab; `platform` is Office's diagnostics.platform from then on. */
    const progressTab = async (platform: string): Promise<Page> => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      await page.locator('.tst-template[data-id="themes"]').click();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-ok');
      await page.evaluate((p) => ((window as any).__excelHost.platform = p), platform);
      await page.locator('#tab-progress').click();
      return page;
    };

    test('Download .md in Office on the web saves strategy.md and says so', async () => {
      const page = await progressTab('OfficeOnline');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tst-download-md').click()]);
      expect(download.suggestedFilename()).toBe('strategy.md');
      await page.waitForSelector('#tst-progress-status.tst-ok');
      expect(await page.locator('#tst-progress-status').textContent()).toBe('Downloaded strategy.md.');
    });

    test('Download .md in Office on a Mac (a download link does nothing there): no "Downloaded", the text selected to copy', async () => {
      const page = await progressTab('Mac');
      const downloads: string[] = [];
      page.on('download', (d) => downloads.push(d.suggestedFilename()));
      await page.locator('#tst-download-md').click();
      await page.waitForSelector('#tst-progress-status.tst-ok');
      const said = await page.locator('#tst-progress-status').textContent();
      expect(said).toContain('Not downloaded: Office on this platform does not save files from a task pane.');
      expect(said).not.toContain('Downloaded');
      const md = await page.locator('#tst-markdown').inputValue();
      expect(md).toMatch(/^# Technical Strategy\n/);
      const selected = await page.evaluate(() => {
        const t = document.getElementById('tst-markdown') as HTMLTextAreaElement;
        return document.activeElement === t && t.selectionStart === 0 && t.selectionEnd === t.value.length;
      });
      expect(selected).toBe(true);
      expect(downloads).toEqual([]);
    });

    test('Copy where the clipboard is blocked (Office on the web) says it did not copy; where it works, that it copied', async () => {
      const page = await progressTab('OfficeOnline');
      // Office on the web blocks the Clipboard API in the pane (office-js#1991, #2513); execCommand refuses too.
      await page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
          configurable: true,
        });
        document.execCommand = () => false;
      });
      await page.locator('#tst-copy-md').click();
      await page.waitForSelector('#tst-progress-status.tst-ok');
      const said = await page.locator('#tst-progress-status').textContent();
      expect(said).toContain('Not copied');
      expect(said).not.toContain('Copied');
      expect(await page.locator('#tst-markdown').isVisible()).toBe(true);
      await page.evaluate(() => {
        (window as any).__copied = '';
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: (t: string) => (((window as any).__copied = t), Promise.resolve()) },
          configurable: true,
        });
      });
      await page.locator('#tst-copy-md').click();
      await page.waitForFunction(() =>
        document.getElementById('tst-progress-status')!.textContent!.startsWith('Copied'),
      );
      expect(await page.evaluate(() => (window as any).__copied)).toMatch(/^# Technical Strategy\n/);
    });

    test('Insert builds the template in the workbook through Excel.run (three round trips) and shows the result', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      // Hold Excel.run until the test has seen the progress state.
      await page.evaluate(() => {
        const w = window as any;
        const real = w.Excel;
        w.__gate = new Promise<void>((r) => (w.__release = r));
        w.Excel = new Proxy(real, {
          get: (t, p) => (p === 'run' ? async (cb: unknown) => (await w.__gate, t.run(cb)) : t[p]),
        });
      });
      await page.locator('.tst-template[data-id="prioritization"]').click();
      const t0 = Date.now();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-busy');
      await expect(statusOf(page).textContent()).resolves.toContain('Inserting Project Prioritization');
      await expect(page.locator('#tst-insert').isDisabled()).resolves.toBe(true);
      await shot(page, 'taskpane-progress');
      await page.evaluate(() => (window as any).__release());
      await page.waitForSelector('.tst-status.tst-ok');
      timings.taskpaneInsertMs = Date.now() - t0;
      const name = TEMPLATES.find((t) => t.id === 'prioritization')!.sheets[0];
      await expect(statusOf(page).textContent()).resolves.toContain(`"${name}"`);
      const wb = await page.evaluate((n) => {
        const host = (window as any).__excelHost;
        return {
          sheets: host.sheetNames(),
          a1: host.content(n, 'A1'),
          a2: host.content(n, 'A2'),
          syncs: host.contexts.map((c: { syncs: number }) => c.syncs),
        };
      }, name);
      expect(wb.sheets).toEqual(['Sheet1', name]);
      expect(wb.a1).not.toBe('');
      expect(wb.a2).not.toBe(''); // the example is filled in
      expect(wb.syncs).toEqual([3]);
      await shot(page, 'taskpane', true);
      expect(await lowContrast(page)).toEqual([]);
    });

    test('Functions tab: searching "DORA" shows the STRATEGY.DORA_LEVEL card with Excel-prefixed examples', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      await page.locator('#tab-functions').click();
      await expect(page.locator('#view-functions').isVisible()).resolves.toBe(true);
      await expect(page.locator('#view-templates').isVisible()).resolves.toBe(false);
      await page.locator('.tst-search').fill('DORA');
      const names = await page.locator('.tst-fn-name').allTextContents();
      expect(names).toContain('STRATEGY.DORA_LEVEL');
      for (const n of names) expect(n.startsWith('STRATEGY.')).toBe(true);
      const card = page.locator('#fn-DORA_LEVEL');
      await card.locator('summary').click();
      await expect(card.getAttribute('open')).resolves.not.toBeNull();
      await expect(card.locator('.tst-sig').textContent()).resolves.toMatch(/^STRATEGY\.DORA_LEVEL\(/);
      const examples = await card.locator('.tst-examples code').allTextContents();
      expect(examples.length).toBeGreaterThan(0);
      for (const e of examples) expect(e).toContain('STRATEGY.DORA_LEVEL(');
      expect((await overflow(page)).wide).toEqual([]);
      await shot(page, 'taskpane-functions', true);
      expect(await lowContrast(page)).toEqual([]);
      await page.locator('.tst-search').fill('no such function xyz');
      await expect(page.locator('.tst-empty').textContent()).resolves.toContain('No function matches');
    });

    test('keyboard only: tabs with arrow keys, the template list with arrows/Enter/Space, Insert with Enter, focus always visible', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      await page.keyboard.press('Tab');
      let f = await focusInfo(page);
      expect(f).toMatchObject({ role: 'tab', id: 'tab-templates', ring: true, focusVisible: true });
      await page.keyboard.press('ArrowRight');
      expect(await focusInfo(page)).toMatchObject({ id: 'tab-functions', ring: true });
      await expect(page.locator('#view-functions').isVisible()).resolves.toBe(true);
      await page.keyboard.press('ArrowLeft');
      expect(await focusInfo(page)).toMatchObject({ id: 'tab-templates' });
      await expect(page.locator('#view-templates').isVisible()).resolves.toBe(true);
      await page.keyboard.press('ArrowLeft'); // wraps to the last tab
      expect(await focusInfo(page)).toMatchObject({ id: 'tab-about' });
      await page.keyboard.press('ArrowRight');
      expect(await focusInfo(page)).toMatchObject({ id: 'tab-templates' });

      // Tab into the list: one stop, on the first template.
      await page.keyboard.press('Tab');
      f = await focusInfo(page);
      expect(f).toMatchObject({ role: 'radio', dataId: TEMPLATES[0].id, ring: true, focusVisible: true });
      await page.keyboard.press('Space');
      await expect(
        page.locator(`.tst-template[data-id="${TEMPLATES[0].id}"]`).getAttribute('aria-checked'),
      ).resolves.toBe('true');
      // Down through the whole list: the selection follows, and each row is scrolled into sight, not under the pinned footer.
      for (let i = 1; i < TEMPLATES.length; i++) {
        await page.keyboard.press('ArrowDown');
        expect(await focusInfo(page)).toMatchObject({ dataId: TEMPLATES[i].id, ring: true });
        expect(await focusedInSight(page)).toBe(true);
      }
      await expect(page.locator('.tst-template[aria-checked="true"]').getAttribute('data-id')).resolves.toBe(
        TEMPLATES[TEMPLATES.length - 1].id,
      );
      await page.keyboard.press('ArrowDown'); // wraps to the first
      expect(await focusInfo(page)).toMatchObject({ dataId: TEMPLATES[0].id });
      expect(await focusedInSight(page)).toBe(true);
      await page.keyboard.press('End');
      expect(await focusInfo(page)).toMatchObject({ dataId: TEMPLATES[TEMPLATES.length - 1].id });
      await page.keyboard.press('Home');
      const roadmap = TEMPLATES.findIndex((t) => t.id === 'roadmap');
      for (let i = 0; i < roadmap; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowDown');
      expect(await focusInfo(page)).toMatchObject({ dataId: 'roadmap' });
      await page.keyboard.press('Enter');
      const checked = await page
        .locator('.tst-template[aria-checked="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect(checked).toEqual(['roadmap']);
      await shot(page, 'taskpane-keyboard-list');

      // Tab out of the list to the example box (Space unticks it), then to Insert; Enter inserts.
      await page.keyboard.press('Tab');
      expect(await focusInfo(page)).toMatchObject({ id: 'tst-example', ring: true });
      await page.keyboard.press('Space');
      await expect(page.locator('#tst-example').isChecked()).resolves.toBe(false);
      await page.keyboard.press('Tab');
      f = await focusInfo(page);
      expect(f).toMatchObject({ id: 'tst-insert', ring: true, focusVisible: true });
      await shot(page, 'taskpane-keyboard-insert');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.tst-status.tst-ok');
      const wb = await page.evaluate(() => ({
        sheets: (window as any).__excelHost.sheetNames(),
        a2: (window as any).__excelHost.content('Roadmap', 'A2'),
      }));
      expect(wb).toEqual({ sheets: ['Sheet1', 'Roadmap'], a2: '' }); // blank: no example rows
    });

    test('an Excel failure with markup in its message is shown as text in the error line; the workbook is unchanged', async () => {
      const { page } = await open('taskpane');
      await page.waitForSelector('.tst-template');
      await page.evaluate(
        () =>
          ((window as any).__excelHost.failure = {
            op: 'tables.add',
            message: '<img src=x onerror="window.__xss=1"> quota exceeded',
          }),
      );
      await page.locator('.tst-template[data-id="roadmap"]').click();
      await page.locator('#tst-insert').click();
      await page.waitForSelector('.tst-status.tst-error');
      const text = (await statusOf(page).textContent()) ?? '';
      expect(text).toMatch(/^Roadmap was not inserted: /);
      expect(text).toContain('<img src=x onerror="window.__xss=1"> quota exceeded');
      const after = await page.evaluate(() => ({
        imgs: document.querySelectorAll('#app img').length,
        xss: (window as any).__xss ?? null,
        sheets: (window as any).__excelHost.sheetNames(),
      }));
      expect(after).toEqual({ imgs: 0, xss: null, sheets: ['Sheet1'] });
      await shot(page, 'taskpane-error');
    });
  });

  if (UPDATE_README_IMAGES)
    test('UPDATE_SCREENSHOTS rewrote the README images, so this run is not a check', () => {
      failAfterUpdate('UPDATE_SCREENSHOTS', ['docs/images/{sidebar,taskpane,taskpane-functions}.png']);
    });
});
