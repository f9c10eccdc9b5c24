// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const prettier = require('eslint-config-prettier');

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
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
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
    rules: { 'no-restricted-syntax': ['error', ...NO_REGEX_ON_CELL_TEXT] },
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
  // Formatting is Prettier's (npm run format; npm run lint checks it): no stylistic lint rules.
  prettier,
);
