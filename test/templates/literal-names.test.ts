/**
 * Names are matched literally by every native lookup (shared/spec/literal.ts): a theme named "R&D *core*" is not
 * a pattern that also matches "R&D new core work", in the Progress Dashboard, the Strategy Review, the charts' theme
 * order and the trends' metric order. Evaluated with HyperFormula, which reads `*`, `?` and `~` in criteria as Excel
 * and Sheets do; the review is compared with the core's (which compares names as text).
 */
import { compileTemplate } from '../../shared/templates';
import { reviewStrategy, REVIEW_CHECKS } from '../../shared/strategy/checks';
import { readStrategy } from '../../shared/strategy/read';
import { todaySerial } from '../../shared/functions/metrics';
import { loadPlan, type LoadedPlan } from './loader';
import { column, layoutOf } from './engine-helpers';
import { engineSheets } from '../strategy/workbook-source';
import { historyPlan } from '../../shared/strategy/record';
import { HISTORY_KINDS, HISTORY_SHEET } from '../../shared/catalogue/history';
import { layoutSheet } from '../../shared/compiler/layout';
import { emptySlotName } from '../../shared/compiler/trend-charts';

const NOW = new Date();
const TODAY = todaySerial({ now: () => NOW });
const WILD = 'R&D *core*';
const OTHER = 'R&D new core work';

function put(loaded: LoadedPlan, sheetKey: string, columnKey: string, row: number, v: string): void {
  const L = layoutOf('strategy-workbook', sheetKey);
  loaded.hf.setCellContents({ sheet: loaded.sheetId(sheetKey), row: L.firstRow - 1 + row, col: L.index[columnKey] }, [
    [v],
  ]);
}

describe('a theme named "R&D *core*" next to "R&D new core work"', () => {
  let loaded: LoadedPlan;
  beforeAll(() => {
    loaded = loadPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
    put(loaded, 'themes', 'name', 0, WILD);
    put(loaded, 'themes', 'name', 1, OTHER);
    // All the work of the first two themes goes to OTHER: with wildcards WILD would count it too.
    const roadmap = column(loaded, layoutOf('strategy-workbook', 'roadmap'), 'theme');
    roadmap.forEach((t, i) => {
      if (t === 'Enterprise-Ready Platform' || t === 'Global Scale & Performance')
        put(loaded, 'roadmap', 'theme', i, OTHER);
    });
    const projects = column(loaded, layoutOf('strategy-workbook', 'projects'), 'theme');
    projects.forEach((t, i) => {
      if (t === 'Enterprise-Ready Platform' || t === 'Global Scale & Performance')
        put(loaded, 'projects', 'theme', i, OTHER);
    });
    const metrics = column(loaded, layoutOf('strategy-workbook', 'metrics'), 'theme');
    metrics.forEach((t, i) => {
      if (t === 'Enterprise-Ready Platform' || t === 'Global Scale & Performance')
        put(loaded, 'metrics', 'theme', i, OTHER);
    });
  });
  afterAll(() => loaded.destroy());

  test('the Progress Dashboard counts nothing for it: no item, project, top project or metric', () => {
    const L = layoutOf('strategy-workbook', 'dashboard');
    const row = column(loaded, L, 'theme').indexOf(WILD);
    expect(row).toBe(0);
    const at = (k: string) => column(loaded, L, k)[row];
    expect([at('items'), at('projects'), at('topProject'), at('topOwner'), at('metricsCount')]).toEqual([
      0,
      0,
      '',
      '',
      0,
    ]);
    const other = column(loaded, L, 'theme').indexOf(OTHER);
    expect(column(loaded, L, 'items')[other]).toBeGreaterThan(0);
    expect(column(loaded, L, 'topOwner')[other]).not.toBe('');
  });

  test('the Strategy Review flags it as a theme without work or metric, as the core does', () => {
    const L = layoutOf('strategy-workbook', 'review');
    const [status, count, items] = ['status', 'count', 'items'].map((k) => column(loaded, L, k));
    const sheet = REVIEW_CHECKS.map((c, i) => [c.id, status[i], count[i], items[i]]);
    const { data } = readStrategy(engineSheets(loaded, true), NOW);
    const core = reviewStrategy(data, TODAY).map((f) => [f.check.id, f.status, f.count, f.items]);
    expect(sheet).toEqual(core);
    const noWork = sheet.find(([id]) => id === 'theme-no-work')!;
    expect(String(noWork[3])).toContain(WILD);
  });
});

test('the trend charts give "R&D *core*" a slot of its own, after "R&D new core work" logged before it', () => {
  const loaded = loadPlan(historyPlan(TODAY));
  try {
    const id = loaded.sheetId('history');
    const log = [OTHER, WILD, OTHER, WILD].map((name, i) => [TODAY - 3 + i, HISTORY_KINDS.metric, name, i, String(i)]);
    loaded.hf.setCellContents({ sheet: id, row: 1, col: 0 }, log);
    const L = layoutSheet(HISTORY_SHEET);
    const header = (k: number) => loaded.hf.getCellValue({ sheet: id, row: 0, col: L.index[`trend${k}`] });
    // With "*" a wildcard, "R&D *core*" would count "R&D new core work" above it as itself and get no slot.
    expect([header(1), header(2), header(3)]).toEqual([OTHER, WILD, emptySlotName(3)]);
    const values = column(loaded, L, 'trend2').slice(0, 4);
    expect(values.map((v) => (typeof v === 'object' && v !== null ? v.error : v))).toEqual(['#N/A', 1, '#N/A', 3]);
  } finally {
    loaded.destroy();
  }
});
