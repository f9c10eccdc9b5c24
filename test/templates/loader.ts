/**
 * Loads a compiled template into HyperFormula (GPLv3: tests and the local preview only, never bundled):
 * resolves names and placeholders against a workbook, creates every sheet and named range, and
 * reads back computed values by sheet key, column key and A1 address.
 */
import { HyperFormula, type ConfigParams, type RawCellContent } from 'hyperformula';
import { layoutSheet, columnIndex } from '../../shared/compiler/compile';
import type { ExistingNames, PlanCell, RenderPlan, SheetPlan } from '../../shared/plan/plan';
import { quoteSheet, resolvePlan, type Resolution } from '../../shared/plan/resolve';
import { cellsFor } from '../../shared/plan/host-cells';
import { registerRegistryFunctions } from '../../preview/engine/plugin';

export type EngineValue = number | string | boolean | null | { error: string; message: string };

/** Columns whose number format is text ("@"): what a user types there stays text, as in both hosts. */
function textColumns(s: SheetPlan): Set<number> {
  const out = new Set<number>();
  for (const nf of s.numberFormats) {
    if (nf.format !== '@') continue;
    const m = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(nf.range);
    if (!m) continue;
    const a = columnIndex(m[1]);
    const b = m[2] ? columnIndex(m[2]) : a;
    for (let c = a; c <= b; c++) out.add(c);
  }
  return out;
}

/** A plan cell as a host would hold it; texts in text-formatted columns are forced to stay text. */
export function toRaw(v: PlanCell, textColumn: boolean): RawCellContent {
  if (v === null) return null;
  if (typeof v === 'string' && !v.startsWith('=') && textColumn) return `'${v}`;
  return v;
}

export interface LoadedPlan {
  hf: HyperFormula;
  plan: RenderPlan;
  resolution: Resolution;
  sheetId(key: string): number;
  /** Value at an A1 address of a sheet (by key). */
  at(key: string, a1: string): EngineValue;
  /** All values of the sheet (by key). */
  values(key: string): EngineValue[][];
  destroy(): void;
}

export function normalise(v: unknown): EngineValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') {
    const e = v as { value?: string; message?: string };
    return { error: String(e.value), message: String(e.message ?? '') };
  }
  return v as number | string | boolean;
}

export function isEngineError(v: EngineValue): v is { error: string; message: string } {
  return typeof v === 'object' && v !== null;
}

/** Builds a HyperFormula workbook from a plan, after resolving it against `existing` (default: an empty workbook). */
export interface LoadOptions {
  /** Engine settings over the defaults (a comma-decimal locale: decimalSeparator ",", functionArgSeparator ";"…). */
  config?: Partial<ConfigParams>;
  /** Rewrites each formula before it is loaded (e.g. into that locale's syntax). */
  formula?: (f: string) => string;
  /**
   * The cells that call the add-in's own functions (RANK_STABILITY…) as the preview's engine holds them: by their
   * plain names, with the functions registered, so they compute live. Without, the plan's base cells: the values of
   * when the plan was compiled, as the .xlsx holds them.
   */
  addIn?: boolean;
}

/** A sheet's cells, with the add-in's calls by their plain names when asked (host-cells.ts cellsFor). */
function baseCells(s: SheetPlan, addIn: boolean): PlanCell[][] {
  if (!addIn) return s.cells.map((row) => row.slice());
  registerRegistryFunctions();
  return cellsFor({ ...s, hostCells: s.hostCells?.filter((h) => h.addIn) }, 'sheets', 'plain');
}

export function loadPlan(
  plan: RenderPlan,
  existing: ExistingNames = { sheets: [], namedRanges: [] },
  overrides?: Record<string, Record<string, PlanCell>>,
  options: LoadOptions = {},
): LoadedPlan {
  const { plan: resolved, resolution } = resolvePlan(plan, existing);
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of resolved.sheets) {
    const text = textColumns(s);
    const cells = baseCells(s, options.addIn === true);
    for (const [a1, v] of Object.entries(overrides?.[s.key] ?? {})) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      cells[Number(m[2]) - 1][columnIndex(m[1])] = v;
    }
    const rewrite = options.formula ?? ((f: string) => f);
    sheets[s.name] = cells.map((row) =>
      row.map((v, c) => toRaw(typeof v === 'string' && v.startsWith('=') ? rewrite(v) : v, text.has(c))),
    );
  }
  const named = resolved.namedRanges.map((n) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(n.range)!;
    return { name: n.name, expression: `=${quoteSheet(resolution.sheets[n.sheet])}!$${m[1]}$${m[2]}:$${m[3]}$${m[4]}` };
  });
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', ...options.config }, named);
  const sheetId = (key: string): number => {
    const name = resolution.sheets[key];
    const id = name === undefined ? undefined : hf.getSheetId(name);
    if (id === undefined) throw new Error(`No sheet for key ${key}`);
    return id;
  };
  return {
    hf,
    plan: resolved,
    resolution,
    sheetId,
    at: (key, a1) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      return normalise(hf.getCellValue({ sheet: sheetId(key), row: Number(m[2]) - 1, col: columnIndex(m[1]) }));
    },
    values: (key) => hf.getSheetValues(sheetId(key)).map((row) => row.map(normalise)),
    destroy: () => hf.destroy(),
  };
}

/** Column letter of a column key on a sheet spec's layout (helper for tests). */
export { layoutSheet };
