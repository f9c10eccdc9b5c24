/**
 * Sheets data validation with custom formulas (whole-number rules): a custom formula's relative
 * references are relative to the range it is applied to, so such rules are applied with one
 * setDataValidation per range (never through the per-cell setDataValidations grid, where every cell
 * would keep the literal formula of the first cell). The Sheets fake models both behaviours.
 */
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import type { RenderPlan } from '../../shared/plan/plan';
import { resolvePlan } from '../../shared/plan/resolve';
import { createSheetsFake, withSheetsGlobals, shiftFormula, type SheetsFake } from '../fakes/sheets';
import { checkSheetsSheet, compileWithRows } from './plan-checks';

/** The prioritization plan with its 1–10 ratings made whole-number rules. */
function wholeNumberPlan(factor: number): RenderPlan {
  const plan = compileWithRows('prioritization', true, factor);
  for (const s of plan.sheets) {
    s.validations = s.validations.map((v) =>
      v.rule.kind === 'number' && v.rule.max === 10 ? { ...v, rule: { ...v.rule, integer: true } } : v,
    );
  }
  return plan;
}

function run(plan: RenderPlan): SheetsFake {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), plan));
  return fake;
}

test('the fake shifts relative references only', () => {
  expect(shiftFormula('=AND(ISNUMBER(C2),C2=INT(C2),C2>=1,$C$2<=10,LOG10(C2)>0)', 3, 0)).toBe(
    '=AND(ISNUMBER(C5),C5=INT(C5),C5>=1,$C$2<=10,LOG10(C5)>0)',
  );
  expect(shiftFormula('=$A2+B$1', 2, 1)).toBe('=$A4+C$1');
});

test('every cell of a whole-number rule checks itself, and the other rules still go in one setDataValidations', () => {
  const plan = wholeNumberPlan(1);
  const fake = run(plan);
  const resolved = resolvePlan(plan, { sheets: ['Sheet1'], namedRanges: [] }).plan;
  for (const s of resolved.sheets) expect(checkSheetsSheet(fake.ss, s, resolved)).toEqual([]);
  const sheet = fake.ss.sheet(resolved.sheets[0].name);
  expect(sheet.peek('C2')?.validation?.args[0]).toMatch(/ISNUMBER\(C2\)/);
  expect(sheet.peek('C37')?.validation?.args[0]).toMatch(/ISNUMBER\(C37\),C37=INT\(C37\)/);
  expect(sheet.peek('F51')?.validation?.criteria).toBe('CUSTOM_FORMULA');
  expect(fake.recorder.count('service', 'setDataValidations')).toBe(1);
  const wholeNumberRanges = resolved.sheets
    .flatMap((x) => x.validations)
    .filter((v) => v.rule.kind === 'number' && v.rule.integer);
  // The four criteria, the threshold made whole, and the Top N setting (whole by itself).
  expect(wholeNumberRanges.map((v) => v.range)).toEqual(['C2:C51', 'D2:D51', 'E2:E51', 'F2:F51', 'S2', 'S5']);
  expect(fake.recorder.count('service', 'setDataValidation')).toBe(wholeNumberRanges.length);
});

test('the same rules through the per-cell grid would be wrong (what the fake catches)', () => {
  const fake = createSheetsFake(['Sheet1']);
  withSheetsGlobals(fake, () => {
    const rule = fake.globals.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=C2=INT(C2)').build();
    const sheet = fake.ss.sheet('Sheet1');
    sheet.getRange('C2:C4').setDataValidations([[rule], [rule], [rule]]);
    expect(sheet.peek('C4')?.validation?.args[0]).toBe('=C2=INT(C2)');
    sheet.getRange('D2:D4').setDataValidation(rule);
    expect(sheet.peek('D4')?.validation?.args[0]).toBe('=C4=INT(C4)');
  });
});

test('service calls stay constant in rows with whole-number rules', () => {
  expect(run(wholeNumberPlan(10)).serviceCalls()).toBe(run(wholeNumberPlan(1)).serviceCalls());
});
