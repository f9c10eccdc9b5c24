/**
 * The native metric formulas (metric-formula.ts) and the core's reader (metrics/value.ts) read the same words:
 * both take the currency symbols and duration words from metrics/units.ts. Each symbol and word, written in a
 * cell, reads in the formula engine as METRIC_VALUE reads it (a "¥300K" target once read as a blank progress on
 * the Metrics Dashboard while METRIC_PROGRESS gave a number).
 */
import { HyperFormula } from 'hyperformula';
import { CURRENCY_SYMBOLS, DURATION_UNITS } from '../../shared/metrics/units';
import { metricNormFormula, metricValueFormula } from '../../shared/catalogue/metric-formula';
import { comparable, core, same } from './engine-helpers';

/** Each text read by the native formulas in one engine: [text, native value, core value]. */
function readBoth(texts: string[]): [string, number | string, number | string][] {
  const rows = texts.map((t, i) => [
    `'${t}`,
    `=${metricNormFormula(`A${i + 1}`)}`,
    `=${metricValueFormula(`A${i + 1}`, `B${i + 1}`)}`,
  ]);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
  const want = core('METRIC_VALUE', [texts]);
  const out = texts.map((t, i): [string, number | string, number | string] => [
    t,
    comparable(hf.getCellValue({ sheet: 0, row: i, col: 2 }) as never),
    comparable(want[i]),
  ]);
  hf.destroy();
  return out;
}

const agree = ([, a, b]: [string, number | string, number | string]) => same(a, b);

test('every currency symbol: money before and after the number, with a magnitude', () => {
  const texts = CURRENCY_SYMBOLS.flatMap((c) => [`${c}300K`, `${c}1.5M`, `300 ${c}`, `${c}42`]);
  const read = readBoth(texts);
  expect(read.filter((r) => !agree(r))).toEqual([]);
  expect(read.every(([, v]) => typeof v === 'number')).toBe(true);
});

test('every duration word of two letters or more', () => {
  const words = DURATION_UNITS.flatMap(([ws]) => ws.filter((w) => w.length > 1));
  const read = readBoth(words.map((w) => `2 ${w}`));
  expect(read.filter((r) => !agree(r))).toEqual([]);
});
