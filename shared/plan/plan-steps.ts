/**
 * The executor contract: the steps of a render plan are a closed set — one per field of a sheet plan and of the
 * plan itself, beside their identity — and each executor (Sheets, Excel, the preview, the .xlsx writer) declares
 * a table with one entry per step. A field added to plan.ts is a new step: every table that has no entry for it
 * fails `npm run typecheck` (test/hosts/executor-contract.test.ts proves it with `@ts-expect-error`), so no
 * executor can silently half-apply a plan.
 *
 * An entry says what the executor does with its field: applies it (`doing`, the words a failure message uses, and
 * `run`), applies it elsewhere (`by`: the step or phase that does), or does not show it in this host (`not`: why).
 */
import type { RenderPlan, SheetPlan } from './plan';

/** The steps of one sheet: every field of SheetPlan except its key and name. */
export type SheetStep = Exclude<keyof SheetPlan, 'key' | 'name'>;

/** The steps of the workbook: every field of RenderPlan except its identity and its sheets. */
export type WorkbookStep = Exclude<keyof RenderPlan, 'templateId' | 'title' | 'sheets'>;

export type PlanStep = SheetStep | WorkbookStep;

/** What an executor does with one step. */
export type StepHandler<Apply> =
  /** Applies the field here; `when` (absent: always) says whether the plan has anything for it. */
  | { doing: string; run: Apply; when?: (s: SheetPlan) => boolean }
  /** Applied by another step or phase of the same executor (named here). */
  | { by: string }
  /** Not shown in this host, and why. */
  | { not: string };

/** One entry per step, listed in the order the executor runs them (a literal's keys keep their order). */
export type StepTable<Step extends PlanStep, Apply> = { readonly [K in Step]: StepHandler<Apply> };

/** The handlers of a table that apply something, in the table's order. */
export function appliedSteps<Step extends PlanStep, Apply>(
  table: StepTable<Step, Apply>,
): Array<{ step: Step; doing: string; run: Apply; when?: (s: SheetPlan) => boolean }> {
  // String keys of an object literal are listed in insertion order (ECMAScript OrdinaryOwnPropertyKeys).
  return (Object.keys(table) as Step[]).flatMap((step) => {
    const h: StepHandler<Apply> = table[step];
    return 'run' in h ? [{ step, doing: h.doing, run: h.run, ...(h.when ? { when: h.when } : {}) }] : [];
  });
}
