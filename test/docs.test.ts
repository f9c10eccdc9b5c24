/** The committed function reference is the one the registry generates (run `npm run docs` after changing an entry). */
import * as fs from 'fs';
import * as path from 'path';
import { REGISTRY } from '../shared/functions';
import { renderMarkdown } from '../shared/docs/reference';

const FILE = path.resolve(__dirname, '../docs/functions.md');

test('docs/functions.md is current: it equals renderMarkdown() of the registry', () => {
  expect(fs.existsSync(FILE)).toBe(true);
  const committed = fs.readFileSync(FILE, 'utf8');
  // A plain equality; on failure run `npm run docs` and commit docs/functions.md.
  expect(committed === renderMarkdown()).toBe(true);
});

test('the reference has a section with signature, arguments and examples for every function', () => {
  const md = renderMarkdown();
  for (const f of REGISTRY) {
    const start = md.indexOf(`### ${f.name}\n`);
    expect(start).toBeGreaterThan(0);
    const end = md.indexOf('\n### ', start + 1);
    const section = md.slice(start, end < 0 ? undefined : end);
    expect(section).toContain(`${f.name}(`);
    for (const p of f.params) expect(section).toContain(`| ${p.name}`);
    expect(section).toContain('**Examples**');
    expect(f.examples.length).toBeGreaterThanOrEqual(2);
  }
});

test('the reference states the decisions a user needs: DORA source, status rules, fiscal year label, Sheets and TODAY()', () => {
  const md = renderMarkdown();
  expect(md).toContain('2021 Accelerate State of DevOps Report');
  expect(md).toMatch(/On track" when progress ≥ elapsed share/);
  expect(md).toMatch(/labelled with the calendar year in which it ENDS/);
  expect(md).toMatch(/refuses volatile functions such as TODAY\(\)/);
  expect(md).toMatch(/below 2 Critical, below 3 At risk, below 4 Healthy, 4 and above Strong/);
});
