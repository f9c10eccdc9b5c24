/**
 * Generates the top-level Apps Script declarations appended to Code.js: one stub per custom
 * function (with the JSDoc Sheets reads for autocomplete) and one per server global.
 */
import { appsScriptJsDoc } from '../../shared/docs/reference';
import { REGISTRY } from '../../shared/functions';
import type { FunctionSpec } from '../../shared/functions/spec';
import { SERVER_GLOBALS, type ServerGlobal } from '../src/globals';

export const LIBRARY_NAME = 'TechStrategy';

export function customFunctionStub(f: FunctionSpec): string {
  const params = f.params.map((p) => p.name);
  return [
    appsScriptJsDoc(f),
    `function ${f.name}(${params.join(', ')}) {`,
    `  return ${LIBRARY_NAME}.runCustomFunction(${JSON.stringify(f.name)}, Array.prototype.slice.call(arguments));`,
    '}',
  ].join('\n');
}

export function serverGlobalStub(g: ServerGlobal): string {
  // A global may delegate to another export with fixed arguments (menu items: `insertTemplate_roadmap` → insertFromMenu("roadmap", false)).
  const body = g.call
    ? `${g.call.fn}(${g.call.args.map((a) => JSON.stringify(a)).join(', ')})`
    : `${g.name}(${g.params.join(', ')})`;
  return [
    `/** ${g.doc} */`,
    `function ${g.name}(${g.params.join(', ')}) {`,
    `  return ${LIBRARY_NAME}.${body};`,
    '}',
  ].join('\n');
}

export function generateStubs(globals: readonly ServerGlobal[] = SERVER_GLOBALS): string {
  return [
    '',
    '// ---- Top-level declarations generated from the function registry (apps-script/build/stubs.ts) ----',
    ...REGISTRY.map(customFunctionStub),
    ...globals.map(serverGlobalStub),
    '',
  ].join('\n\n');
}
