/**
 * "Use team scores" (#20 item 1): the Full Strategy Workbook's Prioritization sheet takes the Team Scoring sheet's team
 * score of each project it names instead of the typed value, criterion by criterion. In HyperFormula the hidden "… used"
 * columns and everything computed from them (score, rank, quadrant, plan, commitment) equal what the strategy reader
 * gives for the same workbook (file with computed values and without), setting Yes and No, with a project Team Scoring
 * does not name, a criterion nobody rated, and a project named "R&D *core*" matched literally; the Strategy Document and
 * Strategy Review sheets equal the core on the same data.
 */
import { compileTemplate } from '../../shared/templates';
import { readStrategy } from '../../shared/strategy/read';
import { strategyDocument } from '../../shared/strategy/model';
import { documentLineTexts } from '../../shared/strategy/document-lines';
import { REVIEW_CHECKS, reviewStrategy } from '../../shared/strategy/checks';
import { DOCUMENT_LINES } from '../../shared/templates/document';
import { todaySerial } from '../../shared/functions/metrics';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { USE_TEAM_NO, USE_TEAM_YES } from '../../shared/catalogue/prioritization-team';
import type { PlanCell } from '../../shared/plan/plan';
import { computedColumnChecks } from '../../shared/self-check/columns';
import { engineSheets } from '../strategy/workbook-source';
import { loadPlan, type LoadedPlan } from './loader';
import { column, layoutOf, setInputs, setSide, side, specOf } from './engine-helpers';

const NOW = new Date(); // HyperFormula's TODAY() is the real date
const WB = 'strategy-workbook';
const P = layoutOf(WB, 'projects');
const T = layoutOf(WB, 'team');
const USED = ['impactUsed', 'urgencyUsed', 'effortUsed', 'riskUsed'] as const;
/** The columns computed from the values used, as the reader returns them. */
const COMPUTED = ['score', 'quadrant', 'quarter', 'commitment'] as const;

let loaded: LoadedPlan;
let example: { projects: Record<string, PlanCell>[]; team: Record<string, PlanCell>[] };
beforeAll(() => {
  // The add-in's cells (Rank Stability, the tipping points) compute live, as in the hosts: the document reads them.
  loaded = loadPlan(compileTemplate(WB, { example: true, now: NOW }), undefined, undefined, { addIn: true });
  const rowsOf = (key: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      Object.fromEntries(
        specOf(WB, key)
          .columns.filter((c) => !c.formula)
          .map((c) => [c.key, loaded.values(key)[i + 1][layoutOf(WB, key).index[c.key]] as PlanCell]),
      ),
    );
  example = { projects: rowsOf('projects', 4), team: rowsOf('team', 4) };
});
afterAll(() => loaded.destroy());

/** The sheet's values for the projects read, by column key (the reader's rows are the typed rows, in order). */
function sheetColumns(n: number): Record<string, unknown[]> {
  const blankAsUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
  return Object.fromEntries(
    [...USED, ...COMPUTED].map((k) => [
      k,
      column(loaded, P, k)
        .slice(0, n)
        .map((v) => (USED.includes(k as never) ? blankAsUndefined(v) : (v ?? ''))),
    ]),
  );
}

/** The reader's values for the same columns, from the file with and without computed values. */
function readerColumns(cached: boolean): Record<string, unknown[]> {
  const { data } = readStrategy(engineSheets(loaded, cached), NOW);
  return Object.fromEntries(
    [...USED, ...COMPUTED].map((k) => [k, data.projects.map((p) => (p as Record<string, unknown>)[k])]),
  );
}

/**
 * Sheet = reader (both ways); the self-check's comparisons ("Check this add-in" in both hosts) pass on the sheet; the
 * Document and Review sheets = the core on the data read.
 */
function expectSheetEqualsReader(n: number): Record<string, unknown[]> {
  const got = sheetColumns(n);
  const grid = loaded.values('projects').map((row) => row.map((v) => v ?? ''));
  const checks = computedColumnChecks(specOf(WB, 'projects'), 'Prioritization', grid, { dayOf: () => 0, now: NOW });
  expect(checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
  expect(checks.map((c) => c.name)).toContain('Prioritization: Priority Score');
  for (const cached of [true, false]) expect(readerColumns(cached)).toEqual(got);
  const { data } = readStrategy(engineSheets(loaded, false), NOW);
  const today = todaySerial({ now: () => NOW });
  const doc = column(loaded, layoutOf(WB, 'document'), 'content').slice(0, DOCUMENT_LINES.length);
  expect(doc).toEqual(documentLineTexts(data, strategyDocument(data, today)));
  const R = layoutOf(WB, 'review');
  const [status, count, items] = ['status', 'count', 'items'].map((k) => column(loaded, R, k));
  expect(REVIEW_CHECKS.map((c, i) => [c.id, status[i], count[i], items[i]])).toEqual(
    reviewStrategy(data, today).map((f) => [f.check.id, f.status, f.count, f.items]),
  );
  return got;
}

const setUseTeam = (v: PlanCell) => setSide(loaded, P, 'useTeam', v);

test('the setting is in the full workbook\u2019s settings, "No" by default; the single Prioritization template has none and says where it is', () => {
  expect(side(loaded, P, 'useTeam')).toBe(USE_TEAM_NO);
  const single = compileTemplate('prioritization', { example: true, now: NOW }).sheets[0];
  expect(single.cells.flat()).not.toContain('Use team scores');
  expect(single.note).toMatch(/Full Strategy Workbook.*Team Scoring sheet.*"Use team scores"/);
  expect(PRIORITIZATION_SHEET.side?.map((s) => s.key)).not.toContain('useTeam');
});

test('No: the typed scores; Yes: the team\u2019s (Refactor\u2019s risk 5 → its raters\u2019 median 4.5), the sheet equal to the reader', () => {
  setInputs(loaded, specOf(WB, 'projects'), example.projects);
  setInputs(loaded, specOf(WB, 'team'), example.team);
  setUseTeam(USE_TEAM_NO);
  const no = expectSheetEqualsReader(4);
  expect(no.riskUsed).toEqual([6, 4, 5, 8]);
  expect(no.score).toEqual([17.5, 11, 2.5, 3.5]);
  setUseTeam(USE_TEAM_YES);
  const yes = expectSheetEqualsReader(4);
  expect(yes.riskUsed).toEqual([6, 4, 4.5, 8]);
  expect(yes.score).toEqual([17.5, 11, 3, 3.5]);
  setUseTeam('yes'); // any case, as the hosts compare texts
  expect(sheetColumns(4).score).toEqual([17.5, 11, 3, 3.5]);
});

test('a project Team Scoring does not name, a criterion nobody rated, "R&D *core*" beside "R&D new core work"', () => {
  const typed = { urgency: 5, effort: 3, risk: 2, theme: 'Enterprise-Ready Platform' };
  setInputs(loaded, specOf(WB, 'projects'), [
    ...example.projects,
    { project: 'Audit log', impact: 6, ...typed }, // not on Team Scoring
    { project: 'R&D *core*', impact: 5, ...typed }, // Team Scoring names "R&D new core work" only
    { project: 'Billing', impact: 4, ...typed }, // rated on impact only
  ]);
  setInputs(loaded, specOf(WB, 'team'), [
    ...example.team,
    { project: 'R&D new core work', i1: 10, i2: 10, u1: 10, e1: 1, k1: 1 },
    { project: 'Billing', i1: 9, i2: 8 },
  ]);
  setUseTeam(USE_TEAM_YES);
  const got = expectSheetEqualsReader(7);
  expect(got.impactUsed.slice(4)).toEqual([6, 5, 8.5]);
  expect(got.urgencyUsed.slice(4)).toEqual([5, 5, 5]);
  // Once Team Scoring names "R&D *core*" itself, its team score is used.
  setInputs(loaded, specOf(WB, 'team'), [
    ...example.team,
    { project: 'R&D new core work', i1: 10 },
    { project: 'R&D *core*', i1: 7, i2: 9, u1: 1 },
  ]);
  const named = expectSheetEqualsReader(7);
  expect([named.impactUsed[5], named.urgencyUsed[5], named.effortUsed[5]]).toEqual([8, 1, 3]);
  expect(column(loaded, T, 'teamImpact').slice(4, 6)).toEqual([10, 8]);
});
