/**
 * A HyperFormula function plugin generated from the function registry.
 *
 * Every registry entry becomes one HyperFormula function whose method evaluates the raw
 * arguments (cells, ranges, omitted arguments) and hands them, untouched, to the core's
 * `invoke` — the same broadcasting engine the Sheets and Excel adapters call. So blanks,
 * range shapes and error messages in the preview are exactly the hosts'. Results map back:
 * numbers and texts as values, a core `CellError` as a HyperFormula error carrying the same
 * message, a multi-cell result as a spilled array.
 *
 * HyperFormula is GPLv3 (or commercial): this file is used only by the local preview and by
 * tests, never by the add-in bundles (see docs/preview.md).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { FunctionMetadata, FunctionPluginDefinition, ImplementedFunctions } from 'hyperformula';
import { REGISTRY } from '../../shared/functions';
import { defaultContext, invoke } from '../../shared/functions/invoke';
import { isRangeParam, type FunctionSpec, type InvokeContext } from '../../shared/functions/spec';
import { CellError as CoreCellError, isCellError, type Result } from '../../shared/core/values';

/** The parts of HyperFormula's AST and interpreter state we touch (deep typings are not exported). */
interface CallAst {
  args: { type?: string }[];
}
type State = never;

/** HyperFormula's error types as the codes a spreadsheet shows (what the core expects from a host). */
const ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NAME: '#NAME?',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
  CYCLE: '#CYCLE!',
  REF: '#REF!',
  SPILL: '#SPILL!',
  LIC: '#LIC!',
  ERROR: '#ERROR!',
};

/**
 * One HyperFormula value as a host would pass it: numbers (dates are serial numbers, as in
 * Excel), texts and booleans as they are, an empty cell as null, an error as an error object
 * with the spreadsheet's code (the shape of Excel's `CustomFunctions.Error`).
 */
export function toHostValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return { code: ERROR_CODES[v.type] ?? '#VALUE!', message: v.message ?? '' };
  if (typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number')
    return (v as { val: number }).val; // dates, currencies, percents
  return v;
}

function toHostArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toHostValue));
  return toHostValue(v);
}

function toHfValue(r: Result): number | string | CellError {
  if (isCellError(r)) return new CellError(r.code === '#N/A' ? ErrorType.NA : ErrorType.VALUE, r.message);
  return r;
}

/** What the engine keeps for an array result: one value for a single cell, a spilled range otherwise. */
export function toHfResult(
  grid: Result[][],
  spills = grid.length > 1 || grid[0].length > 1,
): number | string | CellError | SimpleRangeValue {
  if (!spills) return toHfValue(grid[0][0]);
  return SimpleRangeValue.onlyValues(grid.map((row) => row.map(toHfValue)));
}

type Size = { width: number; height: number };

/**
 * Result shapes of the whole-range functions, as their registry entries document them (the engine must
 * reserve the cells before anything runs, and a host spills exactly what the function returns):
 * HEALTH_SCORE gives one score for a row or a column and one per row for a block; PRIORITY_PLAN one
 * planned quarter per project row (one column wide); TEAM_SCORE and TEAM_SPREAD read ratings as HEALTH_SCORE does;
 * RANK_STABILITY and PLAN_CONFIDENCE take the shape of their first range; WEIGHT_TIPPING_POINT is always 4×2.
 */
const WHOLE_SHAPES: Record<string, (sizes: Size[]) => Size> = {
  HEALTH_SCORE: ([ratings]) =>
    !ratings || ratings.width === 1 || ratings.height === 1
      ? { width: 1, height: 1 }
      : { width: 1, height: ratings.height },
  PRIORITY_PLAN: ([scores, efforts]) => ({ width: 1, height: Math.max(scores?.height ?? 1, efforts?.height ?? 1) }),
  // Several raters' ratings: as HEALTH_SCORE, one result for a row or a column, one per row for a block.
  TEAM_SCORE: (sizes) => WHOLE_SHAPES.HEALTH_SCORE(sizes),
  TEAM_SPREAD: (sizes) => WHOLE_SHAPES.HEALTH_SCORE(sizes),
  // One result per project, in the shape of the first range (a column gives a column, a row a row).
  RANK_STABILITY: ([impact]) => impact ?? { width: 1, height: 1 },
  PLAN_CONFIDENCE: ([scores]) => scores ?? { width: 1, height: 1 },
  // Always 4 rows (impact, urgency, effort, risk) by 2 columns (increase, decrease).
  WEIGHT_TIPPING_POINT: () => ({ width: 2, height: 4 }),
};

/**
 * The result size, predicted before any value is known (HyperFormula reserves the spill area).
 * Cell-by-cell parameters broadcast: the result has the size of the ranges they get. A `whole`
 * function takes the shape its entry documents (WHOLE_SHAPES); one not listed there returns one row
 * per input row, as wide as its widest argument.
 */
export function predictSize(spec: FunctionSpec, sizes: Size[]): Size {
  const documented = spec.whole ? WHOLE_SHAPES[spec.name] : undefined;
  if (documented) return documented(sizes);
  let width = 1;
  let height = 1;
  sizes.forEach((s, i) => {
    const p = spec.params[i];
    if (!p) return;
    if (!spec.whole && (isRangeParam(p) || p.shape === 'single')) return;
    width = Math.max(width, s.width);
    height = Math.max(height, s.height);
  });
  return { width, height };
}

/** Cuts or keeps a result to the size reserved for it; a result that does not fit says so in its last cell. */
function fitTo(grid: Result[][], size: { width: number; height: number }): Result[][] {
  if (grid.length <= size.height && grid.every((r) => r.length <= size.width)) return grid;
  const cut = grid.slice(0, size.height).map((r) => r.slice(0, size.width));
  cut[cut.length - 1][cut[0].length - 1] = new CoreCellError(
    `The result has ${grid.length}×${grid[0].length} cells but only ${size.height}×${size.width} were reserved`,
  );
  return cut;
}

const methodName = (name: string): string => `fn_${name}`;
const sizeMethodName = (name: string): string => `size_${name}`;

export interface PluginOptions {
  registry?: readonly FunctionSpec[];
  context?: InvokeContext;
}

/** Builds the plugin class: one method and one size method per registry entry. */
export function buildRegistryPlugin(options: PluginOptions = {}): FunctionPluginDefinition {
  const registry = options.registry ?? REGISTRY;
  const ctx = options.context ?? defaultContext;

  class RegistryPlugin extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};

    /** Evaluates arguments and runs the core; used by every generated method. */
    run(spec: FunctionSpec, ast: CallAst, state: State): number | string | CellError | SimpleRangeValue {
      if (ast.args.length > spec.params.length) {
        return new CellError(
          ErrorType.NA,
          `${spec.name} takes at most ${spec.params.length} arguments (got ${ast.args.length})`,
        );
      }
      const raw = ast.args.map((a) =>
        a.type === 'EMPTY' ? undefined : toHostArg(this.evaluateAst(a as never, state)),
      );
      const grid = invoke(spec, raw, ctx);
      const size = this.size(spec, ast, state);
      // Where a range was reserved, even a one-cell error is returned as a range (the rest stays blank).
      return toHfResult(fitTo(grid, size), size.width > 1 || size.height > 1);
    }

    size(spec: FunctionSpec, ast: CallAst, state: State): { width: number; height: number } {
      const sizes = ast.args.map((a) =>
        a.type === 'EMPTY' ? { width: 1, height: 1 } : this.arraySizeForAst(a as never, state),
      );
      return predictSize(spec, sizes);
    }
  }

  const proto = RegistryPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of registry) {
    proto[methodName(spec.name)] = function (this: RegistryPlugin, ast: CallAst, state: State) {
      return this.run(spec, ast, state);
    };
    proto[sizeMethodName(spec.name)] = function (this: RegistryPlugin, ast: CallAst, state: State) {
      const s = this.size(spec, ast, state);
      return new ArraySize(s.width, s.height);
    };
    const metadata: FunctionMetadata = {
      method: methodName(spec.name),
      sizeOfResultArrayMethod: sizeMethodName(spec.name),
      // Arguments are evaluated by the method itself (raw, ranges whole): the core checks them.
      parameters: spec.params.map(() => ({ argumentType: 'ANY' as never, optionalArg: true })),
      isVolatile: false,
    };
    RegistryPlugin.implementedFunctions[spec.name] = metadata;
  }
  return RegistryPlugin as unknown as FunctionPluginDefinition;
}

/** Function names as translations for every language HyperFormula knows (the names stay English). */
export function translations(registry: readonly FunctionSpec[] = REGISTRY): Record<string, Record<string, string>> {
  const names: Record<string, string> = {};
  for (const f of registry) names[f.name] = f.name;
  return { enGB: names };
}

let registered = false;

/** Registers the registry plugin once per HyperFormula module instance. */
export function registerRegistryFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(buildRegistryPlugin(), translations());
  registered = true;
}

/** Engine settings shared by the preview and the tests. */
export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  // Ranges given to ordinary operators do not spill (as in a classic spreadsheet); our functions spill.
  useArrayArithmetic: false,
  // Values exactly as computed (the hosts return full doubles); the grid formats them for display.
  smartRounding: false,
} as const;
