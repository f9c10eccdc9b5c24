/** Pieces shared by the template specs: row counts, formats, validation lists, the theme column. */
import type { ColumnSpec } from '../spec/spec';

/** Data rows per list sheet: room for the user's own rows (ranges run to row 51). */
export const ROWS = 50;

export const DATE_FORMAT = 'yyyy-mm-dd';

/** The Theme column: a drop-down of the Strategic Themes sheet's names when that sheet is in the plan, free text otherwise. */
export function themeColumn(width = 170) {
  return {
    key: 'theme',
    header: 'Theme',
    kind: 'text',
    width,
    validation: {
      kind: 'namedList',
      name: 'themeNames',
      fallbackHelp:
        'The Theme column is free text here: insert the Strategic Themes template (or the full strategy workbook) to get a drop-down of your theme names.',
    },
    help: 'Pick one of the strategic themes (from the Strategic Themes sheet).',
    strict: false,
  } as const satisfies ColumnSpec<'theme'>;
}

/** A date column (read as a date: `kind: 'date'`). */
export const dateColumn = <K extends string>(key: K, header: string, help?: string, width = 110) =>
  ({
    key,
    header,
    kind: 'date' as const,
    width,
    numberFormat: DATE_FORMAT,
    validation: { kind: 'date' },
    help: help ?? 'A date, e.g. 2026-06-30.',
  }) satisfies ColumnSpec<K>;

export const textColumn = <K extends string>(key: K, header: string, width = 220, help?: string): ColumnSpec<K> => ({
  key,
  header,
  width,
  style: { wrap: true, vAlign: 'top' },
  ...(help ? { help } : {}),
});

export const COLORS = {
  red: '#f4cccc',
  amber: '#fff2cc',
  green: '#d9ead3',
  blue: '#cfe2f3',
  grey: '#eeeeee',
  redText: '#990000',
  greenText: '#274e13',
};
