/**
 * How the code may depend on itself: which top folder may import which (the folder rules), and no import cycle
 * anywhere. Imports are read with TypeScript's own pre-processor (static, type-only, re-exports, require and dynamic
 * import()), and resolved like the bundlers do (`x` → x.ts or x/index.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** Top folders and the other top folders each may import ('*': any). A folder may always import itself. */
const MAY_IMPORT: Record<string, readonly string[] | '*'> = {
  shared: [],
  ui: ['shared'],
  'apps-script': ['shared', 'ui'],
  'excel-addin': ['shared', 'ui'],
  xlsx: ['shared'],
  cli: ['shared', 'xlsx'],
  devserver: [],
  preview: ['shared', 'ui', 'xlsx', 'devserver'],
  scripts: '*',
  test: '*',
};

const SOURCE = /\.(ts|tsx)$/;

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(rel);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const FILES = Object.keys(MAY_IMPORT).flatMap(filesUnder);

/** Every module a file names, relative ones resolved to a path from the root (undefined: a package). */
function importsOf(file: string): { spec: string; target?: string }[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: spec }) => {
    if (!spec.startsWith('.')) return { spec };
    const base = path.resolve(ROOT, path.dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
    );
    return { spec, target: path.relative(ROOT, found ?? base) };
  });
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const topFolder = (rel: string): string => rel.split(path.sep)[0];

test('the folder table covers every top folder with TypeScript sources', () => {
  const tops = fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !['node_modules', 'dist', '.git'].includes(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .filter((d) => filesUnder(d).length > 0);
  expect(tops.filter((d) => !(d in MAY_IMPORT))).toEqual([]);
});

test('each top folder imports only the folders the table allows', () => {
  const broken: string[] = [];
  for (const [file, imports] of GRAPH) {
    const from = topFolder(file);
    const allowed = MAY_IMPORT[from];
    if (allowed === '*') continue;
    for (const { spec, target } of imports) {
      if (!target) continue;
      const to = topFolder(target);
      if (to !== from && !allowed.includes(to)) broken.push(`${file} → ${spec} (${from} may not import ${to})`);
    }
  }
  expect(broken).toEqual([]);
});

/** The folder of shared/ a repo path is in (undefined: outside shared/, or a file at its top). */
function sharedFolder(rel: string): string | undefined {
  const parts = rel.split(path.sep);
  return parts[0] === 'shared' && parts.length > 2 ? parts[1] : undefined;
}

/**
 * Inside the core, every edge between folders is named (no '*'), and the table has no cycle, so the folders stack
 * in layers. The maths never knows about spreadsheets: core/ imports nothing; the domain folders import the core
 * (and dates/ the scoring it schedules by); the registry imports the maths. Templates are built in phases: the A1
 * helpers, the render plan every executor applies, the spec language, the compiler, then the sheet catalogue (the
 * sheets a user fills); the strategy reads those sheets; templates/ lists every template, with the Strategy Review
 * and the Strategy Document, which read the strategy; the self-check judges what a host made of them; the panel's
 * API sits on top. Charts from a selection build chart ops with the compiler's chart specs.
 */
const SHARED_MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  scoring: ['core'],
  health: ['core'],
  metrics: ['core'],
  dates: ['core', 'scoring'],
  decisions: ['core', 'scoring'],
  functions: ['core', 'scoring', 'health', 'metrics', 'dates', 'decisions'],
  docs: ['core', 'functions'],
  a1: ['core'],
  plan: ['a1'],
  spec: ['core', 'plan'],
  compiler: ['core', 'scoring', 'a1', 'plan', 'spec'],
  catalogue: ['core', 'scoring', 'health', 'metrics', 'dates', 'decisions', 'spec', 'compiler'],
  strategy: ['core', 'scoring', 'health', 'metrics', 'decisions', 'functions', 'plan', 'spec', 'compiler', 'catalogue'],
  templates: ['a1', 'scoring', 'health', 'plan', 'spec', 'compiler', 'catalogue', 'strategy'],
  'chart-from-selection': ['core', 'scoring', 'dates', 'a1', 'plan', 'compiler'],
  'self-check': [
    'core',
    'scoring',
    'dates',
    'functions',
    'plan',
    'spec',
    'compiler',
    'catalogue',
    'strategy',
    'templates',
  ],
  panel: ['plan', 'compiler', 'templates', 'self-check'],
};

test('inside shared/, each folder imports only the folders its table allows', () => {
  const sharedFolders = fs
    .readdirSync(path.join(ROOT, 'shared'), { withFileTypes: true })
    .filter((e) => e.isDirectory());
  expect(sharedFolders.map((e) => e.name).filter((d) => !(d in SHARED_MAY_IMPORT))).toEqual([]);
  const broken: string[] = [];
  for (const [file, imports] of GRAPH) {
    const from = sharedFolder(file);
    if (from === undefined) continue;
    const allowed = SHARED_MAY_IMPORT[from];
    for (const { spec, target } of imports) {
      const to = target === undefined ? undefined : sharedFolder(target);
      if (to !== undefined && to !== from && !allowed.includes(to)) broken.push(`${file} → ${spec}`);
    }
  }
  expect(broken).toEqual([]);
});

test('inside shared/, neither the folder table nor the imports make a folder cycle', () => {
  const table = new Map(Object.entries(SHARED_MAY_IMPORT).map(([k, v]) => [k, [...v]]));
  expect(cycles(table)).toEqual([]);
  const used = new Set<string>();
  for (const [file, imports] of GRAPH) {
    const from = sharedFolder(file);
    for (const { target } of imports) {
      const to = target === undefined ? undefined : sharedFolder(target);
      if (from !== undefined && to !== undefined && to !== from) used.add(`${from} → ${to}`);
    }
  }
  // And the imports themselves form no folder cycle.
  const folders = new Map<string, string[]>();
  for (const edge of used) {
    const [from, to] = edge.split(' → ');
    folders.set(from, [...(folders.get(from) ?? []), to]);
  }
  expect(cycles(folders)).toEqual([]);
});

test('every relative import resolves to a file', () => {
  const missing = [...GRAPH].flatMap(([file, imports]) =>
    imports.filter((i) => i.target && !fs.existsSync(path.join(ROOT, i.target))).map((i) => `${file} → ${i.spec}`),
  );
  expect(missing).toEqual([]);
});

/** Strongly connected components of more than one module (Tarjan), or a module importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * Cycles waiting for their owner, each with its reason (the modules, sorted). Remove an entry once it is broken:
 * the test fails when a listed cycle no longer exists, so the list cannot go stale.
 */
const KNOWN_CYCLES: { modules: string[]; reason: string }[] = [];

test('no import cycle: modules depend on each other one way (type-only imports count too)', () => {
  const graph = new Map(
    [...GRAPH].map(([f, imports]) => [f, imports.flatMap((i) => (i.target && GRAPH.has(i.target) ? [i.target] : []))]),
  );
  const found = cycles(graph).map((c) => c.join(' → '));
  const known = KNOWN_CYCLES.map((k) => k.modules.join(' → '));
  expect(found.filter((c) => !known.includes(c))).toEqual([]);
  expect(known.filter((k) => !found.includes(k))).toEqual([]);
});

test('the cycle finder finds a cycle', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['d']],
    ['e', ['a']],
  ]);
  expect(cycles(g)).toEqual([['a', 'b', 'c'], ['d']]);
});
