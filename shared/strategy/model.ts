/**
 * The strategy document as a model, in the seed guide's recommended structure (step 7 and its template):
 * executive summary, business context, strategic themes, technical principles, roadmap by quarter, what we
 * are not doing and why, metrics (current vs target, change since the previous snapshot), organization and
 * resources, and the review's open findings. Built from StrategyData only (pure); markdown.ts renders it.
 * Where the workbook has no data a section says so with a placeholder.
 */
import { serialToDate } from '../core/args';
import { notADate } from '../core/messages';
import { reviewStrategy, STATUS_MARK } from './checks';
import { metricName, metricTitle, type StrategyData } from './data';
import { compareQuarters, DONT_DO, dontDoReason, initiatives, notDoingProjects, type Initiative } from './initiatives';
import { budgetShare, budgetTotal, cadenceDays, documentTitle, orgFirst, orgRows, orgText } from './organization';
import { ORG } from '../catalogue/organization';
import { COMMIT_TEXT, STRETCH_TEXT, WONT_FIT_TEXT } from '../catalogue/prioritization';
import { DEFAULT_START_TEXT } from '../scoring/plan';
import { snapshotChanges, type DocChanges } from './changes';
import { metricNumber, overallHealth, themeCompletion } from './snapshot';
import { rowsOfTheme, sameName, themeKey } from './theme-index';
import { weightSensitivity, type DocSensitivity } from './weight-sensitivity';

export interface DocTheme {
  name: string;
  driver: string;
  implication: string;
  criteria: string;
  timeline: string;
  owner: string;
  complete?: number;
  metrics: { name: string; current: string; target: string; status: string }[];
  initiatives: { name: string; owner: string; when: string; status: string }[];
}

export interface DocMetric {
  theme: string;
  /** The business metric with the technical metric beside it (metricTitle). */
  name: string;
  business: string;
  technical: string;
  baseline: string;
  current: string;
  target: string;
  progress?: number;
  status: string;
}

export interface StrategyDocument {
  title: string;
  asOf: string;
  themes: DocTheme[];
  objectives: { item: string; detail: string; theme: string; deadline: string }[];
  constraints: { item: string; detail: string; deadline: string }[];
  criticalMetrics: string[];
  health: { dimension: string; rating: string; evidence: string; impact: string }[];
  healthScore?: { score: number; status: string };
  principles: { principle: string; stance: string; practice: string }[];
  quarters: {
    quarter: string;
    items: { initiative: string; theme: string; owner: string; status: string; dependsOn: string }[];
  }[];
  notDoing: { item: string; why: string; revisit: string }[];
  metrics: DocMetric[];
  owners: { owner: string; owns: string[] }[];
  findings: { status: string; check: string; count: number; items: string; advice: string }[];
  checksRun: number;
  /** The latest progress snapshot against the previous one (Progress History). */
  changes: DocChanges;
  /** The Organization & Ways of Working sheet. */
  org: DocOrganization;
  /** Undefined when no project has odds (no Prioritization sheet, or nothing scored). */
  commitments?: DocCommitments;
  /** How much the plan's top N hangs on the weights; undefined when no project is scored. */
  sensitivity?: DocSensitivity;
}

/**
 * The plan's 85 % line: the projects of the plan's first quarter by Commitment (Prioritization), in row order; a
 * "Don't Do" project is a trade-off (What We're Not Doing), never a commitment.
 */
export interface DocCommitments {
  /** The plan's First quarter setting ("Q4 2026"; "Q1" when blank). */
  quarter: string;
  commit: string[];
  stretch: string[];
  wontFit: string[];
}

export interface DocOrganization {
  vision: string;
  horizon: string;
  outcomes: string[];
  currentState: string[];
  teams: { team: string; owner: string; headcount?: number; remit: string }[];
  hires: { role: string; count?: number; quarter: string; neededFor: string; status: string; owner: string }[];
  budgetTotal?: { item: string; amount: number };
  budgetLines: { line: string; amount?: number; share?: number }[];
  vendors: { vendor: string; purpose: string; renewal: string }[];
  decisions: string[];
  communication: string[];
  reviews: string[];
  cadenceDays: number;
}

function docOrganization(d: StrategyData): DocOrganization {
  const items = (section: string): string[] => orgRows(d, section).map((r) => r.item);
  const total = budgetTotal(d);
  return {
    vision: orgText(d, ORG.vision),
    horizon: orgText(d, ORG.horizon),
    outcomes: items(ORG.outcome),
    currentState: items(ORG.currentState),
    teams: orgRows(d, ORG.team).map((r) => ({ team: r.item, owner: r.owner, headcount: r.count, remit: r.detail })),
    hires: orgRows(d, ORG.hire).map((r) => ({
      role: r.item,
      count: r.count,
      quarter: r.quarter,
      neededFor: r.neededFor ?? '',
      status: r.status,
      owner: r.owner,
    })),
    budgetTotal: total === undefined ? undefined : { item: orgFirst(d, ORG.budgetTotal)?.item ?? '', amount: total },
    budgetLines: orgRows(d, ORG.budgetLine).map((r) => ({ line: r.item, amount: r.amount, share: budgetShare(d, r) })),
    vendors: orgRows(d, ORG.vendor).map((r) => ({ vendor: r.item, purpose: r.detail, renewal: isoDate(r.date) })),
    decisions: items(ORG.decisions),
    communication: items(ORG.communication),
    reviews: items(ORG.cadence),
    cadenceDays: cadenceDays(d),
  };
}

/** A serial day as YYYY-MM-DD; a number no date can be (far out of range, not finite) is shown as such, said. */
export function isoDate(serial: number | undefined): string {
  if (serial === undefined) return '';
  const d = serialToDate(serial);
  const year = d.getUTCFullYear();
  return Number.isFinite(year) && year >= 1 && year <= 9999 ? d.toISOString().slice(0, 10) : notADate(serial);
}

const shown = (v: string | number): string => String(v).trim();

function docThemes(d: StrategyData): DocTheme[] {
  // Each theme's initiatives from one pass (N themes against N initiatives stays O(N), as theme-index.ts does).
  const work = new Map<string, Initiative[]>();
  for (const w of initiatives(d)) {
    const list = work.get(themeKey(w.theme));
    if (list) list.push(w);
    else work.set(themeKey(w.theme), [w]);
  }
  return d.themes
    .filter((t) => t.name !== '')
    .map((t) => ({
      ...t,
      complete: themeCompletion(d, t.name),
      metrics: rowsOfTheme(d, 'metrics', t.name)
        .filter((m) => metricName(m) !== '')
        .map((m) => ({ name: metricTitle(m), current: shown(m.current), target: shown(m.target), status: m.status })),
      initiatives: (work.get(themeKey(t.name)) ?? []).map((w) => ({
        name: w.name,
        owner: w.owner,
        when: w.quarter,
        status: w.status,
      })),
    }));
}

/** Every initiative once (initiatives.ts) by quarter, in quarter order; "No quarter" last. */
function quarters(d: StrategyData): StrategyDocument['quarters'] {
  const by = new Map<string, StrategyDocument['quarters'][number]['items']>();
  for (const w of initiatives(d)) {
    const q = w.roadmapQuarter || 'No quarter';
    if (!by.has(q)) by.set(q, []);
    by.get(q)!.push({ initiative: w.name, theme: w.theme, owner: w.owner, status: w.status, dependsOn: w.dependsOn });
  }
  const last = (q: string): number => (q === 'No quarter' ? 1 : 0);
  return [...by.keys()]
    .sort((a, b) => last(a) - last(b) || compareQuarters(a, b))
    .map((quarter) => ({ quarter, items: by.get(quarter)! }));
}

function commitments(d: StrategyData): DocCommitments | undefined {
  const named = (what: string): string[] =>
    d.projects
      .filter((p) => p.project !== '' && sameName(p.commitment, what) && !sameName(p.quadrant, DONT_DO))
      .map((p) => p.project);
  const c = {
    quarter: d.planStart ?? DEFAULT_START_TEXT,
    commit: named(COMMIT_TEXT),
    stretch: named(STRETCH_TEXT),
    wontFit: named(WONT_FIT_TEXT),
  };
  return c.commit.length + c.stretch.length + c.wontFit.length === 0 ? undefined : c;
}

/** The placeholder of the 85 % line when no project has odds. */
export const NO_COMMITMENTS = 'Projects that fit the first quarter at 85 %';

/**
 * The 85 % line as one sentence: "Q4 2026 at 85 %: Commit SSO; Stretch none; Won't fit Analytics, Refactor" (the
 * Strategy Document sheet's line and the Markdown roadmap's).
 */
export function commitmentText(c: DocCommitments): string {
  const names = (xs: string[]): string => (xs.length === 0 ? 'none' : xs.join(', '));
  return `${c.quarter} at 85 %: ${COMMIT_TEXT} ${names(c.commit)}; ${STRETCH_TEXT} ${names(c.stretch)}; ${WONT_FIT_TEXT} ${names(c.wontFit)}`;
}

function owners(d: StrategyData): StrategyDocument['owners'] {
  const m = new Map<string, Set<string>>();
  const add = (owner: string, what: string): void => {
    if (owner.trim() === '') return;
    if (!m.has(owner)) m.set(owner, new Set());
    m.get(owner)!.add(what);
  };
  for (const t of d.themes) if (t.name) add(t.owner, `theme ${t.name}`);
  for (const w of initiatives(d)) add(w.owner, w.name);
  return [...m.entries()].map(([owner, owns]) => ({ owner, owns: [...owns] }));
}

/** Builds the document for the strategy as of `today` (a serial day); the title defaults to the workbook's (documentTitle). */
export function strategyDocument(d: StrategyData, today: number, title?: string): StrategyDocument {
  const section = (s: string) => d.context.filter((c) => sameName(c.section, s) && c.item !== '');
  const findings = reviewStrategy(d, today).filter((f) => f.status !== STATUS_MARK.pass);
  return {
    title: title ?? documentTitle(d),
    asOf: isoDate(today),
    themes: docThemes(d),
    objectives: section('Objective').map((c) => ({
      item: c.item,
      detail: c.detail,
      theme: c.theme,
      deadline: isoDate(c.deadline),
    })),
    constraints: section('Constraint').map((c) => ({ item: c.item, detail: c.detail, deadline: isoDate(c.deadline) })),
    criticalMetrics: section('Critical Metric').map((c) => c.item),
    health: d.health
      .filter((h) => h.dimension !== '' && (h.rating !== undefined || h.evidence !== ''))
      .map((h) => ({
        dimension: h.dimension,
        rating: h.rating === undefined ? '' : `${h.rating}/5`,
        evidence: h.evidence,
        impact: h.impact,
      })),
    healthScore: overallHealth(d),
    principles: d.principles.filter((p) => p.principle !== ''),
    quarters: quarters(d),
    notDoing: [
      ...d.notDoing
        .filter((n) => n.item !== '')
        .map((n) => ({ item: n.item, why: n.why, revisit: isoDate(n.revisit) })),
      ...notDoingProjects(d).map((p) => ({ item: p.project, why: dontDoReason(p), revisit: '' })),
    ],
    metrics: d.metrics
      .filter((m) => metricName(m) !== '')
      .map((m) => ({
        theme: m.theme,
        name: metricTitle(m),
        business: m.business,
        technical: m.technical,
        baseline: shown(m.baseline),
        current: shown(m.current),
        target: shown(m.target),
        progress: m.progress,
        status: m.status,
      })),
    owners: owners(d),
    findings: findings.map((f) => ({
      status: f.status,
      check: f.check.check,
      count: f.count,
      items: f.items,
      advice: f.check.advice,
    })),
    checksRun: reviewStrategy(d, today).length,
    changes: snapshotChanges(d.history),
    org: docOrganization(d),
    commitments: commitments(d),
    sensitivity: weightSensitivity(d),
  };
}

export { metricNumber };
