/** One row of the parity table (parity-cases.ts, parity-cases-catalog.ts): a call and what both hosts must show. */
export interface ParityCase {
  fn: string;
  args: unknown[];
  /** What a user sees, host-independently (numbers, texts, "" blanks, { error }). */
  expected: unknown[][];
}
