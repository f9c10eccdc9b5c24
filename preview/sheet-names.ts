/**
 * What a sheet may be called, by the rules Excel applies (Google Sheets accepts a superset): not empty,
 * at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end, not "History" (reserved by
 * Excel), and not the name of another sheet (letter case does not make a name different).
 */
export const MAX_SHEET_NAME = 31;

export function sheetNameProblem(name: string, others: readonly string[]): string | undefined {
  const n = name.trim();
  if (n === '') return 'A sheet needs a name.';
  if (n.length > MAX_SHEET_NAME)
    return `A sheet name has at most ${MAX_SHEET_NAME} characters ("${n}" has ${n.length}).`;
  if (/[:\\/?*[\]]/.test(n)) return 'A sheet name cannot contain any of : \\ / ? * [ ]';
  if (n.startsWith("'") || n.endsWith("'")) return 'A sheet name cannot begin or end with an apostrophe.';
  if (n.toLowerCase() === 'history') return 'Excel reserves the name "History": choose another.';
  const clash = others.find((o) => o.toLowerCase() === n.toLowerCase());
  if (clash !== undefined) return `There is already a sheet called "${clash}".`;
  return undefined;
}
