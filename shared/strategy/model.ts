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
import { metricName, type StrategyData } from './data';
import { snapshotChanges, type DocChanges } from './changes';
import { metricNumber, overallHealth, themeCompletion } from './snapshot';
import { rowsOfTheme } from './theme-index';

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
  name: string;
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
  quarters: { quarter: string; items: { initiative: string; theme: string; owner: string; status: string }[] }[];
  notDoing: { item: string; why: string; revisit: string }[];
  metrics: DocMetric[];
  owners: { owner: string; owns: string[] }[];
  findings: { status: string; check: string; count: number; items: string; advice: string }[];
  checksRun: number;
  /** The latest progress snapshot against the previous one (Progress History). */
  changes: DocChanges;
}

/** A serial day as YYYY-MM-DD; a number no date can be (far out of range, not finite) is shown as such, said. */
export function isoDate(serial: number | undefined): string {
  if (serial === undefined) return '';
  const d = serialToDate(serial);
  const year = d.getUTCFullYear();
  return Number.isFinite(year) && year >= 1 && year <= 9999 ? d.toISOString().slice(0, 10) : notADate(serial);
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const shown = (v: string | number): string => String(v).trim();

function docThemes(d: StrategyData): DocTheme[] {
  return d.themes
    .filter((t) => t.name !== '')
    .map((t) => ({
      ...t,
      complete: themeCompletion(d, t.name),
      metrics: rowsOfTheme(d, 'metrics', t.name)
        .filter((m) => metricName(m) !== '')
        .map((m) => ({ name: metricName(m), current: shown(m.current), target: shown(m.target), status: m.status })),
      initiatives: [
        ...rowsOfTheme(d, 'projects', t.name)
          .filter((p) => p.project !== '')
          .map((p) => ({ name: p.project, owner: p.owner, when: p.quarter, status: p.quadrant })),
        ...rowsOfTheme(d, 'roadmap', t.name)
          .filter((r) => r.initiative !== '')
          .map((r) => ({ name: r.initiative, owner: r.owner, when: r.quarter, status: r.status })),
      ],
    }));
}

function quarters(d: StrategyData): StrategyDocument['quarters'] {
  const order: string[] = [];
  const by = new Map<string, StrategyDocument['quarters'][number]['items']>();
  for (const r of d.roadmap) {
    if (r.initiative === '') continue;
    const q = r.quarter || 'No quarter';
    if (!by.has(q)) {
      by.set(q, []);
      order.push(q);
    }
    by.get(q)!.push({ initiative: r.initiative, theme: r.theme, owner: r.owner, status: r.status });
  }
  const rank = (q: string): string => (q === 'No quarter' ? '~' : q);
  return order.sort((a, b) => rank(a).localeCompare(rank(b))).map((quarter) => ({ quarter, items: by.get(quarter)! }));
}

function owners(d: StrategyData): StrategyDocument['owners'] {
  const m = new Map<string, Set<string>>();
  const add = (owner: string, what: string): void => {
    if (owner.trim() === '') return;
    if (!m.has(owner)) m.set(owner, new Set());
    m.get(owner)!.add(what);
  };
  for (const t of d.themes) if (t.name) add(t.owner, `theme ${t.name}`);
  for (const r of d.roadmap) if (r.initiative) add(r.owner, r.initiative);
  for (const p of d.projects) if (p.project) add(p.owner, p.project);
  return [...m.entries()].map(([owner, owns]) => ({ owner, owns: [...owns] }));
}

/** Builds the document for the strategy as of `today` (a serial day). */
export function strategyDocument(d: StrategyData, today: number, title = 'Technical Strategy'): StrategyDocument {
  const section = (s: string) => d.context.filter((c) => same(c.section, s) && c.item !== '');
  const findings = reviewStrategy(d, today).filter((f) => f.status !== STATUS_MARK.pass);
  return {
    title,
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
    notDoing: d.notDoing
      .filter((n) => n.item !== '')
      .map((n) => ({ item: n.item, why: n.why, revisit: isoDate(n.revisit) })),
    metrics: d.metrics
      .filter((m) => metricName(m) !== '')
      .map((m) => ({
        theme: m.theme,
        name: metricName(m),
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
  };
}

export { metricNumber };
