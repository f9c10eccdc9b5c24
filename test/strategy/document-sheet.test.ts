/**
 * The Strategy Document sheet: its native formulas (evaluated by HyperFormula) write the lines the core's
 * document model holds for the same workbook: themes, objectives, each quarter's initiatives with owners,
 * the not-doing list, every metric current → target with its status, and the review's open findings.
 */
import { compileTemplate } from '../../shared/templates';
import { DOCUMENT_LINES } from '../../shared/templates/document';
import { readStrategy } from '../../shared/strategy/read';
import { isoDate, strategyDocument } from '../../shared/strategy/model';
import { CHANGE_TEXTS, changesStatus, changeText } from '../../shared/strategy/changes';
import { documentLineTexts } from '../../shared/strategy/document-lines';
import { HISTORY_KINDS } from '../../shared/catalogue/history';
import { todaySerial } from '../../shared/functions/metrics';
import { loadPlan, type LoadedPlan } from '../templates/loader';
import { column, layoutOf, setInputs, setSide, specOf } from '../templates/engine-helpers';
import { ymdToSerial } from '../../shared/core/args';
import { renderMarkdown } from '../../shared/strategy/markdown';
import type { PlanCell } from '../../shared/plan/plan';
import { HEALTH_DIMENSIONS } from '../../shared/catalogue/health';
import { engineSheets } from './workbook-source';
import { exampleDates } from '../../shared/spec/example-dates';
import { strategyQuarter } from '../../shared/dates/quarter';

const NOW = new Date();
/**
 * A blank Full Strategy Workbook whose add-in cells (Rank Stability, the tipping points) compute live, as in the
 * hosts and the preview: rows typed into it get their sensitivity block, which the document's line reads.
 */
const liveBlank = (): LoadedPlan =>
  loadPlan(compileTemplate('strategy-workbook', { example: false, now: NOW }), undefined, undefined, { addIn: true });
let loaded: LoadedPlan;
let line: (label: string, nth?: number) => unknown;
let content: (i: number) => unknown;
beforeAll(() => {
  loaded = loadPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  const all = column(loaded, layoutOf('strategy-workbook', 'document'), 'content');
  content = (i) => all[i];
  line = (label, nth = 0) => {
    const i = DOCUMENT_LINES.map((l, k) => [l.label, k] as const).filter(([l]) => l === label)[nth][1];
    return all[i];
  };
});
afterAll(() => loaded.destroy());

test('each line equals the core document model of the same workbook', () => {
  const { data } = readStrategy(engineSheets(loaded, true), NOW);
  const doc = strategyDocument(data, todaySerial({ now: () => NOW }));
  expect(line('Strategic themes')).toBe(doc.themes.map((t) => t.name).join('; '));
  expect(line('Objectives')).toBe(doc.objectives.map((o) => o.item).join('; '));
  expect(line('Critical metrics')).toBe(doc.criticalMetrics.join('; '));
  for (const q of doc.quarters)
    expect(line(q.quarter)).toBe(
      q.items
        .map((i) => `${i.initiative} (${[i.owner, i.dependsOn && `after ${i.dependsOn}`].filter(Boolean).join(', ')})`)
        .join('; '),
    );
  expect(line('Q2')).toContain(
    'Multi-region deployment to EU (Lars Eriksen (example), after Improve monitoring and alerting)',
  );
  expect(line('Not doing')).toBe(doc.notDoing.map((n) => `${n.item} — ${n.why}`).join('; '));
  // The plan's "Don't Do" project is a trade-off, never an initiative; a planned project not on the roadmap is one.
  expect(line('Not doing')).toContain("Refactor — Don't Do in the prioritization (impact 4, effort 7)");
  expect(DOCUMENT_LINES.map((_, i) => String(line(DOCUMENT_LINES[i].label, 0))).join('\n')).not.toContain('Refactor (');
  // Analytics is planned in the plan's second quarter: the example's First quarter is its plan quarter 1, so the
  // label is the example's plan quarter 2 with its year (NOW is the engine's clock: TODAY()).
  const planQ2 = strategyQuarter(exampleDates(todaySerial({ now: () => NOW })).planQuarter(2).start);
  expect(line('   Key initiatives', 3)).toBe(
    `Real-time analytics pipeline (Q4, Not started); Experimentation platform (Q4, Blocked); ML infrastructure foundation (Q4, Not started); Customer data platform (Q4, Not started); Analytics (${planQ2}, Planned)`,
  );
  expect(line('Current vs target')).toBe(
    doc.metrics.map((m) => `${m.name}: ${m.current} → ${m.target} (${m.status})`).join('; '),
  );
  expect(line('Open findings')).toBe(
    doc.findings.map((f) => `${f.status} ${f.check} (${f.count}): ${f.items}`).join('; '),
  );
  // The team's open disagreements, the plan's 85 % line and the debt worth paying down now.
  expect(line('Open findings')).toContain(
    '⚠ Projects the raters still disagree on (Team Scoring: "Discuss") (1): Analytics',
  );
  expect(line('Open findings')).toContain(
    '⚠ Technical debt that pays back within a quarter and is on no roadmap (2): Flaky end-to-end test suite, Manual deploy pipeline',
  );
  expect(line('85 % line')).toBe(
    `${data.planStart} at 85 %: Commit SSO; Stretch none; Won't fit Analytics, GDPR compliance`,
  );
  expect(data.planStart).toMatch(/^Q[1-4] \d{4}$/);
  // The example's close third place: GDPR compliance (urgent, risky) against Refactor, each 73 % stable (the first in
  // row order is named); the Markdown says the same.
  const sensitivity =
    "Most weight-sensitive decision: Refactor stays out of the top 3 under 73 % of weight changes within ±25 %; lowering Urgency's weight alone by 20 % changes the top 3";
  expect(line('Weight sensitivity')).toBe(sensitivity);
  expect(renderMarkdown(doc)).toContain(`\n**Weight sensitivity**: ${sensitivity}\n`);
  expect(line('Current State')).toBe(
    'Technical health 3/5 (Healthy); 99.9% uptime with manual failover; deploys take 2 hours; no SOC 2 yet',
  );
  // The Organization & Ways of Working sheet fills what no other sheet holds.
  expect(line('Vision')).toBe('The platform enterprises trust with their data, fast in every region we sell');
  expect(line('Resources')).toBe('Budget 2,000,000; 19 people in 4 teams; 6 hires planned');
  expect(line('Budget')).toBe(
    'Engineering budget this year: 2,000,000; Headcount 1,500,000 (75%); Cloud and infrastructure 300,000 (15%); Vendors and tools 200,000 (10%)',
  );
  expect(line('Hiring plan')).toBe(
    'Security engineer ×2 (Q1, Hired, for Implement SSO and RBAC); Site reliability engineer ×2 (Q2, Open, for Multi-region deployment to EU); Data engineer ×2 (Q3, Planned, for Real-time analytics pipeline)',
  );
  expect(line('Reviews')).toBe(
    'Monthly strategy review, quarterly retrospective; a progress snapshot at least every 31 days',
  );
  const placeholders = DOCUMENT_LINES.map((l, i) => [l.label, content(i)]).filter(([, v]) =>
    String(v).includes('not in the workbook yet'),
  );
  expect(placeholders).toEqual([]);
  const title = loaded.hf.getCellValue({ sheet: loaded.sheetId('document'), row: 0, col: 0 });
  expect(title).toBe(doc.title);
  expect(title).toMatch(/^Technical Strategy: Example SaaS Co\. \d{4}(–\d{4})?$/);
  expect(line('Theme 1')).toBe('Enterprise-Ready Platform — owner Dana Okafor (example), 6 months');
  // Named by the business metric, the technical metric beside it.
  expect(line('   Metrics', 0)).toBe('Enterprise ARR (SOC 2 certified) $250K → $1M');
  expect(line('   Metrics', 1)).toBe('EMEA revenue (p95 latency) 350ms → <200ms');
  expect(line('Theme 5')).toBe(''); // four themes: the fifth slot stays empty…
  const labels = column(loaded, layoutOf('strategy-workbook', 'document'), 'label');
  const slot5 = DOCUMENT_LINES.findIndex((l) => l.label === 'Theme 5');
  expect(labels.slice(slot5, slot5 + 4)).toEqual(['', '', '', '']); // …and prints no block
  expect(labels[slot5 - 4]).toBe('Theme 4');
});

/** The content of the first line of a label in a loaded workbook's Strategy Document sheet. */
const line0 = (l: LoadedPlan, label: string): unknown =>
  column(l, layoutOf('strategy-workbook', 'document'), 'content')[DOCUMENT_LINES.findIndex((x) => x.label === label)];

/** A Markdown text without its 85 % line and its weight-sensitivity line (which name the plan's projects). */
const withoutCommitments = (md: string): string =>
  md.replace(/^\*\*85 % line\*\*.*$/m, '').replace(/^\*\*Weight sensitivity\*\*.*$/m, '');

/** Every line of the sheet next to the core's text for it (documentLineTexts), by label. */
function expectSheetEqualsCore(l: LoadedPlan): void {
  // With the file's computed values, and without them (the reader then computes them with the core).
  for (const cached of [true, false]) {
    const { data } = readStrategy(engineSheets(l, cached), NOW);
    const texts = documentLineTexts(data, strategyDocument(data, todaySerial({ now: () => NOW })));
    expect(texts).toHaveLength(DOCUMENT_LINES.length);
    const content = column(l, layoutOf('strategy-workbook', 'document'), 'content');
    const shown = DOCUMENT_LINES.map((x, i) => [x.label, content[i]]);
    expect(shown).toEqual(DOCUMENT_LINES.map((x, i) => [x.label, texts[i]]));
  }
}

test('every line of the sheet is the core text for it (documentLineTexts)', () => expectSheetEqualsCore(loaded));

test('a blank workbook shows placeholders, not errors', () => {
  const blank = liveBlank();
  const content = column(blank, layoutOf('strategy-workbook', 'document'), 'content');
  expect(content[0]).toBe('[One sentence on where we are going: not in the workbook yet]');
  expect(content[1]).toBe('[3–5 themes: not in the workbook yet]');
  expect(blank.hf.getCellValue({ sheet: blank.sheetId('document'), row: 0, col: 0 })).toBe('Technical Strategy');
  expect(content.filter((v) => v !== null && typeof v === 'object')).toEqual([]);
  expectSheetEqualsCore(blank);
  blank.destroy();
});

describe('the change since the previous snapshot (Progress History)', () => {
  const DAY = 86_400_000;
  const at = (days: number): number => todaySerial({ now: () => new Date(NOW.getTime() + days * DAY) });
  const historyId = (l: LoadedPlan): number => l.sheetId('history');
  /** Appends rows [date, what, name, value, as written] below the History header, as Record snapshot does. */
  function writeHistory(l: LoadedPlan, rows: (string | number | null)[][]): void {
    // One workbook for the whole block: clear what an earlier test wrote first.
    const blank = Array.from({ length: 200 }, () => Array.from({ length: 5 }, () => null));
    l.hf.setCellContents({ sheet: historyId(l), row: 1, col: 0 }, blank);
    l.hf.setCellContents(
      { sheet: historyId(l), row: 1, col: 0 },
      rows.map((r) => r.map((v, c) => (c === 4 && typeof v === 'string' ? `'${v}` : v))),
    );
  }
  function lines(l: LoadedPlan): Record<string, unknown> {
    const content = column(l, layoutOf('strategy-workbook', 'document'), 'content');
    const of = (label: string): unknown => content[DOCUMENT_LINES.findIndex((x) => x.label === label)];
    return {
      status: of('Progress snapshots'),
      metrics: of('Change: metrics'),
      themes: of('Change: themes'),
      health: of('Change: health'),
    };
  }
  /** The same four lines from the core's document model of the workbook as read from a file. */
  function coreLines(l: LoadedPlan): Record<string, unknown> {
    const { data } = readStrategy(engineSheets(l, true), NOW);
    const c = strategyDocument(data, todaySerial({ now: () => NOW })).changes;
    const compared = c.latest !== undefined && c.previous !== undefined;
    const kind = (k: string): string => {
      if (!compared) return '';
      const mine = c.lines.filter((x) => x.kind === k).map((x) => changeText(x, isoDate(c.previous)));
      return mine.length > 0 ? mine.join('; ') : CHANGE_TEXTS.kindMissing(isoDate(c.latest));
    };
    return {
      status: changesStatus(c, isoDate),
      metrics: kind(HISTORY_KINDS.metric),
      themes: kind(HISTORY_KINDS.theme),
      health: kind(HISTORY_KINDS.health),
    };
  }
  let history: LoadedPlan;
  beforeAll(() => {
    history = loadPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  });
  afterAll(() => history.destroy());
  const p95 = (date: number, v: number): (string | number)[] => [date, 'Metric', 'p95 latency', v, `${v}ms`];

  test('without two snapshots: a placeholder says what is missing', () => {
    const l = history;
    expect(lines(l)).toEqual({ status: CHANGE_TEXTS.none, metrics: '', themes: '', health: '' });
    writeHistory(l, [p95(at(-30), 350)]);
    expect(lines(l).status).toBe(CHANGE_TEXTS.one(isoDate(at(-30))));
    expect(lines(l)).toEqual(coreLines(l));
  });

  test('two snapshots: each value then and now with its change, as the core document says', () => {
    const l = history;
    const [p, q] = [at(-61), at(-30)];
    writeHistory(l, [
      p95(p, 350),
      [p, 'Metric', 'SOC 2 certified', 250000, '$250K'],
      [p, 'Metric', 'Uptime', 0.995, '99.5%'],
      [p, 'Metric', 'Deploy frequency', 2, '2x/day'],
      [p, 'Theme % complete', 'Enterprise-Ready Platform', 0.25, '25%'],
      [p, 'Health score', 'Overall', 3, '3.0 (Healthy)'],
      p95(q, 300), // corrected below, the same day: the last recording counts
      [q, 'Metric', 'SOC 2 certified', 250000, '$250K'],
      [q, 'Metric', 'Uptime', 0.999, '99.9%'],
      [q, 'Metric', 'Experiments/quarter', 25, '25'],
      [q, 'Theme % complete', 'Enterprise-Ready Platform', 0.5, '50%'],
      [q, 'Health score', 'Overall', 3.2, '3.2 (Healthy)'],
      p95(q, 280),
    ]);
    const sheet = lines(l);
    const since = isoDate(p);
    expect(sheet).toEqual({
      status: `Snapshot of ${isoDate(q)} compared with ${since}`,
      metrics: [
        `SOC 2 certified: $250K → $250K (no change since ${since})`,
        `Uptime: 99.5% → 99.9% (+0.4 pts since ${since})`,
        `Experiments/quarter: 25 (new since ${since})`,
        `p95 latency: 350ms → 280ms (−20% since ${since})`,
      ].join('; '),
      themes: `Enterprise-Ready Platform: 25% → 50% (+25 pts since ${since})`,
      health: `Overall: 3.0 (Healthy) → 3.2 (Healthy) (+0.2 since ${since})`,
    });
    expect(sheet).toEqual(coreLines(l));
    expectSheetEqualsCore(l);
  });

  test('a metric named "R&D *core*" beside "R&D new core work" is matched literally (no wildcard)', () => {
    const l = history;
    const [p, q] = [at(-61), at(-30)];
    const m = (d: number, name: string, v: number): (string | number)[] => [d, 'Metric', name, v, String(v)];
    // With "*" read as a wildcard, "R&D *core*" would take the other's key: its latest line would be dropped as
    // recorded again below, and its previous value found on the other's row.
    writeHistory(l, [
      m(p, 'R&D *core*', 1),
      m(p, 'R&D new core work', 5),
      m(q, 'R&D *core*', 2),
      m(q, 'R&D new core work', 9),
      m(q, 'Why? ~50%', 3),
    ]);
    const since = isoDate(p);
    expect(lines(l).metrics).toBe(
      [
        `R&D *core*: 1 → 2 (+100% since ${since})`,
        `R&D new core work: 5 → 9 (+80% since ${since})`,
        `Why? ~50%: 3 (new since ${since})`,
      ].join('; '),
    );
    expect(lines(l)).toEqual(coreLines(l));
  });

  test('snapshots appended past the formatted rows count; a window too small for both says so', () => {
    const l = history;
    const filler = (date: number, n: number): (string | number)[][] =>
      Array.from({ length: n }, (_, i) => [date, 'Metric', `Metric ${i + 1}`, i, String(i)]);
    // 3 old snapshots of 20 lines, then two of 20: the latest two (40 lines) sit at rows 62–101.
    const old = [at(-150), at(-120), at(-90)].flatMap((d) => filler(d, 20));
    writeHistory(l, [...old, ...filler(at(-60), 20), ...filler(at(-30), 19), p95(at(-30), 280)]);
    expect(lines(l).status).toBe(`Snapshot of ${isoDate(at(-30))} compared with ${isoDate(at(-60))}`);
    expect(lines(l)).toEqual(coreLines(l));
    expect(lines(l).metrics).toContain(`p95 latency: 280ms (new since ${isoDate(at(-60))})`);
    writeHistory(l, [...old, ...filler(at(-60), 30), ...filler(at(-30), 30)]);
    expect(lines(l).status).toMatch(/more than 50 values/);
    expect(lines(l).metrics).toBe('');
  });
});

test('a project on both the plan and the roadmap is one initiative: the roadmap quarter and status win', () => {
  const l = liveBlank();
  setInputs(l, specOf('strategy-workbook', 'themes'), [{ name: 'Velocity', owner: 'Kim' }]);
  setInputs(l, specOf('strategy-workbook', 'projects'), [
    { project: 'CI pipeline speed-up', theme: 'Velocity', impact: 9, urgency: 8, effort: 3, risk: 2, owner: 'Kim' },
    { project: 'Flaky test triage', theme: 'Velocity', impact: 8, urgency: 6, effort: 4, risk: 2, owner: 'Ana' },
    { project: 'Rewrite in Rust', theme: 'Velocity', impact: 3, urgency: 2, effort: 9, risk: 8, owner: 'Lee' },
  ]);
  setInputs(l, specOf('strategy-workbook', 'roadmap'), [
    { initiative: 'CI pipeline speed-up', theme: 'Velocity', quarter: 'Q2', owner: 'Kim', status: 'Done' },
  ]);
  const { data } = readStrategy(engineSheets(l, true), NOW);
  const doc = strategyDocument(data, todaySerial({ now: () => NOW }));
  const work = doc.themes[0].initiatives.map((i) => [i.name, i.when, i.status]);
  expect(work).toEqual([
    ['CI pipeline speed-up', 'Q2', 'Done'],
    ['Flaky test triage', strategyQuarter(todaySerial({ now: () => NOW })), 'Planned'], // the plan's first quarter: the quarter of insertion
  ]);
  expect(doc.notDoing.map((n) => n.item)).toEqual(['Rewrite in Rust']);
  expectSheetEqualsCore(l);
  const md = renderMarkdown(doc);
  const between = (a: string, b: string): string => md.slice(md.indexOf(a), md.indexOf(b));
  expect(between('## Strategic Themes', '## Technical Principles').match(/CI pipeline speed-up/g)).toHaveLength(1);
  expect(between('## Roadmap', "## What We're Not Doing")).toContain(
    `**85 % line**: ${data.planStart} at 85 %: Commit CI pipeline speed-up, Flaky test triage; Stretch none; Won't fit none`,
  );
  expect(
    withoutCommitments(between('## Roadmap', "## What We're Not Doing")).match(/CI pipeline speed-up/g),
  ).toHaveLength(1);
  expect(between('## Strategic Themes', '## Technical Principles')).not.toContain('Rewrite in Rust');
  l.destroy();
});

test('a roadmap item with a blank Quarter counts in the plan quarter its Start falls in (issue #18)', () => {
  const l = liveBlank();
  setSide(l, layoutOf('strategy-workbook', 'projects'), 'start', 'Q3 2027'); // the plan's Q1 is Q3 2027
  const item = (
    initiative: string,
    start?: [number, number, number],
    quarter: string | null = null,
  ): Record<string, PlanCell> => ({
    initiative,
    quarter,
    owner: 'Kim',
    start: start ? ymdToSerial(...start) : null,
    status: 'Not started',
  });
  setInputs(l, specOf('strategy-workbook', 'roadmap'), [
    item('Before the plan', [2027, 6, 30]),
    item('Build pipeline', [2027, 7, 1]),
    item('Flaky tests', [2027, 9, 30]),
    item('Read replicas', [2027, 10, 1]),
    item('Typed quarter wins', [2027, 7, 5], 'Q2'),
    item('Event pipeline', [2028, 1, 1]),
    item('Data catalogue', [2028, 6, 30]),
    item('After the plan', [2028, 7, 1]),
    item('No date'),
  ]);
  expect(line0(l, 'Timeline')).toBe('Roadmap items by quarter: Q1 2, Q2 2, Q3 1, Q4 1');
  expect(line0(l, 'Q1')).toBe('Build pipeline (Kim); Flaky tests (Kim)');
  expect(line0(l, 'Q2')).toBe('Read replicas (Kim); Typed quarter wins (Kim)');
  expectSheetEqualsCore(l);
  const { data } = readStrategy(engineSheets(l, true), NOW);
  const md = renderMarkdown(strategyDocument(data, todaySerial({ now: () => NOW })));
  const section = (q: string): string => {
    const rest = md.slice(md.indexOf(`### ${q}\n`) + 1);
    return rest.slice(0, rest.search(/\n##/));
  };
  expect(section('Q3')).toContain('Event pipeline');
  expect(section('Q4')).toContain('Data catalogue');
  expect(section('No quarter')).toContain('Before the plan');
  expect(section('No quarter')).toContain('After the plan');
  expect(section('No quarter')).not.toContain('Build pipeline');
  expect(md).toContain('initiatives by quarter: Q1 (2), Q2 (2), Q3 (1), Q4 (1)');
  l.destroy();
});

/**
 * A workbook filled the way a manager would, from blank: three themes, ten projects of their own (two "Don't Do",
 * three also on the roadmap, one there in another quarter than planned), metrics, context, principles, health
 * ratings and every part of the Organization sheet.
 */
describe("a manager's own workbook", () => {
  let l: LoadedPlan;
  const THEMES = ['Faster delivery', 'Reliable platform', 'Self-serve data'];
  const PROJECTS: [string, number, number, number, number, number][] = [
    // [name, theme index, impact, urgency, effort, risk]
    ['CI pipeline speed-up', 0, 9, 8, 3, 2],
    ['Flaky test triage', 0, 8, 6, 2, 2],
    ['Trunk-based development', 0, 7, 5, 4, 3],
    ['Rewrite the build in Bazel', 0, 3, 2, 9, 8],
    ['Postgres sharding', 1, 9, 7, 8, 6],
    ['On-call runbooks', 1, 6, 6, 2, 1],
    ['Chaos testing', 1, 4, 3, 8, 5],
    ['Event pipeline', 2, 8, 5, 6, 4],
    ['Self-serve dashboards', 2, 7, 4, 3, 2],
    ['Data catalogue', 2, 6, 3, 4, 3],
  ];
  beforeAll(() => {
    l = liveBlank();
    setInputs(
      l,
      specOf('strategy-workbook', 'themes'),
      THEMES.map((name, i) => ({
        name,
        // A line break typed in a cell (Alt+Enter): TRIM keeps it, the core's text too.
        driver: i === 0 ? 'Driver 1,\n  typed on two lines' : `Driver ${i + 1}`,
        implication: `Implication ${i + 1}`,
        criteria: `Criteria ${i + 1}`,
        timeline: '12 months',
        owner: ['Kim', 'Ana', 'Lee'][i],
      })),
    );
    setInputs(
      l,
      specOf('strategy-workbook', 'projects'),
      PROJECTS.map(([project, t, impact, urgency, effort, risk]) => ({
        project,
        theme: THEMES[t],
        impact,
        urgency,
        effort,
        risk,
        owner: ['Kim', 'Ana', 'Lee'][t],
      })),
    );
    setInputs(l, specOf('strategy-workbook', 'roadmap'), [
      { initiative: 'CI pipeline speed-up', theme: THEMES[0], quarter: 'Q1', owner: 'Kim', status: 'Done' },
      { initiative: 'Postgres sharding', theme: THEMES[1], quarter: 'Q4', owner: 'Ana', status: 'Not started' },
      { initiative: 'Event pipeline', theme: THEMES[2], quarter: 'Q3', owner: 'Lee', status: 'In progress' },
    ]);
    setInputs(l, specOf('strategy-workbook', 'metrics'), [
      {
        theme: THEMES[0],
        business: 'Lead time',
        technical: 'Deploys per day',
        baseline: 1,
        current: 2,
        target: 5,
        timeline: 'Q4',
      },
      {
        theme: THEMES[1],
        business: 'Churn from outages',
        technical: 'Uptime',
        baseline: '99.5%',
        current: '99.7%',
        target: '99.95%',
        timeline: 'Q4',
      },
      {
        theme: THEMES[2],
        business: 'Analyst hours saved',
        technical: 'Self-serve queries',
        baseline: 0,
        current: 40,
        target: 200,
        timeline: 'Q4',
      },
    ]);
    setInputs(l, specOf('strategy-workbook', 'context'), [
      { section: 'Objective', item: 'Ship weekly', theme: THEMES[0] },
      { section: 'Objective', item: 'No outage longer than an hour', theme: THEMES[1] },
      { section: 'Objective', item: 'Analysts answer their own questions', theme: THEMES[2] },
      // A section typed in lower case: the sheet compares as spreadsheets do, ignoring case.
      { section: 'objective', item: 'Fewer  manual steps', theme: THEMES[0] },
      { section: 'Constraint', item: 'Budget: $900K' },
      { section: 'Critical Metric', item: 'Net Revenue Retention' },
    ]);
    setInputs(l, specOf('strategy-workbook', 'principles'), [{ principle: 'Boring technology first' }]);
    setInputs(l, specOf('strategy-workbook', 'notDoing'), [{ item: 'Kubernetes', why: 'Not needed at our scale' }]);
    setInputs(
      l,
      specOf('strategy-workbook', 'health'),
      HEALTH_DIMENSIONS.map((dimension, i) => ({ dimension, rating: 2 + (i % 3), evidence: `Evidence ${i + 1}` })),
    );
    setInputs(l, specOf('strategy-workbook', 'org'), [
      { section: 'Company', item: 'Acme' },
      { section: 'Plan Year', item: 2027 },
      { section: 'Vision', item: 'Ship safely every day' },
      { section: 'Timeline Horizon', item: '18-month view', count: 18 },
      { section: 'Expected Outcome', item: 'Weekly releases' },
      { section: 'Current State', item: 'Monthly releases, two outages a quarter' },
      { section: 'Team', item: 'Platform', owner: 'Kim', count: 5 },
      { section: 'Team', item: 'Data', owner: 'Lee', count: 3 },
      { section: 'Hire', item: 'SRE', count: 1, quarter: 'Q2', status: 'Open' },
      { section: 'Budget Total', item: 'Engineering', amount: 900000 },
      { section: 'Budget Line', item: 'People', amount: 700000 },
      { section: 'Budget Line', item: 'Cloud', amount: 200000 },
      { section: 'Vendor', item: 'Datadog', detail: 'Monitoring' },
      { section: 'Decision Process', item: 'ADRs for anything irreversible' },
      { section: 'Communication', item: 'Fortnightly demo' },
      { section: 'Review Cadence', item: 'Monthly', count: 31 },
    ]);
  });
  afterAll(() => l.destroy());

  test('the sheet equals the core, and the Markdown fills every section of the guide with each initiative once', () => {
    expectSheetEqualsCore(l);
    const { data } = readStrategy(engineSheets(l, true), NOW);
    const md = renderMarkdown(strategyDocument(data, todaySerial({ now: () => NOW })));
    // The block computed live from the rows typed (the add-in's functions), read by the sheet's line as by the core.
    const sensitivity =
      "Most weight-sensitive decision: Postgres sharding stays out of the top 3 under 69 % of weight changes within ±25 %; raising Impact's weight alone by 17 % changes the top 3";
    expect(line0(l, 'Weight sensitivity')).toBe(sensitivity);
    expect(md).toContain(`\n**Weight sensitivity**: ${sensitivity}\n`);
    expect(md.split('\n')[0]).toBe('# Technical Strategy: Acme 2027');
    expect(md).not.toContain('not in the workbook yet');
    for (const heading of [
      'Executive Summary',
      'Business Context',
      'Strategic Themes',
      'Technical Principles',
      'Roadmap',
    ])
      expect(md).toContain(`\n## ${heading}\n`);
    for (const heading of ["What We're Not Doing (and Why)", 'Metrics', 'Organization & Resources', "How We'll Work"])
      expect(md).toContain(`\n## ${heading}\n`);
    const themes = md.slice(md.indexOf('## Strategic Themes'), md.indexOf('## Technical Principles'));
    // The quarters' initiatives, without the 85 % line (which names the plan's projects by their odds).
    const roadmap = withoutCommitments(md.slice(md.indexOf('## Roadmap'), md.indexOf("## What We're Not Doing")));
    const notDoing = md.slice(md.indexOf("## What We're Not Doing"), md.indexOf('## Metrics'));
    const dontDo = ['Rewrite the build in Bazel', 'Chaos testing'];
    for (const [name] of PROJECTS) {
      const times = (text: string): number => text.split(name).length - 1;
      if (dontDo.includes(name)) {
        expect({ name, themes: times(themes), roadmap: times(roadmap), notDoing: times(notDoing) }).toEqual({
          name,
          themes: 0,
          roadmap: 0,
          notDoing: 1,
        });
      } else expect({ name, themes: times(themes), roadmap: times(roadmap) }).toEqual({ name, themes: 1, roadmap: 1 });
    }
    // The roadmap's quarter and status win over the plan's.
    expect(themes).toContain('Postgres sharding (Ana, Q4, Not started)');
    expect(md).toContain('| Faster delivery | Lead time | Deploys per day | 1 | 2 | 5 |');
  });

  test('the review names the project whose roadmap quarter differs from its plan, and nothing a full workbook has', () => {
    const { data } = readStrategy(engineSheets(l, true), NOW);
    const review = strategyDocument(data, todaySerial({ now: () => NOW })).findings.map((f) => [f.check, f.items]);
    // Planned first fit with a capacity of 10: Postgres sharding lands in the plan's second quarter (the quarter
    // after the First quarter default, the quarter of insertion: Q1 2027 when inserted in Q4 2026), the roadmap says Q4.
    const nextQuarter = strategyQuarter(todaySerial({ now: () => NOW }) + 92 - (NOW.getDate() - 1));
    expect(data.projects.find((p) => p.project === 'Postgres sharding')!.quarter).toBe(nextQuarter);
    expect(review).toContainEqual(['Projects whose roadmap quarter is not their planned quarter', 'Postgres sharding']);
    const checks = review.map(([c]) => c);
    for (const gone of ['No vision', 'No strategic theme', 'No project and no roadmap item', 'No success metric'])
      expect(checks).not.toContain(gone);
    expect(checks).not.toContain('Parts of the strategy document the workbook leaves empty');
  });
});
