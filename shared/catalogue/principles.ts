/** Technical Principles: opinionated decision guidelines (seed guide, step 4). */
import { defineSheet } from '../spec/schema';
import { textColumn } from './common';

export const PRINCIPLES_SHEET = defineSheet({
  key: 'principles',
  name: 'Technical Principles',
  tabColor: '#38761d',
  rows: 30,
  table: true,
  columns: [
    {
      key: 'number',
      header: '#',
      width: 40,
      style: { hAlign: 'center' },
      formula: (r) => `IF(${r.row.principle}="","",COUNTIF(${r.upTo.principle},"?*"))`,
    },
    {
      key: 'principle',
      header: 'Principle',
      kind: 'text',
      width: 260,
      style: { bold: true, wrap: true, vAlign: 'top' },
      help: 'Opinionated and memorable, e.g. "Build for 10x, not 100x".',
    },
    {
      ...textColumn('stance', 'Stance / Trade-off', 300, 'What we optimise for, and what we accept in exchange.'),
      kind: 'text',
    },
    {
      ...textColumn('practice', 'What It Means in Practice', 340, 'How the principle changes day-to-day decisions.'),
      kind: 'text',
    },
  ],
  examples: [
    {
      principle: 'Build for 10x, not 100x',
      stance: "Optimize for current scale + 1 order of magnitude; don't over-engineer for hypothetical future scale",
      practice: 'Re-architect when we approach limits',
    },
    {
      principle: 'Buy before build for horizontal capabilities',
      stance: 'Time to market > vendor costs for most capabilities',
      practice: 'Use SaaS for auth, payments, email, monitoring; build only what is core to our competitive advantage',
    },
    {
      principle: 'Optimize for developer velocity',
      stance: 'Fast feedback loops (CI/CD, testing, deploys) and low cognitive load over local optimisations',
      practice: 'Clear ownership, good docs; automate toil, invest in tooling',
    },
    {
      principle: 'Make reversible decisions quickly',
      stance: 'Default to action with a backup plan',
      practice: 'Document with ADRs; escalate only truly irreversible decisions',
    },
    {
      principle: "Platform teams enable, don't gate",
      stance: 'Self-service over approval processes',
      practice: 'Provide self-service tools and clear documentation; measure adoption, not control',
    },
    {
      principle: 'Security and compliance are non-negotiable',
      stance: 'No shortcuts on security or data privacy; compliance is a feature, not an afterthought',
      practice: 'Everyone owns security, not just the security team',
    },
  ],
});
