/**
 * Turns a compiled plan into one that is safe to apply to a given workbook: every sheet,
 * named range and table gets a name the workbook does not have yet, and every placeholder
 * (`{{sheet:key}}`, `{{name:key}}`) in formulas, validations, conditional formats and chart
 * ranges is replaced by the name actually used. Pure: executors call it after reading names.
 */
import type { ExistingNames, RenderPlan } from './plan';

/** Sheet names are case-insensitive in both hosts; Excel caps them at 31 characters. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = wanted.slice(0, 31);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Defined names (named ranges, tables) share one case-insensitive namespace; no spaces or parentheses. */
export function freeDefinedName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted}_${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name as it must appear in a formula: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface Resolution {
  sheets: Record<string, string>;
  names: Record<string, string>;
  tables: Record<string, string>;
}

const PLACEHOLDER = /\{\{(sheet|name|table):([A-Za-z0-9_]+)\}\}/g;

export function substitute(text: string, r: Resolution): string {
  return text.replace(PLACEHOLDER, (m, kind: string, key: string) => {
    if (kind === 'sheet') {
      if (!(key in r.sheets)) throw new Error(`Unknown sheet placeholder ${m}`);
      return quoteSheet(r.sheets[key]);
    }
    const table = kind === 'name' ? r.names : r.tables;
    if (!(key in table)) throw new Error(`Unknown ${kind} placeholder ${m}`);
    return table[key];
  });
}

function deep<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as unknown as T;
  if (Array.isArray(v)) return v.map((x) => deep(x, f)) as unknown as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deep(x, f);
    return out as T;
  }
  return v;
}

/** Resolves names and placeholders against what the workbook already has. */
export function resolvePlan(plan: RenderPlan, existing: ExistingNames): { plan: RenderPlan; resolution: Resolution } {
  const takenSheets = [...existing.sheets];
  const takenDefined = [...existing.namedRanges, ...(existing.tables ?? [])];
  const r: Resolution = { sheets: {}, names: {}, tables: {} };
  for (const s of plan.sheets) {
    const name = freeSheetName(s.name, takenSheets);
    takenSheets.push(name);
    r.sheets[s.key] = name;
  }
  for (const n of plan.namedRanges) {
    const name = freeDefinedName(n.name, takenDefined);
    takenDefined.push(name);
    r.names[n.key] = name;
  }
  for (const s of plan.sheets) {
    if (!s.table) continue;
    const name = freeDefinedName(s.table.name, takenDefined);
    takenDefined.push(name);
    r.tables[s.key] = name;
  }
  const resolved = deep(plan, (text) => substitute(text, r));
  resolved.sheets = resolved.sheets.map((s, i) => ({
    ...s,
    name: r.sheets[plan.sheets[i].key],
    table: s.table ? { ...s.table, name: r.tables[plan.sheets[i].key] } : undefined,
  }));
  resolved.namedRanges = resolved.namedRanges.map((n) => ({ ...n, name: r.names[n.key] }));
  return { plan: resolved, resolution: r };
}
