/**
 * The executor contract (shared/plan/plan-steps.ts): each of the four executors has one entry per step of the
 * plan, so a field added to the plan that one of them does not handle fails `npm run typecheck`.
 *
 * The `@ts-expect-error` lines are the proof: `npm run typecheck` (the first step of `npm test`; jest itself only
 * transpiles) fails with "Unused '@ts-expect-error' directive" the day a table would accept a step it has no entry
 * for. `NewStep` stands for a field added to SheetPlan (say `protections`), `NewWorkbookStep` for one added to
 * RenderPlan: SheetStep and WorkbookStep are derived from the plan's fields, so adding one widens them the same way.
 */
import { SHEETS_STEPS, SHEETS_WORKBOOK_STEPS, type SheetsApply } from '../../apps-script/src/templates/executor';
import { EXCEL_STEPS, EXCEL_WORKBOOK_STEPS, type ExcelApply } from '../../excel-addin/src/templates/executor';
import { PREVIEW_STEPS, PREVIEW_WORKBOOK_STEPS, type PreviewApply } from '../../preview/workbook';
import { XLSX_STEPS, XLSX_WORKBOOK_STEPS, type XlsxApply } from '../../xlsx/writer';
import { appliedSteps, type SheetStep, type StepTable, type WorkbookStep } from '../../shared/plan/plan-steps';

type NewStep = SheetStep | 'protections';
type NewWorkbookStep = WorkbookStep | 'protections';

describe('a plan step without a handler does not compile', () => {
  test('in any of the four sheet tables', () => {
    // @ts-expect-error: the Sheets executor has no entry for the new step
    const sheets: StepTable<NewStep, SheetsApply> = SHEETS_STEPS;
    // @ts-expect-error: the Excel executor has no entry for the new step
    const excel: StepTable<NewStep, ExcelApply> = EXCEL_STEPS;
    // @ts-expect-error: the preview has no entry for the new step
    const preview: StepTable<NewStep, PreviewApply> = PREVIEW_STEPS;
    // @ts-expect-error: the .xlsx writer has no entry for the new step
    const xlsx: StepTable<NewStep, XlsxApply> = XLSX_STEPS;
    expect([sheets, excel, preview, xlsx].every((t) => !('protections' in t))).toBe(true);
  });

  test('in any of the four workbook tables', () => {
    // @ts-expect-error: the Sheets executor has no entry for the new workbook step
    const sheets: StepTable<NewWorkbookStep, never> = SHEETS_WORKBOOK_STEPS;
    // @ts-expect-error: the Excel executor has no entry for the new workbook step
    const excel: StepTable<NewWorkbookStep, never> = EXCEL_WORKBOOK_STEPS;
    // @ts-expect-error: the preview has no entry for the new workbook step
    const preview: StepTable<NewWorkbookStep, never> = PREVIEW_WORKBOOK_STEPS;
    // @ts-expect-error: the .xlsx writer has no entry for the new workbook step
    const xlsx: StepTable<NewWorkbookStep, never> = XLSX_WORKBOOK_STEPS;
    expect([sheets, excel, preview, xlsx].every((t) => !('protections' in t))).toBe(true);
  });

  test('a table missing one of the existing steps does not compile either', () => {
    const { charts: _charts, ...withoutCharts } = XLSX_STEPS;
    // @ts-expect-error: 'charts' is missing
    const t: StepTable<SheetStep, XlsxApply> = withoutCharts;
    expect('charts' in t).toBe(false);
  });
});

/** Every field of a sheet plan and of a plan, as a full plan has them (the steps are derived from these types). */
const SHEET_FIELDS: Record<SheetStep, true> = {
  cells: true,
  headerRows: true,
  frozenRows: true,
  frozenColumns: true,
  columnWidths: true,
  hiddenColumns: true,
  formats: true,
  numberFormats: true,
  validations: true,
  conditionalFormats: true,
  computed: true,
  table: true,
  charts: true,
  hostCells: true,
  note: true,
  tabColor: true,
  printOrientation: true,
};

test.each([
  ['Sheets', SHEETS_STEPS],
  ['Excel', EXCEL_STEPS],
  ['preview', PREVIEW_STEPS],
  ['.xlsx', XLSX_STEPS],
] as const)('the %s table has exactly one entry per field of a sheet plan', (_host, table) => {
  expect(Object.keys(table).sort()).toEqual(Object.keys(SHEET_FIELDS).sort());
  // Every entry applies, points at where it is applied, or says why the host does not show it.
  for (const h of Object.values(table)) expect('run' in h || 'by' in h || 'not' in h).toBe(true);
});

test('the cells are written before what formats, validates or charts them, in every executor', () => {
  const order = (table: Record<string, unknown>): string[] =>
    appliedSteps(table as StepTable<SheetStep, unknown>).map((s) => s.step);
  for (const t of [SHEETS_STEPS, EXCEL_STEPS, XLSX_STEPS]) {
    const steps = order(t);
    expect(steps.indexOf('cells')).toBeGreaterThanOrEqual(0);
    // A text column ("@") keeps "$1M" as text only when its format is set before the value (Sheets, Excel).
    if (t !== XLSX_STEPS) expect(steps.indexOf('numberFormats')).toBeLessThan(steps.indexOf('cells'));
    for (const later of ['formats', 'validations', 'conditionalFormats'])
      expect(steps.indexOf(later)).toBeGreaterThan(steps.indexOf('cells'));
  }
});
