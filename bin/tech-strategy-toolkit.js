#!/usr/bin/env node
/**
 * `npx tech-strategy-toolkit workbook --out strategy.xlsx`: runs the TypeScript CLI (cli/) through
 * tsx, so it works from a fresh clone after `npm ci` without a build step.
 */
const path = require('path');
const { require: tsxRequire } = require('tsx/cjs/api');

const { main } = tsxRequire(path.join(__dirname, '..', 'cli', 'bin.ts'), __filename);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`Error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  },
);
