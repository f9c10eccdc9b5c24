/**
 * Prints one closing line CI can read, "jest: N passed, N failed[, N skipped]", after jest's own summary
 * (same stream), and keeps it in test-output/jest-summary.txt so .ci/run can repeat it as its last line.
 */
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stderr.write(`\n${line}\n`);
    const dir = path.resolve(__dirname, '../../test-output');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'jest-summary.txt'), `${line}\n`);
  }
}
module.exports = SummaryReporter;
