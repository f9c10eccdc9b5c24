/**
 * The Prioritization sheet's sensitivity block (issue #20, item 2): how much the ranking depends on its weights.
 * - "Rank Stability" per project: RANK_STABILITY (the share of the 81 nearby weight sets that keep the project in or
 *   out of the top N);
 * - the tipping points: WEIGHT_TIPPING_POINT (per weight, the smallest decrease and increase of that weight alone
 *   that changes the top N), in the side block and as a tornado chart (decrease left, increase right).
 *
 * No native formula: each weight set needs the whole column ranked again (81 rankings of up to 50 rows per project,
 * with ties in row order) and the tipping points a search over every pair of projects; written natively that is
 * tens of thousands of cell formulas or array formulas beyond what both hosts share. So the two functions are
 * called once each, spilling into hidden helper columns (add-in cells: Sheets, Excel and the preview compute them
 * live); the .xlsx, opened without the add-in, holds the values of the insertion (a snapshot, said in the note).
 */
import type { ChartSpec, ColumnSpec, FormulaRefs, SideItem } from '../spec/spec';
import { addInColumnNote } from '../core/messages';
import { DEFAULT_PRIORITY_WEIGHTS } from '../scoring/priority';
import {
  DEFAULT_TOLERANCE,
  DEFAULT_TOP_N,
  rankStability,
  tippingPoints,
  WEIGHT_NAMES,
  type Criteria,
} from '../decisions/ranking';

/** What a snapshot is given (the rows and settings at insertion) and gives (cells): ColumnSpec.addIn's. */
type Snapshot = NonNullable<ColumnSpec['addIn']>['snapshot'];
type Given = Parameters<Snapshot>[0];
type Cell = ReturnType<Snapshot>[number][number];

/** The column keys of the block (the sheet's own keys it refers to are the four scores each row uses). */
type Keys =
  | 'impactUsed'
  | 'urgencyUsed'
  | 'effortUsed'
  | 'riskUsed'
  | 'stability'
  | 'hStability'
  | 'weightName'
  | 'weightNow'
  | 'tipUp'
  | 'tipDown';
export const STABILITY_HEADER = 'Rank Stability';
/** The weights' names as the chart's categories and the side block's labels. */
export const WEIGHT_LABELS = ['Impact', 'Urgency', 'Effort', 'Risk'] as const;
type Side = 'topN';
type Refs = FormulaRefs<Keys, Side>;
const TIP_HEADERS = 'Top N changes if raised / lowered by';
const TIP_FORMAT = '+0%;-0%;0%';

/** The projects of the rows given at insertion, with their row numbers (rows without all four numbers are left out). */
function givenProjects(rows: ReadonlyArray<Record<string, Cell>>): { at: number[]; projects: Criteria[] } {
  const at: number[] = [];
  const projects: Criteria[] = [];
  rows.forEach((r, i) => {
    const v = [r.impact, r.urgency, r.effort, r.risk];
    if (!v.every((x) => typeof x === 'number')) return;
    at.push(i);
    projects.push({
      impact: Number(r.impact),
      urgency: Number(r.urgency),
      effort: Number(r.effort),
      risk: Number(r.risk),
    });
  });
  return { at, projects };
}

const topNOf = (side: Record<string, Cell>): number => (typeof side.topN === 'number' ? side.topN : DEFAULT_TOP_N);

/** RANK_STABILITY of the given rows, one per row (blank where no project). */
export function stabilitySnapshot(given: Given): Cell[][] {
  const { at, projects } = givenProjects(given.rows);
  const shares = rankStability(projects, DEFAULT_PRIORITY_WEIGHTS, topNOf(given.side), DEFAULT_TOLERANCE);
  const out: Cell[][] = given.rows.map(() => [null]);
  at.forEach((row, k) => (out[row] = [shares[k]]));
  return out;
}

/** WEIGHT_TIPPING_POINT of the given rows: per weight [increase, −decrease], blank where none. */
export function tippingSnapshot(given: Given): Cell[][] {
  const { projects } = givenProjects(given.rows);
  return tippingPoints(projects, DEFAULT_PRIORITY_WEIGHTS, topNOf(given.side)).map(([up, down]) => [
    up ?? null,
    down === undefined ? null : -down,
  ]);
}

/** The four scores each row uses (typed, or the team's: "Use team scores") and the weights' cells: both functions' first arguments. */
const criteriaArgs = (r: Refs): string =>
  `${r.col.impactUsed},${r.col.urgencyUsed},${r.col.effortUsed},${r.col.riskUsed},${weightCells(r)}`;

/** The four weights' cells (the block's rows 1–4). */
function weightCells(r: Refs): string {
  const range = r.col.weightNow.split(':');
  return `${range[0]}:${range[0].replace(/\d+$/, (n) => String(Number(n) + WEIGHT_NAMES.length - 1))}`;
}

/** The visible column: the project's stability where its row is complete. */
export const stabilityColumn = {
  key: 'stability',
  header: STABILITY_HEADER,
  width: 80,
  numberFormat: '0%',
  style: { hAlign: 'center' },
  note: addInColumnNote(STABILITY_HEADER, 'RANK_STABILITY'),
  formula: (r: Refs) =>
    `IF(COUNT(${r.row.impactUsed},${r.row.urgencyUsed},${r.row.effortUsed},${r.row.riskUsed})<4,"",${r.row.hStability})`,
} as const satisfies ColumnSpec<Keys, Side>;

/** A constant in the block's four rows (one per weight), blank below. */
const perWeight =
  (text: (k: number) => string) =>
  (r: Refs): string =>
    r.index < WEIGHT_NAMES.length ? text(r.index) : '';

const ROWS = WEIGHT_NAMES.length;

/** The hidden helper column: RANK_STABILITY's result, spilled down the rows (read by the Rank Stability column). */
export const stabilityHelper = {
  key: 'hStability',
  header: 'Rank stability (RANK_STABILITY)',
  width: 70,
  hidden: true,
  addIn: {
    fn: 'RANK_STABILITY',
    args: (r: Refs) => `${criteriaArgs(r)},${r.side.topN}`,
    snapshot: stabilitySnapshot,
  },
} as const satisfies ColumnSpec<Keys, Side>;

/**
 * The block beside the settings: each weight, its value (the Priority Score's), and WEIGHT_TIPPING_POINT's result
 * spilled over two columns (the increase, then the negative decrease); blank where no change within ±100 % does.
 */
export const tippingBlock = [
  {
    key: 'weightName',
    header: 'Weight',
    width: 80,
    beside: ROWS,
    style: { bold: true },
    formula: perWeight((k) => `"${WEIGHT_LABELS[k]}"`),
  },
  {
    key: 'weightNow',
    header: 'Weight now',
    width: 70,
    beside: ROWS,
    style: { hAlign: 'center' },
    formula: perWeight((k) => String(DEFAULT_PRIORITY_WEIGHTS[WEIGHT_NAMES[k]])),
  },
  {
    key: 'tipUp',
    header: 'Top N changes if raised by',
    width: 100,
    beside: ROWS,
    numberFormat: TIP_FORMAT,
    style: { hAlign: 'center' },
    note: addInColumnNote(TIP_HEADERS, 'WEIGHT_TIPPING_POINT'),
    addIn: {
      fn: 'WEIGHT_TIPPING_POINT',
      args: (r: Refs) => `${criteriaArgs(r)},${r.side.topN}`,
      snapshot: tippingSnapshot,
      width: 2,
    },
  },
  {
    key: 'tipDown',
    header: 'Top N changes if lowered by',
    width: 100,
    beside: ROWS,
    numberFormat: TIP_FORMAT,
    style: { hAlign: 'center' },
  },
] as const satisfies readonly ColumnSpec<Keys, Side>[];

/** The Top N setting both functions read. */
export const topNSetting = {
  key: 'topN',
  label: 'Top N (rank stability)',
  kind: 'number',
  fallback: DEFAULT_TOP_N,
  value: DEFAULT_TOP_N,
  validation: { kind: 'number', min: 1, max: 50, integer: true },
  help: 'How many projects make the cut when testing the ranking against its weights (Rank Stability and the tipping points beside).',
} as const satisfies SideItem<Keys, Side>;

/** What the sheet's note says of the block. */
export const SENSITIVITY_NOTE =
  "Rank Stability (RANK_STABILITY) is the share of 81 nearby weightings (each weight 25 % lower, as set or 25 % higher) that keep the project in or out of the top N (setting); 100 % means the decision does not hang on the weights. Beside the settings, each weight's tipping point (WEIGHT_TIPPING_POINT): how far that weight alone can be raised or lowered before the top N changes (blank: not within 100 %), drawn as a tornado chart. Both are calculated by the add-in; a file opened without it (the .xlsx) keeps the values of when it was written.";

/** The tornado of the tipping points: one bar per weight, the decrease left of zero, the increase right. */
export const tornadoChart: ChartSpec = {
  kind: 'weightTornado',
  form: 'tornado',
  title: 'How far each weight can move before the top N changes',
  categories: 'weightName',
  series: [
    { column: 'tipDown', name: 'Weight lowered', color: '#D55E00' },
    { column: 'tipUp', name: 'Weight raised', color: '#0072B2' },
  ],
  rows: WEIGHT_NAMES.length,
  axes: {
    value: { min: -1, max: 1, majorUnit: 0.25, numberFormat: '0%', title: 'Change of one weight (others as set)' },
  },
  legend: 'bottom',
  widthPx: 520,
  heightPx: 300,
};
