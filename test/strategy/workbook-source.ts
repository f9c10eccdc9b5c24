/** A formula-engine workbook (HyperFormula, tests only) as the strategy reader sees a file: sheets of values. */
import type { ReadCell, ReadSheet } from '../../shared/strategy/read';
import type { LoadedPlan } from '../templates/loader';

/**
 * The sheets of a loaded plan as read from a file: with `cached` every formula cell holds its computed value
 * (as in a file Excel, Sheets or LibreOffice saved); without, formula cells are undefined (as our writer leaves them).
 */
export function engineSheets(loaded: LoadedPlan, cached: boolean): ReadSheet[] {
  return loaded.plan.sheets.map((s) => {
    const values = loaded.values(s.key);
    const rows: ReadCell[][] = values.map((row, r) =>
      row.map((v, c) => {
        const planned = s.cells[r]?.[c];
        if (!cached && typeof planned === 'string' && planned.startsWith('=')) return undefined;
        return v !== null && typeof v === 'object' ? { error: v.error } : v;
      }),
    );
    return { name: loaded.resolution.sheets[s.key], rows };
  });
}
