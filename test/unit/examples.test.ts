/** Every example in the reference whose arguments are literals gives the result it states. */
import { invoke, REGISTRY } from '../../shared/functions';
import { parseLiteralFormula, showResult } from './formula';

const ctx = { now: () => new Date(2027, 3, 1, 12) };

const cases = REGISTRY.flatMap((f) => f.examples.map((e) => [f.name, e.formula, e.result] as const));

test.each(cases)('%s: %s → %s', (name, formula, result) => {
  const call = parseLiteralFormula(formula);
  expect(call?.name ?? name).toBe(name);
  if (!call) return; // an example over cell references (e.g. C2:C20) describes a result instead of stating one
  const spec = REGISTRY.find((f) => f.name === name)!;
  expect(showResult(invoke(spec, call.args, ctx))).toBe(result);
});

test('most examples are literal, so they are checked', () => {
  const literal = cases.filter(([, formula]) => parseLiteralFormula(formula) !== undefined);
  expect(literal.length).toBeGreaterThanOrEqual(cases.length - 6);
  for (const f of REGISTRY) expect(f.examples.some((e) => parseLiteralFormula(e.formula) !== undefined)).toBe(true);
});
