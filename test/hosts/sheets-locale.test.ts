/**
 * Formulas in the spreadsheet's own syntax. Sheets parses a formula written through the API in the
 * spreadsheet's locale (docs/host-api-notes.md): where decimals are written with a comma (de_DE, fr_FR,
 * pt_BR …) arguments are separated by ";" and numbers written "0,5". The Sheets executor reads the locale
 * once and converts every formula it writes (cells, conditional formats); en_US spreadsheets get the
 * formulas as the plan has them.
 */
import { insertTemplate } from '../../apps-script/src/templates/server';
import { insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { decimalOfLocale } from '../../apps-script/src/locale';
import { compileTemplate } from '../../shared/templates';
import { cellsFor } from '../../shared/plan/host-cells';
import { commaDecimalFormula } from '../../shared/plan/formula-syntax';
import { resolvePlan } from '../../shared/plan/resolve';
import { createSheetsFake, withSheetsGlobals, type FakeSheet } from '../fakes/sheets';

/** Every formula on a fake sheet, by A1-ish key. */
function formulas(sheet: FakeSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, c] of sheet.cells) if (c.formula) out.set(k, c.formula);
  return out;
}

test.each([
  ['en_US', '.'],
  ['en_GB', '.'],
  ['es_MX', '.'],
  ['de_DE', ','],
  ['fr_FR', ','],
  ['pt_BR', ','],
  ['nl_NL', ','],
  ['xx_YY', '.'],
])('the decimal separator of %s is "%s"', (locale, decimal) => expect(decimalOfLocale(locale)).toBe(decimal));

describe.each(['de_DE', 'en_US'])('a %s spreadsheet', (locale) => {
  const comma = locale === 'de_DE';
  test('the metrics template: every formula written as the locale reads it, rules too', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { locale });
    withSheetsGlobals(fake, () => insertTemplate('metrics', { example: true }));
    const plan = resolvePlan(compileTemplate('metrics', { example: true }), { sheets: ['Sheet1'], namedRanges: [] })
      .plan.sheets[0];
    const sheet = fake.ss.sheet('Metrics Dashboard');
    const written = formulas(sheet);
    const expected = new Map<string, string>();
    cellsFor(plan, 'sheets').forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && v.startsWith('='))
          expected.set(`${r + 1},${c + 1}`, comma ? commaDecimalFormula(v) : v);
      }),
    );
    expect(written.size).toBeGreaterThan(100);
    expect(written).toEqual(expected);
    // A decimal in a formula is written with the locale's separator ("0,25" in de_DE).
    const status = [...written.values()].find((f) => f.includes('At risk'))!;
    expect(status).toContain(comma ? ';' : ',');
    expect(/\d\.\d/.test(status.replace(/"[^"]*"/g, ''))).toBe(!comma);
    const rules = sheet.cfRules.map((r) => r.condition?.formula).filter((f): f is string => !!f);
    expect(rules.length).toBeGreaterThan(0);
    for (const f of rules) expect(f.includes(',') && comma).toBe(false);
  });

  test('Insert chart ▸ Roadmap timeline writes its helper formulas in the locale syntax', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { locale });
    const sheet = fake.ss.sheet('Sheet1');
    withSheetsGlobals(fake, () => {
      sheet.getRange('A1:C2').setValues([
        ['Initiative', 'Start', 'End'],
        ['SSO', fake.ss.date(2027, 1, 1), fake.ss.date(2027, 6, 30)],
      ]);
      fake.ss.select('Sheet1', 'A1:C2');
      insertChartFromSelection('roadmapTimeline');
    });
    const helper = String(sheet.content('D2'));
    expect(helper.startsWith('=IF(')).toBe(true);
    expect(helper.includes(';')).toBe(comma);
    expect(helper.replace(/"[^"]*"/g, '').includes(',')).toBe(!comma);
  });
});
