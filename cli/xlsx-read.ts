/**
 * Reads the worksheets of an .xlsx as rows of values for the strategy reader (shared/strategy/read.ts), part by
 * part and in bounded time and memory, whatever the file holds:
 *
 *  - the zip is opened with JSZip and only the parts we need are inflated, each as a stream with a byte limit:
 *    the workbook (sheet names), its relationships, the styles (which cells are dates), the shared strings and
 *    each worksheet up to the end of its cells (`</sheetData>`); merges, defined names, data validations,
 *    conditional formats, drawings and everything else are never read, so nothing in them can cost anything;
 *  - only cells present in the file are visited (a value in column XFD costs one cell, not 16,384);
 *  - hard limits on rows, columns, cells, text length and part sizes (READ_LIMITS), each named in the message
 *    when a file exceeds it.
 *
 * A cell becomes what the reader takes (ReadCell): a number, text, a boolean, an error, a Date for a number in
 * a date format (as ExcelJS reads it, 1904 date system included), the cached result of a formula, or undefined.
 */
import JSZip from 'jszip';
import type { ReadCell, ReadSheet } from '../shared/strategy/read';
import { readLimit } from './messages';
import { attr, decodeXml, XmlScanner, type XmlHandler } from './xml-scan';

export const READ_LIMITS = {
  /** Rows per sheet: Excel's own maximum. */
  rows: 1_048_576,
  /** Columns per sheet: column AMJ (1,024), far right of any strategy table. */
  columns: 1024,
  /** Cells holding a value, over the whole workbook. */
  cells: 10_000_000,
  /** Characters in one cell: Excel's own maximum. */
  text: 32_767,
  /** Distinct shared strings. */
  sharedStrings: 4_000_000,
  /** Inflated size of one worksheet or the shared strings (bytes). */
  partBytes: 1024 * 1024 * 1024,
  /** Inflated size of the workbook, relationships and styles parts (bytes). */
  smallPartBytes: 64 * 1024 * 1024,
};

export class LimitExceeded extends Error {}

const limit = (what: string, cap: number, where: string): LimitExceeded =>
  new LimitExceeded(readLimit(what, cap, where));

/** JSZip's internal stream of a part (zipObject.js `internalStream`, untyped in index.d.ts): chunks as inflated. */
interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Streams one zip part through a scanner; stops when the handler is done or the part exceeds `maxBytes`. */
async function scanPart(zip: JSZip, name: string, handler: XmlHandler, maxBytes: number): Promise<void> {
  const file = zip.file(name);
  if (!file) return;
  const scanner = new XmlScanner(handler, name);
  const decoder = new TextDecoder('utf-8');
  await new Promise<void>((resolve, reject) => {
    let bytes = 0;
    let settled = false;
    const helper = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream(
      'uint8array',
    );
    const stop = (e?: unknown): void => {
      if (settled) return;
      settled = true;
      helper.pause();
      if (e) reject(e instanceof Error ? e : new Error(String(e)));
      else resolve();
    };
    helper
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        bytes += chunk.length;
        try {
          if (bytes > maxBytes) throw limit('bytes in the part', maxBytes, name);
          if (!scanner.feed(decoder.decode(chunk, { stream: true }))) stop();
        } catch (e) {
          stop(e);
        }
      })
      .on('error', (e: Error) => stop(e))
      .on('end', () => stop())
      .resume();
  });
}

/** A zip part by name, also when the file spells its case differently; the absolute form of a target. */
function partName(zip: JSZip, base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : normalise(`${base}${target}`);
  if (zip.file(joined)) return joined;
  const lower = joined.toLowerCase();
  return Object.keys(zip.files).find((n) => n.toLowerCase() === lower) ?? joined;
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Collects every `tag` start tag's attributes (relationships, sheets): a small part, read whole. */
async function tags(zip: JSZip, name: string, wanted: string[]): Promise<{ tag: string; attrs: string }[]> {
  const found: { tag: string; attrs: string }[] = [];
  await scanPart(
    zip,
    name,
    {
      open: (local, attrs) => {
        if (wanted.includes(local)) found.push({ tag: local, attrs });
      },
      close: () => undefined,
      text: () => undefined,
      wantText: false,
      done: false,
    },
    READ_LIMITS.smallPartBytes,
  );
  return found;
}

/** The relationships of a part: id → { type, absolute target }. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf('/');
  const [dir, file] = [part.slice(0, slash + 1), part.slice(slash + 1)];
  const rels = await tags(zip, `${dir}_rels/${file}.rels`, ['Relationship']);
  const m = new Map<string, { type: string; target: string }>();
  for (const r of rels) {
    const id = attr(r.attrs, 'Id');
    const target = attr(r.attrs, 'Target');
    if (id && target && attr(r.attrs, 'TargetMode') !== 'External')
      m.set(id, { type: attr(r.attrs, 'Type') ?? '', target: partName(zip, dir, target) });
  }
  return m;
}

/** ExcelJS's rule: a format is a date format when, outside quotes and brackets, it has y, m, d, h, s or b. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell style indices (`s`) format numbers as dates. */
async function dateStyles(zip: JSZip, stylesPart: string | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!stylesPart) return dates;
  const formats = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await scanPart(
    zip,
    stylesPart,
    {
      open: (local, attrs, empty) => {
        if (local === 'numFmt') formats.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
        else if (local === 'cellXfs') inCellXfs = !empty;
        else if (local === 'xf' && inCellXfs) {
          const id = Number(attr(attrs, 'numFmtId') ?? 0);
          const code = formats.get(id);
          if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) dates.add(xf);
          xf++;
        }
      },
      close: (local) => {
        if (local === 'cellXfs') inCellXfs = false;
      },
      text: () => undefined,
      wantText: false,
      done: false,
    },
    READ_LIMITS.smallPartBytes,
  );
  return dates;
}

/** `_x000D_` and the other `_xHHHH_` escapes of OOXML strings (ECMA-376 §22.9.2.19), `_x005F_` for a literal `_`. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collects the text of `<t>` elements inside the current string item, ignoring phonetic runs (`<rPh>`). */
export class StringText {
  private raw: string[] = [];
  private size = 0;
  inT = false;
  private inPhonetic = false;
  constructor(private readonly where: () => string) {}
  open(local: string): void {
    if (local === 'rPh') this.inPhonetic = true;
    else if (local === 't' && !this.inPhonetic) this.inT = true;
  }
  close(local: string): void {
    if (local === 'rPh') this.inPhonetic = false;
    else if (local === 't') this.inT = false;
  }
  reset(): void {
    this.raw = [];
    this.size = 0;
  }
  text(raw: string): void {
    this.size += raw.length;
    if (this.size > READ_LIMITS.text * 8) throw limit('characters in a cell', READ_LIMITS.text, this.where());
    this.raw.push(raw);
  }
  /** The decoded text so far, and a fresh start. */
  take(): string {
    const s = unescapeOoxml(decodeXml(this.raw.join('')));
    this.reset();
    if (s.length > READ_LIMITS.text) throw limit('characters in a cell', READ_LIMITS.text, this.where());
    return s;
  }
}

async function sharedStrings(zip: JSZip, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  const t = new StringText(() => `shared string ${strings.length + 1}`);
  await scanPart(
    zip,
    part,
    {
      open: (local) => t.open(local),
      close: (local) => {
        t.close(local);
        if (local !== 'si') return;
        if (strings.length >= READ_LIMITS.sharedStrings)
          throw limit('shared strings', READ_LIMITS.sharedStrings, 'the workbook');
        strings.push(t.take());
      },
      text: (raw) => t.text(raw),
      get wantText() {
        return t.inT;
      },
      done: false,
    },
    READ_LIMITS.partBytes,
  );
  return strings;
}

export interface Styles {
  dates: Set<number>;
  date1904: boolean;
  strings: string[];
}

export { type ReadCell, type ReadSheet };

/** The worksheets in the workbook's order, with the parts the cells need. */
export async function openWorkbook(
  bytes: Uint8Array,
): Promise<{ zip: JSZip; sheets: { name: string; part: string }[]; styles: Styles }> {
  const zip = await JSZip.loadAsync(bytes);
  const root = await relationships(zip, '');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPart = office?.target ?? partName(zip, '', 'xl/workbook.xml');
  if (!zip.file(wbPart)) throw new Error('it has no workbook part (xl/workbook.xml)');
  const rels = await relationships(zip, wbPart);
  const byType = (t: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(t))?.target;
  const wbTags = await tags(zip, wbPart, ['sheet', 'workbookPr']);
  const date1904 = wbTags.some((t) => t.tag === 'workbookPr' && /^(1|true)$/.test(attr(t.attrs, 'date1904') ?? ''));
  const sheets = wbTags
    .filter((t) => t.tag === 'sheet')
    .map((t) => ({ name: attr(t.attrs, 'name') ?? '', rel: rels.get(attr(t.attrs, 'id') ?? '') }))
    .filter((s) => s.rel && s.rel.type.endsWith('/worksheet'))
    .map((s) => ({ name: s.name, part: s.rel!.target }));
  const dates = await dateStyles(zip, byType('/styles'));
  const strings = await sharedStrings(zip, byType('/sharedStrings'));
  return { zip, sheets, styles: { dates, date1904, strings } };
}

export { scanPart };
