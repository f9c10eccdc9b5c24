/**
 * The parity table: each case runs through BOTH built bundles and must give identical results,
 * error messages included. Arguments are written as Sheets passes them (a scalar for a cell,
 * a 2-D array for a range, Date for a date cell); the harness converts them for Excel.
 * Add cases for every function here.
 */
import type { ParityCase } from './parity-case';
import { CATALOG_PARITY_CASES } from './parity-cases-catalog';
import { DECISION_PARITY_CASES } from './parity-cases-decisions';

export type { ParityCase };

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

export const PARITY_CASES: ParityCase[] = [
  { fn: 'PRIORITY_SCORE', args: [9, 8, 5, 6], expected: [[17.5]] },
  {
    fn: 'PRIORITY_SCORE',
    args: [col(9, 7, 4), col(8, 5, 3), col(5, 8, 7), col(6, 4, 5)],
    expected: col(17.5, 11, 2.5),
  },
  { fn: 'PRIORITY_SCORE', args: [col(9, '', 4), col(8, '', 3), 5, col(6, '', 5)], expected: col(17.5, '', 3.5) },
  { fn: 'PRIORITY_SCORE', args: [col(9, 7), 8, 5, 6], expected: col(17.5, 13.5) },
  { fn: 'PRIORITY_SCORE', args: [9, 8, 5, 6, [[3, 1, 1, 1]]], expected: [[24]] },
  { fn: 'PRIORITY_SCORE', args: [9, 8, 5, 6, col(3, 1, 1, 1)], expected: [[24]] },
  {
    fn: 'PRIORITY_SCORE',
    args: ['high', 8, 5, 6],
    expected: [[{ error: 'Impact must be a number from 1 to 10 (got "high")' }]],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [9, true, 5, 6],
    expected: [[{ error: 'Urgency must be a number from 1 to 10 (got TRUE)' }]],
  },
  { fn: 'PRIORITY_SCORE', args: [9, 8, 0, 6], expected: [[{ error: 'Effort must be a number from 1 to 10 (got 0)' }]] },
  { fn: 'PRIORITY_SCORE', args: [9, 8, 5, -3], expected: [[{ error: 'Risk must be a number from 1 to 10 (got -3)' }]] },
  {
    fn: 'PRIORITY_SCORE',
    args: [9, 8, 5, '7'],
    expected: [
      [{ error: 'Risk is a number stored as text; enter it as a number: "7"; it must be a number from 1 to 10' }],
    ],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [9, '', 5, 6],
    expected: [[{ error: 'Urgency must be a number from 1 to 10 (got a blank cell)' }]],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: ['#DIV/0!', 8, 5, 6],
    expected: [[{ error: 'Impact must be a number from 1 to 10 (got the error #DIV/0!)' }]],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [col(9, 'x'), col(8, 8), 5, 6],
    expected: [[17.5], [{ error: 'Impact must be a number from 1 to 10 (got "x")' }]],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [col(9, 7, 4), col(8, 5), 5, 6],
    expected: [
      [{ error: 'Impact is a 3×1 range but Urgency is a 2×1 range: give ranges of the same size, or single cells' }],
    ],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [[[9, 7, 4]], col(8, 5, 3), 5, 6],
    expected: [
      [{ error: 'Impact is a 1×3 range but Urgency is a 3×1 range: give ranges of the same size, or single cells' }],
    ],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [9, 8, 5, 6, [[3, 1, 1]]],
    expected: [[{ error: 'Weights must be 4 numbers in a 1×4 or 4×1 range (got a 1×3 range)' }]],
  },
  {
    fn: 'PRIORITY_SCORE',
    args: [9, 8, 5, 6, [[3, 'x', 1, 1]]],
    expected: [[{ error: 'Weights for urgency must be a number of at least 0 (got "x")' }]],
  },
  ...CATALOG_PARITY_CASES,
  ...DECISION_PARITY_CASES,
];
