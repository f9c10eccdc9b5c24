/**
 * Markdown that no cell can steer (issue #22): the strategy document's element structure, as a CommonMark renderer
 * (commonmark.js, the reference implementation) parses it, is the same whatever the workbook's text cells hold.
 * Every free-text cell (theme names, drivers, owners, initiatives, principles, trade-offs, objectives, health
 * evidence, metric names) gets a generated hostile string: line breaks of every kind (CRLF, lone CR, NEL, LS/PS,
 * `_x000D_`), ESC and BEL, block markers (#, -, +, 1., >, ```, ---), inline syntax (*, _, `, [, <, &entities;), a
 * table's "|". The same workbook with each distinct string replaced by a plain token ("T3") is the reference: the
 * two documents must have the same sequence of elements (text aside), every table row as many cells as its header,
 * and no control character.
 */
import fc from 'fast-check';
import { strategyMarkdown } from '../../shared/strategy/document';
import type { ReadCell, ReadSheet } from '../../shared/strategy/read';
import type { SheetSpec } from '../../shared/spec/spec';
import { BUSINESS_CONTEXT_SHEET } from '../../shared/catalogue/business-context';
import { HEALTH_SHEET } from '../../shared/catalogue/health';
import { METRICS_SHEET } from '../../shared/catalogue/metrics';
import { NOT_DOING_SHEET } from '../../shared/catalogue/not-doing';
import { PRINCIPLES_SHEET } from '../../shared/catalogue/principles';
import { ROADMAP_SHEET } from '../../shared/catalogue/roadmap';
import { THEMES_SHEET } from '../../shared/catalogue/themes';

interface CmNode {
  type: string;
  level?: number;
  listType?: string;
  literal?: string | null;
}
interface CmWalker {
  next(): { entering: boolean; node: CmNode } | null;
}
// commonmark ships no types: the two calls used here.
const commonmark = require('commonmark') as {
  Parser: new () => { parse(s: string): { walker(): CmWalker } };
};

const NOW = new Date(2026, 11, 1, 12);

/** The elements a renderer builds, in order (entering only; text nodes left out: their content is the data). */
function structure(markdown: string): string[] {
  const walker = new commonmark.Parser().parse(markdown).walker();
  const out: string[] = [];
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering || e.node.type === 'text') continue;
    out.push([e.node.type, e.node.level ?? '', e.node.listType ?? ''].join(':'));
  }
  return out;
}

const PIECES = [
  '\r\n',
  '\r',
  '\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\v',
  '\f',
  '\t',
  '\x1b[31m',
  '\x07',
  '\x00',
  '\x9b',
  '_x000D_',
  '_x000A_',
  '# ',
  '## x',
  '- ',
  '+ ',
  '* ',
  '1. ',
  '2) ',
  '> ',
  '---',
  '===',
  '```',
  '~~~',
  '|',
  '\\',
  '`',
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '<b>',
  '<!--',
  '&amp;',
  '&#10;',
  '&#x23;',
  '![',
  '<https://x.example>',
  '[a]: /u',
  '    ',
  '  ',
  ' ',
  'x',
  'Theme',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

/** Hostile strings distinct once trimmed and lower-cased (so exact and case-insensitive matching agree). */
const pool = fc.uniqueArray(hostile, { minLength: 12, maxLength: 12, selector: (s) => s.trim().toLowerCase() });

function sheet(spec: SheetSpec, rows: Record<string, ReadCell>[]): ReadSheet {
  const cols = spec.columns.filter((c) => !c.hidden && !c.headerFormula);
  return {
    name: spec.name,
    rows: [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => r[c.key]))],
  };
}

/** A workbook whose free-text cells take strings from `p` (indices chosen so themes are matched by name). */
function workbook(p: string[]): ReadSheet[] {
  return [
    sheet(THEMES_SHEET, [
      { name: p[0], driver: p[1], implication: p[2], criteria: p[3], timeline: p[4], owner: p[5] },
      { name: p[6], driver: p[7], implication: 'x', criteria: 'y', timeline: '12 months', owner: p[5] },
    ]),
    sheet(ROADMAP_SHEET, [
      { initiative: p[8], theme: p[0], quarter: 'Q1', owner: p[9], status: 'Done' },
      { initiative: p[10], theme: p[6], quarter: 'Q2', owner: p[5], status: 'Planned' },
      { initiative: p[11], theme: p[3], quarter: 'Q2', owner: '', status: 'In Progress' },
    ]),
    sheet(PRINCIPLES_SHEET, [{ principle: p[1], stance: p[2], practice: p[7] }]),
    sheet(NOT_DOING_SHEET, [{ item: p[4], why: p[8], theme: p[0] }]),
    sheet(BUSINESS_CONTEXT_SHEET, [
      { section: 'Objective', item: p[9], detail: p[10], owner: p[11], theme: p[6] },
      { section: 'Critical Metric', item: p[2] },
      { section: 'Constraint', item: 'Budget flat', detail: p[3] },
    ]),
    sheet(HEALTH_SHEET, [
      { dimension: p[5], rating: 2, evidence: p[1], impact: p[11], target: 4 },
      { dimension: p[7], rating: 4, evidence: p[0], impact: '', target: 4 },
    ]),
    sheet(METRICS_SHEET, [
      { theme: p[0], business: p[3], technical: p[9], baseline: 10, current: 5, target: 1, timeline: 'Q2' },
    ]),
  ];
}

function markdown(p: string[]): string {
  const r = strategyMarkdown(workbook(p), NOW);
  if ('missing' in r) throw new Error(`missing ${r.missing.join(', ')}`);
  return r.markdown;
}

/** Each table row has as many cells as its header (GFM splits a row at every unescaped "|"). */
function tableWidths(md: string): number[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length);
}

test('the document has the same elements whatever the cells hold (commonmark.js)', () => {
  fc.assert(
    fc.property(pool, (p) => {
      const tokens = p.map((s, i) => (s.trim() === '' ? '' : `T${i}`));
      const [theirs, plain] = [markdown(p), markdown(tokens)];
      expect(structure(theirs)).toEqual(structure(plain));
      expect(tableWidths(theirs)).toEqual(tableWidths(plain));
      // eslint-disable-next-line no-control-regex
      expect(theirs).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|_x000[dDaA]_/);
    }),
    { numRuns: 300 },
  );
});

test('a theme name with a carriage return as Excel stores it (_x000D_, a lone CR) stays inside its heading', () => {
  const name = 'Faster_x000D_\r# Injected heading\r- item\r---\x1b[2J\x07';
  const md = markdown([name, ...Array.from({ length: 11 }, (_x, i) => `v${i}`)]);
  expect(md).toContain('### Theme 1: Faster  \\# Injected heading - item ---\\[2J\n');
  expect(structure(md).filter((t) => t === 'heading:3:')).toHaveLength(
    structure(markdown(Array.from({ length: 12 }, (_x, i) => `v${i}`))).filter((t) => t === 'heading:3:').length,
  );
});
