/**
 * Each initiative once: the roadmap's items joined by name with the prioritized plan (Prioritization sheet),
 * for the strategy document (Markdown and the Strategy Document sheet, whose native formulas follow the same
 * rules: templates/document.ts).
 *
 * - A roadmap item is listed with its own theme, quarter, owner and status (the roadmap wins over the plan); one
 *   with a blank Quarter stands in the plan quarter its Start falls in (plan-position.ts roadmapRowQuarter).
 * - A planned project not on the roadmap follows, with its planned quarter and the status "Planned"; it stands in
 *   the roadmap's quarter of the same place in the plan (the plan's first quarter is the roadmap's Q1, as
 *   "Add planned projects to the roadmap" and the review read it: plan-position.ts), so "Q4 2026" planned from a
 *   First quarter of "Q4 2026" is listed under Q1.
 * - A project the scorecard puts in "Don't Do" is never an initiative (also not when the roadmap names it): it
 *   belongs under "What we're not doing" (notDoingProjects).
 * Names are compared as spreadsheets compare them: trimmed, case-insensitive.
 */
import { QUADRANT_TEXT } from '../scoring/quadrant';
import type { QuarterStart } from '../scoring/plan';
import type { StrategyData } from './data';
import { planPosition, planStart, roadmapRowQuarter } from './plan-position';

export const DONT_DO = QUADRANT_TEXT['time-sink'].action;
/** The status of a planned project that is not on the roadmap yet. */
export const PLANNED_STATUS = 'Planned';

export interface Initiative {
  name: string;
  theme: string;
  quarter: string;
  /** The roadmap quarter it is listed under ("Q1"…"Q4"), or its own label when the plan puts it elsewhere. */
  roadmapQuarter: string;
  owner: string;
  status: string;
  /** The initiative it waits for (roadmap items only). */
  dependsOn: string;
  /** True when it comes from the plan only (not on the roadmap). */
  planned: boolean;
}

const key = (s: string): string => s.trim().toLowerCase();

const byName = new WeakMap<
  StrategyData['roadmap'],
  { length: number; map: Map<string, StrategyData['roadmap'][number]> }
>();

/** The first roadmap item of a name (as MATCH finds it), from an index built once per roadmap (linear checks). */
export function roadmapItemNamed(d: StrategyData, name: string): StrategyData['roadmap'][number] | undefined {
  let hit = byName.get(d.roadmap);
  if (!hit || hit.length !== d.roadmap.length) {
    const map = new Map<string, StrategyData['roadmap'][number]>();
    for (const r of d.roadmap) if (!map.has(key(r.initiative))) map.set(key(r.initiative), r);
    hit = { length: d.roadmap.length, map };
    byName.set(d.roadmap, hit);
  }
  return hit.map.get(key(name));
}

/** The names of the "Don't Do" projects (as keys). */
function dontDoKeys(d: StrategyData): Set<string> {
  return new Set(
    d.projects.filter((p) => p.project.trim() !== '' && key(p.quadrant) === key(DONT_DO)).map((p) => key(p.project)),
  );
}

/** Every initiative once, roadmap items first (in roadmap order), then planned projects not on the roadmap. */
export function initiatives(d: StrategyData): Initiative[] {
  const dont = dontDoKeys(d);
  const onRoadmap = new Set(d.roadmap.map((r) => key(r.initiative)));
  const start = planStart(d);
  const fromRoadmap = d.roadmap
    .filter((r) => r.initiative.trim() !== '' && !dont.has(key(r.initiative)))
    .map((r) => ({
      name: r.initiative.trim(),
      theme: r.theme.trim(),
      quarter: r.quarter.trim(),
      roadmapQuarter: roadmapRowQuarter(r, start),
      owner: r.owner.trim(),
      status: r.status.trim(),
      dependsOn: r.dependsOn.trim(),
      planned: false,
    }));
  const fromPlan = d.projects
    .filter((p) => p.project.trim() !== '' && !dont.has(key(p.project)) && !onRoadmap.has(key(p.project)))
    .map((p) => ({
      name: p.project.trim(),
      theme: p.theme.trim(),
      quarter: p.quarter.trim(),
      roadmapQuarter: roadmapQuarterOf(p.quarter, start),
      owner: p.owner.trim(),
      status: PLANNED_STATUS,
      dependsOn: '',
      planned: true,
    }));
  return [...fromRoadmap, ...fromPlan];
}

/** The roadmap quarter of a planned quarter label: "Q<n>" for the plan's n-th quarter (1–4), else the label. */
function roadmapQuarterOf(label: string, start: QuarterStart | undefined): string {
  const pos = planPosition(label, start);
  return pos !== undefined && pos >= 1 && pos <= 4 ? `Q${pos}` : label.trim();
}

/** The "Don't Do" projects the What We're Not Doing list does not name already, in plan order. */
export function notDoingProjects(d: StrategyData): StrategyData['projects'] {
  const listed = new Set(d.notDoing.map((n) => key(n.item)));
  return d.projects.filter(
    (p) => p.project.trim() !== '' && key(p.quadrant) === key(DONT_DO) && !listed.has(key(p.project)),
  );
}

/**
 * Why a "Don't Do" project is not done, as the document says it (a quadrant needs both impact and effort): the values
 * the quadrant used (the team's with "Use team scores").
 */
export function dontDoReason(p: { impactUsed?: number; effortUsed?: number }): string {
  return `${DONT_DO} in the prioritization (impact ${p.impactUsed ?? ''}, effort ${p.effortUsed ?? ''})`;
}

/** Sort key of a quarter label: "Q1" … "Q4", "Q1 Y2", "Q3 2027"; anything else after them, in text order. */
export function quarterOrder(q: string): [number, number, string] {
  const m = /^Q([1-4])(?:\s+(?:Y(\d+)|(\d{4})))?$/i.exec(q.trim());
  if (!m) return [Number.MAX_SAFE_INTEGER, 0, q];
  const year = m[3] !== undefined ? Number(m[3]) : m[2] !== undefined ? Number(m[2]) : 1;
  return [year, Number(m[1]), ''];
}

export function compareQuarters(a: string, b: string): number {
  const [x, y] = [quarterOrder(a), quarterOrder(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
}
