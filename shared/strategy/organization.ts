/**
 * The Organization & Ways of Working sheet as the document and the review read it (catalogue/organization.ts).
 * A single value (company, year, vision, horizon, cadence, budget total) is the first row of its section, as
 * the sheets' native MATCH finds it; lists keep row order. Sections compare as spreadsheets compare:
 * trimmed, case-insensitive.
 */
import { ORG } from '../catalogue/organization';
import { sheetTrim } from '../core/values';
import type { OrgRow, StrategyData } from './data';
import { sameName } from './theme-index';

/** The plan's horizon in quarters when the workbook sets none (the roadmap's Q1–Q4). */
export const DEFAULT_HORIZON_QUARTERS = 4;
export const DEFAULT_TITLE = 'Technical Strategy';
/** Days between snapshots when the workbook sets no review cadence (the guide's monthly strategy review). */
export const DEFAULT_CADENCE_DAYS = 31;

/** The first row of a section (whatever it holds), as MATCH finds it. */
export function orgFirst(d: StrategyData, section: string): OrgRow | undefined {
  return d.org.find((r) => sameName(r.section, section));
}

/** The rows of a section with an item, in row order. */
export function orgRows(d: StrategyData, section: string): OrgRow[] {
  return d.org.filter((r) => sameName(r.section, section) && r.item.trim() !== '');
}

/** The section's first item ("" when the section has none). */
export const orgText = (d: StrategyData, section: string): string => sheetTrim(orgFirst(d, section)?.item ?? '');

/** "Technical Strategy: Company Year" (the guide's title), or "Technical Strategy" without a company or year. */
export function documentTitle(d: StrategyData): string {
  const who = sheetTrim(`${orgText(d, ORG.company)} ${orgText(d, ORG.year)}`);
  return who === '' ? DEFAULT_TITLE : `${DEFAULT_TITLE}: ${who}`;
}

/** A positive Count of a section's first row, else undefined. */
function firstCount(d: StrategyData, section: string): number | undefined {
  const n = orgFirst(d, section)?.count;
  return n !== undefined && n > 0 ? n : undefined;
}

/** The timeline horizon in quarters: the months of Timeline Horizon rounded up to quarters, else 4. */
export function horizonQuarters(d: StrategyData): number {
  const months = firstCount(d, ORG.horizon);
  return months === undefined ? DEFAULT_HORIZON_QUARTERS : Math.ceil(months / 3);
}

/** Days between snapshots before the review warns: the Review Cadence's Count, else 31. */
export function cadenceDays(d: StrategyData): number {
  return firstCount(d, ORG.cadence) ?? DEFAULT_CADENCE_DAYS;
}

/** The budget total (first Budget Total row's amount) when it is a positive number. */
export function budgetTotal(d: StrategyData): number | undefined {
  const a = orgFirst(d, ORG.budgetTotal)?.amount;
  return a !== undefined && a > 0 ? a : undefined;
}

/** A budget line's share of the total, as the sheet's Share of Budget column computes it. */
export function budgetShare(d: StrategyData, line: OrgRow): number | undefined {
  const total = orgFirst(d, ORG.budgetTotal)?.amount;
  return line.amount === undefined || total === undefined || total === 0 ? undefined : line.amount / total;
}

/** An amount with thousands separators ("1,500,000"), rounded to whole units; the sheet builds the same. */
export function thousands(x: number): string {
  const n = Math.round(x);
  if (n < 0 || n >= 1e9) return String(n);
  return n.toLocaleString('en-US');
}

/** The sections of the sheet a document needs that the workbook leaves empty (the review lists them). */
export const DOCUMENT_SECTIONS_NEEDED: string[] = [
  ORG.company,
  ORG.year,
  ORG.horizon,
  ORG.outcome,
  ORG.currentState,
  ORG.team,
  ORG.hire,
  ORG.budgetLine,
  ORG.vendor,
  ORG.decisions,
  ORG.communication,
  ORG.cadence,
];

export function missingSections(d: StrategyData): string[] {
  return DOCUMENT_SECTIONS_NEEDED.filter((s) => orgRows(d, s).length === 0);
}
