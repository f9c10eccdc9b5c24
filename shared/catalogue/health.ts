/** Technical Health Scorecard: six dimensions rated 1–5 with evidence and impact (seed guide, step 2). */
import { defineSheet } from '../spec/schema';
import type { SheetSpec } from '../spec/spec';
import { COLORS, textColumn } from './common';
import { healthRadarChart } from '../compiler/charts';
import { HEALTH_BANDS, HEALTH_STATUS } from '../health/scorecard';
import { debtEvidenceFormula } from './debt';

/** HEALTH_STATUS natively: nested IFs over the core's own bands (< 2 Critical, < 3 At risk, < 4 Healthy, ≥ 4 Strong). */
export function healthStatusFormula(score: string): string {
  const last = HEALTH_BANDS[HEALTH_BANDS.length - 1];
  return HEALTH_BANDS.slice(0, -1).reduceRight(
    (chain, b) => `IF(${score}<${b.below},"${b.status}",${chain})`,
    `"${last.status}"`,
  );
}

/** HEALTH_STATUS of one cell natively: blank for a blank score. */
export function healthBandFormula(score: string): string {
  return `IF(${score}="","",${healthStatusFormula(score)})`;
}

/** HEALTH_SCORE (equal weights) natively: the mean of the scores given, blank when there is none. */
export function overallScoreFormula(scores: string): string {
  return `IF(COUNT(${scores})=0,"",AVERAGE(${scores}))`;
}

export const HEALTH_DIMENSIONS = [
  'Scalability',
  'Reliability',
  'Security',
  'Developer Velocity',
  'Technical Debt',
  'Team Health',
];

const ratingRule = { kind: 'number' as const, min: 1, max: 5 };

export const HEALTH_SHEET = defineSheet({
  key: 'health',
  name: 'Technical Health',
  tabColor: '#b45f06',
  rows: 10,
  table: true,
  columns: [
    { key: 'dimension', header: 'Dimension', kind: 'text', width: 170, style: { bold: true } },
    {
      key: 'rating',
      header: 'Score (1–5)',
      kind: 'number',
      width: 90,
      numberFormat: '0.0',
      validation: ratingRule,
      help: '1 = critical problem, 3 = adequate, 5 = excellent. Leave blank if not assessed.',
      style: { hAlign: 'center' },
    },
    {
      key: 'band',
      header: 'Status',
      computes: { fn: 'HEALTH_STATUS', args: [{ col: 'rating' }] },
      width: 90,
      formula: (r) => healthBandFormula(r.row.rating),
    },
    {
      ...textColumn('evidence', 'Evidence', 280, 'Facts behind the score, e.g. "Can handle 2x traffic, not 10x".'),
      kind: 'text',
    },
    { ...textColumn('impact', 'Business Impact', 220, 'What the current state costs the business.'), kind: 'text' },
    {
      key: 'target',
      header: 'Target (1–5)',
      kind: 'number',
      width: 90,
      numberFormat: '0.0',
      validation: ratingRule,
      help: 'Where this dimension should be at the end of the strategy period.',
      style: { hAlign: 'center' },
    },
    {
      key: 'gap',
      header: 'Gap',
      width: 60,
      numberFormat: '0.0',
      formula: (r) => `IF(OR(${r.row.rating}="",${r.row.target}=""),"",${r.row.target}-${r.row.rating})`,
    },
  ],
  side: [
    {
      key: 'overall',
      label: 'Overall score',
      computes: { fn: 'HEALTH_SCORE', args: [{ col: 'rating' }], whole: true },
      numberFormat: '0.00',
      formula: (r) => overallScoreFormula(r.col.rating),
      style: { bold: true, fontSize: 12 },
    },
    {
      key: 'status',
      label: 'Overall status',
      computes: { fn: 'HEALTH_STATUS', args: [{ side: 'overall' }] },
      formula: (r) => healthBandFormula(r.side.overall),
      style: { bold: true },
    },
    { key: 'rated', label: 'Dimensions scored', numberFormat: '0', formula: (r) => `COUNT(${r.col.rating})` },
    {
      key: 'weakest',
      label: 'Weakest dimension',
      formula: (r) =>
        `IF(COUNT(${r.col.rating})=0,"",INDEX(${r.col.dimension},MATCH(MIN(${r.col.rating}),${r.col.rating},0)))`,
    },
  ],
  sideHeader: ['Summary', ''],
  // Under the table: the overall score and status are seen without scrolling sideways, even on a small screen.
  sidePlacement: 'below',
  charts: [healthRadarChart(HEALTH_DIMENSIONS.length)],
  conditionalFormats: [
    {
      columns: ['rating'],
      rule: () => ({
        kind: 'colorScale',
        min: { value: 1, color: '#e06666' },
        mid: { value: 3, color: '#ffd966' },
        max: { value: 5, color: '#93c47d' },
      }),
    },
    {
      columns: ['band'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.band}="${HEALTH_STATUS.critical}"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText, bold: true },
    },
    {
      columns: ['band'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.band}="${HEALTH_STATUS.atRisk}"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['band'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.band}="Strong"` }),
      style: { fill: COLORS.green, fontColor: COLORS.greenText },
    },
  ],
  fixed: HEALTH_DIMENSIONS.map((dimension) => ({ dimension })),
  examples: [
    { rating: 3, evidence: 'Can handle 2x traffic, not 10x', impact: 'Limits growth', target: 4 },
    { rating: 4, evidence: '99.9% uptime but manual failover', impact: 'Occasional downtime', target: 4 },
    { rating: 2, evidence: 'No SOC 2, limited audit logging', impact: "Can't sell to enterprise", target: 4 },
    { rating: 3, evidence: 'Deploys take 2 hours, tests are slow', impact: 'Slows feature delivery', target: 4 },
    { rating: 2, evidence: '30% time on maintenance', impact: 'High opportunity cost', target: 3 },
    { rating: 4, evidence: 'Good retention but hiring is slow', impact: 'Capacity constraints', target: 4 },
  ],
  note: 'Rate each dimension 1–5; the overall score is the average of the scored dimensions (blank ones are ignored). Four spare rows take your own dimensions.',
});

/**
 * The Health Scorecard of the full workbook: its summary also reads the Technical Debt sheet (inserted with it), the
 * evidence behind the Technical Debt rating.
 */
export const HEALTH_SHEET_WITH_DEBT: SheetSpec = {
  ...HEALTH_SHEET,
  side: [
    ...(HEALTH_SHEET.side ?? []),
    { key: 'debtEvidence', label: 'Technical Debt evidence (Technical Debt sheet)', formula: debtEvidenceFormula },
  ],
};
