/**
 * Engineering Velocity reads the DORA report's own wordings natively: the Level column (native formulas,
 * evaluated by HyperFormula) equals DORA_LEVEL for each wording a team copies from the report, and the
 * frequency words ("daily", "weekly", "monthly"…), as written in en-US and in a comma-decimal locale.
 */
import { compileTemplate } from '../../shared/templates';
import { commaDecimalFormula } from '../../shared/plan/formula-syntax';
import { DORA_ROWS, VELOCITY_SHEET } from '../../shared/catalogue/velocity';
import type { DoraMetric } from '../../shared/metrics/dora';
import { loadPlan, type LoadedPlan } from './loader';
import { column, core, layoutOf, setInputs } from './engine-helpers';
import { withLocaleNumberText } from '../fakes/host-engine';

const COMMA_LOCALE = {
  decimalSeparator: ',',
  thousandSeparator: '.',
  functionArgSeparator: ';',
  arrayColumnSeparator: ';',
  arrayRowSeparator: '|',
} as const;

/** Per metric, the wordings of the 2021 report's table (every level), and the other words METRIC_VALUE reads. */
const WORDINGS: Record<DoraMetric, string[]> = {
  'deployment frequency': [
    'On-demand (multiple deploys per day)',
    'On-demand',
    'on demand (multiple deployments per day)',
    'Multiple deploys per day',
    'Between once per week and once per month',
    'Between once per month and once every six months',
    'Between once per month and once every 6 months',
    'Fewer than once per six months',
    'Fewer than once every six months',
    'daily',
    'Daily',
    'weekly',
    'monthly',
    'quarterly',
    'yearly',
    'hourly',
    'annually',
    'once a week',
    'twice a day',
    'twice per week',
    '3 times per week',
    'three times a month',
    'once every two weeks',
    'once every 2 wks',
    'once every 3 mos',
    'twice per qtr',
    'once every 2 yrs',
    'once per quarter',
    'more than once a day',
    'at least once a month',
    'Between one and three times per day', // not a wording: an error in both
  ],
  'lead time': [
    'Less than one hour',
    'less than 1 hour',
    'Between one day and one week',
    'Between one week and one month',
    'Between one month and six months',
    'More than six months',
    'one day',
    'a day',
    'under a day',
    'six months',
    '2 months',
    'one to two weeks',
    'at most one week',
  ],
  'change failure rate': [
    '0%-15%',
    '0-15%',
    '16%-30%',
    '16%–30%',
    '46%-60%',
    'Less than 15%',
    'under 5%',
    'more than 30%',
  ],
  'time to restore': [
    'Less than one hour',
    'Less than one day',
    'Between one day and one week',
    'Between one hour and one day',
    'More than six months',
    'under an hour',
    'more than one week',
    'Between one week and one month',
  ],
};

/** The Level each wording gets on the sheet, as many rounds as the longest list (the sheet has one row per metric). */
function sheetLevels(load: () => LoadedPlan): Record<DoraMetric, unknown[]> {
  const loaded = load();
  const L = layoutOf('velocity', 'velocity');
  const rounds = Math.max(...Object.values(WORDINGS).map((w) => w.length));
  const out = Object.fromEntries(DORA_ROWS.map((d) => [d.metric, [] as unknown[]])) as Record<DoraMetric, unknown[]>;
  for (let k = 0; k < rounds; k++) {
    const rows = DORA_ROWS.map((d) => ({ metric: d.label, unit: d.unit, current: WORDINGS[d.metric][k] ?? null }));
    setInputs(loaded, VELOCITY_SHEET, rows, ['current']);
    const level = column(loaded, L, 'level');
    DORA_ROWS.forEach((d, i) => {
      if (WORDINGS[d.metric][k] !== undefined) out[d.metric].push(level[i]);
    });
  }
  loaded.destroy();
  return out;
}

/** DORA_LEVEL of each wording; an error stays an error (its kind is enough: the sheet shows #VALUE!). */
function coreLevels(): Record<DoraMetric, unknown[]> {
  const out = {} as Record<DoraMetric, unknown[]>;
  for (const d of DORA_ROWS) {
    out[d.metric] = WORDINGS[d.metric].map((w) => {
      const r = core('DORA_LEVEL', [d.metric, w])[0];
      return typeof r === 'string' ? r : 'error';
    });
  }
  return out;
}

const asShown = (levels: Record<DoraMetric, unknown[]>): Record<string, string[]> =>
  Object.fromEntries(
    DORA_ROWS.map((d) => [
      d.metric,
      levels[d.metric].map((v, i) => `${WORDINGS[d.metric][i]} → ${typeof v === 'string' ? v : 'error'}`),
    ]),
  );

const plan = () => compileTemplate('velocity', { example: true });

test('the Level column grades the DORA report’s wordings as DORA_LEVEL does', () => {
  const want = asShown(coreLevels());
  expect(asShown(sheetLevels(() => loadPlan(plan())))).toEqual(want);
  // The report's own lines land on their own levels.
  expect(want['deployment frequency'][0]).toBe('On-demand (multiple deploys per day) → Elite');
  expect(want['lead time'][0]).toBe('Less than one hour → Elite');
  expect(want['lead time'][5]).toBe('More than six months → Low');
});

test('the same in a comma-decimal locale', () => {
  const local = sheetLevels(() =>
    withLocaleNumberText(',', () =>
      loadPlan(plan(), undefined, undefined, { config: COMMA_LOCALE, formula: commaDecimalFormula }),
    ),
  );
  expect(asShown(local)).toEqual(asShown(coreLevels()));
});
