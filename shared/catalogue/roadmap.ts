/** Roadmap: four quarters of initiatives with theme, owner, dates and status (seed guide, step 5). */
import { STATUS_WORD } from '../core/statuses';
import { defineSheet } from '../spec/schema';
import { COLORS, dateColumn, ROWS, themeColumn } from './common';
import { roadmapChartColumns, roadmapTimelineChart } from '../compiler/charts';

/** The plan's four quarters as the Roadmap's Quarter column, the document and its sheet name them. */
export const ROADMAP_QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
/** The Roadmap's status words, declared once: the drop-down, its colours, the dashboard's counts and the review read them. */
export const ROADMAP_STATUS = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: STATUS_WORD.done,
  atRisk: STATUS_WORD.atRisk,
  blocked: 'Blocked',
} as const;
export const ROADMAP_STATUSES: string[] = Object.values(ROADMAP_STATUS);

// The status is typed by the list, so an example row cannot spell a status the drop-down does not offer.
type Item = [string, string, string, string, (typeof ROADMAP_STATUS)[keyof typeof ROADMAP_STATUS]];
// [quarter, initiative, theme, owner, status] — the seed guide's Q1–Q4 roadmap; owners and statuses are examples.
// Plan Q1 is the calendar quarter before the day of insertion, Q2 the current one (example-dates.ts), so Q1's
// work is done (one audit still running past its end), Q2's is under way and Q3–Q4 lie ahead; the example's
// First quarter (Prioritization) is its plan Q1 with its year, so each row's Quarter is the one its Start falls in.
const ITEMS: Item[] = [
  ['Q1', 'Implement SSO and RBAC', 'Enterprise-Ready Platform', 'Dana Okafor (example)', 'Done'],
  ['Q1', 'Begin SOC 2 audit process', 'Enterprise-Ready Platform', 'Dana Okafor (example)', 'In progress'],
  ['Q1', 'Set up audit logging', 'Enterprise-Ready Platform', 'Miguel Santos (example)', 'Done'],
  ['Q1', 'Improve monitoring and alerting', 'Global Scale & Performance', 'Lars Eriksen (example)', 'Done'],
  ['Q2', 'Multi-region deployment to EU', 'Global Scale & Performance', 'Lars Eriksen (example)', 'In progress'],
  ['Q2', 'Implement CDN and edge caching', 'Global Scale & Performance', 'Aiko Tanaka (example)', 'In progress'],
  ['Q2', 'Database read replicas', 'Global Scale & Performance', 'Aiko Tanaka (example)', 'At risk'],
  ['Q2', 'Load testing and capacity planning', 'Global Scale & Performance', 'Lars Eriksen (example)', 'Not started'],
  ['Q3', 'Reduce CI/CD time by 50%', 'Developer Velocity & Platform', 'Priya Raman (example)', 'Not started'],
  ['Q3', 'Improve test suite speed', 'Developer Velocity & Platform', 'Priya Raman (example)', 'Not started'],
  ['Q3', 'Self-service deployment tooling', 'Developer Velocity & Platform', 'Jordan Lee (example)', 'Not started'],
  ['Q3', 'Better documentation and onboarding', 'Developer Velocity & Platform', 'Jordan Lee (example)', 'Not started'],
  ['Q4', 'Real-time analytics pipeline', 'Data-Driven Product', 'Sam Whitfield (example)', 'Not started'],
  ['Q4', 'Experimentation platform', 'Data-Driven Product', 'Sam Whitfield (example)', 'Blocked'],
  ['Q4', 'ML infrastructure foundation', 'Data-Driven Product', 'Nora Fischer (example)', 'Not started'],
  ['Q4', 'Customer data platform', 'Data-Driven Product', 'Nora Fischer (example)', 'Not started'],
];

/** The example's dependencies (the guide's step 2: "map dependencies"), each on an earlier quarter's work. */
const DEPENDS_ON: Record<string, string> = {
  'Multi-region deployment to EU': 'Improve monitoring and alerting',
  'Real-time analytics pipeline': 'Database read replicas',
};

export const ROADMAP_SHEET = defineSheet({
  key: 'roadmap',
  name: 'Roadmap',
  tabColor: '#674ea7',
  rows: ROWS,
  frozenColumns: 1,
  table: true,
  columns: [
    { key: 'initiative', header: 'Initiative', kind: 'text', width: 260, style: { bold: true } },
    themeColumn(),
    {
      key: 'quarter',
      header: 'Quarter',
      kind: 'text',
      width: 70,
      validation: { kind: 'list', values: [...ROADMAP_QUARTERS] },
      help: "The quarter of the plan the initiative belongs to: Q1 is the plan's first quarter (Prioritization's First quarter, e.g. Q4 2026). The chart places each bar by its Start and End dates, in calendar quarters named with their year.",
      style: { hAlign: 'center' },
    },
    { key: 'owner', header: 'Owner', kind: 'text', width: 160 },
    dateColumn('start', 'Start', 'First day of work.'),
    dateColumn('end', 'End', 'Planned finish date.'),
    {
      key: 'status',
      header: 'Status',
      kind: 'text',
      width: 110,
      validation: { kind: 'list', values: ROADMAP_STATUSES },
      help: ROADMAP_STATUSES.join(' / '),
    },
    {
      key: 'days',
      header: 'Duration (days)',
      width: 90,
      numberFormat: '0',
      style: { hAlign: 'center' },
      formula: (r) => `IF(OR(${r.row.start}="",${r.row.end}=""),"",${r.row.end}-${r.row.start}+1)`,
    },
    {
      key: 'dependsOn',
      header: 'Depends On',
      kind: 'text',
      width: 220,
      validation: {
        kind: 'namedList',
        name: 'initiativeNames',
        fallbackHelp: 'Depends On: the name of another initiative in the Initiative column.',
      },
      strict: false,
      help: 'The initiative this one waits for (a name from the Initiative column). The Strategy Review warns when this one starts before that one ends.',
    },
    // Hidden helper columns of the timeline chart (bar offset and length in quarters, per theme).
    ...roadmapChartColumns(),
  ],
  namedRanges: [{ key: 'initiativeNames', name: 'InitiativeNames', column: 'initiative' }],
  charts: [roadmapTimelineChart({ rows: ITEMS.length })],
  conditionalFormats: [
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${ROADMAP_STATUS.done}"` }),
      style: { fill: COLORS.green },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${ROADMAP_STATUS.inProgress}"` }),
      style: { fill: COLORS.blue },
    },
    {
      columns: ['status'],
      rule: (r) => ({
        kind: 'formula',
        formula: `=OR(${r.row.status}="${ROADMAP_STATUS.atRisk}",${r.row.status}="${ROADMAP_STATUS.blocked}")`,
      }),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
    {
      columns: ['days'],
      rule: (r) => ({ kind: 'formula', formula: `=AND(ISNUMBER(${r.row.days}),${r.row.days}<1)` }),
      style: { fill: COLORS.red, bold: true },
    },
  ],
  examples: (d) =>
    ITEMS.map(([quarter, initiative, theme, owner, status]) => ({
      initiative,
      theme,
      quarter,
      owner,
      start: d.planQuarter(Number(quarter.slice(1))).start,
      end: d.planQuarter(Number(quarter.slice(1))).end,
      status,
      ...(DEPENDS_ON[initiative] ? { dependsOn: DEPENDS_ON[initiative] } : {}),
    })),
  // Blank or filled, the note is about the sheet, never the example's plan (issue #18: no example text in a blank template).
  note: "One row per initiative: Quarter is the plan's quarter it belongs to (Q1 = the plan's first quarter); Start and End draw its bar on the chart.",
});
