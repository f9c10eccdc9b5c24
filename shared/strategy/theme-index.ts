/**
 * The workbook's rows grouped by theme name (trimmed, case-insensitive, as the sheets' COUNTIF matches), built
 * once per StrategyData so that matching N themes against N metrics, projects and roadmap items costs O(N), not
 * O(N²). Rebuilt when any of the arrays it indexes is replaced or changes length.
 */
import type { StrategyData } from './data';

/** How a theme name is matched: trimmed, lower case. */
export const themeKey = (s: string): string => s.trim().toLowerCase();

/** Whether two names or statuses match as the core matches them: trimmed, case-insensitive (themeKey). */
export const sameName = (a: string, b: string): boolean => themeKey(a) === themeKey(b);

export interface ThemeIndex {
  /** The keys of the non-blank theme names. */
  themes: Set<string>;
  metrics: Map<string, StrategyData['metrics']>;
  projects: Map<string, StrategyData['projects']>;
  roadmap: Map<string, StrategyData['roadmap']>;
}

function group<R extends { theme: string }>(rows: R[]): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const k = themeKey(r.theme);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const indexed = ['themes', 'metrics', 'projects', 'roadmap'] as const;
const cache = new WeakMap<StrategyData, { arrays: unknown[][]; lengths: number[]; index: ThemeIndex }>();

/** The theme index of `d` (cached while its arrays stay the same). */
export function themeIndex(d: StrategyData): ThemeIndex {
  const hit = cache.get(d);
  if (hit && indexed.every((k, i) => hit.arrays[i] === d[k] && hit.lengths[i] === d[k].length)) return hit.index;
  const index: ThemeIndex = {
    themes: new Set(d.themes.filter((t) => t.name.trim() !== '').map((t) => themeKey(t.name))),
    metrics: group(d.metrics),
    projects: group(d.projects),
    roadmap: group(d.roadmap),
  };
  cache.set(d, { arrays: indexed.map((k) => d[k]), lengths: indexed.map((k) => d[k].length), index });
  return index;
}

/** The rows of `field` whose theme is `theme`. */
export function rowsOfTheme<F extends 'metrics' | 'projects' | 'roadmap'>(
  d: StrategyData,
  field: F,
  theme: string,
): StrategyData[F] {
  return (themeIndex(d)[field].get(themeKey(theme)) ?? []) as StrategyData[F];
}
