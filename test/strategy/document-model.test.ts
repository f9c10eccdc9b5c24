/**
 * The Strategy Document's model (shared/strategy/model.ts strategyDocument) field by field, and every initiative once
 * (shared/strategy/initiatives.ts): what each section of the document lists for workbooks built here row by row, every
 * expected value written by hand from the rules in the code's comments — blank names left out, sections and names
 * compared trimmed and in any case, quarters in quarter order with "No quarter" last, a roadmap item and a planned
 * project of the same name listed once (a journey once printed them twice), "Don't Do" never an initiative. Pure
 * jest: no formula engine, a fixed "today".
 */
import { ymdToSerial } from '../../shared/core/args';
import { notADate } from '../../shared/core/messages';
import { REVIEW_CHECKS, STATUS_MARK } from '../../shared/strategy/checks';
import { emptyData, type PrincipleRow, type ProjectRow, type StrategyData } from '../../shared/strategy/data';
import {
  compareQuarters,
  dontDoReason,
  initiatives,
  notDoingProjects,
  roadmapItemNamed,
} from '../../shared/strategy/initiatives';
import { commitmentText, isoDate, strategyDocument } from '../../shared/strategy/model';
import { context, health, metric, notDoing, org, project, roadmap, theme } from './rows';

const TODAY = ymdToSerial(2026, 12, 1);
const DONT_DO = "Don't Do";

const data = (rows: Partial<StrategyData>): StrategyData => ({ ...emptyData(), ...rows });
const doc = (rows: Partial<StrategyData>) => strategyDocument(data(rows), TODAY);

describe('title and date', () => {
  test('the title given wins over the workbook\'s; "as of" is today as YYYY-MM-DD', () => {
    const d = data({ org: [org('Company', 'Acme'), org('Plan Year', '2027')] });
    expect(strategyDocument(d, TODAY).title).toBe('Technical Strategy: Acme 2027');
    expect(strategyDocument(d, TODAY, 'Our plan').title).toBe('Our plan');
    expect(strategyDocument(d, TODAY).asOf).toBe('2026-12-01');
  });
});

describe('strategic themes', () => {
  const rows: Partial<StrategyData> = {
    themes: [
      theme('Security', { owner: 'Dana', driver: 'Enterprise deals', criteria: 'SOC 2 by Q3' }),
      theme('', { owner: 'Ghost' }),
      theme('Speed', { owner: 'Lars' }),
      theme('Empty'),
    ],
    metrics: [
      metric('Enterprise deals', 'SSO logins', {
        theme: 'security',
        current: ' 12 ',
        target: '40',
        status: 'On Track',
      }),
      metric('', '', { theme: 'Security', current: '7' }),
      metric('Deploy time', 'Deploy time', { theme: 'Speed', current: '2h', target: '15m' }),
    ],
    roadmap: [
      roadmap('SSO', { theme: 'Security', quarter: 'Q1', owner: 'Dana', status: 'Done' }),
      roadmap('Audit log', { theme: ' SECURITY ', quarter: 'Q2', owner: 'Dana', status: 'In Progress' }),
      roadmap('CI cache', { theme: 'Speed', quarter: 'Q1', owner: 'Priya' }),
    ],
    projects: [
      project('sso', { theme: 'Security', quarter: 'Q3', owner: 'Bob' }),
      project('Edge caching', { theme: 'Speed', quarter: 'Q2', owner: 'Lars' }),
    ],
  };

  test('each named theme with its fields, its metrics, its initiatives once and its completion', () => {
    const plain = { implication: '', timeline: '' };
    expect(doc(rows).themes).toEqual([
      {
        ...plain,
        name: 'Security',
        driver: 'Enterprise deals',
        criteria: 'SOC 2 by Q3',
        owner: 'Dana',
        complete: 0.5,
        metrics: [{ name: 'Enterprise deals (SSO logins)', current: '12', target: '40', status: 'On Track' }],
        initiatives: [
          { name: 'SSO', owner: 'Dana', when: 'Q1', status: 'Done' },
          { name: 'Audit log', owner: 'Dana', when: 'Q2', status: 'In Progress' },
        ],
      },
      {
        ...plain,
        name: 'Speed',
        driver: '',
        criteria: '',
        owner: 'Lars',
        complete: 0,
        metrics: [{ name: 'Deploy time', current: '2h', target: '15m', status: '' }],
        initiatives: [
          { name: 'CI cache', owner: 'Priya', when: 'Q1', status: '' },
          { name: 'Edge caching', owner: 'Lars', when: 'Q2', status: 'Planned' },
        ],
      },
      { ...plain, name: 'Empty', driver: '', criteria: '', owner: '', metrics: [], initiatives: [] },
    ]);
    expect(doc(rows).themes[2].complete).toBeUndefined();
  });

  test('owners: each named theme, then each initiative once, blank owners left out', () => {
    const more = {
      ...rows,
      themes: [...rows.themes!, theme('Docs', { owner: '  ' })],
      roadmap: [...rows.roadmap!, roadmap('Flaky tests', { owner: '  ' })],
    };
    expect(doc(more).owners).toEqual([
      { owner: 'Dana', owns: ['theme Security', 'SSO', 'Audit log'] },
      { owner: 'Lars', owns: ['theme Speed', 'Edge caching'] },
      { owner: 'Priya', owns: ['CI cache'] },
    ]);
  });
});

describe('business context, health and principles', () => {
  test('objectives, constraints and critical metrics by section in any case, blank items left out', () => {
    const d = doc({
      context: [
        context('objective', 'Grow EMEA', { detail: '3x revenue', theme: 'Speed', deadline: ymdToSerial(2027, 6, 30) }),
        context('Objective', ''),
        context(' CONSTRAINT ', 'Budget flat', { detail: 'No new spend', theme: 'Speed' }),
        context('Critical Metric', 'ARR'),
        context('critical metric', 'Churn'),
        context('Other', 'Not a section'),
      ],
    });
    expect(d.objectives).toEqual([{ item: 'Grow EMEA', detail: '3x revenue', theme: 'Speed', deadline: '2027-06-30' }]);
    expect(d.constraints).toEqual([{ item: 'Budget flat', detail: 'No new spend', deadline: '' }]);
    expect(d.criticalMetrics).toEqual(['ARR', 'Churn']);
  });

  test('health: "n/5", unrated kept with evidence, blank dimension or empty row left out; the score', () => {
    const d = doc({
      health: [
        health('Reliability', { rating: 4, evidence: '99.9% uptime', impact: 'Churn' }),
        health('Security', { evidence: 'No SOC 2', impact: 'Lost deals' }),
        health('Docs'),
        health('', { evidence: 'A stray note' }),
        health('Speed', { rating: 2 }),
      ],
    });
    expect(d.health).toEqual([
      { dimension: 'Reliability', rating: '4/5', evidence: '99.9% uptime', impact: 'Churn' },
      { dimension: 'Security', rating: '', evidence: 'No SOC 2', impact: 'Lost deals' },
      { dimension: 'Speed', rating: '2/5', evidence: '', impact: '' },
    ]);
    expect(d.healthScore).toEqual({ score: 3, status: 'Healthy' });
    expect(doc({ health: [health('Docs', { evidence: 'Wiki' })] }).healthScore).toBeUndefined();
  });

  test('principles with a name, as typed', () => {
    const p = { number: '1', principle: 'Buy before build', stance: 'Speed over control', practice: 'SaaS first' };
    const blank = { number: '2', principle: '', stance: 'Orphan', practice: '' };
    expect(doc({ principles: [p, blank] as unknown as PrincipleRow[] }).principles).toEqual([p]);
  });
});

describe('roadmap by quarter', () => {
  test('in quarter order, other labels after them in text order, "No quarter" last', () => {
    const d = doc({
      roadmap: [
        roadmap('Later thing', { quarter: 'Someday', theme: 'Speed', owner: 'Lars', status: 'Idea' }),
        roadmap('Audit log', { quarter: 'Q2', dependsOn: 'SSO' }),
        roadmap('Loose end'),
        roadmap('Rollout', { quarter: 'Q2' }),
        roadmap('Another loose end', { quarter: ' ' }),
        roadmap('SSO', { quarter: 'Q1', theme: 'Security', owner: 'Dana', status: 'Done' }),
        roadmap('Year two', { quarter: 'Q1 Y2' }),
        roadmap('Backlog item', { quarter: 'Backlog' }),
      ],
      projects: [project('Edge caching', { quarter: 'Q3', theme: 'Speed', owner: 'Lars' })],
    });
    const item = (initiative: string, more = {}) => ({
      initiative,
      theme: '',
      owner: '',
      status: '',
      dependsOn: '',
      ...more,
    });
    expect(d.quarters).toEqual([
      { quarter: 'Q1', items: [item('SSO', { theme: 'Security', owner: 'Dana', status: 'Done' })] },
      { quarter: 'Q2', items: [item('Audit log', { dependsOn: 'SSO' }), item('Rollout')] },
      { quarter: 'Q3', items: [item('Edge caching', { theme: 'Speed', owner: 'Lars', status: 'Planned' })] },
      { quarter: 'Q1 Y2', items: [item('Year two')] },
      { quarter: 'Backlog', items: [item('Backlog item')] },
      { quarter: 'Someday', items: [item('Later thing', { theme: 'Speed', owner: 'Lars', status: 'Idea' })] },
      { quarter: 'No quarter', items: [item('Loose end'), item('Another loose end')] },
    ]);
  });

  test('quarter labels sort by year ("Y2", a calendar year) then quarter, in any case; other labels last in text order', () => {
    const labels = [
      'Later',
      'Q1  2028',
      'q2',
      'Q3 later',
      ' Q4 ',
      'Q2 Y10',
      'Q1 Y2',
      'Phase Q2',
      'Backlog',
      'Q3 2027',
      'Q1',
    ];
    expect([...labels].sort(compareQuarters)).toEqual([
      'Q1',
      'q2',
      ' Q4 ',
      'Q1 Y2',
      'Q2 Y10',
      'Q3 2027',
      'Q1  2028',
      'Backlog',
      'Later',
      'Phase Q2',
      'Q3 later',
    ]);
  });
});

describe("what we're not doing and metrics", () => {
  test('typed rows with their revisit date, then the "Don\'t Do" projects not listed yet, with their reason', () => {
    const d = doc({
      notDoing: [notDoing('Mobile app', { why: 'Focus on web', revisit: ymdToSerial(2027, 1, 15) }), notDoing('')],
      projects: [
        project('Blockchain', { quadrant: DONT_DO, impactUsed: 2, effortUsed: 9 } as Partial<ProjectRow>),
        project('mobile app ', { quadrant: "don't do" }),
        project('SSO', { quadrant: 'Do Now' }),
        project('  ', { quadrant: DONT_DO }),
      ],
    });
    expect(d.notDoing).toEqual([
      { item: 'Mobile app', why: 'Focus on web', revisit: '2027-01-15' },
      { item: 'Blockchain', why: "Don't Do in the prioritization (impact 2, effort 9)", revisit: '' },
    ]);
    expect(dontDoReason({})).toBe("Don't Do in the prioritization (impact , effort )");
  });

  test('each named metric with its values as shown', () => {
    const d = doc({
      metrics: [
        metric('Revenue', 'ARR', {
          theme: 'Growth',
          baseline: ' 1M ',
          current: '2M',
          target: '3M',
          status: 'On Track',
        }),
        metric('', ''),
        metric('Uptime', '', { baseline: 99, current: 99.5, target: '99.9%', progress: 0.5 }),
      ],
    });
    expect(d.metrics).toEqual([
      {
        theme: 'Growth',
        name: 'Revenue (ARR)',
        business: 'Revenue',
        technical: 'ARR',
        baseline: '1M',
        current: '2M',
        target: '3M',
        progress: undefined,
        status: 'On Track',
      },
      {
        theme: '',
        name: 'Uptime',
        business: 'Uptime',
        technical: '',
        baseline: '99',
        current: '99.5',
        target: '99.9%',
        progress: 0.5,
        status: '',
      },
    ]);
  });
});

describe('review findings', () => {
  test('only the checks that do not pass, with their count and items; every check counted as run', () => {
    const d = doc({ themes: [theme('Security', { criteria: 'SOC 2' })] });
    const noOwner = REVIEW_CHECKS.find((c) => c.check === 'Themes without an owner')!;
    expect(d.findings).toContainEqual({
      status: STATUS_MARK[noOwner.severity],
      check: 'Themes without an owner',
      count: 1,
      items: 'Security',
      advice: noOwner.advice,
    });
    expect(d.findings.map((f) => f.check)).not.toContain('Themes without success criteria');
    expect(d.findings.every((f) => f.status !== STATUS_MARK.pass && f.count > 0)).toBe(true);
    expect(d.checksRun).toBe(REVIEW_CHECKS.length);
    expect(d.findings.length).toBeLessThan(d.checksRun);
  });
});

describe('organization and resources', () => {
  const rows = [
    org('Vision', 'The platform enterprises trust'),
    org('Timeline Horizon', '12 months', { count: 12 }),
    org('Expected Outcome', '3x revenue'),
    org('Expected Outcome', ''),
    org('Current State', 'Manual failover'),
    org('Team', 'Platform', { owner: 'Dana', count: 6, detail: 'Identity' }),
    org('team', 'Data', { detail: 'Analytics' }),
    org('Hire', 'SRE', { count: 2, quarter: 'Q2', neededFor: 'Multi-region', status: 'Open', owner: 'Lars' }),
    org('Budget Total', 'Engineering budget', { amount: 1000000 }),
    org('Budget Line', 'Cloud', { amount: 250000 }),
    org('Budget Line', 'Tools'),
    org('Vendor', 'AWS', { detail: 'Hosting', date: ymdToSerial(2027, 3, 31) }),
    org('Vendor', 'Sentry', { detail: 'Errors' }),
    org('Decision Process', 'ADRs'),
    org('Communication', 'Monthly memo'),
    org(' review cadence ', 'Every two weeks', { count: 14 }),
  ];

  test('each section as the sheet holds it: teams, hires, budget and shares, vendors with renewal dates, cadence', () => {
    expect(doc({ org: rows }).org).toEqual({
      vision: 'The platform enterprises trust',
      horizon: '12 months',
      outcomes: ['3x revenue'],
      currentState: ['Manual failover'],
      teams: [
        { team: 'Platform', owner: 'Dana', headcount: 6, remit: 'Identity' },
        { team: 'Data', owner: '', headcount: undefined, remit: 'Analytics' },
      ],
      hires: [{ role: 'SRE', count: 2, quarter: 'Q2', neededFor: 'Multi-region', status: 'Open', owner: 'Lars' }],
      budgetTotal: { item: 'Engineering budget', amount: 1000000 },
      budgetLines: [
        { line: 'Cloud', amount: 250000, share: 0.25 },
        { line: 'Tools', amount: undefined, share: undefined },
      ],
      vendors: [
        { vendor: 'AWS', purpose: 'Hosting', renewal: '2027-03-31' },
        { vendor: 'Sentry', purpose: 'Errors', renewal: '' },
      ],
      decisions: ['ADRs'],
      communication: ['Monthly memo'],
      reviews: ['Every two weeks'],
      cadenceDays: 14,
    });
  });

  test('an empty sheet: nothing listed, no budget total, a monthly cadence', () => {
    const o = doc({ org: [org('Budget Total', 'Budget', { amount: 0 })] }).org;
    expect(o.budgetTotal).toBeUndefined();
    expect([o.vision, o.horizon, o.teams, o.hires, o.budgetLines, o.vendors, o.cadenceDays]).toEqual([
      '',
      '',
      [],
      [],
      [],
      [],
      31,
    ]);
  });
});

describe('the 85 % line', () => {
  const odds = (name: string, commitment: string, more: Partial<ProjectRow> = {}) =>
    project(name, { commitment, ...more });

  test('Commit, Stretch and Won\'t fit names in plan order, in any case; "Don\'t Do" and blank names left out', () => {
    const d = strategyDocument(
      data({
        planStart: 'Q4 2026',
        projects: [
          odds('SSO', 'Commit'),
          odds('Cache', 'Stretch'),
          odds('Audit', ' commit '),
          odds('Rewrite', "Won't fit"),
          odds('Blockchain', 'Commit', { quadrant: DONT_DO }),
          odds('', 'Commit'),
          odds('Docs', ''),
        ],
      }),
      TODAY,
    );
    expect(d.commitments).toEqual({
      quarter: 'Q4 2026',
      commit: ['SSO', 'Audit'],
      stretch: ['Cache'],
      wontFit: ['Rewrite'],
    });
    expect(commitmentText(d.commitments!)).toBe("Q4 2026 at 85 %: Commit SSO, Audit; Stretch Cache; Won't fit Rewrite");
  });

  test('undefined when no project has odds; "none" for an empty group; Q1 without a First quarter', () => {
    expect(doc({ projects: [odds('Docs', '')] }).commitments).toBeUndefined();
    expect(doc({ projects: [odds('Blockchain', 'Commit', { quadrant: DONT_DO })] }).commitments).toBeUndefined();
    const twoGroups = doc({ projects: [odds('SSO', 'Commit'), odds('Cache', 'Stretch')] }).commitments!;
    expect(commitmentText(twoGroups)).toBe("Q1 at 85 %: Commit SSO; Stretch Cache; Won't fit none");
    const other = doc({ projects: [odds('SSO', 'Commit'), odds('Rewrite', "Won't fit")] }).commitments!;
    expect(commitmentText(other)).toBe("Q1 at 85 %: Commit SSO; Stretch none; Won't fit Rewrite");
  });
});

describe('isoDate', () => {
  test('blank for no date; YYYY-MM-DD from year 1 to 9999; beyond, the number said not to be a date', () => {
    expect(isoDate(undefined)).toBe('');
    expect(isoDate(ymdToSerial(2027, 2, 28) + 0.75)).toBe('2027-02-28');
    // 2000 Gregorian years (five 400-year cycles of 146097 days) before 2001-01-01 is 0001-01-01.
    const yearOne = ymdToSerial(2001, 1, 1) - 5 * 146097;
    expect(isoDate(yearOne)).toBe('0001-01-01');
    expect(isoDate(yearOne - 1)).toBe(notADate(yearOne - 1));
    const last = ymdToSerial(9999, 12, 31);
    expect(isoDate(last)).toBe('9999-12-31');
    expect(isoDate(last + 1)).toBe(`${last + 1} (not a date: dates run from year 1 to 9999)`);
    expect(isoDate(1e12)).toBe(notADate(1e12));
    expect(isoDate(Infinity)).toBe(notADate(Infinity));
  });
});

describe('every initiative once', () => {
  test("a roadmap item and a planned project of the same name: once, with the roadmap's fields", () => {
    const d = data({
      planStart: 'Q4 2026',
      roadmap: [
        roadmap(' SSO ', {
          theme: ' Security',
          quarter: 'Q2 ',
          owner: 'Dana ',
          status: ' In Progress ',
          dependsOn: ' IdP',
        }),
      ],
      projects: [project('sso', { theme: 'Identity', quarter: 'Q1 2027', owner: 'Bob' })],
    });
    expect(initiatives(d)).toEqual([
      {
        name: 'SSO',
        theme: 'Security',
        quarter: 'Q2',
        roadmapQuarter: 'Q2',
        owner: 'Dana',
        status: 'In Progress',
        dependsOn: 'IdP',
        planned: false,
      },
    ]);
  });

  test('a planned project not on the roadmap: "Planned", under its plan position\'s quarter', () => {
    const d = data({
      planStart: 'Q4 2026',
      projects: [
        project(' Edge caching ', { theme: 'Speed ', quarter: ' Q1 2027 ', owner: ' Lars' }),
        project('Now', { quarter: 'Q4 2026' }),
        project('Last', { quarter: 'Q3 2027' }),
        project('Far', { quarter: ' Q4 2027 ' }),
        project('Earlier', { quarter: 'Q3 2026' }),
        project('Unplanned'),
        project('  '),
      ],
    });
    const planned = { theme: '', owner: '', status: 'Planned', dependsOn: '', planned: true };
    expect(initiatives(d)).toEqual([
      { ...planned, name: 'Edge caching', theme: 'Speed', quarter: 'Q1 2027', roadmapQuarter: 'Q2', owner: 'Lars' },
      { ...planned, name: 'Now', quarter: 'Q4 2026', roadmapQuarter: 'Q1' },
      { ...planned, name: 'Last', quarter: 'Q3 2027', roadmapQuarter: 'Q4' },
      { ...planned, name: 'Far', quarter: 'Q4 2027', roadmapQuarter: 'Q4 2027' },
      { ...planned, name: 'Earlier', quarter: 'Q3 2026', roadmapQuarter: 'Q3 2026' },
      { ...planned, name: 'Unplanned', quarter: '', roadmapQuarter: '' },
    ]);
  });

  test('a roadmap item with no Quarter stands in the plan quarter its Start falls in', () => {
    const d = data({
      planStart: 'Q4 2026',
      roadmap: [
        roadmap('Migrate', { start: ymdToSerial(2027, 2, 1) }),
        roadmap('Too late', { start: ymdToSerial(2028, 2, 1) }),
        roadmap('  '),
      ],
    });
    expect(initiatives(d).map((w) => [w.name, w.quarter, w.roadmapQuarter])).toEqual([
      ['Migrate', '', 'Q2'],
      ['Too late', '', ''],
    ]);
  });

  test('"Don\'t Do" is never an initiative, also when the roadmap names it; it is a trade-off instead', () => {
    const d = data({
      roadmap: [roadmap('Blockchain'), roadmap('SSO')],
      projects: [
        project('blockchain ', { quadrant: "DON'T DO" }),
        project('  ', { quadrant: DONT_DO }),
        project('Crypto', { quadrant: DONT_DO }),
      ],
    });
    expect(initiatives(d).map((w) => w.name)).toEqual(['SSO']);
    expect(notDoingProjects(d).map((p) => p.project)).toEqual(['blockchain ', 'Crypto']);
    expect(doc(d).quarters.flatMap((q) => q.items.map((i) => i.initiative))).toEqual(['SSO']);
    // A project with no name (spaces only) is no trade-off either.
    expect(doc(d).notDoing.map((n) => n.item)).toEqual(['blockchain ', 'Crypto']);
  });

  test('roadmapItemNamed: the first item of a name, trimmed and in any case; rows added later are seen', () => {
    const d = data({ roadmap: [roadmap('SSO', { owner: 'Dana' }), roadmap(' sso ', { owner: 'Bob' })] });
    expect(roadmapItemNamed(d, ' Sso')?.owner).toBe('Dana');
    expect(roadmapItemNamed(d, 'Audit')).toBeUndefined();
    d.roadmap.push(roadmap('Audit', { owner: 'Priya' }));
    expect(roadmapItemNamed(d, 'audit')?.owner).toBe('Priya');
  });
});
