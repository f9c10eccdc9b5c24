/**
 * Progress Dashboard: per theme, % complete and on/off track, metrics progress, active projects and owners,
 * all native formulas (COUNTIF(S), AVERAGEIF, MINIFS, INDEX/MATCH) over the Strategic Themes, Roadmap,
 * Prioritization and Metrics Dashboard sheets of the same plan.
 */
import { defineSheet } from '../spec/schema';
import { STATUS_WORD } from '../core/statuses';
import { METRIC_STATUS, NO_DUE_DATE } from '../metrics/progress';
import { literalCriterion } from '../spec/literal';
import type { FormulaRefs } from '../spec/spec';
import { COLORS, ROWS } from './common';
import { themeProgressChart } from '../compiler/charts';
import { ROADMAP_STATUS } from './roadmap';

const col = (r: FormulaRefs, sheet: string, key: string): string => r.otherCol(sheet, key);
const whenTheme = (r: FormulaRefs, expr: string): string => `IF(${r.row.theme}="","",${expr})`;

/** A theme's status words on the Progress Dashboard, declared once: its formula, the colours and the tests read them. */
export const DASHBOARD_STATUS = {
  onTrack: STATUS_WORD.onTrack,
  atRisk: STATUS_WORD.atRisk,
  offTrack: STATUS_WORD.offTrack,
  noData: 'No data',
} as const;
export const DASHBOARD_STATUSES: string[] = Object.values(DASHBOARD_STATUS);
const D = DASHBOARD_STATUS;

export const DASHBOARD_SHEET = defineSheet({
  key: 'dashboard',
  name: 'Progress Dashboard',
  tabColor: '#cc0000',
  rows: ROWS,
  frozenColumns: 1,
  columns: [
    {
      key: 'theme',
      header: 'Theme',
      width: 200,
      style: { bold: true },
      formula: (r) => `IF(${r.otherCell('themes', 'name')}="","",${r.otherCell('themes', 'name')})`,
    },
    {
      key: 'status',
      header: 'Status',
      width: 90,
      style: { bold: true },
      formula: (r) =>
        whenTheme(
          r,
          `IF(${r.row.items}+${r.row.metricsCount}=0,"${D.noData}",IF(OR(COUNTIFS(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'roadmap', 'status')},"${ROADMAP_STATUS.blocked}")>0,${r.row.metricsOff}>0),"${D.offTrack}",IF(${r.row.blocked}+${r.row.metricsRisk}>0,"${D.atRisk}","${D.onTrack}")))`,
        ),
    },
    {
      key: 'owner',
      header: 'Theme Owner',
      width: 160,
      formula: (r) => whenTheme(r, `IF(${r.otherCell('themes', 'owner')}="","",${r.otherCell('themes', 'owner')})`),
    },
    {
      key: 'items',
      header: 'Roadmap Items',
      width: 80,
      numberFormat: '0',
      formula: (r) => whenTheme(r, `COUNTIF(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)})`),
    },
    {
      key: 'done',
      header: 'Done',
      width: 60,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'roadmap', 'status')},"${ROADMAP_STATUS.done}")`,
        ),
    },
    {
      key: 'complete',
      header: '% Complete',
      width: 90,
      numberFormat: '0%',
      formula: (r) => whenTheme(r, `IF(${r.row.items}=0,"",${r.row.done}/${r.row.items})`),
    },
    {
      key: 'active',
      header: 'In Progress',
      width: 80,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'roadmap', 'status')},"${ROADMAP_STATUS.inProgress}")`,
        ),
    },
    {
      key: 'blocked',
      header: 'At Risk / Blocked',
      width: 90,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'roadmap', 'status')},"${ROADMAP_STATUS.atRisk}")+COUNTIFS(${col(r, 'roadmap', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'roadmap', 'status')},"${ROADMAP_STATUS.blocked}")`,
        ),
    },
    {
      key: 'projects',
      header: 'Projects',
      width: 70,
      numberFormat: '0',
      formula: (r) => whenTheme(r, `COUNTIF(${col(r, 'projects', 'theme')},${literalCriterion(r.row.theme)})`),
    },
    {
      key: 'topProject',
      header: 'Top-Ranked Project',
      width: 180,
      formula: (r) =>
        whenTheme(
          r,
          `IFERROR(INDEX(${col(r, 'projects', 'project')},MATCH(MINIFS(${col(r, 'projects', 'rank')},${col(r, 'projects', 'theme')},${literalCriterion(r.row.theme)}),${col(r, 'projects', 'rank')},0)),"")`,
        ),
    },
    {
      key: 'topOwner',
      header: 'Its Owner',
      width: 150,
      formula: (r) =>
        // The owner on the top project's row, found by its rank (a number), never by its name: MATCH reads "*", "?"
        // and "~" in a text as wildcards in Excel and Sheets (shared/spec/literal.ts).
        `IF(${r.row.topProject}="","",IFERROR(INDEX(${col(r, 'projects', 'owner')},MATCH(MINIFS(${col(r, 'projects', 'rank')},${col(r, 'projects', 'theme')},${literalCriterion(r.row.theme)}),${col(r, 'projects', 'rank')},0))&"",""))`,
    },
    {
      key: 'metricsCount',
      header: 'Metrics',
      width: 70,
      numberFormat: '0',
      formula: (r) => whenTheme(r, `COUNTIF(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)})`),
    },
    {
      key: 'metricProgress',
      header: 'Avg Metric Progress',
      width: 100,
      numberFormat: '0%',
      formula: (r) =>
        whenTheme(
          r,
          `IF(COUNTIFS(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'metrics', 'progress')},">=0")=0,"",AVERAGEIF(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'metrics', 'progress')}))`,
        ),
    },
    {
      key: 'metricsOff',
      header: 'Metrics Off Track',
      width: 90,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'metrics', 'status')},"${METRIC_STATUS.offTrack}")`,
        ),
    },
    {
      key: 'metricsRisk',
      header: 'Metrics At Risk',
      width: 90,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'metrics', 'status')},"${METRIC_STATUS.atRisk}")`,
        ),
    },
    {
      // Counted apart: a metric with no due date is neither on nor off track, so it never sets the theme's status.
      key: 'metricsNoDue',
      header: 'Metrics Without Due Date',
      width: 100,
      numberFormat: '0',
      formula: (r) =>
        whenTheme(
          r,
          `COUNTIFS(${col(r, 'metrics', 'theme')},${literalCriterion(r.row.theme)},${col(r, 'metrics', 'status')},"${NO_DUE_DATE}")`,
        ),
    },
  ],
  charts: [themeProgressChart()],
  conditionalFormats: [
    { columns: ['complete'], rule: () => ({ kind: 'dataBar', color: '#3c78d8', min: 0, max: 1 }) },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${D.onTrack}"` }),
      style: { fill: COLORS.green, fontColor: COLORS.greenText },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${D.atRisk}"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${D.offTrack}"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText, bold: true },
    },
  ],
  note: 'Everything here is calculated from the Strategic Themes, Roadmap, Prioritization and Metrics Dashboard sheets: % Complete = Done ÷ roadmap items; Status is Off track with a blocked item or an off-track metric, At risk with an at-risk item or metric, else On track; metrics without a due date are counted apart and change no status.',
});
