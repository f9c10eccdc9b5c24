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
