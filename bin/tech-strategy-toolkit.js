#!/usr/bin/env node
/**
 * `npx tech-strategy-toolkit workbook --out strategy.xlsx`.
 *
 * Installed from the package (npm pack / npm install), it runs the compiled JavaScript in dist/cli/,
 * which `npm pack` builds (the "prepack" script: tsc -p tsconfig.cli.json, cli/ and everything it imports)
 * and which needs only the package's runtime dependencies. In a clone of the repository (cli/bin.ts is
 * there) it runs the TypeScript sources through tsx, a development dependency, so edits take effect
 * without a build.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const source = path.join(root, 'cli', 'bin.ts');

const compiled = path.join(root, 'dist', 'cli', 'cli', 'bin.js');

function load() {
  if (fs.existsSync(source)) {
    try {
      const { require: tsxRequire } = require('tsx/cjs/api');
      return tsxRequire(source, __filename);
    } catch (e) {
      // A clone installed without development dependencies: the build, if there is one.
      if (!(e && e.code === 'MODULE_NOT_FOUND' && fs.existsSync(compiled))) throw e;
    }
  }
  return require(compiled);
}

const cli = load();
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => cli.failed(e),
);
