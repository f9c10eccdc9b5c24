/** `npm run mutation:scores`: the score per module that the closing notes and test/README.md quote (issue #25). */
import { groupTable, score, tally } from '../../scripts/mutation-scores';

const mutants = (statuses: Record<string, number>) =>
  Object.entries(statuses).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

test('the score counts killed and timed-out mutants against all that ran, leaving compile and runtime errors out', () => {
  const t = tally(mutants({ Killed: 5, Timeout: 1, Survived: 1, NoCoverage: 1, CompileError: 4, RuntimeError: 1 }));
  expect(t).toEqual({ detected: 6, survived: 1, noCoverage: 1, errors: 5 });
  expect(score(t)).toBe('75.0 %');
  expect(score(tally(mutants({ CompileError: 2 })))).toBe('n/a');
});

test('a group prints one row per module, sorted, and a total row', () => {
  const report = {
    files: {
      'shared/scoring/quadrant.ts': { mutants: mutants({ Killed: 3, Survived: 1 }) },
      'shared/scoring/frameworks.ts': { mutants: mutants({ Killed: 2 }) },
    },
  };
  expect(groupTable('scoring', report)).toEqual([
    'scoring:',
    '',
    '| module | score | killed / survived / no coverage / errors |',
    '|---|---|---|',
    '| `shared/scoring/frameworks.ts` | 100.0 % | 2 / 0 / 0 / 0 |',
    '| `shared/scoring/quadrant.ts` | 75.0 % | 3 / 1 / 0 / 0 |',
    '| **scoring** | 83.3 % | 5 / 1 / 0 / 0 |',
    '',
  ]);
});
