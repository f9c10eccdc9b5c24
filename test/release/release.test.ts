/**
 * `npm run release` (scripts/release/command.ts) on the bundles `npm run build` made (dist/, as the bundle suites:
 * one build, the rewrite run for two addresses), checked on the files written as a store would check them, by this
 * test's own reading of them and by the release's checks (scripts/release/checks.ts); releases broken on purpose
 * show that each check fails when its rule is broken; a refused address or a failed check writes nothing.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { createPage, flush, type FakeElement } from '../fakes/dom';
import { FakeExcelHost } from '../fakes/excel';
import { fakeScriptRun } from '../fakes/script-run';
import { checkRelease } from '../../scripts/release/checks';
import { runRelease, type ReleaseIo } from '../../scripts/release/command';
import * as msg from '../../scripts/release/messages';
import { testNeeding } from '../harness/tools';

const ROOT = path.resolve(__dirname, '../..');
const XSD = path.join(ROOT, 'test/fixtures/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
const PACKAGE_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-release-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** The command's output, and how many times it built. */
function recordingIo(): ReleaseIo & { stdout: string; stderr: string; builds: number } {
  const io = {
    stdout: '',
    stderr: '',
    builds: 0,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    build: () => (io.builds++, 0),
  };
  return io;
}

const RELEASES = [
  {
    name: 'with-path',
    given: 'https://strategy.example.org/tools/addin',
    base: 'https://strategy.example.org/tools/addin/',
    origin: 'https://strategy.example.org',
  },
  {
    name: 'origin-only',
    given: 'https://addins.contoso.com:8443',
    base: 'https://addins.contoso.com:8443/',
    origin: 'https://addins.contoso.com:8443',
  },
];

const read = (out: string, rel: string): string => fs.readFileSync(path.join(out, rel), 'utf8');

/** Every file of a folder, relative, "/"-separated. */
function files(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, child) : [child];
  });
}

describe.each(RELEASES)('a release for $given', ({ name, given, base, origin }) => {
  const out = path.join(TMP, name);
  let io: ReturnType<typeof recordingIo>;
  beforeAll(() => {
    io = recordingIo();
    expect(runRelease(['--base-url', given, '--out', out, '--skip-build'], io)).toBe(0);
  });

  test('is written with the files each host needs, and says where to publish', () => {
    const all = files(out);
    for (const f of [
      'excel/manifest.xml',
      'excel/taskpane.html',
      'excel/taskpane.js',
      'excel/functions.js',
      'excel/functions.json',
      'excel/support.html',
      'excel/privacy.html',
      'excel/assets/icon-32.png',
      'sheets/Code.js',
      'sheets/Sidebar.html',
      'sheets/appsscript.json',
      'SHA256SUMS',
    ])
      expect(all).toContain(f);
    expect(io.stdout).toContain(`for ${base}`);
    expect(io.stderr).toBe('');
    expect(io.builds).toBe(0); // --skip-build: the bundles of npm run build
  });

  testNeeding('xmllint')('the manifest validates against the Office add-in schemas (xmllint, offline)', () => {
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, path.join(out, 'excel/manifest.xml')], {
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  test('every URL of the manifest is under the base and names a file of the release; AppDomains is its origin', () => {
    const xml = read(out, 'excel/manifest.xml');
    const urls = [...xml.matchAll(/DefaultValue="(\w+:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(11);
    for (const url of urls) {
      expect(url.startsWith(base) ? base : url).toBe(base);
      const file = url.slice(base.length);
      expect(fs.existsSync(path.join(out, 'excel', file)) ? file : `missing ${file}`).toBe(file);
    }
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([origin]);
    expect(xml).toContain(`<SupportUrl DefaultValue="${base}support.html"/>`);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${base}taskpane.html"/>`);
  });

  test('no file holds localhost, a loopback address or a path of this machine', () => {
    const dev = [
      /localhost/i,
      /127\.0\.0\.1/,
      /\[::1\]/,
      /:3000\b/,
      new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      /file:\/\//,
    ];
    const found = files(out).flatMap((f) => {
      const text = fs.readFileSync(path.join(out, f), 'latin1');
      return dev.filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
    });
    expect(found).toEqual([]);
  });

  test('every icon is a PNG of the size the manifest declares for it', () => {
    const xml = read(out, 'excel/manifest.xml');
    const size = (url: string): string => {
      const buf = fs.readFileSync(path.join(out, 'excel', url.slice(base.length)));
      expect(buf.toString('latin1', 1, 4)).toBe('PNG');
      return `${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`;
    };
    expect(size(/<IconUrl DefaultValue="([^"]+)"/.exec(xml)![1])).toBe('32x32');
    expect(size(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)![1])).toBe('64x64');
    const ids = new Map([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const uses = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)];
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const [, n, resid] of uses) expect(size(ids.get(resid)!)).toBe(`${n}x${n}`);
  });

  test("the version is package.json's in the manifest (Office's four numbers), CHANGELOG.md, both panels and the pages", () => {
    expect(read(out, 'excel/manifest.xml')).toContain(`<Version>${PACKAGE_VERSION}.0</Version>`);
    expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## \\[${PACKAGE_VERSION.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
    for (const rel of ['excel/taskpane.js', 'sheets/Code.js', 'sheets/Sidebar.html'])
      expect(read(out, rel)).toMatch(new RegExp(`VERSION = '${PACKAGE_VERSION.replace(/\./g, '\\.')}'`));
    expect(read(out, 'excel/support.html')).toContain(`Version ${PACKAGE_VERSION}<`);
    expect(read(out, 'excel/privacy.html')).toContain(`Version ${PACKAGE_VERSION} `);
  });

  test('the Sheets files: the add-on’s scopes, clasp’s whitelist, and the sidebar linking the hosted pages', () => {
    expect(JSON.parse(read(out, 'sheets/appsscript.json'))).toEqual(JSON.parse(read(ROOT, 'appsscript.json')));
    expect(read(out, 'sheets/.claspignore')).toBe(read(ROOT, '.claspignore'));
    expect(read(out, 'sheets/Sidebar.html')).toContain(`<div id="app" data-pages="${base}">`);
    expect(read(out, 'sheets/Code.js')).toBe(read(ROOT, 'dist/apps-script/Code.js'));
  });

  test('SHA256SUMS holds every file with its hash (sha256sum -c)', () => {
    const listed = read(out, 'SHA256SUMS')
      .trim()
      .split('\n')
      .map((l) => l.slice(66))
      .sort();
    expect(listed).toEqual(
      files(out)
        .filter((f) => f !== 'SHA256SUMS')
        .sort(),
    );
    expect(execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' })).not.toMatch(
      /FAILED/,
    );
  });

  test("both panels' About tab show the version and link the support page and the privacy statement of this release", async () => {
    const sidebar = await aboutOf(loadReleaseSidebar(out));
    expect(sidebar.textContent).toContain(`Version ${PACKAGE_VERSION}`);
    expect(links(sidebar)).toEqual([`${base}support.html`, `${base}privacy.html`]);
    const taskpane = await aboutOf(loadReleaseTaskpane(out));
    expect(taskpane.textContent).toContain(`Version ${PACKAGE_VERSION}`);
    // Relative to the task pane, i.e. beside it at the base; both are files of the release.
    const resolved = links(taskpane).map((href) => new URL(href, `${base}taskpane.html`).href);
    expect(resolved).toEqual([`${base}support.html`, `${base}privacy.html`]);
    for (const href of links(taskpane)) expect(fs.existsSync(path.join(out, 'excel', href))).toBe(true);
    for (const a of [...sidebar.findAll(isLink), ...taskpane.findAll(isLink)]) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('the release passes its own checks', () => {
    expect(checkRelease({ out, root: ROOT, base, origin })).toEqual([]);
  });
});

test('a sidebar without an https address for its pages (a development build, or anything else) shows no links', async () => {
  const dev = fs.readFileSync(path.join(ROOT, 'dist/apps-script/Sidebar.html'), 'utf8');
  expect(dev).toContain('<div id="app" data-pages="">');
  const dir = path.join(TMP, 'dev-sidebar');
  for (const pages of ['', 'javascript:alert(1)/', 'http://strategy.example.org/', 'https://strategy.example.org/x']) {
    fs.mkdirSync(path.join(dir, 'sheets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sheets/Sidebar.html'), dev.replace('data-pages=""', `data-pages="${pages}"`));
    const about = await aboutOf(loadReleaseSidebar(dir));
    expect({ pages, links: links(about) }).toEqual({ pages, links: [] });
    expect(about.textContent).toContain(`Version ${PACKAGE_VERSION}`);
  }
});

const isLink = (e: FakeElement): boolean => e.tagName === 'a';
const links = (about: FakeElement): string[] => about.findAll(isLink).map((a) => a.getAttribute('href')!);

/** The release's Sidebar.html in a vm, its #app element with the attributes the file gives it. */
function loadReleaseSidebar(out: string): FakeElement {
  const html = read(out, 'sheets/Sidebar.html');
  const page = createPage();
  page.app.setAttribute('data-pages', /<div id="app" data-pages="([^"]*)"/.exec(html)![1]);
  const google = fakeScriptRun(() => []);
  const context = vm.createContext({ document: page.document, window: {}, google, console });
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    vm.runInContext(m[1], context, { filename: 'Sidebar.html' });
  return page.app;
}

function loadReleaseTaskpane(out: string): FakeElement {
  const page = createPage();
  const host = new FakeExcelHost(['Sheet1']);
  const context = vm.createContext({ document: page.document, window: {}, console, setTimeout, ...host.globals() });
  vm.runInContext(read(out, 'excel/functions.js'), context, { filename: 'functions.js' });
  vm.runInContext(read(out, 'excel/taskpane.js'), context, { filename: 'taskpane.js' });
  return page.app;
}

async function aboutOf(app: FakeElement): Promise<FakeElement> {
  await flush();
  app.find((e) => e.getAttribute('role') === 'tab' && e.textContent === 'About')!.click();
  return app.find((e) => e.id === 'view-about')!;
}

describe('each check fails when its rule is broken', () => {
  const good = path.join(TMP, 'good');
  const base = 'https://strategy.example.org/addin/';
  const origin = 'https://strategy.example.org';
  beforeAll(() => expect(runRelease(['--base-url', base, '--out', good, '--skip-build'], recordingIo())).toBe(0));

  /** A copy of the good release with one change, and what the checks say about it. */
  function broken(change: (dir: string) => void): string[] {
    const dir = fs.mkdtempSync(path.join(TMP, 'broken-'));
    fs.cpSync(good, dir, { recursive: true });
    change(dir);
    return checkRelease({ out: dir, root: ROOT, base, origin });
  }
  const edit = (dir: string, rel: string, f: (s: string) => string): void =>
    fs.writeFileSync(path.join(dir, rel), f(read(dir, rel)));

  test('a manifest the Office schemas refuse', () => {
    const problems = broken((d) =>
      edit(d, 'excel/manifest.xml', (x) => x.replace('ReadWriteDocument', 'ReadWriteEverything')),
    );
    expect(
      problems.some((p) => p.startsWith('excel/manifest.xml is not valid against the Office add-in schemas')),
    ).toBe(true);
  });

  test('a URL outside the base, a URL naming no file, another AppDomain', () => {
    const problems = broken((d) =>
      edit(d, 'excel/manifest.xml', (x) =>
        x
          .replace(`${base}functions.json`, 'https://cdn.example.net/functions.json')
          .replace(`${base}assets/icon-80.png`, `${base}assets/icon-81.png`)
          .replace(`<AppDomain>${origin}</AppDomain>`, '<AppDomain>https://other.example.org</AppDomain>'),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        msg.urlOutsideBase('https://cdn.example.net/functions.json', base),
        msg.urlWithoutFile(`${base}assets/icon-81.png`, 'assets/icon-81.png'),
        msg.wrongAppDomains(['https://other.example.org'], origin),
      ]),
    );
  });

  test('a development address or a local path in any file', () => {
    const problems = broken((d) => {
      edit(d, 'excel/taskpane.js', (s) => `${s}\n// see https://localhost:3000/\n`);
      edit(d, 'sheets/Code.js', (s) => `${s}\n// built in ${ROOT}\n`);
    });
    const lines = read(good, 'excel/taskpane.js').split('\n').length;
    expect(problems).toEqual(expect.arrayContaining([msg.devPathFound('excel/taskpane.js', '"localhost"', lines + 1)]));
    expect(problems.some((p) => p.startsWith('sheets/Code.js') && p.includes('the path of the checkout'))).toBe(true);
  });

  test('an icon of another size than declared, and one that is not a PNG', () => {
    const problems = broken((d) => {
      fs.copyFileSync(path.join(d, 'excel/assets/icon-16.png'), path.join(d, 'excel/assets/icon-32.png'));
      fs.writeFileSync(path.join(d, 'excel/assets/icon-80.png'), 'GIF89a');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        msg.iconSize(`${base}assets/icon-32.png`, 32, 16, 16),
        msg.notPng(`${base}assets/icon-80.png`),
      ]),
    );
  });

  test('a version that differs from package.json in the manifest or a panel', () => {
    const problems = broken((d) => {
      edit(d, 'excel/manifest.xml', (x) => x.replace(/<Version>[^<]*<\/Version>/, '<Version>9.9.9.0</Version>'));
      edit(d, 'sheets/Sidebar.html', (s) => s.replace(/VERSION = '[^']*'/, "VERSION = '0.0.1'"));
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        msg.versionMismatch('excel/manifest.xml <Version>', '9.9.9.0', `${PACKAGE_VERSION}.0`),
        msg.versionMismatch('sheets/Sidebar.html (the About tab)', '0.0.1', PACKAGE_VERSION),
      ]),
    );
  });

  test('a privacy statement that omits a scope, and add-in code that could send data', () => {
    const scope = 'https://www.googleapis.com/auth/script.container.ui';
    const problems = broken((d) => {
      edit(d, 'excel/privacy.html', (s) => s.split(scope).join('(a scope)'));
      edit(d, 'excel/taskpane.js', (s) => `${s}\nnavigator.sendBeacon('/x', '');\n`);
    });
    expect(problems).toEqual(
      expect.arrayContaining([msg.privacyOmits(scope), msg.networkApi('excel/taskpane.js', 'sendBeacon')]),
    );
  });

  test('a sidebar linking other pages, and SHA256SUMS out of date', () => {
    const problems = broken((d) => {
      edit(d, 'sheets/Sidebar.html', (s) =>
        s.replace(`data-pages="${base}"`, 'data-pages="https://elsewhere.example/"'),
      );
      fs.writeFileSync(path.join(d, 'excel/extra.txt'), 'added after the sums');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        msg.sidebarPages('https://elsewhere.example/', base),
        msg.sumsMismatch('the hash of sheets/Sidebar.html differs'),
        msg.sumsMismatch('excel/extra.txt is not listed'),
      ]),
    );
  });
});

describe('refused: nothing is built or written', () => {
  test.each([
    ['http://strategy.example.org/addin', msg.notHttps('http://strategy.example.org/addin')],
    ['ftp://strategy.example.org/addin', msg.notHttps('ftp://strategy.example.org/addin')],
    ['https://strategy.example.org/addin?v=2', msg.queryOrFragment('https://strategy.example.org/addin?v=2')],
    ['https://strategy.example.org/addin#top', msg.queryOrFragment('https://strategy.example.org/addin#top')],
    ['strategy.example.org/addin', msg.malformedUrl('strategy.example.org/addin')],
    ['https://', msg.malformedUrl('https://')],
    ['https://localhost:3000/', msg.localUrl('https://localhost:3000/')],
    ['https://admin:secret@strategy.example.org/', msg.credentialsInUrl('https://admin:secret@strategy.example.org/')],
  ])('%s', (url, message) => {
    const out = path.join(TMP, 'refused');
    const io = recordingIo();
    expect(runRelease(['--base-url', url, '--out', out], io)).toBe(2);
    expect(io.stderr).toBe(msg.usageError(message));
    expect(io.builds).toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(TMP).filter((f) => f.startsWith('refused'))).toEqual([]);
  });

  test('--help prints the usage and does nothing else', () => {
    const io = recordingIo();
    expect(runRelease(['--help', '--base-url', 'https://a.example/', '--out', path.join(TMP, 'refused')], io)).toBe(0);
    expect(io.stdout).toBe(`${msg.USAGE}\n`);
    expect(io.builds).toBe(0);
    expect(fs.existsSync(path.join(TMP, 'refused'))).toBe(false);
  });

  test('no --base-url, or an unknown option', () => {
    const io = recordingIo();
    expect(runRelease(['--out', path.join(TMP, 'refused')], io)).toBe(2);
    expect(runRelease(['--base', 'https://a.example/'], io)).toBe(2);
    expect(io.stderr).toBe(msg.usageError(msg.missingBaseUrl()) + msg.usageError(msg.unknownOption('--base')));
    expect(fs.existsSync(path.join(TMP, 'refused'))).toBe(false);
  });

  test('npm run release itself: exit code 2 and the sentence, for a non-HTTPS address', () => {
    const out = path.join(TMP, 'refused-cli');
    const r = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/release.ts', '--base-url', 'http://strategy.example.org/', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(msg.notHttps('http://strategy.example.org/'));
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a release failing a check leaves nothing behind (here CHANGELOG.md names another version)', () => {
    const root = fs.mkdtempSync(path.join(TMP, 'root-'));
    for (const f of ['package.json', 'appsscript.json', '.claspignore'])
      fs.copyFileSync(path.join(ROOT, f), path.join(root, f));
    fs.writeFileSync(path.join(root, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [0.0.1] - 2026-01-01\n');
    fs.mkdirSync(path.join(root, 'test/fixtures'), { recursive: true });
    fs.symlinkSync(
      path.join(ROOT, 'test/fixtures/office-manifest-xsd'),
      path.join(root, 'test/fixtures/office-manifest-xsd'),
    );
    fs.symlinkSync(path.join(ROOT, 'dist'), path.join(root, 'dist'));
    const out = path.join(root, 'release');
    const io = recordingIo();
    expect(runRelease(['--base-url', 'https://strategy.example.org/', '--out', out, '--skip-build'], io, root)).toBe(1);
    expect(io.stderr).toContain(msg.checksFailed(1, out));
    expect(io.stderr).toContain(msg.versionMismatch('CHANGELOG.md', '0.0.1', PACKAGE_VERSION));
    expect(fs.readdirSync(root).sort()).toEqual([
      '.claspignore',
      'CHANGELOG.md',
      'appsscript.json',
      'dist',
      'package.json',
      'test',
    ]);
  });
});
