/**
 * The typed registry (shared/functions/spec.ts): `defineFunction` infers each parameter's type from its ArgType<T>
 * (or its range reader), so `each` and `whole` bodies get typed values with no casts, and the type checker rejects
 * an entry whose implementation does not match its parameters.
 *
 * The `@ts-expect-error` lines are the proof: `npm run typecheck` (the first step of `npm test`; jest itself only
 * transpiles) fails with "Unused '@ts-expect-error' directive" the day the checker stops rejecting one of them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { choiceArg, numberArg } from '../../shared/core/args';
import { CellError, type Result } from '../../shared/core/values';
import { invoke } from '../../shared/functions';
import { defineFunction, param } from '../../shared/functions/spec';

const num = numberArg({ min: 0 });
const style = choiceArg<'short' | 'long'>({ short: [], long: [] });
const BASE = {
  category: 'Dates' as const,
  summary: 's',
  result: { description: 'r', type: 'any' as const },
  examples: [],
};
const AMOUNT = param({ name: 'amount', label: 'Amount', description: 'd', type: num });
const STYLE = param({ name: 'style', label: 'Style', description: 'd', optional: true, type: style, default: 'short' });
const SINCE = param({ name: 'since', label: 'Since', description: 'd', optional: true, type: num });
const LIST = param({
  name: 'list',
  label: 'List',
  description: 'd',
  shape: 'range',
  expects: 'numbers',
  docType: 'number',
  optional: true,
  read: (g): number[] | CellError => g.flat().filter((x): x is number => typeof x === 'number'),
  default: [],
});

describe('defineFunction gives bodies typed values', () => {
  const TYPED = defineFunction({
    ...BASE,
    name: 'TYPED',
    params: [AMOUNT, STYLE, SINCE, LIST],
    each: ([amount, style, since, list]): Result => {
      // Each line compiles only with the inferred type: number, the choice, number | undefined, number[].
      const a: number = amount;
      const s: 'short' | 'long' = style;
      const n: number = since ?? 0;
      const l: number[] = list;
      return `${s}:${a + n + l.length}`;
    },
  });

  test('the engine hands each body the converted values its parameters declare', () => {
    expect(invoke(TYPED, [2, 'LONG', 3, [[1, 'x', 2]]])).toEqual([['long:7']]);
    expect(invoke(TYPED, [2])).toEqual([['short:2']]);
  });

  test('a whole-call body gets a grid for each required argument and grid | undefined for an optional one', () => {
    const WHOLE = defineFunction({
      ...BASE,
      name: 'WHOLE',
      params: [AMOUNT, SINCE],
      whole: ([amounts, since]) => [[amounts.length, since === undefined ? 'none' : since.length]],
    });
    expect(invoke(WHOLE, [[[1], [2], [3]]])).toEqual([[3, 'none']]);
    expect(invoke(WHOLE, [[[1], [2]], [[5, 6]]])).toEqual([[2, 1]]);
  });
});

describe('the type checker rejects an entry that does not match its parameters', () => {
  test('each declared with other types than its parameters', () => {
    const entry = defineFunction({
      ...BASE,
      name: 'MISMATCH',
      params: [AMOUNT, STYLE],
      // @ts-expect-error style is 'short' | 'long', not a number
      each: ([amount, style]: [number, number]) => amount + style,
    });
    expect(entry.name).toBe('MISMATCH');
  });

  test('a value used as another type inside the body', () => {
    defineFunction({
      ...BASE,
      name: 'MISUSE',
      params: [AMOUNT, STYLE],
      each: ([amount, style]) => {
        // @ts-expect-error style is a choice, not a number
        const n: number = style;
        return amount + n;
      },
    });
  });

  test('an optional argument without a default may be missing', () => {
    defineFunction({
      ...BASE,
      name: 'OPTIONAL',
      params: [AMOUNT, SINCE],
      each: ([amount, since]) => {
        // @ts-expect-error since is number | undefined
        const n: number = since;
        return amount + n;
      },
    });
  });

  test('an optional range of a whole-call body may be missing', () => {
    defineFunction({
      ...BASE,
      name: 'WHOLE_OPTIONAL',
      params: [AMOUNT, SINCE],
      // @ts-expect-error since's grid may be undefined
      whole: ([amounts, since]) => [[amounts.length + since.length]],
    });
  });

  test('a body that returns something a cell cannot hold', () => {
    defineFunction({
      ...BASE,
      name: 'BOOLEAN',
      params: [AMOUNT],
      // @ts-expect-error a boolean is not a Result
      each: ([amount]) => amount > 1,
    });
  });

  test('a default that is not a value of the parameter type', () => {
    // @ts-expect-error default "soon" is not a number
    defineFunction({
      ...BASE,
      name: 'DEFAULT',
      params: [AMOUNT, { name: 'since', label: 'Since', description: 'd', optional: true, type: num, default: 'soon' }],
      each: ([amount]) => amount,
    });
  });

  test('an entry with no implementation, or with both', () => {
    // @ts-expect-error neither each nor whole
    defineFunction({ ...BASE, name: 'NOTHING', params: [AMOUNT] });
    // @ts-expect-error each and whole together
    defineFunction({ ...BASE, name: 'BOTH', params: [AMOUNT], each: ([amount]) => amount, whole: () => [[1]] });
  });
});

test('no registry entry casts: bodies take the types their parameters declare', () => {
  const dir = path.resolve(__dirname, '../../shared/functions');
  const entries = ['prioritization.ts', 'health.ts', 'metrics.ts', 'dates.ts', 'params.ts', 'metric-arg.ts'];
  const casts: string[] = [];
  for (const f of entries) {
    const code = fs
      .readFileSync(path.join(dir, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    for (const m of code.matchAll(/(?<!\* )\bas (?!const\b)\w+|: never\[\]|<\w+>\(?\w+\)? as/g))
      casts.push(`${f}: ${m[0]}`);
  }
  expect(casts).toEqual([]);
});
