/**
 * The self-check's report: what ran in the user's real Sheets or Excel, check by check, as plain JSON (the
 * Sheets server returns it through google.script.run) and as text the user can copy into a bug report.
 * Pure: the hosts fill it (apps-script/src/self-check.ts, excel-addin/src/self-check.ts), the panel shows it.
 */
import { VERSION } from '../core/version';

/** Where the check ran, as the host reports it. */
export interface SelfCheckEnvironment {
  /** "Google Sheets" or "Excel". */
  host: string;
  /** "Apps Script V8", "OfficeOnline", "PC", "Mac" … */
  platform: string;
  /** Host build / API level: Office's version and the highest ExcelApi set; Apps Script: the runtime. */
  api: string;
  /** The spreadsheet's locale (Sheets) or Office's content language (Excel). */
  locale: string;
  /** The decimal separator numbers are written with there, and the formula syntax the add-in wrote. */
  numbers: string;
  /** The spreadsheet's time zone (Sheets; with the script's) or the task pane's (Excel). */
  timeZone: string;
}

export type CheckGroup = 'Templates' | 'Computed columns' | 'Charts' | 'Custom functions' | 'Panel' | 'Clean-up';

export interface CheckResult {
  group: CheckGroup;
  /** What was checked: "Prioritization: Priority Score". */
  name: string;
  ok: boolean;
  /** The values (or the reason): "17 rows equal PRIORITY_SCORE" / "row 3: sheet 11.5, core 11". */
  detail: string;
}

/** What to check (all templates when absent); unknown ids are ignored. */
export interface SelfCheckOptions {
  templates?: string[];
  /** Remove the sheets an earlier, interrupted self-check left (found by its mark, shared/self-check/ownership.ts). */
  removeLeftovers?: boolean;
  /** How long it may start new work, in ms (default SELF_CHECK_BUDGET_MS, 4 minutes). */
  budgetMs?: number;
}

/** The host answering the panel: proves the panel reached it (Sheets: a google.script.run round trip). */
export interface PingReply {
  host: string;
  /** ISO time on the host. */
  at: string;
}

export interface SelfCheckReport {
  environment: SelfCheckEnvironment;
  /** ISO time the check started, in UTC. */
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
}

export function passedCount(r: SelfCheckReport): number {
  return r.checks.filter((c) => c.ok).length;
}

export function failedChecks(r: SelfCheckReport): CheckResult[] {
  return r.checks.filter((c) => !c.ok);
}

/** One line for the top of the report: "All 41 checks passed." / "3 of 41 checks failed." */
export function reportSummary(r: SelfCheckReport): string {
  const failed = failedChecks(r).length;
  const n = r.checks.length;
  if (n === 0) return 'No checks ran.';
  return failed === 0 ? `All ${n} checks passed.` : `${failed} of ${n} ${n === 1 ? 'check' : 'checks'} failed.`;
}

const ENV_LABELS: Array<[keyof SelfCheckEnvironment, string]> = [
  ['host', 'Host'],
  ['platform', 'Platform'],
  ['api', 'API'],
  ['locale', 'Locale'],
  ['numbers', 'Numbers'],
  ['timeZone', 'Time zone'],
];

/** The environment as label/value pairs, in display order. */
export function environmentLines(e: SelfCheckEnvironment): Array<[string, string]> {
  return ENV_LABELS.map(([k, label]) => [label, e[k]]);
}

/** The report as plain text (what "Copy report" copies). */
export function reportText(r: SelfCheckReport): string {
  const lines = [
    `Tech Strategy Toolkit ${VERSION}: self-check`,
    reportSummary(r),
    '',
    ...environmentLines(r.environment).map(([label, v]) => `${label}: ${v}`),
    `Started: ${r.startedAt} (${Math.round(r.durationMs / 100) / 10} s)`,
  ];
  for (const group of groupsOf(r)) {
    lines.push('', `${group}`);
    for (const c of r.checks.filter((x) => x.group === group))
      lines.push(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  }
  return lines.join('\n');
}

const GROUP_ORDER: readonly CheckGroup[] = [
  'Panel',
  'Templates',
  'Computed columns',
  'Charts',
  'Custom functions',
  'Clean-up',
];

/** The groups present, in display order. */
export function groupsOf(r: SelfCheckReport): CheckGroup[] {
  return GROUP_ORDER.filter((g) => r.checks.some((c) => c.group === g));
}

/** What a template insert made, in a few words: `new sheet "✓k3f9 Roadmap"` / `11 new sheets, "…" to "…"`. */
export function insertedDetail(sheets: string[]): string {
  if (sheets.length === 1) return `new sheet "${sheets[0]}"`;
  return `${sheets.length} new sheets, "${sheets[0]}" to "${sheets[sheets.length - 1]}"`;
}

/** A check that caught a host error: failed, with the message (never a raw exception in the report). */
export function errorCheck(group: CheckGroup, name: string, e: unknown): CheckResult {
  const message = e instanceof Error ? e.message : String(e);
  return { group, name, ok: false, detail: message };
}
