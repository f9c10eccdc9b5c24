/** The built Excel bundle (dist/excel-addin/functions.js + functions.json) with a recording CustomFunctions fake. */
import { REGISTRY } from '../../shared/functions';
import { FakeCustomFunctionsError } from '../fakes/custom-functions';
import { loadExcelBundle, readDist } from '../harness/bundles';

describe('functions.json', () => {
  const meta = JSON.parse(readDist('excel-addin/functions.json'));

  test('lists every registry entry, in order, with matching parameters', () => {
    expect(meta.functions.map((f: { id: string }) => f.id)).toEqual(REGISTRY.map((f) => f.name));
    for (const f of REGISTRY) {
      const m = meta.functions.find((x: { id: string }) => x.id === f.name);
      expect(m.name).toBe(f.name);
      expect(m.description).toBe(f.summary);
      expect(m.parameters.map((p: { name: string }) => p.name)).toEqual(f.params.map((p) => p.name));
      for (const [i, p] of f.params.entries()) {
        expect(m.parameters[i].dimensionality).toBe('matrix');
        expect(!!m.parameters[i].optional).toBe(!!p.optional);
      }
      expect(m.result).toEqual({ type: 'any', dimensionality: 'matrix' });
    }
  });

  test('PRIORITY_SCORE has four required parameters and an optional weights range', () => {
    const ps = meta.functions.find((x: { id: string }) => x.id === 'PRIORITY_SCORE');
    expect(
      ps.parameters.filter((p: { optional?: boolean }) => !p.optional).map((p: { name: string }) => p.name),
    ).toEqual(['impact', 'urgency', 'effort', 'risk']);
  });

  test('ids are valid Excel custom function ids', () => {
    for (const f of meta.functions) expect(f.id).toMatch(/^[A-Za-z][A-Za-z0-9_.]{0,127}$/);
  });
});

describe('functions.js', () => {
  const bundle = loadExcelBundle();

  test('associates every registry entry exactly once', () => {
    expect([...bundle.customFunctions.calls].sort()).toEqual(REGISTRY.map((f) => f.name).sort());
  });

  test('PRIORITY_SCORE gives the same numbers as in Sheets', () => {
    expect(bundle.call('PRIORITY_SCORE', [[9]], [[8]], [[5]], [[6]], null)).toEqual([[17.5]]);
    expect(
      bundle.call('PRIORITY_SCORE', [[9], [7], [4]], [[8], [5], [3]], [[5], [8], [7]], [[6], [4], [5]], null),
    ).toEqual([[17.5], [11], [2.5]]);
  });

  test('errors are CustomFunctions.Error(#VALUE!) cells carrying the message', () => {
    const out = bundle.call('PRIORITY_SCORE', [['high'], [9]], [[8], [8]], [[5], [5]], [[6], [6]], null) as unknown[][];
    expect(out[0][0]).toBeInstanceOf(FakeCustomFunctionsError);
    expect(out[0][0]).toMatchObject({ code: '#VALUE!', message: 'Impact must be a number from 1 to 10 (got "high")' });
    expect(out[1][0]).toBe(17.5);
  });

  test('Excel error cells given as input are named in the message', () => {
    const err = new FakeCustomFunctionsError('#DIV/0!' as CustomFunctions.ErrorCode);
    const out = bundle.call('PRIORITY_SCORE', [[err]], [[8]], [[5]], [[6]], null) as unknown[][];
    expect(out[0][0]).toMatchObject({ message: 'Impact must be a number from 1 to 10 (got the error #DIV/0!)' });
  });

  test('the functions bundle carries no GPL formula engine and no eval', () => {
    const code = readDist('excel-addin/functions.js') + readDist('excel-addin/taskpane.js');
    expect(code).not.toMatch(/hyperformula/i);
    expect(code).not.toMatch(/\beval\(/);
  });
});
