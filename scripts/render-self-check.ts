/**
 * The self-check's report as a user sees it, for docs/host-smoke-test.md: runs the check from the BUILT panels
 * (run `npm run build` first) against the host fakes with their engines (test/harness/self-check-panels.ts),
 * takes the panel the run left on screen (About tab, report shown) as HTML, and screenshots it with the panel's
 * own stylesheet in headless Chromium at task-pane width:
 *  - docs/images/self-check-pass.png: the Google Sheets sidebar, every check passed;
 *  - docs/images/self-check-fail.png: the Excel task pane on a host whose engine computes the Priority Score
 *    differently, those checks failing with the values.
 * Usage: npm run self-check:render [-- --out <dir>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { launchChromium } from '../test/browser/chromium';
import { toHtml, type FakeElement } from '../test/fakes/dom';
import {
  excelWithUserData,
  loadSidebar,
  loadTaskpane,
  runFromPanel,
  sheetsWithUserData,
  tamperScore,
} from '../test/harness/self-check-panels';

const ROOT = path.resolve(__dirname, '..');

/** A page holding the panel as it was left: its markup (text escaped by toHtml) and the panel stylesheet. */
function page(app: FakeElement): string {
  const css = fs.readFileSync(path.join(ROOT, 'ui/panel.css'), 'utf8');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>${css}
body { margin: 0; width: 380px; } .tst-report-text { height: 7em; }</style></head>
<body>${toHtml(app)}</body></html>`;
}

async function shoot(html: string, file: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const p = await (
      await browser.newContext({ viewport: { width: 380, height: 800 }, deviceScaleFactor: 1 })
    ).newPage();
    // Nothing to fetch: the page is self-contained.
    await p.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await p.setContent(html, { waitUntil: 'load' });
    await p.screenshot({ path: file, fullPage: true });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(ROOT, 'docs/images');
  fs.mkdirSync(out, { recursive: true });

  const sheets = sheetsWithUserData();
  const sidebar = loadSidebar(sheets.bundle);
  await runFromPanel(sidebar);
  await shoot(page(sidebar), path.join(out, 'self-check-pass.png'));

  const pane = loadTaskpane(excelWithUserData({ tamper: tamperScore }));
  await runFromPanel(pane);
  await shoot(page(pane), path.join(out, 'self-check-fail.png'));
  console.log(`Wrote ${path.join(out, 'self-check-pass.png')} and ${path.join(out, 'self-check-fail.png')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
