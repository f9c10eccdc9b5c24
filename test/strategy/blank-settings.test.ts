/**
 * A cleared setting gives one answer on the sheet and in the Strategy Document (issue #18, "Noticed, left alone"):
 * every number setting a formula reads falls back to its documented default when blank, natively (HyperFormula
 * evaluates the sheet's formulas) as the strategy reader does (cells.ts readSetting) — not 0 on the sheet and the
 * default in the document.
 */
import { compileTemplate } from '../../shared/templates';
import { templateSheets } from '../../shared/templates';
import { readStrategy, type ReadResult } from '../../shared/strategy/read';
import type { PlanCell } from '../../shared/plan/plan';
import { loadPlan, type LoadedPlan } from '../templates/loader';
import { layoutOf, setSide } from '../templates/engine-helpers';
import { engineSheets } from './workbook-source';

const NOW = new Date(); // HyperFormula's TODAY() is the real date
const TEMPLATE = 'strategy-workbook';

/** Numbers to 8 significant digits (the engine's cached 133.33333333 and the core's 133.333…3 are one value). */
const rounded = (rows: unknown): unknown =>
  JSON.parse(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v)));

/** What the reader makes of the workbook's rows of `field`: as the file's computed values say, and as the core computes. */
function both(loaded: LoadedPlan, field: keyof ReadResult['data']): [unknown, unknown] {
  const read = (cached: boolean) => rounded(readStrategy(engineSheets(loaded, cached), NOW).data[field]);
  return [read(true), read(false)];
}

/** Every number setting with a fallback, on the sheets the document reads (sheet key, setting key, data field). */
const SETTINGS = [
  ['team', 'threshold', 'team'],
  ['debt', 'weeks', 'debt'],
  ['projects', 'threshold', 'projects'],
  ['projects', 'capacity', 'projects'],
  ['projects', 'topN', 'projects'],
] as const;

test('the list covers every number setting with a fallback of the Full Strategy Workbook', () => {
  const all = templateSheets(TEMPLATE).flatMap((s) =>
    (s.side ?? []).filter((i) => typeof i.fallback === 'number').map((i) => `${s.key}.${i.key}`),
  );
  expect(all.sort()).toEqual(SETTINGS.map(([s, k]) => `${s}.${k}`).sort());
});

let loaded: LoadedPlan;
beforeAll(() => (loaded = loadPlan(compileTemplate(TEMPLATE, { example: true }))));
afterAll(() => loaded.destroy());

describe.each(SETTINGS)('%s: the setting "%s" cleared', (sheet, key, field) => {
  let typed: PlanCell;
  beforeAll(() => {
    const L = layoutOf(TEMPLATE, sheet);
    typed = loaded.at(sheet, L.side[key].replace(/\$/g, '')) as PlanCell;
    setSide(loaded, L, key, null);
  });
  afterAll(() => setSide(loaded, layoutOf(TEMPLATE, sheet), key, typed));

  test('the sheet computes what the Strategy Document reads (the documented default)', () => {
    const [sheetValues, coreValues] = both(loaded, field);
    expect(sheetValues).toEqual(coreValues);
  });

  test('clearing it reads as typing its default (the example types the default)', () => {
    const [blank] = both(loaded, field);
    setSide(loaded, layoutOf(TEMPLATE, sheet), key, typed);
    const [withDefault] = both(loaded, field);
    setSide(loaded, layoutOf(TEMPLATE, sheet), key, null);
    expect(blank).toEqual(withDefault);
  });
});
