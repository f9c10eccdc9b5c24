/**
 * A release checked as a store would check it, on the files written: `npm run release` runs these before it keeps
 * a release (a failed check leaves nothing), and test/release/release.test.ts runs them on releases for two
 * addresses and on releases broken on purpose. Each check returns the problems it found, as sentences from
 * messages.ts; none means the rule holds.
 *  - the manifest validates against the Office add-in schemas (xmllint, offline);
 *  - every URL in it is under the base address and names a file of the release; AppDomains is the base's origin;
 *    SupportUrl is the support page;
 *  - no file holds a development address or a path of the machine it was built on;
 *  - every icon is a PNG of the size the manifest declares for it;
 *  - the version is the same in package.json, CHANGELOG.md, the manifest, the panels' bundles and the pages;
 *  - the Sheets files are there, with the add-on's scopes and the hosted pages' address;
 *  - the privacy statement names what the add-in may do, and the add-in's code has no way to send anything;
 *  - SHA256SUMS lists every file with its hash.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filesUnder, SHEETS_FILES } from './assemble';
import { manifestVersion } from './manifest';
import * as msg from './messages';
import { officeVersion } from './office-version';

export interface ReleaseToCheck {
  /** The release folder (excel/, sheets/, SHA256SUMS). */
  out: string;
  /** The repository root: package.json, CHANGELOG.md, appsscript.json, the Office schemas. */
  root: string;
  base: string;
  origin: string;
}

export function checkRelease(r: ReleaseToCheck): string[] {
  const manifestFile = path.join(r.out, 'excel/manifest.xml');
  if (!fs.existsSync(manifestFile)) return [msg.missingFile('excel/manifest.xml')];
  const xml = fs.readFileSync(manifestFile, 'utf8');
  return [
    ...checkSchema(r.root, manifestFile),
    ...checkManifestUrls(xml, r),
    ...checkDevPaths(r),
    ...checkIcons(xml, r),
    ...checkVersions(xml, r),
    ...checkSheets(r),
    ...checkPrivacy(xml, r),
    ...checkSums(r.out),
  ];
}

export function checkSchema(root: string, manifestFile: string): string[] {
  const xsd = path.join(root, 'test/fixtures/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, manifestFile], { encoding: 'utf8' });
  if (run.error) return [msg.xmllintMissing()];
  return run.status === 0 ? [] : [msg.schemaInvalid('excel/manifest.xml', `${run.stderr}${run.stdout}`)];
}

/** Every address the manifest names, outside comments and namespace declarations. */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
  return [...body.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"<\s]*/gi)].map((m) => m[0]);
}

function checkManifestUrls(xml: string, r: ReleaseToCheck): string[] {
  const problems: string[] = [];
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
  for (const url of manifestUrls(xml)) {
    if (domains.includes(url)) continue;
    if (!url.startsWith(r.base)) {
      problems.push(msg.urlOutsideBase(url, r.base));
      continue;
    }
    const file = decodeURIComponent(url.slice(r.base.length));
    const abs = path.join(r.out, 'excel', file);
    const inside = !file.split('/').includes('..') && abs.startsWith(path.join(r.out, 'excel') + path.sep);
    if (!inside || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) problems.push(msg.urlWithoutFile(url, file));
  }
  if (domains.length !== 1 || domains[0] !== r.origin) problems.push(msg.wrongAppDomains(domains, r.origin));
  const support = /<SupportUrl DefaultValue="([^"]*)"/.exec(xml)?.[1] ?? '';
  if (support !== `${r.base}support.html`) problems.push(msg.wrongSupportUrl(support, `${r.base}support.html`));
  return problems;
}

/** What exists only where the release was built: development addresses and local paths. */
export function devPathPatterns(root: string): Array<[RegExp, string]> {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const home = os.homedir();
  return [
    [/localhost/i, '"localhost"'],
    [/127\.0\.0\.1/, 'the address 127.0.0.1'],
    [/\[::1\]/, 'the address [::1]'],
    [/file:\/\//i, 'a file:// address'],
    [/sourceMappingURL=/, 'a source map reference'],
    [/\bdist\/(excel-addin|apps-script)\b/, 'a path in the build folder dist/'],
    [/office-addin-dev-certs/, "the development certificate's folder"],
    [new RegExp(escape(path.resolve(root))), 'the path of the checkout it was built in'],
    ...(home.length > 1
      ? [[new RegExp(`${escape(home)}[/\\\\]`), 'a path in the home folder'] as [RegExp, string]]
      : []),
  ];
}

function checkDevPaths(r: ReleaseToCheck): string[] {
  const patterns = devPathPatterns(r.root);
  const problems: string[] = [];
  for (const file of filesUnder(r.out)) {
    const lines = fs.readFileSync(path.join(r.out, file), 'latin1').split('\n');
    for (const [re, what] of patterns) {
      const i = lines.findIndex((l) => re.test(l));
      if (i >= 0) problems.push(msg.devPathFound(file, what, i + 1));
    }
  }
  return problems;
}

/** A PNG's width and height from its IHDR chunk, or undefined for anything else. */
export function pngSize(buf: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The attributes of every `<tag …>` element, in order. */
function elements(xml: string, tag: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

/** Each icon URL with the size the manifest declares for it (IconUrl 32, HighResolutionIconUrl 64, bt:Image size). */
export function declaredIcons(xml: string): Array<{ url: string; size: number }> {
  const icons: Array<{ url: string; size: number }> = [];
  const first = (tag: string): string | undefined => elements(xml, tag)[0]?.DefaultValue;
  const icon = first('IconUrl');
  const high = first('HighResolutionIconUrl');
  if (icon) icons.push({ url: icon, size: 32 });
  if (high) icons.push({ url: high, size: 64 });
  const images = elements(xml, 'bt:Image');
  const byId = new Map(images.filter((a) => a.id).map((a) => [a.id, a.DefaultValue]));
  for (const use of images.filter((a) => a.resid && a.size)) {
    const url = byId.get(use.resid);
    if (url && !icons.some((i) => i.url === url && i.size === Number(use.size)))
      icons.push({ url, size: Number(use.size) });
  }
  return icons;
}

function checkIcons(xml: string, r: ReleaseToCheck): string[] {
  const problems: string[] = [];
  for (const { url, size } of declaredIcons(xml)) {
    const file = path.join(r.out, 'excel', url.slice(r.base.length));
    if (!url.startsWith(r.base) || !fs.existsSync(file)) continue; // reported by the URL check
    const png = pngSize(fs.readFileSync(file));
    if (!png) problems.push(msg.notPng(url));
    else if (png.width !== size || png.height !== size) problems.push(msg.iconSize(url, size, png.width, png.height));
  }
  return problems;
}

/** The newest released version in CHANGELOG.md (Keep a Changelog: `## [1.2.0] - 2027-01-31`; Unreleased skipped). */
export function changelogVersion(text: string): string {
  return /^## \[(\d[^\]]*)\]/m.exec(text)?.[1] ?? '';
}

/** The version a built bundle carries (shared/core/version.ts, whatever name the bundler gave the constant). */
export function bundleVersion(code: string): string {
  return /VERSION = ["']([^"']*)["']/.exec(code)?.[1] ?? '';
}

function checkVersions(xml: string, r: ReleaseToCheck): string[] {
  const version = JSON.parse(fs.readFileSync(path.join(r.root, 'package.json'), 'utf8')).version as string;
  const office = officeVersion(version);
  if (!office) return [msg.notOfficeVersion(version)];
  const read = (rel: string): string => fs.readFileSync(path.join(r.out, rel), 'utf8');
  const changelog = fs.readFileSync(path.join(r.root, 'CHANGELOG.md'), 'utf8');
  const found: Array<[string, string, string]> = [
    ['CHANGELOG.md', changelogVersion(changelog), version],
    ['excel/manifest.xml <Version>', manifestVersion(xml), office],
  ];
  for (const rel of ['excel/taskpane.js', 'sheets/Code.js', 'sheets/Sidebar.html'])
    if (fs.existsSync(path.join(r.out, rel))) found.push([`${rel} (the About tab)`, bundleVersion(read(rel)), version]);
  for (const rel of ['excel/support.html', 'excel/privacy.html']) {
    if (!fs.existsSync(path.join(r.out, rel))) continue;
    const shown = /Version (\S+?)(?:<|\s)/.exec(read(rel))?.[1] ?? '';
    found.push([rel, shown, version]);
  }
  return found
    .filter(([, got, want]) => got !== want)
    .map(([where, got, want]) => msg.versionMismatch(where, got, want));
}

function checkSheets(r: ReleaseToCheck): string[] {
  const missing = SHEETS_FILES.filter((f) => !fs.existsSync(path.join(r.out, 'sheets', f)));
  if (missing.length) return missing.map((f) => msg.missingFile(`sheets/${f}`));
  const problems: string[] = [];
  const scopes = (file: string): string[] => JSON.parse(fs.readFileSync(file, 'utf8')).oauthScopes ?? [];
  const want = scopes(path.join(r.root, 'appsscript.json'));
  const got = scopes(path.join(r.out, 'sheets/appsscript.json'));
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(msg.wrongScopes(got, want));
  const sidebar = fs.readFileSync(path.join(r.out, 'sheets/Sidebar.html'), 'utf8');
  const pages = /<div id="app" data-pages="([^"]*)"/.exec(sidebar)?.[1] ?? '';
  if (pages !== r.base) problems.push(msg.sidebarPages(pages, r.base));
  return problems;
}

/** Browser and Apps Script interfaces that send data away or keep it on the machine. */
const SENDING_APIS = [
  'fetch(',
  'XMLHttpRequest',
  'sendBeacon',
  'WebSocket',
  'EventSource',
  'UrlFetchApp',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'document.cookie',
  'PropertiesService',
];

function checkPrivacy(xml: string, r: ReleaseToCheck): string[] {
  const privacyFile = path.join(r.out, 'excel/privacy.html');
  if (!fs.existsSync(privacyFile)) return [msg.missingFile('excel/privacy.html')];
  const privacy = fs.readFileSync(privacyFile, 'utf8');
  const problems: string[] = [];
  const scopes: string[] = JSON.parse(fs.readFileSync(path.join(r.root, 'appsscript.json'), 'utf8')).oauthScopes;
  const permission = /<Permissions>([^<]*)<\/Permissions>/.exec(xml)?.[1] ?? '';
  const taskpane = fs.readFileSync(path.join(r.out, 'excel/taskpane.html'), 'utf8');
  const scripts = [...taskpane.matchAll(/<script[^>]+src="(https?:[^"]+)"/g)].map((m) => m[1]);
  for (const what of [...scopes, permission, ...scripts])
    if (!privacy.includes(what)) problems.push(msg.privacyOmits(what));
  for (const [scope] of privacy.matchAll(/https:\/\/www\.googleapis\.com\/auth\/[\w.]+/g))
    if (!scopes.includes(scope)) problems.push(msg.privacyNamesOther(scope));
  for (const rel of ['excel/taskpane.js', 'excel/functions.js', 'sheets/Code.js', 'sheets/Sidebar.html']) {
    if (!fs.existsSync(path.join(r.out, rel))) continue;
    const code = fs.readFileSync(path.join(r.out, rel), 'utf8');
    for (const api of SENDING_APIS) if (code.includes(api)) problems.push(msg.networkApi(rel, api));
  }
  return problems;
}

function checkSums(out: string): string[] {
  const file = path.join(out, 'SHA256SUMS');
  if (!fs.existsSync(file)) return [msg.missingFile('SHA256SUMS')];
  const listed = new Map(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(66), l.slice(0, 64)] as const),
  );
  const files = filesUnder(out).filter((f) => f !== 'SHA256SUMS');
  const problems: string[] = [];
  for (const f of files) {
    const hash = createHash('sha256')
      .update(fs.readFileSync(path.join(out, f)))
      .digest('hex');
    if (!listed.has(f)) problems.push(msg.sumsMismatch(`${f} is not listed`));
    else if (listed.get(f) !== hash) problems.push(msg.sumsMismatch(`the hash of ${f} differs`));
  }
  for (const f of listed.keys()) if (!files.includes(f)) problems.push(msg.sumsMismatch(`${f} is listed but absent`));
  return problems;
}
