/** Shared helpers for the template engine tests: reading columns by key, writing inputs, calling the core. */
import { findFunction, invoke } from '../../shared/functions';
import { layoutSheet, type SheetLayout } from '../../shared/compiler/compile';
import { templateSheets } from '../../shared/templates';
import type { PlanCell } from '../../shared/plan/plan';
import type { SheetSpec } from '../../shared/spec/spec';
import { isCellError, type Result } from '../../shared/core/values';
import { type EngineValue, type LoadedPlan, normalise } from './loader';
import { widestDisagreement } from '../../shared/decisions/team';
import { DISCUSS_PREFIX, RATERS, TEAM_CRITERIA } from '../../shared/catalogue/team';

export function specOf(templateId: string, sheetKey: string): SheetSpec {
  const s = templateSheets(templateId).find((x) => x.key === sheetKey);
  if (!s) throw new Error(`no sheet ${sheetKey} in ${templateId}`);
  return s;
}

export function layoutOf(templateId: string, sheetKey: string): SheetLayout {
  return layoutSheet(specOf(templateId, sheetKey));
}

/** The data cells of a column (by key), top to bottom. */
export function column(loaded: LoadedPlan, layout: SheetLayout, key: string): EngineValue[] {
  const id = loaded.sheetId(layout.key);
  const c = layout.index[key];
  if (c === undefined) throw new Error(`no column ${key}`);
  const out: EngineValue[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++)
    out.push(normalise(loaded.hf.getCellValue({ sheet: id, row: r - 1, col: c })));
  return out;
}

/** A side-block value (by key). */
export function side(loaded: LoadedPlan, layout: SheetLayout, key: string): EngineValue {
  const m = /^\$([A-Z]+)\$(\d+)$/.exec(layout.side[key])!;
  return loaded.at(layout.key, `${m[1]}${m[2]}`);
}

/** What a user types: texts in text-formatted columns stay texts (a leading apostrophe in HyperFormula). */
export function raw(v: PlanCell, text: boolean): PlanCell {
  return typeof v === 'string' && text && !v.startsWith('=') ? `'${v}` : v;
}

/**
 * Replaces the input columns of a sheet with `rows` (by column key; other data rows cleared),
 * leaving every formula in place. `textKeys` are the text-formatted columns.
 */
export function setInputs(
  loaded: LoadedPlan,
  spec: SheetSpec,
  rows: Record<string, PlanCell>[],
  textKeys: string[] = [],
): void {
  const layout = layoutSheet(spec);
  const id = loaded.sheetId(spec.key);
  // Typed columns only: not a formula, nor an add-in call's column, nor a block beside the settings (its spill).
  const inputs = spec.columns.filter((c) => !c.formula && !c.addIn && c.beside === undefined);
  loaded.hf.batch(() => {
    for (let i = 0; i < spec.rows; i++) {
      for (const c of inputs) {
        const v = rows[i]?.[c.key] ?? null;
        loaded.hf.setCellContents({ sheet: id, row: layout.firstRow - 1 + i, col: layout.index[c.key] }, [
          [raw(v, textKeys.includes(c.key)) as never],
        ]);
      }
    }
  });
}

export function setSide(loaded: LoadedPlan, layout: SheetLayout, key: string, v: PlanCell): void {
  const m = /^\$([A-Z]+)\$(\d+)$/.exec(layout.side[key])!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  loaded.hf.setCellContents({ sheet: loaded.sheetId(layout.key), row: Number(m[2]) - 1, col }, [[v as never]]);
}

/** Calls a registry function the way a host would, with columns as 2-D ranges; one result per row. */
export function core(name: string, args: unknown[]): Result[] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`${name} is not in the registry`);
  const asRange = args.map((a) => (Array.isArray(a) ? a.map((x) => [x === null ? '' : x]) : a));
  return invoke(spec, asRange).map((r) => r[0]);
}

/** Engine value → comparable form: blank cells and "" are the same blank; errors become "#ERR". */
export function comparable(v: EngineValue | Result): number | string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return '#ERR';
  if (typeof v === 'object') return '#ERR';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

export function same(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** The cell as the engine holds it, given to the core the way a host would (blank → null). */
export function asInput(v: EngineValue): unknown {
  return v === '' ? null : v;
}

/**
 * The Team Scoring sheet against the core, row by row: each team score is TEAM_SCORE of the raters' ratings, the
 * largest spread the widest TEAM_SPREAD, Discuss the criterion and raters of widestDisagreement at the threshold.
 * Returns the rows that differ (empty when all agree).
 */
export function checkTeamSheet(loaded: LoadedPlan): string[] {
  const L = layoutSheet(specOf('team-scoring', 'team'));
  const names = Array.from({ length: RATERS }, (_, i) => side(loaded, L, `rater${i + 1}`));
  const threshold = side(loaded, L, 'threshold') as number;
  const byCriterion = TEAM_CRITERIA.map((c) =>
    Array.from({ length: RATERS }, (_, i) => column(loaded, L, `${c.key}${i + 1}`).map(asInput)),
  );
  const block = (k: number) => byCriterion[k][0].map((_, row) => byCriterion[k].map((col) => col[row] ?? ''));
  const bad: string[] = [];
  const note = (row: number, what: string, got: unknown, want: unknown) =>
    bad.push(`row ${row + 2} ${what}: sheet ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
  TEAM_CRITERIA.forEach((c, k) => {
    const got = column(loaded, L, `team${c.header}`);
    invoke(findFunction('TEAM_SCORE')!, [block(k)]).forEach(([want], row) => {
      if (!same(comparable(got[row]), comparable(want))) note(row, `team ${c.word}`, got[row], want);
    });
  });
  const spread = column(loaded, L, 'spread');
  const discuss = column(loaded, L, 'discuss');
  spread.forEach((got, row) => {
    const ratings = byCriterion.map((raters) =>
      raters.map((col) => (typeof col[row] === 'number' ? (col[row] as number) : undefined)),
    );
    const d = widestDisagreement(ratings);
    if (!same(comparable(got), d ? d.spread : '')) note(row, 'spread', got, d?.spread);
    const want =
      d && d.spread >= threshold
        ? `${DISCUSS_PREFIX}${TEAM_CRITERIA[d.criterion].word}: ${String(names[d.high])} vs ${String(names[d.low])}`
        : '';
    if (discuss[row] !== want) note(row, 'discuss', discuss[row], want);
  });
  return bad;
}

const colNumber = (letters: string): number => letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The fill each data cell of a column shows by the sheet's formula rules, evaluated row by row in the engine (the
 * rule's references to its first data row moved to each row, as hosts apply them); the first rule that holds wins.
 */
export function ruleFills(loaded: LoadedPlan, sheetKey: string, key: string): (string | undefined)[] {
  const sheet = loaded.plan.sheets.find((s) => s.key === sheetKey)!;
  const L = layoutSheet(templateSheets('strategy-workbook').find((s) => s.key === sheetKey)!);
  const col = colNumber(L.letters[key]);
  const rules = sheet.conditionalFormats.filter((cf) => {
    const [from, to] = cf.range.split(':').map((a) => colNumber(a.replace(/\d+/g, '')));
    return cf.rule.kind === 'formula' && from <= col && col <= to;
  });
  return Array.from({ length: L.lastRow - L.firstRow + 1 }, (_, i) => {
    const hit = rules.find((cf) => {
      const f = (cf.rule as { formula: string }).formula.replace(/(\$?[A-Z]+)2\b/g, `$1${L.firstRow + i}`);
      return loaded.hf.calculateFormula(f, loaded.sheetId(sheetKey)) === true;
    });
    return hit?.style?.fill;
  });
}
