/**
 * The seed guide's "Decision" column: projects placed into quarters by score, within a capacity per quarter.
 * First fit in descending score order (ties keep input order): each project goes into the earliest quarter,
 * counted from the start quarter, whose remaining capacity still fits its effort.
 */
import { isSpace, Scanner } from '../core/scan';

/** A starting quarter: quarter 1–4, with a year ("Q3 2027") or without one ("Q1", the plan's first year). */
export interface QuarterStart {
  quarter: 1 | 2 | 3 | 4;
  year?: number;
}

/** The plan's first quarter when none is given: Q1 of the plan's first year. */
export const DEFAULT_START: QuarterStart = { quarter: 1 };
/** DEFAULT_START as a sheet writes it (how the Prioritization formulas and the reader take a blank "First quarter"). */
export const DEFAULT_START_TEXT = `Q${DEFAULT_START.quarter}`;

/**
 * PRIORITY_PLAN's labels where a project gets no quarter, as the Prioritization sheet's Planned Quarter writes
 * them: larger than a quarter's capacity, or fitting only after the quarters the plan looks ahead ("After Q4
 * 2027"). Declared here, beside the plan, so the sheet that writes them and the review that reads them both
 * import them from below (no folder cycle).
 */
export const TOO_BIG_TEXT = 'Too big for capacity';
export const BEYOND_PREFIX = 'After ';

/**
 * A start as PRIORITY_PLAN reads it: a quarter without a year ("Q1", or none given) is that quarter of the current
 * year (`year`, from the moment of calculation), so a plan past its first year is labelled with real years.
 */
export function withYear(start: QuarterStart, year: number): Required<QuarterStart> {
  return { quarter: start.quarter, year: start.year ?? year };
}

/**
 * The First quarter setting with its year: a bare quarter ("Q2", or a blank setting read as "Q1") gets the current
 * year, as PRIORITY_PLAN and the sheet's helper columns read it; a text that is not a quarter is kept as it is.
 */
export function settingWithYear(setting: string, year: number): string {
  const start = parseQuarter(setting.trim() === '' ? 'Q1' : setting);
  return start ? quarterLabel(withYear(start, year), 0) : setting;
}

/**
 * Reads "Q1", "q3 2027", "Q3-2027", "2027 Q3"; undefined when the text is not a quarter. The forms are
 * `q\s*[1-4](\s*[-/ ]\s*\d{4})?` and `\d{4}\s*[-/ ]?\s*q\s*[1-4]` (case-insensitive, surrounding spaces
 * ignored), read by a scanner in one pass.
 */
export function parseQuarter(text: string): QuarterStart | undefined {
  const s = new Scanner(text);
  s.spaces();
  return s.code() === 0x51 || s.code() === 0x71 ? quarterFirst(s) : yearFirst(s);
}

function quarterDigit(s: Scanner): QuarterStart['quarter'] | undefined {
  const q = s.take('1234');
  return q ? (Number(q) as QuarterStart['quarter']) : undefined;
}

/** A separator between quarter and year: `\s*[-/ ]\s*` (required) or `\s*[-/ ]?\s*` (optional). */
function separator(s: Scanner, required: boolean): boolean {
  const before = s.pos;
  const spaceRun = s.spaces();
  // A "-" or "/" separates by itself; otherwise the whitespace must include a plain space to stand for [-/ ].
  const sep = s.take('-/') !== '' || !required || s.text.slice(before, before + spaceRun).indexOf(' ') >= 0;
  s.spaces();
  return sep;
}

function quarterFirst(s: Scanner): QuarterStart | undefined {
  s.take('qQ');
  s.spaces();
  const quarter = quarterDigit(s);
  if (quarter === undefined) return undefined;
  if (atEnd(s)) return { quarter };
  if (!separator(s, true)) return undefined;
  const year = s.digits();
  return year.length === 4 && atEnd(s) ? { quarter, year: Number(year) } : undefined;
}

function yearFirst(s: Scanner): QuarterStart | undefined {
  const year = s.digits();
  if (year.length !== 4 || !separator(s, false) || !s.take('qQ')) return undefined;
  s.spaces();
  const quarter = quarterDigit(s);
  return quarter !== undefined && atEnd(s) ? { quarter, year: Number(year) } : undefined;
}

/** Only whitespace is left (nothing is consumed). */
function atEnd(s: Scanner): boolean {
  return s.pos + s.runLength(isSpace) === s.text.length;
}

/**
 * The label of the quarter `offset` quarters after `start` (offset 0 = start itself).
 * With a year: "Q3 2027", "Q4 2027", "Q1 2028" … Without one: "Q1".."Q4" in the plan's first year,
 * then "Q1 Y2", "Q2 Y2" … ("Y2" = the second year of the plan), "Q1 Y3" and so on.
 */
export function quarterLabel(start: QuarterStart, offset: number): string {
  const index = start.quarter - 1 + offset;
  const q = (index % 4) + 1;
  const yearsOn = Math.floor(index / 4);
  if (start.year !== undefined) return `Q${q} ${start.year + yearsOn}`;
  return yearsOn === 0 ? `Q${q}` : `Q${q} Y${yearsOn + 1}`;
}

export interface PlanItem {
  score: number;
  effort: number;
}

/** Where one project went: a quarter offset from the start, or too big for any quarter. */
export type Placement = { quarter: number } | { tooBig: true };

const EPSILON = 1e-9;

/**
 * First-fit placement. `items[i]` undefined means "not a project" (a blank or bad row): it takes no capacity
 * and gets no placement. Returns one placement per item (undefined where the item was undefined).
 * Runs in O(n log n): a max-tree over the quarters' remaining capacity finds the first quarter that fits.
 */
export function planByCapacity(items: readonly (PlanItem | undefined)[], capacity: number): (Placement | undefined)[] {
  const order = items
    .map((item, i) => ({ item, i }))
    .filter((x): x is { item: PlanItem; i: number } => x.item !== undefined)
    .sort((a, b) => b.item.score - a.item.score || a.i - b.i);
  const out: (Placement | undefined)[] = items.map(() => undefined);
  // At most one new quarter is opened per project, so `order.length` quarters always suffice.
  const n = Math.max(1, order.length);
  let size = 1;
  while (size < n) size *= 2;
  const tree = new Array<number>(2 * size).fill(-Infinity);
  for (let q = 0; q < n; q++) tree[size + q] = capacity;
  for (let k = size - 1; k >= 1; k--) tree[k] = Math.max(tree[2 * k], tree[2 * k + 1]);
  for (const { item, i } of order) {
    if (item.effort > capacity + EPSILON) {
      out[i] = { tooBig: true };
      continue;
    }
    // Descend to the leftmost quarter whose remaining capacity fits.
    let k = 1;
    while (k < size) k = tree[2 * k] + EPSILON >= item.effort ? 2 * k : 2 * k + 1;
    const q = k - size;
    tree[k] -= item.effort;
    for (k >>= 1; k >= 1; k >>= 1) tree[k] = Math.max(tree[2 * k], tree[2 * k + 1]);
    out[i] = { quarter: q };
  }
  return out;
}

/** Quarter labels per item (undefined for skipped items, "too big" for items larger than the capacity). */
export function priorityPlan(
  items: readonly (PlanItem | undefined)[],
  capacity: number,
  start: QuarterStart = DEFAULT_START,
): (string | 'too-big' | undefined)[] {
  return planByCapacity(items, capacity).map((p) =>
    p === undefined ? undefined : 'tooBig' in p ? 'too-big' : quarterLabel(start, p.quarter),
  );
}
