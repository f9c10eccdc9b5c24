/**
 * Run as a separate Node process (dates.test.ts sets its TZ): prints the date cases' results as JSON,
 * so the test can check that the Node process's own zone changes nothing.
 */
import { runDateCases } from './date-cases';

process.stdout.write(
  JSON.stringify({ processZone: Intl.DateTimeFormat().resolvedOptions().timeZone, results: runDateCases() }),
);
