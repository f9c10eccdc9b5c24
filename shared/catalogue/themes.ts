/** Strategic Themes: the 3–5 themes that connect business needs to technical work (seed guide, step 3). */
import { defineSheet } from '../spec/schema';
import { ROWS, textColumn } from './common';

export const THEMES_SHEET = defineSheet({
  key: 'themes',
  name: 'Strategic Themes',
  tabColor: '#1f4e79',
  rows: ROWS,
  table: true,
  frozenColumns: 1,
  columns: [
    {
      key: 'name',
      header: 'Theme',
      kind: 'text',
      width: 200,
      style: { bold: true },
      help: 'A short, unique theme name: other sheets pick themes from this column.',
    },
    { ...textColumn('driver', 'Business Driver', 240, 'Which business objective this theme serves.'), kind: 'text' },
    { ...textColumn('implication', 'Technical Implication', 260, 'What it means for the technology.'), kind: 'text' },
    { ...textColumn('criteria', 'Success Criteria', 260, 'How we will know it worked: measurable.'), kind: 'text' },
    { key: 'timeline', header: 'Timeline', kind: 'text', width: 100, help: 'Typically 12–18 months, e.g. "9 months".' },
    {
      key: 'owner',
      header: 'Owner',
      kind: 'text',
      width: 150,
      help: 'The engineering leader accountable for the theme.',
    },
  ],
  namedRanges: [{ key: 'themeNames', name: 'ThemeNames', column: 'name' }],
  examples: [
    {
      name: 'Enterprise-Ready Platform',
      driver: 'Enter enterprise market (3x revenue growth)',
      implication: 'Need SOC 2, SSO, RBAC, audit logging',
      criteria: 'SOC 2 Type II certified, 10 enterprise customers',
      timeline: '6 months',
      owner: 'Dana Okafor (example)',
    },
    {
      name: 'Global Scale & Performance',
      driver: 'Expand to EMEA (new market)',
      implication: 'Multi-region deployment, edge caching, GDPR compliance',
      criteria: '<200ms p95 latency globally, GDPR compliant',
      timeline: '9 months',
      owner: 'Lars Eriksen (example)',
    },
    {
      name: 'Developer Velocity & Platform',
      driver: 'Increase feature delivery by 50%',
      implication: 'Improve CI/CD, reduce test time, better tooling',
      criteria: 'Deploy 5x/day, test suite <10min, 4.5+ developer satisfaction',
      timeline: '12 months',
      owner: 'Priya Raman (example)',
    },
    {
      name: 'Data-Driven Product',
      driver: 'Reduce churn by 20%',
      implication: 'Real-time analytics, ML infrastructure, experimentation platform',
      criteria: '100+ experiments/quarter, personalization live',
      timeline: '12 months',
      owner: 'Sam Whitfield (example)',
    },
  ],
  note: 'Theme names feed the Theme drop-downs of the other strategy sheets (named range ThemeNames).',
});
