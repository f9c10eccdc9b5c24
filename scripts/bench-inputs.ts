/** Realistic benchmark data per function: n rows as Sheets passes ranges (2-D arrays). */
type Inputs = (n: number) => unknown[];

const column = (n: number, f: (i: number) => unknown): unknown[][] => Array.from({ length: n }, (_, i) => [f(i)]);
const scale = (seed: number) => (i: number) => ((i * seed) % 10) + 1;

export const BENCH_INPUTS: Record<string, Inputs> = {
  PRIORITY_SCORE: (n) => [column(n, scale(7)), column(n, scale(3)), column(n, scale(9)), column(n, scale(11))],
};
