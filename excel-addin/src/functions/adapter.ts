/** Excel adapter for custom functions: registry entry + raw Excel arguments → a 2-D result with CustomFunctions.Error cells. */
import { findFunction, invoke } from '../../../shared/functions';
import { isCellError, type Result } from '../../../shared/core/values';
import { excelSerialToCore } from '../../../shared/dates/excel-serial';
import { type FunctionSpec, type ParamSpec } from '../../../shared/functions/spec';
import { zeroRowsAsBlank } from './empty-cells';

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
  return toExcel(invoke(spec, excelDates(spec, zeroRowsAsBlank(spec, args))));
}

const isDateParam = (p: ParamSpec | undefined): boolean =>
  p !== undefined && ('type' in p ? p.type.docType === 'date' : p.docType === 'date');

const excelDay = (v: unknown): unknown => (typeof v === 'number' ? excelSerialToCore(v) : v);

/**
 * Excel hands a date cell to a custom function as its serial number, in Excel's 1900 date system (serial 60 is its
 * fictitious 29 February 1900): the numbers of date parameters become the core's serials of the same days
 * (shared/dates/excel-serial.ts). Without this 1900-01-01…1900-02-28 read a day early.
 */
export function excelDates(spec: FunctionSpec, args: readonly unknown[]): unknown[] {
  return args.map((a, i) => {
    if (!isDateParam(spec.params[i])) return a;
    return Array.isArray(a) ? a.map((row) => (Array.isArray(row) ? row.map(excelDay) : excelDay(row))) : excelDay(a);
  });
}
