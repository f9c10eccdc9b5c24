/**
 * `tech-strategy-toolkit workbook [--example] [--templates a,b] --out strategy.xlsx [--force]`
 *
 * Writes the full strategy workbook (or the chosen templates) as an .xlsx file from the same
 * render plans the add-ins insert. Exit codes: 0 written, 1 could not write, 2 bad usage.
 */
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { RenderPlan } from '../shared/plan/plan';
import { modelFromPlans } from '../xlsx/model';
import { writeXlsx } from '../xlsx/writer';
import { maxOf } from '../shared/core/extremes';
import { outTargetProblem, replace, writeFailureText, writeNew } from './write-file';
import { runDocument } from './document';
import * as msg from './messages';

export interface CatalogEntry {
  id: string;
  name: string;
  description: string;
  sheets: string[];
}

/** Where templates come from: the template catalogue (shared/templates) or a test fixture. */
export interface Catalog {
  templates: CatalogEntry[];
  compile(id: string, options: { example: boolean }): RenderPlan;
  /** The template written when no --templates is given (the full strategy workbook). */
  defaultIds: string[];
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const USAGE = `Usage: tech-strategy-toolkit workbook --out <file.xlsx> [--example] [--templates <id,id,...>] [--force]

Writes the technical strategy workbook as an Excel file (.xlsx) with live formulas,
dropdown validation, conditional formats, named ranges, frozen headers and charts.

Options:
  --out <file>, -o <file>  where to write the workbook (required; must end in .xlsx)
  --example                fill the sheets with the worked example from the strategy guide
  --blank                  empty sheets, no example (the default; cancels an earlier --example)
  --templates <ids>        comma-separated template ids instead of the full workbook
                           (run with --list to see them)
  --force                  overwrite <file> if it exists
  --list                   list the template ids and exit
  --help, -h               show this help

The templates' charts are native charts of the file; every sheet is set up to print.
Exit codes: 0 written, 1 could not write, 2 bad usage.

       tech-strategy-toolkit document <workbook.xlsx> --out <strategy.md> [--force]
Writes the strategy document (Markdown) from a workbook (document --help for details).`;

export interface Options {
  command: 'workbook' | 'help' | 'list';
  out?: string;
  example: boolean;
  templates?: string[];
  force: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Options {
  const o: Options = { command: 'workbook', example: false, force: false };
  const args = [...argv];
  if (args[0] === 'workbook') args.shift();
  else if (args[0] === 'help') return { ...o, command: 'help' };
  else if (args.length > 0 && !args[0].startsWith('-')) throw new UsageError(msg.unknownCommand(args[0]));
  const value = (flag: string, inline: string | undefined): string => {
    const v = inline ?? args.shift();
    if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new UsageError(msg.needsValue(flag));
    return v;
  };
  while (args.length > 0) {
    const a = args.shift()!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    switch (flag) {
      case '--help':
      case '-h':
        return { ...o, command: 'help' };
      case '--list':
        o.command = 'list';
        break;
      case '--example':
        o.example = true;
        break;
      case '--blank':
        o.example = false;
        break;
      case '--force':
        o.force = true;
        break;
      case '--out':
      case '-o':
        o.out = value(flag, inline);
        break;
      case '--templates':
      case '--template':
      case '-t': {
        const ids = value(flag, inline)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (ids.length === 0) throw new UsageError(msg.needsTemplateIds(flag));
        o.templates = [...(o.templates ?? []), ...ids];
        break;
      }
      default:
        throw new UsageError(flag.startsWith('-') ? msg.unknownOption(flag) : msg.unexpectedArgument(flag));
    }
  }
  return o;
}

function listText(catalog: Catalog): string {
  const width = maxOf(
    catalog.templates.map((t) => t.id.length),
    0,
  );
  return catalog.templates.map((t) => `  ${t.id.padEnd(width)}  ${t.name}: ${t.description}`).join('\n');
}

/**
 * Writes the file atomically: without --force the name is claimed by a hard link (no-clobber, even against a
 * file created meanwhile); with --force a rename replaces the old file whole, keeping its permissions
 * (cli/write-file.ts). Reports a failure and returns false.
 */
function commit(target: string, bytes: Uint8Array, o: Options, io: Io): boolean {
  try {
    if (o.force) replace(target, bytes);
    else writeNew(target, bytes);
    return true;
  } catch (e) {
    io.err(msg.errorLine(writeFailureText(e, o.out!, 'workbook')));
    return false;
  }
}

/** Runs the CLI; returns the exit code (never calls process.exit, so tests can run it in-process). */
export async function run(argv: string[], catalog: Catalog, excel: typeof ExcelJS, io: Io): Promise<number> {
  if (argv[0] === 'document') return runDocument(argv.slice(1), io);
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(msg.usageError(e.message, USAGE));
    return 2;
  }
  if (o.command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (o.command === 'list') {
    io.out(`Templates:\n${listText(catalog)}\n`);
    return 0;
  }
  const job = checkJob(o, catalog, io);
  if (typeof job === 'number') return job;
  const started = Date.now();
  const plans = job.ids.map((id) => catalog.compile(id, { example: o.example }));
  const model = modelFromPlans(plans);
  const bytes = await writeXlsx(excel, model, { title: plans.length === 1 ? plans[0].title : 'Technical strategy' });
  if (!commit(job.target, bytes, o, io)) return 1;
  io.out(summary(job.out, o.example, model, Date.now() - started));
  return 0;
}

/** What to write and where, or the exit code of a bad request (said on stderr): 2 bad usage, 1 cannot write there. */
function checkJob(o: Options, catalog: Catalog, io: Io): { out: string; target: string; ids: string[] } | number {
  if (!o.out) {
    io.err(msg.usageError(msg.outRequired('<file.xlsx>'), USAGE));
    return 2;
  }
  if (!/\.xlsx$/i.test(o.out)) {
    io.err(msg.errorLine(msg.outMustBeXlsx(o.out)));
    return 2;
  }
  const ids = o.templates ?? catalog.defaultIds;
  const known = new Set(catalog.templates.map((t) => t.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    io.err(msg.errorLine(msg.unknownTemplates(unknown, listText(catalog))));
    return 2;
  }
  const problem = outTargetProblem(io.cwd, o.out, o.force);
  if (problem) {
    io.err(msg.errorLine(problem));
    return 1;
  }
  return { out: o.out, target: path.resolve(io.cwd, o.out), ids: [...new Set(ids)] };
}

/** "Wrote strategy.xlsx (11 sheets, with the example: …) in 812 ms." and how many charts it holds. */
function summary(out: string, example: boolean, model: ReturnType<typeof modelFromPlans>, ms: number): string {
  const charts = model.sheets.reduce((n, s) => n + s.charts.length, 0);
  const names = model.sheets.map((s) => s.name).join(', ');
  return (
    `Wrote ${out} (${model.sheets.length} sheets${example ? ', with the example' : ''}: ${names}) in ${ms} ms.\n` +
    (charts > 0 ? `With ${charts} chart${charts === 1 ? '' : 's'}, drawn from the sheets' cells.\n` : '')
  );
}
