/** The function registry: every custom function the add-in offers, in reference order. */
import { DATE_FUNCTIONS } from './dates';
import { DECISION_FUNCTIONS } from './decisions';
import { DORA_SCORE_FUNCTIONS } from './dora-score';
import { HEALTH_FUNCTIONS } from './health';
import { METRIC_FUNCTIONS } from './metrics';
import { PRIORITIZATION_FUNCTIONS } from './prioritization';
import type { FunctionSpec } from './spec';

export const REGISTRY: readonly FunctionSpec[] = [
  ...PRIORITIZATION_FUNCTIONS,
  ...DECISION_FUNCTIONS,
  ...HEALTH_FUNCTIONS,
  ...METRIC_FUNCTIONS,
  ...DORA_SCORE_FUNCTIONS,
  ...DATE_FUNCTIONS,
];

export function findFunction(name: string): FunctionSpec | undefined {
  return REGISTRY.find((f) => f.name === name.toUpperCase());
}

export { invoke, defaultContext } from './invoke';
export type { FunctionSpec, ParamSpec, InvokeContext } from './spec';
