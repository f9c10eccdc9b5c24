/**
 * The panels' security policies (docs/host-api-notes.md, "Security policy"). The Sheets sidebar has none: HtmlService
 * ignores a <meta> policy, so writing one would claim a protection it does not give; it runs in Google's sandbox frame.
 * office.js loads files and opens frames and connections Office does not list, so the task pane's policy closes only
 * what no client can need. The panels' own safety does not rest on a policy: no script from anywhere else, no eval,
 * no markup from text (test/browser/panels.test.ts, test/fakes/dom.ts).
 */
import { readDist } from '../harness/bundles';

function policy(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Directives that would apply to a host client's scripts, frames or connections. */
const BLOCKING = [
  'default-src',
  'connect-src',
  'frame-src',
  'child-src',
  'img-src',
  'style-src',
  'font-src',
  'worker-src',
];

test('Sidebar.html claims no policy: HtmlService ignores a <meta> Content-Security-Policy, so none is written', () => {
  // HtmlOutput.addMetaTag: "Meta tags included directly in an Apps Script HTML file are ignored. Only the following
  // meta tags are allowed": apple-mobile-web-app-capable, google-site-verification, mobile-web-app-capable, viewport.
  const html = readDist('apps-script/Sidebar.html');
  expect(html).not.toMatch(/http-equiv/i);
  const metas = [...html.matchAll(/<meta\s+([a-z-]+)="([^"]*)"/gi)].map((m) => `${m[1]}=${m[2]}`);
  expect(metas).toEqual(['charset=utf-8']);
});

test('taskpane.html: scripts from here and Microsoft’s Office CDN (evaluation allowed); frames, connections and images left to Office', () => {
  const p = policy(readDist('excel-addin/taskpane.html'));
  expect(p.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', "'unsafe-eval'"]);
  for (const d of BLOCKING) expect({ [d]: p.get(d) }).toEqual({ [d]: undefined });
  expect(p.get('object-src')).toEqual(["'none'"]);
  // The one remote script is office.js itself, from the host the policy allows.
  const remote = [...readDist('excel-addin/taskpane.html').matchAll(/<script[^>]+src="(https:[^"]+)"/g)].map(
    (m) => m[1],
  );
  expect(remote).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});
