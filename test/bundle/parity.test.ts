/** One truth, two hosts: every parity case gives identical results through both built bundles. */
import { findFunction } from '../../shared/functions';
import { excelResult, loadExcelBundle, loadSheetsBundle, sheetsResult } from '../harness/bundles';
import { PARITY_CASES } from './parity-cases';

const sheets = loadSheetsBundle();
const excel = loadExcelBundle();

describe.each(
  PARITY_CASES.map((c, i) => [`${i}: ${c.fn}(${JSON.stringify(c.args).slice(1, -1).slice(0, 80)})`, c] as const),
)('%s', (_title, c) => {
  const spec = findFunction(c.fn)!;
  test('Sheets and Excel agree, and show what a user should see', () => {
    const s = sheetsResult(sheets, c.fn, c.args);
    const x = excelResult(excel, c.fn, c.args, spec.params.length);
    expect(x).toEqual(s);
    expect(s).toEqual(c.expected);
  });
});

test('every registry function has parity cases, including at least one error', () => {
  const { REGISTRY } = require('../../shared/functions');
  for (const f of REGISTRY as { name: string }[]) {
    const cases = PARITY_CASES.filter((c) => c.fn === f.name);
    expect({ fn: f.name, cases: cases.length }).toEqual({ fn: f.name, cases: expect.any(Number) });
    expect(cases.length).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => JSON.stringify(c.expected).includes('"error"'))).toBe(true);
  }
});
