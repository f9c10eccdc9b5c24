/**
 * The `version` script npm runs inside `npm version <new>` (after package.json changes, before the commit and tag):
 * moves package.json's version everywhere else it appears, and package.json's "version" script stages those files:
 *  - manifest.xml's `<Version>` in Office's four-number form;
 *  - shared/core/version.ts (the About tab and the self-check report);
 *  - CHANGELOG.md: the Unreleased section becomes `## [<version>] - <today>` under a new, empty Unreleased.
 * A version Office cannot carry (a pre-release, a build part) is refused before any file changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as msg from './messages';
import { officeVersion } from './office-version';

export const VERSIONED_FILES = ['manifest.xml', 'shared/core/version.ts', 'CHANGELOG.md'] as const;

/** Moves the version of `root`'s package.json into its other files; returns the problem, or undefined. */
export function setVersion(root: string, today: string): string | undefined {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  const office = officeVersion(version);
  if (!office) return msg.notOfficeVersion(version);
  const edit = (rel: string, change: (text: string) => string): void => {
    const file = path.join(root, rel);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  };
  edit('manifest.xml', (xml) => xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${office}</Version>`));
  edit('shared/core/version.ts', (ts) => ts.replace(/VERSION = '[^']*'/, `VERSION = '${version}'`));
  edit('CHANGELOG.md', (text) => releaseChangelog(text, version, today));
  return undefined;
}

/**
 * Keep a Changelog: the entries under `## [Unreleased]` become the new version's section, dated; a version that
 * already has a section (npm version run twice) is left as it is.
 */
export function releaseChangelog(text: string, version: string, today: string): string {
  const escaped = version.replace(/\./g, '\\.');
  if (new RegExp(`^## \\[${escaped}\\]`, 'm').test(text)) return text;
  return text.replace(/^## \[Unreleased\][^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${today}\n`);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  const problem = setVersion(root, new Date().toISOString().slice(0, 10));
  if (problem) {
    process.stderr.write(msg.errorLine(problem));
    process.exitCode = 2;
  } else {
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    process.stdout.write(`${msg.versionMoved(version, [...VERSIONED_FILES])}\n`);
  }
}
