/**
 * The text of each line of the Strategy Document sheet as the core computes it (shared/strategy/document-lines.ts:
 * what the sheet's formulas show — document-sheet.test.ts holds the two equal with HyperFormula — and what the .xlsx
 * writer sizes the rows to), from workbooks built here row by row, every expected text written by hand: each line's
 * placeholder when its data is missing, each filled line, inner spaces and line breaks collapsed as TRIM does; and
 * strategyMarkdown (shared/strategy/document.ts): the required sheets a workbook lacks, "now" read as the caller's
 * calendar date. Pure jest: no formula engine.
 */
import { ymdToSerial } from '../../shared/core/args';
import { THEMES_SHEET } from '../../shared/catalogue/themes';
import { DOCUMENT_LINES } from '../../shared/templates/document';
import { documentLineTexts } from '../../shared/strategy/document-lines';
import { strategyMarkdown } from '../../shared/strategy/document';
import { strategyDocument, type StrategyDocument } from '../../shared/strategy/model';
import { emptyData, type HistoryRow, type OrgRow, type StrategyData } from '../../shared/strategy/data';
import { context, history, metric, org, project, roadmap, theme } from './rows';

const TODAY = ymdToSerial(2026, 12, 1);

/**
 * The lines of a workbook holding `rows`, as [label, text] in the sheet's order; `doc` replaces parts of the core's
 * document model (the review's findings, the weight sensitivity: computed and tested elsewhere).
 */
function lines(rows: Partial<StrategyData>, doc: Partial<StrategyDocument> = {}): [string, string][] {
  const data = { ...emptyData(), ...rows };
  const texts = documentLineTexts(data, { ...strategyDocument(data, TODAY), ...doc });
  expect(texts).toHaveLength(DOCUMENT_LINES.length);
  return DOCUMENT_LINES.map((l, i) => [l.label, texts[i]]);
}

/** The text of the `nth` line labelled `label`. */
function line(rows: Partial<StrategyData>, label: string, nth = 0, doc: Partial<StrategyDocument> = {}): string {
  const found = lines(rows, doc).filter(([l]) => l === label);
  if (found[nth] === undefined) throw new Error(`no line "${label}" #${nth}`);
  return found[nth][1];
}

/** A line's placeholder: what the reader sees where the workbook holds nothing for it. */
const missing = (what: string): string => `[${what}: not in the workbook yet]`;

/** The four lines of an empty theme slot (the first three print a placeholder, the others nothing). */
const emptySlot = (n: number, first: string): [string, string][] => [
  [`Theme ${n}`, first],
  ['   Driver and criteria', ''],
  ['   Metrics', ''],
  ['   Key initiatives', ''],
];

/** The lines that read the review's findings, given here (review.test.ts tests the review). */
const REVIEWED = {
  checksRun: 33,
  findings: [
    { status: '✗', check: 'Roadmap items past their quarter', count: 2, items: 'SSO, Audit', advice: '' },
    { status: '⚠', check: 'No progress snapshot in the last 31 days', count: 1, items: '', advice: '' },
  ],
};

test('a blank workbook: every line says what is missing', () => {
  expect(lines({}, REVIEWED)).toEqual([
    ['Vision', missing('One sentence on where we are going')],
    ['Strategic themes', missing('3–5 themes')],
    ['Current State', missing('Technical health scorecard')],
    ['Timeline', 'Roadmap items by quarter: Q1 0, Q2 0, Q3 0, Q4 0'],
    ['Resources', missing('Budget, headcount needs')],
    ['Expected outcomes', missing('Business impact')],
    ['Open review findings', '2 of 33 checks (see below)'],
    ['Objectives', missing('Top 3 business goals')],
    ['Constraints', missing('Budget, timeline, market')],
    ['Critical metrics', missing('Critical business metrics')],
    ...emptySlot(1, missing('A strategic theme')),
    ...emptySlot(2, missing('A strategic theme')),
    ...emptySlot(3, missing('A strategic theme')),
    ...emptySlot(4, ''),
    ...emptySlot(5, ''),
    ['Principles', missing('Principles')],
    ['Q1', missing('Focus areas')],
    ['Q2', missing('Focus areas')],
    ['Q3', missing('Focus areas')],
    ['Q4', missing('Focus areas')],
    ['85 % line', missing('Projects that fit the first quarter at 85 %')],
    ['Weight sensitivity', missing('The decision that hangs most on the weights')],
    ['Not doing', missing('Trade-offs')],
    ['Current vs target', missing('Metrics')],
    ['Progress snapshots', '[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]'],
    ['Change: metrics', ''],
    ['Change: themes', ''],
    ['Change: health', ''],
    ['Team structure', missing('Org chart')],
    ['Ownership', missing('Owners')],
    ['Hiring plan', missing('Roles and timeline')],
    ['Budget', missing('High-level breakdown')],
    ['Key vendors', missing('Critical partners')],
    ['Decision Process', missing('How we make decisions')],
    ['Communication', missing('How we stay aligned')],
    ['Metrics', missing("What we'll track")],
    ['Reviews', 'a progress snapshot at least every 31 days'],
    [
      'Open findings',
      '✗ Roadmap items past their quarter (2): SSO, Audit; ⚠ No progress snapshot in the last 31 days (1)',
    ],
  ]);
});

test("a blank workbook's own review: the count of open findings and every check run", () => {
  const doc = strategyDocument(emptyData(), TODAY);
  expect(doc.findings.length).toBeGreaterThan(0);
  expect(line({}, 'Open review findings')).toBe(`${doc.findings.length} of ${doc.checksRun} checks (see below)`);
  expect(line({}, 'Open findings')).toContain('✗ No strategic theme (1)');
});

test('a workbook whose review finds nothing open: "All checks pass."', () => {
  expect(line({}, 'Open findings', 0, { findings: [], checksRun: 33 })).toBe('All checks pass.');
  expect(line({}, 'Open review findings', 0, { findings: [], checksRun: 33 })).toBe('0 of 33 checks (see below)');
});

/** The plan starts in Q3 2027: its Q1 is Q3 2027, its Q4 is Q2 2028. */
const PLAN_START = 'Q3 2027';

/** A manager's workbook: every sheet the document reads filled, with the blanks and odd spacing people leave. */
const MANAGER: Partial<StrategyData> = {
  planStart: PLAN_START,
  themes: [
    theme('Faster  delivery', {
      owner: 'Kim',
      timeline: '12 months',
      driver: 'Releases\ntake a month',
      criteria: 'Weekly releases',
    }),
    theme('Reliable platform', { owner: 'Ana', driver: 'Two outages a quarter', criteria: 'No outage over an hour' }),
    theme('Self-serve data', { timeline: '6 months', driver: 'Analysts wait', criteria: 'Analysts answer alone' }),
    theme('', { owner: 'Nobody', driver: 'A row left half typed' }),
    theme('Security', { owner: 'Lee', timeline: '9 months' }),
  ],
  metrics: [
    metric('Lead time', 'Deploys per day', { theme: 'faster   DELIVERY', current: 2, target: 5, status: 'On Track' }),
    metric('Churn from outages', 'Uptime', { theme: 'Reliable platform', current: '99.7%', target: '99.95%' }),
    metric('', '', { theme: 'Reliable platform', current: '1', target: '2', status: 'At Risk' }),
    metric('SOC 2', 'soc 2', { theme: 'Security', current: 'No', target: 'Yes', status: 'Behind' }),
  ],
  roadmap: [
    roadmap('CI pipeline speed-up', { theme: 'Faster delivery', quarter: 'Q1', owner: 'Kim', status: 'Done' }),
    roadmap('Trunk-based  development', {
      theme: 'Faster delivery',
      start: ymdToSerial(2027, 8, 15),
      status: 'In progress',
      dependsOn: 'CI pipeline speed-up',
    }),
    roadmap('On-call runbooks', { theme: 'Reliable platform', quarter: 'q2', owner: 'Ana', status: 'Not started' }),
    roadmap('Postgres sharding', {
      theme: 'Reliable platform',
      start: ymdToSerial(2028, 5, 1),
      owner: 'Ana',
      status: 'Not started',
    }),
    roadmap('Undated idea', { theme: 'Security', owner: 'Lee' }),
  ],
  projects: [
    project('Flaky test triage', {
      theme: 'Faster delivery',
      quarter: 'Q3 2027',
      owner: 'Ana',
      commitment: 'Commit',
    }),
    project('Data  catalogue', { theme: 'Security', quarter: 'Q4 2027', owner: 'Lee', commitment: 'Stretch' }),
    project('Event pipeline', { quarter: 'Q1 2028', commitment: "Won't fit" }),
    project('Chaos testing', {
      quadrant: "Don't Do",
      commitment: "Won't fit",
      impactUsed: 4,
      effortUsed: 8,
    }),
  ],
  context: [
    context('Objective', 'Ship  weekly'),
    context('Objective', ''),
    context('OBJECTIVE', 'No outage longer than an hour'), // sections compare as the sheet compares: any case
    context('Constraint', 'Budget: $800K'),
    context('Critical Metric', 'Net Revenue Retention'),
  ],
  principles: [
    { principle: 'Boring technology first', stance: '', practice: '' },
    { principle: '', stance: 'A stance whose principle is not typed yet', practice: '' },
  ],
  notDoing: [
    { item: 'Kubernetes', why: 'Not  needed at our scale', theme: '' },
    { item: 'Microservices', why: '', theme: '' },
    { item: '', why: 'A reason without an item', theme: '' },
  ],
  health: [3, 3, 3, 4].map((rating, i) => ({ dimension: `Dimension ${i + 1}`, rating, evidence: '', impact: '' })),
  org: [
    org('Vision', 'Ship safely,\n  every day'),
    org('Timeline Horizon', '18-month  view', { count: 18 }),
    org('Expected Outcome', 'Weekly releases'),
    org('Expected Outcome', 'Fewer incidents'),
    org('Current State', 'Monthly releases'),
    org('Team', 'Platform', { owner: 'Kim', count: 5 }),
    org('Team', 'Data', { owner: 'Lee' }),
    org('Team', 'Infra', { count: 3 }),
    org('Team', 'Mobile'),
    org('Hire', 'SRE', { count: 2, quarter: 'Q2', status: 'Open', neededFor: 'Postgres sharding' }),
    org('Hire', 'Data engineer', { status: 'Planned' }),
    org('Hire', 'Security engineer', { count: 1 }),
    org('Budget Total', 'Engineering', { amount: 800_000 }),
    org('Budget Line', 'People', { amount: 700_000 }),
    org('Budget Line', 'Cloud', { amount: 100_000 }),
    org('Budget Line', 'Travel'),
    org('Vendor', 'Datadog', { detail: 'Monitoring', date: ymdToSerial(2027, 3, 1) }),
    org('Vendor', 'GitHub'),
    org('Decision Process', 'ADRs for anything irreversible'),
    org('Communication', 'Fortnightly demo'),
    org('Communication', 'Monthly all-hands'),
    org('Review Cadence', 'Monthly strategy review', { count: 14 }),
    org('Review Cadence', 'Quarterly retrospective'),
  ],
};

test("a manager's workbook: every line filled, as a reader of the sheet sees it", () => {
  const sensitivity = {
    topN: 3,
    least: { project: 'Event  pipeline', inTop: false, stability: 0.694 },
    tip: { weight: 'Impact', raise: true, by: 0.17 },
  };
  expect(lines(MANAGER, { ...REVIEWED, sensitivity })).toEqual([
    ['Vision', 'Ship safely,\n every day'],
    ['Strategic themes', 'Faster delivery; Reliable platform; Self-serve data; Security'],
    ['Current State', 'Technical health 3.3/5 (Healthy); Monthly releases'],
    ['Timeline', '18-month view. Roadmap items by quarter: Q1 2, Q2 1, Q3 0, Q4 1'],
    ['Resources', 'Budget 800,000; 8 people in 4 teams; 3 hires planned'],
    ['Expected outcomes', 'Weekly releases; Fewer incidents'],
    ['Open review findings', '2 of 33 checks (see below)'],
    ['Objectives', 'Ship weekly; No outage longer than an hour'],
    ['Constraints', 'Budget: $800K'],
    ['Critical metrics', 'Net Revenue Retention'],
    ['Theme 1', 'Faster delivery — owner Kim, 12 months'],
    ['   Driver and criteria', 'Business driver: Releases\ntake a month. Success criteria: Weekly releases'],
    ['   Metrics', 'Lead time (Deploys per day) 2 → 5'],
    [
      '   Key initiatives',
      'CI pipeline speed-up (Q1, Done); Trunk-based development (In progress); Flaky test triage (Q3 2027, Planned)',
    ],
    ['Theme 2', 'Reliable platform — owner Ana'],
    ['   Driver and criteria', 'Business driver: Two outages a quarter. Success criteria: No outage over an hour'],
    ['   Metrics', 'Churn from outages (Uptime) 99.7% → 99.95%'],
    ['   Key initiatives', 'On-call runbooks (q2, Not started); Postgres sharding (Not started)'],
    ['Theme 3', 'Self-serve data, 6 months'],
    ['   Driver and criteria', 'Business driver: Analysts wait. Success criteria: Analysts answer alone'],
    ['   Metrics', missing('Metrics')],
    ['   Key initiatives', missing('Projects')],
    ...emptySlot(4, ''),
    ['Theme 5', 'Security — owner Lee, 9 months'],
    ['   Driver and criteria', 'Business driver: . Success criteria: '],
    ['   Metrics', 'SOC 2 No → Yes'],
    ['   Key initiatives', 'Undated idea; Data catalogue (Q4 2027, Planned)'],
    ['Principles', 'Boring technology first'],
    ['Q1', 'CI pipeline speed-up (Kim); Trunk-based development (after CI pipeline speed-up); Flaky test triage (Ana)'],
    ['Q2', 'On-call runbooks (Ana); Data catalogue (Lee)'],
    ['Q3', 'Event pipeline'],
    ['Q4', 'Postgres sharding (Ana)'],
    ['85 % line', "Q3 2027 at 85 %: Commit Flaky test triage; Stretch Data catalogue; Won't fit Event pipeline"],
    [
      'Weight sensitivity',
      "Most weight-sensitive decision: Event pipeline stays out of the top 3 under 69 % of weight changes within ±25 %; raising Impact's weight alone by 17 % changes the top 3",
    ],
    [
      'Not doing',
      "Kubernetes — Not needed at our scale; Microservices; Chaos testing — Don't Do in the prioritization (impact 4, effort 8)",
    ],
    [
      'Current vs target',
      'Lead time (Deploys per day): 2 → 5 (On Track); Churn from outages (Uptime): 99.7% → 99.95%; SOC 2: No → Yes (Behind)',
    ],
    ['Progress snapshots', '[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]'],
    ['Change: metrics', ''],
    ['Change: themes', ''],
    ['Change: health', ''],
    ['Team structure', 'Platform (Kim, 5 people); Data (Lee); Infra (3 people); Mobile'],
    ['Ownership', 'Kim: Faster delivery; Ana: Reliable platform; Lee: Security'],
    ['Hiring plan', 'SRE ×2 (Q2, Open, for Postgres sharding); Data engineer (Planned); Security engineer ×1'],
    ['Budget', 'Engineering: 800,000; People 700,000 (88%); Cloud 100,000 (13%); Travel'],
    ['Key vendors', 'Datadog — Monitoring (renews 2027-03-01); GitHub'],
    ['Decision Process', 'ADRs for anything irreversible'],
    ['Communication', 'Fortnightly demo; Monthly all-hands'],
    ['Metrics', 'Lead time (Deploys per day); Churn from outages (Uptime); SOC 2'],
    ['Reviews', 'Monthly strategy review; Quarterly retrospective; a progress snapshot at least every 14 days'],
    [
      'Open findings',
      '✗ Roadmap items past their quarter (2): SSO, Audit; ⚠ No progress snapshot in the last 31 days (1)',
    ],
  ]);
});

test('expected outcomes: the Organization sheet’s, else the objectives, else a placeholder', () => {
  const objectives = [context('Objective', 'Ship weekly'), context('Constraint', 'Budget: $800K')];
  expect(line({ context: objectives }, 'Expected outcomes')).toBe('Ship weekly');
  expect(line({ context: objectives, org: [org('Expected Outcome', 'Weekly releases')] }, 'Expected outcomes')).toBe(
    'Weekly releases',
  );
  expect(line({ context: [context('Constraint', 'Budget: $800K')] }, 'Expected outcomes')).toBe(
    missing('Business impact'),
  );
});

test('the current state: the health score alone, or the notes alone', () => {
  const health = [4, 5].map((rating, i) => ({ dimension: `D${i}`, rating, evidence: '', impact: '' }));
  expect(line({ health }, 'Current State')).toBe('Technical health 4.5/5 (Strong)');
  expect(line({ org: [org('Current State', 'Deploys  take two hours')] }, 'Current State')).toBe(
    'Deploys take two hours',
  );
});

test('resources, budget and cadence from a partly filled Organization sheet', () => {
  const rows = (...o: OrgRow[]): Partial<StrategyData> => ({ org: o });
  // Teams without a headcount, hires only, a budget total of nothing.
  expect(line(rows(org('Team', 'Platform'), org('Team', 'Data')), 'Resources')).toBe('0 people in 2 teams');
  expect(line(rows(org('Hire', 'SRE', { count: 2 })), 'Resources')).toBe('2 hires planned');
  expect(line(rows(org('Hire', 'SRE')), 'Resources')).toBe(missing('Budget, headcount needs'));
  expect(line(rows(org('Budget Total', 'Engineering', { amount: 0 })), 'Resources')).toBe(
    missing('Budget, headcount needs'),
  );
  // A total without a name is "Total"; a total of 0 is left out and its lines get no share; without a total, no share.
  const lines2 = [org('Budget Line', 'People', { amount: 1_250_000.4 }), org('Budget Line', 'Cloud', { amount: 999 })];
  expect(line(rows(org('Budget Total', '  ', { amount: 2_500_000 }), ...lines2), 'Budget')).toBe(
    'Total: 2,500,000; People 1,250,000 (50%); Cloud 999 (0%)',
  );
  expect(line(rows(org('Budget Total', 'Engineering', { amount: 0 }), ...lines2), 'Budget')).toBe(
    'People 1,250,000; Cloud 999',
  );
  expect(line(rows(...lines2), 'Budget')).toBe('People 1,250,000; Cloud 999');
  // A cadence in days without a description: the days alone.
  expect(line(rows(org('Review Cadence', '', { count: 7 })), 'Reviews')).toBe(
    'a progress snapshot at least every 7 days',
  );
});

test('the weight sensitivity when every project keeps its place and no single weight tips the top N', () => {
  expect(line({}, 'Weight sensitivity', 0, { sensitivity: { topN: 5 } })).toBe(
    'The top 5 holds under every weight change within ±25 %; no single weight changes the top 5 within ±100 %',
  );
});

describe('the change since the previous snapshot (Progress History)', () => {
  const OCT = ymdToSerial(2026, 10, 1);
  const NOV = ymdToSerial(2026, 11, 1);
  const changeLines = (rows: HistoryRow[]): string[] =>
    ['Progress snapshots', 'Change: metrics', 'Change: themes', 'Change: health'].map((l) =>
      line({ history: rows }, l),
    );

  test('one snapshot: the status says the change shows with the next one', () => {
    expect(changeLines([history(NOV, 'Metric', 'p95 latency', 280, '280ms')])).toEqual([
      '[One snapshot so far (2026-11-01): the change shows once the next one is recorded]',
      '',
      '',
      '',
    ]);
  });

  test('two snapshots: each kind on its line, a kind the latest snapshot lacks said so', () => {
    expect(
      changeLines([
        history(OCT, 'Metric', 'p95 latency', 350, '350ms'),
        history(OCT, 'Metric', 'Uptime', 0.995, '99.5%'),
        history(OCT, 'Health score', 'Overall', 3, '3.0 (Healthy)'),
        history(NOV, 'Metric', 'p95 latency', 280, '280ms'),
        history(NOV, 'metric', 'Uptime', 0.999, '99.9%'), // a kind typed in lower case
        history(NOV, 'Health score', 'Overall', 3.2, '3.2 (Healthy)'),
      ]),
    ).toEqual([
      'Snapshot of 2026-11-01 compared with 2026-10-01',
      'p95 latency: 350ms → 280ms (−20% since 2026-10-01); Uptime: 99.5% → 99.9% (+0.4 pts since 2026-10-01)',
      '[None in the snapshot of 2026-11-01]',
      'Overall: 3.0 (Healthy) → 3.2 (Healthy) (+0.2 since 2026-10-01)',
    ]);
  });
});

describe('strategyMarkdown: the Markdown, or the required sheets the workbook lacks', () => {
  const themes = {
    name: 'Strategic Themes',
    rows: [THEMES_SHEET.columns.map((c) => c.header), ['Velocity', 'Slow releases', '', 'Weekly releases', '', 'Kim']],
  };

  test('a workbook without the Strategic Themes sheet: that sheet is named, no document', () => {
    expect(strategyMarkdown([], new Date(2026, 11, 1, 12))).toEqual({ missing: ['Strategic Themes'] });
    expect(strategyMarkdown([{ name: 'Roadmap', rows: [] }], new Date(2026, 11, 1, 12))).toEqual({
      missing: ['Strategic Themes'],
    });
  });

  test('"now" is the caller’s calendar date, late on the last day of a month and early on the first', () => {
    const md = (now: Date): string => {
      const r = strategyMarkdown([themes], now);
      return 'markdown' in r ? r.markdown : JSON.stringify(r);
    };
    const generated = (iso: string): string => `_Generated from the strategy workbook on ${iso}.`;
    expect(md(new Date(2026, 0, 31, 23, 59))).toContain(generated('2026-01-31'));
    expect(md(new Date(2027, 2, 1, 0, 1))).toContain(generated('2027-03-01'));
    expect(md(new Date(2026, 11, 1, 12))).toContain('\n### Theme 1: Velocity\n');
  });

  test('the title: the caller’s, else the workbook’s', () => {
    const first = (title?: string): string => {
      const r = strategyMarkdown([themes], new Date(2026, 11, 1, 12), title);
      return 'markdown' in r ? r.markdown.split('\n')[0] : JSON.stringify(r);
    };
    expect(first('Platform plan 2027')).toBe('# Platform plan 2027');
    expect(first()).toBe('# Technical Strategy');
  });
});
