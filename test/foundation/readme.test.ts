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
  expect(charts.length).toBe(5);
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
