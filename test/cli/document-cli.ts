/**
 * The CLI run in-process for the `document` tests: the example workbook written with the clock fixed on the day
 * the docs/ sample was generated for, and a run whose output and errors are captured.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../cli/main';
import { catalog } from '../../cli/catalog';
import type { Catalog } from '../../cli/main';
import type { DocumentIo } from '../../cli/document';
import { compileTemplate } from '../../shared/templates';

/** The day the sample was generated for (the example's dates are placed relative to it). */
export const SAMPLE_NOW = new Date(2026, 11, 1, 12);
/** The CLI's catalogue with the clock fixed, so the example workbook is the sample's. */
const fixedCatalog: Catalog = {
  ...catalog,
  compile: (id, o) => compileTemplate(id, { ...o, now: SAMPLE_NOW }),
};

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI with `argv` in `dir`, "now" being `now`. */
export async function runCli(dir: string, argv: string[], now = SAMPLE_NOW): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: DocumentIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => now };
  const code = await run(argv, fixedCatalog, ExcelJS, io);
  return { code, out, err };
}

/** The folder and the example workbook of a suite (set before its tests, removed after them). */
export interface ExampleWorkbook {
  dir: string;
  workbook: string;
}

/** Registers the suite's hooks: a fresh folder holding the example workbook (`example.xlsx`) the CLI wrote. */
export function useExampleWorkbook(): ExampleWorkbook {
  const fixture: ExampleWorkbook = { dir: '', workbook: '' };
  beforeAll(async () => {
    fixture.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-doc-'));
    fixture.workbook = path.join(fixture.dir, 'example.xlsx');
    const r = await runCli(fixture.dir, ['workbook', '--example', '--out', fixture.workbook]);
    if (r.code !== 0) throw new Error(`the CLI could not write the example workbook: ${r.err}`);
  }, 60000);
  afterAll(() => fs.rmSync(fixture.dir, { recursive: true, force: true }));
  return fixture;
}
