/**
 * The Strategy Review's checks, declared once: what each looks for, the seed guide's advice, and how it is
 * computed twice — by the core (on StrategyData, for the CLI's strategy document) and as native formulas
 * (for the Strategy Review sheet, which must calculate without the add-in). The engine tests prove both
 * agree on the same workbook.
 *
 * A check either walks the rows of one or more sheets ("sources": a row is an offending item when its flag
 * holds, and is named by its name) or looks at the strategy as a whole.
 * Text comparisons are case-insensitive and ignore surrounding spaces, as spreadsheet comparisons do.
 */
import { literalCriterion } from '../spec/literal';
import type { StrategyData } from './data';
import { metricName } from './data';
import { rowsOfTheme, sameName, themeIndex, themeKey } from './theme-index';
import { isNotAvailable, parseMetric } from '../metrics/value';
import { QUADRANT_TEXT } from '../scoring/quadrant';
import { BEYOND_PREFIX, START_UNKNOWN_TEXT, TOO_BIG_TEXT } from '../scoring/plan';
import { planPosition, planStart, roadmapRowQuarter } from './plan-position';
import { nRoadmapRowQuarter } from './plan-native';
import { roadmapItemNamed } from './initiatives';
import { ORG } from '../catalogue/organization';
import { DISCUSS_PREFIX } from '../catalogue/team';
import { ADDRESS_NOW } from '../decisions/debt';
import {
  cadenceDays,
  DEFAULT_CADENCE_DAYS,
  DEFAULT_HORIZON_QUARTERS,
  DOCUMENT_SECTIONS_NEEDED,
  horizonQuarters,
  missingSections,
  orgText,
} from './organization';
import { ROADMAP_STATUS } from '../catalogue/roadmap';

/** How many offending items a check names before "and N more". */
export const SHOWN_ITEMS = 3;
/** A snapshot older than this many days is stale when the workbook sets no review cadence (the guide's monthly strategy review). */
export const SNAPSHOT_MAX_AGE_DAYS = DEFAULT_CADENCE_DAYS;

export type Severity = 'warning' | 'failure';
export const STATUS_MARK = { pass: '✓', warning: '⚠', failure: '✗' } as const;

/** A cell of the source row being checked, by column key (a native reference such as `'Roadmap'!F7`). */
export type RowCell = (column: string) => string;
/** A whole data column of a sheet, by sheet key and column key (a native range). */
export type SheetColumn = (sheet: string, column: string) => string;

export interface ReviewSource {
  /** Sheet key of the rows (themes, projects, roadmap, metrics, context, adr, notDoing). */
  sheet: string;
  /** The offending items' names, in row order, by the core. */
  core: (d: StrategyData, today: number) => string[];
  /** Native: TRUE when the row offends; its name. */
  flag: (c: RowCell, col: SheetColumn) => string;
  name: (c: RowCell) => string;
}

export interface WholeCheck {
  core: (d: StrategyData, today: number) => { count: number; items: string };
  count: (col: SheetColumn) => string;
  /** Native items text; `count` is the cell holding the count. */
  items: (col: SheetColumn, count: string) => string;
}

export interface ReviewCheck {
  id: string;
  /** The guide's pitfall or step it guards. */
  area: string;
  check: string;
  severity: Severity;
  /** The seed guide's advice. */
  advice: string;
  sources?: ReviewSource[];
  whole?: WholeCheck;
}

// ---- core helpers: spreadsheet-like text tests ----
const blank = (s: string | number | undefined): boolean => s === undefined || String(s).trim() === '';
const themeKnown = (d: StrategyData, theme: string): boolean => themeIndex(d).themes.has(themeKey(theme));
const notMeasured = (v: string | number): boolean => {
  if (blank(v)) return true;
  const p = parseMetric(v);
  return p !== undefined && isNotAvailable(p);
};
const names = <R>(rows: R[], flag: (r: R) => boolean, name: (r: R) => string): string[] =>
  rows.filter(flag).map((r) => name(r).trim());

// ---- native helpers ----
const nBlank = (x: string): string => `TRIM(${x})=""`;
const nFilled = (x: string): string => `TRIM(${x})<>""`;
const nThemeUnknown = (col: SheetColumn, theme: string): string =>
  `COUNTIF(${col('themes', 'name')},${literalCriterion(`TRIM(${theme})`)})=0`;
/** The metrics sheet's normalised text (hidden column) is blank or N/A: not measured. */
const nNotMeasured = (norm: string): string => `OR(${norm}="",${norm}="N/A",${norm}="NA",${norm}="N.A.",${norm}="-")`;
const nMetricName = (c: RowCell): string =>
  `IF(${nFilled(c('technical'))},TRIM(${c('technical')}),TRIM(${c('business')}))`;

const project = (row: 'projects' | 'roadmap'): { key: string; name: string } =>
  row === 'projects' ? { key: 'projects', name: 'project' } : { key: 'roadmap', name: 'initiative' };

/** A source over the projects (Prioritization) or the roadmap items with the same kind of test. */
function workSource(
  which: 'projects' | 'roadmap',
  core: (r: { theme: string; owner: string }, d: StrategyData) => boolean,
  flag: (c: RowCell, col: SheetColumn) => string,
): ReviewSource {
  const { key, name } = project(which);
  return {
    sheet: key,
    core: (d) =>
      which === 'projects'
        ? names(
            d.projects,
            (r) => !blank(r.project) && core(r, d),
            (r) => r.project,
          )
        : names(
            d.roadmap,
            (r) => !blank(r.initiative) && core(r, d),
            (r) => r.initiative,
          ),
    flag: (c, col) => `AND(${nFilled(c(name))},${flag(c, col)})`,
    name: (c) => `TRIM(${c(name)})`,
  };
}

const PITFALL_1 = 'Pitfall 1 · Connect work to strategy';
const PITFALL_2 = 'Pitfall 2 · Owners and timelines';
const PITFALL_3 = 'Pitfall 3 · Keep the strategy alive';
const PITFALL_4 = 'Pitfall 4 · Connect to the business';
const PITFALL_6 = 'Pitfall 6 · State the trade-offs';
const CONTEXT_STEP = 'Step 1 · Business context';
const THEMES_STEP = 'Step 3 · Strategic themes';
const METRICS_STEP = 'Step 6 · Success metrics';
const ROADMAP_STEP = 'Step 5 · Roadmap';
const HEALTH_STEP = 'Step 2 · Technical health';

const ADVICE = {
  p1: 'Connect every project to a strategic theme explicitly: add the "strategic theme" field to project planning and reviews.',
  p2: 'Include concrete projects and owners with timelines: a quarterly execution plan with specific deliverables.',
  p3: 'Review and adjust quarterly based on learnings: schedule quarterly strategy retrospectives.',
  p4: 'Start with business objectives and involve stakeholders early: co-create the strategy with product, business and engineering leaders.',
  p6: 'Be explicit about trade-offs and what we are deprioritizing: keep a "What we\'re not doing and why" section.',
};

const DO_NOW = QUADRANT_TEXT['quick-win'].action;

export const REVIEW_CHECKS: ReviewCheck[] = [
  ...emptyPlanChecks(),
  {
    id: 'work-no-theme',
    area: PITFALL_1,
    check: 'Projects and roadmap items without a theme',
    severity: 'failure',
    advice: ADVICE.p1,
    sources: (['projects', 'roadmap'] as const).map((w) =>
      workSource(
        w,
        (r) => blank(r.theme),
        (c) => nBlank(c('theme')),
      ),
    ),
  },
  {
    id: 'work-unknown-theme',
    area: PITFALL_1,
    check: 'Projects and roadmap items whose theme is not a strategic theme',
    severity: 'failure',
    advice: `${ADVICE.p1} Use the theme names of the Strategic Themes sheet.`,
    sources: (['projects', 'roadmap'] as const).map((w) =>
      workSource(
        w,
        (r, d) => !blank(r.theme) && !themeKnown(d, r.theme),
        (c, col) => `AND(${nFilled(c('theme'))},${nThemeUnknown(col, c('theme'))})`,
      ),
    ),
  },
  {
    id: 'work-no-owner',
    area: PITFALL_2,
    check: 'Projects and roadmap items without an owner',
    severity: 'failure',
    advice: ADVICE.p2,
    sources: (['projects', 'roadmap'] as const).map((w) =>
      workSource(
        w,
        (r) => blank(r.owner),
        (c) => nBlank(c('owner')),
      ),
    ),
  },
  {
    id: 'roadmap-no-dates',
    area: PITFALL_2,
    check: 'Roadmap items without a start or end date',
    severity: 'warning',
    advice: ADVICE.p2,
    sources: [
      {
        sheet: 'roadmap',
        core: (d) =>
          names(
            d.roadmap,
            (r) => !blank(r.initiative) && (r.start === undefined || r.end === undefined),
            (r) => r.initiative,
          ),
        flag: (c) => `AND(${nFilled(c('initiative'))},OR(NOT(ISNUMBER(${c('start')})),NOT(ISNUMBER(${c('end')}))))`,
        name: (c) => `TRIM(${c('initiative')})`,
      },
    ],
  },
  {
    id: 'roadmap-overdue',
    area: ROADMAP_STEP,
    check: 'Roadmap items past their end date and not done',
    severity: 'failure',
    advice:
      'Weekly: review progress on key initiatives and make decisions on blockers; replan or close items that slipped.',
    sources: [
      {
        sheet: 'roadmap',
        core: (d, today) =>
          names(
            d.roadmap,
            (r) =>
              !blank(r.initiative) && r.end !== undefined && r.end < today && !sameName(r.status, ROADMAP_STATUS.done),
            (r) => r.initiative,
          ),
        flag: (c) =>
          `AND(${nFilled(c('initiative'))},ISNUMBER(${c('end')}),N(${c('end')})<TODAY(),TRIM(${c('status')})<>"${ROADMAP_STATUS.done}")`,
        name: (c) => `TRIM(${c('initiative')})`,
      },
    ],
  },
  planStartCheck(),
  ...planChecks(),
  ...dependencyChecks(),
  ...orgChecks(),
  hiringCheck(),
  ...themeChecks(),
  ...metricChecks(),
  {
    id: 'objective-no-theme',
    area: PITFALL_4,
    check: 'Business objectives no strategic theme serves',
    severity: 'failure',
    advice: `${ADVICE.p4} Name the theme that serves each objective in the Business Context sheet.`,
    sources: [
      {
        sheet: 'context',
        core: (d) =>
          names(
            d.context,
            (r) => sameName(r.section, 'Objective') && !blank(r.item) && (blank(r.theme) || !themeKnown(d, r.theme)),
            (r) => r.item,
          ),
        flag: (c, col) =>
          `AND(TRIM(${c('section')})="Objective",${nFilled(c('item'))},OR(${nBlank(c('theme'))},${nThemeUnknown(col, c('theme'))}))`,
        name: (c) => `TRIM(${c('item')})`,
      },
    ],
  },
  ...tradeOffChecks(),
  ...decisionChecks(),
  ...cadenceChecks(),
];

function themeSource(
  core: (t: StrategyData['themes'][number], d: StrategyData) => boolean,
  flag: (c: RowCell, col: SheetColumn) => string,
): ReviewSource[] {
  return [
    {
      sheet: 'themes',
      core: (d) =>
        names(
          d.themes,
          (t) => !blank(t.name) && core(t, d),
          (t) => t.name,
        ),
      flag: (c, col) => `AND(${nFilled(c('name'))},${flag(c, col)})`,
      name: (c) => `TRIM(${c('name')})`,
    },
  ];
}

function themeChecks(): ReviewCheck[] {
  const advice =
    'A strategic theme connects to a business objective, guides multiple technical decisions, is measurable with success criteria and has a clear timeline and owner.';
  return [
    {
      id: 'theme-no-criteria',
      area: THEMES_STEP,
      check: 'Themes without success criteria',
      severity: 'warning',
      advice,
      sources: themeSource(
        (t) => blank(t.criteria),
        (c) => nBlank(c('criteria')),
      ),
    },
    {
      id: 'theme-no-owner',
      area: THEMES_STEP,
      check: 'Themes without an owner',
      severity: 'warning',
      advice,
      sources: themeSource(
        (t) => blank(t.owner),
        (c) => nBlank(c('owner')),
      ),
    },
    {
      id: 'theme-no-metric',
      area: METRICS_STEP,
      check: 'Themes without a metric',
      severity: 'warning',
      advice: 'Create measurable outcomes for each strategic theme: a business and a technical metric with a target.',
      sources: themeSource(
        (t, d) => rowsOfTheme(d, 'metrics', t.name).length === 0,
        (c, col) => `COUNTIF(${col('metrics', 'theme')},${literalCriterion(`TRIM(${c('name')})`)})=0`,
      ),
    },
    {
      id: 'theme-no-work',
      area: PITFALL_2,
      check: 'Themes without any project or roadmap item',
      severity: 'warning',
      advice: 'Break each strategic theme into concrete projects with timelines and owners.',
      sources: themeSource(
        (t, d) => rowsOfTheme(d, 'projects', t.name).length === 0 && rowsOfTheme(d, 'roadmap', t.name).length === 0,
        (c, col) =>
          `COUNTIF(${col('projects', 'theme')},${literalCriterion(`TRIM(${c('name')})`)})+COUNTIF(${col('roadmap', 'theme')},${literalCriterion(`TRIM(${c('name')})`)})=0`,
      ),
    },
  ];
}

function metricSource(
  core: (m: StrategyData['metrics'][number]) => boolean,
  flag: (c: RowCell) => string,
): ReviewSource[] {
  return [
    {
      sheet: 'metrics',
      core: (d) => names(d.metrics, (m) => metricName(m) !== '' && core(m), metricName),
      flag: (c) => `AND(OR(${nFilled(c('technical'))},${nFilled(c('business'))}),${flag(c)})`,
      name: nMetricName,
    },
  ];
}

function metricChecks(): ReviewCheck[] {
  return [
    {
      id: 'metric-no-target',
      area: METRICS_STEP,
      check: 'Metrics without a target',
      severity: 'warning',
      advice: 'Every metric needs a target ("<200ms", "$1M", "100+") to measure progress against.',
      sources: metricSource(
        (m) => notMeasured(m.target),
        (c) => nNotMeasured(c('targetNorm')),
      ),
    },
    {
      id: 'metric-no-due',
      area: METRICS_STEP,
      check: 'Metrics without a due quarter or date',
      severity: 'warning',
      advice: 'Give each metric the quarter (Timeline) or the date (Due) by which the target must be met.',
      sources: metricSource(
        (m) => blank(m.timeline) && m.due === undefined,
        (c) => `AND(${nBlank(c('timeline'))},NOT(ISNUMBER(${c('due')})))`,
      ),
    },
    {
      id: 'metric-no-baseline',
      area: METRICS_STEP,
      check: 'Metrics without a baseline',
      severity: 'warning',
      advice:
        'Measure where each metric starts: without a baseline progress cannot be measured (the status then goes by the time left).',
      sources: metricSource(
        (m) => notMeasured(m.baseline),
        (c) => nNotMeasured(c('baselineNorm')),
      ),
    },
  ];
}

/**
 * Team Scoring and Technical Debt: projects whose raters still disagree (the sheet's "Discuss …" flag), and debt that
 * pays back within a quarter ("Address now") with no roadmap initiative of the same name to fix it.
 */
function decisionChecks(): ReviewCheck[] {
  const discussing = (s: string): boolean => s.trim().toLowerCase().startsWith(DISCUSS_PREFIX.toLowerCase());
  return [
    {
      id: 'team-discuss',
      area: ROADMAP_STEP,
      check: 'Projects the raters still disagree on (Team Scoring: "Discuss")',
      severity: 'warning',
      advice:
        'Scores are only as good as the agreement behind them: the raters named in the Discuss column talk it through and score again before the team score ranks the project.',
      sources: [
        {
          sheet: 'team',
          core: (d) =>
            names(
              d.team,
              (r) => !blank(r.project) && discussing(r.discuss),
              (r) => r.project,
            ),
          flag: (c) =>
            `AND(${nFilled(c('project'))},LEFT(TRIM(${c('discuss')}),${DISCUSS_PREFIX.length})="${DISCUSS_PREFIX}")`,
          name: (c) => `TRIM(${c('project')})`,
        },
      ],
    },
    {
      id: 'debt-unplanned',
      area: HEALTH_STEP,
      check: 'Technical debt that pays back within a quarter and is on no roadmap',
      severity: 'warning',
      advice:
        "Estimate the cost of continuing vs addressing debt: a fix that pays back within a quarter belongs on the roadmap (an initiative named as the debt's Area).",
      sources: [
        {
          sheet: 'debt',
          core: (d) =>
            names(
              d.debt,
              (r) => !blank(r.area) && sameName(r.decision, ADDRESS_NOW) && !roadmapItemNamed(d, r.area),
              (r) => r.area,
            ),
          flag: (c, col) =>
            `AND(${nFilled(c('area'))},TRIM(${c('decision')})="${ADDRESS_NOW}",COUNTIF(${col('roadmap', 'initiative')},${literalCriterion(`TRIM(${c('area')})`)})=0)`,
          name: (c) => `TRIM(${c('area')})`,
        },
      ],
    },
  ];
}

function tradeOffChecks(): ReviewCheck[] {
  return [
    {
      id: 'not-doing-empty',
      area: PITFALL_6,
      check: "Nothing on the What We're Not Doing list",
      severity: 'failure',
      advice: ADVICE.p6,
      whole: {
        core: (d) => {
          const none = !d.notDoing.some((n) => !blank(n.item));
          return { count: none ? 1 : 0, items: none ? 'The list is empty' : '' };
        },
        count: (col) => `IF(COUNTIF(${col('notDoing', 'item')},"?*")=0,1,0)`,
        items: (_col, count) => `IF(${count}>0,"The list is empty","")`,
      },
    },
    {
      id: 'over-capacity',
      area: PITFALL_6,
      check: 'Projects that do not fit the quarterly capacity',
      severity: 'warning',
      advice:
        'Plan within capacity: raise the capacity per quarter, cut scope, or move projects to the not-doing list.',
      sources: [
        {
          sheet: 'projects',
          core: (d) =>
            names(
              d.projects,
              (p) =>
                !blank(p.project) &&
                (sameName(p.quarter, TOO_BIG_TEXT) ||
                  p.quarter.trim().toLowerCase().startsWith(BEYOND_PREFIX.toLowerCase())),
              (p) => p.project,
            ),
          flag: (c) =>
            `AND(${nFilled(c('project'))},OR(TRIM(${c('quarter')})="${TOO_BIG_TEXT}",LEFT(TRIM(${c('quarter')}),${BEYOND_PREFIX.length})="${BEYOND_PREFIX}"))`,
          name: (c) => `TRIM(${c('project')})`,
        },
      ],
    },
    {
      id: 'all-do-now',
      area: PITFALL_6,
      check: 'Every project in "Do Now"',
      severity: 'warning',
      advice:
        'A strategy is opinionated about trade-offs: if everything is a quick win, the scoring is not separating big bets from time sinks.',
      whole: {
        core: (d) => {
          const scored = d.projects.filter((p) => !blank(p.quadrant));
          const all = scored.length >= 2 && scored.every((p) => sameName(p.quadrant, DO_NOW));
          return { count: all ? scored.length : 0, items: all ? `All ${scored.length} scored projects` : '' };
        },
        count: (col) =>
          `IF(AND(COUNTIF(${col('projects', 'quadrant')},"?*")>=2,COUNTIF(${col('projects', 'quadrant')},"${DO_NOW}")=COUNTIF(${col('projects', 'quadrant')},"?*")),COUNTIF(${col('projects', 'quadrant')},"?*"),0)`,
        items: (_col, count) => `IF(${count}>0,"All "&${count}&" scored projects","")`,
      },
    },
  ];
}

function cadenceChecks(): ReviewCheck[] {
  return [
    {
      id: 'adr-review-due',
      area: PITFALL_3,
      check: 'Architecture decisions past their review date',
      severity: 'warning',
      advice: `${ADVICE.p3} Revisit each decision on its review date: keep, supersede or deprecate it.`,
      sources: [
        {
          sheet: 'adr',
          core: (d, today) =>
            names(
              d.adrs,
              (a) =>
                !blank(`${a.number}${a.title}`) &&
                a.review !== undefined &&
                a.review <= today &&
                !sameName(a.status, 'Deprecated') &&
                !sameName(a.status, 'Superseded'),
              (a) => `${a.number.trim()} ${a.title.trim()}`,
            ),
          flag: (c) =>
            `AND(TRIM(${c('number')}&${c('title')})<>"",ISNUMBER(${c('review')}),N(${c('review')})<=TODAY(),TRIM(${c('status')})<>"Deprecated",TRIM(${c('status')})<>"Superseded")`,
          name: (c) => `TRIM(TRIM(${c('number')})&" "&TRIM(${c('title')}))`,
        },
      ],
    },
    {
      id: 'not-doing-revisit-due',
      area: PITFALL_3,
      check: '"Not doing" decisions past their revisit date',
      severity: 'warning',
      advice: `${ADVICE.p3} Look again at each trade-off on its revisit date: keep it, or move it into the plan.`,
      sources: [
        {
          sheet: 'notDoing',
          core: (d, today) =>
            names(
              d.notDoing,
              (n) => !blank(n.item) && n.revisit !== undefined && n.revisit <= today,
              (n) => n.item,
            ),
          flag: (c) => `AND(${nFilled(c('item'))},ISNUMBER(${c('revisit')}),N(${c('revisit')})<=TODAY())`,
          name: (c) => `TRIM(${c('item')})`,
        },
      ],
    },
    {
      id: 'no-recent-snapshot',
      area: PITFALL_3,
      check: `No progress snapshot within the review cadence (${SNAPSHOT_MAX_AGE_DAYS} days unless set)`,
      severity: 'warning',
      advice:
        'Monthly strategy review: review metrics and progress. Use "Record snapshot" to add today\'s values to the Progress History sheet.',
      whole: {
        core: (d, today) => {
          const dates = d.history.map((h) => h.date).filter((x) => Number.isFinite(x));
          if (dates.length === 0) return { count: 1, items: 'No snapshot recorded yet' };
          const age = today - dates.reduce((a, b) => Math.max(a, b), -Infinity);
          return age > cadenceDays(d) ? { count: 1, items: `Last snapshot ${age} days ago` } : { count: 0, items: '' };
        },
        count: (col) =>
          `IF(COUNT(${col('history', 'date')})=0,1,IF(TODAY()-MAX(${col('history', 'date')})>${nCadence(col)},1,0))`,
        items: (col, count) =>
          `IF(COUNT(${col('history', 'date')})=0,"No snapshot recorded yet",IF(${count}>0,"Last snapshot "&(TODAY()-MAX(${col('history', 'date')}))&" days ago",""))`,
      },
    },
  ];
}

// ---- an empty or inconsistent plan ----

/** Native: a column of the first Organization row of a section (MATCH, as organization.ts orgFirst). */
const nOrgFirst = (col: SheetColumn, section: string, column: string): string =>
  `INDEX(${col('org', column)},MATCH("${section}",${col('org', 'section')},0))`;
/** Native: organization.ts cadenceDays. */
const nCadence = (col: SheetColumn): string =>
  `IFERROR(IF(N(${nOrgFirst(col, ORG.cadence, 'count')})>0,N(${nOrgFirst(col, ORG.cadence, 'count')}),${DEFAULT_CADENCE_DAYS}),${DEFAULT_CADENCE_DAYS})`;
/** Native: organization.ts horizonQuarters. */
const nHorizon = (col: SheetColumn): string =>
  `IFERROR(IF(N(${nOrgFirst(col, ORG.horizon, 'count')})>0,ROUNDUP(N(${nOrgFirst(col, ORG.horizon, 'count')})/3,0),${DEFAULT_HORIZON_QUARTERS}),${DEFAULT_HORIZON_QUARTERS})`;

/** A check of the strategy as a whole that fails when `none` holds (nothing of a kind in the workbook). */
function nothingCheck(
  id: string,
  area: string,
  check: string,
  advice: string,
  none: (d: StrategyData) => boolean,
  nativeCount: (col: SheetColumn) => string,
  item: string,
): ReviewCheck {
  return {
    id,
    area,
    check,
    severity: 'failure',
    advice,
    whole: {
      core: (d) => (none(d) ? { count: 1, items: item } : { count: 0, items: '' }),
      count: (col) => `IF(${nativeCount(col)}=0,1,0)`,
      items: (_col, count) => `IF(${count}>0,"${item}","")`,
    },
  };
}

/** The cells of a sheet's column that hold text ("?*" counts non-empty texts, as the not-doing check does). */
const nTexts = (col: SheetColumn, sheet: string, column: string): string => `COUNTIF(${col(sheet, column)},"?*")`;

function emptyPlanChecks(): ReviewCheck[] {
  return [
    nothingCheck(
      'no-objectives',
      CONTEXT_STEP,
      'No business objective',
      `${ADVICE.p4} Write the top 3 business goals as objectives in the Business Context sheet.`,
      (d) => !d.context.some((c) => sameName(c.section, 'Objective') && !blank(c.item)),
      (col) => `COUNTIFS(${col('context', 'section')},"Objective",${col('context', 'item')},"?*")`,
      'No objective in Business Context',
    ),
    nothingCheck(
      'no-vision',
      CONTEXT_STEP,
      'No vision',
      'Start the document with the strategic vision: one sentence on where we are going (Organization & Ways of Working sheet).',
      (d) => orgText(d, ORG.vision) === '',
      (col) => `LEN(TRIM(IFERROR(${nOrgFirst(col, ORG.vision, 'item')}&"","")))`,
      'No vision in Organization & Ways of Working',
    ),
    nothingCheck(
      'no-themes',
      THEMES_STEP,
      'No strategic theme',
      'Define 3-5 strategic themes that connect business needs to technical work.',
      (d) => !d.themes.some((t) => !blank(t.name)),
      (col) => nTexts(col, 'themes', 'name'),
      'No theme in Strategic Themes',
    ),
    {
      id: 'theme-count',
      area: THEMES_STEP,
      check: 'Fewer than 3 or more than 5 strategic themes',
      severity: 'warning',
      advice: 'Define 3-5 strategic themes: fewer leaves business needs unserved, more spreads the team too thin.',
      whole: {
        core: (d) => {
          const n = d.themes.filter((t) => !blank(t.name)).length;
          return n > 0 && (n < 3 || n > 5)
            ? { count: n, items: n === 1 ? '1 theme' : `${n} themes` }
            : { count: 0, items: '' };
        },
        count: (col) =>
          `IF(AND(${nTexts(col, 'themes', 'name')}>0,OR(${nTexts(col, 'themes', 'name')}<3,${nTexts(col, 'themes', 'name')}>5)),${nTexts(col, 'themes', 'name')},0)`,
        items: (_col, count) => `IF(${count}>0,${count}&IF(${count}=1," theme"," themes"),"")`,
      },
    },
    nothingCheck(
      'no-projects',
      PITFALL_2,
      'No project and no roadmap item',
      ADVICE.p2,
      (d) => !d.projects.some((p) => !blank(p.project)) && !d.roadmap.some((r) => !blank(r.initiative)),
      (col) => `${nTexts(col, 'projects', 'project')}+${nTexts(col, 'roadmap', 'initiative')}`,
      'No project in Prioritization or Roadmap',
    ),
    nothingCheck(
      'no-metrics',
      METRICS_STEP,
      'No success metric',
      'Create measurable outcomes for each strategic theme: a business and a technical metric with a target.',
      (d) => !d.metrics.some((m) => metricName(m) !== ''),
      (col) => `${nTexts(col, 'metrics', 'business')}+${nTexts(col, 'metrics', 'technical')}`,
      'No metric in Metrics Dashboard',
    ),
  ];
}

/** Native: a planned quarter label's position in the plan (plan-position.ts), or 0 when it is not a quarter. */
function nPlanPosition(c: RowCell): string {
  const l = `TRIM(${c('quarter')})`;
  const yearsOn = `IF(LEN(${l})=2,0,IF(MID(${l},4,1)="Y",VALUE(MID(${l},5,9))-1,VALUE(RIGHT(${l},4))-${c('hStartYear')}))`;
  return `IFERROR(IF(LEFT(${l},1)="Q",${yearsOn}*4+VALUE(MID(${l},2,1))-${c('hStartQ')}+1,0),0)`;
}

/**
 * Native roadmapQuarterOf: the roadmap quarter (1–4) of the Roadmap item of this name (the first, as MATCH finds
 * it), or 0 — its Quarter as typed, or when blank the plan quarter its Start falls in (plan-native.ts).
 */
function nRoadmapQuarter(name: string, col: SheetColumn): string {
  const at = (column: string): string =>
    `INDEX(${col('roadmap', column)},MATCH(${name},${col('roadmap', 'initiative')},0))`;
  return `IFERROR(${nRoadmapRowQuarter(at('quarter'), at('start'), col)},0)`;
}

/**
 * The roadmap quarter (1–4) of the Roadmap item of this name, or 0: its Quarter as typed, or when blank the plan
 * quarter its Start falls in (plan-position.ts roadmapRowQuarter, as the document counts it).
 */
function roadmapQuarterOf(d: StrategyData, name: string): number {
  const r = roadmapItemNamed(d, name);
  const m = r ? /^Q([1-4])/i.exec(roadmapRowQuarter(r, planStart(d))) : null;
  return m ? Number(m[1]) : 0;
}

/** The roadmap item a dependency names (first by name), as MATCH finds it. */
const dependency = (d: StrategyData, name: string): StrategyData['roadmap'][number] | undefined =>
  roadmapItemNamed(d, name);

function dependencyChecks(): ReviewCheck[] {
  const source = (
    core: (r: StrategyData['roadmap'][number], d: StrategyData) => boolean,
    flag: (c: RowCell, col: SheetColumn) => string,
  ): ReviewSource => ({
    sheet: 'roadmap',
    core: (d) =>
      names(
        d.roadmap,
        (r) => !blank(r.initiative) && !blank(r.dependsOn) && core(r, d),
        (r) => r.initiative,
      ),
    flag: (c, col) => `AND(${nFilled(c('initiative'))},${nFilled(c('dependsOn'))},${flag(c, col)})`,
    name: (c) => `TRIM(${c('initiative')})`,
  });
  const depEnd = (c: RowCell, col: SheetColumn): string =>
    `INDEX(${col('roadmap', 'end')},MATCH(TRIM(${c('dependsOn')}),${col('roadmap', 'initiative')},0))`;
  return [
    {
      id: 'dependency-order',
      area: ROADMAP_STEP,
      check: 'Roadmap items that start before what they depend on ends',
      severity: 'failure',
      advice:
        'Map dependencies and integration points: start an initiative after the one it depends on ends, or move that one earlier.',
      sources: [
        source(
          (r, d) => {
            const dep = dependency(d, r.dependsOn);
            return r.start !== undefined && dep?.end !== undefined && r.start <= dep.end;
          },
          (c, col) =>
            `ISNUMBER(${c('start')}),IFERROR(AND(ISNUMBER(${depEnd(c, col)}),N(${c('start')})<=${depEnd(c, col)}),FALSE())`,
        ),
      ],
    },
    {
      id: 'dependency-unknown',
      area: ROADMAP_STEP,
      check: 'Roadmap items that depend on an initiative not on the roadmap',
      severity: 'warning',
      advice: 'Name the dependency as the roadmap names it (Depends On offers the roadmap’s initiatives), or add it.',
      sources: [
        source(
          (r, d) => dependency(d, r.dependsOn) === undefined,
          (c, col) => `COUNTIF(${col('roadmap', 'initiative')},TRIM(${c('dependsOn')}))=0`,
        ),
      ],
    },
  ];
}

function orgChecks(): ReviewCheck[] {
  const present = (col: SheetColumn, section: string): string =>
    `COUNTIFS(${col('org', 'section')},"${section}",${col('org', 'item')},"<>")>0`;
  const gaps = (col: SheetColumn): string =>
    DOCUMENT_SECTIONS_NEEDED.map((x) => `IF(${present(col, x)},"",", ${x}")`).join('&');
  return [
    {
      id: 'team-no-owner',
      area: PITFALL_2,
      check: 'Teams without an owner',
      severity: 'warning',
      advice: 'Give every team an owner: the team structure says who leads what (Organization & Ways of Working).',
      sources: [
        {
          sheet: 'org',
          core: (d) =>
            names(
              d.org,
              (r) => sameName(r.section, ORG.team) && !blank(r.item) && blank(r.owner),
              (r) => r.item,
            ),
          flag: (c) => `AND(TRIM(${c('section')})="${ORG.team}",${nFilled(c('item'))},${nBlank(c('owner'))})`,
          name: (c) => `TRIM(${c('item')})`,
        },
      ],
    },
    {
      id: 'document-gaps',
      area: 'Step 7 · Strategy document',
      check: 'Parts of the strategy document the workbook leaves empty',
      severity: 'warning',
      advice:
        'Fill in the Organization & Ways of Working sheet: the document prints a placeholder for each part left empty.',
      whole: {
        core: (d) => {
          const missing = missingSections(d);
          return { count: missing.length, items: missing.join(', ') };
        },
        count: (col) => DOCUMENT_SECTIONS_NEEDED.map((x) => `IF(${present(col, x)},0,1)`).join('+'),
        items: (col, count) => `IF(${count}>0,MID(${gaps(col)},3,2000),"")`,
      },
    },
  ];
}

/** The hire's quarter: the digit after a leading "Q" ("Q3" is 3), or 0 when it names none; native: nHireQuarter. */
function hireQuarter(quarter: string): number {
  const m = /^Q(\d)/i.exec(quarter.trim());
  return m ? Number(m[1]) : 0;
}
const nHireQuarter = (c: RowCell): string =>
  `IFERROR(IF(LEFT(TRIM(${c('quarter')}),1)="Q",VALUE(MID(TRIM(${c('quarter')}),2,1)),0),0)`;
/** Native: the roadmap quarter (1–4) of the initiative a hire is needed for, or 0. */
const nNeededQuarter = (c: RowCell, col: SheetColumn): string => nRoadmapQuarter(`TRIM(${c('neededFor')})`, col);

/** Hires that join after the quarter of the roadmap initiative they are needed for. */
function hiringCheck(): ReviewCheck {
  return {
    id: 'hire-late',
    area: 'Step 7 · Organization & resources',
    check: 'Hires planned after the quarter the initiative needing them starts',
    severity: 'warning',
    advice:
      'Plan the hiring with the roadmap: open the role a quarter earlier, move the initiative later, or staff it from a team that has the skills now.',
    sources: [
      {
        sheet: 'org',
        core: (d) =>
          names(
            d.org,
            (r) => {
              if (!sameName(r.section, ORG.hire) || blank(r.item) || blank(r.neededFor)) return false;
              const [hire, needed] = [hireQuarter(r.quarter), roadmapQuarterOf(d, r.neededFor ?? '')];
              return hire > 0 && needed > 0 && hire > needed;
            },
            (r) => r.item,
          ),
        flag: (c, col) =>
          `AND(TRIM(${c('section')})="${ORG.hire}",${nFilled(c('item'))},${nFilled(c('neededFor'))},${nHireQuarter(c)}>0,${nNeededQuarter(c, col)}>0,${nHireQuarter(c)}>${nNeededQuarter(c, col)})`,
        name: (c) => `TRIM(${c('item')})`,
      },
    ],
  };
}

/**
 * The First quarter setting is no quarter ("soon", "Q3 FY27"): every scored project's Planned Quarter says so
 * (START_UNKNOWN_TEXT), and the review names them, so the plan's quarters are not silently missing.
 */
function planStartCheck(): ReviewCheck {
  return {
    id: 'plan-start-unknown',
    area: ROADMAP_STEP,
    check: 'Projects with no planned quarter: the First quarter is no quarter',
    severity: 'failure',
    advice:
      'Type the quarter the plan starts in Prioritization\'s First quarter, with its year ("Q3 2027"): the Planned Quarter, the roadmap and this review count from it.',
    sources: [
      {
        sheet: 'projects',
        core: (d) =>
          names(
            d.projects,
            (p) => !blank(p.project) && sameName(p.quarter, START_UNKNOWN_TEXT),
            (p) => p.project,
          ),
        flag: (c) => `AND(${nFilled(c('project'))},TRIM(${c('quarter')})="${START_UNKNOWN_TEXT}")`,
        name: (c) => `TRIM(${c('project')})`,
      },
    ],
  };
}

function planChecks(): ReviewCheck[] {
  const projects =
    (flag: (p: StrategyData['projects'][number], d: StrategyData, pos: number) => boolean) => (d: StrategyData) =>
      names(
        d.projects,
        (p) => !blank(p.project) && flag(p, d, planPosition(p.quarter, planStart(d)) ?? 0),
        (p) => p.project,
      );
  return [
    {
      id: 'beyond-horizon',
      area: ROADMAP_STEP,
      check: 'Projects planned past the timeline horizon',
      severity: 'warning',
      advice: `A strategy has a clear timeline (typically 12-18 months; the Organization sheet's Timeline Horizon, else ${DEFAULT_HORIZON_QUARTERS} quarters): raise capacity, cut scope, or move what falls past it to the not-doing list.`,
      sources: [
        {
          sheet: 'projects',
          core: projects((_p, d, pos) => pos > horizonQuarters(d)),
          flag: (c, col) => `AND(${nFilled(c('project'))},${nPlanPosition(c)}>${nHorizon(col)})`,
          name: (c) => `TRIM(${c('project')})`,
        },
      ],
    },
    {
      id: 'roadmap-plan-quarter',
      area: ROADMAP_STEP,
      check: 'Projects whose roadmap quarter is not their planned quarter',
      severity: 'warning',
      advice:
        'Keep one plan: move the roadmap item to the quarter the prioritization plans, or change the scores or the capacity.',
      sources: [
        {
          sheet: 'projects',
          core: projects((p, d, pos) => {
            const q = roadmapQuarterOf(d, p.project);
            return q > 0 && pos > 0 && q !== pos;
          }),
          flag: (c, col) =>
            `AND(${nFilled(c('project'))},${nRoadmapQuarter(`TRIM(${c('project')})`, col)}>0,${nPlanPosition(c)}>0,${nRoadmapQuarter(`TRIM(${c('project')})`, col)}<>${nPlanPosition(c)})`,
          name: (c) => `TRIM(${c('project')})`,
        },
      ],
    },
  ];
}

/** The outcome of one check. */
export interface Finding {
  check: ReviewCheck;
  count: number;
  /** The first SHOWN_ITEMS offending items by name, and "and N more". */
  items: string;
  status: (typeof STATUS_MARK)[keyof typeof STATUS_MARK];
}

/** "A, B, C and 4 more": the list text both the core and the sheet write. */
export function itemsText(all: string[]): string {
  const shown = all.slice(0, SHOWN_ITEMS).join(', ');
  return all.length > SHOWN_ITEMS ? `${shown} and ${all.length - SHOWN_ITEMS} more` : shown;
}

/** Runs every check on the strategy, as of `today` (a serial day). */
export function reviewStrategy(d: StrategyData, today: number): Finding[] {
  return REVIEW_CHECKS.map((check) => {
    let count: number;
    let items: string;
    if (check.whole) ({ count, items } = check.whole.core(d, today));
    else {
      const all = (check.sources ?? []).flatMap((s) => s.core(d, today));
      count = all.length;
      items = itemsText(all);
    }
    const status = count === 0 ? STATUS_MARK.pass : STATUS_MARK[check.severity];
    return { check, count, items, status };
  });
}
