/**
 * The strategy as data: the rows of the workbook's sheets as a person typed them (plus the few values the
 * sheets compute per row), independent of where they came from (an .xlsx read by the CLI, a formula
 * engine in tests, a host). Dates are spreadsheet serial days; blanks are "" or undefined.
 * The review (review.ts) and the strategy document (model.ts) are pure functions of it.
 */

export interface ContextRow {
  section: string;
  item: string;
  detail: string;
  deadline?: number;
  owner: string;
  /** For objectives: the strategic theme that serves it. */
  theme: string;
}

export interface HealthRow {
  dimension: string;
  rating?: number;
  evidence: string;
  impact: string;
  target?: number;
}

export interface ThemeRow {
  name: string;
  driver: string;
  implication: string;
  criteria: string;
  timeline: string;
  owner: string;
}

export interface PrincipleRow {
  principle: string;
  stance: string;
  practice: string;
}

export interface ProjectRow {
  project: string;
  theme: string;
  impact?: number;
  urgency?: number;
  effort?: number;
  risk?: number;
  owner: string;
  /** Computed by the sheet (cached in the file) or by the core. */
  score?: number;
  quadrant: string;
  quarter: string;
  /** Computed: Commit, Stretch or Won't fit (the odds that it and all ranked above fit one quarter), "" when unscored. */
  commitment: string;
}

/** A row of the Team Scoring sheet: the project and its computed "Discuss …" flag ("" when the raters agree). */
export interface TeamRow {
  project: string;
  discuss: string;
}

/** A row of the Technical Debt sheet: the area, its theme, and the computed payback (weeks) and decision. */
export interface DebtRow {
  area: string;
  theme: string;
  payback?: number;
  decision: string;
}

export interface RoadmapRow {
  initiative: string;
  theme: string;
  quarter: string;
  owner: string;
  start?: number;
  end?: number;
  status: string;
  /** The initiative this one waits for (its name), "" when none. */
  dependsOn: string;
}

export interface MetricRow {
  theme: string;
  business: string;
  technical: string;
  /** As written: "$0", "N/A", "<200ms", or a number. */
  baseline: string | number;
  current: string | number;
  target: string | number;
  timeline: string;
  start?: number;
  due?: number;
  /** Computed (0–1) or undefined when it cannot be measured. */
  progress?: number;
  status: string;
}

export interface AdrRow {
  number: string;
  title: string;
  status: string;
  date?: number;
  deciders: string;
  theme: string;
  review?: number;
}

export interface NotDoingRow {
  item: string;
  why: string;
  theme: string;
  revisit?: number;
}

export interface VelocityRow {
  metric: string;
  current: string | number;
  level: string;
  targetLevel: string;
}

/** A row of the Organization & Ways of Working sheet (catalogue/organization.ts: which columns each section uses). */
export interface OrgRow {
  section: string;
  item: string;
  detail: string;
  owner: string;
  count?: number;
  quarter: string;
  status: string;
  amount?: number;
  /** Computed: a budget line's share of the budget total (0–1). */
  share?: number;
  date?: number;
  /** Hire: the roadmap initiative that needs the role. */
  neededFor?: string;
}

/** One line of the Progress History sheet: a value recorded by "Record snapshot". */
export interface HistoryRow {
  date: number;
  kind: string;
  name: string;
  value?: number;
  shown: string;
}

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
