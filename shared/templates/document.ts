/**
 * Strategy Document: the strategy document (seed guide, step 7) as a live sheet, laid out to print on one
 * portrait column: one row per line of the document, in the sections of the Markdown document
 * (shared/strategy/markdown.ts, DOCUMENT_SECTIONS), each filled by native formulas from the other sheets.
 *
 * Lists ("the themes", "Q1's initiatives with their owners") need no array formula: hidden helper columns
 * walk the rows of the listed sheet (helper row i looks at its data row i) and build the list as they go;
 * a document line reads the last helper cell. A line whose list is empty shows a placeholder.
 */
import { defineSheet } from '../spec/schema';
import type { FormulaRefs } from '../spec/spec';
import { ROWS } from '../catalogue/common';
import { STATUS_MARK } from '../strategy/checks';
import { DOCUMENT_SECTIONS } from '../strategy/markdown';
import { HEALTH_BANDS } from '../health/scorecard';
import { layoutSheet } from '../compiler/compile';
import { THEMES_SHEET } from '../catalogue/themes';
import { HISTORY_KINDS } from '../catalogue/history';
import { DONT_DO, PLANNED_STATUS } from '../strategy/initiatives';
import { DEFAULT_CADENCE_DAYS, DEFAULT_TITLE } from '../strategy/organization';
import { ORG } from '../catalogue/organization';
import { COMMIT_TEXT, PRIORITIZATION_SHEET, STRETCH_TEXT, WONT_FIT_TEXT } from '../catalogue/prioritization';
import { DEFAULT_START_TEXT } from '../scoring/plan';
import { NO_COMMITMENTS } from '../strategy/model';
import {
  changeChain,
  changeHelperColumns,
  changeKindFormula,
  changeStatusFormula,
  type ChangeHelperKey,
} from './document-changes';
import { ROADMAP_QUARTERS as QUARTERS } from '../catalogue/roadmap';
import { nDatePlanQuarter, nPlanQuarterDay } from '../strategy/plan-native';

/** Rows of the sheet: one per document line (DOCUMENT_LINES), at least ROWS for the helper chains. */
const DOCUMENT_ROWS = 60;
/** Theme slots the sheet details (the guide asks for 3–5 themes). */
export const DOCUMENT_THEMES = 5;

type Cell = (column: string) => string;
/** References a builder uses for other sheets only (no column of this sheet). */
type Refs = FormulaRefs<never>;

/** A hidden list column over another sheet's rows, typed by its key. */
interface Chain<K extends string = string> {
  key: K;
  sheet: string;
  /** TRUE when row i belongs in the list. */
  when: (c: Cell, r: Refs) => string;
  /** The row's entry. */
  item: (c: Cell, r: Refs) => string;
  sep?: string;
}

const filled = (x: string): string => `TRIM(${x})<>""`;
const THEMES = layoutSheet(THEMES_SHEET);
const PLAN = layoutSheet(PRIORITIZATION_SHEET);
/** The plan's 85 % line: the projects of each Commitment but "Don't Do", in row order (model.ts commitments). */
const COMMITMENTS = [
  { key: 'lCommit', text: COMMIT_TEXT },
  { key: 'lStretch', text: STRETCH_TEXT },
  { key: 'lWontFit', text: WONT_FIT_TEXT },
] as const;
/** A cell of the k-th theme row (0-based) of the Strategic Themes sheet. */
const themeAt = (r: Refs, k: number, col: string): string =>
  r.other('themes', `$${THEMES.letters[col]}$${THEMES.firstRow + k}`);
const themeCell = (r: Refs, k: number): string => themeAt(r, k, 'name');

/** The metric as the document names it (data.ts metricTitle): the business metric, the technical one beside it. */
const metricTitle = (c: Cell): string =>
  `IF(AND(${filled(c('business'))},${filled(c('technical'))},TRIM(${c('business')})<>TRIM(${c('technical')})),TRIM(${c('business')})&" ("&TRIM(${c('technical')})&")",IF(${filled(c('business'))},TRIM(${c('business')}),TRIM(${c('technical')})))`;
/** " (a, b)" of the parts that are not blank (document-lines.ts paren), for two parts. */
const paren = (a: string, b: string): string =>
  `IF(AND(${a}="",${b}=""),""," ("&${a}&IF(AND(${a}<>"",${b}<>""),", ","")&${b}&")")`;
/** Initiatives (shared/strategy/initiatives.ts): a roadmap item is one unless the plan scores it "Don't Do". */
const roadmapItem = (c: Cell, r: Refs): string =>
  `AND(${filled(c('initiative'))},COUNTIFS(${r.otherCol('projects', 'project')},TRIM(${c('initiative')}),${r.otherCol('projects', 'quadrant')},"${DONT_DO}")=0)`;
/** …and a planned project is one when it is not "Don't Do" and not on the roadmap. */
const planItem = (c: Cell, r: Refs): string =>
  `AND(${filled(c('project'))},TRIM(${c('quadrant')})<>"${DONT_DO}",COUNTIF(${r.otherCol('roadmap', 'initiative')},TRIM(${c('project')}))=0)`;
/**
 * The label the plan gives its quarter `offset` (0 = the First quarter setting), as PRIORITY_PLAN writes it
 * ("Q4 2026", "Q1 2027"; "Q1 Y2" without a year), from the Prioritization sheet's hidden start helpers: a planned
 * project is listed under the roadmap quarter of the same place in the plan (strategy/initiatives.ts).
 */
function planQuarterLabel(r: Refs, offset: number): string {
  const q = `INDEX(${r.otherCol('projects', 'hStartQ')},1)`;
  const year = `INDEX(${r.otherCol('projects', 'hStartYear')},1)`;
  const idx = `(${q}-1+${offset})`;
  const yearsOn = `INT(${idx}/4)`;
  return `IFERROR("Q"&(MOD(${idx},4)+1)&IF(${year}<>""," "&(${year}+${yearsOn}),IF(${yearsOn}=0,""," Y"&(${yearsOn}+1))),"?")`;
}

/**
 * How many Roadmap rows have a blank Quarter and a Start in the plan's quarter `offset` (0 when there is no plan):
 * those with a Start in it less those with a Quarter ("<>", as Resources counts filled cells, is documented alike in
 * Excel, Sheets and LibreOffice; a "" criterion for blank cells is not).
 */
function undatedInQuarter(r: Refs, offset: number): string {
  const inQuarter = `${r.otherCol('roadmap', 'start')},">="&${nPlanQuarterDay(r.otherCol, offset)},${r.otherCol('roadmap', 'start')},"<"&${nPlanQuarterDay(r.otherCol, offset + 1)}`;
  return `IFERROR(COUNTIFS(${inQuarter})-COUNTIFS(${r.otherCol('roadmap', 'quarter')},"<>",${inQuarter}),0)`;
}
/**
 * The row's roadmap quarter is the plan's quarter `offset`: typed, or blank with its Start in that quarter (a
 * Roadmap row with a blank Quarter stands in the plan quarter its Start falls in: plan-position.ts roadmapRowQuarter).
 */
const inRoadmapQuarter = (c: Cell, r: Refs, q: string, offset: number): string =>
  `OR(TRIM(${c('quarter')})="${q}",AND(TRIM(${c('quarter')})="",${nDatePlanQuarter(c('start'), r.otherCol)}=${offset + 1}))`;

const dontDoProject = (c: Cell, r: Refs): string =>
  `AND(${filled(c('project'))},TRIM(${c('quadrant')})="${DONT_DO}",COUNTIF(${r.otherCol('notDoing', 'item')},TRIM(${c('project')}))=0)`;

/** A chain over the Organization sheet's rows of one section (organization.ts orgRows). */
const orgChain = <K extends string>(key: K, section: string, item: (c: Cell) => string): Chain<K> => ({
  key,
  sheet: 'org',
  when: (c) => `AND(TRIM(${c('section')})="${section}",${filled(`${c('item')}&""`)})`,
  item,
});
/** A whole-number amount with thousands separators, as organization.ts thousands writes it (TEXT is localised). */
function thousands(x: string): string {
  const n = `ROUND(${x},0)`;
  const three = (v: string): string => `RIGHT("00"&MOD(${v},1000),3)`;
  return `IF(OR(${n}<1000,${n}>=1000000000),${n}&"",IF(${n}<1000000,INT(${n}/1000)&","&${three(n)},INT(${n}/1000000)&","&${three(`INT(${n}/1000)`)}&","&${three(n)}))`;
}
/** A serial day as yyyy-mm-dd, whatever the locale. */
const iso = (d: string): string => `YEAR(${d})&"-"&RIGHT("0"&MONTH(${d}),2)&"-"&RIGHT("0"&DAY(${d}),2)`;
/** " (a, b, …)" of the parts that are not blank (document-lines.ts paren), for any number of parts. */
function parenOf(parts: string[]): string {
  const j = parts.map((p) => `IF(${p}="","",", "&${p})`).join('&');
  return `IF(${j}="",""," ("&MID(${j},3,2000)&")")`;
}

/** A chain, its key kept as written (CHAINS' keys type the lines that read them). */
const chain = <K extends string>(c: Chain<K>): Chain<K> => c;
/** The Business Context sections listed, by their chain's key. */
const CONTEXT_LISTS = [
  ['lObjective', 'Objective'],
  ['lConstraint', 'Constraint'],
  ['lCriticalMetric', 'Critical Metric'],
] as const;
type Quarter = (typeof QUARTERS)[number];

const CHAINS = [
  chain({ key: 'lThemes', sheet: 'themes', when: (c) => filled(c('name')), item: (c) => `TRIM(${c('name')})` }),
  ...CONTEXT_LISTS.map(([key, section]): Chain<(typeof CONTEXT_LISTS)[number][0]> => ({
    key,
    sheet: 'context',
    when: (c) => `AND(TRIM(${c('section')})="${section}",${filled(c('item'))})`,
    item: (c) => `TRIM(${c('item')})`,
  })),
  chain({
    key: 'lPrinciples',
    sheet: 'principles',
    when: (c) => filled(c('principle')),
    item: (c) => `TRIM(${c('principle')})`,
  }),
  ...QUARTERS.flatMap((q, i): Chain<`l${Quarter}` | `l${Quarter}Plan`>[] => [
    {
      key: `l${q}`,
      sheet: 'roadmap',
      when: (c, r) => `AND(${roadmapItem(c, r)},${inRoadmapQuarter(c, r, q, i)})`,
      item: (c) =>
        `TRIM(${c('initiative')})&${parenOf([`TRIM(${c('owner')})`, `IF(${filled(c('dependsOn'))},"after "&TRIM(${c('dependsOn')}),"")`])}`,
    },
    {
      key: `l${q}Plan`,
      sheet: 'projects',
      when: (c, r) => `AND(${planItem(c, r)},TRIM(${c('quarter')})=${planQuarterLabel(r, i)})`,
      item: (c) => `TRIM(${c('project')})&IF(${filled(c('owner'))}," ("&TRIM(${c('owner')})&")","")`,
    },
  ]),
  ...COMMITMENTS.map(({ key, text }): Chain<(typeof COMMITMENTS)[number]['key']> => ({
    key,
    sheet: 'projects',
    when: (c) =>
      `AND(${filled(c('project'))},TRIM(${c('commitment')})="${text.replace(/"/g, '""')}",TRIM(${c('quadrant')})<>"${DONT_DO}")`,
    item: (c) => `TRIM(${c('project')})`,
    sep: ', ',
  })),
  chain({
    key: 'lNotDoing',
    sheet: 'notDoing',
    when: (c) => filled(c('item')),
    item: (c) => `TRIM(${c('item')})&IF(${filled(c('why'))}," — "&TRIM(${c('why')}),"")`,
  }),
  chain({
    key: 'lNotDoingPlan',
    sheet: 'projects',
    when: dontDoProject,
    item: (c) =>
      `TRIM(${c('project')})&" — ${DONT_DO} in the prioritization (impact "&${c('impactUsed')}&", effort "&${c('effortUsed')}&")"`,
  }),
  chain({
    key: 'lMetrics',
    sheet: 'metrics',
    when: (c) => `OR(${filled(c('technical'))},${filled(c('business'))})`,
    item: (c) =>
      `${metricTitle(c)}&": "&TRIM(${c('current')}&"")&" → "&TRIM(${c('target')}&"")&IF(${c('status')}<>""," ("&${c('status')}&")","")`,
  }),
  chain({
    key: 'lOwners',
    sheet: 'themes',
    when: (c) => `AND(${filled(c('name'))},${filled(c('owner'))})`,
    item: (c) => `TRIM(${c('owner')})&": "&TRIM(${c('name')})`,
  }),
  orgChain(
    'lTeams',
    ORG.team,
    (c) =>
      `TRIM(${c('item')}&"")&${parenOf([`TRIM(${c('owner')})`, `IF(ISNUMBER(${c('count')}),${c('count')}&" people","")`])}`,
  ),
  orgChain('lOutcomes', ORG.outcome, (c) => `TRIM(${c('item')}&"")`),
  orgChain('lCurrentState', ORG.currentState, (c) => `TRIM(${c('item')}&"")`),
  orgChain(
    'lHires',
    ORG.hire,
    (c) =>
      `TRIM(${c('item')}&"")&IF(ISNUMBER(${c('count')})," ×"&${c('count')},"")&${parenOf([`TRIM(${c('quarter')})`, `TRIM(${c('status')})`, `IF(TRIM(${c('neededFor')}&"")="","","for "&TRIM(${c('neededFor')}))`])}`,
  ),
  orgChain(
    'lBudget',
    ORG.budgetLine,
    (c) =>
      `TRIM(${c('item')}&"")&IF(ISNUMBER(${c('amount')})," "&${thousands(c('amount'))}&IF(ISNUMBER(${c('share')})," ("&ROUND(${c('share')}*100,0)&"%)",""),"")`,
  ),
  orgChain(
    'lVendors',
    ORG.vendor,
    (c) =>
      `TRIM(${c('item')}&"")&IF(${filled(c('detail'))}," — "&TRIM(${c('detail')}),"")&IF(ISNUMBER(${c('date')})," (renews "&${iso(c('date'))}&")","")`,
  ),
  orgChain('lDecisions', ORG.decisions, (c) => `TRIM(${c('item')}&"")`),
  orgChain('lCommunication', ORG.communication, (c) => `TRIM(${c('item')}&"")`),
  orgChain('lCadence', ORG.cadence, (c) => `TRIM(${c('item')}&"")`),
  chain({
    key: 'lTracked',
    sheet: 'metrics',
    when: (c) => `OR(${filled(c('technical'))},${filled(c('business'))})`,
    item: metricTitle,
  }),
  chain({
    key: 'lFindings',
    sheet: 'review',
    when: (c) => `AND(${c('status')}<>"",${c('status')}<>"${STATUS_MARK.pass}")`,
    item: (c) => `${c('status')}&" "&${c('check')}&" ("&${c('count')}&")"&IF(${c('items')}<>"",": "&${c('items')},"")`,
  }),
  ...Array.from(
    { length: DOCUMENT_THEMES },
    (_, k): Chain<`lTheme${number}Metrics` | `lTheme${number}Work` | `lTheme${number}Plan`>[] => [
      {
        key: `lTheme${k}Metrics`,
        sheet: 'metrics',
        when: (c, r) =>
          `AND(${themeCell(r, k)}<>"",TRIM(${c('theme')})=TRIM(${themeCell(r, k)}),OR(${filled(c('technical'))},${filled(c('business'))}))`,
        item: (c) => `${metricTitle(c)}&" "&TRIM(${c('current')}&"")&" → "&TRIM(${c('target')}&"")`,
      },
      {
        key: `lTheme${k}Work`,
        sheet: 'roadmap',
        when: (c, r) => `AND(${themeCell(r, k)}<>"",${roadmapItem(c, r)},TRIM(${c('theme')})=TRIM(${themeCell(r, k)}))`,
        item: (c) => `TRIM(${c('initiative')})&${paren(`TRIM(${c('quarter')})`, `TRIM(${c('status')})`)}`,
      },
      {
        key: `lTheme${k}Plan`,
        sheet: 'projects',
        when: (c, r) => `AND(${themeCell(r, k)}<>"",${planItem(c, r)},TRIM(${c('theme')})=TRIM(${themeCell(r, k)}))`,
        item: (c) => `TRIM(${c('project')})&${paren(`TRIM(${c('quarter')})`, `"${PLANNED_STATUS}"`)}`,
      },
    ],
  ).flat(),
];
/** The keys of the list columns the chains build. */
type ChainKey = (typeof CHAINS)[number]['key'];

/**
 * A hidden column that builds a list as it goes down: this row's entry appended to the row above's list. Its
 * conditions may read this sheet's columns `R` too (the change helpers).
 */
function listColumn<K extends string, R extends string = never>(
  key: K,
  when: (r: FormulaRefs<K | R>) => string,
  item: (r: FormulaRefs<K | R>) => string,
  sep = '; ',
) {
  return {
    key,
    header: key,
    width: 40,
    hidden: true,
    formula: (r: FormulaRefs<K | R>) => {
      const before = r.first ? '""' : r.prev[key];
      return `${before}&IF(${when(r)},IF(${before}="","","${sep}")&${item(r)},"")`;
    },
  };
}

function chainColumn<K extends string>(ch: Chain<K>) {
  const c =
    (r: Refs): Cell =>
    (col) =>
      r.otherCell(ch.sheet, col);
  return listColumn(
    ch.key,
    (r) => ch.when(c(r), r),
    (r) => ch.item(c(r), r),
    ch.sep,
  );
}

/** The change since the previous snapshot: helper columns over the history window, one list per kind. */
const CHANGE_KINDS = [HISTORY_KINDS.metric, HISTORY_KINDS.theme, HISTORY_KINDS.health].map(changeChain);
type ChangeListKey = (typeof CHANGE_KINDS)[number]['key'];
const CHANGE_COLUMNS = [
  ...changeHelperColumns(),
  ...CHANGE_KINDS.map((ch) => listColumn<ChangeListKey, ChangeHelperKey>(ch.key, ch.when, ch.item)),
];

/** The finished list of a chain, or a placeholder when it is empty. */
const list = (r: FormulaRefs<ChainKey>, key: ChainKey, placeholder: string): string =>
  `IF(INDEX(${r.col[key]},${ROWS})="","[${placeholder}: not in the workbook yet]",INDEX(${r.col[key]},${ROWS}))`;
/** Two chains' finished lists joined with "; ", or a placeholder when both are empty. */
function lists(r: FormulaRefs<ChainKey>, [a, b]: [ChainKey, ChainKey], placeholder: string): string {
  const [x, y] = [`INDEX(${r.col[a]},${ROWS})`, `INDEX(${r.col[b]},${ROWS})`];
  return `IF(AND(${x}="",${y}=""),"[${placeholder}: not in the workbook yet]",${x}&IF(AND(${x}<>"",${y}<>""),"; ","")&${y})`;
}

/** The references a document line reads: the list columns of this sheet, and other sheets. */
type LineRefs = FormulaRefs<ChainKey | ChangeListKey>;

interface Line {
  section?: string;
  label: string;
  content: (r: LineRefs) => string;
  /** When given, the label shows only while this holds (an empty optional theme slot prints no block). */
  labelWhen?: (r: Refs) => string;
}

/** The label cell's formula: the label text, or "" while the line's condition does not hold. */
const labelFormula = (line: Line, r: Refs): string => {
  const text = `"${line.label.replace(/"/g, '""')}"`;
  return line.labelWhen ? `IF(${line.labelWhen(r)},${text},"")` : text;
};

const ratings = (r: Refs): string => r.otherCol('health', 'rating');
const healthStatus = (score: string): string =>
  HEALTH_BANDS.slice(0, -1).reduceRight(
    (chain, b) => `IF(${score}<${b.below},"${b.status}",${chain})`,
    `"${HEALTH_BANDS[HEALTH_BANDS.length - 1].status}"`,
  );

function themeLines(k: number): Line[] {
  const t = (r: Refs, col: string): string => themeAt(r, k, col);
  const when = (r: Refs, expr: string): string => `IF(TRIM(${t(r, 'name')})="","",${expr})`;
  // The guide asks for 3–5 themes: the first three slots always print (a placeholder when empty), the others only when used.
  const labelWhen = k < 3 ? undefined : (r: Refs): string => filled(t(r, 'name'));
  const lines: Line[] = [
    {
      label: `Theme ${k + 1}`,
      content: (r) =>
        `IF(TRIM(${t(r, 'name')})="",${k < 3 ? `"[A strategic theme: not in the workbook yet]"` : '""'},TRIM(${t(r, 'name')})&IF(${filled(t(r, 'owner'))}," — owner "&TRIM(${t(r, 'owner')}),"")&IF(${filled(t(r, 'timeline'))},", "&TRIM(${t(r, 'timeline')}),""))`,
    },
    {
      label: '   Driver and criteria',
      content: (r) =>
        when(r, `"Business driver: "&TRIM(${t(r, 'driver')}&"")&". Success criteria: "&TRIM(${t(r, 'criteria')}&"")`),
    },
    { label: '   Metrics', content: (r) => when(r, list(r, `lTheme${k}Metrics`, 'Metrics')) },
    {
      label: '   Key initiatives',
      content: (r) => when(r, lists(r, [`lTheme${k}Work`, `lTheme${k}Plan`], 'Projects')),
    },
  ];
  return lines.map((line) => ({ ...line, labelWhen }));
}

/** The plan's 85 % line (model.ts commitmentText): the plan's first quarter and the projects of each Commitment. */
function commitmentLine(r: LineRefs): string {
  const ends = COMMITMENTS.map((c) => chainEnd(r, c.key));
  const start = `TRIM(${r.other('projects', PLAN.side.start)}&"")`;
  const parts = COMMITMENTS.map((c, i) => `"${c.text.replace(/"/g, '""')} "&IF(${ends[i]}="","none",${ends[i]})`).join(
    '&"; "&',
  );
  return `IF(${ends.join('&')}="","[${NO_COMMITMENTS}: not in the workbook yet]",IF(${start}="","${DEFAULT_START_TEXT}",${start})&" at 85 %: "&${parts})`;
}

/** The document's lines, in the Markdown document's order. */
/** The first Organization row of a section: a column of it (organization.ts orgFirst), "" when there is none. */
const orgFirst = (r: Refs, section: string, col: string): string =>
  `IFERROR(INDEX(${r.otherCol('org', col)},MATCH("${section}",${r.otherCol('org', 'section')},0)),"")`;
/** The finished list of a chain ("" when empty). */
const chainEnd = (r: FormulaRefs<ChainKey>, key: ChainKey): string => `INDEX(${r.col[key]},${ROWS})`;
/** Parts joined with "; " (blank ones left out), or the placeholder when all are blank (document-lines.ts joined). */
function joined(parts: string[], placeholder: string): string {
  const j = parts.map((p) => `IF(${p}="","","; "&${p})`).join('&');
  return `IF(${j}="","[${placeholder}: not in the workbook yet]",MID(${j},3,4000))`;
}
const orgSum = (r: Refs, section: string): string =>
  `SUMIFS(${r.otherCol('org', 'count')},${r.otherCol('org', 'section')},"${section}")`;
const budgetTotal = (r: Refs): string => `N(${orgFirst(r, ORG.budgetTotal, 'amount')})`;
const health = (r: Refs): string =>
  `IF(COUNT(${ratings(r)})=0,"","Technical health "&ROUND(AVERAGE(${ratings(r)}),1)&"/5 ("&${healthStatus(`AVERAGE(${ratings(r)})`)}&")")`;

/** The document's lines, in the Markdown document's order. */
export const DOCUMENT_LINES: Line[] = [
  {
    section: DOCUMENT_SECTIONS.summary,
    label: 'Vision',
    content: (r) => joined([`TRIM(${orgFirst(r, ORG.vision, 'item')}&"")`], 'One sentence on where we are going'),
  },
  { label: 'Strategic themes', content: (r) => list(r, 'lThemes', '3–5 themes') },
  {
    label: 'Current State',
    content: (r) => joined([health(r), chainEnd(r, 'lCurrentState')], 'Technical health scorecard'),
  },
  {
    label: 'Timeline',
    content: (r) =>
      `IF(TRIM(${orgFirst(r, ORG.horizon, 'item')}&"")="","",TRIM(${orgFirst(r, ORG.horizon, 'item')}&"")&". ")&"Roadmap items by quarter: "&${QUARTERS.map((q, i) => `"${q} "&(COUNTIF(${r.otherCol('roadmap', 'quarter')},"${q}")+${undatedInQuarter(r, i)})`).join('&", "&')}`,
  },
  {
    label: 'Resources',
    content: (r) =>
      joined(
        [
          `IF(${budgetTotal(r)}>0,"Budget "&${thousands(budgetTotal(r))},"")`,
          `IF(COUNTIFS(${r.otherCol('org', 'section')},"${ORG.team}",${r.otherCol('org', 'item')},"<>")>0,${orgSum(r, ORG.team)}&" people in "&COUNTIFS(${r.otherCol('org', 'section')},"${ORG.team}",${r.otherCol('org', 'item')},"<>")&" teams","")`,
          `IF(${orgSum(r, ORG.hire)}>0,${orgSum(r, ORG.hire)}&" hires planned","")`,
        ],
        'Budget, headcount needs',
      ),
  },
  {
    label: 'Expected outcomes',
    content: (r) =>
      `IF(${chainEnd(r, 'lOutcomes')}<>"",${chainEnd(r, 'lOutcomes')},${list(r, 'lObjective', 'Business impact')})`,
  },
  {
    label: 'Open review findings',
    content: (r) =>
      `(COUNTIF(${r.otherCol('review', 'status')},"${STATUS_MARK.failure}")+COUNTIF(${r.otherCol('review', 'status')},"${STATUS_MARK.warning}"))&" of "&COUNTA(${r.otherCol('review', 'check')})&" checks (see below)"`,
  },
  {
    section: DOCUMENT_SECTIONS.context,
    label: 'Objectives',
    content: (r) => list(r, 'lObjective', 'Top 3 business goals'),
  },
  { label: 'Constraints', content: (r) => list(r, 'lConstraint', 'Budget, timeline, market') },
  { label: 'Critical metrics', content: (r) => list(r, 'lCriticalMetric', 'Critical business metrics') },
  ...Array.from({ length: DOCUMENT_THEMES }, (_, k) => themeLines(k))
    .flat()
    .map((line, i) => (i === 0 ? { ...line, section: DOCUMENT_SECTIONS.themes } : line)),
  { section: DOCUMENT_SECTIONS.principles, label: 'Principles', content: (r) => list(r, 'lPrinciples', 'Principles') },
  ...QUARTERS.map((q, i): Line => ({
    ...(i === 0 ? { section: DOCUMENT_SECTIONS.roadmap } : {}),
    label: q,
    content: (r) => lists(r, [`l${q}`, `l${q}Plan`], 'Focus areas'),
  })),
  { label: '85 % line', content: commitmentLine },
  {
    section: DOCUMENT_SECTIONS.notDoing,
    label: 'Not doing',
    content: (r) => lists(r, ['lNotDoing', 'lNotDoingPlan'], 'Trade-offs'),
  },
  { section: DOCUMENT_SECTIONS.metrics, label: 'Current vs target', content: (r) => list(r, 'lMetrics', 'Metrics') },
  { label: 'Progress snapshots', content: changeStatusFormula },
  ...(['Change: metrics', 'Change: themes', 'Change: health'] as const).map((label, i): Line => ({
    label,
    content: (r) => changeKindFormula(r, `INDEX(${r.col[CHANGE_KINDS[i].key]},${ROWS})`),
  })),
  { section: DOCUMENT_SECTIONS.organization, label: 'Team structure', content: (r) => list(r, 'lTeams', 'Org chart') },
  { label: 'Ownership', content: (r) => list(r, 'lOwners', 'Owners') },
  { label: 'Hiring plan', content: (r) => list(r, 'lHires', 'Roles and timeline') },
  {
    label: 'Budget',
    content: (r) =>
      joined(
        [
          `IF(${budgetTotal(r)}>0,IF(TRIM(${orgFirst(r, ORG.budgetTotal, 'item')}&"")="","Total",TRIM(${orgFirst(r, ORG.budgetTotal, 'item')}&""))&": "&${thousands(budgetTotal(r))},"")`,
          chainEnd(r, 'lBudget'),
        ],
        'High-level breakdown',
      ),
  },
  { label: 'Key vendors', content: (r) => list(r, 'lVendors', 'Critical partners') },
  {
    section: DOCUMENT_SECTIONS.howWeWork,
    label: 'Decision Process',
    content: (r) => list(r, 'lDecisions', 'How we make decisions'),
  },
  { label: 'Communication', content: (r) => list(r, 'lCommunication', 'How we stay aligned') },
  { label: 'Metrics', content: (r) => list(r, 'lTracked', "What we'll track") },
  {
    label: 'Reviews',
    content: (r) => {
      const n = `N(${orgFirst(r, ORG.cadence, 'count')})`;
      return `IF(${chainEnd(r, 'lCadence')}="","",${chainEnd(r, 'lCadence')}&"; ")&"a progress snapshot at least every "&IF(${n}>0,${n},${DEFAULT_CADENCE_DAYS})&" days"`;
    },
  },
  {
    section: DOCUMENT_SECTIONS.findings,
    label: 'Open findings',
    content: (r) => `IF(INDEX(${r.col.lFindings},${ROWS})="","All checks pass.",INDEX(${r.col.lFindings},${ROWS}))`,
  },
];

export const DOCUMENT_SHEET = defineSheet({
  key: 'document',
  name: 'Strategy Document',
  tabColor: '#134f5c',
  printOrientation: 'portrait',
  // More lines than a list sheet has rows: the helper chains still walk the lists' ROWS rows (list() reads row ROWS).
  rows: DOCUMENT_ROWS,
  columns: [
    {
      key: 'section',
      header: DEFAULT_TITLE,
      headerFormula: (r) =>
        `"${DEFAULT_TITLE}"&IF(TRIM(${orgFirst(r, ORG.company, 'item')}&" "&${orgFirst(r, ORG.year, 'item')}&"")="","",": "&TRIM(${orgFirst(r, ORG.company, 'item')}&" "&${orgFirst(r, ORG.year, 'item')}&""))`,
      width: 170,
      style: { bold: true, vAlign: 'top', fontSize: 12, wrap: true },
    },
    {
      key: 'label',
      header: '',
      width: 150,
      style: { italic: true, vAlign: 'top', fontColor: '#444444', fill: '#ffffff' },
      formula: (r) => (r.index < DOCUMENT_LINES.length ? labelFormula(DOCUMENT_LINES[r.index], r) : ''),
    },
    {
      key: 'content',
      header: 'Live from this workbook',
      width: 440,
      style: { wrap: true, vAlign: 'top' },
      formula: (r) => (r.index < DOCUMENT_LINES.length ? DOCUMENT_LINES[r.index].content(r) : ''),
    },
    ...CHAINS.map(chainColumn),
    ...CHANGE_COLUMNS,
  ],
  fixed: DOCUMENT_LINES.map((l) => ({ section: l.section ?? null })),
  note: "The strategy document in the guide's structure, calculated live from the other sheets and laid out to print (three columns, about 760 px wide: fits a portrait page). Progress ▸ Copy strategy as Markdown gives the same document as text.",
});
