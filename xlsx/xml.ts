/**
 * A tiny typed XML writer for the parts the .xlsx writer adds to ExcelJS's output (charts,
 * drawings, relationships). `Xml` is branded: only `el`, `text` and `raw` make it, so a value can
 * never reach a part unescaped. Pure: no DOM, no Node.
 */

declare const XML_BRAND: unique symbol;
/** Well-formed XML text: built by `el`/`text`, never by string concatenation of values. */
export type Xml = string & { readonly [XML_BRAND]: true };

export type XmlAttrs = Record<string, string | number | boolean | undefined>;

/** Escapes text for an element body or an attribute value (quotes too). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** A number as XML Schema's xsd:double / xsd:int accept it (no exponent for ordinary values). */
function attrValue(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`XML attribute value must be a finite number (got ${v})`);
    return String(v);
  }
  return escapeXml(v);
}

/** Text content, escaped. */
export const text = (s: string): Xml => escapeXml(s) as Xml;

/** Trusted constant markup (the XML declaration). */
export const raw = (s: string): Xml => s as Xml;

/**
 * An element: `el('c:idx', { val: 0 })` → `<c:idx val="0"/>`. Attributes left undefined are
 * omitted; children that are `false`/`undefined` are skipped, so optional parts read inline.
 */
export function el(name: string, attrs: XmlAttrs = {}, ...children: (Xml | Xml[] | false | undefined)[]): Xml {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${attrValue(v as string | number | boolean)}"`)
    .join('');
  const body = children
    .flat()
    .filter((c): c is Xml => typeof c === 'string')
    .join('');
  return (body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`) as Xml;
}

/** A whole part: the XML declaration Office writes, then the root element. */
export const part = (root: Xml): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}`;
