/**
 * The template catalogue: what the sidebar and task pane list, and the one entry point that compiles a
 * template into a render plan. Adding a template = one spec file in catalogue/ plus one entry here.
 */
import { compileSpec } from '../compiler/compile';
import { todaySerial } from '../spec/example-dates';
import type { RenderPlan } from '../plan/plan';
import type { SheetSpec, TemplateSpec } from '../spec/spec';
import { ADR_SHEET } from '../catalogue/adr';
import { BUSINESS_CONTEXT_SHEET } from '../catalogue/business-context';
import { DASHBOARD_SHEET } from '../catalogue/dashboard';
import { HEALTH_SHEET, HEALTH_SHEET_WITH_DEBT } from '../catalogue/health';
import { METRICS_SHEET } from '../catalogue/metrics';
import { NOT_DOING_SHEET } from '../catalogue/not-doing';
import { PRINCIPLES_SHEET } from '../catalogue/principles';
import { PRIORITIZATION_SHEET } from '../catalogue/prioritization';
import { PRIORITIZATION_SHEET_WITH_TEAM } from '../catalogue/prioritization-team';
import { ROADMAP_SHEET } from '../catalogue/roadmap';
import { THEMES_SHEET } from '../catalogue/themes';
import { VELOCITY_SHEET } from '../catalogue/velocity';
import { HISTORY_SHEET } from '../catalogue/history';
import { REVIEW_SHEET } from './review';
import { DOCUMENT_SHEET } from './document';
import { ORGANIZATION_SHEET } from '../catalogue/organization';
import { DEBT_SHEET } from '../catalogue/debt';
import { TEAM_SHEET } from '../catalogue/team';
import { START_SHEET } from './start';

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  /** Names of the sheets it creates (before any "(2)" suffix for clashes). */
  sheets: string[];
}

const ENTRIES: TemplateSpec[] = [
  // The full workbook first: what most people want, at the top of the list.
  {
    id: 'strategy-workbook',
    name: 'Full Strategy Workbook',
    description:
      "Every template in one workbook, cross-linked: themes feed the prioritization, roadmap, metrics, ADR and not-doing sheets; the dashboard sums them up, the Strategy Review checks them against the guide's pitfalls, Progress History keeps the snapshots.",
    sheets: [
      START_SHEET,
      DASHBOARD_SHEET,
      BUSINESS_CONTEXT_SHEET,
      ORGANIZATION_SHEET,
      HEALTH_SHEET_WITH_DEBT,
      DEBT_SHEET,
      THEMES_SHEET,
      PRINCIPLES_SHEET,
      PRIORITIZATION_SHEET_WITH_TEAM,
      TEAM_SHEET,
      ROADMAP_SHEET,
      METRICS_SHEET,
      VELOCITY_SHEET,
      ADR_SHEET,
      NOT_DOING_SHEET,
      REVIEW_SHEET,
      HISTORY_SHEET,
      DOCUMENT_SHEET,
    ],
    activate: 'start',
  },
  {
    id: 'business-context',
    name: 'Business Context',
    description:
      'Strategic objectives, key constraints (budget, timeline, compliance) and the critical business metrics.',
    sheets: [BUSINESS_CONTEXT_SHEET],
  },
  {
    id: 'organization',
    name: 'Organization & Ways of Working',
    description:
      "The rest of the guide's strategy document: company and year, vision, timeline horizon, expected outcomes, current state, teams, hiring plan, budget breakdown, key vendors, and how we work (decisions, communication, review cadence).",
    sheets: [ORGANIZATION_SHEET],
  },
  {
    id: 'health-scorecard',
    name: 'Technical Health Scorecard',
    description:
      'Six dimensions rated 1–5 with evidence and impact; overall score and status (Critical / At risk / Healthy / Strong).',
    sheets: [HEALTH_SHEET],
  },
  {
    id: 'themes',
    name: 'Strategic Themes',
    description:
      'Themes with business driver, technical implication, success criteria, timeline and owner; the names feed drop-downs elsewhere.',
    sheets: [THEMES_SHEET],
  },
  {
    id: 'principles',
    name: 'Technical Principles',
    description:
      'Opinionated decision guidelines: the principle, the trade-off it takes, and what it means in practice.',
    sheets: [PRINCIPLES_SHEET],
  },
  {
    id: 'prioritization',
    name: 'Project Prioritization Scorecard',
    description:
      'Impact, urgency, effort and risk per project; live priority score, rank, quadrant and a capacity-based quarter plan.',
    sheets: [PRIORITIZATION_SHEET],
  },
  {
    id: 'roadmap',
    name: 'Roadmap',
    description: 'Four quarters of initiatives with theme, owner, start and end dates and status.',
    sheets: [ROADMAP_SHEET],
  },
  {
    id: 'metrics',
    name: 'Metrics Dashboard',
    description:
      'Business and technical metrics per theme, baseline → current → target written as people write them ("$0" → "$1M", "<200ms"), live progress and status.',
    sheets: [METRICS_SHEET],
  },
  {
    id: 'velocity',
    name: 'Engineering Velocity (DORA)',
    description:
      'The four DORA metrics with their current value and live Elite / High / Medium / Low level against a target level.',
    sheets: [VELOCITY_SHEET],
  },
  {
    id: 'adr-log',
    name: 'ADR Log',
    description:
      'Architecture decision records: status, date, deciders, theme, context, decision, consequences, alternatives, review date.',
    sheets: [ADR_SHEET],
  },
  {
    id: 'not-doing',
    name: "What We're Not Doing",
    description: 'The explicit trade-offs: what the strategy deprioritises, why, and when to revisit.',
    sheets: [NOT_DOING_SHEET],
  },
  {
    id: 'progress-dashboard',
    name: 'Progress Dashboard',
    description:
      'Per theme: % complete, on/off track, metric progress, active projects and owners, calculated from the themes, prioritization, roadmap and metrics sheets (inserted with it).',
    sheets: [DASHBOARD_SHEET, THEMES_SHEET, PRIORITIZATION_SHEET, ROADMAP_SHEET, METRICS_SHEET],
    activate: 'dashboard',
  },
  {
    id: 'strategy-review',
    name: 'Strategy Review',
    description:
      "The guide's common pitfalls checked live: work without a theme or owner, overdue roadmap items, themes without metrics, objectives no theme serves, no trade-offs, stale decisions, no recent snapshot, scores the raters still disagree on, debt worth fixing now that no roadmap holds; with the sheets it checks.",
    sheets: [
      REVIEW_SHEET,
      BUSINESS_CONTEXT_SHEET,
      ORGANIZATION_SHEET,
      THEMES_SHEET,
      PRIORITIZATION_SHEET_WITH_TEAM,
      TEAM_SHEET,
      DEBT_SHEET,
      ROADMAP_SHEET,
      METRICS_SHEET,
      ADR_SHEET,
      NOT_DOING_SHEET,
      HISTORY_SHEET,
    ],
    activate: 'review',
  },
  {
    id: 'technical-debt',
    name: 'Technical Debt',
    description:
      'Debt items by area and symptom (bug density, slow development, limits growth): yearly cost of continuing, cost of addressing, payback in weeks and a decision (Address now / Plan / Live with it); the share of team time lost to debt.',
    sheets: [DEBT_SHEET],
  },
  {
    id: 'team-scoring',
    name: 'Team Scoring',
    description:
      "Several raters score each project's impact, urgency, effort and risk: the team's median per criterion, a team priority score, the largest spread and a Discuss flag naming the raters furthest apart.",
    sheets: [TEAM_SHEET],
  },
];

function entry(id: string): TemplateSpec {
  const e = ENTRIES.find((x) => x.id === id);
  if (!e) throw new Error(`Unknown template "${id}"`);
  return e;
}

export const TEMPLATES: TemplateInfo[] = ENTRIES.map((e) => ({
  id: e.id,
  name: e.name,
  description: e.description,
  sheets: e.sheets.map((s) => s.name),
}));

/** The sheet specs of a template, in insertion order (for tests, charts and the preview). */
export function templateSheets(id: string): SheetSpec[] {
  return entry(id).sheets;
}

/**
 * Compiles a template to a host-neutral render plan. `now` is the moment of insertion (default: the
 * clock), read by its local calendar: the example's dates are placed from that day. Throws
 * `Unknown template "x"` for an unknown id.
 */
export function compileTemplate(id: string, options: { example: boolean; now?: Date }): RenderPlan {
  return compileSpec(entry(id), { example: !!options.example, today: todaySerial(options.now ?? new Date()) });
}
