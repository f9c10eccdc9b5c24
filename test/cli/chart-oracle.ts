/**
 * Reading what LibreOffice did with a workbook:
 *  - the chart oracle: an .ods written by LibreOffice keeps, inside each chart object
 *    (`Object N/content.xml`), a local table with the values that chart plots; cells the chart leaves
 *    out (hidden ones unless `chart:include-hidden-cells="true"`) are not in it; with it the legend's entries,
 *    the value axis's fixed bounds and each point's label text;
 *  - the sheets as shown: each cell's `<text:p>` in the .ods is the text LibreOffice displays after its own
 *    recalculation, number format applied ("99.5%", "$1,200", "Err:502", "#NAME?");
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
  /** The series names the legend lists, in order (series with `loext:hide-legend="true"` left out). */
  legend: string[];
  /** The value axis's fixed bounds (`chart:minimum` / `chart:maximum` of the y axis), undefined when automatic. */
  valueAxis: { min?: number; max?: number };
  /** Per series, the label text of each of its points that has one (per-point labels, e.g. a "value from cells" label). */
  pointLabels: string[][];
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

/** The automatic style of that name in a chart object (its `<style:chart-properties>` attributes). */
const chartStyle = (xml: string, name: string | undefined): string =>
  (name && new RegExp(`<style:style style:name="${name}"[^>]*>\\s*<style:chart-properties([^>]*)>`).exec(xml)?.[1]) ||
  '';

/** The legend's entries: the local table's series columns (the last one per series) whose series shows in it. */
function legendOf(xml: string, table: TableCell[][]): string[] {
  if (!/<chart:legend\b/.test(xml)) return [];
  const series = [...xml.matchAll(/<chart:series\b[^>]*>/g)].map((m) => m[0]);
  const names = (table[0] ?? []).slice(-series.length);
  return series.flatMap((tag, i) => (/loext:hide-legend="true"/.test(tag) ? [] : [String(names[i] ?? '')]));
}

function valueAxisOf(xml: string): { min?: number; max?: number } {
  const y = /<chart:axis chart:dimension="y"[^>]*>/.exec(xml)?.[0] ?? '';
  const props = chartStyle(xml, attr(y, 'chart:style-name'));
  const bound = (name: string): number | undefined => {
    const v = attr(props, name);
    return v === undefined ? undefined : Number(v);
  };
  return { min: bound('chart:minimum'), max: bound('chart:maximum') };
}

function pointLabelsOf(xml: string): string[][] {
  return [...xml.matchAll(/<chart:series\b[^>]*>([\s\S]*?)<\/chart:series>/g)].map((s) =>
    [...s[1].matchAll(/<chart:data-label\b[^>]*>([\s\S]*?)<\/chart:data-label>/g)].map((l) =>
      decode(l[1].replace(/<[^>]+>/g, '')),
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
      const local = localTable(xml);
      charts.push({
        sheet: decode(table[1]),
        name: attr(frame[1], 'draw:name') ?? '',
        className: attr(/<chart:chart\b[^>]*>/.exec(xml)?.[0] ?? '', 'chart:class') ?? '',
        includeHidden: !/chart:include-hidden-cells="false"/.test(xml),
        series: [...xml.matchAll(/<chart:series\b[^>]*>/g)].map(
          (m) => attr(m[0], 'chart:values-cell-range-address') ?? '',
        ),
        table: local,
        title: chartTitle(xml),
        legend: legendOf(xml, local),
        valueAxis: valueAxisOf(xml),
        pointLabels: pointLabelsOf(xml),
      });
    }
  }
  return charts;
}

export interface OdsSheet {
  name: string;
  /** Each cell's text as LibreOffice shows it (paragraphs joined by line breaks); rows end at their last text. */
  rows: string[][];
  /** The columns hidden in the sheet (`table:visibility="collapse"`), 0-based. */
  hiddenColumns: Set<number>;
}

const count = (tag: string, name: string): number => Number(attr(tag, name) ?? 1);

/** A cell's shown text: its paragraphs, spaces (`text:s`) and line breaks kept, its comment left out. */
function shownText(body: string): string {
  const paragraphs = body.replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, '');
  return [...paragraphs.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)]
    .map((p) =>
      decode(
        p[1]
          .replace(/<text:s\b([^>]*)\/>/g, (_, a: string) => ' '.repeat(Number(attr(a, 'text:c') ?? 1)))
          .replace(/<text:(line-break|tab)\b[^>]*\/>/g, (_, k: string) => (k === 'tab' ? '\t' : '\n'))
          .replace(/<[^>]+>/g, ''),
      ),
    )
    .join('\n');
}

/** One sheet's rows: repeated cells and rows expanded up to the last text (trailing empties never are). */
function sheetRows(xml: string): string[][] {
  const rows: string[][] = [];
  let r = 0;
  const rowRe = /<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
  for (const row of xml.matchAll(rowRe)) {
    const cells: string[] = [];
    let c = 0;
    const cellRe = /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;
    for (const cell of (row[2] ?? '').matchAll(cellRe)) {
      const text = shownText(cell[2] ?? '');
      const n = count(cell[1], 'table:number-columns-repeated');
      if (text !== '') for (let k = 0; k < n; k++) cells[c + k] = text;
      c += n;
    }
    const repeat = count(row[1], 'table:number-rows-repeated');
    if (cells.length > 0) for (let k = 0; k < repeat; k++) rows[r + k] = Array.from(cells, (x) => x ?? '');
    r += repeat;
  }
  return Array.from(rows, (row) => row ?? []);
}

function hiddenColumnsOf(xml: string): Set<number> {
  const hidden = new Set<number>();
  let c = 0;
  for (const col of xml.matchAll(/<table:table-column\b[^>]*>/g)) {
    const n = count(col[0], 'table:number-columns-repeated');
    if (/table:visibility="collapse"/.test(col[0])) for (let k = 0; k < n; k++) hidden.add(c + k);
    c += n;
  }
  return hidden;
}

/** Every sheet of an .ods file LibreOffice wrote, each cell as it shows it after recalculating. */
export async function odsSheets(odsPath: string): Promise<OdsSheet[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(odsPath));
  const content = await zip.file('content.xml')!.async('string');
  return [...content.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)].map((t) => {
    const body = t[2].replace(/<table:shapes>[\s\S]*?<\/table:shapes>/g, '');
    return { name: decode(t[1]), rows: sheetRows(body), hiddenColumns: hiddenColumnsOf(body) };
  });
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

export interface PageTextSize {
  sheet: string;
  page: number;
  /** The median size of the page's words above the footer, in points. */
  pt: number;
}

/**
 * Height of pdftotext's word box for Liberation Sans (LibreOffice's Arial) as a multiple of the font size: measured
 * on an unscaled page, a 9 pt footer word is 11.7 pt tall and a 10 pt cell's word 13.0 pt.
 */
const WORD_BOX = 1.3;

/**
 * The size the text of each PDF page prints at, scaling included: `pdftotext -bbox` gives each word's box, its
 * height ÷ WORD_BOX is the printed size. The footer (sheet name, "Page N") names the page.
 */
export function pageTextSizes(pdf: string): PageTextSize[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const word = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g;
  const out: PageTextSize[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const words = [...page.matchAll(word)].map((m) => ({
      y: Number(m[1]),
      h: Number(m[2]) - Number(m[1]),
      text: m[3],
    }));
    if (words.length === 0) continue;
    const bottom = Math.max(...words.map((w) => w.y));
    const footer = words.filter((w) => bottom - w.y < 2);
    const body = words
      .filter((w) => bottom - w.y >= 2)
      .map((w) => w.h)
      .sort((a, b) => a - b);
    const at = footer.findIndex((w) => w.text === 'Page');
    if (body.length === 0 || at < 0) continue;
    const sheet = footer
      .slice(0, at)
      .map((w) => w.text)
      .join(' ');
    const pt = Math.round((body[Math.floor(body.length / 2)] / WORD_BOX) * 10) / 10;
    out.push({ sheet: sheet.replace(/&amp;/g, '&').replace(/&apos;/g, "'"), page: Number(footer[at + 1]?.text), pt });
  }
  return out;
}
