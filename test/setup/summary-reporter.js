/**
 * Prints one closing line CI can read, "jest: N passed, N failed[, N skipped]", after jest's own summary
 * (same stream), and keeps it in test-output/jest-summary.txt so .ci/run can repeat it as its last line.
 * Skips for a missing tool (test/harness/tools.ts titles them "… [skipped: needs <tool>]") are listed by tool
 * under that line, with their suites, so a skip is never mistaken for a pass.
 */
const fs = require('fs');
const path = require('path');

const NEEDS = /\[skipped: (needs [^\]]+)\]/;

/** "needs soffice (Debian libreoffice-calc): 12 tests in test/cli/libreoffice.test.ts, …" per missing tool. */
function namedSkips(results) {
  const byReason = new Map();
  for (const file of results.testResults) {
    const rel = path.relative(process.cwd(), file.testFilePath);
    for (const t of file.testResults) {
      const m = t.status === 'pending' ? NEEDS.exec(t.fullName) : null;
      if (!m) continue;
      const entry = byReason.get(m[1]) ?? { count: 0, files: new Set() };
      entry.count += 1;
      entry.files.add(rel);
      byReason.set(m[1], entry);
    }
  }
  return [...byReason].map(
    ([reason, e]) => `skipped, ${reason}: ${e.count} test${e.count === 1 ? '' : 's'} in ${[...e.files].join(', ')}`,
  );
}

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const lines = [line, ...namedSkips(results)].join('\n');
    process.stderr.write(`\n${lines}\n`);
    const dir = path.resolve(__dirname, '../../test-output');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'jest-summary.txt'), `${lines}\n`);
  }
}
module.exports = SummaryReporter;
