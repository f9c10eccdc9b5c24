/**
 * Licence notices for every bundle we build (issue #11): beside each bundle a third-party notices file
 * generated at build time (license-webpack-plugin, build/webpack-common.js) that names every npm package
 * whose code is in the bundle, with its licence text; the add-in bundles contain none (and no GPL code);
 * the preview page says it contains GPLv3 code (HyperFormula) and links its notices.
 *
 * Which packages a bundle holds is read from the bundle itself, not from the plugin: the builds keep
 * webpack's module paths as comments (`output.pathinfo`), e.g. `;// ./node_modules/chart.js/dist/chart.js`;
 * a dependency's own pre-built file (exceljs/dist/exceljs.min.js) is opened through its source map.
 * The add-in bundles are those of `npm run build` (dist/); the preview is built here into a temporary folder
 * (the browser test builds and serves dist/preview at the same time).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { previewSite } from '../../preview/server';
import { staticFiles } from '../../devserver/static-files';
import type { AddressInfo } from 'net';
import { DIST } from '../harness/bundles';

const REPO = path.resolve(__dirname, '../..');

/** "…/node_modules/@scope/name/x.js" → "@scope/name" (innermost node_modules). */
function packageOf(file: string): string {
  const rest = file.slice(file.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** The module files (under node_modules) a bundle's path comments name. */
function bundledFiles(code: string): string[] {
  const files = new Set<string>();
  for (const m of code.matchAll(/\.\/((?:[\w@.+-]+\/)*node_modules\/(?:@[\w.-]+\/)?[\w.-]+\/[\w./@+-]*)/g))
    files.add(m[1]);
  return [...files];
}

/** Every package in a bundle: the modules it names, and what their own pre-built files (with a source map) hold. */
function bundledPackages(code: string): string[] {
  const packages = new Set<string>();
  for (const file of bundledFiles(code)) {
    packages.add(packageOf(file));
    const map = path.join(REPO, `${file}.map`);
    if (!fs.existsSync(map)) continue;
    for (const source of JSON.parse(fs.readFileSync(map, 'utf8')).sources as string[])
      if (source.includes('node_modules/')) packages.add(packageOf(source));
  }
  return [...packages].sort();
}

/** The notices' sections (between rules of "="): package name → the section's lines after the name. */
function sections(notices: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of notices.split(`${'='.repeat(78)}\n`).slice(1)) {
    const [head, ...rest] = part.split('\n');
    out.set(head.split(' ')[0], rest);
  }
  return out;
}
const noticed = (notices: string): Set<string> => new Set(sections(notices).keys());

let previewDir: string;

beforeAll(async () => {
  previewDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-preview-build-'));
  const webpack = require('webpack');
  const configs = require(path.join(REPO, 'preview/webpack.config.js'))({});
  for (const c of configs) c.output.path = previewDir;
  await new Promise<void>((resolve, reject) =>
    webpack(configs, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) =>
      err || stats.hasErrors() ? reject(err ?? new Error(stats.toString('errors-only'))) : resolve(),
    ),
  );
}, 180000);

afterAll(() => fs.rmSync(previewDir, { recursive: true, force: true }));

const BUNDLES: Array<{ name: string; dir: () => string; files: string[]; notices: string }> = [
  {
    name: 'Google Sheets add-on',
    dir: () => path.join(DIST, 'apps-script'),
    files: ['Code.js'],
    notices: 'third-party-notices.apps-script.txt',
  },
  {
    name: 'Google Sheets sidebar',
    dir: () => path.join(DIST, 'apps-script'),
    files: ['Sidebar.html'],
    notices: 'third-party-notices.apps-script-sidebar.txt',
  },
  {
    name: 'Excel add-in',
    dir: () => path.join(DIST, 'excel-addin'),
    files: ['functions.js', 'taskpane.js', 'taskpane.html'],
    notices: 'third-party-notices.excel-addin.txt',
  },
  { name: 'local preview', dir: () => previewDir, files: [], notices: 'third-party-notices.preview.txt' },
];

/** The preview's files: every script webpack wrote (the page and any chunk). */
const filesOf = (b: (typeof BUNDLES)[number]): string[] =>
  b.files.length > 0 ? b.files : fs.readdirSync(b.dir()).filter((f) => f.endsWith('.js') || f.endsWith('.html'));

describe.each(BUNDLES.map((b) => [b.name, b] as const))('%s', (_name, b) => {
  test('has a notices file beside it naming every package whose code is in it, with a licence', () => {
    const file = path.join(b.dir(), b.notices);
    expect(fs.existsSync(file)).toBe(true);
    const notices = fs.readFileSync(file, 'utf8');
    const code = filesOf(b)
      .map((f) => fs.readFileSync(path.join(b.dir(), f), 'utf8'))
      .join('\n');
    const packages = bundledPackages(code);
    const found = sections(notices);
    expect(packages.filter((p) => !found.has(p))).toEqual([]);
    if (packages.length === 0) expect(notices).toContain('This bundle contains no third-party code.');
    // Each has its licence (or, for a package only inside a dependency's pre-built file and not installed
    // here, a pointer to it); webpack's own modules always have their licence and its text.
    const direct = new Set(bundledFiles(code).map(packageOf));
    for (const p of packages) {
      const lines = found.get(p)!;
      const licence = lines.find((l) => l.startsWith('License: '));
      if (direct.has(p) || !lines[0].startsWith('(not installed here')) {
        expect([p, licence]).toEqual([p, expect.stringMatching(/^License: (?!unknown)/)]);
        expect(lines.join('\n').length).toBeGreaterThan(licence!.length + 40);
      } else expect(lines[0]).toContain(`https://www.npmjs.com/package/${p}`);
    }
    if (b.notices.includes('preview')) expect(packages.length).toBeGreaterThan(50);
  });
});

test('the add-in bundles hold no third-party code at all, so no GPL code either', () => {
  for (const b of BUNDLES.slice(0, 3)) {
    expect(fs.readFileSync(path.join(b.dir(), b.notices), 'utf8')).toContain(
      'This bundle contains no third-party code.',
    );
    expect(fs.readFileSync(path.join(b.dir(), b.notices), 'utf8')).not.toMatch(/GPL/);
  }
});

test('the preview: HyperFormula is listed as GPL-3.0 with its licence text, and the page says so and links the notices', async () => {
  const notices = fs.readFileSync(path.join(previewDir, 'third-party-notices.preview.txt'), 'utf8');
  const hf = notices.slice(notices.indexOf('\nhyperformula '));
  expect(hf).toMatch(/^\nhyperformula \d+\.\d+\.\d+\nLicense: GPL-3\.0/);
  expect(hf).toContain('GNU GENERAL PUBLIC LICENSE');
  for (const p of ['chart.js', 'exceljs', 'jszip', 'chevrotain']) expect(noticed(notices).has(p)).toBe(true);
  const page = fs.readFileSync(path.join(previewDir, 'preview.js'), 'utf8');
  expect(page).toContain('Contains GPLv3 code (HyperFormula)');
  expect(page).toContain("'third-party-notices.preview.txt'");
  // Served as text by npm start's server, so the link opens it in the browser.
  const server = http.createServer(staticFiles(previewSite(previewDir)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const type = await new Promise<string>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/third-party-notices.preview.txt' }, (res) => {
          res.resume();
          resolve(`${res.statusCode} ${res.headers['content-type']}`);
        })
        .on('error', reject),
    );
    expect(type).toBe('200 text/plain; charset=utf-8');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
