/**
 * The CLI's options, errors and exit codes, and what the written .xlsx holds (read back with
 * ExcelJS): formulas without cached results, validations, conditional formats, named ranges,
 * frozen header, widths, hidden helper columns, the native chart and the print setup.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Catalog } from '../../cli/main';
import { gridRect } from '../../shared/a1/a1';
import { modelFromPlans } from '../../xlsx/model';
import { PROJECTS_PLAN, THEMES_PLAN, WORKBOOK_PLAN } from './fixture-plans';

const fixtureCatalog: Catalog = {
  templates: [
    { id: 'themes', name: 'Themes', description: 'Strategic themes', sheets: ['Themes'] },
    { id: 'workbook', name: 'Workbook', description: 'Everything', sheets: ['Themes', 'Projects'] },
  ],
  compile: (id) => (id === 'themes' ? THEMES_PLAN : WORKBOOK_PLAN),
  defaultIds: ['workbook'],
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, fixtureCatalog, ExcelJS, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

describe('options and exit codes', () => {
  test('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: tech-strategy-toolkit workbook --out <file.xlsx>');
    expect(r.out).toContain('--force');
  });

  test('missing --out is a usage error (exit 2) and nothing is written', async () => {
    const r = await cli('workbook', '--example');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out <file.xlsx> is required');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('an unknown flag is named (exit 2)', async () => {
    const r = await cli('workbook', '--out', 'a.xlsx', '--colour');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown option "--colour"');
  });

  test('an unknown command is named (exit 2)', async () => {
    const r = await cli('sheet', '--out', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown command "sheet"');
  });

  test('--out without a value, or not .xlsx, is refused', async () => {
    expect((await cli('workbook', '--out')).err).toContain('--out needs a value');
    expect((await cli('workbook', '--out', 'a.csv')).err).toContain('must name an .xlsx file');
  });

  test('an unknown template id lists the valid ids (exit 2)', async () => {
    const r = await cli('workbook', '--templates', 'themes,roadmapz', '--out', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown template "roadmapz"');
    expect(r.err).toMatch(/themes\s+Themes: Strategic themes/);
    expect(r.err).toMatch(/workbook\s+Workbook: Everything/);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  });

  test('--list shows the ids', async () => {
    const r = await cli('--list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('themes');
  });

  test('refuses to overwrite an existing file without --force (exit 1, file untouched)', async () => {
    const file = path.join(dir, 'strategy.xlsx');
    fs.writeFileSync(file, 'mine');
    const r = await cli('workbook', '--out', 'strategy.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    const forced = await cli('workbook', '--out=strategy.xlsx', '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  test('a folder named like the workbook is never replaced, even with --force (exit 1, nothing written)', async () => {
    // (a write failing half-way is test/cli/write-file.test.ts: no temporary file is left there either)
    fs.mkdirSync(path.join(dir, 'strategy.xlsx'));
    const r = await cli('workbook', '--out', 'strategy.xlsx', '--force');
    expect(r.code).toBe(1);
    expect(r.err).toContain('strategy.xlsx is a folder, not a regular file; it is never replaced, even with --force');
    expect(fs.readdirSync(dir)).toEqual(['strategy.xlsx']);
    expect(fs.statSync(path.join(dir, 'strategy.xlsx')).isDirectory()).toBe(true);
  });

  test('a missing folder is reported (exit 1)', async () => {
    const r = await cli('workbook', '--out', 'nowhere/strategy.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain('does not exist');
  });
});

describe('both commands say the same problem the same way (cli/messages.ts)', () => {
  test('an unknown option, a missing value, an existing output and a missing folder', async () => {
    fs.writeFileSync(path.join(dir, 'taken.md'), 'mine');
    fs.writeFileSync(path.join(dir, 'taken.xlsx'), 'mine');
    await cli('workbook', '--out', 'strategy.xlsx');
    const same = async (workbook: string[], document: string[]): Promise<string> => {
      const [a, b] = [await cli(...workbook), await cli('document', 'strategy.xlsx', ...document)];
      const first = (t: string): string => t.split('\n')[0].replace(/\.(xlsx|md)\b/g, '.*');
      expect(first(b.err)).toBe(first(a.err));
      expect(b.code).toBe(a.code);
      return first(a.err);
    };
    expect(await same(['--colour'], ['--colour'])).toBe('Error: Unknown option "--colour".');
    expect(await same(['--out'], ['--out'])).toBe('Error: --out needs a value.');
    expect(await same(['--out', 'taken.xlsx'], ['--out', 'taken.md'])).toBe(
      'Error: taken.* already exists; nothing was written. Use --force to overwrite it, or choose another --out.',
    );
    expect(await same(['--out', 'no/s.xlsx'], ['--out', 'no/s.md'])).toBe('Error: the folder no does not exist.');
    expect(fs.readFileSync(path.join(dir, 'taken.md'), 'utf8')).toBe('mine');
  });
});

describe('the written workbook', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-cli-wb-'));
    let out = '';
    const code = await run(['workbook', '--example', '--out', 'w.xlsx'], fixtureCatalog, ExcelJS, {
      out: (t) => (out += t),
      err: () => undefined,
      cwd: d,
    });
    expect(code).toBe(0);
    expect(out).toContain('Wrote w.xlsx (2 sheets, with the example: Themes, Projects)');
    expect(out).toContain('With 1 chart');
    bytes = fs.readFileSync(path.join(d, 'w.xlsx'));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    fs.rmSync(d, { recursive: true, force: true });
  });

  test('sheets in plan order, and no note sheet about charts', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Themes', 'Projects']);
  });

  test('formulas are native, placeholders resolved, and carry no cached result', () => {
    const ws = wb.getWorksheet('Projects')!;
    const g2 = ws.getCell('G2').value as ExcelJS.CellFormulaValue;
    expect(g2.formula).toBe('C2*2+D2-E2*0.5-F2');
    expect(g2.result).toBeUndefined();
    expect((ws.getCell('J2').value as ExcelJS.CellFormulaValue).formula).toBe('COUNTIF(ThemeNames,B2)');
    expect((ws.getCell('J6').value as ExcelJS.CellFormulaValue).formula).toContain("ROWS('Projects'!A2:A5)");
    expect(ws.getCell('C2').value).toBe(9);
  });

  test('named range, validations, conditional formats', () => {
    expect(wb.definedNames.model).toEqual([{ name: 'ThemeNames', ranges: ['Themes!$A$2:$A$4'] }]);
    const ws = wb.getWorksheet('Projects')!;
    expect(ws.getCell('B3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['ThemeNames'],
      showErrorMessage: true,
      prompt: 'Pick a theme from the Themes sheet',
    });
    expect(ws.getCell('E5').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [1, 10] });
    expect(ws.getCell('H2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Do Now,Plan Carefully,Do When You Have Time,Don\'t Do"'],
      errorStyle: 'warning',
    });
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ['A2:J5', 'expression'],
      ['G2:G5', 'colorScale'],
    ]);
    expect(cf[0].rules[0].formulae).toEqual(['$H2="Do Now"']);
  });

  test('frozen header, widths, hidden helper column, number formats, header style', () => {
    const ws = wb.getWorksheet('Projects')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ws.getColumn(1).width).toBeCloseTo((140 - 5) / 7, 1);
    expect(ws.getColumn(10).hidden).toBe(true);
    expect(ws.getColumn(9).hidden).toBe(false);
    expect(ws.getCell('G3').numFmt).toBe('0.0');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FF1F4E79' } });
  });

  test('the chart is a native chart of the Projects sheet, reading its cells', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:scatterChart>');
    expect(chart).toContain('<c:f>&apos;Projects&apos;!$E$2:$E$5</c:f>');
    expect(chart).toContain('<c:f>&apos;Projects&apos;!$C$2:$C$5</c:f>');
    const rels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string');
    expect(rels).toContain('relationships/drawing');
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<drawing');
  });

  test('print setup: landscape, one page wide, header row repeated, footer with sheet name and page', async () => {
    const ws = wb.getWorksheet('Projects')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddFooter).toContain('&A');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    // One name per sheet: the data block without the hidden helper column J, then the chart on a page of its own.
    const workbook = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    const areas = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="(\d)">([^<]*)</g)];
    expect(areas.map((m) => [m[1], m[2].replace(/&apos;/g, "'")])).toEqual([
      ['0', "'Themes'!$A$1:$B$4"],
      ['1', "'Projects'!$A$1:$I$6,'Projects'!$L$2:$S$20"],
    ]);
  });
});

describe('several templates in one file never clash', () => {
  test('a second copy gets fresh sheet and range names and its formulas follow them', () => {
    const m = modelFromPlans([THEMES_PLAN, WORKBOOK_PLAN]);
    expect(m.sheets.map((s) => s.name)).toEqual(['Themes', 'Themes (2)', 'Projects']);
    expect(m.namedRanges.map((n) => [n.name, n.sheetName])).toEqual([
      ['ThemeNames', 'Themes'],
      ['ThemeNames_2', 'Themes (2)'],
    ]);
    expect(m.sheets[2].cells[1][9]).toBe('=COUNTIF(ThemeNames_2,B2)');
  });

  test('gridRect reads absolute and sheet-qualified ranges', () => {
    expect(gridRect("'Themes'!$A$2:$B$4")).toEqual({ top: 1, left: 0, bottom: 3, right: 1 });
    expect(gridRect('AA10')).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
  });

  test('PROJECTS_PLAN alone refers to names it does not define and fails loudly, not silently', () => {
    expect(() => modelFromPlans([PROJECTS_PLAN])).toThrow(/Unknown (sheet|name) placeholder/);
  });
});
