/** Registry entries for dates. */
import { dateArg, MISMATCH, type ArgType } from '../core/args';
import { parseMonth, strategyQuarter } from '../dates/quarter';
import { defineFunction, type FunctionSpec } from './spec';

const monthArg: ArgType<number> = {
  expects: 'a month, 1 to 12 or a name like "July"',
  docType: 'any',
  coerce(v) {
    if (typeof v !== 'string' && typeof v !== 'number') return MISMATCH;
    return parseMonth(v) ?? MISMATCH;
  },
};

export const STRATEGY_QUARTER = defineFunction({
  name: 'STRATEGY_QUARTER',
  category: 'Dates',
  summary: 'The quarter of a date as "Q1 2027", calendar or fiscal.',
  details: [
    'Without `fiscal_year_start_month` quarters are calendar quarters (January–March is Q1).',
    'With a fiscal year starting in month S, Q1 is the three months from S. A fiscal year is labelled with the calendar year in which it ENDS (the common convention): with a July start, 15 August 2026 is in Q1 2027 and 15 February 2027 in Q3 2027.',
    'The label has the form PRIORITY_PLAN takes as `start_quarter`.',
  ],
  params: [
    {
      name: 'date',
      label: 'Date',
      description: 'A date: a date cell, a date serial number or a text like "2027-03-31".',
      type: dateArg(),
    },
    {
      name: 'fiscal_year_start_month',
      label: 'Fiscal year start month',
      description: 'Month the fiscal year starts in, 1–12 or a name ("July"); default 1 (calendar year).',
      optional: true,
      shape: 'single',
      type: monthArg,
      default: 1,
      defaultText: '1',
    },
  ],
  result: { description: 'The quarter label per date.', type: 'string' },
  examples: [
    { formula: '=STRATEGY_QUARTER("2027-02-15")', result: 'Q1 2027' },
    {
      formula: '=STRATEGY_QUARTER("2026-08-15", 7)',
      result: 'Q1 2027',
      note: 'fiscal year from July, labelled by the year it ends',
    },
    { formula: '=STRATEGY_QUARTER("2027-02-15", "July")', result: 'Q3 2027' },
  ],
  each: ([serial, start]) => strategyQuarter(serial, start),
});

export const DATE_FUNCTIONS: FunctionSpec[] = [STRATEGY_QUARTER];
