/**
 * The Organization & Ways of Working sheet as the Strategy Document and the Strategy Review read it
 * (shared/strategy/organization.ts): a single value is the first row of its section, as the sheet's MATCH finds it
 * (even a row left blank); lists keep row order and skip blank items; sections match trimmed and in any case. The
 * title, the plan's horizon in quarters, the review cadence in days, the budget and its shares, the sections a
 * document still needs. Pure; expected values by hand.
 */
import { emptyData, type OrgRow, type StrategyData } from '../../shared/strategy/data';
import {
  budgetShare,
  budgetTotal,
  cadenceDays,
  documentTitle,
  horizonQuarters,
  missingSections,
  orgFirst,
  orgRows,
  orgText,
  thousands,
} from '../../shared/strategy/organization';
import { org } from './rows';

const data = (...rows: OrgRow[]): StrategyData => ({ ...emptyData(), org: rows });

describe('sections, single values and lists', () => {
  const d = data(
    org('Team', 'Platform'),
    org(' team ', '   '),
    org('TEAM', 'Payments'),
    org('Vision', ''),
    org('Vision', 'Fast everywhere'),
    org('Company', '  Acme   Corp  '),
  );

  test('a single value is the first row of its section, whatever it holds', () => {
    expect(orgFirst(d, 'Team')?.item).toBe('Platform');
    expect(orgFirst(d, 'Vision')?.item).toBe('');
    expect(orgFirst(d, 'Hire')).toBeUndefined();
    expect(orgText(d, 'Vision')).toBe('');
    expect(orgText(d, 'Hire')).toBe('');
    expect(orgText(d, 'company')).toBe('Acme Corp');
  });

  test("a list is the section's rows with an item, in row order, the section matched trimmed and in any case", () => {
    expect(orgRows(d, 'Team').map((r) => r.item)).toEqual(['Platform', 'Payments']);
    expect(orgRows(d, ' VISION ').map((r) => r.item)).toEqual(['Fast everywhere']);
    expect(orgRows(d, 'Vendor')).toEqual([]);
  });
});

test('the title: "Technical Strategy: Company Year", with what there is of the two', () => {
  expect(documentTitle(data(org('Company', 'Acme'), org('Plan Year', '2027')))).toBe('Technical Strategy: Acme 2027');
  expect(documentTitle(data(org('Plan Year', ' 2026–2027 ')))).toBe('Technical Strategy: 2026–2027');
  expect(documentTitle(data(org('Company', 'Acme')))).toBe('Technical Strategy: Acme');
  expect(documentTitle(data(org('Company', '   '), org('Plan Year', '')))).toBe('Technical Strategy');
  expect(documentTitle(emptyData())).toBe('Technical Strategy');
});

test("the horizon: the first Timeline Horizon row's months rounded up to quarters, else four quarters", () => {
  const horizon = (...rows: OrgRow[]): number => horizonQuarters(data(...rows));
  expect(horizon(org('Timeline Horizon', '12 months', { count: 12 }))).toBe(4);
  expect(horizon(org('Timeline Horizon', '', { count: 13 }))).toBe(5);
  expect(horizon(org('Timeline Horizon', '', { count: 7 }))).toBe(3);
  expect(horizon(org('Timeline Horizon', '', { count: 1 }))).toBe(1);
  expect(horizon(org('Timeline Horizon', '', { count: 24 }))).toBe(8);
  expect(horizon(org('timeline horizon', '', { count: 0 }))).toBe(4);
  expect(horizon(org('Timeline Horizon', '', { count: -6 }))).toBe(4);
  expect(horizon(org('Timeline Horizon', 'Two years'), org('Timeline Horizon', '', { count: 24 }))).toBe(4);
  expect(horizon()).toBe(4);
});

test("the review cadence: the first Review Cadence row's days, else 31", () => {
  const cadence = (...rows: OrgRow[]): number => cadenceDays(data(...rows));
  expect(cadence(org('Review Cadence', 'Fortnightly', { count: 14 }))).toBe(14);
  expect(cadence(org('Review Cadence', 'Daily', { count: 1 }))).toBe(1);
  expect(cadence(org('Review Cadence', 'Never', { count: 0 }))).toBe(31);
  expect(cadence(org('Review Cadence', 'Monthly'))).toBe(31);
  expect(cadence()).toBe(31);
});

test("the budget: the first Budget Total row's amount when positive, and each line's share of it", () => {
  const total = (amount: number | undefined) => org('Budget Total', 'Engineering', { amount });
  const line = org('Budget Line', 'Cloud', { amount: 500000 });
  expect(budgetTotal(data(total(2000000)))).toBe(2000000);
  expect(budgetTotal(data(total(0)))).toBeUndefined();
  expect(budgetTotal(data(total(-5)))).toBeUndefined();
  expect(budgetTotal(data(total(undefined), total(100)))).toBeUndefined();
  expect(budgetTotal(emptyData())).toBeUndefined();
  expect(budgetShare(data(total(2000000)), line)).toBe(0.25);
  expect(budgetShare(data(total(0)), line)).toBeUndefined();
  expect(budgetShare(data(), line)).toBeUndefined();
  expect(budgetShare(data(total(2000000)), org('Budget Line', 'Hiring'))).toBeUndefined();
  expect(budgetShare(data(total(2000000)), org('Budget Line', 'Nothing', { amount: 0 }))).toBe(0);
});

test('an amount with thousands separators, rounded to whole units', () => {
  expect(thousands(1500000)).toBe('1,500,000');
  expect(thousands(999.5)).toBe('1,000');
  expect(thousands(999.4)).toBe('999');
  expect(thousands(0)).toBe('0');
  expect(thousands(999999999.4)).toBe('999,999,999');
  expect(thousands(1e9)).toBe('1000000000');
  expect(thousands(-1500)).toBe('-1500');
});

test("the sections a document needs that the sheet leaves empty, in the sheet's order", () => {
  const all = [
    'Company',
    'Plan Year',
    'Timeline Horizon',
    'Expected Outcome',
    'Current State',
    'Team',
    'Hire',
    'Budget Line',
    'Vendor',
    'Decision Process',
    'Communication',
    'Review Cadence',
  ];
  expect(missingSections(emptyData())).toEqual(all);
  const some = data(
    org('company', 'Acme'),
    org('Team', '  '),
    org('Vision', 'Fast'),
    org('Budget Total', 'All', { amount: 10 }),
    org('Review Cadence', 'Monthly'),
  );
  expect(missingSections(some)).toEqual(all.filter((s) => s !== 'Company' && s !== 'Review Cadence'));
});
