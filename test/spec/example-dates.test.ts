/**
 * The examples read as a current plan whatever the day of insertion: plan Q1's work is over, Q2's is
 * running, Q3–Q4 lie ahead; decisions were taken before today and their reviews, the not-doing
 * revisits and the business deadlines fall after it. "Now" is injected; no test reads the clock.
 */
import fc from 'fast-check';
import { serialToDate, ymdToSerial } from '../../shared/core/args';
import { datePlanPosition } from '../../shared/strategy/plan-position';
import { parseQuarter } from '../../shared/scoring/plan';
import { exampleDates, todaySerial } from '../../shared/spec/example-dates';
import { compileTemplate } from '../../shared/templates/index';
import type { RenderPlan } from '../../shared/plan/plan';

/** The data rows of a plan's sheet as objects keyed by header text. */
function rowsOf(plan: RenderPlan, sheetKey: string): Record<string, unknown>[] {
  const s = plan.sheets.find((x) => x.key === sheetKey)!;
  const [header, ...rows] = s.cells;
  return rows
    .filter((r) => r[0] !== null && r[0] !== '' && !String(r[0]).startsWith('='))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const day = fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true });

test('plan Q1 ends before today and plan Q2 today or later, for every day', () => {
  fc.assert(
    fc.property(day, (now) => {
      const today = todaySerial(now);
      const d = exampleDates(today);
      expect(d.planQuarter(1).end).toBeLessThan(today);
      expect(d.planQuarter(2).end).toBeGreaterThanOrEqual(today);
      expect(d.planQuarter(3).start).toBeGreaterThan(today);
      for (const n of [1, 2, 3]) expect(d.planQuarter(n + 1).start).toBeGreaterThan(d.planQuarter(n).end);
    }),
  );
});

test('plan quarters are calendar quarters: 2026-12-01 gives Q1 = 2026 Q3 … Q4 = 2027 Q2', () => {
  const d = exampleDates(ymdToSerial(2026, 12, 1));
  expect(d.planQuarter(1)).toEqual({ start: ymdToSerial(2026, 7, 5), end: ymdToSerial(2026, 9, 25) });
  expect(d.planQuarterEnd(2)).toBe(ymdToSerial(2026, 12, 31));
  expect(d.planQuarter(4).end).toBe(ymdToSerial(2027, 6, 25));
  // Within 5 days of a quarter's end, "today's quarter" is already the next one.
  expect(exampleDates(ymdToSerial(2026, 12, 27)).planQuarter(2).start).toBe(ymdToSerial(2027, 1, 5));
  expect(exampleDates(ymdToSerial(2026, 12, 26)).planQuarter(2).start).toBe(ymdToSerial(2026, 10, 5));
});

test('the roadmap example: Q1 work has ended, Q2 is under way, Q3 and Q4 have not started', () => {
  fc.assert(
    fc.property(day, (now) => {
      const today = todaySerial(now);
      const rows = rowsOf(compileTemplate('roadmap', { example: true, now }), 'roadmap');
      expect(rows).toHaveLength(16);
      for (const r of rows) {
        const [start, end] = [r.Start as number, r.End as number];
        if (r.Quarter === 'Q1') expect(end).toBeLessThan(today);
        if (r.Quarter === 'Q2') expect(end).toBeGreaterThanOrEqual(today);
        if (r.Quarter === 'Q3' || r.Quarter === 'Q4') expect(start).toBeGreaterThan(today);
        if (r.Status === 'Done') expect(r.Quarter).toBe('Q1');
      }
    }),
    { numRuns: 60 },
  );
});

test('decisions were taken before today; reviews, revisits and deadlines come after it', () => {
  fc.assert(
    fc.property(day, (now) => {
      const today = todaySerial(now);
      const plan = compileTemplate('strategy-workbook', { example: true, now });
      for (const adr of rowsOf(plan, 'adr')) {
        expect(adr.Date as number).toBeLessThan(today);
        expect(adr['Review Date'] as number).toBeGreaterThan(today);
      }
      const revisits = rowsOf(plan, 'notDoing').map((r) => r['Revisit Date'] as number);
      expect(revisits.length).toBeGreaterThan(0);
      for (const v of revisits) expect(v).toBeGreaterThan(today);
      const deadlines = rowsOf(plan, 'context')
        .map((r) => r.Deadline)
        .filter((v): v is number => typeof v === 'number');
      expect(deadlines.length).toBeGreaterThan(0);
      for (const v of deadlines) expect(v).toBeGreaterThan(today);
    }),
    { numRuns: 25 },
  );
});

test('the day is read by the local calendar of the clock that read it', () => {
  expect(todaySerial(new Date(2027, 0, 1, 0, 0, 1))).toBe(ymdToSerial(2027, 1, 1));
  expect(todaySerial(new Date(2026, 11, 31, 23, 59, 59))).toBe(ymdToSerial(2026, 12, 31));
});

describe('one calendar for the example: its First quarter is plan quarter 1 with its year (#18)', () => {
  /** The value beside a side-block label of a compiled sheet. */
  const setting = (plan: RenderPlan, sheetKey: string, label: string): unknown => {
    const cells = plan.sheets.find((x) => x.key === sheetKey)!.cells;
    for (const row of cells) {
      const at = row.indexOf(label);
      if (at >= 0) return row[at + 1];
    }
    throw new Error(`no setting "${label}" on ${sheetKey}`);
  };
  const roadmapChart = (plan: RenderPlan) =>
    plan.sheets.find((x) => x.key === 'roadmap')!.charts.find((c) => c.calendar)!;
  // 1 Dec 2026; 28 Dec 2026, within END_MARGIN of the quarter's end (today's quarter is already the next one);
  // 15 Feb 2027, mid-quarter.
  const DAYS: [number, number, number, string, string][] = [
    [2026, 12, 1, 'Q3 2026', 'Q4 2026'],
    [2026, 12, 28, 'Q4 2026', 'Q4 2026'],
    [2027, 2, 15, 'Q4 2026', 'Q1 2027'],
  ];

  test.each(DAYS)('inserted on %i-%i-%i: every roadmap row is in its typed plan quarter', (y, m, d, example, blank) => {
    const now = new Date(y, m - 1, d, 12);
    const plan = compileTemplate('strategy-workbook', { example: true, now });
    const first = setting(plan, 'projects', 'First quarter');
    expect(first).toBe(example);
    const start = parseQuarter(String(first));
    const rows = rowsOf(plan, 'roadmap');
    expect(rows.length).toBeGreaterThanOrEqual(16);
    for (const r of rows) expect(`Q${datePlanPosition(r.Start as number, start)}`).toBe(r.Quarter);
    // The chart's quarters start no later than the plan's first (the quarter before it) and name it with its year.
    const axis = roadmapChart(plan).axes!.value!;
    expect(axis.min).toBe(start!.year! * 4 + start!.quarter - 2);
    expect(roadmapChart(plan).guides![1].label).toBe(example);
    // The blank template keeps today's quarter.
    expect(setting(compileTemplate('strategy-workbook', { example: false, now }), 'projects', 'First quarter')).toBe(
      blank,
    );
  });

  test('for every day, the example roadmap alone draws its rows from the quarter before plan quarter 1', () => {
    fc.assert(
      fc.property(day, (now) => {
        const d = exampleDates(todaySerial(now));
        const plan = compileTemplate('roadmap', { example: true, now });
        const q1 = serialToDate(d.planQuarter(1).start);
        expect(roadmapChart(plan).axes!.value!.min).toBe(
          q1.getUTCFullYear() * 4 + Math.floor(q1.getUTCMonth() / 3) - 1,
        );
      }),
      { numRuns: 40 },
    );
  });
});
