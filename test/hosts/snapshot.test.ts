/**
 * "Record snapshot" in Google Sheets and Excel, on the hosts' fakes: it appends today's values below the
 * last row of the Progress History sheet and changes nothing else (every other cell of every sheet is as
 * before, and earlier History rows are never rewritten); without a History sheet it inserts one first.
 */
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { recordSnapshot } from '../../apps-script/src/strategy/server';
import { compileTemplate } from '../../shared/templates/index';
import { ymdToSerial } from '../../shared/core/args';
import { HISTORY_KINDS } from '../../shared/catalogue/history';
import { historyPlan } from '../../shared/strategy/record';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { recordSnapshotExcel, strategyMarkdownExcel } from '../../excel-addin/src/strategy/snapshot';
import { attachExcelEngine } from '../fakes/excel-engine';
import { excelDrawn, excelTitle, sheetsDrawn } from '../fakes/chart-data';

const NOW = new Date(2026, 11, 1, 12);

/** Every cell of every sheet, as "Sheet!r,c" → JSON of its state. */
function sheetsState(fake: SheetsFake): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of fake.ss.sheets)
    for (const [k, c] of s.cells) if (c.value !== null || c.formula) out.set(`${s.name}!${k}`, JSON.stringify(c));
  return out;
}

function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

function historyRows(fake: SheetsFake, name = 'Progress History'): unknown[][] {
  const s = fake.ss.sheets.find((x) => x.name === name)!;
  const out: unknown[][] = [];
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(',').map(Number);
    // The History columns A–E only (the trend charts' hidden helper columns hold formulas on every row).
    if (r < 2 || col > 5 || (c.value === null && !c.formula)) continue;
    (out[r - 2] ??= [])[col - 1] = c.value;
  }
  return out;
}

const ctxOf = (host: FakeExcelHost) => host.context() as unknown as Excel.RequestContext;

describe('Google Sheets', () => {
  test('appends one line per metric, theme and the health score, and touches nothing else', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
      const before = sheetsState(fake);
      const r = recordSnapshot();
      expect(r.rows).toBe(4 + 4 + 1);
      expect(r.sheets).toEqual(['Progress History']);
      const changed = changedCells(before, sheetsState(fake));
      expect(changed.every((k) => k.startsWith('Progress History!'))).toBe(true);
      expect(changed).toHaveLength(9 * 5);
      const rows = historyRows(fake);
      expect(rows.map((x) => [x[1], x[2], x[4]])).toEqual([
        [HISTORY_KINDS.metric, 'SOC 2 certified', '$250K'],
        [HISTORY_KINDS.metric, 'p95 latency', '350ms'],
        [HISTORY_KINDS.metric, 'Deploy frequency', '2x/day'],
        [HISTORY_KINDS.metric, 'Experiments/quarter', '25'],
        [HISTORY_KINDS.theme, 'Enterprise-Ready Platform', '67%'],
        [HISTORY_KINDS.theme, 'Global Scale & Performance', '20%'],
        [HISTORY_KINDS.theme, 'Developer Velocity & Platform', '0%'],
        [HISTORY_KINDS.theme, 'Data-Driven Product', '0%'],
        [HISTORY_KINDS.health, 'Overall', '3.0 (Healthy)'],
      ]);
      expect(rows[1][3]).toBe(350); // p95 latency in milliseconds, as METRIC_VALUE reads it
      // Dated today in the spreadsheet's time zone (the fake's: Etc/UTC), formatted as a date.
      const t = new Date();
      expect(rows.every((x) => x[0] === ymdToSerial(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()))).toBe(
        true,
      );
      const h = fake.ss.sheets.find((x) => x.name === 'Progress History')!;
      expect(h.cells.get('2,1')?.numberFormat).toBe('yyyy-mm-dd');
      expect(h.cells.get('2,5')?.numberFormat).toBe('@');
      // A second snapshot goes below the first; the first is not rewritten.
      const first = JSON.stringify(rows);
      recordSnapshot();
      const again = historyRows(fake);
      expect(again).toHaveLength(18);
      expect(JSON.stringify(again.slice(0, 9))).toBe(first);
    });
  });

  test.each([
    ['holding the document lock', {}],
    ['without a document lock (getDocumentLock() returns null)', { documentLock: 'none' as const }],
  ])(
    'another writer appends a History row, a sheet and a name while the snapshot is prepared (%s): kept, ours below it, and said',
    (_t, opts) => {
      const fake = createSheetsFake(['Sheet1'], undefined, opts);
      withSheetsGlobals(fake, () => {
        applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
        recordSnapshot(); // rows 2–10
        const sheets = fake.ss.sheets.length;
        // Right after our reading of every sheet, before the re-read of the History rows: another editor types row 11.
        fake.recorder.before('getDataRange', sheets + 1, () => {
          fake.ss
            .sheet('Progress History')
            .getRange('A11:E11')
            .setValues([[46000, HISTORY_KINDS.metric, 'Their metric', 7, '7']]);
          // …and adds a sheet and a named range of theirs.
          fake.ss.insertSheet('Their notes').getRange('A1').setValue('written by a co-author');
          fake.ss.setNamedRange('TheirRange', fake.ss.sheet('Their notes').getRange('A1'));
        });
        const r = recordSnapshot();
        expect(fake.ss.sheet('Their notes').content('A1')).toBe('written by a co-author');
        expect(fake.ss.named.has('TheirRange')).toBe(true);
        const rows = historyRows(fake);
        expect(rows[9][2]).toBe('Their metric');
        expect(rows[10][2]).toBe('SOC 2 certified');
        expect(rows[18][2]).toBe('Overall');
        expect(r.message).toContain(
          'Someone else added rows to "Progress History" while this snapshot was being prepared',
        );
      });
    },
  );

  test('a second writer holding the document lock: the snapshot is refused at once, nothing changed', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
      const before = sheetsState(fake);
      const other = fake.globals.LockService.getDocumentLock();
      expect(other.tryLock(0)).toBe(true);
      expect(() => recordSnapshot()).toThrow(
        /^The snapshot was not recorded: another snapshot or insert in this spreadsheet/,
      );
      expect(sheetsState(fake)).toEqual(before);
    });
  });

  test('without a History sheet: inserts one (never over a sheet of the user) and appends to it', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      const plan = compileTemplate('themes', { example: true, now: NOW });
      applyPlanSheets(fake.ss.real(), plan);
      const before = sheetsState(fake);
      const r = recordSnapshot();
      expect(r.sheets).toEqual(['Progress History']);
      expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Strategic Themes', 'Progress History']);
      expect(changedCells(before, sheetsState(fake)).every((k) => k.startsWith('Progress History!'))).toBe(true);
      expect(historyRows(fake).map((x) => x[2])).toEqual([
        'Enterprise-Ready Platform',
        'Global Scale & Performance',
        'Developer Velocity & Platform',
        'Data-Driven Product',
      ]);
    });
  });
});

describe('Excel', () => {
  function excelState(host: FakeExcelHost): Map<string, string> {
    const out = new Map<string, string>();
    for (const sh of host.state.sheets)
      for (const [k, c] of sh.cells) if (c.formula !== null) out.set(`${sh.name}!${k}`, JSON.stringify(c));
    return out;
  }

  test('appends below the last row in six syncs (four, then two to refresh the charts) and changes nothing else; a second snapshot goes below', async () => {
    const host = new FakeExcelHost();
    await applyPlanExcel(ctxOf(host), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    const before = excelState(host);
    const ctx = host.context();
    const r = await recordSnapshotExcel(ctx as unknown as Excel.RequestContext);
    // Sheets, used ranges, the History sheet again right before the write, the write; then Refresh charts (from the
    // sheets read): find the charts, set them.
    expect(ctx.syncs).toBe(6);
    expect(r.sheets).toEqual(['Progress History']);
    // Within the charts' rows and slots, the message says nothing of them.
    expect(r.message).not.toMatch(/No trend chart|where the trend charts end/);
    const changed = changedCells(before, excelState(host));
    expect(changed.every((k) => k.startsWith('Progress History!'))).toBe(true);
    const cellAt = (a1: string) => host.cell('Progress History', a1);
    expect([cellAt('B2')?.formula, cellAt('C2')?.formula, cellAt('D2')?.formula, cellAt('E2')?.formula]).toEqual([
      HISTORY_KINDS.metric,
      'SOC 2 certified',
      250000,
      '$250K',
    ]);
    expect(cellAt('C10')?.formula).toBe('Overall');
    expect(cellAt('A2')?.numberFormat).toBe('yyyy-mm-dd');
    expect(cellAt('E2')?.numberFormat).toBe('@');
    const t = new Date();
    expect(cellAt('A2')?.formula).toBe(ymdToSerial(t.getFullYear(), t.getMonth() + 1, t.getDate()));
    const block = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        ['A', 'B', 'C', 'D', 'E'].map((c) => JSON.stringify(cellAt(`${c}${from + i}`))),
      );
    const first = block(2, 10);
    await recordSnapshotExcel(ctxOf(host));
    expect(block(2, 10)).toEqual(first);
    expect(cellAt('C11')?.formula).toBe('SOC 2 certified');
    expect(cellAt('C19')?.formula).toBe('Overall');
    expect(cellAt('C20')?.formula || null).toBe(null);
  });

  test('a co-author appends a History row, adds a sheet and a name while the snapshot is prepared: all kept, ours goes below, and the message says so', async () => {
    const host = new FakeExcelHost();
    await applyPlanExcel(ctxOf(host), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    await recordSnapshotExcel(ctxOf(host)); // rows 2–10
    // Just before our third sync (the re-read), someone else types row 11.
    host.coAuthor(3, (co) => {
      co.write('Progress History', { A11: 46000, B11: HISTORY_KINDS.metric, C11: 'Their metric', D11: 7, E11: '7' });
      co.addSheet('Their notes', { A1: 'written by a co-author' });
      co.addName('TheirRange', 'Their notes', 'A1');
    });
    const r = await recordSnapshotExcel(ctxOf(host));
    expect(host.cell('Progress History', 'C11')?.formula).toBe('Their metric');
    expect(host.cell('Their notes', 'A1')?.formula).toBe('written by a co-author');
    expect(host.state.names.map((n) => n.name)).toContain('TheirRange');
    expect(host.cell('Progress History', 'C12')?.formula).toBe('SOC 2 certified');
    expect(host.cell('Progress History', 'C20')?.formula).toBe('Overall');
    expect(r.message).toContain('Someone else added rows to "Progress History" while this snapshot was being prepared');
  });

  test('without a History sheet: inserts one, then appends; the user sheet keeps its cells', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    await applyPlanExcel(ctxOf(host), compileTemplate('themes', { example: true, now: NOW }));
    const before = excelState(host);
    const r = await recordSnapshotExcel(ctxOf(host));
    expect(r.sheets).toEqual(['Progress History']);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Strategic Themes', 'Progress History']);
    expect(changedCells(before, excelState(host)).every((k) => k.startsWith('Progress History!'))).toBe(true);
    expect(host.cell('Progress History', 'C5')?.formula).toBe('Data-Driven Product');
  });

  test('reading before load and sync throws, as in Office.js', () => {
    const host = new FakeExcelHost();
    const range = host.context().workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject();
    expect(() => range.formulas).toThrow('PropertyNotLoaded');
  });

  test('the strategy as Markdown from the task pane equals the CLI reading of the same plan', async () => {
    const host = new FakeExcelHost();
    await applyPlanExcel(ctxOf(host), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    const md = await strategyMarkdownExcel(ctxOf(host));
    expect(md).toMatch(/^# Technical Strategy: Example SaaS Co\. /); // the workbook's title
    expect(md).toContain(
      '| Global Scale & Performance | EMEA revenue | p95 latency | N/A | 350ms | \\<200ms |   | No due date |',
    );
    const empty = new FakeExcelHost();
    await expect(strategyMarkdownExcel(ctxOf(empty))).rejects.toThrow('needs the "Strategic Themes" sheet');
  });
});

describe('no silent limit: the trend charts follow every snapshot and every metric', () => {
  // A log of 700 rows (175 snapshots of four earlier metrics), then today's snapshot of the example's four metrics
  // (the Metrics Dashboard beside Progress History, so the hosts' engines recalculate only these two sheets):
  // eight metrics in all (two past the six chart slots the template inserts), every new row below row 501.
  const workbook = [compileTemplate('metrics', { example: true, now: NOW }), historyPlan(ymdToSerial(2026, 12, 1))];
  const LOG_ROWS = 700;
  const log = Array.from({ length: LOG_ROWS }, (_, i) => [
    45000 + Math.floor(i / 4),
    HISTORY_KINDS.metric,
    `Earlier metric ${(i % 4) + 1}`,
    i,
    String(i),
  ]);
  /** Slot k's metric and the sheet rows (1-based) and values of its every point. */
  const expected = [1, 2, 3, 4]
    .map((k) => ({
      name: `Earlier metric ${k}`,
      points: log.flatMap((r, i) => (r[2] === `Earlier metric ${k}` ? [{ row: i + 2, value: i }] : [])),
    }))
    .concat(
      (
        [
          ['SOC 2 certified', 250000],
          ['p95 latency', 350],
          ['Deploy frequency', 2],
          ['Experiments/quarter', 25],
        ] as const
      ).map(([name, value], i) => ({ name, points: [{ row: LOG_ROWS + 2 + i, value }] })),
    );
  const said = (message: string): void => {
    expect(message).not.toMatch(/No trend chart|where the trend charts end|not found as Progress History made/);
  };

  test('Google Sheets: eight charts, each drawing every row of its metric', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    withSheetsGlobals(fake, () => {
      for (const plan of workbook) applyPlanSheets(fake.ss.real(), plan);
      fake.ss.real().getSheetByName('Progress History')!.getRange(2, 1, LOG_ROWS, 5).setValues(log);
      const r = recordSnapshot();
      expect(historyRows(fake)[LOG_ROWS]?.[2]).toBe('SOC 2 certified');
      said(r.message);
    });
    const sheet = fake.ss.sheet('Progress History');
    const drawn = sheet.charts.map((c) => sheetsDrawn(sheet, c));
    expect(drawn.map((d) => ({ name: d[0].name, points: d[0].points }))).toEqual(expected);
  });

  test('Google Sheets: a user’s note right of the helper columns is kept; the metrics without a chart are named, and why', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      for (const plan of workbook) applyPlanSheets(fake.ss.real(), plan);
      const history = fake.ss.real().getSheetByName('Progress History')!;
      history.getRange(2, 1, LOG_ROWS, 5).setValues(log);
      history.getRange('N3').setValue('my note');
      const r = recordSnapshot();
      expect(r.message).toContain(
        'No trend chart for "Deploy frequency", "Experiments/quarter": Progress History charts its first 6 metrics (in the order of their first snapshot) and the column right of its trend helper columns is not blank',
      );
      // The rows are still charted to the end.
      expect(r.message).not.toContain('where the trend charts end');
      expect(history.getRange('N3').getValue()).toBe('my note');
      expect(history.getRange('N1').getFormulas()).toEqual([['']]);
    });
    const sheet = fake.ss.sheet('Progress History');
    expect(sheet.charts.map((c) => c.getRanges!().map((x) => x.getA1Notation()))).toEqual(
      ['H', 'I', 'J', 'K', 'L', 'M'].map((L) => ['A1:A1001', `${L}1:${L}1001`]),
    );
  });

  test('a trend chart changed by hand is left as it is and named (Sheets: by its ranges; Excel: by its name)', async () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      for (const plan of workbook) applyPlanSheets(fake.ss.real(), plan);
      const history = fake.ss.real().getSheetByName('Progress History')!;
      history.getRange(2, 1, LOG_ROWS, 5).setValues(log);
      // The user points the second chart at 100 rows of their choosing.
      const mine = history.getCharts()[1];
      history.updateChart(mine.modify().clearRanges().addRange(history.getRange('A1:A100')).build());
      const r = recordSnapshot();
      expect(r.message).toContain('The trend chart of "Earlier metric 2" was not found as Progress History made it');
      expect(
        history
          .getCharts()[1]
          .getRanges()
          .map((x) => x.getA1Notation()),
      ).toEqual(['A1:A100']);
      expect(
        history
          .getCharts()[0]
          .getRanges()
          .map((x) => x.getA1Notation()),
      ).toEqual(['A1:A1001', 'H1:H1001']);
    });
    const host = new FakeExcelHost();
    for (const plan of workbook) await applyPlanExcel(ctxOf(host), plan);
    const ctx = ctxOf(host);
    ctx.workbook.worksheets.getItem('Progress History').getRange(`A2:E${1 + LOG_ROWS}`).values = log;
    await ctx.sync();
    host.sheet('Progress History').charts[2].name = 'My chart'; // renamed by the user
    const r = await recordSnapshotExcel(ctxOf(host));
    expect(r.message).toContain('The trend chart of "Earlier metric 3" was not found as Progress History made it');
    expect(host.sheet('Progress History').charts.map((c) => c.series[0].values)).toEqual([
      'H2:H1001',
      'I2:I1001',
      'J2:J501',
      'K2:K1001',
      'L2:L1001',
      'M2:M1001',
      'N2:N1001',
      'O2:O1001',
    ]);
  });

  test('Excel: eight charts, each drawing every row of its metric, titled with it', async () => {
    const host = new FakeExcelHost();
    attachExcelEngine(host);
    for (const plan of workbook) await applyPlanExcel(ctxOf(host), plan);
    const ctx = ctxOf(host);
    ctx.workbook.worksheets.getItem('Progress History').getRange(`A2:E${1 + LOG_ROWS}`).values = log;
    await ctx.sync();
    const sent = host.requestBytes.length;
    const r = await recordSnapshotExcel(ctxOf(host));
    expect(host.cell('Progress History', `C${2 + LOG_ROWS}`)?.formula).toBe('SOC 2 certified');
    said(r.message);
    // The growth's formulas travel in row blocks: no request of the snapshot reaches 1 MB.
    expect(host.requestBytes.slice(sent).reduce((m, b) => Math.max(m, b), 0)).toBeLessThan(1_000_000);
    const charts = host.sheet('Progress History').charts;
    const drawn = charts.map((c) => ({
      name: excelTitle(host, 'Progress History', c),
      points: excelDrawn(host, 'Progress History', c)[0].points,
    }));
    expect(drawn).toEqual(expected);
  });
});
