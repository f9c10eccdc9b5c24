/**
 * The spreadsheet's number syntax: `Spreadsheet.getSpreadsheetLocale()` ("en_US", "de_DE", …) and the
 * decimal separator that locale writes numbers with (Intl, CLDR data). A comma-decimal spreadsheet takes
 * formulas with ";" between arguments (shared/plan/formula-syntax.ts, docs/host-api-notes.md).
 */
import { localeTag, type DecimalSeparator } from '../../shared/plan/formula-syntax';

/** The decimal separator of a locale ("de_DE" → ","); "." when the locale or Intl cannot say. */
export function decimalOfLocale(locale: string): DecimalSeparator {
  try {
    const parts = new Intl.NumberFormat(localeTag(locale)).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

/** The active spreadsheet's locale and decimal separator (one service call). */
export function spreadsheetNumberSyntax(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  locale: string;
  decimal: DecimalSeparator;
} {
  let locale: string;
  try {
    locale = ss.getSpreadsheetLocale() || '';
  } catch {
    locale = '';
  }
  return { locale, decimal: locale ? decimalOfLocale(locale) : '.' };
}
