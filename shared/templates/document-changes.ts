/**
 * The Strategy Document sheet's "change since the previous snapshot" lines, in native formulas over the
 * Progress History sheet: the same lines as the core (shared/strategy/changes.ts, rules there).
 *
 * Without array formulas: hidden helper rows look at a window of the last ROWS lines of the history (helper
 * row i at history row start + i), give each line a key "date/kind/name", keep the last line of each key
 * (a value recorded twice the same day counts once, as recorded last), find the same key at the previous
 * snapshot's date with MATCH, and write the line's text; three chains join the lines of each kind.
 * The history's columns are read whole ($A:$A), so snapshots appended past the sheet's formatted rows count.
 * When the two latest snapshots do not fit in the window, the sheet says so instead of a partial answer.
 */
import type { ColumnSpec, FormulaRefs } from '../spec/spec';
import { ROWS } from '../catalogue/common';
import { layoutSheet } from '../compiler/compile';
import { HISTORY_KINDS, HISTORY_SHEET } from '../catalogue/history';
import { CHANGE_TEXTS } from '../strategy/changes';
import { wildcardFree } from '../spec/literal';

const H = layoutSheet(HISTORY_SHEET);
/** A whole column of the history sheet, e.g. "{{sheet:history}}!$A:$A". */
type HistoryKey = (typeof HISTORY_SHEET)['columns'][number]['key'];
const whole = (r: FormulaRefs<never>, col: HistoryKey): string =>
  r.other('history', `$${H.letters[col]}:$${H.letters[col]}`);
const at = (r: FormulaRefs<never>, col: HistoryKey, row: string): string => `INDEX(${whole(r, col)},${row})`;

const latest = (r: FormulaRefs<never>): string => `MAX(${whole(r, 'date')})`;
const previous = (r: FormulaRefs<never>): string => `MAXIFS(${whole(r, 'date')},${whole(r, 'date')},"<"&${latest(r)})`;
const lastRow = (r: FormulaRefs<never>): string => `(COUNT(${whole(r, 'date')})+${H.firstRow - 1})`;
const windowStart = (r: FormulaRefs<never>): string => `MAX(${H.firstRow},${lastRow(r)}-${ROWS - 1})`;
/** TRUE when the previous snapshot starts before the window (the two latest snapshots hold more than ROWS lines). */
const truncated = (r: FormulaRefs<never>): string =>
  `IFERROR(MATCH(${previous(r)},${whole(r, 'date')},0)<${windowStart(r)},FALSE())`;

/** A serial day as yyyy-mm-dd, whatever the spreadsheet's locale (TEXT's format codes are localised). */
const iso = (d: string): string => `YEAR(${d})&"-"&RIGHT("0"&MONTH(${d}),2)&"-"&RIGHT("0"&DAY(${d}),2)`;
const norm = (x: string): string => `LOWER(TRIM(${x}&""))`;
/** "+5", "−20" (a true minus sign), "±0". */
const signed = (x: string): string => `IF(${x}>0,"+"&${x},IF(${x}<0,"−"&(-${x}),"±0"))`;

/**
 * The key of the history row held by helper cell `row`: "date/kind/name", lower case. Not "|": the preview's formula engine's
 * COUNTIF never matches a criterion holding "|" (checked with 3.x). The name is made wildcard-free (literal.ts), so
 * the plain COUNTIF and MATCH below compare "R&D *core*" literally in every engine, not as a pattern.
 */
const keyOf = (r: FormulaRefs<never>, row: string, date: string): string =>
  `${date}&"/"&${norm(at(r, 'kind', row))}&"/"&${wildcardFree(norm(at(r, 'name', row)))}`;

/** The rows below this one in a helper column ("" on the last helper row). */
/** The hidden helper columns' keys: window row, key, live key, previous row, line text. */
export type ChangeHelperKey = 'hRow' | 'hKey' | 'hLive' | 'hPrev' | 'hLine';

function below(r: FormulaRefs<ChangeHelperKey>, key: ChangeHelperKey): string {
  const m = /^\$([A-Z]+)\$\d+:\$[A-Z]+\$(\d+)$/.exec(r.col[key]);
  if (!m) throw new Error(`document changes: unexpected range ${r.col[key]}`);
  return r.sheetRow >= Number(m[2]) ? '' : `${m[1]}${r.sheetRow + 1}:$${m[1]}$${m[2]}`;
}

/** The change text of a line (changes.ts changeOf), from the rows of the previous (p) and latest (w) value. */
function changeFormula(r: FormulaRefs<never>, p: string, w: string): string {
  const [v0, v1] = [at(r, 'value', p), at(r, 'value', w)];
  const [s0, s1] = [`TRIM(${at(r, 'shown', p)}&"")`, `TRIM(${at(r, 'shown', w)}&"")`];
  const kind = norm(at(r, 'kind', w));
  const byKind =
    `IF(${kind}="${HISTORY_KINDS.theme.toLowerCase()}",${signed(`ROUND((${v1}-${v0})*100,0)`)}&" pts",` +
    `IF(${kind}="${HISTORY_KINDS.health.toLowerCase()}",${signed(`ROUND(${v1}-${v0},1)`)},` +
    `IF(RIGHT(${s1},1)="%",${signed(`ROUND((${v1}-${v0})*100,1)`)}&" pts",` +
    `IF(${v0}=0,"from 0",${signed(`ROUND((${v1}-${v0})/ABS(${v0})*100,0)`)}&"%"))))`;
  return `IF(AND(ISNUMBER(${v0}),ISNUMBER(${v1})),IF(${v1}=${v0},"no change",${byKind}),IF(${s0}=${s1},"no change","changed"))`;
}

/** The hidden helper columns: window row, key, live key, previous row, line text. */
export function changeHelperColumns(): ColumnSpec<ChangeHelperKey>[] {
  const hidden = (
    key: ChangeHelperKey,
    formula: (r: FormulaRefs<ChangeHelperKey>) => string,
  ): ColumnSpec<ChangeHelperKey> => ({
    key,
    header: key,
    width: 40,
    hidden: true,
    formula,
  });
  return [
    hidden('hRow', (r) => `IF(${windowStart(r)}+${r.index}>${lastRow(r)},"",${windowStart(r)}+${r.index})`),
    hidden('hKey', (r) => `IF(${r.row.hRow}="","",${keyOf(r, r.row.hRow, at(r, 'date', r.row.hRow))})`),
    hidden('hLive', (r) => {
      const rest = below(r, 'hKey');
      return rest === '' ? r.row.hKey : `IF(${r.row.hKey}="","",IF(COUNTIF(${rest},${r.row.hKey})>0,"",${r.row.hKey}))`;
    }),
    hidden(
      'hPrev',
      (r) =>
        `IF(${r.row.hLive}="","",IFERROR(INDEX(${r.col.hRow},MATCH(${keyOf(r, r.row.hRow, previous(r))},${r.col.hLive},0)),""))`,
    ),
    hidden('hLine', (r) => {
      const w = r.row.hRow;
      const p = r.row.hPrev;
      const since = iso(previous(r));
      const name = `TRIM(${at(r, 'name', w)}&"")`;
      const now = `TRIM(${at(r, 'shown', w)}&"")`;
      const line = `${name}&": "&IF(${p}="",${now}&" (new since "&${since}&")",TRIM(${at(r, 'shown', p)}&"")&" → "&${now}&" ("&${changeFormula(r, p, w)}&" since "&${since}&")")`;
      return `IF(OR(${r.row.hLive}="",${previous(r)}=0),"",IF(${at(r, 'date', w)}<>${latest(r)},"",${line}))`;
    }),
  ];
}

/** The letters of a text, as `replace(/[^A-Za-z]/g, '')` keeps them ("Theme % complete" → "Themecomplete"). */
type Letters<T extends string> = T extends `${infer C}${infer Rest}`
  ? `${Uppercase<C> extends Lowercase<C> ? '' : C}${Letters<Rest>}`
  : '';

/** The chain of one kind's lines, for the chain builder of document.ts (its key from the kind's letters). */
export function changeChain<K extends string>(
  kind: K,
): {
  key: `lChange${Letters<K>}`;
  when: (r: FormulaRefs<ChangeHelperKey>) => string;
  item: (r: FormulaRefs<ChangeHelperKey>) => string;
} {
  return {
    key: `lChange${kind.replace(/[^A-Za-z]/g, '') as Letters<K>}`,
    // IF, not AND: AND evaluates every argument and a blank helper row has no history row to INDEX.
    when: (r) => `IF(${r.row.hLine}="",FALSE(),${norm(at(r, 'kind', r.row.hRow))}="${kind.toLowerCase()}")`,
    item: (r) => r.row.hLine,
  };
}

/** The status line: what is compared, or a placeholder (CHANGE_TEXTS). */
export function changeStatusFormula(r: FormulaRefs<never>): string {
  const none = `COUNT(${whole(r, 'date')})=0`;
  const [one, compared] = [CHANGE_TEXTS.one('§L'), CHANGE_TEXTS.compared('§L', '§P')].map(
    (t) => `"${t.replace('§L', `"&${iso(latest(r))}&"`).replace('§P', `"&${iso(previous(r))}&"`)}"`,
  );
  const tooMany = `"[The two latest snapshots hold more than ${ROWS} values: see the Progress History sheet, or Copy strategy as Markdown]"`;
  return `IF(${none},"${CHANGE_TEXTS.none}",IF(${previous(r)}=0,${one},IF(${truncated(r)},${tooMany},${compared})))`;
}

/** A kind's line: its chain, "" while nothing is compared, a placeholder when the latest snapshot has none. */
export function changeKindFormula(r: FormulaRefs<never>, chainEnd: string): string {
  const idle = `OR(COUNT(${whole(r, 'date')})=0,${previous(r)}=0,${truncated(r)})`;
  const missing = `"${CHANGE_TEXTS.kindMissing('§L').replace('§L', `"&${iso(latest(r))}&"`)}"`;
  return `IF(${idle},"",IF(${chainEnd}="",${missing},${chainEnd}))`;
}
