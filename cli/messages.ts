/**
 * Every sentence the command line writes to standard error, for both commands (`workbook`, `document`), built in
 * one place so the same problem reads the same in both (the core's sentences are in shared/core/messages.ts).
 * A message is `Error: <what happened>` and, when there is one, what to do about it.
 */
import { DOCUMENT_SHEETS_ADVICE } from '../shared/core/messages';

/** The reason of a failed read or write, as the system gave it. */
function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A line for standard error: `Error: …` and a newline. */
export function errorLine(text: string): string {
  return `Error: ${text}\n`;
}

/** A usage error, then the command's usage text. */
export function usageError(text: string, usage: string): string {
  return `Error: ${text}\n\n${usage}\n`;
}

// ---------------------------------------------------------------------------------------------
// Usage (the text of a usage error: usageError adds "Error:" and the usage)

export const unknownCommand = (command: string): string =>
  `Unknown command "${command}": the commands are "workbook" and "document".`;
export const needsValue = (flag: string): string => `${flag} needs a value.`;
export const needsTemplateIds = (flag: string): string => `${flag} needs at least one template id.`;
export const unknownOption = (flag: string): string => `Unknown option "${flag}".`;
/** An argument that is not an option; `hint` says what the command takes instead. */
export const unexpectedArgument = (arg: string, hint?: string): string =>
  `Unexpected argument "${arg}"${hint ? `: ${hint}` : ''}.`;
/** `--out <file.xlsx> is required.`; `or` names another way ("--out - for standard output"). */
export const outRequired = (file: string, or?: string): string =>
  `--out ${file} is required${or ? ` (or ${or})` : ''}.`;
export const giveWorkbook = 'give the workbook to read: document <workbook.xlsx> --out <strategy.md>';

// ---------------------------------------------------------------------------------------------
// Files (errorLine adds "Error:")

export const outMustBeXlsx = (out: string): string => `--out must name an .xlsx file (got "${out}").`;
/** Template ids the catalogue does not have, then every valid id (`list`: one line per template). */
export const unknownTemplates = (ids: readonly string[], list: string): string =>
  `unknown template ${ids.map((u) => `"${u}"`).join(', ')}. Valid ids:\n${list}`;
export const noSuchFile = (file: string): string => `${file} does not exist.`;
export const noSuchFolder = (folder: string): string => `the folder ${folder || '.'} does not exist.`;

/**
 * The output exists and --force was not given; `appearedWhile` (a file named `what`, e.g. "workbook") when it was
 * created by someone else while this command was writing.
 */
export function outputExists(out: string, appearedWhile?: string): string {
  const meanwhile = appearedWhile ? ` (it appeared while the ${appearedWhile} was being written)` : '';
  return `${out} already exists${meanwhile}; nothing was written. Use --force to overwrite it, or choose another --out.`;
}

export const couldNotWrite = (out: string, e: unknown): string => `could not write ${out}: ${reason(e)}`;
export const couldNotRead = (input: string, e: unknown): string =>
  `could not read ${input} as an .xlsx workbook: ${reason(e)}`;

/** `strategy.xlsx has no "Strategic Themes" sheet (found: "Roadmap"). Insert the Strategic Themes template, …`. */
export function workbookLacksSheets(input: string, missing: readonly string[], found: readonly string[]): string {
  const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');
  const advice = DOCUMENT_SHEETS_ADVICE.charAt(0).toUpperCase() + DOCUMENT_SHEETS_ADVICE.slice(1);
  return `${input} has no ${quoted(missing)} sheet (found: ${quoted(found) || 'no sheets'}). ${advice}.`;
}

// ---------------------------------------------------------------------------------------------
// Reading a workbook in bounded time and memory (the reason after "could not read <file> as an .xlsx workbook: ")

const count = (n: number): string => n.toLocaleString('en-US');
/** A limit of the reader exceeded: `more than 1,024 columns in sheet "Roadmap" (the most the document reads)`. */
export const readLimit = (what: string, cap: number, where: string): string =>
  `more than ${count(cap)} ${what} in ${where} (the most the document command reads)`;
export const xmlLimit = (part: string, cap: number): string =>
  `a tag longer than ${count(cap)} characters in ${part} (the most the document command reads)`;
export const xmlDoctype = (part: string): string =>
  `${part} holds a document type declaration (<!DOCTYPE>), which no spreadsheet writes; it is not read`;
/** The input is not a regular file (`kind`: "a named pipe (FIFO)", "a device", "a folder"…). */
export const inputNotRegular = (file: string, kind: string): string =>
  `${file} is ${kind}, not a regular file: give the path of an .xlsx workbook file.`;
export const inputTooLarge = (file: string, cap: number): string =>
  `${file} is larger than ${count(cap / (1024 * 1024))} MB, the largest workbook the document command reads.`;

// ---------------------------------------------------------------------------------------------
// Safe outputs

export const outputIsInput = (out: string, input: string): string =>
  `--out ${out} is the workbook being read (${input}); nothing was written. Choose another --out.`;
/** The output exists and is not a regular file (a device, a pipe, a folder…): never replaced, even with --force. */
export const outputNotRegular = (out: string, kind: string): string =>
  `${out} is ${kind}, not a regular file; it is never replaced, even with --force. Choose another --out.`;

/** A failure no other message covers: its reason only, never a stack trace. */
export const unexpectedFailure = (e: unknown): string =>
  `the command stopped unexpectedly: ${reason(e)}. Nothing was written unless a "Wrote" line said so.`;
