/**
 * Hostile texts in any argument of any function, through both BUILT bundles (issue #11): every call
 * returns its error ("… is too long to be …", naming the argument) and costs about the same at 50,000
 * characters as at 5,000.
 *
 * The cost measure is a ratio, so it does not depend on the machine's speed: for each function and
 * argument, the time of one call per hostile family (test/harness/hostile-texts.ts) at 50,000 characters
 * over the same at 5,000. A parser that backtracks quadratically would make it about 100 (the issue's
 * `\d+\.?\d*` took 10–20 s at 50,000 characters); a linear path at most 10; reading nothing beyond the
 * length cap about 1. The bound, 25, is generous; each time is the best of several adaptive runs taken
 * in turns, and a ratio over the bound is measured again (up to three times), so a busy machine does not
 * fail the test. `npm run bench` prints the absolute worst time per bundle.
 */
import { REGISTRY } from '../../shared/functions';
import { isRangeParam } from '../../shared/functions/spec';
import { BENCH_INPUTS } from '../../scripts/bench-inputs';
import { excelResult, loadExcelBundle, loadSheetsBundle, sheetsResult, type Normal } from '../harness/bundles';
import { HOSTILE_TEXTS } from '../harness/hostile-texts';

const sheets = loadSheetsBundle();
const excel = loadExcelBundle();

/** A valid row of arguments for `name` with argument i (its first cell, for a row or column) replaced by `text`. */
export function withText(name: string, i: number, text: string): unknown[] {
  const args = BENCH_INPUTS[name](1);
  args[i] = Array.isArray(args[i]) ? [[text, ...(args[i] as unknown[][])[0].slice(1)]] : text;
  return args;
}

/** Milliseconds per run of `f`: repeated until the run takes at least 2 ms. */
function timeOf(f: () => void): number {
  let reps = 0;
  const t0 = performance.now();
  let elapsed: number;
  do {
    f();
    reps++;
    elapsed = performance.now() - t0;
  } while (elapsed < 2);
  return elapsed / reps;
}

/**
 * Cost of `large` over cost of `small`, each the best of 7 runs taken in turns (so both see the same load;
 * noise only ever adds time, so the best run is the truest).
 */
function costRatio(large: () => void, small: () => void): number {
  let bestLarge = Infinity;
  let bestSmall = Infinity;
  for (let trial = 0; trial < 7; trial++) {
    bestSmall = Math.min(bestSmall, timeOf(small));
    bestLarge = Math.min(bestLarge, timeOf(large));
  }
  return bestLarge / bestSmall;
}

/** 50,000 characters may cost at most this many times 5,000 (quadratic: ~100). */
const BOUND = 25;
const FAMILIES = Object.values(HOSTILE_TEXTS);
const SMALL = FAMILIES.map((make) => make(5000));
const LARGE = FAMILIES.map((make) => make(50000));

const cases = REGISTRY.flatMap((spec) =>
  spec.params.flatMap((p, i) => (isRangeParam(p) ? [] : [[`${spec.name}(${p.name})`, spec, i] as const])),
);

const HOSTS = {
  Sheets: (name: string, args: unknown[]) => sheetsResult(sheets, name, args),
  Excel: (name: string, args: unknown[], paramCount: number) => excelResult(excel, name, args, paramCount),
};

describe.each(Object.entries(HOSTS))('%s bundle', (_host, run) => {
  test.each(cases)('%s: every hostile text gives the too-long error, at a cost linear or better', (_t, spec, i) => {
    const label = spec.params[i].label;
    const calls = (texts: string[]) => texts.map((t) => withText(spec.name, i, t));
    const small = calls(SMALL);
    const large = calls(LARGE);
    for (const args of [...small, ...large]) {
      const shown: Normal = run(spec.name, args, spec.params.length).flat()[0];
      expect(typeof shown === 'object' && shown.error.startsWith(`${label} is too long to be `)).toBe(true);
    }
    // A busy machine can only inflate a ratio, a quadratic path inflates every one: up to three measurements.
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio >= BOUND; attempt++) {
      ratio = Math.min(
        ratio,
        costRatio(
          () => large.forEach((a) => run(spec.name, a, spec.params.length)),
          () => small.forEach((a) => run(spec.name, a, spec.params.length)),
        ),
      );
    }
    expect(ratio).toBeLessThan(BOUND);
  });
});
