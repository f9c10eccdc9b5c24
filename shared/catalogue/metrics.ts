/** Metrics Dashboard: theme, business and technical metric, baseline → current → target, progress and status (seed guide, step 6). */
import { METRIC_STATUS } from '../metrics/progress';
import type { ColumnSpec } from '../spec/spec';
import { defineSheet } from '../spec/schema';
import { COLORS, dateColumn, ROWS, themeColumn } from './common';
import { metricProgressChart, progressBarColumn } from '../compiler/charts';
import {
  directionFormula,
  metricNormFormula,
  metricValueFormula,
  NATIVE_METRIC_FORMS,
  progressFormula,
  statusFormula,
  statusProgressFormula,
} from './metric-formula';

/** A metric value as written ("$1M", "<200ms", "N/A"): read as a metric (`kind: 'metric'`). */
const valueColumn = <K extends string>(key: K, header: string, help: string) =>
  ({
    key,
    header,
    kind: 'metric' as const,
    width: 100,
    numberFormat: '@',
    style: { hAlign: 'right' },
    help: `${help} Write it as you would say it: ${NATIVE_METRIC_FORMS}.`,
  }) satisfies ColumnSpec<K>;

/** The hidden columns reading a value column `key`: its text normalised, then its number. */
const helpers = <K extends string>(key: K, header: string): ColumnSpec<`${K}Norm` | `${K}Val`>[] => {
  const columns: ColumnSpec[] = [
    {
      key: `${key}Norm`,
      header: `${header} (text)`,
      width: 80,
      hidden: true,
      formula: (r) => metricNormFormula(r.row[key]),
    },
    {
      key: `${key}Val`,
      header: `${header} (number)`,
      width: 80,
      hidden: true,
      formula: (r) => metricValueFormula(r.row[key], r.row[`${key}Norm`]),
    },
  ];
  return columns as ColumnSpec<`${K}Norm` | `${K}Val`>[];
};

export const METRICS_SHEET = defineSheet({
  key: 'metrics',
  name: 'Metrics Dashboard',
  tabColor: '#a61c00',
  rows: ROWS,
  frozenColumns: 1,
  table: true,
  columns: [
    themeColumn(),
    {
      key: 'business',
      header: 'Business Metric',
      kind: 'text',
      width: 170,
      help: 'Why we are doing this: revenue, retention, cost, market.',
    },
    {
      key: 'technical',
      header: 'Technical Metric',
      kind: 'text',
      width: 170,
      help: 'How we will build it: latency, uptime, deploy frequency, coverage.',
    },
    valueColumn('baseline', 'Baseline', 'Where the metric started ("N/A" if never measured).'),
    valueColumn('current', 'Current', 'Where it is now.'),
    valueColumn('target', 'Target', 'Where it should get to; "<" means lower is better, "+" higher is better.'),
    { key: 'timeline', header: 'Timeline', kind: 'text', width: 80, help: 'When the target is due, e.g. Q2.' },
    dateColumn('start', 'Start', 'Optional: with Start and Due the status compares progress with the time elapsed.'),
    dateColumn('due', 'Due', 'Optional: the date the target is due (give Start too).'),
    {
      key: 'progress',
      header: 'Progress',
      kind: 'number',
      computes: { fn: 'METRIC_PROGRESS', args: [{ col: 'baseline' }, { col: 'current' }, { col: 'target' }] },
      width: 80,
      numberFormat: '0%',
      style: { hAlign: 'right' },
      formula: (r) => progressFormula(r.row.baselineVal, r.row.currentVal, r.row.targetVal, r.row.dir),
    },
    // In-cell bar: an Excel data bar (rule below) over =Progress, a SPARKLINE bar in Sheets.
    progressBarColumn('progress'),
    {
      key: 'status',
      header: 'Status',
      kind: 'text',
      computes: {
        fn: 'METRIC_STATUS',
        args: [{ col: 'baseline' }, { col: 'current' }, { col: 'target' }, { col: 'start' }, { col: 'due' }],
      },
      width: 90,
      formula: (r) => statusFormula(r.row.statusProgress, r.row.start, r.row.due),
    },
    ...helpers('baseline', 'Baseline'),
    ...helpers('current', 'Current'),
    ...helpers('target', 'Target'),
    {
      key: 'dir',
      header: 'Direction (-1 lower better)',
      width: 80,
      hidden: true,
      formula: (r) =>
        `IF(${r.row.targetVal}="","",${directionFormula(r.row.target, r.row.baselineVal, r.row.targetVal)})`,
    },
    {
      key: 'statusProgress',
      header: 'Progress for status',
      width: 80,
      hidden: true,
      formula: (r) =>
        statusProgressFormula(r.row.baselineVal, r.row.currentVal, r.row.targetVal, r.row.dir, r.row.progress),
    },
  ],
  conditionalFormats: [
    { columns: ['bar'], rule: () => ({ kind: 'dataBar', color: '#6aa84f', min: 0, max: 1 }) },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${METRIC_STATUS.done}"` }),
      style: { fill: COLORS.green, bold: true },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${METRIC_STATUS.onTrack}"` }),
      style: { fill: COLORS.green },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${METRIC_STATUS.atRisk}"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['status'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.status}="${METRIC_STATUS.offTrack}"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
  ],
  charts: [metricProgressChart()],
  examples: [
    {
      theme: 'Enterprise-Ready Platform',
      business: 'Enterprise ARR',
      technical: 'SOC 2 certified',
      baseline: '$0',
      current: '$250K',
      target: '$1M',
      timeline: 'Q2',
    },
    {
      theme: 'Global Scale & Performance',
      business: 'EMEA revenue',
      technical: 'p95 latency',
      baseline: 'N/A',
      current: '350ms',
      target: '<200ms',
      timeline: 'Q3',
    },
    {
      theme: 'Developer Velocity & Platform',
      business: 'Feature delivery rate',
      technical: 'Deploy frequency',
      baseline: '1x/day',
      current: '2x/day',
      target: '5x/day',
      timeline: 'Q4',
    },
    {
      theme: 'Data-Driven Product',
      business: 'Churn rate',
      technical: 'Experiments/quarter',
      baseline: '10',
      current: '25',
      target: '100+',
      timeline: 'Q4',
    },
  ],
  note: 'Progress = (current − baseline) ÷ (target − baseline), 0–100%, lower-is-better when the target starts with "<"; "N/A" anywhere leaves Progress blank. Status: Done / On track / At risk / Off track, against the time elapsed when Start and Due are given; a metric without a baseline (N/A) still gets one: Done when the target is met, otherwise by the time left; without Start and Due a metric not yet at its target is "No due date" (neutral: counted apart on the Progress Dashboard, never off track). Native formulas (hidden helper columns read the texts), equal to METRIC_PROGRESS and METRIC_STATUS.',
});
