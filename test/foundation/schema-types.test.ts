/**
 * One typed schema per sheet (shared/spec/schema.ts): a sheet's columns are declared once in its spec, and the
 * type checker holds every other mention of a key to that declaration. The `@ts-expect-error` lines are the proof:
 * `npm run typecheck` fails with "Unused '@ts-expect-error' directive" the day the checker accepts one of them.
 * At run time: every computed column names a registry function and keys that exist, the reader returns exactly the
 * `kind` columns, and the self-check's comparisons (derived from the schemas) hold on every inserted example sheet.
 */
import { findFunction } from '../../shared/functions';
import { compileTemplate, TEMPLATES, templateSheets } from '../../shared/templates';
import { defineSheet } from '../../shared/spec/schema';
import type { FormulaRefs, SheetSpec } from '../../shared/spec/spec';
import type { PlanCell } from '../../shared/plan/plan';
import { ADR_SHEET } from '../../shared/catalogue/adr';
import { BUSINESS_CONTEXT_SHEET } from '../../shared/catalogue/business-context';
import { HEALTH_SHEET } from '../../shared/catalogue/health';
import { HISTORY_SHEET } from '../../shared/catalogue/history';
import { METRICS_SHEET } from '../../shared/catalogue/metrics';
import { NOT_DOING_SHEET } from '../../shared/catalogue/not-doing';
import { ORGANIZATION_SHEET } from '../../shared/catalogue/organization';
import { PRINCIPLES_SHEET } from '../../shared/catalogue/principles';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { ROADMAP_SHEET } from '../../shared/catalogue/roadmap';
import { THEMES_SHEET } from '../../shared/catalogue/themes';
import { VELOCITY_SHEET } from '../../shared/catalogue/velocity';
import { DASHBOARD_SHEET } from '../../shared/catalogue/dashboard';
import { DEBT_SHEET } from '../../shared/catalogue/debt';
import { TEAM_SHEET } from '../../shared/catalogue/team';
import { DOCUMENT_SHEET } from '../../shared/templates/document';
import { REVIEW_SHEET } from '../../shared/templates/review';
import { START_SHEET } from '../../shared/templates/start';
import { computedParts } from '../../shared/strategy/computed';
import type { ProjectRow, StrategyData } from '../../shared/strategy/data';
import { readStrategy } from '../../shared/strategy/read';
import { computedColumnChecks, isComparedSheet } from '../../shared/self-check/columns';
import { loadPlan } from '../templates/loader';
import { layoutSheet } from '../../shared/compiler/compile';

/** The sheets converted to typed schemas: every one the strategy reader reads. */
const SHEETS = {
  themes: THEMES_SHEET,
  context: BUSINESS_CONTEXT_SHEET,
  health: HEALTH_SHEET,
  principles: PRINCIPLES_SHEET,
  projects: PRIORITIZATION_SHEET,
  roadmap: ROADMAP_SHEET,
  metrics: METRICS_SHEET,
  velocity: VELOCITY_SHEET,
  adr: ADR_SHEET,
  notDoing: NOT_DOING_SHEET,
  history: HISTORY_SHEET,
  org: ORGANIZATION_SHEET,
  team: TEAM_SHEET,
  debt: DEBT_SHEET,
};
const CONVERTED: SheetSpec[] = Object.values(SHEETS);

describe('formula builders get references typed by the sheet keys', () => {
  test('a misspelt key in a formula, a conditional format, a named range or a computed argument does not compile', () => {
    const sheet = defineSheet({
      key: 'demo',
      name: 'Demo',
      rows: 2,
      columns: [
        { key: 'impact', header: 'Impact', kind: 'number', width: 60 },
        {
          key: 'score',
          header: 'Score',
          kind: 'number',
          width: 60,
          formula: (r) => `${r.row.impact}*${r.side.weight}`,
          computes: { fn: 'PRIORITY_SCORE', args: [{ col: 'impact' }, { side: 'weight' }] },
        },
        // @ts-expect-error impactx is not a column of this sheet
        { key: 'typo', header: 'Typo', width: 60, formula: (r) => `${r.row.impactx}*2` },
        // @ts-expect-error weigth is not a side-block key
        { key: 'typo2', header: 'Typo', width: 60, formula: (r) => `${r.side.weigth}` },
        // @ts-expect-error a computed argument names a column of the sheet
        { key: 'typo3', header: 'Typo', width: 60, computes: { fn: 'PRIORITY_SCORE', args: [{ col: 'impct' }] } },
      ],
      side: [{ key: 'weight', label: 'Weight', value: 2 }],
      // @ts-expect-error scroe is not a column
      conditionalFormats: [{ columns: ['scroe'], rule: () => ({ kind: 'dataBar', color: '#000000' }) }],
      // @ts-expect-error the named range's column is a column of the sheet
      namedRanges: [{ key: 'n', name: 'N', column: 'impacts' }],
    });
    expect(sheet.columns.map((c) => c.key)).toEqual(['impact', 'score', 'typo', 'typo2', 'typo3']);
  });

  test("the real sheets' builders are typed too, and rows only have the columns the schema reads", () => {
    const roadmap = { row: {} } as FormulaRefs<KeysOf<typeof ROADMAP_SHEET>>;
    // @ts-expect-error Roadmap has no column "dependson" (the key is "dependsOn")
    expect(roadmap.row.dependson).toBeUndefined();
    const row: ProjectRow = { project: 'A', theme: '', owner: '', quadrant: '', quarter: '', commitment: '' };
    // @ts-expect-error rank is computed on the sheet but not read (no kind)
    expect(row.rank).toBeUndefined();
    // Every key set is narrow (a helper returning plain string keys would silently widen it to `string`).
    const narrow: { [k in keyof typeof SHEETS]: IsNarrow<(typeof SHEETS)[k]> } = {
      themes: true,
      context: true,
      health: true,
      principles: true,
      projects: true,
      roadmap: true,
      metrics: true,
      velocity: true,
      adr: true,
      notDoing: true,
      history: true,
      org: true,
      team: true,
      debt: true,
    };
    expect(Object.keys(narrow)).toHaveLength(CONVERTED.length);
  });

  test('the sheets the reader does not read by schema are typed by their keys too (or listed as not yet)', () => {
    const others = { dashboard: DASHBOARD_SHEET, start: START_SHEET, review: REVIEW_SHEET, document: DOCUMENT_SHEET };
    const narrow: { [k in keyof typeof others]: IsNarrow<(typeof others)[k]> } = {
      dashboard: true,
      start: true,
      review: true,
      document: true,
    };
    expect(Object.keys(narrow)).toEqual(Object.keys(others));
    const debt = { row: {} } as FormulaRefs<KeysOf<typeof DEBT_SHEET>>;
    // @ts-expect-error Technical Debt has no column "decison"
    expect(debt.row.decison).toBeUndefined();
    const team = { row: {} } as FormulaRefs<KeysOf<typeof TEAM_SHEET>>;
    // @ts-expect-error Team Scoring's ratings are i1 … i4 (a fifth rater goes on a copy of the sheet)
    expect(team.row.i5).toBeUndefined();
    // @ts-expect-error Team Scoring's team columns are named by the criterion's header ("teamImpact")
    expect(team.row.teamimpact).toBeUndefined();
    const review = { row: {} } as FormulaRefs<KeysOf<typeof REVIEW_SHEET>>;
    // @ts-expect-error Strategy Review's helper columns are c<check>s<source>n and …l
    expect(review.row.c1s0x).toBeUndefined();
    const document = { row: {} } as FormulaRefs<KeysOf<typeof DOCUMENT_SHEET>>;
    // @ts-expect-error Strategy Document's list columns are named by their quarter ("lQ1Plan")
    expect(document.row.lQ5Plan).toBeUndefined();
  });
});

/** A sheet's keys as its formula builders see them. */
type KeysOf<T> = T extends SheetSpec<infer K, infer _S> ? K : never;
type IsNarrow<T> = string extends KeysOf<T> ? false : true;

describe('the schemas at run time', () => {
  test.each(CONVERTED.map((s) => [s.key, s] as const))(
    '%s: computed columns name registry functions and real keys',
    (_, spec) => {
      const keys = new Set(spec.columns.map((c) => c.key));
      const sides = new Set((spec.side ?? []).map((x) => x.key));
      for (const part of computedParts(spec)) {
        const c = part.computes!;
        if ('fn' in c) {
          expect([part.key, findFunction(c.fn)?.name]).toEqual([part.key, c.fn]);
          for (const a of c.args) {
            if ('col' in a) expect(keys.has(a.col)).toBe(true);
            if ('side' in a) expect(sides.has(a.side)).toBe(true);
          }
        } else if (c.evaluate !== undefined) expect(c.evaluate([], {})).toEqual([]);
        else expect(keys.has(c.rankOf)).toBe(true);
      }
    },
  );

  /** Each sheet as inserted alone with its example (its one-sheet template), read back from the formula engine. */
  const ALONE = CONVERTED.map((spec) => {
    const id = TEMPLATES.find((t) => {
      const s = templateSheets(t.id);
      return s.length === 1 && s[0].key === spec.key;
    })?.id;
    return [spec.key, spec, id] as const;
  }).filter(([, , id]) => id !== undefined);
  /** Each one-sheet template's plan and the values the formula engine calculates for it (computed once). */
  const inEngine = new Map<string, { plan: ReturnType<typeof compileTemplate>; grid: unknown[][] }>();
  const engineValues = (key: string, id: string) => {
    if (!inEngine.has(key)) {
      const plan = compileTemplate(id, { example: true });
      inEngine.set(key, { plan, grid: loadPlan(plan).values(key) });
    }
    return inEngine.get(key)!;
  };

  test.each(ALONE)(
    '%s: the reader returns exactly its kind columns; the self-check comparisons hold',
    (key, spec, id) => {
      const { plan, grid } = engineValues(key, id!);
      const { data, found } = readStrategy([{ name: plan.sheets[0].name, rows: grid as never }], new Date());
      const field = (key === 'adr' ? 'adrs' : key) as keyof StrategyData;
      expect(found[field]).toBe(plan.sheets[0].name);
      const kinds = spec.columns.filter((c) => c.kind).map((c) => c.key);
      const rows = data[field] as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Object.keys(r).sort()).toEqual([...kinds].sort());
      // The self-check's comparisons, derived from the same schema, hold on the example in the engine.
      const failed = computedColumnChecks(spec, spec.name, grid, { dayOf: () => 0, now: new Date() }).filter(
        (c) => !c.ok,
      );
      expect(failed).toEqual([]);
      expect(computedColumnChecks(spec, spec.name, grid, { dayOf: () => 0, now: new Date() }).length).toBe(
        isComparedSheet(spec) ? computedParts(spec).length : 0,
      );
    },
  );

  /**
   * A file without cached results (our .xlsx writer leaves them to the spreadsheet): every computed column the reader
   * reads is blanked, and the reader computes it from the schema (a registry function or a named evaluation) to the
   * values the formula engine calculated.
   */
  /** The columns the reader computes when the file has no value (not the ones it only takes from the file). */
  const readerComputed = (spec: SheetSpec) =>
    spec.columns.filter((c) => c.kind && c.computes && !('fn' in c.computes && c.computes.checkOnly));
  /** Numbers as the engine keeps them (about 11 significant digits). */
  const rounded = (rows: unknown): unknown =>
    JSON.parse(JSON.stringify(rows, (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)));

  test.each(ALONE.filter(([, spec]) => readerComputed(spec).length > 0))(
    '%s: without cached results the reader computes what the sheet shows',
    (key, spec, id) => {
      const { plan, grid } = engineValues(key, id!);
      const L = layoutSheet(spec);
      const blanked = new Set(readerComputed(spec).map((c) => L.index[c.key]));
      const uncached = grid.map((row, r) =>
        r + 1 < L.firstRow ? row : row.map((v, c) => (blanked.has(c) ? undefined : v)),
      );
      const read = (g: unknown[][]) =>
        readStrategy([{ name: plan.sheets[0].name, rows: g as never }], new Date()).data[key as keyof StrategyData];
      expect(rounded(read(uncached))).toEqual(rounded(read(grid)));
    },
  );

  /** Cells of a sheet typed over its example: column key and data row (0-based), or a side-block key. */
  function typed(spec: SheetSpec, cells: [string, number | 'side', PlanCell][]): Record<string, PlanCell> {
    const L = layoutSheet(spec);
    return Object.fromEntries(
      cells.map(([key, row, v]) => [
        row === 'side' ? L.side[key].replace(/\$/g, '') : `${L.letters[key]}${L.firstRow + row}`,
        v,
      ]),
    );
  }

  /** Edge rows typed over an example, and the fields not compared (the reader differs from the sheet there). */
  const EDGES: [keyof typeof SHEETS & keyof StrategyData, string, Record<string, PlanCell>, string[]][] = [
    // A debt that costs no time (payback "Never": live with it), one whose fix is not estimated yet.
    [
      'debt',
      'technical-debt',
      typed(DEBT_SHEET, [
        ['hoursLost', 0, 0],
        ['fixHours', 1, null],
      ]),
      [],
    ],
    // A blank capacity: the sheet leaves every odds and commitment blank (a sheet without the setting plans with 10).
    // Not compared: the Planned Quarter, which the reader plans with the default capacity (as it did before).
    ['projects', 'prioritization', typed(PRIORITIZATION_SHEET, [['capacity', 'side', null]]), ['quarter']],
    // Ratings that agree everywhere but on one criterion, where two raters tie for the highest.
    [
      'team',
      'team-scoring',
      typed(TEAM_SHEET, [
        ['i1', 0, 9],
        ['i2', 0, 9],
        ['i3', 0, 2],
        ['i4', 0, 9],
      ]),
      [],
    ],
  ];

  test.each(EDGES)(
    '%s, edge rows: without cached results the reader computes what the sheet shows',
    (key, id, cells, not) => {
      const plan = compileTemplate(id, { example: true });
      const grid = loadPlan(plan, undefined, { [key]: cells }).values(key);
      const [spec, name] = [SHEETS[key] as SheetSpec, plan.sheets[0].name];
      const L = layoutSheet(spec);
      const blanked = new Set(readerComputed(spec).map((c) => L.index[c.key]));
      const uncached = grid.map((row, r) =>
        r + 1 < L.firstRow ? row : row.map((v, c) => (blanked.has(c) ? undefined : v)),
      );
      const read = (g: unknown[][]) =>
        (readStrategy([{ name, rows: g as never }], new Date()).data[key] as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.entries(row).filter(([k]) => !not.includes(k))),
        );
      expect(rounded(read(uncached))).toEqual(rounded(read(grid)));
      // The self-check's comparisons hold on the same cells (but for the fields not compared).
      const skipped = spec.columns.filter((c) => not.includes(c.key)).map((c) => `${name}: ${c.header}`);
      const checks = computedColumnChecks(spec, name, grid, { dayOf: () => 0, now: new Date() });
      expect(checks.filter((c) => !c.ok && !skipped.includes(c.name))).toEqual([]);
    },
  );
});
