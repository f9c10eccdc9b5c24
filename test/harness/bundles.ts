/**
 * Loads the BUILT add-in bundles (dist/) in Node vm contexts with host fakes, so tests exercise
 * exactly what ships. Run `npm run build` first (npm test does).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import {
  createCustomFunctionsFake,
  emptyRangeCell,
  type CustomFunctionsFake,
  type EmptyCells,
} from '../fakes/custom-functions';

export const DIST = path.resolve(__dirname, '../../dist');

/** The folders the bundles are built from: a source newer than a bundle means `dist/` tests old code. */
export const BUNDLE_SOURCES = ['shared', 'apps-script', 'excel-addin', 'ui'];

/** The newest file under the bundles' source folders: its path and modification time (ms). */
export function newestSource(root = path.resolve(DIST, '..')): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') visit(full);
      } else if (e.isFile()) {
        const mtimeMs = fs.statSync(full).mtimeMs;
        if (mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, full), mtimeMs };
      }
    }
  };
  for (const top of BUNDLE_SOURCES) if (fs.existsSync(path.join(root, top))) visit(path.join(root, top));
  return newest;
}

/** Refuses a bundle older than its newest source, naming both (webpack rewrites every file: compareBeforeEmit off). */
export function assertFresh(rel: string, bundleMtimeMs: number, newest: { file: string; mtimeMs: number }): void {
  if (bundleMtimeMs >= newest.mtimeMs) return;
  throw new Error(
    `dist/${rel} is older than ${newest.file}: run \`npm run build\` (the bundle tests run dist/ as it ships, so a stale build tests old code)`,
  );
}

let sourcesNewest: { file: string; mtimeMs: number } | undefined;

export function readDist(rel: string): string {
  const file = path.join(DIST, rel);
  if (!fs.existsSync(file)) throw new Error(`${rel} is missing: run \`npm run build\` before the bundle tests`);
  sourcesNewest ??= newestSource();
  assertFresh(rel, fs.statSync(file).mtimeMs, sourcesNewest);
  return fs.readFileSync(file, 'utf8');
}

export interface SheetsBundle {
  context: vm.Context;
  code: string;
  /** Calls a top-level function of Code.js, as Sheets would. */
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
}

/** Loads dist/apps-script/Code.js with the given Apps Script globals (SpreadsheetApp, HtmlService, …). */
export function loadSheetsBundle(globals: Record<string, unknown> = {}): SheetsBundle {
  const code = readDist('apps-script/Code.js');
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    context,
    code,
    has: (name) => typeof context[name] === 'function',
    call(name, ...args) {
      const f = context[name];
      if (typeof f !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return f(...args);
    },
  };
}

export interface ExcelBundle {
  context: vm.Context;
  customFunctions: CustomFunctionsFake;
  /** What this Excel passes for an empty cell of a range argument (test/fakes/custom-functions.ts). */
  emptyCells: EmptyCells;
  /** Calls an associated custom function with Excel-style arguments (optional ones null). */
  call(id: string, ...args: unknown[]): unknown;
}

/** Loads dist/excel-addin/functions.js with a recording CustomFunctions fake (and any other globals). */
export function loadExcelBundle(globals: Record<string, unknown> = {}, emptyCells: EmptyCells = 'blank'): ExcelBundle {
  const code = readDist('excel-addin/functions.js');
  const customFunctions = createCustomFunctionsFake();
  const context = vm.createContext({ CustomFunctions: customFunctions, ...globals });
  vm.runInContext(code, context, { filename: 'functions.js' });
  return {
    context,
    customFunctions,
    emptyCells,
    call(id, ...args) {
      const f = customFunctions.registered.get(id);
      if (!f) throw new Error(`functions.js did not associate ${id}`);
      return f(...args);
    },
  };
}

/** One host-independent view of a result: numbers, texts, blanks ("") and { error: message }. */
export type Normal = number | string | { error: string };

const SHEETS_ERROR_TEXT = /^#(VALUE!|N\/A) /;

/** Runs a Sheets custom function and normalises what the cell(s) would show. */
export function sheetsResult(bundle: SheetsBundle, name: string, args: unknown[]): Normal[][] {
  let out: unknown;
  try {
    out = bundle.call(name, ...args);
  } catch (e) {
    return [[{ error: (e as Error).message }]];
  }
  const grid = Array.isArray(out) ? (out as unknown[][]) : [[out]];
  return grid.map((row) =>
    row.map((v) =>
      typeof v === 'string' && SHEETS_ERROR_TEXT.test(v) ? { error: v.replace(SHEETS_ERROR_TEXT, '') } : (v as Normal),
    ),
  );
}

/** Runs an Excel custom function (omitted optional arguments are null, as Excel passes them). */
export function excelResult(bundle: ExcelBundle, name: string, args: unknown[], paramCount: number): Normal[][] {
  const full = Array.from({ length: paramCount }, (_, i) =>
    i < args.length ? toExcelArg(args[i], bundle.emptyCells) : null,
  );
  let out: unknown;
  try {
    out = bundle.call(name, ...full);
  } catch (e) {
    return [[{ error: `threw: ${(e as Error).message}` }]];
  }
  if (!Array.isArray(out)) return [[{ error: `not a matrix: ${JSON.stringify(out)}` }]];
  return (out as unknown[][]).map((row) =>
    row.map((v) => {
      if (v && typeof v === 'object' && 'code' in v) return { error: String((v as { message?: string }).message) };
      return v as Normal;
    }),
  );
}

/** Excel passes every argument of a matrix parameter as a 2-D array, and dates as serial numbers. */
export function toExcelArg(v: unknown, emptyCells: EmptyCells = 'blank'): unknown {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map((row) => (row as unknown[]).map((c) => toExcelCell(c, emptyCells)));
  return [[toExcelCell(v, 'blank')]];
}

function toExcelCell(v: unknown, emptyCells: EmptyCells): unknown {
  if (v instanceof Date) {
    // Excel's 1900 date system: serial 60 is a 29 February 1900 that never was, so earlier days are one lower.
    const days = Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
    return days < 61 ? days - 1 : days;
  }
  // Excel gives an empty cell inside a matrix argument as "" (type any) and never undefined; older desktop builds 0.
  if (v === undefined || v === null || v === '') return emptyRangeCell(emptyCells);
  return v;
}
