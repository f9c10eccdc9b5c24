/**
 * Laws of the catalog functions, checked on random inputs with fast-check: bounds, monotonicity,
 * output shape = input shape, parse/format round trips, and never throwing on arbitrary input.
 */
import fc from 'fast-check';
import { isCellError, type Result } from '../../shared/core/values';
import { findFunction, invoke, REGISTRY } from '../../shared/functions';
import { doraLevel, DORA_LEVEL_RANK, type DoraMetric } from '../../shared/metrics/dora';
import { formatMetric, parseMetricText } from '../../shared/metrics/value';
import { type MetricKind, type MetricValue } from '../../shared/metrics/units';
import { planByCapacity } from '../../shared/scoring/plan';

const RUNS = { numRuns: 200 };
const ctx = { now: () => new Date(2027, 3, 1, 12) };

function call(name: string, ...args: unknown[]): Result[][] {
  return invoke(findFunction(name)!, args, ctx);
}
function value(name: string, ...args: unknown[]): Result {
  return call(name, ...args)[0][0];
}
function num(name: string, ...args: unknown[]): number {
  const r = value(name, ...args);
  if (typeof r !== 'number') throw new Error(`${name}(${JSON.stringify(args)}) gave ${String(r)}`);
  return r;
}

const scale = fc.integer({ min: 10, max: 100 }).map((x) => x / 10); // 1.0 … 10.0
const rating = fc.integer({ min: 10, max: 50 }).map((x) => x / 10); // 1.0 … 5.0
const nonNeg = fc.integer({ min: 0, max: 100000 }).map((x) => x / 10);
const positive = fc.integer({ min: 1, max: 100000 }).map((x) => x / 10);

describe('never throws, whatever the host passes', () => {
  test.each(REGISTRY.map((f) => [f.name, f] as const))('%s on fc.anything()', (_n, spec) => {
    fc.assert(
      fc.property(
        fc.array(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }), {
          maxLength: 7,
        }),
        (args) => {
          const g = invoke(spec, args, ctx);
          expect(g.length).toBeGreaterThan(0);
          const w = g[0].length;
          for (const row of g) {
            expect(row.length).toBe(w);
            for (const r of row) {
              if (isCellError(r)) expect(r.message).not.toMatch(/^Unexpected problem/);
              else if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
              else expect(typeof r).toBe('string');
            }
          }
        },
      ),
      RUNS,
    );
  });
});

/** Valid per-row arguments for each cell-by-cell function, as arbitraries of one row. */
const ROW_ARGS: Record<string, fc.Arbitrary<unknown[]>> = {
  PRIORITY_SCORE: fc.tuple(scale, scale, scale, scale),
  PRIORITY_QUADRANT: fc.tuple(scale, scale),
  RICE_SCORE: fc.tuple(nonNeg, fc.constantFrom(0.25, 0.5, 1, 2, 3), fc.integer({ min: 0, max: 100 }), positive),
  ICE_SCORE: fc.tuple(scale, scale, scale),
  WSJF: fc.tuple(nonNeg, nonNeg, nonNeg, positive),
  HEALTH_STATUS: fc.tuple(rating),
  METRIC_VALUE: fc.tuple(fc.constantFrom('$1M', '<200ms', '5x/day', '99.9%', '4.5/5', '100+', 'N/A', '2 hours')),
  METRIC_PROGRESS: fc.tuple(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
  ),
  METRIC_STATUS: fc.tuple(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
  ),
  DORA_LEVEL: fc.tuple(fc.constantFrom('df', 'lt', 'cfr', 'mttr'), fc.integer({ min: 0, max: 100 })),
  STRATEGY_QUARTER: fc.tuple(fc.integer({ min: 1, max: 2958465 })),
  DEBT_COST: fc.tuple(nonNeg, nonNeg, fc.integer({ min: 1, max: 53 })),
  DEBT_PAYBACK: fc.tuple(nonNeg, positive),
  DORA_SCORE: fc.tuple(
    fc.constantFrom('2 days', 'One to six months', 30, 'N/A'),
    fc.constantFrom('5x/day', 'weekly', 0.1, 'N/A'),
    fc.integer({ min: 0, max: 100 }),
    fc.constantFrom('30 min', 'Less than one day', 200, 'N/A'),
    fc.constantFrom('8%', 0.2, 'N/A'),
  ),
};

describe('output shape = input shape, row by row equal to single-cell calls', () => {
  test.each(Object.keys(ROW_ARGS).map((n) => [n] as const))('%s', (name) => {
    const n = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(fc.array(ROW_ARGS[name], { minLength: 1, maxLength: 12 }), n, fc.boolean(), (rows, _n, asRow) => {
        const width = rows[0].length;
        const args = Array.from({ length: width }, (_, a) =>
          asRow ? [rows.map((r) => r[a])] : rows.map((r) => [r[a]]),
        );
        const g = call(name, ...args);
        expect(g.length).toBe(asRow ? 1 : rows.length);
        expect(g[0].length).toBe(asRow ? rows.length : 1);
        rows.forEach((r, i) => {
          const cell = asRow ? g[0][i] : g[i][0];
          expect(cell).toEqual(value(name, ...r));
        });
      }),
      RUNS,
    );
  });
});

describe('prioritization laws', () => {
  test('PRIORITY_QUADRANT: more impact never leaves the high-impact side; more effort never leaves the high-effort side', () => {
    const highImpact = new Set(['Do Now', 'Plan Carefully']);
    const highEffort = new Set(['Plan Carefully', "Don't Do"]);
    fc.assert(
      fc.property(scale, scale, scale, scale, (i, e, di, de) => {
        const a = value('PRIORITY_QUADRANT', i, e) as string;
        const b = value('PRIORITY_QUADRANT', Math.max(i, di), Math.max(e, de)) as string;
        if (highImpact.has(a)) expect(highImpact.has(b)).toBe(true);
        if (highEffort.has(a)) expect(highEffort.has(b)).toBe(true);
      }),
      RUNS,
    );
  });

  test('RICE: ≥ 0, increasing in reach, impact and confidence, decreasing in effort', () => {
    fc.assert(
      fc.property(
        nonNeg,
        fc.constantFrom(0.25, 0.5, 1, 2, 3),
        fc.integer({ min: 0, max: 100 }),
        positive,
        nonNeg,
        positive,
        (r, i, c, e, dr, de) => {
          const base = num('RICE_SCORE', r, i, c / 100, e);
          expect(base).toBeGreaterThanOrEqual(0);
          expect(num('RICE_SCORE', r + dr, i, c / 100, e)).toBeGreaterThanOrEqual(base);
          expect(num('RICE_SCORE', r, i, c / 100, e + de)).toBeLessThanOrEqual(base);
          expect(num('RICE_SCORE', r, Math.min(3, i * 2), c / 100, e)).toBeGreaterThanOrEqual(base);
          // The percentage form agrees with the fraction form above 1%.
          if (c > 1) expect(num('RICE_SCORE', r, i, c, e)).toBeCloseTo(base, 9);
        },
      ),
      RUNS,
    );
  });

  test('ICE: product within 1–1000 and average within 1–10, both increasing in every input', () => {
    fc.assert(
      fc.property(scale, scale, scale, scale, (a, b, c, d) => {
        const p = num('ICE_SCORE', a, b, c);
        const m = num('ICE_SCORE', a, b, c, 'average');
        expect(p).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(p).toBeLessThanOrEqual(1000 + 1e-9);
        expect(m).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(m).toBeLessThanOrEqual(10 + 1e-9);
        expect(num('ICE_SCORE', Math.max(a, d), b, c)).toBeGreaterThanOrEqual(p);
        expect(num('ICE_SCORE', a, b, Math.max(c, d), 'average')).toBeGreaterThanOrEqual(m);
      }),
      RUNS,
    );
  });

  test('WSJF: ≥ 0, increasing in value, criticality and risk reduction, decreasing in job size', () => {
    fc.assert(
      fc.property(nonNeg, nonNeg, nonNeg, positive, nonNeg, positive, (bv, tc, rr, js, d, dj) => {
        const base = num('WSJF', bv, tc, rr, js);
        expect(base).toBeGreaterThanOrEqual(0);
        expect(num('WSJF', bv + d, tc, rr, js)).toBeGreaterThanOrEqual(base);
        expect(num('WSJF', bv, tc + d, rr, js)).toBeGreaterThanOrEqual(base);
        expect(num('WSJF', bv, tc, rr + d, js)).toBeGreaterThanOrEqual(base);
        expect(num('WSJF', bv, tc, rr, js + dj)).toBeLessThanOrEqual(base);
      }),
      RUNS,
    );
  });

  const project = fc.record({ score: fc.integer({ min: -12, max: 28 }), effort: fc.integer({ min: 1, max: 15 }) });

  test('PRIORITY_PLAN: no quarter over capacity; every fitting project placed; the top project starts; shape of scores', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (items, capacity) => {
          const g = call(
            'PRIORITY_PLAN',
            items.map((p) => [p.score]),
            items.map((p) => [p.effort]),
            capacity,
            'Q2 2027',
          );
          expect(g.length).toBe(items.length);
          const load = new Map<string, number>();
          g.forEach(([r], i) => {
            if (items[i].effort > capacity) {
              expect(isCellError(r)).toBe(true);
              return;
            }
            expect(typeof r).toBe('string');
            expect(r).toMatch(/^Q[1-4] \d{4}$/);
            load.set(r as string, (load.get(r as string) ?? 0) + items[i].effort);
          });
          for (const v of load.values()) expect(v).toBeLessThanOrEqual(capacity);
          const fitting = items.map((p, i) => [p, i] as const).filter(([p]) => p.effort <= capacity);
          if (fitting.length > 0) {
            const top = fitting.reduce((a, b) => (b[0].score > a[0].score ? b : a));
            expect(g[top[1]][0]).toBe('Q2 2027');
          }
        },
      ),
      RUNS,
    );
  });

  test('PRIORITY_PLAN: a project never lands later than a lower-scored project of the same or smaller effort', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 15, max: 30 }),
        (items, capacity) => {
          const placed = planByCapacity(items, capacity);
          const q = (i: number) => (placed[i] as { quarter: number }).quarter;
          for (let i = 0; i < items.length; i++) {
            for (let j = 0; j < items.length; j++) {
              if (items[i].score > items[j].score && items[i].effort <= items[j].effort)
                expect(q(i)).toBeLessThanOrEqual(q(j));
            }
          }
        },
      ),
      RUNS,
    );
  });
});

describe('health laws', () => {
  test('HEALTH_SCORE lies between the lowest and highest rating; equal ratings give that rating; order does not matter', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 10 }), (rs) => {
        const s = num('HEALTH_SCORE', [rs]);
        expect(s).toBeGreaterThanOrEqual(Math.min(...rs) - 1e-9);
        expect(s).toBeLessThanOrEqual(Math.max(...rs) + 1e-9);
        expect(
          num(
            'HEALTH_SCORE',
            rs.map((r) => [r]),
          ),
        ).toBeCloseTo(s, 12);
        expect(num('HEALTH_SCORE', [[...rs].reverse()])).toBeCloseTo(s, 12);
        expect(num('HEALTH_SCORE', [rs.map(() => rs[0])])).toBeCloseTo(rs[0], 12);
      }),
      RUNS,
    );
  });

  test('HEALTH_SCORE: scaling all weights changes nothing; raising one rating never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rating, fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 9 }),
        fc.nat(),
        (pairs, k, at) => {
          const rs = pairs.map((p) => p[0]);
          const ws = pairs.map((p) => p[1]);
          const s = num('HEALTH_SCORE', [rs], [ws]);
          expect(num('HEALTH_SCORE', [rs], [ws.map((w) => w * k)])).toBeCloseTo(s, 10);
          const up = rs.slice();
          up[at % up.length] = 5;
          expect(num('HEALTH_SCORE', [up], [ws])).toBeGreaterThanOrEqual(s - 1e-12);
        },
      ),
      RUNS,
    );
  });

  test('HEALTH_SCORE on an M×N block gives M×1, each row equal to the row on its own', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(rating, { minLength: 36, maxLength: 36 }),
        (m, n, pool) => {
          const block = Array.from({ length: m }, (_, i) => pool.slice(i * n, i * n + n));
          const g = call('HEALTH_SCORE', block);
          expect(g.length).toBe(m);
          g.forEach((r, i) => {
            expect(r.length).toBe(1);
            expect(r[0]).toBe(value('HEALTH_SCORE', [block[i]]));
          });
        },
      ),
      RUNS,
    );
  });

  test('HEALTH_STATUS never gets worse as the score rises', () => {
    const rank: Record<string, number> = { Critical: 0, 'At risk': 1, Healthy: 2, Strong: 3 };
    fc.assert(
      fc.property(rating, rating, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[value('HEALTH_STATUS', hi) as string]).toBeGreaterThanOrEqual(
          rank[value('HEALTH_STATUS', lo) as string],
        );
      }),
      RUNS,
    );
  });
});

describe('metric laws', () => {
  const kinds: MetricKind[] = ['number', 'money', 'duration', 'rate', 'percent', 'score'];
  const metric: fc.Arbitrary<MetricValue> = fc
    .record({
      kind: fc.constantFrom(...kinds),
      value: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      comparator: fc.constantFrom(undefined, '<', '<=', '>', '>=', '+'),
      currency: fc.constantFrom('$', '€', '£', '¥'),
      outOf: fc.constantFrom(5, 10, 100),
    })
    .map((r) => {
      const v: MetricValue = { kind: r.kind, value: r.kind === 'score' ? Math.abs(r.value) : r.value };
      if (r.comparator) v.comparator = r.comparator as MetricValue['comparator'];
      if (r.kind === 'money') v.currency = r.currency;
      if (r.kind === 'score') v.outOf = r.outOf;
      return v;
    });

  test('METRIC_VALUE round trip: format, then parse, gives the same kind, comparator and value', () => {
    fc.assert(
      fc.property(metric, (m) => {
        const text = formatMetric(m);
        const back = parseMetricText(text) as MetricValue;
        expect(back).toBeDefined();
        expect({ text, kind: back.kind, comparator: back.comparator, currency: back.currency }).toEqual({
          text,
          kind: m.kind,
          comparator: m.comparator,
          currency: m.currency,
        });
        expect(Math.abs(back.value - m.value)).toBeLessThanOrEqual(Math.abs(m.value) * 1e-9 + 1e-9);
        // and the custom function gives the same number
        expect(value('METRIC_VALUE', text)).toBe(back.value);
      }),
      RUNS,
    );
  });

  test('METRIC_VALUE round trip from text: parse, format, parse is stable', () => {
    const unit = fc.constantFrom(
      '',
      '%',
      'ms',
      's',
      ' min',
      ' hours',
      ' days',
      'x/day',
      'x/week',
      '/day',
      'k',
      'M',
      '/5',
    );
    const text = fc.tuple(
      fc.constantFrom('', '<', '>', '<=', '>='),
      fc.constantFrom('', '$', '€'),
      fc.integer({ min: 0, max: 999999 }),
      fc.integer({ min: 0, max: 3 }),
      unit,
      fc.constantFrom('', '+'),
    );
    fc.assert(
      fc.property(text, ([cmp, cur, digits, dec, u, plus]) => {
        const n = dec === 0 ? String(digits) : (digits / 10 ** dec).toFixed(dec);
        const s = `${cmp}${cur}${n}${cur ? u.replace(/[^kM]/g, '') : u}${cmp ? '' : plus}`;
        const first = parseMetricText(s) as MetricValue;
        expect(first).toBeDefined();
        const second = parseMetricText(formatMetric(first)) as MetricValue;
        expect(second.kind).toBe(first.kind);
        expect(Math.abs(second.value - first.value)).toBeLessThanOrEqual(Math.abs(first.value) * 1e-9 + 1e-12);
      }),
      RUNS,
    );
  });

  test('METRIC_PROGRESS is within 0–1, 0 at the baseline, 1 at the target, and rises as current moves towards the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        (b, t, c, step) => {
          fc.pre(b !== t);
          const p = num('METRIC_PROGRESS', b, c, t);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(num('METRIC_PROGRESS', b, b, t)).toBe(0);
          expect(num('METRIC_PROGRESS', b, t, t)).toBe(1);
          const towards = c + Math.sign(t - b) * step;
          expect(num('METRIC_PROGRESS', b, towards, t)).toBeGreaterThanOrEqual(p);
        },
      ),
      RUNS,
    );
  });

  test('METRIC_PROGRESS with "<" targets: lower current is never less progress', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 1000 }),
        (b, t, c, d) => {
          const p = num('METRIC_PROGRESS', `${b}ms`, `${c}ms`, `<${t}ms`);
          expect(num('METRIC_PROGRESS', `${b}ms`, `${Math.max(0, c - d)}ms`, `<${t}ms`)).toBeGreaterThanOrEqual(p);
        },
      ),
      RUNS,
    );
  });

  test('METRIC_STATUS: Done exactly when progress is 1; a better current never gives a worse status; time passing never helps', () => {
    const rank: Record<string, number> = { 'Off track': 0, 'At risk': 1, 'On track': 2, Done: 3 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 46000, max: 46700 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -50, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        (c, dc, start, len, t, dt) => {
          const due = start + len;
          const today = start + t;
          const s = value('METRIC_STATUS', 0, c, 100, start, due, today) as string;
          expect(s === 'Done').toBe(num('METRIC_PROGRESS', 0, c, 100) === 1);
          expect(
            rank[value('METRIC_STATUS', 0, Math.min(100, c + dc), 100, start, due, today) as string],
          ).toBeGreaterThanOrEqual(rank[s]);
          expect(rank[value('METRIC_STATUS', 0, c, 100, start, due, today + dt) as string]).toBeLessThanOrEqual(
            rank[s],
          );
        },
      ),
      RUNS,
    );
  });

  test('DORA_LEVEL: a better value never gets a worse level, for every metric', () => {
    const metrics: DoraMetric[] = ['deployment frequency', 'lead time', 'change failure rate', 'time to restore'];
    fc.assert(
      fc.property(
        fc.constantFrom(...metrics),
        fc.double({ min: 0, max: 10000, noNaN: true }),
        fc.double({ min: 0, max: 10000, noNaN: true }),
        (m, a, b) => {
          const [x, y] = m === 'change failure rate' ? [a / 10000, b / 10000] : [a, b];
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const better = m === 'deployment frequency' ? hi : lo;
          const worse = m === 'deployment frequency' ? lo : hi;
          expect(DORA_LEVEL_RANK[doraLevel(m, better)]).toBeGreaterThanOrEqual(DORA_LEVEL_RANK[doraLevel(m, worse)]);
        },
      ),
      RUNS,
    );
  });
});

describe('date laws', () => {
  test('STRATEGY_QUARTER: a later date never has an earlier quarter; fiscal labels are the calendar year or the next', () => {
    const index = (label: string) => {
      const m = /^Q([1-4]) (\d{4})$/.exec(label)!;
      return Number(m[2]) * 4 + Number(m[1]);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2900000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        (d, step, fy) => {
          const a = value('STRATEGY_QUARTER', d, fy) as string;
          const b = value('STRATEGY_QUARTER', d + step, fy) as string;
          expect(index(b)).toBeGreaterThanOrEqual(index(a));
          const cal = value('STRATEGY_QUARTER', d) as string;
          const calYear = Number(cal.slice(3));
          expect([calYear, calYear + 1]).toContain(Number(a.slice(3)));
        },
      ),
      RUNS,
    );
  });
});
