/**
 * The status words more than one list shares, spelled once: a metric's, a theme's (Progress Dashboard), a roadmap
 * item's and a health band's lists build on these (shared/metrics/progress.ts METRIC_STATUS,
 * shared/health/scorecard.ts HEALTH_STATUS, shared/catalogue/roadmap.ts ROADMAP_STATUS and dashboard.ts
 * DASHBOARD_STATUS), so "At risk" is never "At Risk" in one of them.
 */
export const STATUS_WORD = {
  done: 'Done',
  onTrack: 'On track',
  atRisk: 'At risk',
  offTrack: 'Off track',
} as const;
