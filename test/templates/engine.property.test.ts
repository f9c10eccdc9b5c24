/**
 * The native template formulas equal the core on generated inputs, not just on the seed examples:
 * each property writes a random dataset into one engine workbook and compares every computed cell with
 * the registry function for the same inputs.
 */
import fc from 'fast-check';
import { compileTemplate } from '../../shared/templates';
import { todaySerial } from '../../shared/functions/metrics';
import { EFFORT_ORDER_TEXT } from '../../shared/catalogue/prioritization';
import { TOO_BIG_TEXT } from '../../shared/scoring/plan';
import { DORA_ROWS } from '../../shared/catalogue/velocity';
import { debtDecision } from '../../shared/decisions/debt';
import { NEVER_TEXT } from '../../shared/catalogue/debt';
import { RATERS, TEAM_CRITERIA } from '../../shared/catalogue/team';
import { metricNormFormula, metricValueFormula } from '../../shared/catalogue/metric-formula';
import { HyperFormula } from 'hyperformula';
import { loadPlan, normalise, type LoadedPlan } from './loader';
import {
  asInput,
  checkTeamSheet,
  column,
  comparable,
  core,
  layoutOf,
  same,
  setInputs,
  setSide,
  side,
  specOf,
} from './engine-helpers';

const RUNS = 60;

function expectColumn(
  got: ReturnType<typeof column>,
  want: ReturnType<typeof core>,
  map: (w: string | number) => string | number = (w) => w,
): void {
  const bad: string[] = [];
  want.forEach((w, i) => {
    if (!same(comparable(got[i]), map(comparable(w))))
      bad.push(`row ${i + 2}: engine ${JSON.stringify(got[i])} core ${JSON.stringify(w)}`);
  });
  expect(bad).toEqual([]);
}

describe('prioritization', () => {
  let loaded: LoadedPlan;
  const spec = specOf('prioritization', 'projects');
  const L = layoutOf('prioritization', 'projects');
  beforeAll(() => (loaded = loadPlan(compileTemplate('prioritization', { example: false }))));
  afterAll(() => loaded.destroy());

  const scale = fc.integer({ min: 1, max: 10 });
  const spreadOf = fc.option(fc.integer({ min: 0, max: 6 }), { freq: 2 });
  const row = fc
    .record({ impact: scale, urgency: scale, effort: scale, risk: scale, lo: spreadOf, hi: spreadOf })
    .map(({ lo, hi, ...r }) => ({
      ...r,
      // Mostly in order; now and then out of order (Low above Effort), which the row must say.
      ...(lo === null ? {} : { effortLow: lo === 6 ? r.effort + 1 : Math.max(0, r.effort - lo) }),
      ...(hi === null ? {} : { effortHigh: r.effort + hi }),
    }));
  const rows = fc.array(fc.option(row, { freq: 5 }), { minLength: 1, maxLength: 40 });
  const start = fc.oneof(
    fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4'),
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2024, max: 2032 })).map(([q, y]) => `Q${q} ${y}`),
  );

  test('score, rank, quadrant and planned quarter equal PRIORITY_SCORE / PRIORITY_QUADRANT / PRIORITY_PLAN', () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 6, max: 30 }),
        start,
        fc.constantFrom(3.5, 5.5, 7),
        (data, capacity, first, threshold) => {
          setInputs(
            loaded,
            spec,
            data.map((r, i) => (r ? { project: `P${i}`, ...r } : {})),
          );
          setSide(loaded, L, 'capacity', capacity);
          setSide(loaded, L, 'start', first);
          setSide(loaded, L, 'threshold', threshold);
          const [impact, urgency, effort, risk] = ['impact', 'urgency', 'effort', 'risk'].map((k) =>
            column(loaded, L, k).map(asInput),
          );
          const score = column(loaded, L, 'score');
          expectColumn(score, core('PRIORITY_SCORE', [impact, urgency, effort, risk]));
          expectColumn(column(loaded, L, 'quadrant'), core('PRIORITY_QUADRANT', [impact, effort, threshold]));
          const plan = core('PRIORITY_PLAN', [
            score.map(asInput),
            effort.map((e, i) => (score[i] === '' ? null : e)),
            capacity,
            first,
          ]);
          const quarter = column(loaded, L, 'quarter');
          // Horizon: the native plan looks 12 quarters ahead; generated data stays inside it unless the core says otherwise.
          expectColumn(quarter, plan, (w) => (w === '#ERR' ? TOO_BIG_TEXT : w));
          // Odds It Fits: PLAN_CONFIDENCE with Low / High Effort (blank: Effort) against the capacity per quarter.
          const [lo, hi] = ['effortLow', 'effortHigh'].map((k) => column(loaded, L, k).map(asInput));
          const inPlan = (v: unknown, i: number) => (score[i] === '' ? null : v);
          const odds = core('PLAN_CONFIDENCE', [
            score.map(asInput),
            lo.map((v, i) => inPlan(v ?? effort[i], i)),
            effort.map(inPlan),
            hi.map((v, i) => inPlan(v ?? effort[i], i)),
            capacity,
          ]);
          expectColumn(column(loaded, L, 'odds'), odds, (w) => (w === '#ERR' ? EFFORT_ORDER_TEXT : w));
          // Ranks are 1..n, in descending score, ties by row order.
          const ranked = column(loaded, L, 'rank')
            .map((r, i) => ({ r, i, s: score[i] }))
            .filter((x) => x.r !== '');
          expect(ranked.map((x) => x.r).sort((a, b) => Number(a) - Number(b))).toEqual(ranked.map((_, k) => k + 1));
          const order = [...ranked].sort((a, b) => Number(b.s) - Number(a.s) || a.i - b.i);
          expect(order.map((x) => x.r)).toEqual(order.map((_, k) => k + 1));
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('a project bigger than the capacity says so instead of a quarter', () => {
    setInputs(loaded, spec, [
      { project: 'Huge', impact: 9, urgency: 9, effort: 9, risk: 1 },
      { project: 'Small', impact: 5, urgency: 5, effort: 2, risk: 1 },
    ]);
    setSide(loaded, L, 'capacity', 5);
    setSide(loaded, L, 'start', 'Q4 2026');
    expect(column(loaded, L, 'quarter').slice(0, 2)).toEqual([TOO_BIG_TEXT, 'Q4 2026']);
  });
});

describe('health scorecard', () => {
  test('status bands and overall score equal HEALTH_STATUS / HEALTH_SCORE', () => {
    const loaded = loadPlan(compileTemplate('health-scorecard', { example: false }));
    const spec = specOf('health-scorecard', 'health');
    const L = layoutOf('health-scorecard', 'health');
    const rating = fc.option(
      fc.integer({ min: 2, max: 10 }).map((n) => n / 2),
      { freq: 3 },
    );
    fc.assert(
      fc.property(fc.array(rating, { minLength: 10, maxLength: 10 }), (ratings) => {
        setInputs(
          loaded,
          spec,
          ratings.map((r, i) => ({ dimension: `D${i}`, rating: r })),
        );
        const rs = column(loaded, L, 'rating').map(asInput);
        expectColumn(column(loaded, L, 'band'), core('HEALTH_STATUS', [rs]));
        const want = ratings.every((r) => r === null) ? '' : core('HEALTH_SCORE', [rs])[0];
        expect(same(comparable(side(loaded, L, 'overall')), comparable(want))).toBe(true);
        const status = side(loaded, L, 'status');
        expect(status).toBe(want === '' ? '' : core('HEALTH_STATUS', [want])[0]);
      }),
      { numRuns: RUNS },
    );
    loaded.destroy();
  });
});

// ---- metric texts as people write them ----
const num = fc.integer({ min: 0, max: 2000 }).map((n) => n / 4);
const fmt = (n: number): string => String(n);
type Kind = 'money' | 'duration' | 'rate' | 'percent' | 'count' | 'score';
const UNIT: Record<Kind, fc.Arbitrary<(n: number) => string>> = {
  money: fc.constantFrom(
    (n) => `$${fmt(n)}`,
    (n) => `$${fmt(n)}K`,
    (n) => `$${fmt(n)}M`,
    (n) => `€${fmt(n)}k`,
    (n) => `£${fmt(n)}B`,
    (n) => `$${fmt(n)}m`,
  ),
  duration: fc.constantFrom(
    (n) => `${fmt(n)}ms`,
    (n) => `${fmt(n)}s`,
    (n) => `${fmt(n)} min`,
    (n) => `${fmt(n)} hours`,
    (n) => `${fmt(n)}h`,
    (n) => `${fmt(n)} days`,
    (n) => `${fmt(n)}m`,
  ),
  rate: fc.constantFrom(
    (n) => `${fmt(n)}x/day`,
    (n) => `${fmt(n)}x/week`,
    (n) => `${fmt(n)}/month`,
    (n) => `${fmt(n)}x/quarter`,
    (n) => `${fmt(n)}x/hour`,
  ),
  percent: fc.constantFrom((n) => `${fmt(n)}%`),
  count: fc.constantFrom(
    (n) => fmt(n),
    (n) => `${fmt(n)}k`,
    (n) => `${fmt(n)}M`,
    (n) => `1,${String(Math.round(n) % 1000).padStart(3, '0')}`,
  ),
  score: fc.constantFrom((n) => `${fmt(Math.min(n, 5))}/5`),
};
const kind = fc.constantFrom<Kind>('money', 'duration', 'rate', 'percent', 'count', 'score');
/** A metric text of a kind, sometimes with a comparator, sometimes N/A. */
const metricOf = (k: Kind, comparator: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(UNIT[k], num, comparator ? fc.constantFrom('', '<', '>', '<=', '>=', '+') : fc.constant(''))
    .map(([u, n, c]) => (c === '+' ? `${u(n)}+` : `${c}${u(n)}`));

describe('metric texts', () => {
  test('the native reading equals METRIC_VALUE on every supported form', () => {
    const texts = fc.sample(
      kind.chain((k) =>
        fc.oneof(metricOf(k, true), fc.constantFrom('N/A', 'n/a', '-', ' 12 % ', '2 hours', '4.5/5', '100+')),
      ),
      300,
    );
    const data = texts.map((t, i) => [
      `'${t}`,
      `=${metricNormFormula(`A${i + 1}`)}`,
      `=${metricValueFormula(`A${i + 1}`, `B${i + 1}`)}`,
    ]);
    const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3' });
    const bad: string[] = [];
    texts.forEach((t, i) => {
      const got = comparable(normalise(hf.getCellValue({ sheet: 0, row: i, col: 2 })));
      const want = comparable(core('METRIC_VALUE', [t])[0]);
      if (!same(got, want)) bad.push(`${JSON.stringify(t)}: native ${got} core ${want}`);
    });
    hf.destroy();
    expect(bad).toEqual([]);
  });

  let loaded: LoadedPlan;
  const spec = specOf('metrics', 'metrics');
  const L = layoutOf('metrics', 'metrics');
  beforeAll(() => (loaded = loadPlan(compileTemplate('metrics', { example: false }))));
  afterAll(() => loaded.destroy());

  const triple = kind.chain((k) =>
    fc.tuple(fc.option(metricOf(k, false), { freq: 8, nil: 'N/A' }), metricOf(k, false), metricOf(k, true)),
  );
  const dates = fc.option(
    fc
      .tuple(fc.integer({ min: 45000, max: 47000 }), fc.integer({ min: 1, max: 800 }))
      .map(([s, d]) => ({ start: s, due: s + d })),
    { freq: 2 },
  );

  test('progress and status equal METRIC_PROGRESS / METRIC_STATUS', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(triple, dates), { minLength: 1, maxLength: 25 }), (data) => {
        setInputs(
          loaded,
          spec,
          data.map(([[baseline, current, target], d]) => ({ baseline, current, target, ...(d ?? {}) })),
          ['baseline', 'current', 'target'],
        );
        const [b, c, t, start, due] = ['baseline', 'current', 'target', 'start', 'due'].map((k) =>
          column(loaded, L, k).map(asInput),
        );
        expectColumn(column(loaded, L, 'progress'), core('METRIC_PROGRESS', [b, c, t]));
        const today = todaySerial({ now: () => new Date() });
        expectColumn(column(loaded, L, 'status'), core('METRIC_STATUS', [b, c, t, start, due, today]));
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('team scoring', () => {
  test('team scores, largest spread and Discuss equal TEAM_SCORE / TEAM_SPREAD / the widest disagreement', () => {
    const loaded = loadPlan(compileTemplate('team-scoring', { example: false }));
    const spec = specOf('team-scoring', 'team');
    const L = layoutOf('team-scoring', 'team');
    const keys = TEAM_CRITERIA.flatMap((c) => Array.from({ length: RATERS }, (_, i) => `${c.key}${i + 1}`));
    const rating = fc.option(
      fc.integer({ min: 2, max: 20 }).map((x) => x / 2),
      { freq: 4 },
    );
    const row = fc.array(rating, { minLength: keys.length, maxLength: keys.length });
    fc.assert(
      fc.property(
        fc.array(fc.option(row, { freq: 5 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 9 }),
        (data, threshold) => {
          setInputs(
            loaded,
            spec,
            data.map((r, i) => (r ? { project: `P${i}`, ...Object.fromEntries(keys.map((k, j) => [k, r[j]])) } : {})),
          );
          setSide(loaded, L, 'threshold', threshold);
          expect(checkTeamSheet(loaded)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
    loaded.destroy();
  });
});

describe('technical debt', () => {
  test('yearly cost, payback and decision equal DEBT_COST / DEBT_PAYBACK / the core decision, "Never" where no time is lost', () => {
    const loaded = loadPlan(compileTemplate('technical-debt', { example: false }));
    const spec = specOf('technical-debt', 'debt');
    const L = layoutOf('technical-debt', 'debt');
    const n = fc.integer({ min: 0, max: 4000 }).map((x) => x / 10);
    const row = fc.record({ hoursLost: n, fixHours: n, hourlyCost: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(
        fc.array(fc.option(row, { freq: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 53 }),
        (data, weeks) => {
          setInputs(
            loaded,
            spec,
            data.map((r, i) => (r ? { area: `A${i}`, ...r } : {})),
          );
          setSide(loaded, L, 'weeks', weeks);
          const [hours, fix, rate] = ['hoursLost', 'fixHours', 'hourlyCost'].map((k) =>
            column(loaded, L, k).map(asInput),
          );
          expectColumn(column(loaded, L, 'yearlyCost'), core('DEBT_COST', [hours, rate, weeks]));
          const payback = column(loaded, L, 'payback');
          expectColumn(payback, core('DEBT_PAYBACK', [fix, hours]), (w) => (w === '#ERR' ? NEVER_TEXT : w));
          const decision = column(loaded, L, 'decision');
          payback.forEach((p, i) =>
            expect(decision[i]).toBe(p === '' ? '' : debtDecision(typeof p === 'number' ? p : undefined, weeks)),
          );
        },
      ),
      { numRuns: 30 },
    );
    loaded.destroy();
  });
});

describe('velocity', () => {
  test('level equals DORA_LEVEL for generated values of each metric', () => {
    const loaded = loadPlan(compileTemplate('velocity', { example: false }));
    const spec = specOf('velocity', 'velocity');
    const L = layoutOf('velocity', 'velocity');
    const n = fc.integer({ min: 0, max: 400 }).map((x) => x / 4);
    const cmp = fc.constantFrom('', '', '<', '>', '<=');
    const value: Record<string, fc.Arbitrary<string | number>> = {
      'deployment frequency': fc.oneof(
        fc
          .tuple(cmp, n, fc.constantFrom('x/day', 'x/week', 'x/month', '/day', 'x/quarter', 'x/year'))
          .map(([c, x, u]) => `${c}${x}${u}`),
        n,
        fc.constantFrom('1x/month', '1x/day', '2x/year', '0.5x/year'),
      ),
      'lead time': fc.oneof(
        fc
          .tuple(cmp, n, fc.constantFrom(' hours', 'h', ' days', ' min', 'ms', ' weeks'))
          .map(([c, x, u]) => `${c}${x}${u}`),
        n,
        fc.constantFrom('<1 hour', '1 week', '168', '1h'),
      ),
      'change failure rate': fc.oneof(
        fc.tuple(cmp, fc.integer({ min: 0, max: 100 })).map(([c, x]) => `${c}${x}%`),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('15%', '30%', 0.15, 0.3),
      ),
      'time to restore': fc.oneof(
        fc.tuple(cmp, n, fc.constantFrom(' hours', 'h', ' days', ' min')).map(([c, x, u]) => `${c}${x}${u}`),
        n,
        fc.constantFrom('<1 hour', '24h', '1 day', '1 week'),
      ),
    };
    fc.assert(
      fc.property(
        fc.tuple(...DORA_ROWS.map((d) => value[d.metric])),
        fc.option(fc.integer({ min: 0, max: 100 }).map((x) => (x % 2 ? x : x / 100))),
        (vals, rework) => {
          setInputs(
            loaded,
            spec,
            DORA_ROWS.map((d, i) => ({ metric: d.label, current: vals[i] })),
            ['current'],
          );
          setSide(loaded, L, 'rework', rework);
          const level = column(loaded, L, 'level');
          const current = column(loaded, L, 'current').map(asInput);
          DORA_ROWS.forEach((d, i) =>
            expect([vals[i], level[i]]).toEqual([vals[i], core('DORA_LEVEL', [d.metric, current[i]])[0]]),
          );
          // The Quick Check score beside the levels: DORA_SCORE(lead time, frequency, failure rate, recovery, rework).
          const byMetric = (m: string) => current[DORA_ROWS.findIndex((d) => d.metric === m)];
          const want = core('DORA_SCORE', [
            byMetric('lead time'),
            byMetric('deployment frequency'),
            byMetric('change failure rate'),
            byMetric('time to restore'),
            rework ?? undefined,
          ])[0];
          expect([vals, rework, same(comparable(side(loaded, L, 'score')), comparable(want))]).toEqual([
            vals,
            rework,
            true,
          ]);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    loaded.destroy();
  });
});
