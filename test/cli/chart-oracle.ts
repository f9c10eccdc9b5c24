/**
 * Reading what LibreOffice did with a workbook:
 *  - the chart oracle: an .ods written by LibreOffice keeps, inside each chart object
 *    (`Object N/content.xml`), a local table with the values that chart plots; cells the chart leaves
 *    out (hidden ones unless `chart:include-hidden-cells="true"`) are not in it;
 *  - printed pages: `pdftotext` gives each PDF page's text, whose footer names the sheet and page;
 *  - fonts: `pdffonts` lists the fonts the PDF uses.
 * Needs poppler-utils (pdftotext, pdffonts) for the PDF helpers.
 */
import { execFileSync } from 'child_process';
import JSZip from 'jszip';
import * as fs from 'fs';

export type TableCell = string | number | null;

export interface OdsChart {
  /** The sheet the chart sits on. */
  sheet: string;
  /** The chart object's name (the chart's title as the .xlsx names it). */
  name: string;
  /** chart:class of the plot, e.g. "chart:bar", "chart:scatter", "chart:radar". */
  className: string;
  /**
   * Whether cells in hidden rows and columns are plotted: LibreOffice writes
   * `chart:include-hidden-cells="false"` in the plot area's style when they are not (ODF's default is true).
   */
  includeHidden: boolean;
  /** Each series' values range as LibreOffice holds it ("Roadmap.L2:Roadmap.L17"). */
  series: string[];
  /** The local table: header row first; NaN (no value) as null. */
  table: TableCell[][];
  /** The title LibreOffice draws (a linked title: from the file's cache). */
  title: string;
}

/** The text of the chart's title element. */
function chartTitle(xml: string): string {
  const t = /<chart:title\b[^>]*>([\s\S]*?)<\/chart:title>/.exec(xml);
  const p = t && /<text:p>([\s\S]*?)<\/text:p>/.exec(t[1]);
  return p ? decode(p[1].replace(/<[^>]+>/g, '')) : '';
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

function cellValue(open: string, body: string): TableCell {
  const type = attr(open, 'office:value-type');
  if (type === 'float' || type === 'percentage') {
    const v = attr(open, 'office:value');
    return v === undefined || v === 'NaN' ? null : Number(v);
  }
  const p = /<text:p>([\s\S]*?)<\/text:p>/.exec(body);
  return p ? decode(p[1].replace(/<[^>]+>/g, '')) : null;
}

function localTable(xml: string): TableCell[][] {
  const t = /<table:table table:name="local-table">([\s\S]*?)<\/table:table>/.exec(xml);
  if (!t) return [];
  return [...t[1].matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
    [...row[1].matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map((c) =>
      cellValue(c[1], c[2] ?? ''),
    ),
  );
}

/** Every chart of an .ods file LibreOffice wrote, with its sheet, name, series and local table. */
export async function odsCharts(odsPath: string): Promise<OdsChart[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(odsPath));
  const content = await zip.file('content.xml')!.async('string');
  const charts: OdsChart[] = [];
  for (const table of content.matchAll(/<table:table table:name="([^"]*)"[\s\S]*?<\/table:table>/g)) {
    for (const frame of table[0].matchAll(/<draw:frame\b([^>]*)>([\s\S]*?)<\/draw:frame>/g)) {
      const href = /<draw:object\b[^>]*xlink:href="\.\/([^"]+)"/.exec(frame[2]);
      const object = href && zip.file(`${href[1]}/content.xml`);
      if (!object) continue;
      const xml = await object.async('string');
      charts.push({
        sheet: decode(table[1]),
        name: attr(frame[1], 'draw:name') ?? '',
        className: attr(/<chart:chart\b[^>]*>/.exec(xml)?.[0] ?? '', 'chart:class') ?? '',
        includeHidden: !/chart:include-hidden-cells="false"/.test(xml),
        series: [...xml.matchAll(/<chart:series\b[^>]*>/g)].map(
          (m) => attr(m[0], 'chart:values-cell-range-address') ?? '',
        ),
        table: localTable(xml),
        title: chartTitle(xml),
      });
    }
  }
  return charts;
}

export interface PrintedPage {
  /** The sheet named in the page's footer. */
  sheet: string;
  /** The page number in the footer. */
  page: number;
  text: string;
}

/** The pages of a PDF printed from the workbook, each with the sheet and page its footer names. */
export function printedPages(pdf: string): PrintedPage[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const footer = p.trimEnd().split('\n').pop()!.trim();
      const m = /^(.*?)\s+Page (\d+)$/.exec(footer);
      return { sheet: m ? m[1] : '', page: m ? Number(m[2]) : 0, text: p };
    });
}

/** Font names used by a PDF (pdffonts), e.g. "LiberationSans-Bold". */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2);
  return out.filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}
