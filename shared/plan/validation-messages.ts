/**
 * What a user reads about a cell's validation, in every host: the alert Excel and the .xlsx file show when a
 * value does not fit ("Enter a number from 1 to 10."), and the preview's refusal of a typed value ("42 is not
 * allowed here: Business Impact takes a number from 1 to 10."). Both say what the rule takes in the same words
 * (ruleTakes), so a rule reads the same wherever it is met. Sheets shows its own rejection text (plus the help).
 */
import type { ValidationRule } from './plan';

/** The title of the alert shown when a value does not fit (Excel, the .xlsx file). */
export const VALIDATION_ALERT_TITLE = 'Check this value';

/** Lists longer than this are shortened in a refusal ("…"). */
const LIST_SHOWN = 8;

/** What a number rule takes: "a whole number from 1 to 5", "a number of at least 0.5", "a number of at most 10". */
export function numberTakes(rule: { min?: number; max?: number; integer?: boolean }): string {
  const what = rule.integer ? 'a whole number' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined) return `${what} from ${rule.min} to ${rule.max}`;
  if (rule.min !== undefined) return `${what} of at least ${rule.min}`;
  if (rule.max !== undefined) return `${what} of at most ${rule.max}`;
  return what;
}

/** What a list takes, its values shown up to LIST_SHOWN: "one of: Proposed, Accepted". */
function listTakes(values: readonly string[]): string {
  if (values.length === 0) return 'a value from its list, which is empty for now';
  const head = values.slice(0, LIST_SHOWN).join(', ');
  return `one of: ${head}${values.length > LIST_SHOWN ? ', …' : ''}`;
}

/**
 * What a rule takes, as the end of a sentence: `list` is the drop-down's current values where the host knows them
 * (the preview evaluates a list taken from a range); without them a list from a range "takes a value from the list".
 */
export function ruleTakes(rule: ValidationRule, list?: readonly string[]): string {
  switch (rule.kind) {
    case 'number':
      return numberTakes(rule);
    case 'list':
      return listTakes(rule.values);
    case 'listFromRange':
      return list ? listTakes(list) : 'a value from the list';
    case 'date':
      return 'a date, written like 2027-03-31';
  }
}

/** The alert's message where the plan gives no help text: "This cell takes a number from 1 to 10." */
export function validationAlert(rule: ValidationRule): string {
  return `This cell takes ${ruleTakes(rule)}.`;
}

/**
 * The preview's refusal of a typed value: `"high" is not allowed here: Business Impact takes a number from 1 to 10.`
 * `spelled` is the list's value the typed text matches but for its case: `… (type it as "In progress").`
 */
export function refusalText(
  shownValue: string,
  subject: string,
  rule: ValidationRule,
  list?: readonly string[],
  spelled?: string,
): string {
  const hint = spelled === undefined ? '' : ` (type it as "${spelled}")`;
  return `${shownValue} is not allowed here: ${subject} takes ${ruleTakes(rule, list)}${hint}.`;
}
