/** Engineering Velocity: the four DORA metrics, current value and level (seed guide, step 2 "Engineering Velocity"). */
import { DORA_LEVEL as L, DORA_LEVELS, DORA_THRESHOLDS, type DoraLevel, type DoraMetric } from '../metrics/dora';
import {
  bucketScore,
  DURATION_LIMITS,
  FREQUENCY_LIMITS,
  QUICK_CHECK_EDITION,
  QUICK_CHECK_INDUSTRY_MEAN,
  SLACK,
} from '../metrics/quick-check';
import type { ColumnSpec, FormulaRefs } from '../spec/spec';
import { defineSheet } from '../spec/schema';
import { COLORS } from './common';
import { digitsNumberFormula, metricNormFormula, metricValueFormula } from './metric-formula';
import {
  endComparator,
  endNumericText,
  endRest,
  isOnDemand,
  rangeEnd,
  specialCells,
  wordingText,
} from './wording-formula';

/** The vs Target column's words, declared once: its formula and its colour read them. */
export const GAP = { onTarget: 'On target', belowTarget: 'Below target' } as const;

export const DORA_ROWS: { metric: DoraMetric; label: string; unit: string; example: string; target: DoraLevel }[] = [
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

const hidden = (key: string, formula: (r: FormulaRefs) => string): ColumnSpec => ({
  key,
  header: key,
  width: 80,
  hidden: true,
  formula,
});

/** An end's value in the metric's unit (as unitValue), nudged by its comparator words. */
function wordEndUnit(metric: DoraMetric, r: FormulaRefs, i: 1 | 2): string {
  const [v, t, n, c] = [r.row[`wV${i}`], r.row[`wT${i}`], r.row[`wN${i}`], r.row[`wC${i}`]];
  let x: string;
  if (metric === 'change failure rate') x = `IF(ISNUMBER(FIND("%",${t})),${v},IF(${v}>1,${v}/100,${v}))`;
  else if (metric === 'deployment frequency') x = v;
  else x = `IF(${r.row[`wS${i}special`]}<>"",${v},IFERROR(${digitsNumberFormula(n)},${v}/3600000))`;
  const nudge = `MAX(ABS(${x}),0.000000001)*0.000001`;
  return `IF(${v}="","",MAX(0,IF(${c}="<",${x}-${nudge},IF(${c}=">",${x}+${nudge},${x}))))`;
}

/**
 * The hidden columns reading the value in words (wording-formula.ts): the text, then per end (a range has
 * two) its text, comparator words, rest, special value, numeric text, its normalised form, its value (base
 * unit) and its value in the metric's unit; last the value the level grades (a range: its worse end).
 */
/** The keys of the wording columns (all start with "w"). */
type WordingKey = `w${string}`;

function wordingColumns(): ColumnSpec<WordingKey>[] {
  const end = (i: 1 | 2): ColumnSpec[] => [
    hidden(`wE${i}`, (r) => rangeEnd(r.row.wText, i)),
    hidden(`wC${i}`, (r) => `IF(${isOnDemand(r.row[`wE${i}`])},">=",${endComparator(r.row[`wE${i}`])})`),
    hidden(`wR${i}`, (r) => endRest(r.row[`wE${i}`])),
    ...specialCells(`wS${i}`, '', digitsNumberFormula).map(([key]) =>
      hidden(key, (r) => {
        const cells = specialCells(`wS${i}`, r.row[`wR${i}`], digitsNumberFormula);
        return cells.find(([k]) => k === key)![1]((k) => r.row[k]);
      }),
    ),
    hidden(`wT${i}`, (r) => endNumericText(r.row[`wR${i}`])),
    hidden(`wN${i}`, (r) => metricNormFormula(r.row[`wT${i}`])),
    hidden(
      `wV${i}`,
      (r) =>
        `IF(${r.row[`wE${i}`]}="","",IF(${r.row[`wS${i}special`]}<>"",${r.row[`wS${i}special`]},${metricValueFormula(r.row[`wT${i}`], r.row[`wN${i}`])}))`,
    ),
    hidden(`wU${i}`, (r) => wordEndUnit(DORA_ROWS[r.index].metric, r, i)),
  ];
  // A plain number has no unit: no special value, and its text ends with a digit ("1" in "1-2 days").
  const plain = (r: FormulaRefs, i: 1 | 2): string =>
    `AND(${r.row[`wS${i}special`]}="",ISNUMBER(FIND(RIGHT(${r.row[`wN${i}`]},1),"0123456789")),ISERROR(FIND("/",${r.row[`wN${i}`]})))`;
  const columns: ColumnSpec[] = [
    hidden('wText', (r) => wordingText(r.row.current)),
    ...end(1),
    ...end(2),
    hidden('wX', (r) => {
      const worse = DORA_THRESHOLDS[DORA_ROWS[r.index].metric].better === 'higher' ? 'MIN' : 'MAX';
      const range = `IF(OR(${r.row.wC1}<>"",${r.row.wC2}<>"",${plain(r, 1)},${plain(r, 2)}),VALUE("?"),${worse}(${r.row.wU1},${r.row.wU2}))`;
      return `IF(${r.row.wE2}="",${r.row.wU1},${range})`;
    }),
  ];
  return columns as ColumnSpec<WordingKey>[];
}

/** DORA_LEVEL natively: nested IFs over the core's own thresholds (shared/metrics/dora.ts). */
export function doraLevelFormula(metric: DoraMetric, x: string): string {
  const t = DORA_THRESHOLDS[metric];
  let chain = `"${L.low}"`;
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

/**
 * DORA_SCORE's 0–10 score of one metric natively, from the value the level grades (`x`: a range's worse end, the
 * comparator nudge applied): the Quick Check bucket by the core's own limits (shared/metrics/quick-check.ts) rescaled
 * to 0–10, or (1 − failure fraction) × 10 for change failure rate.
 */
export function quickCheckScoreFormula(metric: DoraMetric, x: string): string {
  if (metric === 'change failure rate') return `IF(${x}="","",(1-${x})*10)`;
  let chain = '0';
  if (metric === 'deployment frequency') {
    for (let k = FREQUENCY_LIMITS.length - 1; k >= 0; k--) {
      const { above, inclusive } = FREQUENCY_LIMITS[k];
      const cond = inclusive ? `${x}>=${above - above * SLACK}` : `${x}>${above + above * SLACK}`;
      chain = `IF(${cond},${bucketScore(6 - k)},${chain})`;
    }
  } else {
    for (let k = DURATION_LIMITS.length - 1; k >= 0; k--) {
      const { below, inclusive } = DURATION_LIMITS[k];
      const cond = inclusive ? `${x}<=${below + below * SLACK}` : `${x}<${below - below * SLACK}`;
      chain = `IF(${cond},${bucketScore(6 - k)},${chain})`;
    }
  }
  return `IF(${x}="","",${chain})`;
}

/** The rework rate setting's 0–10 score: a fraction (0.08, shown 8%) or a percentage number above 1 (8). */
function reworkScore(cell: string): string {
  return `(1-IF(${cell}>1,${cell}/100,${cell}))*10`;
}

export const VELOCITY_SHEET = defineSheet({
  key: 'velocity',
  name: 'Engineering Velocity',
  tabColor: '#3d85c6',
  rows: DORA_ROWS.length,
  columns: [
    { key: 'metric', header: 'DORA Metric', kind: 'text', width: 200, style: { bold: true } },
    {
      key: 'current',
      header: 'Current Value',
      kind: 'metric',
      width: 120,
      numberFormat: '@',
      style: { hAlign: 'right' },
      help: 'Measured over the last 30–90 days.',
    },
    { key: 'unit', header: 'Write It As', width: 240, style: { italic: true, fontColor: '#666666' } },
    {
      key: 'level',
      header: 'Level',
      kind: 'text',
      // The reader takes the file's level as it is (no level computed for an uncached cell, as before).
      computes: {
        fn: 'DORA_LEVEL',
        args: [{ values: DORA_ROWS.map((d) => d.metric) }, { col: 'current' }],
        rows: DORA_ROWS.length,
        checkOnly: true,
      },
      width: 90,
      style: { bold: true, hAlign: 'center' },
      formula: (r) => doraLevelFormula(DORA_ROWS[r.index].metric, r.row.x),
    },
    {
      key: 'targetLevel',
      header: 'Target Level',
      kind: 'text',
      width: 100,
      validation: { kind: 'list', values: DORA_LEVELS },
      help: DORA_LEVELS.join(' / '),
    },
    {
      key: 'gap',
      header: 'vs Target',
      width: 110,
      formula: (r) => {
        const lv = (c: string) => `IF(${c}="${L.elite}",4,IF(${c}="${L.high}",3,IF(${c}="${L.medium}",2,1)))`;
        return `IF(OR(${r.row.level}="",${r.row.targetLevel}=""),"",IF(${lv(r.row.level)}>=${lv(r.row.targetLevel)},"${GAP.onTarget}","${GAP.belowTarget}"))`;
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
      // A text the numeric reader cannot read may be in words ("Less than one hour", "daily").
      formula: (r) => `IF(ISERROR(${r.row.value}),${r.row.wX},${unitValue(DORA_ROWS[r.index].metric, r)})`,
    },
    ...wordingColumns(),
    {
      key: 'qc',
      header: 'Quick Check score (0–10)',
      width: 80,
      hidden: true,
      formula: (r) => quickCheckScoreFormula(DORA_ROWS[r.index].metric, r.row.x),
    },
  ],
  side: [
    {
      key: 'rework',
      label: 'Deployment rework rate',
      numberFormat: '0%',
      validation: { kind: 'number', min: 0, max: 100 },
      help: "DORA's fifth metric (2024): the share of deployments in the last 6 months that were unplanned, made to fix a user-facing bug. Leave blank if not measured.",
    },
    {
      key: 'score',
      label: 'DORA Quick Check score (0–10)',
      numberFormat: '0.0',
      style: { bold: true },
      formula: (r) => {
        const n = `(COUNT(${r.col.qc})+IF(ISNUMBER(${r.side.rework}),1,0))`;
        return `IF(${n}=0,"",(SUM(${r.col.qc})+IF(ISNUMBER(${r.side.rework}),${reworkScore(r.side.rework)},0))/${n})`;
      },
    },
    {
      key: 'industry',
      label: `Industry mean (Quick Check ${QUICK_CHECK_EDITION})`,
      value: QUICK_CHECK_INDUSTRY_MEAN,
      numberFormat: '0.0',
      help: "DORA's Quick Check mean for all industries, 2025 edition (dora.dev/quickcheck), as DORA_SCORE documents it.",
    },
  ],
  sideHeader: ['DORA Quick Check', ''],
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
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="${L.elite}"` }),
      style: { fill: COLORS.green, fontColor: COLORS.greenText },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="${L.high}"` }),
      style: { fill: COLORS.blue },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="${L.medium}"` }),
      style: { fill: COLORS.amber },
    },
    {
      columns: ['level'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.level}="${L.low}"` }),
      style: { fill: COLORS.red, fontColor: COLORS.redText },
    },
    {
      columns: ['gap'],
      rule: (r) => ({ kind: 'formula', formula: `=${r.row.gap}="${GAP.belowTarget}"` }),
      style: { fontColor: COLORS.redText, bold: true },
    },
  ],
  note: 'Levels follow the 2021 State of DevOps report thresholds used by DORA_LEVEL (native nested IFs over the same numbers); the Quick Check score beside them is DORA_SCORE (DORA\'s current 0–10 Quick Check, with the deployment rework rate setting as its fifth metric) against the industry mean. The report\'s own wordings work as values: "On-demand (multiple deploys per day)", "Less than one hour", "Between one day and one week" (a range: graded by its worse end), "daily", "weekly", "once every six months".',
});
