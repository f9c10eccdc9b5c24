/**
 * One version everywhere: package.json's version is the manifest's (Office's four numbers), the panels'
 * (shared/core/version.ts, the About tab and the self-check report) and CHANGELOG.md's newest section; `npm version`
 * moves it into all of them (the `version` script, scripts/release/set-version.ts, run here on a copy).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { VERSION } from '../../shared/core/version';
import { changelogVersion } from '../../scripts/release/checks';
import { manifestVersion } from '../../scripts/release/manifest';
import * as msg from '../../scripts/release/messages';
import { officeVersion } from '../../scripts/release/office-version';
import { releaseChangelog, setVersion, VERSIONED_FILES } from '../../scripts/release/set-version';

const ROOT = path.resolve(__dirname, '../..');
const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');
const pkg = JSON.parse(read(ROOT, 'package.json'));

test('the repository carries one version: package.json, manifest.xml, shared/core/version.ts, CHANGELOG.md', () => {
  expect(manifestVersion(read(ROOT, 'manifest.xml'))).toBe(`${pkg.version}.0`);
  expect(VERSION).toBe(pkg.version);
  expect(changelogVersion(read(ROOT, 'CHANGELOG.md'))).toBe(pkg.version);
});

test('CHANGELOG.md is in Keep a Changelog form: an Unreleased section, then dated versions, newest first', () => {
  const text = read(ROOT, 'CHANGELOG.md');
  const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  expect(headings[0]).toBe('[Unreleased]');
  for (const h of headings.slice(1)) expect(h).toMatch(/^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
  expect(text).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
  expect(text).toContain('https://keepachangelog.com/');
});

test("Office's form of a version: four numbers of at most five digits, no pre-release", () => {
  expect(officeVersion('0.1.0')).toBe('0.1.0.0');
  expect(officeVersion('12.0.99999')).toBe('12.0.99999.0');
  expect(officeVersion('1.2.0-beta.1')).toBeUndefined();
  expect(officeVersion('1.2.0+build.5')).toBeUndefined();
  expect(officeVersion('100000.0.0')).toBeUndefined();
});

/** A copy of the files the version script reads and writes, with package.json at `version`. */
function copyAt(version: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-version-'));
  for (const f of ['package.json', ...VERSIONED_FILES]) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, version }, null, 2));
  return dir;
}

test('npm version: the version script moves the new version into every file and dates the Unreleased notes', () => {
  const dir = copyAt('0.2.0');
  fs.writeFileSync(
    path.join(dir, 'CHANGELOG.md'),
    read(dir, 'CHANGELOG.md').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A fix.\n'),
  );
  expect(setVersion(dir, '2027-01-31')).toBeUndefined();
  expect(manifestVersion(read(dir, 'manifest.xml'))).toBe('0.2.0.0');
  expect(read(dir, 'shared/core/version.ts')).toContain("export const VERSION = '0.2.0';");
  const changelog = read(dir, 'CHANGELOG.md');
  expect(changelogVersion(changelog)).toBe('0.2.0');
  expect(changelog).toContain('## [Unreleased]\n\n## [0.2.0] - 2027-01-31\n\n### Fixed\n\n- A fix.\n');
  expect(changelog).toContain(`## [${pkg.version}] - `); // earlier versions stay
  // Everything else of the manifest is as it was.
  expect(read(dir, 'manifest.xml').replace('0.2.0.0', '')).toBe(
    read(ROOT, 'manifest.xml').replace(`${pkg.version}.0`, ''),
  );
  // Run twice (npm version --allow-same-version): the notes are not moved again.
  expect(setVersion(dir, '2027-02-01')).toBeUndefined();
  expect(read(dir, 'CHANGELOG.md')).toBe(changelog);
  fs.rmSync(dir, { recursive: true });
});

test('a version Office cannot carry is refused before any file changes', () => {
  const dir = copyAt('1.0.0-rc.1');
  expect(setVersion(dir, '2027-01-31')).toBe(msg.notOfficeVersion('1.0.0-rc.1'));
  for (const f of VERSIONED_FILES) expect(read(dir, f)).toBe(read(ROOT, f));
  fs.rmSync(dir, { recursive: true });
});

test('releaseChangelog keeps a file without notes in order', () => {
  expect(releaseChangelog('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-05\n', '0.1.1', '2027-01-01')).toBe(
    '# Changelog\n\n## [Unreleased]\n\n## [0.1.1] - 2027-01-01\n\n## [0.1.0] - 2026-12-05\n',
  );
});

test("package.json's version script runs set-version and stages every file it changes", () => {
  expect(pkg.scripts.version).toBe(`tsx scripts/release/set-version.ts && git add ${VERSIONED_FILES.join(' ')}`);
});
