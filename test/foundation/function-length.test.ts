/**
 * Functions that fit on a screen: every function, method, accessor and arrow function in the product's folders is at
 * most MAX_LINES lines long, from its first line to its closing brace (nested functions count in the outer one too),
 * read with the TypeScript parser. A long function is split by phase (see chart-from-selection.ts, compile.ts).
 *
 * Exempt: declarative tables — a function whose whole body is one object or array literal (`() => ({ … })`,
 * `{ return [ … ]; }`): data, not steps. Anything else over the limit is listed in EXCEPTIONS with its reason; an
 * exception that is no longer needed fails the test, so the list stays true.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['shared', 'apps-script', 'excel-addin', 'ui', 'preview', 'cli', 'xlsx', 'devserver', 'scripts'];
const MAX_LINES = 60;

/** "file → function": why it may be longer for now. */
const EXCEPTIONS: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The name a reader would search for: the declaration's, or the variable / property / method it is assigned to. */
function nameOf(fn: ts.SignatureDeclaration, sf: ts.SourceFile): string {
  if (fn.name) return fn.name.getText(sf);
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(sf);
  if (ts.isBinaryExpression(parent)) return parent.left.getText(sf);
  const line = sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1;
  return `<anonymous at line ${line}>`;
}

/** A declarative table: the whole body is one object or array literal. */
function isTable(body: ts.Node): boolean {
  const literal = (e: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e);
  };
  if (!ts.isBlock(body)) return literal(body as ts.Expression);
  const [only] = body.statements;
  return body.statements.length === 1 && ts.isReturnStatement(only) && !!only.expression && literal(only.expression);
}

interface Measured {
  key: string;
  lines: number;
}

function measure(file: string): Measured[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(path.resolve(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && !isTable(node.body)) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ key: `${file} → ${nameOf(node, sf)}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const MEASURED = FOLDERS.flatMap(sourceFiles).flatMap(measure);

test(`every function in ${FOLDERS.join(', ')} fits in ${MAX_LINES} lines (listed exceptions aside)`, () => {
  const long = MEASURED.filter((m) => m.lines > MAX_LINES && !(m.key in EXCEPTIONS)).map(
    (m) => `${m.key}: ${m.lines} lines`,
  );
  expect(long).toEqual([]);
});

test('every exception is still needed (remove it once the function is split)', () => {
  const stillLong = new Set(MEASURED.filter((m) => m.lines > MAX_LINES).map((m) => m.key));
  expect(Object.keys(EXCEPTIONS).filter((k) => !stillLong.has(k))).toEqual([]);
});

test('the measure sees functions, methods and arrows, and exempts only pure tables', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-length-'));
  try {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const code = [
      `export function long(): number {\n${body(3)}\n  return 0;\n}`,
      `export const arrow = (): number => {\n${body(5)}\n  return 1;\n};`,
      `export class K {\n  method(): void {\n${body(2)}\n  }\n}`,
      `export const table = () => ({\n  a: 1,\n  b: 2,\n  c: 3,\n});`,
    ].join('\n');
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, code);
    const got = Object.fromEntries(measure(file).map((m) => [m.key.replace(`${file} → `, ''), m.lines]));
    expect(got).toEqual({ long: 6, arrow: 8, method: 4 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
