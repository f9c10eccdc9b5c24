/**
 * .github/workflows/release.yml read as GitHub reads it (YAML, js-yaml): runs on version tags, installs with
 * npm ci, runs only the repository's own npm scripts, builds the release for the address GitHub Pages gives
 * (actions/configure-pages), and publishes dist/release/excel/ and nothing else (upload-pages-artifact + deploy-pages).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
// js-yaml is in node_modules as a dependency of jest's tooling (3.x: safeLoad; 4.x: load, safe by default).
const yaml = require('js-yaml') as { safeLoad?: (s: string) => unknown; load: (s: string) => unknown };
const parse = yaml.safeLoad ?? yaml.load;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[]; branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run] : []));

test('the YAML parser refuses a broken workflow (so the parse below proves something)', () => {
  expect(() => parse(text.replace('jobs:', 'jobs: [\n'))).toThrow();
});

test('runs on version tags only (npm version makes vX.Y.Z tags)', () => {
  expect(workflow.on.push.tags).toEqual(['v*']);
  expect(workflow.on.push.branches).toBeUndefined();
  expect(Object.keys(workflow.on)).toEqual(['push']);
});

test("installs with npm ci and runs only the repository's own npm scripts", () => {
  expect(runs).toContain('npm ci');
  const scripts = runs.flatMap((r) => [...r.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
  expect(scripts).toEqual(expect.arrayContaining(['typecheck', 'lint', 'test:unit', 'release']));
  for (const s of scripts) expect(Object.keys(pkg.scripts)).toContain(s);
  // No npx or global installs: what runs is what package.json and package-lock.json name.
  expect(runs.filter((r) => /\bnpx\b|npm (i|install)\b/.test(r))).toEqual([]);
});

test("builds the release for this repository's GitHub Pages address, after checking the tag is the version", () => {
  const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
  expect(pages?.id).toBe('pages');
  const release = runs.filter((r) => r.includes('npm run release'));
  expect(release).toEqual(['npm run release -- --base-url "${{ steps.pages.outputs.base_url }}/"']);
  const build = workflow.jobs.build.steps;
  const at = (f: (s: Step) => boolean): number => build.findIndex(f);
  expect(at((s) => !!s.run?.includes('GITHUB_REF_NAME'))).toBeLessThan(at((s) => !!s.run?.includes('npm run release')));
  expect(at((s) => s.id === 'pages')).toBeLessThan(at((s) => !!s.run?.includes('npm run release')));
});

test('publishes dist/release/excel/ and nothing else', () => {
  const uploads = steps.filter((s) => s.uses && /upload-(pages-)?artifact/.test(s.uses));
  expect(uploads.map((s) => [s.uses!.split('@')[0], s.with?.path])).toEqual([
    ['actions/upload-pages-artifact', 'dist/release/excel/'],
  ]);
  const deploy = workflow.jobs.deploy;
  expect(deploy.needs).toBe('build');
  expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  expect(deploy.environment?.name).toBe('github-pages');
  // Only the deploy job may write to Pages; the build reads the repository and the Pages site's address.
  expect(workflow.permissions).toEqual({ contents: 'read' });
  expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
});
