/** Business Context: objectives, constraints and critical metrics (seed guide, step 1). */
import { defineSheet } from '../spec/schema';
import { dateColumn, textColumn, themeColumn } from './common';
import type { ExampleRows } from '../spec/example-dates';

export const CONTEXT_SECTIONS = ['Objective', 'Constraint', 'Critical Metric'];

export const BUSINESS_CONTEXT_SHEET = defineSheet({
  key: 'context',
  name: 'Business Context',
  tabColor: '#7f6000',
  rows: 30,
  table: true,
  columns: [
    {
      key: 'section',
      header: 'Section',
      kind: 'text',
      width: 130,
      validation: { kind: 'list', values: CONTEXT_SECTIONS },
      help: 'Objective (what the business wants), Constraint (budget, timeline, compliance) or Critical Metric.',
    },
    { key: 'item', header: 'Item', kind: 'text', width: 280, style: { bold: true, wrap: true, vAlign: 'top' } },
    { ...textColumn('detail', 'Detail', 300), kind: 'text' },
    dateColumn('deadline', 'Deadline', 'When it must be true, if there is a date.'),
    { key: 'owner', header: 'Owner', kind: 'text', width: 150 },
    {
      ...themeColumn(),
      header: 'Served by Theme',
      help: 'For an objective: the strategic theme that serves it (the Strategy Review flags objectives no theme serves).',
    },
  ],
  conditionalFormats: [
    {
      columns: ['section'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.section}="Objective"` }),
      style: { fill: '#cfe2f3' },
    },
    {
      columns: ['section'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.section}="Constraint"` }),
      style: { fill: '#fce5cd' },
    },
    {
      columns: ['section'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.section}="Critical Metric"` }),
      style: { fill: '#d9ead3' },
    },
  ],
  examples: (d): ExampleRows => [
    {
      section: 'Objective',
      item: 'Grow revenue 3x by entering enterprise market',
      detail: 'Enterprise deals need SSO, RBAC, audit logging and SOC 2',
      owner: 'CEO (example)',
      theme: 'Enterprise-Ready Platform',
    },
    {
      section: 'Objective',
      item: 'Reduce churn by 20% through product improvements',
      detail: 'Analytics and experimentation to find what keeps customers',
      owner: 'CPO (example)',
      theme: 'Data-Driven Product',
    },
    {
      section: 'Objective',
      item: 'Expand to EMEA region by Q3',
      detail: 'Data residency and latency for European customers',
      deadline: d.planQuarterEnd(3),
      owner: 'COO (example)',
      theme: 'Global Scale & Performance',
    },
    { section: 'Constraint', item: 'Budget: $2M for engineering this year', detail: 'Headcount and vendors included' },
    { section: 'Constraint', item: 'Timeline: Enterprise features needed by Q2', deadline: d.planQuarterEnd(2) },
    { section: 'Constraint', item: 'Compliance: Need SOC 2 Type II by June', deadline: d.planQuarterEnd(2) },
    { section: 'Critical Metric', item: 'MRR Growth Rate' },
    { section: 'Critical Metric', item: 'Customer Acquisition Cost (CAC)' },
    { section: 'Critical Metric', item: 'Net Revenue Retention (NRR)' },
    { section: 'Critical Metric', item: 'Time to Value (TTV)' },
  ],
});
