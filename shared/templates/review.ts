/**
 * Strategy Review: the seed guide's "Common Pitfalls" (and steps 3, 5, 6, 9) checked live against the
 * workbook, one row per check (shared/strategy/checks.ts): a status (✓ / ⚠ / ✗), how many items offend,
 * the first of them by name and the guide's advice. Native formulas only.
 *
 * Naming the offending items needs no array formula: hidden helper columns walk the rows of the checked
 * sheet (helper row i looks at that sheet's data row i): a running count, and a running list that takes
 * the name of an offending row while fewer than SHOWN_ITEMS are listed. A check over two sheets chains
 * the second sheet's columns onto the first's. The visible row of a check reads the last helper cells.
 */
import { defineSheet } from '../spec/schema';
import type { ColumnSpec, FormulaRefs } from '../spec/spec';
import { COLORS, ROWS } from '../catalogue/common';
import { layoutSheet } from '../compiler/compile';
import { HISTORY_SHEET } from '../catalogue/history';
import { REVIEW_CHECKS, SHOWN_ITEMS, STATUS_MARK, type ReviewCheck } from '../strategy/checks';

/** The helper columns of check k's source j: its running count and its running list of names. */
type CountKey = `c${number}s${number}n`;
type ListKey = `c${number}s${number}l`;
type HelperKey = CountKey | ListKey;
const countKey = (k: number, j: number): CountKey => `c${k}s${j}n`;
const listKey = (k: number, j: number): ListKey => `c${k}s${j}l`;

/** The last data cell of a helper column. */
const last = (r: FormulaRefs<HelperKey>, key: HelperKey): string => `INDEX(${r.col[key]},${ROWS})`;

const HISTORY = layoutSheet(HISTORY_SHEET);
/**
 * A column a whole-strategy check reads: the Progress History's whole column ($A:$A), since "Record snapshot" appends
 * past the sheet's formatted rows and every snapshot counts (only COUNT and MAX read it: the header is text); any
 * other sheet's data range.
 */
const wholeCol =
  (r: FormulaRefs<never>) =>
  (sheet: string, c: string): string =>
    sheet === HISTORY_SHEET.key
      ? r.other(sheet, `$${HISTORY.letters[c]}:$${HISTORY.letters[c]}`)
      : r.otherCol(sheet, c);

function helperColumns(check: ReviewCheck, k: number): ColumnSpec<HelperKey>[] {
  const sources = check.sources ?? [];
  return sources.flatMap((src, j) => {
    const flag = (r: FormulaRefs<never>): string =>
      src.flag(
        (c) => r.otherCell(src.sheet, c),
        (sheet, c) => r.otherCol(sheet, c),
      );
    // The count and list the row starts from: the row above, or on the first row the previous source's totals.
    const countBefore = (r: FormulaRefs<HelperKey>): string =>
      r.first ? (j === 0 ? '0' : last(r, countKey(k, j - 1))) : r.prev[countKey(k, j)];
    const listBefore = (r: FormulaRefs<HelperKey>): string =>
      r.first ? (j === 0 ? '""' : last(r, listKey(k, j - 1))) : r.prev[listKey(k, j)];
    return [
      {
        key: countKey(k, j),
        header: `${check.id} count ${j + 1}`,
        width: 40,
        hidden: true,
        formula: (r) => `${countBefore(r)}+IF(${flag(r)},1,0)`,
      },
      {
        key: listKey(k, j),
        header: `${check.id} items ${j + 1}`,
        width: 40,
        hidden: true,
        formula: (r) => {
          const n = r.row[countKey(k, j)];
          const before = listBefore(r);
          const name = src.name((c) => r.otherCell(src.sheet, c));
          return `IF(AND(${n}>${countBefore(r)},${n}<=${SHOWN_ITEMS}),${before}&IF(${before}="","",", ")&${name},${before})`;
        },
      },
    ];
  });
}

/** The check of a visible row, or undefined below the last check (those rows stay blank). */
const checkAt = (r: FormulaRefs<never>): [ReviewCheck, number] | undefined =>
  r.index < REVIEW_CHECKS.length ? [REVIEW_CHECKS[r.index], r.index] : undefined;

function countFormula(r: FormulaRefs<HelperKey>): string {
  const at = checkAt(r);
  if (!at) return '';
  const [check, k] = at;
  if (check.whole) return check.whole.count(wholeCol(r));
  return last(r, countKey(k, (check.sources ?? []).length - 1));
}

function itemsFormula(r: FormulaRefs<HelperKey | 'count'>): string {
  const at = checkAt(r);
  if (!at) return '';
  const [check, k] = at;
  if (check.whole) return check.whole.items(wholeCol(r), r.row.count);
  const list = last(r, listKey(k, (check.sources ?? []).length - 1));
  return `${list}&IF(${r.row.count}>${SHOWN_ITEMS}," and "&(${r.row.count}-${SHOWN_ITEMS})&" more","")`;
}

function statusFormula(r: FormulaRefs<'count'>): string {
  const at = checkAt(r);
  if (!at) return '';
  return `IF(${r.row.count}=0,"${STATUS_MARK.pass}","${STATUS_MARK[at[0].severity]}")`;
}

const markRule = (mark: string) => (r: { row: Record<'status', string> }) => ({
  kind: 'formula' as const,
  formula: `=${r.row.status}="${mark}"`,
});

export const REVIEW_SHEET = defineSheet({
  key: 'review',
  name: 'Strategy Review',
  tabColor: '#e69138',
  rows: ROWS,
  frozenColumns: 2,
  columns: [
    { key: 'area', header: 'Pitfall / Step', width: 230, style: { italic: true, fontColor: '#444444' } },
    { key: 'check', header: 'Check', width: 300, style: { bold: true, wrap: true, vAlign: 'top' } },
    { key: 'status', header: 'Status', width: 60, style: { hAlign: 'center', bold: true }, formula: statusFormula },
    {
      key: 'count',
      header: 'Count',
      width: 60,
      numberFormat: '0',
      style: { hAlign: 'center' },
      formula: countFormula,
    },
    {
      key: 'items',
      header: `First Items (up to ${SHOWN_ITEMS})`,
      width: 340,
      style: { wrap: true, vAlign: 'top' },
      formula: itemsFormula,
    },
    { key: 'advice', header: 'What the Guide Advises', width: 600, style: { wrap: true, vAlign: 'top' } },
    ...REVIEW_CHECKS.flatMap(helperColumns),
  ],
  fixed: REVIEW_CHECKS.map((c) => ({ area: c.area, check: c.check, advice: c.advice })),
  side: [
    {
      key: 'passed',
      label: 'Checks passed',
      numberFormat: '0',
      formula: (r) => `COUNTIF(${r.col.status},"${STATUS_MARK.pass}")`,
    },
    {
      key: 'failures',
      label: `Failures (${STATUS_MARK.failure})`,
      numberFormat: '0',
      formula: (r) => `COUNTIF(${r.col.status},"${STATUS_MARK.failure}")`,
      style: { bold: true },
    },
    {
      key: 'warnings',
      label: `Warnings (${STATUS_MARK.warning})`,
      numberFormat: '0',
      formula: (r) => `COUNTIF(${r.col.status},"${STATUS_MARK.warning}")`,
    },
  ],
  sideHeader: ['Review', ''],
  conditionalFormats: [
    {
      columns: ['status', 'check'],
      rule: markRule(STATUS_MARK.failure),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
    { columns: ['status', 'check'], rule: markRule(STATUS_MARK.warning), style: { fill: COLORS.amber } },
    {
      columns: ['status'],
      rule: markRule(STATUS_MARK.pass),
      style: { fill: COLORS.green, fontColor: COLORS.greenText },
    },
  ],
  note: `One row per pitfall check, recalculated live from the other sheets: ${STATUS_MARK.pass} passed, ${STATUS_MARK.warning} worth a look, ${STATUS_MARK.failure} a pitfall the guide warns about. Hidden helper columns collect the first ${SHOWN_ITEMS} offending items of each check: leave them in place.`,
});
