/**
 * `tech-strategy-toolkit document`: the example workbook written by the CLI becomes the strategy document (the
 * sample in docs/ is that document); tolerant reading; errors and exit codes. The same workbook re-saved by
 * LibreOffice: test/cli/document-libreoffice.test.ts.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { failAfterUpdate } from '../harness/tools';
import { useExampleWorkbook, runCli, type CliRun } from './document-cli';

const SAMPLE = path.join(__dirname, '..', '..', 'docs', 'strategy-example.md');
const example = useExampleWorkbook();

const cli = (argv: string[], now?: Date): Promise<CliRun> => runCli(example.dir, argv, now);

test('the example workbook gives the sample document in docs/', async () => {
  const r = await cli(['document', example.workbook, '--out', '-']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  if (process.env.UPDATE_SAMPLE) {
    fs.writeFileSync(SAMPLE, r.out);
    failAfterUpdate('UPDATE_SAMPLE', [path.relative(process.cwd(), SAMPLE)]);
  }
  expect(r.out).toBe(fs.readFileSync(SAMPLE, 'utf8'));
  for (const heading of [
    '## Executive Summary',
    '## Business Context',
    '## Strategic Themes',
    '### Theme 4: Data-Driven Product',
    '## Technical Principles',
    '## Roadmap',
    "## What We're Not Doing (and Why)",
    '## Metrics',
    '## Organization & Resources',
    "## How We'll Work",
    '## Strategy Review: Open Findings',
  ])
    expect(r.out).toContain(`\n${heading}\n`);
  expect(r.out).toContain(
    '| Global Scale & Performance | EMEA revenue | p95 latency | N/A | 350ms | \\<200ms |   | No due date |',
  );
  // The title comes from the workbook; nothing the example holds is left as a placeholder.
  expect(r.out.split('\n')[0]).toMatch(/^# Technical Strategy: Example SaaS Co\. \d{4}/);
  expect(r.out).not.toContain('not in the workbook yet');
  // Each initiative once: "Refactor" (Don't Do) only under What We're Not Doing (the weight-sensitivity line names it
  // as a decision, not an initiative).
  expect(r.out.replace(/^\*\*Weight sensitivity\*\*.*$/m, '').match(/Refactor/g)).toHaveLength(1);
  expect(r.out).toContain("- **Refactor** — Don't Do in the prioritization (impact 4, effort 7)");
  expect(r.out).not.toMatch(/Budget\*\*: Budget:/);
});

test('writes the file, refuses to overwrite without --force, overwrites with it', async () => {
  const out = path.join(example.dir, 'strategy.md');
  fs.rmSync(out, { force: true });
  expect((await cli(['document', example.workbook, '--out', out])).code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Technical Strategy: Example SaaS Co\. /); // the workbook's title
  fs.writeFileSync(out, 'mine');
  const again = await cli(['document', example.workbook, '--out', out]);
  expect(again.code).toBe(1);
  expect(again.err).toContain('already exists; nothing was written');
  expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  expect((await cli(['document', example.workbook, '--out', out, '--force', '--title', 'Acme 2027'])).code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Acme 2027\n/);
});

test('a workbook without the Strategic Themes sheet: exit 3 naming it and the sheets found', async () => {
  const file = path.join(example.dir, 'roadmap-only.xlsx');
  expect((await cli(['workbook', '--templates', 'roadmap', '--example', '--out', file])).code).toBe(0);
  const r = await cli(['document', file, '--out', path.join(example.dir, 'x.md')]);
  expect(r.code).toBe(3);
  expect(r.err).toContain('has no "Strategic Themes" sheet (found: "Roadmap"');
  expect(fs.existsSync(path.join(example.dir, 'x.md'))).toBe(false);
});

test('sheets found by name with a suffix, columns by header wherever they are; optional sheets may be missing', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Strategic Themes (2)').addRows([
    ['Notes', 'Owner', 'Theme', 'Success Criteria'],
    ['extra column', 'Ann', 'Faster Checkout', 'p95 < 1s'],
  ]);
  wb.addWorksheet('Roadmap (2)').addRows([
    ['Status', 'Initiative', 'Quarter', 'Theme', 'Owner'],
    ['Done', 'New payment API', 'Q1', 'Faster Checkout', ''],
  ]);
  const file = path.join(example.dir, 'moved.xlsx');
  await wb.xlsx.writeFile(file);
  const r = await cli(['document', file, '--out', '-']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('### Theme 1: Faster Checkout');
  expect(r.out).toContain('- **Owner**: Ann');
  expect(r.out).toContain('| New payment API | Faster Checkout |   | Done |');
  // The review names the roadmap item without an owner.
  expect(r.out).toMatch(/✗ \| Projects and roadmap items without an owner \| 1 \| New payment API \|/);
  expect(r.out).toContain('_[Technical health scorecard: not in the workbook yet]_');
});

test('bad usage and unreadable input', async () => {
  expect((await cli(['document'])).code).toBe(2);
  expect((await cli(['document', example.workbook])).err).toContain('--out <strategy.md> is required');
  expect((await cli(['document', example.workbook, '--out', '-', '--bogus'])).code).toBe(2);
  const missing = await cli(['document', path.join(example.dir, 'nope.xlsx'), '--out', '-']);
  expect([missing.code, missing.err]).toEqual([
    1,
    'Error: nope.xlsx does not exist.\n'.replace('nope', path.join(example.dir, 'nope')),
  ]);
  const notXlsx = path.join(example.dir, 'text.xlsx');
  fs.writeFileSync(notXlsx, 'not a zip');
  const bad = await cli(['document', notXlsx, '--out', '-']);
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('could not read');
  expect((await cli(['document', '--help'])).out).toContain('Exit codes: 0 written, 1 could not read or write');
});
