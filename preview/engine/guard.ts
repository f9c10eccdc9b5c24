/**
 * The guard in front of HyperFormula for what a user types: a formula whose ranges, spilled result or
 * text would take the engine (and the tab) past its memory is not handed to the engine as it is. It is
 * kept, word for word, inside `=PREVIEW_REFUSED("…")`, which computes to a #VALUE! error saying why
 * (preview/messages.ts); the formula bar, the editor, undo and the download see the formula typed
 * (`userFormula`). Measured in HyperFormula 3.5 on an empty sheet: `=SUM(A3:N39999)` (560,000 cells) takes
 * 2.3 s and 300 MB, `=COUNT(A3:Z39999)` (1,000,000) 4.2 s and 530 MB, `=SUM(A3:XFD39999)` never ends;
 * `=SEQUENCE(1000,1000)` 4.5 s and 250 MB; `=REPT("x",100000000)` a 100 MB text the grid then draws.
 *
 * HyperFormula is GPLv3: the preview and tests only (docs/preview.md).
 */
import { CellError, ErrorType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import {
  arrayTooLarge,
  blockTooLarge,
  formulaTooLong,
  NEGATIVE_COUNT,
  rangeTooLarge,
  REFUSED_BY_HAND,
  textTooLong,
  TOO_BIG,
} from '../messages';

/** Cells the ranges of one formula may cover together. */
export const CELL_BUDGET = 1_000_000;
/** Cells one spilled result (SEQUENCE) may fill. */
export const SPILL_BUDGET = 100_000;
/** Cells the ranges of one block of inputs (a paste) may cost the engine together (BlockCost). */
export const BLOCK_BUDGET = 3_000_000;
/** Characters of a text result: a cell's limit in Excel. */
export const TEXT_BUDGET = 32_767;
/** Characters of a formula: Excel's limit. */
export const FORMULA_BUDGET = 8_192;
/** The engine's sheet (HyperFormula's default maxRows and maxColumns): what `A:A` and `1:1` cover. */
const SHEET_ROWS = 40_000;
const SHEET_COLS = 18_278;

const WRAPPER = '=PREVIEW_REFUSED("';

/**
 * The formula with its string literals and quoted sheet names blanked (same length), so a text that
 * looks like a range is not read as one. One pass.
 */
function codeOf(formula: string): string {
  const out: string[] = [];
  let quote = '';
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = '';
      out.push(' ');
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out.push(' ');
    } else out.push(ch);
  }
  return out.join('');
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL_RANGE = /(?<![A-Za-z0-9_.$])\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![A-Za-z0-9_(])/g;
const COL_RANGE = /(?<![A-Za-z0-9_.$:])\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9_(:])/g;
const ROW_RANGE = /(?<![A-Za-z0-9_.$:])\$?(\d{1,7}):\$?(\d{1,7})(?![A-Za-z0-9_.(:])/g;
const SEQUENCE_CALL =
  /(?<![A-Za-z0-9_.])SEQUENCE\(\s*(\d+(?:\.\d*)?(?:e\+?\d+)?)\s*(?:,\s*(\d+(?:\.\d*)?(?:e\+?\d+)?)\s*)?[,)]/gi;

/** Every range of a formula with the cells it covers (whole columns and rows as the engine's sheet). */
export function rangesOf(formula: string): { range: string; cells: number; family: string }[] {
  const code = codeOf(formula);
  const found: { range: string; cells: number; family: string }[] = [];
  const span = (a: number, b: number): number => Math.abs(a - b) + 1;
  for (const m of code.matchAll(CELL_RANGE)) {
    const [c1, c2, r1] = [colNumber(m[1]), colNumber(m[3]), Number(m[2])];
    found.push({ range: m[0], cells: span(c1, c2) * span(r1, Number(m[4])), family: `${c1}:${c2}@${r1}` });
  }
  for (const m of code.matchAll(COL_RANGE))
    found.push({ range: m[0], cells: span(colNumber(m[1]), colNumber(m[2])) * SHEET_ROWS, family: m[0] });
  for (const m of code.matchAll(ROW_RANGE))
    found.push({ range: m[0], cells: span(Number(m[1]), Number(m[2])) * SHEET_COLS, family: m[0] });
  return found;
}

/** Why the preview will not hand this formula (`=…`) to the engine, or undefined when it will. */
export function formulaProblem(formula: string): string | undefined {
  if (formula.length > FORMULA_BUDGET) return formulaTooLong(formula.length, FORMULA_BUDGET);
  const ranges = rangesOf(formula).sort((a, b) => b.cells - a.cells);
  const total = ranges.reduce((n, r) => n + r.cells, 0);
  if (total > CELL_BUDGET)
    return rangeTooLarge(
      ranges.slice(0, 3).map((r) => r.range.replace(/\$/g, '')),
      total,
      CELL_BUDGET,
    );
  for (const m of codeOf(formula).matchAll(SEQUENCE_CALL)) {
    const cells = Math.floor(Number(m[1])) * Math.floor(Number(m[2] ?? 1));
    if (cells > SPILL_BUDGET) return arrayTooLarge(m[0].replace(/[,)]$/, ')'), cells, SPILL_BUDGET);
  }
  return undefined;
}

/** The formula kept inside PREVIEW_REFUSED; `together` marks one refused for the block it came in. */
function wrap(formula: string, together = false): string {
  return `${WRAPPER}${formula.replace(/"/g, '""')}"${together ? ',1' : ''})`;
}

/** What the engine is given for a typed formula: the formula, or the formula kept inside PREVIEW_REFUSED. */
export function guardFormula(formula: string): string {
  if (formula.startsWith(WRAPPER) || !formulaProblem(formula)) return formula;
  return wrap(formula);
}

/**
 * Cells the engine computes for a block's ranges. Ranges of one family (same columns, same first row, as
 * in running totals `$B$2:B2`, `$B$2:B3`…) cost the engine about their largest member, since it builds each
 * from the one a row shorter; ranges that start on different rows (`A1:N20000`, `A2:N20001`…) cost each
 * their cells: 10 of 280,000 cells take 3 s, 100 take 27 s and 700 MB.
 */
export class BlockCost {
  private readonly families = new Map<string, number>();
  total = 0;

  /** Adds a formula's ranges; returns the block's cost with them. */
  add(formula: string): number {
    for (const r of rangesOf(formula)) {
      const before = this.families.get(r.family) ?? 0;
      if (r.cells > before) {
        this.families.set(r.family, r.cells);
        this.total += r.cells - before;
      }
    }
    return this.total;
  }
}

/**
 * A block of typed inputs (a paste, a fill, an edit) as the engine is given it: each formula guarded
 * alone, and those that take the block's ranges past BLOCK_BUDGET refused for the block (kept as typed).
 */
export function guardBlock(inputs: string[][]): string[][] {
  const cost = new BlockCost();
  return inputs.map((row) =>
    row.map((text) => {
      if (!text.startsWith('=') || text.startsWith(WRAPPER)) return text;
      const alone = guardFormula(text);
      if (alone !== text) return alone;
      const before = cost.total;
      if (cost.add(text) <= BLOCK_BUDGET) return text;
      cost.total = before; // the refused formula's ranges are not computed
      return wrap(text, true);
    }),
  );
}

/** The formula a user typed, from what the engine holds (a refused formula unwrapped; anything else as it is). */
export function userFormula(held: string): string {
  if (!held.startsWith(WRAPPER)) return held;
  const end = held.endsWith('",1)') ? -4 : held.endsWith('")') ? -2 : 0;
  return end ? held.slice(WRAPPER.length, end).replace(/""/g, '"') : held;
}

/** Arguments as the engine hands them to a plugin method (its AST and state are not exported typed). */
type Args = [never, never];

class GuardPlugin extends FunctionPlugin {
  refused(...[ast, state]: Args): unknown {
    const metadata = this.metadata('PREVIEW_REFUSED');
    return this.runFunction((ast as { args: never[] }).args, state, metadata, (f: string, together?: number) => {
      const why = together === 1 ? blockTooLarge(BLOCK_BUDGET) : formulaProblem(f);
      return new CellError(ErrorType.VALUE, why ?? REFUSED_BY_HAND);
    });
  }

  /** REPT as HyperFormula's own (TextPlugin), with Excel's cap on the text it makes. */
  rept(...[ast, state]: Args): unknown {
    return this.runFunction(
      (ast as { args: never[] }).args,
      state,
      this.metadata('REPT'),
      (text: string, n: number) => {
        if (n < 0) return new CellError(ErrorType.VALUE, NEGATIVE_COUNT);
        const chars = text.length * Math.floor(n);
        if (chars > TEXT_BUDGET) return new CellError(ErrorType.VALUE, textTooLong('REPT', chars, TEXT_BUDGET));
        return text.repeat(n);
      },
    );
  }
}

(GuardPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  PREVIEW_REFUSED: {
    method: 'refused',
    parameters: [{ argumentType: 'STRING' }, { argumentType: 'NUMBER', optionalArg: true }],
  },
  REPT: { method: 'rept', parameters: [{ argumentType: 'STRING' }, { argumentType: 'NUMBER' }] },
};

/** The engine's interpreter as far as the guard touches it (HyperFormula 3.5's, not exported typed). */
interface Interpreter {
  evaluateAst(ast: unknown, state: unknown): unknown;
}

/**
 * Caps every text the engine's formulas make, at each step of a formula (`&`, CONCATENATE, TEXTJOIN…),
 * so a chain doubling a text from cell to cell stops at the first text over TEXT_BUDGET with a cell error
 * instead of growing to the browser's limit (where the engine throws `RangeError: Invalid string length`
 * and is left half-computed). HyperFormula has no setting for it: the guard wraps its interpreter's
 * `evaluateAst`, found at `_evaluator.interpreter` in HyperFormula 3.5 (test/preview/guard.test.ts fails if
 * that moves). Returns whether it could.
 */
export function guardTexts(hf: HyperFormula): boolean {
  const interpreter = (hf as unknown as { _evaluator?: { interpreter?: Interpreter } })._evaluator?.interpreter;
  if (!interpreter || typeof interpreter.evaluateAst !== 'function') return false;
  const evaluate = interpreter.evaluateAst.bind(interpreter);
  interpreter.evaluateAst = (ast, state) => {
    let v: unknown;
    try {
      v = evaluate(ast, state);
    } catch (e) {
      if (e instanceof RangeError) return new CellError(ErrorType.VALUE, TOO_BIG);
      throw e;
    }
    if (typeof v === 'string' && v.length > TEXT_BUDGET)
      return new CellError(ErrorType.VALUE, textTooLong('This formula', v.length, TEXT_BUDGET));
    return v;
  };
  return true;
}

let registered = false;

/** Registers the guard's functions once per HyperFormula module instance (REPT replaces the engine's). */
export function registerGuard(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(GuardPlugin as unknown as FunctionPluginDefinition, {
    enGB: { PREVIEW_REFUSED: 'PREVIEW_REFUSED', REPT: 'REPT' },
  });
  registered = true;
}
