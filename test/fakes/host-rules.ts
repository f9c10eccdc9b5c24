/**
 * What the hosts refuse, as pure rules the Sheets and Excel fakes apply (issue #25), each from its documentation.
 * Kept apart from the fakes' state so each rule can be read (and merged) on its own.
 *
 * Names of ranges:
 *  - Excel ("Names in formulas", https://support.microsoft.com/office/names-in-formulas-fc2935f9-115d-4bef-a370-3aa8bb4c91f1,
 *    "Learn about syntax rules for names"): the first character a letter, an underscore or a backslash; the rest
 *    letters, numbers, periods and underscores; no spaces; not a cell reference (A1, R1C1); "C", "c", "R", "r"
 *    cannot be names; at most 255 characters; case-insensitive.
 *  - Google Sheets ("Name a range", https://support.google.com/docs/answer/63175): "Can contain only letters,
 *    numbers, and underscores. Can't start with a number, or the words 'true' or 'false.' Can't contain any spaces
 *    or punctuation. Must be 1–250 characters. Can't be in either A1 or R1C1 syntax."
 * Worksheet names (Excel, "Rename a worksheet", https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9):
 *    not blank, at most 31 characters, none of / \ ? * : [ ], not beginning or ending with an apostrophe,
 *    not "History" (reserved by Excel).
 * Requirement sets (https://learn.microsoft.com/javascript/api/requirement-sets): `isSetSupported(name, version)`
 *    answers for the documented set names; a name that is not a requirement set is not supported (false).
 */

/** An A1 reference ("A1", "xfd1048576", "$B$2") within a grid of `maxCols` × `maxRows`. */
function isA1(name: string, maxCols: number, maxRows: number): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(name);
  if (!m) return false;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return col <= maxCols && row >= 1 && row <= maxRows;
}

/** An R1C1 reference ("R1C1", "r2c", "RC3", "R", "C"). */
const isR1C1 = (name: string): boolean => /^[Rr]\d*(?:[Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);

/** Why Excel refuses `name` for a defined name, or undefined when it takes it. */
export function excelNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return 'a name has 1 to 255 characters';
  if (/\s/.test(name)) return 'a name has no spaces';
  if (!/^[\p{L}_\\]/u.test(name)) return 'a name starts with a letter, an underscore or a backslash';
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name))
    return 'a name holds only letters, numbers, periods and underscores';
  if (isA1(name, 16384, 1048576) || isR1C1(name)) return 'a name cannot be a cell reference';
  return undefined;
}

/** Why Google Sheets refuses `name` for a named range, or undefined when it takes it. */
export function sheetsNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 250) return 'a range name has 1 to 250 characters';
  if (!/^[\p{L}\p{N}_]+$/u.test(name)) return 'a range name holds only letters, numbers and underscores';
  if (/^\p{N}/u.test(name)) return 'a range name cannot start with a number';
  if (/^(true|false)/i.test(name)) return "a range name cannot start with 'true' or 'false'";
  if (isA1(name, 18278, 10_000_000) || isR1C1(name)) return 'a range name cannot be in A1 or R1C1 syntax';
  return undefined;
}

/** Why Excel refuses `name` for a worksheet, or undefined when it takes it. */
export function excelSheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > 31) return 'a sheet name has at most 31 characters';
  if (/[/\\?*:[\]]/.test(name)) return 'a sheet name has none of / \\ ? * : [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name does not begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}

/** The requirement-set names Office documents for Excel add-ins (and the common APIs they may query). */
export const REQUIREMENT_SETS = new Set([
  'ExcelApi',
  'ExcelApiOnline',
  'CustomFunctionsRuntime',
  'SharedRuntime',
  'AddinCommands',
  'RibbonApi',
  'ContextMenuApi',
  'KeyboardShortcuts',
  'DialogApi',
  'DialogOrigin',
  'IdentityAPI',
  'NestedAppAuth',
  'OpenBrowserWindowApi',
  'DevicePermissionService',
  'ImageCoercion',
  'BindingEvents',
  'DocumentEvents',
  'File',
  'MatrixBindings',
  'MatrixCoercion',
  'PdfFile',
  'Selection',
  'Settings',
  'TableBindings',
  'TableCoercion',
  'TextBindings',
  'TextCoercion',
]);

/** Versions of the documented sets other than ExcelApi that a current Excel supports (their latest). */
const OTHER_SET_VERSIONS: Record<string, string> = {
  ExcelApiOnline: '1.1',
  CustomFunctionsRuntime: '1.4',
  SharedRuntime: '1.1',
  AddinCommands: '1.1',
  RibbonApi: '1.2',
  DialogApi: '1.2',
  IdentityAPI: '1.3',
};

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2 = 0] = have.split('.').map(Number);
  const [b1, b2 = 0] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/**
 * `Office.context.requirements.isSetSupported(name, minVersion)` for a host at ExcelApi `apiVersion` (undefined:
 * the newest): ExcelApi by that version, other documented sets by their latest version, anything else false
 * (a misspelt or made-up set is not supported; names as documented, e.g. "ExcelApi", not "excelapi").
 */
export function requirementSupported(
  apiVersion: string | undefined,
  name: string,
  minVersion?: string | number,
): boolean {
  if (!REQUIREMENT_SETS.has(name)) return false;
  const want = String(minVersion ?? '1.1');
  if (name === 'ExcelApi') return apiVersion === undefined || versionAtLeast(apiVersion, want);
  const have = OTHER_SET_VERSIONS[name];
  return have !== undefined && versionAtLeast(have, want);
}

// ---------- Excel enums, read from @types/office-js ----------

let enums: Map<string, Record<string, string>> | undefined;

/**
 * Every string enum of the `Excel` namespace in @types/office-js (`enum ChartType { barStacked = "BarStacked", … }`),
 * read once: the members a script can use and the values the host accepts.
 */
export function excelEnums(): Map<string, Record<string, string>> {
  if (enums) return enums;
  const fs = require('fs') as typeof import('fs');
  const text = fs.readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const start = text.indexOf('declare namespace Excel {');
  const end = text.indexOf('\ndeclare namespace ', start + 1);
  const excel = text.slice(start, end < 0 ? undefined : end);
  enums = new Map();
  for (const m of excel.matchAll(/\n {4}enum (\w+) \{([\s\S]*?)\n {4}\}/g)) {
    const members: Record<string, string> = {};
    for (const v of m[2].matchAll(/^\s+(\w+) = "([^"]*)",?$/gm)) members[v[1]] = v[2];
    enums.set(m[1], members);
  }
  return enums;
}

/** Hands the enums over where @types/office-js cannot be read (the browser page of test/fakes/excel-page.ts). */
export function useExcelEnums(data: Record<string, Record<string, string>>): void {
  enums = new Map(Object.entries(data));
}

/** `Excel.<enumName>` as Office.js has it (members to values), or undefined when Excel has no such enum. */
export function excelEnum(enumName: string): Readonly<Record<string, string>> | undefined {
  const members = excelEnums().get(enumName);
  return members ? Object.freeze({ ...members }) : undefined;
}

/** Whether `value` is one of the values of `Excel.<enumName>` (Office.js takes the string values). */
export function isExcelEnumValue(enumName: string, value: string): boolean {
  return Object.values(excelEnums().get(enumName) ?? {}).includes(value);
}
