/**
 * Host-neutral rules every compiled plan must keep so that both real hosts read it the way the fakes do
 * (see docs/host-api-notes.md for the documentation behind each rule). Checked for every template,
 * blank and with example, with names resolved.
 */
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import { cellsFor, type Host } from '../../shared/plan/host-cells';
import { overlaps, parseRange, type RangeRef } from '../../shared/a1/a1';
import { resolvePlan } from '../../shared/plan/resolve';
import type { SheetPlan } from '../../shared/plan/plan';

const cases = TEMPLATES.flatMap((t) => [false, true].map((example) => ({ id: t.id, example })));
const inside = (r: RangeRef, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

function textFormatted(s: SheetPlan, row: number, col: number): boolean {
  let f: string | undefined;
  for (const nf of s.numberFormats) if (inside(parseRange(nf.range), row, col)) f = nf.format;
  return f === '@';
}

describe.each(cases)('$id (example: $example)', ({ id, example }) => {
  const plan = resolvePlan(compileTemplate(id, { example }), { sheets: [], namedRanges: [], tables: [] }).plan;

  test('no formula in a text-formatted ("@") cell: both hosts would keep it as text', () => {
    const bad: string[] = [];
    for (const s of plan.sheets)
      for (const host of ['sheets', 'excel'] as Host[])
        cellsFor(s, host).forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v === 'string' && v.startsWith('=') && textFormatted(s, i + 1, j + 1))
              bad.push(`${host} ${s.name} r${i + 1}c${j + 1}`);
          }),
        );
    expect(bad).toEqual([]);
  });

  test('no constant text starting with "+" or "-": Excel (Range.values) reads such text as a formula', () => {
    const bad: string[] = [];
    for (const s of plan.sheets)
      for (const row of s.cells)
        for (const v of row) if (typeof v === 'string' && /^[+-]/.test(v)) bad.push(`${s.name}: ${v}`);
    expect(bad).toEqual([]);
  });

  test('booleans are written TRUE() / FALSE(): HyperFormula (the preview) reads a bare TRUE or FALSE as an unknown name', () => {
    const bare = /(^|[^A-Za-z0-9_."])(TRUE|FALSE)(?!\s*\()(?![A-Za-z0-9_])/;
    const strip = (f: string): string => f.replace(/"(?:[^"]|"")*"/g, '""'); // text literals may say TRUE
    const bad: string[] = [];
    for (const s of plan.sheets) {
      const formulas = [
        ...s.cells.flat(),
        ...(s.hostCells ?? []).flatMap((h) => h.cells.flat()),
        ...s.conditionalFormats.map((c) => (c.rule.kind === 'formula' ? c.rule.formula : null)),
      ].filter((v): v is string => typeof v === 'string' && v.startsWith('='));
      for (const f of formulas) if (bare.test(strip(f))) bad.push(`${s.name}: ${f.slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  });

  test('formula conditional formats are written for the top-left cell of their range', () => {
    const bad: string[] = [];
    for (const s of plan.sheets)
      for (const c of s.conditionalFormats) {
        if (c.rule.kind !== 'formula') continue;
        const top = parseRange(c.range).top;
        // Relative row references (no $ before the digits) in the formula, outside string literals.
        const code = c.rule.formula.replace(/"[^"]*"/g, '""');
        for (const m of code.matchAll(/\$?[A-Z]{1,3}([0-9]+)(?![0-9(])/g))
          if (!m[0].includes('$', 1) && Number(m[1]) !== top) bad.push(`${s.name} ${c.range}: ${c.rule.formula}`);
      }
    expect(bad).toEqual([]);
  });

  test('validation ranges of a sheet never overlap (Excel sets one rule per cell)', () => {
    const bad: string[] = [];
    for (const s of plan.sheets)
      s.validations.forEach((a, i) =>
        s.validations.slice(i + 1).forEach((b) => {
          if (overlaps(parseRange(a.range), parseRange(b.range))) bad.push(`${s.name}: ${a.range} / ${b.range}`);
        }),
      );
    expect(bad).toEqual([]);
  });

  test('in-line list validations fit Excel (no commas inside items, at most 255 characters) and messages fit their boxes', () => {
    const bad: string[] = [];
    for (const s of plan.sheets)
      for (const v of s.validations) {
        if (v.rule.kind === 'list') {
          if (v.rule.values.some((x) => x.includes(',')))
            bad.push(`${s.name} ${v.range}: comma in ${v.rule.values.join('|')}`);
          if (v.rule.values.join(',').length > 255) bad.push(`${s.name} ${v.range}: list longer than 255`);
        }
        if ((v.help ?? '').length > 255) bad.push(`${s.name} ${v.range}: help longer than 255`);
      }
    expect(bad).toEqual([]);
  });

  test('sheet, named-range and table names are valid in both hosts', () => {
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      if (s.table) expect(s.table.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
    for (const n of plan.namedRanges) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/); // would read as a cell reference
    }
  });
});
