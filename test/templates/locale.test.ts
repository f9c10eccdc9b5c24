/**
 * Native formulas give the same numbers where decimals are written with a comma. A host stores a formula
 * in one syntax and shows it in the user's; what changes with the locale is how TEXT is read as a number:
 * VALUE("99.9") is #VALUE! where the decimal separator is ",". Every template (blank and example) is loaded
 * into the formula engine twice: as written (en-US) and converted to a comma-decimal locale's syntax
 * (commaDecimalFormula: ";" between arguments, "," in numbers) in an engine configured for that locale
 * (decimal ",", thousands "."). Every formula cell must compute the same value in both; the en-US engine
 * equals the core functions (engine.test.ts), so the comma-decimal one does too.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { compileTemplate, TEMPLATES } from '../../shared/templates';
import { commaDecimalFormula } from '../../shared/plan/formula-syntax';
import { metricNormFormula, metricValueFormula } from '../../shared/catalogue/metric-formula';
import { loadPlan, normalise, type LoadedPlan } from './loader';
import { layoutSheet } from '../../shared/compiler/compile';
import { PRIORITIZATION_SHEET_WITH_TEAM, USE_TEAM_YES } from '../../shared/catalogue/prioritization-team';
import { withLocaleNumberText } from '../fakes/host-engine';
import { comparable, core, same, setSide } from './engine-helpers';

/** A comma-decimal locale (de_DE, fr_FR, pt_BR …) as the engine models it. */
const COMMA_LOCALE = {
  decimalSeparator: ',',
  thousandSeparator: '.',
  functionArgSeparator: ';',
  arrayColumnSeparator: ';',
  arrayRowSeparator: '|',
} as const;

/** The formula cells whose values differ between the two engines (the first ten). */
function differences(en: LoadedPlan, local: LoadedPlan): string[] {
  const bad: string[] = [];
  for (const s of en.plan.sheets) {
    const a = en.values(s.key);
    const b = local.values(s.key);
    s.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || !v.startsWith('=')) return;
        const x = comparable(a[r]?.[c] ?? null);
        const y = comparable(b[r]?.[c] ?? null);
        if (!same(x, y)) bad.push(`${s.name} R${r + 1}C${c + 1}: en ${x}, comma locale ${y}`);
      }),
    );
  }
  return bad.slice(0, 10);
}

/**
 * Both hosts write a number as text in the locale's syntax (`">"&17.5` is ">17,5" in de_DE) and COUNTIF reads
 * the criterion back the same way (the rank column relies on it); withLocaleNumberText makes the engine do so.
 */
describe.each(TEMPLATES.flatMap((t) => [false, true].map((example) => ({ id: t.id, example }))))(
  '$id (example: $example)',
  ({ id, example }) => {
    test('every formula cell computes the same value in a comma-decimal locale', () => {
      const plan = compileTemplate(id, { example });
      const en = loadPlan(plan);
      const local = withLocaleNumberText(',', () =>
        loadPlan(plan, undefined, undefined, { config: COMMA_LOCALE, formula: commaDecimalFormula }),
      );
      expect(differences(en, local)).toEqual([]);
      if (id === 'strategy-workbook' && example) {
        // "Use team scores": the team's medians (Refactor's risk 4.5) read the same way.
        const P = layoutSheet(PRIORITIZATION_SHEET_WITH_TEAM);
        setSide(en, P, 'useTeam', USE_TEAM_YES);
        withLocaleNumberText(',', () => setSide(local, P, 'useTeam', USE_TEAM_YES)); // recalculates there
        expect(en.at('projects', `${P.letters.riskUsed}${P.firstRow + 2}`)).toBe(4.5);
        expect(differences(en, local)).toEqual([]);
      }
      en.destroy();
      local.destroy();
    });
  },
);

test('metric texts with decimals read the same as METRIC_VALUE in a comma-decimal locale', () => {
  const num = fc.integer({ min: 0, max: 99999 }).map((n) => (n / 100).toString());
  const unit = fc.constantFrom('', '%', 'x/day', 'x/week', 'ms', 's', ' hours', 'k', 'M', '/5', ' days', 'min', 'e3');
  const texts = [
    '99.9%',
    '1.5x/day',
    '0.25',
    '4.5/5',
    '$1.2M',
    '€0.5k',
    '<1.5 hours',
    '2.5 weeks',
    '1.5e3',
    '1,000.5',
    '1.2.3',
    'ms',
    ...fc.sample(
      fc
        .tuple(fc.constantFrom('', '<', '>='), num, unit, fc.boolean())
        // Money only with plain, k and M amounts (what NATIVE_METRIC_FORMS lists).
        .map(([c, n, u, money]) => `${c}${money && ['', 'k', 'M'].includes(u) ? '$' : ''}${n}${u}`),
      150,
    ),
  ];
  const rows = texts.map((t, i) => [
    `'${t}`,
    commaDecimalFormula(`=${metricNormFormula(`A${i + 1}`)}`),
    commaDecimalFormula(`=${metricValueFormula(`A${i + 1}`, `B${i + 1}`)}`),
  ]);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', ...COMMA_LOCALE });
  const bad: string[] = [];
  texts.forEach((t, i) => {
    const got = comparable(normalise(hf.getCellValue({ sheet: 0, row: i, col: 2 })));
    const want = comparable(core('METRIC_VALUE', [t])[0]);
    if (!same(got, want)) bad.push(`${JSON.stringify(t)}: native ${got}, core ${want}`);
  });
  hf.destroy();
  expect(bad).toEqual([]);
});

describe('commaDecimalFormula', () => {
  test.each([
    ['=IF(A1>0.5,1,2)', '=IF(A1>0,5;1;2)'],
    ['=SUM(B2:B9)*0.000001', '=SUM(B2:B9)*0,000001'],
    [
      '=IF(A1="a,b.c",\'Q1, 2027\'!A1,NORM.DIST(1.5,0,1,TRUE))',
      '=IF(A1="a,b.c";\'Q1, 2027\'!A1;NORM.DIST(1,5;0;1;TRUE))',
    ],
    ['=SPARKLINE(H2,{"charttype","bar";"max",1})', '=SPARKLINE(H2;{"charttype"\\"bar";"max"\\1})'],
    ['=LOG10(A1)+1', '=LOG10(A1)+1'],
    ['="say ""1.5, 2"""&A1', '="say ""1.5, 2"""&A1'],
  ])('%s', (en, local) => expect(commaDecimalFormula(en)).toBe(local));
});
