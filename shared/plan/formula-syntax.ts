/**
 * Formula syntax by locale. Plans hold formulas the way Excel's `Range.formulas` takes them (en-US:
 * "," between arguments, "." in numbers, "," between the columns of an array literal), whatever the
 * user's locale (Excel JavaScript API: `formulas` "Represents the formula in A1-style notation";
 * `formulasLocal` is the one "in the user's language and number-formatting locale. For example, the
 * English "=SUM(A1, 1.5)" formula would become "=SUMME(A1; 1,5)" in German").
 *
 * Google Sheets writes a formula given to `setValues`/`setFormula` in the spreadsheet's own syntax:
 * the Apps Script reference only says "in A1 notation", and field reports show formulas with ","
 * failing to parse in spreadsheets whose locale writes decimals with a comma (docs/host-api-notes.md).
 * Sheets' documented syntax there is ";" between arguments, "," in numbers and "\" between the columns
 * of an array literal (rows stay ";"); function names stay English in every locale. So the Sheets
 * executor converts each formula for such a spreadsheet (`localFormula`). Pure.
 */
import type { ConditionalFormatOp, PlanCell, RenderPlan } from './plan';

/** The decimal separator a locale writes numbers with (the host's formatter decides; "." when unknown). */
export type DecimalSeparator = '.' | ',';

/** Copies a quoted run starting at `i` ("text" or 'sheet name', doubled quotes inside); returns its end. */
function quotedEnd(f: string, i: number): number {
  const q = f[i];
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) {
        j += 2;
        continue;
      }
      return j;
    }
    j++;
  }
  return f.length - 1;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);

/** Whether the "." at `i` is the decimal point of a number literal (not part of a name such as NORM.DIST). */
function isDecimalPoint(f: string, i: number): boolean {
  if (!isDigit(f[i + 1])) return false;
  let j = i - 1;
  while (j >= 0 && isDigit(f[j])) j--;
  return !isNameChar(f[j]);
}

/** An en-US formula in the syntax of a comma-decimal locale: `=IF(A1>0.5,{1,2;3,4},"a,b")` → `=IF(A1>0,5;{1\2;3\4};"a,b")`. */
export function commaDecimalFormula(formula: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end + 1);
      i = end;
    } else if (ch === '{') {
      braces++;
      out += ch;
    } else if (ch === '}') {
      braces = Math.max(0, braces - 1);
      out += ch;
    } else if (ch === ',') out += braces > 0 ? '\\' : ';';
    else if (ch === '.' && isDecimalPoint(formula, i)) out += ',';
    else out += ch;
  }
  return out;
}

/** A formula (text starting with "=") in the syntax of a locale with this decimal separator; other values as they are. */
export function localFormula<T>(value: T, decimal: DecimalSeparator): T {
  if (decimal !== ',' || typeof value !== 'string' || !value.startsWith('=')) return value;
  return commaDecimalFormula(value) as T;
}

/** "de_DE" (Sheets) or "de-DE" → a BCP 47 tag Intl understands ("de-DE"). */
export function localeTag(locale: string): string {
  return locale.replace(/_/g, '-');
}

const localCells = (cells: PlanCell[][], decimal: DecimalSeparator): PlanCell[][] =>
  cells.map((row) => row.map((v) => localFormula(v, decimal)));

function localConditional(c: ConditionalFormatOp, decimal: DecimalSeparator): ConditionalFormatOp {
  return c.rule.kind === 'formula' ? { ...c, rule: { ...c.rule, formula: localFormula(c.rule.formula, decimal) } } : c;
}

/** The plan with every formula (cells, host cells, conditional-format rules) in the syntax of the locale. */
export function planInLocale(plan: RenderPlan, decimal: DecimalSeparator): RenderPlan {
  if (decimal !== ',') return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: localCells(s.cells, decimal),
      conditionalFormats: s.conditionalFormats.map((c) => localConditional(c, decimal)),
      ...(s.hostCells ? { hostCells: s.hostCells.map((h) => ({ ...h, cells: localCells(h.cells, decimal) })) } : {}),
    })),
  };
}
