/**
 * test/README.md is the map of the tests: it names every suite, every fake and every other helper under test/
 * (so a newcomer finds which to use), and every path it names exists (so it never points at a file that moved).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const MAP = fs.readFileSync(path.join(ROOT, 'test/README.md'), 'utf8');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'test/fixtures' ? [] : files(rel);
    return /\.(ts|js)$/.test(e.name) ? [rel] : [];
  });
}

test('every suite, fake and helper under test/ is on the map', () => {
  const named = new Set(MAP.match(/test\/[\w./-]+\.(?:ts|js)/g) ?? []);
  expect(files('test').filter((f) => !named.has(f))).toEqual([]);
});

test('every file the map names exists', () => {
  const named = [...new Set(MAP.match(/(?:test|docs|scripts)\/[\w./-]+\.(?:ts|js|md)/g) ?? [])];
  expect(named.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
});
