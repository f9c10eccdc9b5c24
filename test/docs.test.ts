/**
 * The committed function reference is the one the registry generates (run `npm run docs` after changing an entry);
 * docs/host-api-notes.md cites the host's documentation (or says "unverified") for every claim about a protection, a
 * download or the clipboard (issue #21).
 */
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

/** The bullets of a section of docs/host-api-notes.md (sub-bullets on their own), each joined onto one line. */
function bullets(section: string): string[] {
  const notes = fs.readFileSync(path.resolve(__dirname, '../docs/host-api-notes.md'), 'utf8');
  const start = notes.indexOf(`## ${section}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = notes.indexOf('\n## ', start + 1);
  const out: string[] = [];
  for (const line of notes.slice(start, end < 0 ? undefined : end).split('\n')) {
    if (/^\s*- /.test(line)) out.push(line.trim());
    else if (/^\s+\S/.test(line) && out.length > 0) out[out.length - 1] += ` ${line.trim()}`;
  }
  return out;
}

/**
 * A source: a documentation page named in italics or by address, a reported issue (office-js#1991, #2513), an
 * explicit "unverified" / "not documented", or a test of ours that plays it.
 */
const CITES =
  /(?<!\*)\*[A-Z][^*]+\*(?!\*)|developers\.google\.com|learn\.microsoft\.com|https:\/\/|office-js#\d+|#\d{3,}|\bunverified\b|not documented|undocumented|`(test|ui|excel-addin|apps-script|shared|preview)\/[\w/.-]+`/i;

test('docs/host-api-notes.md: every claim about a protection, a download or the clipboard cites its source or says it is unverified', () => {
  const claims = [
    ...bullets('Security policy'),
    ...bullets('Downloads and the clipboard in the panels (the Progress tab)'),
  ];
  expect(claims.length).toBeGreaterThanOrEqual(10);
  // A sentence saying what a host does (names it) about a protection, a download or the clipboard.
  const host = /Office|Excel|Sheets|HtmlService|Google|\bMac\b|Windows|iOS|Android|sandbox|browser|CDN|platform/;
  const about = /protect|sandbox|polic|meta|download|clipboard|cop(y|ied)|origin|allow|block|ignore/i;
  const sentences = claims.flatMap((c) => c.split(/(?<=\.)\s+(?=[A-Z"(])/));
  const uncited = sentences.filter((c) => host.test(c) && about.test(c) && !CITES.test(c));
  expect(uncited).toEqual([]);
});
