/**
 * The HyperFormula plugin generated from the registry gives, for every registry function,
 * exactly what the core's invoke() gives the hosts: same numbers, same blanks, same error
 * messages, single cells and whole columns (spilled), and each documented example.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { ENGINE_CONFIG, registerRegistryFunctions } from '../../preview/engine/plugin';
import { REGISTRY } from '../../shared/functions';
import { invoke } from '../../shared/functions/invoke';
import { isRangeParam, type FunctionSpec } from '../../shared/functions/spec';
import { isCellError, type Result } from '../../shared/core/values';

registerRegistryFunctions();

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A small deterministic generator so failures are reproducible. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Texts the examples use (choices such as "Do Now", "Elite", metric texts "$1M"), plus some invalid ones. */
function textsFor(spec: FunctionSpec): string[] {
  const found = new Set<string>(['high', '5', '2027-03-31', 'N/A']);
  for (const e of spec.examples) for (const m of e.formula.matchAll(/"([^"]*)"/g)) found.add(m[1]);
  return [...found];
}

function pool(spec: FunctionSpec): unknown[] {
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2.5, 0, -1, 0.5, 0.85, 42, 100, 46000, null, true, ...textsFor(spec)];
}

/** What a user types to get exactly this value in a cell: texts are quoted with an apostrophe so "5" stays text. */
function typed(v: unknown): unknown {
  return typeof v === 'string' ? `'${v}` : v;
}

function expectSame(actual: unknown, expected: Result, where: string): void {
  if (isCellError(expected)) {
    expect({
      where,
      value: actual instanceof DetailedCellError ? { code: actual.value, message: actual.message } : actual,
    }).toEqual({
      where,
      value: { code: expected.code, message: expected.message },
    });
  } else if (typeof expected === 'number') {
    expect({ where, type: typeof actual }).toEqual({ where, type: 'number' });
    // Full double precision, as the hosts return it (HyperFormula's display rounding is off).
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (expected === '') {
    // A blank result: HyperFormula keeps the empty text the core returns.
    expect({ where, value: actual === null ? '' : actual }).toEqual({ where, value: '' });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: expected });
  }
}

describe.each(REGISTRY.map((f) => [f.name, f] as const))('%s in HyperFormula equals invoke()', (_name, spec) => {
  const values = pool(spec);

  test('single cells, valid and invalid values, with and without optional arguments', () => {
    const next = rng(spec.name.length * 7919);
    const pick = (): unknown => values[Math.floor(next() * values.length)];
    const required = spec.params.filter((p) => !p.optional).length;
    const rows: unknown[][] = [];
    const cases: { args: unknown[]; count: number }[] = [];
    for (let r = 0; r < 60; r++) {
      const count = required + Math.floor(next() * (spec.params.length - required + 1));
      // Mostly plausible numbers so that valid inputs are well covered, some anything-goes.
      const args = spec.params
        .slice(0, count)
        .map((p) => (isRangeParam(p) ? (next() < 0.5 ? 1 : 2) : next() < 0.6 ? 1 + Math.floor(next() * 10) : pick()));
      cases.push({ args, count });
      const refs = args.map((_, i) => `${colName(i)}${r + 1}`);
      rows.push([
        ...args.map(typed),
        ...Array(spec.params.length - count).fill(null),
        `=${spec.name}(${refs.join(',')})`,
      ]);
    }
    // A single-cell call keeps to one cell in both hosts, except a function whose result is a fixed array
    // (WEIGHT_TIPPING_POINT's 4×2): each call then gets that many rows, and every cell of its block is compared.
    const results = cases.map((c) => invoke(spec, c.args));
    const height = Math.max(...results.map((g) => g.length));
    const spaced = rows.flatMap((row, r) => {
      const refs = cases[r].args.map((_, i) => `${colName(i)}${r * height + 1}`);
      const line = [...row.slice(0, -1), `=${spec.name}(${refs.join(',')})`];
      return [line, ...Array.from({ length: height - 1 }, () => [])];
    });
    const hf = HyperFormula.buildFromArray(spaced as never, ENGINE_CONFIG);
    const outCol = spec.params.length;
    results.forEach((expected, r) => {
      if (height === 1) expect(expected.length * expected[0].length).toBe(1);
      expected.forEach((line, dr) =>
        line.forEach((e, dc) =>
          expectSame(
            hf.getCellValue({ sheet: 0, row: r * height + dr, col: outCol + dc }),
            e,
            `${spec.name}(${JSON.stringify(cases[r].args)}) [${dr}][${dc}]`,
          ),
        ),
      );
    });
    hf.destroy();
  });

  test('whole columns spill one result per row, blank rows stay blank', () => {
    const next = rng(spec.name.length * 104729);
    const height = 6;
    const grid: unknown[][] = Array.from({ length: height }, () => Array(spec.params.length + 1).fill(null));
    const rawArgs: unknown[] = [];
    const refs: string[] = [];
    spec.params.forEach((p, i) => {
      const col = colName(i);
      if (isRangeParam(p) || p.shape === 'single') {
        const v = isRangeParam(p) ? [1, 1, 0.5, 1] : [1 + Math.floor(next() * 10)];
        v.forEach((x, r) => (grid[r][i] = x));
        rawArgs.push(isRangeParam(p) ? v.map((x) => [x]) : v[0]);
        refs.push(isRangeParam(p) ? `${col}1:${col}${v.length}` : `${col}1`);
        return;
      }
      const column: unknown[] = [];
      for (let r = 0; r < height; r++) {
        // Row 4 is blank in every column; row 5 has one invalid value.
        const v = r === 3 ? null : r === 4 && i === 0 ? 'high' : 1 + Math.floor(next() * 10);
        grid[r][i] = typed(v);
        column.push([v]);
      }
      rawArgs.push(column);
      refs.push(`${col}1:${col}${height}`);
    });
    const out = spec.params.length + 1;
    grid[0].push(`=${spec.name}(${refs.join(',')})`);
    const hf = HyperFormula.buildFromArray(grid as never, ENGINE_CONFIG);
    const expected = invoke(spec, rawArgs);
    expected.forEach((row, r) =>
      row.forEach((e, c) =>
        expectSame(hf.getCellValue({ sheet: 0, row: r, col: out + c }), e, `${spec.name} column row ${r + 1}`),
      ),
    );
    hf.destroy();
  });

  test('documented examples without cell references give the documented result', () => {
    const hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    hf.addSheet('Sheet1');
    let checked = 0;
    for (const e of spec.examples) {
      if (/\b[A-Z]{1,3}\d+\b/.test(e.formula.replace(/"[^"]*"/g, '').replace(new RegExp(spec.name, 'g'), ''))) continue;
      const got = hf.calculateFormula(e.formula, 0);
      const parse = (text: string): unknown =>
        text.trim() === '(blank)'
          ? ''
          : text.trim() !== '' && Number.isFinite(Number(text))
            ? expect.closeTo(Number(text), 9)
            : text;
      let want: unknown;
      if (e.result.startsWith('#')) {
        const [code, ...rest] = e.result.split(' ');
        want = expect.objectContaining({ value: code, message: rest.join(' ') });
      } else if (e.result.includes('; ')) {
        // Rows by "; ", cells of a row by ", " (a 4×2 array); blank cells shown as (blank).
        want = e.result.split('; ').map((line) => line.split(', ').map(parse));
      } else {
        want = parse(e.result);
      }
      expect({ formula: e.formula, got }).toEqual({ formula: e.formula, got: want });
      checked++;
    }
    hf.destroy();
    // Every function documents at least one literal example with a plain result.
    expect(checked).toBeGreaterThan(0);
  });
});

describe('PRIORITY_SCORE in a sheet, as a user types it', () => {
  const hf = HyperFormula.buildFromArray(
    [
      ['Project', 'Impact', 'Urgency', 'Effort', 'Risk', 'Score', 'Scores'],
      ['SSO', 9, 8, 5, 6, '=PRIORITY_SCORE(B2,C2,D2,E2)', '=PRIORITY_SCORE(B2:B4,C2:C4,D2:D4,E2:E4)'],
      ['Dark mode', 3, 2, 2, 1, '=PRIORITY_SCORE(B3,C3,D3,E3)'],
      ['Rewrite', 'high', 5, 9, 8, '=PRIORITY_SCORE(B4,C4,D4,E4)'],
    ],
    ENGINE_CONFIG,
  );
  afterAll(() => hf.destroy());

  test('one row per formula and one formula for the column agree', () => {
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 5 })).toBe(17.5);
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 5 })).toBe(6);
    expect(hf.getRangeValues({ start: { sheet: 0, row: 1, col: 6 }, end: { sheet: 0, row: 2, col: 6 } })).toEqual([
      [17.5],
      [6],
    ]);
  });

  test('a bad row shows the core message and does not spoil the others', () => {
    const single = hf.getCellValue({ sheet: 0, row: 3, col: 5 }) as DetailedCellError;
    const spilled = hf.getCellValue({ sheet: 0, row: 3, col: 6 }) as DetailedCellError;
    expect(single.value).toBe('#VALUE!');
    expect(single.message).toBe('Impact must be a number from 1 to 10 (got "high")');
    expect(spilled.message).toBe(single.message);
  });

  test('editing an input recalculates both formulas', () => {
    hf.setCellContents({ sheet: 0, row: 3, col: 1 }, 10);
    expect(hf.getCellValue({ sheet: 0, row: 3, col: 5 })).toBe(10 * 2 + 5 - 4.5 - 8);
    expect(hf.getCellValue({ sheet: 0, row: 3, col: 6 })).toBe(12.5);
  });
});

describe('the cells a whole-range result takes', () => {
  test('HEALTH_SCORE of a column is one cell (what is under it stays usable); of a block, one score per row', () => {
    const hf = HyperFormula.buildFromArray(
      [
        [3, 4, 2, '=HEALTH_SCORE(A1:A3)', '=HEALTH_SCORE(A1:C3)', 'beside'],
        [4, 5, 3, 'under', null, 'beside'],
        [2, 3, 4, null, null, 'beside'],
      ] as never,
      ENGINE_CONFIG,
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe(3);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 3 })).toBe('under');
    expect([0, 1, 2].map((row) => hf.getCellValue({ sheet: 0, row, col: 4 }))).toEqual([3, 4, 3]);
    hf.destroy();
  });

  test('PRIORITY_PLAN takes one column, one row per project', () => {
    const hf = HyperFormula.buildFromArray(
      [
        [20, 4, '=PRIORITY_PLAN(A1:A2,B1:B2,5,"Q1 2027")', 'beside'],
        [10, 3, null, 'beside'],
      ] as never,
      ENGINE_CONFIG,
    );
    expect([0, 1].map((row) => hf.getCellValue({ sheet: 0, row, col: 2 }))).toEqual(['Q1 2027', 'Q2 2027']);
    hf.destroy();
  });
});
