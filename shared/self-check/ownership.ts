/**
 * What the self-check owns, and for how long it may run (pure; both hosts use it):
 * - **Marks.** Every sheet a self-check creates carries a mark made in the same step as the sheet: in Excel a
 *   defined name `TST_SelfCheck_<run>_<n>` on its A1, added in the executor's structure batch with the sheet
 *   (withMarks); in Google Sheets developer metadata on the sheet (SELF_CHECK_METADATA_KEY, added right after
 *   `insertSheet`). Clean-up removes only the sheets this run created (the objects or ids its own calls returned);
 *   a sheet a co-author adds meanwhile is never taken for ours. A run killed before its clean-up (Apps Script's
 *   6 minutes skip `finally`) leaves marked sheets; the next self-check finds them by their marks, never by
 *   their names, reports them, and removes them when asked (SelfCheckOptions.removeLeftovers).
 * - **Time budget.** The check stops starting new work once SELF_CHECK_BUDGET_MS have passed, well under Apps
 *   Script's 6 minutes, cleans up, and says what it skipped.
 */
import * as msg from '../core/messages';
import type { RenderPlan } from '../plan/plan';
import type { CheckResult } from './report';

/** The developer-metadata key on each sheet a Sheets self-check creates (its value: the run's prefix). */
export const SELF_CHECK_METADATA_KEY = 'tech-strategy-toolkit.self-check';

/** Every Excel mark name starts with this (defined names: letters, digits, "_"). */
export const SELF_CHECK_MARK = 'TST_SelfCheck_';

/** Is this defined name a self-check's mark? (Excel compares names without case.) */
export const isSelfCheckMark = (name: string): boolean => name.toUpperCase().startsWith(SELF_CHECK_MARK.toUpperCase());

/** The marks of one run ("✓k3f9 " → "TST_SelfCheck_k3f9_"). */
export function runMarkPrefix(prefix: string): string {
  return `${SELF_CHECK_MARK}${prefix.replace(/[^A-Za-z0-9]/g, '')}_`;
}

/** The plan with a mark name on A1 of each of its sheets, numbered from `first` (so a run's marks never clash). */
export function withMarks(plan: RenderPlan, prefix: string, first: number): RenderPlan {
  const marks = plan.sheets.map((s, i) => ({
    key: `selfCheckMark${i}`,
    name: `${runMarkPrefix(prefix)}${first + i}`,
    sheet: s.key,
    range: '$A$1',
  }));
  return { ...plan, namedRanges: [...plan.namedRanges, ...marks] };
}

/** The sheet a mark's formula points at: "='✓k3f9 Roadmap'!$A$1" → "✓k3f9 Roadmap" (Excel keeps it on renames). */
export function markedSheet(formula: string): string | undefined {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const bang = body.lastIndexOf('!');
  if (bang <= 0) return undefined;
  const sheet = body.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** How long a self-check may start new work: 4 minutes, well under Apps Script's 6 per execution. */
export const SELF_CHECK_BUDGET_MS = 240000;

/** The clock of one run: what is left of its budget, and what it skipped for lack of time. */
export class TimeBudget {
  readonly skipped: string[] = [];
  constructor(
    private readonly startedMs: number,
    readonly budgetMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}
  /** True while the budget lasts; otherwise records `what` as skipped. */
  allows(what: string): boolean {
    if (this.now() - this.startedMs < this.budgetMs) return true;
    this.skipped.push(what);
    return false;
  }
  /** The report's line when something was skipped. */
  check(): CheckResult | undefined {
    if (this.skipped.length === 0) return undefined;
    return {
      group: 'Clean-up',
      name: msg.SELF_CHECK_BUDGET_NAME,
      ok: false,
      detail: msg.selfCheckSkipped(this.budgetMs / 1000, this.skipped),
    };
  }
}

/** The report's line about leftovers of an earlier, interrupted self-check (none found: no line). */
export function leftoverCheck(found: readonly string[], removed: boolean, failed?: string): CheckResult | undefined {
  if (found.length === 0) return undefined;
  const detail = failed
    ? msg.leftoversNotRemoved(found, failed)
    : removed
      ? msg.leftoversRemoved(found)
      : msg.leftoversFound(found);
  return { group: 'Clean-up', name: msg.LEFTOVERS_NAME, ok: removed && !failed, detail };
}

/** The budget the options ask for (a number of milliseconds of at least 0), else the default. */
export function budgetOf(asked: unknown): number {
  return typeof asked === 'number' && Number.isFinite(asked) && asked >= 0 ? asked : SELF_CHECK_BUDGET_MS;
}

/** The workbook's sheets (ids as text) and defined names at one moment. */
export interface WorkbookList {
  sheets: Array<{ id: string; name: string }>;
  names: string[];
}

/**
 * The clean-up's line: passed when nothing of this run is left and everything that was there before still is.
 * What someone else added meanwhile (a co-author, another execution) is kept and named, never counted as ours.
 */
export function cleanUpCheck(
  removed: number,
  left: readonly string[],
  before: WorkbookList,
  after: WorkbookList,
): CheckResult {
  const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  const afterIds = new Set(after.sheets.map((s) => s.id));
  const beforeIds = new Set(before.sheets.map((s) => s.id));
  const afterNames = lower(after.names);
  const beforeNames = lower(before.names);
  const lostSheets = before.sheets.filter((s) => !afterIds.has(s.id)).map((s) => s.name);
  const lostNames = before.names.filter((n) => !afterNames.has(n.toLowerCase()));
  const keptSheets = after.sheets.filter((s) => !beforeIds.has(s.id)).map((s) => s.name);
  const keptNames = after.names.filter((n) => !beforeNames.has(n.toLowerCase()));
  const ok = left.length === 0 && lostSheets.length === 0 && lostNames.length === 0;
  return {
    group: 'Clean-up',
    name: msg.CLEAN_UP_NAME,
    ok,
    detail: ok
      ? msg.cleanedUp(removed, before.sheets.length, before.names.length, keptSheets, keptNames)
      : msg.notCleanedUp(left, lostSheets, lostNames),
  };
}
