/**
 * The Strategy Review's findings as the core computes them (shared/strategy/checks.ts reviewStrategy: what the CLI's
 * strategy document lists and what the Strategy Review sheet must show), from workbooks built here row by row, every
 * expected finding written by hand: for each check a sound workbook that passes it and a changed one that fails it,
 * the status mark (⚠ a warning, ✗ a failure), the count, the offending items named in row order and "and N more"
 * past three; blanks and spaces as people leave them, words typed in another case, dates at the edges (a review date
 * of today, the snapshot cadence exactly and a day over, the plan's horizon). Pure jest: no formula engine
 * (checks-native.test.ts evaluates the same checks' formulas on the same rows).
 */
import { ymdToSerial } from '../../shared/core/args';
import { REVIEW_CHECKS, itemsText, reviewStrategy } from '../../shared/strategy/checks';
import { emptyData, type StrategyData } from '../../shared/strategy/data';
import { SOUND, TODAY, soundWith } from './review-workbooks';
import { adr, context, debt, history, metric, notDoing, org, project, roadmap, teamRow, theme } from './rows';

/** A finding as the review's row shows it: status, count, items. */
type Shown = [string, number, string];

/** Every check's finding on a workbook holding `rows` (nothing else), by check id. */
function review(rows: Partial<StrategyData>, today = TODAY): Record<string, Shown> {
  const found = reviewStrategy({ ...emptyData(), ...rows }, today);
  return Object.fromEntries(found.map((f) => [f.check.id, [f.status, f.count, f.items]]));
}

/** One check's finding. */
const finding = (id: string, rows: Partial<StrategyData>, today = TODAY): Shown => {
  const all = review(rows, today);
  if (!(id in all)) throw new Error(`no check ${id}`);
  return all[id];
};

const PASS: Shown = ['✓', 0, ''];

describe('a sound strategy passes every check', () => {
  test('every finding is ✓ with nothing named', () => {
    const all = review(SOUND);
    expect(Object.entries(all).filter(([, f]) => f[0] !== '✓')).toEqual([]);
    expect(Object.values(all).every((f) => f[1] === 0 && f[2] === '')).toBe(true);
  });

  test('the review has one row per check, each with a guide step or pitfall, a question and advice', () => {
    const found = reviewStrategy({ ...emptyData(), ...SOUND }, TODAY);
    expect(found.map((f) => f.check)).toEqual(REVIEW_CHECKS);
    expect(new Set(found.map((f) => f.check.id)).size).toBe(found.length);
    for (const { check } of found) {
      expect(check.area).toMatch(/^(Pitfall [1-6]|Step [1-9]) · [A-Z][a-z]+/);
      expect(check.check.length).toBeGreaterThan(5);
      expect(check.advice.length).toBeGreaterThan(30);
      expect(['warning', 'failure']).toContain(check.severity);
    }
  });

  test('each pitfall’s checks give the guide’s solution and action for it, word for word, first', () => {
    // The seed guide's "Common Pitfalls": Solution, then Action, as the review's advice column shows them.
    const GUIDE: Record<string, string> = {
      'Pitfall 1':
        'Connect every project to a strategic theme explicitly: add the "strategic theme" field to project planning and reviews.',
      'Pitfall 2':
        'Include concrete projects and owners with timelines: a quarterly execution plan with specific deliverables.',
      'Pitfall 3': 'Review and adjust quarterly based on learnings: schedule quarterly strategy retrospectives.',
      'Pitfall 4':
        'Start with business objectives and involve stakeholders early: co-create the strategy with product, business and engineering leaders.',
      'Pitfall 6':
        'Be explicit about trade-offs and what we are deprioritizing: keep a "What we\'re not doing and why" section.',
    };
    for (const [pitfall, advice] of Object.entries(GUIDE)) {
      const first = REVIEW_CHECKS.filter((c) => c.area.startsWith(`${pitfall} ·`) && c.advice.startsWith(advice));
      expect([pitfall, first.length > 0]).toEqual([pitfall, true]);
    }
    // Where a check adds to the guide's words, they come after them, one space apart.
    const added = REVIEW_CHECKS.find((c) => c.id === 'work-unknown-theme')!.advice;
    expect(added).toBe(`${GUIDE['Pitfall 1']} Use the theme names of the Strategic Themes sheet.`);
  });

  test('the areas are the guide’s steps and pitfalls by name', () => {
    const areas = new Set(REVIEW_CHECKS.map((c) => c.area));
    expect([...areas].sort()).toEqual([
      'Pitfall 1 · Connect work to strategy',
      'Pitfall 2 · Owners and timelines',
      'Pitfall 3 · Keep the strategy alive',
      'Pitfall 4 · Connect to the business',
      'Pitfall 6 · State the trade-offs',
      'Step 1 · Business context',
      'Step 2 · Technical health',
      'Step 3 · Strategic themes',
      'Step 5 · Roadmap',
      'Step 6 · Success metrics',
      'Step 7 · Organization & resources',
      'Step 7 · Strategy document',
    ]);
  });
});

describe('a blank workbook', () => {
  test('fails on what a blank strategy lacks and names each gap', () => {
    const flagged = Object.entries(review({})).filter(([, f]) => f[0] !== '✓');
    expect(flagged).toEqual([
      ['no-objectives', ['✗', 1, 'No objective in Business Context']],
      ['no-vision', ['✗', 1, 'No vision in Organization & Ways of Working']],
      ['no-themes', ['✗', 1, 'No theme in Strategic Themes']],
      ['no-projects', ['✗', 1, 'No project in Prioritization or Roadmap']],
      ['no-metrics', ['✗', 1, 'No metric in Metrics Dashboard']],
      [
        'document-gaps',
        [
          '⚠',
          12,
          'Company, Plan Year, Timeline Horizon, Expected Outcome, Current State, Team, Hire, Budget Line, Vendor, Decision Process, Communication, Review Cadence',
        ],
      ],
      ['not-doing-empty', ['✗', 1, 'The list is empty']],
      ['no-recent-snapshot', ['⚠', 1, 'No snapshot recorded yet']],
    ]);
  });

  test('rows of blanks and spaces count as nothing', () => {
    const spaces = review({
      context: [context('Objective', '   ')],
      org: [org('Vision', '  '), org('Company', ' ')],
      themes: [theme('  ', { owner: 'Kim' })],
      projects: [project(' ', { theme: 'X' })],
      roadmap: [roadmap('', { owner: 'Kim' })],
      metrics: [metric(' ', '  ', { target: '5' })],
      notDoing: [notDoing('   ', { why: 'no time' })],
    });
    expect(spaces['no-objectives']).toEqual(['✗', 1, 'No objective in Business Context']);
    expect(spaces['no-vision']).toEqual(['✗', 1, 'No vision in Organization & Ways of Working']);
    expect(spaces['no-themes']).toEqual(['✗', 1, 'No theme in Strategic Themes']);
    expect(spaces['no-projects']).toEqual(['✗', 1, 'No project in Prioritization or Roadmap']);
    expect(spaces['no-metrics']).toEqual(['✗', 1, 'No metric in Metrics Dashboard']);
    expect(spaces['not-doing-empty']).toEqual(['✗', 1, 'The list is empty']);
    expect(spaces['document-gaps'][1]).toBe(12);
    // A nameless row offends no row check: nobody could tell which one.
    for (const id of ['work-no-theme', 'work-no-owner', 'theme-no-criteria', 'metric-no-target', 'metric-no-due'])
      expect([id, spaces[id]]).toEqual([id, PASS]);
  });
});

describe('the strategy as a whole', () => {
  test('an objective counts in any case and spacing of its section; another section does not', () => {
    expect(finding('no-objectives', { context: [context('  objective ', 'Grow 3x')] })).toEqual(PASS);
    expect(finding('no-objectives', { context: [context('Constraint', 'Budget flat')] })).toEqual([
      '✗',
      1,
      'No objective in Business Context',
    ]);
  });

  test('the vision is the first Vision row, as the sheet finds it; typed in another case it still counts', () => {
    expect(finding('no-vision', { org: [org('VISION', 'One platform')] })).toEqual(PASS);
    expect(finding('no-vision', { org: [org('Vision', ''), org('Vision', 'One platform')] })).toEqual([
      '✗',
      1,
      'No vision in Organization & Ways of Working',
    ]);
  });

  test.each([
    [0, PASS], // the no-themes check says it
    [1, ['⚠', 1, '1 theme']],
    [2, ['⚠', 2, '2 themes']],
    [3, PASS],
    [5, PASS],
    [6, ['⚠', 6, '6 themes']],
  ])('%i named themes (and a nameless row): theme count', (n, shown) => {
    const themes = [...Array.from({ length: n }, (_, i) => theme(`Theme ${i + 1}`)), theme('  ')];
    expect(finding('theme-count', { themes })).toEqual(shown);
  });

  test('projects or roadmap items: either is enough', () => {
    expect(finding('no-projects', { roadmap: [roadmap('SSO')] })).toEqual(PASS);
    expect(finding('no-projects', { projects: [project('SSO')] })).toEqual(PASS);
  });

  test('a metric needs a business or a technical name', () => {
    expect(finding('no-metrics', { metrics: [metric('ARR', '')] })).toEqual(PASS);
    expect(finding('no-metrics', { metrics: [metric('', 'p95 latency')] })).toEqual(PASS);
  });

  test('the strategy document’s gaps are named in the sheet’s order; a section typed in capitals fills its gap', () => {
    const sections = SOUND.org!.filter((r) => !['Vendor', 'Budget Line', 'Company'].includes(r.section));
    expect(finding('document-gaps', { org: sections })).toEqual(['⚠', 3, 'Company, Budget Line, Vendor']);
    expect(finding('document-gaps', { org: [...sections, org(' VENDOR ', 'Okta')] })).toEqual([
      '⚠',
      2,
      'Company, Budget Line',
    ]);
    // A section row with no item is still a gap.
    expect(finding('document-gaps', { org: [...sections, org('Company', ' '), org('Budget Line', 'Cloud')] })).toEqual([
      '⚠',
      2,
      'Company, Vendor',
    ]);
  });

  test('the not-doing list needs one item with text', () => {
    expect(finding('not-doing-empty', { notDoing: [notDoing('Microservices')] })).toEqual(PASS);
    expect(finding('not-doing-empty', { notDoing: [notDoing('', { why: 'later' })] })).toEqual([
      '✗',
      1,
      'The list is empty',
    ]);
  });

  test('every scored project in "Do Now" is flagged from two on; unscored projects do not count', () => {
    const p = (name: string, quadrant: string) => project(name, { quadrant });
    expect(finding('all-do-now', { projects: [p('A', 'Do Now'), p('B', 'do now '), p('C', '')] })).toEqual([
      '⚠',
      2,
      'All 2 scored projects',
    ]);
    expect(finding('all-do-now', { projects: [p('A', 'Do Now'), p('B', 'Do Now'), p('C', 'Do Now')] })).toEqual([
      '⚠',
      3,
      'All 3 scored projects',
    ]);
    expect(finding('all-do-now', { projects: [p('A', 'Do Now'), p('B', '')] })).toEqual(PASS);
    expect(finding('all-do-now', { projects: [p('A', 'Do Now'), p('B', 'Plan Carefully')] })).toEqual(PASS);
    expect(finding('all-do-now', { projects: [p('A', 'Plan Carefully'), p('B', "Don't Do")] })).toEqual(PASS);
  });
});

describe('progress snapshots, within the review cadence', () => {
  const snap = (...days: number[]) => days.map((d) => history(TODAY - d, 'Metric', 'ARR', 1, '$1'));
  test.each([
    [[0], PASS],
    [[31], PASS], // a month's cadence, exactly
    [[32], ['⚠', 1, 'Last snapshot 32 days ago']],
    [[90, 5, 40], PASS], // the latest counts, in any row
    [
      [90, 45, 60],
      ['⚠', 1, 'Last snapshot 45 days ago'],
    ],
  ])('snapshots %j days ago', (days, shown) => {
    expect(finding('no-recent-snapshot', { history: snap(...days) })).toEqual(shown);
  });

  test('none at all', () => {
    expect(finding('no-recent-snapshot', { history: [] })).toEqual(['⚠', 1, 'No snapshot recorded yet']);
  });

  test('the Review Cadence’s Count sets the days; none, or 0, keeps a month', () => {
    const cadence = (count?: number) => org('review cadence', 'Weekly', { count });
    expect(finding('no-recent-snapshot', { history: snap(7), org: [cadence(7)] })).toEqual(PASS);
    expect(finding('no-recent-snapshot', { history: snap(8), org: [cadence(7)] })).toEqual([
      '⚠',
      1,
      'Last snapshot 8 days ago',
    ]);
    expect(finding('no-recent-snapshot', { history: snap(31), org: [cadence(0)] })).toEqual(PASS);
    expect(finding('no-recent-snapshot', { history: snap(32), org: [cadence()] })).toEqual([
      '⚠',
      1,
      'Last snapshot 32 days ago',
    ]);
  });

  test('the check says how long a cadence it uses when none is set', () => {
    const check = REVIEW_CHECKS.find((c) => c.id === 'no-recent-snapshot')!;
    expect(check.check).toBe('No progress snapshot within the review cadence (31 days unless set)');
  });
});

describe('projects and roadmap items', () => {
  test('without a theme: projects first, then the roadmap, by name trimmed; three named, then "and N more"', () => {
    const rows = {
      projects: [project('  P1 '), project('P2', { theme: ' ' }), project('P3', { theme: 'Scale' })],
      roadmap: [roadmap('R1'), roadmap('R2'), roadmap('R3', { theme: 'Scale' }), roadmap('R4')],
    };
    expect(finding('work-no-theme', rows)).toEqual(['✗', 5, 'P1, P2, R1 and 2 more']);
    expect(finding('work-no-theme', { roadmap: [roadmap('R1'), roadmap('R2')] })).toEqual(['✗', 2, 'R1, R2']);
    expect(finding('work-no-theme', { projects: [project('P1'), project('P2'), project('P3')] })).toEqual([
      '✗',
      3,
      'P1, P2, P3',
    ]);
    expect(finding('work-no-theme', { projects: [project('P1')] })).toEqual(['✗', 1, 'P1']);
  });

  test('a theme that is not a strategic theme is named; one typed in another case or spacing is the theme', () => {
    const themes = [theme('Enterprise Ready'), theme('Scale')];
    const rows = {
      themes,
      projects: [
        project('SSO', { theme: ' enterprise ready ' }),
        project('Chatbot', { theme: 'AI Everywhere' }),
        project('Billing', { theme: '' }),
      ],
      roadmap: [roadmap('EU region', { theme: 'SCALE' }), roadmap('Data lake', { theme: 'Data' })],
    };
    expect(finding('work-unknown-theme', rows)).toEqual(['✗', 2, 'Chatbot, Data lake']);
    // A nameless theme row is no theme.
    const nameless = { themes: [theme(' ')], projects: [project('SSO', { theme: ' ' })] };
    expect(finding('work-unknown-theme', nameless)).toEqual(PASS);
  });

  test('without an owner', () => {
    const rows = {
      projects: [project('SSO', { owner: 'Dana' }), project('Billing', { owner: '  ' })],
      roadmap: [roadmap('EU region'), roadmap('Audit', { owner: 'Kim' })],
    };
    expect(finding('work-no-owner', rows)).toEqual(['✗', 2, 'Billing, EU region']);
  });

  test('roadmap items without a start or an end date (a warning)', () => {
    const d = ymdToSerial(2027, 1, 4);
    const rows = {
      roadmap: [
        roadmap('Both', { start: d, end: d + 30 }),
        roadmap('No end', { start: d }),
        roadmap('No start', { end: d }),
        roadmap('Neither'),
      ],
    };
    expect(finding('roadmap-no-dates', rows)).toEqual(['⚠', 3, 'No end, No start, Neither']);
  });

  test('overdue: ended before today and not done ("done" in any case is done; ending today is not late)', () => {
    const rows = {
      roadmap: [
        roadmap('Yesterday', { end: TODAY - 1, status: 'In progress' }),
        roadmap('Today', { end: TODAY, status: 'In progress' }),
        roadmap('Done late', { end: TODAY - 30, status: ' DONE ' }),
        roadmap('Blocked', { end: TODAY - 30, status: 'Blocked' }),
        roadmap('Undated', { status: 'Not started' }),
        roadmap('Blank status', { end: TODAY - 2 }),
      ],
    };
    expect(finding('roadmap-overdue', rows)).toEqual(['✗', 3, 'Yesterday, Blocked, Blank status']);
  });
});

describe('the plan: horizon, roadmap quarters, capacity', () => {
  const planned = (...quarters: string[]) => quarters.map((quarter, i) => project(`P${i + 1}`, { quarter }));

  test('past the default horizon of four quarters from the First quarter', () => {
    const projects = planned('Q1 2027', 'Q4 2027', 'Q1 2028', 'Q2 Y2', 'Q4', '', 'After Q4 2028');
    expect(finding('beyond-horizon', { planStart: 'Q1 2027', projects })).toEqual(['⚠', 2, 'P3, P4']);
    // From Q3 2027, Q2 2028 is the plan's fourth quarter and Q3 2028 its fifth.
    const later = planned('Q2 2028', 'Q3 2028', ' Q3 2028 ');
    expect(finding('beyond-horizon', { planStart: 'Q3 2027', projects: later })).toEqual(['⚠', 2, 'P2, P3']);
  });

  test.each([
    [6, ['⚠', 2, 'P3, P4']], // six months: two quarters
    [7, ['⚠', 1, 'P4']], // seven months round up to three quarters
    [12, PASS],
    [0, PASS], // no horizon set: four quarters
  ])('a Timeline Horizon of %i months', (months, shown) => {
    const rows = {
      planStart: 'Q1 2027',
      projects: planned('Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027'),
      org: [org('timeline horizon', `${months} months`, { count: months })],
    };
    expect(finding('beyond-horizon', rows)).toEqual(shown);
  });

  test('a project whose roadmap item (by name, any case) sits in another quarter than planned', () => {
    const rows = {
      planStart: 'Q1 2027',
      projects: planned('Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', ''),
      roadmap: [
        roadmap('p1', { quarter: 'Q1' }), // agrees
        roadmap('P2', { quarter: 'q3 ' }), // the roadmap says Q3: disagrees
        roadmap('P3', { start: ymdToSerial(2027, 7, 1) }), // its Start falls in the plan's Q3: agrees
        roadmap('P4', { start: ymdToSerial(2027, 9, 30) }), // Start in Q3, planned Q4: disagrees
        roadmap('P5', { quarter: 'Q2' }), // not planned: nothing to compare
      ],
    };
    expect(finding('roadmap-plan-quarter', rows)).toEqual(['⚠', 2, 'P2, P4']);
    // With no roadmap item of its name, or a roadmap quarter that is no quarter, there is nothing to compare.
    for (const quarter of ['Later', 'H2 Q3']) {
      const none = { planStart: 'Q1 2027', projects: planned('Q2 2027'), roadmap: [roadmap('P1', { quarter })] };
      expect(finding('roadmap-plan-quarter', none)).toEqual(PASS);
    }
  });

  test('projects that do not fit the capacity, however the plan’s words are typed', () => {
    const projects = planned(
      'Too big for capacity',
      'After Q4 2028',
      ' after q2 2029',
      'Q1 2027',
      'too BIG for capacity ',
    );
    expect(finding('over-capacity', { projects })).toEqual(['⚠', 4, 'P1, P2, P3 and 1 more']);
  });

  test('a First quarter that is no quarter: the projects its plan could not place, named, a failure', () => {
    // PRIORITY_PLAN's Planned Quarter on every scored row; a row without a name, or planned, is not named.
    const projects = planned('Check First quarter', ' check first QUARTER ', 'Q1 2027', '', 'Check First quarter');
    expect(finding('plan-start-unknown', { projects })).toEqual(['✗', 3, 'P1, P2, P5']);
    expect(finding('plan-start-unknown', { projects: [project(' ', { quarter: 'Check First quarter' })] })).toEqual(
      PASS,
    );
    // It is no capacity problem: the over-capacity check says nothing of these rows.
    expect(finding('over-capacity', { projects })).toEqual(PASS);
  });
});

describe('dependencies', () => {
  const d = ymdToSerial(2027, 3, 31);
  test('an initiative starting on or before the day its dependency ends (matched by name in any case)', () => {
    const rows = {
      roadmap: [
        roadmap('Platform', { start: d - 60, end: d }),
        roadmap('Same day', { start: d, end: d + 30, dependsOn: ' platform ' }),
        roadmap('Next day', { start: d + 1, end: d + 30, dependsOn: 'Platform' }),
        roadmap('Before', { start: d - 10, end: d + 30, dependsOn: 'PLATFORM' }),
        roadmap('Undated', { dependsOn: 'Platform' }),
        roadmap('Open-ended dependency', { start: d - 100, dependsOn: 'Undated' }),
      ],
    };
    expect(finding('dependency-order', rows)).toEqual(['✗', 2, 'Same day, Before']);
  });

  test('a dependency the roadmap does not hold is named (a warning)', () => {
    const rows = {
      roadmap: [
        roadmap('Platform'),
        roadmap('EU region', { dependsOn: 'Kubernetes migration' }),
        roadmap('Audit', { dependsOn: ' platform' }),
        roadmap('Nothing', { dependsOn: '  ' }),
      ],
    };
    expect(finding('dependency-unknown', rows)).toEqual(['⚠', 1, 'EU region']);
    expect(finding('dependency-order', rows)).toEqual(PASS);
  });
});

describe('the Organization sheet', () => {
  test('teams without an owner', () => {
    const rows = {
      org: [
        org('Team', 'Platform', { owner: 'Dana' }),
        org(' team', 'Data'),
        org('Team', 'Mobile', { owner: ' ' }),
        org('Hire', 'SRE'),
        org('Team', ''),
      ],
    };
    expect(finding('team-no-owner', rows)).toEqual(['⚠', 2, 'Data, Mobile']);
  });

  test('hires joining after the quarter the initiative needing them starts', () => {
    const hire = (item: string, quarter: string, neededFor: string) => org('Hire', item, { quarter, neededFor });
    const rows = {
      planStart: 'Q1 2027',
      roadmap: [roadmap('EU region', { quarter: 'Q2' }), roadmap('Replicas', { start: ymdToSerial(2027, 4, 1) })],
      org: [
        hire('SRE', 'Q3', 'EU region'), // late
        hire('DBA', 'q2', ' eu REGION '), // in time
        hire('Data engineer', 'Q3 2027', 'replicas'), // late: Replicas starts in the plan's Q2
        hire('Early', 'Q1', 'EU region'), // early
        hire('Unknown', 'Q4', 'Kubernetes'), // not on the roadmap: nothing to compare
        hire('Unplaced', '', 'EU region'), // no quarter
        hire('Someday', 'Later', 'EU region'), // no quarter either
        hire('Nobody', 'Q4', ''), // needed for nothing
        org('Team', 'Platform', { quarter: 'Q4', neededFor: 'EU region' }), // not a hire
      ],
    };
    expect(finding('hire-late', rows)).toEqual(['⚠', 2, 'SRE, Data engineer']);
  });

  test('a hire’s quarter typed in lower case or after a space is read; one that does not start with it is none', () => {
    const hire = (item: string, quarter: string) => org('HIRE', item, { quarter, neededFor: 'EU region' });
    const rows = {
      roadmap: [roadmap('EU region', { quarter: 'q2 (April)' })],
      org: [hire('Lower', 'q4'), hire('Spaced', '  Q3 '), hire('Vague', 'by Q4'), hire('On time', 'Q2')],
    };
    expect(finding('hire-late', rows)).toEqual(['⚠', 2, 'Lower, Spaced']);
    // A roadmap quarter that is not Q1–Q4 gives nothing to compare.
    for (const quarter of ['Q5', 'H1 Q2'])
      expect(finding('hire-late', { roadmap: [roadmap('EU region', { quarter })], org: [hire('Late', 'Q6')] })).toEqual(
        PASS,
      );
  });
});

describe('themes', () => {
  test('without success criteria, without an owner', () => {
    const themes = [
      theme('Enterprise', { criteria: 'SOC 2', owner: 'Dana' }),
      theme('Scale', { criteria: ' ', owner: 'Kim' }),
      theme('Velocity', { criteria: '10 deploys a day' }),
      theme(' ', {}),
    ];
    expect(finding('theme-no-criteria', { themes })).toEqual(['⚠', 1, 'Scale']);
    expect(finding('theme-no-owner', { themes })).toEqual(['⚠', 1, 'Velocity']);
  });

  test('without a metric, matched by theme name in any case and spacing', () => {
    const rows = {
      themes: [theme('Enterprise'), theme('Scale'), theme('Velocity')],
      metrics: [metric('ARR', '', { theme: ' enterprise' }), metric('', 'p95', { theme: 'Scales' })],
    };
    expect(finding('theme-no-metric', rows)).toEqual(['⚠', 2, 'Scale, Velocity']);
  });

  test('without a project or a roadmap item: either is enough', () => {
    const rows = {
      themes: [theme('Enterprise'), theme('Scale'), theme('Velocity')],
      projects: [project('SSO', { theme: 'ENTERPRISE' })],
      roadmap: [roadmap('EU region', { theme: ' scale ' })],
    };
    expect(finding('theme-no-work', rows)).toEqual(['⚠', 1, 'Velocity']);
  });
});

describe('metrics', () => {
  test.each([
    ['', true],
    ['  ', true],
    ['N/A', true],
    ['n/a', true],
    ['-', true],
    ['<200ms', false],
    ['$1M', false],
    [0, false],
    [99.9, false],
  ])('a target of %j is missing: %s', (target, missing) => {
    const metrics = [
      metric('Enterprise ARR', 'SOC 2 certified', { target }),
      metric('Uptime', '', { target: '99.9%' }),
    ];
    // A metric is named by its technical metric, else its business one.
    expect(finding('metric-no-target', { metrics })).toEqual(missing ? ['⚠', 1, 'SOC 2 certified'] : PASS);
  });

  test('a baseline, the same way; a business metric alone names the row', () => {
    const metrics = [
      metric(' Deploys ', '', { baseline: 'N/A' }),
      metric('', 'p95 latency', { baseline: '450ms' }),
      metric('Churn', '', { baseline: '' }),
      metric('', '', { baseline: '' }),
    ];
    expect(finding('metric-no-baseline', { metrics })).toEqual(['⚠', 2, 'Deploys, Churn']);
  });

  test('a due quarter (Timeline) or a Due date is enough', () => {
    const metrics = [
      metric('ARR', '', { timeline: 'Q2' }),
      metric('Churn', '', { due: ymdToSerial(2027, 6, 30) }),
      metric('NPS', '', { timeline: '  ' }),
      metric('Uptime', ''),
    ];
    expect(finding('metric-no-due', { metrics })).toEqual(['⚠', 2, 'NPS, Uptime']);
  });
});

describe('business objectives, decisions and trade-offs', () => {
  test('objectives no strategic theme serves: no theme, or one that is not a theme', () => {
    const rows = {
      themes: [theme('Enterprise')],
      context: [
        context('Objective', 'Grow 3x', { theme: ' ENTERPRISE ' }),
        context('objective', 'Cut churn', { theme: 'Retention' }),
        context('Objective', 'Hire well', { theme: '  ' }),
        context('Constraint', 'Budget flat'),
        context('Objective', ' ', { theme: 'Retention' }),
      ],
    };
    expect(finding('objective-no-theme', rows)).toEqual(['✗', 2, 'Cut churn, Hire well']);
  });

  test('projects the raters still disagree on, whatever the case of "Discuss"', () => {
    const team = [
      teamRow('SSO', ''),
      teamRow('Analytics', 'Discuss impact: Ana, Bo'),
      teamRow('Refactor', '  discuss risk: Cy'),
      teamRow('Chatbot', 'Discussed'),
      teamRow('', 'Discuss impact: Ana'),
    ];
    expect(finding('team-discuss', { team })).toEqual(['⚠', 2, 'Analytics, Refactor']);
  });

  test('debt to address now that no roadmap initiative of its name carries', () => {
    const rows = {
      roadmap: [roadmap('manual DEPLOY pipeline ')],
      debt: [
        debt('Manual deploy pipeline', 'Address now'),
        debt('Flaky tests', ' address NOW'),
        debt('Old ORM', 'Plan it'),
        debt('', 'Address now'),
      ],
    };
    expect(finding('debt-unplanned', rows)).toEqual(['⚠', 1, 'Flaky tests']);
  });

  test('architecture decisions due for review today or before, unless deprecated or superseded', () => {
    const a = (n: string, title: string, review: number | undefined, status = 'Accepted') =>
      adr(n, title, { review, status });
    const adrs = [
      a('ADR-001', 'Use Postgres', TODAY),
      a('ADR-002', 'Use Kafka', TODAY + 1),
      a(' ADR-003 ', ' Monolith first ', TODAY - 100),
      a('ADR-004', 'Use SOAP', TODAY - 100, ' deprecated'),
      a('ADR-005', 'Use XML', TODAY - 100, 'SUPERSEDED'),
      a('ADR-006', 'No review', undefined),
      a('', 'Untitled number', TODAY - 1),
      a('', '', TODAY - 1),
      a('ADR-009', '', TODAY - 1),
    ];
    expect(finding('adr-review-due', { adrs })).toEqual([
      '⚠',
      4,
      'ADR-001 Use Postgres, ADR-003 Monolith first, Untitled number and 1 more',
    ]);
    expect(finding('adr-review-due', { adrs: adrs.slice(-1) })).toEqual(['⚠', 1, 'ADR-009']);
  });

  test('"not doing" decisions due for a second look today or before', () => {
    const notDoingRows = [
      notDoing('Microservices', { revisit: TODAY }),
      notDoing('Mobile app', { revisit: TODAY + 1 }),
      notDoing('  Kubernetes ', { revisit: TODAY - 400 }),
      notDoing('Forever', {}),
      notDoing('', { revisit: TODAY - 1 }),
    ];
    expect(finding('not-doing-revisit-due', { notDoing: notDoingRows })).toEqual(['⚠', 2, 'Microservices, Kubernetes']);
  });
});

describe('the finding a changed sound workbook shows', () => {
  // Each change breaks one check of SOUND: the review names it, and only it.
  test.each([
    [
      'an owner left out',
      soundWith({ projects: (p) => [...p, project('Rewrite', { theme: 'Scale' })] }),
      'work-no-owner',
    ],
    ['the vision deleted', soundWith({ org: (o) => o.filter((r) => r.section !== 'Vision') }), 'no-vision'],
    [
      'a hire late',
      soundWith({ org: (o) => [...o, org('Hire', 'Late SRE', { quarter: 'Q4', neededFor: 'SSO' })] }),
      'hire-late',
    ],
  ])('%s', (_what, rows, id) => {
    const flagged = Object.entries(review(rows)).filter(([, f]) => f[0] !== '✓');
    expect(flagged.map(([k]) => k)).toEqual([id]);
  });
});

describe('itemsText', () => {
  test.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B', 'C'], 'A, B, C'],
    [['A', 'B', 'C', 'D'], 'A, B, C and 1 more'],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'A, B, C and 4 more'],
  ])('%j → %j', (all, text) => expect(itemsText(all)).toBe(text));
});
