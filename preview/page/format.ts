/**
 * The grid's number formats: shared/core/number-format.ts (also the CLI's reader's), and the text a
 * person edits for a cell.
 */
import { formatDate, isDateFormat } from '../../shared/core/number-format';

export { formatValue, general, isDateFormat } from '../../shared/core/number-format';

/**
 * The text a person edits for a cell (formula bar, F2): what was typed, except that a date is shown as a
 * date (`2026-12-01`), as both hosts do, not as its serial number; typed back, it is the same date.
 */
export function editText(input: string, code: string | undefined): string {
  if (!isDateFormat(code) || !/^-?\d+(\.\d+)?$/.test(input)) return input;
  return formatDate(Number(input), 'yyyy-mm-dd');
}
