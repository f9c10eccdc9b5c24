/**
 * Parameters several registry entries share, declared once: name, label (used in messages), type and help text.
 * An entry that says it differently overrides the description only: `{ ...EFFORT, description: '…' }`.
 */
import { dateArg, numberArg } from '../core/args';
import { SCALE_MAX, SCALE_MIN } from '../scoring/priority';
import { metricArg } from './metric-arg';
import { param } from './spec';

/** The 1–10 scale of the scorecard inputs (impact, urgency, effort, risk; ICE's impact, confidence and ease). */
export const scale = numberArg({ min: SCALE_MIN, max: SCALE_MAX });

export const IMPACT = param({
  name: 'impact',
  label: 'Impact',
  description: 'Business impact, 1 (low) to 10 (high): a cell or a column.',
  type: scale,
});

export const URGENCY = param({
  name: 'urgency',
  label: 'Urgency',
  description: 'Urgency, 1 (low) to 10 (high): a cell or a column.',
  type: scale,
});

export const EFFORT = param({
  name: 'effort',
  label: 'Effort',
  description: 'Effort, 1 (low) to 10 (high): a cell or a column.',
  type: scale,
});

export const RISK = param({
  name: 'risk',
  label: 'Risk',
  description: 'Risk, 1 (low) to 10 (high), subtracted: a cell or a column.',
  type: scale,
});

/** Confidence on the 1–10 scale (ICE); RICE takes a fraction or a percentage instead. */
export const CONFIDENCE = param({
  name: 'confidence',
  label: 'Confidence',
  description: 'Confidence, 1 (low) to 10 (high).',
  type: scale,
});

// ---- Metrics: where a metric started, where it is, where it should get to ----

export const BASELINE = param({
  name: 'baseline',
  label: 'Baseline',
  description: 'Where the metric started ("$0", "800ms", "1x/day", or a number).',
  type: metricArg,
});

export const CURRENT = param({ name: 'current', label: 'Current', description: 'Where it is now.', type: metricArg });

export const TARGET = param({
  name: 'target',
  label: 'Target',
  description: 'Where it should get to ("$1M", "<200ms", "5x/day", "100+").',
  type: metricArg,
});

/** Baseline, current and target, in that order (METRIC_PROGRESS, METRIC_STATUS). */
export const METRIC_TRIPLE = [BASELINE, CURRENT, TARGET] as const;

/** A date: a date cell (a Date in Sheets, a serial in Excel) or an ISO text; a whole serial day. */
export const date = dateArg();
