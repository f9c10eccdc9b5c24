/** Sheets adapter for custom functions: registry entry + raw Sheets arguments → Sheets value. */
import { toSheets, type SheetsValue } from '../../shared/core/hosts';
import { findFunction, invoke } from '../../shared/functions';

/** Called by each generated top-level stub (`function PRIORITY_SCORE(impact, …)`). */
export function runCustomFunction(name: string, args: unknown[]): SheetsValue | SheetsValue[][] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  return toSheets(invoke(spec, args));
}
