/**
 * Promise 7, proved on both hosts with the recording fakes: inserting a template never overwrites,
 * clears or deletes anything the user has — a clash gets "Roadmap (2)", two clicks give two good
 * sheets, user named ranges and tables keep their names and targets (ours get a suffix and our
 * validations point at ours), and a failure mid-way leaves no half-built sheet in Excel and a clear
 * report (and nothing half-built) in Sheets.
 */
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { compileTemplate } from '../../shared/templates/index';
import type { RenderPlan } from '../../shared/plan/plan';
import { resolvePlan } from '../../shared/plan/resolve';
import { FakeExcelHost, snapshotSheet } from '../fakes/excel';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';
import { checkExcelSheet, checkSheetsSheet } from './plan-checks';

const roadmap = compileTemplate('roadmap', { example: true });
const workbook = compileTemplate('strategy-workbook', { example: true });

// ---------- Google Sheets ----------

/** A spreadsheet where the user already has a "Roadmap" sheet with work in it and a ThemeNames named range. */
function userSpreadsheet(): SheetsFake {
  const fake = createSheetsFake(['Sheet1', 'Roadmap']);
  const mine = fake.ss.sheet('Roadmap');
  mine.rangeAt('A1:C3').setValues([
    ['My initiative', 'Owner', 'Score'],
    ['Migrate billing', 'Ana', 12],
    ['Kill the monolith', 'Raj', '=C2*2'],
  ]);
  mine.rangeAt('C2:C3').setNumberFormat('0.0');
  mine.rangeAt('A1:C1').setFontWeight('bold');
  mine.setFrozenRows(1);
  mine.setTabColor('#ff0000');
  fake.ss.setNamedRange('ThemeNames', mine.getRange('A2:A3'));
  fake.recorder.reset();
  return fake;
}

function sheetsInsert(fake: SheetsFake, plan: RenderPlan): ReturnType<typeof applyPlanSheets> {
  return withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), plan));
}

function namedRanges(fake: SheetsFake): Array<[string, string, string]> {
  return [...fake.ss.named.values()].map((n) => [n.name, n.range.sheet.name, n.range.a1()]);
}

describe('Google Sheets never loses the user’s work', () => {
  test('a clash with the user’s "Roadmap" creates "Roadmap (2)"; the user’s sheet is unchanged', () => {
    const fake = userSpreadsheet();
    const before = fake.ss.sheet('Roadmap').snapshot();
    const report = sheetsInsert(fake, roadmap);
    expect(report.sheets).toEqual(['Roadmap (2)']);
    expect(report.renamed).toEqual([{ wanted: 'Roadmap', used: 'Roadmap (2)' }]);
    expect(report.message).toContain('"Roadmap (2)"');
    expect(report.message).toContain('already existed');
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap', 'Roadmap (2)']);
    expect(fake.ss.sheet('Roadmap').snapshot()).toEqual(before);
    const resolved = resolvePlan(roadmap, { sheets: ['Sheet1', 'Roadmap'], namedRanges: ['ThemeNames'] }).plan;
    expect(checkSheetsSheet(fake.ss, resolved.sheets[0], resolved)).toEqual([]);
  });

  test('inserting twice gives two complete sheets, not one corrupted sheet', () => {
    const fake = createSheetsFake(['Sheet1']);
    const first = sheetsInsert(fake, roadmap);
    const second = sheetsInsert(fake, roadmap);
    expect([first.sheets, second.sheets]).toEqual([['Roadmap'], ['Roadmap (2)']]);
    const r1 = resolvePlan(roadmap, { sheets: ['Sheet1'], namedRanges: [] }).plan;
    const r2 = resolvePlan(roadmap, { sheets: ['Sheet1', 'Roadmap'], namedRanges: [] }).plan;
    expect(checkSheetsSheet(fake.ss, r1.sheets[0], r1)).toEqual([]);
    expect(checkSheetsSheet(fake.ss, r2.sheets[0], r2)).toEqual([]);
  });

  test('the user’s named range keeps its name and target; ours is ThemeNames_2 and every theme drop-down uses ours', () => {
    const fake = userSpreadsheet();
    const report = sheetsInsert(fake, workbook);
    expect(report.namedRanges).toEqual(['ThemeNames_2', 'InitiativeNames']);
    expect(namedRanges(fake)).toEqual([
      ['ThemeNames', 'Roadmap', 'A2:A3'],
      ['ThemeNames_2', 'Strategic Themes', 'A2:A51'],
      ['InitiativeNames', 'Roadmap (2)', 'A2:A51'],
    ]);
    const projects = fake.ss.sheet('Prioritization');
    const dv = projects.peek('B2')?.validation;
    expect(dv?.criteria).toBe('VALUE_IN_RANGE');
    expect(dv?.args[0]).toEqual({ sheet: 'Strategic Themes', a1: 'A2:A51' });
    // The user's "Roadmap" clashed too: the workbook's roadmap is "Roadmap (2)" and its theme list is ours.
    expect(fake.ss.sheet('Roadmap (2)').peek('B2')?.validation?.args[0]).toEqual({
      sheet: 'Strategic Themes',
      a1: 'A2:A51',
    });
  });

  test('a failure mid-way removes only what this insert created and says what happened', () => {
    const fake = userSpreadsheet();
    const sheetsBefore = fake.ss.sheets.map((s) => s.name);
    const namesBefore = namedRanges(fake);
    const userBefore = fake.ss.sheet('Roadmap').snapshot();
    fake.recorder.failure = {
      method: 'setConditionalFormatRules',
      nth: 2,
      message: 'Service Spreadsheets timed out while accessing document',
    };
    let message = '';
    try {
      sheetsInsert(fake, workbook);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Full Strategy Workbook was not inserted|was not inserted/);
    expect(message).toContain('adding conditional formats');
    expect(message).toContain('Service Spreadsheets timed out');
    expect(message).toMatch(
      /The sheets it had added \("Start Here", "Progress Dashboard", .*\) were removed\. Nothing else was changed\.$/,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(namedRanges(fake)).toEqual(namesBefore);
    expect(fake.ss.sheet('Roadmap').snapshot()).toEqual(userBefore);
    expect(fake.recorder.count('service', 'deleteSheet')).toBe(workbook.sheets.length);
  });

  test('a failure before anything was created says nothing was added', () => {
    const fake = userSpreadsheet();
    fake.recorder.failure = {
      method: 'insertSheet',
      nth: 1,
      message: 'You do not have permission to edit this spreadsheet',
    };
    expect(() => sheetsInsert(fake, roadmap)).toThrow(
      /Roadmap was not inserted: adding the sheet on "Roadmap \(2\)" failed \(You do not have permission.*\)\. Nothing was added\./,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
  });

  test('a failure setting a named range names that range alone, not the last sheet added', () => {
    const fake = userSpreadsheet();
    fake.recorder.failure = { method: 'setNamedRange', nth: 2, message: 'Service error: Spreadsheets' };
    expect(sheetsFailure(fake, workbook)).toBe(
      `Full Strategy Workbook was not inserted: creating the named range InitiativeNames failed (Service error: Spreadsheets). The sheets it had added (${WORKBOOK_SHEETS}) were removed. Nothing else was changed.`,
    );
    expect(namedRanges(fake)).toEqual([['ThemeNames', 'Roadmap', 'A2:A3']]);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
  });

  test('a failure showing the finished sheet names that step, not a sheet', () => {
    const fake = userSpreadsheet();
    fake.recorder.failure = { method: 'activate', nth: 1, message: 'Service error: Spreadsheets' };
    expect(sheetsFailure(fake, roadmap)).toBe(
      'Roadmap was not inserted: activating the first sheet failed (Service error: Spreadsheets). The sheet it had added ("Roadmap (2)") was removed. Nothing else was changed.',
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
  });

  test('a sheet that cannot be removed is named to delete by hand; the others and every name of ours go', () => {
    const fake = userSpreadsheet();
    const userBefore = fake.ss.sheet('Roadmap').snapshot();
    fake.recorder.failure = { method: 'setConditionalFormatRules', nth: 2, message: 'Service error: Spreadsheets' };
    // Removal goes last sheet first: "Strategic Themes" (which ThemeNames_2 points at) is the 7th of them from the end.
    const stuck = workbook.sheets.length - 6;
    fake.recorder.before('deleteSheet', stuck, () => {
      throw new Error('Service error: Spreadsheets');
    });
    const message = sheetsFailure(fake, workbook);
    const removed = WORKBOOK_SHEETS.replace('"Strategic Themes", ', '');
    expect(message).toBe(
      `Full Strategy Workbook was not inserted: adding conditional formats on "Business Context" failed (Service error: Spreadsheets). The sheets it had added (${removed}) were removed. Removing the sheet it had added failed: delete "Strategic Themes" by hand. Nothing else was changed.`,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap', 'Strategic Themes']);
    expect(namedRanges(fake)).toEqual([['ThemeNames', 'Roadmap', 'A2:A3']]);
    expect(fake.ss.sheet('Roadmap').snapshot()).toEqual(userBefore);
  });

  test('our own sheet that could not be removed is never reported as someone else’s', () => {
    const fake = createSheetsFake(['Sheet1']);
    fake.recorder.before('deleteSheet', 1, () => {
      throw new Error('Service error: Spreadsheets');
    });
    // The self-check marks each sheet it creates (onSheetCreated): that step fails here, right after the insert.
    const onSheetCreated = (): void => {
      throw new Error('Service error: Spreadsheets');
    };
    expect(() => withSheetsGlobals(fake, () => applyPlanSheets(fake.ss.real(), roadmap, { onSheetCreated }))).toThrow(
      /^Roadmap was not inserted: adding the sheet on "Roadmap" failed \(Service error: Spreadsheets\)\. Removing the sheet it had added failed: delete "Roadmap" by hand\. Nothing else was changed\.$/,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
  });

  test('our own sheet left after a failure while filling it is never reported as someone else’s', () => {
    const fake = createSheetsFake(['Sheet1']);
    fake.recorder.failure = { method: 'setConditionalFormatRules', nth: 1, message: 'Service error: Spreadsheets' };
    fake.recorder.before('deleteSheet', 1, () => {
      throw new Error('Service error: Spreadsheets');
    });
    expect(sheetsFailure(fake, roadmap)).toBe(
      'Roadmap was not inserted: adding conditional formats on "Roadmap" failed (Service error: Spreadsheets). Removing the sheet it had added failed: delete "Roadmap" by hand. Nothing else was changed.',
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap']);
  });

  test('a plan whose named range points at a sheet it does not create fails cleanly, removing its sheet', () => {
    const fake = createSheetsFake(['Sheet1']);
    expect(sheetsFailure(fake, orphanName(roadmap))).toBe(
      'Roadmap was not inserted: creating the named range Orphan failed (named range Orphan refers to sheet key "nowhere", which the plan does not create). The sheet it had added ("Roadmap") was removed. Nothing else was changed.',
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(namedRanges(fake)).toEqual([]);
  });

  test('a plan whose drop-down lists a source that is neither a name of it nor a sheet range fails cleanly', () => {
    const fake = createSheetsFake(['Sheet1']);
    const message = sheetsFailure(fake, listFrom(roadmap, '=Nowhere'));
    expect(message).toMatch(
      /^Roadmap was not inserted: .* on "Roadmap" failed \(list source "=Nowhere" is neither a named range of this template nor a sheet-qualified range\)\. The sheet it had added \("Roadmap"\) was removed\. Nothing else was changed\.$/,
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a drop-down listing a range on the user’s sheet named with "=" lists that range', () => {
    const fake = createSheetsFake(['Sheet1', 'Q=A']);
    fake.ss
      .sheet('Q=A')
      .rangeAt('A1:A3')
      .setValues([['Alpha'], ['Beta'], ['Gamma']]);
    const plan = listFrom(roadmap, "'Q=A'!A1:A3");
    sheetsInsert(fake, plan);
    const listed = plan.sheets[0].validations.find((v) => v.rule.kind === 'listFromRange')!;
    const cell = listed.range.split(':')[0];
    expect(fake.ss.sheet('Roadmap').peek(cell)?.validation?.args[0]).toEqual({ sheet: 'Q=A', a1: 'A1:A3' });
  });

  test('the sheet the plan names is the one shown at the end, not the first or the last one added', () => {
    const fake = createSheetsFake(['Sheet1']);
    sheetsInsert(fake, { ...workbook, activate: workbook.sheets[2].key });
    expect(fake.ss.active?.name).toBe(workbook.sheets[2].name);
  });
});

/** A plan no template makes: a named range on a sheet key the plan does not create (a compiler defect). */
function orphanName(plan: RenderPlan): RenderPlan {
  return {
    ...plan,
    namedRanges: [...plan.namedRanges, { key: 'orphan', name: 'Orphan', sheet: 'nowhere', range: 'A1:A2' }],
  };
}

/** A plan whose every drop-down from a range lists `source` instead. */
function listFrom(plan: RenderPlan, source: string): RenderPlan {
  const sheets = plan.sheets.map((sh) => ({
    ...sh,
    validations: sh.validations.map((v) =>
      v.rule.kind === 'listFromRange' ? { ...v, rule: { ...v.rule, source } } : v,
    ),
  }));
  return { ...plan, sheets };
}

/** The message a failed insert throws. */
function sheetsFailure(fake: SheetsFake, plan: RenderPlan): string {
  try {
    sheetsInsert(fake, plan);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the insert did not fail');
}

/** The full workbook's sheets, in order, as the failure message quotes them (the user's "Roadmap" made ours "Roadmap (2)"). */
const WORKBOOK_SHEETS = workbook.sheets.map((s) => `"${s.name === 'Roadmap' ? 'Roadmap (2)' : s.name}"`).join(', ');

// ---------- Excel ----------

async function userWorkbook(): Promise<FakeExcelHost> {
  const host = new FakeExcelHost(['Sheet1', 'Roadmap']);
  const ctx = host.context();
  const ws = ctx.workbook.worksheets.getItem('Roadmap');
  ws.getRange('A1:C3').formulas = [
    ['My initiative', 'Owner', 'Score'],
    ['Migrate billing', 'Ana', 12],
    ['Kill the monolith', 'Raj', '=C2*2'],
  ];
  ws.getRange('A1:C1').format.font.bold = true;
  ws.tabColor = '#ff0000';
  ws.tables.add('A1:C3', true).name = 'RoadmapTable';
  ctx.workbook.names.add('ThemeNames', ws.getRange('A2:A3'));
  await ctx.sync();
  host.contexts = [];
  return host;
}

async function excelInsert(host: FakeExcelHost, plan: RenderPlan): Promise<Awaited<ReturnType<typeof applyPlanExcel>>> {
  return applyPlanExcel(host.context() as unknown as Excel.RequestContext, plan);
}

const names = (host: FakeExcelHost): string[][] => host.state.names.map((n) => [n.name, n.reference]);
const tables = (host: FakeExcelHost): string[][] => host.state.tables.map((t) => [t.name, t.sheet.name, t.range]);

describe('Excel never loses the user’s work', () => {
  test('a clash creates "Roadmap (2)" and a fresh table name; the user’s sheet and table are unchanged', async () => {
    const host = await userWorkbook();
    const before = snapshotSheet(host.sheet('Roadmap'));
    const report = await excelInsert(host, roadmap);
    expect(report.sheets).toEqual(['Roadmap (2)']);
    expect(report.tables).toEqual(['RoadmapTable_2']);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap', 'Roadmap (2)']);
    expect(snapshotSheet(host.sheet('Roadmap'))).toEqual(before);
    expect(tables(host)).toEqual([
      ['RoadmapTable', 'Roadmap', 'A1:C3'],
      ['RoadmapTable_2', 'Roadmap (2)', roadmap.sheets[0].table!.range],
    ]);
    const resolved = resolvePlan(roadmap, {
      sheets: ['Sheet1', 'Roadmap'],
      namedRanges: ['ThemeNames'],
      tables: ['RoadmapTable'],
    }).plan;
    expect(checkExcelSheet(host, resolved.sheets[0])).toEqual([]);
  });

  test('inserting twice gives two complete sheets', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    await excelInsert(host, roadmap);
    await excelInsert(host, roadmap);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap', 'Roadmap (2)']);
    const r1 = resolvePlan(roadmap, { sheets: ['Sheet1'], namedRanges: [], tables: [] }).plan;
    const r2 = resolvePlan(roadmap, {
      sheets: ['Sheet1', 'Roadmap'],
      namedRanges: ['InitiativeNames'],
      tables: ['RoadmapTable'],
    }).plan;
    expect(checkExcelSheet(host, r1.sheets[0])).toEqual([]);
    expect(checkExcelSheet(host, r2.sheets[0])).toEqual([]);
  });

  test('the user’s ThemeNames is untouched; ours is ThemeNames_2 and every theme drop-down lists its range', async () => {
    const host = await userWorkbook();
    const report = await excelInsert(host, workbook);
    expect(report.namedRanges).toEqual(['ThemeNames_2', 'InitiativeNames']);
    expect(names(host)).toEqual([
      ['ThemeNames', "'Roadmap'!A2:A3"],
      ['ThemeNames_2', "'Strategic Themes'!A2:A51"],
      ['InitiativeNames', "'Roadmap (2)'!A2:A51"],
    ]);
    for (const [sheet, cell] of [
      ['Prioritization', 'B2'],
      ['Roadmap (2)', 'B2'],
      ['Metrics Dashboard', 'A2'],
      ['ADR Log', 'F2'],
    ]) {
      // The list source is the Range our ThemeNames_2 names (never the user's "Roadmap" themes).
      expect(host.cell(sheet, cell)?.validation?.rule?.list?.source).toBe("='Strategic Themes'!$A$2:$A$51");
    }
  });

  test('a failure while creating the sheets, names and tables removes the ones this insert added, and says so', async () => {
    const host = await userWorkbook();
    const sheetsBefore = host.sheetNames();
    const namesBefore = names(host);
    const tablesBefore = tables(host);
    const userBefore = snapshotSheet(host.sheet('Roadmap'));
    host.failure = { op: 'tables.add', nth: 4, message: 'The request payload size has exceeded the limit.' };
    await expect(excelInsert(host, workbook)).rejects.toThrow(
      /^Full Strategy Workbook was not inserted: Excel reported "The request payload size has exceeded the limit\."\. The sheets it had added \("Start Here", "Progress Dashboard", .*"What We're Not Doing", "Strategy Review", "Progress History", "Strategy Document"\) were removed\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(sheetsBefore);
    expect(names(host)).toEqual(namesBefore);
    expect(tables(host)).toEqual(tablesBefore);
    expect(snapshotSheet(host.sheet('Roadmap'))).toEqual(userBefore);
    // read, create (fails part-way), then one clean-up read and one clean-up commit
    expect(host.contexts[0].syncs).toBe(4);
  });

  test('a failure while filling the sheets removes them by the ids loaded when they were created', async () => {
    const host = await userWorkbook();
    const sheetsBefore = host.sheetNames();
    const namesBefore = names(host);
    const userBefore = snapshotSheet(host.sheet('Roadmap'));
    host.failure = { op: 'conditionalFormats.add', nth: 3, message: 'Out of memory' };
    await expect(excelInsert(host, workbook)).rejects.toThrow(
      /^Full Strategy Workbook was not inserted: Excel reported "Out of memory"\. The sheets it had added \(.*"Roadmap \(2\)".*\) were removed\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(sheetsBefore);
    expect(names(host)).toEqual(namesBefore);
    expect(snapshotSheet(host.sheet('Roadmap'))).toEqual(userBefore);
    // read, create, fill (fails), clean-up read, clean-up commit
    expect(host.contexts[0].syncs).toBe(5);
  });

  test('a failure adding the second sheet removes the first one too', async () => {
    const host = await userWorkbook();
    host.failure = { op: 'worksheets.add', nth: 2, message: 'Excel is busy' };
    // Not a name clash: the message blames no one for "Progress Dashboard".
    await expect(excelInsert(host, workbook)).rejects.toThrow(
      /^Full Strategy Workbook was not inserted: Excel reported "Excel is busy"\. The sheet it had added \("Start Here"\) was removed\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    expect(names(host)).toEqual([['ThemeNames', "'Roadmap'!A2:A3"]]);
  });

  test('a failure while filling removes our names on plain-named sheets too (Excel writes them unquoted: =Roadmap!…)', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.failure = { op: 'conditionalFormats.add', nth: 3, message: 'Out of memory' };
    await expect(excelInsert(host, workbook)).rejects.toThrow(/were removed\. Nothing else was changed\.$/);
    expect(host.sheetNames()).toEqual(['Sheet1']);
    expect(names(host)).toEqual([]);
  });

  test('when removing its sheet fails too, the message names the sheet to delete by hand and Excel’s reason', async () => {
    const host = await userWorkbook();
    host.failure = { op: 'conditionalFormats.add', nth: 1, message: 'Out of memory' };
    // read, create, fill (fails), then the clean-up read fails
    host.coAuthor(4, () => (host.failure = { op: 'load', nth: 1, message: 'Excel is busy' }));
    await expect(excelInsert(host, roadmap)).rejects.toThrow(
      /^Roadmap was not inserted: Excel reported "Out of memory"\. Removing the sheet it had added failed \(Excel is busy\): delete "Roadmap \(2\)" by hand\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap', 'Roadmap (2)']);
  });

  test('a failure adding the first sheet adds nothing and answers at once: no clean-up round trip', async () => {
    const host = await userWorkbook();
    host.failure = { op: 'worksheets.add', nth: 1, message: 'Excel is busy' };
    await expect(excelInsert(host, workbook)).rejects.toThrow(
      /^Full Strategy Workbook was not inserted: Excel reported "Excel is busy"\. Nothing was added\. Nothing else was changed\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
    // read, create (fails at once): nothing of ours to look for, so no clean-up read (each round trip is a pause
    // the user waits through in Excel on the web)
    expect(host.contexts[0].syncs).toBe(2);
  });

  test('a plan whose named range points at a sheet it does not create is refused before anything is sent', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    await expect(excelInsert(host, orphanName(roadmap))).rejects.toThrow(
      'named range Orphan refers to sheet key "nowhere", which the plan does not create',
    );
    expect(host.sheetNames()).toEqual(['Sheet1']);
    expect(names(host)).toEqual([]);
  });

  test('the sheet the plan names is the one shown at the end, not the first one added', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    await excelInsert(host, { ...workbook, activate: workbook.sheets[2].key });
    expect(host.state.active?.name).toBe(workbook.sheets[2].name);
  });

  test('an Excel without the API templates need: the message says which version and where it works; nothing is added', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const supports = (): boolean => false; // an Excel 2016 that stops at ExcelApi 1.7, say
    await expect(
      applyPlanExcel(host.context() as unknown as Excel.RequestContext, roadmap, { supports }),
    ).rejects.toThrow(
      /^Roadmap was not inserted: this version of Excel does not support the Excel JavaScript API 1\.8 \(data validation, chart axes and labels\), which templates need\. Nothing was added; Excel for the web and Microsoft 365 support it\.$/,
    );
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  test('a co-author’s name that took our name’s text meanwhile keeps its target when our insert fails', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.failure = { op: 'conditionalFormats.add', nth: 3, message: 'Out of memory' };
    host.coAuthor(3, (co) => {
      // Between our round trips, a co-author deletes our InitiativeNames and defines their own on their sheet.
      host.state.names = host.state.names.filter((n) => n.name !== 'InitiativeNames');
      co.addSheet('Their list', { A1: 'Theirs' });
      co.addName('InitiativeNames', 'Their list', 'A1:A5');
    });
    await expect(excelInsert(host, workbook)).rejects.toThrow(/were removed\. Nothing else was changed\.$/);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Their list']);
    expect(names(host)).toEqual([['InitiativeNames', "'Their list'!A1:A5"]]);
  });

  test('a failed create never removes a user’s sheet that shares its name with one of our names or tables', async () => {
    const host = new FakeExcelHost(['Sheet1', 'InitiativeNames', 'RoadmapTable']);
    host.failure = { op: 'tables.add', nth: 4, message: 'The request payload size has exceeded the limit.' };
    await expect(excelInsert(host, workbook)).rejects.toThrow(/were removed\. Nothing else was changed\.$/);
    expect(host.sheetNames()).toEqual(['Sheet1', 'InitiativeNames', 'RoadmapTable']);
    expect(names(host)).toEqual([]);
  });

  test('a failure reading the workbook adds nothing', async () => {
    const host = await userWorkbook();
    host.failure = { op: 'load', nth: 1, message: 'Excel is busy' };
    await expect(excelInsert(host, roadmap)).rejects.toThrow('Excel is busy');
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
  });
});
