/**
 * `tech-strategy-toolkit document <workbook.xlsx> --out strategy.md [--force] [--title "…"]`
 *
 * Turns a strategy workbook into the strategy document (Markdown), in three pure phases after reading the
 * file: sheets of values (xlsx → ReadSheet[], cli/read-workbook.ts, bounded in time and memory) → StrategyData (shared/strategy/read.ts) → document
 * model (model.ts) → Markdown (markdown.ts). Exit codes: 0 written, 1 could not read or write (or the
 * output exists without --force), 2 bad usage, 3 the workbook lacks a required sheet.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strategyMarkdown } from '../shared/strategy/document';
import type { ReadSheet } from '../shared/strategy/read';
import { InputRefused } from './input-file';
import { readWorkbookFile } from './read-workbook';
import * as msg from './messages';
import { outTargetProblem, replace, writeFailureText, writeNew } from './write-file';

export const DOCUMENT_USAGE = `Usage: tech-strategy-toolkit document <workbook.xlsx> --out <strategy.md> [--force] [--title <text>]

Writes the strategy document (Markdown) from a strategy workbook: one written by this tool, by Excel,
by Google Sheets (File > Download > .xlsx) or by LibreOffice. Sheets are found by name ("Roadmap",
"Roadmap (2)") or by their headers, columns by header; only "Strategic Themes" is required.

Options:
  --out <file>, -o <file>  where to write the document (.md), or "-" for standard output
  --title <text>           the document title (default: "Technical Strategy: <Company> <Year>" from
                           the Organization & Ways of Working sheet, else "Technical Strategy")
  --force                  overwrite <file> if it exists
  --help, -h               show this help

Exit codes: 0 written, 1 could not read or write, 2 bad usage, 3 a required sheet is missing.`;

/** Where the command writes its messages (the CLI's Io), and the clock "today" is taken from. */
export interface DocumentIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The moment "today" is taken from (tests pass a fixed one). */
  now?: () => Date;
}

interface DocumentOptions {
  input?: string;
  out?: string;
  force: boolean;
  title?: string;
  help: boolean;
}

class DocumentUsageError extends Error {}

function parseDocumentArgs(argv: string[]): DocumentOptions {
  const o: DocumentOptions = { force: false, help: false };
  const args = argv.slice();
  while (args.length > 0) {
    const a = args.shift()!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || (inline === undefined && v.startsWith('-') && v !== '-'))
        throw new DocumentUsageError(msg.needsValue(flag));
      return v;
    };
    if (flag === '--help' || flag === '-h') o.help = true;
    else if (flag === '--force') o.force = true;
    else if (flag === '--out' || flag === '-o') o.out = value();
    else if (flag === '--title') o.title = value();
    else if (flag.startsWith('-')) throw new DocumentUsageError(msg.unknownOption(flag));
    else if (o.input === undefined) o.input = flag;
    else throw new DocumentUsageError(msg.unexpectedArgument(flag, 'give one workbook'));
  }
  return o;
}

/** Phases 2–4 on sheets already read: the Markdown, or which required sheets are missing. */
export const documentFromSheets = strategyMarkdown;

/** Writes the document: no-clobber without --force, a whole replacement with it (cli/write-file.ts). */
function commitText(target: string, text: string, force: boolean): void {
  const bytes = new TextEncoder().encode(text);
  if (force) replace(target, bytes);
  else writeNew(target, bytes);
}

/** Checks the arguments and the output path; an exit code when the run must stop. */
function checkPaths(o: DocumentOptions, io: DocumentIo): number | undefined {
  if (!o.input) return usage(io, msg.giveWorkbook);
  if (!o.out) return usage(io, msg.outRequired('<strategy.md>', '--out - for standard output'));
  const input = path.resolve(io.cwd, o.input);
  if (!fs.existsSync(input)) {
    io.err(msg.errorLine(msg.noSuchFile(o.input)));
    return 1;
  }
  if (o.out === '-') return undefined;
  const problem = outTargetProblem(io.cwd, o.out, o.force, input);
  if (!problem) return undefined;
  io.err(msg.errorLine(problem));
  return 1;
}

function usage(io: DocumentIo, message: string): number {
  io.err(msg.usageError(message, DOCUMENT_USAGE));
  return 2;
}

/** Runs `document`; returns the exit code. */
export async function runDocument(argv: string[], io: DocumentIo): Promise<number> {
  let o: DocumentOptions;
  try {
    o = parseDocumentArgs(argv);
  } catch (e) {
    if (!(e instanceof DocumentUsageError)) throw e;
    return usage(io, e.message);
  }
  if (o.help) {
    io.out(`${DOCUMENT_USAGE}\n`);
    return 0;
  }
  const stop = checkPaths(o, io);
  if (stop !== undefined) return stop;
  let sheets: ReadSheet[];
  try {
    sheets = await readWorkbookFile(path.resolve(io.cwd, o.input!), o.input!);
  } catch (e) {
    io.err(msg.errorLine(e instanceof InputRefused ? e.message : msg.couldNotRead(o.input!, e)));
    return 1;
  }
  const result = documentFromSheets(sheets, (io.now ?? (() => new Date()))(), o.title);
  if ('missing' in result) {
    io.err(
      msg.errorLine(
        msg.workbookLacksSheets(
          o.input!,
          result.missing,
          sheets.map((s) => s.name),
        ),
      ),
    );
    return 3;
  }
  if (o.out === '-') {
    io.out(result.markdown);
    return 0;
  }
  try {
    commitText(path.resolve(io.cwd, o.out!), result.markdown, o.force);
  } catch (e) {
    io.err(msg.errorLine(writeFailureText(e, o.out!, 'document')));
    return 1;
  }
  io.out(`Wrote ${o.out} (${result.markdown.split('\n').length} lines) from ${o.input}.\n`);
  return 0;
}
