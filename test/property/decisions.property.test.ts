/**
 * Laws of the decision functions on random inputs (fast-check, fixed seed): team scores lie between the lowest and
 * highest rating; rank stability is 1 when a top N is far ahead of projects that are otherwise equal; a tipping
 * point is exactly where the top N changes; the odds of a plan fall as capacity falls (and down the ranking, from 0.5);
 * payback × hours lost = fix hours; the Quick Check score never falls when a metric gets better.
 */
import fc from 'fast-check';
import { isCellError, type Result } from '../../shared/core/values';
import { normalCdf } from '../../shared/decisions/normal';
import { topMembership, WEIGHT_NAMES, type Criteria } from '../../shared/decisions/ranking';
import { findFunction, invoke } from '../../shared/functions';
import type { PriorityWeights } from '../../shared/scoring/priority';

const RUNS = { numRuns: 150 };
const ctx = { now: () => new Date(2027, 3, 1, 12) };

function call(name: string, ...args: unknown[]): Result[][] {
  return invoke(findFunction(name)!, args, ctx);
}
function nums(name: string, ...args: unknown[]): number[] {
  return call(name, ...args).map((r) => {
    if (typeof r[0] !== 'number') throw new Error(`${name} gave ${String(r[0])}`);
    return r[0];
  });
}
function num(name: string, ...args: unknown[]): number {
  const r = call(name, ...args)[0][0];
  if (typeof r !== 'number') throw new Error(`${name}(${JSON.stringify(args)}) gave ${String(r)}`);
  return r;
}

const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const scale = fc.integer({ min: 1, max: 10 });
const project = fc.record({ impact: scale, urgency: scale, effort: scale, risk: scale });
const weight = fc.integer({ min: 0, max: 40 }).map((x) => x / 10);
const weights = fc.record({ impact: weight, urgency: weight, effort: weight, risk: weight });
const criteriaArgs = (ps: readonly Criteria[]) => [
  col(ps.map((p) => p.impact)),
  col(ps.map((p) => p.urgency)),
  col(ps.map((p) => p.effort)),
  col(ps.map((p) => p.risk)),
];
const weightRow = (w: PriorityWeights) => [[w.impact, w.urgency, w.effort, w.risk]];

describe('TEAM_SCORE and TEAM_SPREAD', () => {
  const ratings = fc.array(
    fc.integer({ min: 0, max: 100 }).map((x) => x / 10),
    { minLength: 1, maxLength: 9 },
  );

  test('the score lies between the lowest and highest rating, in any order of raters; spread = max − min', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom('median', 'mean'), (r, method) => {
        const lo = Math.min(...r);
        const hi = Math.max(...r);
        const s = num('TEAM_SCORE', [r], method);
        expect(s).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(s).toBeLessThanOrEqual(hi + 1e-12);
        expect(num('TEAM_SCORE', [r.slice().reverse()], method)).toBeCloseTo(s, 12);
        expect(num('TEAM_SPREAD', [r])).toBeCloseTo(hi - lo, 12);
      }),
      RUNS,
    );
  });

  test('a block scores each row as that row alone', () => {
    fc.assert(
      fc.property(fc.array(fc.array(scale, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 6 }), (rows) => {
        const block = nums('TEAM_SCORE', rows);
        rows.forEach((r, i) => expect(block[i]).toBe(num('TEAM_SCORE', [r])));
      }),
      RUNS,
    );
  });
});

describe('RANK_STABILITY', () => {
  test('1 for everyone when a top N is far ahead of projects that are otherwise all equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        // below 1: at tolerance 1 one weight set is all zeros, where every score ties and row order decides
        fc.integer({ min: 0, max: 99 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 1000 }),
        (topN, rest, tolerance, seed) => {
          const leaders: Criteria[] = Array.from({ length: topN }, () => ({
            impact: 10,
            urgency: 10,
            effort: 1,
            risk: 1,
          }));
          const others: Criteria[] = Array.from({ length: rest }, () => ({
            impact: 1,
            urgency: 1,
            effort: 10,
            risk: 10,
          }));
          const all = [...others, ...leaders];
          const at = seed % (all.length - topN + 1); // the leaders anywhere in the list, others around them
          const ps = [...others.slice(0, at), ...leaders, ...others.slice(at)];
          expect(nums('RANK_STABILITY', ...criteriaArgs(ps), [[2, 1, 0.5, 1]], topN, tolerance)).toEqual(
            ps.map(() => 1),
          );
        },
      ),
      RUNS,
    );
  });

  test('a share of the 81 weight sets, from 0 to 1; 1 at tolerance 0 and when the top N holds everyone', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 1, maxLength: 8 }),
        weights,
        fc.integer({ min: 1, max: 4 }),
        (ps, w, n) => {
          const shares = nums('RANK_STABILITY', ...criteriaArgs(ps), weightRow(w), n);
          for (const s of shares) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1);
            expect(Math.abs(s * 81 - Math.round(s * 81))).toBeLessThan(1e-9);
          }
          expect(nums('RANK_STABILITY', ...criteriaArgs(ps), weightRow(w), n, 0)).toEqual(ps.map(() => 1));
          expect(nums('RANK_STABILITY', ...criteriaArgs(ps), weightRow(w), ps.length)).toEqual(ps.map(() => 1));
        },
      ),
      RUNS,
    );
  });
});

describe('WEIGHT_TIPPING_POINT', () => {
  const changed = (ps: Criteria[], w: PriorityWeights, n: number, k: keyof PriorityWeights, factor: number) => {
    const base = topMembership(ps, w, n);
    const moved = topMembership(ps, { ...w, [k]: w[k] * factor }, n);
    return moved.some((m, i) => m !== base[i]);
  };

  test('the top N is unchanged just short of each tipping point and changed just past it; blank: unchanged up to ±100 %', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 2, maxLength: 8 }),
        weights,
        fc.integer({ min: 1, max: 3 }),
        (ps, w, n) => {
          const g = call('WEIGHT_TIPPING_POINT', ...criteriaArgs(ps), weightRow(w), n);
          expect(g.length).toBe(4);
          WEIGHT_NAMES.forEach((k, r) => {
            [1, -1].forEach((dir, c) => {
              const cell = g[r][c];
              if (cell === '') {
                for (const d of [0.1, 0.37, 0.5, 0.8, 1]) expect(changed(ps, w, n, k, 1 + dir * d)).toBe(false);
                return;
              }
              if (typeof cell !== 'number') throw new Error(String(cell));
              const d = Math.abs(cell);
              expect(Math.sign(cell) === -dir && d > 0).toBe(false);
              expect(d).toBeLessThanOrEqual(1);
              expect(changed(ps, w, n, k, 1 + dir * Math.min(1, d + 1e-6))).toBe(true);
              if (d > 1e-6) expect(changed(ps, w, n, k, 1 + dir * (d - 1e-6))).toBe(false);
            });
          });
        },
      ),
      RUNS,
    );
  });
});

describe('PLAN_CONFIDENCE', () => {
  const estimate = fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
    .map((t) => [...t].sort((a, b) => a - b));
  const plan = fc.array(fc.tuple(fc.integer({ min: -10, max: 30 }), estimate), { minLength: 1, maxLength: 8 });
  const args = (p: [number, number[]][]) => [
    col(p.map(([s]) => s)),
    col(p.map(([, e]) => e[0])),
    col(p.map(([, e]) => e[1])),
    col(p.map(([, e]) => e[2])),
  ];

  test('the odds fall as capacity falls; down the ranking they never rise from 0.5 or above, nor climb back to 0.5', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 50 }), (p, cap, cut) => {
        const more = nums('PLAN_CONFIDENCE', ...args(p), cap + cut);
        const less = nums('PLAN_CONFIDENCE', ...args(p), cap);
        less.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(more[i] + 1e-15);
        });
        // Down the ranking the odds never rise while they are at least 0.5 (the numerator of z falls, its denominator
        // grows), and once below 0.5 they stay below. Below 0.5 they may rise a little: a further uncertain project
        // widens the spread of a total that is already over the capacity (the normal approximation, as defined).
        const byRank = p.map((_, i) => i).sort((a, b) => p[b][0] - p[a][0] || a - b);
        for (let k = 1; k < byRank.length; k++) {
          const [before, after] = [less[byRank[k - 1]], less[byRank[k]]];
          if (before >= 0.5) expect(after).toBeLessThanOrEqual(before + 1e-15);
          else expect(after).toBeLessThan(0.5);
        }
      }),
      RUNS,
    );
  });

  test('exact estimates (low = likely = high) give 1 while the running total fits and 0 after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (e, cap) => {
          const odds = nums('PLAN_CONFIDENCE', col(e.map((_, i) => -i)), col(e), col(e), col(e), cap);
          let total = 0;
          e.forEach((x, i) => {
            total += x;
            expect(odds[i]).toBe(total <= cap ? 1 : 0);
          });
        },
      ),
      RUNS,
    );
  });

  test('Φ: symmetric, increasing, and equal to the integral of the density (Simpson, 2000 steps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 800 }).map((x) => x / 100),
        (x) => {
          expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
          expect(normalCdf(x + 0.01)).toBeGreaterThanOrEqual(normalCdf(x));
          const n = 2000;
          const h = x / n;
          const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
          let s = f(0) + f(x);
          for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
          expect(normalCdf(x)).toBeCloseTo(0.5 + (s * h) / 3, 11);
        },
      ),
      RUNS,
    );
  });
});

describe('DEBT_COST and DEBT_PAYBACK', () => {
  const hours = fc.integer({ min: 1, max: 4000 }).map((x) => x / 10);
  test('payback × hours lost = fix hours; the cost is hours × rate × weeks', () => {
    fc.assert(
      fc.property(
        hours,
        hours,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 53 }),
        (fix, lost, rate, weeks) => {
          expect(num('DEBT_PAYBACK', fix, lost) * lost).toBeCloseTo(fix, 9);
          expect(num('DEBT_COST', lost, rate, weeks)).toBeCloseTo(lost * rate * weeks, 6);
          expect(num('DEBT_COST', 2 * lost, rate, weeks)).toBeCloseTo(2 * num('DEBT_COST', lost, rate, weeks), 6);
        },
      ),
      RUNS,
    );
  });
});

describe('DORA_SCORE', () => {
  const hours = fc.integer({ min: 0, max: 10000 });
  const perDay = fc.integer({ min: 0, max: 1000 }).map((x) => x / 100);
  const pct = fc.integer({ min: 0, max: 100 });
  test('from 0 to 10, and never lower when a metric gets better', () => {
    fc.assert(
      fc.property(hours, perDay, pct, hours, pct, hours, perDay, pct, (lt, df, cfr, rt, rw, dlt, ddf, dcfr) => {
        const s = num('DORA_SCORE', lt, df, `${cfr}%`, rt, `${rw}%`);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(10);
        const better = num('DORA_SCORE', Math.max(0, lt - dlt), df + ddf, `${Math.max(0, cfr - dcfr)}%`, rt, `${rw}%`);
        expect(better).toBeGreaterThanOrEqual(s - 1e-12);
        const r = call('DORA_SCORE', lt, df, `${cfr}%`, rt)[0][0];
        expect(isCellError(r)).toBe(false);
      }),
      RUNS,
    );
  });
});
