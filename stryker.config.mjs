// @ts-check
/* global process */
/**
 * Mutation testing (issue #25): Stryker changes the code where a wrong answer costs most, one small change (a
 * "mutant") at a time, and runs the tests that cover it; a mutant no test notices is a gap in the tests.
 * `npm run mutation` runs the whole set below (incremental: only mutants whose code or tests changed since the
 * last run are tried again, from reports/mutation/incremental.json, kept out of git); `npm run mutation:core`
 * runs the small, high-value set (PRIORITY_SCORE's maths and the Markdown escaping) measured in test/README.md.
 * Not part of `npm test`. Reports: reports/mutation/mutation.html and mutation.json.
 */

/** Where a wrong answer costs most: the modules the issue names, and the suites that test them from the source. */
const SCOPES = {
  full: {
    mutate: [
      'shared/scoring/*.ts',
      'shared/metrics/*.ts',
      'shared/health/*.ts',
      'shared/strategy/*.ts',
      'shared/compiler/charts.ts',
      'shared/chart-from-selection/chart-from-selection.ts',
      'apps-script/src/templates/charts.ts',
      'apps-script/src/templates/executor.ts',
      'apps-script/src/templates/document-lock.ts',
      'excel-addin/src/templates/charts.ts',
      'excel-addin/src/templates/executor.ts',
      'preview/convert.ts',
    ],
    tests: [
      'test/unit/**/*.test.ts',
      'test/property/**/*.test.ts',
      'test/strategy/**/*.test.ts',
      'test/charts/**/*.test.ts',
      'test/hosts/executors.test.ts',
      'test/hosts/never-lose-data.test.ts',
      'test/hosts/concurrent-inserts.test.ts',
      'test/hosts/requirements.test.ts',
      'test/hosts/snapshot.test.ts',
      'test/preview/download-convert.test.ts',
      'test/templates/engine.test.ts',
      'test/cli/document.test.ts',
      // Not test/docs.test.ts: with every module of this set instrumented its comparison fails in the first run
      // (not yet understood; it passes in the core set). Known: the wall-clock test of PRIORITY_PLAN (10,000
      // projects in < 1 s, test/unit/prioritization.test.ts) can fail under instrumentation on a loaded machine.
    ],
  },
  core: {
    // PRIORITY_SCORE's formula and weights, and the Markdown escape of every workbook value (esc()).
    mutate: [
      'shared/scoring/priority.ts',
      'shared/functions/prioritization.ts:1-67',
      'shared/strategy/markdown.ts:21-51',
    ],
    tests: [
      'test/unit/prioritization.test.ts',
      'test/unit/examples.test.ts',
      'test/unit/bad-input.test.ts',
      'test/strategy/markdown.property.test.ts',
      'test/strategy/changes.test.ts',
      'test/docs.test.ts', // the function reference generated from the registry: its texts are what users read
    ],
  },
};

const scope = SCOPES[/** @type {'full' | 'core'} */ (process.env.MUTATION_SCOPE ?? 'full')];
if (!scope) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Jest's --findRelatedTests misses tests that reach the code through the function registry: run the listed ones.
    enableFindRelatedTests: false,
    // Only the suites that test the mutated code from its source (bundle, browser and LibreOffice suites run dist/).
    config: { testMatch: scope.tests.map((t) => `<rootDir>/${t}`), reporters: ['default'] },
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: scope.mutate,
  incremental: true,
  incrementalFile: `reports/mutation/incremental-${process.env.MUTATION_SCOPE ?? 'full'}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores shared with other work: one test process; a slow mutant is a timeout, not a hang.
  concurrency: 1,
  timeoutMS: 60000,
  // The full set's first run (every listed suite, with coverage) takes more than Stryker's default 5 minutes here.
  dryRunTimeoutMinutes: 45,
  ignorePatterns: ['dist', 'test-output', 'reports', 'coverage', 'docs/images', '.tmp'],
  thresholds: { high: 85, low: 70, break: null },
};
