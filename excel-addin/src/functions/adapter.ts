/** Excel adapter for custom functions: registry entry + raw Excel arguments → a 2-D result with CustomFunctions.Error cells. */
import { findFunction, invoke } from '../../../shared/functions';
import { isCellError, type Result } from '../../../shared/core/values';

export type ExcelCell = number | string | CustomFunctions.Error;

export function toExcel(grid: Result[][]): ExcelCell[][] {
  return grid.map((row) =>
    row.map((r) => {
      if (!isCellError(r)) return r;
      const code = r.code === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      return new CustomFunctions.Error(code, r.message);
    }),
  );
}

export function runCustomFunction(name: string, args: unknown[]): ExcelCell[][] {
  const spec = findFunction(name);
  if (!spec) return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `Unknown function ${name}`)]];
  return toExcel(invoke(spec, args));
}
