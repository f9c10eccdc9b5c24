/**
 * Each Strategy Review check computed twice on the same rows, as a reader of either sees it: the native formulas the
 * Strategy Review sheet calculates without the add-in (flag and name per row, count and items for a check of the
 * whole strategy: shared/strategy/checks.ts) evaluated by HyperFormula in a small workbook built here (one sheet per
 * checked sheet, only the columns the formulas read, a few rows), and the core's answer (what the CLI's strategy
 * document lists). The workbooks are those of checks.test.ts's cases, gathered: blanks and spaces, words in another
 * case, dates at the edges. TODAY() is the review's day written into the formula (no test reads the clock).
 * test/strategy/review.test.ts does the same on whole compiled templates, through the sheet's helper columns.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { ENGINE_CONFIG } from '../../preview/engine/plugin';
import { metricNormFormula } from '../../shared/catalogue/metric-formula';
import { ymdToSerial } from '../../shared/core/args';
import { REVIEW_CHECKS, type ReviewCheck } from '../../shared/strategy/checks';
import { emptyData, type StrategyData } from '../../shared/strategy/data';
import { planStart } from '../../shared/strategy/plan-position';
import { columnName } from '../fakes/a1';
import { SOUND, TODAY } from './review-workbooks';
import { adr, context, debt, history, metric, notDoing, org, project, roadmap, teamRow, theme } from './rows';

/** The StrategyData list each checked sheet's rows come from. */
const LISTS: Record<string, keyof StrategyData> = {
  themes: 'themes',
  projects: 'projects',
  roadmap: 'roadmap',
  metrics: 'metrics',
  context: 'context',
  adr: 'adrs',
  notDoing: 'notDoing',
  org: 'org',
  team: 'team',
  debt: 'debt',
  history: 'history',
};
/** Data rows per sheet (row 2 on): more than any workbook here holds, so the ranges take in blank rows too. */
const ROWS = 24;

/** The columns each sheet's formulas read, in the order met (every check's every formula, called once). */
function columnsRead(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (sheet: string, column: string): string => {
    const list = used.get(sheet) ?? [];
    // A metric's normalised text (a hidden helper) is computed from the metric's own cell.
    for (const c of column.endsWith('Norm') ? [column.slice(0, -'Norm'.length), column] : [column])
      if (!list.includes(c)) list.push(c);
    used.set(sheet, list);
    return 'A1';
  };
  for (const check of REVIEW_CHECKS) {
    for (const s of check.sources ?? []) {
      s.flag((c) => note(s.sheet, c), note);
      s.name((c) => note(s.sheet, c));
    }
    if (check.whole) {
      check.whole.count(note);
      check.whole.items(note, 'A1');
    }
  }
  return used;
}
const COLUMNS = columnsRead();

const cellRef = (sheet: string, column: string, row: number): string =>
  `'${sheet}'!$${columnName(COLUMNS.get(sheet)!.indexOf(column) + 1)}$${row + 2}`;
const rangeRef = (sheet: string, column: string): string =>
  `${cellRef(sheet, column, 0)}:${cellRef(sheet, column, ROWS - 1).replace(/^'[^']*'!/, '')}`;

/** A value as a person leaves it in a cell: texts stay texts (even "2027" or "$1M"), "" is a blank cell. */
const cellOf = (v: unknown): RawCellContent =>
  v === undefined || v === '' ? null : typeof v === 'string' ? `'${v}` : (v as number);

/** The hidden helpers the checks read beside a sheet's typed columns (computed as the templates compute them). */
function helper(sheet: string, column: string, row: number, d: StrategyData): RawCellContent | undefined {
  if (sheet === 'metrics' && column.endsWith('Norm'))
    return `=${metricNormFormula(cellRef(sheet, column.slice(0, -'Norm'.length), row))}`;
  // The First quarter setting as the sheet's helper columns read it (parsePlanStart says how).
  const start = planStart(d);
  if (sheet === 'projects' && column === 'hStartQ') return start?.quarter ?? null;
  if (sheet === 'projects' && column === 'hStartYear') return start?.year ?? null;
  return undefined;
}

function sheetCells(sheet: string, d: StrategyData): RawCellContent[][] {
  const columns = COLUMNS.get(sheet)!;
  const rows = d[LISTS[sheet]] as unknown as Record<string, unknown>[];
  if (rows.length > ROWS - 2) throw new Error(`${sheet}: more rows than the workbook holds`);
  const body = Array.from({ length: ROWS }, (_, i) =>
    columns.map((c) => helper(sheet, c, i, d) ?? cellOf(rows[i]?.[c])),
  );
  return [columns, ...body];
}

/** What the native formulas of a check show: the offending rows' names in order, or a whole check's count and items. */
interface Native {
  names?: string[];
  count?: number;
  items?: string;
}

/** The checks' native answers on `d` as of `today`, from one HyperFormula workbook. */
function nativeReview(d: StrategyData, today: number, checks: ReviewCheck[]): Native[] {
  const asOf = (f: string): string => `=${f.replace(/TODAY\(\)/g, String(today))}`;
  const formulas: RawCellContent[][] = [];
  const plan = checks.map((check) => {
    if (check.whole) {
      const row = formulas.length;
      formulas.push([asOf(check.whole.count(rangeRef)), asOf(check.whole.items(rangeRef, `$A$${row + 1}`))]);
      return { whole: row };
    }
    return {
      rows: (check.sources ?? []).flatMap((s) =>
        // Each data row and the blank row after the last: a blank row offends no check.
        Array.from({ length: (d[LISTS[s.sheet]] as unknown[]).length + 1 }, (_, i) => {
          const c = (column: string) => cellRef(s.sheet, column, i);
          formulas.push([asOf(s.flag(c, rangeRef)), asOf(s.name(c))]);
          return formulas.length - 1;
        }),
      ),
    };
  });
  const sheets = Object.fromEntries([...COLUMNS.keys()].map((k) => [k, sheetCells(k, d)]));
  const hf = HyperFormula.buildFromSheets({ ...sheets, review: formulas }, { ...ENGINE_CONFIG });
  try {
    const review = hf.getSheetId('review')!;
    const at = (row: number, col: number) => hf.getCellValue({ sheet: review, row, col });
    return plan.map((p) => {
      if (p.whole !== undefined) return { count: at(p.whole, 0) as number, items: at(p.whole, 1) as string };
      return { names: p.rows!.filter((r) => at(r, 0) === true).map((r) => String(at(r, 1))) };
    });
  } finally {
    hf.destroy();
  }
}

/** The core's answer on the same rows, in the same form. */
const coreReview = (d: StrategyData, today: number, checks: ReviewCheck[]): Native[] =>
  checks.map((check) =>
    check.whole ? check.whole.core(d, today) : { names: (check.sources ?? []).flatMap((s) => s.core(d, today)) },
  );

/** The rows as the strategy reader hands them to the core: every text trimmed (shared/strategy/cells.ts text). */
function asRead(d: StrategyData): StrategyData {
  const trimmed = (row: object) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
  const lists = Object.values(LISTS).map((k) => [k, (d[k] as object[]).map(trimmed)]);
  return { ...d, ...Object.fromEntries(lists) };
}

interface Comparison {
  /** The checks whose native answer differs from the core's, by id, both answers side by side (a failure names them). */
  differences: Record<string, { native: Native; core: Native }>;
  /** How many checks flag something natively (so a workbook that flags nothing cannot pass unnoticed). */
  flagged: number;
}

/** The checks (all, or those of `ids`: a smaller workbook) natively and in the core on a workbook holding `rows`. */
function compare(
  rows: Partial<StrategyData>,
  { today = TODAY, ids }: { today?: number; ids?: string[] } = {},
): Comparison {
  const d = { ...emptyData(), planStart: 'Q1 2027', ...rows };
  const checks = ids ? REVIEW_CHECKS.filter((c) => ids.includes(c.id)) : REVIEW_CHECKS;
  if (ids) expect(checks.map((c) => c.id)).toEqual(ids);
  const [native, core] = [nativeReview(d, today, checks), coreReview(asRead(d), today, checks)];
  const differences: Comparison['differences'] = {};
  checks.forEach((c, i) => {
    if (JSON.stringify(native[i]) !== JSON.stringify(core[i])) differences[c.id] = { native: native[i], core: core[i] };
  });
  const flagged = native.filter((n) => (n.names?.length ?? 0) > 0 || (n.count ?? 0) > 0).length;
  return { differences, flagged };
}

const d = (y: number, m: number, day: number): number => ymdToSerial(y, m, day);

/** Rows that break nearly every check, the edges of each (the cases of checks.test.ts, gathered). */
const EDGES: Partial<StrategyData> = {
  planStart: 'Q1 2027',
  themes: [
    theme('Enterprise', { criteria: 'SOC 2', owner: 'Dana' }),
    theme('Scale', { criteria: ' ', owner: 'Kim' }),
    theme(' Velocity ', { criteria: '10 deploys a day' }),
    theme('', { owner: 'Kim' }), // a row without a name (names of spaces: the spaces test)
    theme('Lonely', { owner: 'Ann', criteria: 'x' }),
    theme('Platform', { owner: 'Bo', criteria: 'y' }), // work on the roadmap only
  ],
  context: [
    context('Objective', 'Grow 3x', { theme: ' ENTERPRISE ' }),
    context('objective', 'Cut churn', { theme: 'Retention' }),
    context(' Objective ', 'Hire well', { theme: '  ' }),
    context('Constraint', 'Budget flat'),
    context('Objective', ' ', { theme: 'Retention' }),
  ],
  projects: [
    project('  P1 ', { quarter: 'Q1 2027', quadrant: 'Do Now' }),
    project('P2', { theme: ' ', owner: 'Kim', quarter: 'Q2 2027', quadrant: 'Do Now' }),
    project('P3', { theme: 'scale', owner: ' ', quarter: 'Q1 2028', quadrant: '' }),
    project('P4', { theme: 'AI Everywhere', owner: 'Lee', quarter: 'Q2 Y2' }),
    project('P5', { theme: 'Enterprise', owner: 'Dana', quarter: 'Too big for capacity' }),
    project('P6', { theme: 'Enterprise', owner: 'Dana', quarter: ' after q2 2029' }),
    project('P7', { theme: 'Enterprise', owner: 'Dana', quarter: 'Q3 2027' }),
    project('P8', { theme: 'Enterprise', owner: 'Dana', quarter: 'Q4 2027' }),
    project('P9', { theme: 'Enterprise', owner: 'Dana', quarter: 'Q2 2027' }),
    project('P10', { theme: 'Enterprise', owner: 'Dana', quarter: ' check first QUARTER ' }),
    project('', { theme: 'X', quarter: 'Q4 2029' }),
  ],
  roadmap: [
    roadmap('p1', { quarter: 'Q1', start: d(2027, 1, 4), end: d(2027, 3, 31) }),
    roadmap('P2', { theme: 'SCALE', quarter: 'q3 ', owner: 'Kim', end: TODAY - 1, status: 'In progress' }),
    roadmap('P7', { theme: 'Scale', owner: 'Kim', start: d(2027, 7, 1), end: d(2027, 8, 1), dependsOn: ' p1 ' }),
    roadmap('P8', { theme: 'Data', owner: 'Kim', start: d(2027, 9, 30), end: TODAY, dependsOn: 'PLATFORM' }),
    roadmap('Same day', { owner: 'A', start: d(2027, 3, 31), end: d(2027, 5, 1), dependsOn: 'P1', status: 'Done' }),
    roadmap('Next day', { owner: 'A', start: d(2027, 4, 1), end: TODAY - 30, dependsOn: 'p1', status: ' DONE ' }),
    roadmap('Undated', { owner: 'A', dependsOn: 'P1', status: 'Blocked' }),
    roadmap('Open-ended', { owner: 'A', start: d(2026, 1, 1), end: TODAY - 2, dependsOn: 'Undated' }),
    roadmap('Nothing', { owner: 'A', dependsOn: '  ', start: d(2027, 4, 1) }),
    roadmap('P9', { theme: 'platform', owner: 'A', quarter: 'H2 Q3' }), // no roadmap quarter
    roadmap('manual DEPLOY pipeline', { owner: 'A', end: d(2027, 1, 1) }),
    roadmap('', { owner: 'Kim', end: TODAY - 5 }),
  ],
  metrics: [
    metric('Enterprise ARR', 'SOC 2 certified', {
      theme: 'enterprise',
      target: 'N/A',
      baseline: '$0',
      timeline: 'Q2',
    }),
    metric(' Deploys ', '', { theme: 'Scales', target: '-', baseline: 'N/A', due: d(2027, 6, 30) }),
    metric('', 'p95 latency', { target: '<200ms', baseline: '450ms', timeline: '  ' }),
    metric('Churn', '', { target: 0, baseline: '' }),
    metric('NPS', ' ', { target: 'n/a', baseline: 'na' }),
    metric('Uptime', '', { target: 99.9, baseline: '99%' }),
    metric('CSAT', '', { target: 'N.A.', baseline: ' NA ' }),
    metric('', '', { baseline: '' }),
  ],
  org: [
    org('Vision', 'One platform'),
    org('Team', 'Platform', { owner: 'Dana' }),
    org(' team', 'Data'),
    org('TEAM', 'Mobile', { owner: ' ' }),
    org('Team', ''),
    org('Hire', 'SRE', { quarter: 'Q3', neededFor: 'P2' }),
    org('hire', 'DBA', { quarter: 'q2', neededFor: ' p2 ' }),
    org('Hire', 'Data engineer', { quarter: 'Q3 2027', neededFor: 'p1' }),
    org('Hire', 'Early', { quarter: 'Q1', neededFor: 'P7' }),
    org('Hire', 'Late for P7', { quarter: 'Q4', neededFor: 'P7' }),
    org('Hire', 'Unknown', { quarter: 'Q4', neededFor: 'Kubernetes' }),
    org('Hire', 'Unplaced', { quarter: '', neededFor: 'P2' }),
    org('Hire', 'Someday', { quarter: 'Later', neededFor: 'P2' }),
    org('Hire', 'Nobody', { quarter: 'Q4', neededFor: '' }),
    org('Hire', 'Lower', { quarter: 'q4', neededFor: 'P2' }),
    org('Hire', 'Spaced', { quarter: '  Q4 ', neededFor: 'P2' }),
    org('Hire', 'Vague', { quarter: 'by Q4', neededFor: 'P2' }),
    org('Team', 'Platform 2', { owner: 'X', quarter: 'Q4', neededFor: 'P2' }),
    org('Vendor', ''),
    org('budget line', 'Cloud'),
  ],
  team: [
    teamRow('SSO', ''),
    teamRow('Analytics', 'Discuss impact: Ana, Bo'),
    teamRow('Refactor', '  discuss risk: Cy'),
    teamRow('Chatbot', 'Discussed'),
    teamRow('', 'Discuss impact: Ana'),
  ],
  debt: [
    debt('Manual deploy pipeline', 'Address now'),
    debt('Flaky tests', ' address NOW'),
    debt('Old ORM', 'Plan it'),
    debt('', 'Address now'),
  ],
  adrs: [
    adr('ADR-001', 'Use Postgres', { review: TODAY, status: 'Accepted' }),
    adr('ADR-002', 'Use Kafka', { review: TODAY + 1 }),
    adr(' ADR-003 ', ' Monolith first ', { review: TODAY - 100 }),
    adr('ADR-004', 'Use SOAP', { review: TODAY - 100, status: ' deprecated' }),
    adr('ADR-005', 'Use XML', { review: TODAY - 100, status: 'SUPERSEDED' }),
    adr('ADR-006', 'No review'),
    adr('', 'Untitled number', { review: TODAY - 1 }),
    adr('ADR-009', '', { review: TODAY - 1 }),
    adr('', '', { review: TODAY - 1 }),
  ],
  notDoing: [
    notDoing('Microservices', { revisit: TODAY }),
    notDoing('Mobile app', { revisit: TODAY + 1 }),
    notDoing('  Kubernetes ', { revisit: TODAY - 400 }),
    notDoing('Forever'),
    notDoing('', { revisit: TODAY - 1 }),
  ],
  history: [history(TODAY - 90, 'Metric', 'ARR', 1, '$1'), history(TODAY - 45, 'Metric', 'ARR', 2, '$2')],
};

describe('the native formulas name what the core names', () => {
  test('a sound strategy: nothing flagged either way', () => {
    expect(compare(SOUND)).toEqual({ differences: {}, flagged: 0 });
  });

  test('a blank workbook: the eight gaps of a blank strategy', () => {
    expect(compare({})).toEqual({ differences: {}, flagged: 8 });
  });

  test('names of spaces offend no row check', () => {
    const spaces = {
      context: [context('Objective', '   ', { theme: 'X' })],
      org: [org('Team', '  '), org('Hire', ' ', { quarter: 'Q4', neededFor: 'SSO' })],
      themes: [theme('  ', { owner: 'Kim' })],
      projects: [project(' ', { theme: 'X' })],
      roadmap: [
        roadmap('', { owner: 'Kim' }),
        roadmap('SSO', { quarter: 'Q1', theme: 'T', owner: 'A', start: 1, end: 2 }),
      ],
      metrics: [metric(' ', '  ', { target: '5' })],
      notDoing: [notDoing('   ', { why: 'no time', revisit: TODAY - 1 })],
      team: [teamRow('  ', 'Discuss impact: Ana')],
      debt: [debt(' ', 'Address now')],
      adrs: [adr(' ', '  ', { review: TODAY - 1 })],
    };
    // The checks of the whole strategy count such a cell as text (COUNTIF "?*", COUNTIFS "<>") while the reader hands
    // the core "": a disagreement left for an issue (see test/README.md), so only the row checks are compared here.
    const rowChecks = REVIEW_CHECKS.filter((c) => !c.whole).map((c) => c.id);
    const { differences, flagged } = compare(spaces, { ids: rowChecks });
    expect(differences).toEqual({});
    expect(flagged).toBe(2); // SSO's theme T is no strategic theme; the theme of spaces has no work
  });

  test('every edge of every row check at once', () => {
    const { differences, flagged } = compare(EDGES);
    expect(differences).toEqual({});
    // Every check but the empty-plan ones, the theme count and the snapshot age flags something here.
    expect(flagged).toBeGreaterThanOrEqual(25);
  });

  test('the same rows as of other days: ends, reviews and revisits move in and out', () => {
    const dated = ['roadmap-overdue', 'adr-review-due', 'not-doing-revisit-due', 'no-recent-snapshot'];
    for (const today of [TODAY - 1, TODAY + 1, d(2027, 12, 31)])
      expect(compare(EDGES, { today, ids: dated }).differences).toEqual({});
  });
});

describe('checks of the strategy as a whole, natively and in the core', () => {
  const themes = (n: number) =>
    Array.from({ length: n }, (_, i) => theme(`T${i + 1}`)).concat(theme('', { owner: 'Kim' }));
  test.each([0, 1, 2, 3, 5, 6])('%i named themes', (n) => {
    expect(compare({ themes: themes(n) }, { ids: ['no-themes', 'theme-count'] }).differences).toEqual({});
  });

  test('objectives, vision, projects, metrics, the not-doing list typed in other cases or left blank', () => {
    const ids = ['no-objectives', 'no-vision', 'no-projects', 'no-metrics', 'not-doing-empty'];
    for (const rows of [
      { context: [context('OBJECTIVE', 'Grow 3x')] },
      { context: [context('Constraint', 'Budget flat')] },
      { org: [org('VISION', 'One platform')] },
      { org: [org('Vision', ''), org('Vision', 'One platform')] },
      { roadmap: [roadmap('SSO')] },
      { projects: [project('SSO')] },
      { metrics: [metric('ARR', '')] },
      { metrics: [metric('', 'p95 latency')] },
      { notDoing: [notDoing('Microservices')] },
      { notDoing: [notDoing('', { why: 'later' })] },
    ])
      expect(compare(rows, { ids }).differences).toEqual({});
  });

  test('the document’s gaps in the sheet’s order', () => {
    const sections = SOUND.org.filter((r) => !['Vendor', 'Budget Line', 'Company'].includes(r.section));
    for (const org_ of [sections, [...sections, org('VENDOR', 'Okta')], [...sections, org('Company', '')]])
      expect(compare({ org: org_ }, { ids: ['document-gaps'] })).toEqual({ differences: {}, flagged: 1 });
  });

  test('every project in "Do Now"', () => {
    const p = (name: string, quadrant: string) => project(name, { quadrant });
    for (const projects of [
      [p('A', 'Do Now'), p('B', 'Do Now'), p('C', '')],
      [p('A', 'Do Now'), p('B', 'Do Now'), p('C', 'Do Now')],
      [p('A', 'Do Now'), p('B', '')],
      [p('A', 'Do Now'), p('B', 'Plan Carefully')],
    ])
      expect(compare({ projects }, { ids: ['all-do-now'] }).differences).toEqual({});
  });

  test.each([
    [undefined, [0]],
    [undefined, [31]],
    [undefined, [32]],
    [undefined, [90, 5, 40]],
    [undefined, [90, 45, 60]],
    [undefined, []],
    [7, [7]],
    [7, [8]],
    [0, [31]],
    [0, [32]],
  ])('a Review Cadence of %s days, snapshots %j days ago', (count, days) => {
    const rows = {
      history: days.map((n) => history(TODAY - n, 'Metric', 'ARR', 1, '$1')),
      org: [org('Review Cadence', 'x', { count })],
    };
    expect(compare(rows, { ids: ['no-recent-snapshot'] }).differences).toEqual({});
  });

  test.each([6, 7, 12, 0])('a Timeline Horizon of %i months', (months) => {
    const rows = {
      planStart: 'Q1 2027',
      projects: ['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q1 2028'].map((quarter, i) => project(`P${i + 1}`, { quarter })),
      org: [org('timeline horizon', 'x', { count: months })],
    };
    expect(compare(rows, { ids: ['beyond-horizon'] })).toEqual({ differences: {}, flagged: 1 });
  });

  test('a plan starting in Q3 2027', () => {
    const rows = {
      planStart: 'Q3 2027',
      projects: ['Q2 2028', 'Q3 2028', ' Q3 2028 '].map((quarter, i) => project(`P${i + 1}`, { quarter })),
      roadmap: [roadmap('P1', { start: d(2028, 4, 1) }), roadmap('P2', { start: d(2027, 12, 31) })],
    };
    expect(compare(rows, { ids: ['beyond-horizon', 'roadmap-plan-quarter'] })).toEqual({ differences: {}, flagged: 2 });
  });
});
