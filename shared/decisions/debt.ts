/**
 * The cost of technical debt, the seed guide's "estimate cost of continuing vs addressing debt": what living with an
 * item costs per year, and how many weeks of the time it wastes pay back fixing it.
 */

/** Working weeks in a year: 52 weeks less about 6 for holidays, leave and public holidays (a default; give your own). */
export const DEFAULT_WORKING_WEEKS = 46;

/** Yearly cost of continuing: hours lost per week × hourly cost × working weeks per year. */
export function debtCost(hoursLostPerWeek: number, hourlyCost: number, weeksPerYear = DEFAULT_WORKING_WEEKS): number {
  return hoursLostPerWeek * hourlyCost * weeksPerYear;
}

/** Weeks until a fix pays back: fix hours ÷ hours lost per week (hours lost above 0). */
export function debtPayback(fixHours: number, hoursLostPerWeek: number): number {
  return fixHours / hoursLostPerWeek;
}

export type DebtDecision = 'Address now' | 'Plan' | 'Live with it';
/** The decision for debt whose fix pays back within a quarter. */
export const ADDRESS_NOW: DebtDecision = 'Address now';

export const DEBT_DECISIONS: readonly DebtDecision[] = ['Address now', 'Plan', 'Live with it'];

/**
 * What to do about a debt item by its payback in working weeks: "Address now" when the fix pays back within a
 * quarter (a quarter of the working weeks), "Plan" within a year, otherwise (or when it costs no time) "Live with it".
 */
export function debtDecision(paybackWeeks: number | undefined, weeksPerYear = DEFAULT_WORKING_WEEKS): DebtDecision {
  if (paybackWeeks === undefined) return 'Live with it';
  if (paybackWeeks <= weeksPerYear / 4) return 'Address now';
  return paybackWeeks <= weeksPerYear ? 'Plan' : 'Live with it';
}

/** The guide's three kinds of technical debt (its assessment step): high bug density, slow development, limited growth. */
export const DEBT_SYMPTOMS = ['High bug density', 'Slows development', 'Limits growth'] as const;
