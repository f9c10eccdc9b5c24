// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const prettier = require('eslint-config-prettier');

/**
 * Spreading an array into a call puts every element on the stack: from about 62,000 elements (a selection
 * of that many rows) the call throws "Maximum call stack size exceeded" (issue #11). Use a loop or reduce.
 */
const NO_SPREAD_INTO_CALLS = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
    message:
      'Math.min/Math.max(...array) overflows the stack for large arrays: use a loop or reduce((m, x) => Math.max(m, x), -Infinity).',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
    message: 'push(...array) overflows the stack for large arrays: use a loop or concat.',
  },
  {
    selector:
      "CallExpression[callee.object.name='String'][callee.property.name=/^fromCodePoint$|^fromCharCode$/] > SpreadElement",
    message: 'String.fromCharCode(...array) overflows the stack for large arrays: build the string in a loop.',
  },
  {
    selector: "CallExpression[callee.property.name='apply'][arguments.length=2]",
    message: 'f.apply(this, array) overflows the stack for large arrays: call f in a loop or pass the array itself.',
  },
];

/** Cell text is read by the scanners of shared/core/scan.ts, in linear time (issue #11): no regular expressions. */
const NO_REGEX_ON_CELL_TEXT = [
  {
    selector: 'Literal[regex]',
    message:
      'Cell text is read with shared/core/scan.ts (linear time): a backtracking regular expression can take quadratic time on a 50,000-character cell.',
  },
  {
    selector: "NewExpression[callee.name='RegExp'], CallExpression[callee.name='RegExp']",
    message:
      'Cell text is read with shared/core/scan.ts (linear time): a backtracking regular expression can take quadratic time on a 50,000-character cell.',
  },
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...NO_SPREAD_INTO_CALLS],
    },
  },
  {
    // The readers of cell text (numbers stored as text, dates, quarters, months, metric texts, choices).
    files: [
      'shared/core/scan.ts',
      'shared/core/args.ts',
      'shared/metrics/value.ts',
      'shared/metrics/dora.ts',
      'shared/scoring/plan.ts',
      'shared/dates/quarter.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...NO_SPREAD_INTO_CALLS, ...NO_REGEX_ON_CELL_TEXT] },
  },
  {
    // The core stays pure: no host globals, no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'SpreadsheetApp',
        'HtmlService',
        'Excel',
        'Office',
        'CustomFunctions',
        'google',
        'fetch',
        'localStorage',
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests build their own small arrays; the product code (everything else) never spreads one into a call.
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Formatting is Prettier's (npm run format; npm run lint checks it): no stylistic lint rules.
  prettier,
);
