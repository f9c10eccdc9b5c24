/**
 * A small streaming XML scanner for the parts of an .xlsx the `document` command reads (the workbook, its
 * relationships, styles, shared strings and the worksheets' cells). It is fed text chunk by chunk, keeps only
 * the unfinished tag between chunks (bounded: MAX_TAG), and hands the handler each start tag, end tag and the
 * text between tags while the handler asks for text. It never expands a DTD (a document type declaration is
 * refused), so entity and billion-laughs attacks have nothing to expand; only the five predefined entities and
 * character references are decoded (decodeXml).
 */
import { xmlDoctype, xmlLimit } from './messages';

/** The longest start tag (name and attributes) the scanner accepts, in characters. */
export const MAX_TAG = 1 << 20;

export interface XmlHandler {
  /** A start tag (`local` name without namespace prefix) and its raw attribute text; `empty` for `<x/>`. */
  open(local: string, attrs: string, empty: boolean): void;
  close(local: string): void;
  /** Raw (still entity-encoded) text between tags, delivered only while `wantText` is true. */
  text(raw: string): void;
  readonly wantText: boolean;
  /** Set by the handler when it has read all it needs: the scanner stops. */
  readonly done: boolean;
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(colon + 1) : qname;
};

/**
 * The next `ch` in `b` at or after `from`, remembering the last answer so that scanning a whole buffer for a
 * character that is rare (an apostrophe) stays linear.
 */
class NextOf {
  private at = -2;
  constructor(
    private readonly b: string,
    private readonly ch: string,
  ) {}
  from(from: number): number {
    if (this.at === -1 || (this.at >= from && this.at !== -2)) return this.at;
    this.at = this.b.indexOf(this.ch, from);
    return this.at;
  }
}

export class XmlScanner {
  private buf = '';

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  /** Scans a chunk; returns false once the handler is done. */
  feed(chunk: string): boolean {
    this.buf = this.buf.length > 0 ? this.buf + chunk : chunk;
    let pos = 0;
    const b = this.buf;
    while (pos < b.length && !this.handler.done) {
      const lt = b.indexOf('<', pos);
      if (lt < 0) {
        if (this.handler.wantText) this.handler.text(b.slice(pos));
        pos = b.length;
        break;
      }
      if (lt > pos && this.handler.wantText) this.handler.text(b.slice(pos, lt));
      const end = this.tagEnd(b, lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      this.tag(b.slice(lt + 1, end));
      pos = end + 1;
    }
    this.buf = b.slice(pos);
    if (this.buf.length > MAX_TAG) throw new Error(xmlLimit(this.part, MAX_TAG));
    return !this.handler.done;
  }

  /** Where the markup starting at `lt` ends (index of its final `>`), or -1 when it is not complete yet. */
  private tagEnd(b: string, lt: number): number {
    if (b.startsWith('<!--', lt)) return endOf(b, '-->', lt);
    if (b.startsWith('<![CDATA[', lt)) return endOf(b, ']]>', lt);
    if (b.startsWith('<!', lt)) {
      if (b.length - lt < 9) return -1;
      throw new Error(xmlDoctype(this.part));
    }
    return this.closingBracket(b, lt);
  }

  private quotes?: { b: string; dq: NextOf; sq: NextOf };

  /** The `>` that ends the start or end tag at `lt`, skipping quoted attribute values; -1 when not in `b` yet. */
  private closingBracket(b: string, lt: number): number {
    if (this.quotes?.b !== b) this.quotes = { b, dq: new NextOf(b, '"'), sq: new NextOf(b, "'") };
    let p = lt;
    for (;;) {
      const gt = b.indexOf('>', p);
      if (gt < 0) return -1;
      const [d, s] = [this.quotes.dq.from(p), this.quotes.sq.from(p)];
      const q = d >= 0 && (s < 0 || d < s) ? d : s;
      if (q < 0 || q > gt) return gt;
      const close = b.indexOf(b[q], q + 1);
      if (close < 0) return -1;
      p = close + 1;
    }
  }

  private tag(inner: string): void {
    const h = this.handler;
    if (inner.startsWith('?') || inner.startsWith('!--')) return;
    if (inner.startsWith('![CDATA[')) {
      if (h.wantText) h.text(escapeText(inner.slice(8, -2)));
      return;
    }
    if (inner.startsWith('/')) {
      h.close(localName(inner.slice(1).trim()));
      return;
    }
    const empty = inner.endsWith('/');
    const body = empty ? inner.slice(0, -1) : inner;
    let n = 0;
    while (n < body.length && !' \t\r\n'.includes(body[n])) n++;
    h.open(localName(body.slice(0, n)), body.slice(n), empty);
    if (empty) h.close(localName(body.slice(0, n)));
  }
}

function endOf(b: string, marker: string, from: number): number {
  const i = b.indexOf(marker, from);
  return i < 0 ? -1 : i + marker.length - 1;
}

/** CDATA text as if it had been written with entities, so the handler decodes all text the same way. */
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else is left as written. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` in a start tag's raw attribute text (prefix ignored), decoded; or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  while (i < attrs.length) {
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = localName(attrs.slice(i, eq).trim());
    let q = eq + 1;
    while (q < attrs.length && attrs[q] !== '"' && attrs[q] !== "'") q++;
    const close = attrs.indexOf(attrs[q], q + 1);
    if (q >= attrs.length || close < 0) return undefined;
    if (key === name) return decodeXml(attrs.slice(q + 1, close));
    i = close + 1;
  }
  return undefined;
}
