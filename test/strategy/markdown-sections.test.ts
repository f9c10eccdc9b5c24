/**
 * The Markdown strategy document a manager sends around (shared/strategy/markdown.ts), section by section, from
 * document models built here: what a reader sees when the workbook holds nothing (each placeholder, exactly), and
 * when it holds each kind of value (the exact lines of each field, list and table, their order and numbering); the
 * Depends On column, the budget's three sources in priority order, percentages rounded as a reader expects, "—" for
 * an item whose text is blank; and the cell-text helpers (esc, oneLine, withoutLabel) on the texts people type.
 * The expected lines are written by hand from what the reader should read, not from the renderer.
 */
import { ymdToSerial } from '../../shared/core/args';
import { esc, oneLine, renderMarkdown, withoutLabel } from '../../shared/strategy/markdown';
import type { DocOrganization, DocTheme, StrategyDocument } from '../../shared/strategy/model';

const ORG: DocOrganization = {
  vision: '',
  horizon: '',
  outcomes: [],
  currentState: [],
  teams: [],
  hires: [],
  budgetLines: [],
  vendors: [],
  decisions: [],
  communication: [],
  reviews: [],
  cadenceDays: 30,
};

/** A document model holding nothing but what the overrides give (org: the Organization sheet's part). */
function model(over: Partial<StrategyDocument> = {}, org: Partial<DocOrganization> = {}): StrategyDocument {
  return {
    title: 'Tech Strategy',
    asOf: '2026-12-01',
    themes: [],
    objectives: [],
    constraints: [],
    criticalMetrics: [],
    health: [],
    principles: [],
    quarters: [],
    notDoing: [],
    metrics: [],
    owners: [],
    findings: [],
    checksRun: 0,
    changes: { snapshots: 0, lines: [] },
    ...over,
    org: { ...ORG, ...org },
  };
}

const render = (over: Partial<StrategyDocument> = {}, org: Partial<DocOrganization> = {}): string =>
  renderMarkdown(model(over, org));

/** The lines of a section: its heading line and every line up to the next heading of the same or a higher level. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading "${heading}" in:\n${md}`);
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start, end < 0 ? lines.length : end);
}

/** One line of a section starting with `start` (a field: "- **Budget**:"). */
function line(md: string, heading: string, start: string): string {
  const found = section(md, heading).filter((l) => l.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} lines starting "${start}" under ${heading}`);
  return found[0];
}

const ph = (what: string): string => `_[${what}: not in the workbook yet]_`;

describe('a workbook holding nothing: every section says what is missing', () => {
  const EMPTY = [
    '# Tech Strategy',
    '',
    '_Generated from the strategy workbook on 2026-12-01. Placeholders in [brackets] mark what the workbook does not hold yet._',
    '',
    '## Executive Summary',
    '',
    `- **Vision**: ${ph('One sentence on where we are going')}`,
    `- **Current State**: ${ph('Technical health scorecard')}`,
    `- **Strategic Themes**: ${ph('3–5 themes')}`,
    `- **Timeline**: ${ph('12–18 month view')}`,
    `- **Resources**: ${ph('Budget and headcount')}`,
    `- **Expected Outcomes**: ${ph('Business impact')}`,
    '- **Open Review Findings**: 0 of 0 checks (see [Strategy Review](#strategy-review-open-findings))',
    '',
    '## Business Context',
    '',
    '### Objectives',
    '',
    `- ${ph('Top 3 business goals')}`,
    '',
    '### Constraints',
    '',
    `- ${ph('Budget, timeline, market')}`,
    '',
    '### Critical Metrics',
    '',
    `- ${ph('Critical business metrics')}`,
    '',
    '### Current State: Technical Health',
    '',
    ph('Technical health scorecard'),
    '',
    '### Key Challenges',
    '',
    `- ${ph('Top technical challenges (dimensions scored 1–2)')}`,
    '',
    '## Strategic Themes',
    '',
    ph('3–5 strategic themes'),
    '',
    '## Technical Principles',
    '',
    `1. ${ph('Principles')}`,
    '',
    '## Roadmap',
    '',
    ph('Quarterly view of major initiatives'),
    '',
    "## What We're Not Doing (and Why)",
    '',
    `- ${ph('Trade-offs: what we deprioritize')}`,
    '',
    '## Metrics',
    '',
    ph('Metrics with current vs target'),
    '',
    '### Change Since the Previous Snapshot',
    '',
    '_[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]_',
    '',
    '## Organization & Resources',
    '',
    `- **Team Structure**: ${ph('Org chart')}`,
    '- **Ownership**:',
    `  - ${ph('Owners')}`,
    `- **Hiring Plan**: ${ph('Roles and timeline')}`,
    `- **Budget**: ${ph('High-level breakdown')}`,
    `- **Key Vendors**: ${ph('Critical partners')}`,
    '',
    "## How We'll Work",
    '',
    `- **Decision Process**: ${ph('How we make decisions')}`,
    `- **Communication**: ${ph('How we stay aligned')}`,
    `- **Metrics**: ${ph("What we'll track")}`,
    '- **Reviews**: a progress snapshot at least every 30 days',
    '',
    '## Strategy Review: Open Findings',
    '',
    "All 0 checks of the guide's common pitfalls pass.",
  ];

  test('the whole document, line by line, ending with one newline', () => {
    expect(render().split('\n')).toEqual([...EMPTY, '']);
  });

  test('the title is escaped like any cell text', () => {
    expect(render({ title: '# Plan_2027 | <draft>' }).split('\n')[0]).toBe('# \\# Plan\\_2027 \\| \\<draft\\>');
  });
});

describe('Executive Summary', () => {
  const H = '## Executive Summary';

  test('every field from the Organization sheet, in the guide order', () => {
    const md = render(
      {
        themes: [theme({ name: 'Scale_out' }), theme({ name: 'Security' })],
        quarters: [
          quarter('Q1 2027', [item('SSO'), item('Audit')]),
          quarter('Q2 2027', [item('Sharding')]),
          quarter('No quarter', [item('Someday')]),
        ],
        healthScore: { score: 2.96, status: 'Healthy' },
        findings: [finding('✗', 'No owner', 2), finding('⚠', 'Vague metric', 1)],
        checksRun: 14,
      },
      {
        vision: 'The *fastest* checkout',
        horizon: '18 months',
        currentState: ['Monolith on one DB', 'Deploys weekly'],
        outcomes: ['Revenue +20%', 'Churn -5%'],
        budgetTotal: { item: 'FY2027', amount: 1500000 },
        teams: [team('Platform', 5), team('Apps', 7), team('Data', undefined)],
        hires: [hire('SRE', 2), hire('PM', undefined), hire('Data engineer', 1)],
      },
    );
    expect(section(md, H)).toEqual([
      H,
      '',
      '- **Vision**: The \\*fastest\\* checkout',
      '- **Current State**: technical health 3.0/5 (Healthy); Monolith on one DB; Deploys weekly',
      '- **Strategic Themes**: Scale\\_out; Security',
      '- **Timeline**: 18 months; initiatives by quarter: Q1 2027 (2), Q2 2027 (1)',
      '- **Resources**: budget 1,500,000 (FY2027); 12 people in 3 teams; 3 hires planned',
      '- **Expected Outcomes**: Revenue +20%; Churn -5%',
      '- **Open Review Findings**: 2 of 14 checks (see [Strategy Review](#strategy-review-open-findings))',
      '',
    ]);
  });

  test('current state from the health score alone, or from the sheet alone', () => {
    expect(line(render({ healthScore: { score: 4.04, status: 'Strong' } }), H, '- **Current State**')).toBe(
      '- **Current State**: technical health 4.0/5 (Strong)',
    );
    expect(line(render({}, { currentState: ['Legacy | core'] }), H, '- **Current State**')).toBe(
      '- **Current State**: Legacy \\| core',
    );
  });

  test('timeline from the horizon alone, or from the quarters alone ("No quarter" is not a quarter)', () => {
    expect(line(render({}, { horizon: '12 months' }), H, '- **Timeline**')).toBe('- **Timeline**: 12 months');
    expect(line(render({ quarters: [quarter('Q3 2027', [item('A')])] }), H, '- **Timeline**')).toBe(
      '- **Timeline**: initiatives by quarter: Q3 2027 (1)',
    );
    expect(line(render({ quarters: [quarter('No quarter', [item('A')])] }), H, '- **Timeline**')).toBe(
      `- **Timeline**: ${ph('12–18 month view')}`,
    );
  });

  test('expected outcomes from the Organization sheet first, else the objectives', () => {
    const objectives = [objective('Grow EU revenue'), objective('Cut churn_rate')];
    expect(line(render({ objectives }), H, '- **Expected Outcomes**')).toBe(
      '- **Expected Outcomes**: Grow EU revenue; Cut churn\\_rate',
    );
    expect(line(render({ objectives }, { outcomes: ['Margin +3 pts'] }), H, '- **Expected Outcomes**')).toBe(
      '- **Expected Outcomes**: Margin +3 pts',
    );
  });
});

describe('Resources: the Organization sheet, else the Budget constraint, else a placeholder', () => {
  const resources = (over: Partial<StrategyDocument>, org: Partial<DocOrganization> = {}): string =>
    line(render(over, org), '## Executive Summary', '- **Resources**');

  test('each of budget, people and hires alone', () => {
    expect(resources({}, { budgetTotal: { item: '', amount: 250000.4 } })).toBe('- **Resources**: budget 250,000');
    // A name of only control characters or an undecoded line-break escape shows nothing, so nothing in brackets.
    expect(resources({}, { budgetTotal: { item: '\u0007_x000D_', amount: 5 } })).toBe('- **Resources**: budget 5');
    expect(resources({}, { teams: [team('Core', 4)] })).toBe('- **Resources**: 4 people in 1 teams');
    expect(resources({}, { teams: [team('Core', undefined)] })).toBe('- **Resources**: 0 people in 1 teams');
    expect(resources({}, { hires: [hire('SRE', 3)] })).toBe('- **Resources**: 3 hires planned');
  });

  test('a hiring plan with no count plans no hire', () => {
    expect(resources({}, { hires: [hire('SRE', undefined)] })).toBe(`- **Resources**: ${ph('Budget and headcount')}`);
  });

  test('without them, the constraints about budget, headcount or money, escaped', () => {
    const constraints = [
      constraint('Budget: flat_2027'),
      constraint('HEADCOUNT frozen'),
      constraint('Cloud spend under $40k'),
      constraint('Vendor fees in €'),
      constraint('UK office in £'),
      constraint('Ship before the audit'),
    ];
    expect(resources({ constraints })).toBe(
      '- **Resources**: Budget: flat\\_2027; HEADCOUNT frozen; Cloud spend under $40k; Vendor fees in €; UK office in £',
    );
    expect(resources({ constraints }, { hires: [hire('SRE', 1)] })).toBe('- **Resources**: 1 hires planned');
  });
});

describe('Business Context', () => {
  test('objectives with detail, deadline and the theme serving them; a blank item shows "—"', () => {
    const md = render({
      objectives: [
        { item: 'Grow EU revenue', detail: '+20% YoY', theme: 'Scale_out', deadline: '2027-12-31' },
        { item: 'Cut churn', detail: '', theme: '', deadline: '' },
        { item: ' ', detail: 'no name', theme: '', deadline: '2027-06-30' },
        { item: 'Be compliant', detail: '', theme: ' ', deadline: '' },
      ],
    });
    expect(section(md, '### Objectives')).toEqual([
      '### Objectives',
      '',
      '- Grow EU revenue — +20% YoY (by 2027-12-31) — served by **Scale\\_out**',
      '- Cut churn',
      '- — — no name (by 2027-06-30)',
      '- Be compliant — served by **—**',
      '',
    ]);
  });

  test('constraints and critical metrics, escaped, blank ones as "—"', () => {
    const md = render({
      constraints: [
        { item: '# of engineers fixed', detail: 'see HR', deadline: '2027-01-31' },
        { item: 'No new vendors', detail: '', deadline: '' },
      ],
      criticalMetrics: ['Revenue per user', '', '<p95> latency'],
    });
    expect(section(md, '### Constraints')).toEqual([
      '### Constraints',
      '',
      '- \\# of engineers fixed — see HR (by 2027-01-31)',
      '- No new vendors',
      '',
    ]);
    expect(section(md, '### Critical Metrics')).toEqual([
      '### Critical Metrics',
      '',
      '- Revenue per user',
      '- —',
      '- \\<p95\\> latency',
      '',
    ]);
  });

  test('technical health: the sheet lines, the scorecard table and its overall score', () => {
    const md = render(
      {
        health: [
          { dimension: 'Reliability', rating: '1/5', evidence: 'Outages weekly', impact: 'Lost revenue' },
          { dimension: 'Velocity', rating: '2.5/5', evidence: 'Slow CI', impact: '' },
          { dimension: 'Security', rating: '4/5', evidence: '', impact: 'Audit | passed' },
          { dimension: 'Data', rating: '', evidence: 'Not rated yet', impact: '' },
        ],
        healthScore: { score: 2.75, status: 'Needs Attention' },
      },
      { currentState: ['Monolith', 'On-prem'] },
    );
    expect(section(md, '### Current State: Technical Health')).toEqual([
      '### Current State: Technical Health',
      '',
      '- Monolith',
      '- On-prem',
      '',
      '| Dimension | Score | Evidence | Impact |',
      '| --- | --- | --- | --- |',
      '| Reliability | 1/5 | Outages weekly | Lost revenue |',
      '| Velocity | 2.5/5 | Slow CI |   |',
      '| Security | 4/5 |   | Audit \\| passed |',
      '| Data |   | Not rated yet |   |',
      '',
      'Overall: **2.8/5 (Needs Attention)**.',
      '',
    ]);
  });

  test('a scorecard without an overall score says so; sheet lines without a scorecard keep the placeholder', () => {
    const scored = section(
      render({ health: [{ dimension: 'Cost', rating: '', evidence: 'Unknown', impact: '' }] }),
      '### Current State: Technical Health',
    );
    expect(scored.slice(-2)).toEqual(['Overall: not scored.', '']);
    expect(section(render({}, { currentState: ['Monolith'] }), '### Current State: Technical Health')).toEqual([
      '### Current State: Technical Health',
      '',
      '- Monolith',
      '',
      ph('Technical health scorecard'),
      '',
    ]);
  });

  test('key challenges: the dimensions scored 1 to 2 (decimals included), with evidence and impact', () => {
    const health = [
      { dimension: 'Reliability', rating: '1/5', evidence: 'Outages weekly', impact: 'Lost revenue' },
      { dimension: 'Velocity', rating: '2/5', evidence: 'Slow CI', impact: '' },
      { dimension: 'Testing', rating: '1.5/5', evidence: 'Few tests', impact: 'Bugs_in prod' },
      { dimension: 'Hiring', rating: '1.25/5', evidence: 'Slow', impact: '' },
      { dimension: 'Security', rating: '3.2/5', evidence: 'Fine', impact: '' },
      { dimension: 'Docs', rating: '3/5', evidence: 'Some', impact: '' },
      { dimension: 'Ops', rating: '12/5', evidence: 'Typo', impact: '' },
      { dimension: 'Data', rating: '', evidence: 'Not rated', impact: '' },
      // A 2.5 or a 2.9 is no 1–2 (the rule once read the first digit); a 0.5 is below the scale (the sheet refuses it).
      { dimension: 'Culture', rating: '2.5/5', evidence: 'Mixed', impact: '' },
      { dimension: 'Tooling', rating: '2.9/5', evidence: 'Dated', impact: '' },
      { dimension: 'Cost', rating: '0.5/5', evidence: 'Typed', impact: '' },
      { dimension: 'Edge', rating: '2.0/5', evidence: 'Exactly two', impact: '' },
    ];
    expect(section(render({ health }), '### Key Challenges')).toEqual([
      '### Key Challenges',
      '',
      '- Reliability (1/5): Outages weekly — Lost revenue',
      '- Velocity (2/5): Slow CI',
      '- Testing (1.5/5): Few tests — Bugs\\_in prod',
      '- Hiring (1.25/5): Slow',
      '- Edge (2.0/5): Exactly two',
      '',
    ]);
  });
});

function theme(over: Partial<DocTheme>): DocTheme {
  return {
    name: 'Theme',
    driver: '',
    implication: '',
    criteria: '',
    timeline: '',
    owner: '',
    metrics: [],
    initiatives: [],
    ...over,
  };
}

describe('Strategic Themes', () => {
  test('a theme with every field, numbered, its initiatives numbered within it', () => {
    const md = render({
      themes: [
        theme({
          name: 'Global_Scale',
          driver: 'EU customers',
          implication: 'Multi-region',
          criteria: 'p95 < 300ms',
          timeline: 'Q1–Q4 2027',
          owner: 'Ana',
          complete: 0.855,
          metrics: [
            { name: 'Uptime', current: '99.5%', target: '99.9%', status: 'At Risk' },
            { name: 'p95 *latency*', current: '350ms', target: '280ms', status: '' },
          ],
          initiatives: [
            { name: 'Sharding', owner: 'Bo', when: 'Q1 2027', status: 'In Progress' },
            { name: 'CDN', owner: '', when: 'Q2 2027', status: '' },
            { name: 'Edge cache', owner: '', when: '', status: '' },
            { name: '', owner: 'Cy', when: '', status: 'Done' },
          ],
        }),
        theme({ name: 'Security', complete: 0 }),
      ],
    });
    expect(section(md, '### Theme 1: Global\\_Scale')).toEqual([
      '### Theme 1: Global\\_Scale',
      '',
      '- **Business Driver**: EU customers',
      '- **Technical Implication**: Multi-region',
      '- **Success Criteria**: p95 \\< 300ms',
      '- **Metrics**: Uptime 99.5% → 99.9% (At Risk); p95 \\*latency\\* 350ms → 280ms',
      '- **Key Initiatives**:',
      '  1. Sharding (Bo, Q1 2027, In Progress)',
      '  2. CDN (Q2 2027)',
      '  3. Edge cache',
      '  4. — (Cy, Done)',
      '- **Timeline**: Q1–Q4 2027',
      '- **Owner**: Ana',
      '- **Roadmap Complete**: 86%',
      '',
    ]);
    expect(line(md, '### Theme 2: Security', '- **Roadmap Complete**')).toBe('- **Roadmap Complete**: 0%');
  });

  test('a theme with nothing but its name: each field a placeholder, no completion line', () => {
    expect(section(render({ themes: [theme({ name: 'Cost' })] }), '## Strategic Themes')).toEqual([
      '## Strategic Themes',
      '',
      '### Theme 1: Cost',
      '',
      `- **Business Driver**: ${ph('Why this matters')}`,
      `- **Technical Implication**: ${ph('What it means for the technology')}`,
      `- **Success Criteria**: ${ph('How we will measure')}`,
      `- **Metrics**: ${ph('Metrics')}`,
      '- **Key Initiatives**:',
      `  1. ${ph('Projects')}`,
      `- **Timeline**: ${ph('Timeline')}`,
      `- **Owner**: ${ph('Engineering leader')}`,
      '',
    ]);
  });

  test('completion rounds to the nearest whole percent', () => {
    const complete = (x: number): string =>
      line(render({ themes: [theme({ name: 'T', complete: x })] }), '## Strategic Themes', '- **Roadmap Complete**');
    expect(complete(0.851)).toBe('- **Roadmap Complete**: 85%');
    expect(complete(0.855)).toBe('- **Roadmap Complete**: 86%');
    expect(complete(1)).toBe('- **Roadmap Complete**: 100%');
  });
});

function item(initiative: string, dependsOn = ''): StrategyDocument['quarters'][number]['items'][number] {
  return { initiative, theme: 'Scale', owner: 'Ana', status: 'Planned', dependsOn };
}
const quarter = (
  q: string,
  items: StrategyDocument['quarters'][number]['items'],
): StrategyDocument['quarters'][number] => ({
  quarter: q,
  items,
});

describe('Technical Principles and Roadmap', () => {
  test('principles numbered, with stance and practice when given; a blank one shows "—"', () => {
    const md = render({
      principles: [
        { principle: 'Buy_before build', stance: 'we build only our edge', practice: 'a build needs a memo' },
        { principle: 'Boring tech', stance: '', practice: 'Postgres first' },
        { principle: 'APIs first', stance: 'contracts before code', practice: '' },
        { principle: '', stance: '', practice: '' },
      ],
    });
    expect(section(md, '## Technical Principles')).toEqual([
      '## Technical Principles',
      '',
      '1. **Buy\\_before build** — we build only our edge. In practice: a build needs a memo',
      '2. **Boring tech**. In practice: Postgres first',
      '3. **APIs first** — contracts before code',
      '4. **—**',
      '',
    ]);
  });

  test('the roadmap by quarter, without a Depends On column when nothing depends on anything', () => {
    const md = render({
      quarters: [
        quarter('Q1 2027', [item('SSO'), { initiative: 'Audit|log', theme: '', owner: '', status: '', dependsOn: '' }]),
        quarter('No quarter', [item('Someday')]),
      ],
    });
    expect(section(md, '## Roadmap')).toEqual([
      '## Roadmap',
      '',
      '### Q1 2027',
      '',
      '| Initiative | Theme | Owner | Status |',
      '| --- | --- | --- | --- |',
      '| SSO | Scale | Ana | Planned |',
      '| Audit\\|log |   |   |   |',
      '',
      '### No quarter',
      '',
      '| Initiative | Theme | Owner | Status |',
      '| --- | --- | --- | --- |',
      '| Someday | Scale | Ana | Planned |',
      '',
    ]);
  });

  test('one dependency anywhere gives every quarter a Depends On column', () => {
    const md = render({
      quarters: [quarter('Q1 2027', [item('SSO')]), quarter('Q2 2027', [item('Audit'), item('Billing', 'SSO')])],
    });
    expect(section(md, '### Q1 2027')).toEqual([
      '### Q1 2027',
      '',
      '| Initiative | Theme | Owner | Status | Depends On |',
      '| --- | --- | --- | --- | --- |',
      '| SSO | Scale | Ana | Planned |   |',
      '',
    ]);
    expect(section(md, '### Q2 2027').slice(4)).toEqual([
      '| Audit | Scale | Ana | Planned |   |',
      '| Billing | Scale | Ana | Planned | SSO |',
      '',
    ]);
  });

  test('the 85 % line and the weight sensitivity line come first, each in bold', () => {
    const md = render({
      commitments: { quarter: 'Q1 2027', commit: ['SSO_v2'], stretch: [], wontFit: ['Data lake', 'Refactor'] },
      sensitivity: { topN: 3, least: { project: 'Refactor', inTop: false, stability: 0.73 }, tip: undefined },
      quarters: [quarter('Q1 2027', [item('SSO_v2')])],
    });
    expect(section(md, '## Roadmap').slice(0, 7)).toEqual([
      '## Roadmap',
      '',
      "**85 % line**: Q1 2027 at 85 %: Commit SSO\\_v2; Stretch none; Won't fit Data lake, Refactor",
      '',
      '**Weight sensitivity**: Most weight-sensitive decision: Refactor stays out of the top 3 under 73 % of weight' +
        ' changes within ±25 %; no single weight changes the top 3 within ±100 %',
      '',
      '### Q1 2027',
    ]);
  });

  test('with no quarter, the 85 % line above the placeholder', () => {
    const md = render({ commitments: { quarter: 'Q2', commit: [], stretch: ['A'], wontFit: [] } });
    expect(section(md, '## Roadmap')).toEqual([
      '## Roadmap',
      '',
      "**85 % line**: Q2 at 85 %: Commit none; Stretch A; Won't fit none",
      '',
      ph('Quarterly view of major initiatives'),
      '',
    ]);
  });

  test("what we're not doing: bold item, why and when to revisit", () => {
    const md = render({
      notDoing: [
        { item: 'Kubernetes', why: 'too early_for us', revisit: '2027-06-30' },
        { item: 'Rewrite', why: '', revisit: '' },
        { item: '', why: 'unnamed', revisit: '' },
        { item: 'Mobile app', why: '', revisit: '2027-09-30' },
      ],
    });
    expect(section(md, "## What We're Not Doing (and Why)")).toEqual([
      "## What We're Not Doing (and Why)",
      '',
      '- **Kubernetes** — too early\\_for us (revisit 2027-06-30)',
      '- **Rewrite**',
      '- **—** — unnamed',
      '- **Mobile app** (revisit 2027-09-30)',
      '',
    ]);
  });
});

function metric(over: Partial<StrategyDocument['metrics'][number]>): StrategyDocument['metrics'][number] {
  return {
    theme: 'Scale',
    name: 'Uptime',
    business: 'Uptime',
    technical: '',
    baseline: '99%',
    current: '99.5%',
    target: '99.9%',
    status: 'On Track',
    ...over,
  };
}

describe('Metrics and the change since the previous snapshot', () => {
  test('the metrics table: progress as a rounded percent, blank when not measured', () => {
    const md = render({
      metrics: [
        metric({ progress: 0.556 }),
        metric({ name: 'Lead time (p50)', business: 'Lead time', technical: 'p50 | days', progress: undefined }),
        metric({ theme: '', business: 'Cost', progress: 0, status: '' }),
      ],
    });
    expect(section(md, '## Metrics')).toEqual([
      '## Metrics',
      '',
      '| Theme | Business Metric | Technical Metric | Baseline | Current | Target | Progress | Status |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Scale | Uptime |   | 99% | 99.5% | 99.9% | 56% | On Track |',
      '| Scale | Lead time | p50 \\| days | 99% | 99.5% | 99.9% |   | On Track |',
      '|   | Cost |   | 99% | 99.5% | 99.9% | 0% |   |',
      '',
      '### Change Since the Previous Snapshot',
      '',
      '_[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]_',
      '',
    ]);
  });

  const OCT = ymdToSerial(2026, 10, 1);
  const NOV = ymdToSerial(2026, 11, 1);

  test('one snapshot: the change waits for the next one', () => {
    const md = render({ changes: { snapshots: 1, latest: NOV, lines: [] } });
    expect(section(md, '### Change Since the Previous Snapshot')).toEqual([
      '### Change Since the Previous Snapshot',
      '',
      '_[One snapshot so far (2026-11-01): the change shows once the next one is recorded]_',
      '',
    ]);
  });

  test('two snapshots: what is compared, then each value then and now, "new" for a value new since', () => {
    const changes = {
      snapshots: 2,
      latest: NOV,
      previous: OCT,
      lines: [
        { kind: 'Metric', name: 'p95 latency', before: '350ms', now: '280ms', change: '−20%' },
        { kind: 'Metric', name: 'Cost_EU', now: '$4k', change: '' },
      ],
    };
    expect(section(render({ changes }), '### Change Since the Previous Snapshot')).toEqual([
      '### Change Since the Previous Snapshot',
      '',
      'Snapshot of 2026-11-01 compared with 2026-10-01.',
      '',
      '| What | Name | 2026-10-01 | 2026-11-01 | Change |',
      '| --- | --- | --- | --- | --- |',
      '| Metric | p95 latency | 350ms | 280ms | −20% |',
      '| Metric | Cost\\_EU |   | $4k | new |',
      '',
    ]);
  });
});

function team(name: string, headcount: number | undefined): DocOrganization['teams'][number] {
  return { team: name, owner: `${name} lead`, headcount, remit: '' };
}
function hire(role: string, count: number | undefined): DocOrganization['hires'][number] {
  return { role, count, quarter: 'Q1 2027', neededFor: 'SSO', status: 'Open', owner: 'Ana' };
}
const constraint = (text: string): StrategyDocument['constraints'][number] => ({
  item: text,
  detail: '',
  deadline: '',
});
const objective = (text: string): StrategyDocument['objectives'][number] => ({
  item: text,
  detail: '',
  theme: '',
  deadline: '',
});
function finding(status: string, check: string, count: number): StrategyDocument['findings'][number] {
  return { status, check, count, items: `${check} items`, advice: 'Fix it' };
}

describe('Organization & Resources', () => {
  const H = '## Organization & Resources';

  test('teams, ownership, hiring, budget and vendors as tables under their fields', () => {
    const md = render(
      {
        owners: [
          { owner: 'Ana', owns: ['theme Scale', 'SSO_v2'] },
          { owner: 'Bo', owns: ['CDN'] },
        ],
      },
      {
        teams: [
          { team: 'Platform', owner: 'Ana', headcount: 5, remit: 'Infra | CI' },
          team('Apps', 0),
          team('Data', undefined),
        ],
        hires: [hire('SRE', 2), { role: 'PM', quarter: '', neededFor: '', status: '', owner: '' }],
        budgetTotal: { item: 'FY2027', amount: 1500000 },
        budgetLines: [
          { line: 'Cloud', amount: 600000, share: 0.4 },
          { line: 'Tools', amount: undefined, share: undefined },
          { line: 'People', amount: 899999.5, share: 0.6 },
        ],
        vendors: [
          { vendor: 'AWS', purpose: 'Hosting', renewal: '2027-03-31' },
          { vendor: 'Okta', purpose: '', renewal: '' },
        ],
      },
    );
    expect(section(md, H)).toEqual([
      H,
      '',
      '- **Team Structure**:',
      '',
      '| Team | Owner | Headcount | Remit |',
      '| --- | --- | --- | --- |',
      '| Platform | Ana | 5 | Infra \\| CI |',
      '| Apps | Apps lead | 0 |   |',
      '| Data | Data lead |   |   |',
      '',
      '- **Ownership**:',
      '  - Ana: theme Scale; SSO\\_v2',
      '  - Bo: CDN',
      '- **Hiring Plan**:',
      '',
      '| Role | Count | Quarter | Needed For | Status | Hiring Manager |',
      '| --- | --- | --- | --- | --- | --- |',
      '| SRE | 2 | Q1 2027 | SSO | Open | Ana |',
      '| PM |   |   |   |   |   |',
      '',
      '- **Budget**: FY2027: 1,500,000',
      '',
      '| Line | Amount | Share |',
      '| --- | --- | --- |',
      '| Cloud | 600,000 | 40% |',
      '| Tools |   |   |',
      '| People | 900,000 | 60% |',
      '',
      '- **Key Vendors**:',
      '',
      '| Vendor | What For | Renewal |',
      '| --- | --- | --- |',
      '| AWS | Hosting | 2027-03-31 |',
      '| Okta |   |   |',
      '',
    ]);
  });

  const budget = (over: Partial<StrategyDocument>, org: Partial<DocOrganization>): string[] => {
    const s = section(render(over, org), H);
    const from = s.findIndex((l) => l.startsWith('- **Budget**'));
    return s.slice(
      from,
      s.findIndex((l, i) => i > from && l.startsWith('- **Key Vendors**')),
    );
  };
  const budgetConstraints = [
    constraint('Budget: $2M flat'),
    constraint('budget frozen_Q3'),
    constraint('Headcount 40'),
  ];

  test('the budget total first (named "Total" when its row has no name), even beside a Budget constraint', () => {
    expect(budget({ constraints: budgetConstraints }, { budgetTotal: { item: '', amount: 2e6 } })).toEqual([
      '- **Budget**: Total: 2,000,000',
      '',
    ]);
    // A name a reader cannot see (an undecoded "_x000D_", a control character) is no name: "Total", never ": 2,000,000".
    expect(budget({}, { budgetTotal: { item: '_x000D_\u001b', amount: 2e6 } })[0]).toBe(
      '- **Budget**: Total: 2,000,000',
    );
  });

  test('budget lines without a total: the Budget constraints, their "Budget:" label dropped, else "by line"', () => {
    const budgetLines = [{ line: 'Cloud', amount: 1000, share: 0.25 }];
    expect(budget({ constraints: budgetConstraints }, { budgetLines })).toEqual([
      '- **Budget**: $2M flat; budget frozen\\_Q3',
      '',
      '| Line | Amount | Share |',
      '| --- | --- | --- |',
      '| Cloud | 1,000 | 25% |',
      '',
    ]);
    expect(budget({ constraints: [constraint('Headcount 40')] }, { budgetLines })[0]).toBe('- **Budget**: by line');
  });

  test('no budget on the Organization sheet: the Budget constraints, else the placeholder', () => {
    expect(budget({ constraints: budgetConstraints }, {})).toEqual(['- **Budget**: $2M flat; budget frozen\\_Q3']);
    expect(budget({ constraints: [constraint('Headcount 40'), constraint('Spend in $')] }, {})).toEqual([
      `- **Budget**: ${ph('High-level breakdown')}`,
    ]);
  });
});

describe("How We'll Work and the review's findings", () => {
  test('decisions, communication, the metrics tracked and the review cadence, each joined by "; "', () => {
    const md = render(
      { metrics: [metric({ name: 'Uptime (SLO_1)' }), metric({ name: 'Lead time' })] },
      {
        decisions: ['RFCs for *big* changes', 'ADR log'],
        communication: ['Monthly all-hands'],
        reviews: ['Quarterly strategy review', 'Weekly ops review'],
        cadenceDays: 14,
      },
    );
    expect(section(md, "## How We'll Work")).toEqual([
      "## How We'll Work",
      '',
      '- **Decision Process**: RFCs for \\*big\\* changes; ADR log',
      '- **Communication**: Monthly all-hands',
      '- **Metrics**: Uptime (SLO\\_1); Lead time',
      '- **Reviews**: Quarterly strategy review; Weekly ops review; a progress snapshot at least every 14 days',
      '',
    ]);
  });

  test('open findings: how many of the checks need attention, then a table of them', () => {
    const md = render({
      findings: [
        finding('✗', 'No owner', 2),
        { status: '⚠', check: 'Vague | metric', count: 0, items: '', advice: '' },
      ],
      checksRun: 14,
    });
    expect(section(md, '## Strategy Review: Open Findings')).toEqual([
      '## Strategy Review: Open Findings',
      '',
      "2 of 14 checks of the guide's common pitfalls need attention (✗ a pitfall, ⚠ worth a look).",
      '',
      '|  | Check | Count | First Items | What the Guide Advises |',
      '| --- | --- | --- | --- | --- |',
      '| ✗ | No owner | 2 | No owner items | Fix it |',
      '| ⚠ | Vague \\| metric | 0 |   |   |',
      '',
    ]);
    expect(md.endsWith('| ⚠ | Vague \\| metric | 0 |   |   |\n')).toBe(true);
  });

  test('a single finding is counted the same way', () => {
    expect(
      section(
        render({ findings: [finding('⚠', 'Stale snapshot', 1)], checksRun: 3 }),
        '## Strategy Review: Open Findings',
      ).slice(2, 3),
    ).toEqual(["1 of 3 checks of the guide's common pitfalls need attention (✗ a pitfall, ⚠ worth a look)."]);
  });

  test('every check passing', () => {
    expect(section(render({ checksRun: 14 }), '## Strategy Review: Open Findings')).toEqual([
      '## Strategy Review: Open Findings',
      '',
      "All 14 checks of the guide's common pitfalls pass.",
      '', // the document's one trailing newline
    ]);
  });
});

describe('the whole document: never two blank lines in a row, one trailing newline', () => {
  test('with every section full', () => {
    const md = render(
      {
        themes: [theme({ name: 'A', complete: 0.5 })],
        health: [{ dimension: 'Ops', rating: '2/5', evidence: 'Toil', impact: '' }],
        quarters: [quarter('Q1 2027', [item('SSO', 'IdP')])],
        metrics: [metric({})],
        findings: [finding('✗', 'No owner', 1)],
        checksRun: 3,
        changes: { snapshots: 2, latest: ymdToSerial(2026, 11, 1), previous: ymdToSerial(2026, 10, 1), lines: [] },
      },
      {
        currentState: ['Monolith'],
        teams: [team('Core', 3)],
        hires: [hire('SRE', 1)],
        budgetTotal: { item: 'FY', amount: 10 },
        vendors: [{ vendor: 'AWS', purpose: 'Hosting', renewal: '' }],
      },
    );
    expect(md).not.toMatch(/\n\n\n/);
    expect(md).toMatch(/[^\n]\n$/);
    expect(md.startsWith('# Tech Strategy\n\n_Generated')).toBe(true);
  });
});

describe('cell text in Markdown', () => {
  test.each([
    ['a line break of each kind becomes a space', 'a\r\nb\nc\rd\te\vf\fg\u0085h\u2028i\u2029j', 'a b c d e f g h i j'],
    [
      'undecoded _x000D_-style escapes of line breaks and tabs become spaces',
      'a_x000D_b_x000a_c_x0009_d_x000B_e_x000c_f',
      'a b c d e f',
    ],
    ['other control escapes are removed', 'a_x001B_b_x0010_c_x001f_d_x007F_e_x007f_f_x0000_g', 'abcdefg'],
    ['escapes of printable characters stay', 'a_x0041_b_x0020_c_x0080_d_x00_e', 'a_x0041_b_x0020_c_x0080_d_x00_e'],
    ['raw control characters are removed', 'a\u0000b\u001bc\u001fd\u007fe\u0080f\u009fg\u00a0h', 'abcdefg\u00a0h'],
    ['spaces at either end are dropped', '  a b \n', 'a b'],
  ])('oneLine: %s', (_what, text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });

  test.each([
    [
      'backslash, code, emphasis, braces, links, HTML, headings, tables, strikethrough',
      '\\`*_{}[]<>#|~',
      '\\\\\\`\\*\\_\\{\\}\\[\\]\\<\\>\\#\\|\\~',
    ],
    ['a line break inside a cell', 'a\nb|c', 'a b\\|c'],
    [
      'an & that would start an entity; a character reference is broken by its escaped "#"',
      '&amp; &#39; &#x41; &copy; &AElig; &frac12;',
      '\\&amp; &\\#39; &\\#x41; \\&copy; \\&AElig; \\&frac12;',
    ],
    ['an & that would not', 'AT&T & co; &; a&b c;', 'AT&T & co; &; a&b c;'],
    ['a leading list marker or rule', '- item', '\\- item'],
    ['a leading plus', '+ item', '\\+ item'],
    ['a lone dash', '-', '\\-'],
    ['a leading rule', '--- x', '\\--- x'],
    ['a dash or plus glued to a word, or inside the text', '-5 +3 a - b', '-5 +3 a - b'],
    ['a leading ordered-list number', '1. First', '1\\. First'],
    ['a leading number with a parenthesis', '12) Twelfth', '12\\) Twelfth'],
    ['a number and its dot alone', '2027.', '2027\\.'],
    ['nine digits', '123456789. x', '123456789\\. x'],
    ['ten digits cannot start a list', '1234567890. x', '1234567890. x'],
    ['a decimal', '1.5 days', '1.5 days'],
    ['a number not at the start', 'Step 1. go', 'Step 1. go'],
    ['a number after spaces that are dropped', '  3. x', '3\\. x'],
  ])('esc: %s', (_what, text, expected) => {
    expect(esc(text)).toBe(expected);
  });

  test.each([
    ['Budget: $2M', '$2M'],
    ['  budget:   $2M flat  ', '$2M flat'],
    ['BUDGET:$2M', '$2M'],
    ['Budget $2M', 'Budget $2M'],
    ['Budgets: $2M', 'Budgets: $2M'],
    ['Our budget: $2M', 'Our budget: $2M'],
    ['  $2M  ', '$2M'],
  ])('withoutLabel(%j, "Budget") is %j', (text, expected) => {
    expect(withoutLabel(text, 'Budget')).toBe(expected);
  });
});
