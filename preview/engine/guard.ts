/**
 * Formula evaluation the preview's page survives (issue #22): HyperFormula builds a range of every cell it names
 * (`=SUM(A3:XFD39999)` is 655 million cells: the tab runs out of memory), and `=REPT("x",100000000)` makes a text
 * of 100 million characters. So:
 *
 *  - a formula naming a range of more than MAX_RANGE_CELLS cells is not given to the engine as it is: it is kept
 *    wrapped in PREVIEW_REFUSED("<formula>"), which shows a #VALUE! error saying why, while the formula bar, copy,
 *    undo and the download see the formula the user typed (unguard);
 *  - REPT longer than a cell can hold (32,767 characters, Excel's own limit: REPT then returns #VALUE!) is a #VALUE!
 *    error saying so, instead of the text.
 *
 * HyperFormula is GPLv3: tests and the preview only.
 */
import { CellError, ErrorType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { rangeTooBig, reptNegative, reptTooLong } from '../engine-messages';

/** The most cells one range of a typed formula may cover. */
export const MAX_RANGE_CELLS = 1_000_000;
/** The most characters in a cell's text (Excel's limit). */
export const MAX_TEXT = 32_767;
/** What a range without rows or columns spans (Excel's sheet size). */
const SHEET = { rows: 1_048_576, cols: 16_384 };

const WRAPPER = 'PREVIEW_REFUSED';

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.replace(/\$/g, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const rowNumber = (digits: string): number => Number(digits.replace(/\$/g, ''));

/** The formula without its string literals and quoted sheet names (so "A1:B2" inside a text is not a range). */
function code(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, ' ');
}

const CELL_RANGE = /(\$?[A-Za-z]{1,3})(\$?\d{1,7})\s*:\s*(\$?[A-Za-z]{1,3})(\$?\d{1,7})/g;
const COLUMNS = /(?<![A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})\s*:\s*(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(])/g;
const ROWS = /(?<![A-Za-z0-9_.$:])(\$?\d{1,7})\s*:\s*(\$?\d{1,7})(?![0-9.])/g;

/** The first range of `formula` larger than MAX_RANGE_CELLS: its text and how many cells it covers. */
export function oversizeRange(formula: string): { ref: string; cells: number } | undefined {
  const c = code(formula);
  const found: { ref: string; cells: number }[] = [];
  for (const m of c.matchAll(CELL_RANGE)) {
    const rows = Math.abs(rowNumber(m[4]) - rowNumber(m[2])) + 1;
    const cols = Math.abs(colNumber(m[3]) - colNumber(m[1])) + 1;
    found.push({ ref: m[0], cells: rows * cols });
  }
  for (const m of c.replace(CELL_RANGE, ' ').matchAll(COLUMNS))
    found.push({ ref: m[0], cells: (Math.abs(colNumber(m[2]) - colNumber(m[1])) + 1) * SHEET.rows });
  for (const m of c.replace(CELL_RANGE, ' ').matchAll(ROWS))
    found.push({ ref: m[0], cells: (Math.abs(rowNumber(m[2]) - rowNumber(m[1])) + 1) * SHEET.cols });
  return found.find((f) => f.cells > MAX_RANGE_CELLS);
}

/** The formula as the engine gets it: wrapped (an error saying why) when it names a range too large. */
export function guardFormula(formula: string): string {
  return oversizeRange(formula) ? `=${WRAPPER}("${formula.replace(/"/g, '""')}")` : formula;
}

const WRAPPED = new RegExp(`^=${WRAPPER}\\("((?:[^"]|"")*)"\\)$`);

/** The formula the user typed, from what the engine holds (unwraps guardFormula). */
export function unguard(content: string): string {
  const m = WRAPPED.exec(content);
  return m ? m[1].replace(/""/g, '"') : content;
}

type Ast = { args: unknown[] };
type State = unknown;

class GuardPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    [WRAPPER]: { method: 'refused', parameters: [{ argumentType: 'STRING' as never }] },
    REPT: {
      method: 'rept',
      parameters: [{ argumentType: 'STRING' as never }, { argumentType: 'NUMBER' as never }],
    },
  };

  refused(ast: Ast, state: State): CellError | string {
    return this.runFunction(ast.args as never, state as never, this.metadata(WRAPPER), (formula: string) => {
      const big = oversizeRange(formula);
      return new CellError(ErrorType.VALUE, big ? rangeTooBig(big.ref, big.cells, MAX_RANGE_CELLS) : '');
    }) as CellError | string;
  }

  rept(ast: Ast, state: State): CellError | string {
    return this.runFunction(ast.args as never, state as never, this.metadata('REPT'), (text: string, n: number) => {
      if (n < 0) return new CellError(ErrorType.VALUE, reptNegative);
      const length = text.length * Math.floor(n);
      if (length > MAX_TEXT) return new CellError(ErrorType.VALUE, reptTooLong(length, MAX_TEXT));
      return text.repeat(n);
    }) as CellError | string;
  }
}

let registered = false;

/** Registers the guard (and the bounded REPT in place of HyperFormula's) once per HyperFormula module. */
export function registerGuard(): void {
  if (registered) return;
  HyperFormula.unregisterFunction('REPT');
  HyperFormula.registerFunctionPlugin(GuardPlugin as never, { enGB: { [WRAPPER]: WRAPPER, REPT: 'REPT' } });
  registered = true;
}
