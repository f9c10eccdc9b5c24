/**
 * The strategy as data: the rows of the workbook's sheets as a person typed them (plus the few values the
 * sheets compute per row), independent of where they came from (an .xlsx read by the CLI, a formula
 * engine in tests, a host). Dates are spreadsheet serial days; blanks are "" or undefined.
 * The review (review.ts) and the strategy document (model.ts) are pure functions of it.
 */
import type { RowOf } from '../spec/schema';
import type { ADR_SHEET } from '../catalogue/adr';
import type { BUSINESS_CONTEXT_SHEET } from '../catalogue/business-context';
import type { HEALTH_SHEET } from '../catalogue/health';
import type { HISTORY_SHEET } from '../catalogue/history';
import type { METRICS_SHEET } from '../catalogue/metrics';
import type { NOT_DOING_SHEET } from '../catalogue/not-doing';
import type { ORGANIZATION_SHEET } from '../catalogue/organization';
import type { PRINCIPLES_SHEET } from '../catalogue/principles';
import type { PRIORITIZATION_SHEET } from '../catalogue/prioritization';
import type { ROADMAP_SHEET } from '../catalogue/roadmap';
import type { THEMES_SHEET } from '../catalogue/themes';
import type { VELOCITY_SHEET } from '../catalogue/velocity';
import type { TEAM_SHEET } from '../catalogue/team';
import type { DEBT_SHEET } from '../catalogue/debt';

/*
 * The rows are derived from the sheets' schemas (templates/schema.ts `RowOf`): one field per column the spec marks
 * with a `kind` (texts and metric values always there, numbers and dates when the cell has one). A column added to
 * a sheet the document reads is one `kind` in its spec.
 */
/** Business Context: objectives, constraints, critical metrics; `theme` is the theme that serves an objective. */
export type ContextRow = RowOf<typeof BUSINESS_CONTEXT_SHEET>;
export type HealthRow = RowOf<typeof HEALTH_SHEET>;
export type ThemeRow = RowOf<typeof THEMES_SHEET>;
export type PrincipleRow = RowOf<typeof PRINCIPLES_SHEET>;
/**
 * A project; `score`, `quadrant` and `quarter` as the sheet computed them (cached in the file) or the core;
 * `commitment` Commit, Stretch or Won't fit (PLAN_CONFIDENCE's odds), "" when unscored.
 */
export type ProjectRow = RowOf<typeof PRIORITIZATION_SHEET>;
/** An initiative; `dependsOn` is the initiative it waits for (its name), "" when none. */
export type RoadmapRow = RowOf<typeof ROADMAP_SHEET>;
/** A metric: `baseline`, `current`, `target` as written ("$0", "N/A", "<200ms", or a number); `progress` 0–1. */
export type MetricRow = RowOf<typeof METRICS_SHEET>;
export type AdrRow = RowOf<typeof ADR_SHEET>;
export type NotDoingRow = RowOf<typeof NOT_DOING_SHEET>;
export type VelocityRow = RowOf<typeof VELOCITY_SHEET>;

/** A row of the Team Scoring sheet: the project, its theme, the ratings and the "Discuss …" flag ("" when the raters agree). */
export type TeamRow = RowOf<typeof TEAM_SHEET>;
/** A row of the Technical Debt sheet: the area, its theme, the hours, and the payback (weeks) and decision. */
export type DebtRow = RowOf<typeof DEBT_SHEET>;

/** A row of the Organization & Ways of Working sheet (catalogue/organization.ts: which columns each section uses). */
export type OrgRow = RowOf<typeof ORGANIZATION_SHEET>;
/** One line of the Progress History sheet: a value recorded by "Record snapshot". */
export type HistoryRow = RowOf<typeof HISTORY_SHEET>;

export interface StrategyData {
  context: ContextRow[];
  health: HealthRow[];
  themes: ThemeRow[];
  principles: PrincipleRow[];
  projects: ProjectRow[];
  roadmap: RoadmapRow[];
  metrics: MetricRow[];
  velocity: VelocityRow[];
  adrs: AdrRow[];
  notDoing: NotDoingRow[];
  history: HistoryRow[];
  org: OrgRow[];
  team: TeamRow[];
  debt: DebtRow[];
  /** The Prioritization sheet's "First quarter" setting, when the workbook has the sheet. */
  planStart?: string;
  /** The Prioritization sheet's "Top N (rank stability)" setting, when the workbook has the sheet. */
  topN?: number;
}

/** A StrategyData with every list empty (fresh arrays: readers push into them). */
export function emptyData(): StrategyData {
  return {
    context: [],
    health: [],
    themes: [],
    principles: [],
    projects: [],
    roadmap: [],
    metrics: [],
    velocity: [],
    adrs: [],
    notDoing: [],
    history: [],
    org: [],
    team: [],
    debt: [],
  };
}

/** A metric's name: its technical metric, else its business metric. */
export function metricName(m: Pick<MetricRow, 'technical' | 'business'>): string {
  return (m.technical || m.business).trim();
}

/** A metric as the document names it: the business metric, with the technical metric beside it in brackets. */
export function metricTitle(m: Pick<MetricRow, 'technical' | 'business'>): string {
  const [business, technical] = [m.business.trim(), m.technical.trim()];
  if (business !== '' && technical !== '' && business.toLowerCase() !== technical.toLowerCase())
    return `${business} (${technical})`;
  return business || technical;
}
