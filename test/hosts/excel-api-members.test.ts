/**
 * Every Excel JavaScript API member the add-in uses above the manifest's ExcelApi 1.8 is guarded, in every code
 * path: the Excel sources (excel-addin/src, the task pane and the self-check included) are read with the
 * TypeScript compiler, and every property or method name that exists in Office.js only from ExcelApi 1.9 on
 * (per the `[Api set: ExcelApi x.y]` remarks of @types/office-js) must be one of the guarded uses listed here,
 * each in a file that asks `supports(…)` / `hostApiSupport()` for that version. The dynamic side is in
 * requirements.test.ts (templates, charts on demand and the self-check on an ExcelApi 1.8 host).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const MIN = [1, 8];

/** Member name → the lowest ExcelApi version any Excel class or interface declares it with. */
function excelMemberVersions(): Map<string, number[]> {
  const text = fs.readFileSync(path.join(ROOT, 'node_modules/@types/office-js/index.d.ts'), 'utf8');
  const start = text.indexOf('declare namespace Excel {');
  const end = text.indexOf('declare namespace Word {');
  const lines = text.slice(start, end).split('\n');
  const out = new Map<string, number[]>();
  let version: number[] | undefined;
  for (const line of lines) {
    // A member's own remark is indented deeper than its class's (which applies to the class, not to `load`).
    const v = /^\s{8,}\* \[Api set: ExcelApi (\d+)\.(\d+)/.exec(line);
    if (v) version = [Number(v[1]), Number(v[2])];
    if (/^\s*(\/\*\*|\*)/.test(line)) continue; // still in a comment
    // The first line after a remark is the member it describes; any other line ends the remark's reach.
    const m = /^\s+(?:readonly\s+)?(\w+)\??(?:\(|:)/.exec(line);
    if (m) {
      const prev = out.get(m[1]);
      const v = version ?? [1, 1];
      if (!prev || compare(v, prev) < 0) out.set(m[1], v);
    }
    version = undefined;
  }
  return out;
}

const compare = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Property and method names read or called on objects in a file. */
function memberNames(file: string): Set<string> {
  const sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2020, true);
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) names.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return names;
}

/** The guarded uses: member → the file, and the version constant or literal that file checks first. */
const GUARDED: Record<string, { file: string; guard: RegExp }> = {
  linkNumberFormat: { file: 'excel-addin/src/templates/charts.ts', guard: /supports\(EXCEL_API_LINK_NUMBER_FORMAT\)/ },
  cultureInfo: { file: 'excel-addin/src/environment.ts', guard: /hostApiSupport\(\)\('1\.11'\)/ },
  numberDecimalSeparator: { file: 'excel-addin/src/environment.ts', guard: /hostApiSupport\(\)\('1\.11'\)/ },
  ...Object.fromEntries(
    ['pageLayout', 'orientation', 'setPrintTitleRows', 'setPrintArea'].map((m) => [
      m,
      { file: 'excel-addin/src/templates/print-layout.ts', guard: /supports\(EXCEL_API_PAGE_LAYOUT\)/ },
    ]),
  ),
};

test('the version table is read from @types/office-js (it can tell 1.9+ members from older ones)', () => {
  const v = excelMemberVersions();
  expect(v.get('linkNumberFormat')).toEqual([1, 9]);
  expect(v.get('plotVisibleOnly')).toEqual([1, 8]);
  expect(v.get('setXAxisValues')).toEqual([1, 7]);
  expect(v.get('formulas')).toEqual([1, 1]);
});

test('every Excel member newer than ExcelApi 1.8 used in excel-addin/ is a guarded use', () => {
  const versions = excelMemberVersions();
  const found: string[] = [];
  for (const file of sourceFiles('excel-addin/src')) {
    for (const name of memberNames(file)) {
      const v = versions.get(name);
      if (!v || compare(v, MIN) <= 0) continue;
      const g = GUARDED[name];
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      found.push(
        g && g.file === file && g.guard.test(source)
          ? `${name}: guarded`
          : `${name} (ExcelApi ${v.join('.')}) in ${file}: unguarded`,
      );
    }
  }
  expect(found.filter((f) => f.includes('unguarded'))).toEqual([]);
  expect(found.sort()).toEqual([
    'cultureInfo: guarded',
    'linkNumberFormat: guarded',
    'numberDecimalSeparator: guarded',
    'orientation: guarded',
    'pageLayout: guarded',
    'setPrintArea: guarded',
    'setPrintTitleRows: guarded',
  ]);
});
