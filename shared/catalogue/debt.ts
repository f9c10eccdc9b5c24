/**
 * Technical Debt (the seed guide's assessment step: "identify areas with high bug density, map legacy code that slows
 * development, document architectural decisions that limit growth, calculate time spent on maintenance vs new
 * features, estimate cost of continuing vs addressing debt"): per item the yearly cost of continuing (DEBT_COST),
 * the cost of addressing it, the payback in working weeks (DEBT_PAYBACK) and a decision, as native formulas; the
 * share of the team's hours lost to debt beside them.
 */
import { defineSheet } from '../spec/schema';
import type { FormulaRefs, ReadValues } from '../spec/spec';
import { layoutSheet } from '../compiler/compile';
import { COLORS, ROWS, textColumn, themeColumn } from './common';
import { debtDecision, DEBT_SYMPTOMS, DEFAULT_WORKING_WEEKS } from '../decisions/debt';

export const DEFAULT_TEAM_HOURS = 320;
export const NEVER_TEXT = 'Never';

const hoursRule = { kind: 'number' as const, min: 0, max: 10000 };

/** DEBT_COST natively: blank until hours lost and hourly cost are both numbers. */
export function debtCostFormula(hours: string, cost: string, weeks: string): string {
  return `IF(COUNT(${hours},${cost})<2,"",${hours}*${cost}*${weeks})`;
}

/** DEBT_PAYBACK natively; "Never" when the item costs no time (the function's error: hours lost must be above 0). */
export function debtPaybackFormula(fix: string, hours: string): string {
  return `IF(COUNT(${fix},${hours})<2,"",IF(${hours}>0,${fix}/${hours},"${NEVER_TEXT}"))`;
}

/** debtDecision natively: within a quarter of the working weeks "Address now", within the year "Plan". */
export function debtDecisionFormula(payback: string, weeks: string): string {
  return `IF(${payback}="","",IF(NOT(ISNUMBER(${payback})),"Live with it",IF(${payback}<=${weeks}/4,"Address now",IF(${payback}<=${weeks},"Plan","Live with it"))))`;
}

/**
 * The Decision column's rule, as debtPaybackFormula and debtDecisionFormula write it: "" until hours lost and fix
 * hours are both numbers, "Live with it" when the item costs no time (its payback is "Never"), else debtDecision.
 */
export function debtDecisionOf(
  row: ReadValues<'fixHours' | 'hoursLost'>,
  side: ReadValues<'weeks'>,
): ReturnType<typeof debtDecision> | '' {
  const [fix, lost, weeks] = [row.fixHours, row.hoursLost, side.weeks];
  if (typeof fix !== 'number' || typeof lost !== 'number') return '';
  return debtDecision(lost > 0 ? fix / lost : undefined, typeof weeks === 'number' ? weeks : DEFAULT_WORKING_WEEKS);
}

/** DEBT_PAYBACK's arguments: blank on a row until both are numbers (as the sheet's payback is). */
const PAYBACK_ARGS = [
  { col: 'fixHours', where: 'hoursLost' },
  { col: 'hoursLost', where: 'fixHours' },
] as const;

export const DEBT_SHEET = defineSheet({
  key: 'debt',
  name: 'Technical Debt',
  tabColor: '#7f6000',
  rows: ROWS,
  frozenColumns: 1,
  table: true,
  columns: [
    { key: 'area', header: 'Area', kind: 'text', width: 200, style: { bold: true } },
    {
      key: 'symptom',
      header: 'Symptom',
      width: 140,
      validation: { kind: 'list', values: [...DEBT_SYMPTOMS] },
      help: 'High bug density, slows development, or limits growth (the guide\u2019s three kinds of debt).',
    },
    themeColumn(),
    {
      key: 'hoursLost',
      header: 'Hours Lost / Week',
      kind: 'number',
      width: 90,
      numberFormat: '0.0',
      validation: hoursRule,
      help: 'Engineering hours this costs each week: slower work, bug fixing, workarounds.',
      style: { hAlign: 'center' },
    },
    {
      key: 'fixHours',
      header: 'Fix Effort (hours)',
      kind: 'number',
      width: 90,
      numberFormat: '0',
      validation: hoursRule,
      help: 'Engineering hours to fix it for good.',
      style: { hAlign: 'center' },
    },
    {
      key: 'hourlyCost',
      header: 'Hourly Cost',
      width: 80,
      numberFormat: '#,##0',
      validation: hoursRule,
      help: 'Cost of an engineering hour (salary and overhead), in your currency.',
      style: { hAlign: 'center' },
    },
    {
      key: 'yearlyCost',
      header: 'Yearly Cost of Continuing',
      width: 120,
      numberFormat: '#,##0',
      formula: (r) => debtCostFormula(r.row.hoursLost, r.row.hourlyCost, r.side.weeks),
    },
    {
      key: 'fixCost',
      header: 'Cost of Addressing',
      width: 110,
      numberFormat: '#,##0',
      formula: (r) => `IF(COUNT(${r.row.fixHours},${r.row.hourlyCost})<2,"",${r.row.fixHours}*${r.row.hourlyCost})`,
    },
    {
      key: 'payback',
      header: 'Payback (weeks)',
      kind: 'number',
      computes: { fn: 'DEBT_PAYBACK', args: PAYBACK_ARGS, errorShows: NEVER_TEXT },
      width: 90,
      numberFormat: '0.0',
      style: { hAlign: 'center' },
      formula: (r) => debtPaybackFormula(r.row.fixHours, r.row.hoursLost),
    },
    {
      key: 'decision',
      header: 'Decision',
      kind: 'text',
      computes: { name: 'the decision rule', evaluate: (rows, side) => rows.map((row) => debtDecisionOf(row, side)) },
      width: 110,
      style: { bold: true },
      formula: (r) => debtDecisionFormula(r.row.payback, r.side.weeks),
    },
    textColumn('notes', 'Notes', 240, 'Evidence: bug counts, slow builds, incidents, what it blocks.'),
  ],
  side: [
    {
      key: 'weeks',
      label: 'Working weeks per year',
      kind: 'number',
      fallback: DEFAULT_WORKING_WEEKS,
      value: DEFAULT_WORKING_WEEKS,
      validation: { kind: 'number', min: 1, max: 53 },
      help: '52 weeks less holidays and leave. Payback within a quarter of these is "Address now", within all of them "Plan".',
    },
    {
      key: 'teamHours',
      label: 'Team hours per week',
      value: DEFAULT_TEAM_HOURS,
      validation: { kind: 'number', min: 1, max: 100000 },
      help: 'Engineering hours the whole team works per week (8 engineers × 40 hours = 320).',
    },
    { key: 'lost', label: 'Hours lost per week', numberFormat: '0.0', formula: (r) => `SUM(${r.col.hoursLost})` },
    {
      key: 'maintenance',
      label: 'Share of time on debt',
      numberFormat: '0%',
      formula: (r) => `IF(N(${r.side.teamHours})>0,${r.side.lost}/${r.side.teamHours},"")`,
      style: { bold: true },
    },
    {
      key: 'totalCost',
      label: 'Yearly cost of all debt',
      numberFormat: '#,##0',
      formula: (r) => `SUM(${r.col.yearlyCost})`,
    },
    {
      key: 'addressNow',
      label: 'Items to address now',
      numberFormat: '0',
      formula: (r) => `COUNTIF(${r.col.decision},"Address now")`,
    },
  ],
  conditionalFormats: [
    {
      columns: ['decision'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.decision}="Address now"` }),
      style: { fill: COLORS.green, fontColor: COLORS.greenText, bold: true },
    },
    {
      columns: ['decision'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.decision}="Plan"` }),
      style: { fill: COLORS.blue },
    },
  ],
  examples: [
    {
      area: 'Flaky end-to-end test suite',
      symptom: 'Slows development',
      theme: 'Developer Velocity & Platform',
      hoursLost: 40,
      fixHours: 200,
      hourlyCost: 90,
      notes: 'Reruns on 1 build in 4; deploys take 2 hours (example)',
    },
    {
      area: 'Legacy billing module',
      symptom: 'High bug density',
      theme: 'Enterprise-Ready Platform',
      hoursLost: 30,
      fixHours: 600,
      hourlyCost: 90,
      notes: '40% of last quarter\u2019s bugs (example)',
    },
    {
      area: 'Manual deploy pipeline',
      symptom: 'Slows development',
      theme: 'Developer Velocity & Platform',
      hoursLost: 20,
      fixHours: 120,
      hourlyCost: 90,
      notes: 'Hand-run release checklist (example)',
    },
    {
      area: 'Single-region database',
      symptom: 'Limits growth',
      theme: 'Global Scale & Performance',
      hoursLost: 6,
      fixHours: 800,
      hourlyCost: 90,
      notes: 'Can handle 2x traffic, not 10x (example)',
    },
  ],
  note: 'Yearly cost of continuing = hours lost per week × hourly cost × working weeks; payback = fix hours ÷ hours lost per week (in working weeks). Decision: "Address now" when the fix pays back within a quarter, "Plan" within a year, otherwise "Live with it". The share of time on debt is the seed guide\u2019s "time spent on maintenance vs new features".',
});

/**
 * The Technical Debt sheet summed up as evidence (the Health Scorecard's Technical Debt row, full workbook): the share
 * of the team's time lost to debt, the hours, and how many fixes pay back within a quarter; "" while nothing is lost.
 */
export function debtEvidenceFormula(r: FormulaRefs): string {
  const side = layoutSheet(DEBT_SHEET).side;
  const at = (key: string): string => r.other(DEBT_SHEET.key, side[key]);
  return `IF(N(${at('lost')})=0,"",IF(ISNUMBER(${at('maintenance')}),ROUND(${at('maintenance')}*100,0)&"% of team time lost to debt (","")&ROUND(${at('lost')},1)&" hours a week"&IF(ISNUMBER(${at('maintenance')}),")","")&"; "&${at('addressNow')}&" to address now (pays back within a quarter)")`;
}
