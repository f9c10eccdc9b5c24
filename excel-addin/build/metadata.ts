/**
 * Excel's functions.json, generated from the registry (never edited by hand).
 * Every parameter is `any` with `matrix` dimensionality so one function takes a cell or a range and
 * the core gives its own messages for text, booleans and blanks; results are matrices so one call spills a column.
 */
import { REGISTRY } from '../../shared/functions';
import type { FunctionSpec } from '../../shared/functions/spec';

export interface ExcelParamMetadata {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'matrix';
  optional?: boolean;
}

export interface ExcelFunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ExcelParamMetadata[];
  result: { type: 'any'; dimensionality: 'matrix' };
}

export interface ExcelMetadata {
  allowErrorForDataTypeAny: boolean;
  functions: ExcelFunctionMetadata[];
}

export function functionMetadata(f: FunctionSpec): ExcelFunctionMetadata {
  return {
    id: f.name,
    name: f.name,
    description: f.summary,
    parameters: f.params.map((p) => ({
      name: p.name,
      description: p.description,
      type: 'any',
      dimensionality: 'matrix',
      ...(p.optional ? { optional: true } : {}),
    })),
    result: { type: 'any', dimensionality: 'matrix' },
  };
}

export function generateMetadata(): ExcelMetadata {
  // allowErrorForDataTypeAny: error cells reach the core, which names the argument in its message.
  return { allowErrorForDataTypeAny: true, functions: REGISTRY.map(functionMetadata) };
}

export function metadataJson(): string {
  return `${JSON.stringify(generateMetadata(), null, 2)}\n`;
}
