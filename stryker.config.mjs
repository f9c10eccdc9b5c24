// @ts-check
/* global process */
/**
 * Mutation testing (issue #25): Stryker changes the code where a wrong answer costs most, one small change (a
 * "mutant") at a time, and runs the tests that cover it; a mutant no test notices is a gap in the tests.
 * `MUTATION_SCOPE=<group> npm run mutation` runs one group below (scoring, metrics, markdown, document, strategy, charts,
 * executors, preview-convert; `full`, the default, is all of them at once: hours on two cores), `npm run
 * mutation:core` the small set measured first. Incremental: only mutants whose code or tests changed since the
 * group's last run are tried again (reports/mutation/incremental-<group>.json); a static mutant (a value set when a
 * module loads: word lists, reference texts) keeps its last result, so after adding tests for those run with `--force`. Reports: reports/mutation/<group>.html
 * and <group>.json, kept out of git; `npm run mutation:scores` prints the score per module. Not part of `npm test`.
 * The type check of a mutant uses tsconfig.mutation.json (the mutated modules and their imports, not the tests):
 * with the whole project's tsconfig.json each check took most of a mutant's ~10 s.
 */

/**
 * Where a wrong answer costs most, one group at a time (`MUTATION_SCOPE=<group> npm run mutation`), each with the
 * suites that test it from its source in the folder that owns it. Every mutant runs every listed suite's file (its
 * tests filtered to those that cover it), so a short list is a cheap mutant.
 */
const GROUPS = {
  // PRIORITY_SCORE, RICE/ICE/WSJF, the quadrant, PRIORITY_PLAN's quarters and the First quarter's rule (parseQuarter).
  scoring: {
    mutate: ['shared/scoring/*.ts'],
    tests: [
      'test/unit/prioritization.test.ts',
      'test/unit/decisions.test.ts',
      'test/unit/examples.test.ts',
      'test/unit/bad-input.test.ts',
      'test/property/decisions.property.test.ts',
      // parseQuarter (the First quarter's rule): against a regular expression on generated texts, and its edges.
      'test/property/linear-parsers.property.test.ts',
      'test/strategy/plan-position.test.ts',
    ],
  },
  // Metric values, units, progress and status, DORA levels, the quick check, the health scorecard.
  metrics: {
    mutate: ['shared/metrics/*.ts', 'shared/health/*.ts'],
    tests: [
      'test/unit/metrics.test.ts',
      'test/unit/health.test.ts',
      'test/unit/dora-dates.test.ts',
      'test/unit/decisions.test.ts',
      'test/unit/examples.test.ts',
      'test/unit/bad-input.test.ts',
      'test/property/linear-parsers.property.test.ts',
      // What killed the first run's survivors: every spelling a user may type, the wording, the DORA levels' edges.
      'test/unit/metric-values.test.ts',
      'test/unit/metric-wording.test.ts',
      'test/unit/dora-levels.test.ts',
    ],
  },
  // The Markdown escaping of every workbook value and the document's Markdown, section by section: three pure suites
  // (about a second a mutant's tests). Measured with these alone: 99.4 %, the 3 mutants left equivalent (test/README.md).
  // Left out, though they read the Markdown too (`npm test` runs them): markdown-structure (2.5 s, a property test of the
  // whole document) and cli/document (3.8 s: the CLI on the example workbook); with them the group took ~10 s a mutant.
  markdown: {
    mutate: ['shared/strategy/markdown.ts'],
    tests: [
      'test/strategy/markdown-sections.test.ts',
      'test/strategy/markdown.property.test.ts',
      'test/strategy/changes.test.ts',
    ],
  },
  // The strategy document a user reads: the text of each line of the Strategy Document sheet, and strategyMarkdown.
  // One pure suite (about a second) with every line's text written by hand. Left out, though they test these files
  // too (`npm test` runs them; times with `-w 1` on a loaded machine): document-sheet (39–79 s: every line of the
  // sheet calculated by HyperFormula; it cost ~28 s a mutant here), display-values (26 s: both hosts' fakes and an
  // .xlsx), xlsx/document-rows (15 s: the example written to .xlsx), cli/document (13 s: its beforeAll writes the
  // example workbook), markdown-structure (9 s: its property test reaches only strategyMarkdown, which the new suite
  // covers); markdown.property and changes reach neither file (they test model.ts and markdown.ts).
  document: {
    mutate: ['shared/strategy/document-lines.ts', 'shared/strategy/document.ts'],
    tests: ['test/strategy/document-lines.test.ts'],
  },
  // The document's model: what each section lists (strategyDocument) and every initiative once (initiatives.ts: the
  // roadmap's items joined with the plan's projects, "Don't Do" left out), from the pure suites that build workbooks
  // in the test and read the document's lines and Markdown (about a second each), and document-model, which asserts
  // the model's fields themselves (what each section lists, each initiative once; about a second).
  'document-model': {
    mutate: ['shared/strategy/model.ts', 'shared/strategy/initiatives.ts'],
    tests: [
      'test/strategy/document-lines.test.ts',
      'test/strategy/markdown-sections.test.ts',
      'test/strategy/changes.test.ts',
      'test/strategy/markdown.property.test.ts',
      'test/strategy/document-model.test.ts',
    ],
  },
  // The strategy review's checks (REVIEW_CHECKS, reviewStrategy): each finding a reader sees, and each check's native
  // formulas against its core on the same rows. Pure suites (a few seconds). Left out, though they reach this file
  // too (`npm test` runs them; times with `-w 1` on a loaded machine): review (whole templates compiled and calculated
  // by HyperFormula: ~50 s a mutant), document-sheet and display-values (the same, 26–79 s); document-lines (2.5 s),
  // changes and markdown.property (2.4 s each) reach the checks only through the strategy document, whose findings they
  // give themselves or expect none of.
  'review-checks': {
    mutate: ['shared/strategy/checks.ts'],
    tests: ['test/strategy/checks.test.ts', 'test/strategy/checks-native.test.ts'],
  },
  // The strategy review: reading the workbook, the checks and their findings (checks.ts measured by the review-checks
  // group, with pure suites), snapshots and the roadmap append.
  strategy: {
    mutate: [
      'shared/strategy/*.ts',
      '!shared/strategy/markdown.ts',
      '!shared/strategy/document-lines.ts',
      '!shared/strategy/document.ts',
    ],
    tests: [
      'test/strategy/review.test.ts',
      'test/strategy/changes.test.ts',
      'test/strategy/document-sheet.test.ts',
      'test/strategy/display-values.test.ts',
      'test/hosts/snapshot.test.ts',
      'test/hosts/roadmap-append.test.ts',
    ],
  },
  // What "Record snapshot" and "Add planned projects to the roadmap" write into the workbook: the Progress History rows
  // and each Value's number format (snapshot.ts), the roadmap rows appended, where, with which quarter and days
  // (roadmap-append.ts). Two pure suites (a few seconds). Left out, though they reach these files (`npm test` runs
  // them; `npx jest <file>` on a loaded machine): hosts/snapshot (33 s) and hosts/roadmap-append (20 s: both hosts'
  // fakes and the preview with whole templates), history-values (whole templates in every host), and the strategy
  // group's suites (~50 s a mutant).
  'strategy-writes': {
    mutate: ['shared/strategy/snapshot.ts', 'shared/strategy/roadmap-append.ts'],
    tests: ['test/strategy/snapshot-lines.test.ts', 'test/strategy/roadmap-append-plan.test.ts'],
  },
  // The strategy reader (readStrategy: the workbook's sheets into the StrategyData the review, the document and the
  // snapshot use), measured alone with pure suites (a few seconds a mutant); the strategy group keeps it too. Left out,
  // though they read through it (`npm test` runs them; times alone on a loaded machine): the suites over whole
  // templates in HyperFormula (review, document-sheet, blank-settings, team-scores, literal-names, schema-types), the
  // hosts' fakes (snapshot 42 s, roadmap-append 28 s, text-stays-text 59 s), cli/untrusted-input (55 s), the charts'
  // refresh (label-placement 21 s, calendar 12 s) and markdown-structure (6 s).
  'strategy-read': {
    mutate: ['shared/strategy/read.ts'],
    tests: ['test/strategy/read.test.ts', 'test/strategy/document-lines.test.ts'],
  },
  // The rest of shared/strategy, measured alone: the "what changed since the last snapshot" lines (changes.ts), where a
  // planned quarter or a day stands in the plan (plan-position.ts), the trend charts' growth as snapshots add rows and
  // metrics (trend-growth.ts), the Organization sheet's single values and lists (organization.ts). Pure suites, about a
  // second or two each: one per module (changes, plan-position, trend-growth, organization), and those that reach them
  // through the document's lines and Markdown, the review's checks and the roadmap append. With those five and changes
  // as it was (2026-12-06): changes 75 %, plan-position 76 %, organization 88 %, trend-growth not covered. Left out,
  // though they reach these files (`npm test` runs them): the strategy group's suites (review, document-sheet,
  // display-values, the hosts' snapshot and roadmap-append: whole templates in HyperFormula or the hosts' fakes, ~50 s
  // a mutant), history-values (trend growth through every host's fake), checks-native (5 s: the checks' native formulas
  // against the core, which checks and plan-position assert by hand).
  'strategy-rest': {
    mutate: [
      'shared/strategy/changes.ts',
      'shared/strategy/plan-position.ts',
      'shared/strategy/trend-growth.ts',
      'shared/strategy/organization.ts',
    ],
    tests: [
      'test/strategy/changes.test.ts',
      'test/strategy/plan-position.test.ts',
      'test/strategy/trend-growth.test.ts',
      'test/strategy/organization.test.ts',
      'test/strategy/document-lines.test.ts',
      'test/strategy/checks.test.ts',
      'test/strategy/markdown-sections.test.ts',
      'test/strategy/document-model.test.ts',
      'test/strategy/roadmap-append-plan.test.ts',
    ],
  },
  // The template charts' specs (what each template's charts plot, their titles and axes, the hidden helper columns
  // behind them). Most of its mutants are static (the templates' specs are built when the catalogue loads), and a static
  // mutant runs every listed suite: with the charts group's 12 suites it cost ~40 s and the run 2 h 21 min, its 159
  // timeouts no kills (a hand re-run of 8 found 3 alive). Here: chart-specs (pure, 1 s) and compiler/charts (the
  // helper columns calculated by HyperFormula, 9 s).
  'chart-compiler': {
    mutate: ['shared/compiler/charts.ts'],
    tests: ['test/compiler/chart-specs.test.ts', 'test/compiler/charts.test.ts'],
  },
  // Chart options and strategies: charts from a selection, and each host's.
  charts: {
    mutate: [
      'shared/chart-from-selection/chart-from-selection.ts',
      'apps-script/src/templates/charts.ts',
      'excel-addin/src/templates/charts.ts',
    ],
    // The suites that read chart options and strategies directly, a few seconds a mutant. drawn.test.ts and
    // trend.test.ts (~55 s together: every template calculated by HyperFormula in both hosts' fakes) made a mutant
    // cost ~40 s. Without them the hosts' charts.ts scored 60.1 % (2026-12-06); with sheets-options and excel-options,
    // which try each option with and without what sets it, 94.1 %.
    tests: [
      'test/charts/geometry.test.ts',
      'test/charts/sheets-options.test.ts',
      'test/charts/excel-options.test.ts',
      'test/charts/names.test.ts',
      'test/charts/hosts.test.ts',
      'test/charts/selection-hosts.test.ts',
      'test/charts/label-placement.test.ts',
      'test/charts/calendar.test.ts',
      'test/charts/large-selection.test.ts',
      'test/chart-from-selection/selection.test.ts',
      'test/hosts/requirements.test.ts',
    ],
  },
  // The executors' ownership, lock and rollback paths.
  executors: {
    mutate: [
      'apps-script/src/templates/executor.ts',
      'apps-script/src/templates/document-lock.ts',
      'excel-addin/src/templates/executor.ts',
    ],
    tests: [
      'test/hosts/executors.test.ts',
      'test/hosts/never-lose-data.test.ts',
      'test/hosts/concurrent-inserts.test.ts',
      'test/hosts/requirements.test.ts',
      'test/hosts/snapshot.test.ts',
    ],
  },
  // The executors' ownership and rollback paths only (the whole executors group is ~940 mutants, ~13 s each): which
  // names and sheets exist, what an insert creates, what it removes when it fails (only its own), and what it says.
  // The ranges cover whole declarations (test/foundation/mutation-config.test.ts checks where they start and end).
  'executor-paths': {
    mutate: ['apps-script/src/templates/executor.ts:69-225', 'excel-addin/src/templates/executor.ts:67-232'],
    tests: [
      'test/hosts/executors.test.ts',
      'test/hosts/never-lose-data.test.ts',
      'test/hosts/concurrent-inserts.test.ts',
    ],
  },
  // The preview's download: formulas the other program cannot compute become values, on a sheet that says so.
  'preview-convert': {
    mutate: ['preview/convert.ts'],
    tests: ['test/preview/download-convert.test.ts', 'test/preview/download-convert-forms.test.ts'],
  },
  // The small, high-value set measured first (issue #25): PRIORITY_SCORE's maths and weights, the Markdown escape.
  core: {
    mutate: [
      'shared/scoring/priority.ts',
      'shared/functions/prioritization.ts:1-71',
      'shared/strategy/markdown.ts:25-55',
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

/** Every group but core at once (hours on two cores); a group at a time is the habit. */
const union = (key) => [
  ...new Set(Object.entries(GROUPS).flatMap(([k, g]) => (k === 'core' || k === 'executor-paths' ? [] : g[key]))),
];
// strategy's "!" patterns only keep the document group's files out of it; in the union they would drop them.
const SCOPES = {
  ...GROUPS,
  full: { mutate: union('mutate').filter((p) => !p.startsWith('!')), tests: union('tests') },
};

/** Every scope's name (test/foundation/mutation-config.test.ts reads each one's files). */
export const SCOPE_NAMES = Object.keys(SCOPES);

const scopeName = process.env.MUTATION_SCOPE ?? 'full';
const scope = SCOPES[/** @type {keyof typeof SCOPES} */ (scopeName)];
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
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: scope.mutate,
  incremental: true,
  incrementalFile: `reports/mutation/incremental-${scopeName}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
  // Two cores shared with other work: one test process. A mutant's tests take a few seconds, so 10 s over 1.5× their
  // time is a timeout; it was 60 s, and the scoring group's 9 timed-out mutants (loops that no longer end) cost
  // about a minute each.
  concurrency: 1,
  timeoutMS: 10000,
  // The full set's first run (every listed suite, with coverage) takes more than Stryker's default 5 minutes here.
  dryRunTimeoutMinutes: 45,
  ignorePatterns: ['dist', 'test-output', 'reports', 'coverage', 'docs/images', '.tmp'],
  thresholds: { high: 85, low: 70, break: null },
};
