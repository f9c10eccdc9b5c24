/**
 * One spelling per status: every status word the product shows — the core's status functions, the
 * templates' drop-down lists, the texts their native formulas write and test, the functions' documented
 * examples — is spelled one way ("At risk" everywhere, never "At Risk" in one place and "At risk" in another).
 */
import { functionDocs } from '../../shared/docs/reference';
import { HEALTH_BANDS } from '../../shared/health/scorecard';
import { TEMPLATES, compileTemplate } from '../../shared/templates';
import { METRIC_STATUSES } from '../../shared/metrics/progress';
import { ROADMAP_STATUSES } from '../../shared/catalogue/roadmap';
import { DASHBOARD_STATUSES } from '../../shared/catalogue/dashboard';
import { GAP } from '../../shared/catalogue/velocity';
import { DORA_LEVELS } from '../../shared/metrics/dora';

/** Short texts in double quotes inside a formula: the values it writes or compares with. */
function quotedTexts(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1].replace(/""/g, '"')).filter((t) => t.length < 30);
}

function statusTexts(): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const plans = TEMPLATES.map((t) => compileTemplate(t.id, { example: true }));
  // A sheet's own name (a Start Here link's text) is a name, not a status word: "Strategic Themes" names the sheet.
  const sheetNames = new Set(plans.flatMap((p) => p.sheets.map((s) => s.name)));
  const add = (text: string, where: string): void => {
    if (!/[a-z]/i.test(text) || sheetNames.has(text)) return;
    const key = text.toLowerCase();
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(`${text}\u0000${where}`);
  };
  for (const b of HEALTH_BANDS) add(b.status, 'HEALTH_STATUS');
  for (const s of [...METRIC_STATUSES, ...ROADMAP_STATUSES, ...DASHBOARD_STATUSES]) add(s, 'status lists');
  for (const f of functionDocs()) for (const e of f.examples) add(e.result, `${f.name} example`);
  for (const plan of plans) {
    for (const s of plan.sheets) {
      for (const v of s.validations) if (v.rule.kind === 'list') v.rule.values.forEach((x) => add(x, `${s.name} list`));
      for (const cf of s.conditionalFormats)
        if (cf.rule.kind === 'formula') quotedTexts(cf.rule.formula).forEach((x) => add(x, `${s.name} format`));
      for (const row of s.cells.slice(1))
        for (const c of row)
          if (typeof c === 'string' && c.startsWith('=')) quotedTexts(c).forEach((x) => add(x, `${s.name} formula`));
    }
  }
  return seen;
}

test('every status is spelled one way across functions, templates and their formulas', () => {
  const clashes: string[] = [];
  for (const variants of statusTexts().values()) {
    const spellings = new Set([...variants].map((v) => v.split('\u0000')[0]));
    if (spellings.size > 1) clashes.push([...variants].map((v) => v.replace('\u0000', ' in ')).join(' / '));
  }
  expect(clashes).toEqual([]);
});

test('the health bands and the metric statuses share "At risk"', () => {
  expect(HEALTH_BANDS.map((b) => b.status)).toContain('At risk');
  expect(METRIC_STATUSES).toContain('At risk');
});

/**
 * Each sheet's status words come from its own list: a formula that writes a status (its status columns) or a colour
 * rule that tests one (`="…"`) spells only words of that list, so a word added to a builder but not to its list (or
 * misspelt in one place only) fails here.
 */
test('the status formulas and colour rules write and test only the words of their lists', () => {
  const lists: Record<string, readonly string[]> = {
    'Metrics Dashboard': METRIC_STATUSES,
    'Progress Dashboard': [...DASHBOARD_STATUSES, ...METRIC_STATUSES, ...ROADMAP_STATUSES],
    'Technical Health': HEALTH_BANDS.map((b) => b.status),
    Roadmap: ROADMAP_STATUSES,
    'Engineering Velocity': [...DORA_LEVELS, ...Object.values(GAP)],
  };
  const statusHeaders = ['Status', 'Level', 'vs Target'];
  const stray: string[] = [];
  /** The text literals of a formula, read left to right ("" inside a literal is a quote). */
  const literals = (f: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < f.length; i++) {
      if (f[i] !== '"') continue;
      let text = '';
      for (i++; i < f.length; i++) {
        if (f[i] !== '"') text += f[i];
        else if (f[i + 1] === '"') text += f[++i];
        else break;
      }
      out.push(text);
    }
    return out;
  };
  const seen = new Set<string>();
  for (const t of TEMPLATES) {
    for (const s of compileTemplate(t.id, { example: true }).sheets) {
      const list = lists[s.name];
      if (!list) continue;
      seen.add(s.name);
      const check = (text: string, where: string): void => {
        if (/[a-z]/i.test(text) && !list.includes(text)) stray.push(`${s.name} ${where}: "${text}"`);
      };
      const statusCols = s.cells[0].flatMap((h, i) => (statusHeaders.includes(String(h)) ? [i] : []));
      for (const row of s.cells.slice(1))
        for (const i of statusCols) {
          const c = row[i];
          if (typeof c === 'string' && c.startsWith('=')) literals(c).forEach((x) => check(x, 'status formula'));
        }
      for (const cf of s.conditionalFormats)
        if (cf.rule.kind === 'formula') literals(cf.rule.formula).forEach((x) => check(x, 'colour rule'));
    }
  }
  expect(stray).toEqual([]);
  expect([...seen].sort()).toEqual(Object.keys(lists).sort());
});
