/**
 * Cell contents between plans, the user and HyperFormula: formulas HyperFormula's parser accepts, texts
 * kept as texts, and the engine's serialized cells back as plan cells.
 */
import type { RawCellContent } from 'hyperformula';
import { typedText, type PlanCell } from '../shared/plan/plan';
import { userFormula } from './engine/guard';

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

/**
 * A plan cell as HyperFormula input: formulas (see engineFormula), texts quoted so "10" or "2027-01-01" stay texts;
 * a quote-prefixed text (`'=x`) is already in HyperFormula's form (its apostrophe marks text, as in both hosts).
 */
export function toEngineContent(v: PlanCell): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    if (v.startsWith('=')) return engineFormula(v);
    return v === '' ? null : v.startsWith("'") ? v : `'${v}`;
  }
  return v;
}

/**
 * A HyperFormula serialized cell back as a plan cell: formula text, value, or text, without the quote unless the
 * text needs it to stay text in a plan (`'=x`, `'+1`: typedText).
 */
export function fromEngineContent(v: unknown): PlanCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith("'") ? typedText(v.slice(1)) : userFormula(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return String(v);
  return String(v);
}
