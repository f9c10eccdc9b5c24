/**
 * Renders the charts of the example workbook as LibreOffice draws them from the .xlsx the CLI writes:
 * the workbook is written (xlsx/writer.ts), printed to PDF by LibreOffice headless (each chart prints on
 * its sheet's last page), and each chart is cut out of its page with poppler's pdftoppm (the chart's
 * frame found in a grey rendering of the page). Output: docs/images/xlsx-chart-<kind>.png, beside the
 * preview's Chart.js images (npm run charts:render). Usage: npm run charts:xlsx [-- --out <dir>]
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultTemplateIds } from '../cli/catalog';
import { compileTemplate } from '../shared/templates';
import { modelFromPlans } from '../xlsx/model';
import { writeXlsx } from '../xlsx/writer';
import { printedPages } from '../test/cli/chart-oracle';
import { convert, sofficePath } from '../test/cli/soffice';
import { previewWithSnapshots } from '../test/fixtures/snapshots';
import { convertForDownload } from '../preview/convert';

/** Trend charts print once their metric has two snapshots: that sheet is drawn from a workbook holding three. */
const FROM_SNAPSHOTS = 'Progress History';

const DPI = 96;
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The bounding box of the non-white pixels of a binary PGM (P5), above the footer. */
function frameOf(pgm: Buffer, footerPx: number): { x: number; y: number; w: number; h: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height - footerPx; y++)
    for (let x = 0; x < width; x++)
      if (pixels[y * width + x] < 245) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  if (right < 0) throw new Error('Blank chart page');
  return { x: left, y: top, w: right - left + 1, h: bottom - top + 1 };
}

async function main(): Promise<void> {
  const outArg = process.argv.indexOf('--out');
  const outDir = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(__dirname, '..', 'docs', 'images'));
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not found: run scripts/setup-system.sh');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-charts-'));
  try {
    const model = modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example: true })));
    const xlsx = path.join(work, 'example.xlsx');
    fs.writeFileSync(xlsx, await writeXlsx(ExcelJS, model));
    const history = path.join(work, 'history.xlsx');
    fs.writeFileSync(history, await writeXlsx(ExcelJS, convertForDownload(previewWithSnapshots()).model));
    convert(soffice, [xlsx, history], 'pdf', work, work);
    fs.mkdirSync(outDir, { recursive: true });
    for (const s of model.sheets.filter((x) => x.charts.length > 0)) {
      const pdf = path.join(work, s.name === FROM_SNAPSHOTS ? 'history.pdf' : 'example.pdf');
      const page = printedPages(pdf)
        .map((p, i) => ({ ...p, n: i + 1 }))
        .filter((p) => p.sheet === s.name)
        .pop()!;
      const gray = path.join(work, `page-${page.n}`);
      execFileSync('pdftoppm', [
        '-r',
        String(DPI),
        '-gray',
        '-f',
        String(page.n),
        '-l',
        String(page.n),
        '-singlefile',
        pdf,
        gray,
      ]);
      const box = frameOf(fs.readFileSync(`${gray}.pgm`), 60);
      const target = path.join(outDir, `xlsx-chart-${kebab(s.charts[0].kind)}`);
      const crop = ['-x', box.x, '-y', box.y, '-W', box.w, '-H', box.h].map(String);
      execFileSync('pdftoppm', [
        '-r',
        String(DPI),
        '-png',
        '-f',
        String(page.n),
        '-l',
        String(page.n),
        ...crop,
        '-singlefile',
        pdf,
        target,
      ]);
      console.log(`${path.relative(process.cwd(), target)}.png  (${s.name}, ${box.w}×${box.h})`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
