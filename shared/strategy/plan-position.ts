/**
 * Where a planned quarter (PRIORITY_PLAN's label: "Q2", "Q1 Y2", "Q3 2027") falls in the plan: 1 for the
 * plan's first quarter (the Prioritization sheet's "First quarter" setting, which is also the roadmap's Q1),
 * 2 for the next… The Strategy Review's native formulas compute the same from the sheet's hidden helper
 * columns (checks.ts nPlanPosition).
 */
import { serialToDate } from '../core/args';
import { DEFAULT_START_TEXT, parseQuarter, type QuarterStart } from '../scoring/plan';
import type { StrategyData } from './data';

export function planStart(d: StrategyData): QuarterStart | undefined {
  return parseQuarter(d.planStart ?? DEFAULT_START_TEXT);
}

/** The label's position in the plan (1 = first quarter), or undefined when it is not a quarter. */
export function planPosition(label: string, start: QuarterStart | undefined): number | undefined {
  const l = label.trim();
  if (start === undefined || !l.startsWith('Q')) return undefined;
  const q = Number(l.charAt(1));
  if (!Number.isInteger(q) || l.charAt(1).trim() === '') return undefined;
  let yearsOn: number;
  if (l.length === 2) yearsOn = 0;
  else if (l.charAt(3) === 'Y') yearsOn = Number(l.slice(4, 13)) - 1;
  else if (start.year !== undefined) yearsOn = Number(l.slice(-4)) - start.year;
  else return undefined;
  return Number.isFinite(yearsOn) ? yearsOn * 4 + q - start.quarter + 1 : undefined;
}

/**
 * Where the calendar quarter holding a serial day falls in the plan (1 = first quarter), or undefined when the
 * plan's first quarter has no year (no Prioritization sheet). The Strategy Document's native formulas compare
 * the day with the same quarters' first days (templates/document.ts planQuarterDay).
 */
export function datePlanPosition(serial: number, start: QuarterStart | undefined): number | undefined {
  if (start?.year === undefined) return undefined;
  const d = serialToDate(serial);
  return (d.getUTCFullYear() - start.year) * 4 + Math.floor(d.getUTCMonth() / 3) - start.quarter + 2;
}

/**
 * The roadmap quarter of a Roadmap row: its Quarter as typed (trimmed); when that is blank, "Q<n>" of the plan
 * quarter n (1–4) its Start falls in; else "" (no Start, or a Start before the plan's Q1 or after its Q4).
 */
export function roadmapRowQuarter(r: { quarter: string; start?: number }, start: QuarterStart | undefined): string {
  if (r.quarter.trim() !== '') return r.quarter.trim();
  const pos = r.start === undefined ? undefined : datePlanPosition(r.start, start);
  return pos !== undefined && pos >= 1 && pos <= 4 ? `Q${pos}` : '';
}
