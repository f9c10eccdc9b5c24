/**
 * The preview's "Download .xlsx" writes the workbook the preview holds (PreviewWorkbook.toModel) with
 * the same writer as the CLI: after inserting the full strategy workbook, its file holds the same five
 * charts, part for part, as the CLI's, and the same print names. (test/browser/preview.test.ts clicks the
 * button in Chromium; this compares what it writes.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultTemplateIds } from '../../cli/catalog';
import { PreviewWorkbook } from '../../preview/workbook';
import { compileTemplate } from '../../shared/templates';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';

const plans = () => defaultTemplateIds().map((id) => compileTemplate(id, { example: true }));

async function chartParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f)))
    out[p] = await zip.file(p)!.async('string');
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  out.printNames = [...workbook.matchAll(/<definedName name="_xlnm\.[^>]*>[^<]*<\/definedName>/g)].join('\n');
  return out;
}

test('the preview’s download holds the CLI’s charts and print names', async () => {
  const preview = new PreviewWorkbook();
  for (const p of plans()) preview.insertPlan(p);
  const fromPreview = await chartParts(await writeXlsx(ExcelJS, preview.toModel(), { title: 'Technical strategy' }));
  const fromCli = await chartParts(await writeXlsx(ExcelJS, modelFromPlans(plans())));
  expect(Object.keys(fromPreview).filter((p) => p.startsWith('xl/charts/'))).toHaveLength(6 + 6);
  expect(fromPreview).toEqual(fromCli);
});
