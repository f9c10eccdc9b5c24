/**
 * Workbooks for the Strategy Review's checks (test/strategy/checks*.test.ts): a sound strategy that passes every
 * check, as of TODAY, and the same strategy changed sheet by sheet.
 */
import { ymdToSerial } from '../../shared/core/args';
import type { StrategyData } from '../../shared/strategy/data';
import { adr, context, debt, history, metric, notDoing, org, project, roadmap, teamRow, theme } from './rows';

/** The day the review runs (a serial day). */
export const TODAY = ymdToSerial(2026, 12, 1);

type Lists = Omit<StrategyData, 'planStart' | 'topN'>;

const day = (y: number, m: number, d: number): number => ymdToSerial(y, m, d);

/** Three themes with criteria, owners, metrics and work; a plan for 2027 that fits; every section of the document. */
export const SOUND: Lists & { planStart: string } = {
  planStart: 'Q1 2027',
  context: [
    context('Objective', 'Win enterprise deals', { theme: 'Enterprise' }),
    context('Constraint', 'Flat budget'),
  ],
  health: [],
  principles: [],
  velocity: [],
  org: [
    org('Company', 'Acme'),
    org('Plan Year', '2027'),
    org('Vision', 'One platform for every customer'),
    org('Timeline Horizon', '12 months', { count: 12 }),
    org('Expected Outcome', 'Enterprise-ready by Q3'),
    org('Current State', 'A monolith at 2x headroom'),
    org('Team', 'Platform', { owner: 'Dana', count: 4 }),
    org('Hire', 'SRE', { quarter: 'Q1', neededFor: 'SSO', count: 1 }),
    org('Budget Line', 'Cloud', { amount: 100000 }),
    org('Vendor', 'Okta'),
    org('Decision Process', 'ADRs reviewed weekly'),
    org('Communication', 'A monthly memo'),
    org('Review Cadence', 'Monthly', { count: 31 }),
  ],
  themes: [
    theme('Enterprise', { criteria: 'SOC 2 Type II', owner: 'Dana' }),
    theme('Scale', { criteria: '10x traffic', owner: 'Kim' }),
    theme('Velocity', { criteria: 'Daily deploys', owner: 'Lee' }),
  ],
  projects: [
    project('SSO', { theme: 'Enterprise', owner: 'Dana', quadrant: 'Do Now', quarter: 'Q1 2027' }),
    project('EU region', { theme: 'Scale', owner: 'Kim', quadrant: 'Plan Carefully', quarter: 'Q2 2027' }),
    project('CI speed', { theme: 'Velocity', owner: 'Lee', quadrant: 'Do Now', quarter: 'Q3 2027' }),
  ],
  roadmap: [
    roadmap('SSO', {
      theme: 'Enterprise',
      quarter: 'Q1',
      owner: 'Dana',
      start: day(2027, 1, 4),
      end: day(2027, 3, 26),
    }),
    roadmap('EU region', {
      theme: 'Scale',
      quarter: 'Q2',
      owner: 'Kim',
      start: day(2027, 4, 5),
      end: day(2027, 6, 25),
      dependsOn: 'SSO',
    }),
    roadmap('CI speed', {
      theme: 'Velocity',
      quarter: 'Q3',
      owner: 'Lee',
      start: day(2027, 7, 5),
      end: day(2027, 9, 24),
    }),
  ],
  metrics: [
    metric('Enterprise ARR', 'SOC 2 certified', { theme: 'Enterprise', baseline: '$0', target: '$1M', timeline: 'Q2' }),
    metric('', 'p95 latency', { theme: 'Scale', baseline: '450ms', target: '<200ms', due: day(2027, 6, 30) }),
    metric('Deploys', '', { theme: 'Velocity', baseline: '1x/week', target: '5x/day', timeline: 'Q3' }),
  ],
  adrs: [adr('ADR-001', 'Use a SaaS identity provider', { status: 'Accepted', review: TODAY + 100 })],
  notDoing: [notDoing('Microservices', { why: 'Build for 10x', revisit: TODAY + 90 })],
  history: [history(TODAY - 5, 'Metric', 'p95 latency', 400, '400ms')],
  team: [teamRow('SSO', '')],
  debt: [debt('Manual deploys', 'Schedule')],
};

type Changes = { [K in keyof Lists]?: (rows: Lists[K]) => Lists[K] };

/** SOUND with some of its sheets' rows changed. */
export function soundWith(changes: Changes): StrategyData {
  const out: StrategyData = { ...SOUND };
  for (const key of Object.keys(changes) as (keyof Lists)[]) {
    const change = changes[key] as (rows: unknown[]) => unknown[];
    (out as unknown as Record<string, unknown[]>)[key] = change(SOUND[key]);
  }
  return out;
}
