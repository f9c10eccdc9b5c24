/**
 * Cell contents between plans, the user and HyperFormula: formulas HyperFormula's parser accepts, texts
 * kept as texts, and the engine's serialized cells back as plan cells.
 */
import type { RawCellContent } from 'hyperformula';
import type { PlanCell } from '../shared/templates/plan';

/**
 * A formula as HyperFormula's parser accepts it. Its one gap with Excel, Sheets and LibreOffice
 * that templates hit: an upper-case exponent (`1E-9`) is a parse error; `1e-9` is the same number.
 * String literals are left alone.
 */
export function engineFormula(f: string): string {
  return f.replace(/("(?:[^"]|"")*")|((?:\d|\.)E)(?=[+-]?\d)/g, (m, str: string | undefined) =>
    str ? m : m.toLowerCase(),
  );
}

/** A plan cell as HyperFormula input: formulas (see engineFormula), texts quoted so "10" or "2027-01-01" stay texts. */
export function toEngineContent(v: PlanCell): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith('=') ? engineFormula(v) : v === '' ? null : `'${v}`;
  return v;
}

/** A HyperFormula serialized cell back as a plan cell (formula text, value, text without the quote). */
export function fromEngineContent(v: unknown): PlanCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith("'") ? v.slice(1) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return String(v);
  return String(v);
}
