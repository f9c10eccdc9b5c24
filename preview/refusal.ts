/**
 * Why a typed value does not fit a cell's validation, in words a person reads once and understands:
 * "42 is not allowed here: Business Impact takes a number from 1 to 10". The subject is the column's
 * header (or a setting's label). Formulas are never refused: their result is checked by the sheet.
 */
import type { ValidationRule } from '../shared/plan/plan';
import { refusalText } from '../shared/plan/validation-messages';

/** The typed text as the message shows it: numbers bare, texts in quotes. */
function shown(text: string): string {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? t : `"${t}"`;
}

function numberFits(rule: { min?: number; max?: number; integer?: boolean }, text: string): boolean {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) return false;
  if (rule.integer && !Number.isInteger(n)) return false;
  return (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
}

/** A calendar date typed as 2027-03-31, 31/03/2027 or 31/03/27 (what the preview reads as a date). */
export function isTypedDate(text: string): boolean {
  return typedDate(text) !== undefined;
}

/** The year, month and day of a date typed as isTypedDate reads it, or undefined. */
export function typedDate(text: string): [number, number, number] | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3].length === 2 ? `20${dmy[3]}` : dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? [y, m, d] : undefined;
}

/**
 * The sentence refusing `text` for a cell with this rule, or undefined when it fits. `list` is the
 * drop-down's current values (for a list taken from a range); `subject` names the cell's column.
 */
export function refusal(
  rule: ValidationRule,
  text: string,
  subject: string,
  list: readonly string[] = [],
): string | undefined {
  if (text.trim() === '' || text.startsWith('=')) return undefined;
  if (fits(rule, text, list)) return undefined;
  const spelled = rule.kind === 'list' ? rule.values.find((v) => sameButCase(v, text)) : undefined;
  return refusalText(shown(text), subject, rule, list, spelled);
}

const sameButCase = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Whether the text fits, as Excel decides: a list written into the rule (the Roadmap's Status) takes its values
 * exactly, case included; a list taken from a range (the Theme column's ThemeNames) takes them whatever their case —
 * "by design" in Excel (OfficeDev/office-js#972; docs/host-api-notes.md "List validation and letter case").
 */
function fits(rule: ValidationRule, text: string, list: readonly string[]): boolean {
  switch (rule.kind) {
    case 'number':
      return numberFits(rule, text);
    case 'list':
      return rule.values.includes(text);
    case 'listFromRange':
      return list.some((v) => sameButCase(v, text));
    case 'date':
      return isTypedDate(text);
  }
}
