/** Engineering Velocity: the four DORA metrics, current value and level (seed guide, step 2 "Engineering Velocity"). */
import { DORA_THRESHOLDS, type DoraMetric } from '../../metrics/dora';
import type { FormulaRefs, SheetSpec } from '../spec';
import { COLORS } from './common';
import { digitsNumberFormula, metricNormFormula, metricValueFormula } from './metric-formula';

export const DORA_ROWS: { metric: DoraMetric; label: string; unit: string; example: string; target: string }[] = [
  {
    metric: 'deployment frequency',
    label: 'Deployment frequency',
    unit: 'deploys per day, or "5x/day", "3x/week"',
    example: '1x/day',
    target: 'Elite',
  },
  {
    metric: 'lead time',
    label: 'Lead time for changes',
    unit: 'hours, or "2 hours", "3 days"',
    example: '3 days',
    target: 'Elite',
  },
  {
    metric: 'change failure rate',
    label: 'Change failure rate',
    unit: 'a percentage: "12%" (or 12)',
    example: '18%',
    target: 'High',
  },
  {
    metric: 'time to restore',
    label: 'Time to restore service',
    unit: 'hours, or "45 min", "4 hours"',
    example: '4 hours',
    target: 'Elite',
  },
];

export const DORA_LEVELS = ['Elite', 'High', 'Medium', 'Low'];

/** The measured value in the metric's unit (per day, hours, failure fraction), with the comparator nudge DORA_LEVEL applies. */
function unitValue(metric: DoraMetric, r: FormulaRefs): string {
  const cell = r.row.current;
  const v = r.row.value;
  let x: string;
  if (metric === 'change failure rate') x = `IF(ISNUMBER(FIND("%",${cell}&"")),${v},IF(${v}>1,${v}/100,${v}))`;
  else if (metric === 'deployment frequency') x = v;
  else x = `IF(ISNUMBER(${cell}),${cell},IFERROR(${digitsNumberFormula(r.row.norm)},${v}/3600000))`;
  const t = `TRIM(${cell}&"")`;
  const lt = `AND(LEFT(${t},1)="<",MID(${t},2,1)<>"=")`;
  const gt = `OR(AND(LEFT(${t},1)=">",MID(${t},2,1)<>"="),AND(RIGHT(${t},1)="+",LEFT(${t},1)<>"<",LEFT(${t},1)<>">",LEFT(${t},1)<>"≤",LEFT(${t},1)<>"≥"))`;
  const nudge = `MAX(ABS(${x}),0.000000001)*0.000001`;
  return `IF(${v}="","",MAX(0,IF(${lt},${x}-${nudge},IF(${gt},${x}+${nudge},${x}))))`;
}

/** DORA_LEVEL natively: nested IFs over the core's own thresholds (shared/metrics/dora.ts). */
export function doraLevelFormula(metric: DoraMetric, x: string): string {
  const t = DORA_THRESHOLDS[metric];
  let chain = '"Low"';
  for (let i = t.bounds.length - 1; i >= 0; i--) {
    const b = t.bounds[i];
    const slack = Math.abs(b.limit) * 1e-9;
    const cond =
      t.better === 'higher'
        ? b.strict
          ? `${x}>${b.limit + slack}`
          : `${x}>=${b.limit - slack}`
        : b.strict
          ? `${x}<${b.limit - slack}`
          : `${x}<=${b.limit + slack}`;
    chain = `IF(${cond},"${b.level}",${chain})`;
  }
  return `IF(${x}="","",${chain})`;
}

export const VELOCITY_SHEET: SheetSpec = {
  key: 'velocity',
  name: 'Engineering Velocity',
  tabColor: '#3d85c6',
  rows: DORA_ROWS.length,
  columns: [
    { key: 'metric', header: 'DORA Metric', width: 200, style: { bold: true } },
    {
      key: 'current',
      header: 'Current Value',
      width: 120,
      numberFormat: '@',
      style: { hAlign: 'right' },
      help: 'Measured over the last 30–90 days.',
    },
    { key: 'unit', header: 'Write It As', width: 240, style: { italic: true, fontColor: '#666666' } },
    {
      key: 'level',
      header: 'Level',
      width: 90,
      style: { bold: true, hAlign: 'center' },
      formula: (r) => doraLevelFormula(DORA_ROWS[r.index].metric, r.row.x),
    },
    {
      key: 'targetLevel',
      header: 'Target Level',
      width: 100,
      validation: { kind: 'list', values: DORA_LEVELS },
      help: DORA_LEVELS.join(' / '),
    },
    {
      key: 'gap',
      header: 'vs Target',
      width: 110,
      formula: (r) => {
        const lv = (c: string) => `IF(${c}="Elite",4,IF(${c}="High",3,IF(${c}="Medium",2,1)))`;
        return `IF(OR(${r.row.level}="",${r.row.targetLevel}=""),"",IF(${lv(r.row.level)}>=${lv(r.row.targetLevel)},"On target","Below target"))`;
      },
    },
    { key: 'notes', header: 'Notes', width: 240, style: { wrap: true } },
    { key: 'norm', header: 'Value (text)', width: 80, hidden: true, formula: (r) => metricNormFormula(r.row.current) },
    {
      key: 'value',
      header: 'Value (base unit)',
      width: 80,
      hidden: true,
      formula: (r) => metricValueFormula(r.row.current, r.row.norm),
    },
    {
      key: 'x',
      header: 'Value (metric unit)',
      width: 80,
      hidden: true,
      formula: (r) => unitValue(DORA_ROWS[r.index].metric, r),
    },
  ],
  fixed: DORA_ROWS.map((d) => ({ metric: d.label, unit: d.unit })),
  examples: DORA_ROWS.map((d, i) => ({
    current: d.example,
    targetLevel: d.target,
    notes: [
      'Deploys take 2 hours (example)',
      'PR open to production (example)',
      'Last 90 days (example)',
      'Median over incidents (example)',
    ][i],
  })),
  conditionalFormats: [
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="Elite"` }),
      style: { fill: COLORS.green, fontColor: COLORS.greenText },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="High"` }),
      style: { fill: COLORS.blue },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="Medium"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="Low"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
    {
      columns: ['gap'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.gap}="Below target"` }),
      style: { fontColor: COLORS.redText, bold: true },
    },
  ],
  note: 'Levels follow the 2021 State of DevOps report thresholds used by DORA_LEVEL (native nested IFs over the same numbers).',
};
