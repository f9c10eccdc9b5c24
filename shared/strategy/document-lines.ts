/**
 * The text of each line of the Strategy Document sheet (shared/templates/document.ts DOCUMENT_LINES,
 * same order), computed by the core from the workbook's data: what the sheet's native formulas show. The
 * sheet test holds the two equal line by line; the .xlsx writer sizes the sheet's rows to these texts (a
 * file is written without cached formula results, so no spreadsheet program could fit them on opening).
 * Every text goes through `t`, the sheet's TRIM: inner runs of spaces collapsed, a line break typed in a cell kept.
 */
import { commitmentText, isoDate, NO_COMMITMENTS, type StrategyDocument } from './model';
import { weightSensitivityText } from './weight-sensitivity';
import { CHANGE_TEXTS, changesStatus, changeText, roundHalfAway } from './changes';
import { metricName, metricTitle, type StrategyData } from './data';
import { dontDoReason, initiatives, notDoingProjects } from './initiatives';
import { budgetShare, budgetTotal, cadenceDays, orgFirst, orgRows, orgText, thousands } from './organization';
import { planStart, roadmapRowQuarter } from './plan-position';
import { sheetTrim } from '../core/values';
import { ORG } from '../catalogue/organization';
import { HISTORY_KINDS } from '../catalogue/history';
import { ROADMAP_QUARTERS as QUARTERS } from '../catalogue/roadmap';

/** Theme slots and quarters of the sheet (templates/document.ts). */
const THEME_SLOTS = 5;

const t = (s: string | number): string => sheetTrim(String(s));
const same = (a: string, b: string): boolean => t(a).toLowerCase() === t(b).toLowerCase();
const list = (items: string[], placeholder: string): string =>
  items.length > 0 ? items.join('; ') : `[${placeholder}: not in the workbook yet]`;
const opt = (v: string, before: string, after = ''): string => (t(v) === '' ? '' : `${before}${t(v)}${after}`);
/** " (a, b)" of the parts that are not blank, or "". */
const paren = (...parts: string[]): string => {
  const shown = parts.map(t).filter((x) => x !== '');
  return shown.length === 0 ? '' : ` (${shown.join(', ')})`;
};

/** Joins the parts that are not blank with "; " (or the placeholder when all are). */
const joined = (parts: string[], placeholder: string): string =>
  list(
    parts.map(t).filter((x) => x !== ''),
    placeholder,
  );

/** The Organization sheet's items of a section, in row order. */
const items = (d: StrategyData, section: string): string[] => orgRows(d, section).map((r) => t(r.item));

/** Resources: the budget total, the people in teams, the hires planned (organization.ts). */
function resources(d: StrategyData): string {
  const total = budgetTotal(d);
  const teamRows = d.org.filter((r) => same(r.section, ORG.team));
  const people = teamRows.reduce((a, r) => a + (r.count ?? 0), 0);
  const teams = orgRows(d, ORG.team).length;
  const hires = d.org.filter((r) => same(r.section, ORG.hire)).reduce((a, r) => a + (r.count ?? 0), 0);
  return joined(
    [
      total === undefined ? '' : `Budget ${thousands(total)}`,
      teams > 0 ? `${people} people in ${teams} teams` : '',
      hires > 0 ? `${hires} hires planned` : '',
    ],
    'Budget, headcount needs',
  );
}

function summary(d: StrategyData, doc: StrategyDocument): string[] {
  const themes = d.themes.filter((x) => t(x.name) !== '').map((x) => t(x.name));
  // A row counts in its Quarter as typed, or, with a blank Quarter, in the plan quarter its Start falls in.
  const start = planStart(d);
  const count = (q: string): number =>
    d.roadmap.filter(
      (r) => r.quarter.toLowerCase() === q.toLowerCase() || (t(r.quarter) === '' && roadmapRowQuarter(r, start) === q),
    ).length;
  const section = (s: string): string[] =>
    d.context.filter((c) => same(c.section, s) && t(c.item) !== '').map((c) => t(c.item));
  const health = doc.healthScore
    ? `Technical health ${roundHalfAway(doc.healthScore.score, 1)}/5 (${doc.healthScore.status})`
    : '';
  const outcomes = items(d, ORG.outcome);
  const horizon = orgText(d, ORG.horizon);
  return [
    list(orgText(d, ORG.vision) === '' ? [] : [orgText(d, ORG.vision)], 'One sentence on where we are going'),
    list(themes, '3–5 themes'),
    joined([health, ...items(d, ORG.currentState)], 'Technical health scorecard'),
    `${horizon === '' ? '' : `${horizon}. `}Roadmap items by quarter: ${QUARTERS.map((q) => `${q} ${count(q)}`).join(', ')}`,
    resources(d),
    outcomes.length > 0 ? list(outcomes, '') : list(section('Objective'), 'Business impact'),
    `${doc.findings.length} of ${doc.checksRun} checks (see below)`,
    list(section('Objective'), 'Top 3 business goals'),
    list(section('Constraint'), 'Budget, timeline, market'),
    list(section('Critical Metric'), 'Critical business metrics'),
  ];
}

/** Organization & Resources, then How We'll Work (after Ownership). */
function organization(d: StrategyData): { before: string[]; after: string[] } {
  const iso = (x: number | undefined): string => (x === undefined ? '' : isoDate(x));
  const total = orgFirst(d, ORG.budgetTotal);
  const budgetLines = orgRows(d, ORG.budgetLine).map((r) => {
    const share = budgetShare(d, r);
    const pct = share === undefined ? '' : ` (${roundHalfAway(share * 100, 0)}%)`;
    return `${t(r.item)}${r.amount === undefined ? '' : ` ${thousands(r.amount)}${pct}`}`;
  });
  const cadence = cadenceDays(d);
  return {
    before: [
      list(
        orgRows(d, ORG.team).map(
          (r) => `${t(r.item)}${paren(r.owner, r.count === undefined ? '' : `${r.count} people`)}`,
        ),
        'Org chart',
      ),
    ],
    after: [
      list(
        orgRows(d, ORG.hire).map(
          (r) =>
            `${t(r.item)}${r.count === undefined ? '' : ` ×${r.count}`}${paren(r.quarter, r.status, t(r.neededFor ?? '') === '' ? '' : `for ${t(r.neededFor ?? '')}`)}`,
        ),
        'Roles and timeline',
      ),
      joined(
        [
          total?.amount !== undefined && total.amount > 0
            ? `${t(total.item) || 'Total'}: ${thousands(total.amount)}`
            : '',
          ...budgetLines,
        ],
        'High-level breakdown',
      ),
      list(
        orgRows(d, ORG.vendor).map(
          (r) => `${t(r.item)}${opt(r.detail, ' — ')}${r.date === undefined ? '' : ` (renews ${iso(r.date)})`}`,
        ),
        'Critical partners',
      ),
      list(items(d, ORG.decisions), 'How we make decisions'),
      list(items(d, ORG.communication), 'How we stay aligned'),
      list(
        d.metrics.filter((m) => metricName(m) !== '').map((m) => t(metricTitle(m))),
        "What we'll track",
      ),
      `${items(d, ORG.cadence).length > 0 ? `${items(d, ORG.cadence).join('; ')}; ` : ''}a progress snapshot at least every ${cadence} days`,
    ],
  };
}

function themeSlot(d: StrategyData, k: number): string[] {
  const th = d.themes[k];
  const name = th ? t(th.name) : '';
  if (name === '') return [k < 3 ? '[A strategic theme: not in the workbook yet]' : '', '', '', ''];
  const metrics = d.metrics
    .filter((m) => same(m.theme, name) && metricName(m) !== '')
    .map((m) => `${t(metricTitle(m))} ${t(m.current)} → ${t(m.target)}`);
  const work = initiatives(d)
    .filter((w) => same(w.theme, name))
    .map((w) => `${t(w.name)}${paren(w.quarter, w.status)}`);
  return [
    `${name}${opt(th.owner, ' — owner ')}${opt(th.timeline, ', ')}`,
    `Business driver: ${t(th.driver)}. Success criteria: ${t(th.criteria)}`,
    list(metrics, 'Metrics'),
    list(work, 'Projects'),
  ];
}

function changes(doc: StrategyDocument): string[] {
  const c = doc.changes;
  const status = changesStatus(c, isoDate);
  if (c.latest === undefined || c.previous === undefined) return [status, '', '', ''];
  const since = isoDate(c.previous);
  const kind = (k: string): string => {
    const lines = c.lines.filter((l) => l.kind.toLowerCase() === k.toLowerCase()).map((l) => changeText(l, since));
    return lines.length > 0 ? lines.join('; ') : CHANGE_TEXTS.kindMissing(isoDate(c.latest!));
  };
  return [status, kind(HISTORY_KINDS.metric), kind(HISTORY_KINDS.theme), kind(HISTORY_KINDS.health)];
}

function rest(d: StrategyData, doc: StrategyDocument): string[] {
  const work = initiatives(d);
  return [
    list(
      d.principles.filter((p) => t(p.principle) !== '').map((p) => t(p.principle)),
      'Principles',
    ),
    ...QUARTERS.map((q) =>
      list(
        work
          .filter((w) => same(w.roadmapQuarter, q))
          .map((w) => `${t(w.name)}${paren(w.owner, w.dependsOn === '' ? '' : `after ${t(w.dependsOn)}`)}`),
        'Focus areas',
      ),
    ),
    doc.commitments ? t(commitmentText(doc.commitments)) : list([], NO_COMMITMENTS),
    t(weightSensitivityText(doc.sensitivity)),
    list(
      [
        ...d.notDoing.filter((n) => t(n.item) !== '').map((n) => `${t(n.item)}${opt(n.why, ' — ')}`),
        ...notDoingProjects(d).map((p) => `${t(p.project)} — ${dontDoReason(p)}`),
      ],
      'Trade-offs',
    ),
    list(
      d.metrics
        .filter((m) => metricName(m) !== '')
        .map((m) => `${t(metricTitle(m))}: ${t(m.current)} → ${t(m.target)}${opt(m.status, ' (', ')')}`),
      'Metrics',
    ),
    ...changes(doc),
    ...organization(d).before,
    list(
      d.themes.filter((x) => t(x.name) !== '' && t(x.owner) !== '').map((x) => `${t(x.owner)}: ${t(x.name)}`),
      'Owners',
    ),
    ...organization(d).after,
    doc.findings.length === 0
      ? 'All checks pass.'
      : doc.findings.map((f) => `${f.status} ${f.check} (${f.count})${f.items ? `: ${f.items}` : ''}`).join('; '),
  ];
}

/** Each line's text, in the order of the sheet's lines. */
export function documentLineTexts(d: StrategyData, doc: StrategyDocument): string[] {
  return [
    ...summary(d, doc),
    ...Array.from({ length: THEME_SLOTS }, (_, k) => themeSlot(d, k)).flat(),
    ...rest(d, doc),
  ];
}
