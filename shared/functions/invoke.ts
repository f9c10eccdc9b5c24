/**
 * The one place where arguments are normalised, ranges broadcast, blanks handled and
 * exceptions contained, for every registry entry. Host adapters call `invoke` and convert
 * the returned grid of results into their own values and errors.
 */
import { checkCell } from '../core/args';
import * as msg from '../core/messages';
import { dims, isSingle, shapeText, toGrid, type Grid } from '../core/grid';
import { BLANK, CellError, isBlank, isCellError, showValue, type Result } from '../core/values';
import {
  isRangeParam,
  type CellParam,
  type FunctionSpec,
  type InvokeContext,
  type ParamValue,
  type RangeParam,
} from './spec';

export const defaultContext: InvokeContext = { now: () => new Date() };

/** True when an argument was left out (hosts pass undefined, Excel passes null for omitted optionals). */
function omitted(raw: unknown): boolean {
  return raw === undefined || raw === null;
}

/** Reads the raw arguments into grids; an error for a missing required argument or a malformed range. */
export function readGrids(spec: FunctionSpec, rawArgs: readonly unknown[]): (Grid | undefined)[] | CellError {
  const grids: (Grid | undefined)[] = [];
  for (let i = 0; i < spec.params.length; i++) {
    const p = spec.params[i];
    const raw = rawArgs[i];
    if (omitted(raw)) {
      if (!p.optional) return new CellError(msg.required(p.label, spec.name, signature(spec)));
      grids.push(undefined);
      continue;
    }
    const g = toGrid(raw);
    if (g && 'problem' in g) return new CellError(msg.mustBe(p.label, 'a cell or a range', g.problem));
    // A blank cell or an all-blank range given for an optional whole-range argument (weights) takes its default,
    // like every other blank optional argument.
    grids.push(p.optional && isRangeParam(p) && g && allBlank(g) ? undefined : g);
  }
  return grids;
}

function allBlank(g: Grid): boolean {
  return g.every((row) => row.every(isBlank));
}

export function signature(spec: FunctionSpec): string {
  const parts = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `(${parts.join(', ')})`;
}

/**
 * Checks one cell for a parameter; optional parameters take their default when blank. The result is typed by the
 * parameter (`ParamValue`): its type's value, or its default, which is `undefined` only for an optional one without.
 */
export function readCell<P extends CellParam>(p: P, v: unknown): ParamValue<P> | CellError {
  if (p.optional && isBlank(v)) return p.default as ParamValue<P>;
  const r = checkCell(p.label, p.type, v, showValue);
  return r.ok ? (r.value as ParamValue<P>) : new CellError(r.message);
}

/** Reads a `single` parameter: exactly one cell. */
export function readSingle<P extends CellParam>(p: P, g: Grid | undefined): ParamValue<P> | CellError {
  if (g === undefined) return p.default as ParamValue<P>;
  if (!isSingle(g)) return new CellError(msg.mustBe(p.label, 'a single cell', shapeText(g)));
  return readCell(p, g[0][0]);
}

function readRangeParam(p: RangeParam, g: Grid | undefined): unknown {
  if (g === undefined) return p.default;
  try {
    return p.read(g, p.label);
  } catch (e) {
    return internalError(p.label, e);
  }
}

function internalError(where: string, e: unknown): CellError {
  return new CellError(msg.unexpected(where, e instanceof Error ? e.message : String(e)));
}

/** Final check on what an implementation returned: only finite numbers, texts and errors leave the core. */
function settle(name: string, r: unknown): Result {
  if (isCellError(r)) return r;
  if (typeof r === 'number')
    return Number.isFinite(r) ? (Object.is(r, -0) ? 0 : r) : new CellError(msg.noFiniteResult(name));
  if (typeof r === 'string') return r;
  return new CellError(msg.noResult(name));
}

/**
 * Runs a registry entry on raw host arguments (cells or 2-D ranges).
 * Always returns a rectangular grid of results; never throws.
 */
export function invoke(
  spec: FunctionSpec,
  rawArgs: readonly unknown[],
  ctx: InvokeContext = defaultContext,
): Result[][] {
  try {
    const grids = readGrids(spec, rawArgs);
    if (isCellError(grids)) return [[grids]];
    if (spec.whole) {
      // The grids of required arguments are there (readGrids checked): what defineFunction typed `whole` with.
      const out = spec.whole(grids as never, ctx);
      if (isCellError(out)) return [[out]];
      return out.map((row) => row.map((r) => settle(spec.name, r)));
    }
    return broadcast(spec, grids, ctx);
  } catch (e) {
    return [[internalError(spec.name, e)]];
  }
}

/**
 * Cell by cell: reads the whole-range and single-cell arguments once, checks that the ranges have one shape, then
 * calls `each` per position with that position's values (a blank row gives a blank, a bad argument its error).
 */
function broadcast(spec: FunctionSpec, grids: (Grid | undefined)[], ctx: InvokeContext): Result[][] {
  const each = spec.each;
  if (!each) return [[new CellError(msg.noImplementation(spec.name))]];
  const fixed = readFixed(spec, grids);
  if (isCellError(fixed)) return [[fixed]];
  const shape = outputShape(spec, grids, fixed.eachIdx);
  if (isCellError(shape)) return [[shape]];
  const blanks = blankGrids(spec, grids, fixed.eachIdx);
  const perCell = perCellArgs(spec, grids, fixed.eachIdx);
  const args = fixed.values.slice();
  const out: Result[][] = [];
  for (let r = 0; r < shape[0]; r++) {
    const row: Result[] = [];
    for (let c = 0; c < shape[1]; c++) {
      if (blanks.length > 0 && blanks.every((g) => isBlank(g[r][c]))) row.push(BLANK);
      else row.push(resultAt(spec, each, ctx, perCell, args, r, c));
    }
    out.push(row);
  }
  return out;
}

/** The whole-range and single-cell arguments, read once (`values`, by parameter index), and which parameters go cell by cell. */
function readFixed(
  spec: FunctionSpec,
  grids: (Grid | undefined)[],
): { values: unknown[]; eachIdx: number[] } | CellError {
  const values: unknown[] = [];
  const eachIdx: number[] = [];
  for (let i = 0; i < spec.params.length; i++) {
    const p = spec.params[i];
    if (!isRangeParam(p) && p.shape !== 'single') {
      eachIdx.push(i);
      continue;
    }
    const v = isRangeParam(p) ? readRangeParam(p, grids[i]) : readSingle(p, grids[i]);
    if (isCellError(v)) return v;
    values[i] = v;
  }
  return { values, eachIdx };
}

/** Rows × columns of the result: every range given to a cell-by-cell parameter must have the same size. */
function outputShape(spec: FunctionSpec, grids: (Grid | undefined)[], eachIdx: number[]): [number, number] | CellError {
  let shapeFrom = -1;
  for (const i of eachIdx) {
    const g = grids[i];
    if (!g || isSingle(g)) continue;
    if (shapeFrom < 0) {
      shapeFrom = i;
      continue;
    }
    const [r0, c0] = dims(grids[shapeFrom]!);
    const [r1, c1] = dims(g);
    if (r0 !== r1 || c0 !== c1) {
      const a = spec.params[shapeFrom].label;
      const b = spec.params[i].label;
      return new CellError(msg.shapeMismatch(a, shapeText(grids[shapeFrom]!), b, shapeText(g)));
    }
  }
  return shapeFrom < 0 ? [1, 1] : dims(grids[shapeFrom]!);
}

/**
 * The grids that decide a blank position: a position is blank when every required range argument is blank there
 * (every required argument for a single-cell call). Either all of them are ranges of the output's shape, or all
 * single cells of a 1×1 call: [r][c] reads both.
 */
function blankGrids(spec: FunctionSpec, grids: (Grid | undefined)[], eachIdx: number[]): Grid[] {
  const required = eachIdx.filter((i) => !spec.params[i].optional);
  const ranged = required.filter((i) => grids[i] && !isSingle(grids[i]!));
  return (ranged.length > 0 ? ranged : required).map((i) => grids[i]!);
}

/** A cell-by-cell argument: its range, or its one value checked once. */
interface PerCellArg {
  i: number;
  p: CellParam;
  g: Grid | undefined;
  value: unknown;
}

/**
 * Per cell-by-cell parameter: its range, or its one value checked once (a single cell or an omitted argument reads
 * the same in every position; checked in parameter order per position, so the first bad argument still wins).
 */
function perCellArgs(spec: FunctionSpec, grids: (Grid | undefined)[], eachIdx: number[]): PerCellArg[] {
  return eachIdx.map((i) => {
    const p = spec.params[i] as CellParam;
    const g = grids[i];
    if (g && !isSingle(g)) return { i, p, g, value: undefined };
    return { i, p, g: undefined, value: g ? readCell(p, g[0][0]) : p.default };
  });
}

/** The result at one position: the first bad argument's error, or what `each` returns for the position's values. */
function resultAt(
  spec: FunctionSpec,
  each: NonNullable<FunctionSpec['each']>,
  ctx: InvokeContext,
  perCell: PerCellArg[],
  args: unknown[],
  r: number,
  c: number,
): Result {
  for (const a of perCell) {
    const v = a.g ? readCell(a.p, a.g[r][c]) : a.value;
    if (isCellError(v)) return v;
    args[a.i] = v;
  }
  try {
    // Each value came from its own parameter's reader: the tuple defineFunction typed `each` with.
    return settle(spec.name, each(args as never, ctx));
  } catch (e) {
    return internalError(spec.name, e);
  }
}
