/**
 * Organization & Ways of Working: what the strategy document (seed guide, "Strategy Document Template")
 * needs that no other sheet holds: the company and year (the document's title), the vision, the timeline
 * horizon, expected outcomes and current state; team structure, hiring plan, budget breakdown and key
 * vendors (step 7, "Organization & Resources"); and how we work: decision process, communication and review
 * cadence ("How We'll Work"). One row per entry, by section, as the Business Context sheet does; each
 * section uses the columns its help names.
 *
 * The Strategy Review reads the timeline horizon (months: projects planned past it are flagged) and the
 * review cadence (days: the snapshot check's age); the strategy document lists every section.
 */
import { serialToDate } from '../core/args';
import type { ExampleDates, ExampleRows } from '../spec/example-dates';
import { defineSheet } from '../spec/schema';
import { dateColumn, ROWS, textColumn } from './common';

/** The sections, in the document's order. */
export const ORG = {
  company: 'Company',
  year: 'Plan Year',
  vision: 'Vision',
  horizon: 'Timeline Horizon',
  outcome: 'Expected Outcome',
  currentState: 'Current State',
  team: 'Team',
  hire: 'Hire',
  budgetTotal: 'Budget Total',
  budgetLine: 'Budget Line',
  vendor: 'Vendor',
  decisions: 'Decision Process',
  communication: 'Communication',
  cadence: 'Review Cadence',
} as const;
export const ORG_SECTIONS: string[] = Object.values(ORG);
export const HIRE_STATUSES = ['Planned', 'Open', 'Offer out', 'Hired'];

const SECTION_HELP =
  'Company, Plan Year: the title. Team: owner, headcount in Count. Hire: count, quarter, status, the initiative it is needed for. Budget Total / Line: Amount. Vendor: Detail, renewal Date. Timeline Horizon: months, Review Cadence: days, in Count.';

/** The year or years the plan covers, e.g. "2026–2027" (plan Q1 to Q4). */
function planYears(d: ExampleDates): string {
  const [a, b] = [d.planQuarter(1).start, d.planQuarter(4).end].map((s) => serialToDate(s).getUTCFullYear());
  return a === b ? String(a) : `${a}–${b}`;
}

/** The guide's example company (B2B SaaS going enterprise and to EMEA, $2M engineering budget). */
function examples(d: ExampleDates): ExampleRows {
  const row = (section: string, item: string, more: Record<string, string | number> = {}) => ({
    section,
    item,
    ...more,
  });
  return [
    row(ORG.company, 'Example SaaS Co.'),
    row(ORG.year, planYears(d)),
    row(ORG.vision, 'The platform enterprises trust with their data, fast in every region we sell'),
    row(ORG.horizon, '12-month view, reviewed quarterly', { count: 12 }),
    row(ORG.outcome, '3x revenue from enterprise customers'),
    row(ORG.outcome, 'EMEA customers served from the EU at <200ms p95'),
    row(ORG.outcome, 'Features delivered 50% faster'),
    row(ORG.currentState, '99.9% uptime with manual failover; deploys take 2 hours; no SOC 2 yet'),
    row(ORG.team, 'Platform', { detail: 'Security, compliance, identity', owner: 'Dana Okafor (example)', count: 6 }),
    row(ORG.team, 'Infrastructure', {
      detail: 'Regions, caching, databases',
      owner: 'Lars Eriksen (example)',
      count: 5,
    }),
    row(ORG.team, 'Developer Experience', { detail: 'CI/CD, tooling, docs', owner: 'Priya Raman (example)', count: 4 }),
    row(ORG.team, 'Data', { detail: 'Analytics, experimentation, ML', owner: 'Sam Whitfield (example)', count: 4 }),
    // Each hire joins by the quarter of the roadmap initiative that needs it (the review's hiring check).
    row(ORG.hire, 'Security engineer', {
      count: 2,
      quarter: 'Q1',
      status: 'Hired',
      owner: 'Dana Okafor (example)',
      neededFor: 'Implement SSO and RBAC',
    }),
    row(ORG.hire, 'Site reliability engineer', {
      count: 2,
      quarter: 'Q2',
      status: 'Open',
      owner: 'Lars Eriksen (example)',
      neededFor: 'Multi-region deployment to EU',
    }),
    row(ORG.hire, 'Data engineer', {
      count: 2,
      quarter: 'Q3',
      status: 'Planned',
      owner: 'Sam Whitfield (example)',
      neededFor: 'Real-time analytics pipeline',
    }),
    row(ORG.budgetTotal, 'Engineering budget this year', { amount: 2000000 }),
    row(ORG.budgetLine, 'Headcount', { amount: 1500000 }),
    row(ORG.budgetLine, 'Cloud and infrastructure', { amount: 300000 }),
    row(ORG.budgetLine, 'Vendors and tools', { amount: 200000 }),
    row(ORG.vendor, 'Identity provider (SaaS)', { detail: 'SSO and user management', date: d.monthStart(9) }),
    row(ORG.vendor, 'SOC 2 auditor', { detail: 'Type II audit', date: d.monthStart(6) }),
    row(ORG.vendor, 'CDN provider', { detail: 'Edge caching for EMEA', date: d.monthStart(12) }),
    row(
      ORG.decisions,
      'Reversible decisions by the owning team; irreversible ones by ADR, reviewed by the architecture group',
    ),
    row(ORG.communication, 'Weekly initiative updates; monthly strategy review with product and business leaders'),
    row(ORG.cadence, 'Monthly strategy review, quarterly retrospective', { count: 31 }),
  ];
}

export const ORGANIZATION_SHEET = defineSheet({
  key: 'org',
  name: 'Organization & Ways of Working',
  tabColor: '#38761d',
  rows: ROWS,
  table: true,
  columns: [
    {
      key: 'section',
      header: 'Section',
      kind: 'text',
      width: 140,
      validation: { kind: 'list', values: ORG_SECTIONS },
      help: SECTION_HELP,
    },
    { key: 'item', header: 'Item', kind: 'text', width: 280, style: { bold: true, wrap: true, vAlign: 'top' } },
    { ...textColumn('detail', 'Detail', 220, 'A team’s remit, a vendor’s purpose, a hire’s notes.'), kind: 'text' },
    { key: 'owner', header: 'Owner', kind: 'text', width: 150 },
    {
      key: 'count',
      header: 'Count',
      kind: 'number',
      width: 70,
      numberFormat: '0',
      validation: { kind: 'number', min: 0, max: 100000 },
      help: 'Team: headcount. Hire: people. Timeline Horizon: months. Review Cadence: days between snapshots.',
      style: { hAlign: 'center' },
    },
    {
      key: 'quarter',
      header: 'Quarter',
      kind: 'text',
      width: 80,
      help: 'Hire: the plan quarter the person joins (Q1–Q4).',
    },
    {
      key: 'status',
      header: 'Status',
      kind: 'text',
      width: 100,
      validation: { kind: 'list', values: HIRE_STATUSES },
      help: `Hire: ${HIRE_STATUSES.join(' / ')}.`,
    },
    {
      key: 'amount',
      header: 'Amount',
      kind: 'number',
      width: 110,
      numberFormat: '#,##0',
      validation: { kind: 'number', min: 0, max: 1e12 },
      help: 'Budget Total: the budget constraint. Budget Line: its amount.',
    },
    {
      key: 'share',
      header: 'Share of Budget',
      kind: 'number',
      width: 90,
      numberFormat: '0%',
      style: { hAlign: 'center' },
      formula: (r) =>
        `IF(AND(TRIM(${r.row.section})="${ORG.budgetLine}",ISNUMBER(${r.row.amount})),IFERROR(${r.row.amount}/INDEX(${r.col.amount},MATCH("${ORG.budgetTotal}",${r.col.section},0)),""),"")`,
    },
    dateColumn('date', 'Date', 'Vendor: the contract’s renewal date.'),
    {
      key: 'neededFor',
      header: 'Needed For',
      kind: 'text',
      width: 220,
      validation: {
        kind: 'namedList',
        name: 'initiativeNames',
        fallbackHelp: 'Needed For: the name of the Roadmap initiative a hire is needed for.',
      },
      strict: false,
      help: 'Hire: the Roadmap initiative that needs this role. The Strategy Review warns when the hire’s quarter comes after that initiative’s quarter.',
    },
  ],
  examples,
  note: 'Everything the strategy document needs beyond the other sheets: one row per entry, by section (the Section drop-down says which columns each uses). Budget lines show their share of the Budget Total. The Strategy Review uses the Timeline Horizon (months) and the Review Cadence (days).',
});
