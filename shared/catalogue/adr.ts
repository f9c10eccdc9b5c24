/** ADR Log: architecture decision records (seed guide's ADR template). */
import { defineSheet } from '../spec/schema';
import { COLORS, dateColumn, ROWS, textColumn, themeColumn } from './common';

export const ADR_STATUSES = ['Proposed', 'Accepted', 'Deprecated', 'Superseded'];

export const ADR_SHEET = defineSheet({
  key: 'adr',
  name: 'ADR Log',
  tabColor: '#45818e',
  rows: ROWS,
  frozenColumns: 2,
  table: true,
  columns: [
    {
      key: 'number',
      header: 'ADR #',
      kind: 'text',
      width: 80,
      help: 'A permanent number, e.g. ADR-007: never renumber, supersede instead.',
    },
    { key: 'title', header: 'Title', kind: 'text', width: 240, style: { bold: true, wrap: true, vAlign: 'top' } },
    {
      key: 'status',
      header: 'Status',
      kind: 'text',
      width: 100,
      validation: { kind: 'list', values: ADR_STATUSES },
      help: ADR_STATUSES.join(' / '),
    },
    dateColumn('date', 'Date'),
    { key: 'deciders', header: 'Deciders', kind: 'text', width: 160 },
    themeColumn(),
    textColumn('context', 'Context', 260, 'What is the issue we are trying to solve?'),
    textColumn('decision', 'Decision', 260, 'What is the change we are proposing?'),
    textColumn('consequences', 'Consequences', 260, 'Positive, negative and neutral.'),
    textColumn('alternatives', 'Alternatives Considered', 240, 'And why we did not choose them.'),
    dateColumn('review', 'Review Date', 'When should we revisit this decision?'),
    {
      key: 'reviewDue',
      header: 'Review Due?',
      width: 90,
      formula: (r) =>
        `IF(OR(${r.row.review}="",${r.row.status}="Deprecated",${r.row.status}="Superseded"),"",IF(${r.row.review}<=TODAY(),"Due","Not yet"))`,
    },
  ],
  conditionalFormats: [
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="Accepted"` }),
      style: { fill: COLORS.green },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="Proposed"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=OR(${r.row.status}="Deprecated",${r.row.status}="Superseded")` }),
      style: { fontColor: '#999999', italic: true },
    },
    {
      columns: ['reviewDue'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.reviewDue}="Due"` }),
      style: { fill: COLORS.amber, bold: true },
    },
  ],
  examples: (d) => [
    {
      number: 'ADR-001',
      title: 'Use a SaaS identity provider for SSO',
      status: 'Accepted',
      date: d.planQuarter(1).start + 7,
      deciders: 'Dana Okafor, Miguel Santos (example)',
      theme: 'Enterprise-Ready Platform',
      context: 'Enterprise customers require SSO (SAML/OIDC) and RBAC before they sign.',
      decision: 'Integrate a SaaS identity provider instead of building SAML support ourselves.',
      consequences:
        'Positive: weeks instead of months; proven security. Negative: per-user vendor cost; vendor dependency.',
      alternatives: 'Build in-house SAML: slower and riskier (principle: buy before build).',
      review: d.planQuarter(1).start + 7 + 365,
    },
    {
      number: 'ADR-002',
      title: 'Deploy a second region in the EU with read replicas',
      status: 'Proposed',
      date: d.days(-20),
      deciders: 'Lars Eriksen, Aiko Tanaka (example)',
      theme: 'Global Scale & Performance',
      context: 'EMEA expansion needs <200ms p95 latency and GDPR data residency.',
      decision: 'Run an EU region with database read replicas and edge caching.',
      consequences: 'Positive: latency and residency. Negative: higher infrastructure cost; replication lag to handle.',
      alternatives:
        'CDN only: does not solve data residency. Full multi-master: over-engineering (build for 10x, not 100x).',
      review: d.monthStart(4),
    },
  ],
});
