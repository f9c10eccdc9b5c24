/**
 * The host's own calculation engine, for the Sheets and Excel fakes: a fake workbook's cells and
 * defined names are loaded into HyperFormula (GPLv3: tests only, never bundled) so reads return computed
 * values as the real host would after calculating (Sheets `getValues`, Excel `range.values`). The add-in's
 * custom functions are registered in the engine from the registry (preview/engine/plugin.ts), so a formula
 * calling them computes through the engine like any built-in.
 *
 * What a real host does and the engine models:
 *  - formulas are stored in the host's syntax: Excel's `Range.formulas` is en-US; a comma-decimal Sheets
 *    spreadsheet holds ";" between arguments and "," in numbers (the engine is configured alike);
 *  - a number concatenated into text is written with the locale's decimal separator, and criteria such as
 *    COUNTIF's ">17,5" are read back the same way (HyperFormula writes "17.5" whatever its configuration,
 *    so `withLocaleNumberText` makes it write the configured separator while it calculates);
 *  - an error cell reads as its code ("#N/A"); an empty cell or a formula returning "" reads as "".
 *
 * `tamper` rewrites formulas before they are calculated: a host whose engine computes one column
 * differently, for the self-check tests.
 */
import * as path from 'path';
import { HyperFormula, type ConfigParams, type RawCellContent } from 'hyperformula';
import { ENGINE_CONFIG, registerRegistryFunctions } from '../../preview/engine/plugin';

/** One cell as the host stores it: a constant, or a formula text starting with "=". */
export type StoredCell = string | number | boolean | null;

export interface EngineBook {
  sheets: Array<{ name: string; cells: Array<{ row0: number; col0: number; content: StoredCell; text?: boolean }> }>;
  /** Defined names as absolute references: `'Strategic Themes'!$A$2:$A$51`. */
  names: Array<{ name: string; ref: string }>;
}

export interface HostEngineOptions {
  /** The decimal separator the host's formulas and number texts use ("," for de_DE, fr_FR …). */
  decimal?: '.' | ',';
  /** The custom functions' namespace in formulas ("STRATEGY." in Excel), removed before calculating. */
  functionPrefix?: string;
  /** Rewrites a formula before it is calculated (a host whose engine computes a column differently). */
  tamper?: (formula: string, at: { sheet: string; row0: number; col0: number }) => string;
}

const COMMA_DECIMAL: Partial<ConfigParams> = {
  decimalSeparator: ',',
  thousandSeparator: '.',
  functionArgSeparator: ';',
  arrayColumnSeparator: ';',
  arrayRowSeparator: '|',
};

const arithmetic = require(
  path.join(path.dirname(require.resolve('hyperformula')), 'interpreter/ArithmeticHelper.js'),
) as { coerceScalarToString: (v: unknown) => unknown };

/** Runs `f` with HyperFormula writing numbers as text with `decimal` as the decimal separator. */
export function withLocaleNumberText<T>(decimal: '.' | ',', f: () => T): T {
  if (decimal === '.') return f();
  const original = arithmetic.coerceScalarToString;
  arithmetic.coerceScalarToString = (v: unknown) => {
    const s = original(v);
    return typeof s === 'string' && typeof v === 'number' ? s.replace('.', decimal) : s;
  };
  try {
    return f();
  } finally {
    arithmetic.coerceScalarToString = original;
  }
}

/** A cell as the host reads it after calculating. */
export type HostValue = string | number | boolean;

export class HostEngine {
  private hf: HyperFormula | undefined;
  private loadedVersion = -1;
  private sheetIds = new Map<string, number>();

  /** `version` changes whenever the workbook does (cheap); `book` is read only then. */
  constructor(
    private readonly version: () => number,
    private readonly book: () => EngineBook,
    readonly options: HostEngineOptions = {},
  ) {
    registerRegistryFunctions();
  }

  /** The computed value of a cell (0-based), "" when empty. */
  value(sheet: string, row0: number, col0: number): HostValue {
    const hf = this.current();
    const id = this.sheetIds.get(sheet);
    if (id === undefined) return '';
    return hostValue(hf.getCellValue({ sheet: id, row: row0, col: col0 }));
  }

  destroy(): void {
    this.hf?.destroy();
    this.hf = undefined;
  }

  private current(): HyperFormula {
    const version = this.version();
    if (this.hf && version === this.loadedVersion) return this.hf;
    const book = this.book();
    this.destroy();
    const decimal = this.options.decimal ?? '.';
    const config = { ...ENGINE_CONFIG, ...(decimal === ',' ? COMMA_DECIMAL : {}) };
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of book.sheets) sheets[s.name] = this.grid(s);
    const names = book.names.map((n) => ({ name: n.name, expression: `=${n.ref}` }));
    this.hf = withLocaleNumberText(decimal, () => HyperFormula.buildFromSheets(sheets, config, names));
    this.sheetIds = new Map(book.sheets.map((s) => [s.name, this.hf!.getSheetId(s.name)!]));
    this.loadedVersion = version;
    return this.hf;
  }

  private grid(s: EngineBook['sheets'][number]): RawCellContent[][] {
    const out: RawCellContent[][] = [];
    for (const c of s.cells) {
      const row = (out[c.row0] ??= []);
      row[c.col0] = this.content(c, s.name);
    }
    for (let r = 0; r < out.length; r++) out[r] ??= [];
    return out;
  }

  private content(c: EngineBook['sheets'][number]['cells'][number], sheet: string): RawCellContent {
    const v = c.content;
    if (typeof v !== 'string') return v;
    if (!v.startsWith('=')) return c.text ? `'${v}` : v;
    let f = this.options.decimal === ',' ? hfArrays(v) : v;
    const prefix = this.options.functionPrefix;
    if (prefix) f = f.split(prefix).join('');
    return this.options.tamper ? this.options.tamper(f, { sheet, row0: c.row0, col0: c.col0 }) : f;
  }
}

/**
 * Array literals of a comma-decimal Sheets locale in HyperFormula's syntax: Sheets writes columns apart with "\"
 * and rows with ";" ({1\2;3\4}); HyperFormula takes its configured separators (columns ";", rows "|").
 */
function hfArrays(formula: string): string {
  let out = '';
  let depth = 0;
  let quoted: string | undefined;
  for (const ch of formula) {
    if (quoted) {
      if (ch === quoted) quoted = undefined;
      out += ch;
    } else if (ch === '"' || ch === "'") {
      quoted = ch;
      out += ch;
    } else {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      out += depth > 0 && ch === '\\' ? ';' : depth > 0 && ch === ';' ? '|' : ch;
    }
  }
  return out;
}

const ERROR_CODES: Record<string, string> = { DIV_BY_ZERO: '#DIV/0!', NA: '#N/A', NAME: '#NAME?', REF: '#REF!' };

function hostValue(v: unknown): HostValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const e = v as { value?: string; type?: string };
    return e.value ?? ERROR_CODES[e.type ?? ''] ?? '#VALUE!';
  }
  return v as HostValue;
}
