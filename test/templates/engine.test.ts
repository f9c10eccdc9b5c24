/**
 * Formula-engine proof for every template (promise 6): each template, blank and with example, is compiled,
 * resolved against an empty workbook and loaded into HyperFormula; every formula must evaluate without error,
 * blank rows must stay blank, and every computed column must equal the core function for the same inputs.
 */
import { compileTemplate, TEMPLATES } from '../../shared/templates';
import { layoutSheet } from '../../shared/compiler/compile';
import { todaySerial } from '../../shared/functions/metrics';
import { START_UNKNOWN_TEXT, TOO_BIG_TEXT } from '../../shared/scoring/plan';
import { DORA_ROWS } from '../../shared/catalogue/velocity';
import { DOCUMENT_LINES } from '../../shared/templates/document';
import { debtDecision } from '../../shared/decisions/debt';
import { checkTeamSheet } from './engine-helpers';
import { expectStartHere } from './start-here-checks';
import { isEngineError, loadPlan, type LoadedPlan } from './loader';
import { asInput, column, comparable, core, layoutOf, ruleFills, same, side, specOf } from './engine-helpers';
import { COLORS } from '../../shared/catalogue/common';
import { computedColumnChecks } from '../../shared/self-check/columns';
import { readStrategy } from '../../shared/strategy/read';
import { engineSheets } from '../strategy/workbook-source';

/** The self-check's calendar: HyperFormula's TODAY() is the real date. */
const CHECK_CTX = { dayOf: () => 0, now: new Date() };

const VARIANTS = TEMPLATES.flatMap((t) => [
  { id: t.id, example: false },
  { id: t.id, example: true },
]);

function formulaCells(
  loaded: LoadedPlan,
): { sheet: string; a1: string; row: number; col: number; value: ReturnType<LoadedPlan['at']> }[] {
  const out = [];
  for (const s of loaded.plan.sheets) {
    const id = loaded.sheetId(s.key);
    for (let r = 0; r < s.cells.length; r++) {
      for (let c = 0; c < s.cells[r].length; c++) {
        const v = s.cells[r][c];
        if (typeof v === 'string' && v.startsWith('=')) {
          const value = loaded.hf.getCellValue({ sheet: id, row: r, col: c });
          out.push({ sheet: s.name, a1: `${c}:${r}`, row: r, col: c, value: value as never });
        }
      }
    }
  }
  return out;
}

const counts: Record<string, number> = {};

afterAll(() => {
  // Figures for the closing note.
  console.log(`formula cells evaluated per template variant: ${JSON.stringify(counts)}`);
});

describe.each(VARIANTS)('$id (example: $example)', ({ id, example }) => {
  let loaded: LoadedPlan;
  beforeAll(() => {
    loaded = loadPlan(compileTemplate(id, { example }));
  });
  afterAll(() => loaded.destroy());

  test('every formula evaluates without an error', () => {
    const cells = formulaCells(loaded);
    counts[`${id}${example ? '+example' : ''}`] = cells.length;
    // #N/A from NA() is allowed in hidden chart helper columns only: it is how a chart series skips a point.
    const deliberateNA = (c: (typeof cells)[number]): boolean => {
      const s = loaded.plan.sheets.find((x) => x.name === c.sheet)!;
      const text = String(s.cells[c.row][c.col]);
      return (
        (s.hiddenColumns ?? []).includes(c.col) &&
        /NA\(\)/.test(text) &&
        (c.value as { value?: string }).value === '#N/A'
      );
    };
    const errors = cells
      .filter((c) => c.value !== null && typeof c.value === 'object' && !deliberateNA(c))
      .map((c) => `${c.sheet}!${c.a1} ${JSON.stringify(c.value)}`);
    expect(errors).toEqual([]);
  });

  test('rows without input show blank in every visible computed column', () => {
    for (const s of loaded.plan.sheets) {
      const spec = specOf(id, s.key);
      const layout = layoutSheet(spec);
      const inputs = spec.columns.filter((c) => !c.formula);
      // A block beside the settings (Prioritization's weights and tipping points) is not per row: its rows are the
      // four weights, filled whatever the table holds.
      const computed = spec.columns.filter((c) => c.formula && !c.hidden && !c.beside);
      const bad: string[] = [];
      for (let i = 0; i < spec.rows; i++) {
        const row = loaded.values(s.key)[layout.firstRow - 1 + i] ?? [];
        const hasInput = inputs.some(
          (c) => (row[layout.index[c.key]] ?? null) !== null && row[layout.index[c.key]] !== '',
        );
        // Dashboard rows read another sheet's row: blank when that theme row is blank.
        const upstreamBlank = s.key !== 'dashboard' || (row[layout.index.theme] ?? '') === '';
        // The Strategy Document's first rows are its lines (label and text computed); the rows below stay blank.
        const documentLine = s.key === 'document' && i < DOCUMENT_LINES.length;
        if (hasInput || !upstreamBlank || documentLine) continue;
        for (const c of computed) {
          const v = row[layout.index[c.key]];
          if (v !== '' && v !== null && v !== undefined)
            bad.push(`${s.name} row ${layout.firstRow + i} ${c.header}: ${JSON.stringify(v)}`);
        }
      }
      expect(bad).toEqual([]);
    }
  });

  // Issue #18 item 7, on the full workbook this describe already loads (a load takes seconds).
  if (id === 'strategy-workbook')
    test("Start Here: eight steps in order, each a link to its sheet, a live ✓ from the workbook's own data", () =>
      expectStartHere(loaded, example));
});

describe('computed columns equal the core functions on the seed examples', () => {
  test('prioritization: score, quadrant, rank and planned quarter', () => {
    const loaded = loadPlan(compileTemplate('prioritization', { example: true, now: new Date(2026, 11, 1, 12) }));
    const L = layoutOf('prioritization', 'projects');
    const [impact, urgency, effort, risk] = ['impact', 'urgency', 'effort', 'risk'].map((k) =>
      column(loaded, L, k).map(asInput),
    );
    const score = column(loaded, L, 'score');
    expect(score.slice(0, 3)).toEqual([17.5, 11, 2.5]); // the seed guide prints 28 / 24 / 19: its formula gives these
    core('PRIORITY_SCORE', [impact, urgency, effort, risk]).forEach((want, i) =>
      expect(same(comparable(score[i]), comparable(want))).toBe(true),
    );
    const threshold = side(loaded, L, 'threshold');
    const quadrant = column(loaded, L, 'quadrant');
    core('PRIORITY_QUADRANT', [impact, effort, threshold]).forEach((want, i) =>
      expect(comparable(quadrant[i])).toBe(comparable(want)),
    );
    expect(quadrant.slice(0, 3)).toEqual(['Do Now', 'Plan Carefully', "Don't Do"]);
    const quarter = column(loaded, L, 'quarter');
    // The seed guide's Decision column (Q1, Q2, Q3), from "First quarter" = the example's plan quarter 1 with its
    // year (the quarter before the day of insertion, as the example's roadmap: example-dates.ts insertionDays).
    expect(side(loaded, L, 'start')).toBe('Q3 2026');
    expect(quarter.slice(0, 3)).toEqual(['Q3 2026', 'Q4 2026', 'Q1 2027']);
    const plan = core('PRIORITY_PLAN', [
      score.map(asInput),
      effort.map((e, i) => (score[i] === '' ? null : e)),
      side(loaded, L, 'capacity'),
      side(loaded, L, 'start'),
    ]);
    plan.forEach((want, i) =>
      expect(comparable(quarter[i])).toBe(comparable(want) === '#ERR' ? TOO_BIG_TEXT : comparable(want)),
    );
    expect(column(loaded, L, 'rank').slice(0, 5)).toEqual([1, 2, 4, 3, '']);
    // Odds It Fits is PLAN_CONFIDENCE with Low / High Effort (blank: Effort) against the capacity per quarter.
    const [lo, hi] = ['effortLow', 'effortHigh'].map((k) => column(loaded, L, k).map(asInput));
    const ranked = (v: unknown, i: number) => (score[i] === '' ? null : v);
    const odds = core('PLAN_CONFIDENCE', [
      score.map(asInput),
      lo.map((v, i) => ranked(v ?? effort[i], i)),
      effort.map(ranked),
      hi.map((v, i) => ranked(v ?? effort[i], i)),
      side(loaded, L, 'capacity'),
    ]);
    const got = column(loaded, L, 'odds');
    odds.forEach((want, i) => expect(same(comparable(got[i]), comparable(want))).toBe(true));
    // SSO: mean 5.33, sd 0.67 against 10 → z = 7; with Analytics the mean is 13.8 → 0.2 %.
    expect(column(loaded, L, 'commitment').slice(0, 5)).toEqual(['Commit', "Won't fit", "Won't fit", "Won't fit", '']);
    // The 85 % cut line on the rows: SSO above it (green), Analytics, Refactor and GDPR compliance below (red), the
    // blank row plain.
    expect(ruleFills(loaded, 'projects', 'commitment').slice(0, 5)).toEqual([
      COLORS.green,
      COLORS.red,
      COLORS.red,
      COLORS.red,
      undefined,
    ]);
    loaded.destroy();
  });

  test('a First quarter without a year is that quarter of the current year, as PRIORITY_PLAN reads it (#18)', () => {
    // The clock of both the engine (TODAY()) and the core: 16 November 2026.
    jest.useFakeTimers({ now: new Date(2026, 10, 16, 12) });
    try {
      const L = layoutOf('prioritization', 'projects');
      const at = /^\$([A-Z]+)\$(\d+)$/.exec(L.side.start)!;
      // The setting in each form PRIORITY_PLAN reads, the year first too (the sheet once read "2028 Q2" as quarter 0).
      const first: Record<string, string[]> = {
        Q3: ['Q3 2026', 'Q4 2026', 'Q1 2027'],
        '': ['Q1 2026', 'Q2 2026', 'Q3 2026'],
        '2028 Q2': ['Q2 2028', 'Q3 2028', 'Q4 2028'],
        ' q 4 - 2027 ': ['Q4 2027', 'Q1 2028', 'Q2 2028'],
        '2027/q1': ['Q1 2027', 'Q2 2027', 'Q3 2027'],
        Q32027: ['Q3 2027', 'Q4 2027', 'Q1 2028'],
      };
      for (const [typed, want] of Object.entries(first)) {
        const loaded = loadPlan(compileTemplate('prioritization', { example: true }), undefined, {
          projects: { [`${at[1]}${at[2]}`]: typed },
        });
        const quarter = column(loaded, L, 'quarter');
        // Q3 2026 onwards (a blank setting: Q1 2026): the plan's later quarters carry their year, never "Y2".
        expect(quarter.slice(0, 3)).toEqual(want);
        const [score, effort] = ['score', 'effort'].map((k) => column(loaded, L, k).map(asInput));
        const plan = core('PRIORITY_PLAN', [
          score,
          effort.map((e, i) => (score[i] === '' ? null : e)),
          side(loaded, L, 'capacity'),
          typed.trim() || 'Q1',
        ]);
        plan.forEach((want, i) =>
          expect(comparable(quarter[i])).toBe(comparable(want) === '#ERR' ? TOO_BIG_TEXT : comparable(want)),
        );
        loaded.destroy();
      }
    } finally {
      jest.useRealTimers();
    }
  });

  test('a First quarter that is no quarter: each planned row says "Check First quarter", amber, as PRIORITY_PLAN refuses it', () => {
    const L = layoutOf('prioritization', 'projects');
    const at = /^\$([A-Z]+)\$(\d+)$/.exec(L.side.start)!;
    for (const typed of ['soon', 'Q5', 'Q3 FY27', 'Q 2026']) {
      const loaded = loadPlan(compileTemplate('prioritization', { example: true }), undefined, {
        projects: { [`${at[1]}${at[2]}`]: typed },
      });
      const quarter = column(loaded, L, 'quarter');
      const scored = column(loaded, L, 'score').map((s) => typeof s === 'number');
      expect(scored.slice(0, 5)).toEqual([true, true, true, true, false]);
      // Every scored row names the setting to mend; a row without a score stays blank; never #VALUE! or "Q4, Q1…".
      expect(quarter.slice(0, 5)).toEqual([...Array(4).fill(START_UNKNOWN_TEXT), '']);
      expect(ruleFills(loaded, 'projects', 'quarter').slice(0, 5)).toEqual([...Array(4).fill(COLORS.amber), undefined]);
      const [score, effort] = ['score', 'effort'].map((k) => column(loaded, L, k).map(asInput));
      expect(String(core('PRIORITY_PLAN', [score, effort, side(loaded, L, 'capacity'), typed])[0])).toContain(
        `Start quarter must be a quarter like "Q1" or "Q3 2027" (got "${typed}")`,
      );
      // The self-check finds the sheet as the core says it should be, and the reader reads the same text from a file
      // with or without the values it cached (no "Too big for capacity" on the first row and "undefined" below).
      const grid = loaded.values('projects').map((row) => row.map((v) => v ?? ''));
      const checks = computedColumnChecks(specOf('prioritization', 'projects'), 'Prioritization', grid, CHECK_CTX);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      for (const cached of [true, false]) {
        const { data } = readStrategy(engineSheets(loaded, cached), CHECK_CTX.now);
        expect(data.projects.map((p) => p.quarter)).toEqual(Array(4).fill(START_UNKNOWN_TEXT));
      }
      loaded.destroy();
    }
  });

  test('health scorecard: per-dimension status, overall score and status', () => {
    const loaded = loadPlan(compileTemplate('health-scorecard', { example: true }));
    const L = layoutOf('health-scorecard', 'health');
    const ratings = column(loaded, L, 'rating').map(asInput);
    const band = column(loaded, L, 'band');
    core('HEALTH_STATUS', [ratings]).forEach((want, i) => expect(comparable(band[i])).toBe(comparable(want)));
    const overall = side(loaded, L, 'overall');
    const want = core('HEALTH_SCORE', [ratings])[0];
    expect(same(comparable(overall), comparable(want))).toBe(true);
    expect(overall).toBeCloseTo(18 / 6, 12); // 3, 4, 2, 3, 2, 4
    expect(side(loaded, L, 'status')).toBe(core('HEALTH_STATUS', [overall])[0]);
    expect(side(loaded, L, 'status')).toBe('Healthy');
    expect(side(loaded, L, 'weakest')).toBe('Security');
    loaded.destroy();
  });

  test('metrics dashboard: progress and status from texts as people write them', () => {
    const loaded = loadPlan(compileTemplate('metrics', { example: true }));
    const L = layoutOf('metrics', 'metrics');
    const [b, c, t, start, due] = ['baseline', 'current', 'target', 'start', 'due'].map((k) =>
      column(loaded, L, k).map(asInput),
    );
    const progress = column(loaded, L, 'progress');
    const status = column(loaded, L, 'status');
    core('METRIC_PROGRESS', [b, c, t]).forEach((want, i) =>
      expect(same(comparable(progress[i]), comparable(want))).toBe(true),
    );
    const today = todaySerial({ now: () => new Date() });
    core('METRIC_STATUS', [b, c, t, start, due, today]).forEach((want, i) =>
      expect(comparable(status[i])).toBe(comparable(want)),
    );
    expect(progress.slice(0, 4).map((p) => (typeof p === 'number' ? Math.round(p * 1000) / 1000 : p))).toEqual([
      0.25,
      '',
      0.25,
      0.167,
    ]);
    loaded.destroy();
  });

  test('velocity: DORA level per metric', () => {
    const loaded = loadPlan(compileTemplate('velocity', { example: true }));
    const L = layoutOf('velocity', 'velocity');
    const values = column(loaded, L, 'current').map(asInput);
    const level = column(loaded, L, 'level');
    DORA_ROWS.forEach((d, i) => expect(level[i]).toBe(core('DORA_LEVEL', [d.metric, values[i]])[0]));
    expect(level).toEqual(['High', 'High', 'High', 'High']);
    // The Quick Check score: 1x/day 8, 3 days 6, 18% 8.2, 4 hours 8 → 7.55; no rework rate in the example.
    const score = side(loaded, L, 'score');
    expect(score).toBeCloseTo(7.55, 12);
    expect(
      same(comparable(score), comparable(core('DORA_SCORE', [values[1], values[0], values[2], values[3]])[0])),
    ).toBe(true);
    expect(side(loaded, L, 'industry')).toBe(6.72);
    loaded.destroy();
  });
});

test('technical debt: yearly cost, payback and decision equal DEBT_COST / DEBT_PAYBACK / the core decision', () => {
  const loaded = loadPlan(compileTemplate('technical-debt', { example: true }));
  const L = layoutOf('technical-debt', 'debt');
  const [hours, fix, rate] = ['hoursLost', 'fixHours', 'hourlyCost'].map((k) => column(loaded, L, k).map(asInput));
  const weeks = side(loaded, L, 'weeks');
  const cost = column(loaded, L, 'yearlyCost');
  core('DEBT_COST', [hours, rate, weeks]).forEach((want, i) =>
    expect(same(comparable(cost[i]), comparable(want))).toBe(true),
  );
  const payback = column(loaded, L, 'payback');
  core('DEBT_PAYBACK', [fix, hours]).forEach((want, i) =>
    expect(same(comparable(payback[i]), comparable(want))).toBe(true),
  );
  const decision = column(loaded, L, 'decision');
  payback.forEach((p, i) =>
    expect(decision[i]).toBe(p === '' ? '' : debtDecision(typeof p === 'number' ? p : undefined, weeks as number)),
  );
  // 40, 30, 20, 6 hours a week at 90 an hour over 46 weeks; paybacks 5, 20, 6 and 133.3 weeks.
  expect(cost.slice(0, 4)).toEqual([165600, 124200, 82800, 24840]);
  expect(decision.slice(0, 5)).toEqual(['Address now', 'Plan', 'Address now', 'Live with it', '']);
  // The seed guide's "30% time on maintenance": 96 of 320 team hours.
  expect(side(loaded, L, 'maintenance')).toBeCloseTo(0.3, 12);
  expect(side(loaded, L, 'addressNow')).toBe(2);
  loaded.destroy();
});

test('team scoring: team scores, spread and Discuss equal TEAM_SCORE / TEAM_SPREAD / the widest disagreement', () => {
  const loaded = loadPlan(compileTemplate('team-scoring', { example: true }));
  expect(checkTeamSheet(loaded)).toEqual([]);
  const L = layoutOf('team-scoring', 'team');
  // Analytics: impact 7, 8, 3, 7 (spread 5 ≥ 4): rater 2 against rater 3.
  expect(column(loaded, L, 'discuss').slice(0, 4)).toEqual(['', 'Discuss impact: Rater 2 vs Rater 3', '', '']);
  expect(column(loaded, L, 'teamImpact').slice(0, 3)).toEqual([9, 7, 4]);
  expect(side(loaded, L, 'toDiscuss')).toBe(1);
  loaded.destroy();
});

test('the full workbook cross-links: theme drop-downs use the named range, dashboard sums the other sheets', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const D = layoutOf('strategy-workbook', 'dashboard');
  const themes = column(loaded, D, 'theme').filter((x) => x !== '');
  expect(themes).toEqual([
    'Enterprise-Ready Platform',
    'Global Scale & Performance',
    'Developer Velocity & Platform',
    'Data-Driven Product',
  ]);
  const name = loaded.plan.namedRanges.find((n) => n.key === 'themeNames')!;
  expect(loaded.hf.calculateFormula(`=COUNTA(${name.name})`, 0)).toBe(4);
  expect(isEngineError(loaded.at('dashboard', 'A2'))).toBe(false);
  // The example's metrics have no dates: each is "No due date" (the seed guide gives a timeline, not dates),
  // counted apart and never off track, so no theme turns off track for them (Global Scale is "At risk" for its
  // at-risk roadmap item, Data-Driven "Off track" for its blocked one).
  const M = layoutOf('strategy-workbook', 'metrics');
  expect(column(loaded, M, 'status').slice(0, 4)).toEqual(Array(4).fill('No due date'));
  expect(column(loaded, D, 'metricsOff').slice(0, 4)).toEqual([0, 0, 0, 0]);
  expect(column(loaded, D, 'metricsNoDue').slice(0, 4)).toEqual([1, 1, 1, 1]);
  expect(column(loaded, D, 'status').slice(0, 4)).toEqual(['On track', 'At risk', 'On track', 'Off track']);
  // The Health Scorecard's Technical Debt evidence reads the Technical Debt sheet: 96 of 320 hours, two fixes that
  // pay back within a quarter (the example's own evidence says "30% time on maintenance").
  const H = layoutOf('strategy-workbook', 'health');
  expect(side(loaded, H, 'debtEvidence')).toBe(
    '30% of team time lost to debt (96 hours a week); 2 to address now (pays back within a quarter)',
  );
  loaded.destroy();
});
