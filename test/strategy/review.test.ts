/**
 * The Strategy Review: the sheet's native formulas (evaluated by HyperFormula) name the same offending items,
 * counts and statuses as the core's reviewStrategy on the same workbook read back by the strategy reader,
 * with the file's computed values and without them (then the reader computes them with the core).
 */
import { compileTemplate } from '../../shared/templates';
import type { PlanCell } from '../../shared/plan/plan';
import { REVIEW_CHECKS, reviewStrategy, type Finding } from '../../shared/strategy/checks';
import { readStrategy } from '../../shared/strategy/read';
import { todaySerial } from '../../shared/functions/metrics';
import { loadPlan, type LoadedPlan } from '../templates/loader';
import { column, layoutOf, specOf, setInputs, setSide } from '../templates/engine-helpers';
import { engineSheets } from './workbook-source';
import { themeCompletion } from '../../shared/strategy/snapshot';
import { ymdToSerial } from '../../shared/core/args';

const NOW = new Date(); // HyperFormula's TODAY() is the real date
const TODAY = todaySerial({ now: () => NOW });

/** The review sheet's rows as [id, status, count, items]. */
function sheetReview(loaded: LoadedPlan, template = 'strategy-workbook'): [string, unknown, unknown, unknown][] {
  const L = layoutOf(template, 'review');
  const [status, count, items] = ['status', 'count', 'items'].map((k) => column(loaded, L, k));
  return REVIEW_CHECKS.map((c, i) => [c.id, status[i], count[i], items[i]]);
}

const coreReview = (f: Finding[]): [string, unknown, unknown, unknown][] =>
  f.map((x) => [x.check.id, x.status, x.count, x.items]);

describe.each(['strategy-workbook', 'strategy-review'])('%s with the example', (template) => {
  let loaded: LoadedPlan;
  beforeAll(() => (loaded = loadPlan(compileTemplate(template, { example: true }))));
  afterAll(() => loaded.destroy());

  test.each([true, false])('the sheet equals the core (file with computed values: %s)', (cached) => {
    const { data, missingRequired } = readStrategy(engineSheets(loaded, cached), NOW);
    expect(missingRequired).toEqual([]);
    expect(sheetReview(loaded, template)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  });

  // Excel and Sheets compare text ignoring case ("=", COUNTIFS): a status pasted as "DONE" or typed "In Progress"
  // where the list allows it is read as "Done" / "In progress" by the sheet's formulas, and so by the core.
  test('a status in another case reads as the list word, natively and in the core', () => {
    const before = sheetReview(loaded, template);
    const L = layoutOf(template, 'roadmap');
    const statuses = column(loaded, L, 'status');
    const at = (i: number) => ({ sheet: loaded.sheetId('roadmap'), row: L.firstRow - 1 + i, col: L.index.status });
    const flip = (v: string) =>
      v.length % 2 === 0 ? v.toUpperCase() : `${v.replace(/\b\w/g, (c) => c.toUpperCase())}`;
    statuses.forEach((v, i) => typeof v === 'string' && v !== '' && loaded.hf.setCellContents(at(i), [[flip(v)]]));
    try {
      expect(column(loaded, L, 'status')).toContain('In Progress');
      const { data } = readStrategy(engineSheets(loaded, false), NOW);
      expect(sheetReview(loaded, template)).toEqual(before);
      expect(sheetReview(loaded, template)).toEqual(coreReview(reviewStrategy(data, TODAY)));
      if (template !== 'strategy-workbook') return;
      const D = layoutOf(template, 'dashboard');
      const themes = column(loaded, D, 'theme');
      const complete = column(loaded, D, 'complete');
      themes.forEach((t, i) => {
        if (typeof t === 'string' && t !== '') expect(complete[i]).toBeCloseTo(themeCompletion(data, t) ?? NaN, 6);
      });
      expect(column(loaded, D, 'active').some((n) => typeof n === 'number' && n > 0)).toBe(true);
    } finally {
      statuses.forEach((v, i) => loaded.hf.setCellContents(at(i), [[v as PlanCell]]));
    }
  });

  test('the example passes every check that does not depend on the date, and flags its missing baseline', () => {
    const byId = Object.fromEntries(sheetReview(loaded, template).map(([id, s, n, items]) => [id, { s, n, items }]));
    for (const id of [
      'no-objectives',
      'no-vision',
      'team-no-owner',
      'document-gaps',
      'no-themes',
      'theme-count',
      'no-projects',
      'no-metrics',
      'beyond-horizon',
      'roadmap-plan-quarter',
      'dependency-order',
      'dependency-unknown',
      'hire-late',
      'work-no-theme',
      'work-unknown-theme',
      'work-no-owner',
      'roadmap-no-dates',
      'theme-no-criteria',
      'theme-no-owner',
      'theme-no-metric',
      'theme-no-work',
      'metric-no-target',
      'metric-no-due',
      'objective-no-theme',
      'not-doing-empty',
      'over-capacity',
      'all-do-now',
    ])
      expect([id, byId[id].s, byId[id].n]).toEqual([id, '✓', 0]);
    expect(byId['metric-no-baseline']).toEqual({ s: '⚠', n: 1, items: 'p95 latency' });
    expect(byId['no-recent-snapshot']).toEqual({ s: '⚠', n: 1, items: 'No snapshot recorded yet' });
  });

  test('the example flags exactly its real gaps, each one named', () => {
    const flagged = sheetReview(loaded, template).filter(([, s]) => s !== '✓');
    expect(flagged).toEqual([
      // Q1 (the quarter just ended) still holds the audit "In progress".
      ['roadmap-overdue', '✗', 1, 'Begin SOC 2 audit process'],
      // The guide's own metrics table gives p95 latency an "N/A" baseline.
      ['metric-no-baseline', '⚠', 1, 'p95 latency'],
      // Team Scoring: the raters of Analytics rate its impact 3 to 8.
      ['team-discuss', '⚠', 1, 'Analytics'],
      // Technical Debt: two fixes pay back within a quarter and no roadmap initiative carries them.
      ['debt-unplanned', '⚠', 2, 'Flaky end-to-end test suite, Manual deploy pipeline'],
      // A new workbook has no Progress History yet.
      ['no-recent-snapshot', '⚠', 1, 'No snapshot recorded yet'],
    ]);
  });
});

test('a project with no theme and no owner, debt on the roadmap, raters who agree: what the review names', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const spec = specOf('strategy-workbook', 'projects');
  const rows: Record<string, PlanCell>[] = [
    { project: 'SSO', theme: 'Enterprise-Ready Platform', impact: 9, urgency: 8, effort: 5, risk: 6, owner: 'Dana' },
    { project: 'Rewrite billing', impact: 6, urgency: 4, effort: 6, risk: 3 },
    { project: 'Chatbot', theme: 'AI Everywhere', impact: 9, urgency: 9, effort: 2, risk: 2, owner: 'Kim' },
  ];
  setInputs(loaded, spec, rows);
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId['work-no-theme']).toEqual({ s: '✗', n: 1, items: 'Rewrite billing' });
  expect(byId['work-no-owner']).toEqual({ s: '✗', n: 1, items: 'Rewrite billing' });
  expect(byId['work-unknown-theme']).toEqual({ s: '✗', n: 1, items: 'Chatbot' });
  // Debt on the roadmap by name is not flagged; raters who come to agree leave the Discuss list.
  // A roadmap initiative named as the debt's Area ("manual deploy pipeline", any case) carries the fix.
  setInputs(loaded, specOf('strategy-workbook', 'roadmap'), [
    { initiative: 'manual DEPLOY pipeline', theme: 'Developer Velocity & Platform', quarter: 'Q2', owner: 'Kim' },
  ]);
  // Analytics' impact 7, 8, 3, 7 → 7, 8, 6, 7 (spread 2); Refactor's risk 5, 5, 4, 2 → 5, 5, 4, 1 (spread 4).
  const team = specOf('strategy-workbook', 'team');
  const L = layoutOf('strategy-workbook', 'team');
  const cell = (row: number, key: string) => ({
    sheet: loaded.sheetId(team.key),
    row: L.firstRow - 1 + row,
    col: L.index[key],
  });
  loaded.hf.setCellContents(cell(1, 'i3'), [[6]]);
  loaded.hf.setCellContents(cell(2, 'k4'), [[1]]);
  const byId2 = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId2['debt-unplanned']).toEqual({ s: '⚠', n: 1, items: 'Flaky end-to-end test suite' });
  expect(byId2['team-discuss']).toEqual({ s: '⚠', n: 1, items: 'Refactor' });
  for (const cached of [true, false]) {
    const { data } = readStrategy(engineSheets(loaded, cached), NOW);
    expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  }
  loaded.destroy();
});

test('a long list names the first three and counts the rest; a check over two sheets chains them in order', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: false }));
  setInputs(
    loaded,
    specOf('strategy-workbook', 'projects'),
    ['P1', 'P2'].map((project) => ({ project })),
  );
  setInputs(
    loaded,
    specOf('strategy-workbook', 'roadmap'),
    ['R1', 'R2', 'R3'].map((initiative) => ({ initiative })),
  );
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId['work-no-theme']).toEqual({ s: '✗', n: 5, items: 'P1, P2, R1 and 2 more' });
  expect(byId['not-doing-empty']).toEqual({ s: '✗', n: 1, items: 'The list is empty' });
  const { data } = readStrategy(engineSheets(loaded, false), NOW);
  expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  loaded.destroy();
});

test('a blank workbook fails on what a blank strategy lacks: objectives, vision, themes, projects, metrics', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: false }));
  const flagged = sheetReview(loaded).filter(([, s]) => s !== '✓');
  expect(flagged).toEqual([
    ['no-objectives', '✗', 1, 'No objective in Business Context'],
    ['no-vision', '✗', 1, 'No vision in Organization & Ways of Working'],
    ['no-themes', '✗', 1, 'No theme in Strategic Themes'],
    ['no-projects', '✗', 1, 'No project in Prioritization or Roadmap'],
    ['no-metrics', '✗', 1, 'No metric in Metrics Dashboard'],
    [
      'document-gaps',
      '⚠',
      12,
      'Company, Plan Year, Timeline Horizon, Expected Outcome, Current State, Team, Hire, Budget Line, Vendor, Decision Process, Communication, Review Cadence',
    ],
    ['not-doing-empty', '✗', 1, 'The list is empty'],
    ['no-recent-snapshot', '⚠', 1, 'No snapshot recorded yet'],
  ]);
  const { data } = readStrategy(engineSheets(loaded, false), NOW);
  expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  loaded.destroy();
});

/** `n` projects of effort 6 scored so that they rank P1, P6, P2, P7… (impact 9, 8, 7, 6, 5, then again). */
const plannedProjects = (n: number): Record<string, PlanCell>[] =>
  Array.from({ length: n }, (_, i) => ({
    project: `Project ${i + 1}`,
    theme: 'Velocity',
    impact: 9 - (i % 5),
    urgency: 8,
    effort: 6,
    risk: 2,
    owner: 'Kim',
  }));

describe('a plan past its horizon, and a roadmap that disagrees with the plan', () => {
  const projects = plannedProjects;
  test.each(['Q1', 'Q3', 'Q3 2027'])('first quarter %s', (start) => {
    const loaded = loadPlan(compileTemplate('strategy-workbook', { example: false }));
    setInputs(loaded, specOf('strategy-workbook', 'themes'), [{ name: 'Velocity', owner: 'Kim' }, { name: 'Scale' }]);
    // Ten projects of effort 6 with a capacity of 10: one a quarter, ten quarters.
    setInputs(loaded, specOf('strategy-workbook', 'projects'), projects(10));
    const L = layoutOf('strategy-workbook', 'projects');
    setSide(loaded, L, 'start', `'${start}`);
    // Ranked P1, P6, P2, P7, P3…: Project 1 is planned first, the roadmap puts it in Q4; Project 6 (second) agrees.
    setInputs(loaded, specOf('strategy-workbook', 'roadmap'), [
      { initiative: 'Project 1', theme: 'Velocity', quarter: 'Q4', owner: 'Kim' },
      { initiative: 'project 6', theme: 'Velocity', quarter: 'Q2', owner: 'Kim' },
    ]);
    const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
    const planned = column(loaded, L, 'quarter').slice(0, 10);
    // A start without a year is that quarter of the current year (the engine's TODAY(), as NOW): never "Q2 Y3".
    const third = NOW.getFullYear() + 2;
    expect(planned[9]).toBe(start === 'Q3 2027' ? 'Q4 2029' : start === 'Q1' ? `Q2 ${third}` : `Q4 ${third}`);
    expect(byId['beyond-horizon']).toEqual({ s: '⚠', n: 6, items: 'Project 3, Project 4, Project 5 and 3 more' });
    expect(byId['roadmap-plan-quarter']).toEqual({ s: '⚠', n: 1, items: 'Project 1' });
    expect(byId['theme-count']).toEqual({ s: '⚠', n: 2, items: '2 themes' });
    const { data } = readStrategy(engineSheets(loaded, false), NOW);
    expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
    const cached = readStrategy(engineSheets(loaded, true), NOW).data;
    expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(cached, TODAY)));
    loaded.destroy();
  });
});

test('the Organization sheet sets the horizon and the review cadence; a team without an owner is named', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const org = specOf('strategy-workbook', 'org');
  setInputs(loaded, org, [
    { section: 'Vision', item: 'One platform' },
    { section: 'Timeline Horizon', item: '6-month view', count: 6 },
    { section: 'Review Cadence', item: 'Weekly', count: 7 },
    { section: 'Team', item: 'Platform', owner: 'Dana', count: 4 },
    { section: 'Team', item: 'Data', count: 3 },
  ]);
  // Two quarters: the example's Refactor (planned third) is past the horizon.
  setInputs(loaded, specOf('strategy-workbook', 'history'), [
    { date: TODAY - 10, kind: 'Metric', name: 'p95 latency', value: 350, shown: '350ms' },
  ]);
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId['beyond-horizon']).toEqual({ s: '⚠', n: 1, items: 'Refactor' });
  expect(byId['no-recent-snapshot']).toEqual({ s: '⚠', n: 1, items: 'Last snapshot 10 days ago' });
  expect(byId['team-no-owner']).toEqual({ s: '⚠', n: 1, items: 'Data' });
  expect(byId['no-vision']).toEqual({ s: '✓', n: 0, items: '' });
  const { data } = readStrategy(engineSheets(loaded, false), NOW);
  expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  loaded.destroy();
});

test('an initiative starting before the one it depends on ends, and a dependency the roadmap does not hold, are named', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const L = layoutOf('strategy-workbook', 'roadmap');
  const at = (row: number, key: string): { sheet: number; row: number; col: number } => ({
    sheet: loaded.sheetId('roadmap'),
    row: L.firstRow - 1 + row,
    col: L.index[key],
  });
  // Row 2 (Begin SOC 2 audit process, Q1) now waits for row 5 (Multi-region deployment to EU, Q2); row 9 for a name nobody wrote.
  loaded.hf.setCellContents(at(1, 'dependsOn'), [['multi-region deployment to EU']]);
  loaded.hf.setCellContents(at(8, 'dependsOn'), [['Kubernetes migration']]);
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId['dependency-order']).toEqual({ s: '✗', n: 1, items: 'Begin SOC 2 audit process' });
  expect(byId['dependency-unknown']).toEqual({ s: '⚠', n: 1, items: 'Reduce CI/CD time by 50%' });
  for (const cached of [true, false]) {
    const { data } = readStrategy(engineSheets(loaded, cached), NOW);
    expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  }
  loaded.destroy();
});

test('the snapshot check follows every snapshot: 700 history rows, the latest past the formatted 500', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const L = layoutOf('strategy-workbook', 'history');
  // 700 rows as values in one write: 100 snapshots of seven metrics, the last one two days ago at rows 696–702.
  const rows = Array.from({ length: 700 }, (_, i) => {
    const snapshot = Math.floor(i / 7);
    return [TODAY - 2 - (99 - snapshot) * 7, 'Metric', `Metric ${(i % 7) + 1}`, i, String(i)];
  });
  loaded.hf.setCellContents({ sheet: loaded.sheetId('history'), row: L.firstRow - 1, col: L.index.date }, rows);
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, items]) => [id, { s, n, items }]));
  expect(byId['no-recent-snapshot']).toEqual({ s: '✓', n: 0, items: '' });
  const { data } = readStrategy(engineSheets(loaded, false), NOW);
  expect(data.history).toHaveLength(700);
  expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  loaded.destroy();
});

test('a hire planned after the quarter of the initiative that needs it is named; one the roadmap does not hold is not', () => {
  const loaded = loadPlan(compileTemplate('strategy-workbook', { example: true }));
  const L = layoutOf('strategy-workbook', 'org');
  const items = column(loaded, L, 'item');
  const at = (item: string, key: string): { sheet: number; row: number; col: number } => ({
    sheet: loaded.sheetId('org'),
    row: L.firstRow - 1 + items.indexOf(item),
    col: L.index[key],
  });
  // The example's hires join by their initiative's quarter; now the SREs join in Q3 for the Q2 EU region, the data
  // engineers (Q3) are needed for the Q2 read replicas (named in other case, as MATCH finds it), and the security
  // engineers for an initiative the roadmap does not hold (no quarter to compare: not flagged).
  loaded.hf.setCellContents(at('Site reliability engineer', 'quarter'), [['Q3']]);
  loaded.hf.setCellContents(at('Data engineer', 'neededFor'), [['  database READ replicas ']]);
  loaded.hf.setCellContents(at('Security engineer', 'neededFor'), [['Kubernetes migration']]);
  const byId = Object.fromEntries(sheetReview(loaded).map(([id, s, n, list]) => [id, { s, n, items: list }]));
  expect(byId['hire-late']).toEqual({ s: '⚠', n: 2, items: 'Site reliability engineer, Data engineer' });
  for (const cached of [true, false]) {
    const { data } = readStrategy(engineSheets(loaded, cached), NOW);
    expect(sheetReview(loaded)).toEqual(coreReview(reviewStrategy(data, TODAY)));
  }
  loaded.destroy();
});

describe("a roadmap dated with blank Quarters is checked on the document's rule (#18)", () => {
  // First quarter Q3 2027, ten projects of effort 6 with a capacity of 10 (one a quarter), ranked P1, P6, P2, P7…:
  // Project 1 planned in the plan's Q1, Project 6 in Q2, Project 2 in Q3, Project 7 in Q4.
  const projects = plannedProjects(10);
  /** [initiative, the plan quarter its Start falls in ("": none), Start]: boundary days of the plan's quarters. */
  const ITEMS: [string, string, [number, number, number]][] = [
    ['Project 1', 'Q4', [2028, 4, 1]], // planned Q1: disagrees
    ['project 6', 'Q2', [2027, 12, 31]], // planned Q2: agrees
    ['Project 2', 'Q1', [2027, 7, 1]], // planned Q3: disagrees
    ['Project 7', '', [2028, 7, 1]], // after the plan's Q4: no roadmap quarter, not compared
    ['Project 3', '', [2027, 6, 30]], // before the plan's Q1: the same
    ['Event pipeline', 'Q3', [2028, 1, 1]],
  ];
  // Hires by quarter, each needed for a dated initiative: late for Q1's Project 2 and Q3's Event pipeline (by
  // their Starts), in time for Q4's Project 1; none for Project 7, which has no roadmap quarter.
  const HIRES: [string, string, string][] = [
    ['Security engineer', 'Q2', 'Project 2'],
    ['Data engineer', 'Q4', 'Event pipeline'],
    ['SRE', 'Q3', 'project 1'],
    ['Analyst', 'Q4', 'Project 7'],
  ];
  const T = 'strategy-review';
  const quarterChecks = (rows: [string, unknown, unknown, unknown][]) =>
    rows.filter(([id]) => id === 'roadmap-plan-quarter' || id === 'hire-late');
  /** The sheet's review, checked against the core's on the same workbook read back. */
  function review(loaded: LoadedPlan): [string, unknown, unknown, unknown][] {
    const sheet = sheetReview(loaded, T);
    const { data } = readStrategy(engineSheets(loaded, false), NOW);
    expect(sheet).toEqual(coreReview(reviewStrategy(data, TODAY)));
    return quarterChecks(sheet);
  }

  test('natively and in the core, the same as with the quarters typed', () => {
    const loaded = loadPlan(compileTemplate(T, { example: false }));
    setInputs(loaded, specOf(T, 'themes'), [{ name: 'Velocity', owner: 'Kim' }]);
    setInputs(loaded, specOf(T, 'projects'), projects);
    setSide(loaded, layoutOf(T, 'projects'), 'start', `'Q3 2027`);
    const roadmap = ITEMS.map(([initiative, , start]) => ({
      initiative,
      theme: 'Velocity',
      owner: 'Kim',
      start: ymdToSerial(...start),
      end: ymdToSerial(...start) + 20,
      status: 'Not started',
    }));
    setInputs(loaded, specOf(T, 'roadmap'), roadmap);
    const hires = HIRES.map(([item, quarter, neededFor]) => ({ section: 'Hire', item, quarter, neededFor, count: 1 }));
    setInputs(loaded, specOf(T, 'org'), hires);
    const dated = review(loaded);
    expect(dated).toEqual([
      ['roadmap-plan-quarter', '⚠', 2, 'Project 1, Project 2'],
      ['hire-late', '⚠', 2, 'Security engineer, Data engineer'],
    ]);
    // The same rows with the quarter each Start falls in typed (none outside the plan).
    setInputs(
      loaded,
      specOf(T, 'roadmap'),
      roadmap.map((r, i) => ({ ...r, quarter: ITEMS[i][1] === '' ? null : ITEMS[i][1] })),
    );
    expect(review(loaded)).toEqual(dated);
    loaded.destroy();
  });
});
