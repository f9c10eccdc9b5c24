/**
 * Chart specs: declarative charts attached to template sheets, compiled into the render plan's
 * ChartOps like everything else. A spec names its source columns by their header text; the
 * compiler resolves them to A1 ranges of the sheet's data rows and anchors the chart to the right
 * of the last used column, so a chart never covers data. Pure: no host calls.
 */
import type { ChartForm, ChartOp } from './plan';

export type ChartKind = ChartOp['kind'];

/** The form each kind is drawn with when a spec does not say otherwise. */
export function defaultForm(kind: ChartKind): ChartForm {
  switch (kind) {
    case 'roadmapTimeline':
      return 'stackedBar';
    case 'impactEffortMatrix':
      return 'scatter';
    case 'healthRadar':
      return 'radar';
    default:
      return 'bar';
  }
}

/**
 * Colours per strategic theme, in theme order (Okabe–Ito palette: distinguishable with the common
 * colour-vision deficiencies, dark enough for white text, light enough for black text).
 */
export const THEME_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

/** Colours of the four quadrants: Do Now, Plan Carefully, Do When You Have Time, Don't Do. */
export const QUADRANT_COLORS = {
  doNow: '#009E73',
  planCarefully: '#0072B2',
  niceToHave: '#E69F00',
  dontDo: '#D55E00',
} as const;

export const PROGRESS_COLOR = '#0072B2';
