/** Architecture rules a newcomer could break without noticing. */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );

test('shared/ (the core) imports nothing from the hosts, the UI, the preview or any package', () => {
  for (const f of tsFiles('shared')) {
    for (const spec of importsOf(f)) {
      expect(`${f} → ${spec}`).toMatch(/→ \.\.?\//);
      const target = path.resolve(path.dirname(path.join(ROOT, f)), spec);
      expect(path.relative(ROOT, target).startsWith('shared')).toBe(true);
    }
  }
});

test('the GPL formula engine is never imported by add-in code', () => {
  for (const dir of ['shared', 'apps-script', 'excel-addin', 'ui']) {
    for (const f of tsFiles(dir))
      expect(
        `${f}: ${importsOf(f)
          .filter((s) => /hyperformula/i.test(s))
          .join(',')}`,
      ).toBe(`${f}: `);
  }
});

test('TypeScript is pinned below 7 (ts-jest and ts-loader need its JS API)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.devDependencies.typescript).toMatch(/^[~^]?[56]\./);
  expect(require('typescript').version).toMatch(/^[56]\./);
});
