/**
 * `npm run mutation` must run for every group (issue #25): each group's mutated files exist and are root files of
 * tsconfig.mutation.json, the project Stryker's TypeScript checker type-checks each mutant in. A mutated file outside
 * it stops the whole run midway ("Tried to check file … but no watcher is registered for it"), as the charts group
 * did when its files moved from shared/templates/ to shared/compiler/ and shared/chart-from-selection/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** The groups of stryker.config.mjs (an ES module) and each one's `mutate` patterns, read by Node itself. */
function mutationGroups(): Record<string, string[]> {
  const script = `
    const groups = {};
    for (const scope of (await import('./stryker.config.mjs')).SCOPE_NAMES) {
      process.env.MUTATION_SCOPE = scope;
      const config = (await import('./stryker.config.mjs?' + scope)).default;
      groups[scope] = config.mutate;
    }
    console.log(JSON.stringify(groups));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string[]>;
}

/** Files matching glob patterns as TypeScript's `include` / `exclude` match them ("!x" excludes x; ":1-67" dropped). */
function expand(patterns: string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('!')).map((p) => p.replace(/:\d+-\d+$/, ''));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return rootFiles({ include, exclude });
}

/** The root files of a tsconfig (its `include` expanded), as absolute paths. */
function rootFiles(config: { extends?: string; include: string[]; exclude?: string[] }): string[] {
  const parsed = ts.parseJsonConfigFileContent({ ...config, extends: undefined }, ts.sys, ROOT);
  return parsed.fileNames.map((f) => path.resolve(f));
}

const groups = mutationGroups();
const checked = new Set(rootFiles(JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.mutation.json'), 'utf8'))));

test('every group names the files it mutates, and each pattern matches a file', () => {
  expect(Object.keys(groups)).toEqual(expect.arrayContaining(['scoring', 'markdown', 'charts', 'core', 'full']));
  for (const [group, patterns] of Object.entries(groups))
    for (const p of patterns.filter((x) => !x.startsWith('!')))
      expect({ group, pattern: p, files: expand([p]).length > 0 }).toEqual({ group, pattern: p, files: true });
});

test('a line range (core: "file.ts:25-55") starts a declaration or its comment and ends where one ends', () => {
  const ranges = Object.values(groups)
    .flat()
    .map((p) => /^(.+):(\d+)-(\d+)$/.exec(p))
    .filter((m): m is RegExpExecArray => m !== null);
  expect(ranges.length).toBeGreaterThan(0);
  for (const [, file, from, to] of ranges) {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    const [first, last] = [lines[Number(from) - 1], lines[Number(to) - 1]];
    expect({ file, from, first: /^(\/\*\*|export |const |function )/.test(first) }).toEqual({
      file,
      from,
      first: true,
    });
    expect({ file, to, last }).toEqual({ file, to, last: expect.stringMatching(/^\}\)?;?$/) });
  }
});

test.each(Object.keys(groups))(
  'the %s group: every mutated file is type-checked by tsconfig.mutation.json',
  (group) => {
    const outside = expand(groups[group]).filter((f) => !checked.has(f));
    expect(outside.map((f) => path.relative(ROOT, f))).toEqual([]);
  },
);
