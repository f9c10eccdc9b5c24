/**
 * Excel custom functions bundle (functions.js). Every registry entry is associated with its id in
 * functions.json, which the build generates from the same registry (excel-addin/build/metadata.ts).
 */
import { REGISTRY } from '../../../shared/functions';
import { runCustomFunction } from './adapter';

export function associateAll(): string[] {
  const ids: string[] = [];
  for (const spec of REGISTRY) {
    CustomFunctions.associate(spec.name, (...args: unknown[]) => runCustomFunction(spec.name, args));
    ids.push(spec.name);
  }
  return ids;
}

associateAll();
