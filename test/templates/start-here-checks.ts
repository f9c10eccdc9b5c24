/**
 * Start Here (issue #18, item 7), checked in the formula engine by test/templates/engine.test.ts on the full
 * workbook it already loads (blank and example): eight steps in the guide's order, each a link to its sheet, and a
 * live ✓ per step computed by native formulas from the workbook's own data.
 */
import { START_STEPS, STEP_DONE } from '../../shared/templates/start';
import type { LoadedPlan } from './loader';

/** The Done column, step by step: label → ✓ or "". */
function marks(loaded: LoadedPlan): Record<string, unknown> {
  return Object.fromEntries(START_STEPS.map((s, i) => [s.label, loaded.at('start', `D${i + 2}`)]));
}

/** Types a value into a cell of a sheet (by key), as a manager would; null empties it again. */
function type(loaded: LoadedPlan, key: string, a1: string, value: string | number | null): void {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  loaded.hf.setCellContents({ sheet: loaded.sheetId(key), row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 }, value);
}

function expectLinks(loaded: LoadedPlan): void {
  expect(loaded.plan.sheets[0].key).toBe('start');
  expect(loaded.plan.activate).toBe('start');
  expect(START_STEPS.map((_, i) => loaded.at('start', `B${i + 2}`))).toEqual([
    'Business Context',
    'Strategic Themes',
    'Prioritization',
    'Roadmap',
    'Metrics Dashboard',
    'Strategy Review',
    'Progress History',
    'Strategy Document',
  ]);
  // Each link names the sheet it opens, by the name that sheet got in this workbook.
  START_STEPS.forEach((step, i) =>
    expect(loaded.plan.sheets[0].cells[i + 1][1]).toContain(`"#'${loaded.resolution.sheets[step.sheet]}'!A1"`),
  );
}

/** Blank: nothing done, and each ✓ follows what is typed (themes need three names; one snapshot row counts). */
function expectBlankFollowsTyping(loaded: LoadedPlan): void {
  expect(Object.values(marks(loaded)).every((v) => v === '')).toBe(true);
  type(loaded, 'themes', 'A2', 'Scale');
  type(loaded, 'themes', 'A3', 'Security');
  expect(marks(loaded)['Strategic Themes']).toBe('');
  type(loaded, 'themes', 'A4', 'Velocity');
  expect(marks(loaded)['Strategic Themes']).toBe(STEP_DONE);
  expect(marks(loaded)['Progress History']).toBe('');
  type(loaded, 'history', 'A2', 46000);
  expect(marks(loaded)['Progress History']).toBe(STEP_DONE);
  for (const a1 of ['A2', 'A3', 'A4']) type(loaded, 'themes', a1, null);
  type(loaded, 'history', 'A2', null);
  expect(Object.values(marks(loaded)).every((v) => v === '')).toBe(true);
}

export function expectStartHere(loaded: LoadedPlan, example: boolean): void {
  expectLinks(loaded);
  if (!example) return expectBlankFollowsTyping(loaded);
  // The example fills context, themes, projects, roadmap and metrics; its review still flags real gaps, it has
  // no snapshot yet, so the document step waits.
  expect(marks(loaded)).toEqual({
    'Business Context': STEP_DONE,
    'Strategic Themes': STEP_DONE,
    Prioritization: STEP_DONE,
    Roadmap: STEP_DONE,
    'Metrics Dashboard': STEP_DONE,
    'Strategy Review': '',
    'Progress History': '',
    'Strategy Document': '',
  });
}
