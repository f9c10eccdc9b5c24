/**
 * Renders the strategy document model as Markdown, section by section in the seed guide's template order.
 * Pure; every value from the workbook is escaped so a "|" or a leading "#" in a cell cannot break the layout.
 */
import { changesStatus } from './changes';
import { commitmentText, isoDate, type DocTheme, type StrategyDocument } from './model';
import { thousands } from './organization';
import { weightSensitivityText } from './weight-sensitivity';
import { WEIGHT_SENSITIVITY_TEXT } from '../core/messages';

/** The document's sections, in the guide's order: the Markdown headings and the Strategy Document sheet's sections. */
export const DOCUMENT_SECTIONS = {
  summary: 'Executive Summary',
  context: 'Business Context',
  themes: 'Strategic Themes',
  principles: 'Technical Principles',
  roadmap: 'Roadmap',
  notDoing: "What We're Not Doing (and Why)",
  metrics: 'Metrics',
  organization: 'Organization & Resources',
  howWeWork: "How We'll Work",
  findings: 'Strategy Review: Open Findings',
} as const;

/**
 * A cell's text on one line, nothing a terminal or a renderer would act on: every line break (CRLF, LF, a lone CR,
 * NEL, LS U+2028, PS U+2029, vertical tab, form feed, and `_x000D_`-style escapes a reader left undecoded) and tab
 * becomes a space; every other control character (ESC, BEL, C1 controls) is removed.
 */
export function oneLine(s: string): string {
  return (
    s
      .replace(/_x00(0[0-9A-Fa-f]|1[0-9A-Fa-f]|7[Ff])_/g, (_m, hex: string) =>
        ['09', '0a', '0b', '0c', '0d'].includes(hex.toLowerCase()) ? ' ' : '',
      )
      .replace(/\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
  );
}

/**
 * A workbook value inside Markdown text, whatever the context it lands in (a table cell, a list item, a heading,
 * emphasis): one line (oneLine); the characters Markdown acts on inside a line backslash-escaped (CommonMark 2.4:
 * any ASCII punctuation may be), an `&` that would start an entity or character reference, and a leading list
 * marker or rule ("- ", "+ ", "--", "1. ", "1) "): no cell can open an element, close one, or end a table cell.
 */
export function esc(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_{}[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([-+])(?=[ -]|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/** A cell's text without a leading "Label:" that repeats the document's own label ("Budget: $2M" under Budget). */
export function withoutLabel(text: string, label: string): string {
  const t = text.trim();
  return t.toLowerCase().startsWith(`${label.toLowerCase()}:`) ? t.slice(label.length + 1).trim() : t;
}

/** A value that must show something where it stands (a list item, emphasis): "—" when nothing of it is visible. */
const visible = (s: string): string => esc(s) || '—';

const placeholder = (what: string): string => `_[${what}: not in the workbook yet]_`;
const pct = (x: number | undefined): string => (x === undefined ? '' : `${Math.round(x * 100)}%`);
const listOr = (items: string[], what: string): string[] =>
  items.length > 0 ? items.map((i) => `- ${i}`) : [`- ${placeholder(what)}`];

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => esc(c) || ' ').join(' | ')} |`),
  ];
}

/** Budget, people and hires from the Organization sheet; else the Budget constraint; else a placeholder. */
function resources(doc: StrategyDocument): string {
  const o = doc.org;
  const people = o.teams.reduce((a, t) => a + (t.headcount ?? 0), 0);
  const hires = o.hires.reduce((a, h) => a + (h.count ?? 0), 0);
  const name = esc(o.budgetTotal?.item ?? '');
  const parts = [
    o.budgetTotal ? `budget ${thousands(o.budgetTotal.amount)}${name ? ` (${name})` : ''}` : '',
    o.teams.length > 0 ? `${people} people in ${o.teams.length} teams` : '',
    hires > 0 ? `${hires} hires planned` : '',
  ].filter(Boolean);
  if (parts.length > 0) return parts.join('; ');
  const budget = doc.constraints.filter((c) => /budget|headcount|\$|€|£/i.test(c.item)).map((c) => esc(c.item));
  return budget.length > 0 ? budget.join('; ') : placeholder('Budget and headcount');
}

function executiveSummary(doc: StrategyDocument): string[] {
  const quarters = doc.quarters
    .filter((q) => q.quarter !== 'No quarter')
    .map((q) => `${esc(q.quarter)} (${q.items.length})`);
  const o = doc.org;
  const health = doc.healthScore
    ? [`technical health ${doc.healthScore.score.toFixed(1)}/5 (${doc.healthScore.status})`]
    : [];
  const state = [...health, ...o.currentState.map(esc)];
  const outcomes = o.outcomes.length > 0 ? o.outcomes : doc.objectives.map((x) => x.item);
  const timeline = [
    o.horizon ? esc(o.horizon) : '',
    quarters.length > 0 ? `initiatives by quarter: ${quarters.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return [
    `## ${DOCUMENT_SECTIONS.summary}`,
    '',
    `- **Vision**: ${o.vision ? esc(o.vision) : placeholder('One sentence on where we are going')}`,
    `- **Current State**: ${state.length > 0 ? state.join('; ') : placeholder('Technical health scorecard')}`,
    `- **Strategic Themes**: ${doc.themes.length > 0 ? doc.themes.map((t) => esc(t.name)).join('; ') : placeholder('3–5 themes')}`,
    `- **Timeline**: ${timeline || placeholder('12–18 month view')}`,
    `- **Resources**: ${resources(doc)}`,
    `- **Expected Outcomes**: ${outcomes.length > 0 ? outcomes.map(esc).join('; ') : placeholder('Business impact')}`,
    `- **Open Review Findings**: ${doc.findings.length} of ${doc.checksRun} checks (see [Strategy Review](#strategy-review-open-findings))`,
    '',
  ];
}

/** A rating ("2.5/5") of a Key Challenge: scored 1 to 2, decimals included (2.5 is not; a blank reads 0, no rating). */
function isWeak(rating: string): boolean {
  const n = Number(rating.split('/')[0]);
  return n >= 1 && n <= 2;
}

function businessContext(doc: StrategyDocument): string[] {
  const dated = (item: string, detail: string, deadline: string, extra = ''): string =>
    `${visible(item)}${detail ? ` — ${esc(detail)}` : ''}${deadline ? ` (by ${deadline})` : ''}${extra}`;
  const weak = doc.health.filter((h) => isWeak(h.rating));
  return [
    `## ${DOCUMENT_SECTIONS.context}`,
    '',
    '### Objectives',
    '',
    ...listOr(
      doc.objectives.map((o) =>
        dated(o.item, o.detail, o.deadline, o.theme ? ` — served by **${visible(o.theme)}**` : ''),
      ),
      'Top 3 business goals',
    ),
    '',
    '### Constraints',
    '',
    ...listOr(
      doc.constraints.map((c) => dated(c.item, c.detail, c.deadline)),
      'Budget, timeline, market',
    ),
    '',
    '### Critical Metrics',
    '',
    ...listOr(doc.criticalMetrics.map(visible), 'Critical business metrics'),
    '',
    '### Current State: Technical Health',
    '',
    ...(doc.org.currentState.length > 0 ? [...doc.org.currentState.map((x) => `- ${esc(x)}`), ''] : []),
    ...(doc.health.length > 0
      ? [
          ...table(
            ['Dimension', 'Score', 'Evidence', 'Impact'],
            doc.health.map((h) => [h.dimension, h.rating, h.evidence, h.impact]),
          ),
          '',
          doc.healthScore
            ? `Overall: **${doc.healthScore.score.toFixed(1)}/5 (${doc.healthScore.status})**.`
            : 'Overall: not scored.',
        ]
      : [placeholder('Technical health scorecard')]),
    '',
    '### Key Challenges',
    '',
    ...listOr(
      weak.map((h) => `${esc(h.dimension)} (${h.rating}): ${esc(h.evidence)}${h.impact ? ` — ${esc(h.impact)}` : ''}`),
      'Top technical challenges (dimensions scored 1–2)',
    ),
    '',
  ];
}

function theme(t: DocTheme, i: number): string[] {
  const field = (label: string, v: string, what: string): string => `- **${label}**: ${v ? esc(v) : placeholder(what)}`;
  return [
    `### Theme ${i + 1}: ${esc(t.name)}`,
    '',
    field('Business Driver', t.driver, 'Why this matters'),
    field('Technical Implication', t.implication, 'What it means for the technology'),
    field('Success Criteria', t.criteria, 'How we will measure'),
    `- **Metrics**: ${
      t.metrics.length > 0
        ? t.metrics
            .map((m) => `${esc(m.name)} ${esc(m.current)} → ${esc(m.target)}${m.status ? ` (${esc(m.status)})` : ''}`)
            .join('; ')
        : placeholder('Metrics')
    }`,
    '- **Key Initiatives**:',
    ...(t.initiatives.length > 0
      ? t.initiatives.map(
          (p, k) =>
            `  ${k + 1}. ${visible(p.name)}${[p.owner, p.when, p.status].some(Boolean) ? ` (${[p.owner, p.when, p.status].filter(Boolean).map(esc).join(', ')})` : ''}`,
        )
      : [`  1. ${placeholder('Projects')}`]),
    field('Timeline', t.timeline, 'Timeline'),
    field('Owner', t.owner, 'Engineering leader'),
    ...(t.complete !== undefined ? [`- **Roadmap Complete**: ${pct(t.complete)}`] : []),
    '',
  ];
}

function principlesAndRoadmap(doc: StrategyDocument): string[] {
  const dependencies = doc.quarters.some((q) => q.items.some((r) => r.dependsOn !== ''));
  return [
    `## ${DOCUMENT_SECTIONS.principles}`,
    '',
    ...(doc.principles.length > 0
      ? doc.principles.map(
          (p, i) =>
            `${i + 1}. **${visible(p.principle)}**${p.stance ? ` — ${esc(p.stance)}` : ''}${p.practice ? `. In practice: ${esc(p.practice)}` : ''}`,
        )
      : [`1. ${placeholder('Principles')}`]),
    '',
    `## ${DOCUMENT_SECTIONS.roadmap}`,
    '',
    ...(doc.commitments ? [`**85 % line**: ${esc(commitmentText(doc.commitments))}`, ''] : []),
    ...(doc.sensitivity
      ? [`**${WEIGHT_SENSITIVITY_TEXT.label}**: ${esc(weightSensitivityText(doc.sensitivity))}`, '']
      : []),
    ...(doc.quarters.length > 0
      ? doc.quarters.flatMap((q) => [
          `### ${esc(q.quarter)}`,
          '',
          ...(dependencies
            ? table(
                ['Initiative', 'Theme', 'Owner', 'Status', 'Depends On'],
                q.items.map((r) => [r.initiative, r.theme, r.owner, r.status, r.dependsOn]),
              )
            : table(
                ['Initiative', 'Theme', 'Owner', 'Status'],
                q.items.map((r) => [r.initiative, r.theme, r.owner, r.status]),
              )),
          '',
        ])
      : [placeholder('Quarterly view of major initiatives'), '']),
    `## ${DOCUMENT_SECTIONS.notDoing}`,
    '',
    ...listOr(
      doc.notDoing.map(
        (n) => `**${visible(n.item)}**${n.why ? ` — ${esc(n.why)}` : ''}${n.revisit ? ` (revisit ${n.revisit})` : ''}`,
      ),
      'Trade-offs: what we deprioritize',
    ),
    '',
  ];
}

function snapshotChange(doc: StrategyDocument): string[] {
  const c = doc.changes;
  const status = changesStatus(c, isoDate);
  if (c.latest === undefined || c.previous === undefined)
    return ['### Change Since the Previous Snapshot', '', `_${status}_`, ''];
  const [latest, previous] = [isoDate(c.latest), isoDate(c.previous)];
  return [
    '### Change Since the Previous Snapshot',
    '',
    `${status}.`,
    '',
    ...table(
      ['What', 'Name', previous, latest, 'Change'],
      c.lines.map((l) => [l.kind, l.name, l.before ?? '', l.now, l.before === undefined ? 'new' : l.change]),
    ),
    '',
  ];
}

function metricsAndOrg(doc: StrategyDocument): string[] {
  return [
    `## ${DOCUMENT_SECTIONS.metrics}`,
    '',
    ...(doc.metrics.length > 0
      ? table(
          ['Theme', 'Business Metric', 'Technical Metric', 'Baseline', 'Current', 'Target', 'Progress', 'Status'],
          doc.metrics.map((m) => [
            m.theme,
            m.business,
            m.technical,
            m.baseline,
            m.current,
            m.target,
            pct(m.progress),
            m.status,
          ]),
        )
      : [placeholder('Metrics with current vs target')]),
    '',
    ...snapshotChange(doc),
    ...organization(doc),
    ...howWeWork(doc),
  ];
}

/** A bold field followed by its table, or by a placeholder when the table would be empty. */
function fieldTable(label: string, header: string[], rows: string[][], what: string): string[] {
  return rows.length > 0
    ? [`- **${label}**:`, '', ...table(header, rows), '']
    : [`- **${label}**: ${placeholder(what)}`];
}

const n = (x: number | undefined): string => (x === undefined ? '' : String(x));

function organization(doc: StrategyDocument): string[] {
  const o = doc.org;
  const budget = o.budgetLines.map((b) => [b.line, b.amount === undefined ? '' : thousands(b.amount), pct(b.share)]);
  const constraint = doc.constraints
    .filter((c) => /budget/i.test(c.item))
    .map((c) => esc(withoutLabel(c.item, 'Budget')));
  return [
    `## ${DOCUMENT_SECTIONS.organization}`,
    '',
    ...fieldTable(
      'Team Structure',
      ['Team', 'Owner', 'Headcount', 'Remit'],
      o.teams.map((t) => [t.team, t.owner, n(t.headcount), t.remit]),
      'Org chart',
    ),
    '- **Ownership**:',
    ...(doc.owners.length > 0
      ? doc.owners.map((x) => `  - ${esc(x.owner)}: ${x.owns.map(esc).join('; ')}`)
      : [`  - ${placeholder('Owners')}`]),
    ...fieldTable(
      'Hiring Plan',
      ['Role', 'Count', 'Quarter', 'Needed For', 'Status', 'Hiring Manager'],
      o.hires.map((h) => [h.role, n(h.count), h.quarter, h.neededFor, h.status, h.owner]),
      'Roles and timeline',
    ),
    ...(o.budgetTotal || budget.length > 0
      ? [
          `- **Budget**: ${
            o.budgetTotal
              ? `${esc(o.budgetTotal.item) || 'Total'}: ${thousands(o.budgetTotal.amount)}`
              : constraint.join('; ') || 'by line'
          }`,
          '',
          ...table(['Line', 'Amount', 'Share'], budget),
          '',
        ]
      : [`- **Budget**: ${constraint.join('; ') || placeholder('High-level breakdown')}`]),
    ...fieldTable(
      'Key Vendors',
      ['Vendor', 'What For', 'Renewal'],
      o.vendors.map((v) => [v.vendor, v.purpose, v.renewal]),
      'Critical partners',
    ),
    '',
  ];
}

function howWeWork(doc: StrategyDocument): string[] {
  const o = doc.org;
  const field = (label: string, items: string[], what: string): string =>
    `- **${label}**: ${items.length > 0 ? items.map(esc).join('; ') : placeholder(what)}`;
  return [
    `## ${DOCUMENT_SECTIONS.howWeWork}`,
    '',
    field('Decision Process', o.decisions, 'How we make decisions'),
    field('Communication', o.communication, 'How we stay aligned'),
    field(
      'Metrics',
      doc.metrics.map((m) => m.name),
      "What we'll track",
    ),
    `- **Reviews**: ${[...o.reviews.map(esc), `a progress snapshot at least every ${o.cadenceDays} days`].join('; ')}`,
    '',
  ];
}

function findings(doc: StrategyDocument): string[] {
  return [
    `## ${DOCUMENT_SECTIONS.findings}`,
    '',
    doc.findings.length === 0
      ? `All ${doc.checksRun} checks of the guide's common pitfalls pass.`
      : `${doc.findings.length} of ${doc.checksRun} checks of the guide's common pitfalls need attention (✗ a pitfall, ⚠ worth a look).`,
    '',
    ...table(
      ['', 'Check', 'Count', 'First Items', 'What the Guide Advises'],
      doc.findings.map((f) => [f.status, f.check, String(f.count), f.items, f.advice]),
    ),
    '',
  ];
}

/** The whole document as Markdown (ends with one newline). */
export function renderMarkdown(doc: StrategyDocument): string {
  const lines = [
    `# ${esc(doc.title)}`,
    '',
    `_Generated from the strategy workbook on ${doc.asOf}. Placeholders in [brackets] mark what the workbook does not hold yet._`,
    '',
    ...executiveSummary(doc),
    ...businessContext(doc),
    `## ${DOCUMENT_SECTIONS.themes}`,
    '',
    ...(doc.themes.length > 0 ? doc.themes.flatMap(theme) : [placeholder('3–5 strategic themes'), '']),
    ...principlesAndRoadmap(doc),
    ...metricsAndOrg(doc),
    ...findings(doc),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
