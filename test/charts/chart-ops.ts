import type { ChartOp } from '../../shared/plan/plan';

/** A hand-written bar chart op (one named, coloured series over four rows); `extra` changes what a case tries. */
export const progressBars = (extra: Partial<ChartOp> = {}): ChartOp => ({
  kind: 'metricProgress',
  title: 'Progress',
  anchor: 'H2',
  widthPx: 600,
  heightPx: 300,
  form: 'bar',
  categories: 'A2:A5',
  series: [{ name: 'Done', values: 'B2:B5', color: '#0072B2' }],
  ...extra,
});
