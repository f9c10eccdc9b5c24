/**
 * Small hostile .xlsx files made at test time (never stored): a minimal OOXML package written with JSZip, whose
 * sheets, workbook extras (defined names), sheet extras (merges, validations) and shared strings the test
 * chooses. Cells are inline strings or numbers, as a writer may store them.
 */
import JSZip from 'jszip';

export type HostileCell = string | number | { xml: string };

export interface HostileSheet {
  name: string;
  /** Rows of cells from column A; a row may be sparse (`undefined` = no cell). */
  rows?: HostileCell[][];
  /** Raw `<row>` elements appended after the rows (e.g. a cell in column XFD). */
  extraRowsXml?: string;
  /** Raw XML after `</sheetData>` (mergeCells, dataValidations…). */
  afterData?: string;
  /** Style index per column (0-based) for numbers: 1 is a date format. */
  dateColumns?: number[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "A", "B", …, "XFD" for a 1-based column. */
export function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellXml(v: HostileCell, ref: string, date: boolean): string {
  if (typeof v === 'object') return v.xml.replace('{ref}', ref);
  if (typeof v === 'number') return `<c r="${ref}"${date ? ' s="1"' : ''}><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

function sheetXml(s: HostileSheet): string {
  const rows = (s.rows ?? []).map(
    (cells, r) =>
      `<row r="${r + 1}">${cells
        .map((v, c) => (v === undefined ? '' : cellXml(v, `${colName(c + 1)}${r + 1}`, !!s.dateColumns?.includes(c))))
        .join('')}</row>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetData>${rows.join('')}${s.extraRowsXml ?? ''}</sheetData>${s.afterData ?? ''}</worksheet>`
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** The .xlsx bytes of `sheets`; `workbookExtra` goes inside `<workbook>` after `<sheets>` (definedNames…). */
export async function hostileXlsx(sheets: HostileSheet[], workbookExtra = ''): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map(
          (_s, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${workbookExtra}</workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rIdS" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A Strategic Themes sheet: the header row and `rows` themes. */
export function themesSheet(rows: string[][]): HostileSheet {
  return {
    name: 'Strategic Themes',
    rows: [['Theme', 'Business Driver', 'Technical Implication', 'Success Criteria', 'Timeline', 'Owner'], ...rows],
  };
}
