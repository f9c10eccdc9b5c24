/**
 * The panels' security policies cannot block the host's own client code (docs/host-api-notes.md, "Security
 * policy"): the Sheets sidebar runs inside Google's sandbox frame with Google's google.script.run client added to
 * it, and office.js loads files and opens frames and connections Office does not list. So the policies close only
 * what no client can need, and the panels' own safety does not rest on them: no script from anywhere else, no
 * eval, no markup from text (test/browser/panels.test.ts, test/fakes/dom.ts).
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

test('Sidebar.html: nothing Google’s client could need is restricted (only plugins are closed)', () => {
  const p = policy(readDist('apps-script/Sidebar.html'));
  expect([...p.keys()]).toEqual(['object-src']);
  expect(p.get('object-src')).toEqual(["'none'"]);
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
