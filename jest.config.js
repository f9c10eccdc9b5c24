/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Two workers on a 2-core machine: many suites wait on a child (LibreOffice, Chromium, npm) while the other core
  // would idle (jest's default is one worker per core minus one: a single worker here).
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  setupFiles: ['<rootDir>/test/setup/fast-check.js'],
};
