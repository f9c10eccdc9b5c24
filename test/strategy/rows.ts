/**
 * Rows of the strategy's sheets as a person leaves them (test/strategy): every text column blank but the ones given,
 * numbers and dates absent unless given. The suites build StrategyData from these, row by row.
 */
import type {
  AdrRow,
  ContextRow,
  DebtRow,
  HealthRow,
  HistoryRow,
  MetricRow,
  NotDoingRow,
  OrgRow,
  ProjectRow,
  RoadmapRow,
  TeamRow,
  ThemeRow,
} from '../../shared/strategy/data';

export const theme = (name: string, more: Partial<ThemeRow> = {}): ThemeRow => ({
  name,
  driver: '',
  implication: '',
  criteria: '',
  timeline: '',
  owner: '',
  ...more,
});
/** A Technical Health row: its dimension, evidence and impact blank unless given, no rating unless given. */
export const health = (dimension: string, more: Partial<HealthRow> = {}): HealthRow =>
  ({ dimension, evidence: '', impact: '', ...more }) as HealthRow;

export const metric = (business: string, technical: string, more: Partial<MetricRow> = {}): MetricRow => ({
  theme: '',
  business,
  technical,
  baseline: '',
  current: '',
  target: '',
  timeline: '',
  status: '',
  ...more,
});
export const org = (section: string, item: string, more: Partial<OrgRow> = {}): OrgRow => ({
  section,
  item,
  detail: '',
  owner: '',
  quarter: '',
  status: '',
  neededFor: '',
  ...more,
});
export const roadmap = (initiative: string, more: Partial<RoadmapRow> = {}): RoadmapRow => ({
  initiative,
  theme: '',
  quarter: '',
  owner: '',
  status: '',
  dependsOn: '',
  ...more,
});
export const project = (name: string, more: Partial<ProjectRow> = {}): ProjectRow => ({
  project: name,
  theme: '',
  quadrant: '',
  quarter: '',
  owner: '',
  commitment: '',
  ...more,
});
export const context = (section: string, item: string, more: Partial<ContextRow> = {}): ContextRow => ({
  section,
  item,
  detail: '',
  owner: '',
  theme: '',
  ...more,
});
export const history = (date: number, kind: string, name: string, value: number, shown: string): HistoryRow => ({
  date,
  kind,
  name,
  value,
  shown,
});
export const adr = (number: string, title: string, more: Partial<AdrRow> = {}): AdrRow => ({
  number,
  title,
  status: '',
  deciders: '',
  theme: '',
  ...more,
});
export const notDoing = (item: string, more: Partial<NotDoingRow> = {}): NotDoingRow => ({
  item,
  why: '',
  theme: '',
  ...more,
});
export const teamRow = (project: string, discuss: string): TeamRow => ({ project, theme: '', discuss }) as TeamRow;
export const debt = (area: string, decision: string, more: Partial<DebtRow> = {}): DebtRow => ({
  area,
  theme: '',
  decision,
  ...more,
});
