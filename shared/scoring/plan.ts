/**
 * The seed guide's "Decision" column: projects placed into quarters by score, within a capacity per quarter.
 * First fit in descending score order (ties keep input order): each project goes into the earliest quarter,
 * counted from the start quarter, whose remaining capacity still fits its effort.
 */
import { scanCost } from '../core/scan';
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
/** The Planned Quarter where the First quarter setting is no quarter (parseQuarter): the setting to mend, named. */
export const START_UNKNOWN_TEXT = 'Check First quarter';

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
  const start = parseQuarter(setting);
  return start ? quarterLabel(withYear(start, year), 0) : setting;
}

/** A digit 1–4 as a quarter, or undefined. */
function quarterDigit(c: string): QuarterStart['quarter'] | undefined {
  const code = c.charCodeAt(0);
  return code >= 0x31 && code <= 0x34 ? ((code - 0x30) as QuarterStart['quarter']) : undefined;
}

/** Four characters that are a year (a number from 1000: four characters hold no fraction of one), or undefined. */
function yearOf(text: string): number | undefined {
  const y = Number(text);
  return y >= 1000 ? y : undefined;
}

/**
 * The text without its spaces, "-" and "/" (the sheet's SUBSTITUTEs), read once: '' for spaces only, undefined
 * for a text that is neither that nor 2 to 6 characters long once they are dropped (no quarter is).
 */
function compact(text: string): string | undefined {
  let out = '';
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    other ||= c !== ' ';
    if (c === ' ' || c === '-' || c === '/') continue;
    if (out.length === 6) {
      scanCost.steps += i + 1;
      return undefined;
    }
    out += c;
  }
  scanCost.steps += text.length;
  return other && out === '' ? undefined : out;
}

/**
 * A quarter as PRIORITY_PLAN, the Prioritization sheet's First quarter (its helper columns: catalogue/prioritization.ts
 * startText) and the strategy reader all read it: spaces, "-" and "/" are dropped; then "Q" (or "q")
 * and a digit 1–4 is that quarter ("Q3": of no year given, the plan's first), with a year after it ("Q3 2027",
 * "q3-2027", "Q32027") or before it ("2027 Q3"). A text of spaces is Q1 (a blank setting). Anything else is none:
 * "Q5", "Q 2026", "Q3 27", "Q3 FY27" (a fiscal year names no calendar year), a tab or a non-breaking space (the
 * sheet's SUBSTITUTE drops only spaces). Linear in the text's length (read once, no regular expression).
 */
export function parseQuarter(text: string): QuarterStart | undefined {
  const t = compact(text);
  if (t === '') return { quarter: 1 };
  if (t === undefined || (t.length !== 2 && t.length !== 6)) return undefined;
  const isQ = (at: number): boolean => t.charAt(at) === 'Q' || t.charAt(at) === 'q';
  const [quarter, year] = isQ(0) ? [t.charAt(1), t.slice(2)] : [t.charAt(5), t.slice(0, 4)];
  const q = quarterDigit(quarter);
  if (q === undefined || (!isQ(0) && !isQ(4))) return undefined;
  if (t.length === 2) return { quarter: q };
  const y = yearOf(year);
  return y === undefined ? undefined : { quarter: q, year: y };
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
