/**
 * The recording Excel fake (test/fakes/excel.ts, the same one the Node tests use) as a browser
 * script, served in place of office.js. It defines `Office` (onReady), `Excel` (run + enums) and
 * `CustomFunctions`, and exposes the fake host as `window.__excelHost` so a test can read the
 * workbook state or inject a failure with page.evaluate.
 *
 * Its TypeScript files are transpiled (types erased) with the project's TypeScript compiler
 * and wrapped in a tiny CommonJS loader: no bundler, no extra dependency.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { excelEnums } from './host-rules';

const MODULES: Record<string, string> = {
  'custom-functions': path.resolve(__dirname, 'custom-functions.ts'),
  a1: path.resolve(__dirname, 'a1.ts'),
  'host-rules': path.resolve(__dirname, 'host-rules.ts'),
  excel: path.resolve(__dirname, 'excel.ts'),
};

let cached: string | undefined;

/** JavaScript for the page: defines the globals before the task pane's scripts run. */
export function excelFakeScript(sheetNames: string[] = ['Sheet1']): string {
  cached ??= Object.entries(MODULES)
    .map(([name, file]) => {
      const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: false },
        fileName: file,
      }).outputText;
      return `${JSON.stringify(name)}: function (exports, require, module) {\n${js}\n}`;
    })
    .join(',\n');
  return `(function () {
  "use strict";
  var defs = {\n${cached}\n};
  var cache = {};
  function req(spec) {
    var key = spec.split('/').pop();
    if (!defs[key]) throw new Error('excel page fake: no module ' + spec);
    if (!cache[key]) { var m = { exports: {} }; cache[key] = m; defs[key](m.exports, req, m); }
    return cache[key].exports;
  }
  // The page cannot read @types/office-js: the Excel enums are read here, in Node, and handed over.
  req('host-rules').useExcelEnums(${JSON.stringify(Object.fromEntries(excelEnums()))});
  var host = new (req('excel').FakeExcelHost)(${JSON.stringify(sheetNames)});
  window.__excelHost = host;
  window.Office = host.Office;
  window.Excel = host.Excel;
  window.CustomFunctions = host.customFunctions;
})();
`;
}
