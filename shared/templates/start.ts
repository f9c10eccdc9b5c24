/**
 * Start here (issue #18, item 7): the sheet the full workbook opens on. One row per step of the seed guide's order —
 * context, themes, projects, roadmap, metrics, review, snapshot, document — with a link to its sheet and a live ✓
 * computed from the workbook's own data (native formulas: the ✓ appears as the manager fills each sheet in).
 *
 * Links: Excel, the .xlsx and the preview follow `HYPERLINK("#'Sheet'!A1", label)` (a location in this workbook);
 * Google Sheets links to a sheet of the same spreadsheet by its id (`#gid=<sheet id>`), filled in by the Sheets
 * executor once the sheets exist (the `{{gid:key}}` placeholder).
 */
import { defineSheet } from '../spec/schema';
import type { FormulaRefs } from '../spec/spec';
import { STATUS_MARK } from '../strategy/checks';
import { HISTORY_SHEET } from '../catalogue/history';
import { layoutSheet } from '../compiler/layout';

/** The mark a finished step shows. */
export const STEP_DONE = '✓';

interface Step {
  /** Sheet key in the full workbook. */
  sheet: string;
  /** The sheet's name as the link shows it. */
  label: string;
  what: string;
  /** A condition (native formula text) true when the step is done. */
  done: (r: FormulaRefs) => string;
}

/** Rows with something typed in an input column of another sheet (text or numbers; empty cells are not counted). */
const filledIn = (r: FormulaRefs, sheet: string, column: string): string => `COUNTA(${r.otherCol(sheet, column)})`;

const HISTORY = layoutSheet(HISTORY_SHEET);

/** The steps, in the guide's order; a step's ✓ reads only its own sheet (the document: every step before it). */
export const START_STEPS: readonly Step[] = [
  {
    sheet: 'context',
    label: 'Business Context',
    what: 'Write down what the business needs: drivers, goals, constraints.',
    done: (r) => `${filledIn(r, 'context', 'item')}>0`,
  },
  {
    sheet: 'themes',
    label: 'Strategic Themes',
    what: 'Name 3 to 5 themes that answer the business context.',
    done: (r) => `${filledIn(r, 'themes', 'name')}>=3`,
  },
  {
    sheet: 'projects',
    label: 'Prioritization',
    what: 'List the candidate projects and score impact, urgency, effort and risk.',
    done: (r) => `${filledIn(r, 'projects', 'project')}>0`,
  },
  {
    sheet: 'roadmap',
    label: 'Roadmap',
    what: 'Place the chosen projects in quarters with dates and owners.',
    done: (r) => `${filledIn(r, 'roadmap', 'initiative')}>0`,
  },
  {
    sheet: 'metrics',
    label: 'Metrics Dashboard',
    what: 'Pair each business metric with a technical one: baseline, current, target.',
    done: (r) => `${filledIn(r, 'metrics', 'business')}>0`,
  },
  {
    sheet: 'review',
    label: 'Strategy Review',
    what: 'Read the review and fix every ✗ it shows.',
    done: (r) =>
      `AND(COUNTIF(${r.otherCol('review', 'status')},"${STATUS_MARK.failure}")=0,COUNTIF(${r.otherCol('review', 'status')},"${STATUS_MARK.pass}")>0)`,
  },
  {
    sheet: 'history',
    label: 'Progress History',
    what: 'Record a snapshot (add-in menu or panel) to start the history.',
    // The whole column: Record snapshot appends below the formatted rows.
    done: (r) => `COUNT(${r.other('history', `$${HISTORY.letters.date}:$${HISTORY.letters.date}`)})>0`,
  },
  {
    sheet: 'document',
    label: 'Strategy Document',
    what: 'Print or download the document once every step above shows ✓.',
    done: (r) => `COUNTIF(${r.above.done},"${STEP_DONE}")=${START_STEPS.length - 1}`,
  },
];

export const START_SHEET = defineSheet({
  key: 'start',
  name: 'Start Here',
  tabColor: '#274e13',
  rows: START_STEPS.length,
  columns: [
    { key: 'step', header: 'Step', width: 50, style: { hAlign: 'center', bold: true } },
    {
      key: 'sheet',
      header: 'Go to',
      width: 190,
      link: true,
      formula: (r) => `HYPERLINK("#${r.other(START_STEPS[r.index].sheet, 'A1')}","${START_STEPS[r.index].label}")`,
      sheetsFormula: (r) => `HYPERLINK("#gid={{gid:${START_STEPS[r.index].sheet}}}","${START_STEPS[r.index].label}")`,
      style: { fontColor: '#1155cc' },
    },
    { key: 'what', header: 'What to do', width: 460, style: { wrap: true } },
    {
      key: 'done',
      header: 'Done',
      width: 60,
      style: { hAlign: 'center', bold: true, fontColor: '#274e13' },
      formula: (r) => `IF(${START_STEPS[r.index].done(r)},"${STEP_DONE}","")`,
    },
  ],
  fixed: START_STEPS.map((s, i) => ({ step: i + 1, what: s.what })),
  note: 'Start Here lists the order to fill the workbook in; each ✓ appears when its sheet holds what the step asks for.',
});
