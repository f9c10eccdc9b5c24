/** The function registry: every custom function the add-in offers, in reference order. */
import { PRIORITIZATION_FUNCTIONS } from './prioritization';
import type { FunctionSpec } from './spec';

export const REGISTRY: readonly FunctionSpec[] = [...PRIORITIZATION_FUNCTIONS];

export function findFunction(name: string): FunctionSpec | undefined {
  return REGISTRY.find((f) => f.name === name.toUpperCase());
}

export { invoke, defaultContext } from './invoke';
export type { FunctionSpec, ParamSpec, InvokeContext } from './spec';
