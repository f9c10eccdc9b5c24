/**
 * Bad input of every kind, for every function: text, boolean, blank, NaN, Infinity, error values,
 * mismatched shapes and 1×N against N×1. Each gives a CellError naming the argument and the value.
 */
import { isCellError, showValue } from '../../shared/core/values';
import { invoke, REGISTRY } from '../../shared/functions';
import { isRangeParam, type FunctionSpec } from '../../shared/functions/spec';
import { col, ctx, day, row } from './helpers';

/** Valid arguments per function (required ones, plus optional ones where useful). */
const VALID: Record<string, unknown[]> = {
  PRIORITY_SCORE: [9, 8, 5, 6],
  PRIORITY_QUADRANT: [9, 5],
  PRIORITY_PLAN: [17.5, 5, 10],
  RICE_SCORE: [2000, 2, 0.8, 4],
  ICE_SCORE: [8, 7, 9],
  WSJF: [8, 5, 3, 2],
  HEALTH_SCORE: [row(3, 4, 2)],
  HEALTH_STATUS: [3],
  METRIC_VALUE: ['$1M'],
  METRIC_PROGRESS: ['$0', '$250K', '$1M'],
  METRIC_STATUS: ['$0', '$250K', '$1M', day(2027, 1, 1), day(2027, 12, 31), day(2027, 4, 1)],
  DORA_LEVEL: ['lead time', '2 hours'],
  STRATEGY_QUARTER: [day(2027, 2, 15)],
  TEAM_SCORE: [row(7, 9, 4)],
  TEAM_SPREAD: [row(7, 9, 4)],
  RANK_STABILITY: [9, 8, 5, 6],
  WEIGHT_TIPPING_POINT: [9, 8, 5, 6],
  PLAN_CONFIDENCE: [17.5, 4, 5, 8, 10],
  DEBT_COST: [6, 90],
  DEBT_PAYBACK: [80, 6],
  DORA_SCORE: ['2 days', '5x/day', 0.15, '30 min'],
};

const BAD_KINDS: [string, unknown][] = [
  ['text', 'high'],
  ['boolean', true],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['error text', '#DIV/0!'],
  ['error object', { code: '#N/A' }],
  ['an object', { x: 1 }],
];

function cellParams(spec: FunctionSpec): number[] {
  return spec.params
    .map((p, i) => [p, i] as const)
    .filter(([p]) => !isRangeParam(p))
    .map(([, i]) => i);
}

test('the largest finite numbers are echoed as numbers, never as "Infinity"', () => {
  expect(showValue(Number.MAX_VALUE)).toBe('1.79769313e+308');
  expect(showValue(-1.797e308)).toBe('-1.797e+308');
  expect(showValue(-Number.MAX_VALUE)).toBe('-1.79769313e+308');
  const spec = REGISTRY.find((f) => f.name === 'PRIORITY_SCORE')!;
  const r = invoke(spec, [Number.MAX_VALUE, 8, 5, 6], ctx)[0][0];
  expect(isCellError(r) && r.message).toBe('Impact must be a number from 1 to 10 (got 1.79769313e+308)');
});

test('every registry function has valid arguments in this table', () => {
  for (const f of REGISTRY) expect(VALID[f.name]).toBeDefined();
});

describe.each(REGISTRY.map((f) => [f.name, f] as const))('%s', (_name, spec) => {
  const valid = VALID[spec.name];

  test('the valid arguments give a value, not an error', () => {
    const g = invoke(spec, valid, ctx);
    expect(isCellError(g[0][0])).toBe(false);
  });

  const params = cellParams(spec).filter((i) => i < valid.length);
  for (const i of params) {
    const p = spec.params[i];
    test.each(BAD_KINDS)(`${p.label}: %s gives an error naming ${p.label} and the value`, (_kind, bad) => {
      // A text is a valid metric value only when it reads as one; "high" never does.
      const args = valid.slice();
      args[i] = bad;
      const g = invoke(spec, args, ctx);
      expect(g).toHaveLength(1);
      expect(g[0]).toHaveLength(1);
      const r = g[0][0];
      expect(isCellError(r)).toBe(true);
      if (!isCellError(r)) return;
      expect(r.message.startsWith(p.label)).toBe(true);
      expect(r.message).toContain(`got ${showValue(bad)}`);
    });

    if (!p.optional) {
      test(`${p.label}: a blank cell next to filled ones is an error, not a silent result`, () => {
        const args = valid.slice();
        args[i] = '';
        const others = valid.some((v, j) => j !== i && v !== undefined);
        const r = invoke(spec, args, ctx)[0][0];
        if (!others) {
          expect(r).toBe('');
          return;
        }
        expect(isCellError(r)).toBe(true);
        if (isCellError(r)) expect(r.message).toMatch(new RegExp(`^${p.label}.*got a blank cell`));
      });
    }
  }

  test('a missing required argument names it', () => {
    const r = invoke(spec, [], ctx)[0][0];
    expect(isCellError(r)).toBe(true);
    if (isCellError(r)) expect(r.message).toContain(`${spec.params[0].label} is required`);
  });

  test('a ragged range is refused with a message', () => {
    const args = valid.slice();
    args[0] = [[1, 2], [3]];
    const r = invoke(spec, args, ctx)[0][0];
    expect(isCellError(r)).toBe(true);
    if (isCellError(r)) expect(r.message).toContain('rows of different lengths');
  });
});

/** Functions with at least two cell-by-cell arguments: a 3×1 range against a 1×3 range is one clear error. */
const MULTI = REGISTRY.filter(
  (f) => f.params.filter((p) => !p.optional && !isRangeParam(p) && p.shape !== 'single').length >= 2,
);

test.each(MULTI.map((f) => [f.name, f] as const))(
  '%s: a column against a row (N×1 vs 1×N) is one error naming both',
  (_n, spec) => {
    const valid = VALID[spec.name];
    const idx = spec.params
      .map((p, i) => [p, i] as const)
      .filter(([p]) => !p.optional && !isRangeParam(p) && p.shape !== 'single')
      .map(([, i]) => i);
    const [a, b] = idx;
    const args = valid.slice();
    args[a] = col(valid[a], valid[a], valid[a]);
    args[b] = row(valid[b], valid[b], valid[b]);
    const g = invoke(spec, args, ctx);
    expect(g).toHaveLength(1);
    const r = g[0][0];
    expect(isCellError(r)).toBe(true);
    if (isCellError(r)) {
      expect(r.message).toContain('3×1 range');
      expect(r.message).toContain('1×3 range');
      expect(r.message).toContain(spec.params[a].label);
      expect(r.message).toContain(spec.params[b].label);
    }
  },
);

test.each(MULTI.map((f) => [f.name, f] as const))('%s: ranges of different heights are one error', (_n, spec) => {
  const valid = VALID[spec.name];
  const idx = spec.params
    .map((p, i) => [p, i] as const)
    .filter(([p]) => !p.optional && !isRangeParam(p) && p.shape !== 'single')
    .map(([, i]) => i);
  const args = valid.slice();
  args[idx[0]] = col(valid[idx[0]], valid[idx[0]], valid[idx[0]]);
  args[idx[1]] = col(valid[idx[1]], valid[idx[1]]);
  const r = invoke(spec, args, ctx)[0][0];
  expect(isCellError(r)).toBe(true);
  if (isCellError(r)) expect(r.message).toMatch(/3×1 range but .* 2×1 range/);
});

test('out-of-range and negative numbers name the argument, the value and the valid range', () => {
  const cases: [string, unknown[], string][] = [
    ['PRIORITY_QUADRANT', [11, 5], 'Impact must be a number from 1 to 10 (got 11)'],
    ['PRIORITY_QUADRANT', [9, 0.5], 'Effort must be a number from 1 to 10 (got 0.5)'],
    ['PRIORITY_QUADRANT', [9, 5, 0], 'Threshold must be a number from 1 to 10 (got 0)'],
    ['RICE_SCORE', [-5, 2, 0.8, 4], 'Reach must be a number of at least 0 (got -5)'],
    ['RICE_SCORE', [100, 5, 0.8, 4], 'Impact must be a number from 0.25 to 3 (got 5)'],
    ['RICE_SCORE', [100, 2, -0.1, 4], 'Confidence must be a number from 0 to 100 (got -0.1)'],
    ['RICE_SCORE', [100, 2, 0.8, -4], 'Effort must be a number greater than 0 (got -4)'],
    ['ICE_SCORE', [0, 7, 9], 'Impact must be a number from 1 to 10 (got 0)'],
    ['ICE_SCORE', [8, 7, 9, 'sum'], 'Mode must be one of "product", "average" (got "sum")'],
    ['WSJF', [-1, 5, 3, 2], 'Business value must be a number of at least 0 (got -1)'],
    ['WSJF', [8, 5, -3, 2], 'Risk reduction must be a number of at least 0 (got -3)'],
    ['WSJF', [8, 5, 3, -2], 'Job size must be a number greater than 0 (got -2)'],
    ['HEALTH_STATUS', [5.5], 'Score must be a number from 1 to 5 (got 5.5)'],
    ['HEALTH_STATUS', [-2], 'Score must be a number from 1 to 5 (got -2)'],
    [
      'STRATEGY_QUARTER',
      [-3],
      'Date must be a date (a date cell, a date serial number or a text like "2027-03-31") (got -3)',
    ],
    [
      'STRATEGY_QUARTER',
      ['2027-02-30'],
      'Date must be a date (a date cell, a date serial number or a text like "2027-03-31") (got "2027-02-30")',
    ],
    [
      'STRATEGY_QUARTER',
      [day(2027, 2, 1), 0],
      'Fiscal year start month must be a month, 1 to 12 or a name like "July" (got 0)',
    ],
    [
      'DORA_LEVEL',
      ['deployment frequency', -1],
      'Value for deployment frequency must be a rate like "5x/day" or a number of deploys per day (got -1)',
    ],
    [
      'DORA_LEVEL',
      ['change failure rate', 130],
      'Value for change failure rate must be a percentage like "12%", a fraction from 0 to 1 or a percentage number up to 100 (got 130)',
    ],
    [
      'DORA_LEVEL',
      ['lead time', '-2 hours'],
      'Value for lead time must be a duration like "2 hours" or a number of hours (got "-2 hours")',
    ],
    ['PRIORITY_PLAN', [5, -1, 10], 'Effort must be a number greater than 0 (got -1)'],
    ['PRIORITY_PLAN', [5, 1, -10], 'Capacity must be a number greater than 0 (got -10)'],
    ['HEALTH_SCORE', [row(3, 0)], 'Rating must be a number from 1 to 5 (got 0)'],
    ['HEALTH_SCORE', [row(3, 4), row(1, -1)], 'Weights must be numbers of at least 0 (got -1 at position 2)'],
    ['TEAM_SCORE', [row(7, 9), 'mode'], 'Method must be one of "median", "mean" (got "mode")'],
    ['RANK_STABILITY', [9, 8, 5, 11], 'Risk must be a number from 1 to 10 (got 11)'],
    ['RANK_STABILITY', [9, 8, 5, 6, undefined, 0], 'Top N must be a whole number of at least 1 (got 0)'],
    ['RANK_STABILITY', [9, 8, 5, 6, undefined, 2.5], 'Top N must be a whole number of at least 1 (got 2.5)'],
    ['RANK_STABILITY', [9, 8, 5, 6, undefined, 3, 1.5], 'Tolerance must be a number from 0 to 1 (got 1.5)'],
    ['RANK_STABILITY', [9, 8, 5, 6, row(2, 1, 1)], 'Weights must be 4 numbers in a 1×4 or 4×1 range (got a 1×3 range)'],
    [
      'WEIGHT_TIPPING_POINT',
      [col(9, 8), col(8, 8), col(5, 5), col(6, 0)],
      'Risk must be a number from 1 to 10 (got 0)',
    ],
    [
      'PLAN_CONFIDENCE',
      [5, 4, 3, 8, 10],
      'Likely effort must be at least the low effort (got low 4, likely 3, high 8)',
    ],
    [
      'PLAN_CONFIDENCE',
      [5, 4, 5, 4.5, 10],
      'High effort must be at least the likely effort (got low 4, likely 5, high 4.5)',
    ],
    ['PLAN_CONFIDENCE', [5, -1, 5, 8, 10], 'Low effort must be a number of at least 0 (got -1)'],
    ['PLAN_CONFIDENCE', [5, 4, 5, 8, 0], 'Capacity must be a number greater than 0 (got 0)'],
    ['DEBT_COST', [6, -90], 'Hourly cost must be a number of at least 0 (got -90)'],
    ['DEBT_COST', [6, 90, 60], 'Weeks per year must be a number from 1 to 53 (got 60)'],
    ['DEBT_PAYBACK', [-8, 6], 'Fix hours must be a number of at least 0 (got -8)'],
    ['DEBT_PAYBACK', [80, 0], 'Hours lost per week must be a number greater than 0 (got 0)'],
    [
      'DORA_SCORE',
      ['2 days', '5x/day', 130, '30 min'],
      'Change fail rate must be a percentage like "12%", a fraction from 0 to 1, a percentage number up to 100, or "N/A" (got 130)',
    ],
    [
      'DORA_SCORE',
      ['2 days', '2 hours', 0.1, '30 min'],
      'Deployment frequency must be a rate like "5x/day" or "weekly", a number of deploys per day, a Quick Check answer like "Between once per day and once per week", or "N/A" (got "2 hours")',
    ],
    [
      'DORA_SCORE',
      ['5x/day', 1, 0.1, '30 min'],
      'Lead time must be a duration like "2 days", a number of hours, a Quick Check answer like "One day to one week", or "N/A" (got "5x/day")',
    ],
  ];
  for (const [name, args, message] of cases) {
    const spec = REGISTRY.find((f) => f.name === name)!;
    const r = invoke(spec, args, ctx)[0][0];
    expect({ name, args, message: isCellError(r) ? r.message : r }).toEqual({ name, args, message });
  }
});

/** Every optional argument of every function, cell or whole range: a blank cell, or an all-blank range, means "use the default". */
const OPTIONAL = REGISTRY.flatMap((f) =>
  f.params.map((p, i) => [`${f.name} ${p.label}`, f, i] as const).filter(([, , i]) => f.params[i].optional),
);

test.each(OPTIONAL)('%s: a blank cell or an all-blank range takes the default, like omitting it', (_n, spec, i) => {
  const required = VALID[spec.name].slice(
    0,
    spec.params.findIndex((p) => p.optional),
  );
  const omitted = invoke(spec, required, ctx);
  const pad = (v: unknown): unknown[] => {
    const args: unknown[] = required.slice();
    while (args.length < i) args.push(undefined);
    args[i] = v;
    return args;
  };
  expect(invoke(spec, pad(''), ctx)).toEqual(omitted);
  expect(invoke(spec, pad(null), ctx)).toEqual(omitted);
  if (isRangeParam(spec.params[i])) {
    expect(invoke(spec, pad(row('', '', '', '')), ctx)).toEqual(omitted);
    expect(invoke(spec, pad(col('', null, '')), ctx)).toEqual(omitted);
  }
});

test('PRIORITY_SCORE and HEALTH_SCORE: a blank weights cell gives the default score (the seed guide SSO row, 17.5)', () => {
  expect(
    invoke(
      REGISTRY.find((f) => f.name === 'PRIORITY_SCORE')!,
      [9, 8, 5, 6, ''],
      ctx,
    ),
  ).toEqual([[17.5]]);
  expect(
    invoke(
      REGISTRY.find((f) => f.name === 'HEALTH_SCORE')!,
      [row(3, 4, 2, 3, 2, 4), ''],
      ctx,
    ),
  ).toEqual([[3]]);
});
