/**
 * A date is a day in both hosts. Sheets hands a custom function a date cell as the instant of its
 * wall-clock time in the SPREADSHEET's time zone (the fake does the same, test/fakes/time-zones.ts);
 * the script runs in Etc/UTC. Each case runs through both built bundles for spreadsheets in
 * Pacific/Kiritimati (UTC+14), Pacific/Auckland (UTC+13 in January), Etc/UTC and America/Los_Angeles,
 * and again in Node processes whose own TZ differs: Sheets and Excel must give the same result.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { runCustomFunction } from '../../apps-script/src/custom-functions';
import { insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { createSheetsFake, withSheetsGlobals, type FakeChart } from '../fakes/sheets';
import { excelResult, loadExcelBundle, loadSheetsBundle } from '../harness/bundles';
import { DATE_CASES, SPREADSHEET_ZONES, runDateCases, type CaseResult } from './date-cases';

const results = runDateCases();

describe.each(SPREADSHEET_ZONES)('a spreadsheet in %s', (zone) => {
  test.each(DATE_CASES.map((c) => c.title))('%s: Sheets gives what Excel gives for the same day', (title) => {
    const r = results.find((x) => x.zone === zone && x.title === title)!;
    const c = DATE_CASES.find((x) => x.title === title)!;
    expect(r.sheets).toEqual(r.excel);
    expect(r.sheets).toEqual(c.expected);
  });

  test('the zone is read once per call, and not at all for a call without dates', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { timeZone: zone });
    const bundle = loadSheetsBundle({ ...fake.globals });
    const column = [1, 2, 3, 4, 5].map((d) => [fake.ss.date(2027, 1, d)]);
    expect(bundle.call('STRATEGY_QUARTER', column)).toEqual(column.map(() => ['Q1 2027']));
    expect(fake.recorder.count('service', 'getSpreadsheetTimeZone')).toBe(1);
    bundle.call('PRIORITY_SCORE', 9, 8, 4, 1);
    bundle.call('STRATEGY_QUARTER', '2027-01-01');
    expect(fake.recorder.count('service', 'getSpreadsheetTimeZone')).toBe(1);
  });

  test('METRIC_STATUS without `today` takes today in the spreadsheet zone', () => {
    // 31 March 2027 12:00 UTC is already 1 April in Kiritimati (UTC+14) and Auckland (UTC+13), 31 March elsewhere.
    jest.useFakeTimers({ now: new Date(Date.UTC(2027, 2, 31, 12)) });
    try {
      const fake = createSheetsFake(['Sheet1'], undefined, { timeZone: zone });
      const status = withSheetsGlobals(fake, () =>
        runCustomFunction('METRIC_STATUS', ['0', '80', '100', fake.ss.date(2027, 1, 1), fake.ss.date(2027, 3, 31)]),
      );
      expect(status).toBe(zone.startsWith('Pacific/') ? 'Off track' : 'At risk');
    } finally {
      jest.useRealTimers();
    }
  });

  test('Insert chart ▸ Roadmap timeline counts quarters from the days the date cells show', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { timeZone: zone });
    const sheet = fake.ss.sheet('Sheet1');
    withSheetsGlobals(fake, () => {
      sheet.getRange('A1:C3').setValues([
        ['Initiative', 'Start', 'End'],
        ['SSO', fake.ss.date(2027, 1, 1), fake.ss.date(2027, 6, 30)],
        ['Audit log', fake.ss.date(2027, 7, 1), fake.ss.date(2027, 12, 31)],
      ]);
      fake.ss.select('Sheet1', 'A1:C3');
      insertChartFromSelection('roadmapTimeline');
    });
    const chart = sheet.charts[0] as FakeChart;
    const hAxis = chart.calls.find((c) => c.method === 'setOption' && c.args[0] === 'hAxis')!.args[1];
    // Q1–Q4 2027 exactly: read a day early, the first start would fall in Q4 2026 and give five quarters.
    expect(hAxis).toMatchObject({ viewWindow: { min: 1, max: 5 } });
  });
});

describe("Excel's 1900 date system (serial 60 is a 29 February 1900 that never was)", () => {
  const excel = loadExcelBundle();
  test('serials 1…59 are 1900-01-01…1900-02-28, 61 is 1900-03-01; serial 60 is refused by name', () => {
    expect(excelResult(excel, 'STRATEGY_QUARTER', [col(1, 59, 61, 92)], 2)).toEqual(
      col('Q1 1900', 'Q1 1900', 'Q1 1900', 'Q2 1900'),
    );
    expect(excelResult(excel, 'STRATEGY_QUARTER', [59, 3], 2)).toEqual([['Q4 1900']]);
    expect(excelResult(excel, 'STRATEGY_QUARTER', [60], 2)).toEqual([
      [
        {
          error:
            'Date must be a date (a date cell, a date serial number or a text like "2027-03-31") (got "1900-02-29")',
        },
      ],
    ]);
  });
  test('any time of 9999-12-31 is that day; the next day is refused', () => {
    expect(excelResult(excel, 'STRATEGY_QUARTER', [2958465.5], 2)).toEqual([['Q4 9999']]);
    expect(excelResult(excel, 'STRATEGY_QUARTER', [2958465.999], 2)).toEqual([['Q4 9999']]);
    expect(excelResult(excel, 'STRATEGY_QUARTER', [2958466], 2)[0][0]).toEqual({
      error: expect.stringContaining('got 2958466'),
    });
  });
});

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe('the Node process zone changes nothing', () => {
  const probe = path.join(__dirname, 'dates-probe.ts');
  test.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Tokyo'])('TZ=%s', (tz) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', probe], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    const { processZone, results: there } = JSON.parse(out) as { processZone: string; results: CaseResult[] };
    expect(processZone).toBe(tz);
    expect(there).toEqual(results);
  });
});
