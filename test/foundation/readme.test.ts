/** The README is the newcomer's entry point: its commands, function list and images must stay true. */
import * as fs from 'fs';
import * as path from 'path';
import { REGISTRY } from '../../shared/functions';

const ROOT = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the test command .ci/run reads from the README installs what is missing and runs npm test', () => {
  const m = /<!-- test-command -->\s*```\s*\n([^\n]+)\n/.exec(readme);
  expect(m?.[1]).toBe('bash scripts/setup-system.sh && npm ci && npm test');
  expect(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toContain('<!-- test-command -->');
});

test('the main command exists: npm ci && npm start', () => {
  expect(readme).toContain('npm ci && npm start');
  expect(pkg.scripts.start).toBeTruthy();
});

test('every npm script the README names exists', () => {
  for (const [, name] of readme.matchAll(/`npm run ([a-z:-]+)/g)) expect(Object.keys(pkg.scripts)).toContain(name);
});

test('every custom function is listed', () => {
  for (const f of REGISTRY) expect(readme).toContain(`${f.name}(`);
});

test('every image the README shows is committed', () => {
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)|<img src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  // every rendered chart, the preview, the sidebar and the task pane are shown
  const charts = fs
    .readdirSync(path.join(ROOT, 'docs/images'))
    .filter((f) => f.startsWith('chart-'))
    .map((f) => `docs/images/${f}`);
  expect(charts.length).toBe(7); // the five template charts, a metric trend and the weight tornado
  expect(images).toEqual(
    expect.arrayContaining([
      ...charts,
      'docs/images/preview.png',
      'docs/images/sidebar.png',
      'docs/images/taskpane.png',
    ]),
  );
  for (const img of images) expect(fs.existsSync(path.join(ROOT, img)) ? img : `missing ${img}`).toBe(img);
});

/** The folders under `dir` a clone has (what .gitignore leaves out, such as node_modules/ and dist/, is not). */
function folders(dir: string): string[] {
  const ignored = fs
    .readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .filter((l) => l.endsWith('/'))
    .map((l) => l.slice(0, -1));
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== '.git' && !ignored.includes(e.name))
    .map((e) => e.name);
}

test('"What is inside" names every top folder and every folder of the core, the panel and the preview', () => {
  const tree = /## What is inside\s*```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = tree.split('\n');
  // A top folder starts a line ("shared/", "cli/, bin/"); a subfolder is indented under its parent's block.
  const top = new Set(lines.filter((l) => /^\S/.test(l)).flatMap((l) => l.split(/\s{2,}/)[0].split(/,\s*/)));
  expect(folders('.').filter((d) => !top.has(`${d}/`))).toEqual([]);
  for (const parent of ['shared', 'ui', 'preview']) {
    const start = lines.findIndex((l) => l.startsWith(`${parent}/`));
    const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
    const block = lines.slice(start, end).join('\n');
    expect(folders(parent).filter((d) => !new RegExp(`(^|[\\s(])${d}/`).test(block))).toEqual([]);
  }
});
