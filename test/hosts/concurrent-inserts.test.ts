/**
 * Inserts own exactly what they create, in both hosts, when someone else acts at the same time (issue #11):
 * two inserts interleaved (a second task pane, a menu insert and a sidebar insert, a quick second click) and a
 * co-author adding a sheet or a name with the same name between two of our round trips. Whatever happens,
 * nothing the insert did not create is removed or changed, and the message says exactly what happened.
 *
 * Excel: the fake (test/fakes/excel.ts) runs each batch at context.sync(), stops a batch at its first failing
 * operation keeping what ran before, reports `traceMessages` of a failed batch, and lets a co-author change
 * the workbook just before a given sync. Sheets: LockService's document lock makes two inserts run one after
 * the other (the fake refuses a held lock at once, as a real execution sees one held past the timeout), and
 * `recorder.before` plays a co-author between two service calls.
 */
import { insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { insertFromMenu, insertTemplate } from '../../apps-script/src/templates/server';
import { LOCK_WAIT_MS } from '../../apps-script/src/templates/document-lock';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { compileTemplate } from '../../shared/templates/index';
import type { RenderPlan } from '../../shared/plan/plan';
import { resolvePlan } from '../../shared/plan/resolve';
import { FakeExcelHost, snapshotSheet } from '../fakes/excel';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';
import { checkExcelSheet, checkSheetsSheet } from './plan-checks';

const roadmap = compileTemplate('roadmap', { example: true });
const workbook = compileTemplate('strategy-workbook', { example: true });

/** An Excel insert in its own Excel.run (its own request context), as a task pane runs it. */
function excelInsert(host: FakeExcelHost, plan: RenderPlan): Promise<Awaited<ReturnType<typeof applyPlanExcel>>> {
  return host.Excel.run((ctx) => applyPlanExcel(ctx, plan));
}

/** The message of a rejected insert. */
async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the insert did not fail');
}

const THEIRS = { A1: 'Their plan', A2: 'Ship it', B2: 42 };

describe('Excel: two inserts at once', () => {
  test('two Roadmap inserts interleaved: the first is complete, the second fails and removes nothing of the first', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const [first, second] = await Promise.allSettled([excelInsert(host, roadmap), excelInsert(host, roadmap)]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason.message).toBe(
      'Roadmap was not inserted: Excel reported "A resource with the same name or identifier already exists.". ' +
        'The sheet "Roadmap" was created by someone else (another pane, a second click or a co-author) while this insert ran; it was left as it is: insert again for a fresh name. ' +
        'Nothing was added. Nothing else was changed.',
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    const resolved = resolvePlan(roadmap, { sheets: ['Sheet1'], namedRanges: [], tables: [] }).plan;
    expect(checkExcelSheet(host, resolved.sheets[0])).toEqual([]);
    // Inserting again now gives a fresh name.
    expect((await excelInsert(host, roadmap)).sheets).toEqual(['Roadmap (2)']);
  });

  test('two full workbooks interleaved: the second stops at its first sheet; the first one’s eleven sheets and its name stay whole', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const [first, second] = await Promise.allSettled([excelInsert(host, workbook), excelInsert(host, workbook)]);
    expect([first.status, second.status]).toEqual(['fulfilled', 'rejected']);
    const resolved = resolvePlan(workbook, { sheets: ['Sheet1'], namedRanges: [], tables: [] }).plan;
    expect(host.sheetNames()).toEqual(['Sheet1', ...resolved.sheets.map((s) => s.name)]);
    for (const s of resolved.sheets) expect(checkExcelSheet(host, s)).toEqual([]);
    expect(host.state.names.map((n) => n.name)).toEqual(['ThemeNames', 'InitiativeNames']);
  });
});

describe('Excel: a co-author adds a sheet or a name between our round trips', () => {
  test('a same-named sheet with data, added between reading the names and creating the sheet, survives untouched', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.coAuthor(2, (co) => co.addSheet('Roadmap', THEIRS)); // just before round trip 2
    const message = await failureOf(excelInsert(host, roadmap));
    expect(message).toContain('The sheet "Roadmap" was created by someone else');
    expect(message).toMatch(/Nothing was added\. Nothing else was changed\.$/);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    expect(host.content('Roadmap', 'A1')).toBe('Their plan');
    expect(host.content('Roadmap', 'B2')).toBe(42);
    expect(host.sheet('Roadmap').cells.size).toBe(3);
  });

  test('in the full workbook, the sheets created before the clash are removed, the co-author’s sheet is not', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    let theirs: unknown;
    host.coAuthor(2, (co) => {
      theirs = snapshotSheet(co.addSheet('Roadmap', THEIRS));
    });
    const message = await failureOf(excelInsert(host, workbook));
    expect(message).toMatch(
      /^Full Strategy Workbook was not inserted: Excel reported ".*already exists.*"\. The sheet "Roadmap" was created by someone else .*; it was left as it is: insert again for a fresh name\. The sheets it had added \("Start Here", "Progress Dashboard", "Business Context", "Organization & Ways of Working", "Technical Health", "Technical Debt", "Strategic Themes", "Technical Principles", "Prioritization", "Team Scoring"\) were removed\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    expect(snapshotSheet(host.sheet('Roadmap'))).toEqual(theirs);
    expect(host.state.names).toEqual([]);
  });

  test('a co-author’s name with our name’s text: their name keeps its target; our sheets go', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.coAuthor(2, (co) => {
      co.addSheet('Their themes', { A1: 'Theme' });
      co.addName('ThemeNames', 'Their themes', 'A1:A9');
    });
    const message = await failureOf(excelInsert(host, workbook));
    expect(message).toContain('The name "ThemeNames" was created by someone else');
    expect(message).toMatch(
      /The sheets it had added \(.*"What We're Not Doing", "Strategy Review", "Progress History", "Strategy Document"\) were removed\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Their themes']);
    expect(host.state.names.map((n) => [n.name, n.reference])).toEqual([['ThemeNames', "'Their themes'!A1:A9"]]);
  });

  test('a sheet the co-author adds while ours are filled is not removed when filling fails: ours go by their ids', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.failure = { op: 'conditionalFormats.add', nth: 1, message: 'Out of memory' };
    host.coAuthor(3, (co) => co.addSheet('Notes', { A1: 'mine' })); // just before round trip 3
    const message = await failureOf(excelInsert(host, roadmap));
    expect(message).toBe(
      'Roadmap was not inserted: Excel reported "Out of memory". The sheet it had added ("Roadmap") was removed. Nothing else was changed.',
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Notes']);
    expect(host.content('Notes', 'A1')).toBe('mine');
  });

  test('ours is found by its id even when a co-author renamed it meanwhile, and theirs by our old name is kept', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.failure = { op: 'conditionalFormats.add', nth: 1, message: 'Out of memory' };
    host.coAuthor(3, (co) => {
      host.sheet('Roadmap').name = 'Roadmap old';
      co.addSheet('Roadmap', THEIRS);
    });
    await failureOf(excelInsert(host, roadmap));
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    expect(host.content('Roadmap', 'A1')).toBe('Their plan');
  });

  test('when Excel does not say how far a failed batch got, nothing is removed and the message says what to check', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.failure = { op: 'names.add', nth: 1, message: 'Something went wrong' };
    const ctx = host.context();
    const realSync = ctx.sync.bind(ctx);
    ctx.sync = (<T>(v?: T) =>
      realSync(v).catch((e: { traceMessages?: unknown }) => {
        delete e.traceMessages; // a host that gives no trace messages
        throw e;
      })) as typeof ctx.sync;
    const message = await failureOf(applyPlanExcel(ctx as unknown as Excel.RequestContext, workbook));
    expect(message).toMatch(
      /Excel reported "Something went wrong"\. Excel did not say how far it got: if sheets named "Start Here", "Progress Dashboard", .* were added just now, delete them\. Nothing else was changed\.$/,
    );
  });
});

// ---------- Google Sheets ----------

function sheets(userSheets = ['Sheet1']): SheetsFake {
  return createSheetsFake(userSheets);
}

describe('Google Sheets: one insert at a time (LockService document lock)', () => {
  test('an insert started while another runs (menu and sidebar) is refused and changes nothing; the running one completes', () => {
    const fake = sheets();
    let second = '';
    // While the first insert writes its values, the sidebar starts a second one.
    fake.recorder.before('setValues', 1, () => {
      try {
        insertTemplate('roadmap', { example: true });
      } catch (e) {
        second = (e as Error).message;
      }
    });
    const first = withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    expect(second).toBe(
      `Roadmap was not inserted: another insert into this spreadsheet (from the menu, the sidebar or another editor) was still running after ${LOCK_WAIT_MS / 1000} seconds. Nothing was changed; insert again when it has finished.`,
    );
    expect(first.sheets).toEqual(['Roadmap']);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
    const resolved = resolvePlan(roadmap, { sheets: ['Sheet1'], namedRanges: [] }).plan;
    expect(checkSheetsSheet(fake.ss, resolved.sheets[0], resolved)).toEqual([]);
    // The lock is released: the next insert runs, with a fresh name.
    expect(fake.lock.holder).toBeUndefined();
    expect(withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true })).sheets).toEqual(['Roadmap (2)']);
  });

  test('from the menu, the refusal is an alert saying so', () => {
    const fake = sheets();
    fake.recorder.before('setValues', 1, () => insertFromMenu('roadmap', false));
    withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    expect(fake.ui.alerts.map((a) => a[1])).toEqual([
      expect.stringMatching(/^Roadmap was not inserted: another insert into this spreadsheet .* Nothing was changed/),
    ]);
  });

  test('a chart insert waits for the same lock', () => {
    const fake = sheets();
    withSheetsGlobals(fake, () => insertTemplate('prioritization', { example: true }));
    fake.ss.select('Prioritization', 'A1:K4');
    let chart = '';
    fake.recorder.before('insertSheet', 1, () => {
      try {
        insertChartFromSelection('impactEffortMatrix');
      } catch (e) {
        chart = (e as Error).message;
      }
    });
    withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    expect(chart).toMatch(/^The Impact \/ Effort matrix was not inserted: another insert into this spreadsheet/);
    expect(fake.ss.sheet('Prioritization').charts).toHaveLength(2); // the template's own charts only
  });

  test('an insert waits for another editor’s insert that finishes within 30 seconds, then runs', () => {
    const fake = sheets();
    fake.holdLockElsewhere(25000); // another editor's insert holds the lock 25 s more
    const done = withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    expect(done.sheets).toEqual(['Roadmap']);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
    expect(fake.lock.waitedMs).toBe(25000);
    expect(fake.lock.holder).toBeUndefined();
  });

  test('an insert gives up after waiting 30 seconds for a longer one, changing nothing, and says so', () => {
    const fake = sheets();
    fake.holdLockElsewhere(LOCK_WAIT_MS + 1000);
    expect(() => withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }))).toThrow(
      'Roadmap was not inserted: another insert into this spreadsheet (from the menu, the sidebar or another editor) was still running after 30 seconds. Nothing was changed; insert again when it has finished.',
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.lock.waitedMs).toBe(30000); // it waited the whole 30 s the message names
  });

  test('a chart from a selection waits for another editor’s insert too', () => {
    const fake = sheets();
    withSheetsGlobals(fake, () => insertTemplate('prioritization', { example: true }));
    fake.ss.select('Prioritization', 'A1:K4');
    fake.holdLockElsewhere(10000);
    withSheetsGlobals(fake, () => insertChartFromSelection('impactEffortMatrix'));
    expect(fake.ss.sheet('Prioritization').charts).toHaveLength(3);
  });

  test('a failed insert releases the lock', () => {
    const fake = sheets();
    fake.recorder.failure = { method: 'setConditionalFormatRules', nth: 1, message: 'Service error' };
    expect(() => withSheetsGlobals(fake, () => insertTemplate('metrics', { example: true }))).toThrow(
      /^Metrics Dashboard was not inserted/,
    );
    expect(fake.lock.holder).toBeUndefined();
  });
});

describe('Google Sheets: a co-author adds a sheet or a named range while an insert runs', () => {
  test('a same-named sheet with data, added just before ours, survives untouched; nothing of ours is left', () => {
    const fake = sheets();
    fake.recorder.before('insertSheet', 1, () => {
      const s = fake.ss.insertSheet('Roadmap');
      s.getRange('A1:B2').setValues([
        ['Their plan', ''],
        ['Ship it', 42],
      ]);
    });
    const theirs = (): unknown => fake.ss.sheet('Roadmap').snapshot();
    let message = '';
    try {
      withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^Roadmap was not inserted: adding the sheet on "Roadmap" failed \(A sheet with the name "Roadmap" already exists\..*\)\. The sheet "Roadmap" was created by someone else .*: insert again for a fresh name\. Nothing was added\. Nothing else was changed\.$/,
    );
    const before = theirs();
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
    expect(fake.ss.sheet('Roadmap').content('B2')).toBe(42);
    expect(theirs()).toEqual(before);
  });

  test('in the full workbook, the sheets added before the clash are removed; the co-author’s sheet is kept', () => {
    const fake = sheets();
    fake.recorder.before('insertSheet', 7, () => fake.ss.insertSheet('Roadmap').getRange('A1').setValue('theirs'));
    let message = '';
    try {
      withSheetsGlobals(fake, () => insertTemplate('strategy-workbook', { example: true }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('The sheet "Roadmap" was created by someone else');
    expect(message).toMatch(
      /The sheets it had added \("Start Here", "Progress Dashboard", "Business Context", "Organization & Ways of Working", "Technical Health", "Technical Debt", "Strategic Themes", "Technical Principles", "Prioritization", "Team Scoring"\) were removed\. Nothing else was changed\.$/,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
    expect(fake.ss.sheet('Roadmap').content('A1')).toBe('theirs');
  });

  test('a named range with our name’s text, added after the names were read, is not re-pointed (setNamedRange would replace it)', () => {
    const fake = sheets(['Sheet1', 'Lists']);
    // Just before the executor checks that the name is still free (setNamedRange has no "only if new" form,
    // so the moment between that check and the set remains; it is one call apart).
    fake.recorder.before('getRangeByName', 1, () =>
      fake.ss.setNamedRange('ThemeNames', fake.ss.sheet('Lists').getRange('A1:A5')),
    );
    let message = '';
    try {
      withSheetsGlobals(fake, () => insertTemplate('strategy-workbook', { example: true }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^Full Strategy Workbook was not inserted: creating the named range ThemeNames failed \(the named range "ThemeNames" exists now\)\. The name "ThemeNames" was created by someone else .*; it was left as it is: insert again for a fresh name\. The sheets it had added \("Start Here", .*\) were removed\. Nothing else was changed\.$/,
    );
    expect([...fake.ss.named.values()].map((n) => [n.name, n.range.sheet.name, n.range.a1()])).toEqual([
      ['ThemeNames', 'Lists', 'A1:A5'],
    ]);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Lists']);
  });
});
