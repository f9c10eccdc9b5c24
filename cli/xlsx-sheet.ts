/**
 * One worksheet's cells as rows of values (cli/xlsx-read.ts opens the workbook): the `<sheetData>` of the part,
 * streamed, stopping at its end; only cells present in the file are visited, each checked against READ_LIMITS.
 */
import type JSZip from 'jszip';
import {
  LimitExceeded,
  READ_LIMITS,
  scanPart,
  StringText,
  unescapeOoxml,
  type ReadCell,
  type Styles,
} from './xlsx-read';
import { readLimit } from './messages';
import { attr, decodeXml, type XmlHandler } from './xml-scan';

/** "B12" → [row 12, column 2] (1-based); [0, 0] for anything else. */
export function cellRef(ref: string): [number, number] {
  let i = 0;
  let col = 0;
  while (i < ref.length && i < 4) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  const row = Number(ref.slice(i));
  return i > 0 && Number.isInteger(row) && row > 0 ? [row, col] : [0, 0];
}

const SERIAL_UNIX_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

/** A serial number as a Date (ExcelJS's conversion, 1904 system included); an invalid Date when out of range. */
function serialDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - SERIAL_UNIX_EPOCH + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

/** Builds each cell's value as the scanner passes its parts. */
class CellBuilder {
  type = '';
  style = -1;
  private v: string[] = [];
  private vSize = 0;
  inV = false;
  inInline = false;

  constructor(private readonly styles: Styles) {}

  start(attrs: string): void {
    this.type = attr(attrs, 't') ?? 'n';
    this.style = Number(attr(attrs, 's') ?? -1);
    this.v = [];
    this.vSize = 0;
  }
  addV(raw: string, where: () => string): void {
    this.vSize += raw.length;
    if (this.vSize > READ_LIMITS.text * 8)
      throw new LimitExceeded(readLimit('characters in a cell', READ_LIMITS.text, where()));
    this.v.push(raw);
  }
  /** The cell's value; `inline` is the text of an inline string. */
  value(inline: string | undefined): ReadCell {
    if (this.type === 'inlineStr') return inline;
    if (this.v.length === 0) return undefined;
    const raw = decodeXml(this.v.join(''));
    switch (this.type) {
      case 's': {
        const i = Number(raw);
        return Number.isInteger(i) ? this.styles.strings[i] : undefined;
      }
      case 'str':
        return unescapeOoxml(raw);
      case 'b':
        return raw.trim() === '1' || raw.trim() === 'true';
      case 'e':
        return { error: raw.trim() };
      case 'd': {
        const d = new Date(raw.trim());
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(n)) return undefined;
        if (!this.styles.dates.has(this.style)) return n;
        const d = serialDate(n, this.styles.date1904);
        return Number.isNaN(d.getTime()) ? n : d; // no Date can hold it: the number, which the document says is no date
      }
    }
  }
}

/** Counts the cells kept over the whole workbook (READ_LIMITS.cells). */
export interface CellBudget {
  cells: number;
}

/** Reads one worksheet part's cells. */
export async function readSheetCells(
  zip: JSZip,
  name: string,
  part: string,
  styles: Styles,
  budget: CellBudget,
  maxRows = READ_LIMITS.rows,
): Promise<ReadCell[][]> {
  const rows: ReadCell[][] = [];
  const cell = new CellBuilder(styles);
  let [row, col, done] = [0, 0, false];
  const where = (): string => `sheet "${name}", row ${row}`;
  const inline = new StringText(where);
  const tooMany = (what: string, cap: number): LimitExceeded =>
    new LimitExceeded(readLimit(what, cap, `sheet "${name}"`));
  const handler: XmlHandler = {
    open(local, attrs) {
      if (local === 'row') {
        const r = Number(attr(attrs, 'r') ?? row + 1);
        row = Number.isInteger(r) && r > row ? r : row + 1;
        if (row > maxRows) done = true;
        if (row > READ_LIMITS.rows) throw tooMany('rows', READ_LIMITS.rows);
        col = 0;
      } else if (local === 'c') {
        const ref = attr(attrs, 'r');
        const [r, c] = ref ? cellRef(ref) : [0, 0];
        if (r > row) row = r;
        col = c > 0 ? c : col + 1;
        cell.start(attrs);
      } else if (local === 'v') cell.inV = true;
      else if (local === 'is') inline.reset();
      else inline.open(local);
    },
    close(local) {
      if (local === 'v') cell.inV = false;
      else if (local === 'c') keep(cell.value(cell.type === 'inlineStr' ? inline.take() : undefined));
      else if (local === 'sheetData') done = true;
      else inline.close(local);
    },
    text(raw) {
      if (cell.inV) cell.addV(raw, where);
      else inline.text(raw);
    },
    get wantText() {
      return cell.inV || inline.inT;
    },
    get done() {
      return done;
    },
  };
  const keep = (v: ReadCell): void => {
    if (v === undefined || v === '' || row > maxRows) return;
    if (col > READ_LIMITS.columns) throw tooMany('columns', READ_LIMITS.columns);
    if (++budget.cells > READ_LIMITS.cells)
      throw new LimitExceeded(readLimit('cells with a value', READ_LIMITS.cells, 'the workbook'));
    (rows[row - 1] ??= [])[col - 1] = v;
  };
  await scanPart(zip, part, handler, READ_LIMITS.partBytes);
  return Array.from(rows, (r) => r ?? []);
}
