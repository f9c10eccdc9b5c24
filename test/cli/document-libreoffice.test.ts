/**
 * `tech-strategy-toolkit document` on a workbook LibreOffice re-saved (now with cached results and LibreOffice's own
 * sheet XML) gives the same Markdown as on the workbook the CLI wrote. Its own suite, apart from
 * test/cli/document.test.ts, so the `document` mutation group (stryker.config.mjs) does not start LibreOffice for
 * every mutant.
 */
import ExcelJS from 'exceljs';
import { resaveXlsx, sofficePath } from './soffice';
import { testNeeding } from '../harness/tools';
import { useExampleWorkbook, runCli } from './document-cli';

const soffice = sofficePath();
const itLo = testNeeding('soffice');

const example = useExampleWorkbook();

const cli = (argv: string[], now: Date) => runCli(example.dir, argv, now);

itLo(
  'the same workbook re-saved by LibreOffice (cached results, its own XML) gives the same Markdown',
  async () => {
    const now = new Date();
    const resaved = resaveXlsx(soffice!, example.workbook, example.dir);
    const ours = await cli(['document', example.workbook, '--out', '-'], now);
    const theirs = await cli(['document', resaved, '--out', '-'], now);
    expect(theirs.err).toBe('');
    expect(theirs.out).toBe(ours.out);
    // The re-saved file really holds cached results (so the reader used them, not the core).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    const status = wb.getWorksheet('Metrics Dashboard')!.getRow(3).values as ExcelJS.CellValue[];
    expect(status.some((v) => typeof v === 'object' && v !== null && 'result' in v && v.result === 'No due date')).toBe(
      true,
    );
  },
  120000,
);
