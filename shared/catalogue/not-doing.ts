/** What We're Not Doing: explicit trade-offs (seed guide, pitfall 6). */
import { defineSheet } from '../spec/schema';
import { dateColumn, ROWS, textColumn, themeColumn } from './common';

export const NOT_DOING_SHEET = defineSheet({
  key: 'notDoing',
  name: "What We're Not Doing",
  tabColor: '#990000',
  rows: ROWS,
  table: true,
  columns: [
    {
      key: 'item',
      header: "What We're Not Doing",
      kind: 'text',
      width: 260,
      style: { bold: true, wrap: true, vAlign: 'top' },
    },
    { ...textColumn('why', 'Why Not', 320, 'The trade-off: what we gain by not doing it.'), kind: 'text' },
    themeColumn(),
    dateColumn('revisit', 'Revisit Date', 'When to look at this decision again.'),
    {
      key: 'due',
      header: 'Revisit Due?',
      width: 100,
      style: { hAlign: 'center' },
      formula: (r) => `IF(${r.row.revisit}="","",IF(${r.row.revisit}<=TODAY(),"Due","Not yet"))`,
    },
  ],
  conditionalFormats: [
    {
      columns: ['due'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.due}="Due"` }),
      style: { fill: '#fff2cc', bold: true },
    },
  ],
  examples: (d) => [
    {
      item: 'Break the monolith into microservices',
      why: 'Build for 10x, not 100x: the monolith handles 2x traffic and we re-architect only when we approach limits',
      theme: 'Global Scale & Performance',
      revisit: d.monthStart(3),
    },
    {
      item: 'Build our own authentication and billing',
      why: 'Buy before build for horizontal capabilities: SaaS gets us to enterprise faster',
      theme: 'Enterprise-Ready Platform',
      revisit: d.monthStart(6),
    },
    {
      item: 'Adopt new languages or frameworks for their own sake',
      why: 'A list of cool technologies is not a strategy; focus on the four themes',
      theme: 'Developer Velocity & Platform',
      revisit: d.monthStart(4),
    },
    {
      item: 'Multi-cloud deployment',
      why: 'One cloud, multi-region, meets the EMEA goal at a fraction of the cost',
      theme: 'Global Scale & Performance',
      revisit: d.monthStart(9),
    },
  ],
});
