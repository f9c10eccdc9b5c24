/**
 * What the self-check inserts and asks of the host, decided here (pure) so both hosts do the same:
 * every template with the example, in new sheets whose names carry a unique prefix ("✓k3f9 Roadmap"), and
 * one formula per custom function (its documented example) on a scratch sheet of the same prefix.
 */
import * as msg from '../core/messages';
import { REGISTRY } from '../functions';
import { TEMPLATES, compileTemplate } from '../templates/index';
import type { RenderPlan } from '../plan/plan';
import type { CheckResult, SelfCheckOptions } from './report';

/** Every template, each inserted with the example (the full workbook included: its sheets link to each other). */
export const SELF_CHECK_TEMPLATES: readonly string[] = TEMPLATES.map((t) => t.id);

/** The templates a run checks: those asked for (known ids only), or all. */
export function templatesToCheck(options?: SelfCheckOptions): readonly string[] {
  const asked = options?.templates;
  return Array.isArray(asked) ? SELF_CHECK_TEMPLATES.filter((id) => asked.includes(id)) : SELF_CHECK_TEMPLATES;
}

/**
 * A prefix no sheet of the workbook starts with: "✓" and four base-36 characters from the clock. Short, so
 * prefix + the longest template sheet name (20) + a " (2)" suffix stays within Excel's 31 characters.
 */
export function selfCheckPrefix(now: Date, existingSheets: readonly string[]): string {
  let n = Math.floor(now.getTime() / 1000) % 36 ** 4;
  const taken = (p: string): boolean => existingSheets.some((s) => s.startsWith(p));
  let prefix = `✓${n.toString(36).padStart(4, '0')} `;
  while (taken(prefix)) {
    n = (n + 1) % 36 ** 4;
    prefix = `✓${n.toString(36).padStart(4, '0')} `;
  }
  return prefix;
}

/** A valid defined-name prefix for the same run ("✓k3f9 " → "TSTk3f9_"). */
export function namePrefix(prefix: string): string {
  return `TST${prefix.replace(/[^A-Za-z0-9]/g, '')}_`;
}

/** The template's example plan with every sheet and named range under the run's prefix. */
export function selfCheckPlan(id: string, prefix: string, now: Date): RenderPlan {
  const plan = compileTemplate(id, { example: true, now });
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, name: `${prefix}${s.name}` })),
    namedRanges: plan.namedRanges.map((n) => ({ ...n, name: `${namePrefix(prefix)}${n.name}` })),
  };
}

/** The scratch sheet the custom functions are called on. */
export const functionsSheetName = (prefix: string): string => `${prefix}Functions`;

export interface FunctionProbe {
  name: string;
  /** The formula as documented (Sheets names, en-US syntax). */
  formula: string;
  /** The documented result, one entry per cell (a spilled column has several). */
  expected: string[];
}

/** Rows between two probes on the scratch sheet: room for a result spilled down (or across). */
export const PROBE_ROWS = 4;

/** Where probe `i` goes on the scratch sheet: column A, one block of PROBE_ROWS rows each (1-based row). */
export const probeRow = (i: number): number => 1 + i * PROBE_ROWS;

/**
 * One call per custom function: its first documented example that needs no cells and gives a value (not an
 * error message) in one column (the hosts read column A: WEIGHT_TIPPING_POINT's 4×2 array is not probed). Each goes
 * in column A at probeRow(i), so a result spilled down has room.
 */
export function functionProbes(): FunctionProbe[] {
  return REGISTRY.flatMap((f) => {
    const e = f.examples.find(
      (x) =>
        !x.result.startsWith('#') &&
        !x.result.includes(', ') &&
        !/\b[A-Z]{1,3}\d+\b/.test(x.formula.replace(/"[^"]*"/g, '')),
    );
    return e ? [{ name: f.name, formula: e.formula, expected: e.result.split(';').map((s) => s.trim()) }] : [];
  });
}

/** The formula in Excel's namespace: `=PRIORITY_SCORE(` → `=STRATEGY.PRIORITY_SCORE(`. */
export function inNamespace(formula: string, namespace: string): string {
  const ours = new Set(REGISTRY.map((f) => f.name));
  return formula.replace(/(^|[^.\w])([A-Z][A-Z0-9_]*)\(/g, (m, before: string, name: string) =>
    ours.has(name) ? `${before}${namespace}${name}(` : m,
  );
}

/** What the host says while a custom function is still calculating ("Loading..." in Sheets, #BUSY! in Excel). */
export const isPending = (v: unknown): boolean => v === 'Loading...' || v === '#BUSY!' || v === 'Loading…';

/** A host's value against the documented result text (numbers to 10 significant digits, as the docs print them). */
function sameResult(got: unknown, expected: string): boolean {
  if (typeof got === 'number') return Number(got.toPrecision(10)) === Number(expected);
  return String(got) === expected;
}

/** The check of one custom function from the cells it filled (one per expected value, top down). */
export function functionCheck(p: FunctionProbe, got: unknown[]): CheckResult {
  const shownGot = got.map((v) => (v === '' ? '(blank)' : String(v))).join('; ');
  const ok = p.expected.every((e, i) => sameResult(got[i], e));
  let detail = ok ? `${p.formula} → ${shownGot}` : `${p.formula} gave ${shownGot}; expected ${p.expected.join('; ')}`;
  if (!ok && got.some((v) => v === '#NAME?'))
    detail +=
      '. The host does not know the function yet: in Google Sheets open Extensions ▸ Tech Strategy once in this spreadsheet; in Excel reload the add-in.';
  if (!ok && got.some(isPending)) detail += '. The host had not finished calculating when the check read it.';
  return { group: 'Custom functions', name: p.name, ok, detail };
}

/**
 * Which way this Excel hands an empty cell of a range to a custom function (office-js#4702, #5262): a 2×2 block of
 * ratings with one empty cell, next to the probes. Passed as a blank, the first row scores 4 (the blank is not
 * rated); passed as 0 (older desktop builds), that row is "Rating must be a number from 1 to 5 (got 0)": #VALUE!.
 * The adapter reads rows left wholly empty as blank either way (excel-addin/src/functions/empty-cells.ts).
 */
export const EMPTY_CELL_PROBE = {
  /** Top-left of the block (0-based row, column) on the scratch sheet, and its cells (null: left empty). */
  row: 0,
  col: 2,
  cells: [
    [4, null],
    [2, 4],
  ] as (number | null)[][],
  /** Where the formula goes (0-based column, same row) and what it is (Sheets names; Excel adds its namespace). */
  formulaCol: 4,
  formula: '=HEALTH_SCORE(C1:D2)',
};

/** The report's line about empty cells, from the probe's first result. Informational: both behaviours are handled. */
export function emptyCellsCheck(got: unknown): CheckResult {
  const name = 'Empty cells in a range';
  if (got === 4) return { group: 'Custom functions', name, ok: true, detail: msg.EMPTY_CELLS_BLANK };
  if (got === '#VALUE!') return { group: 'Custom functions', name, ok: true, detail: msg.EMPTY_CELLS_ZERO };
  return { group: 'Custom functions', name, ok: false, detail: msg.emptyCellsUnknown(String(got)) };
}
